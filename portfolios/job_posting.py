"""Read a pasted job posting and weigh a candidate's checked evidence against it.

Pure and deterministic: vocabularies are data, matched with precompiled linear regexes.
`read_posting` tags the setting, industry (Enterprise vs Consumer in the hiring reports'
sense), payer, productivity and stakeholder terms, and the rubric rows the posting stresses,
each row must-have or nice-to-have from the posting's structure (headings, bullets,
sentences). `gap_bands` and `lead_kinds` then judge the candidate only by the checker's
scores of their artifacts, never by words in them, so stuffing keywords earns nothing.

Matching rules, applied to every term of every vocabulary:
- case is folded, except all-caps words of two or three letters ("PT", "OT", "IEP"),
  which as lower-case text are ordinary words;
- every word may take a plural ("-s", "-es", "-y"/"-ies") and a possessive;
- words may be joined by spaces, hyphens, dashes, slashes or nothing ("plan-of-care",
  "caregiver"/"care giver"), so no two words of a term may glue into another English word
  ("Medi Cal" would match "medical"); "-ize" also matches "-ise";
- "{n}" is a number or range ("85", "80-85", "6 to 8"); "[a|b]" is an optional word;
- where terms of one vocabulary overlap, the longer wins ("Medicare Part B" over "Medicare").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from portfolios.kinds import KINDS_BY_KEY
from portfolios.rows import ROWS, ROWS_BY_KEY
from portfolios.tracks import TRACKS_BY_KEY

MUST = "must"
NICE = "nice"
WEIGHTS: dict[str, int] = {MUST: 2, NICE: 1}  # a must-have counts twice a nice-to-have in the overall fit

ENTERPRISE = "enterprise"
CONSUMER = "consumer"

MAX_SCORE = 4
BANDS: tuple[str, ...] = ("Not shown", "Thin", "Partly shown", "Shown", "Strong")  # indexed by best score
LEAD_MIN_SCORE = 2  # a share link leads only with artifacts at least "Partly shown" on a stressed row


# --- result types -------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """Where a vocabulary term matched: `text == posting[start:end]`."""

    start: int
    end: int
    text: str
    term: str  # the vocabulary term, in its written form (see `term_pattern`)


@dataclass(frozen=True)
class Tag:
    """One vocabulary entry found in the posting (a payer, a productivity measure, a stakeholder)."""

    key: str
    label: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Classification:
    """The setting or industry read from the posting; `key` is None when nothing or a tie was found."""

    key: str | None
    evidence: tuple[Span, ...]  # spans for the chosen key, or every span found when unclear
    scores: tuple[tuple[str, int], ...]  # each candidate key with its score, highest first


@dataclass(frozen=True)
class Mention:
    """One place a rubric row's term sits, with why it counts as must- or nice-to-have."""

    span: Span
    weight: str  # MUST or NICE
    cue: str  # e.g. 'under "Requirements"', '"preferred" in the sentence', "mentioned"


@dataclass(frozen=True)
class StressedRow:
    """A rubric row the posting stresses: must-have if any mention is, else nice-to-have."""

    row: str
    title: str
    weight: str
    mentions: tuple[Mention, ...]

    @property
    def spans(self) -> tuple[Span, ...]:
        return tuple(mention.span for mention in self.mentions)


@dataclass(frozen=True)
class PostingProfile:
    """Everything `read_posting` found, each tag with the spans that explain it."""

    setting: Classification
    industry: Classification
    payers: tuple[Tag, ...]
    productivity: tuple[Tag, ...]
    stakeholders: tuple[Tag, ...]
    rows: tuple[StressedRow, ...]  # in rubric order

    @property
    def must_rows(self) -> tuple[StressedRow, ...]:
        return tuple(row for row in self.rows if row.weight == MUST)

    @property
    def nice_rows(self) -> tuple[StressedRow, ...]:
        return tuple(row for row in self.rows if row.weight == NICE)

    @property
    def is_empty(self) -> bool:
        """True when nothing at all was recognised."""
        return (
            self.setting.key is None
            and not self.setting.evidence
            and not self.industry.evidence
            and not (self.payers or self.productivity or self.stakeholders or self.rows)
        )


@dataclass(frozen=True)
class Proof:
    """One artifact the checker scored on a row (0-4)."""

    kind: str
    title: str
    score: int


@dataclass(frozen=True)
class RowGap:
    """How well the candidate's checked artifacts cover one stressed row."""

    row: str
    title: str
    weight: str
    score: int  # best checker score among the candidate's artifacts, 0 when none
    band: str
    proofs: tuple[Proof, ...]  # artifacts scoring above 0 on the row, best first
    missing: str  # a plain sentence: what would close the gap
    suggested_kind: str | None  # the smallest artifact kind that would prove the row


