"""Track overlays (domain-checks.md §4): what each practice setting adds to the general checks.

- Outpatient (Medicare Part B), plan of care: frequency and duration stated; duration within the
  90-day certification; a progress report at least every 10 treatment days; certification signed
  within 30 days when stated. Any kind: a cited KX threshold matches its year.
- Acute, handoff template and case write-up: discharge recommendation, precautions, vitals response.
- Inpatient rehab: GG-coded goals with admission/discharge-goal pairs (plan of care); team
  conference and therapy intensity (plan of care, case write-up).
- Home health, plan of care and caseload note: OT reassessment at least every 30 days, homebound
  status, skilled need.
- Pediatrics, plan of care and case write-up: goals for the student/child, in a school or natural
  context, with a trials or % criterion; how progress is measured and when it is reported.

Check ids are `overlay.<track>.<rule>`. A missing element is a warning, reported once per
artifact on the section where it belongs; a hard regulatory limit stated wrongly (a 120-day
certification, a progress report every 12 visits, a wrong KX amount) is an error on the words that
state it. A missing element whose section is blank is reported at 0-0 on that section, except for
the blank steps of a case walk, which `case.flow` already reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.assist import find_gg_codes, fold, folded
from portfolios.rubric.findings import Finding
from portfolios.rubric.goals import Goal, extract_goals
from portfolios.rubric.rows import ASSESSMENT, DOCUMENTATION, PLAN_OF_CARE
from portfolios.rubric.text import Span, finding, iter_sentences, section_finding

# --- Outpatient -----------------------------------------------------------------------------
CERTIFICATION_MAX_DAYS = 90
PROGRESS_REPORT_MAX_TREATMENT_DAYS = 10
CERTIFICATION_SIGNATURE_MAX_DAYS = 30
# KX modifier threshold by year: 2024 from CMS; 2025 and 2026 from secondary sources (domain-checks.md §4).
KX_THRESHOLDS = {2024: 2330, 2025: 2410, 2026: 2480}
_KX_REVIEW_THRESHOLD = 3000  # the targeted medical review amount, also cited near "KX"

_PER_WEEK_WORDS = {
    "once": 1,
    "one time": 1,
    "twice": 2,
    "two times": 2,
    "three times": 3,
    "four times": 4,
    "five times": 5,
}
_FREQUENCY = folded(
    r"\b(?P<n>\d{1,2})(?:\s{0,2}[-–]\s{0,2}(?P<n_high>\d{1,2}))?\s{0,2}(?:x|times)\s{0,2}(?:/|per|a|an|each)?\s{0,2}"
    r"(?:wk|week|weekly)\b"
    r"|\b(?P<word>once|twice|one\s+time|two\s+times|three\s+times|four\s+times|five\s+times)\s+(?:a|per"
    r"|each)\s+(?:wk|week)\b"
    r"|\b(?P<days>\d{1,2})\s+(?:days|visits|sessions)\s{0,2}(?:/|per|a|each)\s{0,2}(?:wk|week)\b"
    r"|\b(?P<code>BIW|TIW|QW)\b"
    r"|\b\d{1,2}\s{0,2}(?:x|times)\s{0,2}(?:/|per|a)?\s{0,2}(?:day|daily)\b|\b(?:daily|weekly)\b"
    # every two weeks, as the British and Australians say it too: "fortnightly", "once a fortnight"
    r"|\b(?:fortnightly|bi-?weekly|every\s+(?:other|second|2nd)\s+week|once\s+(?:a|per|every)\s+fortnight)\b"
)
_CODE_PER_WEEK = {"biw": 2, "tiw": 3, "qw": 1}
_DURATION = folded(
    r"(?<![/\w])(?P<n>\d{1,3})\s{0,2}-?\s{0,2}(?P<unit>(?:days?|weeks?|wks?|months?|mos?|visits?|sessions?"
    r"|treatments?)\b)"
    r"(?!\s{0,2}(?:/|per\b|a\s+week|each\s+week))"
)
_DURATION_BLOCKED_BEFORE = folded(r"\b(?:every|each|q|within|per)\s{0,2}$|\d\s{0,2}x\s{0,2}/?\s{0,2}$")
_CERT_PERIOD = folded(
    r"\bcert(?:ification)?\s+(?:period\s+)?(?:of\s+|is\s+|:\s{0,2}|=\s{0,2})?(?P<n>\d{1,3})\s{0,2}-?\s{0,2}"
    r"(?P<unit>(?:days?|weeks?|wks?|months?|mos?)\b)"
)
_CLAUSE = re.compile(r"[^;]+")
_PROGRESS_REPORT = folded(r"\bprogress\s+(?:reports?|notes?|summar(?:y|ies))\b|\bPRs?\b")
_CADENCE = folded(
    r"\b(?:every|each|q|once\s+every|at\s+least\s+(?:once\s+)?every|at|per|after)\s{0,2}(?P<n>\d{1,3})(?:st|nd|rd|th)?"
    r"\s{0,2}(?P<unit>(?:treatment\s+days?|tx\s+days?|visits?|sessions?|treatments?|days?|weeks?|wks?|months?)\b)"
    r"|\b(?P<word>weekly|biweekly|every\s+other\s+week|monthly)\b"
)
_CERT_SIGNED = folded(
    r"\b(?:certif\w{0,10}|cert\b|(?:physician|MD|NPP|provider)\s+(?:signature|sign-?off)|signed)\b[^.;\n]{0,60}?"
    r"\bwithin\s+(?P<n>\d{1,3})\s{0,2}(?P<unit>(?:days?|weeks?|wks?)\b)"
)
_KX = folded(r"\bKX\b")
_DOLLARS = re.compile(r"\$\s{0,2}(?P<amount>\d{1,2},?\d{3})(?:\.\d{2})?")
_YEAR = re.compile(r"\b(?P<year>20[2-3]\d)\b")

# --- Acute ----------------------------------------------------------------------------------
_DESTINATION = folded(
    r"\b(?:home|HH|home\s+health|OP|outpatient|SNF|skilled\s+nursing|IRF|acute\s+rehab|inpatient\s+rehab\w*|LTACH|LTAC"
    r"|ALF|assisted\s+living|sub-?acute)\b"
)
_DISCHARGE_WORD = folded(r"\b(?:discharg\w{0,5}|d/c|DC|dispo\w{0,7}|recommend\w{0,6}|rec\b)")
_DISCHARGE_SLOT = folded(
    r"\b(?:discharge|d/c|DC)\s+(?:recommendation|rec|plan|planning|disposition|destination|needs|location|direction"
    r"|setting|option|route|pathway)s?\b"
    r"|\bdispo(?:sition)?\b"
)
_PRECAUTIONS = folded(
    r"\b(?:precautions?|fall\s+risk|NWB|TTWB|TDWB|PWB|WBAT|FWB|weight[- ]bearing|sternal|spinal|aspiration"
    r"|orthostatic\w*"
    r"|contraindicat\w*|activity\s+orders?|bed\s?rest|restrictions?|isolation)\b"
)
# Vital-sign abbreviations are matched in the text as written: "sat at the edge of the bed",
# "map the route" and "1 hr" are not vitals.
_VITAL_WORDS = folded(
    r"\b(?:vitals?|vital\s+signs|blood\s+pressure|heart\s+rate|pulse\s+ox\w{0,7}|rpe|borg|orthostatics?"
    r"|respiratory\s+rate|mmhg|bpm|dyspnea|desaturat\w{0,5}|telemetry|oxygen\s+saturation)\b"
)
_VITAL_ABBREVIATIONS = re.compile(r"\b(?:BP|HR|SpO2|SaO2|O2\s+sats?|sats|MAP|RR)\b")

# --- Inpatient rehab ------------------------------------------------------------------------
_ADMISSION_CODE = folded(
    r"\b(?:admission|admit|adm|baseline|initial|current|eval(?:uation)?|SOC)\b[^.;\n]{0,30}?(?<![\d/.:])\b0[1-6]\b"
)
_TEAM_CONFERENCE = folded(
    r"\b(?:team\s+(?:conference|meeting|rounds)|interdisciplinary\s+(?:team|conference|meeting|rounds)"
    r"|IDT|IDC|care\s+conference|weekly\s+conference|case\s+conference)\b"
)
_INTENSITY = folded(
    r"\b\d{1,3}\s{0,2}(?:min(?:ute)?s?|hours?|hrs?|h)\s{0,2}(?:/|per|a|each)\s{0,2}day\b|\b15\s+(?:hours?|hrs?|h)\b"
    r"|\bintensity\b|\b\d\s{0,2}days?\s{0,2}(?:/|per|a)\s{0,2}(?:wk|week)\b|\b\d\s{0,2}x\s{0,2}/?\s{0,2}(?:day|daily)\b"
    r"|\bone[- ]on[- ]one\b|\b1:1\b"
)

# --- Home health ----------------------------------------------------------------------------
HOME_HEALTH_REASSESSMENT_MAX_DAYS = 30
# Recertification (every 60 days) is a different clock, so it is not read as a reassessment.
_REASSESSMENT = folded(r"\bre-?(?:assess\w{0,6}|eval\w{0,7})\b")
_HOMEBOUND = folded(
    r"\bhome-?bound\b|\bconfined\s+to\s+(?:the\s+)?home\b|\btaxing\s+effort\b|\bunable\s+to\s+leave\s+(?:the\s+)?home\b"
    r"|\bleaving\s+(?:the\s+)?home\s+(?:requires|is)\b"
)
_SKILLED_NEED = folded(r"\bskilled\b(?!\s+nursing)|\brequires?\s+(?:the\s+)?skills?\s+of\b")

# --- Pediatrics -----------------------------------------------------------------------------
_CHILD_SUBJECT = folded(
    r"\b(?:student|child|learner|toddler|infant)\b|\[[^\]\n]{0,20}(?:student|child|name)[^\]\n]{0,20}\]"
)
_SCHOOL_OR_NATURAL = folded(
    r"\b(?:classroom|class|school|recess|cafeteria|lunchroom|playground|circle\s+time|centers|seatwork|desk|preschool"
    r"|daycare|child\s?care|home|natural\s+environments?|routines?|bath\s?time|mealtime|snack\s?time|park|community"
    r"|bus)\b"
)
_CRITERION = folded(
    r"\b\d{1,3}\s{0,2}/\s{0,2}\d{1,3}\b|\b\d{1,3}\s+(?:out\s+)?of\s+(?:the\s+)?\d{1,3}\b|\d{1,3}\s{0,2}%|\bpercent\b"
    r"|\b\d{1,3}\s+(?:consecutive\s+)?(?:trials|opportunities|attempts|probes)\b"
)
_MEASUREMENT_METHOD = folded(
    r"\b(?:data\s+collection|collect(?:ed|ing)?\s+data|work\s+samples?|observation|observed|checklists?|rubrics?"
    r"|probes?"
    r"|data\s+sheets?|measured\s+(?:by|with|using)|as\s+measured|teacher\s+(?:report|checklist|data)|parent\s+report"
    r"|standardi[sz]ed\s+(?:assessment|test|measure)|Beery|VMI|BOT-?2|SFA|PEDI|SPM|goal\s+attainment\s+scal\w{0,5}"
    r"|GAS|frequency\s+counts?|tally|timed\s+trials?|graph(?:ed|s)?)\b"
)
_REPORT_SCHEDULE = folded(
    r"\b(?:quarterly|each\s+(?:marking|grading)\s+period|every\s+(?:\d{1,2}|six|nine)\s+weeks|every\s+(?:\d{1,2}"
    r"|three|six)"
    r"\s+months|with\s+(?:the\s+)?report\s+cards?|trimesters?|semesters?|progress\s+reports?|IEP\s+progress"
    r"|IFSP\s+review"
    r"|(?:6|six)[- ]month\s+review|annual(?:ly)?\s+review|reported\s+to\s+(?:the\s+)?(?:parents?|famil(?:y|ies)"
    r"|caregivers?)"
    # reassessment set at numbered visits or weeks: "reassessed at visit 4 (week 3) and visit 6"
    r"|re-?(?:assess|evaluat)\w*\s+(?:at|on|every|after)\s+(?:visits?|weeks?|sessions?)\s+\d{1,2}"
    r"|re-?(?:assess|evaluat)\w*\s+every\s+\d{1,2}\s+(?:visits?|weeks?|sessions?))\b"
)


def check(text: ArtifactText) -> Iterable[Finding]:
    """Overlay findings for the artifact's track; nothing for an empty draft."""
    overlay = _TRACKS.get(text.track)
    if overlay is None or all(not value.strip() for value in text.fields.values()):
        return []
    # The rules read a case-folded copy (same offsets, see assist.fold); vitals abbreviations need the original.
    lowered = ArtifactText(text.kind, text.track, {key: fold(value) for key, value in text.fields.items()}, text.spec)
    return list(overlay(lowered, text))


