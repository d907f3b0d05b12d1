"""Checks for the short proof documents the reports list, where an evidence shape cannot say it.

Each check reads the sections a kind gives a role (`KindSpec.roles`), never a kind name, and
looks for the clear failures only:

- `shortform.triage` (role "triage"): the first weeks sort requests into noise, needs a fix and
  needs a policy — all three buckets named;
- `shortform.milestone_date` (role "milestones"): every milestone line carries a date or a week;
- `shortform.risk_check` (role "risks"): every risk line carries the check that would catch it;
- `shortform.same_measure` (roles "before" and "after"): the after uses the measure and unit of
  the before;
- `shortform.next_update` (role "next_update"): the next update is a time, not "soon";
- `shortform.metric_source` (role "metric_definition"): the definition names where the number
  comes from; `shortform.edge_cases` (role "edge_cases"): at least two edge cases;
- `shortform.unbacked_objection` (roles "objections", "objection_evidence"): every objection has
  its evidence;
- `shortform.decider` (role "resolution"): the story says who decided;
- `shortform.step_owner_date` (role "next_steps"): each next step carries an owner and a date;
- `shortform.cut_agreed` (role "cut_agreement"): the log says who agreed to the cut;
- `shortform.fit_question` (role "fit_topics"): each topic holds at least one question;
- `shortform.disagreements` (role "disagreements"): where people disagree is written.

`calibration` reuses the checklist family's checks on a kind whose sections share its keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from portfolios.rubric import checklist
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import ASSESSMENT, DOCUMENTATION, TIME_MANAGEMENT
from portfolios.rubric.text import finding, iter_items, section_finding

MAX_LINE_FINDINGS = 8

_DATE = re.compile(
    r"(?i)\b(?:week|wk|day|month|q[1-4])\s?\d+|\b\d{1,2}[/-]\d{1,2}\b|\b(?:by|on|before|due)\s+(?:\w+\s){0,2}?\d"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b\d+\s?(?:days?|weeks?|months?)\b"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|tomorrow|end\s+of\s+(?:the\s+)?(?:week|month|quarter))\b"
)
_CHECK = re.compile(
    r"(?i)\b(?:check\w*|verif\w*|monitor\w*|audit\w*|measur\w*|track\w*|review\w*|test\w*|watch\w*|count\w*"
    r"|spot-?check\w*|confirm\w*|pilot\w*|sign-?off|read-?back|alarm|alert|threshold|stop\s+if|roll\s*back)\b"
)
_TIME = re.compile(
    r"(?i)\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b(?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|tomorrow|tonight|noon|midday|end\s+of\s+(?:the\s+)?(?:day|shift|week))\b"
    r"|\b(?:in|within|after)\s+\d+\s?(?:min\w*|hours?|hrs?|days?|weeks?)\b|\b(?:daily|weekly)\b|\bby\s+\d"
    r"|\bon\s+(?:day|week)\s+\d+\b|\b\d{1,2}[/-]\d{1,2}\b"
)
_SOURCE = re.compile(
    r"(?i)\b(?:from|source\w*|pulled|reported\s+(?:in|by)|survey\w*|ehr|emr|chart\w*|log\w*|report\w*|press\s+ganey"
    r"|database|dashboard|spreadsheet|scheduling\s+system|billing|records?|audit\w*|form)\b"
)
_ROLE = re.compile(
    r"(?i)\b(?:i|me|ot|pt|rn|md|np|manager|director|lead|supervisor|compliance|admin\w*|team|committee|physician"
    r"|nurse|charge|chief|owner|coordinator|quality|therapist|head|chair|vp|officer|billing|front\s+desk)\b"
)
_DECIDED = re.compile(
    r"(?i)\b(?:decid\w*|decision|agreed|approved|signed\s+off|made\s+the\s+call|chose|ruled|settled|sided"
    r"|final\s+say|accepted)\b"
)
_AGREED = re.compile(r"(?i)\b(?:agreed|approved|signed\s+off|ok'?d|okayed|accepted|consented|confirmed|aligned)\b")
_MEASURE_UNIT = re.compile(
    r"(?i)\b\d+(?:[.,]\d+)?\s?(%|percent|minutes?|mins?|hours?|days?|weeks?|points?|patients?|notes?|falls?"
    r"|visits?|errors?|calls?|complaints?|cancellations?|no-?shows?|per\s+\w+|of\s+\d+|/\d+)"
)
_UNIT_FAMILY = {
    "percent": "%",
    "minute": "minute",
    "min": "minute",
    "hour": "hour",
}


def _row(text: ArtifactText, preferred: tuple[str, ...]) -> str:
    return text.spec.row_for(preferred) if text.spec else preferred[0]


def _role(text: ArtifactText, name: str) -> tuple[str, ...]:
    return text.spec.role(name) if text.spec else ()


def _written(text: ArtifactText, name: str) -> list[tuple[str, str]]:
    return [(key, text.text(key)) for key in _role(text, name) if text.text(key).strip()]


def check(text: ArtifactText) -> Iterator[Finding]:
    """Every short-form finding for the roles this kind declares."""
    yield from _triage(text)
    yield from _each_line(
        text,
        "milestones",
        lambda line: bool(_DATE.search(line)),
        check="shortform.milestone_date",
        row=_row(text, (TIME_MANAGEMENT,)),
        message="This milestone has no date or week, so nobody can tell whether it slipped.",
        fix="Give each milestone a date or week: 'Week 2: checklist piloted on the day shift'.",
    )
    yield from _each_line(
        text,
        "risks",
        lambda line: bool(_CHECK.search(line)),
        check="shortform.risk_check",
        row=_row(text, (DOCUMENTATION,)),
        message="This risk has no check: say how you would catch it before it hurts anyone.",
        fix="Pair the risk with its check: 'Risk: notes late on busy days \u2014 check: daily count of unsigned notes'.",
    )
    yield from _same_measure(text)
    for key, value in _written(text, "next_update")[:1]:
        if not _TIME.search(value):
            yield section_finding(
                key,
                value,
                check="shortform.next_update",
                row=_row(text, (TIME_MANAGEMENT,)),
                severity="warning",
                message="The next update is not a time; a bad-news update says exactly when people will hear next.",
                fix="Name the time: 'Next update Thursday 3 pm, or sooner if the backlog passes 20 notes.'",
            )
    for key, value in _written(text, "metric_definition")[:1]:
        if not _SOURCE.search(value):
            yield section_finding(
                key,
                value,
                check="shortform.metric_source",
                row=_row(text, (DOCUMENTATION,)),
                severity="warning",
                message="The definition does not say where the number comes from (a survey, the EHR, a log).",
                fix="Name the source: 'from the discharge survey in the EHR, counted monthly'.",
            )
    for key, value in _written(text, "edge_cases")[:1]:
        if len([item for item in iter_items(value) if len(item.text.split()) >= 3]) < 2:
            yield section_finding(
                key,
                value,
                check="shortform.edge_cases",
                row=_row(text, (DOCUMENTATION,)),
                severity="warning",
                message="Fewer than two edge cases: the cases people argue about are what make a metric trustworthy.",
                fix="List at least two, one per line: 'Transfers out before the survey: excluded.'",
            )
    yield from _unbacked(text)
    for key, value in _written(text, "resolution")[:1]:
        if not (_DECIDED.search(value) and _ROLE.search(value)):
            yield section_finding(
                key,
                value,
                check="shortform.decider",
                row=_row(text, (DOCUMENTATION,)),
                severity="warning",
                message="The resolution does not say who decided.",
                fix="Name the decider (a role): 'The rehab manager decided, after seeing the audit.'",
            )
    yield from _each_line(
        text,
        "next_steps",
        lambda line: bool((_ROLE.search(line) and _TIME.search(line)) or (_ROLE.search(line) and _DATE.search(line))),
        check="shortform.step_owner_date",
        row=_row(text, (DOCUMENTATION,)),
        message="This next step lacks an owner or a date.",
        fix="Give each step a who and a when: 'OT lead to send the revised template by Friday.'",
    )
    agreement = _written(text, "cut_agreement")
    if agreement and not any(_AGREED.search(value) and _ROLE.search(value) for _, value in agreement):
        key, value = agreement[0]
        yield section_finding(
            key,
            value,
            check="shortform.cut_agreed",
            row=_row(text, (TIME_MANAGEMENT,)),
            severity="warning",
            message="The log does not say who agreed to the cut.",
            fix="Name who agreed: 'The rehab manager agreed on Monday's huddle.'",
        )
    for key, value in _written(text, "fit_topics"):
        if "?" not in value:
            yield section_finding(
                key,
                value,
                check="shortform.fit_question",
                row=_row(text, (TIME_MANAGEMENT,)),
                severity="warning",
                message="No question here: write what you will actually ask.",
                fix="Ask for a number: 'How many patients does a full-time OT see on a busy day?'",
            )
    disagreements = _role(text, "disagreements")
    others_written = any(
        text.text(key).strip() for key in (text.spec.section_keys if text.spec else ()) if key not in disagreements
    )
    for key in disagreements[:1]:
        if others_written and text.is_blank(key):
            yield section_finding(
                key,
                "",
                check="shortform.disagreements",
                row=_row(text, (DOCUMENTATION,)),
                severity="warning",
                message="Where people disagree is not written: a definitions note earns trust on its edge cases.",
                fix="Name a case people argue about and how you settle it.",
            )


def _triage(text: ArtifactText) -> Iterator[Finding]:
    for key, value in _written(text, "triage")[:1]:
        lowered = value.lower()
        missing = [
            label
            for label, pattern in (
                ("noise", r"\bnoise\b"),
                ("needs a fix", r"\bfix(?:es|ed)?\b"),
                ("needs a policy", r"\bpolic(?:y|ies)\b"),
            )
            if not re.search(pattern, lowered)
        ]
        if missing:
            yield section_finding(
                key,
                value,
                check="shortform.triage",
                row=_row(text, (TIME_MANAGEMENT,)),
                severity="warning",
                message=f"The triage misses the bucket(s): {', '.join(missing)}.",
                fix="Sort the top recurring requests into noise, needs a fix, and needs a policy, with a count in each.",
            )


def _each_line(text: ArtifactText, role: str, ok, *, check: str, row: str, message: str, fix: str):
    found = 0
    for key, value in _written(text, role):
        for item in iter_items(value):
            if len(item.text.split()) < 2 or item.text.rstrip().endswith(":") or ok(item.text):
                continue
            found += 1
            if found > MAX_LINE_FINDINGS:
                return
            yield finding(key, item, check=check, row=row, severity="warning", message=message, fix=fix)


def _units(value: str) -> set[str]:
    units = set()
    for match in _MEASURE_UNIT.finditer(value):
        unit = match.group(1).lower().rstrip("s")
        units.add(_UNIT_FAMILY.get(unit, unit))
    return units


def _same_measure(text: ArtifactText) -> Iterator[Finding]:
    before, after = _written(text, "before"), _written(text, "after")
    if not before or not after:
        return
    before_units = set().union(*(_units(value) for _, value in before))
    after_units = set().union(*(_units(value) for _, value in after))
    if before_units and after_units and before_units & after_units:
        return
    key, value = after[0]
    yield section_finding(
        key,
        value,
        check="shortform.same_measure",
        row=_row(text, (ASSESSMENT,)),
        severity="warning",
        message="The after is not given on the measure and unit of the before, so the change cannot be read.",
        fix="Report both sides on one measure: 'Late notes: 14 a week before, 2 a week after.'",
    )


def _unbacked(text: ArtifactText) -> Iterator[Finding]:
    objections = _written(text, "objections")
    if not objections:
        return
    evidence = _written(text, "objection_evidence")
    asked = [
        (key, item)
        for key, value in objections
        for item in iter_items(value)
        if item.text.rstrip().endswith("?") or re.match(r"(?i)^(?:q\d*|objection)\s*[:.)-]", item.text)
    ]
    backed = sum(1 for _, value in evidence for item in iter_items(value) if len(item.text.split()) >= 3)
    if len(asked) > backed:
        key, item = asked[min(backed, len(asked) - 1)]
        yield finding(
            key,
            item,
            check="shortform.unbacked_objection",
            row=_row(text, (ASSESSMENT,)),
            severity="warning",
            message=f"{len(asked)} objections but evidence for only {backed}: every answer needs what backs it.",
            fix="Add one evidence line per objection, in the same order: a measure, an audit, a guideline.",
        )


def calibration(text: ArtifactText) -> Iterator[Finding]:
    """The checklist family's checks, on a kind that uses the checklist's section keys."""
    return checklist.check(text)


# --- Examples: section text (by role) that must be flagged / must pass, per check --------------
# Keys are "<kind>:<section>" texts run through the catalog by the test suite.
EXAMPLES: dict[str, dict[str, tuple[tuple[str, dict[str, str]], ...]]] = {
    "shortform.triage": {
        "flags": (("ninety_day_plan", {"weeks_1_2": "Shadow the team and list the top 10 requests."}),),
        "passes": (
            (
                "ninety_day_plan",
                {"weeks_1_2": "List the top 10 requests and sort them: 4 noise, 4 need a fix, 2 need a policy."},
            ),
        ),
    },
    "shortform.milestone_date": {
        "flags": (("ship_plan", {"milestones": "- Pilot the checklist\n- Roll out to all OTs"}),),
        "passes": (("ship_plan", {"milestones": "- Week 2: pilot on day shift\n- Week 6: roll out to all OTs"}),),
    },
    "shortform.risk_check": {
        "flags": (("ship_plan", {"risks": "- Staff skip it on busy days"}),),
        "passes": (("ship_plan", {"risks": "- Staff skip it on busy days \u2014 check: weekly audit of 10 charts"}),),
    },
    "shortform.same_measure": {
        "flags": (("before_after", {"baseline": "Late notes: 14 a week (28%).", "outcome": "Staff felt better."}),),
        "passes": (("before_after", {"baseline": "28% of notes late.", "outcome": "6% of notes late after 4 weeks."}),),
    },
    "shortform.next_update": {
        "flags": (("bad_news_update", {"next_update": "Soon, once we know more."}),),
        "passes": (("bad_news_update", {"next_update": "Thursday at 3 pm in the huddle."}),),
    },
    "shortform.metric_source": {
        "flags": (("metric_definition", {"definition": "Share of patients who are happy with their care."}),),
        "passes": (
            ("metric_definition", {"definition": "Share of top-box answers from the discharge survey, monthly."}),
        ),
    },
    "shortform.edge_cases": {
        "flags": (("metric_definition", {"edge_cases": "Transfers are excluded."}),),
        "passes": (
            (
                "metric_definition",
                {"edge_cases": "- Transfers out before discharge: excluded\n- Proxy answers by family: counted"},
            ),
        ),
    },
    "shortform.unbacked_objection": {
        "flags": (
            (
                "qa_page",
                {"questions": "Won't this slow us down?\nWhy not use the old form?", "evidence": "Pilot: 2 min added."},
            ),
        ),
        "passes": (
            (
                "qa_page",
                {
                    "questions": "Won't this slow us down?\nWhy not use the old form?",
                    "evidence": "- Pilot: 2 minutes added per handoff\n- Old form missed precautions in 6 of 20 audits",
                },
            ),
        ),
    },
    "shortform.decider": {
        "flags": (("conflict_story", {"resolution": "In the end it worked out fine for everyone."}),),
        "passes": (("conflict_story", {"resolution": "The rehab manager decided to keep the cap after the audit."}),),
    },
    "shortform.step_owner_date": {
        "flags": (("stakeholder_memo", {"next_steps": "- Revise the template\n- Tell the team"}),),
        "passes": (("stakeholder_memo", {"next_steps": "- OT lead revises the template by Friday"}),),
    },
    "shortform.cut_agreed": {
        "flags": (("scope_cut_log", {"reason": "Discharges came first because beds were needed."}),),
        "passes": (("scope_cut_log", {"reason": "Discharges first; the charge nurse agreed at the 8 am huddle."}),),
    },
    "shortform.fit_question": {
        "flags": (("setting_fit_questions", {"workload": "Caseload and productivity."}),),
        "passes": (("setting_fit_questions", {"workload": "How many patients does an OT see on a busy day?"}),),
    },
    "shortform.disagreements": {
        "flags": (("definitions_note", {"terms": "Handoff: the moment responsibility moves."}),),
        "passes": (
            (
                "definitions_note",
                {
                    "terms": "Handoff: the moment responsibility moves.",
                    "disagreements": "Is a phone call a handoff? We count it when read-back happens.",
                },
            ),
        ),
    },
}
