"""The industry lens: what Enterprise and Consumer employers look for in an artifact, as data.

The hiring reports split employers in two. Enterprise reviewers weigh audits, procurement,
integration and compliance ("Speak Enterprise: scope, constraints, stakeholders, and what
good means in 90 days"); Consumer reviewers weigh churn, attribution, support and growth ("If
patient satisfaction is the goal..."). Each lens names a few artifact rules: a kind, the things
its text must name (each a precompiled, linear regex), and examples that must pass and must
fail, run by the tests. Pure: no Django, no database; the rubric engine is untouched.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from portfolios.job_posting import CONSUMER, ENTERPRISE

PASSES = "passes"
FAILS = "fails"
MISSING = "missing"


@dataclass(frozen=True)
class Need:
    """One thing an artifact's text must name under a lens; `name` (no article) is how messages say it."""

    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class LensRule:
    """Under `industry`, the artifact of `kind` (called `noun` in messages) must name every need."""

    key: str
    industry: str
    kind: str
    noun: str
    needs: tuple[Need, ...]
    why: str  # the report line the rule comes from
    must_pass: tuple[str, ...]
    must_fail: tuple[str, ...]


@dataclass(frozen=True)
class Lens:
    key: str
    title: str
    summary: str  # what this lens asks of a candidate, from the reports
    rules: tuple[LensRule, ...]


@dataclass(frozen=True)
class LensResult:
    """One rule applied to the candidate's artifact: PASSES, FAILS (with what is missing) or MISSING (no text)."""

    rule: LensRule
    status: str
    missing: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return self.status == PASSES

    @property
    def message(self) -> str:
        """A plain sentence: what the artifact names, or what it still leaves out."""
        noun = self.rule.noun
        if self.status == MISSING:
            names = " and ".join(need.name for need in self.rule.needs)
            return f"No {noun} yet: write one that names its {names}."
        if self.status == FAILS:
            return f"Your {noun} names no {' or '.join(self.missing)}."
        names = " and ".join(need.name for need in self.rule.needs)
        return f"Your {noun} names its {names}."


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_SPAN = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[ -](?:days?|weeks?|months?)"

COMPLIANCE = Need(
    "compliance owner",
    re.compile(
        r"\b(?:compliance|privacy officer|risk management|quality (?:and|&) safety (?:office|officer|lead)|"
        r"accreditation (?:lead|coordinator))\b",
        re.IGNORECASE,
    ),
)
REVIEW_DATE = Need(
    "review date",
    re.compile(
        # A named review, revisit or check-in with a time: "review on March 3", "revisit in 6 weeks",
        # "next review: Q3", "re-audit by week 12", or a calendar date written out.
        r"\b(?:re-?view(?:ed)?|revisit(?:ed)?|re-?audit(?:ed)?|re-?check(?:ed)?|check-?in|follow-?up|"
        r"re-?assess(?:ed)?|update)\b[^.\n]{0,40}?"
        rf"\b(?:on|by|in|at|every|before|after|:)?\s*(?:{_MONTH}\b|{_WEEKDAY}\b|{_SPAN}\b|week \d{{1,2}}\b|"
        r"day \d{1,3}\b|q[1-4]\b|\d{1,2}/\d{1,2}\b|\d{4}-\d{2}-\d{2}\b|end of (?:the )?(?:week|month|quarter)\b|"
        r"next (?:week|month|quarter)\b|(?:weekly|monthly|quarterly)\b)"
        rf"|\b(?:review|revisit) date\b|\bdue (?:on |by )?(?:{_MONTH}|{_WEEKDAY})\b",
        re.IGNORECASE,
    ),
)
RETENTION_OR_SATISFACTION = Need(
    "retention or satisfaction measure",
    re.compile(
        r"\b(?:retention|retained|satisfaction|satisfied|NPS|net promoter|Press Ganey|HCAHPS|CAHPS|churn|"
        r"drop-?outs?|dropped out|drop-?off|no-?show(?:s| rate)?|cancellation rate|cancell?ations|rebook(?:ed|ing)?|"
        r"kept (?:appointments|visits)|visit completion|plan-of-care completion|completed (?:their|the) plan|"
        r"return(?:ed)? for (?:follow-?up|visits?)|patient[- ]reported experience|experience survey|"
        r"(?:patient|client|member) survey)\b",
        re.IGNORECASE,
    ),
)