# --- Outpatient -----------------------------------------------------------------------------
def _outpatient(text: ArtifactText, _original: ArtifactText) -> Iterator[Finding]:
    yield from _kx_threshold(text)
    schedule_field = _option(text, "overlay.outpatient.schedule")
    if schedule_field is None:
        return
    schedule = text.text(schedule_field)
    per_week = _per_week(schedule)
    if not _FREQUENCY.search(schedule):
        yield from _missing(
            text,
            "frequency_duration",
            "overlay.outpatient.frequency",
            PLAN_OF_CARE,
            "The plan of care does not state how often you will treat (Medicare requires the frequency).",
            "“2x/week for 8 weeks.”",
        )
    durations = _durations(schedule)
    if not durations:
        yield from _missing(
            text,
            "frequency_duration",
            "overlay.outpatient.duration",
            PLAN_OF_CARE,
            "The plan of care does not state for how long you will treat (Medicare requires the duration).",
            "“2x/week for 8 weeks (certification period 56 days).”",
        )
    yield from _certification_period(text, durations, per_week)
    yield from _progress_report(text, per_week)
    yield from _certification_signed(text)


def _durations(schedule: str) -> list[re.Match[str]]:
    return [
        match
        for match in _DURATION.finditer(schedule)
        if not _DURATION_BLOCKED_BEFORE.search(schedule, max(0, match.start() - 12), match.start())
        # "progress report every 10 treatment days" is a cadence, not the plan's duration
        and not _PROGRESS_REPORT.search(schedule, max(0, match.start() - 40), match.start())
    ]


