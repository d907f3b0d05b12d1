"""Blank required sections: named as info findings, so a row scored 0 for lack of text says why.

Info costs no points by itself; the engine scores a row 0 when every required section
that evidences it is blank (see engine.score_rows), and these findings are the reason.
"""

from __future__ import annotations

from collections.abc import Iterator

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import Finding
from portfolios.rubric.text import finding


def check(text: ArtifactText) -> Iterator[Finding]:
    kind = text.spec
    if kind is None:
        return
    for section in kind.sections:
        if section.required and text.is_blank(section.key):
            yield finding(
                section.key,
                (0, 0),
                check="section.empty",
                row=(section.rows or kind.rows)[0],
                severity="info",
                message=f"“{section.label}” is empty; it is required to mark this artifact complete.",
                fix=section.guidance,
            )
