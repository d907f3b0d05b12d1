"""The target page's pure reads: a link's order, the posting cut around its industry words, scores from storage."""

from types import SimpleNamespace

from portfolios.job_posting import Proof, Span
from portfolios.selectors_targets import Segment, checked_artifacts, link_kinds, posting_segments


def test_a_job_link_leads_with_the_matching_kinds_then_every_other_complete_one():
    complete = ["handoff_template", "case_writeup", "plan_of_care", "education_script"]
    assert link_kinds(["plan_of_care", "case_writeup"], complete) == [
        "plan_of_care",
        "case_writeup",
        "handoff_template",
        "education_script",
    ]
    assert link_kinds(["stakeholder_memo"], complete) == complete  # a lead kind that is not complete is left out


def test_the_posting_is_cut_into_plain_and_marked_stretches():
    text = "A health system with Joint Commission surveys."
    spans = [Span(21, 37, "Joint Commission", "Joint Commission"), Span(2, 15, "health system", "health system")]
    assert posting_segments(text, spans) == (
        Segment("A ", False),
        Segment("health system", True),
        Segment(" with ", False),
        Segment("Joint Commission", True),
        Segment(" surveys.", False),
    )
    assert posting_segments("No marks.", []) == (Segment("No marks.", False),)


def artifact(kind, status, scores, fields=None, version=1):
    rows = {row: {"score": score} for row, score in scores.items()}
    return SimpleNamespace(kind=kind, status=status, check_result={"rows": rows}, fields=fields or {}, version=version)


def test_only_complete_artifacts_prove_rows_and_only_on_rows_their_kind_proves():
    portfolio = SimpleNamespace(track_info=SimpleNamespace(recommended_kinds=("case_writeup", "education_script")))
    checked = checked_artifacts(
        portfolio,
        [
            artifact("education_script", "complete", {"patient_education": 3, "assessment": 4}),
            artifact("case_writeup", "draft", {"assessment": 4}),
            artifact("stakeholder_memo", "draft", {}, {"audience": "Compliance"}),
            artifact("before_after", "complete", {"assessment": "junk", "plan_of_care": 9}),
        ],
    )
    assert checked.complete_kinds == ("education_script", "before_after")
    assert checked.evidence == {"patient_education": [Proof("education_script", "Patient education script", 3)]}
    assert checked.texts == {"stakeholder_memo": "Compliance", "before_after": ""}
