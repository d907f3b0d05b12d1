"""The candidate's interview preparation: the four stages, stories, timed follow-up drills, employer questions.

Owner only: signed-out visitors are sent to log in; `access` answers 404 to everyone else signed
in (mentors included). Nothing here is ever shown on a share or review page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portfolios import access
from portfolios import selectors_prepare as selectors
from portfolios.findings_view import group_findings
from portfolios.forms import ArtifactForm
from portfolios.interview import SLOTS_BY_KEY, STAGES_BY_KEY, stages_for_slot
from portfolios.prepare_forms import (
    DrillAnswerForm,
    DrillStartForm,
    EmployerAnswersForm,
    EmployerCreateForm,
    StagePlanForm,
    started_token,
)
from portfolios.rows import ROWS
from portfolios.rubric.findings import CheckResult
from portfolios.rubric.ownership import ANSWER_CRITERIA
from portfolios.services import prepare as services


@login_required
@require_safe
def prepare(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """The four interview stages, what each probes, what the candidate leads with and what is missing."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    page = selectors.prepare_page(portfolio)
    forms = {
        view.stage.key: StagePlanForm(
            kinds=page.kind_choices,
            stories=page.written_stories,
            prefix_key=view.stage.key,
            initial={
                "lead_kind": view.lead_kind.key if view.lead_kind else "",
                "lead_story": view.lead_story.slot if view.lead_story else "",
            },
        )
        for view in page.stages
    }
    stages = [(view, forms[view.stage.key]) for view in page.stages]
    return render(request, "portfolios/prepare.html", {"portfolio": portfolio, "page": page, "stages": stages})


@login_required
@require_POST
def prepare_stage(request: HttpRequest, portfolio_id: int, stage: str) -> HttpResponse:
    """Choose what to lead with at one stage."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    if stage not in STAGES_BY_KEY:
        raise Http404("No such stage.")
    try:
        services.stage_plan_set(
            portfolio=portfolio,
            stage=stage,
            lead_kind=request.POST.get(f"{stage}-lead_kind", ""),
            lead_story_slot=request.POST.get(f"{stage}-lead_story", ""),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"{STAGES_BY_KEY[stage].title}: saved what you lead with.")
    return redirect(reverse("portfolios:prepare", args=[portfolio.pk]) + f"#stage-{stage}")


@login_required
@require_http_methods(["GET", "POST"])
def story_edit(request: HttpRequest, portfolio_id: int, slot: str) -> HttpResponse:
    """Write or revise the story for one of the reports' prompts; every save is checked."""
    portfolio, story = access.owned_story(request.user, portfolio_id, slot)
    kind = selectors.story_kind()
    if request.method == "POST":
        form = ArtifactForm(request.POST, kind=kind)
        if form.is_valid():
            try:
                story = services.story_save(
                    portfolio=portfolio,
                    slot=slot,
                    fields=form.section_values(),
                    expected_version=form.cleaned_data["version"],
                )
            except services.StoryConflict:
                form.add_error(
                    None,
                    "This story was saved in another tab since you opened it. Nothing was saved: copy your text, "
                    "reload the page, and paste what you want to keep.",
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"Story saved (version {story.version}).")
                return redirect("portfolios:story_edit", portfolio.pk, slot)
        if form.errors:
            messages.error(request, "Nothing was saved: please fix the problems marked below. Your text is kept.")
    else:
        form = ArtifactForm(
            kind=kind, initial={"version": story.version if story else 0, **(story.fields if story else {})}
        )
    result = CheckResult.from_dict(story.check_result) if story and story.check_result else None
    return render(
        request,
        "portfolios/prepare_story.html",
        {
            "portfolio": portfolio,
            "story": story,
            "slot": SLOTS_BY_KEY[slot],
            "stages": stages_for_slot(slot),
            "kind": kind,
            "form": form,
            "groups": group_findings(result, kind, story.fields) if result else None,
            "rows": ROWS,
            "subject": selectors.story_subject(slot),
        },
        status=422 if form.is_bound and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def drill(request: HttpRequest, portfolio_id: int, subject: str) -> HttpResponse:
    """Follow-up questions for one artifact or story; answer one against a timer, see every attempt."""
    portfolio, source = access.owned_drill_subject(request.user, portfolio_id, subject)
    page = selectors.drill_page(portfolio, subject, source)
    start_form = DrillStartForm(request.GET or None, questions=page.questions)
    answer_form = None
    question = None
    status = 200
    if request.method == "POST":
        answer_form = DrillAnswerForm(request.POST, subject=subject)
        question_key = request.POST.get("q", "")
        question = page.question(question_key)
        if question is None:
            messages.error(request, "That question is no longer offered for this artifact. Pick one below.")
            return redirect("portfolios:drill", portfolio.pk, subject)
        if answer_form.is_valid():
            try:
                attempt = services.drill_answer(
                    portfolio=portfolio,
                    subject=subject,
                    question_key=question_key,
                    question=question,
                    answer=answer_form.cleaned_data["answer"],
                    seconds_allowed=answer_form.cleaned_data["seconds"],
                    seconds_taken=answer_form.cleaned_data["seconds_taken"],
                )
            except ValidationError as error:
                answer_form.add_error(None, error)
            else:
                messages.success(request, f"Answer kept: {attempt.score} of 4 criteria met.")
                return redirect(reverse("portfolios:drill", args=[portfolio.pk, subject]) + f"#attempt-{attempt.pk}")
        status = 422
    elif start_form.is_bound and start_form.is_valid():
        key = start_form.cleaned_data["q"]
        question = page.question(key)
        answer_form = DrillAnswerForm(
            subject=subject,
            initial={"q": key, "seconds": start_form.cleaned_data["seconds"], "started": started_token(subject, key)},
        )
    elif start_form.is_bound:
        status = 422
    return render(
        request,
        "portfolios/prepare_drill.html",
        {
            "portfolio": portfolio,
            "page": page,
            "start_form": start_form if start_form.is_bound else DrillStartForm(questions=page.questions),
            "answer_form": answer_form,
            "question": question,
            "criteria": ANSWER_CRITERIA,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def employer_questions(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """Questions to ask employers for this track, and the employers the candidate keeps notes on."""
    portfolio = access.owned_portfolio(request.user, portfolio_id)
    form = EmployerCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            note = services.employer_note_create(portfolio=portfolio, employer=form.cleaned_data["employer"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Notes started for {note.employer}.")
            return redirect(note)
    page = selectors.employer_questions_page(portfolio)
    return render(
        request,
        "portfolios/prepare_questions.html",
        {"portfolio": portfolio, "page": page, "form": form},
        status=422 if form.is_bound and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def employer_notes(request: HttpRequest, portfolio_id: int, note_id: int) -> HttpResponse:
    """What one employer said to each question."""
    note = access.owned_employer_note(request.user, portfolio_id, note_id)
    questions = selectors.employer_questions_page(note.portfolio).questions
    if request.method == "POST":
        form = EmployerAnswersForm(request.POST, questions=questions)
        if form.is_valid():
            try:
                services.employer_note_save(note=note, answers=form.answers())
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for key, errors in error.error_dict.items():
                        form.add_error(key if key in form.fields else None, errors)
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, f"Answers from {note.employer} saved.")
                return redirect(note)
    else:
        form = EmployerAnswersForm(questions=questions, initial=note.answers)
    return render(
        request,
        "portfolios/prepare_employer.html",
        {"portfolio": note.portfolio, "note": note, "form": form},
        status=422 if form.is_bound and form.errors else 200,
    )
