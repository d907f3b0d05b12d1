"""The strong examples earn the top score on every row their kind proves, through the real checker, with no identifiers."""

import pytest

from portfolios.checker import check_artifact
from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric.findings import SCORE_LABELS
from portfolios.strong_examples import EXAMPLES

TOP = max(SCORE_LABELS)
STARTER_KINDS = {
    "handoff_template",
    "sop_checklist",
    "case_writeup",
    "plan_of_care",
    "education_script",
    "caseload_note",
}


def test_every_kind_a_newcomer_starts_with_has_a_strong_example():
    assert set(EXAMPLES) == STARTER_KINDS


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_the_example_scores_at_the_top_of_every_row_its_kind_proves(kind):
    example = EXAMPLES[kind]
    result = check_artifact(kind, example.track, example.fields)
    assert set(result.rows) == set(KINDS_BY_KEY[kind].proves)
    scores = {row: score.score for row, score in result.rows.items()}
    assert all(score == TOP for score in scores.values()), (scores, [f.message for f in result.findings])


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_the_example_names_no_patient_and_raises_no_error(kind):
    example = EXAMPLES[kind]
    result = check_artifact(kind, example.track, example.fields)
    assert not [finding for finding in result.findings if finding.is_phi], result.findings
    assert not [finding for finding in result.findings if finding.severity == "error"], result.findings


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_the_example_fills_every_section_of_its_kind_and_no_other(kind):
    example = EXAMPLES[kind]
    assert set(example.fields) == set(KINDS_BY_KEY[kind].section_keys)
    assert all(text.strip() for text in example.fields.values())
