"""Rules added when graded batch 7 became tuning material: each one passes and fails on texts written here.

A half-written artifact's blanks cost most the rows whose evidence they were to hold (a checklist with no
escalation path has no timing for its failures). A plan that carries on whatever a stop-sign symptom shows
("regardless of", "pushing through") is unsafe however complete it looks, and so is telling the client that
no clinician need be asked first. A limitation explained ("not able to dress because of pain") is the
constraint, not a decision with its reason, and a constraint on "many things" names no occupation; in note
style, the reason for a choice made against an alternative often sits in brackets or after a dash. The
form's recommended teach-back opener, said as its own sentence and followed by the candidate's own question, is
the advice followed, not the form pasted. In a teaching script a check written as a stage direction
("[Check]", "(show-me)") or an open question about what the listener will do is a teach-back prompt; a purpose
after a comma ("…, so the skin stays dry") is the why; a clock time is a when. "Tolerated treatment well"
and "did well" are filler, not the candidate's own account. A list goal may leave its subject out after its
timeline ("Within 4 weeks: sits …"); bladder care by catheter is toileting, and skin checks are health management.
The person taught doing the skill ("Client demonstrated the log roll") is a show-back recorded, and a modal
negation ("he may not follow the precautions") names a barrier. A contingency's threshold may be named by its
order ("above the ordered limit") and a failed screen is a sign; a template's "discharge direction" is its
discharge slot. A bare capital "I" after a linking verb is the independent level ("Pt will be I w/ dressing").
A checklist's exception may be an item that cannot be relied on and what replaces it; its escalation order may be
a fallback ("or emergency services if symptoms do not settle"); its trial and review may be said in plain words.
A caseload's deferral may be a visit moved by a day, re-booked, delayed or made a joint visit. "Before these
falls he was …" gives the prior level; the reason for a rejection may follow a colon.
"""

from __future__ import annotations

from functools import partial

import pytest

from portfolios.checker import check_artifact
from portfolios.kinds import get_kind
from portfolios.rubric import assist, case, caseload, checklist, education, evidence, goals, safety, substance
from portfolios.rubric.spec import EvidenceRule, frozen_mapping
from tests.rubric.texts import artifact_text, earned_share

# --- Completeness: blanks cost the rows they feed ------------------------------------------------
_SOP_WRITTEN = {
    "error_prevented": (
        "Wrong-side splint fitting after bilateral hand surgery: twice last spring a resting splint was moulded "
        "for the unoperated hand while the dressing was still on."
    ),
    "when_used": "Before the thermoplastic sheet goes into the water bath for any post-operative splint.",
    "checklist_type": "READ-DO",
    "items": (
        "1. Operative side read aloud from the surgeon's protocol sheet.\n"
        "2. Client states which hand was operated on.\n"
        "3. Dressing side matches the protocol side.\n"
        "4. Wrist and MCP angles written on the pattern before cutting.\n"
        "5. Pattern traced on the operated side only."
    ),
}


def _time_management(fields: dict[str, str]) -> tuple[int, str]:
    row = check_artifact("sop_checklist", "outpatient", fields).rows["time_management"]
    return row.score, " ".join(row.reasons)


def test_a_checklist_with_no_escalation_review_or_exceptions_earns_little_for_timing():
    score, reasons = _time_management({**_SOP_WRITTEN, "exceptions": "", "escalation": "", "owner_review": ""})
    assert score <= 1
    assert "of this row's evidence has a section written" in reasons


def test_the_same_checklist_with_its_failure_sections_written_is_not_capped_by_them():
    score, reasons = _time_management(
        {
            **_SOP_WRITTEN,
            "exceptions": "If the protocol sheet is missing, no splint is made until the surgeon's office faxes it.",
            "escalation": "A mismatch stops the fitting; I page the hand surgeon's resident within 10 minutes.",
            "owner_review": "Owner: hand therapy lead. Piloted on 20 fittings in March; reviewed every 6 months.",
        }
    )
    assert score >= 2
    assert "of this row's evidence has a section written" not in reasons


