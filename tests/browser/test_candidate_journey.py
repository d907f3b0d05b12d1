"""A new candidate's first session, done the way a person does it: by labels, roles and text."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from portfolios.models import Artifact, Portfolio, Revision, User
from tests.conftest import PASSWORD

EMAIL = "riley.new@example.com"

FIRST_DRAFT = {
    "Context (redacted)": "Client A, 72, outpatient hand clinic after a distal radius fracture; 30-minute visits.",
    "Assessment": "PLOF independent in all ADLs. Baseline: Mod A for LB dressing due to limited wrist extension.",
    "Plan and reasoning": "Chose seated dressing practice with a reacher over standing practice because of fall risk.",
}
PLAN_V1 = FIRST_DRAFT["Plan and reasoning"]
PLAN_V2 = "Chose seated dressing practice with a sock aid over standing practice because of fall risk."


def _main_nav(page: Page):
    return page.get_by_role("navigation", name="Main")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_sign_up_write_a_case_revise_it_and_restore_the_first_revision(live_server, page: Page):
    # Sign up: email and the password twice.
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Create your portfolio").click()
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    page.get_by_label("Email address").fill(EMAIL)
    # crispy-forms appends "*" to required labels, so "Password" alone would also match the confirmation.
    page.get_by_label(re.compile(r"^\s*Password\*?\s*$")).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    # Create a portfolio by picking a setting.
    expect(page.get_by_role("heading", name="Start a portfolio")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Welcome!")
    page.get_by_label("Outpatient", exact=True).check()
    page.get_by_role("button", name="Create portfolio").click()
    expect(page.get_by_role("heading", name="Outpatient portfolio")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Outpatient portfolio created.")

    # Open the case write-up and fill a few sections.
    page.get_by_role("link", name="Redacted case write-up").click()
    expect(page.get_by_role("heading", name="Redacted case write-up", exact=True)).to_be_visible()
    for label, text in FIRST_DRAFT.items():
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("status")).to_contain_text("Redacted case write-up saved as a draft (revision 1).")
    for label, text in FIRST_DRAFT.items():
        expect(page.get_by_label(label, exact=True)).to_have_value(text)

    # The dashboard lists it as a draft.
    _main_nav(page).get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="Your portfolios")).to_be_visible()
    case_item = page.get_by_role("listitem").filter(has=page.get_by_role("link", name="Redacted case write-up"))
    expect(case_item).to_have_count(1)
    expect(case_item).to_contain_text("Draft")

    # Open it again, change one section, save.
    case_item.get_by_role("link", name="Redacted case write-up").click()
    plan = page.get_by_label("Plan and reasoning", exact=True)
    expect(plan).to_have_value(PLAN_V1)
    plan.fill(PLAN_V2)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("status")).to_contain_text("saved as a draft (revision 2).")

    # History: two revisions, and a word diff of the change.
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name="History of redacted case write-up")).to_be_visible()
    revisions = page.get_by_role("table")
    expect(revisions.locator("caption")).to_have_text("2 revisions, newest first")
    expect(revisions.locator("tbody tr")).to_have_count(2)
    diff = page.get_by_role("region", name="Changes from revision 1 to revision 2")
    expect(diff).to_be_visible()
    expect(diff.locator(".diff-text del")).to_have_text(["reacher "])
    expect(diff.locator(".diff-text ins")).to_have_text(["sock aid "])

    # Restore revision 1: it becomes revision 3 and the editor shows the original text.
    page.get_by_role("button", name="Restore revision 1").click()
    expect(page.get_by_role("status")).to_contain_text("Revision 1 restored as revision 3.")
    for label, text in FIRST_DRAFT.items():
        expect(page.get_by_label(label, exact=True)).to_have_value(text)
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("table").locator("caption")).to_have_text("3 revisions, newest first")
    expect(page.get_by_role("table").locator("tbody tr")).to_have_count(3)

    # And the database agrees.
    user = User.objects.get(email=EMAIL)
    portfolio = Portfolio.objects.get(owner=user)
    assert portfolio.track == "outpatient"
    artifact = Artifact.objects.get(portfolio=portfolio, kind="case_writeup")
    assert artifact.version == 3
    assert artifact.status == Artifact.Status.DRAFT
    assert artifact.fields["plan"] == PLAN_V1
    assert artifact.fields["context"] == FIRST_DRAFT["Context (redacted)"]
    revisions = {revision.number: revision for revision in Revision.objects.filter(artifact=artifact)}
    assert sorted(revisions) == [1, 2, 3]
    assert revisions[2].fields["plan"] == PLAN_V2
    assert revisions[3].fields == revisions[1].fields
    assert revisions[3].note == "Restored revision 1"
    assert {revision.author for revision in revisions.values()} == {user}
