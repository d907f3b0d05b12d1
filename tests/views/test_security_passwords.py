"""Passwords: at least 12 characters and not a common one, on sign-up, password change and reset."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.urls import reverse

from portfolios.demo_data import DEMO_PASSWORD
from portfolios.models import User
from tests.conftest import PASSWORD

ELEVEN = "violet-harb"  # 11 characters
TWELVE = "violet-harbo"  # 12 characters
COMMON = "q1w2e3r4t5y6"  # 12 characters, in Django's list of common passwords


def sign_up(client, password):
    return client.post(reverse("signup"), {"email": "new@example.com", "password1": password, "password2": password})


def test_sign_up_refuses_eleven_characters_and_says_why(db, anonymous_client):
    response = sign_up(anonymous_client, ELEVEN)
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    assert not User.objects.exists()


def test_sign_up_takes_twelve_characters(db, anonymous_client):
    assert sign_up(anonymous_client, TWELVE).status_code == 302
    assert User.objects.get().check_password(TWELVE)


def test_sign_up_refuses_a_common_password(db, anonymous_client):
    response = sign_up(anonymous_client, COMMON)
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize(("new", "accepted"), [(ELEVEN, False), (COMMON, False), (TWELVE, True)])
def test_password_change_applies_the_same_rules(candidate_client, candidate, new, accepted):
    response = candidate_client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    candidate.refresh_from_db()
    assert candidate.check_password(new) is accepted
    if not accepted:
        assert response.status_code == 200
        body = response.content.decode()
        assert "at least 12 characters" in body or "too common" in body


def test_the_demo_and_fixture_passwords_still_pass(db):
    for password in (DEMO_PASSWORD, PASSWORD):
        validate_password(password)
