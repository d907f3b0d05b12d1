"""Forms for the Prepare page: they validate and normalise only; `services.prepare` writes.

The story editor reuses the artifact editor's form (`forms.ArtifactForm`) with the
interview_story kind, so its sections, guidance and checks come from the catalog.
"""

from __future__ import annotations

import time

from django import forms
from django.core import signing

from portfolios.services.prepare import (
    ANSWER_MAX_CHARS,
    DEFAULT_TIMER_SECONDS,
    MAX_SECONDS_TAKEN,
    TIMER_CHOICES_SECONDS,
)
from portfolios.validation import clean_section_text

TIMER_CHOICES = [
    (str(seconds), f"{seconds // 60} minute{'s' if seconds > 60 else ''}") for seconds in TIMER_CHOICES_SECONDS
]
_SALT = "portfolios.drill.started"


class StagePlanForm(forms.Form):
    """Which artifact and which story to lead with at one stage."""

    lead_kind = forms.ChoiceField(
        label="Artifact I lead with", required=False, widget=forms.Select(attrs={"class": "form-select"})
    )
    lead_story = forms.ChoiceField(
        label="Story I lead with", required=False, widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args, kinds, stories, prefix_key: str, **kwargs):
        super().__init__(*args, prefix=prefix_key, **kwargs)
        self.fields["lead_kind"].choices = [("", "\u2014 choose an artifact \u2014")] + [
            (kind.key, kind.title) for kind in kinds
        ]
        self.fields["lead_story"].choices = [("", "\u2014 choose a story \u2014")] + [
            (view.slot.key, view.slot.title) for view in stories
        ]


class DrillStartForm(forms.Form):
    """Pick a question and a timer (GET): opening it starts the clock."""

    q = forms.ChoiceField(label="Question", widget=forms.Select(attrs={"class": "form-select"}))
    seconds = forms.TypedChoiceField(
        label="Timer",
        choices=TIMER_CHOICES,
        coerce=int,
        initial=str(DEFAULT_TIMER_SECONDS),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].choices = list(questions)


def started_token(subject: str, question_key: str) -> str:
    """A signed note of when a question was opened, so the time taken is measured without trusting the browser."""
    return signing.dumps({"t": time.time(), "s": subject, "q": question_key}, salt=_SALT)


class DrillAnswerForm(forms.Form):
    """One timed answer (POST)."""

    q = forms.CharField(widget=forms.HiddenInput, max_length=64)
    seconds = forms.TypedChoiceField(choices=TIMER_CHOICES, coerce=int, widget=forms.HiddenInput)
    started = forms.CharField(widget=forms.HiddenInput, max_length=400)
    answer = forms.CharField(
        label="Your answer",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": ANSWER_MAX_CHARS}),
        help_text="Say it as you would out loud: constraint \u2192 what you did \u2192 how you knew it worked.",
    )

    def __init__(self, *args, subject: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.subject = subject
        self.fields["answer"].validators = []

    def clean_answer(self) -> str:
        answer = clean_section_text(self.cleaned_data["answer"], label="Your answer")
        if not answer:
            raise forms.ValidationError("Write your answer before submitting it.", code="required")
        if len(answer) > ANSWER_MAX_CHARS:
            raise forms.ValidationError(
                f"Keep the answer under {ANSWER_MAX_CHARS:,} characters: say it as you would out loud.",
                code="too_long",
            )
        return answer

    def clean(self):
        cleaned = super().clean()
        try:
            started = signing.loads(cleaned.get("started", ""), salt=_SALT, max_age=24 * 60 * 60)
        except signing.BadSignature:
            raise forms.ValidationError(
                "This question's timer could not be read (it is over a day old, or was changed). Start it again.",
                code="bad_timer",
            ) from None
        if started.get("s") != self.subject or started.get("q") != cleaned.get("q"):
            raise forms.ValidationError("This answer belongs to another question. Start it again.", code="bad_timer")
        cleaned["seconds_taken"] = max(0, min(int(time.time() - float(started["t"])), MAX_SECONDS_TAKEN))
        return cleaned


class EmployerCreateForm(forms.Form):
    employer = forms.CharField(
        label="Employer", max_length=120, widget=forms.TextInput(attrs={"placeholder": "Riverside Outpatient"})
    )


class EmployerAnswersForm(forms.Form):
    """One box per question: what this employer said."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = tuple(questions)
        for question in self.questions:
            self.fields[question.key] = forms.CharField(
                label=question.question,
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[question.key].validators = []

    def answers(self) -> dict[str, str]:
        return {question.key: self.cleaned_data.get(question.key, "") for question in self.questions}
