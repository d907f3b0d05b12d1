"""prune_security_records: ended rate-limit windows and expired login attempts go; live ones stay."""

from datetime import timedelta
from io import StringIO

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from portfolios import throttle
from portfolios.models import ThrottleBucket
from tests.conftest import Client

SECOND = timedelta(seconds=1)


def prune() -> str:
    out = StringIO()
    call_command("prune_security_records", stdout=out)
    return out.getvalue()


def bucket(key: str, started_ago: timedelta) -> None:
    ThrottleBucket.objects.create(key=key, window_start=timezone.now() - started_ago, count=3)


def axes_rows(name: str, ago: timedelta) -> None:
    when = timezone.now() - ago
    common = {"username": f"{name}@example.com", "ip_address": "203.0.113.1", "user_agent": name}
    AccessAttempt.objects.create(**common, get_data="", post_data="", failures_since_start=2, http_accept="")
    AccessFailureLog.objects.create(**common, http_accept="")
    AccessLog.objects.create(**common, http_accept="")
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(user_agent=name).update(attempt_time=when)


def test_every_limit_is_known_to_the_pruner():
    declared = {value for value in vars(throttle).values() if isinstance(value, throttle.Limit)}
    assert declared == set(throttle.LIMITS)


def test_it_deletes_just_past_the_edge_and_keeps_just_inside_it(db):
    window, cool_off = throttle.LONGEST_WINDOW, settings.AXES_COOLOFF_TIME
    bucket("ended", window + SECOND)
    bucket("current", window - SECOND)
    axes_rows("expired", cool_off + SECOND)
    axes_rows("live", cool_off - SECOND)

    output = prune()

    assert list(ThrottleBucket.objects.values_list("key", flat=True)) == ["current"]
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert list(model.objects.values_list("user_agent", flat=True)) == ["live"], model.__name__
    assert "Deleted 1 rate-limit windows." in output
    assert "Deleted 1 login attempts." in output
    assert "Deleted 1 login failure logs." in output and "Deleted 1 login access logs." in output


def test_it_is_idempotent(db):
    bucket("ended", throttle.LONGEST_WINDOW + SECOND)
    axes_rows("expired", settings.AXES_COOLOFF_TIME + SECOND)
    prune()
    again = prune()
    assert again.count("Deleted 0 ") == 4


def test_a_live_lockout_survives_pruning(candidate):
    client = Client()
    for _ in range(5):
        client.post("/accounts/login/", {"username": candidate.email, "password": "wrong-password-0"})
    prune()
    response = client.post("/accounts/login/", {"username": candidate.email, "password": "x" * 12})
    assert response.status_code == 429