# Plain data a caller passes: row key -> (kind key, artifact title, checker score 0-4) per artifact.
Evidence = Mapping[str, Sequence[Proof | tuple[str, str, int]]]


# --- term compiler ---------------------------------------------------------------------------

_SEPARATOR = r"[\s/\-\u2010-\u2013]{0,3}"
_NUMBER = r"\d{1,3}(?:[.,]\d{1,2})?(?:[ \t]?(?:-|\u2013|to)[ \t]?\d{1,3}(?:[.,]\d{1,2})?)?"
_POSSESSIVE = r"(?:['\u2019]s?)?"
_START = r"(?<![A-Za-z0-9])"
_END = r"(?![A-Za-z0-9])"


def _inflect(word: str) -> str:
    """A literal word with its plural and possessive forms."""
    if "{n}" in word:
        pieces = [re.escape(piece) for piece in word.split("{n}")]
        pattern = _NUMBER.join(pieces)
        return pattern.replace(_NUMBER + "%", _NUMBER + r"[ \t]?%")
    escaped = re.escape(word).replace("iz", "i[sz]")
    if not word[-1].isalpha():
        return escaped
    if word.isupper() and len(word) <= 3:
        return f"(?-i:{escaped})s?{_POSSESSIVE}"
    lower = word.lower()
    if len(word) > 2 and lower.endswith("y") and lower[-2] not in "aeiou":
        return f"{escaped[:-1]}(?:y|ies){_POSSESSIVE}"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return f"{escaped}(?:es)?{_POSSESSIVE}"
    return f"{escaped}s?{_POSSESSIVE}"


@cache
def term_pattern(term: str) -> re.Pattern[str]:
    """The compiled regex for one vocabulary term, following the module's matching rules."""
    words = [word for word in re.split(r"[\s\-]+", term.strip()) if word]
    if not words or words[0].startswith("["):
        raise ValueError(f"A term needs a first word that is not optional: {term!r}")
    pattern = _inflect(words[0])
    for word in words[1:]:
        if word.startswith("[") and word.endswith("]"):
            choices = "|".join(_inflect(choice) for choice in word[1:-1].split("|"))
            pattern += f"(?:{_SEPARATOR}(?:{choices}))?"
        else:
            pattern += _SEPARATOR + _inflect(word)
    return re.compile(_START + pattern + _END, re.IGNORECASE)


@dataclass(frozen=True)
class _Entry:
    key: str
    label: str
    terms: tuple[str, ...]
    weight: int = 1  # how strongly each distinct term points at the key (setting, industry)


@dataclass(frozen=True)
class _Found:
    entry: _Entry
    span: Span


def _find(entries: Sequence[_Entry], text: str) -> list[_Found]:
    """Every match of the family's terms, overlaps resolved longest-first, in text order."""
    candidates = [
        _Found(entry, Span(match.start(), match.end(), match.group(), term))
        for entry in entries
        for term in entry.terms
        for match in term_pattern(term).finditer(text)
        if match.end() > match.start()
    ]
    candidates.sort(key=lambda found: (found.span.start - found.span.end, found.span.start))
    kept: list[_Found] = []
    for found in candidates:
        if all(found.span.end <= other.span.start or found.span.start >= other.span.end for other in kept):
            kept.append(found)
    return sorted(kept, key=lambda found: found.span.start)


def _tags(entries: Sequence[_Entry], text: str) -> tuple[Tag, ...]:
    """Tags in vocabulary order, each with every span where it matched."""
    spans: dict[str, list[Span]] = {}
    for found in _find(entries, text):
        spans.setdefault(found.entry.key, []).append(found.span)
    labels = {entry.key: entry.label for entry in entries}
    return tuple(Tag(key, labels[key], tuple(spans[key])) for key in labels if key in spans)


def _classify(entries: Sequence[_Entry], text: str) -> Classification:
    """The key whose distinct terms weigh most; None on a tie. Repeating a term adds nothing."""
    found = _find(entries, text)
    scores: dict[str, int] = {}
    seen: set[tuple[str, str]] = set()
    for item in found:
        if (item.entry.key, item.span.term) not in seen:
            seen.add((item.entry.key, item.span.term))
            scores[item.entry.key] = scores.get(item.entry.key, 0) + item.entry.weight
    ranked = tuple(sorted(scores.items(), key=lambda pair: -pair[1]))
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return Classification(None, tuple(item.span for item in found), ranked)
    key = ranked[0][0]
    return Classification(key, tuple(item.span for item in found if item.entry.key == key), ranked)


# --- vocabularies (data) ---------------------------------------------------------------------

