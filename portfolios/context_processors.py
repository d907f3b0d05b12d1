"""Template context every page gets."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from portfolios import selectors


def notifications(request: HttpRequest) -> dict:
    """The signed-in user's unread notification count, queried only if a template shows it."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: selectors.unread_notification_count(request.user))}
