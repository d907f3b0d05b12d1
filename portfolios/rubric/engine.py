"""Run the check families the catalog names for a kind and track, and score each rubric row.

Scores come from evidence, then problems cap them:

1. Each section is cleaned first (`substance.clean`): placeholders ("TBD", "see above") and
   passages that repeat the form's own guidance earn nothing.
2. For each row the kind proves, every evidence rule the catalog declares for it
   (`spec.EvidenceRule`, shapes in `evidence.py`) earns part of its weight from the cleaned
   text. The row's evidence score is 4 × earned ÷ possible.
3. The problems found cap it: each distinct check that fired on the row lowers the cap by
   `CAP_COST` (2 for an error, ½ for a warning, 0 for info; warnings together by at most
   `WARNINGS_LOWER_CAP_BY`, so many small notes cannot sink well-evidenced work, while errors
   can), and a safety error caps the row at `SAFETY_CAP` whatever else it shows. The ids one
   per-goal completeness check reports under (`goal.timeline`, `goal.coast`, …) count as one check,
   and two errors on the same sentence cost once. A row that
   earns a point of evidence keeps at least 1 ("Emerging"): problems name what to fix, and
   "Not shown" is kept for rows that show nothing.
4. A half-written artifact is capped at 4 × the share of its required sections written, times the
   share of the row's evidence points that have a written section to be found in: blank sections that
   the row depends on (a checklist's escalation path for its timing) cost that row more than the others.

Every point earned names its passage, every point missing names what was looked for and
where, and every cap names the finding behind it. Same input, same output; no Django here:
the catalog (`portfolios.kinds`, `portfolios.tracks`) builds the specs and calls `check`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping

from portfolios.rubric import (
    case,
    caseload,
    checklist,
    completeness,
    education,
    evidence,
    general,
    goals,
    handoff,
    overlays,
    ownership,
    phi,
    safety,
    shortform,
    substance,
    workflow,
)
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import SCORE_LABELS, CheckResult, Finding, RowScore
from portfolios.rubric.rows import ROW_KEYS
from portfolios.rubric.spec import KindSpec, TrackSpec

CheckFamily = Callable[[ArtifactText], Iterable[Finding]]

# Families every kind gets, whatever its catalog entry says.
ALWAYS: tuple[CheckFamily, ...] = (completeness.check, phi.check, general.check, overlays.check, safety.check)

# Families a kind asks for by name in its catalog entry (`KindSpec.families`).
FAMILIES: dict[str, CheckFamily] = {
    "handoff": handoff.check,
    "checklist": checklist.check,
    "case": case.check,
    "goals": goals.check,
    "education": education.check,
    "caseload": caseload.check,
    "workflow": workflow.check,
    "ownership": ownership.check,
    "shortform": shortform.check,
    "calibration": shortform.calibration,
}

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
# How far one distinct check lowers a row's cap, by severity.
CAP_COST: dict[str, float] = {"error": 2, "warning": 0.5, "info": 0}
WARNINGS_LOWER_CAP_BY = 2.0
# A safety error caps its row here, however much evidence the row shows, and the kind's other rows
# at SAFETY_CAP_ELSEWHERE: an unsafe decision undermines trust in the whole artifact.
SAFETY_CAP = 1
SAFETY_CAP_ELSEWHERE = 2
# A row that earns at least a point of evidence keeps at least this much, whatever its problems.
CAP_FLOOR_WITH_EVIDENCE = 1.0
# A half-written artifact is capped at 4 x the share of its required sections written (placeholders are unwritten).
COMPLETENESS_FLOOR = 0.0
# Evidence below this share of a rule is reported as missing (an info finding with the fix).
MISSING_BELOW = 0.5


class RubricInputError(ValueError):
    """The kind, track or a section key is not one the catalog knows."""


def check(kind: KindSpec, track: TrackSpec, fields: Mapping[str, str]) -> CheckResult:
    """Run every check that applies to this kind and track and score its rows; same input, same output."""
    unknown = [key for key in fields if key not in kind.section_keys]
    if unknown:
        raise RubricInputError(
            f"unknown section key(s) {', '.join(map(repr, unknown))} for kind {kind.key!r}; "
            f"its sections are: {', '.join(kind.section_keys)}"
        )
    text = ArtifactText(
        kind=kind.key,
        track=track.key,
        fields={key: str(fields.get(key) or "") for key in kind.section_keys},
        spec=kind,
    )
    cleaned = substance.clean(kind, text.fields)
    found: set[Finding] = set(cleaned.findings)
    for family in families_for(kind):
        found.update(family(text))
    rows, missing = score(kind, track, text, cleaned.fields, found)
    found.update(missing)
    return CheckResult(kind=kind.key, track=track.key, findings=_ordered(kind, found), rows=rows)


def families_for(kind: KindSpec) -> tuple[CheckFamily, ...]:
    """The check families that run for this kind: the ones every kind gets, then its own."""
    return ALWAYS + tuple(FAMILIES[name] for name in kind.families)


def _ordered(kind: KindSpec, found: Iterable[Finding]) -> tuple[Finding, ...]:
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


def score(
    kind: KindSpec,
    track: TrackSpec,
    text: ArtifactText,
    cleaned: Mapping[str, str],
    findings: Iterable[Finding],
) -> tuple[dict[str, RowScore], list[Finding]]:
    """Score each row the kind proves from its evidence, capped by its problems; also the missing-evidence notes."""
    findings = tuple(findings)
    written = any(not text.is_blank(key) for key in kind.section_keys)
    unsafe = any(item.check.startswith("safety.") and item.severity == "error" for item in findings)
    required = [section.key for section in kind.sections if section.required]
    written_required = sum(1 for key in required if cleaned.get(key, "").strip())
    complete = written_required / len(required) if required else 1.0
    completeness_cap = min(4.0, COMPLETENESS_FLOOR + 4 * complete)
    scores: dict[str, RowScore] = {}
    missing: list[Finding] = []
    for row in (key for key in ROW_KEYS if key in kind.rows):
        if not written:
            scores[row] = RowScore(row, 0, SCORE_LABELS[0], ("Nothing written yet.",))
            continue
        sections = [section for section in kind.sections_for_row(row) if section.required] or list(
            kind.sections_for_row(row)
        )
        if all(text.is_blank(section.key) for section in sections):
            labels = ", ".join(f"\u201c{section.label}\u201d" for section in sections)
            scores[row] = RowScore(row, 0, SCORE_LABELS[0], (f"Nothing written yet in {labels}.",))
            continue
        earned_points, possible, reasons, notes = _evidence(kind, track, row, cleaned)
        missing.extend(notes)
        evidence_score = 4 * earned_points / possible if possible else 0.0
        cap, cap_reasons = _cap(row, tuple(item for item in findings if not _about_a_blank_section(item, text)))
        if unsafe and cap > SAFETY_CAP_ELSEWHERE:
            cap = SAFETY_CAP_ELSEWHERE
            cap_reasons.append(f"Capped at {SAFETY_CAP_ELSEWHERE}: an unsafe decision elsewhere in this artifact.")
        if complete < 1:
            # A half-written artifact is judged twice over where its blanks fall on this row: the share of
            # required sections written, times the share of this row's evidence that has a section to stand in.
            row_share = _written_share(kind, row, cleaned)
            row_cap = completeness_cap * row_share
            if cap > row_cap:
                cap = row_cap
                cap_reasons.append(
                    f"Capped at {row_cap:.1f}: {written_required} of {len(required)} required sections are "
                    "written, and reviewers judge the whole artifact"
                    + (f"; {row_share:.0%} of this row's evidence has a section written." if row_share < 1 else ".")
                )
        if evidence_score >= 1 and cap < CAP_FLOOR_WITH_EVIDENCE:
            # Problems can take a row down to "Emerging", not below, while it shows real evidence.
            cap = CAP_FLOOR_WITH_EVIDENCE
        value = min(evidence_score, cap)
        final = max(0, min(4, math.floor(value + 0.5)))
        summary = f"Evidence earns {evidence_score:.1f} of 4" + (
            f"; problems cap this row at {cap:g}." if cap < 4 else "; no problem caps it."
        )
        scores[row] = RowScore(row, final, SCORE_LABELS[final], (summary, *reasons, *cap_reasons))
    return scores, missing


def _evidence(
    kind: KindSpec, track: TrackSpec, row: str, cleaned: Mapping[str, str]
) -> tuple[float, float, list[str], list[Finding]]:
    earned_points = 0.0
    possible = 0.0
    reasons: list[str] = []
    notes: list[Finding] = []
    for rule in (rule for rule in kind.evidence if rule.row == row):
        result = evidence.earn(rule, cleaned, track.key)
        points = rule.points * result.share
        earned_points += points
        possible += rule.points
        where = " or ".join(f"\u201c{kind.section(key).label}\u201d" for key in rule.sections)
        if result.passage:
            field, start, end = result.passage
            quoted = _quote(cleaned[field][start:end])
            reasons.append(f"+{points:.1f} of {rule.points:g}: {rule.looks_for} \u2014 \u201c{quoted}\u201d ({where})")
        else:
            reasons.append(f"+0 of {rule.points:g}: missing \u2014 {rule.looks_for} ({where})")
        if result.share < MISSING_BELOW:
            anchor = result.passage[0] if result.passage else rule.sections[0]
            notes.append(
                Finding(
                    field=anchor,
                    start=0,
                    end=0,
                    check=f"evidence.{rule.id}",
                    row=row,
                    severity="info",
                    message=f"Not shown yet: {rule.looks_for}",
                    fix=kind.section(rule.sections[0]).guidance or rule.looks_for,
                )
            )
    return earned_points, possible, reasons, notes


def _written_share(kind: KindSpec, row: str, cleaned: Mapping[str, str]) -> float:
    """The share of the row's evidence points with a section written (after cleaning); 1.0 for a row with no rules.

    Read on the cleaned sections, as the completeness share is: a section that only repeats the form or names
    buzzwords is no more written for the row than for the artifact.
    """
    total = written = 0.0
    for rule in (rule for rule in kind.evidence if rule.row == row):
        total += rule.points
        if any(cleaned.get(key, "").strip() for key in rule.sections):
            written += rule.points
    return written / total if total else 1.0


def _about_a_blank_section(item: Finding, text: ArtifactText) -> bool:
    """A finding that only says a section is missing: the missing evidence already costs the row, once."""
    return item.start == item.end == 0 and text.is_blank(item.field) and not item.check.startswith(("phi.", "safety."))


def _cap_group(check_id: str) -> str:
    """The problem a check id stands for when capping: the per-goal COAST ids are one check (goal.coast)."""
    return "goal.coast" if check_id in goals.GOAL_COMPLETENESS_CHECKS else check_id


def _cap(row: str, findings: tuple[Finding, ...]) -> tuple[float, list[str]]:
    worst_by_check: dict[str, Finding] = {}
    for item in findings:
        if item.row != row or CAP_COST[item.severity] == 0:
            continue
        group = _cap_group(item.check)
        current = worst_by_check.get(group)
        if current is None or CAP_COST[item.severity] > CAP_COST[current.severity]:
            worst_by_check[group] = item
    # One unsafe sentence is one error: two checks faulting the same passage as errors cost the cap once.
    faulted: set[tuple[str, int, int]] = set()
    for group, item in sorted(worst_by_check.items()):
        place = (item.field, item.start, item.end)
        if item.severity != "error" or item.end <= item.start:
            continue
        if place in faulted:
            del worst_by_check[group]
        faulted.add(place)
    errors = sum(CAP_COST[item.severity] for item in worst_by_check.values() if item.severity == "error")
    warnings = sum(CAP_COST[item.severity] for item in worst_by_check.values() if item.severity == "warning")
    cap = 4 - errors - min(warnings, WARNINGS_LOWER_CAP_BY)
    if any(item.check.startswith("safety.") and item.severity == "error" for item in worst_by_check.values()):
        cap = min(cap, SAFETY_CAP)
    cap = max(0.0, cap)
    reasons = [
        f"\u2212{CAP_COST[item.severity]:g} to the cap: {item.message} ({item.check})"
        for item in sorted(worst_by_check.values(), key=lambda f: (SEVERITY_ORDER[f.severity], f.check))
    ]
    return cap, reasons


def _quote(passage: str, limit: int = 90) -> str:
    passage = " ".join(passage.split())
    return passage if len(passage) <= limit else passage[: limit - 1].rstrip() + "\u2026"
