"""Every main screen at desktop and phone width: screenshots, and no sideways scrolling on a phone.

Screenshots go to /tmp/otp-shots/<page>-<width>.png for a person to look at; they are not kept.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from portfolios import services
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


def _check_and_shoot(page: Page, name: str, width: int, overflowing: dict[str, list[str]]) -> None:
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll_width > inner_width:
        overflowing[f"{name} at {width}px (scrollWidth {scroll_width} > innerWidth {inner_width})"] = _summary(
            page.evaluate(FIND_TOO_WIDE)
        )


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
        finally:
            context.close()

    phone = {page: offenders for page, offenders in overflowing.items() if " at 375px " in page}
    assert not phone, "Pages scroll sideways on a 375px phone; too-wide elements:\n" + "\n".join(
        f"{page}:\n  " + "\n  ".join(offenders) for page, offenders in phone.items()
    )
    assert not overflowing, f"Pages scroll sideways at desktop width: {overflowing}"
