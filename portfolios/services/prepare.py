"""Writes for the Prepare page: stories, stage picks, timed drill answers and notes on employers.

Each service is one transaction that validates before it saves. None of this is shown to
recruiters or mentors, so only the owner's dashboard version is bumped (never the portfolio's,
which keys the share page).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower

from portfolios.checker import check_artifact
from portfolios.content_versions import content_changed
from portfolios.interview import (
    EMPLOYER_QUESTIONS_BY_KEY,
    SLOTS_BY_KEY,
    STAGES_BY_KEY,
    STORY_KIND,
    employer_questions,
)
from portfolios.kinds import KINDS_BY_KEY
from portfolios.models import DrillAttempt, EmployerNote, InterviewStory, Portfolio, StagePlan
from portfolios.rubric.ownership import check_answer
from portfolios.validation import clean_fields, clean_section_text, clean_single_line

ANSWER_MAX_CHARS = 5000
TIMER_CHOICES_SECONDS = (60, 120, 180, 300)
DEFAULT_TIMER_SECONDS = 120
# A drill left open longer than this is recorded as this long (a tab left open overnight).
MAX_SECONDS_TAKEN = 60 * 60


class StoryConflict(Exception):
    """The story changed since the editor was opened (another tab saved it)."""


def _bump(portfolio: Portfolio) -> None:
    content_changed(owner_id=portfolio.owner_id)  # readiness shows on the dashboard, not the share page


@transaction.atomic
def story_save(*, portfolio: Portfolio, slot: str, fields: Mapping[str, str], expected_version: int) -> InterviewStory:
    """Save a story for one slot and store its rubric check; refuses a stale version."""
    if slot not in SLOTS_BY_KEY:
        raise ValidationError("Unknown story prompt.", code="unknown_slot")
    cleaned = clean_fields(KINDS_BY_KEY[STORY_KIND], fields, complete=False)
    if not any(cleaned.values()):
        raise ValidationError("Write at least one section before saving the story.", code="empty_story")
    try:
        with transaction.atomic():
            InterviewStory.objects.get_or_create(portfolio=portfolio, slot=slot)
    except IntegrityError:  # another request created it first
        pass
    story = InterviewStory.objects.select_for_update().get(portfolio=portfolio, slot=slot)
    if story.version != expected_version:
        raise StoryConflict(f"story {slot} is at version {story.version}, not {expected_version}")
    story.fields = cleaned
    story.version += 1
    story.check_result = check_artifact(STORY_KIND, portfolio.track, cleaned).as_dict()
    story.save()
    _bump(portfolio)
    return story


@transaction.atomic
def stage_plan_set(*, portfolio: Portfolio, stage: str, lead_kind: str, lead_story_slot: str) -> StagePlan:
    """Choose the artifact and the story to lead with at one stage (empty strings clear them)."""
    if stage not in STAGES_BY_KEY:
        raise ValidationError("Unknown interview stage.", code="unknown_stage")
    if lead_kind and (lead_kind not in KINDS_BY_KEY or not KINDS_BY_KEY[lead_kind].listed):
        raise ValidationError({"lead_kind": ["Choose one of the listed artifacts."]}, code="unknown_kind")
    story = None
    if lead_story_slot:
        story = InterviewStory.objects.filter(portfolio=portfolio, slot=lead_story_slot, version__gt=0).first()
        if story is None:
            raise ValidationError({"lead_story": ["Write that story first, then pick it."]}, code="unknown_story")
    plan, _ = StagePlan.objects.update_or_create(
        portfolio=portfolio, stage=stage, defaults={"lead_kind": lead_kind, "lead_story": story}
    )
    _bump(portfolio)
    return plan


@transaction.atomic
def drill_answer(
    *,
    portfolio: Portfolio,
    subject: str,
    question_key: str,
    question: str,
    answer: str,
    seconds_allowed: int,
    seconds_taken: int,
) -> DrillAttempt:
    """Keep one timed answer with its date and its check (ownership, verification, constraint, plain words)."""
    answer = clean_section_text(answer, label="Your answer")
    if not answer:
        raise ValidationError({"answer": ["Write your answer before submitting it."]}, code="empty_answer")
    if len(answer) > ANSWER_MAX_CHARS:
        raise ValidationError(
            {"answer": [f"Keep the answer under {ANSWER_MAX_CHARS:,} characters: say it as you would out loud."]},
            code="too_long",
        )
    if seconds_allowed not in TIMER_CHOICES_SECONDS:
        raise ValidationError({"seconds": ["Choose one of the listed timers."]}, code="invalid_timer")
    checked = check_answer(answer)
    attempt = DrillAttempt.objects.create(
        portfolio=portfolio,
        subject=subject,
        question_key=question_key[:64],
        question=question[:300],
        answer=answer,
        seconds_allowed=seconds_allowed,
        seconds_taken=max(0, min(int(seconds_taken), MAX_SECONDS_TAKEN)),
        score=checked.score,
        result=checked.as_dict(),
    )
    _bump(portfolio)
    return attempt


def _clean_employer(name: str) -> str:
    name = clean_single_line(name, label="Employer")
    if not name:
        raise ValidationError(
            {"employer": ["Name the employer, e.g. \u201cRiverside Outpatient\u201d."]}, code="required"
        )
    if len(name) > 120:
        raise ValidationError({"employer": ["Keep the name under 120 characters."]}, code="too_long")
    return name


@transaction.atomic
def employer_note_create(*, portfolio: Portfolio, employer: str) -> EmployerNote:
    """Start notes for one employer (one per employer name, whatever its case)."""
    name = _clean_employer(employer)
    if (
        EmployerNote.objects.annotate(lowered=Lower("employer"))
        .filter(portfolio=portfolio, lowered=name.lower())
        .exists()
    ):
        raise ValidationError({"employer": [f"You already have notes for {name}."]}, code="duplicate_employer")
    try:
        with transaction.atomic():
            note = EmployerNote.objects.create(portfolio=portfolio, employer=name)
    except IntegrityError as error:
        raise ValidationError(
            {"employer": [f"You already have notes for {name}."]}, code="duplicate_employer"
        ) from error
    _bump(portfolio)
    return note


@transaction.atomic
def employer_note_save(*, note: EmployerNote, answers: Mapping[str, str]) -> EmployerNote:
    """Keep what the employer said, per question of the portfolio's track; blank answers are dropped."""
    allowed = {question.key for question in employer_questions(note.portfolio.track, note.portfolio.industry)}
    unknown = sorted(set(answers) - allowed)
    if unknown:
        raise ValidationError(f"Unknown question(s): {', '.join(unknown)}.", code="unknown_question")
    cleaned: dict[str, str] = {}
    errors: dict[str, list[ValidationError]] = {}
    for key, value in answers.items():
        try:
            text = clean_section_text(value or "", label=EMPLOYER_QUESTIONS_BY_KEY[key].question)
        except ValidationError as error:
            errors[key] = [error]
            continue
        if text:
            cleaned[key] = text
    if errors:
        raise ValidationError(errors)
    # Answers to questions of another track (before a track change) are kept, never silently dropped.
    kept = {key: value for key, value in note.answers.items() if key not in allowed}
    note.answers = {**kept, **cleaned}
    note.save(update_fields=["answers", "updated_at"])
    _bump(note.portfolio)
    return note