def _certification_period(
    text: ArtifactText, durations: list[re.Match[str]], per_week: float | None
) -> Iterator[Finding]:
    candidates = [("frequency_duration", match) for match in durations]
    for field in ("frequency_duration", "interventions", "discharge_criteria", "problem"):
        candidates += [(field, match) for match in _CERT_PERIOD.finditer(text.text(field))]
    for field, match in candidates:
        days = _days(float(match.group("n")), match.group("unit"), per_week)
        if days is not None and days > CERTIFICATION_MAX_DAYS:
            yield finding(
                field,
                (match.start(), match.end()),
                check="overlay.outpatient.certification_period",
                row=PLAN_OF_CARE,
                severity="error",
                message=f"“{match.group()}” is about {days:g} days, longer than the {CERTIFICATION_MAX_DAYS}-day "
                "certification a Medicare plan of care may cover.",
                fix="Keep the duration within 90 days (“2x/week for 12 weeks”) and recertify if more care is needed.",
            )
            return


def _progress_report(text: ArtifactText, per_week: float | None) -> Iterator[Finding]:
    stated = False
    for field in ("frequency_duration", "interventions", "discharge_criteria", "problem", "baseline"):
        body = text.text(field)
        if not _PROGRESS_REPORT.search(body):
            continue
        # One clause at a time: in "progress report every 10 treatment days; recertify at 8 weeks" the
        # recertification date is not the report's cadence.
        clauses = (
            Span(sentence.start + clause.start(), sentence.start + clause.end(), clause.group())
            for sentence in iter_sentences(body)
            for clause in _CLAUSE.finditer(sentence.text)
        )
        for sentence in clauses:
            if not _PROGRESS_REPORT.search(sentence.text):
                continue
            for cadence in _CADENCE.finditer(sentence.text):
                stated = True
                treatment_days = _treatment_days(cadence, per_week)
                if treatment_days is not None and treatment_days > PROGRESS_REPORT_MAX_TREATMENT_DAYS:
                    start = sentence.start + cadence.start()
                    yield finding(
                        field,
                        (start, sentence.start + cadence.end()),
                        check="overlay.outpatient.progress_report",
                        row=PLAN_OF_CARE,
                        severity="error",
                        message=f"A progress report “{cadence.group()}” comes after about {treatment_days:g} treatment "
                        f"days; Medicare requires one at least once every {PROGRESS_REPORT_MAX_TREATMENT_DAYS}.",
                        fix="“Progress report at least once every 10 treatment days, covering each goal.”",
                    )
                    return
    if not stated:
        yield from _missing(
            text,
            "frequency_duration",
            "overlay.outpatient.progress_report",
            PLAN_OF_CARE,
            "The plan of care does not say how often a progress report is written (at least every 10 treatment days).",
            "“Progress report at least once every 10 treatment days, covering progress toward each goal.”",
        )


