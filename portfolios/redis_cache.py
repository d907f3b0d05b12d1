"""Django's Redis cache backend, with one redis-py client per connection pool instead of one per call.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` on every cache call; redis-py 8
fills ~170 response callbacks in each client's constructor, which profiled at ~0.17 ms per signed-in
request (a session read) - most of what reading the session from Redis instead of the database
saves. A `redis.Redis` over a connection pool is safe to share between threads (redis-py's docs),
so each pool gets one, made on first use.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)  # the pool for the same index (Django's lookup)
            client = self._clients.setdefault(index, self._client(connection_pool=pool))
        return client


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
