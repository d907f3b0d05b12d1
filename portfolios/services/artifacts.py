"""Every write in OT Portfolio. Each service is one transaction that validates before it saves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from portfolios.checker import check_artifact
from portfolios.content_versions import content_changed
from portfolios.kinds import KINDS_BY_KEY
from portfolios.models import Artifact, Portfolio, Revision, User
from portfolios.rubric import phi
from portfolios.rubric.findings import CheckResult
from portfolios.tracks import TRACKS_BY_KEY
from portfolios.validation import clean_fields, clean_proof_summary, clean_single_line, refuse_identifiers


class VersionConflict(Exception):
    """The artifact changed since the editor was opened: saving would overwrite someone's text."""

    def __init__(
        self,
        artifact: Artifact,
        submitted: Mapping[str, str],
        submitted_status: str,
        base_version: int,
        submitted_summary: str | None = None,
    ):
        super().__init__(f"{artifact} is at version {artifact.version}, not {base_version}")
        self.artifact = artifact
        self.submitted = dict(submitted)
        self.submitted_status = submitted_status
        self.base_version = base_version  # the version the editor was opened at
        self.submitted_summary = submitted_summary  # None: the save did not change the summary


@dataclass(frozen=True)
class SaveResult:
    artifact: Artifact
    revision: Revision


def _validate_track(track: str) -> None:
    if track not in TRACKS_BY_KEY:
        raise ValidationError({"track": ["Choose one of the listed tracks."]}, code="invalid_track")


def portfolio_create(*, owner: User, track: str) -> Portfolio:
    """Create the owner's portfolio for a track; one portfolio per track."""
    _validate_track(track)
    if Portfolio.objects.filter(owner=owner, track=track).exists():
        raise ValidationError(
            {"track": [f"You already have a portfolio for {TRACKS_BY_KEY[track].name}."]}, code="duplicate_track"
        )
    try:
        with transaction.atomic():
            portfolio = Portfolio.objects.create(owner=owner, track=track)
            content_changed(owner_id=owner.pk)
            return portfolio
    except IntegrityError as error:  # a concurrent create won the race
        raise ValidationError(
            {"track": [f"You already have a portfolio for {TRACKS_BY_KEY[track].name}."]}, code="duplicate_track"
        ) from error


@transaction.atomic
def portfolio_change_track(*, portfolio: Portfolio, track: str) -> Portfolio:
    """Move a portfolio to another track and re-check its artifacts against that track's rules."""
    _validate_track(track)
    if track == portfolio.track:
        return portfolio
    if Portfolio.objects.filter(owner_id=portfolio.owner_id, track=track).exclude(pk=portfolio.pk).exists():
        raise ValidationError(
            {"track": [f"You already have a portfolio for {TRACKS_BY_KEY[track].name}; open that one instead."]},
            code="duplicate_track",
        )
    portfolio.track = track
    portfolio.save(update_fields=["track", "updated_at"])
    content_changed(owner_id=portfolio.owner_id, portfolio_id=portfolio.pk)
    for artifact in portfolio.artifacts.select_for_update():
        _store_check(artifact, track)
        artifact.save(update_fields=["check_result", "checked_version", "phi_error_count", "updated_at"])
    return portfolio


def _store_check(artifact: Artifact, track: str) -> None:
    result = check_artifact(artifact.kind, track, artifact.fields)
    artifact.check_result = result.as_dict()
    artifact.checked_version = artifact.version
    artifact.phi_error_count = len(result.phi_errors)


def artifacts_recheck(*, portfolios=None, batch_size: int = 200) -> int:
    """Re-run the checker on saved artifacts (after a rubric upgrade); returns how many results changed.

    Content is untouched and no revision is written; only the stored results move.
    """
    queryset = Artifact.objects.filter(version__gt=0).select_related("portfolio").order_by("pk")
    if portfolios is not None:
        queryset = queryset.filter(portfolio__in=portfolios)
    changed = 0
    for artifact in queryset.iterator(chunk_size=batch_size):
        before = (artifact.check_result, artifact.phi_error_count)
        _store_check(artifact, artifact.portfolio.track)
        if (artifact.check_result, artifact.phi_error_count) != before:
            with transaction.atomic():
                artifact.save(update_fields=["check_result", "checked_version", "phi_error_count", "updated_at"])
                content_changed(owner_id=artifact.portfolio.owner_id, portfolio_id=artifact.portfolio_id)
            changed += 1
    return changed


def _locked_artifact(portfolio: Portfolio, kind: str) -> Artifact:
    """The portfolio's artifact of this kind, created empty at version 0 if new, locked for update."""
    try:
        with transaction.atomic():
            Artifact.objects.get_or_create(portfolio=portfolio, kind=kind)
    except IntegrityError:  # another request created it first; it exists now
        pass
    return Artifact.objects.select_for_update().get(portfolio=portfolio, kind=kind)


