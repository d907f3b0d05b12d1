"""Measure the PHI gate on the labelled corpus of de-identified-style OT sentences.

`corpus/phi_sentences.jsonl` (the first batches), `corpus/phi_batch2.jsonl` (issue 10) and
`corpus/phi_batch3.jsonl` (written blind to the gate, then tuned on) hold one sentence per line: `{"text": ..., "identifiers": [{"type": ..., "value": ...}]}`. Labelled
sentences carry identifiers of all 17 text-borne Safe Harbor types; clean ones carry none but are
full of clinical traps (scores, blood pressures, CPT and ICD-10 codes, eponyms, placeholders,
ages up to 89, bare years, relative days, equipment names, staff roles).

Each batch was written and scored before the gate was tuned on it, then the gate was tuned, so
the figures printed here are optimistic. Batch 2 before tuning: recall 80/186 = 0.43 (names
22/63, places 15/42), 0 of 206 clean sentences flagged. Batch 3 before tuning: recall
184/231 = 0.80 (places 45/57, names 55/70, licences 1/4), 6 of 187 clean sentences flagged (3 of
them staff-name warnings on sentences the batch counts as clean). Batch 4
(`corpus/phi_batch4.jsonl`) before tuning: recall 176/228 = 0.77 (health plan 3/7, names 41/57,
dates 32/44), 9 of 171 clean sentences flagged (6 errors). The blind batch another
engineer keeps outside this repository is the honest estimate on unseen text.

Two false-alarm rates are reported: any finding on a clean sentence, and errors only (a staff
name is a warning that never blocks sharing). Both must stay under the target.

`tests/rubric/phi_eval.py` does the counting (also callable from `make eval`). Run with `-s` to
see the figures per type.
"""

from __future__ import annotations

from collections import Counter

from portfolios.rubric import phi
from tests.rubric.phi_eval import CORPUS_DIR, evaluate, format_report, label_spans, load_rows

CORPORA = sorted(CORPUS_DIR.glob("phi*.jsonl"))
MIN_RECALL = 0.97
MAX_FALSE_ALARM_RATE = 0.03
SETTINGS_WORDS = ("outpatient", "acute", "rehab", "home health", "pediatric")


def test_the_corpus_is_large_balanced_and_covers_every_identifier_type():
    rows = load_rows(CORPORA)
    assert len(rows) >= 600
    with_identifiers = [row for row in rows if row["identifiers"]]
    assert 0.35 <= len(with_identifiers) / len(rows) <= 0.65
    per_type = Counter(identifier["type"] for row in rows for identifier in row["identifiers"])
    assert set(per_type) == set(phi.TYPES)
    assert min(per_type.values()) >= 4, per_type
    for row in with_identifiers:
        label_spans(row)  # every value really is in its sentence


def test_batch_two_has_150_positive_and_150_clean_sentences_across_the_settings():
    rows = load_rows([CORPUS_DIR / "phi_batch2.jsonl"])
    assert sum(bool(row["identifiers"]) for row in rows) >= 150
    assert sum(not row["identifiers"] for row in rows) >= 150
    text = " ".join(row["text"].lower() for row in rows)
    assert all(word in text for word in SETTINGS_WORDS)


def test_batch_three_is_in_the_tuned_corpus_with_both_kinds_of_sentence():
    rows = load_rows([CORPUS_DIR / "phi_batch3.jsonl"])
    assert CORPUS_DIR / "phi_batch3.jsonl" in CORPORA
    assert sum(bool(row["identifiers"]) for row in rows) >= 180
    assert sum(not row["identifiers"] for row in rows) >= 180


def test_the_phi_gate_meets_its_recall_and_false_alarm_targets():
    result = evaluate(CORPORA)
    print(f"\nPHI gate on {result['sentences']} sentences:\n{format_report(result)}")
    assert result["recall"] >= MIN_RECALL
    assert result["false_alarm_rate"] <= MAX_FALSE_ALARM_RATE
    assert result["error_false_alarm_rate"] <= result["false_alarm_rate"]


def test_the_evaluation_counts_misses_and_false_alarms():
    """The scorer itself: a gate that finds nothing has zero recall, one that flags everything fails clean text."""
    nothing = evaluate(CORPORA, spans_of=lambda text: [])
    assert nothing["recall"] == 0 and nothing["false_alarm_rate"] == 0
    everything = evaluate(CORPORA, spans_of=lambda text: [(0, len(text), "phi.name")])
    assert everything["false_alarm_rate"] == 1 and everything["error_false_alarm_rate"] == 1
    assert everything["recall.name"] == 1 and everything["recall.date"] == 0
    warnings = evaluate(CORPORA, spans_of=lambda text: [(0, len(text), "phi.staff_name")])
    assert warnings["false_alarm_rate"] == 1 and warnings["error_false_alarm_rate"] == 0
    assert warnings["recall.name"] == 1
