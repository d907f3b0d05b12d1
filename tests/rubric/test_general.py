"""The "what gets you filtered out" checks: vague outcomes, no stakeholder, no constraint, vague escalation."""

from __future__ import annotations

import pytest

from portfolios.kinds import KINDS, KINDS_BY_KEY
from portfolios.rubric import general
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.rows import ASSESSMENT, DOCUMENTATION, PLAN_OF_CARE, TIME_MANAGEMENT

# Long enough to judge (40+ words), names roles and a constraint, measures its outcome.
STRONG_CONTEXT = (
    "Client A, a retired bus driver, was referred to outpatient OT after a right CVA. The real constraint was "
    "time: Medicare authorized 10 visits of 45 minutes, and her daughter could only attend on Mondays, so I "
    "taught the tub transfer to both of them on visit 1 and checked it again on visit 3."
)


def artifact(kind: str = "case_writeup", **sections: str) -> ArtifactText:
    fields = dict.fromkeys(KINDS_BY_KEY[kind].section_keys, "")
    fields.update(sections)
    return ArtifactText(kind=kind, track="outpatient", fields=fields, spec=KINDS_BY_KEY[kind].spec)


def findings(text: ArtifactText, check_id: str | None = None):
    return [f for f in general.check(text) if check_id is None or f.check == check_id]


def covered(text: ArtifactText, check_id: str) -> list[str]:
    return [text.text(f.field)[f.start : f.end] for f in findings(text, check_id)]


def test_it_says_nothing_about_an_artifact_with_nothing_written():
    for kind in KINDS:
        assert findings(artifact(kind.key)) == []
        assert findings(artifact(kind.key, **dict.fromkeys(kind.section_keys, "  \n "))) == []


def test_it_stays_quiet_on_a_strong_case_write_up():
    text = artifact(
        context=STRONG_CONTEXT,
        follow_up="By visit 6 she moved from Min A to supervision for tub transfers; 0 falls in 8 weeks.",
        handoffs="If SpO2 stays below 90% after 2 minutes of rest, stop and notify the RN.",
        reflection="Her confidence improved, and next time I would measure it with a 0-10 rating.",
    )
    assert findings(text) == []


def test_its_findings_are_warnings_or_notes_never_errors():
    text = artifact("definitions_note", terms="Handoff means a transfer of work. " * 10 + "Escalate as needed.")
    assert findings(text)
    assert {f.severity for f in findings(text)} <= {"warning", "info"}


# --- general.vague_outcome ------------------------------------------------------------------------


def test_it_flags_an_outcome_claimed_without_a_measure():
    text = artifact(reflection="Documentation improved a lot after the change. Everyone was happy with it.")
    assert covered(text, "general.vague_outcome") == ["Documentation improved a lot after the change."]
    (item,) = findings(text, "general.vague_outcome")
    assert item.field == "reflection"
    assert item.severity == "warning"
    assert item.row == DOCUMENTATION
    assert "improved" in item.message


def test_it_does_not_flag_an_outcome_with_numbers_or_an_assist_level():
    assert (
        findings(
            artifact(reflection="LB dressing improved from Mod A to supervision in 3 weeks."), "general.vague_outcome"
        )
        == []
    )
    assert (
        findings(artifact(reflection="Her transfers improved to independent with a grab bar."), "general.vague_outcome")
        == []
    )


def test_it_does_not_flag_a_goal_or_a_plan_as_an_outcome_claim():
    text = artifact(plan="Client will show improved tolerance for standing tasks. I hope her balance gets better.")
    assert findings(text, "general.vague_outcome") == []


def test_it_does_not_flag_a_claim_backed_by_numbers_in_an_outcome_section():
    text = artifact(
        reflection="Things went well overall and the team felt it worked well.",
        follow_up="Late notes fell from 14 to 2 a week.",
    )
    assert findings(text, "general.vague_outcome") == []


