"""Mentor review: invites, comment threads, verdicts, and the notifications they send."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone

from portfolios import redaction, tokens
from portfolios.access import Reviewer, may_give_verdict, may_resolve
from portfolios.content_versions import content_changed
from portfolios.kinds import SAFE_SCORE
from portfolios.models import (
    Artifact,
    Comment,
    MentorInvite,
    Notification,
    Portfolio,
    ReviewRequest,
    ReviewScore,
    User,
    Verdict,
)
from portfolios.rows import ROWS_BY_KEY
from portfolios.rubric.findings import SCORE_LABELS
from portfolios.tasks import email_after_commit
from portfolios.validation import clean_section_text, clean_single_line, refuse_identifiers, validated_email

COMMENT_MAX_CHARS = 5_000
QUOTE_MAX_CHARS = 1_000
INVITE_MESSAGE_MAX_CHARS = 1_000
REASON_MAX_CHARS = 2_000


@dataclass(frozen=True)
class NewInvite:
    invite: MentorInvite
    token: str


# ---- invites -------------------------------------------------------------------------------


@transaction.atomic
def mentor_invite_create(*, portfolio: Portfolio, email: str, invite_url_for, message: str = "") -> NewInvite:
    """Invite a mentor by email; the mail carries a link built by `invite_url_for(token)` and the note `message`.

    A note holding a patient identifier is refused: it travels by email, outside the PHI gate.
    """
    message = clean_section_text(message, label="The note")
    if len(message) > INVITE_MESSAGE_MAX_CHARS:
        raise ValidationError(
            {"message": [f"Keep the note under {INVITE_MESSAGE_MAX_CHARS:,} characters."]}, code="too_long"
        )
    refuse_identifiers("message", "The note", message)
    try:
        email = validated_email(email)
    except ValidationError as error:
        raise ValidationError({"email": ["Enter the mentor's email address."]}, code="invalid") from error
    if email == portfolio.owner.email:
        raise ValidationError({"email": ["That is your own address: invite someone else."]}, code="self_invite")
    if portfolio.mentor_invites.filter(email__iexact=email).exclude(status=MentorInvite.Status.REVOKED).exists():
        raise ValidationError({"email": ["This mentor is already invited to this portfolio."]}, code="duplicate")
    token, token_hash = tokens.new_token()
    try:
        with transaction.atomic():
            invite = MentorInvite.objects.create(
                portfolio=portfolio, email=email, token_hash=token_hash, message=message
            )
    except IntegrityError as error:
        raise ValidationError({"email": ["This mentor is already invited to this portfolio."]}) from error
    email_after_commit(
        to=email,
        template="mentor_invite",
        context={
            "owner": portfolio.owner,
            "track_name": portfolio.track_info.name,
            "link": invite_url_for(token),
            "message": message,
        },
    )
    return NewInvite(invite, token)


@transaction.atomic
def mentor_invite_accept(*, invite: MentorInvite, display_name: str, user: User | None) -> MentorInvite:
    """Accept an invite under a display name; attach it to the signed-in mentor's account if any."""
    invite = MentorInvite.objects.select_for_update().select_related("portfolio__owner").get(pk=invite.pk)
    if invite.status == MentorInvite.Status.REVOKED:
        raise ValidationError("This invite was revoked by the candidate.", code="revoked")
    display_name = clean_single_line(display_name, label="Your name") or (user.display_name if user else "")
    if not display_name:
        raise ValidationError({"display_name": ["Tell the candidate who you are, e.g. “Dr. Kim, OTD”."]})
    if len(display_name) > 80:
        raise ValidationError({"display_name": ["Keep your name under 80 characters."]})
    if user is not None and user.pk == invite.portfolio.owner_id:
        raise ValidationError("You cannot review your own portfolio.", code="own_portfolio")
    first_time = invite.status == MentorInvite.Status.PENDING
    invite.display_name = display_name
    invite.status = MentorInvite.Status.ACCEPTED
    invite.accepted_at = invite.accepted_at or timezone.now()
    if user is not None:
        invite.user = user
    invite.save()
    content_changed(owner_id=invite.portfolio.owner_id, portfolio_id=invite.portfolio_id)  # names beside verdicts
    if first_time:
        notify(
            recipient=invite.portfolio.owner,
            kind=Notification.Kind.INVITE_ACCEPTED,
            message=f"{display_name} accepted your invite to review your {invite.portfolio.track_info.name} portfolio.",
            url=invite.portfolio.get_absolute_url(),
        )
    return invite


