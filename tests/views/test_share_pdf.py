"""The share page as a PDF: what it holds (read back with pypdf), who may fetch it, the gates, the cache."""

import io
import re
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import dateformat, timezone
from pypdf import PdfReader

from bench.seed_scale import SAMPLE_FIELDS
from portfolios import services, share_pdf
from portfolios.kinds import get_kind
from portfolios.models import ShareLink
from portfolios.tracks import TRACKS_BY_KEY
from tests.conftest import save
from tests.views.test_share import DEAD, HANDOFF, complete, dead_token

DRAFT_TEXT = "A private draft sentence about the Tuesday clinic."
MARGIN_TEXT = re.compile(
    r"Read-only portfolio shared through OT Portfolio\.|This link (?:expires on \d+ \w+ \d{4}|does not expire)\."
    r"|Page \d+ of \d+"
)


def pdf_url(token: str) -> str:
    return reverse("portfolios:share_pdf", args=[token])


def pages_of(response) -> list[str]:
    """Each page's text, whitespace collapsed: lines wrap where the layout wraps them (after a space,
    or after a hyphen the text already had: the PDF does not hyphenate words)."""
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    pages = PdfReader(io.BytesIO(response.content)).pages
    return [" ".join((page.extract_text() or "").replace("-\n", "-").split()) for page in pages]


