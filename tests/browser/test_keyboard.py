"""Keyboard only: Tab, typing, Enter and Space. No mouse, no .click(), no .fill() on anything not reached by Tab.

At every Tab stop the focused element must show a focus indicator (an outline or a box-shadow) and must
not be hidden behind something else (a sticky bar, a header).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from portfolios import services
from portfolios.models import Artifact, Comment, MentorInvite
from tests.conftest import PASSWORD, save

CONTEXT = "Client A, 72, outpatient hand clinic after a distal radius fracture; 30-minute visits, 2x/week."
ASSESSMENT = "PLOF independent in all ADLs. Baseline: Mod A for LB dressing due to limited wrist extension."

# What the focused element looks like: enough to tell whether a sighted keyboard user can see where they are.
FOCUS_STATE = r"""
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {element: "body", indicator: false, obscuredBy: null};
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== "none";
  const r = el.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
  const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 10), 0), window.innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const visible = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
  const onTop = hit !== null && (hit === el || el.contains(hit) || hit.contains(el) && hit.tagName === "LABEL");
  const cls = (el.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean).join(".");
  return {
    element: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${cls ? "." + cls : ""}`,
    name: (el.getAttribute("aria-label") || el.innerText || el.value || "").trim().slice(0, 40),
    indicator: outline || shadow,
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    boxShadow: style.boxShadow,
    visible,
    obscuredBy: onTop ? null : hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : "outside the viewport",
  };
}
"""


class Keyboard:
    """A keyboard-only person on `page`: every Tab stop is checked and remembered for error messages."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.stops: list[str] = []

    def tab(self) -> dict:
        self.page.keyboard.press("Tab")
        state = self.page.evaluate(FOCUS_STATE)
        self.stops.append(f"{state['element']} {state.get('name', '')!r}")
        if state["element"] != "body":
            assert state["indicator"], f"No visible focus indicator on {state}"
            assert state["visible"] and state["obscuredBy"] is None, f"Focused element is hidden: {state}"
        return state

    def tab_to(self, target: Locator, *, max_presses: int = 60) -> None:
        """Press Tab until `target` has focus."""
        expect(target).to_be_attached()
        self.stops = []
        for _ in range(max_presses):
            self.tab()
            if target.evaluate("el => el === document.activeElement"):
                expect(target).to_be_focused()
                return
        raise AssertionError(f"{target} not reached in {max_presses} Tabs; focus went: " + " → ".join(self.stops))

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)


@pytest.fixture
def keyboard(browser: Browser) -> Iterator[Keyboard]:
    # Reduced motion: Bootstrap then drops its transitions, so focus styles apply at once.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield Keyboard(page)
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_keyboard_only_log_in_and_write_a_case(live_server, candidate, keyboard: Keyboard):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    page = keyboard.page
    page.goto(f"{live_server.url}/accounts/login/")

    # Log in: the email field has focus as the page opens; Enter in the password field submits.
    email = page.get_by_label("Email address")
    expect(email).to_be_focused()
    keyboard.type(candidate.email)
    keyboard.tab_to(page.get_by_label(re.compile(r"^\s*Password\*?\s*$")))
    keyboard.type(PASSWORD)
    keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your portfolios")).to_be_visible()

    # On a page without autofocus, the skip link is the first Tab stop, shows itself on focus,
    # and moves focus to the main content: the next Tab lands on main's first control, past the header.
    keyboard.tab()
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    keyboard.tab()
    expect(page.get_by_role("main").get_by_role("link", name="New portfolio")).to_be_focused()

    # Dashboard → the portfolio → the case write-up, each by tabbing to its link.
    keyboard.tab_to(page.get_by_role("heading", name="Outpatient").get_by_role("link"))
    keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Outpatient portfolio")).to_be_visible()
    keyboard.tab_to(page.get_by_role("link", name=re.compile(r"^Redacted case write-up")))
    keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Redacted case write-up", exact=True)).to_be_visible()
    page.wait_for_load_state("load")  # live-check.js is deferred

    # Two sections, then "Save draft" with Enter.
    keyboard.tab_to(page.get_by_label("Context (redacted)", exact=True))
    keyboard.type(CONTEXT)
    keyboard.tab_to(page.get_by_label("Assessment", exact=True))
    keyboard.type(ASSESSMENT)
    keyboard.tab_to(page.get_by_role("button", name="Save draft"))
    keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Redacted case write-up saved as a draft (revision 1).")
    expect(page.get_by_label("Context (redacted)", exact=True)).to_have_value(CONTEXT)

    artifact = Artifact.objects.get(portfolio=portfolio, kind="case_writeup")
    assert artifact.version == 1
    assert artifact.status == Artifact.Status.DRAFT
    assert artifact.fields["context"] == CONTEXT
    assert artifact.fields["assessment"] == ASSESSMENT
    assert artifact.revisions.get().author == candidate


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_keyboard_only_mentor_opens_the_comment_form_and_comments(live_server, candidate, keyboard: Keyboard):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    artifact = save(portfolio, "case_writeup", {"context": CONTEXT, "assessment": ASSESSMENT}, status="draft")
    created = services.mentor_invite_create(
        portfolio=portfolio, email="dr.kim@example.com", invite_url_for=lambda token: f"/invites/{token}/"
    )
    page = keyboard.page

    # Accept the invite: the name field, then Enter.
    page.goto(f"{live_server.url}/invites/{created.token}/")
    keyboard.tab_to(page.get_by_label("Your name as the candidate will see it"))
    keyboard.type("Dr. Kim, OTD")
    keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Reviewing Casey Candidate's portfolio")).to_be_visible()
    keyboard.tab_to(page.get_by_role("link", name="Redacted case write-up"))
    keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Redacted case write-up", level=1)).to_be_visible()

    # The comment form is open on every section; the quote can be typed instead of selected.
    assessment = page.get_by_role("region", name="Assessment")
    quote = assessment.get_by_label(re.compile(r"^Passage you are commenting on"))
    expect(quote).to_be_visible()
    keyboard.tab_to(quote)
    keyboard.type("Mod A for LB dressing")
    keyboard.tab()
    expect(assessment.get_by_label("Comment", exact=True)).to_be_focused()
    keyboard.type("Which assessment gave you Mod A?")
    keyboard.tab_to(assessment.get_by_role("button", name="Add comment"))
    keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Comment added.")

    comment = Comment.objects.get(artifact=artifact)
    assert comment.section == "assessment"
    assert comment.quote == "Mod A for LB dressing"
    assert comment.body == "Which assessment gave you Mod A?"
    assert comment.author_invite == MentorInvite.objects.get(portfolio=portfolio)
