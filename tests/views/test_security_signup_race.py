"""Two sign-ups for one email at once: the loser sees the form's "already exists" error, never a 500."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from portfolios.forms import SignupForm
from portfolios.models import User
from portfolios.services.accounts import account_create
from tests.conftest import PASSWORD, Client


@pytest.fixture
def rival_signs_up_after_the_checks(monkeypatch):
    """Another request creates the account after this form passed every check, before its insert."""
    is_valid = SignupForm.is_valid

    def checked_then_raced(form):
        valid = is_valid(form)
        User.objects.create_user(form.cleaned_data["email"].upper(), PASSWORD)  # stored as the same address
        return valid

    monkeypatch.setattr(SignupForm, "is_valid", checked_then_raced)


def test_the_sign_up_that_loses_the_race_shows_the_form_error(db, rival_signs_up_after_the_checks):
    response = Client(raise_request_exception=False).post(
        reverse("signup"),
        {"email": "race@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert "An account with this email already exists" in response.content.decode()
    assert User.objects.filter(email="race@example.com").count() == 1
    assert "_auth_user_id" not in response.client.session


def test_the_service_turns_the_unique_constraint_into_an_email_error(db):
    account_create(email="race@example.com", password=PASSWORD)
    with pytest.raises(ValidationError) as caught:
        account_create(email="race@example.com", password=PASSWORD)
    assert caught.value.error_dict["email"][0].code == "duplicate_email"


def test_sign_up_without_a_race_still_creates_and_signs_in(db):
    client = Client()
    response = client.post(
        reverse("signup"), {"email": "calm@example.com", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert User.objects.get().email == "calm@example.com"
    assert client.session["_auth_user_id"]
