"""The one share-link selector: every outcome, on both sides of each edge, with both throttle backends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portfolios import services, throttle, tokens
from portfolios.models import Artifact, ShareLink
from portfolios.selectors_share import LOOKUP_LIMIT, Outcome, share_link_lookup
from tests.views.test_share import complete

ADDRESS = "203.0.113.7"
OTHER_ADDRESS = "203.0.113.8"


@pytest.fixture
def link(portfolio):
    complete(portfolio)
    return services.share_link_create(portfolio=portfolio, label="Acme Rehab", expires_in_days=30)


def read_only(sql: str) -> bool:
    """A SELECT, or on PostgreSQL the prepared lookup's EXECUTE."""
    return sql.lstrip().upper().startswith(("SELECT", "EXECUTE OTP_OPEN_LINK"))


def test_a_live_link_opens_in_one_read_only_query_with_its_page_version(link, portfolio, throttle_backend):
    share_link_lookup(tokens.new_token()[0], ADDRESS)  # any lookup prepares the statement (PostgreSQL)
    with CaptureQueriesContext(connection) as queries:
        found = share_link_lookup(link.token, ADDRESS)
    assert found.outcome is Outcome.OPEN and found.shows_a_page
    portfolio.refresh_from_db()
    assert (found.link_id, found.portfolio_id, found.content_version) == (
        link.link.pk,
        portfolio.pk,
        portfolio.content_version,
    )
    assert len(queries) == 1 and read_only(queries[0]["sql"])


@pytest.mark.parametrize("how", ["malformed", "unknown", "revoked", "expired", "one character off"])
def test_every_dead_link_is_gone_and_gives_nothing_away(link, how):
    token = link.token
    if how == "malformed":
        token = "not a token"
    elif how == "unknown":
        token = tokens.new_token()[0]
    elif how == "revoked":
        services.share_link_revoke(link=link.link)
    elif how == "expired":
        ShareLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    else:
        token = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert share_link_lookup(token, ADDRESS) == share_link_lookup("", ADDRESS)
    assert share_link_lookup(token, ADDRESS).outcome is Outcome.GONE


def test_a_link_a_second_before_expiry_still_opens(link):
    ShareLink.objects.update(expires_at=timezone.now() + timedelta(seconds=5))
    assert share_link_lookup(link.token, ADDRESS).outcome is Outcome.OPEN


def test_a_live_link_of_a_portfolio_with_identifiers_is_paused_not_gone(link, portfolio):
    Artifact.objects.filter(portfolio=portfolio).update(phi_error_count=1)
    found = share_link_lookup(link.token, ADDRESS)
    assert found.outcome is Outcome.PAUSED and found.shows_a_page
    assert (found.link_id, found.portfolio_id) == (link.link.pk, portfolio.pk)
    Artifact.objects.filter(portfolio=portfolio).update(phi_error_count=0)
    assert share_link_lookup(link.token, ADDRESS).outcome is Outcome.OPEN


def test_an_address_at_its_limit_is_throttled_even_for_a_good_link_and_others_are_not(link, throttle_backend):
    for _ in range(LOOKUP_LIMIT.max_hits - 1):
        throttle.hit(LOOKUP_LIMIT, ADDRESS)
    assert share_link_lookup(link.token, ADDRESS).outcome is Outcome.OPEN  # N-1 failures: still opens
    throttle.hit(LOOKUP_LIMIT, ADDRESS)
    assert share_link_lookup(link.token, ADDRESS).outcome is Outcome.THROTTLED  # N: limited
    assert share_link_lookup("not a token", ADDRESS).outcome is Outcome.THROTTLED
    assert share_link_lookup(link.token, OTHER_ADDRESS).outcome is Outcome.OPEN


@pytest.mark.skipif(connection.vendor != "postgresql", reason="statements are prepared on PostgreSQL only")
def test_on_postgresql_the_lookup_is_prepared_once_per_connection_and_can_be_turned_off(link, settings):
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    connection.connection.otp_prepared = set()  # as a fresh connection
    with CaptureQueriesContext(connection) as first:
        assert share_link_lookup(link.token, ADDRESS).outcome is Outcome.OPEN
    with CaptureQueriesContext(connection) as second:
        assert share_link_lookup(link.token, ADDRESS).outcome is Outcome.OPEN
    assert [q["sql"].split()[0] for q in first] == ["PREPARE", "EXECUTE"]
    assert [q["sql"].split()[0] for q in second] == ["EXECUTE"]
    settings.SHARE_LOOKUP_PREPARED = False
    with CaptureQueriesContext(connection) as plain:
        assert share_link_lookup(link.token, ADDRESS).outcome is Outcome.OPEN
    assert [q["sql"].split()[0] for q in plain] == ["SELECT"]
