"""Recruiter share links: create (token shown once), revoke, and count views."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from portfolios import tokens
from portfolios.content_versions import content_changed
from portfolios.models import Artifact, Portfolio, ShareLink
from portfolios.services import view_counts
from portfolios.services.identifiers import portfolio_problems, refuse_identifiers
from portfolios.validation import clean_label, clean_single_line

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


def _clean_label(label: str) -> str:
    return clean_label(
        label,
        field="label",
        label="The label",
        required="Give the link a label, e.g. “Acme Rehab — recruiter”.",
        max_chars=ShareLink._meta.get_field("label").max_length,
    )


def complete_kinds(portfolio: Portfolio) -> list[str]:
    """The portfolio's complete artifacts by kind, in the track's order: what a link can show."""
    order = {key: index for index, key in enumerate(portfolio.track_info.recommended_kinds)}
    kinds = portfolio.artifacts.filter(status=Artifact.Status.COMPLETE).values_list("kind", flat=True)
    return sorted(kinds, key=lambda kind: (order.get(kind, len(order)), kind))


def _clean_choice(portfolio: Portfolio, artifact_kinds: Sequence[str] | None) -> list[str] | None:
    """The link's choice, in order, checked against the portfolio's complete artifacts; None: all of them."""
    if artifact_kinds is None:
        return None
    chosen = list(dict.fromkeys(artifact_kinds))
    if not chosen:
        raise ValidationError("Choose at least one artifact for this link to show.", code="none_chosen")
    unknown = set(chosen) - set(complete_kinds(portfolio))
    if unknown:
        raise ValidationError(
            "A link shows complete artifacts only; finish or unselect the others.", code="not_complete"
        )
    return chosen


@transaction.atomic
def share_link_create(
    *,
    portfolio: Portfolio,
    label: str,
    expires_in_days: int | None,
    artifact_kinds: Sequence[str] | None = None,
) -> NewShareLink:
    """Create a share link showing `artifact_kinds` in that order (None: every complete artifact).

    Refused while any complete artifact, the profile or the headline fails the PHI gate.
    """
    label = _clean_label(label)
    if expires_in_days not in EXPIRY_CHOICES_DAYS:
        raise ValidationError({"expires_in_days": ["Choose 7, 30 or 90 days, or no expiry."]}, code="invalid")
    chosen = _clean_choice(portfolio, artifact_kinds)
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
    link = ShareLink.objects.create(
        portfolio=portfolio, label=label, token_hash=token_hash, expires_at=expires_at, artifact_kinds=chosen
    )
    return NewShareLink(link, token)


@transaction.atomic
def share_link_update(*, link: ShareLink, label: str, artifact_kinds: Sequence[str] | None) -> ShareLink:
    """Relabel a link and change what it shows; the recruiter's page changes at once."""
    link.label = _clean_label(label)
    link.artifact_kinds = _clean_choice(link.portfolio, artifact_kinds)
    link.save(update_fields=["label", "artifact_kinds", "updated_at"])
    content_changed(owner_id=link.portfolio.owner_id, portfolio_id=link.portfolio_id)  # the page is cached by version
    return link


@transaction.atomic
def portfolio_brief_update(*, portfolio: Portfolio, positioning: str, show_email: bool, show_unproven_rows: bool):
    """What the recruiter's brief says about the candidate: the positioning line and what it shows."""
    positioning = clean_single_line(positioning, label="The positioning line")
    if len(positioning) > 200:
        raise ValidationError({"positioning": ["Keep the positioning line to 200 characters."]}, code="too_long")
    refuse_identifiers("positioning", "The positioning line", positioning)
    portfolio.positioning = positioning
    portfolio.show_email = show_email
    portfolio.show_unproven_rows = show_unproven_rows
    portfolio.save(update_fields=["positioning", "show_email", "show_unproven_rows", "updated_at"])
    content_changed(owner_id=portfolio.owner_id, portfolio_id=portfolio.pk)
    return portfolio


def share_link_revoke(*, link: ShareLink) -> ShareLink:
    """Stop a link from working, at once. Revoking twice is harmless."""
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at", "updated_at"])
    return link


def share_link_record_view(*, link_id: int) -> None:
    """Count a view (counts only: no IP address, no user agent), written with the next batch."""
    view_counts.record(link_id)
