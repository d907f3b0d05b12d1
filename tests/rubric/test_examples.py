"""Fixes quote examples from the artifact's own setting: a school plan never gets an adult hip example."""

from __future__ import annotations

import pytest

from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import case, caseload, checklist, education, goals, handoff
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.examples import _TRACKS, example, example_keys
from tests.rubric.texts import artifact_text

# Words that only fit adult rehab; none may reach a pediatric artifact's fixes.
ADULT_ONLY = (
    "hip",
    "grandchild",
    "sock aid",
    "shoe horn",
    "LB dressing",
    "Post-op",
    "charge nurse",
    "rehab manager",
    "COPM",
    "drove",
    "orthostatic",
)
FAMILIES = {
    "plan_of_care": goals.check,
    "case_writeup": case.check,
    "education_script": education.check,
    "handoff_template": handoff.check,
    "caseload_note": caseload.check,
    "sop_checklist": checklist.check,
}
# Vague text that trips most checks of each family.
VAGUE = "Improve function. Continue POC. Ensure proper setup. As needed."


def _vague_artifact(kind: str, track: str) -> ArtifactText:
    return artifact_text(kind, track, dict.fromkeys(KINDS_BY_KEY[kind].section_keys, VAGUE))


@pytest.mark.parametrize("kind", list(FAMILIES))
def test_a_pediatric_artifact_never_gets_an_adult_example(kind):
    findings = list(FAMILIES[kind](_vague_artifact(kind, "pediatrics")))
    assert findings, kind
    for item in findings:
        for word in ADULT_ONLY:
            assert word not in item.fix, (item.check, word, item.fix)


def test_an_adult_artifact_keeps_its_adult_examples():
    fixes = " ".join(item.fix for item in goals.check(_vague_artifact("plan_of_care", "acute")))
    assert "EOB" in fixes or "hip" in fixes


def test_every_track_wording_replaces_a_known_example_and_unknown_tracks_fall_back():
    for track, wordings in _TRACKS.items():
        assert set(wordings) <= example_keys(), track
    assert example("no_such_track", "goal") == example("outpatient", "goal")
    assert example("pediatrics", "goal") != example("outpatient", "goal")
