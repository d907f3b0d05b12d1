"""Rules added when graded batch 5 became tuning material: each one passes and fails on texts written here.

Teaching a practice that puts the person at risk is unsafe however plainly it is taught, and a record
made to say what did not happen is an error; "is" is no role and a notify step that names nobody earns
half; a catch-all names no handoff item; a pause point that is every moment at once is no moment, and
one run "in the day room, before …" starts with its moment; a counted trial, a review interval, a stop
rule and a postponement are what they say; notes put off to the end of the week are late; framework
letters used as headings cover their elements; "tells me back" is a read-back; a cue counted by who
gives it, school attendance, health management, heating a meal and time at work are COAST elements;
a reassessment at numbered visits is a report schedule; a constraint can be written as a label; a
contraction after a kinship word and a British "-ence" spelling are not names.
"""

from __future__ import annotations

import pytest

from portfolios.checker import check_artifact
from portfolios.kinds import get_kind
from portfolios.rubric import case, checklist, evidence, goals, handoff, phi, safety, substance, workflow
from portfolios.rubric.spec import EvidenceRule, frozen_mapping
from tests.rubric.texts import artifact_text, earned_share, evidence_rule

_rule = evidence_rule
_earn = earned_share


def _checks(kind: str, family, **fields: str) -> list[str]:
    spec = get_kind(kind).spec
    text = artifact_text(kind, "home_health", {key: fields.get(key, "") for key in spec.section_keys}, spec)
    return [item.check for item in family(text)]


# --- Teaching an unsafe practice ---------------------------------------------------------------
@pytest.mark.parametrize(
    "script",
    [
        "Once he is asleep in his chair, you do not need to check on him until the morning.",
        "Leave your mother alone in the bath while you make breakfast; she likes her privacy.",
        "Wrap the sheet tightly under the mattress so she can't climb out at night.",
        "If the scarf slides over his face while he naps, that's fine.",
    ],
)
def test_a_script_that_teaches_a_hazardous_practice_is_unsafe(script):
    assert _checks("education_script", safety.check, script=script) == ["safety.unsafe_instruction"]


@pytest.mark.parametrize(
    "script",
    [
        "Never leave your mother alone in the bath, even for a minute.",
        "Keep the face uncovered, and look in on him before you go to bed.",
        "Lock the back door at night so he can't wander out to the road.",
        "You do not need to check the skin every hour; once at bedtime is enough.",
        "If the cover slides over her face, pull it down at once: that is not fine.",
    ],
)
def test_a_script_that_keeps_the_person_watched_and_free_is_not_flagged(script):
    assert _checks("education_script", safety.check, script=script) == []


def test_an_unsafe_teaching_caps_patient_education_however_plain_and_taught_back():
    fields = {
        "main_message": "Sit him in the recliner after lunch so he rests and his legs go down.",
        "audience": "Wife of a man with dementia who gets up and wanders after lunch.",
        "script": (
            "Sit him in the recliner after lunch. Tuck the blanket into the sides of the chair so he can't get up. "
            "Close the door. You do not need to check on him for two hours. He will settle."
        ),
        "teach_back": "Can you show me how you will tuck the blanket in? She tucked it in on the chair correctly.",
        "barriers": "He may call out at first. Plan: keep the door closed so the sound does not bother her.",
        "response": "Wife showed the tuck correctly, 2 of 2 tries. Review next visit.",
    }
    result = check_artifact("education_script", "home_health", fields)
    assert result.rows["patient_education"].score <= 1


# --- Escalation: whom to tell --------------------------------------------------------------------
def test_is_is_no_role():
    assert not evidence._ROLE.search("if there is a problem")
    assert evidence._ROLE.search("i call the charge nurse")


@pytest.mark.parametrize("step", ["Let someone know if there is a problem.", "Phone the office if it goes wrong."])
def test_a_notify_step_that_names_nobody_earns_half(step):
    assert _earn("escalation", step) == 0.5


def test_a_notify_step_that_is_only_buzzwords_earns_nothing():
    step = "Escalation follows the chain of command per TeamSTEPPS in a timely manner."
    assert _earn("escalation", step) == 0.0


def test_a_named_role_with_a_sign_still_earns_more():
    assert _earn("escalation", "Call the RN within 5 minutes if SpO2 is below 90%.") == 1.0


