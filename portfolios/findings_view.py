"""Shape a stored rubric result for display: findings grouped by row, each with its quoted passage."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from portfolios import redaction
from portfolios.kinds import ArtifactKind
from portfolios.rows import ROWS, RubricRow
from portfolios.rubric.findings import CheckResult, Finding, RowScore

CONTEXT_CHARS = 40


@dataclass(frozen=True)
class ShownFinding:
    finding: Finding
    section_label: str
    before: str
    passage: str
    after: str

    @property
    def is_phi(self) -> bool:
        return self.finding.is_phi


@dataclass(frozen=True)
class RowFindings:
    row: RubricRow
    score: RowScore | None
    findings: tuple[ShownFinding, ...]


def _piece(text: str, start: int, end: int, hidden: tuple[Finding, ...]) -> str:
    """`text[start:end]`, with any part of a hidden identifier inside it masked."""
    if not hidden:
        return text[start:end]
    clipped = [
        replace(item, start=max(item.start, start) - start, end=min(item.end, end) - start)
        for item in hidden
        if item.start < end and item.end > start
    ]
    return redaction.mask(text[start:end], clipped)


def _shown(
    finding: Finding, kind: ArtifactKind, fields: Mapping[str, str], hidden: tuple[Finding, ...] = ()
) -> ShownFinding:
    text = fields.get(finding.field, "") or ""
    start, end = max(0, min(finding.start, len(text))), max(0, min(finding.end, len(text)))
    try:
        label = kind.section(finding.field).label
    except KeyError:
        label = finding.field
    in_field = tuple(item for item in hidden if item.field == finding.field)
    context_start = max(0, start - CONTEXT_CHARS)
    before = _piece(text, context_start, start, in_field)
    after = _piece(text, end, end + CONTEXT_CHARS, in_field)
    return ShownFinding(
        finding,
        label,
        ("\u2026" if start > CONTEXT_CHARS else "") + before,
        _piece(text, start, end, in_field),
        after + ("\u2026" if end + CONTEXT_CHARS < len(text) else ""),
    )


def group_findings(
    result: CheckResult, kind: ArtifactKind, fields: Mapping[str, str], *, hidden: Iterable[Finding] = ()
) -> tuple[RowFindings, ...]:
    """Rows the kind proves first (with their scores), then any other row a finding names.

    Passages of `hidden` identifiers (for mentors: the stored PHI errors) are masked in every quote.
    """
    hidden = tuple(hidden)
    by_row: dict[str, list[ShownFinding]] = {}
    for finding in result.findings:
        by_row.setdefault(finding.row, []).append(_shown(finding, kind, fields, hidden))
    groups = []
    for row in ROWS:
        if row.key in result.rows or row.key in by_row:
            groups.append(RowFindings(row, result.rows.get(row.key), tuple(by_row.get(row.key, ()))))
    return tuple(groups)


def phi_passages(artifact) -> list[ShownFinding]:
    """The identifiers the stored check found in an artifact, each with its quoted passage."""
    if not artifact.check_result:
        return []
    result = CheckResult.from_dict(artifact.check_result)
    return [_shown(finding, artifact.kind_info, artifact.fields) for finding in result.phi_errors]
