"""Every page's reads, each in a constant number of queries.

Selectors return small read-only view objects built from stored rows; rubric results are
read from storage, never recomputed per request.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from portfolios.kinds import KINDS, KINDS_BY_KEY, ArtifactKind
from portfolios.models import Artifact, Portfolio, Revision, User
from portfolios.rubric.findings import SCORE_LABELS, CheckResult
from portfolios.rubric.rows import ROWS, RubricRow

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
    addable = tuple(kind for kind in KINDS if kind.key not in shown)
    return PortfolioOverview(portfolio, tuple(items), addable)


def portfolio_overviews(user: User) -> list[PortfolioOverview]:
    """The user's portfolios with their artifacts' status and scores: two queries in all."""
    portfolios = Portfolio.objects.filter(owner=user).prefetch_related(
        Prefetch("artifacts", queryset=_artifacts_without_text())
    )
    return [_overview(portfolio, portfolio.artifacts.all()) for portfolio in portfolios]


def portfolio_overview(portfolio: Portfolio) -> PortfolioOverview:
    """One portfolio's artifacts with status and scores: one query."""
    return _overview(portfolio, _artifacts_without_text().filter(portfolio=portfolio))


def revision_list(artifact: Artifact) -> list[Revision]:
    """Every revision of the artifact, newest first, with authors: one query."""
    return list(artifact.revisions.select_related("author").defer("fields"))


def revision_pair(artifact: Artifact, old: int, new: int) -> tuple[Revision, Revision] | None:
    """Two revisions of the artifact by number (one query), or None if either is missing."""
    found = {revision.number: revision for revision in artifact.revisions.filter(number__in={old, new})}
    if old not in found or new not in found:
        return None
    return found[old], found[new]
