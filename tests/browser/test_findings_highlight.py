"""A finding's link selects the offending passage inside the editor's field."""

import pytest
from playwright.sync_api import Page, expect

from portfolios import services
from tests.browser.conftest import log_in
from tests.conftest import save

TEXT = "Outpatient hand clinic. Mrs. Alvarez, 67, was first seen on 03/14/2025."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_clicking_a_phi_finding_selects_the_name_in_the_field(live_server, candidate, page: Page):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    save(portfolio, "case_writeup", {"context": TEXT})
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/artifacts/case_writeup/")
    finding = page.locator(".finding", has=page.locator("code", has_text="phi.name"))
    finding.locator(".finding-link").click()
    field = page.locator("#id_context")
    expect(field).to_be_focused()
    selected = field.evaluate("el => el.value.slice(el.selectionStart, el.selectionEnd)")
    assert selected == "Mrs. Alvarez"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_typing_updates_the_findings_without_saving(live_server, candidate, page: Page):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/artifacts/case_writeup/")
    page.get_by_label("Context (redacted)", exact=True).fill(TEXT)
    expect(page.locator("#findings-panel")).to_contain_text("unsaved text")
    expect(page.locator("#findings-panel mark", has_text="Mrs. Alvarez")).to_be_visible()
    assert not portfolio.artifacts.exists()
