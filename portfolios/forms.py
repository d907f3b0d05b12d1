"""Forms validate and normalise input only; services do the writing."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout
from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.functional import cached_property
from django.utils.html import format_html

from portfolios.kinds import SECTION_MAX_CHARS, ArtifactKind
from portfolios.models import Artifact, User, Verdict
from portfolios.proof_summary import EXAMPLE as SUMMARY_EXAMPLE
from portfolios.proof_summary import MAX_CHARS as SUMMARY_MAX_CHARS
from portfolios.services.accounts import email_taken_error
from portfolios.tracks import TRACKS
from portfolios.validation import (
    clean_proof_summary,
    clean_section_text,
    clean_single_line,
    refuse_identifiers,
    refuse_label_identifiers,
    single_line_validator,
    validated_email,
)

MAX_INT = 2**31 - 1  # what every database we run on can store in an integer column
ACTION_SAVE = "save"  # keep the artifact's status: a complete artifact stays complete
ACTION_DRAFT = "draft"  # save as a draft; on a complete artifact, "Move back to draft"
ACTION_COMPLETE = "complete"
ACTION_CHECK = "check"


def _guidance_html(kind: ArtifactKind, key: str) -> str:
    section = kind.section(key)
    return format_html(
        '<div class="guidance small text-body-secondary" id="guidance-{}">'
        '<p class="fw-semibold mb-1">What good looks like</p><p class="mb-0">{}</p></div>',
        key,
        section.guidance,
    )


class ArtifactForm(forms.Form):
    """The guided form for one artifact kind: one field per section, built from the catalog entry."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_INT)
    action = forms.ChoiceField(
        choices=[
            (ACTION_SAVE, "Save"),
            (ACTION_DRAFT, "Save draft"),
            (ACTION_COMPLETE, "Mark complete"),
            (ACTION_CHECK, "Check now"),
        ],
        required=False,
        widget=forms.HiddenInput,
    )

    summary = forms.CharField(
        label="Proof summary (one line for recruiters)",
        required=False,
        strip=False,
        help_text=f"The result with a number and the situation you achieved it under, at most {SUMMARY_MAX_CHARS} "
        f"characters, e.g. \u201c{SUMMARY_EXAMPLE}\u201d It opens the recruiter's brief; needed to mark the "
        "artifact complete.",
        widget=forms.TextInput(
            attrs={
                "aria-describedby": "id_summary_helptext summary-hints",
                "data-max-chars": SUMMARY_MAX_CHARS,
                "autocomplete": "off",
            }
        ),
    )

    def __init__(
        self,
        *args,
        kind: ArtifactKind,
        current_status: str = Artifact.Status.DRAFT,
        current_summary: str = "",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.current_status = current_status  # what "Save" keeps
        self.current_summary = current_summary  # what a post without the summary keeps
        self.fields["summary"].validators = []  # clean_proof_summary says what is wrong and where
        for section in kind.sections:
            # Required sections also point at the editor's note saying they are needed to mark complete.
            described_by = f"required-note guidance-{section.key}" if section.required else f"guidance-{section.key}"
            widget_attrs = {
                "aria-describedby": described_by,
                "maxlength": SECTION_MAX_CHARS,
                "data-section": section.key,
            }
            if section.placeholder:
                widget_attrs["placeholder"] = section.placeholder
            widget = (
                forms.Textarea(attrs={**widget_attrs, "rows": 5})
                if section.long
                else forms.TextInput(attrs=widget_attrs)
            )
            # Length is checked in clean_section_text with a clearer message than max_length's.
            self.fields[section.key] = forms.CharField(
                label=section.label if section.required else f"{section.label} (optional)",
                required=False,
                strip=False,
                widget=widget,
            )
            # clean_section_text reports NUL and other control characters with their position.
            self.fields[section.key].validators = []

    @cached_property
    def helper(self) -> FormHelper:
        """The crispy layout: built only when the form is rendered (the live check never renders it)."""
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(
            *(
                Fieldset(
                    "",
                    Div(
                        # A required section's label gets a "required" tag from CSS (`.section-required`).
                        Div(
                            Field(section.key, wrapper_class="section-required" if section.required else ""),
                            css_class="col-lg-8",
                        ),
                        Div(HTML(_guidance_html(self.kind, section.key)), css_class="col-lg-4"),
                        css_class="row g-3",
                    ),
                    css_id=f"section-{section.key}",
                    css_class="artifact-section border-bottom pb-3 mb-4",
                )
                for section in self.kind.sections
            )
        )
        return helper

    def clean(self):
        cleaned = super().clean()
        completing = self._status_after(cleaned.get("action")) == Artifact.Status.COMPLETE
        keeping_complete = completing and cleaned.get("action") != ACTION_COMPLETE
        missing = [section.label for section in self.kind.sections if section.key not in self.data]
        if missing and cleaned.get("action") != ACTION_CHECK:
            # The editor always sends every section: a save without some of them is a truncated
            # or forged request, and saving it would blank those sections.
            raise ValidationError(
                "The form arrived incomplete (missing: %(missing)s). Nothing was saved; reload the page and try again.",
                code="incomplete_form",
                params={"missing": ", ".join(missing)},
            )
        for section in self.kind.sections:
            if section.key in self.errors:
                continue
            try:
                cleaned[section.key] = clean_section_text(cleaned.get(section.key, ""), label=section.label)
            except ValidationError as error:
                self.add_error(section.key, error)
                continue
            if completing and section.required and not cleaned[section.key]:
                self.add_error(
                    section.key,
                    ValidationError(
                        f"{section.label} is required: this artifact is complete. Fill it in, or move the artifact "
                        "back to draft."
                        if keeping_complete
                        else f"{section.label} is required before you can mark this artifact complete.",
                        code="required",
                    ),
                )
        self._clean_summary(cleaned, completing=completing, keeping_complete=keeping_complete)
        return cleaned

    def _clean_summary(self, cleaned: dict, *, completing: bool, keeping_complete: bool) -> None:
        """One line, no identifiers; required to mark complete, and not to be cleared from a complete artifact.

        A complete artifact saved before summaries existed may stay complete without one.
        """
        if "summary" not in self.data:  # an older page or a script: keep the current summary
            cleaned["summary"] = None
            summary = self.current_summary
        else:
            try:
                summary = cleaned["summary"] = clean_proof_summary(cleaned.get("summary") or "")
            except ValidationError as error:
                self.add_error(None, error)  # keyed on "summary"
                return
        if summary or not completing or cleaned.get("action") == ACTION_CHECK:
            return
        if not keeping_complete:
            message = (
                "A proof summary is required before you can mark this artifact complete: it opens the recruiter's "
                "brief. Write one line with the result and the situation, e.g. \u201c%(example)s\u201d"
            )
        elif self.current_summary:
            message = (
                "The proof summary is required: this artifact is complete and the summary opens the recruiter's "
                "brief. Write one line, or move the artifact back to draft."
            )
        else:
            return
        self.add_error("summary", ValidationError(message, code="required", params={"example": SUMMARY_EXAMPLE}))

    def summary_value(self) -> str | None:
        """The cleaned summary to save; None keeps the artifact's current one."""
        return self.cleaned_data.get("summary")

    def _status_after(self, action: str | None) -> str:
        if action == ACTION_COMPLETE or (action == ACTION_SAVE and self.current_status == Artifact.Status.COMPLETE):
            return Artifact.Status.COMPLETE
        return Artifact.Status.DRAFT

    @property
    def status(self) -> str:
        """The status to save: "Save" keeps a complete artifact complete; only "Move back to draft" demotes it."""
        return self._status_after(self.cleaned_data.get("action"))

    def section_values(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(key, "") for key in self.kind.section_keys}


class TrackChoiceField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=[(track.key, track.name) for track in TRACKS],
            widget=forms.RadioSelect,
            error_messages={"required": "Choose the setting this portfolio targets."},
            **kwargs,
        )


