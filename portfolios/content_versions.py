"""The one place content versions move.

Cached pages are keyed by what they show and that thing's `content_version` (see
`portfolios.fragments`): a portfolio's version keys its share page, a user's version keys their
dashboard cards and the identifier places they use. Every write a reader could see calls
`content_changed`, so a cached page is never stale; nothing else touches the counters (a test
enumerates the callers and looks for any other write of the field).
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import F

from portfolios.models import Portfolio, User


def content_changed(
    *,
    owner_id: int,
    portfolio_id: int | None = None,
    every_portfolio: bool = False,
    touched_at: datetime | None = None,
) -> None:
    """Mark what readers see as changed: the owner's dashboard always, and the share pages named.

    `portfolio_id`: that portfolio's share page changed (an artifact, verdict, mentor, track or
    headline). `every_portfolio`: something heading every share page changed (the profile name or
    headline). Neither: only the owner's own pages changed (a new portfolio, interview prep).
    `touched_at` also sets the portfolio's `updated_at`, in the same UPDATE.
    """
    also = {"updated_at": touched_at} if touched_at is not None else {}
    if every_portfolio:
        Portfolio.objects.filter(owner_id=owner_id).update(content_version=F("content_version") + 1, **also)
    elif portfolio_id is not None:
        Portfolio.objects.filter(pk=portfolio_id).update(content_version=F("content_version") + 1, **also)
    User.objects.filter(pk=owner_id).update(content_version=F("content_version") + 1)
