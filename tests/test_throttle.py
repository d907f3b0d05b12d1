"""Rate limits answer the same with their counts in the database or in Redis (REDIS_URL)."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone

from portfolios import throttle
from portfolios.models import ThrottleBucket

LIMIT = throttle.Limit("test-scope", 3, timedelta(minutes=10))


@pytest.fixture
def now(monkeypatch):
    """A clock the test moves: the start of a 10-minute window, then wherever it is set."""
    moment = {"now": timezone.now().replace(minute=0, second=0, microsecond=0)}
    monkeypatch.setattr(throttle.timezone, "now", lambda: moment["now"])
    return moment


def test_it_limits_an_identity_once_it_used_up_its_allowance(db, throttle_backend, now):
    assert not throttle.is_limited(LIMIT, "203.0.113.7")
    assert [throttle.hit(LIMIT, "203.0.113.7") for _ in range(3)] == [1, 2, 3]
    assert throttle.is_limited(LIMIT, "203.0.113.7")


def test_it_counts_identities_and_scopes_apart(db, throttle_backend, now):
    other_scope = throttle.Limit("other-scope", 3, timedelta(minutes=10))
    for _ in range(3):
        throttle.hit(LIMIT, "203.0.113.7")
    assert not throttle.is_limited(LIMIT, "203.0.113.8")
    assert not throttle.is_limited(other_scope, "203.0.113.7")
    assert throttle.hit(other_scope, "203.0.113.7") == 1


def test_a_new_window_starts_from_zero(db, throttle_backend, now):
    for _ in range(3):
        throttle.hit(LIMIT, "203.0.113.7")
    now["now"] += timedelta(minutes=9, seconds=59)
    assert throttle.is_limited(LIMIT, "203.0.113.7")
    now["now"] += timedelta(seconds=1)
    assert not throttle.is_limited(LIMIT, "203.0.113.7")
    assert throttle.hit(LIMIT, "203.0.113.7") == 1


def test_the_share_query_checks_the_throttle_only_when_the_database_holds_the_counts(db, throttle_backend):
    gate = throttle.gate(LIMIT, "203.0.113.7")
    if throttle_backend == "database":
        assert gate is not None and gate.max_hits == 3
    else:
        assert gate is None  # the view asks is_limited (one Redis read) before the query


def test_with_redis_the_counts_are_atomic_increments_that_expire(db, redis_cache, settings, now):
    settings.THROTTLE_CACHE_ALIAS = redis_cache
    throttle.hit(LIMIT, "203.0.113.7")
    assert not ThrottleBucket.objects.exists()
    client = caches[redis_cache]._cache.get_client(write=True)
    (key,) = client.scan_iter(match=f"{settings.CACHES[redis_cache]['KEY_PREFIX']}:*throttle:*")
    assert client.get(key) == b"1"  # a plain integer, so INCR counts it
    # Outlives its window (so add() and incr() never straddle an expiry), gone within two.
    assert 10 * 60 < client.ttl(key) <= 20 * 60
