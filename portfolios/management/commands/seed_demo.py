"""Create (or bring up to date) a demo candidate with an outpatient portfolio. Safe to run again."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from portfolios import services
from portfolios.demo_data import (
    DEMO_EMAIL,
    DEMO_HEADLINE,
    DEMO_NAME,
    DEMO_PASSWORD,
    OUTPATIENT_ARTIFACTS,
)
from portfolios.models import Artifact, Portfolio, User


class Command(BaseCommand):
    help = "Create a demo candidate with an outpatient portfolio of mixed-quality artifacts (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        user = User.objects.filter(email__iexact=DEMO_EMAIL).first()
        if user is None:
            user = User.objects.create_user(DEMO_EMAIL, DEMO_PASSWORD)
        else:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        services.profile_update(user=user, display_name=DEMO_NAME, headline=DEMO_HEADLINE)

        portfolio = Portfolio.objects.filter(owner=user, track="outpatient").first()
        if portfolio is None:
            portfolio = services.portfolio_create(owner=user, track="outpatient")
        saved = 0
        for kind, status, fields in OUTPATIENT_ARTIFACTS:
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
            saved += 1
        self.stdout.write(self.style.SUCCESS(f"Demo portfolio ready ({saved} artifact(s) written)."))
        self.stdout.write(f"Log in at /accounts/login/ with email {DEMO_EMAIL} and password {DEMO_PASSWORD}")
