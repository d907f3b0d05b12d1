"""Reads for target jobs and the industry lens: each page's data in a constant number of queries.

The candidate is judged only by the checker's stored scores of their complete artifacts
(`Artifact.check_result["rows"][row]["score"]` on the rows the artifact's kind proves), never by
the words in them, so echoing a posting's keywords earns nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from portfolios.industry_lens import LENS_KINDS, LENSES_BY_KEY, Lens, LensResult, artifact_text, lens_checks
from portfolios.job_posting import (
    MAX_SCORE,
    MUST,
    PostingProfile,
    Proof,
    RowGap,
    Span,
    gap_bands,
    lead_kinds,
    overall_fit,
    read_posting,
)
from portfolios.kinds import KINDS_BY_KEY, ArtifactKind
from portfolios.models import Artifact, Portfolio, TargetJob
from portfolios.tracks import TRACKS_BY_KEY

# Where the industry a page uses came from, as the page says it.
CHOSEN = "chosen for this job"
FROM_POSTING = "read from the posting"
FROM_PORTFOLIO = "this portfolio's lens"


@dataclass(frozen=True)
class CheckedArtifacts:
    """What the checker found in a portfolio's artifacts: what a link can show, and how each row is proved."""

    complete_kinds: tuple[str, ...]  # in the track's order
    evidence: dict[str, list[Proof]]  # row -> one Proof per complete artifact whose kind proves the row
    texts: dict[str, str]  # kind -> its text, for the lens kinds only (any status)


def _score(rows: dict, row: str) -> int | None:
    try:
        score = int(rows[row]["score"])
    except (KeyError, TypeError, ValueError):
        return None
    return score if 0 <= score <= MAX_SCORE else None


def checked_artifacts(portfolio: Portfolio, artifacts: Iterable[Artifact]) -> CheckedArtifacts:
    """Fold loaded artifacts into the evidence `gap_bands` and `lead_kinds` read. No queries."""
    order = {key: index for index, key in enumerate(portfolio.track_info.recommended_kinds)}
    complete: list[str] = []
    evidence: dict[str, list[Proof]] = {}
    texts: dict[str, str] = {}
    for artifact in artifacts:
        kind = KINDS_BY_KEY.get(artifact.kind)
        if kind is None:
            continue
        if artifact.kind in LENS_KINDS and artifact.version > 0:
            texts[artifact.kind] = artifact_text(artifact.fields)
        if artifact.status != Artifact.Status.COMPLETE:
            continue
        complete.append(artifact.kind)
        rows = (artifact.check_result or {}).get("rows") or {}
        for row in kind.proves:
            score = _score(rows, row)
            if score is not None:
                evidence.setdefault(row, []).append(Proof(kind.key, kind.title, score))
    complete.sort(key=lambda key: (order.get(key, len(order)), key))
    return CheckedArtifacts(tuple(complete), evidence, texts)


def _artifacts(portfolio: Portfolio) -> list[Artifact]:
    # One query: status and scores for every artifact; the text is needed for the lens kinds only,
    # but loading it for all keeps this to one query (sections are capped in size).
    return list(
        Artifact.objects.filter(portfolio=portfolio).only(
            "id", "portfolio_id", "kind", "status", "version", "check_result", "fields"
        )
    )


def link_kinds(lead: Sequence[str], complete_kinds: Sequence[str]) -> list[str]:
    """What a link made for a job shows: the lead kinds first, then every other complete artifact."""
    complete = set(complete_kinds)
    first = [kind for kind in lead if kind in complete]
    return first + [kind for kind in complete_kinds if kind not in first]


@dataclass(frozen=True)
class Segment:
    """A stretch of the posting; `marked` when it is evidence for the industry shown."""

    text: str
    marked: bool


def posting_segments(text: str, spans: Sequence[Span]) -> tuple[Segment, ...]:
    """The posting cut into plain and marked stretches (spans may come in any order; overlaps merge)."""
    segments: list[Segment] = []
    cursor = 0
    for span in sorted(spans, key=lambda span: span.start):
        start = max(span.start, cursor)
        if span.end <= start:
            continue
        if start > cursor:
            segments.append(Segment(text[cursor:start], False))
        segments.append(Segment(text[start : span.end], True))
        cursor = span.end
    if cursor < len(text):
        segments.append(Segment(text[cursor:], False))
    return tuple(segments)


@dataclass(frozen=True)
class GapView:
    gap: RowGap
    suggested: ArtifactKind | None  # the smallest kind that would close the gap, for the editor link
    cue: str  # why the row counts as must- or nice-to-have, e.g. 'under “Requirements”'

    @property
    def must(self) -> bool:
        return self.gap.weight == MUST


@dataclass(frozen=True)
class Found:
    """One group of tags read from the posting, each with the words that showed it."""

    heading: str
    tags: tuple[tuple[str, tuple[str, ...]], ...]  # (label, distinct quoted words)


def _quotes(spans: Iterable[Span]) -> tuple[str, ...]:
    """The distinct words that matched, first spelling kept ("Health System" and "health system" once)."""
    quotes: dict[str, str] = {}
    for span in spans:
        text = " ".join(span.text.split())
        quotes.setdefault(text.casefold(), text)
    return tuple(quotes.values())


