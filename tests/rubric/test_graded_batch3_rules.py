"""Rules added when graded batch 3 became tuning material: each one passes and fails on texts written here.

Checklist lists, pause points and exceptions; escalation triggers; template blanks and recommended
phrasings; red flags read across a section break and escalation refused in other words; goals with a
labelled timeline, work tasks and symptom criteria; a main message in jargon; a counted teach-back.
"""

from __future__ import annotations

import pytest

from portfolios.checker import check_artifact
from portfolios.kinds import get_kind
from portfolios.rubric import case, checklist, goals, handoff, safety, substance
from tests.rubric.texts import artifact_text, earned_share, evidence_rule

_rule = evidence_rule
_earn = earned_share


# --- Checklist items --------------------------------------------------------------------------
def test_a_line_among_others_is_one_item_however_many_commas_it_holds():
    listed = "Ask and record: fever, chills, new redness or heat\nCheck brakes locked\nConfirm the order"
    assert _earn("concrete_items", listed, min=5) == pytest.approx(3 / 5)


def test_a_section_written_as_one_line_still_splits_into_its_items():
    one_line = "Required: illness severity, precautions, assist level, DME, cognition"
    assert _earn("concrete_items", one_line, min=5, min_words=1) == 1.0


@pytest.mark.parametrize(
    "item",
    ["Check the wheelchair brakes are locked", "Confirm the sling size on the lift label", "Bed alarm on"],
)
def test_a_checkable_item_says_what_to_verify_or_do(item):
    assert checklist.is_checkable(item)


@pytest.mark.parametrize("item", ["Know the seizure history", "Gait belt", "Use the walker as needed"])
def test_an_item_that_names_a_thing_or_a_worry_is_not_checkable(item):
    assert not checklist.is_checkable(item)


def test_vague_items_dilute_a_checkable_list():
    concrete = "\n".join(f"Check item {n} is locked" for n in range(5))
    assert _earn("concrete_items", concrete, min=5, checkable=True) == 1.0
    diluted = concrete + "\nKnow the seizure history\nUse the walker as needed"
    assert _earn("concrete_items", diluted, min=5, checkable=True) == pytest.approx(5 / 7)


# --- Pause point ------------------------------------------------------------------------------
@pytest.mark.parametrize("moment", ["Before the first stand of each visit.", "At the end of every group session."])
def test_a_pause_point_is_a_moment(moment):
    assert _earn("pause_point", moment) == 1.0


@pytest.mark.parametrize("span", ["During treatment sessions on the stroke unit.", "During visits."])
def test_during_names_a_stretch_of_time_not_a_pause_point(span):
    assert _earn("pause_point", span) == 0.25


# --- Exceptions and escalation order (checklist family) ---------------------------------------
def _sop_findings(**fields):
    spec = get_kind("sop_checklist").spec
    return list(
        checklist.check(
            artifact_text("sop_checklist", "outpatient", {key: fields.get(key, "") for key in spec.section_keys}, spec)
        )
    )


@pytest.mark.parametrize(
    "exceptions",
    [
        "Open wound on the shin: do not apply the wrap; measure only.",
        "If the goniometer is not available, record 'not measured' and measure at the next visit.",
    ],
)
def test_a_stop_rule_or_a_fallback_counts_as_an_exception(exceptions):
    assert "checklist.exceptions" not in {f.check for f in _sop_findings(exceptions=exceptions)}


def test_exceptions_that_say_neither_when_not_to_use_it_nor_what_to_do_are_flagged():
    assert "checklist.exceptions" in {f.check for f in _sop_findings(exceptions="Staff should read it carefully.")}


@pytest.mark.parametrize(
    "escalation",
    [
        "Call the physician within 1 hour; if I cannot reach the physician, I tell the supervisor at once.",
        "If a check fails, tell the charge nurse at once, who escalates to the on-call physician.",
    ],
)
def test_a_chain_written_as_prose_is_an_order(escalation):
    assert "checklist.escalation" not in {f.check for f in _sop_findings(escalation=escalation)}


def test_one_role_without_an_order_is_still_flagged():
    assert "checklist.escalation" in {f.check for f in _sop_findings(escalation="Tell the nurse at once if it fails.")}


# --- Escalation evidence: a vague trigger is no trigger -----------------------------------------
def test_an_escalation_on_any_concerns_earns_less_than_one_on_a_named_sign():
    vague = _earn("escalation", "Page the doctor if there are any concerns.")
    named = _earn("escalation", "Page the doctor if the wound bleeds through the dressing.")
    assert vague == 0.5 and named > vague


def test_letting_someone_know_is_notifying_them():
    assert _earn("escalation", "Let the unit manager know by noon if the lift is out of service.") == 1.0


