"""The "what gets you filtered out" checks, for every kind of artifact.

Both hiring reports list what gets candidates screened out: stories that stay generic (no
stakeholders, no constraints named), unclear escalation boundaries, payer constraints ignored,
and vague outcomes without measurement. These checks look for the clear cases only, so that
good text stays quiet:

- `general.vague_outcome`: a sentence claims a result ("documentation improved") with no number
  or assist level in it, in an artifact whose outcome sections hold no number either;
- `general.no_stakeholder`: nobody is named anywhere: no client, caregiver, role or team;
- `general.no_constraint`: no constraint is named anywhere: no time, volume, staffing, payer,
  precaution or barrier, and no "due to" / "because";
- `general.vague_escalation`: "escalate as needed", "notify appropriate staff" with neither a
  role to tell nor a trigger.

The artifact-wide checks judge only artifacts long enough to tell (40 words or more).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import ASSESSMENT, DOCUMENTATION
from portfolios.rubric.text import Span, after_list_marker, finding, section_finding

# Below this many words an artifact is too short to say that something is missing "anywhere".
MIN_WORDS_TO_JUDGE = 40
# More findings of one kind than this add highlights, not information.
MAX_SENTENCE_FINDINGS = 5

# The patterns run on ASCII-lower-cased text and start with plain words, so the regex engine
# can skip ahead; a word boundary before a match is checked in Python (see `_word_starts`).
# A claim that something got better or worked, in past or present tense.
_OUTCOME_CLAIM = re.compile(
    r"(?:improved|improving|progressed|gained|successful(?:ly)?|went\s+well|worked\s+well|more\s+independent|"
    r"positive\s+(?:outcomes?|results?|response)|"
    r"(?:showed|shows|made|makes|making|noted|saw|see|seen|good|great|significant|steady)\s+(?:an?\s+)?"
    r"(?:improvements?|progress|gains)|"
    r"(?:got|gets|feels?|felt|was|were|is|are|did|does|doing|works?|worked|much|far|became)\s+better|"
    r"(?:was|were|has\s+been|have\s+been|had\s+been|got|became|is\s+now|are\s+now)\s+"
    r"(?:much\s+|significantly\s+|greatly\s+|clearly\s+)?(?:reduced|decreased|increased|lower|higher|fewer|"
    r"shorter|faster|less|more))(?![a-z])"
)
# Goals, plans and conditions are not outcome claims ("Client will improve...").
_NOT_A_CLAIM = re.compile(
    r"\b(?:will|would|should|could|shall|goal|goals|aim|aims|expect(?:ed|s)?|hope|plan(?:s|ned)?\s+to|"
    r"so\s+that|in\s+order\s+to|to\s+(?:improve|increase|reduce|decrease|enhance|progress)|if|unless|whether)\b"
)
# A number, an assist level or a counted change makes a claim measurable.
_MEASURE = re.compile(
    r"\d|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|"
    r"hundred|half|twice|double|doubled|halved|zero|none|no\s+longer|every|all|independent(?:ly)?|"
    r"mod(?:ified)?\s+i(?:ndependence)?|supervision|sba|cga|contact\s+guard|stand-?by|set-?up|min(?:imal)?\s+"
    r"(?:a|assist)|mod(?:erate)?\s+(?:a|assist)|max(?:imal)?\s+(?:a|assist)|dependent)\b"
)

# Anyone a reviewer could picture: the client, family, a role, a team, an office.
_STAKEHOLDER = re.compile(
    r"(?:clients?|patients?|pts?|caregivers?|family|families|spouses?|wife|husband|sons?|daughters?|"
    r"parents?|child(?:ren)?|students?|teachers?|nurses?|nursing|physicians?|doctors?|surgeons?|therapists?|"
    r"team(?:s|mates?)?|colleagues?|staff|managers?|supervisors?|directors?|leads?|leadership|compliance|admins?|"
    r"administrators?|administration|payers?|insurers?|case\s+managers?|social\s+workers?|social\s+work|"
    r"schedulers?|front\s+desk|billing|coders?|aides?|receivers?|senders?|mentors?|preceptors?|reviewers?|"
    r"auditors?|vendors?|providers?|clinicians?|practitioners?|residents?|people|person|audience|learners?|"
    r"owners?|interpreters?|rapid\s+response|hospitalists?|attendings?)(?![a-z])"
)
_STAKEHOLDER_ROLE = re.compile(r"(?:RN|LPN|CNA|PTA?|OTR?|COTA|OTA|SLP|MD|DO|NP|PA|CM|MSW|SW|PCP|IDT|HHA)(?![A-Za-z])")
# A constraint: what limited the work, or why a choice had to be made.
_CONSTRAINT = re.compile(
    r"(?:due\s+to|because|since|secondary\s+to|limited|limits?|limitations?|constrain(?:t|ts|ed)|barriers?|"
    r"restrict(?:ed|ions?)|time|minutes?|hours?|deadlines?|schedul(?:e|es|ed|ing)|volume|caseloads?|"
    r"productivity|staffing|short-?staffed|ratios?|workload|payers?|insurance|medicare|medicaid|"
    r"authori[sz](?:ation|ed)|cap|budget|costs?|copays?|reimburse(?:ment|d)?|precautions?|weight[- ]bearing|"
    r"fatigue|endurance|pain|cognition|cognitive|safety|risks?|transport(?:ation)?|equipment|dme|availability|"
    r"access|language|literacy|homebound|length\s+of\s+stay|trade-?offs?|competing|priorit(?:y|ies|i[sz]e[sd]?)|"
    r"pressure|shortage|backlog|overload(?:ed)?|only|unable|cannot|can't|couldn't|tradeoff|busy|forget[a-z]*|"
    r"alone|distance|stairs|steps\s+to\s+enter|2°|"
    # a constraint named as such, or stated as a plain fact of the client's life
    r"limiting|obstacles?|hurdles?|held\s+(?:her|him|them|me|us)\s+back|in\s+the\s+way|works?\s+(?:nights|"
    r"night\s+shifts?|two\s+jobs)|night\s+shifts?|no\s+(?:car|ride|phone|internet|one\s+at\s+home))(?![a-z])"
)

# "escalate as needed", "notify appropriate staff", "inform the relevant people".
# Only verbs that mean escalating: "call", "contact", "alert" and "raise" also name call lights,
# contact guard assist, an alert client and raising the bed.
_ESCALATION = re.compile(
    r"(?:escalat[a-z]*|notif(?:y|ies|ied|ication)|inform(?:s|ed)?|report(?:s|ed)?\s+to|reach(?:es|ed)?\s+out|"
    r"flag(?:s|ged)?\s+(?:it|this|concerns?|issues?)\s+to)(?![a-z])"
)
_VAGUE_WHO_OR_WHEN = re.compile(
    r"\b(?:as\s+(?:needed|appropriate|necessary|required|indicated)|if\s+(?:needed|necessary|required|"
    r"indicated|appropriate)|when\s+(?:needed|necessary|appropriate|required)|prn|"
    r"(?:the\s+)?(?:appropriate|relevant|proper|necessary|right)\s+(?:staff|person|persons|people|personnel|"
    r"party|parties|team|teams|individuals?|providers?|channels?|department|authorit(?:y|ies))|"
    r"up\s+the\s+chain|someone|somebody|anyone)\b"
)
_ESCALATION_ROLE = re.compile(
    r"(?i)\b(?:charge\s+nurse|nurse|physician|doctor|surgeon|attending|hospitalist|supervisor|manager|director|"
    r"case\s+manager|social\s+worker|rapid\s+response|team\s+lead|lead\s+therapist|compliance\s+officer|"
    r"provider|pcp|911|ems)\b|\b(?:RN|MD|DO|NP|PA|PT|OT|SLP|RRT|CM|SW|PCP)\b"
)
_ESCALATION_TRIGGER = re.compile(
    r"\d|[<>≤≥]|\b(?:spo2|o2\s+sat|bp|blood\s+pressure|hr|heart\s+rate|falls?|fell|pain|dizz[a-z]*|chest\s+pain|"
    r"shortness\s+of\s+breath|sob|symptoms?|below|above|more\s+than|less\s+than|over|under|drops?|rises?|"
    r"exceeds?|threshold|missed|unsafe|near-?miss|change\s+in|new\s+onset|confus[a-z]*|bleeding|swelling|"
    r"fever|orthostatic|within)\b"
)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _word_starts(lower: str, start: int) -> bool:
    return start == 0 or not lower[start - 1].isalpha()


def _has_word(pattern: re.Pattern[str], lower: str) -> bool:
    """True when `pattern` matches `lower` at the start of a word."""
    return any(_word_starts(lower, match.start()) for match in pattern.finditer(lower))


# Where a sentence ends: as in `text.iter_sentences`, a stop then white space, or a line break.
_SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s+|[\r\n]")
# How far from a match to look for its sentence's edges; keeps the cost linear on run-on text.
_SENTENCE_REACH = 400


def _sentence_at(section: str, position: int) -> Span:
    """The sentence around `position`, found within a bounded reach on either side."""
    low, high = max(0, position - _SENTENCE_REACH), min(len(section), position + _SENTENCE_REACH)
    start = low
    for boundary in _SENTENCE_BREAK.finditer(section, low, position):
        start = boundary.end()
    boundary = _SENTENCE_BREAK.search(section, position, high)
    end = high if boundary is None else boundary.start() + (section[boundary.start()] in ".!?")
    piece = section[start:end]
    start += len(piece) - len(piece.lstrip())
    start = min(after_list_marker(section, start), max(start, position))
    end -= len(piece) - len(piece.rstrip())
    return Span(start, max(start, end), section[start : max(start, end)])


def _sentences_with(pattern: re.Pattern[str], section: str, lower: str) -> Iterator[tuple[Span, re.Match[str]]]:
    """Each sentence of the section holding a match of `pattern` at a word start, with its first match."""
    covered = -1
    for match in pattern.finditer(lower):
        if match.start() < covered or not _word_starts(lower, match.start()):
            continue
        sentence = _sentence_at(section, match.start())
        covered = max(sentence.end, match.end())
        yield sentence, match


def check(text: ArtifactText) -> Iterator[Finding]:
    """Yield the general findings for one artifact; nothing for an artifact with nothing written."""
    written = [(key, section) for key, section in text.fields.items() if section and section.strip()]
    if not written:
        return
    yield from _vague_outcomes(text, written)
    yield from _vague_escalations(text, written)
    if sum(len(section.split()) for _, section in written) < MIN_WORDS_TO_JUDGE:
        return
    first_key, first_section = written[0]
    lowered = [section.translate(_ASCII_LOWER) for _, section in written]
    named = any(_STAKEHOLDER_ROLE.search(section) for _, section in written)
    if not named and not any(_has_word(_STAKEHOLDER, lower) for lower in lowered):
        yield section_finding(
            first_key,
            first_section,
            check="general.no_stakeholder",
            row=_row(text, (DOCUMENTATION,)),
            severity=_option(text, "general.no_stakeholder", "warning"),
            message=(
                "No one is named anywhere in this artifact: no client, caregiver, role or team. Reviewers screen "
                "out stories that stay generic; say who was involved (roles, never names)."
            ),
            fix=(
                "Name the roles, e.g. 'I flagged it to the charge nurse and agreed the plan with the client's "
                "daughter.'"
            ),
        )
    # A written "Barriers" section names a constraint by definition.
    barriers_named = any(key in _role(text, "barriers") for key, _ in written)
    constraint_severity = _option(text, "general.no_constraint", "info")
    judged_elsewhere = barriers_named or constraint_severity == "off"
    if not judged_elsewhere and not any(_has_word(_CONSTRAINT, lower) for lower in lowered):
        yield section_finding(
            first_key,
            first_section,
            check="general.no_constraint",
            row=_row(text, (ASSESSMENT,)),
            severity=constraint_severity,
            message=(
                "No constraint is named anywhere in this artifact (time, volume, staffing, payer rules, "
                "precautions, a barrier). Reviewers look for the real constraint behind each decision."
            ),
            fix=(
                "Say what limited you and how it shaped the choice, e.g. 'Only 2 visits were authorized, so I "
                "taught the tub transfer to the caregiver on visit 1.'"
            ),
        )


def _option(text: ArtifactText, name: str, default: str):
    """A per-kind setting from the catalog (see `KindSpec.options`)."""
    return text.spec.options.get(name, default) if text.spec else default


def _role(text: ArtifactText, name: str) -> frozenset[str]:
    """The sections playing `name` for this kind (see `KindSpec.roles`)."""
    return frozenset(text.spec.role(name)) if text.spec else frozenset()


def _row(text: ArtifactText, preferred: tuple[str, ...]) -> str:
    """The first preferred row the kind proves, else the kind's first row."""
    return text.spec.row_for(preferred) if text.spec else preferred[0]


