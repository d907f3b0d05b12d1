"""Rules added for handoff templates and SOP checklists when graded batches 8 and 9 became tuning material.

Each passes and fails on texts written here. A contingency may be written without "if": as a sign, a colon
or an arrow, and what to do ("Dizzy on standing: sit down, tell the nurse"), or as a question answered in the
next sentence ("What if the wound weeps? Leave the dressing, ring the clinic."); arranging a visit, a referral
or a booking is a response, and so is bleeping or ringing someone. A named weekday is a when ("I'll chase it
Thursday"), a short one with a slot too ("Tue am", "Sat: weekend OT"), and so is a meal or a fixed team slot
("after lunch", "at the board round"); "I'll" and "I'd" name the writer as owner.
"""

from __future__ import annotations

from functools import partial

import pytest

from portfolios.checker import check_artifact
from portfolios.rubric import checklist, handoff, substance
from tests.rubric.texts import earned_share

_earned = partial(earned_share, row="assessment", track="acute")


# --- Contingencies without "if" ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Resting heart rate above 120 at the start: no session today, tell the ward sister.",
        "New swelling of the calf -> stop the exercises and phone the GP surgery the same day.",
        "What if the wound starts to weep? Leave the dressing on and ring the clinic.",
        "What happens if she becomes confused? Stop the session and inform the nurse in charge.",
        "If a second fall happens this month, arrange a joint visit with the physio.",
        "If the carer reports new bruising, refer to the district nurse.",
        "Red flags (new chest pain, sudden confusion): stop and call the nurse in charge.",
    ],
)
def test_a_contingency_written_as_sign_and_response_earns(text):
    assert _earned("contingencies", text, min=1) == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Contingencies: see the section below.",
        "Confusion: common in this group.",
        "What if things change? We will see.",
        "Falls history: two in the last year.",
        "If the carer is struggling, have a chat.",
        "Red flags: escalate per protocol.",
        "Red flags: escalate to the team.",
        "Deterioration: manage as appropriate.",
    ],
)
def test_a_label_or_unanswered_question_is_no_contingency(text):
    assert _earned("contingencies", text, min=1) == 0.0


def test_a_question_is_not_joined_to_an_answer_on_the_next_line():
    text = "What if SpO2 drops below 88%?\nUse clinical reasoning."
    assert _earned("contingencies", text, min=1) == 0.0


# --- Weekdays, meals and team slots are whens; contractions name the writer --------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Covering OT to review the hoist sling by noon.\nI'll ring the family Thursday.",
        "Tue am: community OT fits the bath board.\nWed: the physio rechecks the stairs.",
        "Sat breakfast: weekend OT watches her use the adapted cutlery.\nSun: weekend OT checks the splint.",
        "Ward OT raises the discharge date at the board round.\nI'd send the referral after lunch.",
    ],
)
def test_actions_with_a_weekday_a_meal_or_a_team_slot_have_a_time(text):
    assert _earned("owner_and_time", text, min=2) == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "The patient sat up in bed.\nThe sun was out for the nurse.",
        "Weekend OT to do the cueing practice.\nCall the wife sometime.",
        "OT to continue as before.\nThe nurse keeps the round table clear.",
    ],
)
def test_sat_sun_and_round_alone_are_no_time(text):
    assert _earned("owner_and_time", text, min=2) < 1.0


# --- Checklists: checks in the second person, questions, scales; pause points with a subject ----------
@pytest.mark.parametrize(
    "item",
    [
        "You fold both armrests back before the slide.",
        "You swing away the footplates.",
        "Lift the footplates before she stands.",
        "[ ] Calf: warmth or tenderness (compare sides?)",
        "[ ] Breathless on the stairs? (Y/N)",
        "Fatigue 0-10 before and after the walk",
        "Skin: redness lasting >20 min after the sling comes off",
    ],
)
def test_a_hands_on_action_a_question_or_a_scale_is_checkable(item):
    assert checklist.is_checkable(item)


@pytest.mark.parametrize(
    "item",
    [
        "Safety",
        "Family involvement",
        "General wellbeing",
        "You think about safety.",
        "You do your best.",
        "Straps and fit",
        "Mechanical lift nearby",
    ],
)
def test_a_bare_topic_or_a_good_intention_is_still_not_checkable(item):
    assert not checklist.is_checkable(item)