# --- Template blanks and recommended phrasings --------------------------------------------------
@pytest.mark.parametrize(
    "slot", ["[Describe the near-miss here]", "<List the contraindications>", "[WARD NAME]", "______"]
)
def test_an_unfilled_template_blank_is_cut_and_reported(slot):
    kind = get_kind("sop_checklist").spec
    cleaned = substance.clean(kind, {"exceptions": f"Not used in a code. {slot}"})
    assert slot not in cleaned.fields["exceptions"] and "Not used in a code." in cleaned.fields["exceptions"]
    assert any(f.check == "section.placeholder" and f.field == "exceptions" for f in cleaned.findings)


@pytest.mark.parametrize("own", ["Say it as CUS [CUS] to the charge nurse.", "Hand over to the nurse [RN] by 15:00."])
def test_a_single_acronym_in_brackets_is_not_a_blank(own):
    kind = get_kind("sop_checklist").spec
    assert substance.clean(kind, {"escalation": own}).fields["escalation"] == own


def test_a_bracketed_stage_direction_in_a_script_is_kept():
    kind = get_kind("education_script").spec
    script = "Put the brace on before you stand. [pause, let him try it] Good, now the strap."
    assert substance.clean(kind, {"script": script}).fields["script"] == script


def test_a_recommended_phrasing_carried_on_in_own_words_is_not_pasted_form_text():
    kind = get_kind("education_script").spec
    own = "I want to be sure I explained this well, it is a lot."
    cleaned = substance.clean(kind, {"teach_back": own})
    assert cleaned.fields["teach_back"] == own
    assert not cleaned.findings


def test_the_recommended_phrasing_alone_is_still_the_forms_text():
    kind = get_kind("education_script").spec
    cleaned = substance.clean(kind, {"teach_back": "I want to be sure I explained this well."})
    assert not cleaned.fields["teach_back"].strip()
    assert [f.check for f in cleaned.findings] == ["section.form_text"]


# --- Safety -----------------------------------------------------------------------------------
def _safety(kind, **fields):
    spec = get_kind(kind).spec
    return list(
        safety.check(artifact_text(kind, "acute", {key: fields.get(key, "") for key in spec.section_keys}, spec))
    )


def test_a_red_flag_ending_one_section_and_carrying_on_opening_the_next_is_flagged():
    found = _safety(
        "case_writeup",
        assessment="Transfers CGA. On standing she described new weakness in the right arm. I put it down to fatigue.",
        plan="I continued the session so she could practise the toilet transfer before lunch.",
    )
    assert [f.check for f in found] == ["safety.continued_through_red_flag"]
    assert found[0].field == "assessment"


def test_a_stop_opening_the_next_section_clears_the_red_flag():
    found = _safety(
        "case_writeup",
        assessment="On standing she described new weakness in the right arm.",
        plan="I stopped the session, returned her to bed and called the RN. We continued the next day once cleared.",
    )
    assert found == []


def test_a_sign_said_to_be_absent_is_no_red_flag_even_across_a_section_break():
    found = _safety(
        "case_writeup",
        assessment="Grip 20 kg. She denies dizziness and reports no new numbness.",
        plan="Continued the grip program 3x/week for 4 weeks.",
    )
    assert found == []
    assert safety.red_flag("she reported new numbness in the thumb") == "new numbness"


@pytest.mark.parametrize(
    "sentence",
    [
        "We don't need to escalate low sats on this ward.",
        "I did not mention the new numbness to the nurse.",
        "You do not have to call anyone if your chest feels tight.",
    ],
)
def test_escalation_refused_in_other_words_is_an_error(sentence):
    assert "safety.escalation_refused" in {f.check for f in _safety("handoff_template", escalation=sentence)}


def test_saying_the_signs_stayed_within_limits_is_not_a_refusal():
    sentence = "I did not mention it to the nurse because SpO2 stayed within limits at 95%."
    assert _safety("handoff_template", escalation=sentence) == []


@pytest.mark.parametrize(
    "handoffs",
    [
        "Visit 3: new tingling, so I stopped loading and called the surgeon's office.",
        "I called the referrer the same day.",
    ],
)
def test_a_case_that_stops_or_calls_the_surgeon_shows_a_safety_decision(handoffs):
    spec = get_kind("case_writeup").spec
    text = artifact_text(
        "case_writeup", "outpatient", dict.fromkeys(spec.section_keys, "") | {"handoffs": handoffs}, spec
    )
    assert "case.safety" not in {f.check for f in case.check(text)}


def test_a_case_with_no_safety_decision_is_still_flagged():
    spec = get_kind("case_writeup").spec
    fields = dict.fromkeys(spec.section_keys, "") | {"handoffs": "Sent the home program to the employer."}
    text = artifact_text("case_writeup", "outpatient", fields, spec)
    assert "case.safety" in {f.check for f in case.check(text)}


