"""Recruiter share links: creation, the public page, revocation, expiry, the PHI gate, headers, queries."""

import gzip
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portfolios import services
from portfolios.kinds import get_kind
from portfolios.models import ShareLink
from portfolios.services import view_counts
from tests.conftest import save

HANDOFF = {
    "framework": "I-PASS at every end-of-day handoff between OTs.",
    "required_items": "Required: illness severity, precautions, assist level, DME, cognition, pending items.",
    "optional_items": "Optional: preferences and social context.",
    "actions": "OT to re-check orthostatic BP before standing, by 14:00 today.",
    "contingencies": "If SpO2 drops below 90%, then stop and notify the RN.",
    "escalation": "Escalate to the charge nurse within 15 minutes when a safety concern is not addressed.",
    "read_back": "The receiver reads back severity, precautions and each action with its owner.",
}


def complete(portfolio, kind="handoff_template", fields=HANDOFF):
    return save(portfolio, kind, fields, status="complete")


def share_url(token):
    return reverse("portfolios:share_page", args=[token])


@pytest.fixture
def shared(portfolio):
    artifact = complete(portfolio)
    assert artifact.phi_error_count == 0
    created = services.share_link_create(portfolio=portfolio, label="Acme Rehab — recruiter", expires_in_days=30)
    return portfolio, created


def test_creating_a_link_shows_it_once_and_stores_only_a_hash(candidate_client, portfolio):
    complete(portfolio)
    response = candidate_client.post(
        reverse("portfolios:share_links", args=[portfolio.pk]), {"label": "Acme Rehab", "expires_in_days": "7"}
    )
    body = response.content.decode()
    link = ShareLink.objects.get()
    token = body.split("/s/")[1].split("/")[0]
    assert len(token) == 43
    assert link.token_hash != token and token not in link.token_hash
    assert abs((link.expires_at - timezone.now()) - timedelta(days=7)) < timedelta(minutes=1)
    assert "shown only once" in body
    assert response["Cache-Control"] == "private, no-store"
    assert token not in candidate_client.get(reverse("portfolios:share_links", args=[portfolio.pk])).content.decode()


def test_a_link_without_expiry_never_expires(portfolio):
    complete(portfolio)
    created = services.share_link_create(portfolio=portfolio, label="Forever", expires_in_days=None)
    assert created.link.expires_at is None and created.link.is_active


def test_a_link_needs_a_label(candidate_client, portfolio):
    complete(portfolio)
    response = candidate_client.post(reverse("portfolios:share_links", args=[portfolio.pk]), {"label": " "})
    assert response.status_code == 422
    assert not ShareLink.objects.exists()


def test_the_share_page_shows_complete_work_and_nothing_private(anonymous_client, shared):
    portfolio, created = shared
    save(portfolio, "case_writeup", {"context": "A private draft sentence."})
    response = anonymous_client.get(share_url(created.token))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Casey Candidate" in body and "Outpatient" in body
    assert HANDOFF["framework"] in body
    assert 'id="brief-heading"' in body  # the brief comes first, in plain words (no 0-4 matrix)
    assert body.index('id="brief-heading"') < body.index(HANDOFF["framework"])
    assert "coverage-matrix" not in body
    assert "A private draft sentence." not in body
    assert "findings-panel" not in body and "History" not in body and "Log out" not in body


def test_share_pages_send_privacy_headers(anonymous_client, shared):
    response = anonymous_client.get(share_url(shared[1].token))
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "private, no-store"


def test_the_share_page_requests_nothing_from_other_origins(anonymous_client, shared):
    body = anonymous_client.get(share_url(shared[1].token)).content.decode()
    for attribute in ('src="http', 'src="//', 'href="http', 'href="//'):
        assert attribute not in body


def test_each_view_is_counted_without_storing_who(anonymous_client, shared):
    _, created = shared
    anonymous_client.get(share_url(created.token))
    anonymous_client.get(share_url(created.token))
    link = ShareLink.objects.get()
    assert link.view_count == 2 and link.last_viewed_at is not None
    assert {field.name for field in ShareLink._meta.get_fields()}.isdisjoint({"ip", "ip_address", "user_agent"})


DEAD = ["revoked", "expired", "unknown", "malformed", "truncated"]


def dead_token(how: str, created) -> str:
    """A token that no longer opens `created`'s link, in one of the DEAD ways (revoking or expiring it)."""
    if how == "revoked":
        services.share_link_revoke(link=created.link)
    elif how == "expired":
        ShareLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    return {"unknown": "A" * 43, "malformed": "not-a-token", "truncated": created.token[:-1]}.get(how, created.token)


@pytest.mark.parametrize("how", DEAD)
def test_dead_links_all_get_the_same_404(how, anonymous_client, shared):
    _, created = shared
    response = anonymous_client.get(share_url(dead_token(how, created)))
    assert response.status_code == 404
    assert "This link has expired or was revoked" in response.content.decode()
    assert ShareLink.objects.get().view_count == 0


def test_revoking_from_the_settings_page_stops_the_link_at_once(candidate_client, anonymous_client, shared):
    portfolio, created = shared
    assert anonymous_client.get(share_url(created.token)).status_code == 200
    candidate_client.post(reverse("portfolios:share_link_revoke", args=[portfolio.pk, created.link.pk]))
    assert anonymous_client.get(share_url(created.token)).status_code == 404


