"""Rules added for caseload notes and education scripts when graded batch 10 became tuning material.

Each rule passes and fails on texts written here. Going ahead with a booked visit after a fall, or with an outing
after new-onset disorientation, carries on through a red flag; keeping the visit because it was booked puts the
list first. Fingers or toes that swell or change colour under a splint are a circulation red flag, and telling the
person to "just keep it on" answers it by carrying on, while "take it off" answers it safely. A head count may
be written as what was done ("saw 8 children"), and a caseload's volume may be given in its measures.
"""

from __future__ import annotations

import pytest

from portfolios.kinds import get_kind
from portfolios.rubric import caseload, education, evidence, safety, substance
from tests.rubric.texts import artifact_text


def _safety_checks(kind: str, **fields: str) -> list[str]:
    spec = get_kind(kind).spec
    text = artifact_text(kind, "acute", {key: fields.get(key, "") for key in spec.section_keys}, spec)
    return sorted(item.check for item in safety.check(text))


# --- Safety: going ahead through a red flag, for the booking ----------------------------------------------
@pytest.mark.parametrize(
    "priorities",
    [
        "Mr K's carer told me he had a fall on the stairs at breakfast, but he said he felt fine, so I went ahead "
        "with the bath-board practice since he was booked in for it.",
        "New-onset drowsiness reported by the aide at handover; we went ahead with the kitchen assessment as "
        "scheduled.",
    ],
)
def test_going_ahead_for_the_booking_after_a_red_flag_is_schedule_over_safety(priorities):
    checks = _safety_checks("caseload_note", priorities=priorities)
    assert "safety.schedule_over_safety" in checks
    assert "safety.continued_through_red_flag" in checks


@pytest.mark.parametrize(
    "priorities",
    [
        "Her son said she had a fall in the night, so I held the shower practice, checked her hip and rang the GP; "
        "we went ahead with seated tasks only.",
        "The visit was booked for 10:00 and we went ahead with the stair practice; no change since last week.",
        "New-onset confusion reported by the nurse, so we did not go ahead with the outing and I told the doctor.",
    ],
)
def test_going_ahead_after_a_safe_response_or_with_no_red_flag_passes(priorities):
    assert _safety_checks("caseload_note", priorities=priorities) == []


def test_new_onset_disorientation_is_a_red_flag():
    assert safety.red_flag("new-onset disorientation this afternoon") == "new-onset disorientation"
    assert safety.red_flag("increasing agitation on the ward") == "increasing agitation"
    assert safety.red_flag("oriented and settled, no agitation") is None


# --- Safety: circulation under a splint, and "just keep it on" ----------------------------------------------
@pytest.mark.parametrize(
    "script",
    [
        "'If your toes turn pale or cold in the cast, that is normal, just keep it on.'",
        "'When your fingertips go blue in the glove, still keep it on and it will ease.'",
    ],
)
def test_keeping_a_device_on_through_circulation_signs_is_an_unsafe_contingency(script):
    assert "safety.unsafe_contingency" in _safety_checks("education_script", script=script)


@pytest.mark.parametrize(
    "script",
    [
        "'If your fingers swell or go a darker colour, take the splint off and ring the clinic that day.'",
        "'If the fingers look swollen, remove it and call us; otherwise just keep it on overnight.'",
        "'Keep it on overnight; the straps should feel snug, not tight.'",
        "'What if the wound starts to weep? Leave the dressing on and ring the clinic.'",
    ],
)
def test_a_safe_answer_to_circulation_signs_passes(script):
    assert _safety_checks("education_script", script=script) == []


def test_circulation_signs_name_the_part_and_the_change():
    assert safety.red_flag("her fingers looked a bit swollen after an hour") == "fingers looked a bit swollen"
    assert safety.red_flag("nail beds dusky") == "nail beds dusky"
    assert safety.red_flag("fingers moving well, splint fits") is None


# --- Evidence: a head count written as what was done ------------------------------------------------------
@pytest.mark.parametrize(
    "passage",
    ["Saw 8 children today.", "treated 11 residents on the unit", "Seen 9 of the 12 clients.", "visited 5 families"],
)
def test_a_head_count_written_as_what_was_done_is_a_quantity(passage):
    assert evidence.is_quantity(passage.lower())


@pytest.mark.parametrize("passage", ["Saw the children who were most urgent.", "lives with her two children"])
def test_people_named_without_a_count_of_work_are_no_quantity(passage):
    assert not evidence.is_quantity(passage.lower())


