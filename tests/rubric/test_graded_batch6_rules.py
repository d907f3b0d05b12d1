"""Rules added when graded batch 6 became tuning material: each one passes and fails on texts written here.

Batch 6 is written in terse, abbreviated and non-native styles. A shared room's number ("therapy room 4")
points at nobody, and the plural of a clinical short form is no name; a framework named alone as a
heading is not keyword stuffing; "if not done, the next day" sends the note late rather than refusing
lateness; a checklist item whose criterion is a judgment ("the correct splints", "teach it well", "make
sure he knows") could be ticked by anyone; interventions hedged "as appropriate" tie to no goal; a
clinician's holiday is when a handoff happens; an ordinal after a count of tries is no date; equipment
found failed and used anyway is unsafe.
"""

from __future__ import annotations

import pytest

from portfolios.kinds import get_kind
from portfolios.rubric import checklist, evidence, phi, safety, substance
from portfolios.rubric.spec import EvidenceRule, frozen_mapping
from tests.rubric.texts import artifact_text, earned_share, evidence_rule

_rule = evidence_rule
_earn = earned_share


def _identifier_types(text: str) -> list[str]:
    return [item.type for item in phi.find_identifiers(text)]


# --- PHI: shared rooms and plural short forms ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Sessions move to therapy room 4 when the gym is loud.",
        "Family meeting held in conference room 12 at 14:00.",
        "Group runs in the group room 3, Tuesdays.",
    ],
)
def test_the_number_of_a_shared_room_is_not_an_identifier(text):
    assert "other_id" not in _identifier_types(text)


@pytest.mark.parametrize("text", ["Pt moved to room 412 overnight.", "Seen in Rm 7B after lunch.", "Bed 3 pt refused."])
def test_the_room_or_bed_a_patient_stays_in_is_still_an_identifier(text):
    assert "other_id" in _identifier_types(text)


@pytest.mark.parametrize("text", ["Evals done before noon.", "Reevals due every 30 days."])
def test_the_plural_of_a_clinical_short_form_is_not_a_name(text):
    assert "name" not in _identifier_types(text)


def test_an_unknown_capitalised_word_before_a_verb_is_still_a_name():
    assert "name" in _identifier_types("Zorbanek signed the consent before the session.")


# --- A framework named as a heading -------------------------------------------------------------
@pytest.mark.parametrize("passage", ["I-PASS.", "SBAR:", "ISBAR."])
def test_a_framework_named_alone_is_a_heading_not_stuffing(passage):
    assert not substance.is_stuffed(passage)


def test_a_framework_named_among_claims_is_still_stuffing():
    assert substance.is_stuffed("I-PASS ensures timely, comprehensive, closed-loop handoffs.")


# --- Late notes behind a condition --------------------------------------------------------------
def test_a_note_that_slips_to_the_next_morning_when_not_finished_is_late():
    late = "Notes at end of day; if not finished, the next morning before the first pt."
    on_time = "Notes at end of day, never carried to the next morning."
    assert _earn("timed", late, firm=True) == pytest.approx(0.5)
    assert _earn("timed", on_time, firm=True) == pytest.approx(1.0)


# --- Checklist items judged, not checked ----------------------------------------------------------
@pytest.mark.parametrize(
    "item",
    ["Hand out the correct splints", "Teach the transfer well", "Make sure the client knows the plan"],
)
def test_an_item_whose_criterion_is_a_judgment_is_not_checkable(item):
    assert not checklist.is_checkable(item)


@pytest.mark.parametrize(
    "item",
    ["Check the right hand splint straps", "Wash hands as well", "Ask the client to state the 2 hip precautions"],
)
def test_an_item_with_a_real_criterion_stays_checkable(item):
    assert checklist.is_checkable(item)


# --- Interventions hedged into "as appropriate" -------------------------------------------------------
def _linked(interventions: str) -> float:
    rule = EvidenceRule(
        "test", "plan_of_care", "linked_to_goals", ("a",), "test", 1.0, frozen_mapping({"goals": ("g",)})
    )
    fields = {"a": interventions, "g": "Client will improve standing balance for kitchen tasks within 4 weeks."}
    return evidence.earn(rule, fields, "outpatient").share


def test_an_intervention_hedged_as_appropriate_ties_to_no_goal():
    assert _linked("Standing balance work, kitchen tasks, as appropriate and as tolerated.") == 0
    assert _linked("Standing balance work at the kitchen counter, 10 minutes per session.") > 0


# --- A handoff used when the clinician is away --------------------------------------------------------
@pytest.mark.parametrize(
    "framework", ["SBAR, used when I go on holiday and a colleague covers.", "ISBAR whenever I take time off."]
)
def test_the_clinicians_absence_is_the_moment_a_handoff_happens(framework):
    assert _earn("pause_point", framework) > 0


def test_a_framework_with_no_occasion_names_no_moment():
    assert _earn("pause_point", "SBAR, spoken, with the chart open.") == 0


# --- An ordinal that numbers a try ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["Reached safely on 5 of 6 reps; on the 6th she twisted.", "Correct on 3/4 trials; on the 4th he lost balance."],
)
def test_an_ordinal_after_a_count_of_tries_is_not_a_date(text):
    assert "date" not in _identifier_types(text)


@pytest.mark.parametrize("text", ["She fell on the 6th and was admitted.", "Seen 2 visits; on the 14th she fell."])
def test_an_ordinal_day_with_no_count_of_tries_before_it_is_still_a_date(text):
    assert "date" in _identifier_types(text)


# --- A failed equipment check carried on ----------------------------------------------------------------
def _safety_checks(escalation: str) -> list[str]:
    spec = get_kind("sop_checklist").spec
    fields = dict.fromkeys(spec.section_keys, "") | {"escalation": escalation}
    return [item.check for item in safety.check(artifact_text("sop_checklist", "acute", fields, spec))]


@pytest.mark.parametrize(
    "escalation",
    [
        "If the wheelchair brake is broken, use it anyway and report it on Friday.",
        "When the glucometer strips are expired, continue with the old ones.",
        "If the hoist battery is flat, finish the lift and plug it in later.",
    ],
)
def test_equipment_found_failed_and_used_anyway_is_unsafe(escalation):
    assert "safety.failed_check_carried_on" in _safety_checks(escalation)


@pytest.mark.parametrize(
    "escalation",
    [
        "If the wheelchair brake is broken, take the chair out of use and tag it; tell the charge nurse at once.",
        "If the battery is low, do not start the lift: swap to the charged spare and log it.",
        "If pain stays low, continue the home program.",
    ],
)
def test_a_failed_check_that_stops_the_work_is_safe(escalation):
    assert "safety.failed_check_carried_on" not in _safety_checks(escalation)
