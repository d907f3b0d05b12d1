"""Your data is yours: export everything a user owns, import a portfolio back, delete an account."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from portfolios.kinds import KINDS_BY_KEY
from portfolios.models import Artifact, Comment, MentorInvite, Portfolio, Revision, User, Verdict
from portfolios.selectors import identifier_places
from portfolios.services.artifacts import _store_check
from portfolios.tracks import TRACKS_BY_KEY
from portfolios.validation import clean_fields

EXPORT_FORMAT = "otportfolio-export"
EXPORT_VERSION = 1
IDENTIFIER_WARNING = (
    'This file still holds text the PHI gate flags as patient identifiers (listed under "places"). '
    'Do not share it as de-identified work: replace the identifiers in the editor ("Replace all '
    "identifiers\") and purge them from each artifact's history, then download again."
)


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _revision(revision: Revision, owner: User) -> dict[str, Any]:
    author = revision.author
    return {
        "number": revision.number,
        "status": revision.status,
        "fields": revision.fields,
        "note": revision.note,
        "author": None if author is None else ("self" if author.pk == owner.pk else author.email),
        "created_at": _time(revision.created_at),
    }


def account_export(*, user: User) -> dict[str, Any]:
    """Everything the user owns, as JSON-ready data. Share links appear without their tokens."""
    portfolios = Portfolio.objects.filter(owner=user).prefetch_related(
        "artifacts__revisions__author", "share_links", "mentor_invites"
    )
    comments = Comment.objects.filter(Q(author=user) | Q(author_invite__user=user)).select_related(
        "artifact__portfolio__owner"
    )
    verdicts = Verdict.objects.filter(invite__user=user).select_related("artifact__portfolio__owner")
    places = identifier_places(user)
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": _time(timezone.now()),
        # Before anything else a reader sees: the file is not de-identified while this is set.
        "identifier_warning": {
            "message": IDENTIFIER_WARNING,
            "places": [place.as_dict() for place in places],
        }
        if places
        else None,
        "user": {
            "email": user.email,
            "display_name": user.display_name,
            "headline": user.headline,
            "email_notifications": user.email_notifications,
            "date_joined": _time(user.date_joined),
        },
        "portfolios": [
            {
                "track": portfolio.track,
                "headline": portfolio.headline,
                "created_at": _time(portfolio.created_at),
                "artifacts": [
                    {
                        "kind": artifact.kind,
                        "status": artifact.status,
                        "version": artifact.version,
                        "fields": artifact.fields,
                        "created_at": _time(artifact.created_at),
                        "updated_at": _time(artifact.updated_at),
                        "revisions": [
                            _revision(revision, user)
                            for revision in sorted(artifact.revisions.all(), key=lambda r: r.number)
                        ],
                    }
                    for artifact in portfolio.artifacts.all()
                    if artifact.version > 0
                ],
                "share_links": [
                    {
                        "label": link.label,
                        "created_at": _time(link.created_at),
                        "expires_at": _time(link.expires_at),
                        "revoked_at": _time(link.revoked_at),
                        "view_count": link.view_count,
                    }
                    for link in portfolio.share_links.all()
                ],
                "mentor_invites": [
                    {
                        "email": invite.email,
                        "display_name": invite.display_name,
                        "status": invite.status,
                        "message": invite.message,
                    }
                    for invite in portfolio.mentor_invites.all()
                ],
            }
            for portfolio in portfolios
        ],
        "comments_written": [
            {
                "portfolio_owner": comment.artifact.portfolio.owner.email,
                "artifact_kind": comment.artifact.kind,
                "section": comment.section,
                "quote": comment.quote,
                "body": comment.body,
                "created_at": _time(comment.created_at),
            }
            for comment in comments
        ],
        "verdicts_given": [
            {
                "portfolio_owner": verdict.artifact.portfolio.owner.email,
                "artifact_kind": verdict.artifact.kind,
                "call": verdict.call,
                "note": verdict.note,
                "artifact_version": verdict.artifact_version,
            }
            for verdict in verdicts
        ],
    }


class InvalidExport(ValidationError):
    """The file is not an OT Portfolio export this version can restore."""


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise InvalidExport(message, code="invalid_import")


def _parse_time(value: Any, where: str) -> datetime | None:
    if value is None:
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    _require(parsed is not None, f"{where}: not a date and time: {value!r}")
    return parsed


def _validate_portfolio(data: Mapping[str, Any], where: str) -> None:
    _require(isinstance(data, Mapping), f"{where}: expected an object")
    _require(data.get("track") in TRACKS_BY_KEY, f"{where}: unknown track {data.get('track')!r}")
    artifacts = data.get("artifacts", [])
    _require(isinstance(artifacts, list), f"{where}.artifacts: expected a list")
    kinds = [artifact.get("kind") if isinstance(artifact, Mapping) else None for artifact in artifacts]
    _require(len(kinds) == len(set(kinds)), f"{where}: an artifact kind appears twice")
    for index, artifact in enumerate(artifacts):
        place = f"{where}.artifacts[{index}]"
        _require(isinstance(artifact, Mapping), f"{place}: expected an object")
        kind = KINDS_BY_KEY.get(artifact.get("kind"))
        _require(kind is not None, f"{place}: unknown kind {artifact.get('kind')!r}")
        revisions = artifact.get("revisions")
        _require(isinstance(revisions, list) and revisions, f"{place}: needs its revisions")
        numbers = [revision.get("number") if isinstance(revision, Mapping) else None for revision in revisions]
        _require(
            numbers == list(range(1, len(numbers) + 1)) and artifact.get("version") == len(numbers),
            f"{place}: revisions must be numbered 1..version without gaps",
        )
        for revision in revisions:
            _require(revision.get("status") in Artifact.Status.values, f"{place}: unknown status")
            try:
                clean_fields(kind, revision.get("fields") or {}, complete=False)
            except ValidationError as error:
                raise InvalidExport(f"{place} revision {revision['number']}: {'; '.join(error.messages)}") from error
            _parse_time(revision.get("created_at"), f"{place} revision {revision['number']}")
        _require(
            artifact.get("fields") == revisions[-1].get("fields"), f"{place}: fields differ from the last revision"
        )
        _require(
            artifact.get("status") == revisions[-1].get("status"), f"{place}: status differs from the last revision"
        )


@transaction.atomic
def portfolio_import(*, user: User, data: Mapping[str, Any], track: str | None = None) -> list[Portfolio]:
    """Restore the portfolios of an export file into the user's account, revisions and all.

    With `track`, only that portfolio is restored. Nothing is written unless the whole file is valid
    and none of its tracks is already taken in the account.
    """
    _require(isinstance(data, Mapping) and data.get("format") == EXPORT_FORMAT, "This is not an OT Portfolio export.")
    _require(data.get("version") == EXPORT_VERSION, f"Unsupported export version {data.get('version')!r}.")
    portfolios = data.get("portfolios")
    _require(isinstance(portfolios, list), "The export has no list of portfolios.")
    chosen = [
        item for item in portfolios if track is None or (isinstance(item, Mapping) and item.get("track") == track)
    ]
    _require(chosen, f"The export has no {track} portfolio." if track else "The export holds no portfolio.")
    for index, item in enumerate(chosen):
        _validate_portfolio(item, f"portfolios[{index}]")
    taken = set(
        Portfolio.objects.filter(owner=user, track__in=[item["track"] for item in chosen]).values_list(
            "track", flat=True
        )
    )
    _require(not taken, f"This account already has a portfolio for: {', '.join(sorted(taken))}.")

    restored = []
    for item in chosen:
        portfolio = Portfolio.objects.create(owner=user, track=item["track"])
        User.bump_content_version(user.pk)
        for entry in item.get("artifacts", []):
            artifact = Artifact.objects.create(
                portfolio=portfolio,
                kind=entry["kind"],
                fields=entry["fields"],
                status=entry["status"],
                version=entry["version"],
            )
            Revision.objects.bulk_create(
                Revision(
                    artifact=artifact,
                    number=revision["number"],
                    fields=revision["fields"],
                    status=revision["status"],
                    note=revision.get("note", "")[:200],
                    author=user,
                )
                for revision in entry["revisions"]
            )
            # Keep the original save times: history should read as it happened.
            for revision in entry["revisions"]:
                created = _parse_time(revision.get("created_at"), "revision")
                if created:
                    Revision.objects.filter(artifact=artifact, number=revision["number"]).update(created_at=created)
            _store_check(artifact, portfolio.track)
            artifact.save(update_fields=["check_result", "checked_version", "phi_error_count"])
        restored.append(portfolio)
    return restored


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Remove the user and everything they own; their links stop working at once.

    Comments they left on other people's portfolios stay (others replied to them) but lose
    the name; invites they held as a mentor are revoked.
    """
    Comment.objects.filter(Q(author=user) | Q(author_invite__user=user)).exclude(
        artifact__portfolio__owner=user
    ).update(author=None, author_invite=None, author_name="Deleted account")
    MentorInvite.objects.filter(user=user).update(
        status=MentorInvite.Status.REVOKED, revoked_at=timezone.now(), user=None
    )
    user.delete()  # cascades: portfolios, artifacts, revisions, share links, invites sent, notifications
