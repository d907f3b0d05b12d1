"""Readable word-level differences between two revisions of an artifact."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from portfolios.kinds import ArtifactKind

# Words with their trailing white space, so joining the pieces gives back the text exactly.
_TOKENS = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class Piece:
    op: str  # "same", "added" or "removed"
    text: str


@dataclass(frozen=True)
class SectionDiff:
    key: str
    label: str
    pieces: tuple[Piece, ...]

    @property
    def changed(self) -> bool:
        return any(piece.op != "same" for piece in self.pieces)


def diff_text(old: str, new: str) -> tuple[Piece, ...]:
    """Split two texts into same / removed / added pieces, word by word."""
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    pieces: list[Piece] = []
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece("same", "".join(old_tokens[a_start:a_end])))
            continue
        if a_end > a_start:
            pieces.append(Piece("removed", "".join(old_tokens[a_start:a_end])))
        if b_end > b_start:
            pieces.append(Piece("added", "".join(new_tokens[b_start:b_end])))
    return tuple(pieces)


def diff_fields(kind: ArtifactKind, old: Mapping[str, str], new: Mapping[str, str]) -> tuple[SectionDiff, ...]:
    """One SectionDiff per section of the kind, in form order."""
    return tuple(
        SectionDiff(section.key, section.label, diff_text(old.get(section.key, ""), new.get(section.key, "")))
        for section in kind.sections
    )