def _certification_signed(text: ArtifactText) -> Iterator[Finding]:
    for field in ("frequency_duration", "interventions", "discharge_criteria", "problem"):
        for match in _CERT_SIGNED.finditer(text.text(field)):
            days = _days(float(match.group("n")), match.group("unit"), None) or 0
            if days > CERTIFICATION_SIGNATURE_MAX_DAYS:
                yield finding(
                    field,
                    (match.start(), match.end()),
                    check="overlay.outpatient.certification",
                    row=DOCUMENTATION,
                    severity="error",
                    message=f"The plan is certified “within {match.group('n')} {match.group('unit')}”; the initial "
                    f"certification must be signed within {CERTIFICATION_SIGNATURE_MAX_DAYS} days of the first "
                    f"treatment.",
                    fix="“Physician/NPP certification signed within 30 days of the initial evaluation.”",
                )
                return


def _kx_threshold(text: ArtifactText) -> Iterator[Finding]:
    for field, body in text.fields.items():
        if not _KX.search(body):
            continue
        for sentence in iter_sentences(body):
            if not _KX.search(sentence.text):
                continue
            for amount_match in _DOLLARS.finditer(sentence.text):
                amount = int(amount_match.group("amount").replace(",", ""))
                if amount == _KX_REVIEW_THRESHOLD:
                    continue
                # The year nearest the amount (within a few words) is the one it is cited for.
                window_start = max(0, amount_match.start() - 60)
                years = [
                    (abs(window_start + match.start() - amount_match.start()), int(match.group("year")))
                    for match in _YEAR.finditer(sentence.text[window_start : amount_match.end() + 60])
                ]
                if not years:
                    continue
                year = min(years)[1]
                expected = KX_THRESHOLDS.get(year)
                if expected is None or expected == amount:
                    continue
                yield finding(
                    field,
                    (sentence.start + amount_match.start(), sentence.start + amount_match.end()),
                    check="overlay.outpatient.kx_threshold",
                    row=DOCUMENTATION,
                    severity="error",
                    message=f"The KX threshold for {year} is ${expected:,}, not ${amount:,}.",
                    fix=f"“In {year}, therapy above ${expected:,} (OT) needs the KX modifier and documented medical "
                    "necessity.”",
                )


