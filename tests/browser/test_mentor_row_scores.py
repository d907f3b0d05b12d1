"""Mentor review by rubric row, end to end: findings beside the text, scores with reasons, the safety gate."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from portfolios import services
from portfolios.models import ReviewScore, Verdict
from tests.browser.conftest import log_in
from tests.browser.test_mentor_review import CASE
from tests.conftest import save

MENTOR_NAME = "Dr. Kim, OTD"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_mentor_scores_rows_is_held_to_the_safety_gate_and_the_candidate_compares(
    live_server, candidate, page: Page, fresh_page: Page
):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    artifact = save(portfolio, "case_writeup", CASE, status="complete")
    checker = artifact.check_result["rows"]
    services.review_scores_give(
        artifact=artifact,
        reviewer=services.Reviewer(name=str(candidate), user=candidate),
        scores={"assessment": services.ScoreInput(4, "I name the constraint and a baseline.")},
        expected_version=artifact.version,
    )
    created = services.mentor_invite_create(portfolio=portfolio, email="dr.kim@example.com", invite_url_for=str)

    # The mentor opens the invite and the case write-up: the checker's rows and findings are there.
    mentor = fresh_page
    mentor.goto(f"{live_server.url}/invites/{created.token}/")
    mentor.get_by_label("Your name as the candidate will see it").fill(MENTOR_NAME)
    mentor.get_by_role("button", name="Start reviewing").click()
    mentor.get_by_role("link", name="Redacted case write-up").click()
    rows = mentor.get_by_role("region", name="Rubric rows: checker, self and mentors")
    assessment = rows.locator("#row-assessment")
    expect(assessment).to_contain_text("Safety-bearing")
    expect(assessment.locator(".score-checker")).to_contain_text(
        f"{checker['assessment']['score']} · {checker['assessment']['label']}"
    )
    expect(assessment.locator(".score-checker")).to_contain_text(checker["assessment"]["reasons"][0][:20])
    if artifact.check_result["findings"]:
        expect(rows.locator(".finding").first).to_be_visible()
    expect(mentor.get_by_role("region", name="Plan and reasoning").get_by_label("Comment", exact=True)).to_be_visible()

    # Scores with reasons, assessment at 2; plan of care two points off the checker.
    far = 0 if checker["plan_of_care"]["score"] >= 2 else 4
    rows.locator("#score-assessment").select_option("2")
    rows.locator("#reason-assessment").fill("The barrier to dressing is not named.")
    rows.locator("#score-documentation").select_option("3")
    rows.locator("#reason-documentation").fill("Same-day notes with assist levels.")
    rows.locator("#score-plan_of_care").select_option(str(far))
    rows.locator("#reason-plan_of_care").fill("Progression is not written down.")
    rows.get_by_role("button", name=re.compile(r"^Save my scores")).click()
    expect(mentor.get_by_role("status")).to_contain_text("Scores recorded for version 1 (3 rows).")

    # "Looks ready" with a safety row at 2 is refused, with the reason.
    verdicts = mentor.get_by_role("region", name="Verdicts")
    verdicts.get_by_label("Looks ready").check()
    verdicts.get_by_role("button", name="Give verdict").click()
    expect(mentor.get_by_role("status")).to_contain_text("you scored Assessment 2 (Developing)")
    assert not Verdict.objects.exists()

    # The mentor rereads, raises assessment to 3 with a new reason, and the verdict goes through.
    rows.locator("#score-assessment").select_option("3")
    rows.locator("#reason-assessment").fill("The baseline and the real constraint are both there.")
    rows.get_by_role("button", name=re.compile(r"^Save my scores")).click()
    expect(mentor.get_by_role("status")).to_contain_text("Scores recorded")
    verdicts.get_by_label("Looks ready").check()
    verdicts.get_by_role("button", name="Give verdict").click()
    expect(mentor.get_by_role("status")).to_contain_text("Verdict “Looks ready” recorded for version 1.")

    # The candidate sees self, mentor and checker side by side, the disagreement highlighted.
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/review/{portfolio.pk}/case_writeup/")
    compared = page.get_by_role("region", name="Rubric rows: checker, self and mentors")
    row = compared.locator("#row-assessment")
    expect(row.locator(".score-self")).to_contain_text("4 · Strong")
    expect(row.locator(".score-self")).to_contain_text("I name the constraint and a baseline.")
    expect(row.locator(".score-mentor")).to_contain_text(f"{MENTOR_NAME} 3 · Proficient")
    expect(row.locator(".score-checker")).to_contain_text(checker["assessment"]["label"])
    plan = compared.locator("#row-plan_of_care")
    expect(plan).to_have_class(re.compile(r"row-disagreement"))
    expect(plan.get_by_text("Disagreement", exact=True)).to_be_visible()
    assert ReviewScore.objects.filter(invite__isnull=False).count() == 3
