"""Rules added when graded batch 4 became tuning material: each one passes and fails on texts written here.

Bleeding as a red flag and stop thresholds waved away; a kind of clinic is no facility name; outcomes
written without an article ("without a cue") or as a comparison; talking to someone is telling them;
signs on a limb or the skin as triggers; a load with no number is no trigger; a problem statement
gives the help needed as a level or a number.
"""

from __future__ import annotations

import pytest

from portfolios.checker import check_artifact
from portfolios.kinds import get_kind
from portfolios.rubric import education, goals, handoff, phi, safety
from tests.rubric.texts import artifact_text, earned_share, evidence_rule

_rule = evidence_rule
_earn = earned_share


def _safety(kind: str, **fields: str) -> list[str]:
    spec = get_kind(kind).spec
    text = artifact_text(kind, "acute", {key: fields.get(key, "") for key in spec.section_keys}, spec)
    return [item.check for item in safety.check(text)]


# --- Bleeding is a red flag -------------------------------------------------------------------
@pytest.mark.parametrize(
    "rule",
    [
        "If there is a nosebleed, apply pressure and continue the session.",
        "If new bruising appears on the arms, carry on with the resistance program.",
    ],
)
def test_a_contingency_that_carries_on_through_bleeding_is_unsafe(rule):
    assert _safety("plan_of_care", interventions=rule) == ["safety.unsafe_contingency"]


@pytest.mark.parametrize(
    "rule",
    [
        "If there is a nosebleed, stop, apply pressure and call the RN before any more activity.",
        "Bleeding precautions: soft toothbrush and electric razor; continue the ADL program.",
    ],
)
def test_stopping_for_bleeding_or_naming_a_precaution_is_safe(rule):
    assert _safety("plan_of_care", interventions=rule) == []


# --- A stop threshold waved away ---------------------------------------------------------------
@pytest.mark.parametrize(
    "plan",
    [
        "Daily resistive exercise with 3 lb weights, whatever the platelet count.",
        "Stairs practice every session regardless of the blood pressure reading.",
    ],
)
def test_going_ahead_whatever_a_lab_value_or_vital_sign_shows_is_an_error(plan):
    assert _safety("plan_of_care", interventions=plan) == ["safety.threshold_ignored"]


@pytest.mark.parametrize(
    "plan",
    [
        "Resistive exercise only with platelets above 20; below that, active range of motion only.",
        "Never exercise regardless of the platelet count: check the morning count first.",
    ],
)
def test_a_plan_that_keeps_its_thresholds_is_not_flagged(plan):
    assert _safety("plan_of_care", interventions=plan) == []


def test_a_waved_away_threshold_caps_the_assessment():
    fields = {
        "problem": "Client requires Min A for toileting due to fatigue during chemotherapy.",
        "baseline": "Toilet transfer Min A. Shower Mod A seated. Platelets 9 this morning.",
        "interventions": "Progressive resistive exercise daily, whatever the platelet count.",
    }
    result = check_artifact("plan_of_care", "acute", fields)
    assert result.rows["assessment"].score <= 1


# --- A kind of clinic is not a facility name ----------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Referred by the brachial plexus clinic for review of the shoulder.",
        "Field loss shown on the eye clinic's visual field test.",
    ],
)
def test_a_specialty_clinic_in_lower_case_is_not_a_place(sentence):
    assert not [item for item in phi.scan_field("a", sentence) if item.check == "phi.geo"]


@pytest.mark.parametrize(
    "sentence", ["Seen at the mercy general hospital last spring.", "Seen at the lakeview clinic twice."]
)
def test_a_named_facility_in_lower_case_is_still_a_place(sentence):
    assert [item for item in phi.scan_field("a", sentence) if item.check == "phi.geo"]


# --- Outcomes -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "response",
    [
        "Turned his head at 4 of 5 doorways without a cue.",
        "Read the 6-line card, missing one word (before: missed 2-3 words on every line).",
        "The re-check on the stove was correct on the second try.",
    ],
)
def test_an_outcome_without_an_article_or_as_a_comparison_earns_in_full(response):
    assert _earn("verified_outcome", response) == 1.0


def test_a_count_with_no_outcome_still_earns_half():
    assert _earn("verified_outcome", "Practised the head turn 3 times.") == 0.5


# --- Escalation: talking to someone is telling them; a load with no number is no trigger --------
def test_talking_to_a_named_person_about_a_named_sign_is_an_escalation():
    assert _earn("escalation", "Talk to the physician if the fingers turn blue or the skin breaks down.") >= 0.8


def test_a_handoff_escalation_that_talks_to_the_physician_has_its_notify_step():
    spec = get_kind("handoff_template").spec
    text = artifact_text(
        "handoff_template",
        "pediatrics",
        dict.fromkeys(spec.section_keys, "")
        | {"escalation": "Talk to the physician at once if the fingers swell or turn blue."},
        spec,
    )
    messages = [item.message for item in handoff.check(text) if item.check == "handoff.escalation"]
    assert not [message for message in messages if "notify" in message]


