"""Three-way merge of an artifact's sections after a version conflict.

Both sides started from the same base revision. A section only one side changed takes
that side's text; a section both changed to different text needs the person to choose.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from portfolios.kinds import ArtifactKind, Section

SAME = "same"  # both sides hold the same text
MINE = "mine"  # only this tab changed it: keep mine
THEIRS = "theirs"  # only the other save changed it: take theirs
BOTH = "both"  # both changed it differently: the person chooses


@dataclass(frozen=True)
class MergedSection:
    section: Section
    mine: str
    theirs: str
    outcome: str

    @property
    def proposed(self) -> str:
        """The text the conflict form starts with."""
        return self.theirs if self.outcome == THEIRS else self.mine


def merge_sections(
    kind: ArtifactKind, base: Mapping[str, str], mine: Mapping[str, str], theirs: Mapping[str, str]
) -> tuple[MergedSection, ...]:
    """Classify every section of the kind and propose a merged text for each."""
    merged = []
    for section in kind.sections:
        original, my_text, their_text = (
            base.get(section.key, ""),
            mine.get(section.key, ""),
            theirs.get(section.key, ""),
        )
        if my_text == their_text:
            outcome = SAME
        elif my_text == original:
            outcome = THEIRS
        elif their_text == original:
            outcome = MINE
        else:
            outcome = BOTH
        merged.append(MergedSection(section, my_text, their_text, outcome))
    return tuple(merged)
