"""The Redis cache backend keeps one redis-py client per pool and still behaves as Django's."""

from __future__ import annotations

from django.core.cache import caches


def test_one_client_serves_every_call_and_the_cache_works(redis_cache):
    cache = caches[redis_cache]
    backend = cache._cache
    assert backend.get_client(write=True) is backend.get_client(write=False) is backend.get_client("any-key")
    cache.set("greeting", {"text": "hello"}, timeout=30)
    assert cache.get("greeting") == {"text": "hello"}
    assert cache.add("counter", 0, timeout=30) and cache.incr("counter") == 1
    cache.delete("greeting")
    assert cache.get("greeting") is None


def test_a_new_backend_makes_its_own_client(redis_cache, settings):
    from portfolios.redis_cache import ReusingRedisCache

    first = ReusingRedisCache(settings.CACHES[redis_cache]["LOCATION"], {})
    second = ReusingRedisCache(settings.CACHES[redis_cache]["LOCATION"], {})
    assert first._cache.get_client() is first._cache.get_client()
    assert first._cache.get_client() is not second._cache.get_client()
