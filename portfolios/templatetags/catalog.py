"""`catalog`: small lookups and wording helpers over the tracks and kinds catalog."""

from django import template

from portfolios.kinds import ArtifactKind
from portfolios.tracks import Track

register = template.Library()


@register.filter
def smallest_proof(track: Track, row: str) -> ArtifactKind | None:
    """The smallest recommended artifact in this track that would prove the rubric row."""
    return track.smallest_kind_proving(row)


@register.filter
def indefinite_article(phrase: str) -> str:
    """The article for this phrase: an before a vowel ("an Inpatient rehab portfolio"), a otherwise."""
    return "an" if str(phrase)[:1].lower() in "aeio" else "a"


@register.filter
def has_planned_cells(coverage) -> bool:
    """Some artifact in this coverage matrix is meant to prove a row but has no score yet (drawn as ○)."""
    return any(cell.proves and cell.score is None for line in coverage for cell in line.cells)
