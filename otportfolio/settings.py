"""OT Portfolio settings: one file, driven by environment variables.

Development needs no variables at all (debug on, SQLite file in the project folder,
mail to the console). Production sets DJANGO_DEBUG=0, DJANGO_SECRET_KEY and
DJANGO_ALLOWED_HOSTS (and usually DATABASE_URL); the security settings then switch on
so that `manage.py check --deploy` is clean. Every variable is listed in README.md.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off.")
    SECRET_KEY = "dev-only-key-not-for-production-8f3c2a9e4b7d1f6a0c5e2b9d8a7f4c1e3b6d9a2f5c8e1b4"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portfolios",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads the body: refuse oversize bodies (413) and non-UTF-8 forms (400).
    "portfolios.middleware.RequestBodyMiddleware",
    # Signed-in pages and capability links (share, invite, reset) are never stored by any cache.
    "portfolios.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns locked-out logins into its lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out account or address is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "otportfolio.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portfolios.context_processors.notifications",
            ],
        },
    },
]

WSGI_APPLICATION = "otportfolio.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}

# Per process on purpose: what is cached (share pages, dashboard cards) is keyed on a content
# version read from the database in the same request, so processes never serve anything stale
# and need not share a cache. Lockouts live in the database; sessions and rate limits too,
# unless REDIS_URL names a Redis that every process shares (below).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": env_int("DJANGO_CACHE_MAX_ENTRIES", 2000)},
    }
}

# With Redis, signed-in requests read their session from it instead of the database, and
# rate-limit counts are atomic increments there. Sessions stay written to the database too
# (cached_db): logout deletes both at once, and a Redis restart signs nobody out.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES["shared"] = {
        # Django's RedisCache, keeping one redis-py client per pool (see portfolios/redis_cache.py).
        "BACKEND": "portfolios.redis_cache.ReusingRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "otportfolio",
        # A Redis that stops answering must not hold a worker: a session read then falls back to the database.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    SESSION_CACHE_ALIAS = "shared"
# The cache alias holding rate-limit counts; empty: the ThrottleBucket table (portfolios/throttle.py).
THROTTLE_CACHE_ALIAS = "shared" if REDIS_URL else ""

AUTH_USER_MODEL = "portfolios.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portfolios:dashboard"
LOGOUT_REDIRECT_URL = "portfolios:landing"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # 12 characters: an 8-character password falls to an offline guesser in hours.
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Mail: in development it goes to an outbox folder (one .log file per message, listed at /dev/outbox/);
# otherwise to the console unless a backend is set.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend" if DEBUG else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_FILE_PATH = Path(os.environ.get("DJANGO_EMAIL_FILE_PATH", BASE_DIR / "outbox"))
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "OT Portfolio <no-reply@localhost>")
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 10)  # a hung SMTP server must not hold a worker forever

# Mail leaves the request as a task (django-tasks, the backport of Django 6's tasks): a row
# in this database by default, run by `manage.py db_worker` beside the server. Any backend
# with the same interface (e.g. a Redis- or RabbitMQ-backed one) can take over; see README.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# A mail that fails is tried again after 1, 4, 16, 64... times this many seconds, this many times in all.
MAIL_RETRY_SECONDS = env_int("DJANGO_MAIL_RETRY_SECONDS", 60)
MAIL_MAX_ATTEMPTS = env_int("DJANGO_MAIL_MAX_ATTEMPTS", 6)

# Absolute address of the site, used in links inside emails (invites, notifications).
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Request size: artifacts hold up to 16 sections of 20,000 characters (4 bytes each at
# worst), so 2.5 MB is the most a legitimate form post needs.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
# The app takes no file uploads: a multipart file part is refused (400), never written to disk.
# portfolios.middleware.RequestBodyMiddleware caps every body, multipart too, at the size above (413).
DATA_UPLOAD_MAX_NUMBER_FILES = 0

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if not DEBUG:
    # Production sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Content-Security-Policy (django-csp 4): every script, style, font and image comes from
# this site; no inline code, no third-party origin, no framing, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Login throttling (django-axes, stored in the database so it works without Redis):
# 5 failures for one email from one address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = env_int("DJANGO_AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# One answer to "which client is this?" for lockouts and rate limits (portfolios/client_address.py).
AXES_CLIENT_IP_CALLABLE = "portfolios.client_address.lockout_address"
# Count failures per email as the User manager stores it, not per spelling typed.
AXES_USERNAME_CALLABLE = "portfolios.lockout.login_username"
# `next` can carry a capability path (/invites/<token>/): never store it with a failed attempt.
AXES_SENSITIVE_PARAMETERS = ["next", "password", "new_password1", "new_password2", "old_password"]
AXES_VERBOSE = False

# Proxies in front of the app that append to X-Forwarded-For (0: none, the header is ignored).
TRUSTED_PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)

# Benchmark-only pages (a baseline view for `make bench`); never on in production.
BENCHMARK_VIEWS = env_bool("DJANGO_BENCHMARK_VIEWS", False)

# Share-page views are counted in memory and written in batches this often (0: at once), so
# opening a share page writes nothing; see portfolios/services/view_counts.py.
SHARE_VIEW_FLUSH_SECONDS = env_int("DJANGO_SHARE_VIEW_FLUSH_SECONDS", 0 if DEBUG else 10)

# On PostgreSQL the share-link lookup runs as a statement prepared once per connection
# (portfolios/selectors_share.py). Turn off behind a pooler in transaction mode (PgBouncer).
SHARE_LOOKUP_PREPARED = env_bool("DJANGO_SHARE_LOOKUP_PREPARED", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
