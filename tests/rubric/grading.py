"""How well the checker's row scores agree with an experienced OT's labels on graded artifacts.

A graded corpus (`corpus/graded.jsonl`, and any held-out batch in the same format) holds whole
artifacts, each labelled 0–4 on every row its kind proves, with one line of rationale per row
and a level ("strong", "middling", "weak", "keyword_stuffed", "placeholder", …). Two figures
per kind and row:

- ordering accuracy: over every pair of artifacts of one kind whose labels differ on the row,
  the share the checker orders the same way (a tie in the checker's scores counts half);
- mean absolute error between the checker's score and the label.

Pure functions, shared by the tests and `make eval`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from portfolios.checker import check_artifact

CORPUS_DIR = Path(__file__).parent / "corpus"
GRADED = CORPUS_DIR / "graded.jsonl"
BATCH_2 = CORPUS_DIR / "graded_batch2.jsonl"  # blind when written; tuned on after its score was recorded
BATCH_3 = CORPUS_DIR / "graded_batch3.jsonl"  # the same, one round later
BATCH_4 = CORPUS_DIR / "graded_batch4.jsonl"  # and one more
BATCH_5 = CORPUS_DIR / "graded_batch5.jsonl"  # and one more
BATCH_6 = CORPUS_DIR / "graded_batch6.jsonl"  # and one more (new writing voices)
BATCH_7 = CORPUS_DIR / "graded_batch7.jsonl"  # and one more
BATCH_8 = CORPUS_DIR / "graded_batch8.jsonl"  # two batches in new voices, scored blind together (6/14, 8/14 in order)
BATCH_9 = CORPUS_DIR / "graded_batch9.jsonl"
BATCH_10 = CORPUS_DIR / "graded_batch10.jsonl"  # blind after the round on 8 and 9: 3/14 (terse, dictated, very short)
BATCH_11 = CORPUS_DIR / "graded_batch11.jsonl"  # blind after the round on 10: 6/14 (US candidates in the guided form)
HELD_OUT = CORPUS_DIR / "graded_heldout.jsonl"  # the latest blind batch, scored before any tuning on it
GAMED_LEVELS = frozenset(("keyword_stuffed", "template_pasted", "placeholder", "half_filled"))


@dataclass(frozen=True)
class Scored:
    """One artifact of the corpus with its labels and the checker's scores."""

    id: str
    kind: str
    level: str
    labels: dict[str, int]
    scores: dict[str, int]


def load(path: Path) -> list[dict]:
    """The corpus entries in `path` (JSON Lines); an absent file is an empty corpus."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def score_all(entries: Iterable[dict]) -> list[Scored]:
    """Run the checker on every entry."""
    scored = []
    for entry in entries:
        result = check_artifact(entry["kind"], entry["track"], entry["fields"])
        scored.append(
            Scored(
                id=entry["id"],
                kind=entry["kind"],
                level=entry["level"],
                labels={row: int(value) for row, value in entry["labels"].items()},
                scores={row: result.rows[row].score for row in entry["labels"]},
            )
        )
    return scored


def ordering_pairs(scored: list[Scored], row: str) -> tuple[float, int]:
    """(agreements, pairs) over every same-kind pair whose labels differ on `row`; a checker tie is half."""
    agreements = 0.0
    pairs = 0
    by_kind: dict[str, list[Scored]] = defaultdict(list)
    for item in scored:
        if row in item.labels:
            by_kind[item.kind].append(item)
    for items in by_kind.values():
        for first, second in combinations(items, 2):
            label_gap = first.labels[row] - second.labels[row]
            if label_gap == 0:
                continue
            pairs += 1
            score_gap = first.scores[row] - second.scores[row]
            if score_gap == 0:
                agreements += 0.5
            elif (score_gap > 0) == (label_gap > 0):
                agreements += 1
    return agreements, pairs


def figures(scored: list[Scored]) -> dict[str, float]:
    """name → value: ordering accuracy and MAE per kind and row, per row over all kinds, and overall."""
    out: dict[str, float] = {}
    rows = sorted({row for item in scored for row in item.labels})
    kinds = sorted({item.kind for item in scored})
    for kind in kinds:
        of_kind = [item for item in scored if item.kind == kind]
        for row in rows:
            labelled = [item for item in of_kind if row in item.labels]
            if not labelled:
                continue
            agreements, pairs = ordering_pairs(labelled, row)
            if pairs:
                out[f"{kind}.{row}.ordering"] = agreements / pairs
            out[f"{kind}.{row}.mae"] = sum(abs(i.scores[row] - i.labels[row]) for i in labelled) / len(labelled)
    total_agreements = total_pairs = 0.0
    errors: list[int] = []
    for row in rows:
        agreements, pairs = ordering_pairs(scored, row)
        labelled = [item for item in scored if row in item.labels]
        if pairs:
            out[f"row.{row}.ordering"] = agreements / pairs
        out[f"row.{row}.mae"] = sum(abs(i.scores[row] - i.labels[row]) for i in labelled) / len(labelled)
        total_agreements += agreements
        total_pairs += pairs
        errors += [abs(i.scores[row] - i.labels[row]) for i in labelled]
    if total_pairs:
        out["all.ordering"] = total_agreements / total_pairs
    if errors:
        out["all.mae"] = sum(errors) / len(errors)
    out["all.artifacts"] = len(scored)
    return out


def gamed_above_middling(scored: list[Scored]) -> list[str]:
    """Gamed or placeholder artifacts that score above their kind's middling artifact on some row."""
    middling = {item.kind: item for item in scored if item.level == "middling"}
    problems = []
    for item in scored:
        reference = middling.get(item.kind)
        if item.level not in GAMED_LEVELS or reference is None:
            continue
        for row, value in item.scores.items():
            if value > reference.scores[row]:
                problems.append(f"{item.id} {row}: {value} > middling {reference.scores[row]}")
    return problems
