"""Pick the check families for an artifact's kind and track, run them, and score each rubric row.

Scoring is explainable by construction: a row starts at 4 and each distinct check that
fired on it costs 2 points for an error and 1 for a warning (info costs nothing), down
to 0. Every lost point names the finding behind it. A row whose required evidencing
sections are all blank scores 0, and its `section.empty` findings say which they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from portfolios.kinds import KINDS_BY_KEY, ArtifactKind
from portfolios.rubric import (
    case,
    caseload,
    checklist,
    completeness,
    education,
    general,
    goals,
    handoff,
    overlays,
    phi,
    workflow,
)
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import PENALTY, SCORE_LABELS, CheckResult, Finding, RowScore
from portfolios.rubric.rows import ROW_KEYS
from portfolios.tracks import TRACKS_BY_KEY

CheckFamily = Callable[[ArtifactText], Iterable[Finding]]

# Families every kind gets, whatever its catalog entry says.
ALWAYS: tuple[CheckFamily, ...] = (completeness.check, phi.check, general.check, overlays.check)

# Families a kind asks for by name in its catalog entry (`ArtifactKind.checks`).
FAMILIES: dict[str, CheckFamily] = {
    "handoff": handoff.check,
    "checklist": checklist.check,
    "case": case.check,
    "goals": goals.check,
    "education": education.check,
    "caseload": caseload.check,
    "workflow": workflow.check,
}

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class RubricInputError(ValueError):
    """The kind, track or a section key is not one the catalog knows."""


def check_artifact(kind: str, track: str, fields: Mapping[str, str]) -> CheckResult:
    """Run every check that applies to this kind and track; same input, same output."""
    artifact_kind = KINDS_BY_KEY.get(kind)
    if artifact_kind is None:
        raise RubricInputError(f"unknown artifact kind {kind!r}; known kinds: {', '.join(KINDS_BY_KEY)}")
    if track not in TRACKS_BY_KEY:
        raise RubricInputError(f"unknown track {track!r}; known tracks: {', '.join(TRACKS_BY_KEY)}")
    unknown = [key for key in fields if key not in artifact_kind.section_keys]
    if unknown:
        raise RubricInputError(
            f"unknown section key(s) {', '.join(map(repr, unknown))} for kind {kind!r}; "
            f"its sections are: {', '.join(artifact_kind.section_keys)}"
        )
    text = ArtifactText(
        kind=kind,
        track=track,
        fields={key: str(fields.get(key) or "") for key in artifact_kind.section_keys},
    )
    findings = _run(artifact_kind, text)
    return CheckResult(kind=kind, track=track, findings=findings, rows=score_rows(artifact_kind, text, findings))


def families_for(kind: ArtifactKind) -> tuple[CheckFamily, ...]:
    """The check families that run for this kind: the ones every kind gets, then its own."""
    return ALWAYS + tuple(FAMILIES[name] for name in kind.checks)


def _run(kind: ArtifactKind, text: ArtifactText) -> tuple[Finding, ...]:
    found: set[Finding] = set()
    for family in families_for(kind):
        found.update(family(text))
    section_order = {key: index for index, key in enumerate(kind.section_keys)}
    return tuple(
        sorted(
            found,
            key=lambda f: (
                SEVERITY_ORDER[f.severity],
                section_order.get(f.field, 99),
                f.start,
                f.end,
                f.check,
                f.message,
            ),
        )
    )


def score_rows(kind: ArtifactKind, text: ArtifactText, findings: Iterable[Finding]) -> dict[str, RowScore]:
    """Score each row the kind proves from its findings, naming the reason for every lost point."""
    findings = tuple(findings)
    written = any(not text.is_blank(key) for key in kind.section_keys)
    scores: dict[str, RowScore] = {}
    for row in (key for key in ROW_KEYS if key in kind.proves):
        if not written:
            scores[row] = RowScore(row, 0, SCORE_LABELS[0], ("Nothing written yet.",))
            continue
        evidence = [section for section in kind.sections_for_row(row) if section.required] or list(
            kind.sections_for_row(row)
        )
        if all(text.is_blank(section.key) for section in evidence):
            labels = ", ".join(f"“{section.label}”" for section in evidence)
            scores[row] = RowScore(row, 0, SCORE_LABELS[0], (f"Nothing written yet in {labels} (section.empty).",))
            continue
        worst_by_check: dict[str, Finding] = {}
        for item in findings:
            if item.row != row or PENALTY[item.severity] == 0:
                continue
            current = worst_by_check.get(item.check)
            if current is None or PENALTY[item.severity] > PENALTY[current.severity]:
                worst_by_check[item.check] = item
        lost = sum(PENALTY[item.severity] for item in worst_by_check.values())
        score = max(0, 4 - lost)
        reasons = tuple(
            f"\u2212{PENALTY[item.severity]}: {item.message} ({item.check})"
            for item in sorted(worst_by_check.values(), key=lambda f: (SEVERITY_ORDER[f.severity], f.check))
        ) or ("No problems found by the checks for this row.",)
        scores[row] = RowScore(row, score, SCORE_LABELS[score], reasons)
    return scores
