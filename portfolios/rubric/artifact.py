"""The input every check family reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from portfolios.rubric.spec import KindSpec


@dataclass(frozen=True)
class ArtifactText:
    """One artifact's text: its kind and track keys, and every section's text by key.

    `fields` holds every section key of the kind; sections left out are "". `spec` is what the
    catalog says about the kind (sections, rows, roles); families read it instead of branching
    on kind names. It is None only in family unit tests that build a bare text.
    """

    kind: str
    track: str
    fields: Mapping[str, str]
    spec: KindSpec | None = None

    def text(self, key: str) -> str:
        return self.fields.get(key, "")

    def is_blank(self, key: str) -> bool:
        return not self.text(key).strip()
