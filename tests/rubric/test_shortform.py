"""Short-form checks for plans, memos, logs and definitions: each must flag its bad examples and pass its good ones."""

import pytest

from portfolios.checker import check_artifact
from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import shortform

CASES = [
    (check_id, verdict, kind, fields)
    for check_id, spec in shortform.EXAMPLES.items()
    for verdict in ("flags", "passes")
    for kind, fields in spec[verdict]
]


@pytest.mark.parametrize(
    ("check_id", "verdict", "kind", "fields"), CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)]
)
def test_each_check_flags_its_bad_examples_and_passes_its_good_ones(check_id, verdict, kind, fields):
    found = {finding.check for finding in check_artifact(kind, "outpatient", fields).findings}
    assert (check_id in found) == (verdict == "flags"), found


NINE = (
    "before_after",
    "bad_news_update",
    "metric_definition",
    "qa_page",
    "conflict_story",
    "stakeholder_memo",
    "scope_cut_log",
    "setting_fit_questions",
    "definitions_note",
)


@pytest.mark.parametrize("kind", NINE)
def test_the_general_only_kinds_now_have_a_check_of_their_own(kind):
    assert "shortform" in KINDS_BY_KEY[kind].checks
    assert any(spec_kind == kind for spec in shortform.EXAMPLES.values() for spec_kind, _ in spec["flags"])


def test_a_calibration_checklist_gets_the_checklist_familys_checks():
    found = {
        finding.check
        for finding in check_artifact(
            "calibration_checklist", "outpatient", {"items": "- Check notes\n- etc.", "checklist_type": "sometimes"}
        ).findings
    }
    assert {"checklist.count", "checklist.type", "checklist.vague_item"} <= found


GOOD = {
    "ninety_day_plan": {
        "weeks_1_2": "Shadow 10 sessions; list the top 10 requests and sort them: 5 noise, 3 need a fix, 2 need a policy.",
        "weeks_3_6": "Fix late progress reports: a day-9 reminder. Late reports fell from 30% to 5%; revisit in 4 weeks.",
        "weeks_7_12": "Make the reminder the default in the schedule template so it holds on a bad week, because "
        "nobody has to remember it.",
        "outputs": "- A sorted sheet of 10 requests shared at huddle\n- Day-9 reminder and its late-report rate\n- Scheduler template with the reminder built in",
    },
    "ship_plan": {
        "change": "A two-line handoff card for the OT team, limited to 2 minutes per patient because of volume.",
        "milestones": "- Week 1: draft with the charge nurse\n- Week 3: pilot on day shift\n- Week 6: all shifts",
        "risks": "- Skipped on busy days: check 10 charts a week\n- Missing precautions: check by read-back audit",
        "done": "Precautions present in 95% of 20 audited handoffs, with handoff time under 3 minutes.",
    },
}


@pytest.mark.parametrize("kind", sorted(GOOD))
def test_a_good_plan_scores_proficient_and_raises_no_shortform_finding(kind):
    result = check_artifact(kind, "outpatient", GOOD[kind])
    assert not [finding for finding in result.findings if finding.check.startswith("shortform.")], result.findings
    assert all(row.score >= 3 for row in result.rows.values()), result.rows
