"""Documentation-workflow checks: same-day timing, the note minimum, a concrete safeguard,
verification with a number, and failure modes with the safeguard that catches them."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portfolios.checker import check_artifact
from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import workflow
from portfolios.rubric.rows import DOCUMENTATION, TIME_MANAGEMENT
from tests.rubric.probe import Probe, place
from tests.rubric.texts import artifact_text

SECTIONS = KINDS_BY_KEY["workflow_safeguards"].section_keys

GOOD = {
    "workflow": "Visit, note drafted in the room, reviewed against the plan, signed.",
    "timing": "Started at the point of service, signed the same day.",
    "safeguards": "Template with required fields for timed minutes; I reread the goals before signing.",
    "payer_requirements": "Date of service, interventions, timed and total minutes, signature and credentials.",
    "failure_modes": "Notes batched at day end miss minutes; caught by the required timed-minutes field.",
    "verification": "Monthly audit of 10 notes: late notes fell from 18% to 4%.",
}


PROBE = Probe(workflow.check, "workflow_safeguards", "outpatient", GOOD)
findings, found, whole = PROBE.findings, PROBE.found, PROBE.whole


def test_the_good_workflow_covers_every_section_of_the_kind():
    assert set(GOOD) == set(SECTIONS)


def test_a_complete_workflow_raises_nothing():
    assert findings() == []


def test_it_ignores_other_kinds():
    found = check_artifact("caseload_note", "outpatient", {"documentation": ""}).findings
    assert not [f for f in found if f.check.startswith("workflow.")]


@pytest.mark.parametrize(
    ("check_id", "field", "row"),
    [
        ("workflow.timing", "timing", TIME_MANAGEMENT),
        ("workflow.note_minimum", "payer_requirements", DOCUMENTATION),
        ("workflow.safeguards", "safeguards", DOCUMENTATION),
        ("workflow.verification", "verification", DOCUMENTATION),
        ("workflow.failure_modes", "failure_modes", TIME_MANAGEMENT),
    ],
)
def test_it_flags_each_empty_section_once_on_that_section(check_id, field, row):
    [item] = found(check_id, **{field: ""})
    assert place(item) == (field, 0, 0)
    assert item.row == row
    assert found(check_id) == []


# --- the shared rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Point of service",
        "I write notes during the session.",
        "Signed the same day.",
        "All notes done before I leave.",
        "Signed within 24 hours.",
        "By end of day.",
        "Signed the same shift.",
        "I finish every note within my shift.",
    ],
)
def test_it_recognises_a_same_day_rule(text):
    assert workflow.same_day_rule(text)


@pytest.mark.parametrize(
    "text", ["Within 72 hours.", "Weekly on Fridays.", "When I have time.", "", "By the next shift I work."]
)
def test_it_does_not_take_a_later_deadline_for_a_same_day_rule(text):
    assert not workflow.same_day_rule(text)


def test_it_lists_the_note_elements_a_text_leaves_out():
    assert workflow.missing_note_elements(GOOD["payer_requirements"]) == []
    assert workflow.missing_note_elements("Date and total treatment time.") == [
        "interventions",
        "timed minutes",
        "signature with credentials",
    ]


# --- workflow.timing ---------------------------------------------------------------------------


def test_it_flags_timing_later_than_the_same_day():
    timing = "Notes are finished within 72 hours."
    [item] = found("workflow.timing", timing=timing)
    assert item.severity == "warning"
    assert place(item) == whole("timing", timing=timing)


def test_it_accepts_point_of_service_timing():
    assert found("workflow.timing") == []


# --- workflow.note_minimum ---------------------------------------------------------------------


def test_it_names_the_note_elements_the_payer_section_leaves_out():
    payer = "Date of service and my signature."
    [item] = found("workflow.note_minimum", payer_requirements=payer)
    assert item.severity == "warning"
    assert place(item) == whole("payer_requirements", payer_requirements=payer)
    assert item.message == "The note minimum leaves out interventions, timed minutes and total minutes."


def test_it_treats_missing_payer_requirements_as_an_error():
    [item] = found("workflow.note_minimum", payer_requirements="")
    assert item.severity == "error"


def test_it_accepts_the_full_note_minimum():
    assert found("workflow.note_minimum") == []


# --- workflow.safeguards -----------------------------------------------------------------------


def test_it_flags_safeguards_that_name_no_concrete_check():
    safeguards = "I am careful and take my time."
    [item] = found("workflow.safeguards", safeguards=safeguards)
    assert item.severity == "warning"
    assert place(item) == whole("safeguards", safeguards=safeguards)


def test_it_accepts_a_concrete_safeguard():
    assert found("workflow.safeguards") == []
    assert found("workflow.safeguards", safeguards="A peer review of two notes a week.") == []


# --- workflow.verification ---------------------------------------------------------------------


def test_it_flags_verification_without_a_number():
    verification = "We audit notes sometimes."
    [item] = found("workflow.verification", verification=verification)
    assert place(item) == whole("verification", verification=verification)
    assert "no number" in item.message


def test_it_accepts_an_audit_with_a_number():
    assert found("workflow.verification") == []


# --- workflow.failure_modes --------------------------------------------------------------------


def test_it_flags_a_failure_without_the_safeguard_that_catches_it():
    failure_modes = "Notes written late from memory."
    [item] = found("workflow.failure_modes", failure_modes=failure_modes)
    assert place(item) == whole("failure_modes", failure_modes=failure_modes)
    assert item.message == "The failure modes do not say which safeguard catches it."


def test_it_accepts_a_failure_with_its_safeguard():
    assert found("workflow.failure_modes") == []


# --- robustness ----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({key: st.text(max_size=300) for key in SECTIONS}))
def test_it_never_raises_and_keeps_every_span_inside_its_section(fields):
    for item in workflow.check(artifact_text("workflow_safeguards", "outpatient", fields)):
        assert 0 <= item.start <= item.end <= len(fields[item.field])