def _per_week(schedule: str) -> float | None:
    match = _FREQUENCY.search(schedule)
    if match is None:
        return None
    if match.group("n"):
        return float(match.group("n_high") or match.group("n"))
    if match.group("word"):
        return float(_PER_WEEK_WORDS[" ".join(match.group("word").lower().split())])
    if match.group("days"):
        return float(match.group("days"))
    if match.group("code"):
        return float(_CODE_PER_WEEK[match.group("code").lower()])
    return None


def _days(amount: float, unit: str, per_week: float | None) -> float | None:
    unit = unit.lower()
    if unit.startswith(("d",)):
        return amount
    if unit.startswith("w"):
        return amount * 7
    if unit.startswith("m"):
        return amount * 30
    # visits, sessions, treatments: calendar days only when the frequency is known
    return amount / per_week * 7 if per_week else None


def _treatment_days(cadence: re.Match[str], per_week: float | None) -> float | None:
    word = (cadence.group("word") or "").lower()
    if word:
        weeks = {"weekly": 1, "biweekly": 2, "every other week": 2, "monthly": 30 / 7}[" ".join(word.split())]
        return weeks * per_week if per_week else None
    amount = float(cadence.group("n"))
    unit = cadence.group("unit").lower()
    if unit.startswith(("treatment", "tx", "visit", "session")):
        return amount
    if per_week is None:
        return None  # calendar time cannot be turned into treatment days without a frequency
    if unit.startswith("d"):
        return amount / 7 * per_week
    if unit.startswith("w"):
        return amount * per_week
    return amount * 30 / 7 * per_week


