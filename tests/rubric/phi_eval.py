"""Score the PHI gate on labelled corpus files: recall per identifier type and the false-alarm rate.

Pure and database-free, so `make eval` (or a notebook) can call it on any JSONL file in the
corpus format: one `{"text": ..., "identifiers": [{"type": ..., "value": ...}]}` per line, an
empty list for a sentence that carries no identifier.

`evaluate(paths)` returns a flat dict name -> value:
  recall, found, labelled            over every labelled identifier
  recall.<type>, found.<type>, labelled.<type>   per Safe Harbor type ("recall.name", ...)
  false_alarm_rate, flagged_clean, clean         clean sentences with at least one finding
  error_false_alarm_rate, flagged_clean_errors   clean sentences with at least one error (staff-name
                                                 warnings left out: they never block sharing)
  sentences                                      rows read

An identifier counts as found when a finding of its type overlaps its value; a name may also be
found by a `phi.staff_name` warning (the writer is shown the name either way). A clean sentence
counts as a false alarm when the gate reports anything on it, warnings included; the errors-only
rate counts only what would block sharing, so a staff name the corpus treats as clean ("Per
Dr. Nakamura, WBAT") shows in the first rate and not the second.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

CORPUS_DIR = Path(__file__).parent / "corpus"
STAFF_CHECK = "phi.staff_name"
Span = tuple[int, int, str]


def load_rows(paths: Iterable[Path]) -> list[dict]:
    rows: list[dict] = []
    for path in paths:
        with Path(path).open(encoding="utf-8") as lines:
            rows.extend(json.loads(line) for line in lines if line.strip())
    return rows


def label_spans(row: dict) -> list[Span]:
    """Each labelled identifier as (start, end, type); a repeated value takes its next occurrence."""
    spans, searched_from = [], Counter()
    for identifier in row["identifiers"]:
        value = identifier["value"]
        start = row["text"].index(value, searched_from[value])
        searched_from[value] = start + 1
        spans.append((start, start + len(value), identifier["type"]))
    return spans


def gate_spans(text: str) -> list[Span]:
    """What the gate reports on `text` checked as one bare field: (start, end, check id)."""
    from portfolios.rubric import phi

    return [(item.start, item.end, item.check) for item in phi.scan_field("text", text)]


def _accepts(check_id: str, label_type: str) -> bool:
    return check_id == f"phi.{label_type}" or (label_type == "name" and check_id == STAFF_CHECK)


def evaluate(paths: Iterable[Path], spans_of: Callable[[str], list[Span]] = gate_spans) -> dict[str, float]:
    """Recall overall and per type, and the false-alarm rate on clean sentences, for the given files."""
    rows = load_rows(paths)
    found, labelled = Counter(), Counter()
    clean = flagged_clean = flagged_clean_errors = 0
    for row in rows:
        spans = spans_of(row["text"])
        if not row["identifiers"]:
            clean += 1
            flagged_clean += bool(spans)
            flagged_clean_errors += any(check != STAFF_CHECK for _, _, check in spans)
            continue
        for start, end, kind in label_spans(row):
            labelled[kind] += 1
            if any(_accepts(check, kind) and s < end and start < e for s, e, check in spans):
                found[kind] += 1
    total = sum(labelled.values())
    result: dict[str, float] = {
        "sentences": len(rows),
        "labelled": total,
        "found": sum(found.values()),
        "recall": sum(found.values()) / total if total else 1.0,
        "clean": clean,
        "flagged_clean": flagged_clean,
        "false_alarm_rate": flagged_clean / clean if clean else 0.0,
        "flagged_clean_errors": flagged_clean_errors,
        "error_false_alarm_rate": flagged_clean_errors / clean if clean else 0.0,
    }
    for kind in sorted(labelled):
        result[f"labelled.{kind}"] = labelled[kind]
        result[f"found.{kind}"] = found[kind]
        result[f"recall.{kind}"] = found[kind] / labelled[kind]
    return result


def misses(paths: Iterable[Path], spans_of: Callable[[str], list[Span]] = gate_spans) -> list[tuple[str, str, str]]:
    """(type, value, text) of every labelled identifier not found, and ("clean", finding, text) of every false alarm."""
    out: list[tuple[str, str, str]] = []
    for row in load_rows(paths):
        spans = spans_of(row["text"])
        if not row["identifiers"]:
            out.extend(("clean", f"{row['text'][s:e]!r} {check}", row["text"]) for s, e, check in spans)
            continue
        for start, end, kind in label_spans(row):
            if not any(_accepts(check, kind) and s < end and start < e for s, e, check in spans):
                out.append((kind, row["text"][start:end], row["text"]))
    return out


def format_report(result: dict[str, float]) -> str:
    lines = [
        f"recall {result['found']}/{result['labelled']} = {result['recall']:.3f}",
        f"false alarms {result['flagged_clean']}/{result['clean']} = {result['false_alarm_rate']:.3f} (all findings)",
        f"false alarms {result['flagged_clean_errors']}/{result['clean']} = {result['error_false_alarm_rate']:.3f}"
        " (errors only, staff-name warnings left out)",
    ]
    for key, value in result.items():
        if key.startswith("recall."):
            kind = key.split(".", 1)[1]
            lines.append(f"  {kind:<12} {result[f'found.{kind}']:>3}/{result[f'labelled.{kind}']:<3} {value:.2f}")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m tests.rubric.phi_eval [files...]
    files = [Path(arg) for arg in sys.argv[1:]] or sorted(CORPUS_DIR.glob("phi*.jsonl"))
    print(format_report(evaluate(files)))
