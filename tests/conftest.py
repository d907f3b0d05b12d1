"""The cast every test can use: a candidate with a portfolio, a stranger, anonymous visitors."""

from __future__ import annotations

import secrets

import pytest
from django.core.cache import cache, caches
from django.test import Client as DjangoClient
from django.test import TestCase

from portfolios import services
from portfolios.models import Artifact, Portfolio, User
from portfolios.services import view_counts

PASSWORD = "correct-horse-battery-staple-42"


class Client(DjangoClient):
    """A test client that runs on-commit callbacks (mail) after each request, as a real request would.

    Tests run inside a transaction that never commits, so without this no mail would be sent.
    """

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    cache.clear()
    view_counts.discard()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Mail tasks run at once, inside the request (tests/services/test_mail_queue.py uses the database queue).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.SHARE_VIEW_FLUSH_SECONDS = 0  # views counted at once (tests/services/test_view_counts.py batches them)
    # Tests need not run collectstatic first: plain storage, no manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    yield
    view_counts.discard()  # nothing left for the exit-time flush, after the test database is gone


TEST_REDIS_URL = "redis://127.0.0.1:6379/0"


def redis_answers() -> bool:
    try:
        import redis
    except ImportError:
        return False
    try:
        return bool(redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def redis_cache(settings):
    """A `shared` cache alias on the Redis at 127.0.0.1:6379, under a key prefix of this test's own
    (its keys are deleted afterwards); the test is skipped when no Redis answers there."""
    if not redis_answers():
        pytest.skip(f"no Redis answers at {TEST_REDIS_URL}")
    prefix = f"otportfolio-test-{secrets.token_hex(6)}"
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "portfolios.redis_cache.ReusingRedisCache",  # as settings.py sets it up
            "LOCATION": TEST_REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    yield "shared"
    client = caches["shared"]._cache.get_client(write=True)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


@pytest.fixture(params=["database", "redis"])
def throttle_backend(request, settings) -> str:
    """Rate-limit counts in the ThrottleBucket table, then in Redis (as with REDIS_URL set)."""
    settings.THROTTLE_CACHE_ALIAS = "" if request.param == "database" else request.getfixturevalue("redis_cache")
    return request.param


def make_user(email: str, *, display_name: str = "") -> User:
    return User.objects.create_user(email, PASSWORD, display_name=display_name)


@pytest.fixture
def candidate(db) -> User:
    return make_user("casey.candidate@example.com", display_name="Casey Candidate")


@pytest.fixture
def stranger(db) -> User:
    return make_user("sam.stranger@example.com", display_name="Sam Stranger")


@pytest.fixture
def portfolio(candidate) -> Portfolio:
    return services.portfolio_create(owner=candidate, track="outpatient")


@pytest.fixture
def candidate_client(candidate) -> Client:
    client = Client()
    client.force_login(candidate)
    return client


@pytest.fixture
def stranger_client(stranger) -> Client:
    client = Client()
    client.force_login(stranger)
    return client


@pytest.fixture
def anonymous_client() -> Client:
    return Client()


def save(portfolio: Portfolio, kind: str, fields: dict[str, str], *, status: str = "draft") -> Artifact:
    """Save an artifact through the service, at whatever version it is now."""
    current = Artifact.objects.filter(portfolio=portfolio, kind=kind).first()
    return services.artifact_save(
        portfolio=portfolio,
        kind=kind,
        fields=fields,
        status=status,
        expected_version=current.version if current else 0,
        author=portfolio.owner,
    ).artifact
