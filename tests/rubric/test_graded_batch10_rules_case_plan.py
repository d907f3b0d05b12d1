"""Rules added for case write-ups and plans of care when graded batch 10 became tuning material.

Each one passes and fails on texts written here. A documentation section may name the measures it records
without a "score" word ("a measures table", "NRS", "pain ratings"); degrees are written "deg", and a target is
often a comparison ("≥ 80 deg", "<3.5%"). An outcome may be told at "At 6 weeks:", and going home is an outcome
(the discharge destination recorded as such). A hand-off may be timed against the person's own next contact ("before his first
appointment"); asking for a medical review is an escalation. A note put off past the day ("at the end of the
week") is evidence of when the note was not written, not of when it was; "all sessions" is "every session". A
discharge criterion that is a bare level of no activity ("when independent and safe") names nothing a colleague
could check. A timeline written inline as a label ("By 10 weeks: (1) …; (2) …") heads the goals after it, and
tummy time is an infant's play. A step held back until a named condition gives its reason; the main concern or a
fear, named as such, is the constraint. A walking frame named short is a goal's condition, and "showers seated" is
bathing. A goals label may say whose goals they are ("Her goals:", "Goals agreed with him:"), and a goal in a
plan's goal section is the client's goal. A tolerance or a before/after named in the notes is a measure named.
"""

from __future__ import annotations

import pytest

from portfolios.rubric import case, evidence, goals
from portfolios.rubric.spec import EvidenceRule, frozen_mapping


def _rule(shape: str, **params) -> EvidenceRule:
    return EvidenceRule("test", "documentation", shape, ("a",), "test", 1.0, frozen_mapping(params))


# --- Measures named in other words ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Every note carries the outcome measures we agreed at the start.",
        "Session notes record VAS and girth so the change is easy to follow.",
        "The first note had a pain ratings table and the wound photos.",
    ],
)
def test_a_documentation_section_naming_its_measures_counts_them(text):
    assert evidence.measured(_rule("measured", named=True), {"a": text}, "acute").share > 0


@pytest.mark.parametrize("text", ["Notes written up in the usual way.", "Everything was recorded on the system."])
def test_a_documentation_section_naming_no_measure_still_earns_nothing(text):
    assert evidence.measured(_rule("measured", named=True), {"a": text}, "acute").share == 0


@pytest.mark.parametrize("text", ["wrist extension 35 deg", "stand for >= 4 min", "difference ≤2", "CVAI <3.5%"])
def test_degrees_written_short_and_targets_written_as_comparisons_are_measures(text):
    assert evidence.is_quantity(evidence.fold(text))


@pytest.mark.parametrize("text", ["splint -> goal", "the degree course", "see the <notes> box"])
def test_arrows_and_words_alone_are_no_measure(text):
    assert not evidence.is_quantity(evidence.fold(text))


# --- Outcomes -------------------------------------------------------------------------------------
_OUTCOME = _rule("verified_outcome", unmeasured=1 / 3)


def test_an_outcome_told_at_a_count_of_weeks_is_verified():
    earned = evidence.verified_outcome(_OUTCOME, {"a": "At 8 weeks: pinch 5 kg, Box and Block 41."}, "outpatient")
    assert earned.share == 1.0


@pytest.mark.parametrize(
    "text", ["He was discharged back home on day 12 with a perching stool.", "Discharged to her own flat with carers."]
)
def test_a_discharge_destination_is_an_outcome_told_without_a_number(text):
    assert evidence.verified_outcome(_OUTCOME, {"a": text}, "acute").share == pytest.approx(1 / 3)


@pytest.mark.parametrize("text", ["He was pleased with the sessions.", "Home programme given.", "Discharge planned."])
def test_no_change_and_no_destination_is_no_outcome(text):
    assert evidence.verified_outcome(_OUTCOME, {"a": text}, "acute").share == 0


# --- Hand-offs and escalation ---------------------------------------------------------------------
_HANDOFF = _rule("owner_and_time", min=1)


@pytest.mark.parametrize(
    "text",
    [
        "The community physio had my letter before his first appointment.",
        "Told the dietitian, who will see her by their next visit.",
        "I rang the nurse after all sessions that week.",
    ],
)
def test_a_hand_off_timed_against_the_persons_next_contact_has_its_when(text):
    assert evidence.owner_and_time(_HANDOFF, {"a": text}, "acute").share == 1.0


@pytest.mark.parametrize("text", ["The physio had my letter at some point.", "Her first session went well."])
def test_a_hand_off_with_no_when_or_no_one_still_earns_nothing(text):
    assert evidence.owner_and_time(_HANDOFF, {"a": text}, "acute").share == 0


