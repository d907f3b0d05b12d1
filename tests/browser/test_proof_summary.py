"""The proof summary in a browser: its character count and the live hints under it (no inline script)."""

import pytest
from playwright.sync_api import Page, expect

from portfolios import services
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_summary_counts_its_characters_and_hints_live_what_it_lacks(live_server, candidate, page: Page):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/artifacts/case_writeup/")
    field = page.get_by_label("Proof summary (one line for recruiters)")
    field.fill("Grip from 8 to 22 lb.")
    expect(page.locator("#summary-count")).to_have_text("21 of 200 characters")
    expect(page.locator("#summary-hints")).to_contain_text("Name the situation you achieved it under")
    field.fill("Grip from 8 to 22 lb in 30-minute visits.")
    expect(page.locator("#summary-hints li")).to_have_count(0)
    field.fill("a" * 205)
    expect(page.locator("#summary-count")).to_have_text("205 of 200 characters: 5 too many")
