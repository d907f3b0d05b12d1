import re

from django.core import mail
from django.urls import reverse

from portfolios.models import User
from tests.conftest import PASSWORD


def test_a_visitor_signs_up_and_lands_on_new_portfolio(db, anonymous_client):
    response = anonymous_client.post(
        reverse("signup"),
        {"email": "New.Person@Example.com", "display_name": "New Person", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("portfolios:portfolio_new")
    user = User.objects.get()
    assert user.email == "new.person@example.com"
    assert anonymous_client.get(reverse("portfolios:dashboard")).status_code == 200


def test_sign_up_refuses_an_email_taken_in_another_case(candidate, anonymous_client):
    response = anonymous_client.post(
        reverse("signup"),
        {"email": "CASEY.Candidate@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert "An account with this email already exists" in response.content.decode()
    assert User.objects.count() == 1


def test_sign_up_errors_keep_what_was_typed(db, anonymous_client):
    response = anonymous_client.post(
        reverse("signup"), {"email": "kept@example.com", "password1": "short", "password2": "different"}
    )
    body = response.content.decode()
    assert 'value="kept@example.com"' in body
    assert "didn’t match" in body or "didn't match" in body
    assert not User.objects.exists()


def test_log_in_ignores_the_case_of_the_email(candidate, anonymous_client):
    response = anonymous_client.post(
        reverse("login"), {"username": "Casey.CANDIDATE@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("portfolios:dashboard")


def test_a_wrong_password_is_a_clear_error(candidate, anonymous_client):
    response = anonymous_client.post(reverse("login"), {"username": candidate.email, "password": "nope"})
    assert response.status_code == 200
    assert "enter a correct email address and password" in response.content.decode()


def test_log_out_is_a_post(candidate_client):
    assert candidate_client.get(reverse("logout")).status_code == 405
    assert candidate_client.post(reverse("logout")).status_code == 302
    assert candidate_client.get(reverse("portfolios:dashboard")).status_code == 302


def test_password_reset_mails_a_link_that_sets_a_new_password(candidate, anonymous_client):
    response = anonymous_client.post(reverse("password_reset"), {"email": candidate.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = anonymous_client.get(link, follow=True)
    assert form_page.status_code == 200
    done = anonymous_client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "a-new-Secret-99", "new_password2": "a-new-Secret-99"}
    )
    assert done.status_code == 302
    candidate.refresh_from_db()
    assert candidate.check_password("a-new-Secret-99")


def test_password_reset_for_an_unknown_email_says_the_same_and_sends_nothing(db, anonymous_client):
    response = anonymous_client.post(reverse("password_reset"), {"email": "nobody@example.com"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_password_change_needs_the_old_password(candidate_client, candidate):
    response = candidate_client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": "another-Secret-77", "new_password2": "another-Secret-77"},
    )
    assert response.status_code == 200
    candidate.refresh_from_db()
    assert candidate.check_password(PASSWORD)
    response = candidate_client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "another-Secret-77", "new_password2": "another-Secret-77"},
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.check_password("another-Secret-77")


def test_the_profile_saves_name_and_headline(candidate_client, candidate):
    response = candidate_client.post(
        reverse("profile"), {"display_name": "Casey C., OTR/L", "headline": "Hand therapy and measurable goals"}
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.display_name == "Casey C., OTR/L"
    assert candidate.headline == "Hand therapy and measurable goals"


def test_the_profile_refuses_an_overlong_headline(candidate_client, candidate):
    response = candidate_client.post(reverse("profile"), {"display_name": "Casey", "headline": "x" * 141})
    assert response.status_code == 200
    assert "at most 140 characters" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.headline == ""
