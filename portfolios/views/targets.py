"""Target jobs (owner only): paste a posting, see what it stresses and how the portfolio covers it, make a link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portfolios import access, selectors_targets, services
from portfolios.target_forms import IndustryForm, TargetJobForm

NO_STORE = "private, no-store"  # a page holding a new link's token must not be cached anywhere


def _portfolio_industry_form(portfolio, data=None) -> IndustryForm:
    return IndustryForm(data, initial={"industry": portfolio.industry}, prefix="lens")


@login_required
@require_http_methods(["GET", "POST"])
def targets(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """The portfolio's target jobs, a form to paste a new posting, and the portfolio's industry lens."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    form = TargetJobForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            target = services.target_job_create(portfolio=portfolio, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"“{target.label}” added. Here is what the posting asks for.")
            return redirect(target)
    return render(
        request,
        "portfolios/targets.html",
        {
            "portfolio": portfolio,
            "form": form,
            "targets": selectors_targets.target_jobs(portfolio),
            "lens": selectors_targets.portfolio_lens(portfolio),
            "lens_form": _portfolio_industry_form(portfolio),
        },
        status=422 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def portfolio_industry(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """Set the portfolio's industry lens; back to the page the form was on."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    form = _portfolio_industry_form(portfolio, request.POST)
    if form.is_valid():
        services.portfolio_industry_update(portfolio=portfolio, industry=form.cleaned_data["industry"])
        lens = portfolio.get_industry_display() if portfolio.industry else "No"
        messages.success(request, f"{lens} lens set. Its checks and interview questions follow it.")
    else:
        messages.error(request, "Choose Enterprise, Consumer, or no lens.")
    if request.POST.get("back") == "portfolio":
        return redirect(portfolio.get_absolute_url() + "#lens-heading")
    return redirect(reverse("portfolios:targets", args=[portfolio.pk]) + "#lens-heading")


def _target_page(request: HttpRequest, target, *, new_link=None, link_error=None, industry_form=None, status=200):
    page = selectors_targets.target_page(target)
    response = render(
        request,
        "portfolios/target.html",
        {
            "portfolio": target.portfolio,
            "target": target,
            "page": page,
            "industry_form": industry_form
            or IndustryForm(initial={"industry": target.industry}, blank_label="As read from the posting"),
            "new_link_url": request.build_absolute_uri(reverse("portfolios:share_page", args=[new_link.token]))
            if new_link
            else None,
            "new_link": new_link.link if new_link else None,
            "link_error": link_error,
        },
        status=status,
    )
    if new_link:
        response["Cache-Control"] = NO_STORE
    return response


@login_required
@require_GET
def target(request: HttpRequest, portfolio_id: int, target_id: int) -> HttpResponse:
    """What the posting asks for, how the portfolio's checked artifacts cover it, and what is missing."""
    return _target_page(request, access.owned_target_job(request.user, portfolio_id, target_id))


@login_required
@require_POST
def target_industry(request: HttpRequest, portfolio_id: int, target_id: int) -> HttpResponse:
    """Override the industry read from the posting, or go back to it."""
    target = access.owned_target_job(request.user, portfolio_id, target_id)
    form = IndustryForm(request.POST, blank_label="As read from the posting")
    if not form.is_valid():
        return _target_page(request, target, industry_form=form, status=422)
    services.target_job_set_industry(target=target, industry=form.cleaned_data["industry"])
    messages.success(request, "Industry lens saved for this job.")
    return redirect(target)


@login_required
@require_POST
def target_link(request: HttpRequest, portfolio_id: int, target_id: int) -> HttpResponse:
    """Make a share link for this job: its matching artifacts first. The link is shown once."""
    target = access.owned_target_job(request.user, portfolio_id, target_id)
    try:
        created = services.target_share_link_create(target=target)
    except ValidationError as error:
        return _target_page(request, target, link_error=" ".join(error.messages), status=422)
    messages.success(request, f"Link “{created.link.label}” created. Copy it now: it is shown only once.")
    return _target_page(request, target, new_link=created)


@login_required
@require_http_methods(["GET", "POST"])
def target_delete(request: HttpRequest, portfolio_id: int, target_id: int) -> HttpResponse:
    """Ask, then forget a target job (links made for it keep working until revoked)."""
    target = access.owned_target_job(request.user, portfolio_id, target_id)
    if request.method == "POST":
        services.target_job_delete(target=target)
        messages.success(request, f"“{target.label}” deleted.")
        return redirect("portfolios:targets", portfolio_id)
    return render(request, "portfolios/target_delete.html", {"portfolio": target.portfolio, "target": target})