# --- A catch-all names no item -------------------------------------------------------------------
def test_a_catch_all_is_not_a_handoff_item():
    rule = EvidenceRule(
        "t", "documentation", "concrete_items", ("a",), "t", 1.0, frozen_mapping({"min": 2, "min_words": 1})
    )
    listed = evidence.earn(rule, {"a": "Diagnosis, anything important, anything else relevant, DME."}, "acute")
    assert listed.note == "2 of 4 items concrete"


# --- A pause point is a moment -------------------------------------------------------------------
@pytest.mark.parametrize(
    "when",
    [
        "Before, during and after each home visit.",
        "At every pause point of the episode, as clinically indicated.",
        "At all times across the continuum of care.",
    ],
)
def test_every_moment_at_once_is_no_pause_point(when):
    assert _earn("pause_point", when) <= 0.25


@pytest.mark.parametrize(
    "when", ["Before the first transfer of every home visit.", "At the end of the shift, before the handoff call."]
)
def test_a_single_moment_still_earns_in_full(when):
    assert _earn("pause_point", when) == 1.0


@pytest.mark.parametrize(
    "when",
    [
        "In the day room, before the first resident stands up for the walking group.",
        "At the hydrotherapy pool, after the client changes and before they enter the water.",
    ],
)
def test_a_place_before_the_moment_still_starts_with_the_moment(when):
    assert "checklist.pause_point" not in _checks("sop_checklist", checklist.check, when_used=when)


def test_a_place_with_no_moment_is_still_no_pause_point():
    assert "checklist.pause_point" in _checks(
        "sop_checklist", checklist.check, when_used="In the day room, with the walking group."
    )


# --- Exceptions and review -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "exceptions",
    [
        "If the client has no ride, the home visit does not happen and we call to re-book.",
        "If the scale is broken the weigh-in is postponed to the next visit.",
    ],
)
def test_a_stop_rule_or_a_fallback_is_an_exception(exceptions):
    assert "checklist.exceptions" not in _checks("sop_checklist", checklist.check, exceptions=exceptions)


def test_a_group_that_does_not_do_something_is_no_exception():
    assert "checklist.exceptions" in _checks(
        "sop_checklist", checklist.check, exceptions="Clients who don't run can walk to the gym alone."
    )


@pytest.mark.parametrize(
    "owner",
    [
        "Owner: the OT lead. We used it for 6 weeks on about 30 visits; I review it with the team every year.",
        "The rehab manager owns it; ran it on 12 discharges, and we review the wording each quarter.",
    ],
)
def test_a_trial_with_a_count_and_a_review_interval_is_a_review_plan(owner):
    assert "checklist.owner_review" not in _checks("sop_checklist", checklist.check, owner_review=owner)


def test_an_owner_with_no_trial_or_review_is_not():
    assert "checklist.owner_review" in _checks(
        "sop_checklist", checklist.check, owner_review="The OT lead owns it and talked it through with staff."
    )


# --- Not names ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Tuck the sheet so your child can't roll onto the floor.",
        "Her husband won't use the rail yet.",
        "Licence seen today and valid for daylight driving.",
        "Defence of the decision went to the team lead.",
    ],
)
def test_a_contraction_or_a_british_spelling_is_not_a_name(sentence):
    assert not [item for item in phi.scan_field("a", sentence) if item.check == "phi.name"]


def test_a_lower_case_name_after_a_kinship_word_is_still_found():
    assert [
        item for item in phi.scan_field("a", "Her husband frank helps with the shower.") if item.check == "phi.name"
    ]


# --- A record that says what did not happen ----------------------------------------------------
@pytest.mark.parametrize(
    "deferrals",
    [
        "When the list is long I give follow-ups 20 minutes only and chart them as full treatment sessions.",
        "Clients asleep at my first pass are logged as declined without a second try.",
        "On Mondays I back-date the weekend notes to the visit day.",
    ],
)
def test_a_record_made_to_say_what_did_not_happen_is_an_error(deferrals):
    assert _checks("caseload_note", safety.check, deferrals=deferrals) == ["safety.record_falsified"]


@pytest.mark.parametrize(
    "deferrals",
    [
        "Shortened visits are billed for the minutes given, never as full sessions.",
        "A client who declines is offered a later slot, and only then is the visit recorded as declined.",
        "A 55-minute visit is billed as a full session.",
        "Notes are never back-dated.",
    ],
)
def test_a_true_record_is_not_flagged(deferrals):
    assert _checks("caseload_note", safety.check, deferrals=deferrals) == []


