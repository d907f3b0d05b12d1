"""Ownership checks: can the candidate say what they owned, what they decided and how they knew?

The Enterprise report's shortlist signal is "Can state what they owned vs what the team owned
... without hedging"; its filter is "Stories stay generic; doesn't name ... what they actually
owned". The Consumer report: "A strong story is boring: constraint, decision, verification."
These checks look for the clear cases only:

- `ownership.we_only`: the story is told only in "we" ("we", "our", "us" at least twice and no
  "I", "me" or "my" anywhere), so a reviewer cannot tell what the candidate did;
- `ownership.hedge`: "helped with", "was involved in", "assisted with", "participated in",
  "contributed to", "was part of" — one finding per sentence, at most five;
- `ownership.verification`: the section playing "verification" names neither a number nor an
  observable (an audit, a count, what someone showed or did);
- `ownership.alternative`: the section playing "decision" makes a decision without naming the
  alternative that was rejected;
- `ownership.constraint`: the section playing "constraint" never names what limited the work.

Which sections are read comes from the kind's section roles (`KindSpec.roles`): "story"
(default: every section), "verification", "decision", "constraint". A kind without those roles
gets only the story checks, so a family that already judges its outcome is never doubled.
`check_answer` runs the same checks, plus plain language, on one spoken answer (a drill).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from portfolios.rubric import phi, readability
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import ASSESSMENT, DOCUMENTATION
from portfolios.rubric.text import finding, iter_sentences, section_finding

MAX_HEDGE_FINDINGS = 5
# Below this many words a story is too short to say it is told "only in we".
MIN_WORDS_TO_JUDGE = 15
# Spoken answers above this reading grade are hard to follow in an interview.
PLAIN_GRADE = 10

_I = re.compile(r"(?i)(?<![\w'])(?:i|i'm|i've|i'd|i'll|me|my|mine|myself)(?![\w'])")
_WE = re.compile(r"(?i)(?<![\w'])(?:we|we're|we've|we'd|we'll|our|ours|us|ourselves)(?![\w'])")
_HEDGE = re.compile(
    r"(?i)\b(?:help(?:ed|ing)?\s+(?:with|out\s+with|to)|(?:was|were|got|been|am|is)\s+involved\s+(?:in|with)"
    r"|assist(?:ed|ing)?\s+(?:with|in|the\s+team)|participat(?:ed|ing|e)\s+in|contribut(?:ed|ing)\s+to"
    r"|(?:was|were)\s+(?:a\s+)?part\s+of|played\s+a\s+(?:small\s+)?(?:role|part)\s+in|supported\s+the\s+team)\b"
)
# A number, a counted change, or something observed: the verification a reviewer can check.
_NUMBER = re.compile(
    r"\d|\b(?:zero|none|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|half|twice"
    r"|double|doubled|halved|no\s+(?:more|further|repeat|new)|every\s+one|all\s+\w+\s+of)\b",
    re.IGNORECASE,
)
_OBSERVABLE = re.compile(
    r"(?i)\b(?:observ\w*|watched|audit\w*|chart\s+review\w*|counted|tracked|logged|measured|timed|scored"
    r"|return\s+demonstrat\w*|demonstrated|showed\s+(?:me|us|back)|taught\s+(?:it\s+)?back|teach-?back"
    r"|read\s+(?:it\s+)?back|signed\s+off|re-?tested|retested|re-?assess\w*|re-?checked)\b"
)
_ALTERNATIVE = re.compile(
    r"(?i)\b(?:instead\s+of|rather\s+than|over\s+(?:a|an|the)\b|considered|rejected|ruled\s+out|the\s+alternative"
    r"|(?:other|another)\s+option|versus|vs\.?|decided\s+against|chose\s+not|not\s+to\s+\w+|trade-?off"
    r"|could\s+have|would\s+have)"
)
_CONSTRAINT = re.compile(
    r"(?i)\b(?:due\s+to|because|since|limit\w*|constrain\w*|barrier\w*|only\s+\w+|no\s+(?:time|staff|one|car"
    r"|caregiver|help|budget)|short-?staffed|staffing|caseload|volume|productivity|deadline|precaution\w*"
    r"|authori[sz]\w*|payer|insurance|couldn't|could\s+not|cannot|can't|unable|under\s+pressure|time\s+pressure"
    r"|minutes?|hours?|days?|backlog|ratio\w*|policy|scope|risk|short\s+of|out\s+sick|alone"
    r"|\d+\s+(?:patients|visits|notes|evals|evaluations|aides|staff|beds|referrals))\b"
)


@dataclass(frozen=True)
class _Texts:
    story: tuple[str, ...]
    verification: tuple[str, ...]
    decision: tuple[str, ...]
    constraint: tuple[str, ...]


def _sections(text: ArtifactText) -> _Texts:
    spec = text.spec
    story = tuple(spec.role("story")) if spec and spec.role("story") else tuple(text.fields)
    return _Texts(
        story=story,
        verification=tuple(spec.role("verification")) if spec else (),
        decision=tuple(spec.role("decision")) if spec else (),
        constraint=tuple(spec.role("constraint")) if spec else (),
    )


def _row(text: ArtifactText, preferred: tuple[str, ...]) -> str:
    return text.spec.row_for(preferred) if text.spec else preferred[0]


def check(text: ArtifactText) -> Iterator[Finding]:
    """Every ownership finding for this artifact; nothing when nothing is written."""
    if all(not value.strip() for value in text.fields.values()):
        return
    roles = _sections(text)
    story = [(key, text.text(key)) for key in roles.story if text.text(key).strip()]
    yield from _we_only(story, _row(text, (ASSESSMENT, DOCUMENTATION)))
    yield from _hedges(story, _row(text, (ASSESSMENT, DOCUMENTATION)))
    for key in roles.verification[:1]:
        yield from _verification(key, text.text(key), _row(text, (DOCUMENTATION,)))
    for key in roles.decision[:1]:
        yield from _alternative(key, text.text(key), _row(text, (ASSESSMENT,)))
    if roles.constraint:
        joined = "\n".join(text.text(key) for key in roles.constraint)
        if joined.strip() and not _CONSTRAINT.search(joined):
            key = next(key for key in roles.constraint if text.text(key).strip())
            yield section_finding(
                key,
                text.text(key),
                check="ownership.constraint",
                row=_row(text, (ASSESSMENT,)),
                severity="warning",
                message="The situation never names what limited you: time, staffing, volume, a payer rule, a precaution.",
                fix="Name the constraint and how it shaped the choice: 'Only 2 visits were authorized, so ...'.",
            )


def _we_only(story: list[tuple[str, str]], row: str) -> Iterator[Finding]:
    body = "\n".join(value for _, value in story)
    if len(body.split()) < MIN_WORDS_TO_JUDGE or _I.search(body):
        return
    if len(_WE.findall(body)) < 2:
        return
    key, value = next((key, value) for key, value in story if _WE.search(value))
    yield section_finding(
        key,
        value,
        check="ownership.we_only",
        row=row,
        severity="warning",
        message=(
            "This is told only in \u201cwe\u201d: a reviewer cannot tell what you did. Reviewers shortlist people who "
            "can state what they owned vs what the team owned without hedging."
        ),
        fix="Say what you did in \u201cI\u201d and what the team did in \u201cwe\u201d: 'I set the threshold; the team ran it.'",
    )


# "help" as the noun the client needs is no hedge: "he needed help with lower body dressing", "no help with meals".
_HELP_NEEDED_BEFORE = re.compile(
    r"(?i)\b(?:needs?|needed|needing|requir\w+|wants?|wanted|asked\s+for|accept\w*|refus\w*|no|some|more|less|extra"
    r"|little|any|minimal|physical|verbal|hands-on)\s+(?:[a-z-]+\s+)?$"
)


def _hedges(story: list[tuple[str, str]], row: str) -> Iterator[Finding]:
    found = 0
    for key, value in story:
        for sentence in iter_sentences(value):
            match = _HEDGE.search(sentence.text)
            if (
                match
                and match.group(0).lower().startswith("help ")
                and _HELP_NEEDED_BEFORE.search(sentence.text, max(0, match.start() - 30), match.start())
            ):
                match = _HEDGE.search(sentence.text, match.end())
            if not match:
                continue
            found += 1
            if found > MAX_HEDGE_FINDINGS:
                return
            yield finding(
                key,
                sentence,
                check="ownership.hedge",
                row=row,
                severity="warning",
                message=(
                    f"\u201c{match.group(0)}\u201d hedges: it hides what you did. Say the part you owned in a "
                    "plain verb."
                ),
                fix="Replace the hedge with your action: 'I wrote the checklist', 'I ran the audit', 'I decided to ...'.",
            )


def _verification(key: str, value: str, row: str) -> Iterator[Finding]:
    if not value.strip() or _NUMBER.search(value) or _OBSERVABLE.search(value):
        return
    yield section_finding(
        key,
        value,
        check="ownership.verification",
        row=row,
        severity="warning",
        message=(
            "How you verified it names no measure: no number and nothing observed. Reviewers screen out "
            "vague outcomes without measurement."
        ),
        fix="Give the number or what you saw: 'late notes fell from 14 to 2 a week', 'she showed me the transfer twice'.",
    )


def _alternative(key: str, value: str, row: str) -> Iterator[Finding]:
    if not value.strip() or _ALTERNATIVE.search(value):
        return
    yield section_finding(
        key,
        value,
        check="ownership.alternative",
        row=row,
        severity="warning",
        message="The decision names no alternative you rejected, so the tradeoff cannot be defended.",
        fix="Name the option you turned down and why: 'I chose a tub bench rather than a shower chair because ...'.",
    )


# --- One spoken answer (a follow-up drill) -------------------------------------------------------
ANSWER_CRITERIA: tuple[tuple[str, str], ...] = (
    ("owned", "What you owned, in \u201cI\u201d, without hedging"),
    ("verified", "A number or something observed"),
    ("constraint", "The constraint named"),
    ("plain", "Plain words (grade 10 or below)"),
)


@dataclass(frozen=True)
class AnswerCheck:
    """What one drill answer shows: the criteria it meets (out of `ANSWER_CRITERIA`) and its findings."""

    met: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def score(self) -> int:
        return len(self.met)

    def as_dict(self) -> dict:
        return {"met": list(self.met), "score": self.score, "findings": [item.as_dict() for item in self.findings]}


def check_answer(answer: str) -> AnswerCheck:
    """Judge one spoken answer on ownership, verification, constraint and plain language; flag patient identifiers."""
    key = "answer"
    findings: list[Finding] = []
    if not answer.strip():
        return AnswerCheck((), ())
    # A rehearsal is still written down: identifiers are flagged here as in every artifact.
    findings += phi.check(ArtifactText(kind="drill_answer", track="", fields={key: answer}))
    story = [(key, answer)]
    findings += _we_only(story, ASSESSMENT)
    findings += _hedges(story, ASSESSMENT)
    owned = bool(_I.search(answer)) and not any(item.check == "ownership.hedge" for item in findings)
    if not owned and not any(item.check.startswith("ownership.") for item in findings):
        findings.append(
            section_finding(
                key,
                answer,
                check="ownership.no_i",
                row=ASSESSMENT,
                severity="warning",
                message="The answer never says what you did: no \u201cI\u201d in it.",
                fix="Start with your own action: 'I checked ...', 'I decided ...'.",
            )
        )
    findings += _verification(key, answer, DOCUMENTATION)
    verified = not any(item.check == "ownership.verification" for item in findings)
    constraint = bool(_CONSTRAINT.search(answer))
    if not constraint:
        findings.append(
            section_finding(
                key,
                answer,
                check="ownership.constraint",
                row=ASSESSMENT,
                severity="warning",
                message="The answer never names the constraint: narrate constraints \u2192 approach \u2192 verification.",
                fix="Say what limited you first: 'With 14 patients and one aide, I ...'.",
            )
        )
    grade = readability.measure(answer).grade
    plain = grade <= PLAIN_GRADE
    if not plain:
        findings.append(
            section_finding(
                key,
                answer,
                check="ownership.plain_language",
                row=DOCUMENTATION,
                severity="info",
                message=f"Reads at grade {grade:.0f}: long words and sentences are hard to follow out loud.",
                fix="Use short sentences and everyday words; one idea per sentence.",
            )
        )
    met = tuple(
        name
        for name, ok in (("owned", owned), ("verified", verified), ("constraint", constraint), ("plain", plain))
        if ok
    )
    return AnswerCheck(met, tuple(findings))


# --- Examples: text that must be flagged and text that must pass, per check ---------------------
# Section keys are those of `interview_story`; the test suite runs every one through the catalog.
EXAMPLES: dict[str, dict[str, tuple[dict[str, str], ...]]] = {
    "ownership.we_only": {
        "flags": (
            {
                "situation": "We had a busy unit and we were short of aides that week.",
                "ownership": "We changed the handoff and our team ran it every shift.",
            },
        ),
        "passes": (
            {
                "situation": "We had a busy unit and we were short of aides that week.",
                "ownership": "I changed the handoff sheet; the team ran it every shift.",
            },
        ),
    },
    "ownership.hedge": {
        "flags": ({"ownership": "I helped with the new falls checklist and was involved in the pilot."},),
        "passes": ({"ownership": "I wrote the new falls checklist and ran the two-week pilot."},),
    },
    "ownership.verification": {
        "flags": ({"verification": "It went really well and everyone liked it."},),
        "passes": (
            {"verification": "Late notes fell from 14 to 2 a week."},
            {"verification": "I audited ten charts and watched her do the transfer back to me."},
        ),
    },
    "ownership.alternative": {
        "flags": ({"decision": "I decided to train the caregiver on the first visit."},),
        "passes": ({"decision": "I trained the caregiver on visit 1 rather than waiting for the DME delivery."},),
    },
    "ownership.constraint": {
        "flags": ({"situation": "A new client arrived on the unit on a Tuesday."},),
        "passes": ({"situation": "Only two visits were authorized and she lived alone."},),
    },
}