@pytest.mark.parametrize(
    "rule", ["If the schedule is too full I talk to my manager.", "When we are short, I speak with the lead."]
)
def test_a_load_with_no_number_is_no_trigger(rule):
    assert _earn("escalation", rule) == 0.5


def test_a_load_with_a_number_is_a_trigger():
    assert _earn("escalation", "If more than 14 clients are on my list, I talk to the manager.") >= 0.8


# --- Contingencies: signs a receiver can see -----------------------------------------------------
@pytest.mark.parametrize(
    "rule",
    [
        "If the fingers swell or look blue, take the cast off and call the surgeon.",
        "If there is redness lasting over 20 minutes after the splint comes off, stop wearing it and tell the OT.",
    ],
)
def test_a_sign_on_a_limb_or_the_skin_is_a_trigger(rule):
    assert _earn("contingencies", rule, min=1) == 1.0


def test_a_bare_symptom_word_with_no_sign_is_still_no_trigger():
    assert _earn("contingencies", "If pain, modify exercises.", min=1) == 0.0


# --- Problem statements: the help needed as a level or a number ---------------------------------
@pytest.mark.parametrize(
    "problem",
    [
        "Client requires Mod A for showering and Min A for toilet transfers due to ataxia after a stroke.",
        "Student requires 4 verbal prompts to start written work because of poor motor planning.",
    ],
)
def test_a_problem_statement_with_a_level_earns_in_full(problem):
    assert _earn("named_constraint", problem, leveled=True) == 1.0


@pytest.mark.parametrize(
    "problem",
    [
        "Client needs help with bathing and dressing because of fatigue from kidney disease.",
        "Student has difficulty with handwriting due to a coordination disorder, which affects classwork.",
    ],
)
def test_a_problem_statement_that_only_says_help_is_needed_earns_half(problem):
    assert _earn("named_constraint", problem, leveled=True) == 0.5
    assert _earn("named_constraint", problem) == 1.0


# --- Reasons and constraints that name nothing -------------------------------------------------
@pytest.mark.parametrize(
    "passage",
    [
        "Alternatives considered and ruled out because of evidence.",
        "The plan was changed for clinical reasons and overall functional needs.",
    ],
)
def test_a_reason_that_names_nothing_is_no_reason(passage):
    assert _earn("reasoned", passage) == 0.0


def test_a_reason_that_names_something_still_counts():
    assert _earn("reasoned", "I chose a tub bench because she cannot step over the tub wall.") >= 0.75


@pytest.mark.parametrize(
    "passage",
    ["Real constraint due to occupational demands.", "Progress was limited by multiple factors."],
)
def test_a_constraint_that_names_nothing_is_no_constraint(passage):
    assert _earn("named_constraint", passage) == 0.0


def test_a_constraint_that_names_the_factor_counts():
    assert _earn("named_constraint", "Progress was limited by her fear of falling in the shower.") == 1.0


# --- A verb is never a name -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence", ["The child held the shoulder turned in.", "The client paid for the bench and began using it."]
)
def test_an_irregular_past_form_after_a_role_word_is_not_a_name(sentence):
    assert not [item for item in phi.scan_field("a", sentence) if item.check == "phi.name"]


# --- When a note is written: against the visit, not only how often ---------------------------
def test_a_cadence_alone_earns_half_when_the_rule_asks_when_against_the_visit():
    assert _earn("timed", "Daily notes.", tied=True) == 0.5
    assert _earn("timed", "Daily notes.") == 1.0


@pytest.mark.parametrize(
    "note", ["Notes written after each dressing session.", "Notes signed the same day, before I leave the unit."]
)
def test_a_note_tied_to_the_visit_earns_in_full(note):
    assert _earn("timed", note, tied=True) == 1.0


# --- Measures named without their values --------------------------------------------------------
def test_a_measure_named_without_its_value_earns_half_with_named():
    assert _earn("measured", "Daily notes in the EMR with assist levels.", named=True) == 0.5
    assert _earn("measured", "Daily notes in the EMR with assist levels.") == 0.0


def test_named_measures_count_only_where_no_value_is_given():
    both = "- LB dressing Mod A\n- The angle at the last cast change\n- The skin score at the last change"
    assert _earn("measured", both, named=True, min=2) == 0.5


def test_a_note_that_names_nothing_measured_earns_nothing():
    assert _earn("measured", "Daily notes. Patient tolerated treatment well.", named=True) == 0.0


# --- If/then rules are counted by sentence ----------------------------------------------------
def test_rules_written_as_one_paragraph_are_each_counted():
    paragraph = (
        "If the score goes above 28, then stop the session and let the RN know. "
        "If there is a seizure, follow the unit protocol and call the RN."
    )
    assert _earn("contingencies", paragraph, min=2) == 1.0


