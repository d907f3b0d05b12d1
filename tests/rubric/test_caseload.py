"""Caseload-note checks: priority rule, defer rule, guardrails, timely documentation, a measure
with a quality check, and staffing escalation."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portfolios.checker import check_artifact
from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import caseload
from portfolios.rubric.rows import DOCUMENTATION, TIME_MANAGEMENT
from tests.rubric.probe import Probe, place
from tests.rubric.texts import artifact_text

SECTIONS = KINDS_BY_KEY["caseload_note"].section_keys

GOOD = {
    "context": "Acute ortho floor: 10-12 patients on a normal day, 16-18 on a high-volume day.",
    "priorities": (
        "1. Discharges pending today\n"
        "2. New evaluations\n"
        "3. Post-op day 0-1\n"
        "4. Safety risk (falls, new precautions)\n"
        "5. Everyone else, by frequency owed"
    ),
    "deferrals": (
        "I defer stable patients seen yesterday who are not due for discharge, reschedule within 24 hours, "
        "and tell the RN and the scheduler."
    ),
    "guardrails": "Never skipped: precautions check before each session, gait belt for every transfer, RN handoff.",
    "documentation": (
        "Notes at the point of service, all signed the same day. Each has the date, interventions, timed and "
        "total minutes, and my signature and credentials."
    ),
    "measures": "14 patients a day; weekly audit of 5 notes with 0 late notes.",
    "escalation": "If more than 3 priority-1 patients cannot be seen by 14:00, I tell the rehab manager.",
}


PROBE = Probe(caseload.check, "caseload_note", "acute", GOOD)
findings, found, whole = PROBE.findings, PROBE.found, PROBE.whole


def test_the_good_note_covers_every_section_of_the_kind():
    assert set(GOOD) == set(SECTIONS)


def test_a_complete_note_raises_nothing():
    assert findings() == []


def test_it_ignores_other_kinds():
    found = check_artifact("workflow_safeguards", "acute", {"timing": "later"}).findings
    assert not [f for f in found if f.check.startswith("caseload.")]


@pytest.mark.parametrize(
    ("check_id", "field", "row"),
    [
        ("caseload.priority_rule", "priorities", TIME_MANAGEMENT),
        ("caseload.defer_rule", "deferrals", TIME_MANAGEMENT),
        ("caseload.guardrails", "guardrails", TIME_MANAGEMENT),
        ("caseload.timely_documentation", "documentation", DOCUMENTATION),
        ("caseload.measured", "measures", TIME_MANAGEMENT),
        ("caseload.staffing_escalation", "escalation", TIME_MANAGEMENT),
    ],
)
def test_it_flags_each_empty_section_once_on_that_section(check_id, field, row):
    [item] = found(check_id, **{field: ""})
    assert place(item) == (field, 0, 0)
    assert item.row == row
    assert found(check_id) == []


# --- caseload.priority_rule --------------------------------------------------------------------


def test_it_flags_a_priority_rule_without_order_or_criteria():
    priorities = "I see whoever is ready."
    [item] = found("caseload.priority_rule", priorities=priorities)
    assert item.severity == "warning"
    assert place(item) == whole("priorities", priorities=priorities)
    assert "an order" in item.message and "criteria" in item.message


def test_it_accepts_ordered_criteria_written_as_a_sentence():
    priorities = "Discharges first, then new evaluations, then post-op patients."
    assert found("caseload.priority_rule", priorities=priorities) == []


def test_it_treats_a_missing_priority_rule_as_an_error():
    [item] = found("caseload.priority_rule", priorities="")
    assert item.severity == "error"


# --- caseload.defer_rule -----------------------------------------------------------------------


def test_it_flags_a_defer_rule_that_does_not_say_who_is_told():
    deferrals = "I defer stable patients who are not due for discharge."
    [item] = found("caseload.defer_rule", deferrals=deferrals)
    assert place(item) == whole("deferrals", deferrals=deferrals)
    assert item.message == "The defer rule does not say who is told."


def test_it_accepts_a_defer_rule_with_criterion_and_who_is_told():
    assert found("caseload.defer_rule") == []


# --- caseload.guardrails -----------------------------------------------------------------------


def test_it_flags_guardrails_that_name_no_safety_item():
    guardrails = "I stay calm and work hard."
    [item] = found("caseload.guardrails", guardrails=guardrails)
    assert item.severity == "warning"
    assert place(item) == whole("guardrails", guardrails=guardrails)


def test_it_accepts_a_never_skip_safety_item():
    assert found("caseload.guardrails") == []


# --- caseload.timely_documentation -------------------------------------------------------------


def test_it_flags_documentation_without_a_same_day_rule_or_note_minimum():
    documentation = "I catch up on notes on Fridays; each note has the date."
    [item] = found("caseload.timely_documentation", documentation=documentation)
    assert item.row == DOCUMENTATION and item.severity == "warning"
    assert place(item) == whole("documentation", documentation=documentation)
    assert "same-day" in item.message
    assert "interventions, timed minutes, total minutes and signature with credentials" in item.message
    assert "date," not in item.message


def test_it_accepts_same_day_notes_with_the_note_minimum():
    assert found("caseload.timely_documentation") == []


# --- caseload.measured -------------------------------------------------------------------------


def test_it_flags_a_throughput_number_without_a_quality_check():
    measures = "14 patients a day."
    [item] = found("caseload.measured", measures=measures)
    assert place(item) == whole("measures", measures=measures)
    assert item.message == "The measure does not give how you check quality held."


def test_it_flags_a_quality_check_without_a_number():
    [item] = found("caseload.measured", measures="I audit my notes.")
    assert item.message == "The measure does not give a number."


def test_it_accepts_a_number_and_a_quality_check():
    assert found("caseload.measured") == []


# --- caseload.staffing_escalation --------------------------------------------------------------


def test_it_flags_a_staffing_escalation_without_a_threshold_or_role():
    escalation = "I ask for help when it gets busy."
    [item] = found("caseload.staffing_escalation", escalation=escalation)
    assert item.severity == "warning"
    assert place(item) == whole("escalation", escalation=escalation)
    assert "threshold" in item.message and "role" in item.message


def test_it_treats_a_missing_staffing_escalation_as_an_error():
    [item] = found("caseload.staffing_escalation", escalation="")
    assert item.severity == "error"


def test_it_accepts_a_threshold_and_a_role():
    assert found("caseload.staffing_escalation") == []


# --- robustness ----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({key: st.text(max_size=300) for key in SECTIONS}))
def test_it_never_raises_and_keeps_every_span_inside_its_section(fields):
    for item in caseload.check(artifact_text("caseload_note", "outpatient", fields)):
        assert 0 <= item.start <= item.end <= len(fields[item.field])
