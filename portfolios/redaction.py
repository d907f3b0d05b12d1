"""Patient identifiers beyond the artifact editor: one-line fields, what reviewers see, readable placeholders.

The rubric's PHI gate (`portfolios.rubric.phi`) finds identifiers; this module applies it to
the rest of the product. `field_identifiers` is the one door to the detector for a bare string
(profile name and headline, portfolio headline, link labels, invite messages). `mask` hides
flagged passages from mentors, `replace_identifiers` rewrites them with placeholders that read
well on a recruiter's page. Pure functions: no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import phi
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import CheckResult, Finding

# What each identifier type is called in a mask or an error ("[identifier hidden: date]").
TYPE_LABELS: dict[str, str] = {
    "phi.name": "name",
    "phi.geo": "place",
    "phi.date": "date",
    "phi.age": "age over 89",
    "phi.phone": "phone number",
    "phi.fax": "fax number",
    "phi.email": "email address",
    "phi.ssn": "Social Security number",
    "phi.mrn": "record number",
    "phi.health_plan": "health plan number",
    "phi.account": "account number",
    "phi.license": "license number",
    "phi.vehicle": "vehicle identifier",
    "phi.device": "device serial number",
    "phi.url": "web address",
    "phi.ip": "IP address",
    "phi.other_id": "ID number",
}

# What "Replace all identifiers" writes: words a recruiter reads past, not "[NAME]" shouting.
# phi.PLACEHOLDERS stays the rubric's own (one-at-a-time) replacement.
READABLE_PLACEHOLDERS: dict[str, str] = {
    "phi.name": "the client",
    "phi.geo": "[location]",
    "phi.date": "[date]",
    "phi.age": "90+",
    "phi.phone": "[phone number]",
    "phi.fax": "[fax number]",
    "phi.email": "[email address]",
    "phi.ssn": "[ID number]",
    "phi.mrn": "[record number]",
    "phi.health_plan": "[health plan number]",
    "phi.account": "[account number]",
    "phi.license": "[license number]",
    "phi.vehicle": "[vehicle]",
    "phi.device": "[device]",
    "phi.url": "[link]",
    "phi.ip": "[IP address]",
    "phi.other_id": "[ID number]",
}
# After one of these words a name is someone else's (a relative, a clinician): not "the client".
_NOT_THE_CLIENT = frozenset(
    [
        "daughter",
        "son",
        "wife",
        "husband",
        "partner",
        "mother",
        "father",
        "mom",
        "dad",
        "sister",
        "brother",
        "friend",
        "neighbor",
        "neighbour",
        "caregiver",
        "aide",
        "grandson",
        "granddaughter",
        "niece",
        "nephew",
        "dr",
        "dr.",
        "doctor",
        "nurse",
        "rn",
        "pt",
        "ot",
        "md",
    ]
)
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)[\s,]*$")
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def type_label(check: str) -> str:
    return TYPE_LABELS.get(check, "identifier")


def field_identifiers(field_key: str, text: str) -> tuple[Finding, ...]:
    """The patient identifiers in one bare string, checked as field `field_key` (the detector's one door)."""
    return tuple(finding for finding in phi.scan_field(field_key, text) if finding.is_phi_error)


# A label names an employer or a job ("Hand therapist — Riverside Health System, Dayton"): its
# facility and town are the employer's, not a patient's location. Every other identifier in it
# (a patient's name, a date, a record number…) is refused as anywhere else.
_EMPLOYER_PLACES = frozenset({"phi.geo"})


def label_identifiers(field_key: str, text: str) -> tuple[Finding, ...]:
    """The patient identifiers in a label naming an employer or a job (share links, target jobs)."""
    return tuple(finding for finding in field_identifiers(field_key, text) if finding.check not in _EMPLOYER_PLACES)


def artifact_identifiers(fields: Mapping[str, str], kind: str) -> tuple[Finding, ...]:
    """The patient identifiers in a whole artifact's sections (across section breaks too), read as the
    checker reads them for `kind` (a checklist's review date is the document's: see phi.check)."""
    known = KINDS_BY_KEY.get(kind)
    text = ArtifactText(
        kind=kind,
        track="",
        fields={key: value or "" for key, value in fields.items()},
        spec=known.spec if known else None,
    )
    return tuple(finding for finding in phi.check(text) if finding.is_phi_error)


def stored_identifiers(artifact) -> tuple[Finding, ...]:
    """The identifiers an artifact's stored check found; its text is re-scanned only if that result is older."""
    if artifact.check_result and artifact.checked_version == artifact.version:
        return CheckResult.from_dict(artifact.check_result).phi_errors
    return artifact_identifiers(artifact.fields, artifact.kind)


def masked_section(artifact, section_key: str) -> str:
    """One section of an artifact as a mentor reads it."""
    flagged = [finding for finding in stored_identifiers(artifact) if finding.field == section_key]
    return mask(artifact.fields.get(section_key, "") or "", flagged)


def name_tokens(name: str) -> frozenset[str]:
    return frozenset(token.casefold() for token in _NAME_TOKEN.findall(name or ""))


def profile_identifiers(field_key: str, text: str, *, own_name: str) -> tuple[Finding, ...]:
    """Identifiers in a candidate's own line (name, headline): their own name is theirs to show.

    A flagged name made only of words from `own_name` passes; any other name, and every other
    identifier type, is still reported.
    """
    own = name_tokens(own_name)
    return tuple(
        finding
        for finding in field_identifiers(field_key, text)
        if not (finding.check == "phi.name" and own and name_tokens(text[finding.start : finding.end]) <= own)
    )


@dataclass(frozen=True)
class FieldProblem:
    """One identifier in a one-line field, told to its author: which type, where, and how to fix it."""

    field_label: str
    passage: str
    finding: Finding
    own_line: bool = False  # the candidate's own line (profile, headline), where their own name may stand

    @property
    def type_label(self) -> str:
        return type_label(self.finding.check)

    @property
    def message(self) -> str:
        message = (
            f"{self.field_label}: \u201c{self.passage}\u201d looks like a patient identifier "
            f"({self.type_label}). {self.finding.fix}"
        )
        if self.own_line and self.finding.check == "phi.name":
            message += " If it is your own name, write it the same way in your display name: your own name may stand."
        return message


def field_problems(label: str, text: str, findings: Iterable[Finding], *, own_line: bool = False) -> list[FieldProblem]:
    return [FieldProblem(label, text[finding.start : finding.end], finding, own_line) for finding in findings]


def _usable_spans(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Findings inside `text`, in order, overlapping ones dropped (the first one wins)."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda item: (item.start, -item.end)):
        if not 0 <= finding.start < finding.end <= len(text):
            continue
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def mask(text: str, findings: Iterable[Finding]) -> str:
    """`text` with each flagged passage replaced by "[identifier hidden: <type>]" (for reviewers)."""
    pieces: list[str] = []
    position = 0
    for finding in _usable_spans(text, findings):
        pieces += [text[position : finding.start], f"[identifier hidden: {type_label(finding.check)}]"]
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)


def mask_field(field_key: str, text: str) -> str:
    """A bare string (a quote, an earlier copy of a section) with its identifiers masked."""
    return mask(text, field_identifiers(field_key, text)) if text else text


def _placeholder(text: str, finding: Finding) -> str:
    placeholder = READABLE_PLACEHOLDERS.get(finding.check, "[identifier removed]")
    if finding.check != "phi.name":
        return placeholder
    before = text[: finding.start]
    word = _WORD_BEFORE.search(before)
    if word and word.group(1).casefold() in _NOT_THE_CLIENT:
        return "[name]"
    stripped = before.rstrip()
    if not stripped or stripped[-1] in ".!?:\n":
        return placeholder[0].upper() + placeholder[1:]
    return placeholder


def replace_identifiers(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """`text` with every flagged passage replaced by a readable placeholder, and how many were replaced."""
    pieces: list[str] = []
    position = 0
    spans = _usable_spans(text, findings)
    for finding in spans:
        pieces += [text[position : finding.start], _placeholder(text, finding)]
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces), len(spans)


def replace_in_fields(fields: Mapping[str, str], findings: Iterable[Finding]) -> tuple[dict[str, str], int]:
    """Every section with its identifiers replaced, and the total replaced."""
    by_field: dict[str, list[Finding]] = {}
    for finding in findings:
        by_field.setdefault(finding.field, []).append(finding)
    replaced: dict[str, str] = {}
    total = 0
    for key, value in fields.items():
        replaced[key], count = replace_identifiers(value or "", by_field.get(key, ()))
        total += count
    return replaced, total
