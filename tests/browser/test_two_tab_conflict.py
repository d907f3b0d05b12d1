"""The same artifact open in two tabs: the later save must not overwrite the earlier one."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from portfolios import services
from portfolios.models import Artifact, Revision
from tests.browser.conftest import log_in
from tests.conftest import save

ORIGINAL = {
    "context": "Client A, 68, outpatient clinic after a rotator cuff repair; 45-minute visits.",
    "assessment": "PLOF independent. Baseline: Min A for UB dressing, pain 6/10 with overhead reach.",
    "plan": "Graded reaching program; considered a home program alone but chose supervised sessions.",
}
A_CONTEXT = "Tab A: Client A, 68, outpatient clinic, 6 weeks after rotator cuff repair; 45-minute visits."
A_PLAN = "Tab A: graded reaching program, 2x/week for 6 weeks, progressed by pain and range."
COMPLETE = {
    **ORIGINAL,
    "documentation": "Documented each visit the same day with assist levels and cues, not tolerated well.",
    "follow_up": "Reassessed at week 4: UB dressing from Min A to modified independent; pain 6/10 to 2/10.",
    "handoffs": "Handed off to the home program with a written plan; escalated a new numbness report to the surgeon.",
}
B_CONTEXT = "Tab B: Client A, 68, seen in an outpatient shoulder clinic with a 45-minute limit per visit."
A_SUMMARY = "Shoulder flexion from 90 to 140 degrees in 6 weeks, in 45-minute visits."
B_ASSESSMENT = "Tab B: PLOF independent. Min A for UB dressing; pain 6/10 at 90 degrees of flexion."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_second_tab_sees_a_conflict_keeps_its_text_and_can_take_the_saved_text(
    live_server, candidate, context: BrowserContext, page: Page
):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    artifact = save(portfolio, "case_writeup", ORIGINAL)
    editor_url = f"{live_server.url}/portfolios/{portfolio.pk}/artifacts/case_writeup/"

    log_in(page, live_server.url, candidate.email)
    tab_a = page
    tab_b = context.new_page()
    tab_b.set_default_timeout(10_000)
    for tab in (tab_a, tab_b):
        tab.goto(editor_url)
        expect(tab.get_by_label("Context (redacted)", exact=True)).to_have_value(ORIGINAL["context"])

    # Tab A edits and saves first.
    tab_a.get_by_label("Context (redacted)", exact=True).fill(A_CONTEXT)
    tab_a.get_by_label("Plan and reasoning", exact=True).fill(A_PLAN)
    tab_a.get_by_role("button", name="Save draft").click()
    expect(tab_a.get_by_role("status")).to_contain_text("saved as a draft (revision 2).")

    # Tab B, still at revision 1, edits other text and saves: a conflict, nothing overwritten.
    tab_b.get_by_label("Context (redacted)", exact=True).fill(B_CONTEXT)
    tab_b.get_by_label("Assessment", exact=True).fill(B_ASSESSMENT)
    tab_b.get_by_role("button", name="Save draft").click()
    expect(tab_b.get_by_role("heading", name="This artifact changed while you were editing")).to_be_visible()
    expect(tab_b.get_by_role("alert")).to_contain_text("Nothing was overwritten")

    # Three-way merge against revision 1, where both tabs started:
    # context changed on both sides (B's text proposed, A's beside it), assessment only by B (kept),
    # plan only by A (A's text taken automatically, so B cannot silently undo it).
    context_section = tab_b.get_by_role("group", name="Context (redacted)")
    expect(context_section.locator("legend")).to_contain_text("changed on both sides")
    expect(tab_b.locator("#id_context")).to_have_value(B_CONTEXT)
    expect(tab_b.locator("#other-context")).to_have_value(A_CONTEXT)
    expect(tab_b.locator("#other-context")).not_to_be_editable()
    expect(tab_b.get_by_role("group", name="Assessment").locator("legend")).to_contain_text("only you changed this")
    expect(tab_b.locator("#id_assessment")).to_have_value(B_ASSESSMENT)
    expect(tab_b.get_by_role("group", name="Plan and reasoning").locator("legend")).to_contain_text(
        "only the other save changed this"
    )
    expect(tab_b.locator("#id_plan")).to_have_value(A_PLAN)
    expect(tab_b.locator("#other-plan")).to_have_value(ORIGINAL["plan"])
    expect(tab_b.get_by_role("group", name="Documentation")).to_have_count(0)  # same on both sides: not shown
    expect(tab_b.get_by_role("alert")).to_contain_text("1 section changed on both sides")

    artifact.refresh_from_db()
    assert artifact.version == 2
    assert artifact.fields["context"] == A_CONTEXT
    assert artifact.fields["plan"] == A_PLAN
    assert artifact.fields["assessment"] == ORIGINAL["assessment"]

    # B keeps its own context and saves the merge.
    tab_b.get_by_role("button", name="Save as revision 3").click()
    expect(tab_b.get_by_role("status")).to_contain_text("saved as a draft (revision 3).")
    expect(tab_b.get_by_label("Context (redacted)", exact=True)).to_have_value(B_CONTEXT)
    expect(tab_b.get_by_label("Plan and reasoning", exact=True)).to_have_value(A_PLAN)

    # Nobody's text is lost: A's is revision 2, B's choice is current (revision 3).
    artifact.refresh_from_db()
    assert artifact.version == 3
    assert artifact.status == Artifact.Status.DRAFT
    assert artifact.fields["context"] == B_CONTEXT
    assert artifact.fields["assessment"] == B_ASSESSMENT
    assert artifact.fields["plan"] == A_PLAN
    revisions = {revision.number: revision for revision in Revision.objects.filter(artifact=artifact)}
    assert sorted(revisions) == [1, 2, 3]
    assert revisions[1].fields["context"] == ORIGINAL["context"]
    assert revisions[2].fields["context"] == A_CONTEXT
    assert revisions[2].fields["plan"] == A_PLAN
    assert revisions[3].fields == artifact.fields
    assert any(A_CONTEXT in revision.fields.values() for revision in revisions.values())
    assert B_CONTEXT in revisions[3].fields.values()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_stale_mark_complete_conflicts_and_can_merge_both_texts(
    live_server, candidate, context: BrowserContext, page: Page
):
    """After B saves, A's "Mark complete" from its stale page is a conflict too, and keeps A's intent."""
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    artifact = save(portfolio, "case_writeup", COMPLETE)
    editor_url = f"{live_server.url}/portfolios/{portfolio.pk}/artifacts/case_writeup/"
    log_in(page, live_server.url, candidate.email)
    tab_a, tab_b = page, context.new_page()
    tab_b.set_default_timeout(10_000)
    for tab in (tab_a, tab_b):
        tab.goto(editor_url)

    tab_b.get_by_label("Context (redacted)", exact=True).fill(B_CONTEXT)
    tab_b.get_by_role("button", name="Save draft").click()
    expect(tab_b.get_by_role("status")).to_contain_text("(revision 2).")

    # A marks complete from its stale page (opened at revision 1).
    tab_a.get_by_label("Context (redacted)", exact=True).fill(A_CONTEXT)
    tab_a.get_by_label("Proof summary (one line for recruiters)").fill(A_SUMMARY)  # needed to mark complete
    tab_a.get_by_role("button", name="Mark complete").click()
    expect(tab_a.get_by_role("heading", name="This artifact changed while you were editing")).to_be_visible()
    expect(tab_a.locator("#id_context")).to_have_value(A_CONTEXT)
    expect(tab_a.locator("#other-context")).to_have_value(B_CONTEXT)
    expect(tab_a.locator("#id_summary")).to_have_value(A_SUMMARY)  # the typed summary survives the conflict

    # "Add it below" keeps both versions of the section in the editable box.
    tab_a.get_by_role("group", name="Context (redacted)").get_by_role("button", name="Add it below").click()
    expect(tab_a.locator("#id_context")).to_have_value(f"{A_CONTEXT}\n\n{B_CONTEXT}")
    artifact.refresh_from_db()
    assert artifact.version == 2
    assert artifact.fields["context"] == B_CONTEXT
    assert artifact.status == Artifact.Status.DRAFT

    tab_a.get_by_role("button", name="Save as revision 3").click()
    expect(tab_a.get_by_role("status")).to_contain_text("marked complete (revision 3).")
    artifact.refresh_from_db()
    assert artifact.version == 3
    assert artifact.status == Artifact.Status.COMPLETE
    assert artifact.fields["context"] == f"{A_CONTEXT}\n\n{B_CONTEXT}"
    assert Revision.objects.get(artifact=artifact, number=2).fields["context"] == B_CONTEXT
    assert artifact.summary == A_SUMMARY
