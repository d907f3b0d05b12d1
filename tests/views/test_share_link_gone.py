"""A dead share link shows one friendly page, with DEBUG on (`make run`) as in production."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portfolios import services
from portfolios.models import ShareLink
from tests.conftest import save

HOWS = ("unknown", "revoked", "expired", "malformed")


@pytest.fixture
def link(portfolio):
    save(portfolio, "case_writeup", {"context": "Client A.", "plan": "Client will dress with min A."})
    return services.share_link_create(portfolio=portfolio, label="Acme Rehab", expires_in_days=30)


def dead_token(how: str, created) -> str:
    if how == "revoked":
        services.share_link_revoke(link=created.link)
    elif how == "expired":
        ShareLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    elif how == "unknown":
        return "B" * 43
    elif how == "malformed":
        return "%20not.a.token"
    return created.token


@pytest.mark.parametrize("debug", [True, False], ids=["debug", "production"])
@pytest.mark.parametrize("how", HOWS)
def test_a_dead_link_is_a_friendly_404_in_every_mode(how, debug, settings, link, anonymous_client):
    settings.DEBUG = debug
    response = anonymous_client.get(reverse("portfolios:share_page", args=[dead_token(how, link)]))
    body = response.content.decode()
    assert response.status_code == 404
    assert "This link has expired or was revoked" in body
    assert "Using the URLconf" not in body and "Raised by" not in body  # Django's debug page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "private, no-store"


def test_every_dead_link_gets_the_very_same_page(settings, portfolio, link, anonymous_client):
    settings.DEBUG = True
    pages = set()
    for how in HOWS:
        if how in ("revoked", "expired"):  # each needs a live link of its own to kill
            link = services.share_link_create(portfolio=portfolio, label=f"For {how}", expires_in_days=30)
        pages.add(anonymous_client.get(reverse("portfolios:share_page", args=[dead_token(how, link)])).content)
    assert len(pages) == 1
