"""From a job posting to a recruiter's PDF: the candidate pastes a posting, reads the gap bands, makes a link
for the job, previews it, leaves one artifact out; a recruiter reads the brief first and only the chosen
artifacts, and the link's PDF holds exactly that."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from portfolios import services
from portfolios.kinds import KINDS_BY_KEY
from portfolios.models import ShareLink, TargetJob
from portfolios.strong_examples import EXAMPLES
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import assert_clean, audit
from tests.conftest import save
from tests.views.test_target_jobs import POSTING  # the same posting the view tests read

POSITIONING = "I own same-day notes for a 14-visit outpatient day; next, the clinic's hand-therapy program."
LABEL = "Hand therapist — Riverside Health"
COMPLETE = ("case_writeup", "plan_of_care", "education_script", "handoff_template")
LEFT_OUT = "handoff_template"  # complete, but the candidate unticks it for this recruiter
DRAFT_TEXT = "A private draft about a hard week that no recruiter may read."
MARGIN = re.compile(
    r"Read-only portfolio shared through OT Portfolio\.|This link (?:expires on \d+ \w+ \d{4}|does not expire)\."
    r"|Page \d+ of \d+"
)


def title(kind: str) -> str:
    return KINDS_BY_KEY[kind].title


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(content: bytes) -> str:
    """The PDF's text without page margins, whitespace collapsed (lines wrap where the layout wraps them)."""
    pages = PdfReader(io.BytesIO(content)).pages
    return flat(" ".join(MARGIN.sub(" ", (page.extract_text() or "").replace("-\n", "-")) for page in pages))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_posting_becomes_a_link_a_recruiter_reads_and_a_pdf_of_exactly_that(
    live_server, candidate, page: Page, fresh_page: Page
):
    portfolio = services.portfolio_create(owner=candidate, track="outpatient")
    for kind in COMPLETE:
        artifact = save(portfolio, kind, dict(EXAMPLES[kind].fields), status="complete")
        assert artifact.status == "complete" and artifact.phi_error_count == 0, artifact.check_result
    caseload = KINDS_BY_KEY["caseload_note"]
    save(portfolio, caseload.key, {caseload.sections[0].key: DRAFT_TEXT})
    services.portfolio_brief_update(
        portfolio=portfolio, positioning=POSITIONING, show_email=False, show_unproven_rows=False
    )
    found: dict[str, str] = {}

    # The candidate pastes the posting from the portfolio page.
    log_in(page, live_server.url, candidate.email)
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/")
    page.get_by_role("link", name="Target jobs").click()
    expect(page.get_by_role("heading", name="Target jobs", level=1)).to_be_visible()
    expect(page.get_by_text("No target jobs yet")).to_be_visible()
    audit(page, "target jobs", found)
    page.get_by_label("Job title and employer").fill(LABEL)
    page.get_by_role("textbox", name="Job posting").fill(POSTING)
    page.get_by_role("button", name="Read the posting").click()

    # What the posting asks for, and the gap bands: must-haves first, in plain words.
    expect(page.get_by_role("heading", name=LABEL, level=1)).to_be_visible()
    target = TargetJob.objects.get(portfolio=portfolio)
    found_section = page.get_by_role("region", name="What the posting asks for")
    expect(found_section).to_contain_text("Outpatient")
    expect(found_section.locator("mark", has_text="Joint Commission")).to_be_visible()
    table = page.get_by_role("table")
    rows = table.locator("tbody tr")
    expect(rows.first).to_contain_text("Must-have")
    expect(rows.last).to_contain_text("Nice-to-have")
    expect(rows.filter(has=page.get_by_role("rowheader", name="Patient education", exact=True))).to_contain_text(
        "Nice-to-have"
    )
    bands = [flat(text) for text in table.locator(".band").all_inner_texts()]
    assert bands and set(bands) <= {"Not shown", "Thin", "Partly shown", "Shown", "Strong"}, bands
    expect(
        rows.filter(has=page.get_by_role("rowheader", name="Assessment", exact=True)).get_by_role(
            "link", name=title("case_writeup")
        )
    ).to_be_visible()
    audit(page, "target job", found)

    # One click makes a link for the job, shown once, with a preview as the recruiter.
    page.get_by_role("button", name="Make a link for this job").click()
    new_link = page.get_by_label(re.compile(r"Your link for"))
    expect(new_link).to_have_value(re.compile(rf"^{re.escape(live_server.url)}/s/[^/]+/$"))
    share_url = new_link.input_value()
    audit(page, "target job with its new link", found)
    link = ShareLink.objects.get(portfolio=portfolio)
    assert link.label == LABEL == target.label
    assert set(link.artifact_kinds) == set(COMPLETE)

    page.get_by_role("link", name="Preview it as the recruiter").click()
    expect(page.locator("h2").first).to_contain_text("The brief")
    expect(page.get_by_text(POSITIONING)).to_be_visible()
    previewed = page.locator("article.shared-artifact h2").all_inner_texts()
    assert [flat(text) for text in previewed] == [title(kind) for kind in link.artifact_kinds]

    # This recruiter does not need the handoff template: untick it.
    page.goto(f"{live_server.url}/portfolios/{portfolio.pk}/share/{link.pk}/edit/")
    page.get_by_role("checkbox", name=title(LEFT_OUT), exact=True).uncheck()
    page.get_by_role("button", name="Save the link").click()
    expect(page.get_by_role("status").first).to_contain_text("updated")
    link.refresh_from_db()
    chosen = list(link.artifact_kinds)
    assert LEFT_OUT not in chosen and len(chosen) == len(COMPLETE) - 1

    # A recruiter, in a fresh browser: the brief first, then only the chosen artifacts, in order.
    recruiter = fresh_page
    response = recruiter.goto(share_url)
    assert response is not None and response.status == 200
    expect(recruiter.locator("h2").first).to_contain_text("The brief")
    expect(recruiter.get_by_text(POSITIONING)).to_be_visible()
    shown = [flat(text) for text in recruiter.locator("article.shared-artifact h2").all_inner_texts()]
    assert shown == [title(kind) for kind in chosen]
    expect(recruiter.get_by_text(title(LEFT_OUT))).to_have_count(0)
    expect(recruiter.get_by_text(DRAFT_TEXT)).to_have_count(0)
    expect(recruiter.get_by_text("Joint Commission")).to_have_count(0)  # the posting stays private

    # The link's PDF holds the brief and those artifacts, and nothing else.
    pdf = recruiter.request.get(share_url + "pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    text = pdf_text(pdf.body())
    first_section = min(text.index(flat(next(iter(EXAMPLES[kind].fields.values())))) for kind in chosen)
    assert text.index("The brief") < text.index(POSITIONING) < first_section  # the brief on top
    for kind in chosen:
        assert title(kind) in text
        for section_text in EXAMPLES[kind].fields.values():
            assert flat(section_text) in text, (kind, section_text[:60])
    assert title(LEFT_OUT) not in text
    for section_text in EXAMPLES[LEFT_OUT].fields.values():
        assert flat(section_text) not in text
    assert flat(DRAFT_TEXT) not in text and "Joint Commission" not in text and LABEL not in text
    assert_clean(found)
