"""Delete rate-limit counts and login-attempt records nothing reads any more. Run it daily (see README)."""

from __future__ import annotations

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from portfolios import throttle


class Command(BaseCommand):
    help = (
        "Delete rate-limit windows that have ended, and django-axes login attempts and access logs older "
        "than the lockout cool-off (DJANGO_AXES_COOLOFF_MINUTES). Safe to run at any time, and again."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        # Axes no longer counts an attempt whose last failure is older than the cool-off.
        cutoff = timezone.now() - get_cool_off()
        counts = {
            "rate-limit windows": throttle.prune(),
            "login attempts": AccessAttempt.objects.filter(attempt_time__lt=cutoff)
            .delete()[1]
            .get(AccessAttempt._meta.label, 0),
            "login failure logs": AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0],
            "login access logs": AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0],
        }
        for what, count in counts.items():
            self.stdout.write(f"Deleted {count} {what}.")
