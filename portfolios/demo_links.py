"""The demo's stable links: the tokens `seed_demo` stores, and the recruiter page the landing page shows.

Tokens come from the secret key, so every `seed_demo` run gives the same links without storing a token;
a changed secret key gives new ones (and `seed_demo` re-hashes the stored links to match).
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from django.conf import settings
from django.urls import reverse

from portfolios import tokens
from portfolios.demo_data import DEMO_EMAIL
from portfolios.models import ShareLink

SHARE_LABEL = "Demo recruiter link"


def demo_token(purpose: str) -> str:
    """A stable 256-bit token for a demo object, unguessable without the secret key."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"seed_demo:{purpose}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def demo_share_path() -> str | None:
    """The demo portfolio's recruiter page, or None when no working demo link exists (one query)."""
    links = ShareLink.objects.filter(label=SHARE_LABEL, portfolio__owner__email__iexact=DEMO_EMAIL).order_by("pk")
    for link in links:
        token = demo_token(f"share:{link.portfolio_id}")
        if link.is_active and hmac.compare_digest(link.token_hash, tokens.hash_token(token)):
            return reverse("portfolios:share_page", args=[token])
    return None
