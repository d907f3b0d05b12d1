"""How django-axes names a login attempt: the same spelling of an email the User manager stores.

Axes counts failures per (username, address). Keyed on the raw form value, `Victim@Example.com`
and `victim@example.com` were two counters for one account, so every new spelling bought five
more guesses while login still matched the account.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from portfolios.models import UserManager


def login_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """The normalised email a login attempt is for (AXES_USERNAME_CALLABLE), or None when none was given."""
    field = settings.AXES_USERNAME_FORM_FIELD
    raw = credentials.get(field) if credentials else request.POST.get(field)
    if not isinstance(raw, str) or not raw.strip():
        return None
    return UserManager.normalize_email(raw)[:255]
