"""Checks for a handoff communication template (kind `handoff_template`).

A handoff template earns trust when errors cannot slip through it (domain-checks §1.2, §3.1):
it follows a named structure (I-PASS, SBAR or ISBAR) with all its elements, states illness
severity, gives every action an owner and a time, writes contingencies as if/then, has the
receiver read back, marks what is required and what optional, carries the rehab safety items
(precautions, assist level, DME, cognition, pending items) and says how to escalate.

Check ids: `handoff.framework`, `handoff.severity`, `handoff.if_then`, `handoff.read_back`,
`handoff.required_optional`, `handoff.escalation` (row documentation), `handoff.owner_time`
(row time management) and `handoff.rehab_safety` (row assessment).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.assist import fold
from portfolios.rubric.evidence import is_labelled_contingency
from portfolios.rubric.examples import example
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import ASSESSMENT, DOCUMENTATION, TIME_MANAGEMENT
from portfolios.rubric.text import finding, iter_items, section_finding

# Per-line findings stop after this many, so a pasted document cannot flood the page.
MAX_LINE_FINDINGS = 25

# Who can own an action or receive an escalation. Abbreviations are matched case-sensitively
# ("OT", not "ot"), role words in any case.
_ROLE = re.compile(
    r"\b(?:OTR?|OTA|COTA|PTA?|RN|LPN|MD|NP|PA|SLP|CM|SW|RT|CNA|PCT|MSW|OTR/L)\b"
    r"|(?i:\b(?:nurse|nursing|physician|doctor|therapist|case manager|social worker|charge nurse|receiver"
    r"|receiving (?:OT|therapist|clinician)|sender|resident|hospitalist|attending|surgeon|aide|rehab (?:tech|aide)"
    r"|supervisor|manager|team lead|rapid response|provider|clinician|pharmacist|dietitian|family|caregiver)s?\b)"
    # the writer ("Me, by Wednesday", "I'll ring the GP") and British and Australian roles
    r"|\b(?:I|Me|me)\b|\bGP\b|\bSHO\b|\bHCA\b"
    r"|(?i:\b(?:physio(?:therapist)?|carer|registrar|consultant|matron|sister|support worker|care worker|key ?worker"
    r"|duty worker|locum)s?\b)"
)
# When an action is due: a clock time, a shift, a deadline or an interval.
_TIME = re.compile(
    r"(?i)\b(?:by\s+(?:\d{1,2}\b|noon|midday|morning|afternoon|evening|tonight|tomorrow|end|next|the next|discharge"
    r"|d/c|\w+day)|today|tonight|tomorrow|next (?:shift|session|visit|treatment|day|morning|week)"
    r"|this (?:shift|morning|afternoon|evening|session|visit)|end of (?:shift|day|session)"
    r"|before (?:discharge|d/c|the next|next|transfer|\d)|within \d+\s*(?:min(?:ute)?s?|h|hrs?|hours?|days?)\b"
    r"|\d{1,2}:\d{2}|\d{1,2}\s*(?:am|pm)\b|same[- ](?:day|shift)|(?:this|current|one|a\s+single)\s+shift"
    r"|(?:on|at) day \d+|daily\b|every \d+|q\s?\d+\s?h\b|stat\b"
    r"|asap\b|immediately\b|prior to \w+|at (?:noon|\d))"
    # a weekday, close of business, or a fixed team slot: "Thursday", "by COB", "at the board round"
    r"|(?i:\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b(?:COB|EOD|close of business)\b"
    r"|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?(?:\s*:|\s+(?:\d|am\b|pm\b|morning|afternoon|evening|night"
    r"|breakfast|lunch|dinner))|\b(?:at|on|by|before|after) (?:the )?(?:\w+ )?(?:ward|board|consultant) rounds?\b)"
)
_SEVERITY = re.compile(
    r"(?i)\b(?:stable|watcher|unstable)\b"
    # a British RAG or traffic-light rating: "RAG rating (green / amber / red)"
    r"|\bRAG\b|\b(?:red|green)\s*/\s*amber\s*/\s*(?:green|red)\b|\btraffic[- ]light\b"
)
# If/then: a condition word, then later in the same sentence what to do.
_CONDITION = re.compile(r"(?i)\b(?:if|should|when|whenever)\b")
_RESPONSE_STEP = re.compile(
    r"(?i)\b(?:then|call|notify|page|escalate|hold|stop|contact|tell|inform|report|return|sit|rest|recheck|re-check)\b"
)
_SENTENCE_BREAK = re.compile(r"[.;\n]")
_READ_BACK = re.compile(
    r"(?i)\b(?:read[- ]?backs?|reads? (?:it )?back|repeats? (?:it )?back|check[- ]?back|synthesis|summari[sz]\w*"
    r"|restates?|teach[- ]?back|asks? (?:\w+ )?questions|clarifying questions|questions (?:are )?answered"
    r"|(?:tells?|says?|gives?) (?:it |me |us |them |everything |this )?back|in (?:their|his|her|your) (?:own )?words)\b"
)
_FRAMEWORK = {
    "I-PASS": re.compile(r"(?i)\bI[- ]?PASS\b"),
    "ISBAR": re.compile(r"(?i)\bI[- ]?SBAR(?:R)?\b"),
    "SBAR": re.compile(r"(?i)(?<![\w-])SBAR(?:R)?\b"),
}
# The elements of each framework and the words that show each one is covered.
_ELEMENTS: dict[str, dict[str, re.Pattern[str]]] = {
    "I-PASS": {
        "Illness severity": re.compile(r"(?i)\b(?:illness severity|severity|stable|watcher|unstable)\b"),
        "Patient summary": re.compile(
            r"(?i)\b(?:patient summary|summary statement|diagnos\w*|hospital course|events|history|background"
            r"|prior level|PLOF|reason for (?:admission|referral))\b"
        ),
        "Action list": re.compile(r"(?i)\b(?:action list|actions?|to-?dos?|tasks?)\b"),
        "Situation awareness and contingency planning": re.compile(r"(?i)\b(?:situation awareness|contingenc\w*)\b"),
        "Synthesis by receiver": _READ_BACK,
    },
    "SBAR": {
        "Situation": re.compile(r"(?i)\b(?:situation|current (?:status|problem|issue)|reason for)\b"),
        "Background": re.compile(
            r"(?i)\b(?:background|history|PMH|prior level|PLOF|diagnos\w*|admitted|admission|post-?op|s/p|surgery)\b"
        ),
        "Assessment": re.compile(
            r"(?i)\b(?:assessment|assess\w*|findings?|vitals?|assist level|level of assist\w*|current level)\b"
        ),
        "Recommendation": re.compile(r"(?i)\b(?:recommend\w*|request\w*|next steps?|what I need|suggest\w*)\b"),
    },
}
_ELEMENTS["ISBAR"] = {
    "Identify": re.compile(
        r"(?i)\b(?:identify|identif\w+|introduc\w+|name and role|your role|who you are|two identifiers)\b"
    ),
    **_ELEMENTS["SBAR"],
}
# A framework's letter used as a line heading covers its element: "S - Type II fracture …", "B: lives alone".
# (I-PASS's two S elements share a letter, so only its I, P and A headings count.)
_ELEMENT_LETTERS: dict[str, dict[str, str]] = {
    "SBAR": {"Situation": "S", "Background": "B", "Assessment": "A", "Recommendation": "R"},
    "ISBAR": {"Identify": "I", "Situation": "S", "Background": "B", "Assessment": "A", "Recommendation": "R"},
    "I-PASS": {"Illness severity": "I", "Patient summary": "P", "Action list": "A"},
}
_LETTER_HEADING = {
    letter: re.compile(rf"(?m)^[ \t*•>]*(?:\(?{letter}\)|{letter})[ \t]*(?:[-:\u2013\u2014.)]|=)[ \t]*\S")
    for letter in "ISBARP"
}


def _covered(framework: str, element: str, everything: str) -> bool:
    """True when the template covers the element in words or under the framework letter as a line heading."""
    if _ELEMENTS[framework][element].search(everything):
        return True
    letter = _ELEMENT_LETTERS.get(framework, {}).get(element)
    return bool(letter and _LETTER_HEADING[letter].search(everything))


# I-PASS elements that have their own section in the template: a filled section covers them.
_ELEMENT_SECTIONS = {
    "Action list": "actions",
    "Situation awareness and contingency planning": "contingencies",
    "Synthesis by receiver": "read_back",
}

# Rehab safety content every required list should carry.
_REHAB_ITEMS: dict[str, re.Pattern[str]] = {
    "precautions": re.compile(
        r"(?i)\b(?:precautions?|fall risk|falls?|hip|sternal|spinal|weight[- ]bearing|restrictions?|aspiration"
        r"|seizure|isolation|orthostatic|vitals?|O2|oxygen)\b|\b(?:NWB|TTWB|TDWB|PWB|WBAT|FWB)\b"
    ),
    "current assist level": re.compile(
        r"(?i)\b(?:assist(?:ance)? levels?|level of assist\w*|independent|modified independent|mod I|supervision"
        r"|set-?up|contact guard|CGA|SBA|min(?:imal)? (?:A|assist\w*)|mod(?:erate)? (?:A|assist\w*)"
        r"|max(?:imal)? (?:A|assist\w*)|dependent|assist)\b"
    ),
    "DME": re.compile(
        r"(?i)\b(?:DME|equipment|walker|RW|FWW|cane|wheelchair|w/c|commode|BSC|shower chair|tub bench|grab bars?"
        r"|reacher|sock aid|adaptive equipment|AE|splint|orthosis|brace|sling|hospital bed|hoyer lift"
        r"|mechanical lift)\b"
    ),
    "cognition": re.compile(
        r"(?i)\b(?:cognit\w*|orient\w*|A&Ox?\d?|AOx\d|memory|confus\w*|delirium|attention|follows? (?:\d[- ]step )?"
        r"commands|safety awareness|insight|judg(?:e)?ment|MoCA|SLUMS|mental status)"
    ),
    "pending items": re.compile(
        r"(?i)\b(?:pending|outstanding|awaiting|follow[- ]?ups?|to be (?:done|completed)|not yet|still needs?"
        r"|open items|results|consults?|on order|(?:still|yet) to (?:arrive|come)|back-?ordered)\b"
    ),
}

_ESCALATION_TRIGGER = re.compile(
    r"(?i)\b(?:if|when|whenever|any|new|drops?|below|above|over|under|change[sd]?|declin\w*|worsen\w*|concern\w*"
    r"|unsafe|falls?|unable|no (?:answer|response))\b|[<>\u2264\u2265]|\d"
)
_ESCALATION_ACTION = re.compile(
    r"(?i)\b(?:notify|notified|call|page|escalate\w*|inform|tell|alert|contact|report|activate|text|CUS"
    r"|two[- ]challenge|chain of command|(?:talk|speak)\w*\s+(?:to|with)|discuss\w*\s+with|phone|ring)\b"
)
_HEADER_LINE = re.compile(r":\s*$")


def check(text: ArtifactText) -> Iterator[Finding]:
    """Every handoff-template finding for this artifact (nothing for other kinds)."""
    yield from _framework(text)
    yield from _severity(text)
    yield from _owner_time(text)
    yield from _if_then(text)
    yield from _read_back(text)
    yield from _required_optional(text)
    yield from _rehab_safety(text)
    yield from _escalation(text)


def _join(parts: list[str]) -> str:
    """Join phrases as a reader would: "a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _everything(text: ArtifactText) -> str:
    return "\n".join(text.fields.values())


