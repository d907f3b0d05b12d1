"""`make eval`: how the checker does against labelled corpora, one `name=value` per line.

- graded.*: row scores against an OT's labels on the tuning corpus (tests/rubric/corpus/graded.jsonl);
- graded_batch2.* … graded_batch11.*: batches written blind, then tuned on once their score was recorded;
- heldout.*: the same on the latest batch written blind and never tuned on (graded_heldout.jsonl);
- phi.*: PHI gate recall per identifier type and false alarms on clean sentences (tuned corpus);
- phi_heldout.*: the same on PHI batches written blind and not yet tuned on (heldout_phi*.jsonl);
- goals.*: COAST element agreement on the goals corpus;
- readability.*: share of education texts graded within their labelled band.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otportfolio.settings")


def _print(prefix: str, values: dict[str, float]) -> None:
    for name, value in values.items():
        print(f"{prefix}.{name}={value:.3f}" if isinstance(value, float) else f"{prefix}.{name}={value}")


def main() -> int:
    from tests.rubric import grading

    _print("graded", grading.figures(grading.score_all(grading.load(grading.GRADED))))
    _print("graded_batch2", grading.figures(grading.score_all(grading.load(grading.BATCH_2))))
    _print("graded_batch3", grading.figures(grading.score_all(grading.load(grading.BATCH_3))))
    _print("graded_batch4", grading.figures(grading.score_all(grading.load(grading.BATCH_4))))
    _print("graded_batch5", grading.figures(grading.score_all(grading.load(grading.BATCH_5))))
    _print("graded_batch6", grading.figures(grading.score_all(grading.load(grading.BATCH_6))))
    _print("graded_batch7", grading.figures(grading.score_all(grading.load(grading.BATCH_7))))
    _print("graded_batch8", grading.figures(grading.score_all(grading.load(grading.BATCH_8))))
    _print("graded_batch9", grading.figures(grading.score_all(grading.load(grading.BATCH_9))))
    _print("graded_batch10", grading.figures(grading.score_all(grading.load(grading.BATCH_10))))
    _print("graded_batch11", grading.figures(grading.score_all(grading.load(grading.BATCH_11))))
    held_out = grading.load(grading.HELD_OUT)
    if held_out:
        _print("heldout", grading.figures(grading.score_all(held_out)))

    from tests.rubric import phi_eval

    _print("phi", phi_eval.evaluate(sorted(phi_eval.CORPUS_DIR.glob("phi*.jsonl"))))
    held_out_phi = sorted(phi_eval.CORPUS_DIR.glob("heldout_phi*.jsonl"))
    if held_out_phi:
        _print("phi_heldout", phi_eval.evaluate(held_out_phi))

    from tests.rubric import test_goals_corpus as goals_corpus

    entries = goals_corpus._load()
    per_element, overall, _ = goals_corpus._score(entries)
    _print("goals", {**per_element, "overall": overall})

    import json

    from portfolios.rubric import readability
    from tests.rubric import test_readability_corpus as readability_corpus

    texts = [json.loads(line) for line in readability_corpus.CORPUS.read_text(encoding="utf-8").splitlines() if line]
    in_band = sum(
        1 for entry in texts if readability_corpus._in_band(readability.measure(entry["text"]).fkgl, entry["band"])
    )
    _print("readability", {"fkgl_in_band": in_band / len(texts), "texts": len(texts)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