def mentor_invite_attach(*, invite: MentorInvite, user: User) -> MentorInvite:
    """Give an accepted invite (used without an account) to the account the mentor just signed in with."""
    if (
        invite.status == MentorInvite.Status.ACCEPTED
        and invite.user_id is None
        and user.pk != invite.portfolio.owner_id
    ):
        invite.user = user
        invite.save(update_fields=["user", "updated_at"])
    return invite


def mentor_invite_revoke(*, invite: MentorInvite) -> MentorInvite:
    """End a mentor's access at once; their comments and verdicts stay, marked as from a former mentor."""
    if invite.status != MentorInvite.Status.REVOKED:
        invite.status = MentorInvite.Status.REVOKED
        invite.revoked_at = timezone.now()
        invite.save(update_fields=["status", "revoked_at", "updated_at"])
        # A revoked mentor's verdicts stop counting.
        content_changed(owner_id=invite.portfolio.owner_id, portfolio_id=invite.portfolio_id)
    return invite


# ---- comments ------------------------------------------------------------------------------


def _clean_body(body: str) -> str:
    body = clean_section_text(body, label="Your comment")
    if not body:
        raise ValidationError({"body": ["Write a comment first."]}, code="required")
    if len(body) > COMMENT_MAX_CHARS:
        raise ValidationError({"body": [f"Keep comments under {COMMENT_MAX_CHARS:,} characters."]}, code="too_long")
    return body


@transaction.atomic
def comment_start(*, artifact: Artifact, reviewer: Reviewer, section: str, body: str, quote: str = "") -> Comment:
    """Start a thread on one section, optionally about a quoted passage of it."""
    if section not in artifact.kind_info.section_keys:
        raise ValidationError({"section": ["Choose one of this artifact's sections."]}, code="invalid")
    body = _clean_body(body)
    quote = clean_section_text(quote, label="The quoted passage")[:QUOTE_MAX_CHARS]
    section_text = artifact.fields.get(section, "")
    # A mentor selects from the masked text: a quote holding "[identifier hidden: ...]" is fine.
    if quote and quote not in section_text and quote not in redaction.masked_section(artifact, section):
        raise ValidationError(
            {
                "quote": [
                    "That passage is no longer in this section (it may have just changed). Reload and select again."
                ]
            },
            code="stale_quote",
        )
    comment = Comment.objects.create(
        artifact=artifact,
        section=section,
        quote=quote,
        section_text=section_text,
        artifact_version=artifact.version,
        body=body,
        author=reviewer.user,
        author_invite=reviewer.invite,
        author_name=reviewer.short_name,
    )
    label = artifact.kind_info.section(section).label
    if not reviewer.is_owner:
        notify(
            recipient=artifact.portfolio.owner,
            kind=Notification.Kind.COMMENT,
            message=f"{reviewer.name} commented on “{label}” in your {artifact.kind_info.title.lower()}.",
            url=comment.get_absolute_url(),
        )
    return comment


