"""Names of the client, relatives, household members and employers (A)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from portfolios.rubric.phi.common import Identifier, clean_start, window_after
from portfolios.rubric.phi.lists import (
    EPONYM_FOLLOWERS,
    FIRST_NAMES,
    STOPWORDS,
    SURNAMES,
    WORDLIKE_FIRST_NAMES,
    name_key,
    word_set,
)
from portfolios.rubric.phi.places import specific_words

# "Margaret", "McDonald", "O'Brien", "Ann-Marie". The pattern starts with [A-Z] so the engine can
# skip ahead; each capitalised word is then read with the words around it.
_NAME_WORD = r"[A-Z](?:[a-z]{0,2}[A-Z]|['’][A-Z])?[a-z]+(?:-[A-Z][a-z]+)?"
_CAPITALISED = re.compile(rf"{_NAME_WORD}(?=(?P<dot>\.?)[ \t]+(?P<next>{_NAME_WORD})(?![\w-]))?")
_NEXT_NAME_WORD = re.compile(rf"[ \t]+({_NAME_WORD})(?![\w-])")
_ACTS = re.compile(
    r"['’]s\b|[ \t]+(?:reports?|reported|states?|stated|said|says|asked|asks|agreed|agrees|declined|declines|"
    r"denies|denied|wants|wanted|prefers|preferred|demonstrated|verbalized|expressed|shared|told|explained|"
    r"described|enjoys|likes|loves|lives|lived|attended|returned|fell|cried|laughed|practiced|practised|"
    r"recalled|remembered)\b"
)
_TITLES = word_set("MR MRS MS MX MISS DR MISTER DOCTOR PROF")
_TITLE_STOP = word_set(
    "CLIENT PATIENT PT VISIT VISITS NOTE NOTES ORDER ORDERS OFFICE APPOINTMENT FOLLOW REFERRAL AND OR THE"
)
_RELATIONS = word_set(
    """
    wife husband spouse partner son daughter stepson stepdaughter brother sister mother father mom dad grandson
    granddaughter grandmother grandfather grandchild niece nephew cousin aunt uncle fiance fiancee fiancé fiancée
    caregiver aide friend neighbor neighbour roommate guardian dpoa poa named nicknamed
    """
)
_RELATION_PAIRS = frozenset({("goes", "by"), ("be", "called"), ("is", "called"), ("was", "called"), ("name", "is")})
_EMPLOYER_VERBS = word_set("works worked working employed job retired")
_EMPLOYER_LINKS = word_set("at for by from")


def _is_surname(word: str | None) -> bool:
    return bool(word) and name_key(word) in SURNAMES and name_key(word) not in STOPWORDS


def _eponym_follows(text: str, end: int) -> bool:
    after = window_after(text, end, 30).lstrip(" \t'’s")
    words = after.split(None, 1)
    return bool(words) and name_key(words[0]) in EPONYM_FOLLOWERS


def _name_cue(lower: str, start: int) -> str | None:
    """'relation' after "daughter", "wife", "named"...; 'employer' after "works at"; else None."""
    window = lower[max(0, start - 24) : start]
    words = window.replace(",", " ").replace("(", " ").replace(":", " ").split()[-2:]
    if not words or "\n" in window[window.rfind(words[-1]) :]:
        return None
    last = words[-1].strip("'’.-")
    if last in _RELATIONS:
        return "relation"
    if len(words) == 2:
        pair = (words[0].strip("'’.-"), last)
        if pair in _RELATION_PAIRS:
            return "relation"
        if last in _EMPLOYER_LINKS and pair[0] in _EMPLOYER_VERBS:
            return "employer"
    return None


def _third_word_end(text: str, next_end: int) -> int | None:
    """End of the capitalised word right after the next one ("Dr. Michael Chen"), if any."""
    third = _NEXT_NAME_WORD.match(text, next_end)
    return third.end(1) if third else None


def names(text: str, lower: str) -> Iterator[Identifier]:
    for match in _CAPITALISED.finditer(text):
        start = match.start()
        if not clean_start(text, start, "'’-"):
            continue
        following = match.group("next")
        word_end = start + len(match.group())
        next_end = match.end("next") if following else word_end
        # The next capitalised word counts only when nothing but spaces separates it ("Smith. Mary" does not).
        joined = following is not None and not match.group("dot")
        key = name_key(match.group())
        if key in _TITLES:
            if following and name_key(following) not in _TITLE_STOP and not _eponym_follows(text, next_end):
                third_end = _third_word_end(text, next_end)
                surname_follows = third_end is not None and _is_surname(text[next_end:third_end].strip())
                yield Identifier(start, third_end if surname_follows else next_end, "name")
            continue
        cue = _name_cue(lower, start)
        if cue == "employer":
            end = (_third_word_end(text, next_end) or next_end) if joined else word_end
            if specific_words(text[start:end])[1]:
                yield Identifier(start, end, "name")
            continue
        if key in STOPWORDS or key in _TITLE_STOP:
            continue
        if cue == "relation":
            yield Identifier(start, next_end if joined and _is_surname(following) else word_end, "name")
            continue
        if key not in FIRST_NAMES or key in WORDLIKE_FIRST_NAMES:
            continue
        if joined and _is_surname(following):
            if not _eponym_follows(text, next_end):
                yield Identifier(start, next_end, "name")
            continue
        if _ACTS.match(text, word_end) and not _eponym_follows(text, word_end):
            yield Identifier(start, word_end, "name")