class PortfolioCreateForm(forms.Form):
    track = TrackChoiceField(label="Which setting are you targeting?")


class TrackChangeForm(forms.Form):
    track = TrackChoiceField(label="Move this portfolio to")


class SignupForm(UserCreationForm):
    """Sign up with an email address (unique, whatever its case) and a password."""

    class Meta:
        model = User
        fields = ("email", "display_name")
        labels = {"display_name": "Your name (optional)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "autofocus": True})

    def clean_email(self) -> str:
        email = validated_email(self.cleaned_data.get("email", ""))
        if User.objects.filter(email__iexact=email).exists():
            raise email_taken_error()
        return email

    def clean_display_name(self) -> str:
        return clean_single_line(self.cleaned_data.get("display_name", ""), label="Your name")


class LoginForm(AuthenticationForm):
    """Django's login form, with the email's length checked before anything looks it up.

    Django sets the field's max_length after the field is built, so no validator enforced it:
    a 50,000-character "email" reached the database (found by fuzzing).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].validators.append(MaxLengthValidator(254))

    def clean(self):
        if "username" in self.errors:
            return self.cleaned_data  # never authenticate (and so never log) a value that failed validation
        return super().clean()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("display_name", "headline", "email_notifications")

    def clean_display_name(self) -> str:
        return clean_single_line(self.cleaned_data.get("display_name", ""), label="Display name")

    def clean_headline(self) -> str:
        return clean_single_line(self.cleaned_data.get("headline", ""), label="Headline")

    def clean(self):
        cleaned = super().clean()
        display_name = cleaned.get("display_name", "")
        for field, label in (("display_name", "Display name"), ("headline", "Headline")):
            if field in cleaned:
                try:
                    refuse_identifiers(field, label, cleaned[field], own_name=display_name)
                except ValidationError as error:
                    self.add_error(None, error)
        return cleaned


class PortfolioHeadlineForm(forms.Form):
    headline = forms.CharField(
        label="Headline for this portfolio",
        max_length=140,
        required=False,
        validators=[single_line_validator],
        help_text="One line recruiters read under your name, e.g. “Acute-care OT: safe early mobility, clear "
        "handoffs”. Leave empty to show your profile headline.",
    )


class ReplaceAllForm(forms.Form):
    """Replace every flagged identifier: the version the candidate saw, so a stale page changes nothing."""

    expected_version = forms.IntegerField(min_value=1, max_value=MAX_INT)


class PurgeHistoryForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand the identifiers are rewritten out of every earlier revision for good: "
        "no restore or export can bring them back."
    )


class RedactForm(forms.Form):
    """Which flagged identifier to replace: the finding's section, span and check id."""

    expected_version = forms.IntegerField(min_value=1, max_value=MAX_INT)
    field = forms.SlugField(max_length=40)
    start = forms.IntegerField(min_value=0, max_value=MAX_INT)
    end = forms.IntegerField(min_value=0, max_value=MAX_INT)
    check = forms.RegexField(regex=r"^phi\.[a-z_]{2,20}$", max_length=30)


class ShareLinkForm(forms.Form):
    label = forms.CharField(
        max_length=80,
        validators=[single_line_validator],
        help_text="Who the link is for, so you can tell links apart and revoke one alone.",
        widget=forms.TextInput(attrs={"placeholder": "Acme Rehab — recruiter"}),
    )

    def clean_label(self) -> str:
        label = self.cleaned_data["label"]
        try:
            refuse_label_identifiers("label", "The label", label)
        except ValidationError as error:
            raise ValidationError(error.error_dict["label"]) from error
        return label

    expires_in_days = forms.TypedChoiceField(
        label="Expires",
        choices=[("7", "In 7 days"), ("30", "In 30 days"), ("90", "In 90 days"), ("", "Never")],
        coerce=int,
        empty_value=None,
        required=False,
        initial="30",
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Mentor's email",
        max_length=254,
        help_text="They get a personal link to review this portfolio; no account needed.",
    )
    message = forms.CharField(
        label="Personal note (optional)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Sent with the invite, e.g. “Could you look at my plan of care first?”",
    )

    def clean_message(self) -> str:
        message = clean_section_text(self.cleaned_data.get("message", ""), label="The note")
        try:
            refuse_identifiers("message", "The note", message)
        except ValidationError as error:
            raise ValidationError(error.error_dict["message"]) from error
        return message


class AcceptInviteForm(forms.Form):
    display_name = forms.CharField(
        label="Your name as the candidate will see it",
        max_length=80,
        validators=[single_line_validator],
        widget=forms.TextInput(attrs={"placeholder": "Dr. Kim, OTD", "autocomplete": "name"}),
    )


class CommentForm(forms.Form):
    section = forms.SlugField(max_length=40, widget=forms.HiddenInput)
    quote = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)
    body = forms.CharField(
        label="Comment",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="**bold**, *italic* and `code` work; nothing else is formatted.",
    )


class ReplyForm(forms.Form):
    body = forms.CharField(label="Reply", strip=False, widget=forms.Textarea(attrs={"rows": 2}))


class VerdictForm(forms.Form):
    call = forms.ChoiceField(label="Your verdict", choices=Verdict.Call.choices, widget=forms.RadioSelect)
    note = forms.CharField(label="Note (why)", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_INT)


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("email_notifications",)


class DeleteAccountForm(forms.Form):
    """Deleting an account needs the password and a typed confirmation."""

    password = forms.CharField(
        label="Your password", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.BooleanField(
        label="I understand this deletes my portfolios, every revision and my share links, and cannot be undone."
    )

    def __init__(self, user: User, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError("That is not your password. Nothing was deleted.", code="wrong_password")
        return password