@transaction.atomic
def comment_reply(*, thread: Comment, reviewer: Reviewer, body: str) -> Comment:
    """Reply to a thread; replying to a resolved thread reopens it."""
    body = _clean_body(body)
    artifact = thread.artifact
    reply = Comment.objects.create(
        artifact=artifact,
        thread=thread,
        section=thread.section,
        artifact_version=artifact.version,
        body=body,
        author=reviewer.user,
        author_invite=reviewer.invite,
        author_name=reviewer.short_name,
    )
    if thread.resolved_at is not None:
        thread.resolved_at = None
        thread.resolved_by_name = ""
        thread.save(update_fields=["resolved_at", "resolved_by_name", "updated_at"])
    message = f"{reviewer.name} replied in a thread on your {artifact.kind_info.title.lower()}."
    recipients: set[User] = set()
    if not reviewer.is_owner:
        recipients.add(artifact.portfolio.owner)
    participants = [thread, *thread.replies.exclude(pk=reply.pk).select_related("author", "author_invite__user")]
    for comment in participants:
        person = comment.author or (comment.author_invite.user if comment.author_invite else None)
        if person is not None and person != reviewer.user:
            recipients.add(person)
    for person in recipients:
        notify(recipient=person, kind=Notification.Kind.REPLY, message=message, url=reply.get_absolute_url())
    # Mentors without an account hear about replies by email only, with a link to the thread.
    mailed: set[int] = set()
    for comment in participants:
        invite = comment.author_invite
        if (
            invite
            and invite.user_id is None
            and invite != reviewer.invite
            and invite.is_live
            and invite.pk not in mailed
        ):
            mailed.add(invite.pk)
            email_after_commit(
                to=invite.email,
                template="mentor_reply",
                context={"message": message, "body": reply.body, "link": reply.get_absolute_url()},
            )
    return reply


def comment_resolve(*, thread: Comment, reviewer: Reviewer) -> Comment:
    """Mark a thread resolved: only the candidate or the thread's author may."""
    if not may_resolve(thread, reviewer):
        raise ValidationError(
            "Only the candidate or the person who started this thread can resolve it.", code="forbidden"
        )
    if thread.resolved_at is None:
        thread.resolved_at = timezone.now()
        thread.resolved_by_name = reviewer.short_name
        thread.save(update_fields=["resolved_at", "resolved_by_name", "updated_at"])
    return thread


def comment_reopen(*, thread: Comment, reviewer: Reviewer) -> Comment:
    """Reopen a resolved thread: the candidate or the thread's author."""
    if not may_resolve(thread, reviewer):
        raise ValidationError(
            "Only the candidate or the person who started this thread can reopen it.", code="forbidden"
        )
    if thread.resolved_at is not None:
        thread.resolved_at = None
        thread.resolved_by_name = ""
        thread.save(update_fields=["resolved_at", "resolved_by_name", "updated_at"])
    return thread


# ---- verdicts ------------------------------------------------------------------------------


@transaction.atomic
def verdict_give(*, artifact: Artifact, reviewer: Reviewer, call: str, note: str, expected_version: int) -> Verdict:
    """Record a mentor's verdict on the version they were looking at (one current verdict per mentor)."""
    if not may_give_verdict(reviewer):
        raise ValidationError("Only an invited mentor can give a verdict.", code="forbidden")
    if call not in Verdict.Call.values:
        raise ValidationError({"call": ["Choose “Looks ready” or “Needs work”."]}, code="invalid")
    note = clean_section_text(note, label="Your note")
    if len(note) > COMMENT_MAX_CHARS:
        raise ValidationError({"note": [f"Keep the note under {COMMENT_MAX_CHARS:,} characters."]})
    if expected_version != artifact.version:
        raise ValidationError(
            "The artifact changed while you were reviewing it. Read the new version, then give your verdict.",
            code="stale",
        )
    if call == Verdict.Call.READY:
        _require_safe_scores(artifact, reviewer.invite)
    verdict, _ = Verdict.objects.update_or_create(
        artifact=artifact,
        invite=reviewer.invite,
        defaults={"call": call, "note": note, "artifact_version": artifact.version},
    )
    content_changed(owner_id=artifact.portfolio.owner_id, portfolio_id=artifact.portfolio_id)
    notify(
        recipient=artifact.portfolio.owner,
        kind=Notification.Kind.VERDICT,
        message=f"{reviewer.name}: “{verdict.get_call_display()}” on your {artifact.kind_info.title.lower()} (version {artifact.version}).",
        url=verdict.get_absolute_url(),
    )
    return verdict


