"""Create (or bring up to date) the demo: a candidate with two portfolios, a share link and a mentor review.

Safe to run again. The demo's share and invite tokens are derived from the secret key, so
every run prints the same working link without storing any token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse

from portfolios import services, tokens
from portfolios.demo_data import (
    DEMO_EMAIL,
    DEMO_HEADLINE,
    DEMO_MENTOR_EMAIL,
    DEMO_MENTOR_NAME,
    DEMO_NAME,
    DEMO_PASSWORD,
    OUTPATIENT_ARTIFACTS,
    REHAB_ARTIFACTS,
)
from portfolios.models import Artifact, Comment, MentorInvite, Portfolio, ShareLink, User, Verdict

SHARE_LABEL = "Demo recruiter link"


def demo_token(purpose: str) -> str:
    """A stable 256-bit token for a demo object, unguessable without the secret key."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"seed_demo:{purpose}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


class Command(BaseCommand):
    help = "Create the demo candidate, portfolios, share link and mentor review (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        user = User.objects.filter(email__iexact=DEMO_EMAIL).first()
        if user is None:
            user = User.objects.create_user(DEMO_EMAIL, DEMO_PASSWORD)
        else:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        services.profile_update(user=user, display_name=DEMO_NAME, headline=DEMO_HEADLINE)

        outpatient = self._portfolio(user, "outpatient", OUTPATIENT_ARTIFACTS)
        rehab = self._portfolio(user, "inpatient_rehab", REHAB_ARTIFACTS)
        share_path = self._share_link(rehab)
        self._mentor_review(rehab)

        self.stdout.write(self.style.SUCCESS(f"Demo ready: {outpatient} and {rehab}."))
        self.stdout.write(f"Log in at /accounts/login/ with email {DEMO_EMAIL} and password {DEMO_PASSWORD}")
        self.stdout.write(f"Share link: {share_path}")

    def _portfolio(self, user: User, track: str, artifacts) -> Portfolio:
        portfolio = Portfolio.objects.filter(owner=user, track=track).first()
        if portfolio is None:
            portfolio = services.portfolio_create(owner=user, track=track)
        for kind, status, fields in artifacts:
            artifact = Artifact.objects.filter(portfolio=portfolio, kind=kind).first()
            if artifact and artifact.fields == fields and artifact.status == status:
                continue  # already as the demo wants it: no new revision
            services.artifact_save(
                portfolio=portfolio,
                kind=kind,
                fields=fields,
                status=status,
                expected_version=artifact.version if artifact else 0,
                author=user,
                note="Demo data",
            )
        return portfolio

    def _share_link(self, portfolio: Portfolio) -> str:
        token = demo_token(f"share:{portfolio.pk}")
        link = ShareLink.objects.filter(token_hash=tokens.hash_token(token)).first()
        if link is None:
            created = services.share_link_create(portfolio=portfolio, label=SHARE_LABEL, expires_in_days=None)
            # Swap the random token for the stable demo one, so re-runs print the same link.
            created.link.token_hash = tokens.hash_token(token)
            created.link.save(update_fields=["token_hash", "updated_at"])
        elif not link.is_active:
            link.revoked_at = None
            link.expires_at = None
            link.save(update_fields=["revoked_at", "expires_at", "updated_at"])
        return reverse("portfolios:share_page", args=[token])

    def _mentor_review(self, portfolio: Portfolio) -> None:
        token = demo_token(f"invite:{portfolio.pk}")
        invite = MentorInvite.objects.filter(token_hash=tokens.hash_token(token)).first()
        if invite is None:
            invite = MentorInvite.objects.create(
                portfolio=portfolio, email=DEMO_MENTOR_EMAIL, token_hash=tokens.hash_token(token)
            )
        if invite.status != MentorInvite.Status.ACCEPTED:
            invite.status = MentorInvite.Status.PENDING
            invite = services.mentor_invite_accept(invite=invite, display_name=DEMO_MENTOR_NAME, user=None)
        reviewer = services.Reviewer(name=invite.name, invite=invite)
        plan = Artifact.objects.get(portfolio=portfolio, kind="plan_of_care")
        case = Artifact.objects.get(portfolio=portfolio, kind="case_writeup")
        if not Comment.objects.filter(artifact=plan, author_invite=invite).exists():
            thread = services.comment_start(
                artifact=plan,
                reviewer=reviewer,
                section="short_term_goals",
                quote="within 6 days",
                body="Good progression. Could you add how you will **measure** partial assistance at day 6?",
            )
            services.comment_reply(
                thread=thread,
                reviewer=services.Reviewer(name=str(portfolio.owner), user=portfolio.owner),
                body="I'll add the GG score sheet we use at the day-6 team conference.",
            )
        if not Verdict.objects.filter(artifact=case, invite=invite).exists():
            services.verdict_give(
                artifact=case,
                reviewer=reviewer,
                call="ready",
                note="Clear constraint, measured follow-up, and a safety decision a reviewer can check.",
                expected_version=case.version,
            )