# --- Handoff: pending items --------------------------------------------------------------------
@pytest.mark.parametrize(
    "item", ["Tub bench on order", "Splint still to arrive from the vendor", "Walker back-ordered"]
)
def test_equipment_on_order_is_a_pending_item(item):
    assert handoff._REHAB_ITEMS["pending items"].search(item)


def test_equipment_in_use_is_not_a_pending_item():
    assert not handoff._REHAB_ITEMS["pending items"].search("Tub bench in the bathroom")


# --- Goals ------------------------------------------------------------------------------------
def test_a_goal_label_with_a_timeline_gives_the_goal_its_timeline():
    plan = "Goals:\n- Short-term (3 weeks): Client will carry a 5 kg box from bench to shelf independently."
    (goal,) = goals.plan_goals(plan)
    assert goals.coast_elements(goal.reading)["timeline"] is not None
    assert goals.coast_elements(goal.text)["timeline"] is None


@pytest.mark.parametrize(
    "goal",
    [
        "Client will lift a 10 kg crate from floor to bench 20 times",
        "Client will return to modified duty as a mail sorter",
        "Client will complete 30 carton lifts in an hour",
    ],
)
def test_work_tasks_are_occupations(goal):
    assert goals.mentions_occupation(goal)


def test_a_body_function_alone_is_still_no_occupation():
    assert not goals.mentions_occupation("Client will increase grip strength to 30 kg")


@pytest.mark.parametrize(
    "goal",
    [
        "Client will wash dishes for 10 minutes with shoulder pain no higher than 2/10 within 3 weeks",
        "Client will unload the dryer keeping a neutral back posture within 4 weeks",
        "Client will fasten a shirt with the prosthesis within 6 weeks",
    ],
)
def test_symptom_criteria_technique_and_a_prosthesis_are_conditions(goal):
    assert goals.has_condition(goal, "outpatient")


def test_a_goal_with_no_condition_still_lacks_one():
    assert not goals.has_condition("Client will wash dishes within 3 weeks", "outpatient")


# --- Education: main message, response, barriers ----------------------------------------------
def test_a_main_message_in_clinical_jargon_earns_nothing_and_one_term_halves_it():
    assert _earn("main_message", "Keep your hand above your heart to bring the swelling down.") == 1.0
    assert _earn("main_message", "Keep your hand above your heart to bring the edema down.") == 0.5
    assert _earn("main_message", "Maintain elevation to reduce edema and paresthesia.") == 0.0


@pytest.mark.parametrize(
    "response",
    ["She set the pill box up correctly on the second try.", "He put the splint on correctly on the 2nd attempt."],
)
def test_a_teach_back_counted_in_attempts_is_a_measured_outcome(response):
    assert _earn("verified_outcome", response) == 1.0


def test_understanding_verbalised_is_no_outcome():
    assert _earn("verified_outcome", "Client verbalised understanding and was receptive.") == 0.0


def test_a_likely_risky_behaviour_is_a_barrier_and_a_reminder_answers_it():
    assert (
        _earn("barriers_answered", "He may try to climb the ladder. His son will remind him each weekend.", min=1)
        == 1.0
    )
    assert _earn("barriers_answered", "He may try to climb the ladder.", min=1) == 0.25


# --- Whole artifacts --------------------------------------------------------------------------
def test_an_unfilled_template_scores_no_higher_than_its_blanks():
    fields = {
        "error_prevented": "[Describe the error this checklist prevents]",
        "when_used": "Before [MOMENT].",
        "checklist_type": "READ-DO",
        "items": "1. [Item 1]\n2. [Item 2]\n3. ______\n4. TBD\n5. [Item 5]",
        "exceptions": "<List the exceptions>",
        "escalation": "[Who is told]",
        "owner_review": "Owner: [Name]. Next review: [date].",
    }
    result = check_artifact("sop_checklist", "outpatient", fields)
    assert {row: score.score for row, score in result.rows.items()} == {"documentation": 0, "time_management": 0}


@pytest.mark.parametrize(
    "response",
    [
        "His daughter was there and practised the sling on the second arm.",
        "Ward nurses told about the schedule so they can prompt him.",
        "She lives alone, so the plan is hers to run.",
    ],
)
def test_a_response_that_says_who_else_was_taught_or_present_earns_it(response):
    assert _earn("others_included", response) == 1.0


@pytest.mark.parametrize("response", ["Parents were receptive.", "The son is supportive.", "Client did well."])
def test_naming_someone_without_saying_they_were_there_or_taught_earns_nothing(response):
    assert _earn("others_included", response) == 0.0


def test_done_without_cues_or_errors_is_an_outcome_word_but_a_longer_word_is_not():
    assert _earn("verified_outcome", "She stood without cues on 3 of 3 trials.") == 1.0
    assert _earn("verified_outcome", "She rested without prompting; SpO2 92%.") == 0.5