def _sop_findings(fields: dict[str, str]) -> set[str]:
    return {finding.check for finding in check_artifact("sop_checklist", "acute", fields).findings}


@pytest.mark.parametrize(
    "when_used",
    [
        "You run it before every sit-to-stand with a client on the stroke ward.",
        "We use this checklist at the start of every kitchen assessment.",
        "First home visit after discharge, in the hallway before we go in.",
    ],
)
def test_a_pause_point_may_name_who_runs_it_or_the_occasion_by_its_order(when_used):
    assert "checklist.pause_point" not in _sop_findings({"when_used": when_used})
    assert _earned("pause_point", when_used) >= 0.75


@pytest.mark.parametrize(
    "when_used",
    ["You should be careful with transfers.", "Our team likes checklists.", "Most of the time, if we remember."],
)
def test_a_pause_point_without_a_moment_is_still_flagged(when_used):
    assert "checklist.pause_point" in _sop_findings({"when_used": when_used})


@pytest.mark.parametrize(
    "exceptions",
    [
        "Clients on a palliative pathway: follow the ward's comfort-care procedure.\n"
        "Bed-bound clients: items 2, 4 and 6 still apply.",
        "Non-standard seating (tilt-in-space): ask the seating service.",
    ],
)
def test_exceptions_may_be_partial_application_or_a_substitute_procedure(exceptions):
    assert "checklist.exceptions" not in _sop_findings({"exceptions": exceptions})


def test_exceptions_that_name_no_case_are_still_flagged():
    assert "checklist.exceptions" in _sop_findings({"exceptions": "Use it with everyone, it is good practice."})


def test_british_roles_count_toward_an_escalation_order():
    escalation = "Any new confusion: tell the ward sister at once, then bleep the registrar within 15 minutes."
    assert "checklist.escalation" not in _sop_findings({"escalation": escalation})


@pytest.mark.parametrize(
    "text", ["Owner: the clinical lead OT. Reviewed yearly.", "Owner: ward OT lead, six-monthly review."]
)
def test_a_review_cycle_in_other_words_is_a_time(text):
    assert _earned("owner_and_time", text, min=1) == 1.0


# --- A template's prompts pasted back earn nothing -----------------------------------------------------
@pytest.mark.parametrize(
    "passage",
    [
        "Describe the falls risk this template is meant to reduce (e.g. night-time toileting).",
        "List six to eight concrete, observable steps.",
        "Choose one: paper / electronic / both.",
        "State who reviews the form and how often (e.g. team lead, yearly).",
        "Explain in one sentence the measurable result this section should hold.",
    ],
)
def test_a_writing_instruction_from_a_form_is_a_form_prompt(passage):
    assert substance.is_writing_instruction(passage)


@pytest.mark.parametrize(
    "passage",
    [
        "List the client's current medications on the whiteboard before the visit.",
        "Name band checked against the kitchen assessment booking.",
        "Describe to the carer how the hoist sling loops cross (e.g. left through right) and watch her do it.",
        "Explain the plan to the family at the bedside.",
        "Describe current mobility (e.g. transfers, walking aid, distance on the ward).",
        "List the active precautions, for example hip or sternal.",
        "I describe the error in the incident log within 24 hours.",
    ],
)
def test_a_writers_own_instruction_or_check_is_not_a_form_prompt(passage):
    assert not substance.is_writing_instruction(passage)


def test_a_pasted_checklist_form_earns_nothing_on_documentation_or_time():
    fields = {
        "error_prevented": "Describe the error this checklist exists to prevent (e.g. a missed precaution).",
        "when_used": "[When is it used? e.g. before each transfer]",
        "checklist_type": "Select one: Read-Do / Do-Confirm",
        "items": "1. [Safety item - what is checked]\n2. [Safety item - what is checked]\n3. [Item]\n4. [Item]\n5. [Item]",
        "exceptions": "List the situations where this checklist does not apply and the alternative (e.g. emergencies).",
        "escalation": "Describe whom to call and how fast if a check fails (e.g. nurse in charge).",
        "owner_review": "Owner: [Role]  Review date: [DD/MM/YYYY]",
    }
    rows = check_artifact("sop_checklist", "acute", fields).rows
    assert rows["documentation"].score == 0
    assert rows["time_management"].score == 0


