"""Every page's reads, each in a constant number of queries.

Selectors return small read-only view objects built from stored rows; rubric results are
read from storage, never recomputed per request.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from portfolios import redaction
from portfolios.diffing import Piece, diff_text
from portfolios.findings_view import group_findings
from portfolios.kinds import KINDS, KINDS_BY_KEY, ArtifactKind
from portfolios.models import (
    Artifact,
    Comment,
    MentorInvite,
    Notification,
    Portfolio,
    ReviewRequest,
    ReviewScore,
    Revision,
    ShareLink,
    User,
    Verdict,
)
from portfolios.rows import ROWS, RubricRow
from portfolios.rubric.findings import SCORE_LABELS, CheckResult, Finding
from portfolios.selectors_targets import LensView, portfolio_lens

NOT_STARTED = "not_started"
STATUS_LABELS = {NOT_STARTED: "Not started", "draft": "Draft", "complete": "Complete"}


@dataclass(frozen=True)
class ArtifactSummary:
    """One artifact slot in a portfolio: the kind, and the saved artifact if there is one."""

    kind: ArtifactKind
    artifact: Artifact | None
    recommended: bool

    @property
    def status(self) -> str:
        if self.artifact is None or self.artifact.version == 0:
            return NOT_STARTED
        return self.artifact.status

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def identifiers_found(self) -> bool:
        """The saved text still holds patient identifiers (a complete one pauses sharing)."""
        return self.status != NOT_STARTED and self.artifact.phi_error_count > 0

    @property
    def result(self) -> CheckResult | None:
        if self.artifact is None or not self.artifact.check_result:
            return None
        return CheckResult.from_dict(self.artifact.check_result)


@dataclass(frozen=True)
class CoverageCell:
    kind: ArtifactKind
    proves: bool
    score: int | None  # None: not proved by this kind, or nothing checked yet
    label: str


@dataclass(frozen=True)
class CoverageRow:
    row: RubricRow
    cells: tuple[CoverageCell, ...]
    standing: int | None  # best score among artifacts meant to prove this row
    standing_label: str


@dataclass(frozen=True)
class PortfolioOverview:
    portfolio: Portfolio
    items: tuple[ArtifactSummary, ...]
    addable: tuple[ArtifactKind, ...] = field(default_factory=tuple)
    lens: LensView | None = None  # the portfolio's industry lens and its checks (the portfolio page only)

    @property
    def recommended(self) -> tuple[ArtifactSummary, ...]:
        return tuple(item for item in self.items if item.recommended)

    @property
    def complete_count(self) -> int:
        return sum(1 for item in self.recommended if item.status == "complete")

    @property
    def progress_percent(self) -> int:
        total = len(self.recommended)
        return round(100 * self.complete_count / total) if total else 0

    @property
    def coverage(self) -> tuple[CoverageRow, ...]:
        return coverage_matrix(self.items)


def coverage_matrix(items: Iterable[ArtifactSummary]) -> tuple[CoverageRow, ...]:
    """Rubric rows x artifacts: which artifact is meant to prove which row, and its stored score."""
    items = tuple(items)
    results = {item.kind.key: item.result for item in items}
    rows = []
    for row in ROWS:
        cells = []
        for item in items:
            proves = row.key in item.kind.proves
            result = results[item.kind.key]
            score = None
            label = "Not proved by this artifact" if not proves else "Not started"
            if proves and item.status != NOT_STARTED and result is not None and row.key in result.rows:
                score = result.rows[row.key].score
                label = result.rows[row.key].label
                if item.identifiers_found:
                    label = f"{label} \u2014 identifiers found"
            cells.append(CoverageCell(item.kind, proves, score, label))
        scored = [cell.score for cell in cells if cell.score is not None]
        standing = max(scored) if scored else None
        rows.append(
            CoverageRow(
                row, tuple(cells), standing, SCORE_LABELS[standing] if standing is not None else "No evidence yet"
            )
        )
    return tuple(rows)


def _artifacts_without_text() -> QuerySet[Artifact]:
    # Overviews need status, version and scores, not the (possibly long) section text.
    return Artifact.objects.defer("fields")


def _overview(portfolio: Portfolio, artifacts: Iterable[Artifact]) -> PortfolioOverview:
    by_kind = {artifact.kind: artifact for artifact in artifacts}
    recommended = portfolio.track_info.recommended_kinds
    items = [ArtifactSummary(KINDS_BY_KEY[key], by_kind.get(key), True) for key in recommended]
    items += [
        ArtifactSummary(kind, by_kind[kind.key], False)
        for kind in KINDS
        if kind.key in by_kind and kind.key not in recommended and by_kind[kind.key].version > 0
    ]
    shown = {item.kind.key for item in items}
    addable = tuple(kind for kind in KINDS if kind.key not in shown and kind.listed)
    return PortfolioOverview(portfolio, tuple(items), addable)


def portfolio_overviews(portfolios: Iterable[Portfolio]) -> list[PortfolioOverview]:
    """These portfolios with their artifacts' status and scores: one query for all the artifacts."""
    portfolios = list(portfolios)
    prefetch_related_objects(portfolios, Prefetch("artifacts", queryset=_artifacts_without_text()))
    return [_overview(portfolio, portfolio.artifacts.all()) for portfolio in portfolios]