SETTING_TERMS: tuple[_Entry, ...] = (
    _Entry(
        "outpatient",
        "Outpatient",
        ("outpatient", "outpatient clinic", "outpatient rehab", "hand therapy", "certified hand therapist", "CHT"),
        weight=2,
    ),
    _Entry(
        "outpatient",
        "Outpatient",
        ("clinic", "private practice", "ambulatory", "Medicare Part B", "8 minute rule", "orthopedic clinic"),
    ),
    _Entry(
        "acute",
        "Inpatient/acute care",
        ("acute care", "acute care hospital", "ICU", "intensive care", "intensive care unit", "trauma center"),
        weight=2,
    ),
    _Entry(
        "acute",
        "Inpatient/acute care",
        (
            "hospital",
            "acute",
            "medical center",
            "med surg",
            "medical surgical",
            "emergency department",
            "discharge recommendation",
            "early mobility",
            "hospitalist",
        ),
    ),
    _Entry(
        "inpatient_rehab",
        "Inpatient rehab",
        (
            "inpatient rehabilitation",
            "inpatient rehab",
            "acute rehab",
            "acute rehabilitation",
            "acute inpatient rehab",
            "acute inpatient rehabilitation",
            "IRF",
            "rehabilitation hospital",
            "rehab hospital",
            "inpatient rehabilitation facility",
        ),
        weight=2,
    ),
    _Entry(
        "inpatient_rehab",
        "Inpatient rehab",
        ("IRF PAI", "3 hour rule", "three hour rule", "team conference", "CARF", "rehab unit", "rehabilitation unit"),
    ),
    _Entry(
        "home_health",
        "Home health",
        ("home health", "home health care", "home care", "home health agency"),
        weight=2,
    ),
    _Entry(
        "home_health",
        "Home health",
        ("home bound", "OASIS", "PDGM", "in home", "patient home", "client home", "home visit", "mileage"),
    ),
    _Entry(
        "pediatrics",
        "Pediatrics/specialty",
        (
            "pediatric",
            "pediatrics",
            "paediatric",
            "school based",
            "school district",
            "early intervention",
            "NICU",
            "pediatric outpatient",
            "outpatient pediatric",
        ),
        weight=2,
    ),
    _Entry(
        "pediatrics",
        "Pediatrics/specialty",
        (
            "IEP",
            "IFSP",
            "child",
            "children",
            "kid",
            "student",
            "school",
            "infant",
            "toddler",
            "classroom",
            "special education",
            "birth to three",
            "sensory processing",
            "handwriting",
        ),
    ),
)

INDUSTRY_TERMS: tuple[_Entry, ...] = (
    _Entry(
        ENTERPRISE,
        "Enterprise",
        (
            "Joint Commission",
            "CMS survey",
            "survey readiness",
            "accreditation",
            "procurement",
            "EHR rollout",
            "EHR implementation",
            "EHR migration",
            "EHR conversion",
            "Epic rollout",
            "Epic implementation",
            "system implementation",
            "interoperability",
            "vendor contract",
            "payer contract",
            "contract negotiation",
            "enterprise",
            "governance",
        ),
        weight=2,
    ),
    _Entry(
        ENTERPRISE,
        "Enterprise",
        (
            "audit",
            "compliance",
            "compliant",
            "integration",
            "regulatory",
            "vendor",
            "health system",
            "policies and procedures",
            "quality improvement",
            "risk management",
            "stakeholder",
            "standardization",
            "standardized workflow",
            "service agreement",
        ),
    ),
    _Entry(
        CONSUMER,
        "Consumer",
        (
            "churn",
            "attribution",
            "customer support",
            "member support",
            "patient retention",
            "client retention",
            "member retention",
            "patient satisfaction",
            "client satisfaction",
            "NPS",
            "net promoter score",
            "online review",
            "Google review",
            "five star review",
            "5 star review",
            "cash pay",
            "cash based",
            "direct to consumer",
            "subscription",
            "practice growth",
            "business growth",
            "referral growth",
            "grow the practice",
            "growth target",
        ),
        weight=2,
    ),
    _Entry(
        CONSUMER,
        "Consumer",
        (
            "marketing",
            "social media",
            "self pay",
            "private pay",
            "out of network",
            "membership",
            "customer",
            "client experience",
            "patient experience",
            "satisfaction score",
            "Press Ganey",
            "Yelp",
            "concierge",
            "boutique",
            "conversion",
            "community outreach",
            "wellness",
            "patient engagement",
        ),
    ),
)

