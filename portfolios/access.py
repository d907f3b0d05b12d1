"""Who may see or edit what, in one place.

Every view gets its objects through these functions. What a person may not see is a
404, never a 403, so nobody learns that someone else's portfolio exists. Three ways in:
owning the portfolio, a live mentor invite (by account or by this browser's session), or
a live recruiter share link (the share page only).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from portfolios import tokens
from portfolios.interview import SLOTS_BY_KEY
from portfolios.kinds import KINDS_BY_KEY
from portfolios.models import (
    Artifact,
    Comment,
    EmployerNote,
    InterviewStory,
    MentorInvite,
    Notification,
    Portfolio,
    ShareLink,
    TargetJob,
    User,
)


def owned_portfolio(user: User, portfolio_id: int) -> Portfolio:
    """The user's own portfolio with this id, or 404."""
    if not user.is_authenticated:
        raise Http404("No such portfolio.")
    try:
        portfolio = Portfolio.objects.get(pk=portfolio_id, owner=user)
    except Portfolio.DoesNotExist as error:
        raise Http404("No such portfolio.") from error
    portfolio.owner = user  # the owner is the signed-in user, already loaded
    return portfolio


def owned_artifact(
    user: User, portfolio_id: int, kind: str, *, with_text: bool = True
) -> tuple[Portfolio, Artifact | None]:
    """The user's portfolio and its artifact of this kind (None when not started yet), or 404.

    One query when the artifact exists (the common case), two when it does not yet. Without
    `with_text`, the section text and stored result (the large JSON columns) stay unloaded.
    """
    if kind not in KINDS_BY_KEY or not KINDS_BY_KEY[kind].listed:  # stories live on the Prepare page
        raise Http404("No such artifact kind.")
    if not user.is_authenticated:
        raise Http404("No such portfolio.")
    artifacts = Artifact.objects.select_related("portfolio").filter(
        portfolio_id=portfolio_id, portfolio__owner=user, kind=kind
    )
    if not with_text:
        artifacts = artifacts.defer("fields", "check_result")
    artifact = artifacts.first()
    if artifact is None:
        return owned_portfolio(user, portfolio_id), None
    artifact.portfolio.owner = user
    return artifact.portfolio, artifact


def owned_started_artifact(user: User, portfolio_id: int, kind: str) -> tuple[Portfolio, Artifact]:
    """Like `owned_artifact`, but 404 when nothing has been saved yet (history, restore)."""
    portfolio, artifact = owned_artifact(user, portfolio_id, kind)
    if artifact is None or artifact.version == 0:
        raise Http404("Nothing saved yet.")
    return portfolio, artifact


def own_notification(user: User, notification_id: int) -> Notification:
    """One of the user's own notifications, or 404."""
    if not user.is_authenticated:
        raise Http404("No such notification.")
    try:
        return Notification.objects.get(pk=notification_id, recipient=user)
    except Notification.DoesNotExist as error:
        raise Http404("No such notification.") from error


# ---- recruiters: share links ---------------------------------------------------------------


def owned_share_link(user: User, portfolio_id: int, link_id: int) -> ShareLink:
    """One of the user's own share links, or 404."""
    portfolio = owned_portfolio(user, portfolio_id)
    try:
        return ShareLink.objects.get(pk=link_id, portfolio=portfolio)
    except ShareLink.DoesNotExist as error:
        raise Http404("No such link.") from error


def owned_target_job(user: User, portfolio_id: int, target_id: int) -> TargetJob:
    """One of the user's own target jobs, in this portfolio, with the portfolio (one query), or 404.

    Someone else's target id under the user's own portfolio URL is a 404 too.
    """
    if not user.is_authenticated:
        raise Http404("No such target job.")
    target = (
        TargetJob.objects.select_related("portfolio")
        .filter(pk=target_id, portfolio_id=portfolio_id, portfolio__owner=user)
        .first()
    )
    if target is None:
        raise Http404("No such target job.")
    target.portfolio.owner = user
    return target


# ---- mentors: invites and review access ----------------------------------------------------

REVIEWER_NAME_MAX_CHARS = 80


@dataclass(frozen=True)
class Reviewer:
    """Who is acting on a review page: the portfolio's owner, or a mentor through an invite."""

    name: str
    user: User | None = None
    invite: MentorInvite | None = None

    @property
    def short_name(self) -> str:
        """The name as stored beside comments (80 characters at most; an email can be longer)."""
        limit = REVIEWER_NAME_MAX_CHARS
        return self.name if len(self.name) <= limit else self.name[: limit - 1] + "\u2026"

    @property
    def is_owner(self) -> bool:
        return self.invite is None


def may_resolve(thread: Comment, reviewer: Reviewer) -> bool:
    """Whether this reviewer may resolve or reopen the thread: the candidate or the thread's author."""
    if reviewer.is_owner:
        return True
    if reviewer.invite is not None and thread.author_invite_id == reviewer.invite.pk:
        return True
    return reviewer.user is not None and thread.author_id == reviewer.user.pk


def may_give_verdict(reviewer: Reviewer) -> bool:
    """Whether this reviewer may give a verdict: invited mentors only, never the candidate."""
    return reviewer.invite is not None


SESSION_INVITES = "mentor_invites"


