"""The share page as a PDF: for the recruiter through the link, and for the candidate from their portfolio."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from portfolios import access
from portfolios.share_pdf import SharePdf, share_pdf_body
from portfolios.views.share import SHARE_HEADERS, open_share_link


@require_GET
def share_pdf(request: HttpRequest, token: str) -> HttpResponse:
    """The link's share page as a PDF; the link opens, fails and is throttled exactly as the page.

    A PDF is not counted as a view: it is fetched from the page, which counted the visit, and
    mail scanners and applicant-tracking systems fetch documents no person opened.
    """
    found = open_share_link(request, token)
    if isinstance(found, HttpResponse):
        return found
    return _pdf_response(share_pdf_body(found.portfolio_id, found.content_version, found.link_id))


@login_required
@require_GET
def portfolio_pdf(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """The owner's own PDF: what a link showing every complete artifact shows, paused by the same PHI gate."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    return _pdf_response(share_pdf_body(portfolio.pk, portfolio.content_version))


def _pdf_response(pdf: SharePdf) -> HttpResponse:
    if not pdf.is_pdf:  # the page paused by the PHI gate, as the share page answers
        return _with_share_headers(HttpResponse(pdf.content, status=pdf.status))
    response = HttpResponse(pdf.content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf.filename}"'
    return _with_share_headers(response)


def _with_share_headers(response: HttpResponse) -> HttpResponse:
    for header, value in SHARE_HEADERS.items():
        response[header] = value
    return response