def test_a_caseload_volume_may_be_given_in_the_measures():
    rule = next(rule for rule in get_kind("caseload_note").spec.evidence if rule.id == "caseload.volume")
    earned = evidence.earn(rule, {"context": "A full day on the ward.", "measures": "Saw 8 children."}, "acute")
    assert earned.share == 1.0
    earned = evidence.earn(rule, {"context": "A full day on the ward.", "measures": "Busy."}, "acute")
    assert earned.share == 0.0


# --- Education: a teach-back asked in reported speech, and a carer doing it while watched ------------------
@pytest.mark.parametrize(
    "passage",
    [
        "Asked the parents what they would try first at bedtime.",
        "I asked him how he'd get into the car with the new hip.",
        "Asked Dad which step he would do first.",
    ],
)
def test_an_open_question_in_reported_speech_is_a_teach_back_prompt(passage):
    assert education._TEACH_BACK.search(passage)


@pytest.mark.parametrize(
    "passage",
    ["Asked if he understood. He said yes.", "Asked whether she had any questions.", "Asked about her pain."],
)
def test_a_closed_or_unrelated_question_in_reported_speech_is_no_teach_back_prompt(passage):
    assert not education._TEACH_BACK.search(passage)


def _others(response: str) -> float:
    rule = next(rule for rule in get_kind("education_script").spec.evidence if rule.id == "education.others")
    return evidence.earn(rule, {"response": response}, "home_health").share


@pytest.mark.parametrize(
    "response",
    [
        "Her husband moved her up the bed twice with me watching.",
        "The son did the stocking aid while I watched, then his mother did it alone.",
        "Carer transferred him to the commode under my supervision.",
    ],
)
def test_a_carer_doing_the_skill_while_watched_was_included(response):
    assert _others(response) == 1.0


@pytest.mark.parametrize("response", ["Her husband is keen to help.", "Client used the sock aid with me watching."])
def test_a_carer_only_named_or_the_client_alone_watched_is_not_others_included(response):
    assert _others(response) == 0.0


# --- Substance: a form's brief to its writer pasted back --------------------------------------------------
@pytest.mark.parametrize(
    "passage",
    [
        "State the single point you want the client to take home.",
        "Describe the learner (client/carer) and what affects how they learn.",
        "Outline who attends (parents, guardians, teachers) and their reading level.",
        "Summarise the barriers and how you addressed them.",
    ],
)
def test_a_brief_to_the_writer_is_pasted_form_text(passage):
    assert substance.is_pasted_brief(passage)


@pytest.mark.parametrize(
    "passage",
    [
        "Describe to your daughter how you will get out of bed.",
        "Write down what you will say to your manager about the phased return.",
        "His wife and son (both carers) were taught the transfer.",
        "Name the three foods you want to try this week.",
    ],
)
def test_the_writers_own_words_are_no_brief(passage):
    assert not substance.is_pasted_brief(passage)


def test_a_brief_split_after_e_g_is_cut_whole_and_earns_nothing():
    fields = {"barriers": "Identify any obstacles (e.g. sight, memory, language) and how you addressed them."}
    cleaned = substance.clean(get_kind("education_script").spec, fields)
    assert cleaned.fields["barriers"].strip() == ""
    assert [item.check for item in cleaned.findings] == ["section.form_text"]


# --- Evidence: who else was taught, in the teach-back and in British family words ------------------------
@pytest.mark.parametrize(
    "teach_back",
    [
        "Asked his nan to show me how she would set the timer.",
        "Asked the carers what they would do if his feet went blue.",
        "Mum showed me the stretches back, then explained why.",
    ],
)
def test_another_person_asked_for_a_teach_back_was_included(teach_back):
    rule = next(rule for rule in get_kind("education_script").spec.evidence if rule.id == "education.others")
    assert evidence.earn(rule, {"teach_back": teach_back}, "pediatrics").share == 1.0


@pytest.mark.parametrize(
    "teach_back",
    ["Asked the foster parents whether they had questions.", "Asked if she understood; her gran nodded."],
)
def test_a_closed_check_put_to_the_family_is_not_them_included(teach_back):
    rule = next(rule for rule in get_kind("education_script").spec.evidence if rule.id == "education.others")
    assert evidence.earn(rule, {"teach_back": teach_back}, "pediatrics").share == 0.0


# --- Caseload: a deferral in note style, with a priority class or an availability as its criterion ---------
@pytest.mark.parametrize(
    "deferrals",
    [
        "Room-side review (P4): re-booked for 1000 tomorrow; ward clerk informed.",
        "Two priority 3 reviews moved to Friday, told the team.",
        "Wheelchair review: in theatre all afternoon, delayed to 0900 tomorrow, nurse in charge told.",
        "Late referral: rescheduled within the 48 h target, scheduler told.",
    ],
)
def test_a_deferral_with_a_class_target_or_availability_names_its_criterion(deferrals):
    fields = {"deferrals": deferrals}
    assert "the criterion" not in " ".join(item.message for item in caseload.check(_caseload_text(fields)))


