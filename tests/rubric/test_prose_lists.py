"""Lists written as one paragraph: a checklist's checks, a handoff's actions or a plan's goals told as
sentences on one line are counted one per sentence (`text.iter_list_items`), as if they were bulleted.

Found by rewriting the tuned corpora's strong artifacts with their bullets joined into prose: their
Time management and Documentation fell a point because five checks on one line read as one item.
"""

from __future__ import annotations

import pytest

from portfolios.checker import check_artifact
from portfolios.rubric import evidence
from portfolios.rubric.spec import EvidenceRule, frozen_mapping
from portfolios.rubric.text import iter_list_items
from portfolios.strong_examples import EXAMPLES


def _items(text: str) -> list[str]:
    return [item.text for item in iter_list_items(text)]


# --- Splitting ----------------------------------------------------------------------------------
def test_a_paragraph_of_sentences_is_a_list_of_them():
    assert _items("Lock both brakes. Check the sling size against the chart. Record the lift in the note.") == [
        "Lock both brakes.",
        "Check the sling size against the chart.",
        "Record the lift in the note.",
    ]


def test_a_one_sentence_line_divides_at_its_semicolons():
    assert _items("Before the transfer: brakes locked; footplates up; gait belt on.") == [
        "Before the transfer: brakes locked",
        "footplates up",
        "gait belt on.",
    ]


def test_semicolons_inside_sentences_stay_with_them():
    assert _items("Lock the brakes; push to test. Check the sling. Record the lift.") == [
        "Lock the brakes; push to test.",
        "Check the sling.",
        "Record the lift.",
    ]


def test_abbreviations_and_inline_numbers_do_not_split_an_item():
    assert _items("1. Use a lift, e.g. Hoyer. 2. Call Dr. Patel if SpO2 < 90%. 3. Wait approx. 5 min first.") == [
        "Use a lift, e.g. Hoyer.",
        "Call Dr. Patel if SpO2 < 90%.",
        "Wait approx. 5 min first.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Client will dress her upper body with set-up by week 2. This lets her dress before her carer leaves.",
        "check brakes. check sling. record lift.",  # no capital after the stop: not clearly sentences
        "Lock the brakes; push to test.",
    ],
)
def test_one_or_two_pieces_stay_one_item(text):
    assert _items(text) == [text]


def test_a_bulleted_list_is_read_by_its_lines():
    assert _items("- Lock brakes. Push to test.\n- Check the sling. Size it.\n- Record the lift.") == [
        "Lock brakes. Push to test.",
        "Check the sling. Size it.",
        "Record the lift.",
    ]


# --- What the checker makes of it ---------------------------------------------------------------
def _as_prose(bulleted: str) -> str:
    return " ".join(line.lstrip("-•* ").strip() for line in bulleted.splitlines() if line.strip())


def _scores(kind: str, fields: dict[str, str]) -> dict[str, int]:
    example = EXAMPLES[kind]
    result = check_artifact(kind, example.track, fields)
    return {row: result.rows[row].score for row in result.rows}


def test_a_strong_handoffs_actions_written_as_one_paragraph_keep_their_time_management():
    fields = dict(EXAMPLES["handoff_template"].fields)
    prose = {**fields, "actions": _as_prose(fields["actions"])}
    assert "\n" not in prose["actions"]
    assert _scores("handoff_template", prose) == _scores("handoff_template", fields)


SIX_CHECKS = (
    "Lock all four brakes and push the bed to test them. Set the bed so the feet rest flat on the floor. "
    "Switch the air mattress to static before sitting up. Lower the rail on the transfer side. "
    "Lock the commode and set it within 5 cm of bed height. Record the assist level in the visit note."
)


def test_six_checks_in_one_paragraph_are_six_items():
    result = check_artifact("sop_checklist", "home_health", {**EXAMPLES["sop_checklist"].fields, "items": SIX_CHECKS})
    assert [finding.check for finding in result.findings if finding.check == "checklist.count"] == []
    two = "Lock all four brakes and push the bed to test them. Record the assist level in the visit note."
    result = check_artifact("sop_checklist", "home_health", {**EXAMPLES["sop_checklist"].fields, "items": two})
    assert any(finding.check == "checklist.count" for finding in result.findings)


def _owner_and_time(text: str, needed: int) -> float:
    rule = EvidenceRule(
        "test", "time_management", "owner_and_time", ("a",), "test", 1.0, frozen_mapping({"min": needed})
    )
    return evidence.earn(rule, {"a": text}, "outpatient").share


def test_actions_in_one_paragraph_each_count_with_their_owner_and_time():
    prose = "Weekend OT checks the splint at 10:00. I send the referral by 16:00 today. The RN teaches the schedule on Sunday."
    assert _owner_and_time(prose, 2) == 1.0
    assert _owner_and_time("Weekend OT checks the splint at 10:00 and sends the referral.", 2) == 0.5


def test_one_owner_and_one_review_time_may_sit_in_two_sentences():
    text = "Owner: the home health OT lead. Piloted with 5 OTs. Reviewed every 12 months and after any incident."
    assert _owner_and_time(text, 1) == 1.0


def _elements(text: str) -> list[str]:
    return [span.text for _, span in evidence._elements({"a": text}, ("a",))]


def test_a_paragraph_of_checks_with_clauses_keeps_one_item_per_check():
    text = (
        "Read the last glucose and its time on the flowsheet. If it is over 2 hours old, ask the RN to recheck, "
        "then wait for the result. Put the glucose tablets in the therapy bag, check their date, and take it to the gym."
    )
    assert len(_elements(text)) == 3


def test_a_paragraph_whose_sentences_list_short_things_still_splits_them():
    text = "Who the pt is, dx, med timing (on/off), freezing at doorways. Wife helps. House layout."
    assert _elements(text)[:4] == ["Who the pt is", "dx", "med timing (on/off)", "freezing at doorways."]