def test_blanks_that_feed_another_row_leave_this_rows_cap_at_the_written_share():
    fields = {
        "problem": "Client requires Mod A for lower-body dressing due to limited trunk flexion after a spinal fusion.",
        "baseline": "- LB dressing: Mod A, 12 min.\n- Sock donning: unable.\n- Pain 3/10 with forward reach.",
        "long_term_goals": "Client will dress the lower body with modified independence using a reacher in 4 weeks.",
    }
    row = check_artifact("plan_of_care", "outpatient", fields).rows["assessment"]
    assert "of this row's evidence has a section written" not in " ".join(row.reasons)


def test_a_section_that_only_names_buzzwords_is_no_more_written_for_the_row_than_for_the_artifact():
    stuffed = "Evidence-based, person-centred, holistic best practice with measurable SMART outcomes as appropriate."
    fields = {
        **_SOP_WRITTEN,
        "exceptions": "If the protocol sheet is missing, no splint is made until the surgeon's office faxes it.",
        "escalation": stuffed,
        "owner_review": stuffed,
    }
    score, reasons = _time_management(fields)
    assert "of this row's evidence has a section written" in reasons
    assert score == _time_management({**fields, "escalation": "", "owner_review": ""})[0]


# --- Safety: symptoms carried on through, and clearance dropped ----------------------------------
def _plan_safety(interventions: str) -> list[str]:
    spec = get_kind("plan_of_care").spec
    fields = dict.fromkeys(spec.section_keys, "") | {"interventions": interventions}
    return [item.check for item in safety.check(artifact_text("plan_of_care", "acute", fields, spec))]


@pytest.mark.parametrize(
    "interventions",
    [
        "Standing balance tasks at the sink for 20 minutes, no matter how much dizziness she reports.",
        "Ambulate to the day room twice a day and keep going through the breathlessness to build tolerance.",
        "Grip putty program 3x daily; he should work through the numbness in his fingers.",
        "Upper-limb ergometer 15 minutes at each visit irrespective of her nausea.",
        "Tell him to ignore the chest pain and finish his kitchen task.",
    ],
)
def test_activity_prescribed_whatever_a_stop_sign_symptom_shows_is_unsafe(interventions):
    assert "safety.symptom_overridden" in _plan_safety(interventions)


@pytest.mark.parametrize(
    "interventions",
    [
        "Stop and sit if dizziness starts; do not push through it, and recheck BP before resuming.",
        "She tends to push through fatigue, so we practised pacing with a rest every 5 minutes.",
        "Light putty work; he may work through mild soreness but stops at sharp pain.",
        "Energy conservation: rest before exhaustion rather than pushing through fatigue.",
        "Never ignore new numbness: stop and call the surgeon's office.",
    ],
)
def test_a_symptom_that_stops_or_changes_the_activity_is_safe(interventions):
    assert "safety.symptom_overridden" not in _plan_safety(interventions)


@pytest.mark.parametrize(
    "interventions",
    [
        "He was told there is no need to check with the nurse before walking in the corridor.",
        "The client does not have to ask the doctor before starting the weights.",
        "Family can take her to the gym without asking the charge nurse.",
    ],
)
def test_telling_the_client_no_clinician_need_be_asked_first_is_an_escalation_refused(interventions):
    assert "safety.escalation_refused" in _plan_safety(interventions)


@pytest.mark.parametrize(
    "interventions",
    [
        "By week 2 she no longer needed to ask for help with buttons.",
        "Check with the nurse for the morning platelet count before any resistive exercise.",
        "He did not need to ask the therapist for cues during the dressing task.",
        "She does not need to ask the nurse for help with the commode any more.",
    ],
)
def test_asking_for_help_or_checking_with_nursing_first_is_no_refusal(interventions):
    assert "safety.escalation_refused" not in _plan_safety(interventions)


# --- Case reasoning and constraint: decisions, limitations and asides ----------------------------
_earn = partial(earned_share, row="assessment", track="acute")


