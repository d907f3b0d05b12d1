"""Fold text to the plain ASCII the PHI patterns read, and map spans back to the original characters.

A writer (or a paste from an EHR) can hide an identifier from plain patterns without meaning to:
a non-breaking or zero-width space inside a name, an en dash in a phone number, fullwidth
digits, a Cyrillic "а" that looks like a Latin "a", an accent the Census lists do not carry.
`normalise` undoes each of these one character at a time (NFKC, look-alike letters folded,
accents dropped, every dash a hyphen, every space a space, zero-width characters removed) and
returns the folded text with a `Folded` map from its offsets back to the original's, so every
finding still points at exactly the characters the writer typed.

Pure-ASCII text, by far the common case, is returned as it is with no map.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"}
# Letters from other scripts that look like Latin ones (Cyrillic, Greek): the folding a reader's
# eye does. Only letters that are near-identical in common fonts are listed.
_LOOK_ALIKES = dict(
    zip(
        "аеорсухіјѕԁһкмтвнАВЕКМНОРСТХІЈЅУԜαεοριτυνκχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijsdhkmtbhABEKMHOPCTXIJSYWaeopitvvkxABEZHIKMNOPTYX",
        strict=True,
    )
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def fold_character(char: str) -> str:
    """What one non-ASCII character stands for in plain text ("" for a zero-width character)."""
    if char in _ZERO_WIDTH:
        return ""
    if char in _DASHES:
        return "-"
    if char in _QUOTES:
        return _QUOTES[char]
    if char in _LOOK_ALIKES:
        return _LOOK_ALIKES[char]
    if unicodedata.category(char) == "Zs":
        return " "
    compatible = unicodedata.normalize("NFKC", char)
    folded = "".join(
        part for part in unicodedata.normalize("NFKD", compatible) if not unicodedata.combining(part)
    ).translate(_LOOK_ALIKES_TABLE)
    if folded and folded.isascii():
        return folded
    return compatible if len(compatible) == 1 else char


_LOOK_ALIKES_TABLE = str.maketrans(_LOOK_ALIKES)


@dataclass(frozen=True)
class Folded:
    """Where each character of the folded text came from: `origin[i]` is its offset in the original."""

    origin: tuple[int, ...]
    length: int  # of the original text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering folded characters start..end."""
        if end <= start:
            return self.origin[start] if start < len(self.origin) else self.length, self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> tuple[str, Folded | None]:
    """The folded text, and the map back to `text` (None when nothing changed length or place)."""
    if text.isascii():
        return text, None
    pieces: list[str] = []
    origin: list[int] = []
    position = 0
    same_length = True
    for match in _NON_ASCII.finditer(text):
        start = match.start()
        pieces.append(text[position:start])
        origin.extend(range(position, start))
        folded = fold_character(match.group())
        pieces.append(folded)
        origin.extend([start] * len(folded))
        same_length = same_length and len(folded) == 1
        position = start + 1
    pieces.append(text[position:])
    origin.extend(range(position, len(text)))
    folded_text = "".join(pieces)
    if same_length:
        return folded_text, None
    return folded_text, Folded(tuple(origin), len(text))
