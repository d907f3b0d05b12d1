"""Rendered HTML cached per content version, so a cached fragment is never stale.

A fragment's key names what it shows and that thing's `content_version`, read from the
database in the same request. Every write a reader could see bumps the version, so an old
fragment is simply never asked for again and ages out. That makes a per-process cache safe:
processes never have to agree on anything but the database.
"""

from __future__ import annotations

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from portfolios import selectors, selectors_prepare
from portfolios.models import Portfolio, User
from portfolios.rows import ROWS

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
