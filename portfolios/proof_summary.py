"""The one-line proof summary a recruiter reads first: is it short, measured, and set in its situation?

Pure: text in, problems out, no Django. A good summary holds a result a reviewer could check
(a number, a named measure or assist level, or something observable such as "read back") and
the constraint it was achieved under (staff, time, caseload, payer, equipment, setting). Both
are found from vocabularies and from structure (a number followed by a resource unit is a
constraint, "from X to Y" is a change), not from a list of accepted sentences. Only the length
is a hard limit; the other problems are hints.

Numbers inside a constraint ("on a 28-bed unit with one OT") are not results; a change, a
measure, an assist level or an observable is a result wherever it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 200
EXAMPLE = "Cut missed precautions at handoff from 4 a week to 0 in 6 weeks on a 28-bed unit with one OT."


@dataclass(frozen=True)
class SummaryProblem:
    """One thing a proof summary lacks: a stable code and a message saying what to add, with an example."""

    code: str
    message: str
    blocking: bool = False  # only the length blocks a save


# --- Vocabularies -----------------------------------------------------------------------------

_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|dozen|half|twice|double[ds]?|triple[ds]?|halved|quarter|third)"
)
_NUMBER = rf"(?:\d+(?:[.,]\d+)?|{_NUMBER_WORD}\b)"
# Who or what there was (only) so much of: the resource side of a constraint.
_STAFF = (
    r"(?:OTs?|OTRs?|OTAs?|COTAs?|PTs?|PTAs?|SLPs?|therapists?|aides?|techs?|staff|nurses?|RNs?|clinicians?|"
    r"interpreters?|FTEs?|colleagues?)"
)
_STAFF_QUANTITY = rf"(?:{_NUMBER}|no|only|sole|single|lone)"
_SETTING = r"(?:units?|floors?|wards?|clinics?|sites?|hospitals?|facilit(?:y|ies)|SNFs?|schools?|caseloads?|teams?)"
_SLOT = (
    r"(?:visits?|sessions?|slots?|treatments?|appointments?|stays?|shifts?|windows?|length of stay|caps?|"
    r"evaluations?|evals?)"
)
_TIME_UNIT = r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?)"
_COUNTED = r"(?:patients?|clients?|visits?|evaluations?|evals?|admissions?|referrals?|residents?|students?)"
# Words that name a constraint on their own (staffing, time, caseload, payer, equipment, language, setting).
_CONSTRAINT_WORD = (
    r"(?:staffing|short[- ]staffed|understaffed|short[- ]handed|shortages?|call[- ]outs?|sick calls?|turnover|"
    r"float(?:ing)?|coverage|caseloads?|census|productivity|payers?|Medicare|Medicaid|insurance|insurers?|"
    r"authori[sz]ations?|prior auth|copays?|visit caps?|budgets?|unfunded|equipment|no gym|interpreters?|"
    r"language barriers?|literacy|night shifts?|weekends?|telehealth|length of stay|deadlines?|on call|rural|"
    r"home visits?|bedside|travel time|drive time|no-shows?|wait ?lists?|waiting lists?|backlogs?)"
)
# Words that open a clause describing the situation: it runs to the next comma or full stop.
_MARKER = (
    rf"(?:despite|without|while|amid|although|even though|limited|constrained|"
    rf"under(?! (?:\d|{_NUMBER_WORD}\b|an? (?:minute|hour|day|week)))|with only|with just|with no)"
)

_MEASURE = (
    r"(?:FIM|COPM|Berg|BBS|MMT|QuickDASH|DASH|Section GG|GG \d\d|Box and Block|MoCA|MMSE|SLUMS|TUG|"
    r"Timed Up and Go|Barthel|AM-PAC|Katz|Lawton|KELS|PASS|Allen|ACLS|9HPT|Nine[- ]Hole Peg|Jebsen|Purdue|"
    r"dynamometer|grip(?: strength)?|pinch|ROM|range of motion|PHQ-9|GAD-7|HCAHPS|Press Ganey|NPS|pain scale|"
    r"Borg|SpO2)"
)
_ASSIST_LEVEL = (
    r"(?:(?:min|mod|max)(?:imal|erate|imum)?\.? ?(?:a|assist|assistance)|CGA|SBA|contact[- ]guard|"
    r"stand[- ]?by assist(?:ance)?|supervision|set[- ]?up|modified independen(?:t|ce)|mod I|"
    r"independen(?:t|tly|ce)|dependent|total assist(?:ance)?)"
)
_OBSERVABLE = (
    r"(?:reads? back|read-back|readback|teach[- ]back|taught back|teaches back|demonstrat(?:ed|es)|"
    r"signed (?:within|the same day|same[- ]day|on time)|same[- ]day|on time|fall[- ]free|"
    r"discharged (?:to )?home|returned to (?:work|driving|school|home|the community)|back to (?:work|driving|school)|"
    r"passed|adopted|every (?:notes?|handoffs?|charts?|visits?|clients?|patients?|shifts?|audits?))"
)
_EVENT = (
    r"(?:falls?|errors?|incidents?|denials?|readmissions?|complaints?|injur(?:y|ies)|late notes?|missed \w+|"
    r"pressure (?:injur(?:y|ies)|areas?|sores?)|near[- ]miss(?:es)?|skin tears?|delays?|rework|no-shows?|"
    r"citations?|deficienc(?:y|ies)|write-?ups?)"
)

# --- Structures ---------------------------------------------------------------------------------

_FLAGS = re.IGNORECASE
_CONSTRAINTS = tuple(
    re.compile(pattern, _FLAGS)
    for pattern in (
        # "with one OT", "2 part-time therapists", "no aide", "the only OT"
        rf"\b{_STAFF_QUANTITY}(?:[ -][\w/]+){{0,2}}?[ -]{_STAFF}\b",
        # "a 28-bed unit"
        rf"\b{_NUMBER}[ -]beds?\b",
        # "on a 28-bed unit", "across 3 clinics", "in a rural clinic"
        rf"\b(?:on|in|at|across) (?:an?|the|our|my|{_NUMBER})(?:[ -][\w/]+){{0,3}}?[ -]{_SETTING}\b",
        # "30-minute visits", "a 12-day stay", "45 min sessions"
        rf"\b{_NUMBER}[ -]{_TIME_UNIT}[ -](?:long )?{_SLOT}\b",
        # "2 visits authorized", "a 12-visit payer cap"
        rf"\b{_NUMBER}[ -](?:visits?|sessions?)(?:[ -][\w/]+){{0,2}}?[ -](?:authori[sz]ed|approved|allowed|caps?|limits?)\b",
        # "14 patients a day", "17 visits per day"
        rf"\b{_NUMBER}(?:[ -][\w/]+){{0,2}}?[ -]{_COUNTED}(?: a| per| each|/) ?(?:day|shift|week|OT|therapist)\b",
        rf"\b{_CONSTRAINT_WORD}\b",
        # "despite two call-outs", "while covering two units", "under a visit cap"
        rf"\b{_MARKER}\b[^,.;:!?()]*",
    )
)
# A result wherever it stands, even inside a constraint's clause.
_STRONG_RESULTS = tuple(
    re.compile(pattern, _FLAGS)
    for pattern in (
        # a change: "from 4 a week to 0", "from Mod A to modified independent"
        rf"\bfrom (?:about |nearly |roughly )?(?:{_NUMBER}|{_ASSIST_LEVEL}\b)",
        # a number followed by a unit of outcome: "30%", "22 lb", "3/10", "4+/5", "2 fewer"
        rf"(?:\d|\b{_NUMBER_WORD})\s?(?:%|\+?/\d+|percent\b|lbs?\b|kg\b|degrees?\b|°|points?\b|pts\b|x\b|"
        r"fewer\b|more\b|faster\b|sooner\b)",
        rf"\b{_MEASURE}\b",
        rf"\b{_ASSIST_LEVEL}\b",
        rf"\b{_OBSERVABLE}\b",
        # "no falls", "zero late notes", "without a fall"
        rf"\b(?:no|zero|not one|not a single|without(?: a| any)?) (?:[\w-]+ )?{_EVENT}\b",
    )
)
# A bare number counts only outside the constraints: "one" in "with one OT" is not a result.
_BARE_NUMBER = re.compile(rf"\d|\b{_NUMBER_WORD}\b", _FLAGS)


def constraint_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names the situation a result was achieved under, as (start, end) spans."""
    return sorted(match.span() for pattern in _CONSTRAINTS for match in pattern.finditer(text))