@pytest.mark.parametrize(
    "text",
    [
        "He could not manage the stairs at home because of breathlessness on the second flight.",
        "The client was unable to finish grooming since her tremor worsened in the afternoon.",
        "She had trouble cooking for herself due to poor standing tolerance after the fracture.",
    ],
)
def test_a_limitation_explained_is_not_a_decision_with_its_reason(text):
    assert _earn("reasoned", text) == 0


@pytest.mark.parametrize(
    "text",
    [
        "He could not manage the stairs, so I chose a bedside commode because the toilet is upstairs.",
        "I taught one-handed dressing because her left hand still cannot grasp the fastener.",
    ],
)
def test_a_decision_with_its_reason_still_counts_beside_a_limitation(text):
    assert _earn("reasoned", text) > 0


@pytest.mark.parametrize(
    "text",
    [
        "Trained the son on the transfer rather than the client herself (poor recall of the steps after 2 trials).",
        "Picked the long-handled sponge instead of a shower mitt - shoulder flexion stops at 90 degrees.",
    ],
)
def test_a_choice_against_an_alternative_can_carry_its_reason_as_an_aside(text):
    assert _earn("reasoned", text) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Trained the son on the transfer rather than the client herself (see notes).",
        "Used the long-handled sponge (left side) for bathing at every visit this week.",
    ],
)
def test_an_aside_that_names_nothing_or_follows_no_alternative_is_no_reason(text):
    assert _earn("reasoned", text) == 0


@pytest.mark.parametrize(
    "text",
    [
        "The client could not do a lot since his back pain flared in the mornings.",
        "After the stroke she was not able to do many things because of weakness on one side.",
    ],
)
def test_a_constraint_on_many_things_names_no_occupation(text):
    assert _earn("named_constraint", text) == 0


def test_a_constraint_on_a_named_occupation_still_counts():
    assert _earn("named_constraint", "She was not able to bathe herself because of weakness on one side.") > 0


# --- Form text: a recommended opener followed by the candidate's own question ---------------------
def _teach_back_kept(text: str) -> str:
    return substance.clean(get_kind("education_script").spec, {"teach_back": text}).fields["teach_back"]


def test_the_recommended_opener_followed_by_the_candidates_own_question_is_kept():
    text = "I want to be sure I explained this well. Which two signs on the wound would make you phone us tonight?"
    assert _teach_back_kept(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "I want to be sure I explained this well. She nodded and said it was clear.",
        "I want to be sure I explained this well. Can you show me how you'll\u2026?",
    ],
)
def test_the_recommended_opener_followed_by_a_statement_or_the_forms_own_words_is_still_cut(text):
    assert "explained this well" not in _teach_back_kept(text)


# --- Education: prompts as stage directions, a comma's purpose, a clock time ---------------------
def _education_checks(**fields: str) -> list[str]:
    spec = get_kind("education_script").spec
    text = artifact_text("education_script", "outpatient", dict.fromkeys(spec.section_keys, "") | fields, spec)
    return [item.check for item in education.check(text)]


_CHUNKED = (
    "Wash your hands first.\n[Check] Tell me the first step.\n\n"
    "Peel the old dressing from the edge in.\n(show-me) Let's do the first corner together.\n\n"
    "Look at the skin round the pin.\nWhat will you look for around the pin each night?"
)


def test_checks_written_as_stage_directions_or_open_questions_count_as_prompts():
    assert "education.chunking" not in _education_checks(script=_CHUNKED, teach_back="Show me the whole change.")


def test_paragraphs_with_no_check_after_them_are_still_unchecked():
    script = "Wash your hands first.\n\nPeel the old dressing from the edge in.\n\nLook at the skin round the pin."
    assert "education.chunking" in _education_checks(script=script, teach_back="Show me the whole change.")


