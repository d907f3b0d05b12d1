"""Rules added when graded batches 8 and 9 became tuning material for caseload notes and education scripts.

Each one passes and fails on texts written here. A refusal said as a phrase ("no way we push through", "under no
circumstances") keeps the carrying on that follows it refused. Two blood-pressure readings, the second 20 or
more lower, are a drop however they are written ("from 150/84 sitting to 118/70 standing"). A swollen calf is a
sign to stop for; so is a cough or a gag at a meal written apart from it ("coughs or gags when she tries the
puree"). "We finished it", "keep re-offering", "to stay on schedule" carry on. Carrying on through a red flag for
the timetable's sake fails time management as well as the record. What an education script tells the person to do
about a red flag is the teaching, and rubbing or pressing on open skin is an unsafe thing to teach. "Each day" is
"every day": a routine. Another form's prompt pasted in ("When did you write your notes? (e.g. within an hour)")
is a question to the writer, not an answer: it and its bracketed example earn nothing. A relative credited with a
teach-back result ("wife correct first time") was taught. A script or message said in two languages is graded on
its English: the other language is not measured by English syllable rules, and a message with its translation is
one message. "Told", "rang" and "spoke to" notify as "tell" and "call" do, and a team leader, a band 7, the nurse in
charge or a matron are roles a staffing escalation goes to. A time-boxed trial ("trial it for two weeks") or a review
set a few days out is a barrier plan's when. What is deferred may sit between the verb and the day ("move two
stable reviews to Friday", "they go to Monday"). A prose list whose sentence ends on a value ("…under 90. Falls…")
still splits there; a head count "on my list" is a volume; measures run together with semicolons are several. In a
barrier plan a short label names the barrier ("Glasses: tabs marked in red") unless it heads the plan ("Plan: …"),
and an answer may be arranged in the home ("kept next to his tablets"); "went over it again" re-teaches, and "got
it back by the second go" is a documented response.
"""

from __future__ import annotations

from functools import partial

import pytest

from portfolios.checker import check_artifact
from portfolios.kinds import get_kind
from portfolios.rubric import caseload, education, evidence, readability, safety, substance
from portfolios.rubric.assist import fold
from portfolios.rubric.text import iter_list_items
from tests.rubric.texts import earned_share


def _safety(kind: str, **fields: str) -> list[tuple[str, str]]:
    found = check_artifact(kind, "acute", fields).findings
    return sorted((item.check, item.row) for item in found if item.check.startswith("safety."))


# --- Refusals said as a phrase -------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "No way I keep going through chest pain just to hit my numbers.",
        "Under no circumstances do we continue a session through new numbness.",
        "At no point would I push through dizziness to finish the list.",
    ],
)
def test_a_phrase_that_refuses_carrying_on_is_no_carrying_on(sentence):
    assert not safety.carried_on_unsafely(fold(sentence))


def test_carrying_on_without_the_refusal_is_still_read():
    assert safety.carried_on_unsafely(fold("I kept going through chest pain to finish the list."))


# --- Two readings make a drop --------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Her BP went from 150/84 sitting to 118/70 standing.",
        "Blood pressure fell from 132/80 lying to 104/66 once he stood.",
    ],
)
def test_two_readings_twenty_apart_are_a_blood_pressure_drop(sentence):
    assert safety.red_flag(fold(sentence)) == "a blood-pressure drop"


@pytest.mark.parametrize(
    "sentence",
    [
        "Her BP went from 130/80 sitting to 124/78 standing.",
        "MoCA moved from 26/30 to 21/30 over the year.",
    ],
)
def test_a_small_drop_or_a_score_pair_is_no_red_flag(sentence):
    assert safety.red_flag(fold(sentence)) is None


# --- Signs written in everyday words -------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "He said his left calf has been tight and swollen since the knee operation.",
        "A hot, swollen calf on the operated side.",
        "She coughs and gags when she tries the thin drinks.",
    ],
)
def test_a_swollen_calf_or_a_cough_at_a_meal_is_a_red_flag(sentence):
    assert safety.red_flag(fold(sentence)) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "No calf swelling today.",
        "She stretched her calf muscles after the walk.",
        "He coughed once this morning before breakfast was served.",
    ],
)
def test_calves_and_coughs_without_the_sign_are_no_red_flag(sentence):
    assert safety.red_flag(fold(sentence)) is None


