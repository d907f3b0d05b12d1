"""Security hardening: CSP everywhere, login lockout, throttled resets and token lookups, cookies."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from portfolios import services
from tests.conftest import PASSWORD, Client, save


def csp(response):
    return response["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/accounts/signup/", "/nope/", "/s/" + "A" * 43 + "/"])
def test_every_response_carries_a_strict_csp(db, url):
    policy = csp(Client().get(url))
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy and "http" not in policy


def test_signed_in_pages_carry_the_csp_and_have_no_inline_code(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Mrs. Alvarez on 03/14/2025."})
    for url in [
        reverse("portfolios:dashboard"),
        portfolio.get_absolute_url(),
        reverse("portfolios:artifact_edit", args=[portfolio.pk, "case_writeup"]),
        reverse("portfolios:artifact_history", args=[portfolio.pk, "case_writeup"]),
        reverse("portfolios:share_links", args=[portfolio.pk]),
        reverse("portfolios:mentors", args=[portfolio.pk]),
        reverse("portfolios:review_artifact", args=[portfolio.pk, "case_writeup"]),
    ]:
        response = candidate_client.get(url)
        body = response.content.decode()
        assert "script-src 'self'" in csp(response), url
        assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", body), f"inline script on {url}"
        assert not re.search(r"\sstyle=\"", body), f"inline style on {url}"
        assert not re.search(r"\son[a-z]+=\"", body), f"inline event handler on {url}"


def test_repeated_failed_logins_lock_the_account_from_that_address(candidate):
    client = Client()
    for _ in range(5):
        client.post(reverse("login"), {"username": candidate.email, "password": "wrong"})
    response = client.post(reverse("login"), {"username": candidate.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_few_failed_logins_do_not_lock(candidate):
    client = Client()
    for _ in range(3):
        client.post(reverse("login"), {"username": candidate.email, "password": "wrong"})
    response = client.post(reverse("login"), {"username": candidate.email, "password": PASSWORD})
    assert response.status_code == 302


def test_password_reset_requests_are_throttled_per_email(candidate, throttle_backend):
    client = Client()
    for _ in range(3):
        assert client.post(reverse("password_reset"), {"email": candidate.email}).status_code == 302
    response = client.post(reverse("password_reset"), {"email": candidate.email})
    assert response.status_code == 429
    assert "Too many reset requests" in response.content.decode()
    assert len(mail.outbox) == 3


def test_guessing_share_tokens_is_throttled_but_valid_links_are_not_counted(portfolio, throttle_backend):
    save(portfolio, "handoff_template", {"framework": "I-PASS at every handoff."})
    token = services.share_link_create(portfolio=portfolio, label="L", expires_in_days=7).token
    client = Client()
    for _ in range(30):
        assert client.get(reverse("portfolios:share_page", args=[token])).status_code == 200
    for _ in range(20):
        assert client.get("/s/" + "B" * 43 + "/").status_code == 404
    blocked = client.get(reverse("portfolios:share_page", args=[token]))
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "600"


def test_guessing_invite_tokens_is_throttled(db, throttle_backend):
    client = Client()
    for _ in range(20):
        assert client.get("/invites/" + "C" * 43 + "/").status_code == 404
    assert client.get("/invites/" + "C" * 43 + "/").status_code == 429


def test_session_and_csrf_cookies_are_http_only_or_same_site(candidate):
    client = Client()
    response = client.post(reverse("login"), {"username": candidate.email, "password": PASSWORD})
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


def test_oversize_request_bodies_are_refused_cleanly(candidate_client, portfolio):
    body = "x" * 3_000_000
    response = candidate_client.post(
        reverse("portfolios:artifact_edit", args=[portfolio.pk, "case_writeup"]),
        {"version": 0, "action": "draft", "context": body},
    )
    assert response.status_code == 413  # over DATA_UPLOAD_MAX_MEMORY_SIZE: refused before it is read
    assert not portfolio.artifacts.exists()
