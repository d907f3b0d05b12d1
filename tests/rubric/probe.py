"""One way for rubric family tests to run a family on a known-good artifact with a few sections changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import Finding
from tests.rubric.texts import artifact_text


def place(item: Finding) -> tuple[str, int, int]:
    """Where a finding points: (section, start, end)."""
    return (item.field, item.start, item.end)


@dataclass(frozen=True)
class Probe:
    """A check family, the artifact kind and track it runs on, and a text it passes."""

    check: Callable[[ArtifactText], Iterable[Finding]]
    kind: str
    track: str
    good: Mapping[str, str]

    def findings(self, **overrides: str) -> list[Finding]:
        """What the family finds in the good text with these sections replaced."""
        return list(self.check(artifact_text(self.kind, self.track, {**self.good, **overrides})))

    def found(self, check_id: str, **overrides: str) -> list[Finding]:
        return [item for item in self.findings(**overrides) if item.check == check_id]

    def whole(self, field: str, **overrides: str) -> tuple[str, int, int]:
        """The place a whole-section finding on `field` should point at."""
        text = {**self.good, **overrides}[field]
        stripped = text.strip()
        return (field, text.index(stripped), text.index(stripped) + len(stripped)) if stripped else (field, 0, 0)