ENTERPRISE_MEMO = LensRule(
    key="enterprise.memo_compliance_review",
    industry=ENTERPRISE,
    kind="stakeholder_memo",
    noun="stakeholder memo",
    needs=(COMPLIANCE, REVIEW_DATE),
    why="\u201cA stakeholder update memo for Compliance/Admins: decision, risk, next steps.\u201d and \u201cpick one "
    "recurring complaint from Legal/Compliance and turn it into a measurable fix: what changes, how you verify "
    "it, and when you\u2019ll revisit.\u201d (Enterprise)",
    must_pass=(
        "To: Compliance and the rehab manager. Next steps: I audit 20 charts; we review the results on March 3.",
        "Audience: the compliance officer. Decision: co-sign within 24 h. Revisit in 6 weeks with audit numbers.",
        "For Risk Management. Next review: Q3, after the EHR rollout.",
    ),
    must_fail=(
        "To: the rehab manager. Decision: co-sign within 24 h. Next steps: I audit 20 charts.",  # neither
        "To: Compliance. Decision: co-sign within 24 h. Next steps: I audit charts soon.",  # no review date
        "To: Admins. Next steps: we review the audit on March 3.",  # no compliance owner
    ),
)

CONSUMER_BEFORE_AFTER = LensRule(
    key="consumer.before_after_measure",
    industry=CONSUMER,
    kind="before_after",
    noun="before-and-after story",
    needs=(RETENTION_OR_SATISFACTION,),
    why="\u201cA before/after narrative tied to patient satisfaction: baseline, change, outcome, and guardrail.\u201d "
    "and \u201cWhat shapes approvals: churn risk.\u201d (Consumer)",
    must_pass=(
        "Before: 31% of new patients dropped out before visit 4. After: 12% dropped out, same measure.",
        "Baseline: satisfaction survey 3.9 of 5. Outcome: 4.5 of 5 after the home-program videos.",
        "Before: no-show rate 18%. After: 9% over the next 8 weeks.",
        "Net Promoter Score went from 42 to 61.",
    ),
    must_fail=(
        "Before: grip 8 lb. After: grip 20 lb at visit 10.",
        "Before: notes signed late. After: notes signed the same day.",
        "Before: documentation took 40 minutes a day. After: 25 minutes.",
    ),
)

LENSES: tuple[Lens, ...] = (
    Lens(
        ENTERPRISE,
        "Enterprise",
        "Speak Enterprise: scope, constraints, stakeholders, and what \u201cgood\u201d means in 90 days. Reviewers "
        "weigh audits, procurement, integration and compliance, so name who signs off and when you will revisit.",
        (ENTERPRISE_MEMO,),
    ),
    Lens(
        CONSUMER,
        "Consumer",
        "Mirror Consumer reality: decision rights, constraints, and the checks you run before declaring success. "
        "Reviewers weigh churn, attribution, support and growth, so tie your outcomes to patient satisfaction or "
        "retention.",
        (CONSUMER_BEFORE_AFTER,),
    ),
)
LENSES_BY_KEY: dict[str, Lens] = {lens.key: lens for lens in LENSES}
LENS_KINDS: frozenset[str] = frozenset(rule.kind for lens in LENSES for rule in lens.rules)


def rule_result(rule: LensRule, text: str | None) -> LensResult:
    """Apply one rule to an artifact's text (None or blank: there is no such artifact yet)."""
    if not text or not text.strip():
        return LensResult(rule, MISSING, tuple(need.name for need in rule.needs))
    missing = tuple(need.name for need in rule.needs if not need.pattern.search(text))
    return LensResult(rule, FAILS if missing else PASSES, missing)


def artifact_text(fields: Mapping[str, str] | None) -> str:
    """An artifact's sections as one text, in their saved order."""
    return "\n".join(str(value) for value in (fields or {}).values() if value)


def lens_checks(industry: str | None, texts: Mapping[str, str]) -> tuple[LensResult, ...]:
    """Every rule of the lens applied to the candidate's artifact texts by kind; no lens: nothing."""
    lens = LENSES_BY_KEY.get(industry or "")
    if lens is None:
        return ()
    return tuple(rule_result(rule, texts.get(rule.kind)) for rule in lens.rules)


def _check_catalog() -> None:
    from portfolios.kinds import KINDS_BY_KEY

    for lens in LENSES:
        for rule in lens.rules:
            if rule.kind not in KINDS_BY_KEY or rule.industry != lens.key:
                raise ValueError(f"Lens rule {rule.key!r} names unknown kind {rule.kind!r} or the wrong lens")


_check_catalog()