@pytest.mark.parametrize("deferrals", ["Moved two visits to Friday, told the scheduler.", "Pushed back the rest."])
def test_a_deferral_with_no_criterion_still_says_so(deferrals):
    messages = " ".join(item.message for item in caseload.check(_caseload_text({"deferrals": deferrals})))
    assert "the criterion" in messages


def _caseload_text(fields: dict[str, str]):
    spec = get_kind("caseload_note").spec
    return artifact_text("caseload_note", "acute", {key: fields.get(key, "") for key in spec.section_keys}, spec)


@pytest.mark.parametrize(
    "passage", ["Rebooked 0930 tomorrow, stable.", "Bed-side review: 14:30 next Tuesday, seen yesterday.", "re-booked"]
)
def test_a_visit_rebooked_or_given_a_new_time_another_day_is_a_scheduling_action(passage):
    assert evidence._SCHEDULING_ACTION.search(passage.lower())


@pytest.mark.parametrize(
    "passage", ["Seen at 0930 today.", "Notes signed by 1600.", "Saw 12 patients; 14 booked tomorrow."]
)
def test_a_time_today_or_a_reading_is_no_scheduling_action(passage):
    assert not evidence._SCHEDULING_ACTION.search(passage.lower())


# --- Education: the ask to show or tell it back in reported speech, and an interpreter present -------------
@pytest.mark.parametrize(
    "passage",
    [
        "Asked her to show me the splint going on, start to finish.",
        "Asked his daughter to talk me through the evening routine.",
        "I asked them to explain to the nurse why the rail stays up.",
    ],
)
def test_an_ask_to_show_or_tell_it_back_in_reported_speech_is_a_teach_back_prompt(passage):
    assert education._TEACH_BACK.search(passage)


@pytest.mark.parametrize("passage", ["Asked her to do her exercises daily.", "Asked him to sit down first."])
def test_an_ask_to_do_something_else_is_no_teach_back_prompt(passage):
    assert not education._TEACH_BACK.search(passage)


@pytest.mark.parametrize(
    "teach_back",
    [
        "Asked him to show the steps, then tell the interpreter why the guard matters.",
        "His support worker was there and was shown the same steps.",
    ],
)
def test_an_interpreter_or_support_worker_present_was_included(teach_back):
    rule = next(rule for rule in get_kind("education_script").spec.evidence if rule.id == "education.others")
    assert evidence.earn(rule, {"teach_back": teach_back}, "outpatient").share == 1.0


def test_an_interpreter_only_mentioned_is_not_included():
    rule = next(rule for rule in get_kind("education_script").spec.evidence if rule.id == "education.others")
    assert evidence.earn(rule, {"teach_back": "An interpreter would help next time."}, "outpatient").share == 0.0


# --- Caseload: urgency, telling and guardrails in other words ----------------------------------------------
def _caseload_messages(**fields: str) -> str:
    return " ".join(item.message for item in caseload.check(_caseload_text(fields)))


@pytest.mark.parametrize(
    "priorities",
    [
        "First the two urgent add-ons from ED, then the rest of the list.",
        "1. The tendon repair (at risk without a splint today). 2. Routine reviews.",
        "Report with a Thursday deadline first; then reviews.",
    ],
)
def test_urgency_in_plain_words_is_a_priority_criterion(priorities):
    assert "the criteria" not in _caseload_messages(priorities=priorities)


def test_an_order_with_no_criterion_still_says_so():
    assert "the criteria" in _caseload_messages(priorities="Went in route order. Then the rest.")


@pytest.mark.parametrize(
    "deferrals",
    [
        "Moved the stable reviews to Friday; phoned both clients before noon.",
        "Two stable clients re-booked for Monday, rang the carers and texted the scheduler.",
    ],
)
def test_phoning_ringing_or_texting_says_who_is_told(deferrals):
    assert "who is told" not in _caseload_messages(deferrals=deferrals)


def test_a_deferral_told_to_no_one_still_says_so():
    assert "who is told" in _caseload_messages(deferrals="Moved the stable reviews to Friday.")


@pytest.mark.parametrize(
    "guardrails",
    ["Symptom check before each dual-task block; the stop rule is a rise of 2.", "Skin checks after every cast."],
)
def test_named_checks_and_stop_rules_are_safety_items(guardrails):
    assert "name no safety item" not in _caseload_messages(guardrails=guardrails)


def test_a_slogan_names_no_safety_item():
    assert "name no safety item" in _caseload_messages(guardrails="I always put people first and work hard.")
