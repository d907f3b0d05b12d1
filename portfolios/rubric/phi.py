"""The PHI gate: flag the HIPAA Safe Harbor identifiers a portfolio artifact's text can carry.

Runs on every section of every kind. Each identifier found is one `error` finding on the
documentation row, with check id `phi.<type>` (`TYPES`) and a span covering just the
identifier, so the product can offer "replace with placeholder" (`PLACEHOLDERS`, `redact`).
`find_identifiers` gives the same spans for a bare string. Safe Harbor is 45 CFR
164.514(b)(2); letters in comments refer to its list (A names ... R other numbers).
Biometrics and photos (P, Q) cannot be carried by text and are not checked here.

Precision on clinical prose matters as much as recall: scores ("3/4 trials", "22/30"), blood
pressures ("128/82"), CPT and ICD-10 codes, eponyms ("Berg Balance Scale"), ages up to 89,
bare years and placeholders ("Client A", "[NAME]") pass. Date, SSN and Medicare MBI rules
follow Presidio (MIT), reimplemented because Presidio downloads models at run time. The
labelled corpus in tests/rubric/corpus/phi_sentences.jsonl measures recall and false positives.

Speed: each family (contact numbers, record numbers, dates and ages, places, names) makes a
few passes over a section; every pattern starts with a plain character class or word so
the regex engine can skip ahead, word boundaries and context words are checked in Python on
a bounded window, and no pattern backtracks over more than a few dozen characters, so cost
is linear in the length of the text (about 25 ms for a 10,000-word write-up).

Messages never repeat the identifier itself: findings are stored and shown to others.
"""

from __future__ import annotations

import bisect
import ipaddress
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import Finding
from portfolios.rubric.phi_names import (
    EPONYM_FOLLOWERS,
    FIRST_NAMES,
    STOPWORDS,
    SURNAMES,
    WORDLIKE_FIRST_NAMES,
    name_key,
    word_set,
)
from portfolios.rubric.rows import DOCUMENTATION
from portfolios.rubric.text import finding

TYPES: tuple[str, ...] = (
    "name",
    "geo",
    "date",
    "age",
    "phone",
    "fax",
    "email",
    "ssn",
    "mrn",
    "health_plan",
    "account",
    "license",
    "vehicle",
    "device",
    "url",
    "ip",
    "other_id",
)

PLACEHOLDERS: dict[str, str] = {
    "phi.name": "[NAME]",
    "phi.geo": "[LOCATION]",
    "phi.date": "[DATE]",
    "phi.age": "[AGE 90+]",
    "phi.phone": "[PHONE]",
    "phi.fax": "[FAX]",
    "phi.email": "[EMAIL]",
    "phi.ssn": "[SSN]",
    "phi.mrn": "[MRN]",
    "phi.health_plan": "[HEALTH PLAN ID]",
    "phi.account": "[ACCOUNT]",
    "phi.license": "[LICENSE]",
    "phi.vehicle": "[VEHICLE ID]",
    "phi.device": "[DEVICE ID]",
    "phi.url": "[URL]",
    "phi.ip": "[IP ADDRESS]",
    "phi.other_id": "[ID]",
}

# What each identifier is (for the message) and what to write instead (the fix).
_WORDING: dict[str, tuple[str, str]] = {
    "name": (
        "a person's or employer's name",
        "Write 'Client A' instead of the name, or a role such as 'the client's daughter' or 'her employer'.",
    ),
    "geo": (
        "a place smaller than a state (street, city, county, ZIP code or facility)",
        "Name the kind of place instead, e.g. 'a suburban outpatient clinic' or 'lives in a two-story house'.",
    ),
    "date": (
        "a date more precise than the year",
        "Keep the year only, or use relative time such as 'Day 3', 'Week 2' or '6 weeks post-op'.",
    ),
    "age": ("an age over 89 (or a birth year that implies one)", "Write '90+' for any age over 89."),
    "phone": ("a telephone number", "Remove the number; write 'called the client' if the call matters."),
    "fax": ("a fax number", "Remove the number; write 'faxed to the physician's office' if it matters."),
    "email": ("an email address", "Remove the address; write 'emailed the client' if it matters."),
    "ssn": ("a Social Security number", "Remove the number entirely."),
    "mrn": ("a medical record number", "Remove the record number; the story does not need it."),
    "health_plan": (
        "a health plan or beneficiary number (member, policy, Medicare or Medicaid ID)",
        "Remove the number; name the payer type instead, e.g. 'Medicare Part B'.",
    ),
    "account": ("an account number", "Remove the number; write 'the billing account' if it matters."),
    "license": (
        "a certificate or license number (including an NPI)",
        "Remove the number; credentials such as 'OTR/L' are enough.",
    ),
    "vehicle": ("a vehicle identifier (VIN or license plate)", "Remove it; write 'the client's car' if it matters."),
    "device": (
        "a device identifier or serial number",
        "Remove the serial number; name the device type, e.g. 'power wheelchair'.",
    ),
    "url": ("a web address", "Remove the link, or describe the resource, e.g. 'a home-program video'."),
    "ip": ("an IP address", "Remove the address."),
    "other_id": (
        "an identifying number or code (room, bed, case, claim or ID number)",
        "Remove it; write 'on the unit' or 'the referral' instead of the number.",
    ),
}


@dataclass(frozen=True)
class Identifier:
    """One identifier found in a text: where it is and which Safe Harbor type it belongs to."""

    start: int
    end: int
    type: str

    @property
    def check(self) -> str:
        return f"phi.{self.type}"


def check(text: ArtifactText) -> Iterator[Finding]:
    """Yield one finding per identifier in every section of the artifact."""
    for field, section in text.fields.items():
        for item in find_identifiers(section):
            what, fix = _WORDING[item.type]
            yield finding(
                field,
                (item.start, item.end),
                check=item.check,
                row=DOCUMENTATION,
                severity="error",
                message=(
                    f"This looks like {what}. HIPAA Safe Harbor lists it among the 18 identifiers that must be "
                    "removed before a de-identified case can be shared, so reviewers must not see it."
                ),
                fix=fix,
            )


