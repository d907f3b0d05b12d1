"""The industry lens rules: each rule's own must-pass and must-fail texts, and the messages a candidate reads."""

import pytest

from portfolios.industry_lens import (
    CONSUMER_BEFORE_AFTER,
    ENTERPRISE_MEMO,
    FAILS,
    LENSES,
    MISSING,
    PASSES,
    artifact_text,
    lens_checks,
    rule_result,
)

RULES = [rule for lens in LENSES for rule in lens.rules]


@pytest.mark.parametrize(
    ("rule", "text"), [(rule, text) for rule in RULES for text in rule.must_pass], ids=lambda value: str(value)[:40]
)
def test_every_must_pass_example_passes(rule, text):
    assert rule_result(rule, text).status == PASSES


@pytest.mark.parametrize(
    ("rule", "text"), [(rule, text) for rule in RULES for text in rule.must_fail], ids=lambda value: str(value)[:40]
)
def test_every_must_fail_example_fails(rule, text):
    assert rule_result(rule, text).status == FAILS


def test_a_memo_naming_neither_says_it_names_no_compliance_owner_or_review_date():
    result = rule_result(ENTERPRISE_MEMO, "To: the rehab manager. Next steps: I audit 20 charts.")
    assert result.message == "Your stakeholder memo names no compliance owner or review date."


def test_a_memo_naming_compliance_only_asks_for_the_review_date():
    result = rule_result(ENTERPRISE_MEMO, "To: Compliance. Next steps: I audit 20 charts.")
    assert result.missing == ("review date",)
    assert result.message == "Your stakeholder memo names no review date."


def test_a_before_after_without_a_retention_or_satisfaction_measure_is_named():
    result = rule_result(CONSUMER_BEFORE_AFTER, "Before: grip 8 lb. After: grip 20 lb.")
    assert result.message == "Your before-and-after story names no retention or satisfaction measure."


def test_no_artifact_is_missing_not_failing():
    result = rule_result(ENTERPRISE_MEMO, "  ")
    assert result.status == MISSING
    assert result.message == "No stakeholder memo yet: write one that names its compliance owner and review date."


def test_lens_checks_apply_only_the_chosen_lens():
    texts = {
        "stakeholder_memo": "To: Compliance. We review the audit on March 3.",
        "before_after": "Before: grip 8 lb. After: 20 lb.",
    }
    enterprise = lens_checks("enterprise", texts)
    consumer = lens_checks("consumer", texts)
    assert [result.rule.kind for result in enterprise] == ["stakeholder_memo"]
    assert enterprise[0].passed
    assert [result.rule.kind for result in consumer] == ["before_after"]
    assert not consumer[0].passed
    assert lens_checks("", texts) == () == lens_checks(None, texts)


def test_artifact_text_joins_every_written_section():
    assert artifact_text({"audience": "Compliance", "decision": "", "next_steps": "Review on May 2."}) == (
        "Compliance\nReview on May 2."
    )
    assert artifact_text(None) == ""
