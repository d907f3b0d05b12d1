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
from portfolios.brief import build_brief
from portfolios.models import Portfolio, ShareLink, User
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


def share_page_body(portfolio_id: int, content_version: int, link_id: int | None = None) -> SharePageBody:
    """The whole share page of one link, rendered and gzipped once per content version.

    A link shows its own choice of artifacts (`ShareLink.artifact_kinds`; editing it bumps the
    portfolio's version); with no link, every complete artifact (the owner's own PDF and preview).
    The page holds nothing per visitor. 503 while the PHI gate pauses sharing: a paused page for
    the profile or headline is cached like a shown one (their edits bump the version), one paused
    by an artifact's identifiers is not (the artifact's fix may come from a recheck).
    """
    key = f"share-page:{portfolio_id}:{link_id}:{content_version}"
    body = cache.get(key)
    if body is None:
        body, rendered_version = _render_share_page(portfolio_id, link_id)
        if body.status == 200 or body.cacheable:
            cache.set(f"share-page:{portfolio_id}:{link_id}:{rendered_version}", body, timeout=FRAGMENT_SECONDS)
    return body


def share_page_context(portfolio: Portfolio, link: ShareLink | None) -> dict:
    """What the share page (and its PDF) shows for one link: the chosen artifacts and the brief."""
    page = selectors.share_page(portfolio, link.artifact_kinds if link is not None else None)
    return {"page": page, "owner": portfolio.owner, "brief": build_brief(page, portfolio.owner), "link": link}


def _render_share_page(portfolio_id: int, link_id: int | None) -> tuple[SharePageBody, int]:
    """The page and the content version it shows."""
    portfolio = Portfolio.objects.select_related("owner").get(pk=portfolio_id)
    paused = render_to_string("portfolios/share_unavailable.html").encode()
    if phi_blockers(portfolio):
        return SharePageBody(503, paused), 0
    if portfolio_problems(portfolio):
        return SharePageBody(503, paused, cacheable=True), portfolio.content_version
    link = ShareLink.objects.get(pk=link_id, portfolio=portfolio) if link_id is not None else None
    html = render_to_string("portfolios/share_page.html", share_page_context(portfolio, link)).encode()
    return SharePageBody(200, html, gzip.compress(html, compresslevel=6)), portfolio.content_version
