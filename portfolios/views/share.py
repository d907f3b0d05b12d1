"""Recruiter share links: the candidate's link settings, and the public read-only page."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portfolios import access, selectors, services, throttle
from portfolios.findings_view import phi_passages
from portfolios.forms import ShareLinkForm
from portfolios.models import Portfolio

# Share pages must not be indexed, leak their URL through Referer, or sit in any cache.
SHARE_HEADERS = {
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "private, no-store",
}


SHARE_CACHE_SECONDS = 60 * 60
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


def _share_page_cache_key(portfolio_id: int, content_version: int) -> str:
    # Every write a recruiter could see, profile edits included, bumps content_version.
    return f"share-page:{portfolio_id}:{content_version}"


@dataclass(frozen=True)
class SharePageBody:
    status: int
    html: bytes
    gzipped: bytes | None = None  # compressed once, when cached: browsers all accept gzip
    cacheable: bool = False  # a 200 always is


def _render_share_page(portfolio_id: int) -> tuple[SharePageBody, int]:
    """The page and the content version it shows; 503 while the PHI gate pauses sharing."""
    portfolio = Portfolio.objects.select_related("owner").get(pk=portfolio_id)
    if services.phi_blockers(portfolio):
        return SharePageBody(503, render_to_string("portfolios/share_unavailable.html").encode()), 0
    if services.portfolio_problems(portfolio):
        # The profile and headline are checked here, once per content version (profile and
        # headline edits bump it), so a paused page is cached like a shown one.
        paused = render_to_string("portfolios/share_unavailable.html").encode()
        return SharePageBody(503, paused, cacheable=True), portfolio.content_version
    page = selectors.share_page(portfolio)
    html = render_to_string("portfolios/share_page.html", {"page": page, "owner": portfolio.owner}).encode()
    return SharePageBody(200, html, gzip.compress(html, compresslevel=6)), portfolio.content_version


def _share_page_body(portfolio_id: int, content_version: int) -> SharePageBody:
    body = cache.get(_share_page_cache_key(portfolio_id, content_version))
    if body is None:
        body, rendered_version = _render_share_page(portfolio_id)
        if body.status == 200 or body.cacheable:
            cache.set(_share_page_cache_key(portfolio_id, rendered_version), body, timeout=SHARE_CACHE_SECONDS)
    return body


def _share_response(request: HttpRequest, body: SharePageBody) -> HttpResponse:
    if body.gzipped is not None and ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(body.gzipped, status=body.status)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(body.html, status=body.status)
    patch_vary_headers(response, ["Accept-Encoding"])
    return _with_share_headers(response)


def _share_page_not_opened(request: HttpRequest, token: str) -> HttpResponse:
    """Why a link did not open: throttled (429), paused by the PHI gate (503), or no such link (404)."""
    limit, address = throttle.SHARE_LOOKUP_FAILURES, throttle.client_address(request)
    if throttle.is_limited(limit, address):
        return throttle.too_many_requests(request, limit)
    try:
        link = access.active_share_link(token)
    except Http404:
        throttle.hit(limit, address)
        # One friendly page for every dead link, in every mode (never the debug 404 page).
        return _with_share_headers(render(request, "portfolios/share_link_gone.html", status=404))
    body = _share_page_body(link.portfolio_id, link.portfolio.content_version)
    if body.status == 200:  # the PHI gate lifted between the two lookups
        services.share_link_record_view(link_id=link.pk)
    return _share_response(request, body)


@require_GET
def share_page(request: HttpRequest, token: str) -> HttpResponse:
    """The recruiter's read-only portfolio; unknown, expired and revoked links are the same 404.

    One read-only query opens the link (live, PHI gate passed, caller not throttled) and
    returns the portfolio's content version; a shown page is counted as a view, in a batch.
    The page holds nothing per visitor, so it is rendered (and gzipped) once per content
    version and cached, and a cached page is never stale. Failed lookups are throttled per address, so tokens
    cannot be guessed.
    """
    limit, address = throttle.SHARE_LOOKUP_FAILURES, throttle.client_address(request)
    gate = throttle.gate(limit, address)
    if gate is None and throttle.is_limited(limit, address):  # counts in a shared cache, not in the query
        return throttle.too_many_requests(request, limit)
    opened = services.share_link_open(token, gate=gate)
    if opened is None:
        return _share_page_not_opened(request, token)
    body = _share_page_body(opened.portfolio_id, opened.content_version)
    if body.status == 200:  # a page paused for the profile or headline is not a view
        services.share_link_record_view(link_id=opened.link_id)
    return _share_response(request, body)
