"""Recruiter share links: the candidate's link settings, and the public read-only page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portfolios import access, selectors, services
from portfolios.findings_view import phi_passages
from portfolios.forms import ShareLinkForm

# Share pages must not be indexed, leak their URL through Referer, or sit in any cache.
SHARE_HEADERS = {
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "private, no-store",
}


def _with_share_headers(response: HttpResponse) -> HttpResponse:
    for header, value in SHARE_HEADERS.items():
        response[header] = value
    return response


@require_http_methods(["GET", "POST"])
def share_links(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """List, create and revoke a portfolio's share links; say what blocks sharing, if anything."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    form = ShareLinkForm(request.POST if request.method == "POST" else None)
    new_link_url = None
    if request.method == "POST" and form.is_valid():
        try:
            created = services.share_link_create(
                portfolio=portfolio,
                label=form.cleaned_data["label"],
                expires_in_days=form.cleaned_data["expires_in_days"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            new_link_url = request.build_absolute_uri(reverse("portfolios:share_page", args=[created.token]))
            messages.success(request, f"Link “{created.link.label}” created. Copy it now: it is shown only once.")
            form = ShareLinkForm()
    blockers = services.phi_blockers(portfolio)
    response = render(
        request,
        "portfolios/share_links.html",
        {
            "portfolio": portfolio,
            "form": form,
            "links": selectors.share_links(portfolio),
            "new_link_url": new_link_url,
            "blockers": [(artifact, phi_passages(artifact)) for artifact in blockers],
        },
        status=422 if form.is_bound and form.errors else 200,
    )
    if new_link_url:
        response["Cache-Control"] = "private, no-store"  # the page holds a secret link
    return response


@require_POST
def share_link_revoke(request: HttpRequest, portfolio_id: int, link_id: int) -> HttpResponse:
    link = access.owned_share_link(request.user, portfolio_id, link_id)
    services.share_link_revoke(link=link)
    messages.success(request, f"Link “{link.label}” revoked. It stopped working just now.")
    return redirect("portfolios:share_links", portfolio_id)


@require_GET
def share_page(request: HttpRequest, token: str) -> HttpResponse:
    """The recruiter's read-only portfolio; unknown, expired and revoked links are the same 404."""
    link = access.active_share_link(token)
    portfolio = link.portfolio
    if services.phi_blockers(portfolio):
        return _with_share_headers(render(request, "portfolios/share_unavailable.html", status=503))
    services.share_link_record_view(link=link)
    page = selectors.share_page(portfolio)
    return _with_share_headers(render(request, "portfolios/share_page.html", {"page": page, "owner": portfolio.owner}))