# --- Carrying on, and the schedule as its reason -------------------------------------------------
def test_finishing_it_after_a_red_flag_is_carrying_on():
    text = "He felt dizzy at the sink. We finished it anyway and I moved on to the next patient."
    assert safety.carried_on_unsafely(fold(text))


def test_stopping_before_finishing_is_safe():
    text = "He felt dizzy at the sink, so I stopped, sat him down and told the nurse; we finished it later."
    assert not safety.carried_on_unsafely(fold(text))


def test_carrying_on_for_the_schedule_costs_time_management_too():
    found = _safety(
        "caseload_note",
        guardrails=(
            "At the second visit he went grey and said he felt light-headed on standing, "
            "but we completed the wash to stay on schedule and I drove to the next visit."
        ),
    )
    assert ("safety.schedule_over_safety", "time_management") in found
    assert ("safety.continued_through_red_flag", "documentation") in found


def test_carrying_on_with_no_word_of_the_schedule_stays_on_the_record():
    found = _safety(
        "caseload_note",
        guardrails="He felt light-headed on standing and we completed the wash.",
    )
    assert found == [("safety.continued_through_red_flag", "documentation")]


# --- What a script tells the person to do --------------------------------------------------------
_SCRIPT = {
    "main_message": "Offer small sips, sitting upright.",
    "audience": "Partner of a man with Parkinson's disease who cares for him at home.",
    "teach_back": "Show me how you will sit him up before the first sip.",
    "barriers": "Tremor: a two-handled cup.",
    "response": "Partner showed the position correctly on the second try; review on Friday.",
}


def test_a_script_that_feeds_through_coughing_fails_the_teaching():
    script = "Sit him right up. If he coughs or chokes when he drinks, just keep offering sips until he gets it down."
    found = _safety("education_script", **_SCRIPT, script=script)
    assert ("safety.unsafe_contingency", "patient_education") in found


def test_a_script_that_stops_for_coughing_passes():
    script = "Sit him right up. If he coughs or chokes when he drinks, stop, let him rest and ring the nurse."
    assert _safety("education_script", **_SCRIPT, script=script) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Rub the cream in hard over the whole graft, including any raw or weeping patches.",
        "Massage firmly across the open areas so the scar softens.",
    ],
)
def test_rubbing_open_skin_is_an_unsafe_instruction(sentence):
    assert safety.unsafe_instruction(fold(sentence)) == "pressure or rubbing on open or broken skin"


@pytest.mark.parametrize(
    "sentence",
    [
        "Massage firmly over the scar, but never over open or weeping areas.",
        "Rub the cream in around the edges, away from any broken skin.",
        "Massage the healed scar twice a day.",
    ],
)
def test_rubbing_that_avoids_open_skin_is_safe(sentence):
    assert safety.unsafe_instruction(fold(sentence)) is None


# --- "Each" is "every" ---------------------------------------------------------------------------
_earn = partial(earned_share, row="patient_education")


@pytest.mark.parametrize(
    "text",
    [
        "Do the finger slides each morning while the kettle boils.",
        "Check the skin under the splint each evening.",
        "Lie flat on your front for twenty minutes each day.",
    ],
)
def test_each_day_is_a_routine(text):
    assert _earn("routine_plan", text) == 1


def test_each_with_no_time_is_no_routine():
    assert _earn("routine_plan", "Lift each cup with both hands and set it down slowly.") == 0


# --- Another form's prompts ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("passage", "following"),
    [
        ("Which checks did you never skip?", ""),
        ("Who have you told about the delays, and when?", ""),
        ("How do you record the visits?", "(e.g. on the tablet before leaving)"),
        ("What will be tracked?", " (for example, late notes and falls)"),
    ],
)
def test_a_question_to_the_writer_or_with_its_example_is_a_form_prompt(passage, following):
    assert substance.is_form_prompt(passage, following)


