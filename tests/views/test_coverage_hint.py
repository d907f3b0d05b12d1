from django.urls import reverse

from portfolios import services
from tests.views.test_share_headline import shared


def test_a_row_with_no_evidence_names_the_smallest_artifact_that_would_prove_it(candidate_client, portfolio):
    body = candidate_client.get(portfolio.get_absolute_url()).content.decode()
    assert "Smallest proof:" in body
    assert 'Smallest proof: <span class="fw-semibold">Patient education script</span>' in body


def test_the_dashboard_card_carries_the_same_hint(candidate_client, portfolio):
    body = candidate_client.get(reverse("portfolios:dashboard")).content.decode()
    assert "Smallest proof:" in body


def test_acute_care_points_patient_education_at_the_education_script(candidate_client, candidate):
    acute = services.portfolio_create(owner=candidate, track="acute")
    body = candidate_client.get(acute.get_absolute_url()).content.decode()
    assert 'Smallest proof: <span class="fw-semibold">Patient education script</span>' in body


def test_recruiters_see_no_hints(anonymous_client, portfolio):
    token = shared(portfolio)
    body = anonymous_client.get(reverse("portfolios:share_page", args=[token])).content.decode()
    assert "Smallest proof:" not in body
