"""Rules added when graded batch 7 became tuning material: each one passes and fails on texts written here.

A half-written artifact's blanks cost most the rows whose evidence they were to hold (a checklist with no
escalation path has no timing for its failures).
"""

from __future__ import annotations

from portfolios.checker import check_artifact

# --- Completeness: blanks cost the rows they feed ------------------------------------------------
_SOP_WRITTEN = {
    "error_prevented": (
        "Wrong-side splint fitting after bilateral hand surgery: twice last spring a resting splint was moulded "
        "for the unoperated hand while the dressing was still on."
    ),
    "when_used": "Before the thermoplastic sheet goes into the water bath for any post-operative splint.",
    "checklist_type": "READ-DO",
    "items": (
        "1. Operative side read aloud from the surgeon's protocol sheet.\n"
        "2. Client states which hand was operated on.\n"
        "3. Dressing side matches the protocol side.\n"
        "4. Wrist and MCP angles written on the pattern before cutting.\n"
        "5. Pattern traced on the operated side only."
    ),
}


def _time_management(fields: dict[str, str]) -> tuple[int, str]:
    row = check_artifact("sop_checklist", "outpatient", fields).rows["time_management"]
    return row.score, " ".join(row.reasons)


def test_a_checklist_with_no_escalation_review_or_exceptions_earns_little_for_timing():
    score, reasons = _time_management({**_SOP_WRITTEN, "exceptions": "", "escalation": "", "owner_review": ""})
    assert score <= 1
    assert "of this row's evidence has a section written" in reasons


def test_the_same_checklist_with_its_failure_sections_written_is_not_capped_by_them():
    score, reasons = _time_management(
        {
            **_SOP_WRITTEN,
            "exceptions": "If the protocol sheet is missing, no splint is made until the surgeon's office faxes it.",
            "escalation": "A mismatch stops the fitting; I page the hand surgeon's resident within 10 minutes.",
            "owner_review": "Owner: hand therapy lead. Piloted on 20 fittings in March; reviewed every 6 months.",
        }
    )
    assert score >= 2
    assert "of this row's evidence has a section written" not in reasons


def test_blanks_that_feed_another_row_leave_this_rows_cap_at_the_written_share():
    fields = {
        "problem": "Client requires Mod A for lower-body dressing due to limited trunk flexion after a spinal fusion.",
        "baseline": "- LB dressing: Mod A, 12 min.\n- Sock donning: unable.\n- Pain 3/10 with forward reach.",
        "long_term_goals": "Client will dress the lower body with modified independence using a reacher in 4 weeks.",
    }
    row = check_artifact("plan_of_care", "outpatient", fields).rows["assessment"]
    assert "of this row's evidence has a section written" not in " ".join(row.reasons)