def _require_safe_scores(artifact: Artifact, invite: MentorInvite) -> None:
    """Refuse "looks ready" unless the mentor scored every safety-bearing row SAFE_SCORE+ on this version."""
    rows = artifact.kind_info.safety_rows
    if not rows:
        return
    scores = {
        score.row: score.score
        for score in ReviewScore.objects.filter(
            artifact=artifact, invite=invite, row__in=rows, artifact_version=artifact.version
        )
    }
    problems = []
    for row in rows:
        title = ROWS_BY_KEY[row].title
        if row not in scores:
            problems.append(f"you have not scored {title} on this version")
        elif scores[row] < SAFE_SCORE:
            problems.append(f"you scored {title} {scores[row]} ({SCORE_LABELS[scores[row]]})")
    if problems:
        raise ValidationError(
            f"“Looks ready” needs {SAFE_SCORE} (Proficient) or more on the safety-bearing "
            f"row{'s' if len(rows) > 1 else ''} of a {artifact.kind_info.title.lower()} "
            f"({', '.join(ROWS_BY_KEY[row].title for row in rows)}): {'; '.join(problems)}. "
            "Score it again, or give “Needs work”.",
            code="unsafe_rows",
        )


# ---- row scores ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreInput:
    """One row's score as given on the review page."""

    score: int
    reason: str
    agrees_with_checker: bool | None = None


@transaction.atomic
def review_scores_give(
    *, artifact: Artifact, reviewer: Reviewer, scores: Mapping[str, ScoreInput], expected_version: int
) -> list[ReviewScore]:
    """Score rows the artifact evidences, 0–4 with a reason each: a mentor's scores, or the candidate's own.

    Rows left out keep their earlier score. Every score given here is tied to the current version.
    """
    if expected_version != artifact.version:
        raise ValidationError(
            "The artifact changed while you were scoring it. Read the new version, then score again.",
            code="stale",
        )
    if not scores:
        raise ValidationError("Score at least one row.", code="required")
    proves = artifact.kind_info.proves
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, ScoreInput] = {}
    for row, given in scores.items():
        if row not in proves:
            raise ValidationError("Score only the rows this artifact evidences.", code="invalid")
        title = ROWS_BY_KEY[row].title
        if given.score not in SCORE_LABELS:
            errors.setdefault(row, []).append(f"{title}: choose a score from 0 to 4.")
            continue
        reason = clean_section_text(given.reason, label=f"Your reason for {title}")
        if not reason:
            errors.setdefault(row, []).append(f"{title}: give a reason for your score.")
        elif len(reason) > REASON_MAX_CHARS:
            errors.setdefault(row, []).append(f"{title}: keep the reason under {REASON_MAX_CHARS:,} characters.")
        agrees = None if reviewer.is_owner else bool(given.agrees_with_checker)
        cleaned[row] = ScoreInput(given.score, reason, agrees)
    if errors:
        raise ValidationError(errors, code="invalid")
    saved = [
        ReviewScore.objects.update_or_create(
            artifact=artifact,
            invite=reviewer.invite,
            row=row,
            defaults={
                "score": given.score,
                "reason": given.reason,
                "agrees_with_checker": given.agrees_with_checker,
                "artifact_version": artifact.version,
            },
        )[0]
        for row, given in cleaned.items()
    ]
    if not reviewer.is_owner:
        # A mentor's score of 3 or more confirms the row in the recruiter's brief.
        content_changed(owner_id=artifact.portfolio.owner_id, portfolio_id=artifact.portfolio_id)
        notify(
            recipient=artifact.portfolio.owner,
            kind=Notification.Kind.VERDICT,
            message=f"{reviewer.name} scored {len(saved)} row{'s' if len(saved) != 1 else ''} of your "
            f"{artifact.kind_info.title.lower()} (version {artifact.version}).",
            url=saved[0].get_absolute_url(),
        )
    return saved