# --- Catch-alls name no item; a paragraph of listing sentences is a list -------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Anything else that might be useful to the covering therapist.",
        "Whatever else seems relevant at the time.",
        "All the relevant details about the client. Anything the ward should know.",
    ],
)
def test_a_section_that_is_only_a_catch_all_is_not_written(text):
    assert _earned("written", text, min_words=6) == 0.0


def test_a_section_with_a_catch_all_among_real_content_is_written():
    text = "Bath board fitted last week; carer still learning the transfer. Anything else the team should know."
    assert _earned("written", text, min_words=6) > 0.5


def test_catch_alls_in_a_required_list_are_not_concrete():
    text = "All the important information about the client, how she's doing, anything her son said that we should know."
    assert _earned("concrete_items", text, min=3, max=12, min_words=1) == 0.0


def test_a_paragraph_of_listing_sentences_counts_each_listed_item():
    text = "Diagnosis, home set-up, stairs to the bedroom, who helps with meals. Current transfers and the walking aid."
    assert _earned("concrete_items", text, min=5, max=12, min_words=1) == 1.0


def test_a_line_among_other_lines_is_still_one_item_however_many_commas():
    text = "Ask and record: fever, chills, new redness.\nCheck the dressing."
    assert _earned("concrete_items", text, min=5, max=12, min_words=1) == pytest.approx(0.4)


@pytest.mark.parametrize(
    "required",
    ["Today's RAG rating with the reason.", "Traffic-light status (red / amber / green) and why."],
)
def test_a_rag_or_traffic_light_rating_is_illness_severity(required):
    findings = check_artifact("handoff_template", "acute", {"required_items": required}).findings
    assert "handoff.severity" not in {finding.check for finding in findings}


def test_a_required_list_without_a_rating_still_lacks_severity():
    findings = check_artifact(
        "handoff_template", "acute", {"required_items": "Diagnosis, red flags, equipment."}
    ).findings
    assert "handoff.severity" in {finding.check for finding in findings}


def test_a_numbered_rule_with_no_if_is_an_if_then_contingency():
    body = "1. Contingencies\n1a. Resting HR over 120: no session, tell the nurse in charge.\n1b. New confusion: stop."
    assert handoff.has_if_then(body)


def test_contingencies_with_no_sign_and_response_are_still_not_if_then():
    assert not handoff.has_if_then("Contingencies: use your judgement.\nThe usual plan applies.")


@pytest.mark.parametrize(
    "owner_review", ["OT team. Reviewed yearly.", "Owner: the whole ward staff, review in 6 months."]
)
def test_a_team_or_the_staff_is_no_owner_of_a_checklist(owner_review):
    findings = check_artifact("sop_checklist", "acute", {"owner_review": owner_review}).findings
    messages = [finding.message for finding in findings if finding.check == "checklist.owner_review"]
    assert messages and "not a team" in messages[0]


@pytest.mark.parametrize(
    "owner_review",
    ["Owner: OT team lead. Reviewed yearly.", "Owner: falls lead physio for the rehab team; audited monthly."],
)
def test_a_named_role_is_an_owner_even_beside_a_team(owner_review):
    findings = check_artifact("sop_checklist", "acute", {"owner_review": owner_review}).findings
    assert "checklist.owner_review" not in {finding.check for finding in findings}


def _handoff_action_findings(actions: str) -> list[str]:
    findings = check_artifact("handoff_template", "acute", {"actions": actions}).findings
    return [finding.message for finding in findings if finding.check == "handoff.owner_time"]


@pytest.mark.parametrize(
    "actions",
    [
        "Who orders the perching stool? Me, by COB Wednesday.",
        "The physio reviews the stairs on Friday.\nI'll call the carer Tues am.",
        "Ward registrar asked about the splint at the board round.",
    ],
)
def test_handoff_actions_owned_by_the_writer_or_a_british_role_and_timed_by_a_weekday_pass(actions):
    assert _handoff_action_findings(actions) == []


@pytest.mark.parametrize("actions", ["The physio will carry on.", "Chase the equipment sometime next week-ish."])
def test_handoff_actions_missing_an_owner_or_a_time_are_still_flagged(actions):
    assert _handoff_action_findings(actions)