def body_text(pages: list[str]) -> str:
    """The text of every page without the page margins, so a section broken across pages reads whole."""
    return " ".join(" ".join(MARGIN_TEXT.sub(" ", page).split()) for page in pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def expiry_line(link: ShareLink) -> str:
    return f"This link expires on {dateformat.format(timezone.localtime(link.expires_at), 'j F Y')}."


@pytest.fixture
def shared(portfolio):
    complete(portfolio)
    save(portfolio, "case_writeup", {"context": DRAFT_TEXT})
    created = services.share_link_create(portfolio=portfolio, label="Acme Rehab", expires_in_days=30)
    return portfolio, created


def complete_twelve(portfolio) -> None:
    """The track's recommended kinds and more, up to 12 complete, PHI-clean artifacts."""
    kinds = list(TRACKS_BY_KEY[portfolio.track].recommended_kinds)
    kinds += [kind for kind in SAMPLE_FIELDS if kind not in kinds]
    for kind in kinds[:12]:
        complete(portfolio, kind, SAMPLE_FIELDS[kind])


def test_the_pdf_holds_the_name_the_shown_artifacts_and_the_expiry_and_no_draft(anonymous_client, shared):
    _, created = shared
    response = anonymous_client.get(pdf_url(created.token))
    assert response.status_code == 200
    pages = pages_of(response)
    text = body_text(pages)
    assert pages[0].startswith("OT Portfolio · shared with you Casey Candidate")  # the page's top section first
    assert "The brief" in pages[0]
    assert get_kind("handoff_template").title in text
    for section in get_kind("handoff_template").sections:
        assert section.label in text and flat(HANDOFF[section.key]) in text, section.key
    assert DRAFT_TEXT not in text and "Tuesday clinic" not in " ".join(pages)
    assert all(expiry_line(created.link) in page for page in pages)  # the footer of every page


def test_a_link_without_expiry_says_so_on_every_page(anonymous_client, portfolio):
    complete(portfolio)
    created = services.share_link_create(portfolio=portfolio, label="Forever", expires_in_days=None)
    pages = pages_of(anonymous_client.get(pdf_url(created.token)))
    assert all("This link does not expire." in page for page in pages)


def test_twelve_artifacts_each_appear_with_their_sections(anonymous_client, portfolio):
    complete_twelve(portfolio)
    created = services.share_link_create(portfolio=portfolio, label="All", expires_in_days=7)
    pages = pages_of(anonymous_client.get(pdf_url(created.token)))
    text = body_text(pages)
    for kind in list(TRACKS_BY_KEY[portfolio.track].recommended_kinds)[:12]:
        assert get_kind(kind).title in text
        for value in SAMPLE_FIELDS[kind].values():
            assert flat(value) in text, (kind, value[:40])
    assert len(pages) > 2 and all(expiry_line(created.link) in page for page in pages)


def test_the_pdf_is_sent_inline_with_the_share_headers_and_is_not_a_view(anonymous_client, shared):
    _, created = shared
    response = anonymous_client.get(pdf_url(created.token))
    assert response["Content-Disposition"] == 'inline; filename="casey-candidate-outpatient-portfolio.pdf"'
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "private, no-store"
    assert ShareLink.objects.get().view_count == 0


@pytest.mark.parametrize("how", DEAD)
def test_a_dead_link_gets_the_friendly_404_page_not_a_pdf(how, anonymous_client, shared):
    _, created = shared
    response = anonymous_client.get(pdf_url(dead_token(how, created)))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "This link has expired or was revoked" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_a_link_revoked_after_its_pdf_was_cached_stops_at_once(anonymous_client, shared):
    _, created = shared
    assert anonymous_client.get(pdf_url(created.token)).status_code == 200
    services.share_link_revoke(link=created.link)
    assert anonymous_client.get(pdf_url(created.token)).status_code == 404


def test_the_phi_gate_pauses_the_pdf_as_it_pauses_the_page(anonymous_client, shared):
    portfolio, created = shared
    assert anonymous_client.get(pdf_url(created.token)).status_code == 200  # cached before the identifiers came
    complete(portfolio, "handoff_template", {**HANDOFF, "framework": "I-PASS, as taught to Mrs. Alvarez."})
    response = anonymous_client.get(pdf_url(created.token))
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert "temporarily unavailable" in response.content.decode()
    assert "Alvarez" not in response.content.decode()
    assert anonymous_client.get(reverse("portfolios:portfolio_pdf", args=[portfolio.pk])).status_code == 302
    complete(portfolio, "handoff_template", HANDOFF)
    assert anonymous_client.get(pdf_url(created.token)).status_code == 200


def test_the_owner_gets_the_same_pdf_from_the_portfolio_page(candidate_client, shared):
    portfolio, _ = shared
    response = candidate_client.get(reverse("portfolios:portfolio_pdf", args=[portfolio.pk]))
    assert response.status_code == 200
    text = body_text(pages_of(response))
    assert "Casey Candidate" in text and flat(HANDOFF["framework"]) in text
    assert DRAFT_TEXT not in text
    assert response["Content-Disposition"].startswith("inline; filename=")
    page = candidate_client.get(reverse("portfolios:portfolio", args=[portfolio.pk])).content.decode()
    assert f'href="{reverse("portfolios:portfolio_pdf", args=[portfolio.pk])}"' in page


def test_the_owner_route_is_404_for_another_users_portfolio(candidate_client, stranger):
    theirs = services.portfolio_create(owner=stranger, track="outpatient")
    complete(theirs)
    response = candidate_client.get(reverse("portfolios:portfolio_pdf", args=[theirs.pk]))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_the_share_page_links_to_its_pdf(anonymous_client, shared):
    _, created = shared
    page = anonymous_client.get(reverse("portfolios:share_page", args=[created.token])).content.decode()
    assert 'href="pdf"' in page  # relative: the page's HTML is cached per link and never holds its token
    assert ShareLink.objects.get().view_count == 1


def test_the_pdf_is_rendered_once_per_content_version(anonymous_client, shared):
    portfolio, created = shared
    with mock.patch.object(share_pdf, "render_pdf", wraps=share_pdf.render_pdf) as render:
        first = anonymous_client.get(pdf_url(created.token)).content
        assert anonymous_client.get(pdf_url(created.token)).content == first
        assert render.call_count == 1
        complete(portfolio, "handoff_template", {**HANDOFF, "framework": "SBAR, now used at every handoff."})
        changed = anonymous_client.get(pdf_url(created.token))
        assert render.call_count == 2
    assert "SBAR, now used at every handoff." in body_text(pages_of(changed))


def test_the_pdf_runs_constant_queries_for_one_or_twelve_artifacts(anonymous_client, portfolio):
    complete(portfolio)
    token = services.share_link_create(portfolio=portfolio, label="L", expires_in_days=7).token
    with CaptureQueriesContext(connection) as small:
        assert anonymous_client.get(pdf_url(token)).status_code == 200
    complete_twelve(portfolio)
    with CaptureQueriesContext(connection) as large:
        response = anonymous_client.get(pdf_url(token))
    assert response.status_code == 200 and len(pages_of(response)) > 2
    assert len(small) == len(large)  # the share page's render, and no view counted


def test_guessing_tokens_through_the_pdf_is_throttled_with_the_page(anonymous_client, shared):
    _, created = shared
    for _ in range(20):
        assert anonymous_client.get(pdf_url("B" * 43)).status_code == 404
    assert anonymous_client.get(reverse("portfolios:share_page", args=[created.token])).status_code == 429
    blocked = anonymous_client.get(pdf_url(created.token))
    assert blocked.status_code == 429 and not blocked.content.startswith(b"%PDF-")


def test_a_curated_links_pdf_holds_only_the_artifacts_it_shows(anonymous_client, portfolio, candidate_client):
    complete(portfolio)
    complete(portfolio, "sop_checklist", SAMPLE_FIELDS["sop_checklist"])
    created = services.share_link_create(
        portfolio=portfolio, label="Only the SOP", expires_in_days=7, artifact_kinds=["sop_checklist"]
    )
    text = body_text(pages_of(anonymous_client.get(pdf_url(created.token))))
    assert flat(SAMPLE_FIELDS["sop_checklist"]["error_prevented"]) in text
    assert get_kind("handoff_template").title not in text and flat(HANDOFF["framework"]) not in text
    # The owner's own PDF is what a link showing everything shows.
    owner = body_text(pages_of(candidate_client.get(reverse("portfolios:portfolio_pdf", args=[portfolio.pk]))))
    assert flat(HANDOFF["framework"]) in owner and flat(SAMPLE_FIELDS["sop_checklist"]["error_prevented"]) in owner
