"""How often the COAST readers agree with a clinician's labels on a corpus of hand-written goals.

`corpus/goals.jsonl` holds goals written across tracks (adult rehab, home health, school and
early-intervention goals, GG-coded goals, sloppy goals), each labelled with the COAST elements
it has and whether it is measurable. The first 95 goals were labelled before the checks were
written. The 32 entries marked `"set": "holdout"` were written and labelled after the checks, and
scored once untouched (0.932 overall, condition 0.781): that is the fairer estimate for unseen
goals. A few general fixes followed (courtesy-title subjects, handrails, counted turns), so the
figure printed for them now is no longer a blind one.
The 8 entries marked `"set": "issue9"` cover wordings once misread (timelines by visit, session or
shift; symptom criteria as the condition); they were written alongside those fixes, so they are
regression cases, not a blind estimate.
An element counts as found when `goals.check` raises no `goal.<element>` finding on that goal and no
`goal.coast` finding naming it; `goals.coast_elements` must agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import goals
from tests.rubric.texts import artifact_text

CORPUS = Path(__file__).parent / "corpus" / "goals.jsonl"
ELEMENTS = ("client", "occupation", "assist", "condition", "timeline", "measurable")
REQUIRED_ACCURACY = 0.90
ELEMENT_WORDS = {
    "client": "COAST “C”",
    "occupation": "COAST “O”",
    "assist": "COAST “A”",
    "condition": "COAST “S”",
    "timeline": "COAST “T”",
    "measurable": "a measure a colleague could check",
}


def _load() -> list[dict]:
    with CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _found_elements(entry: dict) -> dict[str, bool]:
    fields = dict.fromkeys(KINDS_BY_KEY["plan_of_care"].section_keys, "")
    fields["long_term_goals"] = entry["text"]
    text = artifact_text(kind="plan_of_care", track=entry["track"], fields=fields)
    on_goal = [item for item in goals.check(text) if item.field == "long_term_goals" and item.start != item.end]
    fired = {item.check for item in on_goal}
    # A goal missing several elements gets one `goal.coast` finding that names each of them.
    named = " ".join(item.message for item in on_goal if item.check == "goal.coast")
    found = {element: f"goal.{element}" not in fired and ELEMENT_WORDS[element] not in named for element in ELEMENTS}
    # The pure helper the row scoring reads must agree with the findings.
    helper = goals.coast_elements(entry["text"], entry["track"])
    assert found == {element: helper[element] is not None for element in ELEMENTS}, entry["text"]
    return found


def _score(entries: list[dict]) -> tuple[dict[str, float], float, list[str]]:
    right = dict.fromkeys(ELEMENTS, 0)
    misses: list[str] = []
    for entry in entries:
        found = _found_elements(entry)
        for element in ELEMENTS:
            if found[element] == entry[element]:
                right[element] += 1
            else:
                misses.append(f"  {element:<10} labelled {entry[element]!s:<5} on: {entry['text']}")
    per_element = {element: right[element] / len(entries) for element in ELEMENTS}
    overall = sum(right.values()) / (len(entries) * len(ELEMENTS))
    return per_element, overall, misses


def _report(name: str, entries: list[dict], per_element: dict[str, float], overall: float, misses: list[str]) -> None:
    print(f"\nCOAST corpus, {name}: {len(entries)} goals")
    for element, accuracy in per_element.items():
        print(f"  {element:<10} {accuracy:.3f}")
    print(f"  {'overall':<10} {overall:.3f}")
    if misses:
        print("  disagreements:")
        print("\n".join(misses))


def test_the_corpus_is_large_and_labelled():
    entries = _load()
    assert len(entries) >= 80
    for entry in entries:
        assert set(ELEMENTS) <= set(entry), entry
        assert all(isinstance(entry[element], bool) for element in ELEMENTS), entry
    tracks = {entry["track"] for entry in entries}
    assert {"outpatient", "acute", "inpatient_rehab", "home_health", "pediatrics"} <= tracks


def test_coast_readers_agree_with_the_labels_at_least_90_percent_of_the_time(capsys):
    entries = _load()
    per_element, overall, misses = _score(entries)
    holdout = [entry for entry in entries if entry.get("set") == "holdout"]
    with capsys.disabled():
        _report("all", entries, per_element, overall, misses)
        if holdout:
            _report("added after the checks", holdout, *_score(holdout))
    assert overall >= REQUIRED_ACCURACY
    # No element may hide behind the others.
    for element, accuracy in per_element.items():
        assert accuracy >= 0.8, element


@pytest.mark.parametrize("element", ELEMENTS)
def test_each_element_is_both_present_and_absent_somewhere_in_the_corpus(element):
    labels = {entry[element] for entry in _load()}
    assert labels == {True, False}
