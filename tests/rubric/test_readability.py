"""Syllables, sentences, Flesch-Kincaid grade and SMOG, checked against counts done by hand."""

import dataclasses
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portfolios.rubric import readability
from portfolios.rubric.readability import (
    Readability,
    combine,
    measure,
    score_sentences,
    split_sentences,
    syllable_count,
    words_in,
)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("the", 1),
        ("walked", 1),
        ("homes", 1),
        ("please", 1),
        ("table", 2),
        ("people", 2),
        ("places", 2),
        ("boxes", 2),
        ("wanted", 2),
        ("swelling", 2),
        ("bathroom", 2),
        ("therapy", 3),
        ("remember", 3),
        ("understand", 3),
        ("beautiful", 3),
        ("possible", 3),
        ("medication", 4),
        ("activities", 4),
        ("independence", 4),
        ("occupational", 5),
        ("rehabilitation", 6),
    ],
)
def test_it_counts_syllables_as_counted_by_hand(word, syllables):
    assert syllable_count(word) == syllables


def test_it_counts_syllables_the_same_whatever_the_case():
    assert syllable_count("Medication") == syllable_count("MEDICATION") == syllable_count("medication") == 4


def test_it_adds_up_the_parts_of_a_hyphenated_word():
    assert syllable_count("long-handled") == syllable_count("long") + syllable_count("handled") == 3


def test_it_ignores_apostrophes_in_contractions():
    assert syllable_count("don't") == 1
    assert syllable_count("you\u2019ll") == 1


def test_it_counts_a_number_as_roughly_one_syllable_per_digit():
    assert [syllable_count(n) for n in ("3", "10", "100", "2024")] == [1, 2, 3, 4]


def test_it_falls_back_to_vowel_groups_for_words_the_dictionary_cannot_split():
    assert syllable_count("caf\u00e9") == 2
    assert syllable_count("zzz") == 1
    assert syllable_count("") == 0


def test_it_finds_words_including_numbers_and_contractions():
    assert words_in("Don't lift 10 pounds, okay?") == ["Don't", "lift", "10", "pounds", "okay"]


def test_it_splits_sentences_on_end_marks_and_line_breaks_and_skips_wordless_ones():
    assert split_sentences("Sit down. Stand up!\nWalk to the door\n---\n") == [
        "Sit down.",
        "Stand up!",
        "Walk to the door",
    ]


def test_it_measures_a_hand_counted_plain_passage():
    # The(1) cat(1) sat(1) on(1) the(1) mat(1). It(1) was(1) hap-py(2).
    result = measure("The cat sat on the mat. It was happy.")
    assert (result.words, result.sentences, result.syllables, result.polysyllables) == (9, 2, 10, 0)
    assert result.fkgl == pytest.approx(0.39 * 9 / 2 + 11.8 * 10 / 9 - 15.59)
    assert result.smog == pytest.approx(3.1291)


def test_it_measures_a_hand_counted_passage_with_long_words():
    # Oc-cu-pa-tion-al(5) ther-a-py(3) helps(1) you(1) do(1) ev-ery-day(3) ac-tiv-i-ties(4).
    # Please(1) prac-tice(2) at(1) home(1).
    result = measure("Occupational therapy helps you do everyday activities. Please practice at home.")
    assert (result.words, result.sentences, result.syllables, result.polysyllables) == (11, 2, 23, 4)
    assert result.fkgl == pytest.approx(0.39 * 11 / 2 + 11.8 * 23 / 11 - 15.59)
    assert result.smog == pytest.approx(1.043 * math.sqrt(4 * 30 / 2) + 3.1291)
    assert result.grade == pytest.approx(max(result.fkgl, result.smog))


def test_it_grades_long_words_and_long_sentences_higher():
    plain = measure("Keep your leg up. It helps the swelling go down.")
    clinical = measure("Elevate the affected lower extremity consistently to minimize postoperative edema formation.")
    assert clinical.fkgl > plain.fkgl + 10
    assert clinical.smog > plain.smog


def test_it_scores_already_split_sentences_like_the_whole_text():
    text = "Sit on the bed.\nPut on your socks with the sock aid.\nStand up slowly."
    assert score_sentences(split_sentences(text)) == measure(text)


def test_it_returns_zero_grades_for_text_without_words():
    for text in ("", "   \n\n", "... --- !!!"):
        assert measure(text) == Readability(0, 0, 0, 0, 0.0, 0.0)


def test_its_result_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        measure("Walk.").fkgl = 1.0


@given(st.text())
def test_it_never_raises_on_any_unicode_text(text):
    result = measure(text)
    assert result.words >= result.sentences >= 0
    assert result.syllables >= result.words
    assert math.isfinite(result.fkgl) and math.isfinite(result.smog)


def test_it_combines_parts_into_the_result_for_the_whole_text():
    parts = ["Sit on the bed.", "Put on your socks with the sock aid.", "Stand up slowly, then walk to the door."]
    assert combine(measure(part) for part in parts) == measure("\n".join(parts))
    assert combine([]) == Readability(0, 0, 0, 0, 0.0, 0.0)


def test_word_level_counts_long_words_and_sentence_length_without_a_formula():
    level = readability.word_level("Utilization of compensatory methodology. Sit down.")
    assert (level.words, level.sentences) == (6, 2)
    assert level.long_words == 3  # utilization, compensatory, methodology
    assert level.mean_sentence_length == 3.0
    assert readability.word_level("Move 10 times.").long_words == 0  # numbers are not long words
    assert readability.word_level("").long_word_ratio == 0.0
