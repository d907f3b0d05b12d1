"""Assist levels as OTs write them, and the ordinal scale used to compare them.

Shared vocabulary for every check family that reads assist levels (goals, case write-ups,
handoffs). It recognises the words and abbreviations clinicians use ("Mod A", "min assist",
"CGA", "SBA", "supv", "set-up", "mod I", "I", "dependent"), Section GG codes 01-06, and cue
counts ("2 verbal cues", "no more than 1 prompt", "min v/c").

The scale follows domain-checks.md §3.4 POC-PROG, worst to best:
Dep < Max < Mod < Min < CGA < Sup < Setup < Mod I < I.
A mention carries a rank range (low, high) because some wordings span two levels:
"min-mod A" is Mod..Min and GG 04 ("supervision or touching") is CGA..Sup.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache

DEPENDENT, MAX, MOD, MIN, CGA, SUPERVISION, SETUP, MOD_I, INDEPENDENT = range(9)

LEVEL_LABELS: dict[int, str] = {
    DEPENDENT: "Dependent",
    MAX: "Max A",
    MOD: "Mod A",
    MIN: "Min A",
    CGA: "CGA",
    SUPERVISION: "Supervision",
    SETUP: "Set-up",
    MOD_I: "Mod I",
    INDEPENDENT: "Independent",
}

# Section GG self-care codes (IRF-PAI, OASIS) mapped onto the scale. 03 "partial/moderate" and
# 04 "supervision or touching" each cover two of our words, so they carry a range.
GG_RANKS: dict[str, tuple[int, int]] = {
    "01": (DEPENDENT, DEPENDENT),
    "02": (MAX, MAX),
    "03": (MOD, MIN),
    "04": (CGA, SUPERVISION),
    "05": (SETUP, SETUP),
    "06": (MOD_I, INDEPENDENT),
}
GG_NOT_ATTEMPTED = ("07", "09", "10", "88")


@dataclass(frozen=True)
class AssistMention:
    """One assist level found in a text: where it is and which ranks it may mean."""

    start: int
    end: int
    low: int
    high: int
    text: str

    @property
    def label(self) -> str:
        if self.low == self.high:
            return LEVEL_LABELS[self.low]
        return f"{LEVEL_LABELS[self.low]}–{LEVEL_LABELS[self.high]}"

    def clearly_below_or_equal(self, other: AssistMention) -> bool:
        """True when even the best reading of this level does not beat the worst reading of `other`."""
        return self.high <= other.low

    def clearly_above(self, other: AssistMention) -> bool:
        """True when even the worst reading of this level is better than the best reading of `other`."""
        return self.low > other.high


# --- Case folding -----------------------------------------------------------------------------
# `re.IGNORECASE` switches off the fast literal paths of Python's regex engine (several times slower
# on long sections), so the checks lower-case ASCII letters once and match lower-case patterns.
# `fold` keeps every character in place, so offsets found in the folded text are offsets in the original.
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_ESCAPE_OR_CHAR = re.compile(r"\\.|.", re.DOTALL)


def fold(text: str) -> str:
    """`text` lower-cased with every character kept in place (same length, same offsets)."""
    lowered = text.lower()
    # A few characters grow when lower-cased ("İ" becomes two); then only ASCII letters are folded.
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


def folded(pattern: str) -> re.Pattern[str]:
    """Compile `pattern` to run on `fold`ed text: letters lower-cased, escapes such as \\S left alone."""
    lowered = "".join(piece if piece.startswith("\\") else piece.lower() for piece in _ESCAPE_OR_CHAR.findall(pattern))
    return re.compile(lowered.replace("(?p<", "(?P<"))


# --- Assist levels ----------------------------------------------------------------------------
_WORD_RANK = {"min": MIN, "mod": MOD, "max": MAX}
_ASSIST_NOUN = r"(?:physical\s+|hands[- ]on\s+)?(?:\(?a\)?(?![\w'])|assist(?:ance|ed)?\b)"

# Each wording of each level, longest first within a level ("modified independent" before "independent",
# "min-mod A" before "min A"). Every repetition is bounded, so matching stays linear.
_LEVEL_WORDINGS: tuple[tuple[str, str], ...] = (
    (
        "range",
        r"(?:min|mod|max)(?:imal|imum|erate)?\.?\s{0,2}(?:-|–|/|to)\s{0,2}(?:min|mod|max)(?:imal|imum|erate)?\.?[\s-]{0,2}"
        + _ASSIST_NOUN,
    ),
    ("mod_i", r"mod(?:ified)?\.?[\s-]{0,2}(?:i\b(?!['’])|ind\b\.?|indep\b\.?|independen(?:t|ce|tly)\b)"),
    ("min", r"min(?:imal|imum)?\.?[\s-]{0,2}" + _ASSIST_NOUN),
    ("mod", r"mod(?:erate)?\.?[\s-]{0,2}" + _ASSIST_NOUN),
    ("max", r"max(?:imal|imum)?\.?[\s-]{0,2}" + _ASSIST_NOUN + r"|hand[- ]over[- ]hand\b|hoh\b"),
    (
        "dep",
        r"dependent\b|dependence\b|dep\b\.?|total(?:ly)?\s+(?:assist(?:ance)?\b|a\b|dependent)"
        r"|(?:2|two)[- ]person\s+assist(?:ance)?\b|\+2\s+assist\b",
    ),
    (
        "cga",
        r"cga\b|contact[- ]guard(?:\s+assist(?:ance)?)?\b|touching\s+assist(?:ance)?\b|steadying\s+assist(?:ance)?\b",
    ),
    ("sup", r"supervision\b|supervised\b|supv\b\.?|sba\b|stand[- ]?by\s+assist(?:ance)?\b|stand[- ]?by\b"),
    (
        "setup",
        r"(?:with|w/|requires?|required|requiring|needs?|needed|at|after|given)\s+(?:meal\s+|tray\s+|a\s+)?set[- ]?up\b"
        r"|set[- ]?up(?=\s{0,2}(?:only|assist|a\b|level|\)|/))",
    ),
    (
        "ind",
        r"independen(?:t|ce|tly)\b|indep\b\.?|without\s+(?:any\s+)?(?:physical\s+)?assist(?:ance)?\b"
        # the same level in plain words: "without help", "with no help", "unaided", "on her own" (not "lives on her own")
        r"|without\s+(?:any\s+)?help\b|(?:with|needing|needs|requiring)\s+no\s+(?:help|assistance)\b|unaided\b"
        r"|(?<!lives\s)(?<!live\s)(?<!lived\s)(?<!living\s)on\s+(?:her|his|their)\s+own\b",
    ),
)
# One scan finds candidates; the wording that matched is then looked up at that position only.
_LEVELS = folded(
    r"(?=[a-z2+:(])(?:\b(?:" + "|".join(pattern for _, pattern in _LEVEL_WORDINGS) + r")|[:(]\s{0,2}set[- ]?up\b)"
)
_LEVEL_KINDS = tuple((kind, folded(r"\b(?:" + pattern + ")")) for kind, pattern in _LEVEL_WORDINGS)
_RANGE_WORDS = folded(r"min|mod|max")
_SETUP_AFTER_PUNCTUATION = folded(r"[:(]\s{0,2}set[- ]?up\b")

# A bare capital "I" means independent only where a level is expected ("at I", "to I", "(I)"), or as the
# complement of a linking verb, as notes write goals ("Pt will be I w/ LB dressing", "remains I").
_BARE_I = re.compile(r"(?<![\w'’])I(?![\w'’])")
_BARE_I_BEFORE = folded(r"(?:\bwith|\bat|\bto|\bw/|:|=|@|\bbe|\bis|\bwas|\bremains?|\bbecomes?|\bstays?)\s$|\($")

# "increase independence" names a direction, not a level.
_VAGUE_INDEPENDENCE = folded(
    r"(?:increase|increased|improve|improved|maximi[sz]e|promote|enhance|optimi[sz]e|regain|restore|greater|more"
    r"|towards?|of|for|max|maximal)\s+(?:(?:her|his|their|the|overall|functional)\s+){0,2}$"
)
# "5 min a day": "min" after a number is minutes, not minimal assist.
_AFTER_NUMBER = re.compile(r"\d\s{0,2}$")

# --- Section GG codes -------------------------------------------------------------------------
_GG_CONTEXT = folded(r"\bgg\b|gg\d{4}")
# A code introduced by an admission/discharge word or "GG" ("admission 02", "d/c goal 04", "GG 05").
# The not-attempted codes (07, 09, 10, 88) count only here, where no other reading is likely.
_NOT_A_UNIT = r"(?![\d/:%]|\.\d)(?!\s{0,2}(?:days?|d\b|wks?|weeks?|months?|min|ft|feet|visits?|sessions?|x\b|times))"
_GG_INTRODUCED = folded(
    r"\b(?:gg(?:\s{0,2}(?:code|score|level))?|admission|admit|adm\b\.?|discharge(?:\s+goal)?"
    r"|d/c(?:\s+goal)?|dc(?:\s+goal)?)\s{0,2}(?:of\s+|=\s{0,2}|:\s{0,2})?(?P<code>0[1-79]|10|88)" + _NOT_A_UNIT
)
# Looser introducers ("goal 04", "= 04", ": 05") only for the scored codes 01-06.
_GG_INTRODUCED_LOOSE = folded(r"(?:\bgoal|\bscore|\bcode|=|:)\s{0,2}(?:of\s+)?(?P<code>0[1-6])" + _NOT_A_UNIT)
# A code followed by its GG label ("04 - supervision", "06 (independent)").
_GG_LABELLED = folded(
    r"(?<![\d/.:$])\b(?P<code>0[1-6])\s{0,2}[-–=(:]?\s{0,2}\(?\s{0,2}"
    r"(?:independent|set[- ]?up|supervision|partial|substantial|dependent|touching)"
)
_ANY_CODE = re.compile(r"0[1-79]|10|88")
_GG_BARE = re.compile(r"(?<![\d/.:$])\b(?P<code>0[1-79]|10|88)\b(?![/.:%]\d|%)")

# --- Cues -------------------------------------------------------------------------------------
_QUANTITY = (
    r"(?:\d{1,3}|zero|one|two|three|four|five|no|fewer\s+than\s+\d{1,3}|less\s+than\s+\d{1,3}"
    r"|no\s+more\s+than\s+\d{1,3}|max(?:imum)?\s+of\s+\d{1,3}|up\s+to\s+\d{1,3}|\d{1,3}\s{0,2}[-–]\s{0,2}\d{1,3}"
    r"|\d{1,3}\s+or\s+(?:fewer|less)|min(?:imal|imum)?|mod(?:erate)?|max(?:imal|imum)?|occasional|intermittent"
    r"|frequent|constant|few|without|independent\s+of)"
)
_CUE_NOUN = r"(?:cues?|cueing|prompts?|prompting|models?|modell?ing|reminders?|redirections?|v/?cs?\b|t/?cs?\b)"
# Only cue kinds may stand between the count and the noun: "5 minutes with adult prompts" is no cue count.
_CUE_KIND = (
    r"(?:verbal|visual|tactile|physical|gestural|written|model(?:ing)?|additional|hands[- ]on|environmental|auditory"
    r"|picture|pictorial|indirect|direct|simple|one[- ]step|cognitive|safety|sequencing|adult|teacher"
    # who gives it: "no more than 1 parent reminder"
    r"|parent|caregiver|staff|aide|peer|family|spouse|therapist)"
)
_CUES = folded(
    r"(?=[\da-z≤<])"  # a count, a level word or a sign: skip other positions fast
    r"(?:\b"
    + _QUANTITY
    + r"|(?:≤|<=?)\s{0,2}\d{1,3})\s{1,3}(?:"
    + _CUE_KIND
    + r"(?:\s{0,2}(?:and|or|/|,)\s{0,2}|\s{1,3})){0,3}"
    + _CUE_NOUN
    + r"|\b(?:v/?cs?|t/?cs?|cues?|prompts?)\s{0,2}x\s{0,2}\d{1,2}\b"
)


def find_levels(text: str) -> list[AssistMention]:
    """Every physical assist level in `text` (words, abbreviations and GG codes), in order."""
    return list(_find_levels(text))


# Goals are read several times (COAST, measurability, progression): remember recent answers.
@lru_cache(maxsize=256)
def _find_levels(text: str) -> tuple[AssistMention, ...]:
    lowered = fold(text)
    found: list[AssistMention] = []
    for match in _LEVELS.finditer(lowered):
        kind = _level_kind(lowered, match)
        if kind in ("min", "mod", "max") and _AFTER_NUMBER.search(lowered, max(0, match.start() - 4), match.start()):
            continue
        if kind == "ind" and _VAGUE_INDEPENDENCE.search(lowered, max(0, match.start() - 40), match.start()):
            continue
        if kind == "range":
            first, second = (_WORD_RANK[word] for word in _RANGE_WORDS.findall(match.group())[:2])
            low, high = min(first, second), max(first, second)
        else:
            low = high = _KIND_RANK[kind]
        found.append(AssistMention(match.start(), match.end(), low, high, text[match.start() : match.end()]))
    for match in _BARE_I.finditer(text):
        if _BARE_I_BEFORE.search(lowered, max(0, match.start() - 9), match.start()):
            found.append(AssistMention(match.start(), match.end(), INDEPENDENT, INDEPENDENT, match.group()))
    for start, end, code in _gg_codes(lowered):
        if code in GG_RANKS:
            low, high = GG_RANKS[code]
            found.append(AssistMention(start, end, low, high, f"GG {code}"))
    found.sort(key=lambda mention: mention.start)
    return tuple(_drop_overlaps(found))


def find_gg_codes(text: str) -> list[tuple[int, int, str]]:
    """GG codes (01-06, 07, 09, 10, 88) as (start, end, code).

    A bare two-digit number counts only when the text mentions GG; otherwise the code must be
    introduced ("admission 02", "d/c goal 04", "= 05") or labelled ("04 - supervision").
    """
    return _gg_codes(fold(text))


def find_cues(text: str) -> list[tuple[int, int]]:
    """Cue or prompt counts and levels ("2 verbal cues", "min v/c", "no more than 1 prompt")."""
    return [(match.start(), match.end()) for match in _CUES.finditer(fold(text))]


def mentions_assist(text: str) -> bool:
    """True when `text` states an assist level, a GG code or a cue count/level (COAST "A")."""
    return bool(find_levels(text) or _CUES.search(fold(text)))


_KIND_RANK = {
    "mod_i": MOD_I,
    "min": MIN,
    "mod": MOD,
    "max": MAX,
    "dep": DEPENDENT,
    "cga": CGA,
    "sup": SUPERVISION,
    "setup": SETUP,
    "ind": INDEPENDENT,
}


def _level_kind(lowered: str, match: re.Match[str]) -> str:
    if _SETUP_AFTER_PUNCTUATION.match(lowered, match.start()):
        return "setup"
    for kind, pattern in _LEVEL_KINDS:
        found = pattern.match(lowered, match.start())
        if found and found.end() == match.end():
            return kind
    return "ind"  # unreachable: every candidate comes from one of the wordings


def _gg_codes(lowered: str) -> list[tuple[int, int, str]]:
    if not _ANY_CODE.search(lowered):
        return []  # cheap literal scan first: most sentences hold no two-digit code at all
    spans: dict[int, tuple[int, int, str]] = {}
    for match in (*_GG_INTRODUCED.finditer(lowered), *_GG_INTRODUCED_LOOSE.finditer(lowered)):
        spans.setdefault(match.start("code"), (match.start("code"), match.end("code"), match.group("code")))
    for match in _GG_LABELLED.finditer(lowered):
        spans.setdefault(match.start("code"), (match.start("code"), match.end("code"), match.group("code")))
    if _GG_CONTEXT.search(lowered):
        for match in _GG_BARE.finditer(lowered):
            spans.setdefault(match.start("code"), (match.start("code"), match.end("code"), match.group("code")))
    return [spans[key] for key in sorted(spans)]


def _drop_overlaps(mentions: list[AssistMention]) -> list[AssistMention]:
    kept: list[AssistMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