# --- Notes put off to the end of the week ------------------------------------------------------
def _documentation_when(text: str) -> float:
    rule = EvidenceRule("t", "documentation", "timed", ("a",), "t", 1.0, frozen_mapping({"firm": True}))
    return evidence.earn(rule, {"a": text}, "acute").share


@pytest.mark.parametrize(
    "rule",
    [
        "Quick notes during the day; full notes written at the end of the week.",
        "Notes written in a batch on Friday afternoon from my list.",
    ],
)
def test_notes_put_off_to_the_end_of_the_week_earn_half(rule):
    assert _documentation_when(rule) == 0.5


@pytest.mark.parametrize(
    "rule",
    [
        "Notes written in the session or in the 10 minutes after it; never carried to the next day.",
        "Each note signed the same day, never at the end of the week.",
    ],
)
def test_a_same_day_rule_that_names_the_late_habit_it_refuses_earns_in_full(rule):
    assert _documentation_when(rule) == 1.0
    assert workflow.same_day_rule(rule)


# --- Handoff frameworks written as letter headings ---------------------------------------------
def _framework_messages(framework: str, required: str) -> list[str]:
    spec = get_kind("handoff_template").spec
    fields = dict.fromkeys(spec.section_keys, "") | {"framework": framework, "required_items": required}
    text = artifact_text("handoff_template", "acute", fields, spec)
    return [item.message for item in handoff.check(text) if item.check == "handoff.framework"]


def test_framework_letters_used_as_line_headings_cover_their_elements():
    required = (
        "I: your name, the client's bed.\n"
        "S - new left hemiparesis, day 3.\n"
        "B - lives with a daughter; independent before.\n"
        "A - sit to stand Mod A, neglect on the left.\n"
        "R - OT before lunch for a seating check."
    )
    assert _framework_messages("ISBAR at the end of each shift.", required) == []


def test_a_letter_inside_a_line_is_no_heading():
    required = "Plan A - sit to stand Mod A.\nThe B ward team has the notes."
    assert _framework_messages("SBAR at the end of each shift.", required)


def test_a_framework_name_alone_opening_a_section_is_a_heading_not_stuffing():
    assert not substance.is_stuffed("ISBAR.")
    assert substance.is_stuffed("Evidence-based SMART goals.")


# --- Read-back in other words ------------------------------------------------------------------
@pytest.mark.parametrize(
    "read_back",
    [
        "The receiver tells me back the precautions and the first action, and asks questions.",
        "The covering OT says, in their own words, what they will check first; we confirm before hanging up.",
    ],
)
def test_the_receiver_telling_it_back_is_a_read_back(read_back):
    assert _earn("read_back", read_back) == 1.0


def test_the_receiver_reading_the_notes_is_not():
    assert _earn("read_back", "The receiver can read the notes in the chart.") == 0.0


# --- Goals: who gives the cue, school attendance, a lesson as the setting ----------------------
@pytest.mark.parametrize(
    "goal",
    [
        "Student will pack the backpack from a picture list with no more than 1 parent reminder, within 4 weeks.",
        "Client will set out the morning pills with 2 or fewer spouse prompts, within 3 weeks.",
    ],
)
def test_a_cue_named_by_who_gives_it_is_a_cue_count(goal):
    assert goals.coast_elements(goal)["assist"] is not None


def test_a_count_of_something_that_is_not_a_cue_is_no_assist_level():
    assert goals.coast_elements("Client will walk 3 parent-chosen routes within 4 weeks.")["assist"] is None


@pytest.mark.parametrize(
    "goal",
    [
        "Student will attend full school days 4 days a week, within 6 weeks.",
        "Child will attend half-day classes with no more than 2 adult cues, within 8 weeks.",
    ],
)
def test_attending_school_is_an_occupation(goal):
    assert goals.coast_elements(goal, "pediatrics")["occupation"] is not None


def test_a_lesson_is_a_natural_setting_for_a_pediatric_goal():
    goal = "Student will copy 4 lines from the board in a 30-minute lesson with 1 teacher cue, within 6 weeks."
    assert goals.coast_elements(goal, "pediatrics")["condition"] is not None
    assert (
        goals.coast_elements("Student will copy 4 lines with 1 teacher cue, within 6 weeks.", "pediatrics")["condition"]
        is None
    )


