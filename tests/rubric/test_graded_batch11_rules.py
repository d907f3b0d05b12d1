"""Rules added when graded batch 11 became tuning material, each with texts that pass and texts that fail.

The error a checklist exists to prevent, a memo's risk and a workflow's failure modes tell the hazard
as the problem ("presyncope at the first stand: 5 events in 6 weeks"); the safety family reads the
decisions a candidate took or teaches, and a hazard told is none. The same words written as what to do
are still read anywhere else.
"""

from __future__ import annotations

import pytest

from portfolios.checker import check_artifact

HAZARD = "Staff continued the first stand through dizziness and presyncope; 5 events in 6 weeks."


def _safety_checks(kind: str, fields: dict[str, str]) -> list[tuple[str, str]]:
    result = check_artifact(kind, "acute", fields)
    return [(finding.field, finding.check) for finding in result.findings if finding.check.startswith("safety.")]


@pytest.mark.parametrize(
    ("kind", "section"),
    [
        ("sop_checklist", "error_prevented"),
        ("calibration_checklist", "error_prevented"),
        ("workflow_safeguards", "failure_modes"),
        ("stakeholder_memo", "risk"),
        ("ship_plan", "risks"),
    ],
)
def test_the_hazard_an_artifact_prevents_is_no_unsafe_decision(kind, section):
    assert _safety_checks(kind, {section: HAZARD}) == []


@pytest.mark.parametrize(("kind", "section"), [("sop_checklist", "items"), ("sop_checklist", "exceptions")])
def test_the_same_words_in_any_other_section_are_still_unsafe(kind, section):
    assert (section, "safety.continued_through_red_flag") in _safety_checks(kind, {section: HAZARD})
    instruction = "If the client reports dizziness at the first stand, continue the stand and finish the transfer."
    assert (section, "safety.unsafe_contingency") in _safety_checks(kind, {section: instruction})