@transaction.atomic
def artifact_save(
    *,
    portfolio: Portfolio,
    kind: str,
    fields: Mapping[str, str],
    status: str,
    expected_version: int,
    author: User,
    note: str = "",
    summary: str | None = None,
) -> SaveResult:
    """Save an artifact's sections and proof summary as a new revision, unless someone saved since `expected_version`.

    `summary` None keeps the artifact's current one (restores and identifier fixes never lose it).
    Raises ValidationError for bad input (nothing is written) and VersionConflict when the
    artifact moved on (nothing is written; the caller shows both texts).
    """
    artifact_kind = KINDS_BY_KEY.get(kind)
    if artifact_kind is None or not artifact_kind.listed:  # interview stories are saved by story_save
        raise ValidationError("Unknown artifact kind.", code="unknown_kind")
    if status not in Artifact.Status.values:
        raise ValidationError("Unknown status.", code="invalid_status")
    cleaned = clean_fields(artifact_kind, fields, complete=status == Artifact.Status.COMPLETE)
    if summary is not None:
        summary = clean_proof_summary(summary)
    artifact = _locked_artifact(portfolio, kind)
    if artifact.version != expected_version:
        raise VersionConflict(artifact, cleaned, status, expected_version, submitted_summary=summary)
    artifact.version += 1
    artifact.fields = cleaned
    artifact.status = status
    if summary is not None:
        artifact.summary = summary
    _store_check(artifact, portfolio.track)
    artifact.save()
    revision = Revision.objects.create(
        artifact=artifact,
        number=artifact.version,
        fields=cleaned,
        summary=artifact.summary,
        status=status,
        author=author,
        note=note,
    )
    content_changed(owner_id=portfolio.owner_id, portfolio_id=portfolio.pk, touched_at=artifact.updated_at)
    return SaveResult(artifact, revision)


@transaction.atomic
def revision_restore(*, artifact: Artifact, number: int, author: User, expected_version: int) -> SaveResult:
    """Make an old revision current again, as a new revision (history is never rewritten).

    Its proof summary comes back too; a revision saved before summaries existed keeps the current one.
    """
    try:
        old = artifact.revisions.get(number=number)
    except Revision.DoesNotExist as error:
        raise ValidationError("That revision does not exist.", code="unknown_revision") from error
    # Restoring a complete revision whose required sections are now stricter must not fail:
    # a restore brings back exactly what was saved, so keep its status only if it still validates.
    fields = {key: text for key, text in old.fields.items() if key in artifact.kind_info.section_keys}
    status = old.status
    try:
        clean_fields(artifact.kind_info, fields, complete=status == Artifact.Status.COMPLETE)
    except ValidationError:
        status = Artifact.Status.DRAFT
    return artifact_save(
        portfolio=artifact.portfolio,
        kind=artifact.kind,
        fields=fields,
        status=status,
        expected_version=expected_version,
        author=author,
        note=f"Restored revision {number}",
        summary=old.summary or None,
    )


@transaction.atomic
def artifact_replace_identifier(
    *, artifact: Artifact, field: str, start: int, end: int, check: str, expected_version: int, author: User
) -> SaveResult:
    """Replace one identifier the PHI gate flagged with its placeholder, as a new revision.

    Only a span the stored check result actually flagged, at the version the candidate saw,
    is replaced, so a stale page can never rewrite the wrong text.
    """
    if artifact.version != expected_version:
        raise VersionConflict(artifact, artifact.fields, artifact.status, expected_version)
    stored = CheckResult.from_dict(artifact.check_result) if artifact.check_result else None
    flagged = {
        (finding.field, finding.start, finding.end, finding.check)
        for finding in (stored.findings if stored else ())
        if finding.is_phi
    }
    if artifact.checked_version != artifact.version or (field, start, end, check) not in flagged:
        raise ValidationError("That passage is no longer flagged. Nothing was changed.", code="not_flagged")
    placeholder = phi.PLACEHOLDERS.get(check, "[REDACTED]")
    fields = dict(artifact.fields)
    fields[field] = phi.redact(fields.get(field, ""), [(start, end, check)])
    return artifact_save(
        portfolio=artifact.portfolio,
        kind=artifact.kind,
        fields=fields,
        status=artifact.status,
        expected_version=expected_version,
        author=author,
        note=f"Replaced an identifier with {placeholder}",
    )


def refuse_profile_identifiers(display_name: str, headline: str) -> None:
    """Raise a ValidationError naming each identifier in a profile's name or headline; the own name passes."""
    errors: dict[str, list[ValidationError]] = {}
    for field, label, text in (("display_name", "Display name", display_name), ("headline", "Headline", headline)):
        try:
            refuse_identifiers(field, label, text, own_name=display_name)
        except ValidationError as error:
            errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)


def profile_update(*, user: User, display_name: str, headline: str, email_notifications: bool | None = None) -> User:
    """Change the name and headline shown on the user's portfolios, and the email setting."""
    user.display_name = clean_single_line(display_name, label="Display name")
    user.headline = clean_single_line(headline, label="Headline")
    # Recruiters read both lines: refuse identifiers (the candidate's own name excepted).
    refuse_profile_identifiers(user.display_name, user.headline)
    if email_notifications is not None:
        user.email_notifications = email_notifications
    user.full_clean(exclude=["password"])
    with transaction.atomic():
        user.save(update_fields=["display_name", "headline", "email_notifications", "updated_at"])
        # The name and headline head every share page: recruiters must see the new ones.
        content_changed(owner_id=user.pk, every_portfolio=True)
    return user
