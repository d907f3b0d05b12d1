"""Your data is yours: export everything a user owns, import a portfolio back, delete an account."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from portfolios.content_versions import content_changed
from portfolios.kinds import KINDS_BY_KEY, ArtifactKind
from portfolios.models import Artifact, Comment, MentorInvite, Portfolio, Revision, TargetJob, User, Verdict
from portfolios.selectors import identifier_places
from portfolios.services.artifacts import _store_check
from portfolios.services.prepare import prepare_export, prepare_import
from portfolios.services.targets import clean_industry, clean_posting, clean_target_label
from portfolios.tracks import TRACKS_BY_KEY
from portfolios.validation import clean_fields, clean_proof_summary, clean_single_line

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
        "summary": revision.summary,
        "fields": revision.fields,
        "note": revision.note,
        "author": None if author is None else ("self" if author.pk == owner.pk else author.email),
        "created_at": _time(revision.created_at),
    }


def account_export(*, user: User) -> dict[str, Any]:
    """Everything the user owns, as JSON-ready data. Share links appear without their tokens."""
    portfolios = Portfolio.objects.filter(owner=user).prefetch_related(
        "artifacts__revisions__author",
        "artifacts__verdicts__invite__user",
        "artifacts__review_scores__invite__user",
        "share_links",
        "mentor_invites",
        "stories",
        "stage_plans",
        "drill_attempts",
        "employer_notes",
        "target_jobs",
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
                        "summary": artifact.summary,
                        "fields": artifact.fields,
                        "created_at": _time(artifact.created_at),
                        "updated_at": _time(artifact.updated_at),
                        "revisions": [
                            _revision(revision, user)
                            for revision in sorted(artifact.revisions.all(), key=lambda r: r.number)
                        ],
                        "feedback_received": _feedback(artifact),
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
                "prepare": prepare_export(portfolio),  # private interview preparation, never shared
                "industry": portfolio.industry,
                "target_jobs": [
                    {
                        "label": target.label,
                        "posting": target.posting,
                        "industry": target.industry,
                        "created_at": _time(target.created_at),
                    }
                    for target in portfolio.target_jobs.all()
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


def _feedback(artifact) -> dict[str, list[dict[str, Any]]]:
    """Verdicts and row scores on one artifact, each with the reviewer's name as they gave it."""
    return {
        "verdicts": [
            {
                "reviewer": verdict.invite.name,
                "call": verdict.call,
                "note": verdict.note,
                "artifact_version": verdict.artifact_version,
                "given_at": _time(verdict.updated_at),
            }
            for verdict in artifact.verdicts.all()
        ],
        "row_scores": [
            {
                "reviewer": score.invite.name if score.invite_id else "Self",
                "row": score.row,
                "score": score.score,
                "label": score.get_score_display(),
                "reason": score.reason,
                "agrees_with_checker": score.agrees_with_checker,
                "artifact_version": score.artifact_version,
                "given_at": _time(score.updated_at),
            }
            for score in artifact.review_scores.all()
        ],
    }


class InvalidExport(ValidationError):
    """The file is not an OT Portfolio export this version can restore."""


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise InvalidExport(message, code="invalid_import")