def redact(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """Replace each (start, end, check id) span with its placeholder.

    Spans that are empty, out of range or carry an unknown check id are skipped. Of spans that
    overlap, the one starting first (the longer one on a tie) is kept, so the text around a
    replacement is never garbled.
    """
    length = len(text)
    usable = sorted(
        (
            (start, end, check_id)
            for start, end, check_id in spans
            if isinstance(start, int)
            and isinstance(end, int)
            and 0 <= start < end <= length
            and check_id in PLACEHOLDERS
        ),
        key=lambda span: (span[0], -span[1]),
    )
    kept: list[tuple[int, int, str]] = []
    for span in usable:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    pieces: list[str] = []
    position = 0
    for start, end, check_id in kept:
        pieces += [text[position:start], PLACEHOLDERS[check_id]]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def find_identifiers(text: str) -> list[Identifier]:
    """Every identifier in `text`, in reading order, none overlapping another."""
    if not text or not text.strip():
        return []
    masked = _mask_placeholders(text)
    # ASCII-only lower-casing keeps every offset (str.lower can change the length of some letters).
    lower = masked.translate(_ASCII_LOWER)
    candidates: list[Identifier] = []
    for family in _FAMILIES:
        candidates.extend(family(masked, lower))
    return _resolve_overlaps(candidates)


# ---------------------------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------------------------

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

# When two candidates overlap, the more specific one wins: an email beats the web address in
# it, "MRN 1234567890" is a record number and not a phone number. Lower number wins.
_PRIORITY: dict[str, int] = {
    "email": 0,
    "url": 1,
    "ip": 2,
    "ssn": 3,
    "vehicle": 4,
    "device": 4,
    "mrn": 4,
    "health_plan": 4,
    "account": 4,
    "license": 4,
    "other_id": 5,
    "fax": 6,
    "phone": 7,
    "age": 8,
    "date": 9,
    "geo": 10,
    "name": 11,
}


def _resolve_overlaps(candidates: list[Identifier]) -> list[Identifier]:
    ranked = sorted(set(candidates), key=lambda c: (_PRIORITY[c.type], c.start - c.end, c.start, c.type))
    starts: list[int] = []
    kept: list[Identifier] = []
    for candidate in ranked:
        if candidate.end <= candidate.start:
            continue
        index = bisect.bisect_left(starts, candidate.start)
        if index > 0 and kept[index - 1].end > candidate.start:
            continue
        if index < len(kept) and kept[index].start < candidate.end:
            continue
        starts.insert(index, candidate.start)
        kept.insert(index, candidate)
    return kept


# "[NAME]", "[REDACTED]", "<DATE>", "{{name}}" are what a careful writer leaves behind: blank
# them out (same length, so offsets stay true) before any pattern runs.
_PLACEHOLDER = re.compile(r"\[[^\[\]\r\n]{0,80}\]|<[A-Za-z][A-Za-z _-]{0,30}>|\{\{?[^{}\r\n]{0,40}\}?\}")


def _mask_placeholders(text: str) -> str:
    if "[" not in text and "<" not in text and "{" not in text:
        return text
    return _PLACEHOLDER.sub(lambda m: " " * (m.end() - m.start()), text)


def _clean_start(text: str, start: int, glue: str = "") -> bool:
    """True when the character before `start` does not glue the match to a longer word or number."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_" or before in glue)


def _window_before(text: str, start: int, size: int) -> str:
    """Up to `size` characters before `start`, cut at the last line break."""
    window = text[max(0, start - size) : start]
    cut = max(window.rfind("\n"), window.rfind("\r"))
    return window[cut + 1 :] if cut >= 0 else window


def _window_after(text: str, end: int, size: int) -> str:
    window = text[end : end + size]
    cut = window.find("\n")
    return window[:cut] if cut >= 0 else window


_WORD = re.compile(r"[a-z][a-z/'’.-]*|#")


def _words_before(lower: str, start: int, size: int = 30) -> list[str]:
    """The lower-case words just before `start` (same line), trailing dots stripped."""
    return [word.rstrip(".") for word in _WORD.findall(_window_before(lower, start, size))]


def _words_after(lower: str, end: int, size: int = 30) -> list[str]:
    return [word.rstrip(".") for word in _WORD.findall(_window_after(lower, end, size))]


# ---------------------------------------------------------------------------------------------
# Contact numbers and addresses: phone (D), fax (E), email (F), SSN (G), MBI (I), VIN (L),
# URL (N), IP (O)
# ---------------------------------------------------------------------------------------------

_MBI_LETTER = "[AC-HJKMNP-RT-Y]"  # Presidio's UsMbiRecognizer: no S, L, O, I, B, Z
_MBI_ALNUM = "[0-9AC-HJKMNP-RT-Y]"
# Python's regex engine skips fast only over a pattern's first character class, so every
# pattern here starts with one ([0-9], [A-Z], ...) and the alternatives follow it.
_DIGIT_NUMBERS = re.compile(
    r"[0-9](?:"
    r"(?P<ipv4>\d{0,2}(?:\.\d{1,3}){3})(?![\w]|\.\d)"
    r"|(?P<ssn>\d\d(?P<sep>[- .])\d\d(?P=sep)\d{4})(?![\w-]|\.\d)"
    r"|(?P<phone>(?:[-. ]\d{3})?\d\d[-. ]\d{3}[-. ]\d{4}|\d\d-\d{4}|\d{9})(?![\w-]|[./]\d)"
    r"|(?P<nine>\d{8})(?![\w-]|\.\d)"
    rf"|(?P<mbi>(?<=[1-9]){_MBI_LETTER}{_MBI_ALNUM}\d(?P<msep>-?){_MBI_LETTER}{_MBI_ALNUM}\d(?P=msep){_MBI_LETTER}{{2}}\d\d)"
    r"(?![\w-]))"
)
_BRACKET_PHONE = re.compile(r"[(+](?:(?<=\+)1[-. ]?\(?|(?<=\())?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}(?![\w-]|[./]\d)")
_VIN = re.compile(r"[A-HJ-NPR-Z0-9][A-HJ-NPR-Z0-9]{16}(?![\w-])")
_MASKED_SSN = re.compile(r"(?:XXX|xxx|\*\*\*)-(?:XX|xx|\*\*)-\d{4}(?![\w-])")
_EMAIL = re.compile(r"[A-Za-z0-9][\w.%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")
_URL = re.compile(r"(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)[^\s<>\"'()\[\]{}]{1,300}")
_URL_HOST = re.compile(r"(?:[A-Za-z]+://)?([^/?#:\s]+)")
# Public reference sites a candidate cites as evidence (CMS, CDC, AOTA, a DOI) identify no
# one; any other web address may point at the client, a relative or an employer.
_PUBLIC_REFERENCE_HOST = re.compile(
    r"(?:^|\.)(?:[a-z0-9-]+\.(?:gov|edu|mil)|who\.int|doi\.org|aota\.org|nbcot\.org|cochrane\.org)(?:\.[a-z]{2})?$"
)
_IPV6 = re.compile(r"[0-9A-Fa-f:](?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
_PARTIAL_SSN = re.compile(
    r"(?:(?:ssn|social[ \t]+security(?:[ \t]+(?:number|no\.?|#))?)[ \t]+(?:ending(?:[ \t]+in)?|last[ \t]+(?:4|four)"
    r"(?:[ \t]+digits)?)|last[ \t]+(?:4|four)(?:[ \t]+digits)?[ \t]+of[ \t]+(?:the[ \t]+)?(?:ssn|social[ \t]+security"
    r"(?:[ \t]+number)?))[ \t]*(?:is|was|=|:|#)?[ \t]*(\d{4})(?![\w-])"
)

_PHONE_CUES = word_set("call called calling phone ph tel telephone cell mobile text fax faxed contact reach at #")
_SSN_CUES = word_set("ssn ss social security soc sec ss#")
_IP_CUES = word_set("ip ipv4 address server host router from via")
_TRAILING_PUNCTUATION = ".,;:!?)]}'\"’"

_VIN_VALUES = {
    **{str(digit): digit for digit in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def _is_plausible_ssn(digits: str) -> bool:
    """Presidio's invalidation: no all-same digits, zero groups, 000/666/9xx areas or sample numbers."""
    if len(set(digits)) == 1 or digits[3:5] == "00" or digits[5:] == "0000":
        return False
    return not digits.startswith(("000", "666", "9", "123456789", "98765432", "078051120"))


def _is_vin(value: str) -> bool:
    """A 17-character VIN with letters and digits whose check digit (position 9) is right."""
    if value.isdigit() or value.isalpha():
        return False
    total = sum(_VIN_VALUES[char] * weight for char, weight in zip(value, _VIN_WEIGHTS, strict=True))
    return value[8] == ("X" if total % 11 == 10 else str(total % 11))


def _is_ipv4(value: str, lower: str, start: int) -> bool:
    octets = value.split(".")
    if any(int(octet) > 255 or (len(octet) > 1 and octet[0] == "0") for octet in octets):
        return False
    # "2.5.3.1" is an outline number more often than an address: want real octets or a cue.
    return sum(len(octet) >= 2 for octet in octets) >= 2 or bool(_IP_CUES.intersection(_words_before(lower, start)))


def _phone(value: str, lower: str, start: int, end: int) -> Iterator[Identifier]:
    # Seven-digit locals and bare ten-digit runs need a cue such as "call" or "cell".
    needs_cue = sum(char.isdigit() for char in value) < 10 or value.isdigit()
    if needs_cue and not _PHONE_CUES.intersection(_words_before(lower, start, 25)[-2:]):
        return
    # "fax" shortly before the number, with no other number in between, makes it a fax.
    tail = _window_before(lower, start, 40)
    last_digit = max(tail.rfind(digit) for digit in string.digits)
    yield Identifier(start, end, "fax" if "fax" in tail[last_digit + 1 :] else "phone")


def _contacts(text: str, lower: str) -> Iterator[Identifier]:
    for match in _DIGIT_NUMBERS.finditer(text):
        start, end, value = match.start(), match.end(), match.group()
        if not _clean_start(text, start, "+/.-"):
            continue
        if match.group("ipv4"):
            if _is_ipv4(value, lower, start):
                yield Identifier(start, end, "ip")
        elif match.group("ssn"):
            if _is_plausible_ssn(value[:3] + value[4:6] + value[7:]):
                yield Identifier(start, end, "ssn")
        elif match.group("phone"):
            yield from _phone(value, lower, start, end)
        elif match.group("nine"):
            if _SSN_CUES.intersection(_words_before(lower, start)[-3:]) and _is_plausible_ssn(value):
                yield Identifier(start, end, "ssn")
        elif match.group("mbi"):
            yield Identifier(start, end, "health_plan")
    if "(" in text or "+" in text:
        for match in _BRACKET_PHONE.finditer(text):
            if _clean_start(text, match.start(), "+/.-"):
                yield from _phone(match.group(), lower, match.start(), match.end())
    for match in _VIN.finditer(text):
        if _clean_start(text, match.start(), "-") and _is_vin(match.group()):
            yield Identifier(match.start(), match.end(), "vehicle")
    if "xxx-" in lower or "***-" in text:
        for match in _MASKED_SSN.finditer(text):
            if _clean_start(text, match.start(), "-"):
                yield Identifier(match.start(), match.end(), "ssn")
    if "@" in text:
        for match in _EMAIL.finditer(text):
            value = match.group().rstrip(".-")
            domain = value.rsplit("@", 1)[-1]
            tld = domain.rsplit(".", 1)[-1]
            if _clean_start(text, match.start(), ".%+-") and "." in domain and tld.isalpha() and len(tld) >= 2:
                yield Identifier(match.start(), match.start() + len(value), "email")
    if "http" in lower or "www." in lower:
        for match in _URL.finditer(text):
            value = match.group().rstrip(_TRAILING_PUNCTUATION)
            host = _URL_HOST.match(value.lower())
            if not _clean_start(text, match.start()) or len(value) <= 4:
                continue
            if host and _PUBLIC_REFERENCE_HOST.search(host.group(1)):
                continue
            yield Identifier(match.start(), match.start() + len(value), "url")
    if "::" in text or text.count(":") >= 5:
        for match in _IPV6.finditer(text):
            value = match.group()
            if not _clean_start(text, match.start(), ":.") or (value.count(":") < 4 and "::" not in value):
                continue
            try:
                ipaddress.IPv6Address(value)
            except ValueError:
                continue
            if value.count(":") < 4 and not any(char.isalpha() for char in value):
                continue  # "12::30" is a mistyped time more often than an address
            yield Identifier(match.start(), match.end(), "ip")
    if "ssn" in lower or "social" in lower:
        for match in _PARTIAL_SSN.finditer(lower):
            if _clean_start(lower, match.start()):
                yield Identifier(match.start(1), match.end(1), "ssn")


# ---------------------------------------------------------------------------------------------
# Numbers introduced by a keyword: MRN (H), plan (I), account (J), license (K), vehicle (L),
# device (M), room, bed and any other ID (R)
# ---------------------------------------------------------------------------------------------

# Record numbers are found from the number back to its keyword: every such number holds at
# least two digits, so one pass over digit runs plus a look at the few words before each is
# far cheaper than searching the text for dozens of keywords.
# Strong keywords may stand right before the number ("MRN 00482913"); weak ones are ordinary
# words ("member", "case", "plan") and need "#", "no.", "number" or "ID" between.
_ID_KEYWORDS: dict[str, tuple[str, bool]] = {
    **dict.fromkeys(("vin", "license plate", "licence plate", "plate"), ("vehicle", True)),
    **dict.fromkeys(("vehicle", "vehicle identification", "registration", "tag"), ("vehicle", False)),
    **dict.fromkeys(("s/n", "serial", "udi", "imei"), ("device", True)),
    **dict.fromkeys(("sn", "device", "implant", "pacemaker", "hearing aid", "pump"), ("device", False)),
    **dict.fromkeys(("mrn", "med rec", "medical record", "medical records", "med record"), ("mrn", True)),
    **dict.fromkeys(("mr", "chart", "record", "hospital"), ("mrn", False)),
    **dict.fromkeys(("mbi", "hic", "hicn"), ("health_plan", True)),
    **dict.fromkeys(
        (
            "member",
            "policy",
            "beneficiary",
            "subscriber",
            "group",
            "medicare",
            "medicaid",
            "insurance",
            "insurer",
            "payer",
            "coverage",
            "plan",
        ),
        ("health_plan", False),
    ),
    **dict.fromkeys(("acct", "account"), ("account", True)),
    **dict.fromkeys(("billing", "invoice", "encounter", "fin", "csn", "financial"), ("account", False)),
    **dict.fromkeys(("npi", "dea", "license", "licence", "lic"), ("license", True)),
    **dict.fromkeys(("certification", "certificate", "cert", "nbcot", "credential"), ("license", False)),
    **dict.fromkeys(("id", "i.d"), ("other_id", True)),
    **dict.fromkeys(
        (
            "case",
            "claim",
            "identifier",
            "badge",
            "employee",
            "student",
            "passport",
            "referral",
            "authorization",
            "authorisation",
            "auth",
            "ticket",
            "order",
            "patient",
            "pt",
            "client",
            "resident",
            "wristband",
            "reference",
            "ref",
            "confirmation",
            "episode",
            "tracking",
        ),
        ("other_id", False),
    ),
}
# Words that may sit between keyword and number; the first set makes a weak keyword count.
_QUALIFYING_LINKS = word_set("# no nos number num id i.d identifier code")
_ID_LINKS = _QUALIFYING_LINKS | word_set("is was otr/l otr ot/l cota/l cota ot pt slp")
_DIGIT_RUN = re.compile(r"[0-9][A-Za-z0-9./-]*")
_TOKEN_CHARACTERS = frozenset(string.ascii_letters + string.digits + "./-")

# "room 412", "Rm 4B", "bed 3": a place inside a facility that points at one person.
_ROOM = re.compile(r"[RrBb](?:oom|m\.?|ed)[ \t]*#?[ \t]*\d{1,4}[A-Za-z]?(?![\w/:.]|\.\d)")
_ROOM_NOT_BEFORE = word_set(
    "x times min mins minutes sec secs seconds hr hrs hour hours day days rep reps set sets trial trials ft feet "
    "in inches degrees to of"
)
# "plate HXT 4412": plates may hold a space, so they get their own pattern.
_PLATE = re.compile(
    r"[PpTt](?:late|ag)(?:[ \t]*(?:#|[Nn]o\.?|[Nn]umber|:))*[ \t]*([A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){1,2})(?![\w-])"
)


def _keyword_before(words: list[str]) -> tuple[str, bool] | None:
    """(kind, True) when the words end in a keyword and its link, e.g. "member id", "mrn"."""
    index = len(words) - 1
    qualifying = strong_link = False
    while index >= 0 and len(words) - index <= 4 and words[index] in _ID_LINKS:
        qualifying = qualifying or words[index] in _QUALIFYING_LINKS
        strong_link = strong_link or words[index] in ("id", "i.d")
        index -= 1
    keyword = None
    if index >= 1 and f"{words[index - 1]} {words[index]}" in _ID_KEYWORDS:
        keyword = _ID_KEYWORDS[f"{words[index - 1]} {words[index]}"]
    elif index >= 0 and words[index] in _ID_KEYWORDS:
        keyword = _ID_KEYWORDS[words[index]]
    elif qualifying and index >= 1 and words[index - 1] in _ID_KEYWORDS:
        keyword = _ID_KEYWORDS[words[index - 1]]  # one word between: "Medicaid waiver ID", "policy group #"
    if keyword is not None and (keyword[1] or qualifying):
        return keyword
    if strong_link:
        return ("other_id", True)  # "ID: AB12345" with no keyword before it
    return None


def _keyword_ids(text: str, lower: str) -> Iterator[Identifier]:
    last_end = -1
    for match in _DIGIT_RUN.finditer(text):
        start, end = match.start(), match.end()
        if start < last_end:
            continue
        while start > 0 and text[start - 1] in _TOKEN_CHARACTERS:
            start -= 1  # "HA-55102-R", "OT12345": the token starts before its first digit
        while end > start and text[end - 1] in "./-":
            end -= 1
        while start < end and text[start] in "./-":
            start += 1
        last_end = end
        token = text[start:end]
        if len(token) < 4 or sum(char.isdigit() for char in token) < 2:
            continue
        glued = text[max(0, start - 40) : start].rsplit(None, 1)[-1] if text[start - 1 : start] == "=" else ""
        if "?" in glued or "&" in glued:
            continue  # "topic.php?id=8390": a query string in a link, not a record number
        keyword = _keyword_before(_words_before(lower, start, 48))
        if keyword is None:
            continue
        if keyword[0] == "vehicle" and token.isdigit():
            continue
        yield Identifier(start, end, keyword[0])
    for match in _ROOM.finditer(text):
        if not _clean_start(text, match.start()):
            continue
        after = _words_after(lower, match.end(), 14)
        if (after and after[0] in _ROOM_NOT_BEFORE) or _window_after(text, match.end(), 2).lstrip()[:1] == "%":
            continue
        yield Identifier(match.start(), match.end(), "other_id")
    if "plate" in lower or "tag" in lower:
        for match in _PLATE.finditer(text):
            plate = match.group(1)
            if not _clean_start(text, match.start()) or len(plate) < 5:
                continue
            if any(char.isdigit() for char in plate) and any(char.isalpha() for char in plate):
                yield Identifier(match.start(1), match.end(1), "vehicle")


# ---------------------------------------------------------------------------------------------
# Dates (C) and ages over 89 (C)
# ---------------------------------------------------------------------------------------------

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_CAPS = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_AGE_UNIT = (
    r"(?:y/o\b|y\.o\.|yo\b|y\.?o\b|years?[ \t-]+old\b|yrs?\.?(?:[ \t]+old\b)?|yr[ \t-]old\b|year[ \t-]old\b"
    r"|years?[ \t]+of[ \t]+age\b)"
)
_MONTH_TAIL = (  # a month name after its first letter, which the patterns below match on its own
    r"(?:(?<=J)(?:anuary|an|une|un|uly|ul)|(?<=F)(?:ebruary|eb)|(?<=M)(?:arch|ar|ay)|(?<=A)(?:pril|pr|ugust|ug)"
    r"|(?<=S)(?:eptember|ept|ep)|(?<=O)(?:ctober|ct)|(?<=N)(?:ovember|ov)|(?<=D)(?:ecember|ec))(?![a-z])"
)
_MONTH_CAPS_TAIL = (
    r"(?:(?<=J)(?:AN|UN|UL)|(?<=F)EB|(?<=M)(?:AR|AY)|(?<=A)(?:PR|UG)|(?<=S)EPT?|(?<=O)CT|(?<=N)OV|(?<=D)EC)"
)
_NUMBER_FIRST_DATES = re.compile(
    r"[0-9](?:"
    rf"(?P<hyphen_month>\d?-(?:{_MONTH}|{_MONTH_CAPS})(?:-(?:\d{{4}}|\d\d))?)(?![\w-])"
    # Numeric dates: m/d/yyyy, d-m-yy, yyyy-mm-dd, dd.mm.yyyy (Presidio's patterns), m/yyyy and a bare m/d.
    r"|(?P<numeric>\d{0,3}(?P<separator>[/.-])\d{1,4}(?:(?P=separator)\d{1,4})?)(?:T\d\d:\d\d)?(?![\w/+%]|[.-]\d)"
    rf"|(?P<day_month>\d?(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH}(?![a-z])\.?(?:,?[ \t]+{_YEAR}(?!\d))?)"
    rf"|(?P<age>(?:(?<=9)\d|(?<=1)[01]\d)[ \t]*-?[ \t]*{_AGE_UNIT})"
    r")"
)
_MONTH_FIRST_DATES = re.compile(
    r"[ADFJMNOS](?:"
    rf"(?P<caps_month>{_MONTH_CAPS_TAIL}-(?:\d{{4}}|\d\d))(?![\w-])"
    rf"|{_MONTH_TAIL}(?:(?P<month_hyphen>-(?:\d{{4}}|\d\d))(?![\w-])"
    rf"|\.?[ \t]+(?P<month_day>\d{{1,2}})(?:st|nd|rd|th)?(?!\w)(?:,?[ \t]+{_YEAR}(?!\d))?"
    rf"|\.?,?[ \t]+(?:of[ \t]+)?(?P<month_year>{_YEAR})(?!\d))"
    r")"
)
_AGE_WORDS = re.compile(
    r"[AaTtWw](?:(?<=[Aa])ged?(?![a-z])|(?<=[Aa])ge[ \t]*:|(?<=[Aa])ge[ \t]+of|(?<=[Tt])urn(?:ed|s|ing)"
    r"|(?<=[Ww])ill[ \t]+be)[ \t]*(?P<aged>9\d|1[01]\d)(?![\w+]|\.\d)"
)
# "Client B, 94, lives alone", "Evelyn Brooks (93)": a bare age set off right after a name or role.
_AGE_ASIDE = re.compile(r"[,(][ \t]*(?P<aside_age>9\d|1[01]\d)[ \t]*(?=[,);]|\.(?!\d)|$)", re.MULTILINE)
_BIRTH_YEAR = re.compile(
    r"[BbDdYy](?:(?<=[Bb])orn(?:[ \t]+in)?|(?<=D)OB|(?<=d)ob|(?<=D)\.O\.B\.?|(?<=[Yy])ear[ \t]+of[ \t]+birth"
    r"|(?<=Y)OB|(?<=b)\.)[ \t]*:?[ \t]*(?P<birth_year>1[89]\d\d)(?!\d)"
)
# A birth year of 1935 or earlier means an age over 89: Safe Harbor counts the year of birth as a
# date element "indicative of such age". Fixed, so the same text always gets the same result;
# move it on by one each January.
OLDEST_SHAREABLE_BIRTH_YEAR = 1936

_DATE_CUES = word_set(
    "on dated date dob born birth birthday birthdate admit admitted admission adm discharged discharge d/c dc seen "
    "eval evaluated evaluation re-eval reeval dos doi surgery surg injury inj onset fell fall visit visited "
    "scheduled appt appointment s/p post-op postop since until before after expires expire expiring due"
)
# Words around a fraction that make it a score, not a date: "pain 6/10", "3/4 trials".
_SCORE_BEFORE = word_set(
    "pain rate rated rates rating score scored scores moca mmse mmt bp strength grade trial trials out vas nrs "
    "level ratio accuracy inch inches cup cups tsp tbsp mmhg rpe borg goal goals met achieved criteria acuity "
    "vision spo2 sats sat o2"
)
_SCORE_AFTER = word_set(
    "trial trials attempt attempts opportunities opps opp rep reps repetitions item items step steps cue cues "
    "session sessions visit visits times day days night nights week weeks of correct accuracy pain scale score "
    "check checks tries readings occasions measurements sets "
    "point points pts strength grade bilateral b/l mmhg bpm correctly accurately independently"
)
_UNITS_AFTER = word_set(
    "x times min mins minutes hr hrs hour hours day days week weeks wk wks rep reps set sets trial trials visit "
    "visits session sessions patient patients lb lbs kg ft feet degrees"
)
_AGE_NOT_BEFORE = word_set("or and % degrees min lb lbs kg ft reps days weeks months seconds sec")
_AGE_ASIDE_ROLES = word_set("pt client patient resident female male woman man widow widower mr mrs ms age aged")


def _valid_day_month(first: int, second: int) -> bool:
    """True when the pair reads as month/day or day/month."""
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= first <= 31 and 1 <= second <= 12)


