"""Checks for a caseload strategy note, the "high-volume day" plan (kind `caseload_note`).

Reviewers want calm caseload management under productivity pressure (domain-checks §3.6):
an ordered priority rule, a rule for what is deferred and who is told, safety guardrails that
are never cut, notes written the same day with the minimum every note carries, a throughput
number with a quality check, and the threshold at which staffing is escalated, and to whom.

Check ids: `caseload.priority_rule`, `caseload.defer_rule`, `caseload.guardrails`,
`caseload.measured`, `caseload.staffing_escalation` (row time management) and
`caseload.timely_documentation` (row documentation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.examples import example
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import DOCUMENTATION, TIME_MANAGEMENT
from portfolios.rubric.text import iter_items, section_finding
from portfolios.rubric.workflow import join_phrases, missing_note_elements, same_day_rule

# Criteria that decide who is seen first (Ottawa Hospital OT prioritization; Hobbs et al. 2010).
_PRIORITY_CRITERION = re.compile(
    r"(?i)\b(?:discharg\w*|d/c|going home|new (?:evals?|evaluations?|admissions?|referrals?|orders?)|evals?"
    r"|evaluations?|initial|post-?op\w*|same[- ]day|safety|fall\w*|unstable|medically|acuity|high[- ]risk"
    r"|first[- ]day|time[- ]sensitive|precautions|isolation|frequency|minutes owed|missed visits?"
    r"|change in (?:status|condition)|family training|caregiver training|progress (?:note|report)s? due|recert\w*"
    # urgency in plain words: "the urgent add-ons", "the repair's at risk without it", "a deadline on Wednesday"
    r"|urgent\w*|add-?ons?|at risk|deadline\w*|time-?critical|can(?:not|'t|’t) wait)\b"
)
_ORDINAL = re.compile(
    r"(?i)\b(?:first|second|third|fourth|then|next|after that|last|before|ahead of|over|above|top|highest|lowest"
    r"|priority\s*\d|P\d|tier\s*\d)\b|->|\u2192|>|^\s*\d{1,2}[.)]",
    re.MULTILINE,
)
_DEFER = re.compile(
    r"(?i)\b(?:defer\w*|reschedul\w*|cancel\w*|co-?treat\w*|postpon\w*|push\w* (?:to|back)|move\w* to|shorten\w*"
    r"|consolidat\w*|group (?:session|therapy)|combine\w*|hold\w*"
    # moved by an amount of time, re-booked, delayed, or seen together with another discipline
    r"|mov(?:e|es|ed|ing) (?:back |forward |out )?(?:by )?(?:one|two|three|a|an|\d+) (?:days?|visits?|weeks?|hours?)"
    r"|re-?book\w*|delay\w*|co-?visit\w*|joint (?:visit|session)s?"
    # what moves named between the verb and the day: "move two stable reviews to Friday", "they go to Monday"
    r"|(?:mov|bump|slid|slip|shift|push)\w* (?:\S+ ){0,5}?(?:to|till|until) (?:tomorrow|next|the next|\w+day|later)"
    r"|(?:go|goes|went|going) (?:over )?to (?:tomorrow|next|the next|\w+day))\b"
)
_DEFER_CRITERION = re.compile(
    r"(?i)\b(?:if|when|unless|because|only|stable|medically|criteri\w+|who (?:is|are)|not (?:due|scheduled|safe)"
    r"|declin\w*|refus\w*|low(?:er)? (?:risk|priority)|until|frequency|seen (?:yesterday|today)"
    # a priority class ("P3", "priority 4", "cat 3"), a time target still met ("inside the 24 h target"), no
    # discharge due, or the person away ("at dialysis", "in theatre", "off the ward")
    r"|P[1-5]|priority [1-5]|cat(?:egory)? [1-5]|(?:inside|within) (?:the |our |a )?\d+ ?(?:h|hrs?|hours?|days?)\b"
    r"|no (?:dc|d/c|discharge)|(?:un)?available|off the (?:ward|unit)"
    r"|(?:at|in|to) (?:dialysis|theatre|surgery|x-?ray|radiology|imaging|scan|an? (?:appointment|scan|procedure)))\b"
)
_TOLD = re.compile(
    r"(?i)\b(?:tell|told|notify|notified|inform\w*|let \w+ know|communicat\w*|message\w*|page\w*|call\w*"
    r"|document\w*|update\w*|handoff|hand off|scheduler|front desk"
    # told in other words: "phoned both myself", "rang the ward", "texted the family", "letter sent"
    r"|phon(?:e|ed|es|ing)|rang|rung|ring\w*|text(?:ed|ing)|e-?mail\w*|wrote to|letters? sent|sms)\b"
)
_GUARDRAIL = re.compile(
    r"(?i)\b(?:precautions?|hand-?offs?|document\w*|notes?|falls?|fall risk|vitals?|weight[- ]bearing|safety"
    r"|orders?|allerg\w*|gait belt|infection|hand hygiene|chart review|read[- ]?back|alarms?|transfers?"
    r"|two identifiers|identif\w*|lines|drains|O2|oxygen|escalat\w*"
    # checks named by what they check, and the stop rule: "symptom check", "skin checks", "the stop rule"
    r"|stop rules?|(?:symptom|skin|pain|pulse|sensation|circulation|splint|fit|equipment|orthostatic|bp) checks?)\b"
)
_QUALITY = re.compile(
    r"(?i)\b(?:quality|audit\w*|review\w*|spot[- ]?check\w*|sample\w*|peer|co-?sign\w*|late notes?|denial\w*"
    r"|errors?|incidents?|falls?|complaints?|satisfaction|outcomes?|goals? met|readmission\w*|re-?admit\w*"
    r"|near[- ]miss\w*|missed|check\w*)\b"
)
_NUMBER = re.compile(r"\d")
_THRESHOLD = re.compile(
    r"(?i)\d|\b(?:more than|over|above|exceed\w*|beyond|at least|half|double|two|three|four|five|six|seven|eight"
    r"|nine|ten|twelve|fifteen|twenty)\b|[>\u2265]"
)
_STAFFING_ROLE = re.compile(
    r"(?i)\b(?:manager|supervisor|lead|charge nurse|charge|director|scheduler|coordinator|DOR|administrator"
    r"|float pool|PRN pool|clinical lead|house supervisor"
    # British and Australian titles: "team leader", "the band 7", "nurse in charge", "service manager", "matron"
    r"|leader|band\s?[5-9]|nurse in charge|NIC|matron|bed manager|site manager|duty manager)s?\b"
)


def check(text: ArtifactText) -> Iterator[Finding]:
    """Every caseload-note finding for this artifact (nothing for other kinds)."""
    yield from _priority_rule(text)
    yield from _defer_rule(text)
    yield from _guardrails(text)
    yield from _timely_documentation(text)
    yield from _measured(text)
    yield from _staffing_escalation(text)


def _priority_rule(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("priorities")
    fix = example(text.track, "caseload_priorities")
    if text.is_blank("priorities"):
        yield section_finding(
            "priorities",
            body,
            check="caseload.priority_rule",
            row=TIME_MANAGEMENT,
            severity="error",
            message="No priority rule: say who is seen first on a high-volume day.",
            fix=fix,
        )
        return
    missing = []
    if len(list(iter_items(body))) < 2 and not _ORDINAL.search(body):
        missing.append("an order")
    if not _PRIORITY_CRITERION.search(body):
        missing.append("the criteria (discharge pending, new evaluation, post-op, safety risk)")
    if not missing:
        return
    yield section_finding(
        "priorities",
        body,
        check="caseload.priority_rule",
        row=TIME_MANAGEMENT,
        severity="warning",
        message=f"The priority rule is missing {join_phrases(missing)}.",
        fix=fix,
    )


def _defer_rule(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("deferrals")
    missing = [
        label
        for label, pattern in (
            ("what you defer, reschedule or co-treat", _DEFER),
            ("the criterion", _DEFER_CRITERION),
            ("who is told", _TOLD),
        )
        if not pattern.search(body)
    ]
    if not missing:
        return
    yield section_finding(
        "deferrals",
        body,
        check="caseload.defer_rule",
        row=TIME_MANAGEMENT,
        severity="warning",
        message=(
            "No defer or reschedule rule."
            if text.is_blank("deferrals")
            else f"The defer rule does not say {join_phrases(missing)}."
        ),
        fix=example(text.track, "caseload_deferral"),
    )


def _guardrails(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("guardrails")
    if _GUARDRAIL.search(body):
        return
    blank = text.is_blank("guardrails")
    yield section_finding(
        "guardrails",
        body,
        check="caseload.guardrails",
        row=TIME_MANAGEMENT,
        severity="error" if blank else "warning",
        message=(
            "No never-skip guardrails: say which safety items you never cut under volume."
            if blank
            else "The guardrails name no safety item (precautions, handoffs, documentation, vitals)."
        ),
        fix=example(text.track, "caseload_guardrails"),
    )


def _timely_documentation(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("documentation")
    missing = []
    if not same_day_rule(body):
        missing.append("a same-day or point-of-service rule")
    absent = missing_note_elements(body)
    if absent:
        missing.append(f"the note minimum ({join_phrases(absent)})")
    if not missing:
        return
    blank = text.is_blank("documentation")
    yield section_finding(
        "documentation",
        body,
        check="caseload.timely_documentation",
        row=DOCUMENTATION,
        severity="error" if blank else "warning",
        message=(
            "No documentation rule: say when notes are written and what each carries."
            if blank
            else f"The documentation rule is missing {join_phrases(missing)}."
        ),
        fix=(
            "\u201cNotes at the point of service, all signed the same day. Each carries the date, interventions, "
            "timed and total minutes, and my signature and credentials.\u201d"
        ),
    )


def _measured(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("measures")
    missing = []
    if not _NUMBER.search(body):
        missing.append("a number")
    if not _QUALITY.search(body):
        missing.append("how you check quality held")
    if not missing:
        return
    yield section_finding(
        "measures",
        body,
        check="caseload.measured",
        row=TIME_MANAGEMENT,
        severity="warning",
        message=(
            "No throughput or quality measure."
            if text.is_blank("measures")
            else f"The measure does not give {join_phrases(missing)}."
        ),
        fix="\u201c12 patients a day at 85% productivity; weekly audit of 5 notes, 0 late notes and 0 falls.\u201d",
    )


def _staffing_escalation(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("escalation")
    fix = example(text.track, "caseload_escalation")
    if text.is_blank("escalation"):
        yield section_finding(
            "escalation",
            body,
            check="caseload.staffing_escalation",
            row=TIME_MANAGEMENT,
            severity="error",
            message="No staffing escalation: say at what point you escalate, and to whom.",
            fix=fix,
        )
        return
    missing = []
    if not _THRESHOLD.search(body):
        missing.append("the threshold")
    if not _STAFFING_ROLE.search(body):
        missing.append("the role you escalate to")
    if not missing:
        return
    yield section_finding(
        "escalation",
        body,
        check="caseload.staffing_escalation",
        row=TIME_MANAGEMENT,
        severity="warning",
        message=f"The staffing escalation does not give {join_phrases(missing)}.",
        fix=fix,
    )
