"""Target jobs and the industry lens: keep a pasted posting, choose a lens, make a link for a job."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from portfolios.models import Industry, Portfolio, TargetJob
from portfolios.selectors_targets import target_link_kinds
from portfolios.services.sharing import DEFAULT_EXPIRY_DAYS, NewShareLink, share_link_create
from portfolios.validation import clean_label

# Pasted web text carries stray controls (form feeds, zero-width joiners' neighbours); they become spaces.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_target_label(label: str) -> str:
    return clean_label(
        label,
        field="label",
        label="The job's title and employer",
        required="Name the job, e.g. “Hand therapist — Riverside Health”.",
        max_chars=TargetJob.LABEL_MAX_CHARS,
    )


def clean_posting(posting: str) -> str:
    """The posting as pasted, with line endings made plain and invisible controls turned into spaces.

    Not checked for patient identifiers: it is the employer's text, never shown to anyone else.
    """
    if not isinstance(posting, str):
        raise ValidationError({"posting": ["Paste the posting as text."]}, code="invalid")
    posting = _CONTROL.sub(" ", posting.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not posting:
        raise ValidationError({"posting": ["Paste the job posting's text."]}, code="required")
    if len(posting) > TargetJob.POSTING_MAX_CHARS:
        raise ValidationError(
            {
                "posting": [
                    f"The posting is {len(posting):,} characters long; the limit is {TargetJob.POSTING_MAX_CHARS:,}. "
                    "Paste the job's description and requirements, without the employer's boilerplate."
                ]
            },
            code="too_long",
        )
    return posting


def clean_industry(industry: str | None) -> str:
    industry = industry or ""
    if industry not in ("", *Industry.values):
        raise ValidationError({"industry": ["Choose Enterprise, Consumer, or no lens."]}, code="invalid")
    return industry


@transaction.atomic
def target_job_create(*, portfolio: Portfolio, label: str, posting: str) -> TargetJob:
    """Keep a job posting to weigh the portfolio against; the label is refused if it names a patient."""
    label = clean_target_label(label)
    posting = clean_posting(posting)
    return TargetJob.objects.create(portfolio=portfolio, label=label, posting=posting)


@transaction.atomic
def target_job_set_industry(*, target: TargetJob, industry: str) -> TargetJob:
    """Override the industry read from the posting (empty: read it from the posting again)."""
    target.industry = clean_industry(industry)
    target.save(update_fields=["industry", "updated_at"])
    return target


def target_job_delete(*, target: TargetJob) -> None:
    """Forget a target job. Links made for it stay, under their own label, until revoked."""
    target.delete()


@transaction.atomic
def portfolio_industry_update(*, portfolio: Portfolio, industry: str) -> Portfolio:
    """Set the portfolio's industry lens: its checks and the questions to ask employers follow it."""
    portfolio.industry = clean_industry(industry)
    portfolio.save(update_fields=["industry", "updated_at"])
    return portfolio


def target_share_link_create(*, target: TargetJob, expires_in_days: int | None = DEFAULT_EXPIRY_DAYS) -> NewShareLink:
    """A share link labelled after the job, showing the artifacts that prove what it stresses first, then the
    other complete ones. Refused as any link is (nothing complete, or the PHI gate)."""
    kinds = target_link_kinds(target)
    if not kinds:
        raise ValidationError(
            "Nothing to show yet: a link shows complete artifacts only. Finish one first.", code="none_complete"
        )
    return share_link_create(
        portfolio=target.portfolio, label=target.label, expires_in_days=expires_in_days, artifact_kinds=kinds
    )
