"""The unread-notification count kept on the user row always equals the unread notifications."""

import importlib

from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portfolios import selectors, services
from portfolios.models import Notification, User


def stored(user: User) -> int:
    return User.objects.values_list("unread_notifications", flat=True).get(pk=user.pk)


def ping(user: User, number: int = 0) -> Notification:
    return services.notify(recipient=user, kind=Notification.Kind.COMMENT, message=f"Comment {number}", url="/")


OPERATIONS = st.lists(st.sampled_from(["notify", "open_first", "open_last", "open_again", "mark_all"]), max_size=25)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_the_stored_count_follows_every_sequence_of_notify_open_and_mark_all(candidate, operations):
    Notification.objects.filter(recipient=candidate).delete()
    User.objects.filter(pk=candidate.pk).update(unread_notifications=0)
    opened = None
    for number, operation in enumerate(operations):
        unread = list(Notification.objects.filter(recipient=candidate, read_at__isnull=True))
        if operation == "notify":
            ping(candidate, number)
        elif operation in ("open_first", "open_last") and unread:
            opened = unread[0 if operation == "open_first" else -1]
            services.notification_mark_read(notification=opened)
        elif operation == "open_again" and opened is not None:
            services.notification_mark_read(notification=Notification.objects.get(pk=opened.pk))
        elif operation == "mark_all":
            services.notifications_mark_read(user=candidate)
        assert stored(candidate) == selectors.unread_notification_count(candidate)


def test_marking_all_read_updates_the_signed_in_user_object_too(candidate):
    ping(candidate)
    ping(candidate)
    candidate.refresh_from_db()
    assert candidate.unread_notifications == 2
    assert services.notifications_mark_read(user=candidate) == 2
    assert candidate.unread_notifications == 0 == stored(candidate)


def test_the_badge_shows_the_count_without_counting_rows(candidate_client, candidate):
    ping(candidate)
    ping(candidate)
    with CaptureQueriesContext(connection) as queries:
        body = candidate_client.get(reverse("portfolios:dashboard")).content.decode()
    assert '<span class="badge text-bg-danger">2<span class="visually-hidden"> unread</span>' in body
    assert not [query for query in queries.captured_queries if "portfolios_notification" in query["sql"]]


def test_the_migration_counts_existing_unread_notifications(candidate, stranger):
    for number in range(3):
        ping(candidate, number)
    services.notification_mark_read(notification=Notification.objects.filter(recipient=candidate).first())
    User.objects.update(unread_notifications=0)  # as before the column existed
    migration = importlib.import_module("portfolios.migrations.0007_user_unread_notifications")
    migration.count_unread(apps, None)
    assert stored(candidate) == 2 and stored(stranger) == 0