# --- Acute ----------------------------------------------------------------------------------
def _acute(text: ArtifactText, original: ArtifactText) -> Iterator[Finding]:
    anchor = _option(text, "overlay.acute.discharge")
    if anchor is None:
        return
    # A template has a slot for the discharge plan; a case names the destination it recommended.
    reads_discharge = _DISCHARGE_SLOT.search if _option(text, "overlay.acute.discharge_reading") == "slot" else None
    has_discharge = any(
        reads_discharge(value) if reads_discharge else _recommends_destination(value) for value in text.fields.values()
    )
    if not has_discharge:
        yield from _missing(
            text,
            anchor,
            "overlay.acute.discharge_recommendation",
            ASSESSMENT,
            "In acute care the evaluation drives the discharge plan, but no discharge recommendation "
            "(home, HH, OP, SNF, IRF, LTACH) is given.",
            "“Discharge recommendation: home with home health OT and 24-hour supervision; tub bench.”",
        )
    detail_anchor = _option(text, "overlay.acute.detail") or anchor
    if not _anywhere(text, _PRECAUTIONS):
        yield from _missing(
            text,
            detail_anchor,
            "overlay.acute.precautions",
            ASSESSMENT,
            "No precautions or activity orders are mentioned (weight-bearing, hip/sternal/spinal, fall risk).",
            "“Precautions: posterior hip, WBAT RLE, fall risk.”",
        )
    if not (_anywhere(text, _VITAL_WORDS) or _anywhere(original, _VITAL_ABBREVIATIONS)):
        yield from _missing(
            text,
            detail_anchor,
            "overlay.acute.vitals",
            ASSESSMENT,
            "The client's vitals response to activity is not mentioned (BP, HR, SpO2).",
            "“BP 132/80 seated → 108/70 standing with light-headedness; SpO2 ≥94% on room air.”",
        )


# --- Inpatient rehab ------------------------------------------------------------------------
def _inpatient_rehab(text: ArtifactText, _original: ArtifactText) -> Iterator[Finding]:
    anchor = _option(text, "overlay.inpatient_rehab.anchor")
    if anchor is None:
        return
    if _option(text, "overlay.inpatient_rehab.gg_goals"):
        yield from _gg_goals(text)
    if not _anywhere(text, _TEAM_CONFERENCE):
        yield from _missing(
            text,
            anchor,
            "overlay.inpatient_rehab.team_conference",
            PLAN_OF_CARE,
            "The weekly interdisciplinary team conference is not mentioned.",
            "“Progress and discharge plan reviewed at the weekly interdisciplinary team conference.”",
        )
    if not _anywhere(text, _INTENSITY):
        yield from _missing(
            text,
            anchor,
            "overlay.inpatient_rehab.intensity",
            PLAN_OF_CARE,
            "Therapy intensity is not documented (minutes or hours per day, days per week).",
            "“OT 90 min/day, 5 days/week, as part of 3 hours/day of therapy; missed minutes documented with reason.”",
        )


