"""Case write-up checks (domain-checks.md §3.3): does the story show constraint, decision, verification?

For kind `case_writeup` only:
- `case.flow`: assessment → plan → documentation → follow-up are all written (one finding per gap).
- `case.baseline`: the assessment gives the prior level of function and a measured current level.
- `case.constraint`: an occupation is tied to its limiting factor ("Mod A for LB dressing due to …"),
  or the constraint is named as such ("The real barrier was …", "What actually limited her was …").
- `case.reasoning`: the plan names an alternative considered and a rationale.
- `case.skilled_language`: filler that auditors deny ("tolerated treatment well", "did well", a bare
  "ADL retraining"), one finding per occurrence; a billing-code line ("97110 Therapeutic exercise") is
  not filler.
- `case.follow_up`: the follow-up says when the client was reassessed, with before and after values.
- `case.safety`: an escalation, near-miss or safety decision is described.
Helpers for row scoring: `named_constraint`, `baseline_measure`, `unskilled_phrases` (each gives spans).
A blank section is left to `case.flow` (and the general checks), so other checks stay quiet on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.assist import find_cues, find_levels, fold, folded
from portfolios.rubric.examples import example
from portfolios.rubric.findings import Finding
from portfolios.rubric.goals import mentions_occupation, mentions_prior_level
from portfolios.rubric.rows import ASSESSMENT, DOCUMENTATION, PLAN_OF_CARE
from portfolios.rubric.text import finding, iter_sentences, section_finding

# The case walk the hiring reports ask for, with the row each gap costs.
_FLOW = (
    ("assessment", ASSESSMENT, "the assessment (prior level, baseline and the real constraint)"),
    ("plan", ASSESSMENT, "the plan (what you chose, what you considered instead, and why)"),
    ("documentation", DOCUMENTATION, "what you documented, when, and how it stays defensible"),
    ("follow_up", DOCUMENTATION, "the follow-up (when you reassessed and what changed, with numbers)"),
)
FLOW_SECTIONS = tuple(field for field, _, _ in _FLOW)

# A measured level: an assist level, a number with a clinical unit, or a named tool with a score.
_MEASURED = folded(
    r"\b\d{1,4}(?:\.\d{1,2})?\s{0,2}(?:°|degrees?|lbs?|kg|ft|feet|min(?:ute)?s?|sec(?:ond)?s?|reps?|cues?|trials?|%)"
    r"|\d{1,4}\s{0,2}(?:°|%)"
    r"|\b\d{1,3}\s{0,2}/\s{0,2}\d{1,3}\b"
    r"|\b(?:COPM|FIM|Barthel|AM-PAC|PEDI|VMI|Beery|BOT-?2|9HPT|TUG|Berg|MoCA|SLUMS|KELS|PSFS|Quick-?DASH|DASH|LEFS"
    r"|ACLS|SFA|SPM|MMT|GG|Borg|MBI|Katz|Lawton|MMSE|ACE-?III|NIHSS|Ashworth|GOAT|SpO2|HR|BP)\b[^.;\n]{0,40}?\d"
    # a share of the other side: "grip about half the other side"
    r"|\b(?:half|a\s+third|a\s+quarter|two[- ]thirds|three[- ]quarters|twice|double)\s+(?:of\s+)?(?:that\s+of\s+)?"
    r"(?:the\s+|her\s+|his\s+|their\s+)?(?:other|left|right|unaffected|uninvolved|non-?dominant|dominant|opposite"
    r"|good|sound)\s+(?:side|hand|arm|leg|one)\b"
)
_CONSTRAINT = folded(
    r"\b(?:due\s+to|secondary\s+to|because\s+of|limited\s+by|d/t|s/t|2/2)\b|2°|2\s?nd(?:ary)?\s+to"
    # the cause given with a plain "because": "needs help with LB dressing because she cannot reach her feet"
    r"|\bbecause\s+(?:she|he|they|her|his|their|the|its|it)\s+(?:\w+\s+){0,3}?(?:can(?:'t|not)?|could(?:n't)?"
    r"|is|was|are|were|has|had|lacks?|needs?|needed|gets?|got|becomes?|became|does(?:n't)?|did(?:n't)?)\b"
    # a task done inside a limit on the body: "help with washing within his sternal precautions"
    r"|\b(?:within|under|given|owing\s+to)\s+(?:his|her|their|the|its)\s+(?:[a-z-]+\s+){0,2}?(?:precautions"
    r"|restrictions|weight[- ]bearing(?:\s+status)?|lifting\s+limits?|fluid\s+restriction)\b"
)
# A constraint named as such, even without a causal link word: "What actually limited her was …",
# "The real barrier was …", "The limiting factor turned out to be …", "… was what held him back".
_NAMED_CONSTRAINT = folded(
    r"\bwhat\s+(?:\w+\s+){0,2}?(?:limited|limits|restricted|held\s+\w+\s+back|holds\s+\w+\s+back|stopped|stops"
    r"|kept\s+\w+\s+from|keeps\s+\w+\s+from|got\s+in\s+(?:the|her|his|their)\s+way|gets\s+in\s+(?:the|her|his|their)\s+way"
    r"|made\s+\w+\s+(?:hard|difficult|unsafe)|prevented)\b"
    r"|\b(?:real|main|actual|true|key|biggest|primary|major|underlying|chief|central)\s+(?:barrier|constraint|limitation"
    r"|limiting\s+factor|limiter|obstacle|problem|issue|limit|reason)s?\b"
    r"|\blimiting\s+(?:factor|issue|problem|element)s?\b"
    r"|\b(?:barrier|constraint|limitation|obstacle)s?\s+(?:was|were|is|are|turned\s+out|proved)\b"
    r"|\b(?:was|were|is|are)\s+(?:limited|held\s+back|restricted)\s+(?:more\s+|most\s+|mainly\s+|mostly\s+)?(?:by|from)\b"
    r"|\bheld\s+(?:her|him|them|the\s+client)\s+back\b"
    # written as a label: "The constraint: the team wanted discharge within 3 days"
    r"|\b(?:barrier|constraint|limitation|obstacle|limiting\s+factor)s?\s*:"
)
_ALTERNATIVE = folded(
    r"\b(?:instead\s+of|rather\s+than|ruled\s+out|considered|alternatives?|options?|versus|vs\.?"
    r"|chose\s+not|decided\s+against|weighed|trade-?off"
    # the plan first made, then changed: "My original plan had been …", "I had planned to … but"
    r"|(?:original|initial|first|earlier)\s+plan|originally\s+planned|(?:had|initially)\s+planned)"
)
_RATIONALE = folded(
    r"\b(?:because|so\s+that|therefore|since|given\s+(?:that|her|his|their|the)|as\s+a\s+result|which\s+is\s+why"
    r"|to\s+avoid|in\s+order\s+to|the\s+reason|rationale|why)\b"
    # the reason for a rejection or a choice given after a colon: "rejected it as the main fix: he would be …"
    r"|\b(?:rejected|ruled\s+out|decided\s+against|chose|opted\s+for)\b[^.;\n]{0,80}:\s+\w"
    # the reasons evidence.reasoned reads too: a purpose after "so", a reading of the findings, a choice off the data
    r"|\bso\s+(?:it|it's|that's|there|you|she|he|they|her|his|their|its)\b|\b(?:consistent|in\s+keeping)\s+with\b"
    r"|\b(?:pattern|picture|presentation|findings?|errors?|this|which)\s+(?:\w+\s+)?(?:fits?|fitted|pointed\s+to"
    r"|points\s+to)\b|\b(?:based\s+on|guided\s+by)\b"
    r"|\b(?:data|diary|log|chart|scores?|results?)\s+(?:showed|shows|suggested|suggests|indicated|indicates)\b"
    # a change of plan told with the event that caused it: "After the fall I changed the plan"
    r"|\b(?:after|following)\s+(?:the|this|that|her|his|their)\s+(?:[a-z-]+\s+){0,4}?[a-z-]+,?\s+(?:i|we)\s+"
    r"(?:changed|revised|modified|adapted|amended|switched|rewrote|updated|paused|stopped)\b"
    # a step held back until a named condition is met: "stress loading held until the allodynia eased"
    r"|\b(?:held|deferred|delayed|postponed|withheld|paused|not\s+started)\s+(?:off\s+|back\s+)?until\s+(?!further\b)"
    r"(?:the\s+|her\s+|his\s+|their\s+)?[a-z]"
)
_FILLER = folded(
    r"\b(?:tolerated\s+(?:the\s+)?(?:tx|treatment|session|therapy|intervention|it|activity|activities)?\s{0,2}well"
    r"|(?:pt|patient|client|she|he|they)?\s{0,2}did\s+(?:well|great|good|fine)"
    r"|(?P<bare>ADL\s+re-?training|ADL\s+training|ther(?:apeutic)?\.?\s?ex(?:ercises?)?|transfer\s+training"
    r"|self[- ]care\s+training|functional\s+mobility\s+training|neuromuscular\s+re-?education))\b"
)
# A named intervention is skilled when it says what it targets: "ADL retraining for LB dressing using …".
_SPECIFIC_AFTER = folded(
    r"\s{0,3}(?:for|of|to|with|using|focus(?:ed|ing)?|target(?:ed|ing)?|including|in|on|via|:|-|–|\(|addressing"
    r"|emphasi[sz]ing)\b|\s{0,3}[:(–-]"
)
# A billing code (CPT 97xxx, optionally with its modifier) just before a service name: "97110 Therapeutic exercise",
# "CPT 97112 - Neuromuscular re-ed", "(97530) therapeutic activities".
_BILLING_CODE_BEFORE = folded(
    r"\b(?:cpt\s{0,2}#?\s{0,2})?9\d{4}(?:-?[a-z]{2})?\)?\s{0,3}(?:[-–—:=(]\s{0,3})?(?:\(\s{0,2})?$"
)
# "I no longer write 'tolerated well'" quotes the filler to reject it.
_REJECTING_BEFORE = folded(
    r"(?:[\"“‘']\s{0,2}$|\b(?:not|never|instead\s+of|rather\s+than|avoid(?:ed|ing)?|replace[ds]?|no\s+longer|than)"
    r"\s+(?:[a-z“\"']{1,12}\s+){0,3}$)"
)
_REASSESSED = folded(
    r"\b(?:day|week|wk|visit|session)\s{0,2}#?\d{1,3}\b|\bafter\s+\d{1,3}\s+(?:visits?|sessions?|weeks?|wks?|days?"
    r"|months?)"
    r"|\bat\s+\d{1,3}[- ](?:weeks?|wks?|days?|months?)|\b\d{1,3}\s+(?:weeks?|wks?|days?|visits?|sessions?"
    r"|months?)\s+later"
    r"|\bre-?(?:assess(?:ed|ment)?|evaluat(?:ed|ion)|eval|test(?:ed)?|measur(?:ed|ement))\b|\bprogress\s+(?:note"
    r"|report)"
    r"|\bat\s+(?:discharge|d/c)\b|\bfollow[- ]?up\s+(?:at|on|in|after)\b|\b(?:weekly|monthly)\b"
    # the interval in words, or the test done again: "Two days later", "I repeated the assessment"
    r"|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a\s+few|several)\s+(?:weeks?|days?|months?"
    r"|visits?|sessions?)\s+later\b|\brepeated\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:\w+\s+)?(?:assessment|test"
    r"|screen|measures?|scores?|trial|drive|evaluation)"
)
_BEFORE_AFTER = folded(r"\bfrom\b[^.;\n]{1,60}?\bto\b|→|->|\b(?:improved|progressed|went|moved)\b")
_SAFETY = folded(
    r"\b(?:escalat(?:e|ed|ing|ion)|notif(?:y|ied|ying)|paged|called\s+(?:the\s+)?(?:client's\s+|patient's\s+)?(?:RN|MD"
    r"|nurse|physician|doctor|charge|rapid\s+response|PT|supervisor|team|surgeon(?:'s)?|provider|referr\w*|GP|PCP"
    r"|NP|PA|on-call|prescriber|cardiologist|neurologist|oncolog\w*)"
    r"|alerted|informed\s+(?:the\s+)?(?:RN|MD|nurse|physician|charge|team|supervisor|surgeon|provider|referr\w*)"
    r"|near[- ]miss(?:es)?|safety\s+(?:concern|issue|decision|event|plan|risk|huddle)|incident\s+report"
    r"|rapid\s+response"
    r"|CUS|two[- ]challenge|held\s+(?:the\s+)?(?:session|treatment|therapy|tx|transfer|mobility)|stopped\s+(?:the\s+)?"
    r"(?:session|activity|treatment|transfer|exercises?|program|\w+ing)|deferred|red\s+flag|chain\s+of\s+command"
    # an escalation in British and Irish words: "asked for a medical review", "requested an urgent review"
    r"|(?:asked|requested)\s+(?:for\s+)?(?:an?\s+)?(?:urgent\s+|medical\s+|same[- ]day\s+)+review)\b"
)
_SKILLED_SCAN = ("assessment", "plan", "documentation", "follow_up", "handoffs")


def check(text: ArtifactText) -> Iterable[Finding]:
    """Case write-up findings (the catalog runs this family for case write-ups); nothing for an empty draft."""
    if all(not value.strip() for value in text.fields.values()):
        return []
    return [
        *_flow(text),
        *_baseline(text),
        *_constraint(text),
        *_reasoning(text),
        *_skilled_language(text),
        *_follow_up(text),
        *_safety(text),
    ]


def _flow(text: ArtifactText) -> Iterator[Finding]:
    for field, row, what in _FLOW:
        if text.is_blank(field):
            yield finding(
                field,
                (0, 0),
                check="case.flow",
                row=row,
                severity="warning",
                message=f"The case walk skips a step: {what} is missing.",
                fix="Walk the case in order: assessment → plan → documentation → follow-up, one short paragraph each.",
            )


def _baseline(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("assessment")
    if not body.strip():
        return
    # The prior level is often told with the referral, in the context: "was independent before surgery".
    has_prior = mentions_prior_level(body) or mentions_prior_level(text.text("context"))
    # Only a measurement outside the prior-level sentences is a *current* level.
    current = baseline_measure(body) is not None
    missing = [
        name
        for name, present in (("the prior level of function", has_prior), ("a measured current level", current))
        if not present
    ]
    if missing:
        yield section_finding(
            "assessment",
            body,
            check="case.baseline",
            row=ASSESSMENT,
            severity="warning",
            message=f"The assessment does not give {' or '.join(missing)}, so progress cannot be shown against it.",
            fix=example(text.track, "case_baseline"),
        )


def named_constraint(body: str, context: str = "") -> tuple[int, int] | None:
    """The span in `body` of the sentence naming the limiting factor, or None.

    A sentence counts when it ties an occupation to its cause ("Mod A for LB dressing due to …"),
    or names the constraint as such ("The real barrier was …", "What actually limited her was …")
    while the text names an occupation somewhere. `context` (e.g. the case's context section) is
    read too; a constraint found only there gives the span (0, 0).
    """
    whole_text = f"{body}\n{context}"
    occupation_anywhere = mentions_occupation(whole_text)
    for sentence in iter_sentences(whole_text):
        lowered = fold(sentence.text)
        tied = _CONSTRAINT.search(lowered) and mentions_occupation(sentence.text)
        named = occupation_anywhere and _NAMED_CONSTRAINT.search(lowered)
        if tied or named:
            return (sentence.start, sentence.end) if sentence.end <= len(body) else (0, 0)
    return None


def baseline_measure(body: str) -> tuple[int, int] | None:
    """The span of the first measured *current* level in `body` (not in a prior-level sentence), or None.

    Measured: an assist level, a cue count, a number with a clinical unit, a ratio or a named
    tool's score. "Below average." or "Impaired." is not a measure.
    """
    for sentence in iter_sentences(body):
        if mentions_prior_level(sentence.text):
            continue
        if _MEASURED.search(fold(sentence.text)) or find_levels(sentence.text) or find_cues(sentence.text):
            return sentence.start, sentence.end
    return None


def _constraint(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("assessment")
    if not body.strip():
        return
    if named_constraint(body, text.text("context")) is not None:
        return
    yield section_finding(
        "assessment",
        body,
        check="case.constraint",
        row=ASSESSMENT,
        severity="warning",
        message="The assessment does not name the real constraint: no occupation tied to the factor limiting it.",
        fix="Name what limits the activity and tie it to the activity: " + example(text.track, "constraint"),
    )


# Reasoning written under its own label inside the assessment: "Reasoning: the pattern fitted …".
_REASONING_LABEL = folded(r"^\W{0,3}(?:clinical\s+)?(?:reasoning|rationale|interpretation|impression)\s*:")


def _reasoning(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("plan")
    if not body.strip():
        return
    labelled = [line for line in text.text("assessment").splitlines() if _REASONING_LABEL.match(fold(line))]
    lowered = fold("\n".join([body, *labelled]))
    missing = []
    if not _ALTERNATIVE.search(lowered):
        missing.append("an alternative you considered")
    if not labelled and not _RATIONALE.search(lowered):
        missing.append("why you chose this plan")
    if missing:
        yield section_finding(
            "plan",
            body,
            check="case.reasoning",
            row=ASSESSMENT,
            severity="warning",
            message=f"The plan does not show your reasoning: it lacks {' and '.join(missing)}.",
            fix=example(text.track, "reasoning"),
        )


def unskilled_phrases(body: str) -> list[tuple[int, int]]:
    """Spans of filler that does not show skilled care ("tolerated treatment well", "did well", a bare
    "ADL retraining"), skipping a named intervention with its target, a billing-code line
    ("97110 Therapeutic exercise") and filler quoted to reject it."""
    lowered = fold(body)
    spans: list[tuple[int, int]] = []
    for match in _FILLER.finditer(lowered):
        if match.group("bare"):
            if _SPECIFIC_AFTER.match(lowered, match.end()):
                continue
            # A CPT code list names the service billed, not the care given: "97110 Therapeutic exercise".
            if _BILLING_CODE_BEFORE.search(lowered, max(0, match.start() - 24), match.start()):
                continue
        if _REJECTING_BEFORE.search(lowered, max(0, match.start() - 40), match.start()):
            continue
        written = body[match.start() : match.end()]
        phrase = written.strip()
        start = match.start() + (len(written) - len(written.lstrip()))
        spans.append((start, start + len(phrase)))
    return spans


def _skilled_language(text: ArtifactText) -> Iterator[Finding]:
    for field in _SKILLED_SCAN:
        body = text.text(field)
        for start, end in unskilled_phrases(body):
            phrase = body[start:end]
            yield finding(
                field,
                (start, end),
                check="case.skilled_language",
                row=DOCUMENTATION,
                severity="warning",
                message=f"“{phrase}” does not show skilled care: it says neither what you did nor how the client "
                "responded.",
                fix=f"Name the skill and the response: {example(text.track, 'skilled')}",
            )


def _follow_up(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("follow_up")
    if not body.strip():
        return
    lowered = fold(body)
    values = _count_measured_values(body, lowered, enough=2)
    missing = []
    if not _REASSESSED.search(lowered):
        missing.append("when you reassessed")
    if values < 2 and not (values and _BEFORE_AFTER.search(lowered)):
        missing.append("before and after values")
    if missing:
        yield section_finding(
            "follow_up",
            body,
            check="case.follow_up",
            row=PLAN_OF_CARE,
            severity="warning",
            message=f"The follow-up does not give {' or '.join(missing)}, so the outcome cannot be verified.",
            fix=example(text.track, "follow_up"),
        )


def _safety(text: ArtifactText) -> Iterator[Finding]:
    handoffs = text.text("handoffs")
    # A blank handoffs section is reported by case.flow's neighbours (the general checks).
    if not handoffs.strip() or any(_SAFETY.search(fold(value)) for value in text.fields.values()):
        return
    yield section_finding(
        "handoffs",
        handoffs,
        check="case.safety",
        row=DOCUMENTATION,
        severity="warning",
        message="The write-up shows no safety decision: no escalation, near-miss or held session, and who was told.",
        fix="“BP dropped to 88/50 on standing; I stopped the transfer, notified the RN and documented it; we "
        "re-tried after fluids.”",
    )


def _count_measured_values(body: str, lowered: str, enough: int) -> int:
    """How many measured values the text gives, counting no further than `enough`."""
    count = 0
    for _ in _MEASURED.finditer(lowered):
        count += 1
        if count >= enough:
            return count
    return count + len(find_levels(body))
