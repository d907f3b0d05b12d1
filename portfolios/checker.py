"""Check an artifact by its kind and track keys: the catalog's door to the rubric engine.

The engine (`portfolios.rubric.engine`) knows nothing of the catalog; this module looks the
kind and track up and hands their specs over. Services, commands and tests call
`check_artifact("plan_of_care", "outpatient", fields)`.
"""

from __future__ import annotations

from collections.abc import Mapping

from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import engine
from portfolios.rubric.engine import RubricInputError
from portfolios.rubric.findings import CheckResult
from portfolios.tracks import TRACKS_BY_KEY

__all__ = ["RubricInputError", "check_artifact"]


def check_artifact(kind: str, track: str, fields: Mapping[str, str]) -> CheckResult:
    """Run every check that applies to this kind and track; same input, same output."""
    artifact_kind = KINDS_BY_KEY.get(kind)
    if artifact_kind is None:
        raise RubricInputError(f"unknown artifact kind {kind!r}; known kinds: {', '.join(KINDS_BY_KEY)}")
    practice = TRACKS_BY_KEY.get(track)
    if practice is None:
        raise RubricInputError(f"unknown track {track!r}; known tracks: {', '.join(TRACKS_BY_KEY)}")
    return engine.check(artifact_kind.spec, practice.spec, fields)