def _numeric_date_kind(value: str, separator: str) -> str | None:
    """'date' for a numeric date with a year, 'bare' for an m/d with none, None otherwise."""
    parts = value.split(separator)
    if len(parts) == 2:
        if separator != "/":
            return None
        first, second = parts
        if len(second) == 4:
            return "date" if 1 <= int(first) <= 12 and 1800 <= int(second) <= 2099 else None
        return "bare" if len(first) <= 2 and len(second) <= 2 else None
    first, middle, last = parts
    if len(first) == 4:  # yyyy-mm-dd, yyyy/m/d
        ok = 1800 <= int(first) <= 2099 and len(middle) <= 2 and 1 <= int(middle) <= 12
        return "date" if ok and len(last) <= 2 and 1 <= int(last) <= 31 else None
    if len(first) > 2 or len(middle) > 2 or len(last) not in (2, 4):
        return None
    if len(last) == 4 and not 1800 <= int(last) <= 2099:
        return None
    if separator == "." and len(last) == 2 and (len(first) != 2 or len(middle) != 2):
        return None  # "1.5.10" is a version or an outline number, not a date
    return "date" if _valid_day_month(int(first), int(middle)) else None


def _is_dated_fraction(value: str, lower: str, start: int, end: int) -> bool:
    """A bare m/d is a date only with a date cue just before it and no score words around it."""
    first, second = (int(part) for part in value.split("/"))
    if not (1 <= first <= 12 and 1 <= second <= 31):
        return False
    before = _words_before(lower, start)
    if not before or before[-1] not in _DATE_CUES:
        return False
    if _SCORE_BEFORE.intersection(before):
        return False
    after = _words_after(lower, end, 20)
    if after and after[0] in _SCORE_AFTER:
        return False
    return _window_after(lower, end, 2).lstrip()[:1] not in ("%", "(")


