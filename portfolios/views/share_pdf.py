"""The share page as a PDF: for the recruiter through the link, and for the candidate from their portfolio."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portfolios import access, selectors_share, throttle
from portfolios.selectors_share import Outcome
from portfolios.share_pdf import SharePdf, share_pdf_body
from portfolios.views.share import SHARE_HEADERS


@require_GET
def share_pdf(request: HttpRequest, token: str) -> HttpResponse:
    """The link's share page as a PDF; the link opens, fails and is throttled exactly as the page.

    A PDF is not counted as a view: it is fetched from the page, which counted the visit, and
    mail scanners and applicant-tracking systems fetch documents no person opened.
    """
    address = throttle.client_address(request)
    found = selectors_share.share_link_lookup(token, address)
    if found.outcome is Outcome.THROTTLED:
        return throttle.too_many_requests(request, selectors_share.LOOKUP_LIMIT)
    if found.outcome is Outcome.GONE:
        throttle.hit(selectors_share.LOOKUP_LIMIT, address)
        return _with_share_headers(render(request, "portfolios/share_link_gone.html", status=404))
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
