"""Forms of the share settings page: which artifacts a link shows and in which order, and the brief."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.core.exceptions import ValidationError

from portfolios.forms import ShareLinkForm
from portfolios.validation import clean_single_line, refuse_identifiers, single_line_validator

POSITIONING_MAX_CHARS = 200


class ArtifactChoiceMixin:
    """A "Show" box and a position per complete artifact; `chosen_kinds` is the choice, in order.

    Posted without `choose=1` (a client that never showed the choice), the link shows every
    complete artifact, as links always did.

    `artifacts` is [(kind key, title)] of the portfolio's complete artifacts in the track's order;
    `chosen` the link's current choice (None: every one, in that order).
    """

    def _add_choice_fields(self, artifacts: Sequence[tuple[str, str]], chosen: Sequence[str] | None) -> None:
        self.artifacts = list(artifacts)
        order = list(chosen) if chosen else [key for key, _ in self.artifacts]
        for index, (key, title) in enumerate(self.artifacts):
            position = order.index(key) + 1 if key in order else len(order) + index + 1
            self.fields[f"show-{key}"] = forms.BooleanField(label=f"Show {title}", required=False, initial=key in order)
            self.fields[f"position-{key}"] = forms.IntegerField(
                label=f"Position of {title}", min_value=1, max_value=99, initial=position, required=False
            )

    @property
    def choice_rows(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [(title, self[f"show-{key}"], self[f"position-{key}"]) for key, title in self.artifacts]

    @property
    def choosing(self) -> bool:
        """The form carried the choice (the page sends `choose=1`); without it, every complete artifact."""
        return bool(self.artifacts) and self.data.get("choose") == "1"

    def chosen_kinds(self) -> list[str] | None:
        if not self.choosing:
            return None
        data = self.cleaned_data
        picked = [
            (data.get(f"position-{key}") or 99, index, key)
            for index, (key, _) in enumerate(self.artifacts)
            if data.get(f"show-{key}")
        ]
        return [key for _, _, key in sorted(picked)]

    def _check_choice(self) -> None:
        if self.choosing and not any(self.cleaned_data.get(f"show-{key}") for key, _ in self.artifacts):
            raise ValidationError("Choose at least one artifact for this link to show.", code="none_chosen")


class NewShareLinkForm(ArtifactChoiceMixin, ShareLinkForm):
    def __init__(self, *args, artifacts: Sequence[tuple[str, str]] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._add_choice_fields(artifacts, None)

    def clean(self):
        cleaned = super().clean()
        self._check_choice()
        return cleaned


class ShareLinkEditForm(ArtifactChoiceMixin, forms.Form):
    label = ShareLinkForm.base_fields["label"]

    def __init__(self, *args, artifacts: Sequence[tuple[str, str]] = (), chosen: Sequence[str] | None = None, **kw):
        super().__init__(*args, **kw)
        self._add_choice_fields(artifacts, chosen)

    clean_label = ShareLinkForm.clean_label

    def clean(self):
        cleaned = super().clean()
        self._check_choice()
        return cleaned


class BriefForm(forms.Form):
    positioning = forms.CharField(
        label="Positioning line",
        max_length=POSITIONING_MAX_CHARS,
        required=False,
        validators=[single_line_validator],
        help_text="What you own now and what you want to own next, in one line. It opens the recruiter's brief.",
        widget=forms.TextInput(
            attrs={"placeholder": "I own discharge teaching on a 28-bed ortho unit; next, the unit's falls program."}
        ),
    )
    show_email = forms.BooleanField(label="Show my account e-mail in the brief", required=False)
    show_unproven_rows = forms.BooleanField(
        label="List skills no shared artifact proves yet (as “Not shown yet”)", required=False
    )

    def clean_positioning(self) -> str:
        text = clean_single_line(self.cleaned_data["positioning"], label="The positioning line")
        try:
            refuse_identifiers("positioning", "The positioning line", text)
        except ValidationError as error:
            raise ValidationError(error.error_dict["positioning"]) from error
        return text