def _is_age_aside(text: str, lower: str, start: int) -> bool:
    """ ", 93," counts as an age only right after a name or a role: "Evelyn Brooks, 93"."""
    words = _WORD.findall(_window_before(lower, start, 24))
    if not words:
        return False
    last = words[-1].rstrip(".")
    if last in _AGE_ASIDE_ROLES or (len(words) > 1 and len(last) == 1 and words[-2] in _AGE_ASIDE_ROLES):
        return True
    original = _window_before(text, start, 24).rstrip(" \t")
    word = original.rsplit(None, 1)[-1] if original.split() else ""
    return word[:1].isupper() and (name_key(word) in SURNAMES or name_key(word) in FIRST_NAMES)


def _matched(match: re.Match[str], group: str) -> bool:
    return match.start(group) >= 0


def _dates_and_ages(text: str, lower: str) -> Iterator[Identifier]:
    for match in _NUMBER_FIRST_DATES.finditer(text):
        start, end = match.start(), match.end()
        if not _clean_start(text, start, "/.+-"):
            continue
        if _matched(match, "numeric"):
            value = text[start : match.end("numeric")]  # without a trailing "T10:30"
            verdict = _numeric_date_kind(value, match.group("separator"))
            if verdict == "date" or (verdict == "bare" and _is_dated_fraction(value, lower, start, end)):
                yield Identifier(start, end, "date")
        elif _matched(match, "hyphen_month"):
            if 1 <= int(text[start : text.index("-", start)]) <= 31:
                yield Identifier(start, end, "date")
        elif _matched(match, "day_month"):
            day = text[start:end].split(None, 1)[0].rstrip("stndrh")
            if day.isdigit() and 1 <= int(day) <= 31:
                yield Identifier(start, end, "date")
        elif _matched(match, "age"):
            if text[end - 1] == "." and not text[start:end].endswith("y.o."):
                end -= 1  # "97 yrs." keeps its full stop
            yield Identifier(start, end, "age")
    for match in _MONTH_FIRST_DATES.finditer(text):
        start, end = match.start(), match.end()
        if not _clean_start(text, start):
            continue
        if _matched(match, "month_day"):
            if not 1 <= int(match.group("month_day")) <= 31:
                continue
            after = _words_after(lower, end, 12)
            if "," not in text[start:end] and after and after[0] in _UNITS_AFTER:
                continue  # "May 3 times a week" is not a date
        yield Identifier(start, end, "date")
    if "age" in lower or "turn" in lower or "will be" in lower:
        for match in _AGE_WORDS.finditer(text):
            if not _clean_start(text, match.start()):
                continue
            after = _words_after(lower, match.end("aged"), 16)
            if (after and after[0] in _AGE_NOT_BEFORE) or _window_after(text, match.end("aged"), 2).strip()[
                :1
            ] in "+%°":
                continue  # "age 90 or older" and "90+" are the category Safe Harbor allows
            yield Identifier(match.start("aged"), match.end("aged"), "age")
    for match in _AGE_ASIDE.finditer(text):
        if _is_age_aside(text, lower, match.start()):
            yield Identifier(match.start("aside_age"), match.end("aside_age"), "age")
    if "born" in lower or "dob" in lower or "d.o.b" in lower or "birth" in lower or "b." in lower:
        for match in _BIRTH_YEAR.finditer(text):
            if _clean_start(text, match.start()) and int(match.group("birth_year")) < OLDEST_SHAREABLE_BIRTH_YEAR:
                yield Identifier(match.start("birth_year"), match.end("birth_year"), "age")


