"""A candidate opens the strong example from the editor: a new tab, read-only, scored at the top."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from portfolios import services
from tests.browser.conftest import log_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_editors_example_link_opens_the_example_beside_the_unsaved_text(live_server, candidate, page: Page):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/artifacts/education_script/")
    page.get_by_label("Main message", exact=False).first.fill("Move your fingers every hour.")

    with page.expect_popup() as opened:
        page.get_by_role("link", name="See a strong example").click()
    example = opened.value
    expect(example.get_by_role("heading", level=1)).to_have_text("Patient education script: a strong example")
    expect(example.get_by_text("Written for OT Portfolio as an example.")).to_be_visible()
    expect(example.get_by_text("4/4 · Strong")).to_have_count(2)
    expect(example.get_by_role("textbox")).to_have_count(0)  # read-only

    # The editor keeps what was typed.
    expect(page.get_by_label("Main message", exact=False).first).to_have_value("Move your fingers every hour.")
