"""The row scores rank real quality: the checker agrees with an experienced OT's labels on graded artifacts.

`corpus/graded.jsonl` holds artifacts of six kinds from strong to weak plus gamed ones (keyword-
stuffed, form text pasted, placeholders, half-filled), each labelled per row with a rationale.
The thresholds are the issue's: per row, pairwise ordering ≥ 0.9 and mean absolute error ≤ 0.75;
every gamed artifact at or below its kind's middling one; an all-placeholder artifact 0 everywhere.
"""

from __future__ import annotations

import pytest

from tests.rubric import grading

ORDERING_AT_LEAST = 0.9
MAE_AT_MOST = 0.75
KINDS = ("handoff_template", "sop_checklist", "case_writeup", "plan_of_care", "education_script", "caseload_note")


@pytest.fixture(scope="module")
def scored():
    return grading.score_all(grading.load(grading.GRADED))


def test_the_corpus_has_five_or_more_artifacts_per_kind_from_strong_to_gamed(scored):
    for kind in KINDS:
        levels = {item.level for item in scored if item.kind == kind}
        assert len([item for item in scored if item.kind == kind]) >= 5, kind
        assert {"strong", "middling", "weak"} <= levels, kind
        assert levels & grading.GAMED_LEVELS, kind


@pytest.mark.parametrize("row", ["time_management", "documentation", "plan_of_care", "patient_education", "assessment"])
def test_per_row_the_checker_orders_artifacts_as_the_labels_do(scored, row):
    figures = grading.figures(scored)
    assert figures[f"row.{row}.ordering"] >= ORDERING_AT_LEAST, figures
    assert figures[f"row.{row}.mae"] <= MAE_AT_MOST, figures


def test_gamed_and_placeholder_artifacts_never_beat_the_middling_one(scored):
    assert grading.gamed_above_middling(scored) == []


def test_an_all_placeholder_artifact_scores_zero_on_every_row(scored):
    placeholders = [item for item in scored if item.level == "placeholder"]
    assert placeholders
    for item in placeholders:
        assert set(item.scores.values()) == {0}, item


def test_a_tie_in_the_checker_counts_half_and_a_wrong_order_nothing():
    make = lambda ident, label, score: grading.Scored(ident, "k", "x", {"r": label}, {"r": score})  # noqa: E731
    assert grading.ordering_pairs([make("a", 4, 3), make("b", 2, 1)], "r") == (1.0, 1)
    assert grading.ordering_pairs([make("a", 4, 2), make("b", 2, 2)], "r") == (0.5, 1)
    assert grading.ordering_pairs([make("a", 4, 1), make("b", 2, 2)], "r") == (0.0, 1)
    assert grading.ordering_pairs([make("a", 3, 1), make("b", 3, 4)], "r") == (0.0, 0)


def _strong_middling_weak_breaks(scored) -> list[str]:
    by_kind: dict[str, dict[str, grading.Scored]] = {}
    for item in scored:
        by_kind.setdefault(item.kind, {})[item.level] = item
    broken = []
    for kind, levels in by_kind.items():
        if not {"strong", "middling", "weak"} <= set(levels):
            continue
        for row in levels["strong"].labels:
            strong, middling, weak = (levels[level].scores[row] for level in ("strong", "middling", "weak"))
            if not strong > middling > weak:
                broken.append(f"{kind}.{row}: {strong} / {middling} / {weak}")
    return broken


@pytest.mark.parametrize(
    "batch",
    [grading.BATCH_3, grading.BATCH_4, grading.BATCH_5, grading.BATCH_7, grading.BATCH_9],
    ids=["batch3", "batch4", "batch5", "batch7", "batch9"],
)
def test_batches_once_tuned_on_keep_strong_above_middling_above_weak_on_every_row(batch):
    """Batches 3 to 5, 7 and 9 were written blind and tuned on after their scores were recorded: they must not
    slip back."""
    scored = grading.score_all(grading.load(batch))
    assert _strong_middling_weak_breaks(scored) == []
    assert grading.figures(scored)["all.ordering"] >= ORDERING_AT_LEAST
