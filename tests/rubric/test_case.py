"""Case write-up checks: flow, baseline, constraint, reasoning, skilled language, follow-up, safety."""

from __future__ import annotations

import pytest

from portfolios.checker import check_artifact
from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import case
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import ASSESSMENT, DOCUMENTATION, PLAN_OF_CARE
from tests.rubric.texts import artifact_text

STRONG = {
    "context": "Client A, 78, acute care, Day 1 after a fall with a left hip fracture (posterior THA). Lives alone.",
    "assessment": "PLOF: independent in ADLs and drove. Day 2: Mod A for LB dressing due to posterior hip "
    "precautions and pain 6/10; toilet transfer Min A with RW.",
    "plan": "I considered a SNF referral but chose home with HH OT because her daughter can stay two weeks. "
    "Client will complete LB dressing with Min A using a reacher and sock aid seated within 3 days.",
    "documentation": "Documented at point of service the same day: LB dressing trained with reacher and sock aid "
    "under hip precautions; needed 2 verbal cues for sequencing.",
    "follow_up": "Reassessed on Day 4: LB dressing improved from Mod A to Min A.",
    "handoffs": "BP dropped to 86/50 on standing; I stopped the transfer and notified the RN.",
    "reflection": "",
}


def write_up(**changes: str) -> ArtifactText:
    fields = dict.fromkeys(KINDS_BY_KEY["case_writeup"].section_keys, "")
    fields.update(STRONG)
    fields.update(changes)
    return artifact_text("case_writeup", "acute", fields)


def fired(text: ArtifactText, check: str) -> list[Finding]:
    return [item for item in case.check(text) if item.check == check]


def only(text: ArtifactText, check: str) -> Finding:
    found = fired(text, check)
    assert len(found) == 1, found
    return found[0]


def test_a_strong_case_write_up_raises_no_case_finding():
    assert list(case.check(write_up())) == []


# --- Flow ---------------------------------------------------------------------------------------
def test_it_flags_each_missing_step_of_the_case_walk_with_its_own_row():
    found = fired(write_up(documentation="", assessment=" \n"), "case.flow")
    assert {(item.field, item.row, item.start, item.end) for item in found} == {
        ("assessment", ASSESSMENT, 0, 0),
        ("documentation", DOCUMENTATION, 0, 0),
    }


def test_an_empty_draft_gets_no_case_findings():
    blank = artifact_text("case_writeup", "acute", dict.fromkeys(KINDS_BY_KEY["case_writeup"].section_keys, ""))
    assert list(case.check(blank)) == []


def test_other_kinds_get_no_case_findings():
    fields = dict.fromkeys(KINDS_BY_KEY["plan_of_care"].section_keys, "Pt did well.")
    assert not [f for f in check_artifact("plan_of_care", "acute", fields).findings if f.check.startswith("case.")]


# --- Baseline -----------------------------------------------------------------------------------
def test_it_flags_an_assessment_with_no_prior_level_or_measured_baseline():
    text = write_up(assessment="  She needs help with dressing.  ")
    item = only(text, "case.baseline")
    assert (item.field, item.row, item.start, item.end) == ("assessment", ASSESSMENT, 2, 31)
    assert "prior level of function or a measured current level" in item.message


def test_a_prior_level_alone_is_not_a_current_baseline():
    item = only(write_up(assessment="PLOF: independent with all ADLs, due to no limits."), "case.baseline")
    assert "a measured current level" in item.message
    assert "prior level" not in item.message


def test_a_prior_level_and_a_measured_current_level_pass():
    assessment = "Prior to the fall she was independent. Today: 9HPT 38 s, COPM performance 4/10."
    assert fired(write_up(assessment=assessment), "case.baseline") == []


# --- Constraint ---------------------------------------------------------------------------------
def test_it_flags_an_assessment_that_never_ties_an_occupation_to_its_limiting_factor():
    text = write_up(assessment="PLOF independent. Day 2: Mod A for LB dressing. Pain 6/10. Hip precautions.")
    item = only(text, "case.constraint")
    assert (item.field, item.row, item.severity) == ("assessment", ASSESSMENT, "warning")


@pytest.mark.parametrize("link", ["due to", "secondary to", "2°", "because of", "limited by"])
def test_any_causal_link_between_occupation_and_factor_names_the_constraint(link):
    assessment = f"PLOF independent. Day 2: Mod A for toileting {link} L hemiparesis."
    assert fired(write_up(assessment=assessment), "case.constraint") == []


# --- Reasoning ----------------------------------------------------------------------------------
def test_it_flags_a_plan_without_an_alternative_or_a_rationale():
    plan = "Client will complete LB dressing with Min A using a reacher within 3 days."
    item = only(write_up(plan=plan), "case.reasoning")
    assert (item.field, item.row, item.start, item.end) == ("plan", ASSESSMENT, 0, len(plan))
    assert "an alternative you considered and why you chose this plan" in item.message


def test_a_plan_with_an_alternative_but_no_rationale_names_only_the_rationale():
    item = only(write_up(plan="We used a tub bench instead of a walk-in shower."), "case.reasoning")
    assert "why you chose this plan" in item.message
    assert "alternative" not in item.message


# --- Skilled language ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "phrase",
    ["tolerated treatment well", "tolerated well", "Pt did well", "ADL retraining", "ther ex", "transfer training"],
)
def test_it_flags_each_non_skilled_phrase_and_spans_exactly_that_phrase(phrase):
    documentation = f"Seen for 30 min. {phrase}. Next visit tomorrow."
    item = only(write_up(documentation=documentation), "case.skilled_language")
    assert (item.field, item.row, item.severity) == ("documentation", DOCUMENTATION, "warning")
    assert documentation[item.start : item.end] == phrase