@pytest.mark.parametrize(
    "script",
    [
        "Keep the splint on at night, so the finger heals straight.",
        "Sit on the bench to shower, so your hip stays below 90 degrees.",
    ],
)
def test_a_purpose_after_a_comma_is_the_why(script):
    assert "education.call_to_action" not in _education_checks(script=script)


@pytest.mark.parametrize(
    "script",
    [
        "Keep the splint on at night, so much to remember I know.",
        "Keep the splint on at night, so then take it off in the morning.",
    ],
)
def test_so_as_a_filler_or_a_sequence_is_no_why(script):
    assert "education.call_to_action" in _education_checks(script=script)


@pytest.mark.parametrize("plan", ["Alarm set for 21:30 for the splint.", "The 7 pm dose is the cue to do the glides."])
def test_a_clock_time_is_a_when(plan):
    assert education.when_how_often(plan) is not None


@pytest.mark.parametrize("plan", ["Grip was 2.5 kg better than last week.", "He worries about forgetting."])
def test_a_decimal_is_no_clock_time(plan):
    assert education.when_how_often(plan) is None


# --- Filler: "tolerated well" and "did well" are no account of the work ----------------------------
@pytest.mark.parametrize(
    ("filler", "account"),
    [
        ("Client tolerated the session well.", "Client rated the shower 6/10."),
        ("Pt did really well today.", "Pt needed 2 cues today."),
        ("She is doing great.", "She is dressing seated."),
    ],
)
def test_filler_about_how_the_client_did_earns_less_than_an_account_as_long(filler, account):
    base = "Notes are written in the home before I leave."
    assert len(filler.split()) == len(account.split())
    assert _earn("written", f"{base} {filler}") < _earn("written", f"{base} {account}")


# --- Goals: the subject left out after a timeline; catheter care and skin checks are occupations ----
@pytest.mark.parametrize(
    "goal",
    [
        "Within 3 weeks: dons a pullover shirt seated with set-up only, 3 of 3 trials.",
        "By week 6 - will feed himself with a built-up spoon, 2 verbal cues.",
        "In 10 visits, transfers to the tub bench with CGA.",
    ],
)
def test_a_list_goal_may_leave_its_subject_out_after_the_timeline(goal):
    assert goals.coast_elements(goal)["client"] is not None


@pytest.mark.parametrize(
    "goal",
    [
        "Within 3 weeks: sessions twice weekly for dressing practice.",
        "By week 6 - this is reviewed with the team.",
        "Dons a pullover shirt seated with set-up only.",
    ],
)
def test_a_timeline_before_a_plural_noun_or_no_timeline_names_no_client(goal):
    assert goals.coast_elements(goal)["client"] is None


@pytest.mark.parametrize(
    "goal",
    [
        "Client will complete self-catheterisation seated with set-up in 8 weeks.",
        "Student will do CIC in the nurse's office with 1 verbal cue by term end.",
        "Client will inspect his skin with a long-handled mirror each night within 4 weeks.",
        "Client will do pressure relief every 30 minutes in the wheelchair within 2 weeks.",
    ],
)
def test_bladder_care_by_catheter_and_skin_checks_are_occupations(goal):
    assert goals.coast_elements(goal)["occupation"] is not None


@pytest.mark.parametrize(
    "goal",
    ["Client will improve skin integrity within 4 weeks.", "Client will increase grip strength within 4 weeks."],
)
def test_a_body_function_is_still_no_occupation(goal):
    assert goals.coast_elements(goal)["occupation"] is None


# --- Education: a show-back recorded by its subject; a barrier as a modal negation ---------------------
@pytest.mark.parametrize(
    "record",
    [
        "Client demonstrated sit to stand from the bed with 2 verbal cues.",
        "Mum then performed the car-seat transfer on the doll.",
        "Wife return-demonstrated the stocking aid correctly.",
    ],
)
def test_the_person_taught_doing_the_skill_is_a_show_back(record):
    assert education.SHOWN_BACK.search(record)