def _vague_outcomes(text: ArtifactText, written: list[tuple[str, str]]) -> Iterator[Finding]:
    # A number anywhere in the sections that report results backs the claims made elsewhere.
    outcome_sections = _role(text, "outcome")
    if any(key in outcome_sections and _MEASURE.search(section.translate(_ASCII_LOWER)) for key, section in written):
        return
    row = _row(text, (DOCUMENTATION,))
    found = 0
    for key, section in written:
        if key in _role(text, "outcome_judged"):
            continue
        if key in _role(text, "escalation_judged"):
            continue  # an escalation path names the results that trigger it ("Any positive result: …"), not outcomes
        lower = section.translate(_ASCII_LOWER)
        for sentence, claim in _sentences_with(_OUTCOME_CLAIM, section, lower):
            sentence_lower = lower[sentence.start : sentence.end]
            if sentence.text.rstrip().endswith("?") or _NOT_A_CLAIM.search(sentence_lower):
                continue
            if _MEASURE.search(sentence_lower):
                continue
            found += 1
            if found > MAX_SENTENCE_FINDINGS:
                return
            yield finding(
                key,
                sentence,
                check="general.vague_outcome",
                row=row,
                severity="warning",
                message=(
                    f"This sentence reports an outcome (\u201c{section[claim.start() : claim.end()]}\u201d) without a "
                    "measure, and no outcome section gives a number either. Reviewers screen out vague outcomes."
                ),
                fix=(
                    "Give the before and after, with the measure: 'LB dressing went from Mod A to supervision in "
                    "3 weeks' or 'late notes fell from 14 to 2 a week'."
                ),
            )


