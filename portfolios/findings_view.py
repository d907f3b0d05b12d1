"""Shape a stored rubric result for display: findings grouped by row, each with its quoted passage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

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


def _shown(finding: Finding, kind: ArtifactKind, fields: Mapping[str, str]) -> ShownFinding:
    text = fields.get(finding.field, "") or ""
    start, end = max(0, min(finding.start, len(text))), max(0, min(finding.end, len(text)))
    try:
        label = kind.section(finding.field).label
    except KeyError:
        label = finding.field
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    return ShownFinding(
        finding,
        label,
        ("\u2026" if start > CONTEXT_CHARS else "") + before,
        text[start:end],
        after + ("\u2026" if end + CONTEXT_CHARS < len(text) else ""),
    )


def group_findings(result: CheckResult, kind: ArtifactKind, fields: Mapping[str, str]) -> tuple[RowFindings, ...]:
    """Rows the kind proves first (with their scores), then any other row a finding names."""
    by_row: dict[str, list[ShownFinding]] = {}
    for finding in result.findings:
        by_row.setdefault(finding.row, []).append(_shown(finding, kind, fields))
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
