"""Rules every section's text must meet, shared by forms (field errors) and services (last line of defence)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from portfolios import redaction
from portfolios.kinds import SECTION_MAX_CHARS, ArtifactKind
from portfolios.models import User
from portfolios.proof_summary import summary_problems

# C0 and C1 control characters except tab, line feed and carriage return; NUL included.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_section_text(value: str, *, label: str = "This section") -> str:
    """Normalise one section's text: refuse control characters and oversize text; blank becomes ""."""
    if not isinstance(value, str):
        raise ValidationError(f"{label} must be text.", code="invalid")
    control = _CONTROL.search(value)
    if control:
        raise ValidationError(
            f"{label} contains an invisible control character (code {ord(control.group()):#04x}) "
            f"at position {control.start() + 1}. Delete it, or paste the text as plain text.",
            code="control_character",
        )
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if len(value) > SECTION_MAX_CHARS:
        raise ValidationError(
            f"{label} is {len(value):,} characters long; the limit is {SECTION_MAX_CHARS:,}. "
            "Shorten it or move detail into another section.",
            code="too_long",
        )
    if not value.strip():
        return ""
    return value.rstrip()


# Anything that would break a one-line value: controls, line and paragraph separators, bidi overrides.
_NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean_single_line(value: str, *, label: str = "This field") -> str:
    """Normalise a name, headline or label: one line of text, trimmed."""
    if _NOT_ONE_LINE.search(value or ""):
        raise ValidationError(f"{label} must be a single line of plain text.", code="not_single_line")
    return (value or "").strip()


def clean_label(value: str, *, field: str, label: str, required: str, max_chars: int) -> str:
    """A one-line label the candidate names something by (a share link, a target job): present,
    short, and free of patient identifiers. Errors are keyed on `field`; `required` says what to write."""
    value = clean_single_line(value, label=label)
    if not value:
        raise ValidationError({field: [ValidationError(required, code="required")]})
    if len(value) > max_chars:
        too_long = f"Keep {label[0].lower()}{label[1:]} under {max_chars} characters."
        raise ValidationError({field: [ValidationError(too_long, code="too_long")]})
    refuse_label_identifiers(field, label, value)
    return value


def refuse_identifiers(field: str, label: str, text: str, *, own_name: str | None = None) -> None:
    """Raise a ValidationError on `field` naming each patient identifier in `text`: its type, the passage, the fix.

    With `own_name`, the candidate's own name is not an identifier (their profile lines).
    """
    findings = (
        redaction.field_identifiers(field, text)
        if own_name is None
        else redaction.profile_identifiers(field, text, own_name=own_name)
    )
    _refuse(field, label, text, findings, own_line=own_name is not None)


def refuse_label_identifiers(field: str, label: str, text: str) -> None:
    """`refuse_identifiers` for a label naming an employer or a job, whose places are the employer's."""
    _refuse(field, label, text, redaction.label_identifiers(field, text), own_line=False)


def _refuse(field: str, label: str, text: str, findings, *, own_line: bool) -> None:
    if findings:
        raise ValidationError(
            {
                field: [
                    ValidationError(problem.message + " Nothing was saved.", code="phi")
                    for problem in redaction.field_problems(label, text, findings, own_line=own_line)
                ]
            }
        )


def clean_proof_summary(value: str) -> str:
    """Normalise an artifact's proof summary: one line, at most 200 characters, no patient identifiers.

    Errors are keyed on `summary`. A missing number or constraint is only a hint (`summary_problems`).
    """
    if not isinstance(value, str):
        raise ValidationError({"summary": [ValidationError("The proof summary must be text.", code="invalid")]})
    try:
        summary = clean_single_line(value, label="The proof summary")
    except ValidationError as error:
        raise ValidationError({"summary": [error]}) from error
    blocking = [problem for problem in summary_problems(summary) if problem.blocking]
    if blocking:
        raise ValidationError(
            {"summary": [ValidationError(problem.message, code=problem.code) for problem in blocking]}
        )
    # Recruiters read it first, outside the artifact: refused like link labels and headlines.
    refuse_identifiers("summary", "The proof summary", summary)
    return summary


def single_line_validator(value: str) -> None:
    clean_single_line(value)


def validated_email(value: str) -> str:
    """The stored spelling of an address, refused if that spelling is not a valid address."""
    email = User.objects.normalize_email(value)
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError("Enter a valid email address.", code="invalid_email") from error
    return email


def clean_fields(kind: ArtifactKind, fields: Mapping[str, str], *, complete: bool) -> dict[str, str]:
    """Validate a whole artifact's sections; when `complete`, required sections must be filled.

    Returns every section key of the kind (missing ones as ""). Raises ValidationError with a
    dict of section key -> errors.
    """
    unknown = sorted(set(fields) - set(kind.section_keys))
    if unknown:
        raise ValidationError(f"Unknown section(s) for {kind.title}: {', '.join(unknown)}.", code="unknown_section")
    cleaned: dict[str, str] = {}
    errors: dict[str, list[ValidationError]] = {}
    for section in kind.sections:
        try:
            cleaned[section.key] = clean_section_text(fields.get(section.key, "") or "", label=section.label)
        except ValidationError as error:
            errors[section.key] = [error]
            continue
        if complete and section.required and not cleaned[section.key]:
            errors[section.key] = [
                ValidationError(
                    f"{section.label} is required before you can mark this artifact complete.",
                    code="required",
                )
            ]
    if errors:
        raise ValidationError(errors)
    return cleaned
