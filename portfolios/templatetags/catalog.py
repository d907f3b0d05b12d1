"""`catalog`: small lookups and wording helpers over the tracks and kinds catalog."""

from django import template

from portfolios.kinds import ArtifactKind
from portfolios.tracks import Track

register = template.Library()


@register.filter
def smallest_proof(track: Track, row: str) -> ArtifactKind | None:
    """The smallest recommended artifact in this track that would prove the rubric row."""
    return track.smallest_kind_proving(row)