PAYER_TERMS: tuple[_Entry, ...] = (
    _Entry("medicare_part_a", "Medicare Part A", ("Medicare Part A", "Part A")),
    _Entry("medicare_part_b", "Medicare Part B", ("Medicare Part B", "Part B")),
    _Entry("medicare_advantage", "Medicare Advantage", ("Medicare Advantage",)),
    _Entry("medicare", "Medicare", ("Medicare",)),
    _Entry("medicaid", "Medicaid", ("Medicaid", "school based Medicaid")),
    _Entry("pdpm", "PDPM", ("PDPM", "Patient Driven Payment Model")),
    _Entry("pdgm", "PDGM", ("PDGM", "Patient Driven Groupings Model")),
    _Entry("oasis", "OASIS", ("OASIS",)),
    _Entry("irf_pai", "IRF-PAI", ("IRF PAI",)),
    _Entry("section_gg", "Section GG", ("Section GG",)),
    _Entry(
        "managed_care",
        "Managed care",
        ("managed care", "HMO", "PPO", "commercial insurance", "commercial payer", "health plan"),
    ),
    _Entry(
        "prior_authorization",
        "Prior authorization",
        (
            "prior authorization",
            "prior auth",
            "pre authorization",
            "pre auth",
            "insurance authorization",
            "authorization request",
        ),
    ),
    _Entry(
        "workers_comp",
        "Workers' compensation",
        ("worker compensation", "worker comp", "workman comp", "work comp"),
    ),
    _Entry("private_pay", "Private pay", ("private pay", "self pay", "cash pay", "cash based", "out of network")),
    _Entry("no_fault", "Auto / no-fault", ("no fault", "auto insurance", "personal injury")),
    _Entry("tricare", "TRICARE", ("TRICARE",)),
    _Entry("medical_necessity", "Medical necessity", ("medical necessity", "skilled need", "medically necessary")),
)

PRODUCTIVITY_TERMS: tuple[_Entry, ...] = (
    _Entry(
        "productivity",
        "Productivity target",
        (
            "productivity",
            "{n}% productivity [standard|target|expectation|requirement|goal|rate]",
            "{n}% productive",
            "productivity [standard|target|expectation|requirement|goal|rate] of {n}%",
            "productivity [standard|target|expectation|requirement|goal|rate]",
            "billable time",
            "billable hour",
        ),
    ),
    _Entry(
        "units",
        "Treatment units",
        (
            "billable unit",
            "treatment unit",
            "timed unit",
            "{n} unit [per|a|each] day",
            "unit [per|a|each] day",
            "8 minute rule",
            "eight minute rule",
        ),
    ),
    _Entry(
        "visits",
        "Visits or patients per day",
        (
            "{n} visit [per|a|each] day",
            "{n} visit [per|a|each] week",
            "visit [per|a|each] day",
            "visit [per|a|each] week",
            "{n} patient [per|a|each] day",
            "patient [per|a|each] day",
            "{n} treatment [per|a|each] day",
            "{n} point [per|a|each] week",
            "point [per|a|each] week",
            "visit expectation",
        ),
    ),
    _Entry(
        "caseload",
        "Caseload size",
        ("case load", "case load of {n}", "case load size", "{n} student case load", "census"),
    ),
    _Entry("rvu", "RVUs", ("RVU", "wRVU", "relative value unit")),
    _Entry(
        "documentation_turnaround",
        "Documentation turnaround",
        (
            "documentation turnaround",
            "within {n} hour",
            "within {n} business day",
            "same day documentation",
            "point of service documentation",
            "point of care documentation",
            "documentation at [the] point of service",
            "documentation at [the] point of care",
            "timely documentation",
            "notes closed",
            "{n} hour documentation",
        ),
    ),
)

STAKEHOLDER_TERMS: tuple[_Entry, ...] = (
    _Entry("nurses", "Nurses", ("nurse", "nursing", "nursing staff", "RN", "LPN", "LVN", "CNA")),
    _Entry(
        "physicians",
        "Physicians and providers",
        (
            "physician",
            "doctor",
            "MD",
            "hospitalist",
            "surgeon",
            "pediatrician",
            "physiatrist",
            "psychiatrist",
            "nurse practitioner",
            "physician assistant",
            "referring provider",
            "referral source",
        ),
    ),
    _Entry(
        "physical_therapists",
        "Physical therapists",
        ("physical therapist", "physical therapy", "PT", "PTA", "DPT", "physical therapy assistant"),
    ),
    _Entry(
        "speech_therapists",
        "Speech-language pathologists",
        ("speech language pathologist", "speech language pathology", "speech therapist", "speech therapy", "SLP"),
    ),
    _Entry(
        "ot_assistants",
        "OT assistants",
        ("COTA", "OTA", "occupational therapy assistant", "certified occupational therapy assistant"),
    ),
    _Entry(
        "case_managers",
        "Case managers and social workers",
        (
            "case manager",
            "case management",
            "social worker",
            "social work",
            "discharge planner",
            "care coordinator",
            "care manager",
            "service coordinator",
        ),
    ),
    _Entry(
        "families",
        "Families and caregivers",
        ("family", "care giver", "parent", "guardian", "loved one", "family member"),
    ),
    _Entry(
        "teachers",
        "Teachers and school staff",
        (
            "teacher",
            "educator",
            "IEP team",
            "special education",
            "school staff",
            "school personnel",
            "paraprofessional",
            "classroom staff",
        ),
    ),
    _Entry("compliance", "Compliance", ("compliance", "compliance officer", "compliance team", "legal")),
    _Entry(
        "payers",
        "Payers",
        ("payer", "payor", "insurer", "insurance company", "utilization review", "utilization management"),
    ),
    _Entry(
        "administrators",
        "Administrators and managers",
        ("administrator", "director", "manager", "rehab director", "leadership", "administration"),
    ),
    _Entry(
        "interdisciplinary_team",
        "Interdisciplinary team",
        ("interdisciplinary team", "multidisciplinary team", "interdisciplinary", "IDT", "rehab team", "care team"),
    ),
    _Entry(
        "front_office",
        "Front office and support",
        ("front desk", "front office", "scheduler", "intake team", "customer support", "support team"),
    ),
    _Entry("vendors", "Vendors", ("vendor", "DME vendor", "DME supplier")),
)