def _json_type(value: Any) -> str:
    """What a JSON value is, in the words of the JSON format (for error messages)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"


def _expect(value: Any, kind: type, where: str) -> Any:
    names = {Mapping: "an object", list: "a list", str: "text"}
    _require(isinstance(value, kind), f"{where}: expected {names[kind]}, not {_json_type(value)}")
    return value


def _whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_time(value: Any, where: str) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:  # well-formed but impossible, e.g. month 13
        parsed = None
    _require(parsed is not None, f"{where}: not a date and time: {str(value)[:40]!r}")
    return parsed if timezone.is_aware(parsed) else parsed.replace(tzinfo=UTC)


@dataclass(frozen=True)
class _ImportedRevision:
    number: int
    fields: dict[str, str]
    summary: str
    status: str
    note: str
    created_at: datetime | None


@dataclass(frozen=True)
class _ImportedArtifact:
    kind: str
    revisions: list[_ImportedRevision]


@dataclass(frozen=True)
class _ImportedTarget:
    label: str
    posting: str
    industry: str
    created_at: datetime | None


@dataclass(frozen=True)
class _ImportedPortfolio:
    track: str
    industry: str
    artifacts: list[_ImportedArtifact]
    targets: list[_ImportedTarget]


def _fields_and_status(kind: ArtifactKind, fields: Any, status: Any, where: str) -> tuple[dict[str, str], str]:
    """Sections cleaned as the editor cleans them; `complete` kept only if the editor would allow it.

    Like restoring a revision: a complete revision whose required sections are now stricter
    comes back as a draft rather than failing the whole import.
    """
    _expect(fields, Mapping, f"{where}.fields")
    _require(status in Artifact.Status.values, f"{where}: unknown status {str(status)[:40]!r}")
    try:
        cleaned = clean_fields(kind, fields, complete=False)
    except ValidationError as error:
        raise InvalidExport(f"{where}: {'; '.join(error.messages)}", code="invalid_import") from error
    bad = sorted(key for key, value in fields.items() if value is not None and not isinstance(value, str))
    _require(not bad, f"{where}: section {', '.join(bad)} must be text")
    if status == Artifact.Status.COMPLETE:
        try:
            clean_fields(kind, cleaned, complete=True)
        except ValidationError:
            status = Artifact.Status.DRAFT
    return cleaned, status


def _summary(raw: Mapping[str, Any], where: str) -> str:
    """The proof summary, cleaned as the editor cleans it; files from before summaries have none."""
    summary = raw.get("summary")
    if summary is None:
        return ""
    _expect(summary, str, f"{where}.summary")
    try:
        return clean_proof_summary(summary)
    except ValidationError as error:
        raise InvalidExport(f"{where}.summary: {' '.join(error.messages)}", code="invalid_import") from error


def _validated_revision(kind: ArtifactKind, raw: Any, where: str) -> _ImportedRevision:
    _expect(raw, Mapping, where)
    fields, status = _fields_and_status(kind, raw.get("fields"), raw.get("status"), where)
    note = raw.get("note") or ""
    _expect(note, str, f"{where}.note")
    try:
        note = clean_single_line(note, label=f"{where}.note")
    except ValidationError as error:
        raise InvalidExport(error.messages[0], code="invalid_import") from error
    max_note = Revision._meta.get_field("note").max_length
    return _ImportedRevision(
        number=raw["number"],
        fields=fields,
        summary=_summary(raw, where),
        status=status,
        note=note[:max_note],
        created_at=_parse_time(raw.get("created_at"), f"{where}.created_at"),
    )


def _validated_artifact(raw: Any, where: str) -> _ImportedArtifact:
    _expect(raw, Mapping, where)
    kind_key = raw.get("kind")
    kind = KINDS_BY_KEY.get(kind_key) if isinstance(kind_key, str) else None
    _require(kind is not None and kind.listed, f"{where}: unknown kind {str(kind_key)[:40]!r}")
    revisions = raw.get("revisions")
    _require(isinstance(revisions, list) and revisions, f"{where}: needs its revisions")
    numbers = [revision.get("number") if isinstance(revision, Mapping) else None for revision in revisions]
    _require(
        all(_whole_number(number) for number in numbers)
        and numbers == list(range(1, len(numbers) + 1))
        and _whole_number(raw.get("version"))
        and raw["version"] == len(numbers),
        f"{where}: revisions must be numbered 1..version without gaps",
    )
    validated = [
        _validated_revision(kind, revision, f"{where} revision {number}")
        for number, revision in enumerate(revisions, start=1)
    ]
    # The artifact's own copy must match its last revision: a mismatch means an edited file.
    last = revisions[-1]
    current_fields, current_status = _fields_and_status(kind, raw.get("fields"), raw.get("status"), where)
    _require(current_fields == validated[-1].fields, f"{where}: fields differ from the last revision")
    _require(_summary(raw, where) == validated[-1].summary, f"{where}: summary differs from the last revision")
    _require(
        raw.get("status") == last.get("status") and current_status == validated[-1].status,
        f"{where}: status differs from the last revision",
    )
    return _ImportedArtifact(kind=kind.key, revisions=validated)


def _cleaned(clean, value: Any, where: str) -> Any:
    """`clean(value)` with its ValidationError said as an import error at `where`."""
    try:
        return clean(value)
    except ValidationError as error:
        raise InvalidExport(f"{where}: {' '.join(error.messages)}", code="invalid_import") from error


def _validated_target(raw: Any, where: str) -> _ImportedTarget:
    """A target job, its label and posting cleaned as the target page cleans them."""
    _expect(raw, Mapping, where)
    return _ImportedTarget(
        label=_cleaned(clean_target_label, _expect(raw.get("label"), str, f"{where}.label"), f"{where}.label"),
        posting=_cleaned(clean_posting, _expect(raw.get("posting"), str, f"{where}.posting"), f"{where}.posting"),
        industry=_cleaned(clean_industry, raw.get("industry"), f"{where}.industry"),
        created_at=_parse_time(raw.get("created_at"), f"{where}.created_at"),
    )


def _validated_portfolio(raw: Any, where: str) -> _ImportedPortfolio:
    _expect(raw, Mapping, where)
    track = raw.get("track")
    _require(isinstance(track, str) and track in TRACKS_BY_KEY, f"{where}: unknown track {str(track)[:40]!r}")
    artifacts = _expect(raw.get("artifacts", []), list, f"{where}.artifacts")
    validated = [
        _validated_artifact(artifact, f"{where}.artifacts[{index}]") for index, artifact in enumerate(artifacts)
    ]
    kinds = [artifact.kind for artifact in validated]
    _require(len(kinds) == len(set(kinds)), f"{where}: an artifact kind appears twice")
    targets = _expect(raw.get("target_jobs", []), list, f"{where}.target_jobs")  # files before target jobs: none
    return _ImportedPortfolio(
        track=track,
        industry=_cleaned(clean_industry, raw.get("industry"), f"{where}.industry"),
        artifacts=validated,
        targets=[_validated_target(target, f"{where}.target_jobs[{index}]") for index, target in enumerate(targets)],
    )


@transaction.atomic
def portfolio_import(*, user: User, data: Mapping[str, Any], track: str | None = None) -> list[Portfolio]:
    """Restore the portfolios of an export file into the user's account: revisions, interview preparation,
    industry lens and target jobs.

    With `track`, only that portfolio is restored. Every value is checked for its type and
    cleaned as the editor cleans it before anything is written; nothing is written unless the
    whole file is valid and none of its tracks is already taken in the account.
    """
    _require(isinstance(data, Mapping) and data.get("format") == EXPORT_FORMAT, "This is not an OT Portfolio export.")
    version = data.get("version")
    _require(_whole_number(version) and version == EXPORT_VERSION, f"Unsupported export version {str(version)[:40]!r}.")
    portfolios = data.get("portfolios")
    _require(isinstance(portfolios, list), "The export has no list of portfolios.")
    chosen = [
        item for item in portfolios if track is None or (isinstance(item, Mapping) and item.get("track") == track)
    ]
    _require(chosen, f"The export has no {track} portfolio." if track else "The export holds no portfolio.")
    validated = [_validated_portfolio(item, f"portfolios[{index}]") for index, item in enumerate(chosen)]
    tracks = [item.track for item in validated]
    _require(len(tracks) == len(set(tracks)), "The export holds two portfolios for one track.")
    taken = set(Portfolio.objects.filter(owner=user, track__in=tracks).values_list("track", flat=True))
    _require(not taken, f"This account already has a portfolio for: {', '.join(sorted(taken))}.")

    restored = []
    for item, raw in zip(validated, chosen, strict=True):
        portfolio = Portfolio.objects.create(owner=user, track=item.track, industry=item.industry)
        content_changed(owner_id=user.pk)
        for entry in item.artifacts:
            last = entry.revisions[-1]
            artifact = Artifact.objects.create(
                portfolio=portfolio,
                kind=entry.kind,
                fields=last.fields,
                summary=last.summary,
                status=last.status,
                version=last.number,
            )
            Revision.objects.bulk_create(
                Revision(
                    artifact=artifact,
                    number=revision.number,
                    fields=revision.fields,
                    summary=revision.summary,
                    status=revision.status,
                    note=revision.note,
                    author=user,
                )
                for revision in entry.revisions
            )
            # Keep the original save times: history should read as it happened.
            for revision in entry.revisions:
                if revision.created_at:
                    Revision.objects.filter(artifact=artifact, number=revision.number).update(
                        created_at=revision.created_at
                    )
            _store_check(artifact, portfolio.track)
            artifact.save(update_fields=["check_result", "checked_version", "phi_error_count"])
        try:  # stories, stage leads, drill answers, employer notes; inside this transaction, so all or nothing
            prepare_import(portfolio=portfolio, data=raw.get("prepare"))
        except ValidationError as error:
            raise InvalidExport(f"{item.track}: {'; '.join(error.messages)}", code="invalid_import") from error
        # The export lists the newest first; created in reverse, they list in the same order again.
        for target in reversed(item.targets):
            job = TargetJob.objects.create(
                portfolio=portfolio, label=target.label, posting=target.posting, industry=target.industry
            )
            if target.created_at:
                TargetJob.objects.filter(pk=job.pk).update(created_at=target.created_at)
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
