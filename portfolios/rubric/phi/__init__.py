"""The PHI gate: flag the HIPAA Safe Harbor identifiers a portfolio artifact's text can carry.

Runs on every section of every kind, and once more on the sections joined in order, so an
identifier split across two sections (a first name ending one, the surname starting the next)
is still caught. Each identifier found is one `error` finding on the documentation row, with
check id `phi.<type>` (`TYPES`) and a span covering just the identifier, so the product can offer
"replace with placeholder" (`PLACEHOLDERS`, `redact`). A staff member's name ("per PT Jones",
"Dr. Patel, the attending") is not a patient identifier: it is a `phi.staff_name` warning.
`find_identifiers` gives the spans for a bare string, `scan_field` the findings for one bare
field (profile headline, share-link label, invite message). Safe Harbor is 45 CFR
164.514(b)(2); letters in comments refer to its list (A names ... R other numbers). Biometrics
and photos (P, Q) cannot be carried by text and are not checked here.

Modules: `normalise` folds look-alike characters and keeps offsets into the original text;
`numbers` (phones, SSNs, record numbers, e-mail, links), `dates` (dates and ages over 89),
`places` (streets, towns from a US gazetteer, ZIP codes, facilities) and `names` (person
positions, Census names and words found in no English vocabulary) each yield candidates;
`lists` holds the name lists and the clinical words that look like names.

Precision on clinical prose matters as much as recall: scores ("3/4 trials", "22/30"), blood
pressures ("128/82"), CPT and ICD-10 codes, eponyms ("Berg Balance Scale"), ages up to 89,
bare years and placeholders ("Client A", "[NAME]") pass. The labelled corpus in
tests/rubric/corpus/phi*.jsonl measures recall and false alarms (tests/rubric/phi_eval.py).

Speed: every pattern starts with a plain character class or word so the regex engine can skip
ahead, context is read in Python on a bounded window, and no pattern backtracks over more than
a few dozen characters, so cost is linear in the length of the text. A pass that needs a word
(a street suffix, "admitted", "ICU", a record-number keyword) asks the text's word set
(`common.letter_words`, built once per text) before it scans, and a section that ends a
sentence is not joined to the next.

Messages never repeat the identifier itself: findings are stored and shown to others.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import Finding
from portfolios.rubric.phi import dates, names, numbers, places
from portfolios.rubric.phi.common import ASCII_LOWER, Identifier
from portfolios.rubric.phi.normalise import normalise
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


STAFF_CHECK = "phi.staff_name"
PLACEHOLDERS[STAFF_CHECK] = "[STAFF NAME]"
_STAFF_MESSAGE = "This looks like a staff member's name: not a patient identifier, but consider removing it."
_STAFF_FIX = "Write the role instead, e.g. 'the attending physician' or 'the treating PT'."
_ERROR_MESSAGE = (
    "This looks like {what}. HIPAA Safe Harbor lists it among the 18 identifiers that must be "
    "removed before a de-identified case can be shared, so reviewers must not see it."
)
# Sections are joined with one space, so a name or an address split at a section break reads
# as one phrase, as it would to a reader of the shared page.
_SECTION_JOIN = " "
_BREAK_WINDOW = 160
# A section ending in a full stop after an ordinary lower-case word (not "Dr." or "Jan."), or in
# "!" or "?", ends a sentence, and no identifier runs on across a sentence end.
_SENTENCE_END = re.compile(r"(?:(?<![A-Za-z])[a-z]{4,}\.|[!?])[\s\"')\]]*\Z")

__all__ = [
    "PLACEHOLDERS",
    "STAFF_CHECK",
    "TYPES",
    "Identifier",
    "check",
    "find_identifiers",
    "redact",
    "scan_field",
]


def _finding(field: str, start: int, end: int, kind: str) -> Finding:
    if kind == "staff_name":
        return finding(
            field,
            (start, end),
            check=STAFF_CHECK,
            row=DOCUMENTATION,
            severity="warning",
            message=_STAFF_MESSAGE,
            fix=_STAFF_FIX,
        )
    what, fix = _WORDING[kind]
    return finding(
        field,
        (start, end),
        check=f"phi.{kind}",
        row=DOCUMENTATION,
        severity="error",
        message=_ERROR_MESSAGE.format(what=what),
        fix=fix,
    )


def scan_field(field_key: str, text: str) -> tuple[Finding, ...]:
    """Findings (errors, and warnings for staff names) for one bare string checked as field `field_key`."""
    return tuple(_finding(field_key, item.start, item.end, item.type) for item in find_identifiers(text))


def check(text: ArtifactText) -> Iterator[Finding]:
    """Yield one finding per identifier in every section, then those only the joined sections show.

    In a section about the document itself (role "document_dates": a checklist's owner and
    review), a date is the document's own ("revised by 30 Sept."), so dates pass there; every
    other identifier, and dates in every other section, are still flagged.
    """
    sections = [(field, section) for field, section in text.fields.items() if section and section.strip()]
    own_dates = frozenset(text.spec.role("document_dates")) if text.spec is not None else frozenset()
    found: dict[str, list[Identifier]] = {}
    for field, section in sections:
        found[field] = find_identifiers(section)
        for item in found[field]:
            if not (item.type == "date" and field in own_dates):
                yield _finding(field, item.start, item.end, item.type)
    if len(sections) > 1:
        for item in _across_sections(sections, found):
            if not (item.check == "phi.date" and item.field in own_dates):
                yield item


def _across_sections(sections: list[tuple[str, str]], found: dict[str, list[Identifier]]) -> Iterator[Finding]:
    """Identifiers that cross a section break, mapped back to the part in each section.

    Only the text near each break is joined (`_BREAK_WINDOW` characters either side, more than
    any pattern's context), so the second look costs little however long the sections are.
    """
    for (left_field, left), (right_field, right) in itertools.pairwise(sections):
        if _SENTENCE_END.search(left, max(0, len(left) - 40)):
            continue  # "...before continuing." ends a sentence: nothing runs on into the next section
        tail_end = len(left.rstrip())
        tail_start = max(0, tail_end - _BREAK_WINDOW)
        head_start = len(right) - len(right.lstrip())
        head_end = min(len(right), head_start + _BREAK_WINDOW)
        tail = left[tail_start:tail_end]
        joined = tail + _SECTION_JOIN + right[head_start:head_end]
        boundary = len(tail)
        for item in find_identifiers(joined):
            if item.start >= boundary or item.end <= boundary + len(_SECTION_JOIN):
                continue  # wholly inside one section: that section's own scan is the authority
            parts = (
                (left_field, tail_start + item.start, tail_start + boundary),
                (right_field, head_start, head_start + item.end - boundary - len(_SECTION_JOIN)),
            )
            for field, start, end in parts:
                if start < end and not any(old.start < end and start < old.end for old in found[field]):
                    yield _finding(field, start, end, item.type)


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
    """Every identifier in `text` (staff names included, as type "staff_name"), in reading order, none overlapping."""
    if not text or not text.strip():
        return []
    folded, origin = normalise(text)
    masked = _mask_placeholders(folded)
    # ASCII-only lower-casing keeps every offset (str.lower can change the length of some letters).
    lower = masked.translate(ASCII_LOWER)
    candidates: list[Identifier] = []
    for family in _FAMILIES:
        candidates.extend(family(masked, lower))
    kept = _resolve_overlaps(candidates)
    if origin is None:
        return kept
    return [Identifier(*origin.span(item.start, item.end), item.type) for item in kept]


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
    "staff_name": 11,
    "name": 12,
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
_PLACEHOLDER = re.compile(
    r"\[(?!(?:at|dot|\.)\])[^\[\]\r\n]{0,80}\]|<[A-Za-z][A-Za-z _-]{0,30}>|\{\{?[^{}\r\n]{0,40}\}?\}"
)


def _mask_placeholders(text: str) -> str:
    if "[" not in text and "<" not in text and "{" not in text:
        return text
    return _PLACEHOLDER.sub(lambda m: " " * (m.end() - m.start()), text)


_FAMILIES = (
    numbers.contacts,
    numbers.keyword_ids,
    numbers.disguised,
    dates.dates_and_ages,
    dates.more_dates_and_ages,
    places.places,
    places.towns,
    names.names,
)
