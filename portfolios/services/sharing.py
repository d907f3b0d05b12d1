"""Recruiter share links: create (token shown once), revoke, and count views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from portfolios import tokens
from portfolios.models import Artifact, Portfolio, ShareLink
from portfolios.services import view_counts
from portfolios.services.identifiers import portfolio_problems, refuse_identifiers
from portfolios.validation import clean_single_line

EXPIRY_CHOICES_DAYS = (7, 30, 90, None)  # None: never expires
DEFAULT_EXPIRY_DAYS = 30


@dataclass(frozen=True)
class NewShareLink:
    link: ShareLink
    token: str  # shown to the candidate once, never stored


class SharingBlocked(ValidationError):
    """A complete artifact still holds patient identifiers: the portfolio cannot be shared."""


def phi_blockers(portfolio: Portfolio) -> list[Artifact]:
    """Complete artifacts whose stored check still finds patient identifiers."""
    return list(
        portfolio.artifacts.filter(status=Artifact.Status.COMPLETE, phi_error_count__gt=0).only(
            "id", "kind", "portfolio_id", "version", "check_result", "fields"
        )
    )


@transaction.atomic
def share_link_create(*, portfolio: Portfolio, label: str, expires_in_days: int | None) -> NewShareLink:
    """Create a share link; refused while any complete artifact fails the PHI gate."""
    label = clean_single_line(label, label="The label")
    if not label:
        raise ValidationError({"label": ["Give the link a label, e.g. “Acme Rehab — recruiter”."]}, code="required")
    if len(label) > 80:
        raise ValidationError({"label": ["Keep the label under 80 characters."]}, code="too_long")
    if expires_in_days not in EXPIRY_CHOICES_DAYS:
        raise ValidationError({"expires_in_days": ["Choose 7, 30 or 90 days, or no expiry."]}, code="invalid")
    refuse_identifiers("label", "The label", label)
    if phi_blockers(portfolio):
        raise SharingBlocked(
            "This portfolio cannot be shared while a complete artifact still contains patient identifiers.",
            code="phi_blocked",
        )
    problems = portfolio_problems(portfolio)
    if problems:
        raise SharingBlocked(
            [f"Sharing is paused. {problem.message}" for problem in problems],
            code="phi_blocked",
        )
    token, token_hash = tokens.new_token()
    expires_at = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
    link = ShareLink.objects.create(portfolio=portfolio, label=label, token_hash=token_hash, expires_at=expires_at)
    return NewShareLink(link, token)


def share_link_revoke(*, link: ShareLink) -> ShareLink:
    """Stop a link from working, at once. Revoking twice is harmless."""
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at", "updated_at"])
    return link


def share_link_record_view(*, link_id: int) -> None:
    """Count a view (counts only: no IP address, no user agent), written with the next batch."""
    view_counts.record(link_id)
