"""Numbers and addresses: phone (D), fax (E), email (F), SSN (G), record numbers (H-M), URL (N), IP (O), other IDs (R)."""

from __future__ import annotations

import ipaddress
import re
import string
from collections.abc import Iterator

from portfolios.rubric.phi.common import (
    Identifier,
    clean_start,
    letter_words,
    matched,
    window_after,
    window_before,
    words_after,
    words_before,
)
from portfolios.rubric.phi.lists import word_set

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
    # A Medicare HICN: nine digits (an SSN) and a beneficiary letter, "012-34-5678A".
    r"|(?P<hicn>\d\d(?P<hsep>-?)\d\d(?P=hsep)\d{4}[A-Z]\d?)(?![\w-])"
    rf"|(?P<mbi>(?<=[1-9]){_MBI_LETTER}{_MBI_ALNUM}\d(?P<msep>-?){_MBI_LETTER}{_MBI_ALNUM}\d(?P=msep){_MBI_LETTER}{{2}}\d\d)"
    r"(?![\w-]))"
)
_BRACKET_PHONE = re.compile(r"[(+](?:(?<=\+)1[-. ]?\(?|(?<=\())?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}(?![\w-]|[./]\d)")
_VIN = re.compile(r"[A-HJ-NPR-Z0-9][A-HJ-NPR-Z0-9]{16}(?![\w-])")
_MASKED_SSN = re.compile(r"(?:XXX|xxx|\*\*\*)-(?:XX|xx|\*\*)-\d{4}(?![\w-])")
_EMAIL = re.compile(r"[A-Za-z0-9][\w.%+'’-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")
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
    r"(?:[ \t]+digits)?)|last[ \t]+(?:4|four)(?:[ \t]+digits)?[ \t]+of[ \t]+(?:the[ \t]+|her[ \t]+|his[ \t]+|their[ \t]+|my[ \t]+)?"
    r"(?:ssn|social(?:[ \t]+security)?(?:[ \t]+number)?))[ \t]*(?:,|is|was|=|:|#)?[ \t]*(\d{4})(?![\w-])"
)


def _ssn_cue(lower: str, start: int) -> bool:
    return bool(_SSN_CUES.intersection(words_before(lower, start)[-3:]))


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
    return sum(len(octet) >= 2 for octet in octets) >= 2 or bool(_IP_CUES.intersection(words_before(lower, start)))


def _phone(value: str, lower: str, start: int, end: int) -> Iterator[Identifier]:
    # Seven-digit locals and bare ten-digit runs need a cue such as "call" or "cell".
    needs_cue = sum(char.isdigit() for char in value) < 10 or value.isdigit()
    if needs_cue and not _PHONE_CUES.intersection(words_before(lower, start, 25)[-2:]):
        return
    # "fax" shortly before the number, with no other number in between, makes it a fax.
    tail = window_before(lower, start, 40)
    last_digit = max(tail.rfind(digit) for digit in string.digits)
    yield Identifier(start, end, "fax" if "fax" in tail[last_digit + 1 :] else "phone")


