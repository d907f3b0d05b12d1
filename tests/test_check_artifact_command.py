"""`manage.py check_artifact`: JSON in, one JSON line out per artifact, clear errors."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POC = {"kind": "plan_of_care", "track": "outpatient", "fields": {"short_term_goals": "Client will improve ADLs."}}


def run(*args, stdin=""):
    return subprocess.run(
        [sys.executable, "manage.py", "check_artifact", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_issue_example_reports_a_missing_timeline():
    result = run("-", stdin=json.dumps(POC) + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    output = json.loads(lines[0])
    assert set(output) == {"kind", "track", "rows", "findings"}
    assert set(output["rows"]) == {"plan_of_care", "assessment"}
    assert set(output["rows"]["plan_of_care"]) == {"score", "label"}
    checks = {finding["check"] for finding in output["findings"]}
    # One vague goal gets one finding naming every missing COAST element (timeline among them).
    assert "goal.coast" in checks
    finding = next(f for f in output["findings"] if f["check"] == "goal.coast")
    assert "timeline" in finding["message"]
    assert set(finding) == {"check", "row", "severity", "field", "start", "end", "message", "fix"}
    assert finding["field"] == "short_term_goals"
    assert output["rows"]["plan_of_care"]["score"] < 4


def test_files_and_stdin_give_one_line_per_artifact_in_order(tmp_path):
    first = tmp_path / "first.json"
    first.write_text(json.dumps({**POC, "track": "home_health"}))
    result = run(str(first), "-", stdin=json.dumps(POC) + "\n\n" + json.dumps({**POC, "track": "acute"}) + "\n")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["track"] for line in result.stdout.splitlines()] == ["home_health", "outpatient", "acute"]


def test_sections_left_out_count_as_empty():
    result = run("-", stdin=json.dumps({"kind": "case_writeup", "track": "acute", "fields": {}}) + "\n")
    assert result.returncode == 0
    output = json.loads(result.stdout)
    assert all(row["score"] == 0 for row in output["rows"].values())


def test_unknown_kind_track_or_section_is_a_clear_error_without_a_traceback():
    bad = [
        {"kind": "resume", "track": "outpatient", "fields": {}},
        {"kind": "plan_of_care", "track": "cardiology", "fields": {}},
        {"kind": "plan_of_care", "track": "outpatient", "fields": {"goals": "x"}},
    ]
    result = run("-", stdin="\n".join(json.dumps(item) for item in [*bad, POC]) + "\n")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "unknown artifact kind 'resume'" in result.stderr
    assert "unknown track 'cardiology'" in result.stderr
    assert "unknown section key(s) 'goals'" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1  # the good input is still checked


def test_malformed_json_and_missing_files_are_reported(tmp_path):
    result = run(str(tmp_path / "missing.json"), "-", stdin="{not json\n")
    assert result.returncode == 1
    assert "cannot read file" in result.stderr
    assert "not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr
