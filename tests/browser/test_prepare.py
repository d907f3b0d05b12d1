"""Defend it: from the Prepare page, write a story, answer a follow-up against the timer, see the attempt."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from portfolios import services
from portfolios.models import DrillAttempt, InterviewStory
from portfolios.services import prepare
from tests.browser.conftest import log_in
from tests.conftest import make_user

EMAIL = "casey.prepare@example.com"
STORY = {
    "Situation and constraint": "Outpatient clinic, 14 patients a day; only 2 visits were authorized for a new client.",
    "What I owned vs what the team owned": "I remolded the splint on visit 1; the front desk rebooked the recheck.",
    "The decision and the alternative I rejected": "I remolded it on visit 1 rather than waiting, because a sore "
    "would cost her the second visit.",
    "How I verified it \u2014 a number or an observable": "No redness after 48 hours, and she showed me the "
    "don and doff twice.",
    "What I would do differently": "I would check every new splint for pressure points before the client leaves.",
}
STORY_SITUATION = STORY["Situation and constraint"]
ANSWER = "With only 2 visits authorized, I now check every splint before the client leaves. 0 of 11 needed a remold."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_prepare_write_a_story_answer_a_timed_drill_and_see_it_in_the_history(live_server, page: Page):
    user = make_user(EMAIL, display_name="Casey Prepare")
    services.portfolio_create(owner=user, track="outpatient")
    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page, live_server.url, EMAIL)

    # From the dashboard card to the Prepare page.
    page.get_by_role("link", name="Prepare for the interview").click()
    expect(page.get_by_role("heading", name="Defend it: prepare for the interview")).to_be_visible()
    expect(page.get_by_role("heading", name="1. Case scenario discussion")).to_be_visible()
    expect(page.get_by_text("0 of 4 stages ready")).to_be_visible()

    # Write the story for a pre-listed prompt.
    page.get_by_role("link", name="An edge case caught early").click()
    expect(page.get_by_role("heading", name="Story: An edge case caught early")).to_be_visible()
    for label, text in STORY.items():
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_role("button", name="Save story").click()
    expect(page.get_by_role("status")).to_contain_text("Story saved (version 1).")
    assert InterviewStory.objects.get().version == 1

    # Lead with it at the case stage.
    page.get_by_role("link", name="Back to Prepare").click()
    stage = page.locator("#stage-case")
    stage.get_by_label("Story I lead with").select_option("edge_case")
    stage.get_by_role("button", name=re.compile("Save")).click()
    expect(page.get_by_role("status")).to_contain_text("Case scenario discussion: saved what you lead with.")

    # Drill it: pick a question and a timer; the clock runs.
    page.locator("#stage-case").get_by_role("link", name="Drill its follow-ups").click()
    expect(page.get_by_role("heading", name="Follow-up drill: Story: An edge case caught early")).to_be_visible()
    page.get_by_label("Question").select_option(label="What would you do differently next time?")
    expect(page.get_by_label("Timer")).to_have_value("120")  # two minutes by default
    page.get_by_role("button", name="Start").click()
    timer = page.get_by_role("timer")
    expect(timer).to_have_text(re.compile(r"Time left: 1:5\d|Time left: 2:00"))
    expect(page.get_by_label("Your answer")).to_be_focused()
    page.get_by_label("Your answer").fill(ANSWER)
    page.get_by_role("button", name="Submit answer").click()

    # The attempt is kept with its date and check, and shows in the history.
    expect(page.get_by_role("status")).to_contain_text("Answer kept: 4 of 4 criteria met.")
    history = page.get_by_role("region", name="Your attempts")
    expect(history).to_contain_text("What would you do differently next time?")
    expect(history).to_contain_text("0 of 11 needed a remold")
    expect(history).to_contain_text("4/4")
    attempt = DrillAttempt.objects.get()
    assert attempt.subject == "story-edge_case" and attempt.seconds_allowed == 120
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scrolling at 375 px


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_prepare_pages_have_no_serious_accessibility_violations_at_375_px(live_server, page: Page):
    from tests.browser.test_accessibility import assert_clean, audit

    user = make_user(EMAIL, display_name="Casey Prepare")
    portfolio = services.portfolio_create(owner=user, track="outpatient")
    prepare.story_save(portfolio=portfolio, slot="edge_case", fields={"situation": STORY_SITUATION}, expected_version=0)
    prepare.drill_answer(
        portfolio=portfolio,
        subject="story-edge_case",
        question_key="case-1",
        question="What would you do differently next time?",
        answer="We helped with it and it went well.",
        seconds_allowed=120,
        seconds_taken=150,
    )
    note = prepare.employer_note_create(portfolio=portfolio, employer="Riverside Outpatient")
    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page, live_server.url, EMAIL)
    base = f"{live_server.url}/portfolios/{portfolio.pk}/prepare"
    found: dict[str, str] = {}
    for name, path, heading in (
        ("prepare", "/", "Defend it: prepare for the interview"),
        ("story", "/stories/edge_case/", "Story: An edge case caught early"),
        ("drill", "/drills/story-edge_case/?q=case-1&seconds=120", "Follow-up drill: Story: An edge case caught early"),
        ("questions", "/questions/", "Questions to ask the employer"),
        ("employer", f"/questions/{note.pk}/", "What Riverside Outpatient said"),
    ):
        page.goto(base + path)
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        audit(page, name, found)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, name
    assert_clean(found)
