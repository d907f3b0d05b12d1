"""Recruiter share links: the candidate's link settings, and the public read-only page."""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portfolios import access, selectors, services, throttle
from portfolios.findings_view import phi_passages
from portfolios.forms import ShareLinkForm

# Share pages must not be indexed, leak their URL through Referer, or sit in any cache.
SHARE_HEADERS = {
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "private, no-store",
}


SHARE_CACHE_SECONDS = 60 * 60


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


def _share_page_cache_key(portfolio) -> str:
    # Every write a recruiter could see bumps content_version; profile edits move updated_at.
    return f"share-page:{portfolio.pk}:{portfolio.content_version}:{portfolio.owner.updated_at.timestamp()}"


def _render_share_page(request: HttpRequest, portfolio) -> tuple[int, bytes]:
    if services.phi_blockers(portfolio):
        return 503, render_to_string("portfolios/share_unavailable.html", request=None).encode()
    page = selectors.share_page(portfolio)
    html = render_to_string("portfolios/share_page.html", {"page": page, "owner": portfolio.owner}, request=None)
    return 200, html.encode()


@require_GET
@throttle.limit_failed_lookups(throttle.SHARE_LOOKUP_FAILURES)
def share_page(request: HttpRequest, token: str) -> HttpResponse:
    """The recruiter's read-only portfolio; unknown, expired and revoked links are the same 404.

    The page holds nothing per visitor, so it is rendered once per content version and
    cached; the version comes with the link lookup, so a cached page is never stale.
    """
    link = access.active_share_link(token)
    portfolio = link.portfolio
    key = _share_page_cache_key(portfolio)
    cached = cache.get(key)
    if cached is None:
        cached = _render_share_page(request, portfolio)
        cache.set(key, cached, timeout=SHARE_CACHE_SECONDS)
    status, body = cached
    if status == 200:
        services.share_link_record_view(link=link)
    return _with_share_headers(HttpResponse(body, status=status))
