"""Recruiter share links, end to end: the candidate makes one, a stranger's browser reads it, then it is revoked."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from portfolios import services, tokens
from portfolios.models import Artifact, ShareLink
from tests.browser.conftest import log_in
from tests.conftest import save

LABEL = "Acme Rehab — recruiter"

# Complete, and free of names, dates, phone numbers and places: the PHI gate lets it be shared.
HANDOFF = {
    "framework": "I-PASS, used at every OT-to-OT handoff at end of shift and on unit transfer.",
    "required_items": "Illness severity (stable / watcher / unstable)\nPrecautions\nCurrent assist level\nDME\nCognition",
    "optional_items": "Social context and preferences when they change the plan.",
    "actions": "OT to re-check orthostatic BP before next session, by 14:00.",
    "contingencies": "If SpO2 drops below 90% during activity, then stop and notify RN.",
    "escalation": "Concerned, uncomfortable, safety issue: notify the RN, then the charge nurse within 15 minutes.",
    "read_back": "The receiver restates the action list with owners and times before the sender leaves.",
}
LEAKY_ACTIONS = "Mrs. Alvarez: OT to re-check orthostatic BP before next session, by 14:00."


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def recruiter(fresh_page: Page) -> Page:
    """A page in its own browser context, signed out."""
    return fresh_page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_candidate_shares_a_link_a_recruiter_reads_it_and_the_candidate_revokes_it(
    live_server, candidate, page: Page, recruiter: Page
):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    artifact = save(portfolio, "handoff_template", HANDOFF, status="complete")
    assert artifact.status == Artifact.Status.COMPLETE
    assert artifact.phi_error_count == 0, artifact.check_result

    # The candidate makes a link from the portfolio page.
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/")
    page.get_by_role("link", name="Share with recruiters").click()
    expect(page.get_by_role("heading", name="Share with recruiters", exact=True)).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)  # nothing blocks sharing
    page.get_by_label("Label").fill(LABEL)
    page.get_by_label("Expires").select_option(label="In 7 days")
    page.get_by_role("button", name="Create link").click()
    # Two status regions now: the flash message, and the box holding the link.
    expect(page.locator(".messages[role=status]")).to_contain_text(f"Link “{LABEL}” created. Copy it now")
    new_link = page.get_by_label(re.compile(r"Your new link"))
    expect(new_link).to_have_value(re.compile(rf"^{re.escape(live_server.url)}/s/[^/]+/$"))
    share_url = new_link.input_value()

    link = ShareLink.objects.get(portfolio=portfolio)
    assert link.label == LABEL
    assert link.view_count == 0
    assert link.expires_at is not None
    assert 6 <= (link.expires_at - link.created_at).days <= 7
    token = share_url.rstrip("/").rsplit("/", 1)[-1]
    assert link.token_hash == tokens.hash_token(token) != token  # only a hash of the shown token is stored

    # A recruiter, in a browser that has never seen the site, opens it.
    requested: list[str] = []
    recruiter.on("request", lambda request: requested.append(request.url))
    response = recruiter.goto(share_url)
    assert response is not None
    assert response.status == 200
    headers = response.all_headers()
    assert headers["x-robots-tag"] == "noindex, nofollow"
    assert headers["referrer-policy"] == "no-referrer"
    assert "no-store" in headers["cache-control"]
    expect(recruiter.get_by_role("heading", level=1)).to_have_text("Casey Candidate")
    expect(recruiter.get_by_role("banner")).to_contain_text("Outpatient")
    brief = recruiter.get_by_role("region", name=re.compile(r"^The brief"))
    expect(brief.get_by_role("link", name="Handoff communication template")).to_be_visible()
    expect(brief).to_contain_text("Skills shown")
    shared = recruiter.get_by_role("article", name="Handoff communication template")
    expect(shared).to_contain_text(HANDOFF["framework"])
    expect(shared).to_contain_text(HANDOFF["contingencies"])
    # Nothing of the candidate's own tools leaks to the recruiter.
    expect(recruiter.get_by_role("link", name="Log out")).to_have_count(0)
    recruiter.wait_for_load_state("load")
    assert requested, "the share page made no request at all?"
    foreign = [url for url in requested if not url.startswith("data:") and _origin(url) != live_server.url]
    assert foreign == [], f"the share page contacted other origins: {foreign}"

    # Back in the candidate's tab: one view counted, then the link is revoked.
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/share/")
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=LABEL))
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell").nth(3)).to_have_text("1")  # Shows, Status, Expires, Views
    expect(row).to_contain_text("Active")
    row.get_by_role("button", name=f"Revoke {LABEL}").click()
    expect(page.get_by_role("status")).to_contain_text(f"Link “{LABEL}” revoked. It stopped working just now.")
    expect(row).to_contain_text("Revoked")
    expect(row.get_by_role("button")).to_have_count(0)

    # The recruiter's reload now gets the same friendly 404 as any unknown link.
    response = recruiter.reload()
    assert response is not None
    assert response.status == 404
    expect(recruiter.get_by_role("heading", name="This link has expired or was revoked")).to_be_visible()
    expect(recruiter.get_by_text(HANDOFF["framework"])).to_have_count(0)

    link.refresh_from_db()
    assert link.revoked_at is not None
    assert link.view_count == 1
    assert link.last_viewed_at is not None


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_patient_name_in_a_complete_artifact_pauses_sharing(live_server, candidate, page: Page, recruiter: Page):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    save(portfolio, "handoff_template", HANDOFF, status="complete")
    existing = services.share_link_create(portfolio=portfolio, label="Sent before the slip", expires_in_days=30)
    leaky = save(portfolio, "handoff_template", {**HANDOFF, "actions": LEAKY_ACTIONS}, status="complete")
    assert leaky.phi_error_count > 0, leaky.check_result

    # The candidate sees why, where, and cannot make a new link.
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/")
    page.get_by_role("link", name="Share with recruiters").click()
    paused = page.get_by_role("alert").filter(has_text="Sharing is paused")
    expect(paused).to_be_visible()
    expect(paused.get_by_role("heading")).to_have_text("Sharing is paused: patient identifiers found")
    expect(paused.get_by_role("link", name="Handoff communication template")).to_have_attribute(
        "href", f"/portfolios/{portfolio.pk}/artifacts/handoff_template/"
    )
    expect(paused).to_contain_text("Action list: owner and time")
    expect(paused.locator("mark")).to_have_text(["Mrs. Alvarez"])
    expect(page.get_by_role("button", name="Create link")).to_be_disabled()

    # The link made before the slip still exists, but shows nothing of the portfolio.
    response = recruiter.goto(f"{live_server.url}/s/{existing.token}/")
    assert response is not None
    assert response.status == 503
    headers = response.all_headers()
    assert headers["x-robots-tag"] == "noindex, nofollow"
    assert "no-store" in headers["cache-control"]
    expect(recruiter.get_by_role("heading", level=1)).to_have_text("This portfolio is temporarily unavailable")
    expect(recruiter.get_by_text("Mrs. Alvarez")).to_have_count(0)
    expect(recruiter.get_by_text(HANDOFF["framework"])).to_have_count(0)

    existing.link.refresh_from_db()
    assert existing.link.view_count == 0
    assert existing.link.revoked_at is None
    assert ShareLink.objects.filter(portfolio=portfolio).count() == 1