def portfolio_overview(portfolio: Portfolio) -> PortfolioOverview:
    """One portfolio's artifacts with status and scores, and its lens checks: one query, two with a lens."""
    overview = _overview(portfolio, _artifacts_without_text().filter(portfolio=portfolio))
    return replace(overview, lens=portfolio_lens(portfolio))


def revision_list(artifact: Artifact) -> list[Revision]:
    """Every revision of the artifact, newest first, with authors: one query."""
    return list(artifact.revisions.select_related("author").defer("fields"))


def revision_fields(artifact: Artifact, number: int) -> dict[str, str]:
    """One revision's sections by number (empty for version 0, before the first save)."""
    revision = artifact.revisions.filter(number=number).only("fields").first()
    return dict(revision.fields) if revision else {}


def revision_pair(artifact: Artifact, old: int, new: int) -> tuple[Revision, Revision] | None:
    """Two revisions of the artifact by number (one query), or None if either is missing."""
    found = {revision.number: revision for revision in artifact.revisions.filter(number__in={old, new})}
    if old not in found or new not in found:
        return None
    return found[old], found[new]


# ---- sharing and review ----------------------------------------------------------------------


@dataclass(frozen=True)
class VerdictView:
    verdict: Verdict
    current: bool  # given on the artifact's current version

    @property
    def mentor_name(self) -> str:
        return self.verdict.invite.name


def _verdict_views(artifact: Artifact) -> tuple[VerdictView, ...]:
    # Verdicts are prefetched with their invites; a revoked mentor's verdict no longer counts.
    return tuple(
        VerdictView(verdict, verdict.is_current_for(artifact))
        for verdict in artifact.verdicts.all()
        if verdict.invite.status != MentorInvite.Status.REVOKED
    )


@dataclass(frozen=True)
class SharedArtifact:
    artifact: Artifact
    kind: ArtifactKind
    sections: tuple[tuple[str, str], ...]  # (label, text) of the sections written
    verdicts: tuple[VerdictView, ...]
    mentor_scores: tuple[tuple[str, str, int], ...] = ()  # (mentor, row key, score) on the version shown

    @property
    def mentor_ready(self) -> tuple[VerdictView, ...]:
        """Current 'Looks ready' verdicts: the only ones a recruiter sees."""
        return tuple(view for view in self.verdicts if view.current and view.verdict.call == Verdict.Call.READY)


@dataclass(frozen=True)
class SharePage:
    portfolio: Portfolio
    artifacts: tuple[SharedArtifact, ...]
    overview: PortfolioOverview

    @property
    def mentor_ready_views(self) -> tuple[tuple[str, VerdictView], ...]:
        """(artifact title, verdict) for every current 'Looks ready' among the shown artifacts."""
        return tuple((shared.kind.title, view) for shared in self.artifacts for view in shared.mentor_ready)


def _verdict_prefetch() -> Prefetch:
    return Prefetch("verdicts", queryset=Verdict.objects.select_related("invite__user").order_by("-updated_at"))


def _mentor_scores(artifact: Artifact) -> tuple[tuple[str, str, int], ...]:
    # Scores are prefetched with their invites: live mentors' scores on the version shown only.
    return tuple(
        (score.invite.name, score.row, score.score)
        for score in artifact.review_scores.all()
        if score.invite is not None
        and score.invite.status != MentorInvite.Status.REVOKED
        and score.artifact_version == artifact.version
    )


