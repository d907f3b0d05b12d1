"""Rules added when graded batch 10 became tuning material (handoffs and SOP checklists), on texts written here.

A checklist's owner-and-review section is about the document itself: a date there ("next revision due
14 March") is the checklist's, not a patient's, so the PHI gate lets it pass, and flags every other
identifier there and every date elsewhere. Terse items are checks when they read a vital sign off, put a
value in the record, or start with an arranging verb ("Book the review", "Show the exercises"). A stop rule
may be the stop itself ("Stop walking if …"); a second tier may be the first step not working ("not
settling after 5 min: …"); "at once", "straight away" and "after 3 min" are whens. A pause point may be each
client's first time doing something ("Every client's first shower"), a trigger written as a clause ("Whenever
the ward pharmacist changes an anticoagulant dose", three quarters) or, for a quarter, the cases it is used
for ("children referred to the feeding clinic"). An escalation path names the results that trigger it, not
outcomes.
"""

from __future__ import annotations

import pytest

from portfolios.checker import check_artifact
from portfolios.kinds import get_kind
from portfolios.rubric import checklist, evidence, general, phi, substance
from portfolios.rubric.spec import EvidenceRule, frozen_mapping
from tests.rubric.texts import artifact_text

_CHECKLIST = {
    "error_prevented": "Skin tears on frail forearms when a slide sheet is pulled out from under a client after a bed move.",
    "when_used": "Before every bed move that uses a slide sheet on the older-adult ward.",
    "checklist_type": "READ-DO",
    "items": (
        "1. Skin on both forearms inspected and marked on the body map.\n"
        "2. Sleeves pulled down over the forearms.\n"
        "3. Two staff on the sheet, one on each side.\n"
        "4. Sheet removed by rolling it, never pulled flat.\n"
        "5. Skin re-inspected and recorded after the move."
    ),
    "exceptions": "Not used in a resuscitation. If a second staff member is not available, do not move the client.",
    "escalation": "Any new tear: tell the nurse in charge at once, then the tissue viability nurse the same day.",
}


def _phi_checks(kind: str, fields: dict[str, str]) -> list[tuple[str, str]]:
    return [(f.field, f.check) for f in check_artifact(kind, "acute", fields).findings if f.check.startswith("phi.")]


# --- PHI: a review date in the owner-and-review section is the document's own ---------------------
@pytest.mark.parametrize("kind", ["sop_checklist", "calibration_checklist"])
@pytest.mark.parametrize(
    "owner_review",
    [
        "Owner: the ward OT lead. Next revision due 14 March.",
        "Owned by the senior OT; piloted for four weeks and reviewed on 2 February 2026.",
        "Owner: band 7 OT. Checklist to be revised by 30th Nov.",
    ],
)
def test_a_review_date_in_the_owner_section_is_the_documents_date_not_a_patients(kind, owner_review):
    fields = {**_CHECKLIST, "owner_review": owner_review}
    assert ("owner_review", "phi.date") not in _phi_checks(kind, fields)


@pytest.mark.parametrize(
    "owner_review",
    [
        "Owner: OT lead. Reviewed after the fall of the client born 3 April 1950; call 555-201-3344.",
        "Owner: OT lead, MRN 48812345 audited.",
    ],
)
def test_other_identifiers_in_the_owner_section_are_still_flagged(owner_review):
    checks = _phi_checks("sop_checklist", {**_CHECKLIST, "owner_review": owner_review})
    assert any(field == "owner_review" and check != "phi.date" for field, check in checks)


def test_a_date_in_any_other_section_of_the_checklist_is_still_flagged():
    fields = {
        **_CHECKLIST,
        "error_prevented": "A skin tear on 14 March when a slide sheet was pulled out from under a client.",
        "owner_review": "Owner: ward OT lead; reviewed yearly.",
    }
    assert ("error_prevented", "phi.date") in _phi_checks("sop_checklist", fields)


def test_a_review_section_of_a_kind_without_the_role_still_flags_a_date():
    text = artifact_text("sop_checklist", "acute", {"owner_review": "Revised by 30 Sept."})
    bare = type(text)(kind=text.kind, track=text.track, fields=text.fields, spec=None)
    assert [f.check for f in phi.check(bare)] == ["phi.date"]


# --- Checklist items: terse checks a colleague could verify ---------------------------------------
@pytest.mark.parametrize(
    "item",
    [
        "SpO2 and HR at rest, then after 2 min walking.",
        "BP lying and standing.",
        "All readings in the flowsheet before leaving the bay.",
        "Show the carer the transfer with the board.",
        "Book the review for week 4.",
        "Refer to the wheelchair service if the seat is worn.",
    ],
)
def test_terse_items_that_read_a_sign_record_a_value_or_arrange_something_are_checkable(item):
    assert checklist.is_checkable(item)


