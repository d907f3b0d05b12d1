"""The review page's row-score form (kept beside forms.py: it is built per artifact kind)."""

from __future__ import annotations

from django import forms

from portfolios.forms import MAX_INT
from portfolios.kinds import ArtifactKind
from portfolios.rubric.findings import SCORE_LABELS


class RowScoresForm(forms.Form):
    """Scores on the rows an artifact evidences: `score-<row>` (0–4 or blank to skip), `reason-<row>`,
    and for mentors `agrees-<row>` (agree with the checker's score)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_INT)

    def __init__(self, *args, kind: ArtifactKind, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rows = kind.proves
        choices = [("", "—"), *((str(value), f"{value} · {label}") for value, label in sorted(SCORE_LABELS.items()))]
        for row in self.rows:
            self.fields[f"score-{row}"] = forms.TypedChoiceField(
                choices=choices, coerce=int, empty_value=None, required=False
            )
            self.fields[f"reason-{row}"] = forms.CharField(required=False, strip=False, max_length=5000)
            self.fields[f"agrees-{row}"] = forms.BooleanField(required=False)

    def scores(self) -> dict[str, tuple[int, str, bool]]:
        """(score, reason, agrees) per row given a score; call after `is_valid()`."""
        data = self.cleaned_data
        return {
            row: (data[f"score-{row}"], data[f"reason-{row}"], data[f"agrees-{row}"])
            for row in self.rows
            if data.get(f"score-{row}") is not None
        }
