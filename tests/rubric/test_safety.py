"""Safety judgment: carrying on through red flags, unsafe contingencies and refused escalation are errors."""

import pytest

from portfolios.kinds import get_kind
from portfolios.rubric import safety
from tests.rubric.texts import artifact_text


def findings(kind, **fields):
    spec = get_kind(kind).spec
    text = artifact_text(kind, "acute", {key: fields.get(key, "") for key in spec.section_keys}, spec)
    return list(safety.check(text))


UNSAFE = [
    "Pain rose to 9/10 with reaching, and I continued the program to finish the reps.",
    "She reported new numbness in the fingers; we kept going with the grip set.",
    "SpO2 dropped to 85% on the walk to the bathroom. I pushed through to complete the session.",
    "Grip strength falling over three visits with new tingling. Continued the same protocol.",
    "BP 192/104 after standing. Completed the dressing session as planned.",
    "Client became dizzy and light-headed on standing. We proceeded with the shower transfer.",
]
SAFE = [
    "Pain rose to 8/10, so I stopped, positioned her for rest and notified the RN.",
    "SpO2 dropped to 87% on exertion; after 2 minutes of seated rest it recovered to 94% and we continued.",
    "She reported dizziness on standing, so we returned her to the chair and rechecked orthostatic BP.",
    "Pain 3/10 during the session; continued the program.",
    "Continued with the program; client reported no pain.",
    "BP 128/82 at rest, continued the session.",
    "Rather than continue through the new numbness, I held the exercises and called the surgeon.",
]


@pytest.mark.parametrize("sentence", UNSAFE)
def test_it_flags_carrying_on_through_a_red_flag(sentence):
    found = findings("case_writeup", follow_up=sentence)
    assert [f.check for f in found] == ["safety.continued_through_red_flag"]
    assert found[0].severity == "error" and found[0].row == "assessment"
    assert found[0].field == "follow_up"


@pytest.mark.parametrize("sentence", SAFE)
def test_it_passes_a_safe_decision(sentence):
    assert findings("case_writeup", follow_up=sentence) == []


def test_pain_at_the_threshold_is_a_red_flag_and_one_below_is_not():
    assert findings("case_writeup", follow_up="Pain 7/10 with reaching; continued the program.")
    assert not findings("case_writeup", follow_up="Pain 6/10 with reaching; continued the program.")


def test_spo2_below_ninety_is_a_red_flag_and_ninety_is_not():
    assert findings("case_writeup", follow_up="SpO2 89% on the stairs, continued the set.")
    assert not findings("case_writeup", follow_up="SpO2 90% on the stairs, continued the set.")


def test_a_stop_in_the_next_sentence_clears_the_flag():
    text = "Pain reached 8/10 with the theraputty and she wanted to continue. I stopped and iced the hand."
    assert findings("case_writeup", follow_up=text) == []


def test_a_handoff_contingency_that_continues_through_instability_is_an_error():
    found = findings(
        "handoff_template", contingencies="If the patient is unstable, then continue the session but watch closely."
    )
    assert [f.check for f in found] == ["safety.unsafe_contingency"]
    assert found[0].row == "assessment"


def test_a_handoff_contingency_that_stops_is_fine():
    assert (
        findings("handoff_template", contingencies="If the patient is unstable, then stop and notify the RN at once.")
        == []
    )


@pytest.mark.parametrize(
    "sentence",
    ["I escalated nothing.", "Did not notify the RN about the fall.", "No need to call the MD; we moved on."],
)
def test_it_flags_refused_escalation(sentence):
    found = findings("case_writeup", handoffs=sentence)
    assert [f.check for f in found] == ["safety.escalation_refused"]
    assert found[0].row == "documentation"


def test_a_reasoned_no_escalation_with_numbers_within_limits_passes():
    sentence = (
        "I did not page the MD because BP recovered to 124/78 within 2 minutes, within parameters; I told the RN."
    )
    assert findings("case_writeup", handoffs=sentence) == []


def test_the_row_is_the_one_the_kind_proves():
    found = findings("caseload_note", guardrails="Pain 9/10 in bed 4, continued the session to stay on schedule.")
    continued = [f.row for f in found if f.check == "safety.continued_through_red_flag"]
    assert continued == ["documentation"]


@pytest.mark.parametrize(
    "sentence",
    [
        "To get through the list on busy days I skip the pre-activity vitals.",
        "On 16-client days we drop the precautions review and cut the handoffs to nursing.",
    ],
)
def test_it_flags_a_safety_step_skipped_for_volume(sentence):
    found = findings("caseload_note", guardrails=sentence)
    assert [f.check for f in found] == ["safety.guardrail_skipped"]
    assert found[0].row == "time_management"


@pytest.mark.parametrize(
    "sentence",
    [
        "I never skip the pre-activity vitals, however busy the day.",
        "We do not drop the precautions review on busy days.",
    ],
)
def test_a_step_that_is_never_skipped_passes(sentence):
    assert findings("caseload_note", guardrails=sentence) == []


def test_a_passive_skip_and_a_refusal_to_stop_for_vitals_are_flagged():
    assert findings("caseload_note", guardrails="Handoffs to nursing are skipped on busy days; they can read my note.")
    assert findings("caseload_note", guardrails="I do not stop sessions for heart rate or BP changes unless asked.")
    assert not findings(
        "caseload_note", guardrails="Precautions reviewed before each visit; 0 events from skipped checks."
    )