# --- A documentation rule hedged into a hope, or put past the day ---------------------------------
@pytest.mark.parametrize(
    "rule",
    [
        "I try to write notes before the patient leaves; otherwise by the end of the day.",
        "Notes are usually done the same day.",
    ],
)
def test_a_hedged_when_earns_half_when_the_rule_must_be_firm(rule):
    assert _earn("timed", rule, firm=True) == 0.5
    assert _earn("timed", rule) == 1.0


def test_a_firm_when_earns_in_full():
    assert _earn("timed", "Notes are signed the same day, before 17:00.", firm=True) == 1.0


@pytest.mark.parametrize(
    "rule",
    [
        "Flowsheets get filled in between patients. If I run out of time I finish the narrative notes at home "
        "over the weekend.",
        "I try to keep up with the notes, and I write the rest of them up when I get time on Friday.",
    ],
)
def test_a_written_rule_that_is_a_hope_or_puts_notes_off_earns_half(rule):
    assert _earn("written", rule, min_words=12, firm=True) == 0.5
    assert _earn("written", rule, min_words=12) == 1.0


def test_a_written_rule_a_colleague_could_hold_you_to_earns_in_full():
    rule = "Every note is signed before I leave the unit, with timed and total minutes and the assist level."
    assert _earn("written", rule, min_words=12, firm=True) == 1.0


def test_a_load_with_no_number_is_no_trigger_however_it_is_contracted():
    assert _earn("escalation", "Tell my manager when it's too busy.") == 0.5


# --- A show-back recorded without its prompt -------------------------------------------------
def _education_checks(**fields: str) -> dict[str, str]:
    spec = get_kind("education_script").spec
    text = artifact_text(
        "education_script", "outpatient", {key: fields.get(key, "") for key in spec.section_keys}, spec
    )
    return {item.check: item.severity for item in education.check(text)}


def test_a_show_back_recorded_without_a_prompt_earns_half_and_is_a_warning():
    shown = "Asked if they had any questions. Mom showed me the tendon glides."
    assert _earn("teach_back", shown) == 0.5
    assert _education_checks(script="Warm the hands first.", teach_back=shown)["education.teach_back"] == "warning"


def test_understanding_verbalised_is_still_no_teach_back():
    said = "Family verbalized understanding."
    assert _earn("teach_back", said) == 0.0
    assert _education_checks(script="Warm the hands first.", teach_back=said)["education.teach_back"] == "error"


def test_a_prompt_still_earns_more_than_a_show_back():
    assert _earn("teach_back", "Show me how you would do the tendon glides.") > 0.5


# --- Discharge criteria: a count in words is a measure ----------------------------------------
@pytest.mark.parametrize(
    "criteria",
    [
        "Discharge when the goals are met and the spouse has shown safe shower set-up twice.",
        "Discharge at team conference if progress is less than one GG level on target items.",
    ],
)
def test_goals_met_with_a_count_in_words_is_measurable(criteria):
    assert goals.is_measurable(criteria)


def test_goals_met_alone_is_still_not_measurable():
    assert not goals.is_measurable("Discharge when goals are met.")


# --- Aspiration signs and steps skipped for time -----------------------------------------------
def test_carrying_on_through_a_cough_at_a_meal_is_unsafe():
    rule = "If the client coughs during the meal, give sips of water and carry on."
    assert _safety("sop_checklist", items=rule) == ["safety.unsafe_contingency"]


def test_stopping_the_meal_for_a_cough_is_safe():
    rule = "If the client coughs during the meal, stop the meal, sit them upright and page the SLP."
    assert _safety("sop_checklist", items=rule) == []


@pytest.mark.parametrize(
    "item",
    [
        "Oral check for pocketed food after the meal: skip if the session is running over.",
        "Pressure-area check: skip it when we're short on time.",
    ],
)
def test_a_step_skipped_when_time_runs_short_is_a_skipped_guardrail(item):
    assert _safety("sop_checklist", items=item) == ["safety.guardrail_skipped"]


def test_a_step_never_skipped_for_time_is_not_flagged():
    assert _safety("sop_checklist", items="Oral check after the meal: never skip it, even if running over.") == []


# --- A pause point is a moment, not the occasions it is used on ----------------------------------
@pytest.mark.parametrize("occasion", ["At home visits for clients on oxygen.", "At every home visit."])
def test_the_occasions_a_checklist_is_used_on_are_not_its_moment(occasion):
    assert _earn("pause_point", occasion) == 0.25


@pytest.mark.parametrize(
    "moment", ["At the start of the lunchtime feeding session.", "On arrival at the home, before the first transfer."]
)
def test_a_moment_within_the_visit_is_a_pause_point(moment):
    assert _earn("pause_point", moment) == 1.0
