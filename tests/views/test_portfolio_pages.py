from django.urls import reverse

from portfolios.models import Portfolio
from tests.conftest import save


def test_the_dashboard_has_an_empty_state_that_points_to_the_first_step(candidate_client):
    body = candidate_client.get(reverse("portfolios:dashboard")).content.decode()
    assert "No portfolio yet" in body
    assert reverse("portfolios:portfolio_new") in body


def test_creating_a_portfolio_by_picking_a_track(candidate_client, candidate):
    response = candidate_client.post(reverse("portfolios:portfolio_new"), {"track": "home_health"})
    portfolio = Portfolio.objects.get(owner=candidate)
    assert response.status_code == 302
    assert response["Location"] == portfolio.get_absolute_url()
    assert portfolio.track == "home_health"


def test_the_new_portfolio_page_explains_every_track(candidate_client):
    body = candidate_client.get(reverse("portfolios:portfolio_new")).content.decode()
    for name in ["Outpatient", "Inpatient/acute care", "Inpatient rehab", "Home health", "Pediatrics/specialty"]:
        assert name in body
    assert "progress report at least once every 10 treatment days" in body


def test_picking_no_track_is_a_clear_error(candidate_client):
    response = candidate_client.post(reverse("portfolios:portfolio_new"), {})
    assert "Choose the setting this portfolio targets." in response.content.decode()
    assert not Portfolio.objects.exists()


def test_a_second_portfolio_for_the_same_track_is_refused(candidate_client, portfolio):
    response = candidate_client.post(reverse("portfolios:portfolio_new"), {"track": "outpatient"})
    assert response.status_code == 200
    assert "You already have a portfolio for Outpatient." in response.content.decode()
    assert Portfolio.objects.count() == 1


def test_the_dashboard_shows_status_progress_and_coverage(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Client A."})
    body = candidate_client.get(reverse("portfolios:dashboard")).content.decode()
    assert "Outpatient" in body
    assert "Redacted case write-up" in body and "Draft" in body and "Not started" in body
    assert "0 of 7 recommended artifacts complete" in body
    for row in ["Time management", "Documentation", "Plan of care", "Patient education", "Assessment"]:
        assert row in body
    assert 'class="coverage-matrix' in body or "coverage-matrix" in body


def test_the_portfolio_page_lists_recommended_and_addable_kinds(candidate_client, portfolio):
    body = candidate_client.get(portfolio.get_absolute_url()).content.decode()
    assert "Handoff communication template" in body
    assert "Add another kind of artifact" in body
    assert "Conflict story" in body  # not recommended for outpatient, so addable


def test_changing_track_from_the_portfolio_page(candidate_client, portfolio):
    response = candidate_client.post(
        reverse("portfolios:portfolio_track", args=[portfolio.pk]), {"track": "pediatrics"}, follow=True
    )
    portfolio.refresh_from_db()
    assert portfolio.track == "pediatrics"
    assert "now targets Pediatrics/specialty" in response.content.decode()


def test_changing_to_an_unknown_track_changes_nothing(candidate_client, portfolio):
    response = candidate_client.post(
        reverse("portfolios:portfolio_track", args=[portfolio.pk]), {"track": "mars"}, follow=True
    )
    portfolio.refresh_from_db()
    assert portfolio.track == "outpatient"
    assert "Choose one of the listed tracks." in response.content.decode()
