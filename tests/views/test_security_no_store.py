"""No cache keeps a signed-in page or a capability page: `Cache-Control: no-store, private` on all of them."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from portfolios import services
from tests.conftest import Client, save


def private_no_store(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives and "public" not in directives


def patterns(resolver=None, prefix=""):
    """Every (route, name) of the site except Django's admin, with the route's converters."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("admin/"):
                continue
            yield from patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry.name


def fill(route, values):
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda match: str(values.get(match.group(1), "x")), route)


@pytest.fixture
def values(portfolio):
    artifact = save(portfolio, "case_writeup", {"context": "A client at home."})
    link = services.share_link_create(portfolio=portfolio, label="Recruiter", expires_in_days=30)
    return {
        "portfolio_id": portfolio.pk,
        "kind": artifact.kind,
        "number": 1,
        "link_id": link.link.pk,
        "token": link.token,
        "uidb64": "MQ",
        "invite_id": 1,
        "thread_id": 1,
        "notification_id": 1,
    }


def test_every_page_answers_a_signed_in_user_with_no_store(candidate_client, values):
    urls = [fill(route, values) for route, _ in patterns()]
    assert len(urls) > 30
    for url in urls:
        response = candidate_client.get(url)
        assert private_no_store(response), (url, response.status_code, response.get("Cache-Control"))


def test_share_invite_and_reset_links_are_no_store_for_anyone(portfolio, values):
    created = services.mentor_invite_create(portfolio=portfolio, email="mentor@example.com", invite_url_for=str)
    for url in [
        f"/s/{values['token']}/",
        "/s/" + "B" * 43 + "/",
        f"/invites/{created.token}/",
        "/invites/" + "C" * 43 + "/",
        "/accounts/password/reset/MQ/set-password/",
    ]:
        response = Client().get(url)
        assert private_no_store(response), (url, response.status_code)


def test_the_landing_page_for_signed_out_visitors_is_left_alone(db):
    assert "no-store" not in Client().get("/").get("Cache-Control", "")
