"""axe-core on the main screens: no "serious" or "critical" accessibility violation anywhere.

axe.min.js ships with axe-playwright-python (nothing is downloaded). It is injected through the
DevTools protocol, so the site's strict Content-Security-Policy does not get in its way.
Moderate and minor findings are printed (run with -s to see them) but do not fail the test.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from portfolios import services
from portfolios.models import Artifact, MentorInvite
from tests.browser.conftest import log_in
from tests.conftest import save

FAILING_IMPACTS = {"serious", "critical"}
MENTOR_NAME = "Dr. Kim, OTD"

CASE_WITH_PHI = {
    "context": "Mrs. Alvarez was seen on 03/14/2025 in an outpatient hand clinic after a distal radius fracture.",
    "assessment": "PLOF independent in all ADLs. Baseline: Mod A for LB dressing due to limited wrist extension.",
    "plan": "Chose seated dressing practice with a reacher over standing practice because of fall risk.",
}
CASE_V1 = {
    "context": "Client A, 72, outpatient hand clinic after a distal radius fracture; 30-minute visits, 2x/week.",
    "assessment": "PLOF independent in all ADLs. Baseline: Mod A for LB dressing due to limited wrist extension.",
    "plan": "Chose seated dressing practice with a reacher over standing practice because of fall risk.",
    "documentation": "Documented each visit the same day with assist levels and cues.",
    "follow_up": "Reassessed at week 4: LB dressing from Mod A to modified independent.",
    "handoffs": "Handed off to the home program with a written plan; escalated a new numbness report to the surgeon.",
}
CASE_V2 = {**CASE_V1, "plan": CASE_V1["plan"].replace("a reacher", "a sock aid")}
HANDOFF = {
    "framework": "I-PASS, used at every OT-to-OT handoff at end of shift and on unit transfer.",
    "required_items": "Illness severity (stable / watcher / unstable)\nPrecautions\nCurrent assist level\nDME\nCognition",
    "optional_items": "Social context and preferences when they change the plan.",
    "actions": "OT to re-check orthostatic BP before next session, by 14:00.",
    "contingencies": "If SpO2 drops below 90% during activity, then stop and notify RN.",
    "escalation": "Concerned, uncomfortable, safety issue: notify the RN, then the charge nurse within 15 minutes.",
    "read_back": "The receiver restates the action list with owners and times before the sender leaves.",
}

_axe = Axe()


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}  [{violation['helpUrl']}]")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    {target}: {node.get('failureSummary', '').replace(chr(10), ' ')}")
    return "\n".join(lines)


def audit(page: Page, name: str, found: dict[str, str]) -> None:
    """Run axe on the page as it is now; note serious and critical violations under `name`."""
    page.wait_for_load_state("load")
    violations = _axe.run(page).response["violations"]
    failing = [violation for violation in violations if violation["impact"] in FAILING_IMPACTS]
    others = [violation for violation in violations if violation["impact"] not in FAILING_IMPACTS]
    if others:
        print(f"\n{name} ({page.url}): lesser axe findings, not failing:\n{_report(others)}")
    if failing:
        report = _report(failing)
        print(f"\n{name} ({page.url}): serious/critical axe violations:\n{report}")
        found[f"{name} ({page.url})"] = report


def assert_clean(found: dict[str, str]) -> None:
    assert not found, "Serious or critical accessibility violations:\n" + "\n".join(
        f"{page}:\n{report}" for page, report in found.items()
    )


@pytest.fixture
def other_browser(fresh_page: Page) -> Page:
    """A page in its own browser context, signed out."""
    return fresh_page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_landing_login_and_example_pages_have_no_serious_violations(live_server, page: Page):
    found: dict[str, str] = {}
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Stop listing claims. Bring proof.")).to_be_visible()
    audit(page, "landing", found)
    page.goto(live_server.url + "/accounts/login/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    audit(page, "login", found)
    page.goto(live_server.url + "/examples/case_writeup/")
    expect(page.get_by_role("heading", name="Redacted case write-up: a strong example")).to_be_visible()
    audit(page, "strong example", found)
    assert_clean(found)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_candidate_pages_have_no_serious_violations(live_server, candidate, page: Page):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    case = save(portfolio, "case_writeup", CASE_WITH_PHI)
    assert case.phi_error_count > 0, case.check_result
    save(portfolio, "handoff_template", HANDOFF, status="complete")
    save(portfolio, "handoff_template", {**HANDOFF, "optional_items": "Social context and goals."}, status="complete")
    base = f"{live_server.url}/portfolios/{portfolio.pk}"
    found: dict[str, str] = {}

    log_in(page, live_server.url, candidate.email)
    expect(page.get_by_role("link", name="Redacted case write-up")).to_be_visible()
    expect(page.get_by_role("table")).to_be_visible()  # the coverage matrix
    audit(page, "dashboard", found)

    page.goto(f"{base}/")
    expect(page.get_by_role("heading", name="Outpatient portfolio")).to_be_visible()
    audit(page, "portfolio", found)

    # The editor with patient-identifier findings, each with its "Replace with placeholder" button.
    page.goto(f"{base}/artifacts/case_writeup/")
    expect(page.get_by_label("Context (redacted)", exact=True)).to_have_value(CASE_WITH_PHI["context"])
    expect(page.get_by_role("button", name="Replace with placeholder").first).to_be_visible()
    audit(page, "editor with findings", found)

    # History with two revisions and the diff between them.
    page.goto(f"{base}/artifacts/handoff_template/history/")
    expect(page.get_by_role("table").locator("tbody tr")).to_have_count(2)
    expect(page.get_by_role("region", name="Changes from revision 1 to revision 2")).to_be_visible()
    audit(page, "history with diff", found)

    page.goto(f"{base}/share/")
    expect(page.get_by_role("heading", name="Share with recruiters", exact=True)).to_be_visible()
    audit(page, "share settings", found)

    page.goto(f"{base}/mentors/")
    expect(page.get_by_role("heading", name="Mentors", exact=True)).to_be_visible()
    audit(page, "mentors", found)

    assert_clean(found)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_share_page_has_no_serious_violations(live_server, candidate, other_browser: Page):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    save(portfolio, "handoff_template", HANDOFF, status="complete")
    save(portfolio, "case_writeup", CASE_V1, status="complete")
    complete = Artifact.objects.filter(portfolio=portfolio, status=Artifact.Status.COMPLETE)
    assert complete.count() == 2
    assert all(artifact.phi_error_count == 0 for artifact in complete), [a.check_result for a in complete]
    link = services.share_link_create(portfolio=portfolio, label="Acme Rehab", expires_in_days=30)
    found: dict[str, str] = {}

    response = other_browser.goto(f"{live_server.url}/s/{link.token}/")
    assert response is not None
    assert response.status == 200
    expect(other_browser.get_by_role("heading", level=1)).to_have_text("Casey Candidate")
    expect(other_browser.get_by_role("article", name="Redacted case write-up")).to_be_visible()
    audit(other_browser, "share page", found)
    assert_clean(found)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_mentor_review_page_with_threads_has_no_serious_violations(
    live_server, candidate, page: Page, other_browser: Page
):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    artifact = save(portfolio, "case_writeup", CASE_V1, status="complete")
    created = services.mentor_invite_create(
        portfolio=portfolio,
        email="dr.kim@example.com",
        invite_url_for=lambda token: f"{live_server.url}/invites/{token}/",
    )
    found: dict[str, str] = {}

    # The mentor accepts the invite in their own browser, without an account.
    mentor = other_browser
    mentor.goto(f"{live_server.url}/invites/{created.token}/")
    expect(mentor.get_by_role("heading", name="Casey Candidate asked for your review")).to_be_visible()
    audit(mentor, "invite accept", found)
    mentor.get_by_label("Your name as the candidate will see it").fill(MENTOR_NAME)
    mentor.get_by_role("button", name="Start reviewing").click()
    expect(mentor.get_by_role("heading", name="Reviewing Casey Candidate's portfolio")).to_be_visible()
    audit(mentor, "mentor's portfolio review", found)

    # Threads: one open with a reply, one that the next save makes outdated, one resolved; a verdict.
    invite = MentorInvite.objects.get(pk=created.invite.pk)
    as_mentor = services.Reviewer(name=MENTOR_NAME, invite=invite)
    as_candidate = services.Reviewer(name="Casey Candidate", user=candidate)
    open_thread = services.comment_start(
        artifact=artifact, reviewer=as_mentor, section="assessment", body="Add the **grip** numbers.", quote="Mod A"
    )
    services.comment_reply(thread=open_thread, reviewer=as_candidate, body="Grip was 8 kg vs 24 kg; adding it.")
    services.comment_start(
        artifact=artifact, reviewer=as_mentor, section="plan", body="Why a reacher?", quote="with a reacher"
    )
    resolved = services.comment_start(artifact=artifact, reviewer=as_mentor, section="context", body="Clear `context`.")
    services.comment_resolve(thread=resolved, reviewer=as_candidate)
    services.verdict_give(
        artifact=artifact,
        reviewer=as_mentor,
        call="needs_work",
        note="Answer the *reacher* question.",
        expected_version=1,
    )
    artifact = save(portfolio, "case_writeup", CASE_V2, status="complete")
    assert artifact.version == 2
    review_url = f"{live_server.url}/review/{portfolio.pk}/case_writeup/"

    mentor.goto(review_url)
    expect(mentor.get_by_text("Outdated: the section changed since this comment")).to_be_visible()
    expect(mentor.get_by_role("article", name=f"Thread by {MENTOR_NAME}")).to_have_count(3)
    expect(mentor.get_by_role("group", name="Your verdict on version 2")).to_be_visible()
    audit(mentor, "mentor review page", found)
    mentor.get_by_text("What changed in this section since").click()
    expect(mentor.locator(".thread .diff-text")).to_be_visible()
    audit(mentor, "mentor review page, details open", found)

    # The candidate's view of the same page, and their notifications.
    log_in(page, live_server.url, candidate.email)
    page.goto(review_url)
    expect(page.get_by_text("Outdated: the section changed since this comment")).to_be_visible()
    audit(page, "candidate's review page", found)
    page.goto(f"{live_server.url}/notifications/")
    expect(page.get_by_role("heading", name="Notifications")).to_be_visible()
    audit(page, "notifications", found)

    assert_clean(found)
