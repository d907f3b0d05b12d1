"""Every main screen at desktop and phone width: screenshots, and no sideways scrolling on a phone.

Screenshots go to /tmp/otp-shots/<page>-<width>.png for a person to look at; they are not kept.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from portfolios import services
from portfolios.models import Artifact, Portfolio
from tests.browser.conftest import log_in
from tests.conftest import save

SHOTS = Path("/tmp/otp-shots")  # noqa: S108 (throwaway screenshots for a person to look at)
WIDTHS = {1280: 900, 375: 812}  # width: height (desktop; a common phone)

CASE_V1 = {
    "context": "Client A, 72, outpatient hand clinic after a distal radius fracture; 30-minute visits, 2x/week.",
    "assessment": "PLOF independent in all ADLs and IADLs. Baseline: Mod A for LB dressing due to limited wrist "
    "extension (20 degrees); grip 8 kg vs 24 kg on the other side; COPM performance 3/10.",
    "plan": "Chose seated dressing practice with a reacher over standing practice because of fall risk. "
    "Goal: Client will don pants with modified independence using a reacher within 4 weeks.",
}
CASE_V2 = {
    **CASE_V1,
    "plan": "Chose seated dressing practice with a sock aid over standing practice because of fall risk. "
    "Goal: Client will don pants and socks with modified independence using a sock aid within 4 weeks.",
    "follow_up": "Reassessed at week 4: LB dressing from Mod A to modified independent; COPM 3/10 to 7/10.",
}
HANDOFF = {
    "framework": "I-PASS, used at every OT-to-OT handoff at end of shift and on unit transfer.",
    "required_items": "Illness severity (stable / watcher / unstable)\nPrecautions\nCurrent assist level\nDME\nCognition",
    "optional_items": "Social context and preferences when they change the plan.",
    "actions": "OT to re-check orthostatic BP before next session, by 14:00.",
    "contingencies": "If SpO2 drops below 90% during activity, then stop and notify RN.",
    "escalation": "Concerned, uncomfortable, safety issue: notify the RN, then the charge nurse within 15 minutes.",
    "read_back": "The receiver restates the action list with owners and times before the sender leaves.",
}
HANDOFF_V2 = {**HANDOFF, "actions": "OT to re-check orthostatic BP before the next session, by 14:00; RN to chart it."}
MENTOR_NAME = "Dr. Alexandra Kowalczyk-Fitzgerald, OTD, OTR/L"  # long names must wrap too
SOP = {
    "error_prevented": "Transfers attempted without checking weight-bearing orders.",
    "when_used": "Before the first transfer of a session.",
    "checklist_type": "READ-DO",
}

# Elements that stick out of the viewport sideways and are not inside a scrolling or clipping box,
# i.e. the ones that make the whole page scroll horizontally. Outermost offenders only.
FIND_TOO_WIDE = r"""
() => {
  const vw = document.documentElement.clientWidth;
  // A scrolling/clipping ancestor only contains an absolutely positioned element if the element's
  // containing block (nearest positioned ancestor) is that ancestor or inside it.
  const clipped = (el) => {
    const position = getComputedStyle(el).position;
    if (position === "fixed") return false;
    let containerFound = position !== "absolute";
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (!containerFound && style.position !== "static") containerFound = true;
      if (containerFound && style.overflowX !== "visible") return true;
    }
    return false;
  };
  const name = (el) => {
    const cls = (el.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean).join(".");
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${cls ? "." + cls : ""}`;
  };
  const offenders = [...document.body.querySelectorAll("*")].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5) && !clipped(el);
  });
  return offenders.filter((el) => !offenders.includes(el.parentElement)).map((el) => {
    const r = el.getBoundingClientRect();
    const landmark = el.parentElement.closest("[id], .table-responsive");
    return {
      element: name(el),
      position: getComputedStyle(el).position,
      inside: landmark ? name(landmark) : "body",
      text: (el.innerText || el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 50),
      right: Math.round(r.right),
      width: Math.round(r.width),
    };
  });
}
"""


FIND_CLIPPED_ACTIONS = """
() => [...document.querySelectorAll("main button, main .btn, main input[type=submit]")]
  .filter((el) => el.offsetParent !== null)
  .filter((el) => {
    const box = el.getBoundingClientRect();
    let clip = el.parentElement;
    while (clip && clip !== document.body) {
      if (getComputedStyle(clip).overflowX !== "visible") {
        const frame = clip.getBoundingClientRect();
        if (box.right > frame.right + 1 || box.left < frame.left - 1) return true;
      }
      clip = clip.parentElement;
    }
    return box.right > window.innerWidth + 1 || box.left < -1;
  })
  .map((el) => `${el.tagName.toLowerCase()} ${JSON.stringify(el.textContent.trim().slice(0, 40))}`)
"""


def _check_and_shoot(page: Page, name: str, width: int, overflowing: dict[str, list[str]]) -> None:
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll_width > inner_width:
        overflowing[f"{name} at {width}px (scrollWidth {scroll_width} > innerWidth {inner_width})"] = _summary(
            page.evaluate(FIND_TOO_WIDE)
        )
    # An action a person cannot reach without scrolling sideways (e.g. a button clipped inside a scrolling
    # table) counts too, even when the page itself does not scroll.
    clipped = page.evaluate(FIND_CLIPPED_ACTIONS)
    if clipped:
        overflowing[f"{name} at {width}px (actions off-screen)"] = clipped


def _summary(offenders: list[dict]) -> list[str]:
    """One line per kind of too-wide element, with how many there are and how far right they reach."""
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for offender in offenders:
        groups.setdefault((offender["element"], offender["position"], offender["inside"]), []).append(offender)
    return [
        f"{count}x {element} (position: {position}) inside {inside}, width {items[0]['width']}px, "
        f"right edge up to {max(item['right'] for item in items)}px, e.g. {items[0]['text']!r}"
        for (element, position, inside), items in groups.items()
        for count in [len(items)]
    ] or ["(no single element found: check ::before/::after content or negative margins)"]


def _mentor_threads(portfolio: Portfolio, base: str) -> tuple[str, str]:
    """An accepted mentor with three threads on the handoff template (open with a reply, outdated, resolved)
    and a verdict. Returns the artifact's review URL and the mentor's invite URL."""
    created = services.mentor_invite_create(
        portfolio=portfolio, email="dr.kim@example.com", invite_url_for=lambda token: f"{base}/invites/{token}/"
    )
    invite = services.mentor_invite_accept(invite=created.invite, display_name=MENTOR_NAME, user=None)
    artifact = Artifact.objects.get(portfolio=portfolio, kind="handoff_template")
    mentor = services.Reviewer(name=MENTOR_NAME, invite=invite)
    owner = services.Reviewer(name=str(portfolio.owner), user=portfolio.owner)
    thread = services.comment_start(
        artifact=artifact,
        reviewer=mentor,
        section="framework",
        body="Say **why** I-PASS rather than SBAR for this unit; one sentence is enough.",
        quote="I-PASS, used at every OT-to-OT handoff",
    )
    services.comment_reply(thread=thread, reviewer=owner, body="The unit's nurses already use I-PASS; adding that.")
    services.comment_start(
        artifact=artifact,
        reviewer=mentor,
        section="actions",
        body="Who charts the BP? Name an owner for every action, with a time: `owner, action, by when`.",
        quote="OT to re-check orthostatic BP before next session, by 14:00.",
    )
    resolved = services.comment_start(
        artifact=artifact, reviewer=mentor, section="escalation", body="Clear escalation path."
    )
    services.comment_resolve(thread=resolved, reviewer=owner)
    services.verdict_give(
        artifact=artifact, reviewer=mentor, call="needs_work", note="Close to ready.", expected_version=artifact.version
    )
    save(portfolio, "handoff_template", HANDOFF_V2, status="complete")  # the "actions" thread is now outdated
    return f"{base}/review/{portfolio.pk}/handoff_template/", f"{base}/invites/{created.token}/"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_main_screens_fit_a_phone_and_are_captured(live_server, candidate, browser: Browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    save(portfolio, "case_writeup", CASE_V1)
    save(portfolio, "case_writeup", CASE_V2)
    save(portfolio, "handoff_template", HANDOFF, status="complete")
    save(portfolio, "sop_checklist", SOP)
    base = live_server.url
    editor = f"{base}/portfolios/{portfolio.pk}/artifacts/case_writeup/"
    share_link = services.share_link_create(portfolio=portfolio, label="Acme Rehab — recruiter", expires_in_days=30)
    review_url, invite_url = _mentor_threads(portfolio, base)
    overflowing: dict[str, list[str]] = {}

    for width, height in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.set_default_timeout(10_000)
        try:
            page.goto(base + "/")
            expect(page.get_by_role("heading", name="Stop listing claims. Bring proof.")).to_be_visible()
            _check_and_shoot(page, "landing", width, overflowing)

            log_in(page, base, candidate.email)
            expect(page.get_by_role("link", name="Redacted case write-up")).to_be_visible()
            _check_and_shoot(page, "dashboard", width, overflowing)

            page.goto(f"{base}/portfolios/{portfolio.pk}/")
            expect(page.get_by_role("heading", name="Outpatient portfolio")).to_be_visible()
            _check_and_shoot(page, "portfolio", width, overflowing)

            page.goto(editor)
            expect(page.get_by_label("Plan and reasoning", exact=True)).to_have_value(CASE_V2["plan"])
            _check_and_shoot(page, "editor", width, overflowing)

            page.goto(editor + "history/")
            expect(page.get_by_role("region", name="Changes from revision 1 to revision 2")).to_be_visible()
            _check_and_shoot(page, "history", width, overflowing)

            page.goto(f"{base}/portfolios/{portfolio.pk}/share/")
            expect(page.get_by_role("rowheader", name="Acme Rehab — recruiter")).to_be_visible()
            _check_and_shoot(page, "share-settings", width, overflowing)

            page.goto(f"{base}/portfolios/{portfolio.pk}/mentors/")
            expect(page.get_by_role("region", name="Invites").get_by_role("listitem")).to_have_count(1)
            _check_and_shoot(page, "mentors", width, overflowing)

            page.goto(f"{base}/review/{portfolio.pk}/")
            expect(page.get_by_text(f"{MENTOR_NAME}: Needs work (given on version 1, stale)")).to_be_visible()
            _check_and_shoot(page, "review-overview", width, overflowing)

            page.goto(review_url)
            expect(page.get_by_text("Outdated: the section changed since this comment")).to_be_visible()
            page.get_by_text("What changed in this section since").click()
            _check_and_shoot(page, "review-candidate", width, overflowing)

            page.goto(f"{base}/notifications/")
            expect(page.get_by_role("listitem").filter(has_text=f"{MENTOR_NAME} commented on")).to_have_count(3)
            _check_and_shoot(page, "notifications", width, overflowing)
        finally:
            context.close()

        # A recruiter, then a mentor who has no account, in a browser that is not the candidate's.
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.set_default_timeout(10_000)
        try:
            page.goto(f"{base}/s/{share_link.token}/")
            expect(page.get_by_role("article", name="Handoff communication template")).to_be_visible()
            _check_and_shoot(page, "share-page", width, overflowing)

            page.goto(f"{base}/examples/handoff_template/")
            expect(page.get_by_role("heading", name="Handoff communication template: a strong example")).to_be_visible()
            _check_and_shoot(page, "strong-example", width, overflowing)

            page.goto(invite_url)
            page.get_by_role("button", name="Start reviewing").click()  # the name is already filled in
            expect(page.get_by_role("heading", name="Reviewing Casey Candidate's portfolio")).to_be_visible()
            page.goto(review_url)
            expect(page.get_by_role("group", name=re.compile(r"^Your verdict on version"))).to_be_visible()
            expect(page.locator(".new-comment").first).to_be_visible()  # the comment box is always open
            _check_and_shoot(page, "review-mentor", width, overflowing)
        finally:
            context.close()

    phone = {page: offenders for page, offenders in overflowing.items() if " at 375px " in page}
    assert not phone, "Pages scroll sideways on a 375px phone; too-wide elements:\n" + "\n".join(
        f"{page}:\n  " + "\n  ".join(offenders) for page, offenders in phone.items()
    )
    assert not overflowing, f"Pages scroll sideways at desktop width: {overflowing}"
