"""What the checker needs to know about a kind and a track, as plain data.

The catalog (`portfolios.kinds`, `portfolios.tracks`) sits above the checker: it builds these
specs and hands them to the engine, so nothing in `portfolios.rubric` imports the catalog.
A kind's spec names its sections, the rows it proves, the check families that run on it, the
role each section plays for those families ("goals", "baseline", …) and the evidence each row
needs. A track's spec names the overlays that apply in that setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


def frozen_mapping(values: Mapping | None = None) -> Mapping:
    """A read-only mapping, so specs stay hashable-by-identity and safe to share."""
    return MappingProxyType(dict(values or {}))


@dataclass(frozen=True)
class SectionSpec:
    """One section of a kind: its key, its label, what it evidences and the form's own example text."""

    key: str
    label: str
    guidance: str = ""
    placeholder: str = ""
    required: bool = True
    rows: tuple[str, ...] = ()  # empty: every row the kind proves


@dataclass(frozen=True, eq=False)
class EvidenceRule:
    """One piece of evidence a hiring manager looks for before a row earns points.

    `shape` names one of the shapes in `rubric.evidence.SHAPES` (implemented once there);
    `sections` are where it is looked for; `points` is its weight within the row;
    `looks_for` is the plain sentence shown when it is missing; `params` tune the shape
    (minimum counts, target sections). `earns` / `misses` are examples (text of the first
    section, or a mapping of section → text) that must / must not earn the point: the test
    suite runs every one of them.
    """

    id: str
    row: str
    shape: str
    sections: tuple[str, ...]
    looks_for: str
    points: float = 1.0
    params: Mapping = field(default_factory=frozen_mapping)
    earns: tuple[str | Mapping[str, str], ...] = ()
    misses: tuple[str | Mapping[str, str], ...] = ()


@dataclass(frozen=True, eq=False)
class KindSpec:
    """Everything the engine is told about one artifact kind."""

    key: str
    title: str
    rows: tuple[str, ...]
    sections: tuple[SectionSpec, ...]
    families: tuple[str, ...] = ()
    evidence: tuple[EvidenceRule, ...] = ()
    # Which section plays which part for the families: {"goals": ("long_term_goals", ...), "baseline": ("baseline",)}.
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=frozen_mapping)
    # Rows whose problems matter for safety: a safety error there caps the row at 1.
    safety_rows: tuple[str, ...] = ()
    # Family options that differ by kind, e.g. {"general.constraint": "warning"}.
    options: Mapping[str, str] = field(default_factory=frozen_mapping)

    @property
    def section_keys(self) -> tuple[str, ...]:
        return tuple(section.key for section in self.sections)

    def section(self, key: str) -> SectionSpec:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def sections_for_row(self, row: str) -> tuple[SectionSpec, ...]:
        """The sections that evidence a row (all of them, unless sections say otherwise)."""
        return tuple(section for section in self.sections if row in (section.rows or self.rows))

    def role(self, name: str) -> tuple[str, ...]:
        """The sections that play `name` for this kind (empty when none do)."""
        return tuple(self.roles.get(name, ()))

    def row_for(self, preferred: tuple[str, ...]) -> str:
        """The first preferred row this kind proves, else its first row."""
        for row in preferred:
            if row in self.rows:
                return row
        return self.rows[0] if self.rows else preferred[0]


@dataclass(frozen=True)
class TrackSpec:
    """Everything the engine is told about one track: its key and the overlays that apply."""

    key: str
    overlays: tuple[str, ...] = ()
