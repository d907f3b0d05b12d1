"""Fixed-window rate limits, for what django-axes does not cover.

Used for password-reset requests and for failed share-link and invite-link lookups, so
tokens cannot be brute-forced and reset mail cannot be used to flood an inbox.

Counts live in the ThrottleBucket table, or, when settings.THROTTLE_CACHE_ALIAS names a cache
every process shares (Redis, with REDIS_URL), in that cache as atomic increments that expire
on their own. The functions below answer the same either way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import wraps

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404, HttpRequest
from django.shortcuts import render
from django.utils import timezone

# The same address login lockouts use (axes' AXES_CLIENT_IP_CALLABLE); views call throttle.client_address.
from portfolios.client_address import client_address
from portfolios.models import ThrottleBucket


@dataclass(frozen=True)
class Limit:
    scope: str
    max_hits: int
    window: timedelta


SHARE_LOOKUP_FAILURES = Limit("share-miss", 20, timedelta(minutes=10))
INVITE_LOOKUP_FAILURES = Limit("invite-miss", 20, timedelta(minutes=10))
PASSWORD_RESETS_PER_ADDRESS = Limit("reset-ip", 10, timedelta(hours=1))
PASSWORD_RESETS_PER_EMAIL = Limit("reset-email", 3, timedelta(hours=1))
LIMITS = (SHARE_LOOKUP_FAILURES, INVITE_LOOKUP_FAILURES, PASSWORD_RESETS_PER_ADDRESS, PASSWORD_RESETS_PER_EMAIL)
# A window that started longer ago than this has ended whatever its scope (rows store only a hashed key).
LONGEST_WINDOW = max(limit.window for limit in LIMITS)


def _key(limit: Limit, identity: str) -> str:
    return hashlib.sha256(f"{limit.scope}\0{identity}".encode()).hexdigest()


def _window_start(limit: Limit):
    now = timezone.now()
    seconds = int(limit.window.total_seconds())
    return now - timedelta(seconds=int(now.timestamp()) % seconds, microseconds=now.microsecond)


def _shared_counts() -> BaseCache | None:
    """The cache holding the counts, or None when they live in the database."""
    alias = settings.THROTTLE_CACHE_ALIAS
    return caches[alias] if alias else None


def _counter_key(limit: Limit, identity: str) -> str:
    return f"throttle:{_key(limit, identity)}:{int(_window_start(limit).timestamp())}"


def _counter_timeout(limit: Limit) -> int:
    # A counter outlives its window by a whole window, so it cannot expire between add() and incr().
    return 2 * int(limit.window.total_seconds())


def is_limited(limit: Limit, identity: str) -> bool:
    """Whether this identity already used up its allowance in the current window."""
    counts = _shared_counts()
    if counts is not None:
        return (counts.get(_counter_key(limit, identity)) or 0) >= limit.max_hits
    row = ThrottleBucket.objects.filter(key=_key(limit, identity), window_start=_window_start(limit)).first()
    return row is not None and row.count >= limit.max_hits


@dataclass(frozen=True)
class Gate:
    """What a single SQL statement needs to ask "is this identity limited?" itself (see selectors_share.share_link_lookup)."""

    key: str
    window_start: datetime
    max_hits: int


def gate(limit: Limit, identity: str) -> Gate | None:
    """The throttle as a condition for one SQL statement; None when the counts live in a cache
    (the caller then asks `is_limited` itself)."""
    if _shared_counts() is not None:
        return None
    return Gate(_key(limit, identity), _window_start(limit), limit.max_hits)


def hit(limit: Limit, identity: str) -> int:
    """Count one more hit in the current window; returns the new count."""
    counts = _shared_counts()
    if counts is not None:
        key = _counter_key(limit, identity)
        counts.add(key, 0, timeout=_counter_timeout(limit))
        try:
            return counts.incr(key)  # atomic: Redis INCR
        except ValueError:  # evicted between add() and incr(): this hit starts the count again
            counts.set(key, 1, timeout=_counter_timeout(limit))
            return 1
    key, start = _key(limit, identity), _window_start(limit)
    updated = ThrottleBucket.objects.filter(key=key, window_start=start).update(count=F("count") + 1)
    if not updated:
        try:
            with transaction.atomic():
                ThrottleBucket.objects.create(key=key, window_start=start, count=1)
        except IntegrityError:  # another process created the row first
            ThrottleBucket.objects.filter(key=key, window_start=start).update(count=F("count") + 1)
    return ThrottleBucket.objects.get(key=key, window_start=start).count


def prune(older_than: timedelta = LONGEST_WINDOW) -> int:
    """Delete counts from windows that have ended; returns how many rows went (prune_security_records)."""
    # Counts kept in a cache expire there on their own; rows left from before a switch to it still go.
    deleted, _ = ThrottleBucket.objects.filter(window_start__lt=timezone.now() - older_than).delete()
    return deleted


def too_many_requests(request: HttpRequest, limit: Limit):
    response = render(request, "429.html", status=429)
    response["Retry-After"] = str(int(limit.window.total_seconds()))
    return response


def limit_failed_lookups(limit: Limit):
    """View decorator: count 404s per caller address; past the limit, answer 429 without looking up.

    Valid links are not counted, so a recruiter re-opening a link is never slowed down. A limited
    address gets 429 for valid tokens too: otherwise 200-versus-429 would still tell a guesser
    when a guess is right.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            address = client_address(request)
            if is_limited(limit, address):
                return too_many_requests(request, limit)
            try:
                return view(request, *args, **kwargs)
            except Http404:
                hit(limit, address)
                raise

        return wrapper

    return decorator
