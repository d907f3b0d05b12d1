"""Forms of the target-job pages: paste a posting, choose an industry lens."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from portfolios.models import Industry, TargetJob
from portfolios.services.targets import clean_posting
from portfolios.validation import clean_single_line, refuse_label_identifiers, single_line_validator


class TargetJobForm(forms.Form):
    label = forms.CharField(
        label="Job title and employer",
        max_length=TargetJob.LABEL_MAX_CHARS,
        validators=[single_line_validator],
        help_text="One line, e.g. “Hand therapist — Riverside Health”. It labels the link you make for this job.",
    )
    posting = forms.CharField(
        label="Job posting",
        max_length=TargetJob.POSTING_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=f"Paste the posting's text (up to {TargetJob.POSTING_MAX_CHARS:,} characters). It stays private: "
        "only you see it.",
    )

    def clean_label(self) -> str:
        label = clean_single_line(self.cleaned_data["label"], label="The job's title and employer")
        try:
            refuse_label_identifiers("label", "The job's title and employer", label)
        except ValidationError as error:
            raise ValidationError(error.error_dict["label"]) from error
        return label

    def clean_posting(self) -> str:
        try:
            return clean_posting(self.cleaned_data["posting"])
        except ValidationError as error:
            raise ValidationError(error.error_dict["posting"]) from error


class IndustryForm(forms.Form):
    """The industry lens of a portfolio (blank: none) or of a target job (blank: as read from the posting)."""

    industry = forms.ChoiceField(label="Industry lens", required=False)

    def __init__(self, *args, blank_label: str = "No lens", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = [("", blank_label), *Industry.choices]
