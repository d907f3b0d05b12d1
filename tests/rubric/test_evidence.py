"""Evidence shapes: every shape's own examples earn or miss, and every catalog rule is well formed."""

import pytest

from portfolios.kinds import KINDS
from portfolios.rubric import evidence
from portfolios.rubric.spec import EvidenceRule, frozen_mapping


def _rule(shape, params):
    return EvidenceRule("example", "documentation", shape, ("a",), "an example", 1.0, frozen_mapping(params))


def _fields(example):
    return {"a": example} if isinstance(example, str) else dict(example)


CASES = [
    (shape, verdict, example)
    for shape, spec in evidence.EXAMPLES.items()
    for verdict in ("earns", "misses")
    for example in spec[verdict]
]


@pytest.mark.parametrize(
    ("shape", "verdict", "example"), CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)]
)
def test_each_shape_earns_on_its_good_examples_and_misses_on_its_bad_ones(shape, verdict, example):
    earned = evidence.earn(_rule(shape, evidence.EXAMPLES[shape].get("params", {})), _fields(example), "outpatient")
    if verdict == "earns":
        assert earned.share >= 0.5, earned
        assert earned.passage is not None
    else:
        assert earned.share < 0.5, earned


def test_every_shape_has_examples_both_ways():
    for shape in evidence.SHAPES:
        assert evidence.EXAMPLES[shape]["earns"] and evidence.EXAMPLES[shape]["misses"], shape


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_every_row_a_kind_proves_declares_evidence_in_sections_it_has(kind):
    rules = kind.spec.evidence
    assert {rule.row for rule in rules} == set(kind.proves)
    for rule in rules:
        assert rule.shape in evidence.SHAPES, rule.id
        assert set(rule.sections) <= set(kind.section_keys), rule.id
        assert rule.points > 0 and rule.looks_for
    assert len({rule.id for rule in rules}) == len(rules)


def test_a_passage_that_earns_points_to_the_exact_text():
    body = "Baseline is below. Berg 38/56 at intake."
    earned = evidence.earn(_rule("measured", {}), {"a": body}, "outpatient")
    _field, start, end = earned.passage
    assert body[start:end] == "Berg 38/56 at intake."


def test_a_buzzword_alone_never_earns_a_measure_a_goal_or_a_contingency():
    stuffed = "SMART COAST goals, measurable, evidence-based, teach-back, I-PASS, escalate per policy."
    for shape in (
        "measured",
        "coast_goals",
        "contingencies",
        "owner_and_time",
        "verified_outcome",
        "frequency_and_duration",
    ):
        assert evidence.earn(_rule(shape, {"min": 1}), {"a": stuffed}, "outpatient").share < 0.5, shape


def test_vague_items_do_not_count_as_concrete():
    items = "- Check brakes locked\n- Gait belt on before standing\n- Position chair as needed\n- etc."
    earned = evidence.earn(_rule("concrete_items", {"min": 4, "max": 9}), {"a": items}, "outpatient")
    assert earned.share == pytest.approx(0.5)


def test_a_one_line_list_counts_each_element():
    line = "Required: illness severity, precautions, current assist level, DME, cognition and pending items."
    earned = evidence.earn(_rule("concrete_items", {"min": 5, "max": 12, "min_words": 1}), {"a": line}, "outpatient")
    assert earned.share == 1.0


def test_too_long_a_checklist_earns_at_most_three_quarters():
    items = "\n".join(f"- Check item number {n} on the chart" for n in range(12))
    earned = evidence.earn(_rule("concrete_items", {"min": 5, "max": 9}), {"a": items}, "outpatient")
    assert earned.share == 0.75
