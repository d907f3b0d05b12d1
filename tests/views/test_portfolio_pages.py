from django.urls import reverse

from portfolios import services
from portfolios.kinds import get_kind
from portfolios.models import Artifact, Portfolio
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


def dashboard(client) -> str:
    response = client.get(reverse("portfolios:dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_cached_dashboard_is_never_stale(candidate_client, portfolio):
    assert "Not started" in dashboard(candidate_client)  # cards are cached from here on
    save(portfolio, "case_writeup", {"context": "Client A, seen twice weekly."})
    assert "0 of 7 recommended artifacts complete" in dashboard(candidate_client)
    assert "status-draft" in dashboard(candidate_client)
    every_section = {key: f"Written {key} for client A." for key in get_kind("case_writeup").section_keys}
    save(portfolio, "case_writeup", every_section, status="complete")
    assert "1 of 7 recommended artifacts complete" in dashboard(candidate_client)
    services.portfolio_change_track(portfolio=portfolio, track="home_health")
    body = dashboard(candidate_client)
    assert "Home health" in body and "Outpatient" not in body


def test_a_rubric_upgrade_reaches_the_cached_dashboard(candidate_client, portfolio):
    artifact = save(portfolio, "case_writeup", {"context": "Client A, seen twice weekly."})
    truth = artifact.check_result
    doctored = {**truth, "rows": {key: {**row, "score": 4} for key, row in truth["rows"].items()}}
    Artifact.objects.filter(pk=artifact.pk).update(check_result=doctored)  # a result from an older rubric
    assert "4/4" in dashboard(candidate_client)
    assert services.artifacts_recheck() == 1
    assert "4/4" not in dashboard(candidate_client)


def test_dashboard_cards_belong_to_their_owner(candidate_client, portfolio, stranger, stranger_client):
    theirs = services.portfolio_create(owner=stranger, track="pediatrics")
    save(theirs, "case_writeup", {"context": "Their client."})
    other_client = stranger_client
    assert "Pediatrics" in dashboard(other_client) and "Outpatient" not in dashboard(other_client)
    assert "Outpatient" in dashboard(candidate_client) and "Pediatrics" not in dashboard(candidate_client)


def test_a_new_or_imported_portfolio_appears_on_a_cached_dashboard(candidate_client, candidate, portfolio):
    assert "Pediatrics" not in dashboard(candidate_client)
    services.portfolio_create(owner=candidate, track="pediatrics")
    assert "Pediatrics/specialty" in dashboard(candidate_client)
    exported = services.account_export(user=candidate)
    home_health = {**exported["portfolios"][0], "track": "home_health"}
    services.portfolio_import(user=candidate, data={**exported, "portfolios": [home_health]})
    assert "Home health" in dashboard(candidate_client)
