"""`manage.py check_artifact` accepts the Prepare kinds and flags a "we"-only story with no measure."""

import json

import pytest

from tests.test_check_artifact_command import run


@pytest.mark.parametrize("kind", ["interview_story", "ninety_day_plan", "ship_plan", "calibration_checklist"])
def test_the_command_accepts_the_new_kinds(kind):
    result = run("-", stdin=json.dumps({"kind": kind, "track": "outpatient", "fields": {}}) + "\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["kind"] == kind


def test_a_story_told_only_in_we_with_no_measure_gets_ownership_and_verification_findings():
    story = {
        "kind": "interview_story",
        "track": "acute",
        "fields": {
            "situation": "We had a full unit and we were short of aides.",
            "ownership": "We changed how our team did handoffs on the unit.",
            "decision": "We went with a new handoff sheet.",
            "verification": "It went well and the team liked it.",
            "differently": "We would have started it sooner.",
        },
    }
    result = run("-", stdin=json.dumps(story) + "\n")
    assert result.returncode == 0, result.stderr
    checks = {finding["check"] for finding in json.loads(result.stdout)["findings"]}
    assert "ownership.we_only" in checks
    assert "ownership.verification" in checks
