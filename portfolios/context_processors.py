"""Template context every page gets."""

from django.http import HttpRequest


def notifications(request: HttpRequest) -> dict:
    """The signed-in user's unread notification count: kept on the user row, so it costs no query."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"unread_notifications": request.user.unread_notifications}
