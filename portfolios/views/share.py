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
from portfolios.kinds import KINDS_BY_KEY
from portfolios.selectors_share import Outcome
from portfolios.share_forms import BriefForm, NewShareLinkForm, ShareLinkEditForm

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


def _artifact_choices(portfolio) -> list[tuple[str, str]]:
    return [(kind, KINDS_BY_KEY[kind].title) for kind in services.complete_kinds(portfolio)]


def _share_settings(
    request: HttpRequest, portfolio, *, form, brief_form=None, new_link=None, new_link_url=None, status=200
):
    blockers = services.phi_blockers(portfolio)
    return render(
        request,
        "portfolios/share_links.html",
        {
            "portfolio": portfolio,
            "form": form,
            "brief_form": brief_form
            or BriefForm(
                initial={
                    "positioning": portfolio.positioning,
                    "show_email": portfolio.show_email,
                    "show_unproven_rows": portfolio.show_unproven_rows,
                }
            ),
            "links": selectors.share_links(portfolio),
            "new_link": new_link,
            "new_link_url": new_link_url,
            "blockers": [(artifact, phi_passages(artifact)) for artifact in blockers],
            "profile_problems": services.portfolio_problems(portfolio),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def share_links(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """List, create and revoke a portfolio's share links; say what blocks sharing, if anything."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    artifacts = _artifact_choices(portfolio)
    form = NewShareLinkForm(request.POST if request.method == "POST" else None, artifacts=artifacts)
    new_link = new_link_url = None
    if request.method == "POST" and form.is_valid():
        try:
            created = services.share_link_create(
                portfolio=portfolio,
                label=form.cleaned_data["label"],
                expires_in_days=form.cleaned_data["expires_in_days"],
                artifact_kinds=form.chosen_kinds(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            new_link = created.link
            new_link_url = request.build_absolute_uri(reverse("portfolios:share_page", args=[created.token]))
            messages.success(request, f"Link “{created.link.label}” created. Copy it now: it is shown only once.")
            form = NewShareLinkForm(artifacts=artifacts)
    status = 422 if form.is_bound and form.errors else 200
    response = _share_settings(
        request, portfolio, form=form, new_link=new_link, new_link_url=new_link_url, status=status
    )
    if new_link_url:
        response["Cache-Control"] = "private, no-store"  # the page holds a secret link
    return response


@login_required
@require_POST
def portfolio_brief(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """Save what the recruiter's brief says: the positioning line, the e-mail, unproven rows."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    brief_form = BriefForm(request.POST)
    if brief_form.is_valid():
        try:
            services.portfolio_brief_update(portfolio=portfolio, **brief_form.cleaned_data)
        except ValidationError as error:
            brief_form.add_error(None, error)
        else:
            messages.success(request, "Brief saved. Every link shows it from now on.")
            return redirect("portfolios:share_links", portfolio.pk)
    form = NewShareLinkForm(artifacts=_artifact_choices(portfolio))
    return _share_settings(request, portfolio, form=form, brief_form=brief_form, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def share_link_edit(request: HttpRequest, portfolio_id: int, link_id: int) -> HttpResponse:
    """Change a link's label and which artifacts it shows, in which order; its views stay counted."""
    link = access.owned_share_link(request.user, portfolio_id, link_id)
    artifacts = _artifact_choices(link.portfolio)
    form = ShareLinkEditForm(
        request.POST if request.method == "POST" else None,
        artifacts=artifacts,
        chosen=link.artifact_kinds,
        initial={"label": link.label},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.share_link_update(link=link, label=form.cleaned_data["label"], artifact_kinds=form.chosen_kinds())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Link “{link.label}” updated. Its recruiter sees the change at once.")
            return redirect("portfolios:share_links", portfolio_id)
    missing = [kind for kind in link.artifact_kinds or [] if kind not in dict(artifacts)]
    return render(
        request,
        "portfolios/share_link_edit.html",
        {
            "portfolio": link.portfolio,
            "link": link,
            "form": form,
            "missing": [KINDS_BY_KEY[kind].title for kind in missing if kind in KINDS_BY_KEY],
        },
        status=422 if form.is_bound and form.errors else 200,
    )


@login_required
@require_GET
def share_link_preview(request: HttpRequest, portfolio_id: int, link_id: int) -> HttpResponse:
    """The link's page exactly as its recruiter sees it (not counted as a view), under a preview banner."""
    link = access.owned_share_link(request.user, portfolio_id, link_id)
    portfolio = link.portfolio
    context = fragments.share_page_context(portfolio, link)
    context["preview"] = True
    context["paused"] = bool(services.phi_blockers(portfolio) or services.portfolio_problems(portfolio))
    return _with_share_headers(render(request, "portfolios/share_page.html", context))


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


def open_share_link(request: HttpRequest, token: str) -> selectors_share.ShareLookup | HttpResponse:
    """The link as this visitor opens it (open, or paused by the PHI gate), else the answer to send.

    The page and its PDF (views/share_pdf.py) both open links here, so they fail alike: 429 while
    the address is throttled, and for unknown, expired and revoked links the same friendly 404,
    each counted against the address.
    """
    address = throttle.client_address(request)
    found = selectors_share.share_link_lookup(token, address)
    if found.outcome is Outcome.THROTTLED:
        return throttle.too_many_requests(request, selectors_share.LOOKUP_LIMIT)
    if found.outcome is Outcome.GONE:
        throttle.hit(selectors_share.LOOKUP_LIMIT, address)
        # One friendly page for every dead link, in every mode (never the debug 404 page).
        return _with_share_headers(render(request, "portfolios/share_link_gone.html", status=404))
    return found


@require_GET
def share_page(request: HttpRequest, token: str) -> HttpResponse:
    """The recruiter's read-only portfolio; unknown, expired and revoked links are the same 404.

    One read-only query opens a live link (`selectors_share.share_link_lookup`); the page comes
    from the per-version page cache (`fragments.share_page_body`); a shown page is counted as a
    view, in a batch. Failed lookups are throttled per address, so tokens cannot be guessed.
    """
    found = open_share_link(request, token)
    if isinstance(found, HttpResponse):
        return found
    body = fragments.share_page_body(found.portfolio_id, found.content_version, found.link_id)
    if body.status == 200:  # a page paused by the PHI gate is not a view
        services.share_link_record_view(link_id=found.link_id)
    return _share_response(request, body)
