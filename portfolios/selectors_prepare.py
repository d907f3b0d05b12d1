"""Reads for the Prepare page, the drills and the dashboard's readiness line: a constant number of queries each.

Kept beside `selectors.py` (same rules: read-only view objects built from stored rows, rubric
results read from storage and never recomputed per request).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db.models import Count, Max

from portfolios.interview import (
    SLOTS_BY_KEY,
    STAGES,
    STORY_KIND,
    STORY_SLOTS,
    EmployerQuestion,
    FollowUp,
    Stage,
    StorySlot,
    employer_questions,
    follow_ups,
    stages_for_kind,
    stages_for_slot,
)
from portfolios.kinds import KINDS, KINDS_BY_KEY, ArtifactKind
from portfolios.models import Artifact, DrillAttempt, EmployerNote, InterviewStory, Portfolio, StagePlan

ARTIFACT_PREFIX = "artifact-"
STORY_PREFIX = "story-"
HISTORY_LIMIT = 50


def artifact_subject(kind: str) -> str:
    return f"{ARTIFACT_PREFIX}{kind}"


def story_subject(slot: str) -> str:
    return f"{STORY_PREFIX}{slot}"


def _problems(check_result: Mapping | None, prefix: str = "") -> list[Mapping]:
    findings = (check_result or {}).get("findings", [])
    return [f for f in findings if f.get("severity") in ("error", "warning") and f.get("check", "").startswith(prefix)]


@dataclass(frozen=True)
class DrillStats:
    attempts: int = 0
    best: int | None = None


@dataclass(frozen=True)
class StageView:
    """One stage on the Prepare page: what it probes, what the candidate leads with and what is missing."""

    stage: Stage
    lead_kind: ArtifactKind | None
    lead_artifact: Artifact | None
    lead_story: InterviewStory | None
    drills: int
    missing: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return not self.missing

    @property
    def suggested_kinds(self) -> tuple[ArtifactKind, ...]:
        return tuple(KINDS_BY_KEY[key] for key in self.stage.lead_kinds)

    @property
    def suggested_slots(self) -> tuple[StorySlot, ...]:
        return tuple(SLOTS_BY_KEY[key] for key in self.stage.lead_slots)


def _stage_view(
    stage: Stage,
    plan: StagePlan | None,
    artifacts: Mapping[str, Artifact],
    stories: Mapping[int, InterviewStory],
    drills: Mapping[str, DrillStats],
) -> StageView:
    missing: list[str] = []
    lead_kind = KINDS_BY_KEY.get(plan.lead_kind) if plan and plan.lead_kind else None
    artifact = artifacts.get(lead_kind.key) if lead_kind else None
    if artifact is not None and artifact.version == 0:
        artifact = None
    story = stories.get(plan.lead_story_id) if plan and plan.lead_story_id else None
    if lead_kind is None:
        missing.append("Pick the artifact you will lead with.")
    elif artifact is None:
        missing.append(f"Write the {lead_kind.title.lower()}: it is not started yet.")
    elif problems := _problems(artifact.check_result):
        missing.append(f"The {lead_kind.title.lower()} still has {len(problems)} problem(s) an interviewer will probe.")
    if story is None:
        missing.append("Pick the story you will lead with (write one first if you have none).")
    elif problems := _problems(story.check_result, "ownership."):
        missing.append(f"The story \u201c{story.slot_info.title}\u201d still hedges or lacks a measure.")
    count = 0
    if lead_kind:
        count += drills.get(artifact_subject(lead_kind.key), DrillStats()).attempts
    if story:
        count += drills.get(story_subject(story.slot), DrillStats()).attempts
    if (lead_kind or story) and count == 0:
        missing.append("Answer at least one timed follow-up on the artifact or the story you lead with.")
    return StageView(stage, lead_kind, artifact, story, count, tuple(missing))


def _drill_stats(portfolio_ids: Iterable[int]) -> dict[int, dict[str, DrillStats]]:
    stats: dict[int, dict[str, DrillStats]] = defaultdict(dict)
    rows = (
        DrillAttempt.objects.filter(portfolio_id__in=list(portfolio_ids))
        .values("portfolio_id", "subject")
        .annotate(attempts=Count("id"), best=Max("score"))
        .order_by()
    )
    for row in rows:
        stats[row["portfolio_id"]][row["subject"]] = DrillStats(row["attempts"], row["best"])
    return stats


@dataclass(frozen=True)
class StoryView:
    slot: StorySlot
    story: InterviewStory | None
    stages: tuple[Stage, ...]
    drills: DrillStats

    @property
    def written(self) -> bool:
        return self.story is not None and self.story.version > 0

    @property
    def scores(self) -> dict[str, int]:
        rows = (self.story.check_result or {}).get("rows", {}) if self.story else {}
        return {key: value["score"] for key, value in rows.items()}

    @property
    def problems(self) -> int:
        return len(_problems(self.story.check_result)) if self.story else 0


@dataclass(frozen=True)
class DrillTarget:
    """An artifact or a story the candidate can drill on."""

    subject: str
    title: str
    drills: DrillStats


@dataclass(frozen=True)
class PreparePage:
    portfolio: Portfolio
    stages: tuple[StageView, ...]
    stories: tuple[StoryView, ...]
    targets: tuple[DrillTarget, ...]
    kind_choices: tuple[ArtifactKind, ...]
    employer_count: int

    @property
    def ready_count(self) -> int:
        return sum(1 for stage in self.stages if stage.ready)

    @property
    def written_stories(self) -> tuple[StoryView, ...]:
        return tuple(view for view in self.stories if view.written)


def prepare_page(portfolio: Portfolio) -> PreparePage:
    """Everything the Prepare page shows: five queries whatever the portfolio holds."""
    artifacts = {artifact.kind: artifact for artifact in Artifact.objects.filter(portfolio=portfolio).defer("fields")}
    stories = list(InterviewStory.objects.filter(portfolio=portfolio).defer("fields"))
    plans = {plan.stage: plan for plan in StagePlan.objects.filter(portfolio=portfolio)}
    drills = _drill_stats([portfolio.pk]).get(portfolio.pk, {})
    employer_count = EmployerNote.objects.filter(portfolio=portfolio).count()
    by_id = {story.pk: story for story in stories}
    by_slot = {story.slot: story for story in stories}
    stage_views = tuple(_stage_view(stage, plans.get(stage.key), artifacts, by_id, drills) for stage in STAGES)
    story_views = tuple(
        StoryView(
            slot, by_slot.get(slot.key), stages_for_slot(slot.key), drills.get(story_subject(slot.key), DrillStats())
        )
        for slot in STORY_SLOTS
    )
    targets = [
        DrillTarget(
            artifact_subject(kind), artifacts[kind].kind_info.title, drills.get(artifact_subject(kind), DrillStats())
        )
        for kind in (kind.key for kind in KINDS if kind.listed)
        if kind in artifacts and artifacts[kind].version > 0
    ] + [
        DrillTarget(story_subject(view.slot.key), f"Story: {view.slot.title}", view.drills)
        for view in story_views
        if view.written
    ]
    recommended = portfolio.track_info.recommended_kinds
    kind_choices = tuple(KINDS_BY_KEY[key] for key in recommended) + tuple(
        kind for kind in KINDS if kind.listed and kind.key not in recommended
    )
    return PreparePage(portfolio, stage_views, story_views, tuple(targets), kind_choices, employer_count)


@dataclass(frozen=True)
class Readiness:
    """The dashboard's one-line summary of a portfolio's interview preparation."""

    ready: int
    total: int
    stories: int
    drills: int


def readiness(
    portfolios: Iterable[Portfolio], artifacts_by_portfolio: Mapping[int, Iterable[Artifact]]
) -> dict[int, Readiness]:
    """Readiness per portfolio: three queries for all of them (artifacts are passed in, already loaded)."""
    portfolios = list(portfolios)
    ids = [portfolio.pk for portfolio in portfolios]
    stories: dict[int, dict[int, InterviewStory]] = defaultdict(dict)
    for story in InterviewStory.objects.filter(portfolio_id__in=ids).defer("fields"):
        stories[story.portfolio_id][story.pk] = story
    plans: dict[int, dict[str, StagePlan]] = defaultdict(dict)
    for plan in StagePlan.objects.filter(portfolio_id__in=ids):
        plans[plan.portfolio_id][plan.stage] = plan
    drills = _drill_stats(ids)
    result = {}
    for portfolio in portfolios:
        artifacts = {artifact.kind: artifact for artifact in artifacts_by_portfolio.get(portfolio.pk, ())}
        views = [
            _stage_view(
                stage, plans[portfolio.pk].get(stage.key), artifacts, stories[portfolio.pk], drills[portfolio.pk]
            )
            for stage in STAGES
        ]
        result[portfolio.pk] = Readiness(
            ready=sum(1 for view in views if view.ready),
            total=len(STAGES),
            stories=sum(1 for story in stories[portfolio.pk].values() if story.version > 0),
            drills=sum(stat.attempts for stat in drills[portfolio.pk].values()),
        )
    return result


@dataclass(frozen=True)
class DrillPage:
    subject: str
    title: str
    edit_url_args: tuple
    follow_ups: tuple[FollowUp, ...]
    stages: tuple[Stage, ...]
    attempts: tuple[DrillAttempt, ...]

    def question(self, key: str) -> str | None:
        """The text of a question offered on this page, by key (None for anything else)."""
        for follow_up in self.follow_ups:
            if follow_up.key == key:
                return follow_up.question
        for stage in self.stages:
            for index, probe in enumerate(stage.standard_probes):
                if f"{stage.key}-{index}" == key:
                    return probe
        return None

    @property
    def progress(self) -> tuple[int, ...]:
        """Scores of the last ten attempts, oldest first: the trend across attempts."""
        return tuple(attempt.score for attempt in reversed(self.attempts[:10]))

    @property
    def questions(self) -> tuple[tuple[str, str], ...]:
        """(key, question) for every question offered: the derived follow-ups, then the stages' standard probes."""
        derived = tuple((follow_up.key, follow_up.question) for follow_up in self.follow_ups)
        probes = tuple(
            (f"{stage.key}-{index}", probe)
            for stage in self.stages
            for index, probe in enumerate(stage.standard_probes)
        )
        return derived + probes