ROW_TERMS: dict[str, tuple[str, ...]] = {
    "time_management": (
        "time management",
        "manage time",
        "manage your time",
        "prioritize",
        "prioritizing",
        "prioritization",
        "productivity",
        "case load",
        "high volume",
        "fast paced",
        "throughput",
        "efficiency",
        "efficient",
        "work load",
        "multi task",
        "multi tasking",
        "deadline",
        "organizational skill",
        "visit [per|a|each] day",
        "patient [per|a|each] day",
        "RVU",
        "billable unit",
        "schedule management",
    ),
    "documentation": (
        "documentation",
        "document",
        "documenting",
        "daily note",
        "treatment note",
        "progress note",
        "progress report",
        "SOAP note",
        "note writing",
        "charting",
        "chart audit",
        "EMR",
        "EHR",
        "electronic medical record",
        "electronic health record",
        "Epic",
        "Cerner",
        "Meditech",
        "WebPT",
        "Net Health",
        "HCHB",
        "Homecare Homebase",
        "PointClickCare",
        "WellSky",
        "Kinnser",
        "billing",
        "coding",
        "CPT",
        "ICD 10",
        "medical necessity",
        "hand off",
        "record keeping",
        "defensible",
        "report writing",
        "OASIS",
    ),
    "plan_of_care": (
        "plan of care",
        "POC",
        "treatment plan",
        "treatment planning",
        "care plan",
        "care planning",
        "intervention plan",
        "measurable goal",
        "functional goal",
        "treatment goal",
        "patient goal",
        "client goal",
        "IEP goal",
        "long term goal",
        "short term goal",
        "goal setting",
        "goal writing",
        "STG",
        "LTG",
        "IFSP",
        "IFSP outcome",
        "IEP",
        "progression",
        "discharge planning",
        "frequency and duration",
        "re certification",
        "plan and implement",
    ),
    "patient_education": (
        "patient education",
        "patient and family education",
        "patient and care giver education",
        "family education",
        "care giver education",
        "care giver training",
        "family training",
        "parent training",
        "parent coaching",
        "patient training",
        "educate",
        "educating",
        "teach",
        "teaching",
        "teach back",
        "instruct",
        "home exercise program",
        "HEP",
        "home program",
        "adherence",
        "motivation",
        "motivational interviewing",
        "health literacy",
        "self management",
        "in service",
        "coaching",
    ),
    "assessment": (
        "assessment",
        "assess",
        "assessing",
        "evaluation",
        "evaluate",
        "evaluating",
        "re evaluation",
        "re evaluate",
        "re assessment",
        "screening",
        "standardized test",
        "standardized testing",
        "clinical reasoning",
        "clinical judgment",
        "clinical judgement",
        "prior level of function",
        "PLOF",
        "baseline",
        "discharge recommendation",
        "BOT 2",
        "PDMS 2",
        "Peabody",
        "Beery",
        "VMI",
        "Sensory Profile",
        "SPM",
        "COPM",
        "MoCA",
        "FIM",
        "Section GG",
        "Kohlman",
        "Allen Cognitive",
        "goniometry",
        "manual muscle testing",
        "MMT",
        "clinical observation",
    ),
}

# The reports' skill matrix ("How to prove it": "build the smallest artifact that proves it"), as
# catalog kinds. A setting whose track does not recommend that kind gets the track's smallest proving kind.
REPORT_PROOF: dict[str, str] = {
    "time_management": "caseload_note",
    "documentation": "workflow_safeguards",
    "plan_of_care": "plan_of_care",
    "patient_education": "education_script",
    "assessment": "case_writeup",
}

ROW_ENTRIES: tuple[_Entry, ...] = tuple(
    _Entry(row.key, row.title, ROW_TERMS[row.key]) for row in ROWS if row.key in ROW_TERMS
)


