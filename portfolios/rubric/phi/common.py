"""What every PHI family shares: the Identifier type and small helpers that read words around a match.

Families receive the normalised text (`normalise.normalise`) and its ASCII lower-cased twin,
both the same length, and yield `Identifier` spans into it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache

ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


@dataclass(frozen=True)
class Identifier:
    """One identifier found in a text: where it is and which Safe Harbor type it belongs to."""

    start: int
    end: int
    type: str

    @property
    def check(self) -> str:
        return f"phi.{self.type}"


def clean_start(text: str, start: int, glue: str = "") -> bool:
    """True when the character before `start` does not glue the match to a longer word or number."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_" or before in glue)


def window_before(text: str, start: int, size: int) -> str:
    """Up to `size` characters before `start`, cut at the last line break."""
    window = text[max(0, start - size) : start]
    cut = max(window.rfind("\n"), window.rfind("\r"))
    return window[cut + 1 :] if cut >= 0 else window


def window_after(text: str, end: int, size: int) -> str:
    window = text[end : end + size]
    cut = window.find("\n")
    return window[:cut] if cut >= 0 else window


WORD_TOKEN = re.compile(r"[a-z][a-z/'’.-]*|#")
# The same words with their trailing dots left out by the pattern itself, so no second pass strips them.
_BARE_WORD = re.compile(r"[a-z](?:[a-z/'’.-]*[a-z/'’-])?|#")


def words_before(lower: str, start: int, size: int = 30) -> list[str]:
    """The lower-case words just before `start` (same line), trailing dots stripped."""
    return _BARE_WORD.findall(window_before(lower, start, size))


def words_after(lower: str, end: int, size: int = 30) -> list[str]:
    return _BARE_WORD.findall(window_after(lower, end, size))


# Every character but a lower-case letter becomes a space: `split` then gives the words.
_LETTERS_ONLY = str.maketrans({chr(code): " " for code in range(128) if not chr(code).islower()})


@lru_cache(maxsize=8)
def letter_words(lower: str) -> frozenset[str]:
    """The set of letter-only words in a lower-cased text, computed once per text for every family.

    A pass gated on a word ("county", "icu") asks this set instead of scanning the text again.
    """
    return frozenset(lower.translate(_LETTERS_ONLY).split())


def matched(match: re.Match[str], group: str) -> bool:
    return match.start(group) >= 0
