"""Checks for a checklist or SOP that prevents a common error (kind `sop_checklist`).

Good checklists are short, precise and tied to the workflow (domain-checks §1.5, §3.2): they
name the error they prevent, start at a pause point ("Before the first transfer..."), say
whether they are DO-CONFIRM or READ-DO, hold 5 to 9 concrete items per pause point, say
when they do not apply, escalate in a set order within a set time, and have an owner who
tested them and reviews them.

Check ids: `checklist.count` (row time management), `checklist.type`, `checklist.pause_point`,
`checklist.vague_item`, `checklist.exceptions`, `checklist.escalation`, `checklist.error_named`
and `checklist.owner_review` (row documentation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.examples import example
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import DOCUMENTATION, TIME_MANAGEMENT
from portfolios.rubric.text import Span, finding, iter_list_items, section_finding

# Gawande and Boorman: 5 to 9 items per pause point.
MIN_ITEMS = 5
MAX_ITEMS = 9
# Per-line findings stop after this many, so a pasted document cannot flood the page.
MAX_LINE_FINDINGS = 25

# A pause-point header: a line ending in ":", or a short phrase naming a moment with no comma
# ("Before the first transfer of a session"). "At least two identifiers" is an item, not a header.
_HEADER_COLON = re.compile(r":\s*$")
_HEADER_MOMENT = re.compile(
    r"(?i)^(?:before|at(?!\s+least\b)|after|when|whenever|during|upon|sign in|time out|sign out)\b"
)
_HEADER_MAX_WORDS = 8

_TYPE = re.compile(r"(?i)\b(?:do[\s\-\u2010-\u2013]*confirm|read[\s\-\u2010-\u2013]*do)\b")
# The pause point names its moment up front, optionally after "Used" / "Run it" or after the place it is
# run in ("In the car park, before the client gets in").
_PAUSE_POINT = re.compile(
    r"(?i)^\W{0,3}(?:(?:in|at|on|outside|inside|beside)\s+(?:the\s+|a\s+|an\s+)?[\w'’ -]{1,40}?,\s*)?(?:(?:it\s+is\s+|this\s+(?:checklist|SOP)\s+is\s+|i\s+)?(?:used|use\s+it|run\s+it|run|completed?"
    r"|done|read)\s+)?(?:before|at|after|when|whenever|during|upon|on|prior\s+to|every|each|as\s+soon\s+as)\b"
    # the person who runs it first ("You run it before every transfer", "Staff complete this at the start of …")
    r"|^\W{0,3}(?:you|we|staff|everyone|the\s+\w+)\s+(?:\w+\s+)?(?:run|use|do|complete|read|start)s?\s+(?:it|this"
    r"|the\s+(?:checklist|sop|list))\s+(?:\w+\s+)?(?:before|at|after|when|whenever|during|upon|on|prior\s+to|every|each)\b"
    # an occasion named by its order: "1st post-op visit", "First session after a fall", "Initial home visit"
    r"|^\W{0,3}(?:the\s+|at\s+the\s+|on\s+the\s+)?(?:1st|first|2nd|second|initial|final|last)\s+(?:[\w-]+\s+){0,2}"
    r"(?:visit|session|appointment|treatment|review|contact)\b"
)
_VAGUE = re.compile(
    r"(?i)\b(?:ensure (?:proper|adequate|appropriate)(?:ly)?|appropriate(?:ly)?|as (?:needed|necessary|appropriate"
    r"|required|indicated)|proper(?:ly)?|adequate(?:ly)?|sufficient(?:ly)?|and so on|(?:if|when) indicated|PRN)\b"
    r"|\betc\b\.?"
    # a judgment standing in for the criterion: "give the correct exercises", "explain it well",
    # "make sure she understands" - two people could tick it and mean different things
    r"|(?i:\bthe\s+(?:correct|right|proper)\s+[a-z]+s\b|(?<!\bas\s)\bwell\s*[.!]?\s*$"
    r"|\bmake\s+sure\s+(?:that\s+)?(?:the\s+)?[a-z]+\s+(?:understands?|knows?|gets\s+it)\b)"
)
# Something a colleague could verify: an action verb, a past participle ("brakes locked") or a
# state ("bed alarm on", "call light within reach"), or a question.
_CHECKABLE = re.compile(
    r"(?i)\b(?:(?:check|confirm|verify|ask|review|look|count|lock|place|measure|record|document|state|call|notify"
    r"|apply|remove|clear|position|test|inspect|compare|sign|mark|wash|sanitize|clean|identify|screen|note"
    r"|obtain|raise|lower|adjust|attach|fasten|secure|stop|ensure|keep|use|assess|take|give|tell|teach"
    r"|demonstrate|match|scan|label|stand|sit|pause|report|write|empty|close|open|turn|plug|repeat|explain"
    r"|don|doff|brief|hand off)(?:s|es|ed|d|ing)?"
    r"|told|said|done|set|put|kept|read|seen|given|taken|written|shown|held"
    r"|on|off|in place|within reach|present|available|in reach|intact|charged|working|on hand|yes/no)\b"
    r"|\b\w{3,}ed\b|\?\s*$"
    # hands-on actions a colleague could watch ("You swing away both footplates", "Fold the armrest back"), a
    # question asked on the way ("(>1 cm from edge?)"), a yes/no box, a scale or a threshold ("Pain 0-10",
    # ">30 min") are checks a colleague could verify
    r"|\b(?:swing|swung|flip|fold|pull|push|tighten|loosen|unclip|tilt|fill|wipe|tuck|unplug)(?:s|es|ped|ed|d|ing)?\b"
    # words that are nouns too ("the lift", "splint fit", "straps") are actions only where an instruction starts
    r"|^\W*(?:\[\s?\]\s*)?(?:(?:you|we|i)\s+)?(?:lift|slide|fit|move|strap|tag|pad|cover|fix|dry|hang|prop|swap"
    r"|switch|angle|clip)\b"
    r"|\?|\by\s?/\s?n\b|\b\d+\s?[-\u2013]\s?\d+\b|[<>\u2264\u2265]\s?\d|\b(?:circumference|girth|goniometr\w*)\b"
    # the arranging and handing-on verbs of an item ("Show the stretches to the parent", "Book the follow-up",
    # "Refer to the wheelchair service"), a vital sign read off ("BP/HR supine after 5 min", "SpO2 at rest") and
    # a value's place in the record ("All values in the flowsheet") are checks a colleague could verify
    r"|\b(?:show|send|refer|arrange|provide|discuss|advise|weigh)(?:s|es|ed|d|ing)?\b"
    r"|^\W*(?:\[\s?\]\s*)?(?:book|schedule|time|issue|offer|phone|ring|email|fax|print|hand\s+over)\b"
    r"|\b(?:BP|HR|RR|SpO2|sats|pulse|temp(?:erature)?|BGL|blood\s+(?:glucose|sugar|pressure)|heart\s+rate)\b"
    r"|\bin\s+(?:the\s+)?(?:flowsheet|flow\s+sheet|chart|notes|EMR|EHR|record|file|care\s+plan)\b"
)
_EXCEPTIONS = re.compile(
    r"(?i)\b(?:exceptions?|except|unless|if not possible|contraindicat\w*|does(?:n't| not) apply|not (?:used|required"
    r"|applicable|needed)|skip\w*|n/a|when not to|cannot be (?:completed|done)|can't be (?:completed|done)"
    r"|(?:if|when) (?:an item|a check|a step|it|this) (?:cannot|can't|fails?)|emergenc\w*|code blue|rapid response)\b"
    # a stop rule ("do NOT bandage", "the session does not go ahead") or a fallback when a tool or check is
    # missing ("if the tape measure is not available, …")
    r"|(?i:\b(?:do|does|must|should)\s*(?:not|n't)\s+(?:start|begin|proceed|go\s+ahead|continue|transfer|mobili[sz]e|feed"
    r"|apply|bandage|splint|stand|treat|use|happen|take\s+place)\b"
    # the fallback when it cannot go ahead: "postponed until the prescriber confirms", "re-book"
    r"|\b(?:postpon\w*|re-?book\w*|re-?schedul\w*)\b"
    # a stop rule written as the stop itself: "Stop standing if SBP falls", "abandon the transfer", "halt the session"
    r"|\b(?:stop|abandon|abort|halt)\s+(?:the\s+|all\s+|any\s+)?(?:[a-z]+ing|session|transfer|activity|task|treatment"
    r"|stand|walk|mobili[sz]ation)\b"
    r"|\b(?:if|when)\b[^.;\n]{1,60}\b(?:is|are)\s+(?:not\s+available|unavailable|missing|broken|out\s+of\s+service"
    r"|not\s+(?:possible|working))"
    # an item that cannot be relied on for this client, and what replaces it: "heart rate cannot be used as the
    # stop rule - use the Borg RPE instead"
    r"|\b(?:cannot|can't|can\s+not)\s+be\s+(?:used|measured|checked|taken|followed|relied\s+on)\b|\binstead\b"
    # only part of it applies, or another written protocol replaces it: "items 1, 2 and 5 still apply",
    # "follow the surgeon's written protocol", "use the hoist procedure"
    r"|\b(?:still|only|also)\s+appl(?:y|ies)\b|\bnon-?standard\b"
    r"|\b(?:follow|use)\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:[\w'’-]+\s+){0,2}?(?:protocol|procedure|pathway|sop"
    r"|policy|checklist)\b)"
)
_ROLE = re.compile(
    r"\b(?:OTR?|OTA|COTA|PTA?|RN|LPN|MD|NP|PA|SLP|CM|SW|RT|CNA|PCT)\b"
    r"|(?i:\b(?:nurse|physician|doctor|therapist|case manager|social worker|charge nurse|resident|hospitalist"
    r"|emergency services|paramedic|ambulance"
    r"|attending|surgeon|supervisor|manager|team lead|lead therapist|rehab manager|director|house supervisor"
    r"|rapid response|provider|pharmacist|safety officer|risk manager|on-call|unit manager"
    # British and Australian roles: "the plastics registrar", "the GP", "the nurse in charge", "ward sister"
    r"|registrar|consultant|GP|SHO|matron|sister|physio(?:therapist)?|duty worker|team leader|clinical lead"
    r"|senior (?:OT|therapist|physio))s?\b)"
)
_ORDER = re.compile(
    r"(?i)\b(?:then|next|after that|if (?:no|not|they)|first|second|third|followed by|escalat\w* to|up to"
    r"|if (?:i|we|they|the \w+) (?:cannot|can't|could not|do not|don't) (?:reach|get hold of|contact)"
    r"|(?:who|which) (?:escalates|calls|pages|notifies|tells)"
    # the next step taken when the first does not work: "(or emergency services if symptoms do not settle)"
    r"|if\s+(?:[\w-]+\s+){0,3}?(?:do(?:es)?\s+not|don't|doesn't|did\s+not|fails?\s+to)\s+(?:settle|resolve|improve"
    r"|respond|answer|ease|pass|clear))\b"
    # a second tier for when the first step has not worked: "Symptoms not settling after 2 min: rapid response",
    # "No answer in 10 min: page the registrar", "If pain persists, …"
    r"|\b(?:not|n't|no\s+longer)\s+(?:settling|resolving|improving|responding|easing|clearing|settled|resolved|improved)\b"
    r"|\bno\s+(?:response|answer|reply|improvement|change)\b|\bpersist\w*"
    r"|->|\u2192|>"
)
_TRIGGER = re.compile(
    r"(?i)\b(?:if|when|fails?|failed|cannot|can't|unable|missing|concern\w*|unsafe|not (?:done|available|confirmed"
    r"|met|possible|clear)|unclear|any|no)\b"
    # a threshold is a trigger: "Reading below 85: tell the RN", "SBP >180", "not settling after 5 min"
    r"|(?i:\b(?:below|above|under|over|less\s+than|more\s+than)\s+\d|[<>\u2264\u2265]=?\s?\d"
    r"|\bnot\s+(?:improving|settling|resolving|easing)\b)"
)
_TIMEFRAME = re.compile(
    r"(?i)\b(?:within \d+|\d+\s*(?:min(?:ute)?s?|hours?|hrs?|h)\b|immediately|right away|at once|before (?:the|next"
    r"|continuing|proceeding|moving|any|starting)|same (?:day|shift)|stat|now|end of (?:shift|day))\b"
)
_CUS = re.compile(
    r"(?i)\bCUS\b|\bconcerned\b[^.\n]{0,60}\buncomfortable\b|\bsafety issue\b|\btwo[- ]challenge\b"
    r"|\bchain of command\b|\bstop the line\b"
)
_OWNER = re.compile(
    r"(?i)\b(?:owner|owned by|owns|I own|lead|manager|supervisor|coordinator|director|educator|committee"
    r"|champion|responsible)\b|\b(?:OTR?|PT|RN|OTA)\b"
)
_TESTED = re.compile(
    r"(?i)\b(?:tested|test(?:ing)?|piloted|pilot\w*|trial(?:l)?ed|revised|revision|reviewed|review (?:date|due"
    r"|every|each|in|on|yearly|annually|quarterly)|next review|updated|audit\w*|version)\b"
    # a trial with a count ("we used it for 3 months, about 40 drives") and a review at an interval
    # written with words between ("review it with them every year")
    r"|(?i:\b(?:used|ran|tried|run)\s+(?:it\s+|this\s+)?(?:for|on|with|over|in)\s+(?:about\s+|around\s+|the\s+(?:first\s+|last\s+)?)?\d+"
    r"|\breview\w*\s+(?:\w+\s+){0,4}?(?:every|each|yearly|annually|quarterly|monthly)\b"
    # in plain words: "used it since January with two colleagues", "we will look at it again in 6 months"
    r"|\b(?:used|ran|tried|run)\s+(?:it\s+|this\s+)?since\b"
    r"|\b(?:look\s+at|go\s+(?:over|through)|revisit|re-?examine)\s+(?:it|this|them|the\s+\w+)\s+(?:again\s+)?"
    r"(?:next|in|every|each|after)\b)"
)
# Words that do not make an error specific: "Prevents common safety errors" names nothing.
_GENERIC_TEXT = """prevents prevent error errors mistake mistakes common safety issue issues problem problems
patient patients all any the and this checklist sop bad things stuff harm adverse events event"""
_GENERIC_WORDS = frozenset(_GENERIC_TEXT.split())
_WORD = re.compile(r"[^\W\d_]{3,}")


def check(text: ArtifactText) -> Iterator[Finding]:
    """Every checklist/SOP finding for this artifact (nothing for other kinds)."""
    yield from _count(text)
    yield from _type(text)
    yield from _pause_point(text)
    yield from _vague_items(text)
    yield from _exceptions(text)
    yield from _escalation(text)
    yield from _error_named(text)
    yield from _owner_review(text)


def _join(parts: list[str]) -> str:
    """Join phrases as a reader would: "a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _short(phrase: str, limit: int = 60) -> str:
    return phrase if len(phrase) <= limit else phrase[:limit].rstrip() + "\u2026"