# ---- re-review -----------------------------------------------------------------------------


@transaction.atomic
def re_review_request(*, artifact: Artifact) -> list[ReviewRequest]:
    """Ask every live mentor who reviewed an earlier version to look at this one; each hears with a link.

    Asking twice about the same version tells nobody again.
    """
    reviewed = (
        MentorInvite.objects.filter(portfolio=artifact.portfolio_id, status=MentorInvite.Status.ACCEPTED)
        .filter(Q(verdicts__artifact=artifact) | Q(review_scores__artifact=artifact) | Q(comments__artifact=artifact))
        .select_related("user")
        .distinct()
    )
    invites = list(reviewed)
    if not invites:
        raise ValidationError(
            "No mentor has reviewed this artifact yet: invite one, or wait for their first review.", code="no_mentor"
        )
    stale = [invite for invite in invites if not _reviewed_version(artifact, invite)]
    if not stale:
        raise ValidationError(
            "Your mentors have already reviewed this version: edit it first, then ask again.", code="not_changed"
        )
    link = reverse("portfolios:review_artifact", args=[artifact.portfolio_id, artifact.kind])
    owner = artifact.portfolio.owner
    message = (
        f"{owner} asks you to look again at their {artifact.kind_info.title.lower()}: "
        f"version {artifact.version} has changed since your review."
    )
    requests = []
    for invite in stale:
        request, created = ReviewRequest.objects.get_or_create(
            artifact=artifact, invite=invite, artifact_version=artifact.version
        )
        if not created:
            continue
        requests.append(request)
        if invite.user is not None:
            notify(recipient=invite.user, kind=Notification.Kind.RE_REVIEW, message=message, url=link)
        else:
            email_after_commit(to=invite.email, template="mentor_rereview", context={"message": message, "link": link})
    if not requests:
        raise ValidationError("You already asked for a re-review of this version.", code="duplicate")
    return requests


def _reviewed_version(artifact: Artifact, invite: MentorInvite) -> bool:
    """The mentor already gave a verdict or scores on the current version."""
    return (
        Verdict.objects.filter(artifact=artifact, invite=invite, artifact_version=artifact.version).exists()
        or ReviewScore.objects.filter(artifact=artifact, invite=invite, artifact_version=artifact.version).exists()
    )


# ---- notifications -------------------------------------------------------------------------


@transaction.atomic
def notify(*, recipient: User, kind: str, message: str, url: str) -> Notification:
    """Add an in-app notification, and email it unless the recipient turned emails off.

    Every notification carries a link. The mail links to the notification itself, which asks
    a signed-out recipient to log in first and then leads where `url` points.
    """
    if not url:
        raise ValueError("A notification must link somewhere.")
    notification = Notification.objects.create(recipient=recipient, kind=kind, message=message[:300], url=url)
    _add_unread(recipient.pk, 1)
    if recipient.email_notifications:
        email_after_commit(
            to=recipient.email,
            template="notification",
            context={
                "message": message,
                "link": reverse("portfolios:notification_open", args=[notification.pk]),
            },
        )
    return notification


@transaction.atomic
def notification_mark_read(*, notification: Notification) -> Notification:
    """Mark one notification read (opening it does this)."""
    now = timezone.now()
    if Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now, updated_at=now):
        notification.read_at = notification.updated_at = now
        _add_unread(notification.recipient_id, -1)
    return notification


@transaction.atomic
def notifications_mark_read(*, user: User) -> int:
    """Mark every unread notification of the user as read; returns how many."""
    now = timezone.now()
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=now, updated_at=now)
    _add_unread(user.pk, -count)
    user.unread_notifications = max(user.unread_notifications - count, 0)
    return count


def _add_unread(user_pk: int, change: int) -> None:
    """Move a user's unread count by `change` in one UPDATE, so concurrent requests add up."""
    if change:
        User.objects.filter(pk=user_pk).update(
            unread_notifications=Greatest(F("unread_notifications") + change, Value(0))
        )
