"""Recruiter share links: the candidate's link settings, and the public read-only page."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portfolios import access, fragments, selectors, selectors_share, services, throttle
from portfolios.findings_view import phi_passages
from portfolios.forms import ShareLinkForm
from portfolios.selectors_share import Outcome

# Share pages must not be indexed, leak their URL through Referer, or sit in any cache.
SHARE_HEADERS = {
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "private, no-store",
}


ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as django.middleware.gzip reads Accept-Encoding


def _with_share_headers(response: HttpResponse) -> HttpResponse:
    for header, value in SHARE_HEADERS.items():
        response[header] = value
    return response


@login_required
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
            "profile_problems": services.portfolio_problems(portfolio),
        },
        status=422 if form.is_bound and form.errors else 200,
    )
    if new_link_url:
        response["Cache-Control"] = "private, no-store"  # the page holds a secret link
    return response


@login_required
@require_POST
def share_link_revoke(request: HttpRequest, portfolio_id: int, link_id: int) -> HttpResponse:
    link = access.owned_share_link(request.user, portfolio_id, link_id)
    services.share_link_revoke(link=link)
    messages.success(request, f"Link “{link.label}” revoked. It stopped working just now.")
    return redirect("portfolios:share_links", portfolio_id)


def _share_response(request: HttpRequest, body: fragments.SharePageBody) -> HttpResponse:
    if body.gzipped is not None and ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(body.gzipped, status=body.status)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(body.html, status=body.status)
    patch_vary_headers(response, ["Accept-Encoding"])
    return _with_share_headers(response)


@require_GET
def share_page(request: HttpRequest, token: str) -> HttpResponse:
    """The recruiter's read-only portfolio; unknown, expired and revoked links are the same 404.

    One read-only query opens a live link (`selectors_share.share_link_lookup`); the page comes
    from the per-version page cache (`fragments.share_page_body`); a shown page is counted as a
    view, in a batch. Failed lookups are throttled per address, so tokens cannot be guessed.
    """
    address = throttle.client_address(request)
    found = selectors_share.share_link_lookup(token, address)
    if found.outcome is Outcome.THROTTLED:
        return throttle.too_many_requests(request, selectors_share.LOOKUP_LIMIT)
    if found.outcome is Outcome.GONE:
        throttle.hit(selectors_share.LOOKUP_LIMIT, address)
        # One friendly page for every dead link, in every mode (never the debug 404 page).
        return _with_share_headers(render(request, "portfolios/share_link_gone.html", status=404))
    body = fragments.share_page_body(found.portfolio_id, found.content_version)
    if body.status == 200:  # a page paused by the PHI gate is not a view
        services.share_link_record_view(link_id=found.link_id)
    return _share_response(request, body)