def is_checkable(item: str) -> bool:
    """True when a checklist item says what a colleague would verify or do, in words two people read alike."""
    return not _VAGUE.search(item) and bool(_CHECKABLE.search(item))


def is_pause_point_header(line: str) -> bool:
    """A line that opens a new pause point: it ends in ":" or is a short comma-free "Before/At/After/When..." phrase."""
    stripped = line.strip()
    if _HEADER_COLON.search(stripped):
        return True
    return bool(
        _HEADER_MOMENT.match(stripped)
        and "," not in stripped
        and not stripped.endswith((".", "?", "!"))
        and len(stripped.split()) <= _HEADER_MAX_WORDS
    )


def pause_point_groups(body: str) -> list[tuple[Span | None, list[Span]]]:
    """The items under each pause-point header; items before any header form a group with no header."""
    groups: list[tuple[Span | None, list[Span]]] = []
    for item in iter_list_items(body):
        if is_pause_point_header(item.text):
            groups.append((item, []))
        else:
            if not groups:
                groups.append((None, []))
            groups[-1][1].append(item)
    return groups


def _count(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("items")
    if text.is_blank("items"):
        yield section_finding(
            "items",
            body,
            check="checklist.count",
            row=TIME_MANAGEMENT,
            severity="error",
            message="No checklist items yet.",
            fix="List 5 to 9 items, one per line, each a concrete check: " + example(text.track, "checklist_item"),
        )
        return
    out_of_range = [
        (header, items) for header, items in pause_point_groups(body) if not MIN_ITEMS <= len(items) <= MAX_ITEMS
    ]
    for header, items in out_of_range[:MAX_LINE_FINDINGS]:
        first = header or items[0]
        last = items[-1] if items else first
        where = f"\u201c{_short(header.text.rstrip(':').strip())}\u201d" if header else "This checklist"
        advice = (
            "add the critical checks people skip under pressure"
            if len(items) < MIN_ITEMS
            else "keep only the critical steps, or split it into two pause points"
        )
        yield finding(
            "items",
            (first.start, last.end),
            check="checklist.count",
            row=TIME_MANAGEMENT,
            severity="warning",
            message=(
                f"{where} has {len(items)} item{'s' if len(items) != 1 else ''}; 5 to 9 per pause point is short "
                f"enough to use and long enough to matter."
            ),
            fix=f"Aim for 5 to 9 items: {advice}.",
        )


def _type(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("checklist_type")
    if _TYPE.search(body):
        return
    yield section_finding(
        "checklist_type",
        body,
        check="checklist.type",
        row=DOCUMENTATION,
        severity="warning",
        message="The checklist type is not stated: DO-CONFIRM (do from memory, then confirm) or READ-DO.",
        fix="\u201cDO-CONFIRM: the therapist sets up from memory, then pauses and reads the list aloud.\u201d",
    )


def _pause_point(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("when_used")
    if _PAUSE_POINT.match(body.strip()):
        return
    yield section_finding(
        "when_used",
        body,
        check="checklist.pause_point",
        row=DOCUMENTATION,
        severity="warning",
        message=(
            "No pause point: say the moment the checklist is used."
            if text.is_blank("when_used")
            else "The pause point does not start with the moment the checklist is used (before, at, after, when\u2026)."
        ),
        fix=example(text.track, "checklist_when"),
    )


def _vague_items(text: ArtifactText) -> Iterator[Finding]:
    yield from islice(_each_vague_item(text.text("items"), text.track), MAX_LINE_FINDINGS)


def _each_vague_item(body: str, track: str) -> Iterator[Finding]:
    for item in iter_list_items(body):
        if is_pause_point_header(item.text):
            continue
        vague = list(_VAGUE.finditer(item.text))
        for match in vague:
            yield finding(
                "items",
                (item.start + match.start(), item.start + match.end()),
                check="checklist.vague_item",
                row=DOCUMENTATION,
                severity="warning",
                message=f"\u201c{match.group(0)}\u201d is vague: two people could tick it and mean different things.",
                fix="Name the exact check: " + example(track, "checklist_exact"),
            )
        if not vague and not _CHECKABLE.search(item.text):
            yield finding(
                "items",
                item,
                check="checklist.vague_item",
                row=DOCUMENTATION,
                severity="warning",
                message="This item names a thing but not what to check or do with it.",
                fix="Say what a colleague would verify: \u201cGait belt on and buckled snug\u201d rather than \u201cGait belt\u201d.",
            )


def _exceptions(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("exceptions")
    if _EXCEPTIONS.search(body):
        return
    yield section_finding(
        "exceptions",
        body,
        check="checklist.exceptions",
        row=DOCUMENTATION,
        severity="warning",
        message=(
            "No exceptions: say when the checklist does not apply and what to do if an item cannot be completed."
            if text.is_blank("exceptions")
            else "The exceptions do not say when the checklist does not apply or what to do if an item cannot be done."
        ),
        fix=(
            "\u201cNot used in a code or rapid response. If an item cannot be completed, do not transfer: stop and "
            "escalate.\u201d"
        ),
    )


def _escalation(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("escalation")
    fix = example(text.track, "checklist_escalation")
    if text.is_blank("escalation"):
        yield section_finding(
            "escalation",
            body,
            check="checklist.escalation",
            row=DOCUMENTATION,
            severity="error",
            message="No escalation path: say who is told, in what order and how fast when a check fails.",
            fix=fix,
        )
        return
    if _CUS.search(body):
        return
    roles = {match.group(0).lower().rstrip("s") for match in _ROLE.finditer(body)}
    missing = []
    if len(roles) < 2 or not _ORDER.search(body):
        missing.append("at least two roles in order")
    if not _TRIGGER.search(body):
        missing.append("the trigger")
    if not _TIMEFRAME.search(body):
        missing.append("a timeframe")
    if not missing:
        return
    yield section_finding(
        "escalation",
        body,
        check="checklist.escalation",
        row=DOCUMENTATION,
        severity="warning",
        message=f"The escalation path is missing {_join(missing)} (or CUS / two-challenge wording).",
        fix=fix,
    )


def _error_named(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("error_prevented")
    fix = "\u201cTransfers attempted before the weight-bearing order is checked after a change in orders.\u201d"
    if text.is_blank("error_prevented"):
        yield section_finding(
            "error_prevented",
            body,
            check="checklist.error_named",
            row=DOCUMENTATION,
            severity="error",
            message="The error this checklist prevents is not named.",
            fix=fix,
        )
        return
    specific = [word for word in _WORD.findall(body) if word.lower() not in _GENERIC_WORDS]
    if len(specific) >= 2:
        return
    yield section_finding(
        "error_prevented",
        body,
        check="checklist.error_named",
        row=DOCUMENTATION,
        severity="warning",
        message="The error is too general to check against: name the specific error or near-miss.",
        fix=fix,
    )


# A team, a service or everyone is no owner: a checklist everyone owns nobody updates ("Owner: OT team").
_COLLECTIVE_OWNER = re.compile(
    r"(?i)\b(?:(?:the|our|whole|all|every)\s+)?(?:(?:OTR?|PT|RN|OTA|MDT|therapy|rehab|nursing|ward|unit|clinic)\s+)?"
    r"(?:team|department|dept|service|staff|everyone)\b(?!\s+(?:lead|leader|manager|coordinator))"
)
_OWNER_LABEL = re.compile(r"(?i)\b(?:owner(?:ship)?|owned\s+by|responsible)\b")


def _owner_review(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("owner_review")
    missing = []
    if not _OWNER.search(body):
        missing.append("who owns it")
    elif _COLLECTIVE_OWNER.search(body) and not _OWNER.search(_OWNER_LABEL.sub(" ", _COLLECTIVE_OWNER.sub(" ", body))):
        missing.append("who owns it (one role, not a team)")
    if not _TESTED.search(body):
        missing.append("how it was tested and when it is next reviewed")
    if not missing:
        return
    yield section_finding(
        "owner_review",
        body,
        check="checklist.owner_review",
        row=DOCUMENTATION,
        severity="warning",
        message=(
            "No owner or review plan."
            if text.is_blank("owner_review")
            else f"The owner and review section does not say {' or '.join(missing)}."
        ),
        fix=(
            "\u201cOwner: OT lead on 4 West. Piloted for 2 weeks with 3 therapists and revised; next review in "
            "6 months.\u201d"
        ),
    )