@pytest.mark.parametrize("item", ["Splint schedule", "Home programme handout", "Tummy time advice"])
def test_a_bare_noun_phrase_is_still_no_check(item):
    assert not checklist.is_checkable(item)


def test_a_noun_that_can_be_a_verb_counts_only_where_the_item_starts():
    assert checklist.is_checkable("Schedule the follow-up call")
    assert not checklist.is_checkable("Nurse about the schedule")


# --- Exceptions and escalation order -----------------------------------------------------------
def _sop_findings(**changes: str) -> set[str]:
    return {f.check for f in check_artifact("sop_checklist", "acute", {**_CHECKLIST, **changes}).findings}


@pytest.mark.parametrize(
    "exceptions",
    ["Stop walking if the client reports chest pain.", "Abandon the transfer if the sheet tears."],
)
def test_a_stop_rule_written_as_the_stop_itself_is_an_exception(exceptions):
    assert "checklist.exceptions" not in _sop_findings(exceptions=exceptions)


def test_an_exception_that_only_asks_for_judgement_is_still_flagged():
    assert "checklist.exceptions" in _sop_findings(exceptions="Use your own judgement each time.")


@pytest.mark.parametrize(
    "escalation",
    [
        "Reading below 85: tell the RN straight away. Not improving after 5 min of rest: call rapid response.",
        "Tell the nurse in charge at once; if the pain persists, bleep the registrar within 30 minutes.",
        "Page the charge nurse within 10 minutes. No answer: call the duty manager.",
    ],
)
def test_a_second_tier_for_when_the_first_step_has_not_worked_is_an_order(escalation):
    assert "checklist.escalation" not in _sop_findings(escalation=escalation)


def test_two_roles_with_no_order_are_still_flagged():
    assert "checklist.escalation" in _sop_findings(escalation="The nurse and the doctor should know about problems.")


# --- Timing words -------------------------------------------------------------------------------
_TIMED = EvidenceRule("test", "time_management", "timed", ("a",), "test", 1.0, frozen_mapping({}))


@pytest.mark.parametrize(
    "text",
    [
        "Tell the nurse at once.",
        "Ring the GP straight away.",
        "Inform the registrar without delay.",
        "If dizziness lasts beyond 3 min, lie the client down and call the RN.",
    ],
)
def test_at_once_and_a_wait_in_minutes_are_whens(text):
    assert evidence.timed(_TIMED, {"a": text}, "acute").share == 1.0


def test_a_tell_with_no_when_is_not_timed():
    assert evidence.timed(_TIMED, {"a": "Tell the nurse about it."}, "acute").share == 0.0


# --- Pause point ---------------------------------------------------------------------------------
_PAUSE = EvidenceRule("test", "time_management", "pause_point", ("a",), "test", 1.0, frozen_mapping({}))


def _pause(text: str) -> float:
    return evidence.pause_point(_PAUSE, {"a": text}, "acute").share


@pytest.mark.parametrize(
    "text",
    [
        "Every client's first shower on the unit, and the first shower after any new fall.",
        "Each resident's initial transfer with the new hoist.",
    ],
)
def test_each_clients_first_time_doing_something_is_a_pause_point(text):
    assert _pause(text) == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Whenever the ward pharmacist alters an anticoagulant dose for a client on our list.",
        "Triggered by the discharge coordinator's email naming a date.",
    ],
)
def test_a_trigger_written_as_a_clause_earns_three_quarters(text):
    assert _pause(text) == 0.75


@pytest.mark.parametrize("text", ["Whenever needed in the department.", "Whenever we see people for their hands."])
def test_whenever_needed_or_our_own_routine_is_no_trigger(text):
    assert _pause(text) < 0.75


def test_the_cases_it_is_used_for_earn_a_quarter():
    assert _pause("For children referred to the feeding clinic.") == 0.25
    assert _pause("For children with feeding problems.") == 0.0


# --- An escalation path's trigger is no outcome claim ----------------------------------------------
def test_a_result_named_as_the_trigger_in_an_escalation_is_not_a_vague_outcome():
    text = artifact_text(
        "sop_checklist", "acute", {**_CHECKLIST, "escalation": "Any positive result: tell the nurse in charge."}
    )
    assert not [f for f in general.check(text) if f.check == "general.vague_outcome" and f.field == "escalation"]


def test_a_vague_outcome_outside_the_escalation_path_is_still_flagged():
    text = artifact_text(
        "sop_checklist",
        "acute",
        {**_CHECKLIST, "error_prevented": "Since we started, outcomes improved a lot on the ward."},
    )
    assert [f for f in general.check(text) if f.check == "general.vague_outcome"]