def _vague_escalations(text: ArtifactText, written: list[tuple[str, str]]) -> Iterator[Finding]:
    row = _row(text, (DOCUMENTATION,))
    found = 0
    for key, section in written:
        if key in _role(text, "escalation_judged"):
            continue
        lower = section.translate(_ASCII_LOWER)
        for sentence, _ in _sentences_with(_ESCALATION, section, lower):
            sentence_lower = lower[sentence.start : sentence.end]
            vague = _VAGUE_WHO_OR_WHEN.search(sentence_lower)
            wording = section[sentence.start + vague.start() : sentence.start + vague.end()] if vague else ""
            if vague is None or _ESCALATION_ROLE.search(sentence.text) or _ESCALATION_TRIGGER.search(sentence_lower):
                continue
            found += 1
            if found > MAX_SENTENCE_FINDINGS:
                return
            yield finding(
                key,
                sentence,
                check="general.vague_escalation",
                row=row,
                severity="warning",
                message=(
                    f"This escalation is left open (\u201c{wording}\u201d): it names neither whom to tell nor what "
                    "triggers it. Unclear escalation boundaries are a common reason candidates are screened out."
                ),
                fix=(
                    "Name the trigger and the role: 'If SpO2 stays below 90% after 2 minutes of rest, stop and "
                    "notify the RN.'"
                ),
            )