@pytest.mark.parametrize(
    ("kind", "field"),
    [("case_writeup", "follow_up"), ("caseload_note", "measures"), ("workflow_safeguards", "verification")],
)
def test_it_leaves_sections_with_their_own_outcome_check_to_that_check(kind, field):
    assert findings(artifact(kind, **{field: "Her mood improved."}), "general.vague_outcome") == []


def test_it_does_not_flag_a_progress_report_as_a_progress_claim():
    text = artifact("workflow_safeguards", timing="Progress reports are written at the end of each month.")
    assert findings(text, "general.vague_outcome") == []


def test_it_files_a_vague_outcome_under_the_kinds_first_row_when_it_does_not_prove_documentation():
    text = artifact("scope_cut_log", protected="Quality got better after we cut the extra forms.")
    (item,) = findings(text, "general.vague_outcome")
    assert item.row == TIME_MANAGEMENT


def test_it_caps_the_number_of_vague_outcome_findings():
    text = artifact(reflection="Her mood improved. " * 20)
    assert len(findings(text, "general.vague_outcome")) == general.MAX_SENTENCE_FINDINGS


# --- general.no_stakeholder -----------------------------------------------------------------------


FACELESS = (
    "The form had twelve fields and a free-text box. Fields were filled in order, saved every minute, and "
    "checked at the end for blanks. The free-text box took most of the effort because it asked for detail "
    "about timing, precautions and what changed since the last entry, and it was often left short."
)


def test_it_flags_an_artifact_that_names_no_one():
    text = artifact("workflow_safeguards", workflow=FACELESS)
    (item,) = findings(text, "general.no_stakeholder")
    assert item.field == "workflow"
    assert (item.start, item.end) == (0, len(FACELESS))
    assert item.severity == "warning"
    assert item.row == DOCUMENTATION


def test_it_does_not_flag_an_artifact_that_names_a_role():
    text = artifact("workflow_safeguards", workflow=FACELESS + " The RN reviews it before signing.")
    assert findings(text, "general.no_stakeholder") == []
    text = artifact("workflow_safeguards", workflow=FACELESS.replace("The form", "The client's form"))
    assert findings(text, "general.no_stakeholder") == []


def test_it_does_not_judge_a_short_artifact_for_missing_stakeholders():
    assert (
        findings(
            artifact("workflow_safeguards", workflow="Fields are filled in order and saved."), "general.no_stakeholder"
        )
        == []
    )


def test_it_only_notes_a_missing_stakeholder_in_a_definitions_note():
    (item,) = findings(artifact("definitions_note", terms=FACELESS), "general.no_stakeholder")
    assert item.severity == "info"


# --- general.no_constraint ------------------------------------------------------------------------


UNCONSTRAINED = (
    "Client A wanted to cook for her family again. I taught her to slide pots along the counter, set up the "
    "kitchen with the heavy items at waist height, and practised a simple recipe with her and her husband. "
    "She chose soup, then pasta, then a roast for the weekend."
)


def test_it_flags_a_story_that_names_no_constraint():
    text = artifact("conflict_story", situation=UNCONSTRAINED)
    (item,) = findings(text, "general.no_constraint")
    assert item.field == "situation"
    assert (item.start, item.end) == (0, len(UNCONSTRAINED))
    assert item.severity == "warning"
    assert item.row == ASSESSMENT


def test_it_does_not_flag_a_story_that_names_its_constraint():
    text = artifact("conflict_story", situation=UNCONSTRAINED + " We had only 4 visits because of her insurance.")
    assert findings(text, "general.no_constraint") == []
    text = artifact("conflict_story", situation=UNCONSTRAINED.replace("again.", "again, limited by hand weakness."))
    assert findings(text, "general.no_constraint") == []


@pytest.mark.parametrize(
    "named",
    [
        " The limiting factor turned out to be her fear of the hot stove.",
        " Her husband works nights, so evenings were hers alone to manage.",
        " He has no car and the store is a bus ride away.",
    ],
)
def test_a_constraint_named_as_such_or_stated_as_a_fact_counts(named):
    text = artifact("conflict_story", situation=UNCONSTRAINED + named)
    assert findings(text, "general.no_constraint") == []


