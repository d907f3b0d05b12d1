"""The same work in another writer's habits scores the same: each strong example, and each strong or
good artifact of the graded corpora, rewritten with a surface habit of its own (British spelling and
care words, a 12-hour clock, other bullets, a numbered outline, a table's pipes) keeps every row's
score; the strong examples also keep them with their headings in capitals.

Blind batches written in unfamiliar voices cost the checker most of its misses; these rewrites are
the part of a voice that a rule can be held to. A rule that reads "caregiver" but not "carer", or
"14:00" but not "2 pm", fails here before it fails on a candidate.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from portfolios.checker import check_artifact
from portfolios.strong_examples import EXAMPLES
from tests.rubric import grading

_BRITISH = (
    (r"(?<=[a-z])iz(e|es|ed|ing|ation|ations)\b", r"is\1"),
    (r"\bpediatric", "paediatric"),
    (r"\bPediatric", "Paediatric"),
    (r"\bcolor", "colour"),
    (r"\bbehavior", "behaviour"),
    (r"\bcenter", "centre"),
    (r"\bedema", "oedema"),
    (r"\bcaregiver", "carer"),
    (r"\bCaregiver", "Carer"),
    (r"\bprogram\b", "programme"),
)


def british(text: str) -> str:
    for pattern, replacement in _BRITISH:
        text = re.sub(pattern, replacement, text)
    return text


def twelve_hour(text: str) -> str:
    def spoken(match: re.Match[str]) -> str:
        hour, minute = int(match.group(1)), match.group(2)
        suffix = "am" if hour < 12 else "pm"
        hour = hour % 12 or 12
        return f"{hour} {suffix}" if minute == "00" else f"{hour}:{minute} {suffix}"

    return re.sub(r"\b([01]?\d|2[0-3]):([0-5]\d)\b", spoken, text)


def round_bullets(text: str) -> str:
    return re.sub(r"(?m)^\s*[-*]\s+", "\u2022 ", text)


def numbered_outline(text: str) -> str:
    numbers = iter(range(1, 1000))
    return re.sub(r"(?m)^\s*[-*\u2022]\s+", lambda _: f"{next(numbers)}a) ", text)


def table_rows(text: str) -> str:
    return re.sub(r"(?m)^\s*[-*\u2022]\s+", "| ", text)


def capital_headings(text: str) -> str:
    return re.sub(r"(?m)^([A-Za-z][A-Za-z /]{2,30}):", lambda match: match.group(1).upper() + " -", text)


REWRITES: dict[str, Callable[[str], str]] = {
    "british": british,
    "twelve_hour": twelve_hour,
    "round_bullets": round_bullets,
    "numbered_outline": numbered_outline,
    "table_rows": table_rows,
    "capital_headings": capital_headings,
}


def _scores(kind: str, fields: dict[str, str]) -> dict[str, int]:
    result = check_artifact(kind, EXAMPLES[kind].track, fields)
    return {row: result.rows[row].score for row in result.rows}


@pytest.mark.parametrize("rewrite", REWRITES, ids=list(REWRITES))
@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_a_strong_example_in_another_writers_habits_keeps_every_score(kind, rewrite):
    fields = dict(EXAMPLES[kind].fields)
    rewritten = {key: REWRITES[rewrite](value) for key, value in fields.items()}
    assert _scores(kind, rewritten) == _scores(kind, fields)


_CORPORA = (grading.GRADED, grading.BATCH_3, grading.BATCH_4, grading.BATCH_5, grading.BATCH_7)
STRONG_WORK = [entry for corpus in _CORPORA for entry in grading.load(corpus) if entry["level"] in ("strong", "good")]


def _row_scores(entry: dict, fields: dict[str, str]) -> dict[str, int]:
    result = check_artifact(entry["kind"], entry["track"], fields)
    return {row: result.rows[row].score for row in entry["labels"]}


@pytest.mark.parametrize("rewrite", [name for name in REWRITES if name != "capital_headings"])
def test_strong_and_good_corpus_artifacts_in_another_writers_habits_keep_every_score(rewrite):
    changed = []
    for entry in STRONG_WORK:
        rewritten = {key: REWRITES[rewrite](value) for key, value in entry["fields"].items()}
        if rewritten != entry["fields"] and _row_scores(entry, rewritten) != _row_scores(entry, entry["fields"]):
            changed.append(entry["id"])
    assert changed == []


def test_every_rewrite_changes_some_example():
    """A rewrite that touches no text would pass whatever the checker did."""
    for name, rewrite in REWRITES.items():
        assert any(rewrite(value) != value for example in EXAMPLES.values() for value in example.fields.values()), name


def test_the_rewrites_do_what_they_say():
    assert (
        british("The caregiver will organize the pediatric program.")
        == "The carer will organise the paediatric programme."
    )
    assert twelve_hour("Call by 14:00, not 09:30.") == "Call by 2 pm, not 9:30 am."
    assert numbered_outline("- a\n- b") == "1a) a\n2a) b"


@pytest.mark.parametrize("marker", ["", "- ", "2) ", "1a) ", "(b) ", "iv. "])
def test_a_list_markers_number_is_no_measure_for_a_claimed_outcome(marker):
    """ "1a) Documentation improved a lot." claims an outcome as plainly as the unnumbered line does."""
    fields = {"reflection": f"What changed:\n{marker}Documentation improved a lot after the change."}
    result = check_artifact("case_writeup", "outpatient", fields)
    flagged = [fields[f.field][f.start : f.end] for f in result.findings if f.check == "general.vague_outcome"]
    assert flagged == ["Documentation improved a lot after the change."]
