"""Build the checker's input the way the catalog does: an ArtifactText with its kind's spec."""

from __future__ import annotations

from collections.abc import Mapping

from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric.artifact import ArtifactText


def artifact_text(kind: str, track: str, fields: Mapping[str, str], spec=None) -> ArtifactText:
    """An ArtifactText for `kind` carrying the catalog's spec, as `portfolios.checker` builds it."""
    return ArtifactText(kind=kind, track=track, fields=fields, spec=spec or KINDS_BY_KEY[kind].spec)