# --- A template's instruction to its writer, pasted back ------------------------------------------
@pytest.mark.parametrize(
    "passage",
    [
        "List steps with owner and due date.",
        "Describe when and where the handover takes place.",
        "Explain how the receiver confirms the plan.",
        "Who to call and when (e.g. nurse in charge, duty manager).",
    ],
)
def test_an_instruction_about_what_the_artifacts_parts_must_hold_is_form_text(passage):
    assert substance.is_writing_instruction(passage)


@pytest.mark.parametrize(
    "passage",
    [
        "List the stairs, rails and steps the carer saw at the visit.",
        "Give the items that must be recorded at every transfer.",
        "Describe the fall to the nurse in charge before the end of the shift.",
        "Who to call first: the nurse in charge, then the registrar within 15 minutes.",
        "Explain how the hoist sling is fitted (e.g. leg loops crossed).",
    ],
)
def test_the_writers_own_instructions_and_answers_are_not_form_text(passage):
    assert not substance.is_writing_instruction(passage)


def test_the_example_after_a_pasted_instruction_is_cut_with_it():
    fields = {
        "required_items": "List the items that must be included every time, e.g. diagnosis, precautions, mobility.",
        "read_back": "Describe how the receiver confirms understanding, for example: repeats the plan.",
    }
    cleaned = substance.clean(get_kind("handoff_template").spec, fields).fields
    assert not cleaned["required_items"].strip()
    assert not cleaned["read_back"].strip()


def test_an_example_in_the_writers_own_list_is_kept():
    fields = {
        "required_items": "Precautions, e.g. hip precautions or sternal precautions.\nAssist level for transfers."
    }
    cleaned = substance.clean(get_kind("handoff_template").spec, fields).fields
    assert "sternal precautions" in cleaned["required_items"]


# --- Contingencies a community receiver meets -----------------------------------------------------
_CONTINGENCIES = EvidenceRule("test", "assessment", "contingencies", ("a",), "test", 1.0, frozen_mapping({"min": 1}))


@pytest.mark.parametrize(
    "text",
    [
        "If she is found wandering in the street again, ring the care coordinator that day.",
        "If he has missed two doses of his tablets, let the district nurse know.",
        "If new hallucinations appear overnight, let the GP know before the morning visit.",
    ],
)
def test_a_sign_seen_at_home_with_a_plain_tell_is_a_contingency(text):
    assert evidence.contingencies(_CONTINGENCIES, {"a": text}, "home_health").share == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "If the carer is struggling, consider extra support.",
        "If anything changes, use your judgement.",
        "If he wanders, keep an eye on it.",
    ],
)
def test_a_worry_or_a_sign_with_no_action_is_no_contingency(text):
    assert evidence.contingencies(_CONTINGENCIES, {"a": text}, "home_health").share == 0.0


# --- A framework line that points on to its content is a heading ----------------------------------
def _stuffed_in(body: str) -> bool:
    found = substance.clean(get_kind("handoff_template").spec, {"framework": body}).findings
    return any(f.check == "section.buzzwords" for f in found)


def test_a_framework_line_pointing_on_to_what_follows_is_a_heading_not_stuffing():
    body = (
        "ISBAR with teach-back and read-back of the ISBAR lines, as follows:\n"
        "Used at the 16:00 handover between the day and evening therapist on the stroke unit."
    )
    assert not _stuffed_in(body)


def test_the_same_line_with_nothing_after_it_is_still_stuffing():
    assert _stuffed_in("ISBAR with teach-back and read-back of the ISBAR lines, as follows:")


def test_a_stuffed_line_that_points_nowhere_is_still_stuffing():
    body = (
        "ISBAR with teach-back and closed-loop read-back for every handoff, always.\n"
        "Used at the 16:00 handover between the day and evening therapist on the stroke unit."
    )
    assert _stuffed_in(body)


# --- A general update is no required item -----------------------------------------------------------
_ITEMS = EvidenceRule(
    "test", "documentation", "concrete_items", ("a",), "test", 1.0, frozen_mapping({"min": 5, "min_words": 1})
)


@pytest.mark.parametrize(
    "catch_all",
    ["what's going on with him", "how she's getting on", "general update", "what has been happening at home"],
)
def test_a_general_update_does_not_count_as_a_required_item(catch_all):
    body = f"Diagnosis, weight-bearing status, precautions, transfer level, {catch_all}."
    assert evidence.concrete_items(_ITEMS, {"a": body}, "acute").share == pytest.approx(0.8)


def test_five_named_items_count_in_full():
    body = "Diagnosis, weight-bearing status, precautions, transfer level, equipment at home."
    assert evidence.concrete_items(_ITEMS, {"a": body}, "acute").share == 1.0