def has_result(text: str, constraints: list[tuple[int, int]] | None = None) -> bool:
    """Does `text` hold a number or an observable result (numbers inside `constraints` not counted)?"""
    if any(pattern.search(text) for pattern in _STRONG_RESULTS):
        return True
    spans = constraint_spans(text) if constraints is None else constraints
    return any(not any(start <= match.start() < end for start, end in spans) for match in _BARE_NUMBER.finditer(text))


def summary_problems(text: str) -> list[SummaryProblem]:
    """What a proof summary lacks, in the order to fix it; [] when it is ready for a recruiter.

    Surrounding whitespace does not count toward the length (the summary is stored trimmed).
    """
    text = text.strip()
    if not text:
        return [
            SummaryProblem(
                "missing",
                "Write one line a recruiter can check in seconds: the result with a number, and the situation you "
                f"achieved it under, e.g. \u201c{EXAMPLE}\u201d",
            )
        ]
    problems = []
    if len(text) > MAX_CHARS:
        problems.append(
            SummaryProblem(
                "too_long",
                f"The summary is {len(text)} characters; the limit is {MAX_CHARS}. Keep the result and its "
                f"situation and cut the background (the artifact holds it), e.g. \u201c{EXAMPLE}\u201d",
                blocking=True,
            )
        )
    constraints = constraint_spans(text)
    if not has_result(text, constraints):
        problems.append(
            SummaryProblem(
                "no_result",
                "Add a number or a result someone could observe: what changed and by how much, e.g. \u201cgrip "
                "from 8 to 22 lb\u201d, \u201cCOPM performance from 3 to 7\u201d, \u201cfrom Mod A to modified "
                "independent\u201d, \u201c0 late notes\u201d or \u201cevery handoff read back\u201d.",
            )
        )
    if not constraints:
        problems.append(
            SummaryProblem(
                "no_constraint",
                "Name the situation you achieved it under (staff, time, caseload, payer or equipment), e.g. "
                "\u201cwith one OT on a 28-bed unit\u201d, \u201cin 30-minute visits\u201d or \u201cdespite a "
                "12-visit payer cap\u201d.",
            )
        )
    return problems


def summary_hints(text: str) -> list[SummaryProblem]:
    """The problems worth showing under a summary someone has started; none for a blank one."""
    return [problem for problem in summary_problems(text) if not problem.blocking] if text.strip() else []


# Examples that must pass and must be flagged, run by tests/test_proof_summary.py (LanguageTool's habit).
MUST_PASS: tuple[str, ...] = (
    EXAMPLE,
    "Grip from 8 to 22 lb and QuickDASH from 68 to 34 in 10 visits under a payer cap, with 30-minute visits.",
    "Every handoff read back within 2 weeks of rollout while covering two units.",
    "From Mod A to modified independent in lower-body dressing despite a 12-day stay.",
    "No falls in 8 weeks on a stroke unit with one OT and no aide.",
    "Notes signed within 24 hours on 17 visits a day with one therapist out.",
)
MUST_FLAG: dict[str, tuple[str, ...]] = {
    "no_result": (
        "Improved handoffs on a 28-bed unit with one OT.",
        "Made dressing safer despite short staffing.",
    ),
    "no_constraint": (
        "Cut missed precautions from 4 a week to 0.",
        "Grip from 8 to 22 lb and pain from 6/10 to 3/10.",
    ),
    "too_long": ((EXAMPLE + " ") * 3,),
}
