"""Rules every section's text must meet, shared by forms (field errors) and services (last line of defence)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.core.exceptions import ValidationError

from portfolios.kinds import SECTION_MAX_CHARS, ArtifactKind

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