# ---------------------------------------------------------------------------------------------
# Geographic units smaller than a state (B)
# ---------------------------------------------------------------------------------------------

_STATE_ZIP_DIGIT: dict[str, str] = {
    **dict.fromkeys(word_set("CT MA ME NH NJ PR RI VT"), "0"),
    **dict.fromkeys(word_set("DE NY PA"), "1"),
    **dict.fromkeys(word_set("DC MD NC SC VA WV"), "2"),
    **dict.fromkeys(word_set("AL FL GA MS TN"), "3"),
    **dict.fromkeys(word_set("IN KY MI OH"), "4"),
    **dict.fromkeys(word_set("IA MN MT ND SD WI"), "5"),
    **dict.fromkeys(word_set("IL KS MO NE"), "6"),
    **dict.fromkeys(word_set("AR LA OK TX"), "7"),
    **dict.fromkeys(word_set("AZ CO ID NM NV UT WY"), "8"),
    **dict.fromkeys(word_set("AK CA HI OR WA"), "9"),
}
# Abbreviations that are also clinical words (MD, PA, OR, MS, ...) count only with a ZIP code.
_AMBIGUOUS_STATES = word_set("MD PA OR IN ME OK DE CO MA MS LA AL NE SC ID HI MO MI OH")
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
    "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|"
    "Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
