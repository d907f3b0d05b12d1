"""Slow side effects that leave the request: sending mail.

Mail is rendered in the request (from `templates/emails/<name>_subject.txt` and `<name>.txt`)
and queued as a task after the write commits, so a slow or broken SMTP server never slows
or breaks a page. The task backend is `settings.TASKS` (a database table by default, run by
`manage.py db_worker`). The backend has no retries of its own: a failed send queues itself
again after a growing delay, `settings.MAIL_MAX_ATTEMPTS` times in all.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

RETRY_GROWTH = 4  # each wait is this many times the one before


def render_email(template: str, context: dict[str, Any]) -> tuple[str, str]:
    """The subject (one line) and text body of `templates/emails/<template>`."""
    context = {"site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"emails/{template}_subject.txt", context)
    body = render_to_string(f"emails/{template}.txt", context)
    return " ".join(subject.split()), body.strip() + "\n"  # a line break in a name must not drop the mail


def email_after_commit(*, to: str, template: str, context: dict[str, Any]) -> None:
    """Render a mail now and queue it once the current transaction commits (never if it rolls back)."""
    subject, body = render_email(template, context)
    transaction.on_commit(lambda: send_email.enqueue(to=to, subject=subject, body=body))


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after failed attempt number `attempt` (1, 4, 16... times the base)."""
    return timedelta(seconds=settings.MAIL_RETRY_SECONDS * RETRY_GROWTH ** (attempt - 1))


@task()
def send_email(*, to: str, subject: str, body: str, attempt: int = 1) -> None:
    """Send one mail; on failure queue the next attempt after `retry_delay`, up to MAIL_MAX_ATTEMPTS."""
    try:
        send_mail(subject, body, None, [to])
    except Exception:
        backend = send_email.get_backend()
        if attempt >= settings.MAIL_MAX_ATTEMPTS or not backend.supports_defer:
            logger.exception("Gave up sending mail to %s after %d attempt(s)", to, attempt)
        else:
            logger.warning("Could not send mail to %s (attempt %d); will try again", to, attempt, exc_info=True)
            send_email.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
                to=to, subject=subject, body=body, attempt=attempt + 1
            )
        raise  # the task's own row records the failure
