"""Reading-grade measures for patient-facing text: syllables, Flesch-Kincaid grade and SMOG.

Pure functions over plain strings, written here rather than taken from textstat, which
downloads a pronunciation dictionary at run time. Syllables come from pyphen's offline
en_US hyphenation dictionary, with a small vowel-group count for words it cannot split.

    FKGL = 0.39 * words/sentences + 11.8 * syllables/words - 15.59
    SMOG = 1.043 * sqrt(polysyllables * 30 / sentences) + 3.1291   (polysyllable: 3+ syllables)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from portfolios.rubric.text import iter_sentences

# Built once: loading the dictionary is the slow part.
_HYPHENATOR = pyphen.Pyphen(lang="en_US")

# A word: letters with inner apostrophes or hyphens ("don't", "long-handled"); or a number.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|\d+(?:[.,:/]\d+)*")
_VOWEL_GROUP = re.compile(r"[aeiouy\u00e0-\u00e6\u00e8-\u00ef\u00f2-\u00f6\u00f8-\u00fc\u00ff\u0153]+")
# "-es" is its own syllable after these sounds: boxes, houses, places, pages, wishes.
_SYLLABIC_ES = re.compile(r"(?:s|x|z|ch|sh|c|g)es$")


@dataclass(frozen=True)
class Readability:
    """Counts and grade levels for a piece of text (grades are 0.0 when there are no words)."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int
    fkgl: float
    smog: float

    @property
    def grade(self) -> float:
        """The higher of the two grade estimates."""
        return max(self.fkgl, self.smog)


def words_in(text: str) -> list[str]:
    """The words of a text, in order (numbers count as words)."""
    return _WORD.findall(text)


@lru_cache(maxsize=16384)
def syllable_count(word: str) -> int:
    """Syllables in one word: pyphen's split points plus one, or a vowel-group count when it cannot split."""
    if not word:
        return 0
    if word[0].isdigit():
        # Roughly one syllable per digit: "3" is one, "10" two, "100" three; long numbers are capped.
        return min(4, sum(ch.isdigit() for ch in word)) or 1
    # A hyphenated compound is a single word whose parts are counted one by one.
    return sum(_part_syllables(part.lower()) for part in word.split("-") if part)


# Longer "words" are pasted junk (URLs, runs of letters); pyphen's cost grows with length, so they
# get the vowel-group count instead.
_MAX_DICTIONARY_WORD = 40


def _part_syllables(word: str) -> int:
    word = word.replace("'", "").replace("\u2019", "")
    if not word:
        return 0
    if len(word) > _MAX_DICTIONARY_WORD:
        return _vowel_groups(word)
    positions = _HYPHENATOR.positions(word)
    if positions:
        return len(positions) + 1
    return _vowel_groups(word)


def _vowel_groups(word: str) -> int:
    """Fallback for words pyphen leaves whole (mostly short words): count vowel groups, minus silent endings."""
    count = len(_VOWEL_GROUP.findall(word))
    if count > 1:
        if word.endswith("e") and not (word.endswith("le") and len(word) > 2 and word[-3] not in "aeiouy"):
            count -= 1  # silent final e: "make", "home" (but "ta-ble", "peo-ple" keep theirs)
        elif word.endswith("ed") and len(word) > 2 and word[-3] not in "td":
            count -= 1  # "walked", "lived" (but "want-ed", "need-ed")
        elif word.endswith("es") and not _SYLLABIC_ES.search(word):
            count -= 1  # "homes", "makes" (but "box-es", "plac-es")
    return max(count, 1)


def split_sentences(text: str) -> list[str]:
    """Sentences of a text that hold at least one word (split on . ! ? and line breaks)."""
    return [span.text for span in iter_sentences(text) if _WORD.search(span.text)]


def score_sentences(sentences: Iterable[str]) -> Readability:
    """Counts and grades over already-split sentences (sentences without words are not counted)."""
    total_sentences = total_words = total_syllables = polysyllables = 0
    for sentence in sentences:
        words = words_in(sentence)
        if not words:
            continue
        total_sentences += 1
        total_words += len(words)
        for word in words:
            count = syllable_count(word)
            total_syllables += count
            polysyllables += count >= 3
    return _graded(total_words, total_sentences, total_syllables, polysyllables)


def combine(parts: Iterable[Readability]) -> Readability:
    """The result for a text made of these parts, from their counts (no recounting of syllables)."""
    parts = tuple(parts)
    return _graded(
        sum(part.words for part in parts),
        sum(part.sentences for part in parts),
        sum(part.syllables for part in parts),
        sum(part.polysyllables for part in parts),
    )


def _graded(words: int, sentences: int, syllables: int, polysyllables: int) -> Readability:
    if not words:
        return Readability(0, 0, 0, 0, 0.0, 0.0)
    fkgl = 0.39 * words / sentences + 11.8 * syllables / words - 15.59
    smog = 1.043 * math.sqrt(polysyllables * 30 / sentences) + 3.1291
    return Readability(words, sentences, syllables, polysyllables, fkgl, smog)


def measure(text: str) -> Readability:
    """Counts and grades for a text, split into sentences on . ! ? and line breaks."""
    return score_sentences(split_sentences(text))


@dataclass(frozen=True)
class WordLevel:
    """Word-level signals for a text too short for a grade formula."""

    words: int
    sentences: int
    long_words: int  # words of three or more syllables (numbers excluded)

    @property
    def long_word_ratio(self) -> float:
        return self.long_words / self.words if self.words else 0.0

    @property
    def mean_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


def word_level(text: str) -> WordLevel:
    """Counts of words, sentences and long (3+ syllable) words, for judging a few sentences by their words."""
    sentences = split_sentences(text)
    words = [word for sentence in sentences for word in words_in(sentence)]
    long_words = sum(1 for word in words if not word[0].isdigit() and syllable_count(word) >= 3)
    return WordLevel(len(words), len(sentences), long_words)


# Words nearly every English sentence of four or more words holds, and few sentences of other languages do
# ("a", "no", "me" and "he" are left out: Spanish, Italian and Portuguese use them too).
_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "and",
        "to",
        "of",
        "you",
        "your",
        "is",
        "it",
        "in",
        "on",
        "for",
        "with",
        "that",
        "this",
        "be",
        "are",
        "do",
        "if",
        "when",
        "what",
        "how",
        "will",
        "can",
        "i",
        "we",
        "she",
        "they",
        "my",
        "his",
        "her",
        "not",
        "at",
        "from",
        "or",
        "as",
        "by",
        "before",
        "after",
        "so",
        "but",
        "have",
        "has",
        "was",
        "were",
        "an",
        "our",
        "their",
        "them",
        "him",
        "up",
        "out",
        "don't",
        "it's",
        "i'm",
        "you're",
        "can't",
        "won't",
    ]
)
MIN_WORDS_TO_JUDGE_LANGUAGE = 4


def is_english(sentence: str) -> bool:
    """False for a sentence of four or more words holding no English function word: another language."""
    words = [word.lower().replace("\u2019", "'") for word in words_in(sentence) if not word[0].isdigit()]
    if len(words) < MIN_WORDS_TO_JUDGE_LANGUAGE:
        return True
    return any(word in _ENGLISH_FUNCTION_WORDS for word in words)


def english_part(text: str) -> str:
    """The English sentences of a text written in two languages (a script with its translation); else the text.

    A bilingual script is graded on the words the English reader gets: grading its other language by English
    syllable rules says nothing about how plain it is.
    """
    spans = list(iter_sentences(text))
    english = [span.text for span in spans if is_english(span.text)]
    if not english or len(english) == len(spans):
        return text
    return "\n".join(english)
