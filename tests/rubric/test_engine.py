"""The engine: picks families by kind, validates input, scores rows from evidence and caps them by problems."""

import pytest

from portfolios.checker import RubricInputError, check_artifact
from portfolios.kinds import KINDS_BY_KEY, get_kind
from portfolios.rubric import engine
from portfolios.rubric.findings import CheckResult, Finding


def finding(check, row, severity, start=None):
    """A finding on its own passage (one per check id unless `start` says otherwise)."""
    start = sum(map(ord, check)) if start is None else start
    return Finding("plan", start, start + 1, check, row, severity, "msg", "fix")


def test_an_artifact_with_nothing_written_scores_zero_on_every_row():
    result = check_artifact("case_writeup", "outpatient", {})
    assert {row: score.score for row, score in result.rows.items()} == {
        "assessment": 0,
        "documentation": 0,
        "plan_of_care": 0,
    }
    assert all(score.reasons == ("Nothing written yet.",) for score in result.rows.values())


STRONG_PLAN = {
    "problem": "Client needs moderate assistance for lower-body dressing because hip precautions limit reach.",
    "baseline": "LB dressing: Mod A with 3 verbal cues; COPM performance 3/10; Berg 41/56.",
    "long_term_goals": "Client will complete LB dressing with modified independence using a reacher by discharge in 6 weeks.",
    "short_term_goals": (
        "1. Client will don socks with Min A using a sock aid within 2 weeks.\n"
        "2. Client will don pants with supervision using a reacher while seated within 3 weeks."
    ),
    "interventions": "Sock aid and reacher training for the dressing goals\nSeated balance practice for pants goal 2",
    "frequency_duration": "2x/week for 6 weeks.",
    "discharge_criteria": "Discharge when LB dressing is Mod I with a reacher on 2 consecutive visits.",
}


def score_of(result, row):
    return result.rows[row].score


def test_a_row_earns_its_score_from_evidence():
    result = check_artifact("plan_of_care", "outpatient", STRONG_PLAN)
    assert score_of(result, "plan_of_care") >= 3
    assert score_of(result, "assessment") >= 3
    reasons = result.rows["assessment"].reasons
    assert any("Berg 41/56" in reason or "Mod A" in reason for reason in reasons)


def test_placeholders_in_every_section_earn_zero_on_every_row():
    for kind in ("plan_of_care", "case_writeup", "handoff_template"):
        fields = dict.fromkeys(get_kind(kind).section_keys, "TBD")
        result = check_artifact(kind, "outpatient", fields)
        assert {score.score for score in result.rows.values()} == {0}, kind


def test_a_missing_element_is_named_in_the_reasons_and_as_an_info_finding():
    fields = dict(STRONG_PLAN, frequency_duration="PRN")
    result = check_artifact("plan_of_care", "outpatient", fields)
    assert any(
        "missing" in reason and "frequency and duration" in reason for reason in result.rows["plan_of_care"].reasons
    )
    assert any(f.check == "evidence.plan.frequency" and f.severity == "info" for f in result.findings)


def test_problems_cap_a_row_and_the_cap_names_the_finding():
    capped = dict(STRONG_PLAN, baseline=STRONG_PLAN["baseline"] + " Pain 9/10 with reaching; continued the program.")
    result = check_artifact("plan_of_care", "outpatient", capped)
    assessment = result.rows["assessment"]
    assert assessment.score <= engine.SAFETY_CAP
    assert any("safety.continued_through_red_flag" in reason for reason in assessment.reasons)


def test_the_cap_drops_by_two_per_error_and_a_half_per_warning_per_distinct_check():
    cap, reasons = engine._cap(
        "documentation",
        (
            finding("phi.name", "documentation", "error"),
            finding("phi.name", "documentation", "error"),  # same check again: counted once
            finding("case.skilled_language", "documentation", "warning"),
            finding("case.follow_up", "documentation", "info"),  # info costs nothing
            finding("other.row", "assessment", "error"),  # another row's problem
        ),
    )
    assert cap == 1.5
    assert reasons == ["−2 to the cap: msg (phi.name)", "−0.5 to the cap: msg (case.skilled_language)"]


def test_warnings_together_lower_the_cap_by_two_at_most_and_errors_have_no_such_limit():
    many_warnings = tuple(finding(f"check.{n}", "assessment", "warning") for n in range(9))
    assert engine._cap("assessment", many_warnings)[0] == 4 - engine.WARNINGS_LOWER_CAP_BY
    assert engine._cap("assessment", many_warnings[:3])[0] == 2.5
    errors = tuple(finding(f"check.{n}", "assessment", "error") for n in range(2))
    assert engine._cap("assessment", errors)[0] == 0


def test_two_errors_on_one_sentence_cost_the_cap_once():
    same_sentence = (
        finding("safety.unsafe_contingency", "documentation", "error", start=10),
        finding("safety.escalation_refused", "documentation", "error", start=10),
    )
    assert engine._cap("documentation", same_sentence)[0] == engine.SAFETY_CAP
    apart = (same_sentence[0], finding("phi.name", "documentation", "error", start=40))
    assert engine._cap("documentation", apart)[0] == 0


def test_the_ids_of_one_per_goal_completeness_check_cost_the_cap_once():
    goals = tuple(
        finding(check, "plan_of_care", "warning") for check in ("goal.assist", "goal.condition", "goal.coast")
    )
    assert engine._cap("plan_of_care", goals)[0] == 3.5
    assert engine._cap("plan_of_care", (*goals, finding("goal.progression", "plan_of_care", "warning")))[0] == 3


def test_the_cap_never_goes_below_zero():
    cap, _ = engine._cap("assessment", tuple(finding(f"check.{n}", "assessment", "error") for n in range(5)))
    assert cap == 0


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
    families = engine.families_for(get_kind("plan_of_care").spec)
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