def test_the_phi_gate_blocks_new_links_and_pauses_old_ones(candidate_client, anonymous_client, shared):
    portfolio, created = shared
    complete(
        portfolio, "handoff_template", {**HANDOFF, "framework": "I-PASS, as taught to Mrs. Alvarez on 03/14/2025."}
    )
    page = candidate_client.get(reverse("portfolios:share_links", args=[portfolio.pk])).content.decode()
    assert "Sharing is paused" in page and "<mark>Mrs. Alvarez</mark>" in page
    response = candidate_client.post(reverse("portfolios:share_links", args=[portfolio.pk]), {"label": "Another"})
    assert response.status_code == 422
    assert ShareLink.objects.count() == 1
    blocked = anonymous_client.get(share_url(created.token))
    assert blocked.status_code == 503
    assert "temporarily unavailable" in blocked.content.decode()
    assert "Mrs. Alvarez" not in blocked.content.decode()
    assert ShareLink.objects.get().view_count == 0  # a paused page is not a view


def test_a_paused_link_opens_again_once_the_identifiers_are_gone(anonymous_client, shared):
    portfolio, created = shared
    complete(portfolio, "handoff_template", {**HANDOFF, "framework": "I-PASS, as taught to Mrs. Alvarez."})
    assert anonymous_client.get(share_url(created.token)).status_code == 503
    complete(portfolio, "handoff_template", HANDOFF)
    response = anonymous_client.get(share_url(created.token))
    assert response.status_code == 200 and HANDOFF["framework"] in response.content.decode()
    assert ShareLink.objects.get().view_count == 1


def test_identifiers_in_a_draft_do_not_block_sharing(shared):
    portfolio, _ = shared
    save(portfolio, "case_writeup", {"context": "Mrs. Alvarez seen on 03/14/2025."})
    assert services.share_link_create(portfolio=portfolio, label="Still fine", expires_in_days=7)


def test_the_share_page_runs_constant_queries_whatever_the_size(anonymous_client, portfolio):
    complete(portfolio)
    token = services.share_link_create(portfolio=portfolio, label="L", expires_in_days=7).token
    with CaptureQueriesContext(connection) as small:
        anonymous_client.get(share_url(token))
    for kind in ["sop_checklist", "caseload_note", "workflow_safeguards", "definitions_note"]:
        fields = {
            key: f"Measured text for {key}, reviewed weekly by the OT lead." for key in get_kind(kind).section_keys
        }
        complete(portfolio, kind, fields)
    for number in range(5):
        services.share_link_create(portfolio=portfolio, label=f"L{number}", expires_in_days=7)
    with CaptureQueriesContext(connection) as large:
        response = anonymous_client.get(share_url(token))
    assert response.status_code == 200
    # First view: open; render (portfolio, PHI gate, profile check, the link's choice, artifacts, verdicts,
    # mentor scores); count.
    assert len(small) == len(large) <= 10


def test_a_cached_share_page_is_never_stale(anonymous_client, shared, candidate):
    portfolio, created = shared
    first = anonymous_client.get(share_url(created.token)).content.decode()
    assert HANDOFF["framework"] in first
    complete(portfolio, "handoff_template", {**HANDOFF, "framework": "SBAR, now used at every handoff."})
    assert "SBAR, now used at every handoff." in anonymous_client.get(share_url(created.token)).content.decode()
    services.profile_update(user=candidate, display_name="Casey C., OTR/L", headline="New headline")
    assert "New headline" in anonymous_client.get(share_url(created.token)).content.decode()


def test_a_repeat_view_is_one_read_only_query_and_is_still_counted(anonymous_client, shared, settings):
    settings.SHARE_VIEW_FLUSH_SECONDS = 60  # as in production: views are written in batches
    _, created = shared
    anonymous_client.get(share_url(created.token))
    with CaptureQueriesContext(connection) as repeat:
        response = anonymous_client.get(share_url(created.token))
    assert response.status_code == 200
    # One SELECT opens the link and checks expiry, revocation, the throttle and the PHI gate.
    assert len(repeat) == 1
    assert repeat.captured_queries[0]["sql"].lstrip().upper().startswith(("SELECT", "EXECUTE OTP_OPEN_LINK"))
    assert ShareLink.objects.get().view_count == 0  # not written yet
    assert view_counts.flush() == 1
    assert ShareLink.objects.get().view_count == 2


def test_the_share_page_is_sent_gzipped_to_browsers_that_accept_it(anonymous_client, shared):
    _, created = shared
    plain = anonymous_client.get(share_url(created.token))
    zipped = anonymous_client.get(share_url(created.token), headers={"Accept-Encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain and zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) < len(plain.content) / 2
    assert "Accept-Encoding" in zipped["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert zipped["Cache-Control"] == "private, no-store"


def test_a_link_that_expires_stops_opening_even_with_its_page_cached(anonymous_client, shared):
    _, created = shared
    assert anonymous_client.get(share_url(created.token)).status_code == 200
    ShareLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert anonymous_client.get(share_url(created.token)).status_code == 404
    assert ShareLink.objects.get().view_count == 1
