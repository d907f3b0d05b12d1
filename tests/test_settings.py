"""Production settings come from the environment and pass Django's deploy checks."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_variables():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="example.com",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="example.com")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


def test_a_malformed_boolean_is_a_clear_error():
    result = run_manage("check", DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be" in result.stderr


SHOW_SESSIONS_AND_CACHES = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps({'engine': s.SESSION_ENGINE, 'session_cache': s.SESSION_CACHE_ALIAS, "
    "'throttle_cache': s.THROTTLE_CACHE_ALIAS, "
    "'caches': {alias: (c['BACKEND'], c.get('LOCATION', '')) for alias, c in s.CACHES.items()}}))"
)


def sessions_and_caches(redis_url: str) -> dict:
    result = run_manage("shell", "-c", SHOW_SESSIONS_AND_CACHES, REDIS_URL=redis_url)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_redis_sessions_and_rate_limits_live_in_the_database():
    shown = sessions_and_caches("")
    assert shown["engine"] == "django.contrib.sessions.backends.db"
    assert shown["throttle_cache"] == ""
    assert shown["caches"] == {"default": ["django.core.cache.backends.locmem.LocMemCache", ""]}


def test_with_redis_url_sessions_and_rate_limits_share_redis_and_pages_stay_per_process():
    shown = sessions_and_caches("redis://cache.internal:6379/2")
    assert shown["engine"] == "django.contrib.sessions.backends.cached_db"  # logout still deletes at once
    assert shown["session_cache"] == shown["throttle_cache"] == "shared"
    assert shown["caches"] == {
        "default": ["django.core.cache.backends.locmem.LocMemCache", ""],
        "shared": ["portfolios.redis_cache.ReusingRedisCache", "redis://cache.internal:6379/2"],
    }


def test_check_deploy_is_clean_with_redis():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="example.com",
        REDIS_URL="redis://cache.internal:6379/0",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
