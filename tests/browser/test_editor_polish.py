"""Editor polish in a browser: text boxes grow as you type, check ids open from a details toggle."""

import pytest
from playwright.sync_api import Page, expect

from portfolios import services
from tests.browser.conftest import log_in
from tests.conftest import save

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_section_box_grows_with_its_text(live_server, candidate, page: Page):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/artifacts/case_writeup/")
    box = page.get_by_label("Assessment", exact=True)
    before = box.bounding_box()["height"]
    box.fill("\n".join(f"Line {number} of the assessment." for number in range(20)))
    after = box.bounding_box()["height"]
    assert after > before * 2
    assert box.evaluate("el => el.scrollHeight <= el.clientHeight + 2")


def test_the_check_id_is_hidden_until_details_is_opened(live_server, candidate, page: Page):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    save(
        portfolio,
        "case_writeup",
        {"context": "Outpatient hand clinic. Mrs. Alvarez, 67, was first seen on 03/14/2025."},
    )
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/artifacts/case_writeup/")
    finding = page.locator(".finding", has=page.locator("code", has_text="phi.name"))
    check_id = finding.locator("code", has_text="phi.name")
    expect(check_id).to_be_hidden()
    finding.get_by_text("Details").click()
    expect(check_id).to_be_visible()


def test_a_required_section_shows_and_announces_required(live_server, candidate, page: Page):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/artifacts/case_writeup/")
    tag = page.evaluate("getComputedStyle(document.querySelector('label[for=id_context]'), '::after').content")
    assert tag == '"required"'
    optional = page.evaluate("getComputedStyle(document.querySelector('label[for=id_reflection]'), '::after').content")
    assert optional == "none"
    description = page.get_by_label("Context (redacted)", exact=True).get_attribute("aria-describedby")
    assert description.split()[0] == "required-note"
    expect(page.locator("#required-note")).to_contain_text("must be filled in before you mark this artifact complete")
