"""Checks for a documentation workflow and its safeguards (kind `workflow_safeguards`).

Documentation is "timely, accurate, defensible" when (domain-checks §3.6 TM-DOC, §4 Outpatient,
Medicare BPM ch. 15): notes are written at the point of service or the same day; every note
carries the date, the interventions, timed and total minutes, and a signature with credentials;
at least one concrete safeguard catches errors before signing; the failure modes are named with
the safeguard that catches each; and an audit or measure with a number shows it works.

Check ids: `workflow.note_minimum`, `workflow.safeguards`, `workflow.verification` (row
documentation), `workflow.timing` and `workflow.failure_modes` (row time management).
The same-day rule and the note minimum are public so the caseload note can reuse them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import DOCUMENTATION, TIME_MANAGEMENT
from portfolios.rubric.text import section_finding

# Written at the visit or the same day (24 hours at most).
SAME_DAY = re.compile(
    r"(?i)\b(?:same[- ](?:day|shift)|(?:within|during|in|before\s+the\s+end\s+of)\s+(?:the\s+|my\s+|this\s+)?shift"
    r"|point[- ]of[- ](?:service|care)|POS|real[- ]time|during the (?:visit|session|treatment)"
    r"|(?:at|by) the bedside|in the room|before (?:I leave|leaving|the next (?:patient|visit|session)|my next"
    r"|(?:the )?end of (?:the|my)? ?(?:day|shift))|by (?:the )?end of (?:the|my)? ?(?:day|shift)|end of day|EOD"
    r"|that day|the day of (?:the )?(?:visit|service|session)"
    r"|within (?:[1-9]|1\d|2[0-4])\s*(?:h|hrs?|hours?)"
    # "in the session", "in the 15 minutes after my last client", "never carried to the next day"
    r"|(?:in|during|within) (?:the |each |every )?(?:visit|session|treatment)"
    r"|(?:in|within) (?:the )?\d+ min(?:ute)?s? (?:after|of|following)"
    r"|(?:never|not) (?:carried|left|put off|held|kept) (?:over )?(?:to|until|till|for) (?:the )?next day)\b"
)
# What a defensible treatment note carries (Medicare BPM ch. 15 treatment note).
NOTE_ELEMENTS: dict[str, re.Pattern[str]] = {
    "date": re.compile(r"(?i)\b(?:dates?|dated|date of service|DOS)\b"),
    "interventions": re.compile(
        r"(?i)\b(?:interventions?|treatments? (?:provided|given|performed|delivered)|CPT|procedures?|what was done"
        r"|skilled (?:services?|care)|services? provided|therapeutic (?:exercise|activit\w+))\b"
    ),
    "timed minutes": re.compile(r"(?i)\btimed\b|\b8[- ]minute rule\b"),
    "total minutes": re.compile(r"(?i)\btotal\s+(?:\w+\s+){0,2}?(?:min(?:ute)?s?|time)\b"),
    "signature with credentials": re.compile(r"(?i)\b(?:sign(?:ed|ature|s)?|credentials?|OTR/L|e-?sign\w*)\b"),
}

_SAFEGUARD = re.compile(
    r"(?i)\b(?:templates?|required fields?|hard stops?|checklists?|second (?:look|check|reader|review|set of eyes)"
    r"|peer review\w*|co-?sign\w*|audit\w*|double[- ]check\w*|alerts?|reminders?|prompts?|smart ?phrases?"
    r"|dot ?phrases?|pre-?sign\w*|review(?:ed)? (?:before|prior to) sign\w*|read (?:it )?back|queue|dashboard"
    r"|report|timer|flag\w*|spell[- ]?check\w*|unsigned[- ]notes? (?:list|report|queue)|tracker|blocked time"
    r"|calendar block\w*|minutes? calculator|cross-?check\w*)\b"
)
_MEASURE = re.compile(
    r"(?i)\b(?:audit\w*|measure\w*|rate|percent|before|after|review\w*|sample\w*|denial\w*|denied|late"
    r"|compliance|count\w*|track\w*|median|average|mean|charts?|notes?|errors?)\b|%"
)
_NUMBER = re.compile(r"\d")
_FAILURE = re.compile(
    r"(?i)\b(?:late|delay\w*|miss\w*|forg[eo]t\w*|cop(?:y|ied)[- ]forward|clon\w*|carr(?:y|ied)[- ]?forward|wrong"
    r"|errors?|unsigned|incomplete|omi\w+|inaccura\w*|denial\w*|denied|backlog\w*|duplicat\w*|fatigue|rush\w*"
    r"|interrupt\w*|batch\w*|from memory|typos?|mismatch\w*|gaps?|overdue)\b"
)
_CAUGHT_BY = re.compile(
    r"(?i)\b(?:caught by|catch\w*|safeguards?|prevent\w*|flag\w*|check\w*|so that|fix\w*|mitigat\w*|guard\w*"
    r"|stops?|blocks?|alerts?|templates?|audit\w*|reminders?|required fields?|hard stops?)\b|->|\u2192"
)


def same_day_rule(body: str) -> bool:
    """True when the text says notes are written at the point of service or the same day."""
    return bool(SAME_DAY.search(body))


def missing_note_elements(body: str) -> list[str]:
    """The elements of a defensible treatment note that the text does not mention."""
    return [label for label, pattern in NOTE_ELEMENTS.items() if not pattern.search(body)]


def join_phrases(parts: list[str]) -> str:
    """Join phrases as a reader would: "a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def check(text: ArtifactText) -> Iterator[Finding]:
    """Every documentation-workflow finding for this artifact (nothing for other kinds)."""
    yield from _timing(text)
    yield from _note_minimum(text)
    yield from _safeguards(text)
    yield from _verification(text)
    yield from _failure_modes(text)


