"""The candidate's tools against patient identifiers: the portfolio headline, replace all, purge from history.

Like every owner's view, these send a signed-out visitor to log in and answer 404 to anyone else but the owner.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from portfolios import access, services
from portfolios.forms import PortfolioHeadlineForm, PurgeHistoryForm, ReplaceAllForm
from portfolios.views.candidate import render_portfolio_detail


@login_required
@require_POST
def portfolio_headline(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """Set this portfolio's headline; a headline holding identifiers is refused with the reason, and kept."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    form = PortfolioHeadlineForm(request.POST)
    if form.is_valid():
        try:
            services.portfolio_headline_update(portfolio=portfolio, headline=form.cleaned_data["headline"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Headline saved." if portfolio.headline else "Headline cleared.")
            return redirect(portfolio)
    return render_portfolio_detail(request, portfolio, headline_form=form, status=422)


@login_required
@require_POST
def artifact_replace_all(request: HttpRequest, portfolio_id: int, kind: str) -> HttpResponse:
    """Replace every flagged identifier with a readable placeholder, as one new revision."""
    portfolio, artifact = access.owned_started_artifact(request.user, portfolio_id, kind)
    form = ReplaceAllForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That request could not be read. Nothing was changed; reload the page and try again.")
        return redirect("portfolios:artifact_edit", portfolio.pk, kind)
    try:
        saved = services.artifact_replace_all_identifiers(
            artifact=artifact, expected_version=form.cleaned_data["expected_version"], author=request.user
        )
    except services.VersionConflict:
        messages.error(request, "This artifact changed since you opened it. Nothing was replaced; check it again.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{saved.revision.note} (revision {saved.revision.number}).")
    return redirect("portfolios:artifact_edit", portfolio.pk, kind)


@login_required
@require_http_methods(["GET", "POST"])
def artifact_purge_history(request: HttpRequest, portfolio_id: int, kind: str) -> HttpResponse:
    """Confirm, then rewrite identifiers out of every earlier revision of one artifact."""
    portfolio, artifact = access.owned_started_artifact(request.user, portfolio_id, kind)
    form = PurgeHistoryForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            purge = services.artifact_purge_history(artifact=artifact, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                f"Removed {purge.identifiers_removed} identifier{'s' if purge.identifiers_removed != 1 else ''} "
                f"from {purge.revisions_rewritten} earlier revision{'s' if purge.revisions_rewritten != 1 else ''}.",
            )
            return redirect("portfolios:artifact_history", portfolio.pk, kind)
    revisions, identifiers = services.history_identifier_count(artifact)
    return render(
        request,
        "portfolios/artifact_purge.html",
        {
            "portfolio": portfolio,
            "artifact": artifact,
            "kind": artifact.kind_info,
            "form": form,
            "revisions_with_identifiers": revisions,
            "identifiers_in_history": identifiers,
            "current_clean": artifact.phi_error_count == 0,
        },
        status=422 if form.is_bound and form.errors else 200,
    )