@pytest.mark.parametrize(
    "text", ["I asked for a medical review the same morning.", "Requested an urgent review from the registrar."]
)
def test_asking_for_a_medical_review_is_an_escalation(text):
    assert case._SAFETY.search(evidence.fold(text))


@pytest.mark.parametrize("text", ["We will review the goals next week.", "Her review is booked for March."])
def test_an_ordinary_review_is_no_escalation(text):
    assert not case._SAFETY.search(evidence.fold(text))


# --- When it was documented ------------------------------------------------------------------------
_WHEN_WRITTEN = _rule("timed", tied=True, firm=True, late=0.0)


@pytest.mark.parametrize(
    "text", ["I'll type the notes up over the weekend.", "Notes done in a batch at the end of the week."]
)
def test_a_note_put_off_past_the_day_earns_nothing_for_when(text):
    assert evidence.timed(_WHEN_WRITTEN, {"a": text}, "acute").share == 0


def test_a_hope_to_write_on_the_day_still_earns_half():
    earned = evidence.timed(_WHEN_WRITTEN, {"a": "I try to write the note the same day."}, "acute")
    assert earned.share == 0.5


@pytest.mark.parametrize("text", ["Written at the bedside the same day.", "A note was entered after all visits."])
def test_a_note_written_on_the_day_or_for_all_visits_earns_the_when(text):
    assert evidence.timed(_WHEN_WRITTEN, {"a": text}, "acute").share == 1.0


def test_without_late_a_firm_rule_still_halves_a_late_note():
    rule = _rule("timed", tied=True, firm=True)
    assert evidence.timed(rule, {"a": "Notes typed up at the end of the week."}, "acute").share == 0.5


# --- Discharge criteria ------------------------------------------------------------------------------
_DISCHARGE = _rule("measured", activity=True)


@pytest.mark.parametrize(
    "text", ["When she is independent and safe.", "Once he is independent with everything.", "Mod I overall."]
)
def test_a_bare_level_of_no_activity_is_no_measurable_discharge_criterion(text):
    assert evidence.measured(_DISCHARGE, {"a": text}, "acute").share == 0


@pytest.mark.parametrize(
    "text",
    [
        "Independent with showering using a shower chair.",
        "Makes a hot drink with supervision.",
        "Grip within 4 kg of the other hand.",
    ],
)
def test_a_level_of_a_named_activity_or_a_number_is_a_measurable_discharge_criterion(text):
    assert evidence.measured(_DISCHARGE, {"a": text}, "acute").share == 1.0


def test_without_activity_a_bare_level_still_counts_as_measured():
    assert evidence.measured(_rule("measured"), {"a": "When she is independent."}, "acute").share == 1.0


# --- Goals ------------------------------------------------------------------------------------------------
def test_an_inline_timeline_label_heads_the_goals_after_it():
    fields = {
        "a": "By 10 weeks: (1) sits unsupported for 30 s; (2) reaches for a toy with either hand; (3) rolls to either side on the mat"
    }
    items = evidence._goal_items(fields, ("a",))
    assert len(items) == 3
    assert all(goals.has_timeline(span.text) for _, span in items)


def test_a_label_with_no_timeline_lends_nothing():
    fields = {
        "a": "Main aims: (1) sits unsupported for 30 s; (2) reaches for a toy with either hand; (3) rolls to either side on the mat"
    }
    items = evidence._goal_items(fields, ("a",))
    assert not goals.has_timeline(items[-1][1].text)


@pytest.mark.parametrize("text", ["tummy time 15 min a day", "Lifts head during tummy time"])
def test_tummy_time_is_an_infants_play(text):
    assert goals.mentions_occupation(text)


def test_time_alone_is_no_occupation():
    assert not goals.mentions_occupation("15 minutes, twice a day")


# --- Reasoning ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Resisted grip work held until the scar had closed.",
        "Driving practice deferred until her vision was rechecked.",
        "Kitchen tasks were not started until the swelling settled.",
    ],
)
def test_a_step_held_back_until_a_named_condition_gives_its_reason(text):
    assert evidence._gives_a_reason(evidence.fold(text))


@pytest.mark.parametrize(
    "text", ["Therapy on hold until further notice.", "Sessions held on Tuesdays until March.", "Held the cup."]
)
def test_a_pause_with_no_condition_named_gives_no_reason(text):
    assert not evidence._gives_a_reason(evidence.fold(text))


# --- Goal conditions and occupations in British words ----------------------------------------------------
@pytest.mark.parametrize(
    "text", ["walks to the kitchen with a frame", "toilets using her wheeled frame", "stands on a pulpit frame"]
)
def test_a_walking_frame_named_short_is_a_goal_condition(text):
    assert goals.has_condition(text, "home_health")