def test_a_story_with_a_fact_that_limits_nothing_still_names_no_constraint():
    text = artifact("conflict_story", situation=UNCONSTRAINED + " Her husband works at the library.")
    assert len(findings(text, "general.no_constraint")) == 1


def test_it_leaves_a_case_write_ups_missing_constraint_to_the_case_checks():
    assert findings(artifact(context=UNCONSTRAINED), "general.no_constraint") == []


def test_it_only_notes_a_missing_constraint_where_the_kind_is_not_a_story():
    (item,) = findings(artifact("education_script", script=UNCONSTRAINED), "general.no_constraint")
    assert item.severity == "info"
    assert item.row == KINDS_BY_KEY["education_script"].proves[0]


def test_it_files_a_missing_constraint_under_the_kinds_first_row_when_it_does_not_prove_assessment():
    (item,) = findings(artifact("plan_of_care", problem=UNCONSTRAINED), "general.no_constraint")
    assert item.row == ASSESSMENT
    (item,) = findings(artifact("scope_cut_log", context=UNCONSTRAINED), "general.no_constraint")
    assert item.row == TIME_MANAGEMENT


def test_it_does_not_judge_a_short_artifact_for_a_missing_constraint():
    assert findings(artifact(context="Client A wanted to cook again."), "general.no_constraint") == []


# --- general.vague_escalation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "wording"),
    [
        ("Escalate concerns as needed.", "as needed"),
        ("Notify appropriate staff of any issues.", "appropriate staff"),
        ("Inform the relevant people if necessary.", "relevant people"),
    ],
)
def test_it_flags_an_escalation_with_no_role_and_no_trigger(sentence, wording):
    text = artifact("handoff_template", contingencies=f"Keep the handoff short. {sentence}")
    (item,) = findings(text, "general.vague_escalation")
    assert covered(text, "general.vague_escalation") == [sentence]
    assert item.field == "contingencies"
    assert item.row == DOCUMENTATION
    assert wording in item.message


@pytest.mark.parametrize(
    "sentence",
    [
        "If SpO2 stays below 90% after 2 minutes of rest, notify the RN.",
        "Escalate to the charge nurse as needed.",
        "Notify appropriate staff if BP drops below 90/60.",
        "Escalation: call the rapid response team for chest pain.",
        "Review the plan as needed.",
        "Call light within reach; use as needed.",
        "Pt alert and oriented; Min A as needed.",
        "Contact guard assist as needed for tub transfers.",
        "Raise the bed as needed for transfers.",
    ],
)
def test_it_does_not_flag_an_escalation_with_a_role_or_a_trigger(sentence):
    assert findings(artifact("handoff_template", contingencies=sentence), "general.vague_escalation") == []


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("handoff_template", "escalation"),
        ("sop_checklist", "escalation"),
        ("sop_checklist", "items"),
        ("caseload_note", "escalation"),
    ],
)
def test_it_leaves_sections_with_their_own_escalation_check_to_that_check(kind, field):
    assert findings(artifact(kind, **{field: "Escalate as needed."}), "general.vague_escalation") == []


def test_it_files_a_vague_escalation_under_the_kinds_first_row_when_it_does_not_prove_documentation():
    (item,) = findings(artifact("before_after", change="Escalate as needed."), "general.vague_escalation")
    assert item.row == ASSESSMENT
    (item,) = findings(artifact("plan_of_care", interventions="Notify appropriate staff."), "general.vague_escalation")
    assert item.row == PLAN_OF_CARE


def test_it_counts_a_written_barriers_section_as_a_named_constraint():
    text = artifact("education_script", script=UNCONSTRAINED, barriers="She is busy with her grandchildren.")
    assert findings(text, "general.no_constraint") == []