def test_it_flags_every_occurrence_separately():
    documentation = "Day 1: tolerated treatment well. Day 2: tolerated treatment well."
    found = fired(write_up(documentation=documentation), "case.skilled_language")
    assert [(item.start, item.end) for item in found] == [(7, 31), (40, 64)]


def test_a_named_intervention_with_its_target_is_skilled():
    documentation = "ADL retraining for LB dressing using a reacher under hip precautions; transfer training: BSC."
    assert fired(write_up(documentation=documentation), "case.skilled_language") == []


def test_quoting_the_filler_to_reject_it_is_not_flagged():
    documentation = "I no longer write “tolerated treatment well”; instead of ADL retraining I name the task."
    assert fired(write_up(documentation=documentation), "case.skilled_language") == []


def test_the_filler_is_found_in_other_sections_too():
    item = only(write_up(follow_up="Reassessed Day 4: she did well, Mod A to Min A."), "case.skilled_language")
    assert item.field == "follow_up"


# --- Follow-up ----------------------------------------------------------------------------------
def test_it_flags_a_follow_up_with_no_timing_or_values():
    text = write_up(follow_up="She was happy with her progress.")
    item = only(text, "case.follow_up")
    assert (item.field, item.row, item.start, item.end) == ("follow_up", PLAN_OF_CARE, 0, 32)
    assert "when you reassessed or before and after values" in item.message


def test_a_follow_up_with_timing_but_one_value_asks_for_before_and_after():
    item = only(write_up(follow_up="Reassessed at 2 weeks: Min A."), "case.follow_up")
    assert "before and after values" in item.message
    assert "when you reassessed" not in item.message


@pytest.mark.parametrize(
    "follow_up",
    ["Reassessed on Day 4: LB dressing improved from Mod A to Min A.", "At 6 weeks COPM performance 3/10 → 7/10."],
)
def test_a_timed_reassessment_with_before_and_after_values_passes(follow_up):
    assert fired(write_up(follow_up=follow_up), "case.follow_up") == []


# --- Safety -------------------------------------------------------------------------------------
def test_it_flags_a_write_up_with_no_safety_decision_on_the_handoffs_section():
    text = write_up(handoffs="Handed off to the PT at 3 pm.")
    item = only(text, "case.safety")
    assert (item.field, item.row, item.start, item.end) == ("handoffs", DOCUMENTATION, 0, 29)


def test_a_safety_decision_anywhere_in_the_write_up_counts():
    text = write_up(
        handoffs="Handed off to the PT.", documentation="Near-miss: bed alarm off; reported it the same day."
    )
    assert fired(text, "case.safety") == []


def test_a_blank_handoffs_section_is_left_to_the_section_checks():
    assert fired(write_up(handoffs=""), "case.safety") == []


def test_any_text_gives_spans_inside_its_section():
    odd = "İİ tolerated well “did well” ther ex\u2028ADL retraining\r\n" * 20
    fields = dict.fromkeys(KINDS_BY_KEY["case_writeup"].section_keys, odd)
    for item in case.check(artifact_text("case_writeup", "acute", fields)):
        assert 0 <= item.start <= item.end <= len(fields[item.field]), item


# --- Misreads fixed (issue 9) ------------------------------------------------------------------
@pytest.mark.parametrize(
    "named",
    [
        "What actually limited her was fear of falling in the shower.",
        "The real barrier was that her husband does everything for her.",
        "The limiting factor turned out to be pain, 7/10 by evening.",
    ],
)
def test_a_constraint_named_as_such_is_read(named):
    assessment = f"PLOF: independent. Day 2: LB dressing Mod A, toilet transfer Min A with RW. {named}"
    text = write_up(assessment=assessment)
    assert fired(text, "case.constraint") == []
    start, end = case.named_constraint(assessment)
    assert assessment[start:end] == named


def test_a_limitation_that_names_nothing_still_flags_the_constraint():
    text = write_up(assessment="PLOF: independent. Day 2: LB dressing Mod A. Her range of motion was limited.")
    assert len(fired(text, "case.constraint")) == 1
    assert case.named_constraint("LB dressing Mod A. Her range of motion was limited.") is None


def test_a_billing_code_list_is_not_unskilled_language():
    documentation = (
        "Billed 97530 Therapeutic activities, 97535 Self-care/home management training, 97110 Therapeutic "
        "exercise (2 units). LB dressing trained with a reacher; Min A with 2 verbal cues."
    )
    assert fired(write_up(documentation=documentation), "case.skilled_language") == []


def test_the_same_service_without_its_code_or_target_is_still_filler():
    text = write_up(documentation="Therapeutic exercise. Pt tolerated treatment well.")
    assert len(fired(text, "case.skilled_language")) == 2


def test_baseline_measure_gives_the_measured_sentence_and_ignores_a_numberless_one():
    body = "PLOF: independent. Balance impaired. LB dressing Mod A."
    start, end = case.baseline_measure(body)
    assert body[start:end] == "LB dressing Mod A."
    assert case.baseline_measure("Below average. Impaired.") is None
    assert len(fired(write_up(assessment="PLOF: independent. Below average."), "case.baseline")) == 1


def test_a_pediatric_case_gets_a_pediatric_example_fix():
    fields = {"assessment": "Below average.", "plan": "Continue POC.", "follow_up": "Doing better."}
    text = artifact_text("case_writeup", "pediatrics", {**write_up().fields, **fields})
    advice = " ".join(item.fix for item in case.check(text))
    for adult in ("hip", "grandchild", "sock aid", "LB dressing", "drove"):
        assert adult not in advice, adult
