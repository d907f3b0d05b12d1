"""The candidate's pages: dashboard, portfolios, the artifact editor and its history.

A signed-out visitor is sent to log in (with `next`) whatever the URL, so an owner who follows
a link from a mail gets there after logging in and nobody learns whether the object exists.
Signed in, `access` answers 404 to anyone but the owner.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe

from portfolios import access, fragments, selectors, services
from portfolios.checker import check_artifact
from portfolios.demo_data import weak_demo_artifacts
from portfolios.diffing import diff_fields
from portfolios.findings_view import group_findings
from portfolios.forms import (
    ACTION_CHECK,
    ArtifactForm,
    PortfolioCreateForm,
    PortfolioHeadlineForm,
    RedactForm,
    TrackChangeForm,
)
from portfolios.kinds import KINDS_BY_KEY
from portfolios.merging import BOTH, merge_sections
from portfolios.models import Artifact
from portfolios.proof_summary import summary_hints
from portfolios.rows import ROWS
from portfolios.rubric.findings import CheckResult
from portfolios.strong_examples import EXAMPLES
from portfolios.tracks import TRACKS, TRACKS_BY_KEY


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    """Every portfolio of the candidate, with progress and rubric coverage."""
    return render(request, "portfolios/dashboard.html", {"cards": fragments.dashboard_cards(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def portfolio_new(request: HttpRequest) -> HttpResponse:
    """Pick a track to start a portfolio for it."""
    # ?track=<key> (from a landing-page track card) preselects that setting.
    initial = {"track": request.GET["track"]} if request.GET.get("track") in TRACKS_BY_KEY else {}
    form = PortfolioCreateForm(request.POST if request.method == "POST" else None, initial=initial)
    taken = set(request.user.portfolios.values_list("track", flat=True))
    if request.method == "POST" and form.is_valid():
        try:
            portfolio = services.portfolio_create(owner=request.user, track=form.cleaned_data["track"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{portfolio.track_info.name} portfolio created.")
            return redirect(portfolio)
    return render(request, "portfolios/portfolio_new.html", {"form": form, "tracks": TRACKS, "taken": taken})


@login_required
@require_GET
def portfolio_detail(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """One portfolio: its artifacts, their status and the coverage matrix."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    return render_portfolio_detail(request, portfolio)


def render_portfolio_detail(
    request: HttpRequest, portfolio, *, headline_form: PortfolioHeadlineForm | None = None, status: int = 200
) -> HttpResponse:
    """The portfolio page; `headline_form` carries a refused headline back with its errors."""
    overview = selectors.portfolio_overview(portfolio)
    return render(
        request,
        "portfolios/portfolio_detail.html",
        {
            "overview": overview,
            "portfolio": portfolio,
            "rows": ROWS,
            "weak_demo": weak_demo_artifacts(request.user.email, portfolio.track),
            "track_form": TrackChangeForm(initial={"track": portfolio.track}),
            "headline_form": headline_form or PortfolioHeadlineForm(initial={"headline": portfolio.headline}),
        },
        status=status,
    )