@pytest.mark.parametrize(
    ("passage", "following"),
    [
        ("Who did I tell?", " The charge nurse at 10:00."),
        ("What got moved?", " Two reviews, to Friday."),
        ("I asked: 'What did you notice when you stood up?'", ""),
        ("Notes written within an hour (e.g. between clients).", ""),
    ],
)
def test_a_question_the_writer_answers_is_not_a_form_prompt(passage, following):
    assert not substance.is_form_prompt(passage, following)


def test_a_prompt_and_its_bracketed_example_earn_nothing():
    fields = {"documentation": "When did you write your notes? (e.g. within an hour of each visit, signed by 5 pm)"}
    cleaned = substance.clean(get_kind("caseload_note").spec, fields).fields["documentation"]
    assert not cleaned.strip()


@pytest.mark.parametrize(
    ("kind", "section", "text"),
    [
        (
            "handoff_template",
            "required_items",
            "- Falls since admission? (e.g. near-fall on day 3, turning in the hall)",
        ),
        ("sop_checklist", "items", "- Brakes locked on both sides? (e.g. push the chair: it does not roll)"),
        ("setting_fit_questions", "supervision", "Who signs off my notes in month one? (e.g. a named senior OT)"),
    ],
)
def test_questions_the_candidate_writes_for_someone_else_are_their_design_not_a_pasted_prompt(kind, section, text):
    """A handoff's items, a checklist's checks and questions for an employer are written as questions on purpose."""
    cleaned = substance.clean(get_kind(kind).spec, {section: text}).fields[section]
    assert cleaned == text


def test_an_answer_after_a_first_person_question_is_kept():
    fields = {"documentation": "When did I write notes? Within an hour of each visit, all signed by 17:00."}
    cleaned = substance.clean(get_kind("caseload_note").spec, fields).fields["documentation"]
    assert "Within an hour of each visit" in cleaned


def test_in_a_teach_back_a_question_to_you_is_the_clients():
    fields = {"teach_back": "What did you notice in your breathing when you stood up? He said he held his breath."}
    cleaned = substance.clean(get_kind("education_script").spec, fields).fields["teach_back"]
    assert "What did you notice" in cleaned


# --- Another person's own teach-back result ------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Client needed two cues; her husband correct on the first try.",
        "The daughter answered both questions about the warning signs.",
        "His partner explained the pacing rule back in her own words.",
    ],
)
def test_another_persons_teach_back_result_shows_they_were_taught(text):
    assert _earn("others_included", text) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Client answered both questions correctly.",
        "Her husband is supportive and keen to help.",
    ],
)
def test_the_client_alone_or_a_named_relative_is_not_another_person_taught(text):
    assert _earn("others_included", text) == 0


# --- Two languages -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    ["Put the chair by the bed before you stand.", "Call the nurse if it goes up.", "Sí.", "Stand up slowly."],
)
def test_english_sentences_and_short_ones_read_as_english(sentence):
    assert readability.is_english(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Ponga la silla junto a la cama antes de pararse.", "Mettez la chaise près du lit avant de vous lever."],
)
def test_sentences_with_no_english_function_word_are_another_language(sentence):
    assert not readability.is_english(sentence)


def test_a_bilingual_text_keeps_its_english_and_a_monolingual_one_is_unchanged():
    bilingual = "Ponga la silla junto a la cama. (Put the chair next to the bed.)"
    assert readability.english_part(bilingual) == "(Put the chair next to the bed.)"
    english = "Put the chair next to the bed. Then stand up slowly."
    assert readability.english_part(english) is english


def test_a_message_with_its_translation_is_one_short_message():
    message = (
        "Check both feet every night before bed, and call the clinic the same day if you see a red spot. / "
        "Revise los dos pies cada noche antes de acostarse, y llame a la clínica ese mismo día si ve una mancha roja."
    )
    assert _earn("main_message", message) == 1
    three = f"{message.split(' / ')[0]} Then dry between the toes. Put on clean socks every morning."
    assert _earn("main_message", three) == 0.5


# --- Told in the past, and British staffing roles ------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Told the team leader at 11:00 that four visits would slip past 3 pm.",
        "Rang the nurse in charge at 14:00 when the list passed 12 patients.",
        "Spoke to the band 7 by noon about the three deferrals.",
    ],
)
def test_an_escalation_told_in_the_past_names_whom_you_told(text):
    assert _earn("escalation", text) >= 0.7


