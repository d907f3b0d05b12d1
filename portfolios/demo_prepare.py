"""The demo candidate's Prepare page (`seed_demo`): stories, stage leads, a drill history, one employer's answers.

Idempotent: running the seed again changes nothing that is already as the demo wants it.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from portfolios.demo_data import (
    PREPARE_DRILLS,
    PREPARE_EMPLOYER,
    PREPARE_EMPLOYER_ANSWERS,
    PREPARE_STAGE_LEADS,
    PREPARE_STORIES,
)
from portfolios.models import DrillAttempt, EmployerNote, InterviewStory, Portfolio
from portfolios.services import prepare


@transaction.atomic
def seed_prepare(portfolio: Portfolio) -> None:
    """Fill the portfolio's Prepare page with the demo stories, leads, drills and employer notes."""
    for slot, fields in PREPARE_STORIES.items():
        story = InterviewStory.objects.filter(portfolio=portfolio, slot=slot).first()
        if story is None or story.fields != fields:
            prepare.story_save(
                portfolio=portfolio, slot=slot, fields=fields, expected_version=story.version if story else 0
            )
    for stage, (kind, slot) in PREPARE_STAGE_LEADS.items():
        prepare.stage_plan_set(portfolio=portfolio, stage=stage, lead_kind=kind, lead_story_slot=slot)
    if not DrillAttempt.objects.filter(portfolio=portfolio).exists():
        now = timezone.now()
        for subject, key, question, answer, allowed, taken, days_ago in PREPARE_DRILLS:
            attempt = prepare.drill_answer(
                portfolio=portfolio,
                subject=subject,
                question_key=key,
                question=question,
                answer=answer,
                seconds_allowed=allowed,
                seconds_taken=taken,
            )
            # The history shows progress across days: date each attempt as the demo story tells it.
            DrillAttempt.objects.filter(pk=attempt.pk).update(created_at=now - timedelta(days=days_ago))
    note = EmployerNote.objects.filter(portfolio=portfolio, employer=PREPARE_EMPLOYER).first()
    if note is None:
        note = prepare.employer_note_create(portfolio=portfolio, employer=PREPARE_EMPLOYER)
    if note.answers != PREPARE_EMPLOYER_ANSWERS:
        prepare.employer_note_save(note=note, answers=PREPARE_EMPLOYER_ANSWERS)
