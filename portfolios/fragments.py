"""Rendered HTML fragments cached per content version, so a cached fragment is never stale.

A fragment's key names what it shows and that thing's `content_version`, read from the
database in the same request. Every write a reader could see bumps the version, so an old
fragment is simply never asked for again and ages out. That makes a per-process cache safe:
processes never have to agree on anything but the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from portfolios import selectors
from portfolios.models import Portfolio, User
from portfolios.rubric.rows import ROWS

T = TypeVar("T")

FRAGMENT_SECONDS = 60 * 60
DASHBOARD_CARD = "portfolios/includes/_dashboard_card.html"


def cached_many(
    objects: Sequence[T], key: Callable[[T], str], render_missing: Callable[[list[T]], list[str]]
) -> list[SafeString]:
    """One fragment per object, in order: cached ones from one cache read, the rest rendered together."""
    keys = [key(obj) for obj in objects]
    found = cache.get_many(keys)
    missing = [obj for obj, k in zip(objects, keys, strict=True) if k not in found]
    if missing:
        rendered = dict(zip((key(obj) for obj in missing), render_missing(missing), strict=True))
        cache.set_many(rendered, timeout=FRAGMENT_SECONDS)
        found.update(rendered)
    return [mark_safe(found[k]) for k in keys]  # noqa: S308 - our own rendered, autoescaped templates


def _dashboard_card_key(portfolio: Portfolio) -> str:
    return f"dashboard-card:{portfolio.pk}:{portfolio.content_version}"


def _render_dashboard_cards(portfolios: list[Portfolio]) -> list[str]:
    return [
        render_to_string(DASHBOARD_CARD, {"overview": overview, "rows": ROWS})
        for overview in selectors.portfolio_overviews(portfolios)
    ]


def dashboard_cards(user: User) -> list[SafeString]:
    """The user's portfolio cards, in order.

    No query at all while the user's content version (on the user row, already loaded) is
    unchanged; otherwise one for the portfolios, and one for the artifacts of any card whose
    portfolio changed.
    """
    key = f"dashboard-cards:{user.pk}:{user.content_version}"
    cards = cache.get(key)
    if cards is None:
        portfolios = list(Portfolio.objects.filter(owner=user))
        cards = cached_many(portfolios, _dashboard_card_key, _render_dashboard_cards)
        cache.set(key, cards, timeout=FRAGMENT_SECONDS)
    return [mark_safe(card) for card in cards]  # noqa: S308 - our own rendered, autoescaped templates