def test_an_escalation_with_no_one_told_earns_little():
    assert _earn("escalation", "The list passed 12 patients at 14:00.") == 0


@pytest.mark.parametrize(
    "text",
    ["Told the team leader at 13:00.", "Flagged to the band 7 at huddle.", "Rang the matron at 2 pm."],
)
def test_british_titles_are_staffing_roles(text):
    assert caseload._STAFFING_ROLE.search(text)


def test_a_colleague_is_no_staffing_role():
    assert not caseload._STAFFING_ROLE.search("Told my colleague at 13:00.")


# --- A trial and its review are a when -----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Embarrassed by the walker in town: we agreed to trial it for two weeks on the short walks only.",
        "Worried about the cost of the bath board; we will review in 3 days once the loan one arrives.",
    ],
)
def test_a_time_boxed_trial_or_review_is_a_when(text):
    assert education.when_how_often(text) is not None


def test_a_barrier_with_a_plan_but_no_time_has_no_when():
    assert education.when_how_often("Embarrassed by the walker: we agreed she would try it on short walks.") is None


# --- What moves, named between the verb and the day ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "We will move the two stable reviews to Friday because neither is going home this week.",
        "Both stable follow-ups go to Monday; the office was told.",
        "The splint check got bumped to Thursday: the skin is stable and the swelling settling.",
    ],
)
def test_a_visit_moved_to_a_day_is_a_deferral(text):
    assert caseload._DEFER.search(text)
    assert _earn("decision_rule", text) >= 0.5


def test_a_move_with_no_day_or_visit_is_no_deferral():
    text = "We go to the gym first; I move the chairs to the wall."
    assert not caseload._DEFER.search(text)
    assert _earn("decision_rule", text) == 0


# --- Prose lists whose sentences end on a value --------------------------------------------------
def test_a_sentence_ending_in_a_value_still_ends_a_list_item():
    text = "No standing if systolic is under 90. Gait belt on every transfer. Falls alarms on in bay 2."
    assert [item.text for item in iter_list_items(text)] == [
        "No standing if systolic is under 90.",
        "Gait belt on every transfer.",
        "Falls alarms on in bay 2.",
    ]


def test_an_inline_list_number_is_still_a_marker():
    text = "1. Check the brakes. 2. Confirm the sling size. 3. Record the lift."
    assert [item.text for item in iter_list_items(text)] == [
        "Check the brakes.",
        "Confirm the sling size.",
        "Record the lift.",
    ]


# --- Volume and measures -------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["12 on my list today.", "14 on the OT caseload, 3 new.", "9 in the diary."])
def test_a_head_count_on_the_list_is_a_measure(text):
    assert evidence.is_quantity(fold(text))


def test_a_list_without_a_count_is_no_measure():
    assert not evidence.is_quantity(fold("Everyone on my list was seen."))


def test_measures_run_together_with_semicolons_are_several():
    text = "Seen 9 of 12; 0 falls; 2/2 discharges out by noon."
    assert _earn("measured", text, min=2) == 1
    assert _earn("measured", "Seen 9 of 12 in all.", min=2) == 0.5


# --- Barrier plans in labelled lines, re-teaching and responses in everyday words ----------------
def test_a_labelled_barrier_with_an_arranged_answer_is_answered():
    text = "Glasses: the straps are marked with yellow tape. Forgetting: the splint is kept next to her tablets."
    assert _earn("barriers_answered", text, min=2) == 1


def test_a_plan_heading_is_no_barrier():
    assert _earn("barriers_answered", "Plan: practise after lunch with the timer on.", min=2) == 0


def test_going_over_it_again_is_a_reteach():
    text = "Q: What will you do before bed tonight? She missed the skin check, so I went over it again."
    assert _earn("teach_back", text) == 1


@pytest.mark.parametrize(
    "text", ["Both got it back by the second go.", "Son got it right first time.", "Correct on the 3rd attempt."]
)
def test_a_result_in_everyday_words_is_a_documented_response(text):
    assert education._RESPONSE.search(text)


def test_a_bare_claim_is_no_documented_response():
    assert not education._RESPONSE.search("Education given; understood.")
