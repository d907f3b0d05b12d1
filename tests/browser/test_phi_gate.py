"""The PHI gate as people meet it: a mentor reads an identifier masked; a profile headline pauses sharing."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from portfolios import services
from portfolios.models import Portfolio, ShareLink, User
from tests.browser.conftest import log_in
from tests.browser.test_mentor_review import CASE
from tests.conftest import save

LEAKY_CASE = {
    **CASE,
    "context": "Mrs. Alvarez, 72, outpatient hand clinic after a distal radius fracture, seen 03/14/2025.",
}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_mentor_sees_a_flagged_passage_masked_with_the_finding(live_server, candidate, page: Page, fresh_page: Page):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    save(portfolio, "case_writeup", LEAKY_CASE, status="complete")

    # The candidate is warned before inviting, and invites anyway with a clean note.
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/mentors/")
    expect(page.get_by_text("Patient identifiers remain in 1 artifact.")).to_be_visible()
    mail.outbox.clear()
    page.get_by_label("Mentor's email").fill("dr.kim@example.com")
    page.get_by_label("Personal note (optional)").fill("Could you look at my plan of care first?")
    page.get_by_role("button", name="Send invite").click()
    expect(page.get_by_role("status").first).to_contain_text("Invite sent to dr.kim@example.com.")
    invite_url = re.search(rf"{re.escape(live_server.url)}/invites/[^/\s]+/", mail.outbox[0].body).group(0)

    # The mentor reads the write-up: the name and the date are hidden, the finding says why.
    mentor = fresh_page
    mentor.goto(invite_url)
    mentor.get_by_label("Your name as the candidate will see it").fill("Dr. Kim, OTD")
    mentor.get_by_role("button", name="Start reviewing").click()
    mentor.get_by_role("link", name="Redacted case write-up").click()
    context = mentor.locator(".section-text[data-section=context]")
    expect(context).to_contain_text("[identifier hidden: name], 72, outpatient hand clinic")
    expect(context).to_contain_text("seen [identifier hidden: date].")
    expect(mentor.locator("body")).not_to_contain_text("Alvarez")
    expect(mentor.locator("body")).not_to_contain_text("03/14/2025")
    note = mentor.get_by_role("note").first
    expect(note).to_contain_text("2 passages hidden")
    expect(note).to_contain_text("phi.name")

    # The candidate replaces every identifier in one go; the mentor now reads the whole text.
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/artifacts/case_writeup/")
    page.get_by_role("button", name="Replace all identifiers").click()
    expect(page.get_by_role("status").first).to_contain_text("Replaced 2 identifiers with placeholders")
    mentor.reload()
    expect(mentor.locator(".section-text[data-section=context]")).to_contain_text(
        "The client, 72, outpatient hand clinic after a distal radius fracture, seen [date]."
    )
    expect(mentor.locator("body")).not_to_contain_text("identifier hidden")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_profile_headline_with_an_identifier_pauses_sharing_and_says_how_to_fix_it(
    live_server, candidate, page: Page, fresh_page: Page
):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    save(portfolio, "case_writeup", CASE, status="complete")
    token = services.share_link_create(portfolio=portfolio, label="Acme Rehab", expires_in_days=30).token
    recruiter = fresh_page
    recruiter.goto(f"{live_server.url}/s/{token}/")
    expect(recruiter.get_by_role("heading", name=re.compile("Casey Candidate"))).to_be_visible()

    # The profile form refuses a headline with a client's name in it, and keeps what was typed.
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/accounts/profile/")
    page.get_by_label("Headline").fill("Helped Maria Gonzalez walk again")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Headline: “Maria Gonzalez” looks like a patient identifier (name).")).to_be_visible()
    expect(page.get_by_label("Headline")).to_have_value("Helped Maria Gonzalez walk again")

    # A headline saved before the gate existed (an old row) pauses sharing until it is fixed.
    User.objects.filter(pk=candidate.pk).update(headline="OT since 01/05/2019")
    Portfolio.objects.filter(pk=portfolio.pk).update(content_version=portfolio.content_version + 100)
    recruiter.reload()
    expect(recruiter.get_by_role("heading", name="This portfolio is temporarily unavailable")).to_be_visible()

    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/share/")
    blocked = page.get_by_role("alert").filter(has_text="Sharing is paused")
    expect(blocked).to_contain_text("your name or headline holds a patient identifier")
    expect(blocked).to_contain_text("Profile headline: “01/05/2019” looks like a patient identifier (date).")
    expect(blocked).to_contain_text("Keep the year only")
    expect(page.get_by_role("button", name="Create link")).to_be_disabled()

    # The candidate follows the link, fixes the headline, and the recruiter's link works again.
    blocked.get_by_role("link", name="your profile").click()
    page.get_by_label("Headline").fill("Outpatient OT since 2019")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status").first).to_contain_text("Profile saved.")
    recruiter.reload()
    expect(recruiter.get_by_text("Outpatient OT since 2019")).to_be_visible()
    assert ShareLink.objects.count() == 1