# --- A reassessment set at numbered visits is a progress-report schedule -----------------------
def _report_schedule_flagged(follow_up: str) -> bool:
    fields = {
        "context": "Child A, 9, outpatient after a concussion.",
        "plan": "Student will copy 4 lines from the board in class with 1 teacher cue, within 6 weeks.",
        "follow_up": follow_up,
    }
    result = check_artifact("case_writeup", "pediatrics", fields)
    return any(item.check == "overlay.pediatrics.report_schedule" for item in result.findings)


@pytest.mark.parametrize(
    "follow_up", ["Reassessed at visit 4 and visit 8; copying 1 -> 4 lines.", "Re-evaluated every 6 visits."]
)
def test_a_reassessment_at_numbered_visits_is_a_report_schedule(follow_up):
    assert not _report_schedule_flagged(follow_up)


def test_a_reassessment_with_no_when_is_not():
    assert _report_schedule_flagged("Reassessed when needed; copying improved.")


# --- Education: tries counted in note style, habits as barriers ---------------------------------
@pytest.mark.parametrize(
    "response",
    [
        "Walker turn: first try stepped into the frame; re-shown, second try correct.",
        "Pill box: 2nd attempt right after the days were read aloud.",
    ],
)
def test_a_try_counted_in_note_style_is_a_verified_outcome(response):
    assert _earn("verified_outcome", response) == 1.0


def test_a_try_with_no_count_is_not():
    assert _earn("verified_outcome", "Tried the walker turn and it went fine.") == 0.0


@pytest.mark.parametrize(
    "barriers",
    [
        "Habit: he stands up fast from the recliner every evening. Plan: he will count to 5 sitting first.",
        "She is impatient to drive again. We agreed she will ask her son for lifts until the 4-week check.",
    ],
)
def test_a_habit_or_impatience_answered_is_a_barrier_plan(barriers):
    assert _earn("barriers_answered", barriers) > 0


def test_a_plan_with_no_barrier_named_is_not():
    assert _earn("barriers_answered", "The plan is to follow the sheet every day.") == 0.0


# --- Health management and heating a meal are occupations --------------------------------------
@pytest.mark.parametrize(
    "goal",
    [
        "Client will check blood glucose with a talking meter independently on 7 of 7 days, within 4 weeks.",
        "Client will fill a weekly pill organiser with 0 errors using large-print labels, within 3 weeks.",
        "Client will give the evening insulin dose with 1 verbal cue using a magnifier, within 2 weeks.",
        "Client will heat a ready meal in the microwave with supervision using tactile dots, within 3 weeks.",
    ],
)
def test_health_management_and_heating_a_meal_are_occupations(goal):
    assert goals.coast_elements(goal)["occupation"] is not None


def test_a_body_function_goal_is_still_no_occupation():
    assert goals.coast_elements("Client will increase grip strength by 5 kg within 4 weeks.")["occupation"] is None


# --- A constraint written as a label -------------------------------------------------------------
@pytest.mark.parametrize(
    "context",
    [
        "Home health, lives alone. The constraint: the agency authorised 6 visits and she cooks every meal herself.",
        "Outpatient hand clinic. Main barrier: he drives 90 minutes each way, so he can come once a week for dressing.",
    ],
)
def test_a_constraint_written_as_a_label_is_named(context):
    assessment = "Shower transfer Min A; LB dressing Mod A with a reacher."
    assert case.named_constraint(assessment, context) is not None


def test_a_label_that_names_no_constraint_is_not():
    assert case.named_constraint("Shower transfer Min A.", "Setting: home health; she lives alone.") is None


# --- Time at work is the occupation --------------------------------------------------------------
@pytest.mark.parametrize(
    "goal",
    [
        "Client will work 6 hours at the salon with pain 3/10 or less using ergonomic scissors, within 4 weeks.",
        "Client will complete full workdays at the bakery with 1 rest break, within 8 weeks.",
        "Client will work a full shift on the packing line with modified independence, within 6 weeks.",
    ],
)
def test_time_at_work_is_an_occupation(goal):
    assert goals.coast_elements(goal)["occupation"] is not None


def test_working_on_a_body_function_is_not():
    assert (
        goals.coast_elements("Client will work on wrist extension range by 20 degrees in 4 weeks.")["occupation"]
        is None
    )