def share_page(portfolio: Portfolio, kinds: Sequence[str] | None = None) -> SharePage:
    """The recruiter's view of one link: its chosen complete artifacts in its order, or every complete one.

    `kinds` is the link's choice (`ShareLink.artifact_kinds`); None or empty shows every complete
    artifact in the track's order. A chosen artifact moved back to draft is left out. Three
    queries: the artifacts, their verdicts and their mentors' scores.
    """
    complete = Artifact.objects.filter(portfolio=portfolio, status=Artifact.Status.COMPLETE)
    if kinds:
        complete = complete.filter(kind__in=list(kinds))
    complete = list(
        complete.prefetch_related(
            _verdict_prefetch(),
            Prefetch("review_scores", queryset=ReviewScore.objects.select_related("invite__user")),
        )
    )
    order = {key: index for index, key in enumerate(kinds or portfolio.track_info.recommended_kinds)}
    complete.sort(key=lambda artifact: (order.get(artifact.kind, len(order)), artifact.kind_info.title))
    shared = tuple(
        SharedArtifact(
            artifact,
            artifact.kind_info,
            tuple(
                (section.label, artifact.fields.get(section.key, ""))
                for section in artifact.kind_info.sections
                if artifact.fields.get(section.key)
            ),
            _verdict_views(artifact),
            _mentor_scores(artifact),
        )
        for artifact in complete
    )
    items = tuple(ArtifactSummary(item.kind, item.artifact, True) for item in shared)
    return SharePage(portfolio, shared, PortfolioOverview(portfolio, items))


def share_links(portfolio: Portfolio) -> list[ShareLink]:
    return list(portfolio.share_links.all())