# --- structure: headings, bullets, sentences, cues -----------------------------------------

_IGNORE = "ignore"  # sections about the employer, pay or perks: their words stress no row
_NEUTRAL = "neutral"

_HEADING_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        _IGNORE,
        re.compile(
            r"\b(?:benefits?|perks?|compensation|pay|salary|wages?|why join|why work|what we offer|we offer|"
            r"about us|about the (?:company|organi[sz]ation|practice|agency|team)|who we are|our mission|"
            r"equal opportunity|eeo|how to apply|culture|schedule|location|shift|"
            r"(?:sign[ -]on|signing|retention|relocation) bonus)\b"
        ),
    ),
    (
        NICE,
        re.compile(
            r"\b(?:preferred|prefer|nice[ -]to[ -]haves?|bonus|a plus|pluses|desired|desirable|"
            r"good[ -]to[ -]haves?|extra credit|optional|ideally)\b"
        ),
    ),
    (
        MUST,
        re.compile(
            r"\b(?:requirements?|qualifications?|required|musts?|must[ -]haves?|responsibilit(?:y|ies)|"
            r"what you'?ll do|what you will do|what you'?ll bring|what you bring|duties|essential|minimum|"
            r"what we'?re looking for|what we are looking for|who you are|expectations|skills?|experience|"
            r"education|licen[sc](?:e|ure)|certifications?|credentials?|you will|you have)\b"
        ),
    ),
)

# Words a bare heading line ("Preferred qualifications", "What you'll do") may hold besides
# its section word; any other lower-case word makes the line a sentence ("Must have OT license").
_HEADING_FILLERS = frozenset(
    [
        "a",
        "an",
        "and",
        "&",
        "the",
        "of",
        "to",
        "for",
        "our",
        "your",
        "you",
        "you'll",
        "we",
        "we're",
        "what",
        "who",
        "do",
        "will",
        "bring",
        "have",
        "are",
        "is",
        "job",
        "position",
        "role",
        "key",
        "additional",
        "other",
        "core",
        "qualifications",
        "requirements",
        "responsibilities",
        "skills",
        "experience",
        "duties",
        "haves",
        "plus",
        "preferred",
        "required",
        "minimum",
        "basic",
    ]
)

_SENTENCE_CUES: tuple[_Entry, ...] = (
    _Entry(MUST, "required", ("required", "requires", "must", "essential", "mandatory", "need to", "must have")),
    _Entry(
        NICE,
        "preferred",
        (
            "preferred",
            "prefer",
            "a plus",
            "nice to have",
            "bonus",
            "desired",
            "desirable",
            "ideally",
            "an asset",
            "advantageous",
            "helpful",
            "not required",
            "not necessary",
            "optional",
        ),
    ),
)

_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_EMPHASIS_HEADING = re.compile(r"^\s*(?:\*\*|__)([^*_\n]{1,80})(?:\*\*|__)\s*:?\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+\u2022\u00b7\u25aa\u25e6\u2013\u2014\u27a2\u2713\u2714]|\d{1,2}[.)])\s+")
_INLINE_LABEL = re.compile(r"^\s*(?:\*\*|__)?([A-Za-z][A-Za-z '\u2019&/-]{0,40}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*\S")
_SENTENCE_END = re.compile(r"[.!?;](?=\s)")
_LINE = re.compile(r"[^\n]*\n?")


def _heading_class(label: str) -> str:
    normal = re.sub(r"\s+", " ", label.replace("\u2019", "'").casefold()).strip()
    for name, pattern in _HEADING_CLASSES:
        if pattern.search(normal):
            return name
    return _NEUTRAL


def _clean_label(label: str) -> str:
    return label.strip().strip("#*_:").strip()


def _heading_text(line: str) -> str | None:
    """The heading's words when the line is shaped like a heading, else None."""
    if match := _MARKDOWN_HEADING.match(line) or _EMPHASIS_HEADING.match(line):
        return _clean_label(match.group(1))
    stripped = line.strip()
    if not stripped or _BULLET.match(line) or len(stripped.split()) > 8:
        return None
    letters = [char for char in stripped if char.isalpha()]
    if stripped.endswith(":"):
        return _clean_label(stripped)
    if len(letters) >= 4 and all(char.isupper() for char in letters):
        return _clean_label(stripped)
    # A short line without sentence punctuation that names a known section ("Requirements").
    words = _clean_label(stripped).replace("\u2019", "'").split()
    if (
        words
        and len(words) <= 5
        and stripped[-1] not in ".!?,;"
        and words[0][0].isupper()
        and all(word[0].isupper() or word.casefold() in _HEADING_FILLERS for word in words)
        and _heading_class(stripped) != _NEUTRAL
    ):
        return _clean_label(stripped)
    return None


@dataclass(frozen=True)
class _Context:
    start: int
    end: int
    weight: str  # MUST, NICE, _NEUTRAL or _IGNORE
    cue: str