def prepare_export(portfolio: Portfolio) -> dict:
    """The portfolio's Prepare data for "Download my data": stories, stage leads, drill answers, employer notes.

    Reads the relations `account_export` prefetches (stories, stage_plans, drill_attempts, employer_notes).
    """
    stories = {story.pk: story for story in portfolio.stories.all()}
    return {
        "stories": [
            {
                "slot": story.slot,
                "version": story.version,
                "fields": story.fields,
                "updated_at": story.updated_at.isoformat(),
            }
            for story in stories.values()
            if story.version > 0
        ],
        "stage_leads": [
            {
                "stage": plan.stage,
                "lead_kind": plan.lead_kind,
                "lead_story": stories[plan.lead_story_id].slot if plan.lead_story_id in stories else "",
            }
            for plan in portfolio.stage_plans.all()
        ],
        "drill_answers": [
            {
                "subject": attempt.subject,
                "question_key": attempt.question_key,
                "question": attempt.question,
                "answer": attempt.answer,
                "score": attempt.score,
                "seconds_allowed": attempt.seconds_allowed,
                "seconds_taken": attempt.seconds_taken,
                "created_at": attempt.created_at.isoformat(),
            }
            for attempt in portfolio.drill_attempts.all()
        ],
        "employer_notes": [
            {"employer": note.employer, "answers": note.answers} for note in portfolio.employer_notes.all()
        ],
    }


