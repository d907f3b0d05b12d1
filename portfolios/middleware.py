"""Request and response rules that hold for every view: body size and charset, and no caching of private pages."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control

# Pages whose URL is itself the key (share links, mentor invites, password-reset links): whoever
# holds a cached copy holds the capability, signed in or not.
CAPABILITY_VIEW_NAMES = frozenset({"portfolios:share_page", "portfolios:invite_accept", "password_reset_confirm"})


def _refuse(request: HttpRequest, status: int) -> HttpResponse:
    return render(request, "400.html", status=status)


class RequestBodyMiddleware:
    """Refuse, before any view or middleware reads it, a body we cannot or will not parse.

    - Content-Length over DATA_UPLOAD_MAX_MEMORY_SIZE: 413. Django applies that cap to url-encoded
      forms only; multipart file parts went to disk uncapped, and the app takes no uploads.
    - A url-encoded form declaring a charset other than UTF-8: 400. Django raises BadRequest for
      it, but without marking the body as unreadable, so its own 400 handler (through CSRF) read
      the body again and the request ended in a 500.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _refuse(request, 400)
        if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return _refuse(request, 413)
        encoding = request.encoding
        if request.content_type == "application/x-www-form-urlencoded" and encoding and encoding.lower() != "utf-8":
            return _refuse(request, 400)
        return self.get_response(request)


class NoStoreMiddleware:
    """`Cache-Control: no-store, private` on every response to a signed-in user and on every capability page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        if (match is not None and match.view_name in CAPABILITY_VIEW_NAMES) or request.user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)  # drops any `public`
        return response