def contacts(text: str, lower: str) -> Iterator[Identifier]:
    for match in _DIGIT_NUMBERS.finditer(text):
        start, end, value = match.start(), match.end(), match.group()
        if not clean_start(text, start, "+/.-"):
            continue
        if match.group("ipv4"):
            if _is_ipv4(value, lower, start):
                yield Identifier(start, end, "ip")
        elif match.group("ssn"):
            # An explicit cue wins over the sample-number list: "SSN 123-45-6789" is flagged.
            if _is_plausible_ssn(value[:3] + value[4:6] + value[7:]) or _ssn_cue(lower, start):
                yield Identifier(start, end, "ssn")
        elif match.group("phone"):
            yield from _phone(value, lower, start, end)
        elif match.group("nine"):
            if _ssn_cue(lower, start):
                yield Identifier(start, end, "ssn")
        elif match.group("hicn") or match.group("mbi"):
            yield Identifier(start, end, "health_plan")
    if "(" in text or "+" in text:
        for match in _BRACKET_PHONE.finditer(text):
            if clean_start(text, match.start(), "+/.-"):
                yield from _phone(match.group(), lower, match.start(), match.end())
    for match in _VIN.finditer(text):
        if clean_start(text, match.start(), "-") and _is_vin(match.group()):
            yield Identifier(match.start(), match.end(), "vehicle")
    if "xxx-" in lower or "***-" in text:
        for match in _MASKED_SSN.finditer(text):
            if clean_start(text, match.start(), "-"):
                yield Identifier(match.start(), match.end(), "ssn")
    if "@" in text:
        for match in _EMAIL.finditer(text):
            value = match.group().rstrip(".-")
            domain = value.rsplit("@", 1)[-1]
            tld = domain.rsplit(".", 1)[-1]
            if clean_start(text, match.start(), ".%+-") and "." in domain and tld.isalpha() and len(tld) >= 2:
                yield Identifier(match.start(), match.start() + len(value), "email")
    if "http" in lower or "www." in lower:
        for match in _URL.finditer(text):
            value = match.group().rstrip(_TRAILING_PUNCTUATION)
            host = _URL_HOST.match(value.lower())
            if not clean_start(text, match.start()) or len(value) <= 4:
                continue
            if host and _PUBLIC_REFERENCE_HOST.search(host.group(1)):
                continue
            yield Identifier(match.start(), match.start() + len(value), "url")
    if "::" in text or text.count(":") >= 5:
        for match in _IPV6.finditer(text):
            value = match.group()
            if not clean_start(text, match.start(), ":.") or (value.count(":") < 4 and "::" not in value):
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
            if clean_start(lower, match.start()):
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
    **dict.fromkeys(("s/n", "sn", "serial", "udi", "imei"), ("device", True)),
    **dict.fromkeys(
        (
            "device",
            "implant",
            "pacemaker",
            "hearing aid",
            "pump",
            "pendant",
            "monitor",
            "sensor",
            "transmitter",
            "cgm",
            "stimulator",
            "processor",
            "prosthesis",
            "wheelchair",
            "scooter",
        ),
        ("device", False),
    ),
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
            "chip",
            "hmo",
            "ppo",
            "tricare",
            "bcbs",
        ),
        ("health_plan", False),
    ),
    **dict.fromkeys(("acct", "account", "fin", "csn", "har"), ("account", True)),
    **dict.fromkeys(("billing", "invoice", "encounter", "financial"), ("account", False)),
    **dict.fromkeys(("npi", "dea", "license", "licence", "lic", "cdl"), ("license", True)),
    **dict.fromkeys(("dl", "permit"), ("license", False)),
    **dict.fromkeys(("certification", "certificate", "cert", "nbcot", "credential"), ("license", False)),
    **dict.fromkeys(("id", "i.d"), ("other_id", True)),
    # Numbers a card or a badge carries are rarely anything but an identifier: "badge 4471".
    **dict.fromkeys(("badge", "passport", "placard"), ("other_id", True)),
    **dict.fromkeys(
        (
            "case",
            "claim",
            "identifier",
            "employee",
            "student",
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
# Credentials between "license" and its number: "RN license (RN 2219874, Ohio)".
_ID_LINKS = _QUALIFYING_LINKS | word_set("is was otr/l otr ot/l cota/l cota ot pt slp rn lpn np pa md dpt")
_DIGIT_RUN = re.compile(r"[0-9][A-Za-z0-9./-]*")
_TOKEN_CHARACTERS = frozenset(string.ascii_letters + string.digits + "./-")
# "MRN#:  88 21 40 9", "record no. 0 0 9 4 4 7 1 2": a number typed in spaced groups reads as one.
_SPACED_GROUPS = re.compile(r"(?:[ \t]\d{1,4}){2,}(?![\w./-])")
_SPACED_MIN_DIGITS = 6
_TWO_DIGITS = re.compile(r"[0-9][^0-9]*[0-9]")
_LETTER_LEAD = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,4}[ \t]\Z")
# Words one of which a record number needs before it: the last word of each strong keyword, and the
# links that let a weak keyword ("member", "case") count.
_ID_GATE_WORDS = frozenset(key.split()[-1] for key, (_, strong) in _ID_KEYWORDS.items() if strong) | word_set(
    "no nos number num id identifier code"
)
# "M R N", "m.r.n.": two single letters in a row may spell a keyword.
_SPELLED_PAIR = re.compile(r"(?<![a-z0-9])[a-z][. ]{1,2}[a-z](?![a-z])")

# "room 412", "Rm 4B", "bed 3": a place inside a facility that points at one person.
_ROOM = re.compile(r"[RrBb](?:oom|m\.?|ed)[ \t]*#?[ \t]*\d{1,4}[A-Za-z]?(?![\w/:]|\.\d)")
_ROOM_NOT_BEFORE = word_set(
    "x times min mins minutes sec secs seconds hr hrs hour hours day days rep reps set sets trial trials ft feet "
    "in inches degrees to of"
)
# "treatment room 2", "the therapy gym, room 3": a shared room where care happens is not where one person
# stays, so its number points at nobody.
_SHARED_ROOM_BEFORE = word_set(
    "treatment therapy conference meeting group staff break waiting sensory consult consultation interview "
    "training teaching quiet storage utility supply equipment gym"
)
# "plate HXT 4412": plates may hold a space, so they get their own pattern.
_PLATE = re.compile(
    r"[PpTt](?:late|ag)(?:[ \t]*(?:#|[Nn]o\.?|[Nn]umber|:|reads|read|is|was|shows))*[ \t]*([A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){1,2})(?![\w-])"
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


def _may_hold_keyword_ids(text: str, lower: str) -> bool:
    """False when no strong keyword, no linking "#", "no." or "ID" and no spelled-out letters are
    in the text: then no number in it can be read as a record number, and the pass is skipped."""
    if "#" in text or "s/n" in lower or "i.d" in lower:
        return True
    return not _ID_GATE_WORDS.isdisjoint(letter_words(lower)) or _SPELLED_PAIR.search(lower) is not None


def keyword_ids(text: str, lower: str) -> Iterator[Identifier]:
    last_end = -1
    for match in _DIGIT_RUN.finditer(text) if _may_hold_keyword_ids(text, lower) else ():
        start, end = match.start(), match.end()
        if start < last_end:
            continue
        while start > 0 and text[start - 1] in _TOKEN_CHARACTERS:
            start -= 1  # "HA-55102-R", "OT12345": the token starts before its first digit
        while end > start and text[end - 1] in "./-":
            end -= 1
        while start < end and text[start] in "./-":
            start += 1
        if end - start < 5 and text[end + 1 : end + 2].isdigit() and text[start:end].isdigit():
            groups = _SPACED_GROUPS.match(text, end)
            if groups and sum(char.isdigit() for char in text[start : groups.end()]) >= _SPACED_MIN_DIGITS:
                end = groups.end()
        last_end = end
        token = text[start:end]
        if len(token) < 4 or _TWO_DIGITS.search(token) is None:
            continue
        glued = text[max(0, start - 40) : start].rsplit(None, 1)[-1] if text[start - 1 : start] == "=" else ""
        if "?" in glued or "&" in glued:
            continue  # "topic.php?id=8390": a query string in a link, not a record number
        words = words_before(lower, start, 48)
        keyword = _keyword_before(words)
        if keyword is None and len(words) > 1 and (lead := _LETTER_LEAD.search(text, max(0, start - 6), start)):
            # "Policy no. H 771 228 310", "member ID XJH 448 2019 07", "Medicaid # NJ 0447 1182 93": up to
            # four capitals (a state, a payer prefix) lead a number typed in groups.
            keyword = _keyword_before(words[:-1])
            start = lead.start() if keyword else start
        if keyword is None and words and (len(words[-1]) == 1 or "." in words[-1]):
            keyword = _keyword_before(joined_letters(words))  # "M R N", "M.R.N."
        if keyword is None:
            continue
        if keyword[0] == "vehicle" and token.isdigit():
            continue
        yield Identifier(start, end, keyword[0])
    for match in _ROOM.finditer(text):
        if not clean_start(text, match.start()):
            continue
        after = words_after(lower, match.end(), 14)
        if (after and after[0] in _ROOM_NOT_BEFORE) or window_after(text, match.end(), 2).lstrip()[:1] == "%":
            continue
        before = words_before(lower, match.start(), 16)
        if before and before[-1] in _SHARED_ROOM_BEFORE and lower[match.start()] == "r":
            continue
        yield Identifier(match.start(), match.end(), "other_id")
    if "plate" in lower or "tag" in lower:
        for match in _PLATE.finditer(text):
            plate = match.group(1)
            if not clean_start(text, match.start()) or len(plate) < 5:
                continue
            if any(char.isdigit() for char in plate) and any(char.isalpha() for char in plate):
                yield Identifier(match.start(1), match.end(1), "vehicle")


# ---------------------------------------------------------------------------------------------
# Numbers and addresses written to slip past the plain patterns
# ---------------------------------------------------------------------------------------------

# "617/555/0199", "617_555_0123": a phone number with slashes or underscores between its groups.
_ODD_PHONE = re.compile(r"[0-9]\d\d(?P<sep>[/_])\d{3}(?P=sep)\d{4}(?![\w/]|\.\d)")
# "jane at gmail dot com", "tom.reyes(at)yahoo(dot)com", "priya.k@outlook[.]com".
_AT = r"(?:[ \t]*(?:\(at\)|\[at\]|\{at\})[ \t]*|[ \t]+at[ \t]+|@)"
_DOT = r"(?:[ \t]*(?:\(dot\)|\[dot\]|\{dot\}|\[\.\]|\(\.\))[ \t]*|[ \t]+dot[ \t]+|\.)"
_TLD = r"(?:com|net|org|edu|gov|us|io|co|info|me|biz|mail)"
_SPELLED_EMAIL = re.compile(
    rf"(?<![a-z0-9._+-])[a-z0-9][a-z0-9_+-]*(?:{_DOT}[a-z0-9_+-]+){{0,3}}{_AT}[a-z0-9-]+(?:{_DOT}[a-z0-9-]+){{0,2}}{_DOT}{_TLD}(?![a-z0-9])"
)
_PLAIN_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+")
# "facebook.com/...", "bit.ly/3xYzQ12": a web address without "http" or "www".
_BARE_URL = re.compile(
    r"(?<![a-z0-9.@/_-])[a-z0-9](?:[a-z0-9-]*\.)+(?:com|net|org|ly|io|me|co|us|tv|gl|be|gg|app|page|link|info|biz|social|site)"
    r"(?P<path>/[^\s<>\"'()\[\]{}]*)?(?![a-z0-9])"
)
# A dot and a top-level domain: found from the dot (a fast literal scan) before the costlier
# `_BARE_URL`, whose first character can be any letter, is run.
_TOP_LEVEL_DOMAIN = re.compile(
    r"\.(?:com|net|org|ly|io|me|co|us|tv|gl|be|gg|app|page|link|info|biz|social|site)(?![a-z0-9])"
)
_SOCIAL_HOSTS = re.compile(
    r"(?:^|\.)(?:facebook|fb|instagram|tiktok|twitter|x|youtube|youtu|linkedin|snapchat|pinterest|reddit|threads|"
    r"gofundme|caringbridge|bit|tinyurl|t|goo|ow|is|buff|rebrand|cutt|shorturl|tiny|"
    # Hosts that give each user a subdomain or a page: the address names its owner.
    r"[a-z0-9-]+\.(?:blogspot|wordpress|substack|tumblr|wixsite|weebly|squarespace|medium|github)|"
    r"blogspot|wordpress|substack|tumblr|medium|etsy|patreon|venmo|cash)\.[a-z]+$"
)
# "@RickyRollsOn", "@skaterkid_07", "Venmo @Delia-Marchetti-7": a social or payment handle is the
# address of its owner's page, so it is reported as a web address.
_HANDLE = re.compile(r"@(?P<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,28}[A-Za-z0-9_])?)(?![\w@-])")
# "M R N", "M.R.N.": letters spaced or dotted out are read as the word they spell.
_SPELLED_LETTERS = re.compile(r"^(?:[a-z]\.?)+$")


def joined_letters(words: list[str]) -> list[str]:
    """Join trailing single letters ("m", "r", "n" -> "mrn") and dotted ones ("m.r.n" -> "mrn")."""
    out: list[str] = []
    for word in words:
        if len(word) > 2 and "." in word and _SPELLED_LETTERS.match(word) and word not in ("i.d",):
            word = word.replace(".", "")
        if (
            len(word) == 1
            and word.isalpha()
            and out
            and out[-1].isalpha()
            and len(out[-1]) < 3
            and (len(out) < 2 or len(out[-2]) > 1 or not out[-2].isalpha())
        ):
            out[-1] += word
            continue
        out.append(word)
    return out


def disguised(text: str, lower: str) -> Iterator[Identifier]:
    """Phones with slashes or underscores, e-mail spelled out, bare links and social handles."""
    if "/" in text or "_" in text:
        for match in _ODD_PHONE.finditer(text):
            if clean_start(text, match.start(), "/_.-"):
                yield from _phone(match.group(), lower, match.start(), match.end())
    spelled_at = " at " in lower or "(at)" in lower or "[at]" in lower or "@" in lower
    if spelled_at and any(dot in lower for dot in (" dot ", "(dot)", "[dot]", "[.]", "(.)", "@")):
        for match in _SPELLED_EMAIL.finditer(lower):
            value = match.group()
            if "@" in value and _PLAIN_DOMAIN.fullmatch(value.split("@")[-1]):
                continue  # a plain address: `contacts` reads it
            if clean_start(lower, match.start(), "._+-"):
                yield Identifier(match.start(), match.end(), "email")
    if "." in text and _TOP_LEVEL_DOMAIN.search(lower):
        for match in _BARE_URL.finditer(lower):
            if not clean_start(lower, match.start(), ".@/:_-"):
                continue
            host = lower[match.start() : match.start("path") if matched(match, "path") else match.end()]
            if _PUBLIC_REFERENCE_HOST.search(host):
                continue
            if (matched(match, "path") and len(match.group("path")) > 1) or _SOCIAL_HOSTS.search(host):
                end = match.end()
                while end > match.start() and text[end - 1] in _TRAILING_PUNCTUATION:
                    end -= 1
                yield Identifier(match.start(), end, "url")
    if "@" in text:
        for match in _HANDLE.finditer(text):
            handle = match.group("handle")
            if not clean_start(text, match.start()) or not any(char.isalpha() for char in handle):
                continue
            if handle.islower() and handle.isalpha() and len(handle) < 12:
                from portfolios.rubric.phi.lists import is_english_word

                if is_english_word(handle):
                    continue  # "@home", "@night": shorthand for "at"
            yield Identifier(match.start(), match.end(), "url")