def _gg_goals(text: ArtifactText) -> Iterator[Finding]:
    goals = extract_goals(text)
    if not goals:
        return
    coded = [goal for goal in goals if find_gg_codes(goal.reading)]
    if not coded:
        yield from _missing(
            text,
            goals[0].field,
            "overlay.inpatient_rehab.gg_codes",
            PLAN_OF_CARE,
            "No goal is scored with a Section GG code (01–06), as IRF self-care goals are.",
            "“LB dressing (GG0130H): admission 02, discharge goal 04 using a reacher.”",
        )
        return
    admission = bool(find_gg_codes(text.text("baseline"))) or any(
        _ADMISSION_CODE.search(goal.reading) for goal in coded
    )
    if not admission:
        yield from _missing(
            text,
            coded[0].field,
            "overlay.inpatient_rehab.gg_pairs",
            PLAN_OF_CARE,
            "The GG discharge goals have no admission scores to pair with, so the change cannot be read.",
            "“Toileting hygiene (GG0130C): admission 02 → discharge goal 04.”",
        )


# --- Home health ----------------------------------------------------------------------------
def _home_health(text: ArtifactText, _original: ArtifactText) -> Iterator[Finding]:
    anchors = {
        "reassessment": _option(text, "overlay.home_health.reassessment"),
        "status": _option(text, "overlay.home_health.status"),
    }
    if None in anchors.values():
        return
    yield from _reassessment(text, anchors["reassessment"])
    if not _anywhere(text, _HOMEBOUND):
        yield from _missing(
            text,
            anchors["status"],
            "overlay.home_health.homebound",
            DOCUMENTATION,
            "Homebound status is not documented (why leaving home takes a considerable and taxing effort).",
            "“Homebound: leaves home only for medical visits, needs a walker and one person's help on stairs.”",
        )
    if not _anywhere(text, _SKILLED_NEED):
        yield from _missing(
            text,
            anchors["status"],
            "overlay.home_health.skilled_need",
            DOCUMENTATION,
            "The skilled need is not stated: what only an OT can provide here.",
            "“Skilled OT needed to train safe tub transfers with a bench and to set up the home program.”",
        )


def _reassessment(text: ArtifactText, anchor: str) -> Iterator[Finding]:
    stated = False
    for field, body in text.fields.items():
        if not _REASSESSMENT.search(body):
            continue
        for sentence in iter_sentences(body):
            if not _REASSESSMENT.search(sentence.text):
                continue
            stated = True
            for cadence in _CADENCE.finditer(sentence.text):
                if cadence.group("word"):
                    days = 30.0 if cadence.group("word").lower() == "monthly" else 14.0
                else:
                    days = _days(float(cadence.group("n")), cadence.group("unit"), None)
                if days is not None and days > HOME_HEALTH_REASSESSMENT_MAX_DAYS:
                    yield finding(
                        field,
                        (sentence.start + cadence.start(), sentence.start + cadence.end()),
                        check="overlay.home_health.reassessment",
                        row=DOCUMENTATION,
                        severity="error",
                        message=f"Reassessment “{cadence.group()}” is too far apart: an OT must reassess "
                        f"at least every {HOME_HEALTH_REASSESSMENT_MAX_DAYS} days.",
                        fix="“OT reassessment at least every 30 days, with measurements toward each goal.”",
                    )
                    return
    if not stated:
        yield from _missing(
            text,
            anchor,
            "overlay.home_health.reassessment",
            DOCUMENTATION,
            "No OT reassessment is planned; home health requires one at least every 30 days.",
            "“OT reassessment at least every 30 days (and at recertification), with goal measurements.”",
        )