def _units(text: str) -> list[_Context]:
    """The posting's lines with their section: a line starting lower-case continues the one before (wrapped text)."""
    units: list[_Context] = []
    section = _Context(0, 0, _NEUTRAL, "mentioned")
    open_unit: list[int] | None = None  # [start, end] of the bullet or paragraph being extended
    unit_context = section

    def close() -> None:
        nonlocal open_unit
        if open_unit is not None:
            units.append(_Context(open_unit[0], open_unit[1], unit_context.weight, unit_context.cue))
            open_unit = None

    for match in _LINE.finditer(text):
        line = match.group()
        if not line:
            break
        start, end = match.start(), match.start() + len(line.rstrip("\n"))
        if not line.strip():
            close()
            continue
        heading = _heading_text(line)
        if heading is not None:
            close()
            kind = _heading_class(heading)
            section = _Context(0, 0, kind, f"under \u201c{heading}\u201d" if kind in (MUST, NICE) else "mentioned")
            units.append(_Context(start, end, section.weight, section.cue))
            continue
        label = _INLINE_LABEL.match(line)
        label_class = _heading_class(label.group(1)) if label else _NEUTRAL
        if label and label_class != _NEUTRAL:
            close()
            cue = f"under \u201c{_clean_label(label.group(1))}\u201d" if label_class in (MUST, NICE) else "mentioned"
            units.append(_Context(start, end, label_class, cue))
            continue
        if open_unit is None or not line.lstrip()[0].islower():
            close()
            open_unit = [start, end]
            unit_context = section
        else:
            open_unit[1] = end
    close()
    return units


