"""Mentor review: the candidate's invite settings, accepting an invite, review pages, threads, verdicts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portfolios import access, selectors, services, throttle
from portfolios.forms import AcceptInviteForm, CommentForm, InviteForm, ReplyForm, VerdictForm
from portfolios.review_forms import RowScoresForm
from portfolios.rubric.findings import SCORE_LABELS


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


# ---- the candidate's side ------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def mentors(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """Invite mentors by email, see pending and accepted invites, revoke one."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.mentor_invite_create(
                portfolio=portfolio,
                email=form.cleaned_data["email"],
                message=form.cleaned_data["message"],
                invite_url_for=lambda token: request.build_absolute_uri(
                    reverse("portfolios:invite_accept", args=[token])
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Invite sent to {created.invite.email}.")
            return redirect("portfolios:mentors", portfolio.pk)
    return render(
        request,
        "portfolios/mentors.html",
        {
            "portfolio": portfolio,
            "form": form,
            "invites": selectors.mentor_invites(portfolio),
            # Mentors see flagged passages hidden; say so before the candidate invites anyone.
            "with_identifiers": selectors.artifacts_with_identifiers(portfolio),
        },
        status=422 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def invite_revoke(request: HttpRequest, portfolio_id: int, invite_id: int) -> HttpResponse:
    invite = access.owned_invite(request.user, portfolio_id, invite_id)
    services.mentor_invite_revoke(invite=invite)
    messages.success(request, f"{invite.name} can no longer see this portfolio.")
    return redirect("portfolios:mentors", portfolio_id)


# ---- the mentor's side ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@throttle.limit_failed_lookups(throttle.INVITE_LOOKUP_FAILURES)
def invite_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Open an invite link: give a display name and start reviewing; no password needed."""
    invite = access.invite_by_token(token)
    user = request.user if request.user.is_authenticated else None
    if user is not None and user.pk == invite.portfolio.owner_id:
        messages.info(request, "This is an invite to your own portfolio: send the link to your mentor.")
        return redirect(invite.portfolio)
    initial = {"display_name": invite.display_name or (user.display_name if user else "")}
    form = AcceptInviteForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            invite = services.mentor_invite_accept(
                invite=invite, display_name=form.cleaned_data["display_name"], user=user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            access.remember_invite(request, invite)
            messages.success(
                request, f"Welcome, {invite.name}. You can review {invite.portfolio.owner}'s portfolio now."
            )
            return redirect("portfolios:review", invite.portfolio_id)
    # The site-wide Referrer-Policy (same-origin) keeps the token in this URL from leaving
    # the site. "no-referrer" here would make browsers send "Origin: null" with the form,
    # which Django's CSRF check rightly refuses.
    return render(
        request,
        "portfolios/invite_accept.html",
        {"invite": invite, "form": form},
        status=422 if form.is_bound and form.errors else 200,
    )


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """Every portfolio this visitor reviews, by account or by invite links opened in this browser."""
    invites = selectors.mentor_inbox(access.live_invites(request))
    if not invites and not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?next={request.path}")
    return render(request, "portfolios/review_inbox.html", {"invites": invites})


@require_GET
def review_portfolio(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    portfolio, reviewer = access.reviewer_for(request, portfolio_id)
    return render(
        request,
        "portfolios/review_portfolio.html",
        {"portfolio": portfolio, "reviewer": reviewer, "items": selectors.review_overview(portfolio)},
    )


@require_GET
def review_artifact(request: HttpRequest, portfolio_id: int, kind: str) -> HttpResponse:
    portfolio, artifact, reviewer = access.reviewable_artifact(request, portfolio_id, kind)
    # Mentors never read a flagged identifier: they see it masked, with the finding, until it is fixed.
    review = selectors.artifact_review(artifact, masked=not reviewer.is_owner)
    own_verdict = next(
        (view.verdict for view in review.verdicts if reviewer.invite and view.verdict.invite_id == reviewer.invite.pk),
        None,
    )
    verdict_form = VerdictForm(
        initial={
            "version": artifact.version,
            "call": own_verdict.call if own_verdict else None,
            "note": own_verdict.note if own_verdict else "",
        }
    )
    return render(
        request,
        "portfolios/review_artifact.html",
        {
            "portfolio": portfolio,
            "artifact": artifact,
            "reviewer": reviewer,
            "review": review,
            "verdict_form": verdict_form,
            "own_verdict": own_verdict,
            "score_labels": sorted(SCORE_LABELS.items()),
            "score_rows": [(item, review.score_of(reviewer.invite, item.row.key)) for item in review.rows],
        },
    )


def _back_to(artifact, anchor: str = "") -> HttpResponse:
    url = reverse("portfolios:review_artifact", args=[artifact.portfolio_id, artifact.kind])
    return redirect(f"{url}#{anchor}" if anchor else url)


@require_POST
def comment_create(request: HttpRequest, portfolio_id: int, kind: str) -> HttpResponse:
    _, artifact, reviewer = access.reviewable_artifact(request, portfolio_id, kind)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Your comment was not saved: write something, on one of the sections.")
        return _back_to(artifact)
    try:
        comment = services.comment_start(artifact=artifact, reviewer=reviewer, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, f"Your comment was not saved. {_errors(error)}")
        return _back_to(artifact, f"section-{form.cleaned_data['section']}")
    messages.success(request, "Comment added.")
    return _back_to(artifact, f"thread-{comment.pk}")


@require_POST
def comment_reply(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread, reviewer = access.thread_for(request, thread_id)
    form = ReplyForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Write a reply first.")
        services.comment_reply(thread=thread, reviewer=reviewer, body=form.cleaned_data["body"])
    except ValidationError as error:
        messages.error(request, f"Your reply was not saved. {_errors(error)}")
    else:
        messages.success(request, "Reply added.")
    return _back_to(thread.artifact, f"thread-{thread.pk}")


@require_POST
def comment_resolve(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread, reviewer = access.thread_for(request, thread_id)
    reopen = request.POST.get("reopen") == "1"
    try:
        if reopen:
            services.comment_reopen(thread=thread, reviewer=reviewer)
        else:
            services.comment_resolve(thread=thread, reviewer=reviewer)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, "Thread reopened." if reopen else "Thread resolved.")
    return _back_to(thread.artifact, f"thread-{thread.pk}")


@require_POST
def verdict_give(request: HttpRequest, portfolio_id: int, kind: str) -> HttpResponse:
    _, artifact, reviewer = access.reviewable_artifact(request, portfolio_id, kind)
    form = VerdictForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose “Looks ready” or “Needs work” to give a verdict.")
        return _back_to(artifact, "verdict")
    try:
        verdict = services.verdict_give(
            artifact=artifact,
            reviewer=reviewer,
            call=form.cleaned_data["call"],
            note=form.cleaned_data["note"],
            expected_version=form.cleaned_data["version"],
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(
            request, f"Verdict “{verdict.get_call_display()}” recorded for version {verdict.artifact_version}."
        )
    return _back_to(artifact, "verdict")


@require_POST
def scores_give(request: HttpRequest, portfolio_id: int, kind: str) -> HttpResponse:
    """Score the rows the artifact evidences: a mentor's scores, or the candidate's self-score."""
    _, artifact, reviewer = access.reviewable_artifact(request, portfolio_id, kind)
    form = RowScoresForm(request.POST, kind=artifact.kind_info)
    if not form.is_valid():
        messages.error(request, "Your scores were not saved: choose a score from 0 to 4 for each row you score.")
        return _back_to(artifact, "scores")
    try:
        saved = services.review_scores_give(
            artifact=artifact,
            reviewer=reviewer,
            scores={
                row: services.ScoreInput(score, reason, agrees)
                for row, (score, reason, agrees) in form.scores().items()
            },
            expected_version=form.cleaned_data["version"],
        )
    except ValidationError as error:
        messages.error(request, f"Your scores were not saved. {_errors(error)}")
    else:
        messages.success(
            request,
            f"Scores recorded for version {artifact.version} ({len(saved)} row{'s' if len(saved) != 1 else ''}).",
        )
    return _back_to(artifact, "scores")


@login_required
@require_POST
def re_review(request: HttpRequest, portfolio_id: int, kind: str) -> HttpResponse:
    """The candidate asks the mentors who reviewed an earlier version to look at this one."""
    _, artifact = access.owned_started_artifact(request.user, portfolio_id, kind)
    try:
        asked = services.re_review_request(artifact=artifact)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        names = ", ".join(item.invite.name for item in asked)
        messages.success(request, f"Re-review requested from {names}.")
    return _back_to(artifact, "scores")


# ---- notifications -------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    """The user's notifications, newest first; POST marks them all read."""
    if request.method == "POST":
        count = services.notifications_mark_read(user=request.user)
        messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} as read.")
        return redirect("portfolios:notifications")
    return render(request, "portfolios/notifications.html", {"items": selectors.notifications(request.user)})


@login_required
@require_GET
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark one notification read and go where it points; mail links here, so signed-out owners log in first."""
    notification = access.own_notification(request.user, notification_id)
    services.notification_mark_read(notification=notification)
    return redirect(notification.url)