def _timing(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("timing")
    if same_day_rule(body):
        return
    yield section_finding(
        "timing",
        body,
        check="workflow.timing",
        row=TIME_MANAGEMENT,
        severity="warning",
        message=(
            "No timing rule: say when notes are started and signed."
            if text.is_blank("timing")
            else "The timing does not say notes are written at the point of service or the same day."
        ),
        fix="\u201cI start the note at the point of service and sign it the same day, before I leave.\u201d",
    )


def _note_minimum(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("payer_requirements")
    missing = missing_note_elements(body)
    if not missing:
        return
    blank = text.is_blank("payer_requirements")
    yield section_finding(
        "payer_requirements",
        body,
        check="workflow.note_minimum",
        row=DOCUMENTATION,
        severity="error" if blank else "warning",
        message=(
            "The payer requirements are not written: say what every note must carry."
            if blank
            else f"The note minimum leaves out {join_phrases(missing)}."
        ),
        fix=(
            "\u201cEvery treatment note: date of service, interventions matching the CPT codes billed, timed and "
            "total minutes, my signature and credentials (OTR/L).\u201d"
        ),
    )


def _safeguards(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("safeguards")
    if _SAFEGUARD.search(body):
        return
    blank = text.is_blank("safeguards")
    yield section_finding(
        "safeguards",
        body,
        check="workflow.safeguards",
        row=DOCUMENTATION,
        severity="error" if blank else "warning",
        message=(
            "No safeguards: say which checks catch errors before a note is signed."
            if blank
            else "No concrete safeguard is named (a template, a required field, a second look, an audit)."
        ),
        fix=(
            "\u201cThe note template will not sign until timed minutes and the plan are filled in; I reread the "
            "goals section against today\u2019s data before signing.\u201d"
        ),
    )


def _verification(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("verification")
    if _NUMBER.search(body) and _MEASURE.search(body):
        return
    yield section_finding(
        "verification",
        body,
        check="workflow.verification",
        row=DOCUMENTATION,
        severity="warning",
        message=(
            "No verification: say how you know the workflow works."
            if text.is_blank("verification")
            else "The verification has no number: name the audit or measure and its result."
        ),
        fix="\u201cMonthly audit of 10 notes: late notes fell from 18% to 4% over 3 months; no denials since.\u201d",
    )


def _failure_modes(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("failure_modes")
    missing = []
    if not _FAILURE.search(body):
        missing.append("what goes wrong")
    if not _CAUGHT_BY.search(body):
        missing.append("which safeguard catches it")
    if not missing:
        return
    yield section_finding(
        "failure_modes",
        body,
        check="workflow.failure_modes",
        row=TIME_MANAGEMENT,
        severity="warning",
        message=(
            "No failure modes: say what goes wrong under volume and which safeguard catches it."
            if text.is_blank("failure_modes")
            else f"The failure modes do not say {' or '.join(missing)}."
        ),
        fix=(
            "\u201cNotes batched at the end of the day are written from memory and miss minutes \u2192 caught by the "
            "required timed-minutes field and the unsigned-notes report at 16:00.\u201d"
        ),
    )