@pytest.mark.parametrize("text", ["within the agreed time frame", "frames the question"])
def test_frame_as_a_time_frame_is_no_condition(text):
    assert not goals.has_condition(text, "home_health")


@pytest.mark.parametrize("text", ["showers seated twice a week", "showering standing at the rail"])
def test_showering_seated_is_bathing_not_a_shower_seat(text):
    assert goals.mentions_occupation(text)


@pytest.mark.parametrize("text", ["fit a shower seat", "order two shower chairs"])
def test_a_shower_seat_alone_is_equipment_not_bathing(text):
    assert not goals.mentions_occupation(text)


@pytest.mark.parametrize(
    "text", ["Resisted grip held until the scar closed.", "Driving deferred until his eyes are seen."]
)
def test_the_case_reasoning_check_reads_a_held_step_as_its_reason_too(text):
    assert case._RATIONALE.search(evidence.fold(text))


def test_the_case_reasoning_check_reads_no_reason_in_until_further_notice():
    assert not case._RATIONALE.search(evidence.fold("Therapy held until further notice."))


# --- The constraint named as a concern or a fear -----------------------------------------------------------
_CONSTRAINT = EvidenceRule("test", "assessment", "named_constraint", ("a",), "test", 1.0, frozen_mapping({}))


@pytest.mark.parametrize(
    "text",
    [
        "What concerned us most was his breathlessness on the stairs to the bathroom.",
        "My main worry was the steep back step she uses to reach the bins.",
        "She has stopped going to the shops for fear of falling on the kerb.",
    ],
)
def test_the_main_concern_or_a_fear_named_as_such_is_the_constraint(text):
    assert evidence.named_constraint(_CONSTRAINT, {"a": text}, "community").share == 1.0


@pytest.mark.parametrize(
    "text", ["My main concern was many things at once really.", "What worried me was everything, in general terms."]
)
def test_a_concern_that_names_nothing_is_still_no_constraint(text):
    assert evidence.named_constraint(_CONSTRAINT, {"a": text}, "community").share == 0


# --- A goals label framed by whose goals they are --------------------------------------------------------------
@pytest.mark.parametrize(
    "plan",
    [
        "Goals agreed with him: walks to the corner shop with a stick by week 4; makes tea standing by week 2.",
        "His goals: walks to the corner shop with a stick by week 4; makes tea standing by week 2.",
        "Goals set with the family: walks to the corner shop with a stick by week 4; makes tea standing by week 2.",
    ],
)
def test_a_goals_label_that_says_whose_goals_or_with_whom_they_were_set_opens_a_goal_list(plan):
    found = goals.plan_goals(plan)
    assert found
    assert all(goal.context for goal in found)


@pytest.mark.parametrize(
    "plan", ["Agreed with him: walks to the shop by week 4.", "His notes: walks to the shop by week 4; tea by week 2."]
)
def test_a_label_with_no_goals_word_opens_no_goal_list(plan):
    assert not any(goal.context for goal in goals.plan_goals(plan))


# --- A goal section is the client's goals ------------------------------------------------------------------------
def test_with_client_implied_a_goal_section_lends_its_goals_their_client():
    implied = EvidenceRule(
        "test", "plan_of_care", "coast_goals", ("a",), "test", 1.0, frozen_mapping({"min": 1, "client_implied": True})
    )
    assert evidence.coast_goals(
        implied, {"a": "reach 90 deg shoulder flexion using a reacher at 6 weeks"}, "acute"
    ).share
    assert evidence._coast("reach 90 deg shoulder flexion using a reacher at 6 weeks", "acute", True) > evidence._coast(
        "reach 90 deg shoulder flexion using a reacher at 6 weeks", "acute"
    )


def test_without_client_implied_a_subjectless_goal_still_lacks_its_client():
    plain = EvidenceRule("test", "plan_of_care", "coast_goals", ("a",), "test", 1.0, frozen_mapping({"min": 1}))
    text = {"a": "shoulder flexion to 90 deg, pain-free, in 6 weeks"}
    assert evidence.coast_goals(plain, text, "acute").share == 0


@pytest.mark.parametrize(
    "text", ["Notes give his walking distance each day.", "Each entry logs splint wear time and pain before/after."]
)
def test_a_tolerance_or_a_before_and_after_named_in_a_note_is_a_measure_named(text):
    assert evidence.measured(_rule("measured", named=True), {"a": text}, "acute").share > 0


def test_walking_or_sitting_as_an_activity_is_no_measure_named():
    assert (
        evidence.measured(_rule("measured", named=True), {"a": "Notes say he was walking and sitting."}, "acute").share
        == 0
    )