@login_required
@require_POST
def portfolio_change_track(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """Move a portfolio to another track; its artifacts come along and are re-checked."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    form = TrackChangeForm(request.POST)
    if form.is_valid():
        try:
            services.portfolio_change_track(portfolio=portfolio, track=form.cleaned_data["track"])
        except ValidationError as error:
            for message in error.message_dict.get("track", error.messages):
                messages.error(request, message)
        else:
            messages.success(request, f"This portfolio now targets {TRACKS_BY_KEY[portfolio.track].name}.")
    else:
        messages.error(request, "Choose one of the listed tracks.")
    return redirect(portfolio)


def _stored_result(artifact) -> CheckResult | None:
    if artifact is None or not artifact.check_result:
        return None
    return CheckResult.from_dict(artifact.check_result)


@login_required
@require_http_methods(["GET", "POST"])
def artifact_edit(request: HttpRequest, portfolio_id: int, kind: str) -> HttpResponse:
    """The guided editor: save a draft, mark complete, or check without saving."""
    portfolio, artifact = access.owned_artifact(request.user, portfolio_id, kind)
    artifact_kind = KINDS_BY_KEY[kind]
    version = artifact.version if artifact else 0
    result = _stored_result(artifact)
    result_fields = artifact.fields if artifact else {}
    live = False
    if request.method == "GET":
        initial = {
            "version": version,
            "summary": artifact.summary if artifact else "",
            **(artifact.fields if artifact else {}),
        }
        form = ArtifactForm(kind=artifact_kind, initial=initial)
    else:
        current_status = artifact.status if artifact else Artifact.Status.DRAFT
        form = ArtifactForm(
            request.POST,
            kind=artifact_kind,
            current_status=current_status,
            current_summary=artifact.summary if artifact else "",
        )
        if form.is_valid() and form.cleaned_data.get("action") == ACTION_CHECK:
            result_fields = form.section_values()
            result = check_artifact(kind, portfolio.track, result_fields)
            live = True
            messages.info(request, "Checked your current text. Nothing was saved yet.")
        elif form.is_valid():
            try:
                saved = services.artifact_save(
                    portfolio=portfolio,
                    kind=kind,
                    fields=form.section_values(),
                    status=form.status,
                    expected_version=form.cleaned_data["version"],
                    author=request.user,
                    summary=form.summary_value(),
                )
            except services.VersionConflict as conflict:
                return _conflict(request, portfolio, conflict)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _saved_message(artifact_kind.title, current_status, form, saved))
                return redirect("portfolios:artifact_edit", portfolio.pk, kind)
        else:
            messages.error(request, "Nothing was saved: please fix the problems marked below. Your text is kept.")
    return render(
        request,
        "portfolios/artifact_edit.html",
        {
            "portfolio": portfolio,
            "artifact": artifact,
            "kind": artifact_kind,
            "form": form,
            "groups": group_findings(result, artifact_kind, result_fields) if result else None,
            "live": live,
            "summary_hints": summary_hints(form["summary"].value() or ""),
            "rows": ROWS,
            "live_links": selectors.live_share_link_labels(portfolio) if _is_complete(artifact) else [],
            "has_strong_example": kind in EXAMPLES,
            "weak_demo_note": weak_demo_artifacts(request.user.email, portfolio.track).get(kind, ""),
        },
        status=422 if form.is_bound and form.errors else 200,
    )


def _is_complete(artifact) -> bool:
    return artifact is not None and artifact.status == Artifact.Status.COMPLETE


def _saved_message(title: str, was: str, form: ArtifactForm, saved: services.SaveResult) -> str:
    revision = f"(revision {saved.revision.number})"
    if form.status == Artifact.Status.COMPLETE and was == Artifact.Status.COMPLETE:
        return f"{title} saved {revision}. It is still complete: live links show the new text."
    if form.status == Artifact.Status.COMPLETE:
        return f"{title} marked complete {revision}."
    if was == Artifact.Status.COMPLETE:
        return f"{title} moved back to draft {revision}. Recruiter links no longer show it."
    return f"{title} saved as a draft {revision}."


def _conflict(request: HttpRequest, portfolio, conflict: services.VersionConflict) -> HttpResponse:
    """Show both texts, merged where only one side changed a section; the person settles the rest."""
    current = conflict.artifact
    base = selectors.revision_fields(current, conflict.base_version)
    sections = merge_sections(current.kind_info, base, conflict.submitted, current.fields)
    return render(
        request,
        "portfolios/artifact_conflict.html",
        {
            "portfolio": portfolio,
            "artifact": current,
            "kind": current.kind_info,
            "sections": sections,
            "both_changed": sum(1 for item in sections if item.outcome == BOTH),
            "submitted_status": conflict.submitted_status,
            "submitted_summary": current.summary if conflict.submitted_summary is None else conflict.submitted_summary,
        },
        status=409,
    )


@login_required
@require_GET
def artifact_history(request: HttpRequest, portfolio_id: int, kind: str) -> HttpResponse:
    """Every revision, and a readable diff between any two of them."""
    portfolio, artifact = access.owned_started_artifact(request.user, portfolio_id, kind)
    revisions = selectors.revision_list(artifact)
    diff = None
    old_number = new_number = None
    try:
        old_number, new_number = _revision_number(request.GET["old"]), _revision_number(request.GET["new"])
    except (KeyError, ValueError):
        if len(revisions) >= 2:
            old_number, new_number = revisions[1].number, revisions[0].number
    if old_number is not None and new_number is not None:
        pair = selectors.revision_pair(artifact, old_number, new_number)
        if pair is None:
            messages.error(request, "One of those revisions does not exist; showing the latest change instead.")
        else:
            diff = diff_fields(artifact.kind_info, pair[0].fields, pair[1].fields)
    return render(
        request,
        "portfolios/artifact_history.html",
        {
            "portfolio": portfolio,
            "artifact": artifact,
            "kind": artifact.kind_info,
            "revisions": revisions,
            "diff": diff,
            "old_number": old_number,
            "new_number": new_number,
        },
    )


def _revision_number(value: str) -> int:
    number = int(value)
    if not 0 < number < 2**31:
        raise ValueError(value)
    return number


@login_required
@require_POST
def revision_restore(request: HttpRequest, portfolio_id: int, kind: str, number: int) -> HttpResponse:
    """Bring an old revision back as a new one; nothing is destroyed."""
    portfolio, artifact = access.owned_started_artifact(request.user, portfolio_id, kind)
    try:
        expected = _revision_number(request.POST.get("version", ""))
    except ValueError:
        expected = -1
    try:
        saved = services.revision_restore(
            artifact=artifact, number=number, author=request.user, expected_version=expected
        )
    except services.VersionConflict:
        messages.error(
            request,
            "This artifact changed while you were looking at its history. Nothing was restored: check the latest "
            "revision, then restore again if you still want to.",
        )
        return redirect("portfolios:artifact_history", portfolio.pk, kind)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("portfolios:artifact_history", portfolio.pk, kind)
    messages.success(request, f"Revision {number} restored as revision {saved.revision.number}.")
    return redirect("portfolios:artifact_edit", portfolio.pk, kind)


@login_required
@require_POST
def artifact_check(request: HttpRequest, portfolio_id: int, kind: str) -> HttpResponse:
    """Check the editor's unsaved text and return the findings panel; saves nothing."""
    portfolio, artifact = access.owned_artifact(request.user, portfolio_id, kind, with_text=False)
    artifact_kind = KINDS_BY_KEY[kind]
    data = request.POST.copy()
    data["action"] = ACTION_CHECK  # this endpoint only ever checks, whatever the post says
    form = ArtifactForm(data, kind=artifact_kind)
    if not form.is_valid():
        errors = [f"{_field_label(artifact_kind, key)}: {' '.join(msgs)}" for key, msgs in form.errors.items()]
        return render(request, "portfolios/includes/_check_errors.html", {"errors": errors}, status=422)
    fields = form.section_values()
    result = check_artifact(kind, portfolio.track, fields)
    return render(
        request,
        "portfolios/includes/_live_check.html",
        {
            "summary_hints": summary_hints(form.cleaned_data.get("summary") or ""),
            "groups": group_findings(result, artifact_kind, fields),
            "live": True,
            "portfolio": portfolio,
            "kind": artifact_kind,
            "artifact": artifact,
        },
    )


def _field_label(kind, key: str) -> str:
    if key in kind.section_keys:
        return kind.section(key).label
    return "Proof summary" if key == "summary" else "Form"


@login_required
@require_POST
def artifact_redact(request: HttpRequest, portfolio_id: int, kind: str) -> HttpResponse:
    """Replace one flagged identifier with its placeholder, saved as a new revision."""
    portfolio, artifact = access.owned_started_artifact(request.user, portfolio_id, kind)
    form = RedactForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That replacement could not be read. Nothing was changed.")
        return redirect("portfolios:artifact_edit", portfolio.pk, kind)
    try:
        saved = services.artifact_replace_identifier(artifact=artifact, author=request.user, **form.cleaned_data)
    except services.VersionConflict:
        messages.error(request, "This artifact changed since the check ran. Nothing was replaced; check it again.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{saved.revision.note} (revision {saved.revision.number}).")
    return redirect("portfolios:artifact_edit", portfolio.pk, kind)