@pytest.mark.parametrize(
    "record",
    [
        "I demonstrated the log roll twice.",
        "Client demonstrated understanding of the precautions.",
        "Patient performed well.",
    ],
)
def test_the_clinician_demonstrating_or_understanding_claimed_is_no_show_back(record):
    assert not education.SHOWN_BACK.search(record)


@pytest.mark.parametrize(
    "barrier",
    ["He may not wear the brace at work.", "She might not remember the order of the steps.", "They would not ask."],
)
def test_a_modal_negation_names_a_barrier(barrier):
    assert education.barrier_named(barrier) is not None


# --- Handoff: limits named by their order, failed screens, the discharge slot's synonyms -----------------
def _contingency_share(text: str) -> float:
    rule = EvidenceRule("test", "assessment", "contingencies", ("a",), "test", 1.0, frozen_mapping({"min": 1}))
    return evidence.earn(rule, {"a": text}, "acute").share


@pytest.mark.parametrize(
    "text",
    [
        "If heart rate goes above the prescribed range during the stairs, sit him down and tell the RN.",
        "If systolic pressure is outside the set parameters, return to supine and page the team.",
        "If she fails the bedside swallow screen, stop oral trials and inform SLP the same day.",
    ],
)
def test_a_limit_named_by_its_order_or_a_failed_screen_is_a_trigger(text):
    assert _contingency_share(text) == 1


@pytest.mark.parametrize(
    "text",
    [
        "If she is above the bed rail, stop and tell the RN.",
        "If he fails to remember, tell him again.",
    ],
)
def test_a_place_or_a_lapse_of_memory_is_no_threshold(text):
    assert _contingency_share(text) == 0


def _acute_handoff_findings(required_items: str) -> list[str]:
    fields = {"required_items": required_items}
    result = check_artifact("handoff_template", "acute", fields)
    return [item.check for item in result.findings]


@pytest.mark.parametrize(
    "required_items",
    [
        "Recommendation: next session focus and the discharge direction (home, IRF, SNF).",
        "Discharge setting being considered and what it depends on.",
    ],
)
def test_a_template_slot_for_the_discharge_direction_is_a_discharge_slot(required_items):
    assert "overlay.acute.discharge_recommendation" not in _acute_handoff_findings(required_items)


def test_a_template_with_no_discharge_slot_is_still_reported():
    found = _acute_handoff_findings("Recommendation: what the next session should focus on.")
    assert "overlay.acute.discharge_recommendation" in found


# --- Assist levels: a bare "I" after a linking verb ------------------------------------------------------
@pytest.mark.parametrize(
    "text", ["Pt will be I w/ toileting in 3 wks.", "Client remains I with feeding.", "Grooming: is I at sink."]
)
def test_a_bare_capital_i_after_a_linking_verb_is_independent(text):
    assert [level.low for level in assist.find_levels(text)] == [assist.INDEPENDENT]


@pytest.mark.parametrize("text", ["Then I will check the brakes.", "What I was told is that he falls.", "So I stayed."])
def test_the_pronoun_i_is_no_level(text):
    assert not assist.find_levels(text)


def test_a_note_style_goal_with_a_bare_i_is_coast_complete():
    rule = EvidenceRule("test", "plan_of_care", "coast_goals", ("a",), "test", 1.0, frozen_mapping({"min": 1}))
    assert evidence.earn(rule, {"a": "Pt will be I w/ LB dressing w/ sock aid in 3 wks"}, "outpatient").share == 1


# --- Checklist: exceptions as substitutes, fallbacks as order, review in plain words ---------------------
def _checklist_checks(**fields: str) -> list[str]:
    spec = get_kind("sop_checklist").spec
    text = artifact_text("sop_checklist", "outpatient", dict.fromkeys(spec.section_keys, "") | fields, spec)
    return [item.check for item in checklist.check(text)]


@pytest.mark.parametrize(
    "exceptions",
    [
        "With a pacemaker, grip dynamometry readings cannot be relied on as the stop sign; watch breathing instead.",
        "If the client cannot stand, the standing items cannot be checked and the seated set is used.",
    ],
)
def test_an_item_that_cannot_be_relied_on_and_its_substitute_is_an_exception(exceptions):
    assert "checklist.exceptions" not in _checklist_checks(exceptions=exceptions)


