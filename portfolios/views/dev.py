"""Development-only pages: nothing here exists when DEBUG is off."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from portfolios.outbox import outbox_messages


@require_safe
def outbox(request: HttpRequest) -> HttpResponse:
    """The mail the site sent in development (file-based backend), newest first; 404 unless DEBUG."""
    if not settings.DEBUG:
        raise Http404
    folder = Path(settings.EMAIL_FILE_PATH)
    context = {"messages_sent": outbox_messages(folder), "folder": folder, "backend": settings.EMAIL_BACKEND}
    return render(request, "portfolios/dev_outbox.html", context)
