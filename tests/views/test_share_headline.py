"""Each share page shows its own portfolio's headline, and the profile headline only where a portfolio has none."""

from django.urls import reverse

from portfolios import services
from tests.conftest import save
from tests.views.test_share import HANDOFF


def shared(portfolio) -> str:
    save(portfolio, "handoff_template", HANDOFF, status="complete")
    return services.share_link_create(portfolio=portfolio, label="Acme", expires_in_days=7).token


def test_a_portfolio_headline_wins_and_the_profile_headline_fills_in(candidate, anonymous_client):
    services.profile_update(user=candidate, display_name="Casey Candidate", headline="OT across settings")
    outpatient = services.portfolio_create(owner=candidate, track="outpatient")
    acute = services.portfolio_create(owner=candidate, track="acute")
    services.portfolio_headline_update(portfolio=acute, headline="Acute-care OT: safe early mobility")
    outpatient_page = anonymous_client.get(reverse("portfolios:share_page", args=[shared(outpatient)])).content.decode()
    acute_page = anonymous_client.get(reverse("portfolios:share_page", args=[shared(acute)])).content.decode()
    assert "OT across settings" in outpatient_page and "Acute-care OT" not in outpatient_page
    assert "Acute-care OT: safe early mobility" in acute_page and "OT across settings" not in acute_page
