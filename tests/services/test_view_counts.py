"""Share-link views counted in memory and written in batches (portfolios/services/view_counts.py)."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from portfolios import services
from portfolios.models import ShareLink
from portfolios.services import view_counts
from tests.conftest import save


@pytest.fixture
def batching(settings):
    settings.SHARE_VIEW_FLUSH_SECONDS = 10


@pytest.fixture
def links(portfolio):
    save(portfolio, "handoff_template", {"framework": "I-PASS at every handoff."}, status="draft")
    first = services.share_link_create(portfolio=portfolio, label="One", expires_in_days=7).link
    second = services.share_link_create(portfolio=portfolio, label="Two", expires_in_days=7).link
    return first, second


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    fake = Clock()
    with mock.patch.object(view_counts.time, "monotonic", fake):
        yield fake


def counts():
    return dict(ShareLink.objects.values_list("label", "view_count"))


def test_views_wait_in_memory_until_the_batch_is_due(batching, links, clock):
    first, second = links
    for _ in range(3):
        view_counts.record(first.pk)
    view_counts.record(second.pk)
    assert view_counts.pending() == {first.pk: 3, second.pk: 1}
    clock.now += 9
    view_counts.flush_if_due()
    assert counts() == {"One": 0, "Two": 0}
    clock.now += 1
    view_counts.flush_if_due()
    assert counts() == {"One": 3, "Two": 1}
    assert view_counts.pending() == {}
    assert ShareLink.objects.get(pk=first.pk).last_viewed_at is not None


def test_the_end_of_any_request_writes_a_due_batch(batching, links, clock, client):
    first, _ = links
    view_counts.record(first.pk)
    client.get(reverse("portfolios:landing"))
    assert counts()["One"] == 0
    clock.now += 10
    client.get(reverse("portfolios:landing"))
    assert counts()["One"] == 1


def test_with_no_delay_every_view_is_written_at_once(settings, links):
    settings.SHARE_VIEW_FLUSH_SECONDS = 0
    first, _ = links
    view_counts.record(first.pk)
    assert counts()["One"] == 1 and view_counts.pending() == {}


def test_a_refused_write_keeps_the_views_for_the_next_try(batching, links, clock):
    first, _ = links
    view_counts.record(first.pk)
    view_counts.record(first.pk)
    refused = mock.patch.object(ShareLink.objects, "filter", side_effect=DatabaseError("database went away"))
    with refused, pytest.raises(DatabaseError):
        view_counts.flush()
    view_counts.record(first.pk)
    assert view_counts.pending() == {first.pk: 3}
    assert view_counts.flush() == 1
    assert counts()["One"] == 3


def test_a_refused_write_after_a_request_is_logged_not_raised(batching, links, clock, client, caplog):
    first, _ = links
    view_counts.record(first.pk)
    clock.now += 10
    # Any page will do; the login page reads no share links itself (the landing page looks up the demo's).
    with mock.patch.object(ShareLink.objects, "filter", side_effect=DatabaseError("database went away")):
        assert client.get(reverse("login")).status_code == 200
    assert "not written yet" in caplog.text
    assert view_counts.pending() == {first.pk: 1}


def test_the_last_view_time_never_moves_back(batching, links, clock):
    first, _ = links
    later = timezone.now() + timedelta(minutes=5)  # written by another process with a later view
    ShareLink.objects.filter(pk=first.pk).update(last_viewed_at=later)
    view_counts.record(first.pk)
    view_counts.flush()
    assert ShareLink.objects.get(pk=first.pk).last_viewed_at == later


def test_a_revoked_link_left_in_a_batch_is_still_written(batching, links):
    """A view counted before the link was revoked was a real view."""
    first, _ = links
    view_counts.record(first.pk)
    services.share_link_revoke(link=first)
    view_counts.flush()
    assert counts()["One"] == 1


def test_the_app_wires_the_flush_into_request_end_once_and_importing_alone_wires_nothing():
    import inspect

    from django.apps import apps
    from django.core.signals import request_finished

    def flush_receivers():
        return [key for key, *_ in request_finished.receivers if "flush_if_due" in str(key)]

    assert len(flush_receivers()) == 1
    apps.get_app_config("portfolios").ready()  # a second ready() must not connect twice
    assert len(flush_receivers()) == 1
    top_level = [line for line in inspect.getsource(view_counts).splitlines() if not line.startswith((" ", "#"))]
    assert not any(line.startswith(("request_finished.connect", "atexit.register")) for line in top_level)