def live_share_link_labels(portfolio: Portfolio) -> list[str]:
    """Labels of the links a recruiter can open now (not revoked, not expired), oldest first: one query."""
    live = Q(revoked_at__isnull=True) & (Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
    return list(portfolio.share_links.filter(live).order_by("created_at", "pk").values_list("label", flat=True))


def artifacts_with_identifiers(portfolio: Portfolio) -> list[Artifact]:
    """Saved artifacts (drafts too: mentors read them) whose stored check finds patient identifiers: one query."""
    return list(
        portfolio.artifacts.filter(version__gt=0, phi_error_count__gt=0).only(
            "id", "kind", "portfolio_id", "status", "phi_error_count"
        )
    )


def mentor_invites(portfolio: Portfolio) -> list[MentorInvite]:
    return list(portfolio.mentor_invites.select_related("user"))


@dataclass(frozen=True)
class Thread:
    root: Comment
    replies: tuple[Comment, ...]
    current_text: str
    started_text: str  # the section when the thread started (masked like `current_text` for mentors)
    quote: str

    @property
    def outdated(self) -> bool:
        """The section changed since the thread started."""
        return self.started_text != self.current_text

    @property
    def changes(self) -> tuple[Piece, ...]:
        """What changed in the section since the thread started."""
        return diff_text(self.started_text, self.current_text)


@dataclass(frozen=True)
class ReviewSection:
    key: str
    label: str
    text: str
    threads: tuple[Thread, ...]
    hidden: tuple[Finding, ...] = ()  # identifiers masked in `text`, shown to mentors with the finding

    @property
    def hidden_labels(self) -> tuple[str, ...]:
        return tuple(redaction.type_label(finding.check) for finding in self.hidden)


@dataclass(frozen=True)
class ScoreView:
    """One person's score on a row, with whether it is still about the current version."""

    score: ReviewScore
    name: str
    current: bool
    checker_score: int | None

    @property
    def disagrees(self) -> bool:
        """Two or more points from the checker, or the mentor said they disagree with it."""
        if self.score.agrees_with_checker is False:
            return True
        return self.checker_score is not None and abs(self.score.score - self.checker_score) >= 2


@dataclass(frozen=True)
class RowReview:
    """One row the artifact evidences: the checker's score and findings, the self-score, mentors' scores."""

    row: RubricRow
    checker: object  # rubric RowScore or None
    findings: tuple
    safety: bool
    self_score: ScoreView | None
    mentor_scores: tuple[ScoreView, ...]

    @property
    def disagreement(self) -> bool:
        scores = [view for view in (self.self_score, *self.mentor_scores) if view is not None and view.current]
        return any(view.disagrees for view in scores) or any(
            abs(first.score.score - second.score.score) >= 2 for first in scores for second in scores
        )


@dataclass(frozen=True)
class ArtifactReview:
    artifact: Artifact
    kind: ArtifactKind
    sections: tuple[ReviewSection, ...]
    verdicts: tuple[VerdictView, ...]
    rows: tuple[RowReview, ...] = ()
    other_findings: tuple = ()  # findings on rows the kind does not prove
    re_review_requests: tuple[ReviewRequest, ...] = ()

    def score_of(self, invite: MentorInvite | None, row: str) -> ReviewScore | None:
        """The score this mentor (None: the candidate) gave the row, current or stale."""
        for item in self.rows:
            if item.row.key != row:
                continue
            if invite is None:
                return item.self_score.score if item.self_score else None
            for view in item.mentor_scores:
                if view.score.invite_id == invite.pk:
                    return view.score
        return None

    @property
    def open_threads(self) -> int:
        return sum(1 for section in self.sections for thread in section.threads if not thread.root.is_resolved)


def _thread(root: Comment, replies: tuple[Comment, ...], raw_text: str, shown_text: str, masked: bool) -> Thread:
    if not masked:
        return Thread(root, replies, raw_text, root.section_text, root.quote)
    # Earlier copies of the text are not in the stored result: scan them (a thread holds little text).
    started = shown_text if root.section_text == raw_text else redaction.mask_field(root.section, root.section_text)
    return Thread(root, replies, shown_text, started, redaction.mask_field(root.section, root.quote))


def artifact_review(artifact: Artifact, *, masked: bool = False) -> ArtifactReview:
    """One artifact with its sections, threads, verdicts, row scores and re-review requests: five queries.

    `masked` (for mentors): each passage the stored check flags as a patient identifier is
    replaced by "[identifier hidden: <type>]", in the text and in the threads' quotes and copies.
    """
    roots = list(
        Comment.objects.filter(artifact=artifact, thread__isnull=True).prefetch_related(
            Prefetch("replies", queryset=Comment.objects.order_by("created_at", "id"))
        )
    )
    verdicts = Verdict.objects.filter(artifact=artifact).select_related("invite__user").order_by("-updated_at")
    scores = list(ReviewScore.objects.filter(artifact=artifact).select_related("invite__user").order_by("row", "id"))
    requests = tuple(
        ReviewRequest.objects.filter(artifact=artifact, artifact_version=artifact.version).select_related(
            "invite__user"
        )
    )
    kind = artifact.kind_info
    flagged = redaction.stored_identifiers(artifact) if masked else ()
    sections = []
    for section in kind.sections:
        raw = artifact.fields.get(section.key, "")
        hidden = tuple(finding for finding in flagged if finding.field == section.key)
        text = redaction.mask(raw, hidden) if masked else raw
        threads = tuple(
            _thread(root, tuple(root.replies.all()), raw, text, masked) for root in roots if root.section == section.key
        )
        sections.append(ReviewSection(section.key, section.label, text, threads, hidden))
    views = tuple(
        VerdictView(verdict, verdict.is_current_for(artifact))
        for verdict in verdicts
        if verdict.invite.status != MentorInvite.Status.REVOKED
    )
    rows, other = _row_reviews(artifact, kind, scores, flagged)
    return ArtifactReview(artifact, kind, tuple(sections), views, rows, other, requests)


def _row_reviews(
    artifact: Artifact, kind: ArtifactKind, scores: list[ReviewScore], flagged: tuple[Finding, ...]
) -> tuple[tuple[RowReview, ...], tuple]:
    """The checker's rows (findings masked like the text) beside the self-score and each live mentor's score."""
    groups = ()
    if artifact.check_result:
        result = CheckResult.from_dict(artifact.check_result)
        groups = group_findings(result, kind, artifact.fields, hidden=flagged)
    by_row = {group.row.key: group for group in groups}
    rows = []
    for row in ROWS:
        if row.key not in kind.proves:
            continue
        group = by_row.get(row.key)
        checker = group.score if group else None
        checker_score = checker.score if checker else None
        own = [score for score in scores if score.row == row.key]
        self_score = next(
            (
                ScoreView(score, "Self", score.is_current_for(artifact), checker_score)
                for score in own
                if not score.invite_id
            ),
            None,
        )
        mentors = tuple(
            ScoreView(score, score.invite.name, score.is_current_for(artifact), checker_score)
            for score in own
            if score.invite_id and score.invite.status != MentorInvite.Status.REVOKED
        )
        rows.append(
            RowReview(row, checker, group.findings if group else (), row.key in kind.safety_rows, self_score, mentors)
        )
    other = tuple(group for group in groups if group.row.key not in kind.proves)
    return tuple(rows), other


@dataclass(frozen=True)
class ReviewOverviewItem:
    summary: ArtifactSummary
    open_threads: int
    verdicts: tuple[VerdictView, ...]


def review_overview(portfolio: Portfolio) -> tuple[ReviewOverviewItem, ...]:
    """Every saved artifact of a portfolio with its open-thread count and verdicts: three queries."""
    artifacts = list(
        _artifacts_without_text()
        .filter(portfolio=portfolio, version__gt=0)
        .annotate(
            open_threads=Count("comments", filter=Q(comments__thread__isnull=True, comments__resolved_at__isnull=True))
        )
        .prefetch_related(_verdict_prefetch())
    )
    order = {key: index for index, key in enumerate(portfolio.track_info.recommended_kinds)}
    artifacts.sort(key=lambda artifact: (order.get(artifact.kind, len(order)), artifact.kind_info.title))
    return tuple(
        ReviewOverviewItem(
            ArtifactSummary(artifact.kind_info, artifact, artifact.kind in order),
            artifact.open_threads,
            _verdict_views(artifact),
        )
        for artifact in artifacts
    )


def mentor_inbox(invites) -> list[MentorInvite]:
    """The portfolios a mentor reviews, with candidate and track: one query."""
    return list(invites.select_related("portfolio__owner").order_by("-accepted_at"))


def unread_notification_count(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications(user: User, *, limit: int = 50) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user)[:limit])


