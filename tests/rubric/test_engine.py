"""The engine: picks families by kind, validates input, and scores rows from findings."""

import pytest

from portfolios.kinds import KINDS_BY_KEY, get_kind
from portfolios.rubric import engine
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.engine import RubricInputError, check_artifact, score_rows
from portfolios.rubric.findings import CheckResult, Finding


def finding(check, row, severity):
    return Finding("plan", 0, 1, check, row, severity, "msg", "fix")


def text_for(kind_key, **fields):
    kind = get_kind(kind_key)
    return kind, ArtifactText(kind_key, "outpatient", {key: fields.get(key, "") for key in kind.section_keys})


def test_an_artifact_with_nothing_written_scores_zero_on_every_row():
    result = check_artifact("case_writeup", "outpatient", {})
    assert {row: score.score for row, score in result.rows.items()} == {
        "assessment": 0,
        "documentation": 0,
        "plan_of_care": 0,
    }
    assert all(score.reasons == ("Nothing written yet.",) for score in result.rows.values())


WRITTEN = dict.fromkeys(get_kind("case_writeup").section_keys, "something")


def test_scores_lose_two_per_error_and_one_per_warning_per_distinct_check():
    kind, text = text_for("case_writeup", **WRITTEN)
    scores = score_rows(
        kind,
        text,
        [
            finding("phi.name", "documentation", "error"),
            finding("phi.name", "documentation", "error"),  # same check again: counted once
            finding("case.skilled_language", "documentation", "warning"),
            finding("case.follow_up", "plan_of_care", "info"),  # info costs nothing
        ],
    )
    assert scores["documentation"].score == 1
    assert scores["documentation"].label == "Emerging"
    assert scores["documentation"].reasons == ("−2: msg (phi.name)", "−1: msg (case.skilled_language)")
    assert scores["plan_of_care"].score == 4
    assert scores["assessment"].reasons == ("No problems found by the checks for this row.",)


def test_scores_never_go_below_zero():
    kind, text = text_for("case_writeup", **WRITTEN)
    findings = [finding(f"check.{n}", "assessment", "error") for n in range(5)]
    assert score_rows(kind, text, findings)["assessment"].score == 0


def test_only_rows_the_kind_proves_are_scored():
    result = check_artifact("sop_checklist", "outpatient", {"items": "Check the order."})
    assert set(result.rows) == set(get_kind("sop_checklist").proves)


@pytest.mark.parametrize(
    ("kind", "track", "fields", "message"),
    [
        ("resume", "outpatient", {}, "unknown artifact kind 'resume'"),
        ("case_writeup", "mars", {}, "unknown track 'mars'"),
        ("case_writeup", "acute", {"goals": "x"}, "unknown section key(s) 'goals'"),
    ],
)
def test_unknown_input_is_a_clear_error(kind, track, fields, message):
    with pytest.raises(RubricInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_artifact(kind, track, fields)


@pytest.mark.parametrize("kind", sorted(KINDS_BY_KEY))
def test_every_kind_gets_the_phi_gate(kind):
    first = get_kind(kind).section_keys[0]
    result = check_artifact(kind, "outpatient", {first: "Reach the client at jane.doe@example.com."})
    assert any(f.check == "phi.email" and f.field == first for f in result.findings)


def test_families_named_by_a_kind_run_after_the_common_ones():
    families = engine.families_for(get_kind("plan_of_care"))
    assert families[: len(engine.ALWAYS)] == engine.ALWAYS
    assert engine.FAMILIES["goals"] in families
    assert engine.FAMILIES["handoff"] not in families


def test_results_survive_a_round_trip_through_json_storage():
    result = check_artifact("case_writeup", "outpatient", {"context": "Mrs. Alvarez seen on 03/14/2025."})
    assert CheckResult.from_dict(result.as_dict()) == result


def test_findings_come_errors_first_then_in_section_order():
    result = check_artifact(
        "case_writeup",
        "outpatient",
        {"context": "Seen on 03/14/2025.", "assessment": "Tolerated treatment well."},
    )
    severities = [f.severity for f in result.findings]
    assert severities == sorted(severities, key=engine.SEVERITY_ORDER.get)


def test_a_row_with_blank_evidence_scores_zero_and_says_which_sections_are_missing():
    result = check_artifact("plan_of_care", "outpatient", {"short_term_goals": "Client will improve ADLs."})
    assessment = result.rows["assessment"]
    assert assessment.score == 0
    assert "“Problem statement”" in assessment.reasons[0] and "“Baseline”" in assessment.reasons[0]
    empty = {f.field for f in result.findings if f.check == "section.empty"}
    assert {"problem", "baseline", "long_term_goals"} <= empty
    assert "short_term_goals" not in empty


def test_writing_the_evidence_lifts_the_row_off_zero():
    result = check_artifact(
        "plan_of_care",
        "outpatient",
        {
            "problem": "Client requires moderate assistance for LB dressing due to limited hip flexion after THA.",
            "baseline": "LB dressing: Mod A with 3 verbal cues; COPM performance 3/10.",
        },
    )
    assert result.rows["assessment"].score > 0
