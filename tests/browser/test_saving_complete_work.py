"""A candidate edits a complete, shared artifact: it stays complete and the recruiter reads the new text."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from portfolios import services
from portfolios.models import Artifact
from tests.browser.conftest import log_in
from tests.browser.test_share_links import HANDOFF
from tests.conftest import save

NEW_ACTIONS = "OT to re-check orthostatic BP before next session, by 15:00, and log it in the chart."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_saving_a_shared_complete_artifact_keeps_it_on_the_link(live_server, candidate, page: Page, fresh_page: Page):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    save(portfolio, "handoff_template", HANDOFF, status="complete")
    token = services.share_link_create(portfolio=portfolio, label="Acme recruiter", expires_in_days=30).token

    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/artifacts/handoff_template/")
    expect(page.get_by_text("Shown on 1 live link: Acme recruiter.")).to_be_visible()
    expect(page.get_by_role("button", name="Mark complete")).to_have_count(0)
    page.get_by_label("Action list: owner and time", exact=True).fill(NEW_ACTIONS)
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status")).to_contain_text("It is still complete: live links show the new text.")
    assert Artifact.objects.get().status == Artifact.Status.COMPLETE

    fresh_page.goto(f"{live_server.url}/s/{token}/")
    expect(fresh_page.get_by_text(NEW_ACTIONS)).to_be_visible()

    page.get_by_role("button", name="Move back to draft").click()
    expect(page.get_by_role("status")).to_contain_text("moved back to draft")
    fresh_page.reload()
    expect(fresh_page.get_by_text(NEW_ACTIONS)).to_have_count(0)