_STATE_NAME_SET = frozenset(name.upper() for name in _STATE_NAMES.split("|"))
_STATE_ABBR = "|".join(sorted(_STATE_ZIP_DIGIT))
# HHS: ZIP3 areas with 20,000 or fewer people (2000 Census) must become 000.
_RESTRICTED_ZIP3 = word_set("036 059 063 102 203 556 692 790 821 823 830 831 878 879 884 890 893")
_STREET_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|"
    r"Pkwy|Circle|Cir|Highway|Hwy|Trail|Trl|Pike|Square|Sq)"
)
_STREET = re.compile(
    rf"[0-9]\d{{0,5}}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:(?:[A-Z][a-z]+|\d{{1,3}}(?:st|nd|rd|th))\.?[ \t]+){{1,3}}"
    rf"{_STREET_SUFFIX}(?![a-z])"
)
# Each branch continues a capitalised word whose first letter the pattern matched already.
_CAPITALISED_PLACES = re.compile(
    r"[A-Z](?:"
    r"(?P<facility>(?:(?<=S)(?:t\.?|aint)[ \t]+[A-Z])?[a-z]+(?:['’]s)?(?:[ \t]+[A-Z][a-z]+(?:['’]s)?){0,3}[ \t]+"
    r"(?:Hospital|General|Medical[ \t]+Center|Clinic|Health[ \t]+System|Healthcare|Memorial|"
    r"Rehabilitation[ \t]+(?:Hospital|Center|Institute)|Rehab[ \t]+(?:Hospital|Center)|Nursing[ \t]+(?:Home|Center)|"
    r"Care[ \t]+Center|Manor|Methodist|Presbyterian|Baptist|Lutheran|Adventist|Episcopal|"
    # A child's school or daycare places the child as surely as a street does.
    r"Elementary|Middle[ \t]+School|High[ \t]+School|Academy|Preschool|Daycare|Day[ \t]+Care))(?![a-z])"
    rf"|(?P<city>[a-z]{{2,}}(?:[ \t][A-Z][a-z]{{2,}}){{0,2}}),[ \t]*(?:(?P<state>{_STATE_ABBR})|{_STATE_NAMES})"
    r"(?![A-Za-z])(?:[ \t]+(?P<city_zip>\d{5}(?:-\d{4})?)(?![\d-]))?"
    r"|(?P<county>[a-z]+(?:[ \t][A-Z][a-z]+)?[ \t](?:County|Parish|Borough|Township))(?![a-z])"
    r"|(?P<named_street>[a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+(?:Street|Avenue|Road|Boulevard|Drive|Lane|Court"
    r"|Parkway|Highway|Ave|Rd|Blvd|Ln))(?![a-z])"
    r"|(?P<service_place>[a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+(?:clinic|office|campus|branch|location|site|hospital"
    r"|facility)(?![a-z])"
    r"|(?P<state_second>[A-Z])[ \t]+(?P<state_zip>\d{5}(?:-\d{4})?)(?![\w-])"
    r")"
)
_HOME_PLACE = re.compile(
    r"(?:lives|live|living|lived|resides|reside|residing|moved|moving|relocated|relocating|stays|staying|home|"
    r"raised|grew[ \t]+up|born(?:[ \t][^.\n]{0,25}?)?)[ \t]+(?:(?:alone|nearby|currently|now|here|back)[ \t]+)?"
    r"(?:in|to|near)[ \t]+(?=[a-z])"
)
_HOME_PLACE_NAME = re.compile(r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}")
_ZIP_OR_BOX = re.compile(
    r"(?:zip(?:[ \t]*code)?s?|postal[ \t]+code)[ \t]*[:#]?[ \t]*(?P<zip>\d{5}(?:-\d{4})?|\d{3}(?:xx|\*\*)?)(?![\w-])"
    r"|(?P<box>p\.?[ \t]?o\.?[ \t]*box[ \t]+\d{1,6})(?!\d)"
)
# Capitalised words that name a kind of place or service, not a particular one.
_GENERIC_PLACE_WORDS = word_set(
    """
    THE A AN OUR THIS THAT ITS HER HIS THEIR MY YOUR ANY EACH EVERY NEW OLD LOCAL MAIN VISIT SEEN AT
    OUTPATIENT INPATIENT ACUTE HOME HEALTH REHAB REHABILITATION SKILLED NURSING ASSISTED LIVING MEMORY CARE
    SENIOR COMMUNITY REGIONAL COUNTY UNIVERSITY MEDICAL GENERAL PRIMARY URGENT FAMILY SPECIALTY PEDIATRIC
    CHILDREN CHILDRENS WOMEN WOMENS VETERANS VA HAND UPPER EXTREMITY WOUND PAIN SLEEP MENTAL BEHAVIORAL
    SPINE SPORTS ORTHO ORTHOPEDIC ORTHOPAEDIC NEURO NEUROLOGY CARDIAC PULMONARY PELVIC FEEDING SENSORY
    VISION LOW DRIVING SEATING WHEELCHAIR LYMPHEDEMA BOTOX SPASTICITY STROKE BRAIN FALLS BALANCE
    VESTIBULAR DAY TREATMENT THERAPY OT PT SLP ADULT GERIATRIC DEMENTIA PARKINSON PARKINSONS ALS MS
    HOSPITAL CLINIC CENTER CENTRE SCHOOL EARLY INTERVENTION SECTION STATE FEDERAL PUBLIC PRIVATE
    MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY WEEKEND MORNING AFTERNOON EVENING
    """
)
_HOME_PLACE_NOT_AFTER = word_set("lives live living lived resides reside moved home")