def invite_by_token(token: str) -> MentorInvite:
    """A pending or accepted invite for this token; 404 for malformed, unknown or revoked ones."""
    if not tokens.is_well_formed(token):
        raise Http404("No such invite.")
    invite = (
        MentorInvite.objects.select_related("portfolio__owner", "user")
        .filter(token_hash=tokens.hash_token(token))
        .exclude(status=MentorInvite.Status.REVOKED)
        .first()
    )
    if invite is None or not tokens.matches(invite.token_hash, token):
        raise Http404("No such invite.")
    return invite


def owned_invite(user: User, portfolio_id: int, invite_id: int) -> MentorInvite:
    """One of the invites on the user's own portfolio, or 404."""
    portfolio = owned_portfolio(user, portfolio_id)
    try:
        return MentorInvite.objects.get(pk=invite_id, portfolio=portfolio)
    except MentorInvite.DoesNotExist as error:
        raise Http404("No such invite.") from error


def session_invite_ids(request: HttpRequest) -> list[int]:
    """Invites accepted in this browser without an account."""
    return [value for value in request.session.get(SESSION_INVITES, []) if isinstance(value, int)]


def remember_invite(request: HttpRequest, invite: MentorInvite) -> None:
    ids = session_invite_ids(request)
    if invite.pk not in ids:
        request.session[SESSION_INVITES] = [*ids, invite.pk]


def live_invites(request: HttpRequest) -> QuerySet[MentorInvite]:
    """Accepted, unrevoked invites this visitor holds: by account, or by this browser's session."""
    held = Q(pk__in=session_invite_ids(request))
    if request.user.is_authenticated:
        held |= Q(user=request.user)
    return MentorInvite.objects.filter(held, status=MentorInvite.Status.ACCEPTED)


def reviewer_for(request: HttpRequest, portfolio_id: int) -> tuple[Portfolio, Reviewer]:
    """The portfolio and who is reviewing it: its owner, or a mentor with a live invite; else 404."""
    user = request.user
    if user.is_authenticated:
        portfolio = Portfolio.objects.select_related("owner").filter(pk=portfolio_id, owner=user).first()
        if portfolio is not None:
            return portfolio, Reviewer(name=str(user), user=user)
    invite = live_invites(request).select_related("portfolio__owner", "user").filter(portfolio_id=portfolio_id).first()
    if invite is None:
        raise Http404("No such portfolio.")
    return invite.portfolio, Reviewer(name=invite.name, user=user if user.is_authenticated else None, invite=invite)


def reviewable_artifact(request: HttpRequest, portfolio_id: int, kind: str) -> tuple[Portfolio, Artifact, Reviewer]:
    """A saved artifact of a portfolio the visitor may review, or 404."""
    if kind not in KINDS_BY_KEY or not KINDS_BY_KEY[kind].listed:  # stories live on the Prepare page
        raise Http404("No such artifact kind.")
    portfolio, reviewer = reviewer_for(request, portfolio_id)
    artifact = Artifact.objects.filter(portfolio=portfolio, kind=kind, version__gt=0).first()
    if artifact is None:
        raise Http404("Nothing saved yet.")
    artifact.portfolio = portfolio
    return portfolio, artifact, reviewer


def thread_for(request: HttpRequest, thread_id: int) -> tuple[Comment, Reviewer]:
    """A thread (root comment) on a portfolio the visitor may review, or 404."""
    thread = Comment.objects.select_related("artifact").filter(pk=thread_id, thread__isnull=True).first()
    if thread is None:
        raise Http404("No such thread.")
    portfolio, reviewer = reviewer_for(request, thread.artifact.portfolio_id)
    thread.artifact.portfolio = portfolio
    return thread, reviewer


# ---- the Prepare page: stories, drills, employer notes (owner only, never mentors or recruiters) ----


def owned_story(user: User, portfolio_id: int, slot: str) -> tuple[Portfolio, InterviewStory | None]:
    """The user's portfolio and its story for this slot (None when not written yet), or 404."""
    if slot not in SLOTS_BY_KEY:
        raise Http404("No such story prompt.")
    portfolio = owned_portfolio(user, portfolio_id)
    return portfolio, InterviewStory.objects.filter(portfolio=portfolio, slot=slot).first()


def owned_drill_subject(user: User, portfolio_id: int, subject: str) -> tuple[Portfolio, Artifact | InterviewStory]:
    """The user's portfolio and the saved artifact or story a drill is about ("artifact-<kind>", "story-<slot>")."""
    kind, slot = subject.removeprefix("artifact-"), subject.removeprefix("story-")
    if subject.startswith("artifact-") and kind in KINDS_BY_KEY and KINDS_BY_KEY[kind].listed:
        portfolio = owned_portfolio(user, portfolio_id)
        source = Artifact.objects.filter(portfolio=portfolio, kind=kind, version__gt=0).defer("fields").first()
    elif subject.startswith("story-") and slot in SLOTS_BY_KEY:
        portfolio = owned_portfolio(user, portfolio_id)
        source = InterviewStory.objects.filter(portfolio=portfolio, slot=slot, version__gt=0).defer("fields").first()
    else:
        raise Http404("No such drill.")
    if source is None:
        raise Http404("Nothing saved yet.")
    source.portfolio = portfolio
    return portfolio, source


def owned_employer_note(user: User, portfolio_id: int, note_id: int) -> EmployerNote:
    """Notes on one employer, from the user's own portfolio, or 404."""
    portfolio = owned_portfolio(user, portfolio_id)
    try:
        note = EmployerNote.objects.get(pk=note_id, portfolio=portfolio)
    except EmployerNote.DoesNotExist as error:
        raise Http404("No such employer.") from error
    note.portfolio = portfolio
    return note
