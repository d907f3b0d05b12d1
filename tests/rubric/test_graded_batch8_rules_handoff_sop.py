"""Rules added for handoff templates and SOP checklists when graded batches 8 and 9 became tuning material.

Each passes and fails on texts written here. A contingency may be written without "if": as a sign, a colon
or an arrow, and what to do ("Dizzy on standing: sit down, tell the nurse"), or as a question answered in the
next sentence ("What if the wound weeps? Leave the dressing, ring the clinic."); arranging a visit, a referral
or a booking is a response, and so is bleeping or ringing someone. A named weekday is a when ("I'll chase it
Thursday"), a short one with a slot too ("Tue am", "Sat: weekend OT"), and so is a meal or a fixed team slot
("after lunch", "at the board round"); "I'll" and "I'd" name the writer as owner.
"""

from __future__ import annotations

import pytest

from portfolios.rubric import evidence
from portfolios.rubric.spec import EvidenceRule, frozen_mapping


def _earned(shape: str, text: str, **params) -> float:
    rule = EvidenceRule("test", "assessment", shape, ("a",), "test", 1.0, frozen_mapping(params))
    return evidence.earn(rule, {"a": text}, "acute").share


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