def _specific_words(words: str) -> tuple[int, bool]:
    """How many leading words are generic, and whether any word names one particular place."""
    keys = [name_key(word) for word in words.split()]
    lead = 0
    while lead < len(keys) and (keys[lead] in _GENERIC_PLACE_WORDS or keys[lead] in STOPWORDS):
        lead += 1
    specific = any(
        key and key not in ("ST", "SAINT") and key not in _GENERIC_PLACE_WORDS and key not in STOPWORDS for key in keys
    )
    return lead, specific


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without leading generic words ("Visit Mercy General" -> "Mercy General"), or None."""
    words = text[start:end]
    lead, specific = _specific_words(words)
    if not specific:
        return None
    for _ in range(lead):
        space = text.find(" ", start, end)
        if space < 0:
            return None
        start = space + 1
        while start < end and text[start] in " \t":
            start += 1
    return start, end


def _places(text: str, lower: str) -> Iterator[Identifier]:
    for match in _STREET.finditer(text):
        if _clean_start(text, match.start(), "/.-"):
            yield Identifier(match.start(), match.end(), "geo")
    for match in _CAPITALISED_PLACES.finditer(text):
        start = match.start()
        if not _clean_start(text, start, "'’-"):
            continue
        if _matched(match, "state_second"):
            state = text[start : start + 2]
            if state in _STATE_ZIP_DIGIT and match.group("state_zip")[0] == _STATE_ZIP_DIGIT[state]:
                yield Identifier(match.start("state_zip"), match.end("state_zip"), "geo")
        elif _matched(match, "city"):
            state, zip_code = match.group("state"), match.group("city_zip")
            if state and state in _AMBIGUOUS_STATES and not zip_code:
                continue
            span = _trimmed(text, start, match.end("city"))
            if span is None or text[span[0] : span[1]].upper() in _STATE_NAME_SET:
                continue
            yield Identifier(span[0], span[1], "geo")
            if zip_code and (not state or zip_code[0] == _STATE_ZIP_DIGIT[state]):
                yield Identifier(match.start("city_zip"), match.end("city_zip"), "geo")
        else:
            kind = next(
                name for name in ("facility", "county", "named_street", "service_place") if _matched(match, name)
            )
            span = _trimmed(text, start, match.end(kind))
            if span is None:
                continue
            before = _words_before(lower, span[0], 12)
            if kind == "named_street" and (not before or before[-1] not in ("on", "off", "at")):
                continue  # "lives on Cedar Ridge Road", not a product or a heading
            if kind == "service_place" and (not before or before[-1] not in ("the", "at")):
                continue
            yield Identifier(span[0], span[1], "geo")
    for match in _HOME_PLACE.finditer(lower):
        if not _clean_start(lower, match.start()):
            continue
        place = _HOME_PLACE_NAME.match(text, match.end())
        if place is None or place.group().upper() in _STATE_NAME_SET:
            continue
        span = _trimmed(text, place.start(), place.end())
        if span is not None and span[0] == place.start():
            yield Identifier(span[0], span[1], "geo")
    if "zip" in lower or "postal" in lower or "box" in lower:
        for match in _ZIP_OR_BOX.finditer(lower):
            if not _clean_start(lower, match.start()):
                continue
            if match.group("box"):
                yield Identifier(match.start("box"), match.end("box"), "geo")
                continue
            value = match.group("zip")
            if len(value) < 5 and value[:3] not in _RESTRICTED_ZIP3:
                continue  # a ZIP3 may stay unless its area is too small (HHS list)
            yield Identifier(match.start("zip"), match.end("zip"), "geo")


# ---------------------------------------------------------------------------------------------
# Names of the client, relatives, household members and employers (A)
# ---------------------------------------------------------------------------------------------

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
    after = _window_after(text, end, 30).lstrip(" \t'’s")
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


def _names(text: str, lower: str) -> Iterator[Identifier]:
    for match in _CAPITALISED.finditer(text):
        start = match.start()
        if not _clean_start(text, start, "'’-"):
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
            if _specific_words(text[start:end])[1]:
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


_FAMILIES = (_contacts, _keyword_ids, _dates_and_ages, _places, _names)