def stories_recheck(*, batch_size: int = 200) -> int:
    """Re-run the checker on saved stories (after a rubric upgrade); returns how many results changed."""
    changed = 0
    stories = InterviewStory.objects.filter(version__gt=0).select_related("portfolio").order_by("pk")
    for story in stories.iterator(chunk_size=batch_size):
        result = check_artifact(STORY_KIND, story.portfolio.track, story.fields).as_dict()
        if result != story.check_result:
            with transaction.atomic():
                InterviewStory.objects.filter(pk=story.pk).update(check_result=result)
                _bump(story.portfolio)
            changed += 1
    return changed


def _where(label: str, condition: bool) -> None:
    if not condition:
        raise ValidationError(label, code="invalid_import")


def prepare_import(*, portfolio: Portfolio, data: Mapping | None) -> None:
    """Restore a portfolio's Prepare data from an export (`prepare_export`).

    The shape and type of every value is checked before anything is written; the services then
    check the rest. Raises ValidationError naming the first bad value: the caller's transaction
    (`portfolio_import`) then writes nothing at all.
    """
    if data is None:
        return
    _where("prepare: expected an object", isinstance(data, Mapping))
    lists = {key: data.get(key, []) for key in ("stories", "stage_leads", "drill_answers", "employer_notes")}
    for key, value in lists.items():
        _where(f"prepare.{key}: expected a list", isinstance(value, list))
        _where(f"prepare.{key}: expected objects", all(isinstance(item, Mapping) for item in value))
    story_kind = KINDS_BY_KEY[STORY_KIND]
    stories = []
    for index, raw in enumerate(lists["stories"]):
        _where(f"prepare.stories[{index}]: unknown prompt", raw.get("slot") in SLOTS_BY_KEY)
        fields = raw.get("fields")
        _where(f"prepare.stories[{index}].fields: expected an object", isinstance(fields, Mapping))
        _where(
            f"prepare.stories[{index}].fields: sections must be text", all(isinstance(v, str) for v in fields.values())
        )
        stories.append((raw["slot"], clean_fields(story_kind, fields, complete=False)))
    slots = [slot for slot, _ in stories]
    _where("prepare.stories: a prompt appears twice", len(slots) == len(set(slots)))
    drills = []
    for index, raw in enumerate(lists["drill_answers"]):
        values = (raw.get("subject"), raw.get("question"), raw.get("answer"))
        _where(
            f"prepare.drill_answers[{index}]: subject, question and answer must be text",
            all(isinstance(v, str) for v in values),
        )
        numbers = (raw.get("seconds_allowed"), raw.get("seconds_taken"))
        _where(
            f"prepare.drill_answers[{index}]: seconds must be whole numbers",
            all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers),
        )
        drills.append(raw)
    for index, raw in enumerate(lists["employer_notes"]):
        _where(
            f"prepare.employer_notes[{index}].answers: expected an object", isinstance(raw.get("answers", {}), Mapping)
        )
        _where(f"prepare.employer_notes[{index}].employer: expected text", isinstance(raw.get("employer"), str))
    for slot, fields in stories:
        if any(fields.values()):
            story_save(portfolio=portfolio, slot=slot, fields=fields, expected_version=0)
    for raw in lists["stage_leads"]:
        stage_plan_set(
            portfolio=portfolio,
            stage=str(raw.get("stage", "")),
            lead_kind=str(raw.get("lead_kind") or ""),
            lead_story_slot=str(raw.get("lead_story") or "") if raw.get("lead_story") in slots else "",
        )
    for raw in drills:
        drill_answer(
            portfolio=portfolio,
            subject=raw["subject"][:64],
            question_key=str(raw.get("question_key") or "imported"),
            question=raw["question"],
            answer=raw["answer"],
            seconds_allowed=raw["seconds_allowed"],
            seconds_taken=raw["seconds_taken"],
        )
    for raw in lists["employer_notes"]:
        note = employer_note_create(portfolio=portfolio, employer=raw["employer"])
        answers = {
            key: clean_section_text(value, label=key)
            for key, value in raw.get("answers", {}).items()
            if key in EMPLOYER_QUESTIONS_BY_KEY and isinstance(value, str)
        }
        note.answers = {key: value for key, value in answers.items() if value}
        note.save(update_fields=["answers", "updated_at"])