# ---- identifiers left in stored text ---------------------------------------------------------


@dataclass(frozen=True)
class IdentifierPlace:
    """Somewhere the user's stored text still holds patient identifiers (never the text itself)."""

    where: str
    types: tuple[str, ...]

    def as_dict(self) -> dict:
        return {"where": self.where, "types": list(self.types)}


def _place(where: str, findings) -> list[IdentifierPlace]:
    types = tuple(dict.fromkeys(redaction.type_label(finding.check) for finding in findings))
    return [IdentifierPlace(where, types)] if types else []


def identifier_places(user: User) -> list[IdentifierPlace]:
    """Every stored text of the user's that still holds identifiers: profile, headlines, labels, notes,
    artifacts and each earlier revision. Four queries; the detector runs on each text (for export and
    the profile page's cached warning, not for every page).
    """
    own = user.display_name
    places = [
        *_place("Profile display name", redaction.profile_identifiers("display_name", own, own_name=own)),
        *_place("Profile headline", redaction.profile_identifiers("headline", user.headline, own_name=own)),
    ]
    portfolios = Portfolio.objects.filter(owner=user).prefetch_related(
        Prefetch("artifacts", queryset=Artifact.objects.filter(version__gt=0)),
        Prefetch("artifacts__revisions", queryset=Revision.objects.order_by("number")),
        "share_links",
        "mentor_invites",
    )
    for portfolio in portfolios:
        track = portfolio.track_info.name
        headline = redaction.profile_identifiers("headline", portfolio.headline, own_name=own)
        places += _place(f"{track}: portfolio headline", headline)
        for link in portfolio.share_links.all():
            places += _place(f"{track}: share link label", redaction.label_identifiers("label", link.label))
        for invite in portfolio.mentor_invites.all():
            places += _place(f"{track}: note to {invite.email}", redaction.field_identifiers("message", invite.message))
        for artifact in portfolio.artifacts.all():
            title = f"{track}: {artifact.kind_info.title}"
            places += _place(f"{title}, current text", redaction.stored_identifiers(artifact))
            for revision in artifact.revisions.all():
                if revision.number != artifact.version:
                    found = redaction.artifact_identifiers(revision.fields, artifact.kind)
                    places += _place(f"{title}, revision {revision.number}", found)
    return places


def identifier_places_cached(user: User) -> list[IdentifierPlace]:
    """`identifier_places`, cached on the user's content version (every write to their text bumps it)."""
    key = f"identifier-places:{user.pk}:{user.content_version}"
    places = cache.get(key)
    if places is None:
        places = identifier_places(user)
        cache.set(key, places, timeout=60 * 60)
    return places
