"""The one answer to "which address is this request from?", for login lockouts and rate limits.

Behind `TRUSTED_PROXY_COUNT` proxies (DJANGO_PROXY_COUNT), each proxy appends the address it
received the connection from to X-Forwarded-For, so the client is the entry that many places
from the right; anything further left was written by the client and may be forged. With no
proxies the header is ignored and REMOTE_ADDR is the client.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "unknown"


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The caller's IP address, trusting X-Forwarded-For only as far as the configured proxies wrote it.

    A request with fewer forwarded entries than proxies did not pass through all of them (or the
    proxies are misconfigured): its REMOTE_ADDR is used, never an entry the client could have set.
    """
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "") or UNKNOWN
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if len(forwarded) < proxies:
        return remote
    return _valid(forwarded[-proxies]) or remote


def lockout_address(request: HttpRequest) -> str | None:
    """The same address for django-axes, or None when unknown: axes stores it in an IP-address column."""
    address = client_address(request)
    return None if address == UNKNOWN else address
