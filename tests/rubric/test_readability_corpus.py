"""The grade measures rank hand-written education texts at the reading level they were written for.

`corpus/education_texts.jsonl` holds patient-education texts written for this test at four
reading levels (grade 3-4, 5-6, 8-9 and 12+), at least 10 sentences each. Run with `-s` to see
the figures.
"""

import json
from itertools import pairwise
from pathlib import Path
from statistics import mean

import pytest

from portfolios.rubric.readability import measure

CORPUS = Path(__file__).parent / "corpus" / "education_texts.jsonl"
BANDS = ("3-4", "5-6", "8-9", "12+")
TOLERANCE = 1.0  # grades either side of the band still count as a match
REQUIRED_SHARE = 0.9


def _band_limits(band: str) -> tuple[float, float]:
    if band.endswith("+"):
        return float(band[:-1]), float("inf")
    low, high = band.split("-")
    return float(low), float(high)


def _in_band(grade: float, band: str) -> bool:
    low, high = _band_limits(band)
    # A band "5-6" covers grades from 5.0 up to (not including) 7.0.
    return low - TOLERANCE <= grade < high + 1 + TOLERANCE


@pytest.fixture(scope="module")
def corpus():
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row, measure(row["text"])) for row in rows]


def test_the_corpus_has_enough_long_texts_in_every_band(corpus):
    assert len(corpus) >= 12
    assert {row["band"] for row, _ in corpus} == set(BANDS)
    for row, result in corpus:
        assert result.sentences >= 10, f"{row['id']} has only {result.sentences} sentences"


def test_flesch_kincaid_puts_nine_texts_in_ten_in_their_labelled_band(corpus):
    print()
    matches = 0
    for row, result in corpus:
        hit = _in_band(result.fkgl, row["band"])
        matches += hit
        print(
            f"{row['id']:26} band {row['band']:>4}  FKGL {result.fkgl:5.1f}  SMOG {result.smog:5.1f}  "
            f"{'ok' if hit else 'MISS'}"
        )
    share = matches / len(corpus)
    print(f"in band (\u00b1{TOLERANCE:g} grade): {matches}/{len(corpus)} = {share:.0%}")
    assert share >= REQUIRED_SHARE


@pytest.mark.parametrize("measure_name", ["fkgl", "smog"])
def test_both_measures_rank_the_bands_in_order_on_average(corpus, measure_name):
    averages = [mean(getattr(result, measure_name) for row, result in corpus if row["band"] == band) for band in BANDS]
    print(
        f"\nmean {measure_name.upper()} by band: "
        + ", ".join(f"{b}: {a:.1f}" for b, a in zip(BANDS, averages, strict=True))
    )
    assert averages == sorted(averages)
    assert all(later - earlier >= 1.0 for earlier, later in pairwise(averages))
