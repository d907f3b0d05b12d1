"""The PHI gate on every field and every revision: one-line fields, replace all, purge from history.

Each write is one transaction that validates before it saves. The detector is reached only
through `portfolios.redaction`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from portfolios import redaction
from portfolios.content_versions import content_changed
from portfolios.models import Artifact, Comment, HistoryPurge, Portfolio, Revision, User
from portfolios.services.artifacts import SaveResult, VersionConflict, artifact_save
from portfolios.validation import clean_single_line, refuse_identifiers

PORTFOLIO_HEADLINE_MAX_CHARS = 140


def profile_problems(user: User) -> list[redaction.FieldProblem]:
    """Identifiers in the profile name and headline (the candidate's own name excepted)."""
    own = user.display_name
    return [
        *redaction.field_problems(
            "Display name",
            user.display_name,
            redaction.profile_identifiers("display_name", user.display_name, own_name=own),
            own_line=True,
        ),
        *redaction.field_problems(
            "Profile headline",
            user.headline,
            redaction.profile_identifiers("headline", user.headline, own_name=own),
            own_line=True,
        ),
    ]


def portfolio_problems(portfolio: Portfolio) -> list[redaction.FieldProblem]:
    """Identifiers a recruiter would read above the artifacts: the owner's profile and this portfolio's headline."""
    owner = portfolio.owner
    headline = redaction.profile_identifiers("headline", portfolio.headline, own_name=owner.display_name)
    return [
        *profile_problems(owner),
        *redaction.field_problems("Portfolio headline", portfolio.headline, headline, own_line=True),
    ]


@transaction.atomic
def portfolio_headline_update(*, portfolio: Portfolio, headline: str) -> Portfolio:
    """Set the line recruiters read under the candidate's name on this portfolio; refused if it holds identifiers."""
    headline = clean_single_line(headline, label="The headline")
    if len(headline) > PORTFOLIO_HEADLINE_MAX_CHARS:
        raise ValidationError(
            {"headline": [f"Keep the headline under {PORTFOLIO_HEADLINE_MAX_CHARS} characters."]}, code="too_long"
        )
    refuse_identifiers("headline", "Portfolio headline", headline, own_name=portfolio.owner.display_name)
    portfolio.headline = headline
    portfolio.save(update_fields=["headline", "updated_at"])
    content_changed(owner_id=portfolio.owner_id, portfolio_id=portfolio.pk)  # the headline heads the share page
    return portfolio


@transaction.atomic
def artifact_replace_all_identifiers(*, artifact: Artifact, expected_version: int, author: User) -> SaveResult:
    """Replace every identifier the current text holds with a readable placeholder, as ONE new revision.

    Refused (nothing written) when the artifact moved on since `expected_version`, or holds no identifier.
    """
    artifact = Artifact.objects.select_for_update().select_related("portfolio").get(pk=artifact.pk)
    if artifact.version != expected_version:
        raise VersionConflict(artifact, artifact.fields, artifact.status, expected_version)
    findings = redaction.stored_identifiers(artifact)
    fields, count = redaction.replace_in_fields(artifact.fields, findings)
    if count == 0:
        raise ValidationError("This artifact holds no flagged identifier. Nothing was changed.", code="nothing_flagged")
    return artifact_save(
        portfolio=artifact.portfolio,
        kind=artifact.kind,
        fields=fields,
        status=artifact.status,
        expected_version=expected_version,
        author=author,
        note=f"Replaced {count} identifier{'s' if count != 1 else ''} with placeholders",
    )


def history_identifier_count(artifact: Artifact) -> tuple[int, int]:
    """How many earlier revisions hold identifiers, and how many identifiers they hold in all."""
    revisions = 0
    total = 0
    history = Revision.objects.filter(artifact_id=artifact.pk, number__lt=artifact.version)
    for fields in history.values_list("fields", flat=True):  # one query, the text only
        found = len(redaction.artifact_identifiers(fields, artifact.kind))
        if found:
            revisions += 1
            total += found
    return revisions, total


@transaction.atomic
def artifact_purge_history(*, artifact: Artifact, actor: User) -> HistoryPurge:
    """Rewrite the identifiers out of every earlier revision (and comment snapshots) of one artifact.

    The current text must be clean first, so no restore or export can bring an identifier back.
    Logged as a `HistoryPurge` with counts only, never the removed text.
    """
    artifact = Artifact.objects.select_for_update().select_related("portfolio").get(pk=artifact.pk)
    if redaction.stored_identifiers(artifact):
        raise ValidationError(
            "The current text still holds identifiers: replace them first (\u201cReplace all identifiers\u201d), "
            "then purge the history. Nothing was changed.",
            code="current_not_clean",
        )
    rewritten = removed = 0
    for revision in artifact.revisions.select_for_update().filter(number__lt=artifact.version):
        fields, count = redaction.replace_in_fields(
            revision.fields, redaction.artifact_identifiers(revision.fields, artifact.kind)
        )
        if count:
            revision.fields = fields
            revision.save(update_fields=["fields"])
            rewritten += 1
            removed += count
    # Threads keep a copy of the section and the quoted passage: they are history too.
    for comment in Comment.objects.select_for_update().filter(artifact=artifact, thread__isnull=True):
        changed = False
        for attribute in ("quote", "section_text"):
            text, count = redaction.replace_identifiers(
                getattr(comment, attribute), redaction.field_identifiers(comment.section, getattr(comment, attribute))
            )
            if count:
                setattr(comment, attribute, text)
                removed += count
                changed = True
        if changed:
            comment.save(update_fields=["quote", "section_text", "updated_at"])
    purge = HistoryPurge.objects.create(
        artifact=artifact, actor=actor, revisions_rewritten=rewritten, identifiers_removed=removed
    )
    content_changed(owner_id=artifact.portfolio.owner_id, portfolio_id=artifact.portfolio_id)
    return purge
