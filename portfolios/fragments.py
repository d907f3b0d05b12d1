"""Rendered HTML cached per content version, so a cached fragment is never stale.

A fragment's key names what it shows and that thing's `content_version`, read from the
database in the same request. Every write a reader could see bumps the version, so an old
fragment is simply never asked for again and ages out. That makes a per-process cache safe:
processes never have to agree on anything but the database.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from portfolios import selectors, selectors_prepare
from portfolios.models import Portfolio, User
from portfolios.rows import ROWS
from portfolios.services.identifiers import portfolio_problems
from portfolios.services.sharing import phi_blockers

FRAGMENT_SECONDS = 60 * 60
DASHBOARD_CARD = "portfolios/includes/_dashboard_card.html"


def dashboard_cards(user: User) -> list[SafeString]:
    """The user's portfolio cards, in order.

    No query while the user's content version (on the user row, already loaded) is unchanged;
    otherwise five: the portfolios, their artifacts, and the interview readiness (stories, stage
    picks, drill counts; `selectors_prepare.readiness`).
    """
    key = f"dashboard-cards:{user.pk}:{user.content_version}"
    cards = cache.get(key)
    if cards is None:
        overviews = selectors.portfolio_overviews(Portfolio.objects.filter(owner=user))
        prepared = selectors_prepare.readiness(
            [overview.portfolio for overview in overviews],
            {overview.portfolio.pk: overview.portfolio.artifacts.all() for overview in overviews},
        )
        cards = [
            render_to_string(
                DASHBOARD_CARD,
                {"overview": overview, "rows": ROWS, "readiness": prepared.get(overview.portfolio.pk)},
            )
            for overview in overviews
        ]
        cache.set(key, cards, timeout=FRAGMENT_SECONDS)
    return [mark_safe(card) for card in cards]  # noqa: S308 - our own rendered, autoescaped templates


# ---- the recruiter's share page ----------------------------------------------------------------


@dataclass(frozen=True)
class SharePageBody:
    status: int
    html: bytes
    gzipped: bytes | None = None  # compressed once, when cached: browsers all accept gzip
    cacheable: bool = False  # a 200 always is


def share_page_body(portfolio_id: int, content_version: int) -> SharePageBody:
    """The whole share page, rendered and gzipped once per content version.

    The page holds nothing per visitor. 503 while the PHI gate pauses sharing: a paused page for
    the profile or headline is cached like a shown one (their edits bump the version), one paused
    by an artifact's identifiers is not (the artifact's fix may come from a recheck).
    """
    key = f"share-page:{portfolio_id}:{content_version}"
    body = cache.get(key)
    if body is None:
        body, rendered_version = _render_share_page(portfolio_id)
        if body.status == 200 or body.cacheable:
            cache.set(f"share-page:{portfolio_id}:{rendered_version}", body, timeout=FRAGMENT_SECONDS)
    return body


def _render_share_page(portfolio_id: int) -> tuple[SharePageBody, int]:
    """The page and the content version it shows."""
    portfolio = Portfolio.objects.select_related("owner").get(pk=portfolio_id)
    paused = render_to_string("portfolios/share_unavailable.html").encode()
    if phi_blockers(portfolio):
        return SharePageBody(503, paused), 0
    if portfolio_problems(portfolio):
        return SharePageBody(503, paused, cacheable=True), portfolio.content_version
    page = selectors.share_page(portfolio)
    html = render_to_string("portfolios/share_page.html", {"page": page, "owner": portfolio.owner}).encode()
    return SharePageBody(200, html, gzip.compress(html, compresslevel=6)), portfolio.content_version
