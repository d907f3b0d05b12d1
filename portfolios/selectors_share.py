"""The recruiter's share-link lookup: one selector, one outcome.

A token is either open (live, its portfolio passes the PHI gate, the caller is not throttled),
throttled, paused (live, but a complete artifact still holds identifiers) or gone (malformed,
unknown, expired or revoked: all the same to the visitor). The common case, an open link,
costs one read-only query: the throttle, when its counts live in the database, is asked in
that same statement. Only a link that did not open pays for finding out why.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import timezone

from portfolios import throttle, tokens
from portfolios.models import Artifact, ShareLink


class Outcome(enum.Enum):
    OPEN = "open"
    THROTTLED = "throttled"
    PAUSED = "paused"  # the PHI gate holds the page back; the link itself is live
    GONE = "gone"


@dataclass(frozen=True)
class ShareLookup:
    outcome: Outcome
    link_id: int | None = None
    portfolio_id: int | None = None
    content_version: int | None = None

    @property
    def shows_a_page(self) -> bool:
        """Open and paused links both answer with the portfolio's page (a paused one says why)."""
        return self.outcome in (Outcome.OPEN, Outcome.PAUSED)


# The busiest public page's only query, in SQL: built with the ORM (two Exists subqueries) it
# costs more to compile than to run. Runs on PostgreSQL and SQLite alike.
OPEN_LINK_SQL = """
    SELECT link.id, link.portfolio_id, portfolio.content_version
    FROM portfolios_sharelink AS link
    JOIN portfolios_portfolio AS portfolio ON portfolio.id = link.portfolio_id
    WHERE link.token_hash = %s
      AND link.revoked_at IS NULL
      AND (link.expires_at IS NULL OR link.expires_at > %s)
      AND NOT EXISTS (
        SELECT 1 FROM portfolios_artifact AS artifact
        WHERE artifact.portfolio_id = link.portfolio_id AND artifact.status = %s AND artifact.phi_error_count > 0)
"""
# The rate limit, when its counts live in the database (throttle.gate); a cache-held one is asked apart.
OPEN_LINK_THROTTLE_SQL = """
      AND NOT EXISTS (
        SELECT 1 FROM portfolios_throttlebucket AS bucket
        WHERE bucket.key = %s AND bucket.window_start = %s AND bucket.count >= %s)
"""

LOOKUP_LIMIT = throttle.SHARE_LOOKUP_FAILURES


def share_link_lookup(token: str, address: str) -> ShareLookup:
    """What opening `token` from `address` gives: the outcome, and the page to show when there is one.

    Read-only: the caller counts a failed lookup (`throttle.hit`) and a shown page (a view).
    """
    gate = throttle.gate(LOOKUP_LIMIT, address)
    if gate is None and throttle.is_limited(LOOKUP_LIMIT, address):  # counts in a shared cache
        return ShareLookup(Outcome.THROTTLED)
    if not tokens.is_well_formed(token):
        return _why_not_open(token, address, well_formed=False)
    adapt = connection.ops.adapt_datetimefield_value  # raw SQL: store datetimes as the ORM does
    sql, params = OPEN_LINK_SQL, [tokens.hash_token(token), adapt(timezone.now()), Artifact.Status.COMPLETE]
    if gate is not None:
        sql += OPEN_LINK_THROTTLE_SQL
        params += [gate.key, adapt(gate.window_start), gate.max_hits]
    row = _fetch_one("otp_open_link_gated" if gate is not None else "otp_open_link", sql, params)
    if row is not None:
        return ShareLookup(Outcome.OPEN, *row)
    return _why_not_open(token, address, well_formed=True)


def _fetch_one(name: str, sql: str, params: list) -> tuple | None:
    """Run the lookup; on PostgreSQL as a statement prepared once per connection.

    Planning the join and its two NOT EXISTS costs PostgreSQL several times what running them
    does (about 0.9 ms against 0.06 ms on these machines), on every view of the busiest public
    page. A prepared statement is planned once per connection (connections persist:
    CONN_MAX_AGE). Behind a pooler in transaction mode (PgBouncer), which cannot keep
    session-level prepared statements, turn it off (DJANGO_SHARE_LOOKUP_PREPARED=0).
    """
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql" or not settings.SHARE_LOOKUP_PREPARED:
            cursor.execute(sql, params)
            return cursor.fetchone()
        raw = connection.connection  # a reconnect is a new object, with nothing prepared yet
        prepared = getattr(raw, "otp_prepared", None)
        if prepared is None:
            prepared = raw.otp_prepared = set()
        if name not in prepared:
            numbered = sql
            for number in range(1, len(params) + 1):
                numbered = numbered.replace("%s", f"${number}", 1)
            cursor.execute(f"PREPARE {name} AS {numbered}")  # survives rollbacks, lasts the session
            prepared.add(name)
        cursor.execute(f"EXECUTE {name} ({', '.join(['%s'] * len(params))})", params)
        return cursor.fetchone()


def _why_not_open(token: str, address: str, *, well_formed: bool) -> ShareLookup:
    if throttle.is_limited(LOOKUP_LIMIT, address):
        return ShareLookup(Outcome.THROTTLED)
    link = None
    if well_formed:
        link = (
            ShareLink.objects.select_related("portfolio")
            .filter(token_hash=tokens.hash_token(token))
            .only("id", "token_hash", "revoked_at", "expires_at", "portfolio__id", "portfolio__content_version")
            .first()
        )
    if link is None or not tokens.matches(link.token_hash, token) or not link.is_active:
        return ShareLookup(Outcome.GONE)
    # Live, yet the one query found nothing: a complete artifact holds identifiers, or the gate
    # lifted between the two reads (the page, rendered from the database, says which).
    return ShareLookup(Outcome.PAUSED, link.pk, link.portfolio_id, link.portfolio.content_version)
