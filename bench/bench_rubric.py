"""Time the rubric engine on case write-ups of 1,000, 3,000 and 10,000 words.

Prints `name=value` lines: the median milliseconds per size, and the per-word cost of
10,000 words as a ratio of the per-word cost of 1,000 words (1.0 = perfectly linear).
Aims: 3,000 words under 30 ms median; ratio at most 1.3.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otportfolio.settings")

from portfolios.checker import check_artifact
from portfolios.kinds import get_kind

# Realistic sentences, including identifiers, scores and goals, so every family has work.
SENTENCES = (
    "Client A is a 72-year-old retired teacher seen in an outpatient hand clinic for 30-minute visits.",
    "PLOF: independent in all ADLs and IADLs; now needs Mod A for LB dressing due to limited hip flexion.",
    "Grip strength was 8 lb on the left and 46 lb on the right, and pain was 6/10 with wrist extension.",
    "I considered strengthening first but ruled it out because the protocol allowed only active ROM.",
    "Client will don a button-front shirt with supervision and 1 verbal cue within 2 weeks.",
    "Client will prepare a simple hot meal with modified independence using a jar opener within 4 weeks.",
    "Notes recorded CPT 97535 and 97110 with timed and total minutes and were signed the same day.",
    "Reassessed at visit 10: grip 22 lb (from 8), pain 3/10 (from 6/10), QuickDASH 34 (from 68).",
    "If SpO2 drops below 90% during activity, then stop and notify the RN before continuing.",
    "Mrs. Alvarez was first seen on 03/14/2025 and can be reached at 555-201-3344.",
    "Blood pressure was 128/82 sitting and 118/76 standing; MoCA 22/30; Berg 41/56.",
    "Escalated new numbness to the surgeon's office the same day and documented the call.",
)
SIZES = (1_000, 3_000, 10_000)
RUNS = {1_000: 41, 3_000: 31, 10_000: 15}


def write_up(words: int) -> dict[str, str]:
    """A case write-up of about `words` words spread over its sections."""
    keys = get_kind("case_writeup").section_keys
    per_section = words // len(keys)
    fields = {}
    for index, key in enumerate(keys):
        parts, count, turn = [], 0, index
        while count < per_section:
            sentence = SENTENCES[turn % len(SENTENCES)]
            parts.append(sentence)
            count += len(sentence.split())
            turn += 1
        fields[key] = "\n".join(" ".join(parts[start : start + 4]) for start in range(0, len(parts), 4))
    return fields


def median_ms(fields: dict[str, str], runs: int) -> float:
    """Median time of `runs` checks, each on text no earlier check saw (a note of its own closes every
    section), so caches keyed on a section's text cannot make a repeat check look faster than a new one."""
    check_artifact("case_writeup", "outpatient", fields)  # warm-up: imports, per-word caches
    timings = []
    for run in range(runs):
        fresh = {key: f"{text}\nNote {run} on section {key}." for key, text in fields.items()}
        started = time.perf_counter()
        check_artifact("case_writeup", "outpatient", fresh)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    medians, words_of = {}, {}
    for size in SIZES:
        fields = write_up(size)
        words_of[size] = sum(len(text.split()) for text in fields.values())
        medians[size] = median_ms(fields, RUNS[size])
        print(f"rubric_words_{size}_actual={words_of[size]}")
        print(f"rubric_median_ms_{size}={medians[size]:.2f}")
    per_word_small = medians[1_000] / words_of[1_000]
    per_word_large = medians[10_000] / words_of[10_000]
    print(f"rubric_per_word_ratio_10000_vs_1000={per_word_large / per_word_small:.2f}")
    print(f"rubric_3000_under_30ms={'yes' if medians[3_000] < 30 else 'no'}")


if __name__ == "__main__":
    main()