def _sentences(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        yield cursor, match.end()
        cursor = match.end()
    if cursor < end:
        yield cursor, end


def _mentions(text: str) -> dict[str, list[Mention]]:
    """Each rubric row's terms, weighed by the nearest sentence cue, else by their section."""
    found = _find(ROW_ENTRIES, text)
    if not found:
        return {}
    cues = _find(_SENTENCE_CUES, text)
    mentions: dict[str, list[Mention]] = {}
    for unit in _units(text):
        for sentence_start, sentence_end in _sentences(text, unit.start, unit.end):
            inside = [item for item in found if sentence_start <= item.span.start < sentence_end]
            if not inside:
                continue
            sentence_cues = [cue for cue in cues if sentence_start <= cue.span.start < sentence_end]
            for item in inside:
                weight, why = unit.weight, unit.cue
                if sentence_cues:
                    nearest = min(
                        sentence_cues,
                        key=lambda cue, item=item: (
                            max(cue.span.start - item.span.end, item.span.start - cue.span.end, 0),
                            cue.entry.key != MUST,
                        ),
                    )
                    weight, why = nearest.entry.key, f"\u201c{nearest.span.text}\u201d in the sentence"
                if weight == _IGNORE:
                    continue
                if weight == _NEUTRAL:
                    weight = NICE
                mentions.setdefault(item.entry.key, []).append(Mention(item.span, weight, why))
    return mentions


# --- public API ------------------------------------------------------------------------------


def read_posting(text: str) -> PostingProfile:
    """Tag a job posting's setting, industry, payer, productivity and stakeholder terms, and the rows it stresses."""
    text = text or ""
    mentions = _mentions(text)
    rows = tuple(
        StressedRow(
            row=row.key,
            title=row.title,
            weight=MUST if any(mention.weight == MUST for mention in mentions[row.key]) else NICE,
            mentions=tuple(mentions[row.key]),
        )
        for row in ROWS
        if row.key in mentions
    )
    return PostingProfile(
        setting=_classify(SETTING_TERMS, text),
        industry=_classify(INDUSTRY_TERMS, text),
        payers=_tags(PAYER_TERMS, text),
        productivity=_tags(PRODUCTIVITY_TERMS, text),
        stakeholders=_tags(STAKEHOLDER_TERMS, text),
        rows=rows,
    )


def band_for(score: int) -> str:
    """The plain band for a best checker score 0-4."""
    return BANDS[score]


def suggested_kind(row: str, setting: str | None = None) -> str | None:
    """The smallest artifact that proves the row: the reports' pick, unless the setting's track does not recommend it."""
    track = TRACKS_BY_KEY.get(setting or "")
    report_kind = REPORT_PROOF.get(row)
    if track is None or report_kind in track.recommended_kinds:
        return report_kind
    kind = track.smallest_kind_proving(row)
    return kind.key if kind is not None else report_kind


def _proofs(items: Iterable[Proof | tuple[str, str, int]]) -> tuple[Proof, ...]:
    proofs = []
    for item in items:
        proof = item if isinstance(item, Proof) else Proof(*item)
        if isinstance(proof.score, bool) or not isinstance(proof.score, int) or not 0 <= proof.score <= MAX_SCORE:
            raise ValueError(f"Checker scores run 0-{MAX_SCORE}; got {proof.score!r} for {proof.title!r}")
        proofs.append(proof)
    return tuple(sorted((proof for proof in proofs if proof.score > 0), key=lambda proof: -proof.score))


def _kind_title(key: str | None) -> str:
    return KINDS_BY_KEY[key].title if key in KINDS_BY_KEY else (key or "")


def _missing(title: str, score: int, proofs: tuple[Proof, ...], kind: str | None) -> str:
    if score == MAX_SCORE:
        return "Nothing missing."
    if score == 0:
        add = f" Smallest proof to add: {_kind_title(kind)}." if kind else ""
        return f"No checked artifact shows {title} yet.{add}"
    best = proofs[0]
    if score == MAX_SCORE - 1:
        return f"Shown by \u201c{best.title}\u201d; closing its remaining checker findings would make it Strong."
    lead = f"Your best proof, \u201c{best.title}\u201d, scores {score} of {MAX_SCORE} here"
    if kind is None or any(proof.kind == kind for proof in proofs):
        return f"{lead}: work through its checker findings."
    return f"{lead}. Strengthen it, or add: {_kind_title(kind)}."


def gap_bands(
    profile: PostingProfile, evidence: Evidence, *, kind_for_row: Mapping[str, str] | None = None
) -> list[RowGap]:
    """Band every stressed row by the candidate's best checker score: must-haves first, each in rubric order."""
    gaps = []
    for stressed in (*profile.must_rows, *profile.nice_rows):
        proofs = _proofs(evidence.get(stressed.row, ()))
        score = proofs[0].score if proofs else 0
        if kind_for_row is not None and stressed.row in kind_for_row:
            kind = kind_for_row[stressed.row]
        else:
            kind = suggested_kind(stressed.row, profile.setting.key)
        gaps.append(
            RowGap(
                row=stressed.row,
                title=stressed.title,
                weight=stressed.weight,
                score=score,
                band=band_for(score),
                proofs=proofs,
                missing=_missing(stressed.title, score, proofs, kind),
                suggested_kind=kind,
            )
        )
    return gaps


def overall_fit(gaps: Sequence[RowGap]) -> int | None:
    """Percent of the best possible score over stressed rows, a must-have weighing twice a nice-to-have."""
    if not gaps:
        return None
    earned = sum(WEIGHTS[gap.weight] * gap.score for gap in gaps)
    possible = sum(WEIGHTS[gap.weight] * MAX_SCORE for gap in gaps)
    return round(100 * earned / possible)


def lead_kinds(profile: PostingProfile, evidence: Evidence) -> list[str]:
    """Artifact kinds to lead a share link with: best coverage of the must-have rows first, then nice-to-haves."""
    must_rows = {row.row for row in profile.must_rows}
    nice_rows = {row.row for row in profile.nice_rows}
    best: dict[tuple[str, str], int] = {}  # (kind, row) -> best score among that kind's artifacts
    order: dict[str, int] = {}
    for row in (*must_rows, *nice_rows):
        for proof in _proofs(evidence.get(row, ())):
            order.setdefault(proof.kind, len(order))
            best[proof.kind, row] = max(best.get((proof.kind, row), 0), proof.score)
    ranking = []
    for kind in order:
        scores = {row: score for (key, row), score in best.items() if key == kind}
        if max(scores.values()) < LEAD_MIN_SCORE:
            continue
        must_total = sum(score for row, score in scores.items() if row in must_rows)
        nice_total = sum(score for row, score in scores.items() if row in nice_rows)
        ranking.append((-must_total, -nice_total, kind))
    return [kind for *_, kind in sorted(ranking)]


def _check_vocabularies() -> None:
    for family in (SETTING_TERMS, INDUSTRY_TERMS, PAYER_TERMS, PRODUCTIVITY_TERMS, STAKEHOLDER_TERMS, ROW_ENTRIES):
        terms = [term.casefold() for entry in family for term in entry.terms]
        if duplicates := sorted({term for term in terms if terms.count(term) > 1}):
            raise ValueError(f"Vocabulary lists a term twice: {', '.join(duplicates)}")
    for entry in SETTING_TERMS:
        if entry.key not in TRACKS_BY_KEY:
            raise ValueError(f"Setting vocabulary names unknown track {entry.key!r}")
    for row in (*ROW_TERMS, *REPORT_PROOF):
        if row not in ROWS_BY_KEY:
            raise ValueError(f"Row vocabulary names unknown row {row!r}")
    for row, kind in REPORT_PROOF.items():
        if row not in KINDS_BY_KEY[kind].proves:
            raise ValueError(f"Kind {kind!r} does not prove row {row!r}")


_check_vocabularies()