def drill_page(portfolio: Portfolio, subject: str, source: Artifact | InterviewStory) -> DrillPage:
    """Questions for one artifact or story, from its stored findings and track, and its attempt history (one query)."""
    findings = (source.check_result or {}).get("findings", [])
    if isinstance(source, InterviewStory):
        title = f"Story: {source.slot_info.title}"
        stages = stages_for_slot(source.slot)
        edit = ("portfolios:story_edit", portfolio.pk, source.slot)
    else:
        title = source.kind_info.title
        stages = stages_for_kind(source.kind)
        edit = ("portfolios:artifact_edit", portfolio.pk, source.kind)
    attempts = tuple(DrillAttempt.objects.filter(portfolio=portfolio, subject=subject)[:HISTORY_LIMIT])
    return DrillPage(subject, title, edit, follow_ups(findings, portfolio.track), stages, attempts)


def story_kind() -> ArtifactKind:
    return KINDS_BY_KEY[STORY_KIND]


@dataclass(frozen=True)
class EmployerQuestionsPage:
    portfolio: Portfolio
    questions: tuple[EmployerQuestion, ...]
    notes: tuple[EmployerNote, ...]


def employer_questions_page(portfolio: Portfolio) -> EmployerQuestionsPage:
    """The track's questions and every employer's notes (one query)."""
    return EmployerQuestionsPage(
        portfolio,
        employer_questions(portfolio.track, portfolio.industry),
        tuple(EmployerNote.objects.filter(portfolio=portfolio)),
    )
