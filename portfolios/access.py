"""Who may see or edit what, in one place.

Every view gets its objects through these functions. What a person may not see is a
404, never a 403, so nobody learns that someone else's portfolio exists.
"""

from __future__ import annotations

from django.http import Http404

from portfolios.kinds import KINDS_BY_KEY
from portfolios.models import Artifact, Portfolio, User


def owned_portfolio(user: User, portfolio_id: int) -> Portfolio:
    """The user's own portfolio with this id, or 404."""
    if not user.is_authenticated:
        raise Http404("No such portfolio.")
    try:
        return Portfolio.objects.select_related("owner").get(pk=portfolio_id, owner=user)
    except Portfolio.DoesNotExist as error:
        raise Http404("No such portfolio.") from error


def owned_artifact(user: User, portfolio_id: int, kind: str) -> tuple[Portfolio, Artifact | None]:
    """The user's portfolio and its artifact of this kind (None when not started yet), or 404."""
    if kind not in KINDS_BY_KEY:
        raise Http404("No such artifact kind.")
    portfolio = owned_portfolio(user, portfolio_id)
    artifact = Artifact.objects.filter(portfolio=portfolio, kind=kind).first()
    if artifact is not None:
        artifact.portfolio = portfolio  # already loaded: saves a query wherever the view follows the relation
    return portfolio, artifact


def owned_started_artifact(user: User, portfolio_id: int, kind: str) -> tuple[Portfolio, Artifact]:
    """Like `owned_artifact`, but 404 when nothing has been saved yet (history, restore)."""
    portfolio, artifact = owned_artifact(user, portfolio_id, kind)
    if artifact is None or artifact.version == 0:
        raise Http404("Nothing saved yet.")
    return portfolio, artifact