def _framework(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("framework")
    named = [name for name, pattern in _FRAMEWORK.items() if pattern.search(body)]
    if "ISBAR" in named and "SBAR" in named:
        named.remove("SBAR")
    fix = (
        "\u201cI-PASS at every OT-to-OT handoff: Illness severity, Patient summary, Action list, Situation "
        "awareness and contingencies, Synthesis by receiver.\u201d"
    )
    if not named:
        yield section_finding(
            "framework",
            body,
            check="handoff.framework",
            row=DOCUMENTATION,
            severity="warning",
            message="No handoff structure is named: say whether you follow I-PASS, SBAR or ISBAR.",
            fix=fix,
        )
        return
    everything = _everything(text)
    missing_by_framework = {
        name: [
            element
            for element in _ELEMENTS[name]
            if not _covered(name, element, everything)
            and (element not in _ELEMENT_SECTIONS or text.is_blank(_ELEMENT_SECTIONS[element]))
        ]
        for name in named
    }
    # Judge the template against the named framework it follows most closely.
    name, missing = min(missing_by_framework.items(), key=lambda item: len(item[1]))
    if not missing:
        return
    yield section_finding(
        "framework",
        body,
        check="handoff.framework",
        row=DOCUMENTATION,
        severity="warning",
        message=f"The template names {name} but does not cover {_join(missing)}.",
        fix=f"Add a line or heading for each missing {name} element, e.g. \u201c{missing[0]}: \u2026\u201d.",
    )


def _severity(text: ArtifactText) -> Iterator[Finding]:
    if _SEVERITY.search(_everything(text)):
        return
    yield section_finding(
        "required_items",
        text.text("required_items"),
        check="handoff.severity",
        row=DOCUMENTATION,
        severity="warning",
        message="Illness severity is not part of the template: the receiver cannot tell who needs watching.",
        fix="Add a required item: \u201cIllness severity: stable / watcher / unstable.\u201d",
    )


def _owner_time(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("actions")
    fix = example(text.track, "handoff_action")
    if text.is_blank("actions"):
        yield section_finding(
            "actions",
            body,
            check="handoff.owner_time",
            row=TIME_MANAGEMENT,
            severity="warning",
            message="No action list: to-dos need an owner and a time so they are not dropped at the handoff.",
            fix=fix,
        )
        return
    flagged = 0
    for item in iter_items(body):
        if _HEADER_LINE.search(item.text):
            continue
        missing = []
        if not _ROLE.search(item.text):
            missing.append("who owns it")
        if not _TIME.search(item.text):
            missing.append("by when")
        if not missing:
            continue
        flagged += 1
        if flagged > MAX_LINE_FINDINGS:
            return
        yield finding(
            "actions",
            item,
            check="handoff.owner_time",
            row=TIME_MANAGEMENT,
            severity="warning",
            message=f"This action does not say {' or '.join(missing)}.",
            fix=fix,
        )


def has_if_then(body: str) -> bool:
    """True when some sentence states a condition and, after it, the response ("If ..., then notify ...")."""
    for sentence in _SENTENCE_BREAK.split(body):
        condition = _CONDITION.search(sentence)
        if condition and _RESPONSE_STEP.search(sentence, condition.end()):
            return True
    # a numbered or bulleted rule with no "if": "5b. Dizzy on sitting up: recline, raise legs, stop"
    return any(is_labelled_contingency(fold(line.text)) for line in iter_items(body))


def _if_then(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("contingencies")
    if has_if_then(body):
        return
    yield section_finding(
        "contingencies",
        body,
        check="handoff.if_then",
        row=DOCUMENTATION,
        severity="warning",
        message=(
            "No contingency plan yet."
            if text.is_blank("contingencies")
            else "The contingencies are not written as if/then, so the receiver does not know what to do when."
        ),
        fix="\u201cIf SpO2 drops below 90% during activity, then stop, seat the patient and notify the RN.\u201d",
    )


def _read_back(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("read_back")
    if _READ_BACK.search(body) or _READ_BACK.search(text.text("framework")):
        return
    yield section_finding(
        "read_back",
        body,
        check="handoff.read_back",
        row=DOCUMENTATION,
        severity="warning",
        message=(
            "No read-back step: nothing shows the receiver summarising, asking questions and restating the actions."
            if text.is_blank("read_back")
            else "The read-back step does not say the receiver summarises, asks questions or restates the actions."
        ),
        fix=(
            "\u201cReceiver reads back the summary and each action with its owner and time, asks questions, and "
            "the sender confirms.\u201d"
        ),
    )


def _required_optional(text: ArtifactText) -> Iterator[Finding]:
    missing = [
        label for key, label in (("required_items", "required"), ("optional_items", "optional")) if text.is_blank(key)
    ]
    if not missing:
        return
    field = "required_items" if "required" in missing else "optional_items"
    yield section_finding(
        field,
        text.text(field),
        check="handoff.required_optional",
        row=DOCUMENTATION,
        severity="warning",
        message=(
            f"The template does not mark what is {' or '.join(missing)}: the required core should be short and "
            f"always sent; optional items only when they matter."
        ),
        fix=(
            "Required: illness severity, precautions, assist level, DME, cognition, pending items. "
            "Optional: social context, preferences, family questions."
        ),
    )


def _rehab_safety(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("required_items")
    missing = [label for label, pattern in _REHAB_ITEMS.items() if not pattern.search(body)]
    if not missing:
        return
    yield section_finding(
        "required_items",
        body,
        check="handoff.rehab_safety",
        row=ASSESSMENT,
        severity="warning",
        message=f"The required items do not include {_join(missing)}.",
        fix=example(text.track, "handoff_items"),
    )


def _escalation(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("escalation")
    fix = example(text.track, "handoff_escalation")
    if text.is_blank("escalation"):
        yield section_finding(
            "escalation",
            body,
            check="handoff.escalation",
            row=DOCUMENTATION,
            severity="error",
            message="No escalation path: say what triggers escalation and whom you notify.",
            fix=fix,
        )
        return
    missing = [
        label
        for label, pattern in (
            ("a trigger", _ESCALATION_TRIGGER),
            ("a notify/escalate step", _ESCALATION_ACTION),
            ("the role you notify", _ROLE),
        )
        if not pattern.search(body)
    ]
    if not missing:
        return
    yield section_finding(
        "escalation",
        body,
        check="handoff.escalation",
        row=DOCUMENTATION,
        severity="warning",
        message=f"The escalation path is missing {_join(missing)}.",
        fix=fix,
    )
