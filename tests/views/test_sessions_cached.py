"""With REDIS_URL, sessions are read from Redis but logout and revocation still take effect at once."""

import pytest
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import PASSWORD, Client


@pytest.fixture
def cached_sessions(settings, redis_cache) -> str:
    """Sessions as settings.py sets them up when REDIS_URL is set."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.SESSION_CACHE_ALIAS = redis_cache
    return redis_cache


def signed_in(candidate) -> tuple[Client, str]:
    client = Client()
    response = client.post(reverse("login"), {"username": candidate.email, "password": PASSWORD})
    assert response.status_code == 302
    return client, client.cookies["sessionid"].value


def test_a_signed_in_request_reads_its_session_from_redis(candidate, cached_sessions):
    client, session_key = signed_in(candidate)
    assert caches[cached_sessions].get(KEY_PREFIX + session_key)["_auth_user_id"] == str(candidate.pk)
    assert Session.objects.filter(session_key=session_key).exists()  # written through: Redis may restart
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("portfolios:dashboard")).status_code == 200
    assert not any("django_session" in query["sql"] for query in queries.captured_queries)


def test_logout_deletes_the_cached_session_at_once(candidate, cached_sessions):
    client, session_key = signed_in(candidate)
    assert client.post(reverse("logout")).status_code == 302
    assert caches[cached_sessions].get(KEY_PREFIX + session_key) is None
    assert not Session.objects.filter(session_key=session_key).exists()
    replay = Client()
    replay.cookies["sessionid"] = session_key
    assert replay.get(reverse("portfolios:dashboard")).status_code == 302  # to the login page


def test_a_password_change_elsewhere_signs_the_cached_session_out_at_once(candidate, cached_sessions):
    client, session_key = signed_in(candidate)
    candidate.set_password("another-long-password-2026")
    candidate.save()
    assert caches[cached_sessions].get(KEY_PREFIX + session_key) is not None  # still cached, yet refused:
    assert client.get(reverse("portfolios:dashboard")).status_code == 302