# --- Pediatrics -----------------------------------------------------------------------------
def _pediatrics(text: ArtifactText, _original: ArtifactText) -> Iterator[Finding]:
    anchor = _option(text, "overlay.pediatrics.progress")
    if anchor is None:
        return
    goals = extract_goals(text)
    if goals:
        yield from _pediatric_goals(text, goals)
    if not _anywhere(text, _MEASUREMENT_METHOD):
        yield from _missing(
            text,
            anchor,
            "overlay.pediatrics.progress_measurement",
            PLAN_OF_CARE,
            "The plan does not say how progress is measured (IEP/IFSP): data collection, work samples, observation.",
            "“Progress measured with weekly work samples and a trial-by-trial data sheet.”",
        )
    if not _anywhere(text, _REPORT_SCHEDULE):
        yield from _missing(
            text,
            anchor,
            "overlay.pediatrics.report_schedule",
            PLAN_OF_CARE,
            "The plan does not say when progress is reported to the family (IEP report schedule or IFSP review).",
            "“Progress reported to parents quarterly with report cards; IFSP reviewed every 6 months.”",
        )


def _pediatric_goals(text: ArtifactText, goals: list[Goal]) -> Iterator[Finding]:
    field = goals[0].field
    if not any(_CHILD_SUBJECT.search(goal.reading) for goal in goals):
        yield from _missing(
            text,
            field,
            "overlay.pediatrics.goal_subject",
            PLAN_OF_CARE,
            "The goals are not written for the student or child (“Student will …”, “Child will …”).",
            "“Student will write his first and last name legibly on lined paper in 4/5 trials by the annual IEP "
            "review.”",
        )
    if not any(_SCHOOL_OR_NATURAL.search(goal.reading) for goal in goals):
        yield from _missing(
            text,
            field,
            "overlay.pediatrics.context",
            PLAN_OF_CARE,
            "No goal is set in a school or natural context (classroom, recess, mealtime, home routines).",
            "“… during snack time at preschool …” or “… in the classroom during seatwork …”.",
        )
    if not any(_CRITERION.search(goal.reading) for goal in goals):
        yield from _missing(
            text,
            field,
            "overlay.pediatrics.criterion",
            PLAN_OF_CARE,
            "No goal has a trials or % criterion (e.g. 4/5 trials, 80% of opportunities).",
            "“… in 4 of 5 opportunities across 3 consecutive sessions.”",
        )


# --- Shared ---------------------------------------------------------------------------------
_TRACKS = {
    "outpatient": _outpatient,
    "acute": _acute,
    "inpatient_rehab": _inpatient_rehab,
    "home_health": _home_health,
    "pediatrics": _pediatrics,
}


def _option(text: ArtifactText, name: str) -> str | None:
    """Where this overlay looks in this kind (catalog data, `KindSpec.options`); None: the part does not apply."""
    return text.spec.options.get(name) if text.spec is not None else None


def _missing(text: ArtifactText, field: str, check: str, row: str, message: str, fix: str) -> tuple[Finding, ...]:
    """One warning on the section where the element belongs (at 0-0 when that section is blank).

    A blank step of the case walk is already reported by `case.flow`, so it gets nothing more here.
    """
    if text.spec is not None and field in text.spec.role("flow") and text.is_blank(field):
        return ()
    return (
        section_finding(field, text.text(field), check=check, row=row, severity="warning", message=message, fix=fix),
    )


def _recommends_destination(body: str) -> bool:
    """A discharge/recommend word with a destination (home, SNF, IRF…) within the same stretch of text."""
    for match in _DISCHARGE_WORD.finditer(body):
        window = body[max(0, match.start() - 80) : match.end() + 80]
        if _DESTINATION.search(window):
            return True
    return False


def _anywhere(text: ArtifactText, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(value) for value in text.fields.values())
