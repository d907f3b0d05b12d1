"""Mentor review, end to end: invite by email, comment on a selected passage, a verdict, an edit, resolve."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from portfolios import services
from portfolios.models import Comment, MentorInvite, Notification, Verdict
from tests.browser.conftest import log_in
from tests.conftest import save

MENTOR_EMAIL = "dr.kim@example.com"
MENTOR_NAME = "Dr. Kim, OTD"

CASE = {
    "context": "Client A, 72, outpatient hand clinic after a distal radius fracture; 30-minute visits, 2x/week.",
    "assessment": "PLOF independent in all ADLs. Baseline: Mod A for LB dressing due to limited wrist extension.",
    "plan": "Chose seated dressing practice with a reacher over standing practice because of fall risk.",
    "documentation": "Documented each visit the same day with assist levels and cues.",
    "follow_up": "Reassessed at week 4: LB dressing from Mod A to modified independent.",
    "handoffs": "Handed off to the home program with a written plan; escalated a new numbness report to the surgeon.",
}
PASSAGE = "seated dressing practice with a reacher"
COMMENT = "Why a reacher rather than a sock aid? Say what you **measured** to decide."
PLAN_V2 = "Chose seated dressing practice with a sock aid over standing practice because of fall risk."

# Select `text` inside a section's text block the way a mouse drag does, then release the mouse there.
SELECT_PASSAGE = """
(block, text) => {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const start = node.data.indexOf(text);
    if (start < 0) continue;
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + text.length);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    block.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
    return true;
  }
  return false;
}
"""


@pytest.fixture
def mentor(fresh_page: Page) -> Page:
    """A page in its own browser context, signed out."""
    return fresh_page


def _unread_badge(page: Page):
    return (
        page.get_by_role("navigation", name="Main")
        .get_by_role("link", name=re.compile(r"^Notifications"))
        .locator(".badge")
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_mentor_comments_on_a_passage_gives_a_verdict_and_the_candidate_revises_and_resolves(
    live_server, candidate, page: Page, mentor: Page
):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    artifact = save(portfolio, "case_writeup", CASE, status="complete")
    assert artifact.version == 1

    # The candidate invites a mentor by email.
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/")
    page.get_by_role("link", name="Mentors", exact=True).click()
    expect(page.get_by_role("heading", name="Mentors", exact=True)).to_be_visible()
    mail.outbox.clear()
    page.get_by_label("Mentor's email").fill(MENTOR_EMAIL)
    page.get_by_role("button", name="Send invite").click()
    expect(page.get_by_role("status")).to_contain_text(f"Invite sent to {MENTOR_EMAIL}.")
    invites = page.get_by_role("region", name="Invites")
    expect(invites.get_by_role("listitem")).to_have_count(1)
    expect(invites.get_by_role("listitem")).to_contain_text("Pending")

    # The mail went out when the invite was committed; it carries the personal link.
    assert len(mail.outbox) == 1
    invite_mail = mail.outbox[0]
    assert invite_mail.to == [MENTOR_EMAIL]
    assert "Casey Candidate invited you" in invite_mail.subject
    found = re.search(rf"{re.escape(live_server.url)}/invites/[^/\s]+/", invite_mail.body)
    assert found, invite_mail.body
    invite_url = found.group(0)

    # The mentor, without an account, accepts it under a display name.
    mentor.goto(invite_url)
    expect(mentor.get_by_role("heading", name="Casey Candidate asked for your review")).to_be_visible()
    mentor.get_by_label("Your name as the candidate will see it").fill(MENTOR_NAME)
    mentor.get_by_role("button", name="Start reviewing").click()
    expect(mentor.get_by_role("heading", name="Reviewing Casey Candidate's portfolio")).to_be_visible()
    expect(mentor.get_by_role("status")).to_contain_text(f"Welcome, {MENTOR_NAME}.")

    # The mentor opens the case write-up and selects a passage of the plan.
    mentor.get_by_role("link", name="Redacted case write-up").click()
    expect(mentor.get_by_role("heading", name="Redacted case write-up", level=1)).to_be_visible()
    mentor.wait_for_load_state("load")  # quote-comment.js is deferred
    plan = mentor.get_by_role("region", name="Plan and reasoning")
    quote = plan.get_by_label(re.compile(r"^Passage you are commenting on"))
    expect(quote).to_be_visible()  # the comment box is open on every section, never folded
    plan_text = plan.locator(".section-text[data-section=plan]")
    expect(plan_text).to_have_text(CASE["plan"])
    assert plan_text.evaluate(SELECT_PASSAGE, PASSAGE) is True
    expect(quote).to_be_visible()
    expect(quote).to_have_value(PASSAGE)
    plan.get_by_label("Comment", exact=True).fill(COMMENT)
    plan.get_by_role("button", name="Add comment").click()
    expect(mentor.get_by_role("status")).to_contain_text("Comment added.")
    thread = mentor.get_by_role("region", name="Plan and reasoning").get_by_role(
        "article", name=f"Thread by {MENTOR_NAME}"
    )
    expect(thread).to_have_count(1)
    expect(thread.locator("blockquote")).to_have_text(f"“{PASSAGE}”")
    expect(thread.locator("strong")).to_have_text("measured")
    expect(thread).to_contain_text("Open")
    expect(thread).to_contain_text("on version 1")

    # The mentor scores the safety-bearing rows (a case write-up: assessment and documentation) first.
    rows = mentor.get_by_role("region", name="Rubric rows: checker, self and mentors")
    for row in ("assessment", "documentation"):
        rows.locator(f"#score-{row}").select_option("3")
        rows.locator(f"#reason-{row}").fill("Safe and checkable.")
    rows.get_by_role("button", name=re.compile(r"^Save my scores")).click()
    expect(mentor.get_by_role("status")).to_contain_text("Scores recorded for version 1")

    # The mentor says it looks ready, on version 1.
    verdicts = mentor.get_by_role("region", name="Verdicts")
    verdicts.get_by_label("Looks ready").check()
    verdicts.get_by_label("Note (why)").fill("Clear reasoning; answer the reacher question and it is done.")
    verdicts.get_by_role("button", name="Give verdict").click()
    expect(mentor.get_by_role("status")).to_contain_text("Verdict “Looks ready” recorded for version 1.")
    expect(verdicts.get_by_role("listitem")).to_contain_text(f"Looks ready {MENTOR_NAME}, on this version")

    # The candidate sees unread notifications and opens the comment from there.
    page.goto(f"{live_server.url}/dashboard/")
    expect(_unread_badge(page)).to_have_text("4 unread")  # invite accepted, comment, scores, verdict
    page.get_by_role("navigation", name="Main").get_by_role("link", name=re.compile(r"^Notifications")).click()
    expect(page.get_by_role("heading", name="Notifications")).to_be_visible()
    page.get_by_role(
        "link", name=f"{MENTOR_NAME} commented on “Plan and reasoning” in your redacted case write-up."
    ).click()
    expect(page).to_have_url(re.compile(rf"/review/{portfolio.pk}/case_writeup/#thread-\d+$"))
    expect(page.get_by_role("heading", name="Redacted case write-up", level=1)).to_be_visible()
    own_thread = page.get_by_role("article", name=f"Thread by {MENTOR_NAME}")
    expect(own_thread.locator("blockquote")).to_have_text(f"“{PASSAGE}”")
    expect(own_thread).not_to_contain_text("Outdated")

    # The candidate edits the commented section and saves.
    page.get_by_role("link", name="Edit", exact=True).click()
    plan_box = page.get_by_label("Plan and reasoning", exact=True)
    expect(plan_box).to_have_value(CASE["plan"])
    plan_box.fill(PLAN_V2)
    page.get_by_role("button", name="Save changes").click()  # it is complete, and stays so
    expect(page.get_by_role("status")).to_contain_text("saved (revision 2). It is still complete")

    # Back on the review page: the thread is outdated, with what changed; the verdict is stale.
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Outpatient").click()
    page.get_by_role("link", name="Comments and verdicts").click()
    overview_item = page.get_by_role("listitem").filter(has=page.get_by_role("link", name="Redacted case write-up"))
    expect(overview_item).to_contain_text("version 2 · 1 open thread")
    expect(overview_item).to_contain_text(f"{MENTOR_NAME}: Looks ready (given on version 1, stale)")
    overview_item.get_by_role("link", name="Redacted case write-up").click()
    expect(page.get_by_role("heading", name="Redacted case write-up", level=1)).to_be_visible()
    expect(own_thread.get_by_text("Outdated: the section changed since this comment")).to_be_visible()
    own_thread.get_by_text("What changed in this section since").click()
    changes = own_thread.locator(".diff-text")
    expect(changes).to_be_visible()
    expect(changes.locator("del")).to_have_text(["reacher "])
    expect(changes.locator("ins")).to_have_text(["sock aid "])
    verdict_line = page.get_by_role("region", name="Verdicts").get_by_role("listitem")
    expect(verdict_line).to_contain_text("stale: given on version 1, the artifact has changed since")
    expect(verdict_line).not_to_contain_text("on this version")

    # The candidate resolves the thread.
    own_thread.get_by_role("button", name="Resolve").click()
    expect(page.get_by_role("status")).to_contain_text("Thread resolved.")
    expect(own_thread).to_contain_text("Resolved by Casey Candidate")
    expect(own_thread.get_by_role("button", name="Reopen")).to_be_visible()

    # The mentor, reloading, sees it resolved and is asked for a verdict on version 2.
    mentor.reload()
    expect(thread).to_contain_text("Resolved by Casey Candidate")
    expect(mentor.get_by_role("group", name="Your verdict on version 2")).to_be_visible()
    expect(
        mentor.get_by_role("group", name="Your verdict on version 2").get_by_label("Looks ready")
    ).not_to_be_checked()

    # And the database agrees.
    invite = MentorInvite.objects.get(portfolio=portfolio)
    assert invite.status == MentorInvite.Status.ACCEPTED
    assert invite.display_name == MENTOR_NAME
    assert invite.user is None
    comment = Comment.objects.get(artifact=artifact, thread__isnull=True)
    assert comment.quote == PASSAGE
    assert comment.section == "plan"
    assert comment.body == COMMENT
    assert comment.artifact_version == 1
    assert comment.section_text == CASE["plan"]
    assert comment.author_invite == invite
    assert comment.author_name == MENTOR_NAME
    assert comment.resolved_at is not None
    assert comment.resolved_by_name == "Casey Candidate"
    verdict = Verdict.objects.get(artifact=artifact)
    assert verdict.call == Verdict.Call.READY
    assert verdict.artifact_version == 1
    artifact.refresh_from_db()
    assert artifact.version == 2
    assert artifact.fields["plan"] == PLAN_V2
    assert sorted(Notification.objects.filter(recipient=candidate).values_list("kind", flat=True)) == sorted(
        # The row scores are told as a verdict-kind notification, like the verdict itself.
        [
            Notification.Kind.INVITE_ACCEPTED,
            Notification.Kind.COMMENT,
            Notification.Kind.VERDICT,
            Notification.Kind.VERDICT,
        ]
    )
