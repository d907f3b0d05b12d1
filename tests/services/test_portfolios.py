import pytest
from django.core.exceptions import ValidationError

from portfolios import services
from portfolios.models import Portfolio
from tests.conftest import save


def test_a_candidate_gets_one_portfolio_per_track(candidate):
    services.portfolio_create(owner=candidate, track="outpatient")
    with pytest.raises(ValidationError) as error:
        services.portfolio_create(owner=candidate, track="outpatient")
    assert "already have" in error.value.message_dict["track"][0]
    assert Portfolio.objects.count() == 1


def test_an_unknown_track_is_refused(candidate):
    with pytest.raises(ValidationError):
        services.portfolio_create(owner=candidate, track="cardiology")
    assert not Portfolio.objects.exists()


def test_changing_track_keeps_artifacts_and_rechecks_them(portfolio):
    artifact = save(portfolio, "plan_of_care", {"frequency_duration": "2x/week for 8 weeks"})
    assert artifact.check_result["track"] == "outpatient"
    services.portfolio_change_track(portfolio=portfolio, track="home_health")
    artifact.refresh_from_db()
    assert portfolio.track == "home_health"
    assert artifact.check_result["track"] == "home_health"
    assert artifact.version == 1  # re-checking is not a new revision


def test_changing_to_a_track_already_taken_is_refused(candidate):
    outpatient = services.portfolio_create(owner=candidate, track="outpatient")
    services.portfolio_create(owner=candidate, track="acute")
    with pytest.raises(ValidationError):
        services.portfolio_change_track(portfolio=outpatient, track="acute")
    outpatient.refresh_from_db()
    assert outpatient.track == "outpatient"
