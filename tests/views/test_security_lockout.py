"""Login lockout: one counter per account whatever the email's spelling, and no tokens kept with attempts."""

import logging
import secrets

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.urls import reverse

from tests.conftest import PASSWORD, Client, make_user

LOGIN = "/accounts/login/"


def fail(client, username, times=1, **extra):
    for _ in range(times):
        client.post(LOGIN, {"username": username, "password": "wrong-password-0"}, **extra)


@pytest.mark.parametrize("spelling", ["VICtim@example.com", "Victim@Example.com", " victim@EXAMPLE.com "])
def test_it_locks_every_spelling_of_the_email_after_five_failures(db, spelling):
    make_user("victim@example.com")
    client = Client()
    fail(client, "victim@example.com", times=5)
    response = client.post(LOGIN, {"username": spelling, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failures_under_different_spellings_add_up_to_one_lockout(db):
    make_user("victim@example.com")
    client = Client()
    for spelling in ["victim@example.com", "VICTIM@example.com", "Victim@Example.com", "vIctim@example.COM"]:
        fail(client, spelling)
    ok = client.post(LOGIN, {"username": "victim@example.com", "password": PASSWORD})
    assert ok.status_code == 302  # four failures: still under the limit
    client.post(reverse("logout"))
    for spelling in ["victim@example.com", "VICTIM@example.com", "Victim@Example.com", "vIctim@example.COM"]:
        fail(client, spelling)
    fail(client, "VicTim@example.com")  # the fifth, in a fifth spelling
    assert client.post(LOGIN, {"username": "victim@example.com", "password": PASSWORD}).status_code == 429
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"victim@example.com"}


def test_a_failed_login_from_an_invite_link_stores_no_token(db, caplog):
    make_user("mentor@example.com")
    token = secrets.token_urlsafe(32)
    next_path = f"/invites/{token}/"
    client = Client()
    with caplog.at_level(logging.DEBUG):
        client.post(
            f"{LOGIN}?next={next_path}",
            {"username": "mentor@example.com", "password": "wrong-password-0", "next": next_path},
        )
    attempts = list(AccessAttempt.objects.values())
    assert attempts, "the failure was recorded"
    stored = repr(attempts) + repr(list(AccessFailureLog.objects.values()))
    assert token not in stored
    assert token not in caplog.text


def test_the_lockout_is_per_email_so_another_account_from_that_address_still_logs_in(db):
    make_user("victim@example.com")
    other = make_user("colleague@example.com")
    client = Client()
    fail(client, "Victim@Example.com", times=5)
    assert client.post(LOGIN, {"username": "victim@example.com", "password": PASSWORD}).status_code == 429
    response = client.post(LOGIN, {"username": "COLLEAGUE@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)