def _cue(profile: PostingProfile, row: str) -> str:
    for stressed in profile.rows:
        if stressed.row == row:
            weighted = [mention for mention in stressed.mentions if mention.weight == stressed.weight]
            return (weighted or list(stressed.mentions))[0].cue
    return ""


@dataclass(frozen=True)
class LensView:
    """The industry a page uses, where it came from, and the lens checks on the candidate's artifacts."""

    industry: str  # "" when none
    source: str  # CHOSEN, FROM_POSTING, FROM_PORTFOLIO or ""
    lens: Lens | None
    results: tuple[LensResult, ...]

    @property
    def failing(self) -> tuple[LensResult, ...]:
        return tuple(result for result in self.results if not result.passed)


def _lens_view(industry: str, source: str, texts: dict[str, str]) -> LensView:
    return LensView(industry, source if industry else "", LENSES_BY_KEY.get(industry), lens_checks(industry, texts))


@dataclass(frozen=True)
class TargetPage:
    target: TargetJob
    profile: PostingProfile
    gaps: tuple[GapView, ...]  # must-haves first
    fit: int | None  # percent, must-haves weighing twice; None when no row is stressed
    link_kinds: tuple[ArtifactKind, ...]  # what "Make a link for this job" would show, in order
    lead_count: int  # how many of those lead because they prove what the posting stresses
    lens: LensView
    industry_segments: tuple[Segment, ...]

    @property
    def nothing_recognised(self) -> bool:
        return self.profile.is_empty

    @property
    def setting(self) -> str:
        """The setting's name, or "" when the posting does not make it clear."""
        track = TRACKS_BY_KEY.get(self.profile.setting.key or "")
        return track.name if track else ""

    @property
    def setting_words(self) -> tuple[str, ...]:
        return _quotes(self.profile.setting.evidence) if self.profile.setting.key else ()

    @property
    def posting_industry(self) -> str:
        lens = LENSES_BY_KEY.get(self.profile.industry.key or "")
        return lens.title if lens else ""

    @property
    def industry_words(self) -> tuple[str, ...]:
        return _quotes(self.profile.industry.evidence)

    @property
    def found(self) -> tuple[Found, ...]:
        """Payers, productivity and stakeholders, each group only when something was found."""
        groups = (
            ("Payers", self.profile.payers),
            ("Productivity", self.profile.productivity),
            ("People you would work with", self.profile.stakeholders),
        )
        return tuple(
            Found(heading, tuple((tag.label, _quotes(tag.spans)) for tag in tags)) for heading, tags in groups if tags
        )


def target_page(target: TargetJob) -> TargetPage:
    """Everything the target page shows: one query (the artifacts) beyond the target itself."""
    portfolio = target.portfolio
    checked = checked_artifacts(portfolio, _artifacts(portfolio))
    profile = read_posting(target.posting)
    gaps = gap_bands(profile, checked.evidence)
    lead = [kind for kind in lead_kinds(profile, checked.evidence) if kind in checked.complete_kinds]
    if target.industry:
        industry, source = target.industry, CHOSEN
    elif profile.industry.key:
        industry, source = profile.industry.key, FROM_POSTING
    else:
        industry, source = portfolio.industry, FROM_PORTFOLIO
    return TargetPage(
        target=target,
        profile=profile,
        gaps=tuple(GapView(gap, KINDS_BY_KEY.get(gap.suggested_kind or ""), _cue(profile, gap.row)) for gap in gaps),
        fit=overall_fit(gaps),
        link_kinds=tuple(KINDS_BY_KEY[kind] for kind in link_kinds(lead, checked.complete_kinds)),
        lead_count=len(lead),
        lens=_lens_view(industry, source, checked.texts),
        industry_segments=posting_segments(target.posting, profile.industry.evidence),
    )


def target_link_kinds(target: TargetJob) -> list[str]:
    """The kinds a link made for this job shows, in order (one query)."""
    portfolio = target.portfolio
    checked = checked_artifacts(portfolio, _artifacts(portfolio))
    lead = lead_kinds(read_posting(target.posting), checked.evidence)
    return link_kinds(lead, checked.complete_kinds)


def target_jobs(portfolio: Portfolio) -> list[TargetJob]:
    """The portfolio's target jobs, newest first, without their posting text (one query)."""
    return list(TargetJob.objects.filter(portfolio=portfolio).defer("posting").order_by("-created_at", "-id"))


def portfolio_lens(portfolio: Portfolio) -> LensView:
    """The portfolio's own lens and its checks: no query without a lens, one with."""
    if not portfolio.industry:
        return _lens_view("", "", {})
    artifacts = Artifact.objects.filter(portfolio=portfolio, kind__in=LENS_KINDS).only(
        "id", "portfolio_id", "kind", "status", "version", "fields"
    )
    texts = {artifact.kind: artifact_text(artifact.fields) for artifact in artifacts if artifact.version > 0}
    return _lens_view(portfolio.industry, FROM_PORTFOLIO, texts)