def test_a_restatement_of_the_checklist_is_still_no_exception():
    assert "checklist.exceptions" in _checklist_checks(exceptions="All items are done for every client, every time.")


@pytest.mark.parametrize(
    "escalation",
    [
        "Chest pain: stop and call the on-site physician at once, or an ambulance if it does not ease within 5 min.",
        "New numbness: page the surgeon now; the nurse practitioner if the surgeon does not answer in 10 minutes.",
    ],
)
def test_a_fallback_when_the_first_step_does_not_work_is_an_order(escalation):
    assert "checklist.escalation" not in _checklist_checks(escalation=escalation)


def test_two_roles_with_no_order_between_them_are_still_reported():
    found = _checklist_checks(escalation="Chest pain: tell the physician and the nurse within 5 minutes.")
    assert "checklist.escalation" in found


@pytest.mark.parametrize(
    "owner_review",
    [
        "I own it as the hand therapy lead; we have used it since March on every fitting and will look at it again "
        "in 6 months.",
        "Owner: OT lead. We will go over it again after the first 50 referrals.",
    ],
)
def test_a_trial_and_a_review_said_in_plain_words_count(owner_review):
    assert "checklist.owner_review" not in _checklist_checks(owner_review=owner_review)


def test_an_owner_with_no_trial_or_review_is_still_reported():
    assert "checklist.owner_review" in _checklist_checks(owner_review="I own it as the hand therapy lead.")


# --- Caseload: what is deferred, in plain words --------------------------------------------------------
def _caseload_checks(deferrals: str) -> list[str]:
    spec = get_kind("caseload_note").spec
    fields = dict.fromkeys(spec.section_keys, "") | {"deferrals": deferrals}
    return [item.check for item in caseload.check(artifact_text("caseload_note", "home_health", fields, spec))]


@pytest.mark.parametrize(
    "deferrals",
    [
        "Stable follow-ups can move by one day if the nurse saw them this week; I tell the scheduler.",
        "A maintenance visit is re-booked for Friday when the client is stable, and I call the family.",
        "When a client is stable, I make it a joint visit with the PT and tell the office.",
    ],
)
def test_a_visit_moved_by_a_day_rebooked_or_made_joint_is_a_deferral(deferrals):
    assert "caseload.defer_rule" not in _caseload_checks(deferrals)


def test_a_deferral_that_names_no_visit_moved_is_still_reported():
    assert "caseload.defer_rule" in _caseload_checks("If the client is stable, I tell the scheduler.")


# --- Case: the prior level before plural events; a reason after a colon ---------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Before these falls she cooked for herself and walked to church.",
        "Before his recent admissions he drove and managed his own pills.",
        "Before the fracture she bathed with her husband standing by.",
    ],
)
def test_before_these_events_gives_the_prior_level(text):
    assert goals.mentions_prior_level(text)


def test_before_a_session_is_no_prior_level():
    assert not goals.mentions_prior_level("Before the session she rated pain 4/10.")


def _case_checks(plan: str) -> list[str]:
    spec = get_kind("case_writeup").spec
    fields = dict.fromkeys(spec.section_keys, "") | {"plan": plan}
    return [item.check for item in case.check(artifact_text("case_writeup", "home_health", fields, spec))]


def test_a_reason_given_after_a_colon_once_an_option_is_rejected_is_reasoning():
    plan = (
        "I considered a tub transfer bench but rejected it: the tub wall is too high for her to lift the leg over. "
        "Instead we chose a walk-in shower chair."
    )
    assert "case.reasoning" not in _case_checks(plan)


def test_a_rejection_with_no_reason_is_still_reported():
    plan = "I considered a tub transfer bench but rejected it. Instead we chose a walk-in shower chair."
    assert "case.reasoning" in _case_checks(plan)
