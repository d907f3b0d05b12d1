"""Track overlays: the rules each practice setting adds (outpatient, acute, inpatient rehab, home health, pediatrics)."""

from __future__ import annotations

import pytest

from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import overlays
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import ASSESSMENT, DOCUMENTATION, PLAN_OF_CARE
from portfolios.tracks import TRACK_KEYS
from tests.rubric.texts import artifact_text

GOOD_SCHEDULE = "2x/week for 8 weeks; progress report at least once every 10 treatment days."


def artifact(kind: str, track: str, **fields: str) -> ArtifactText:
    written = dict.fromkeys(KINDS_BY_KEY[kind].section_keys, "")
    written.update(fields)
    return artifact_text(kind, track, written)


def fired(text: ArtifactText, check: str) -> list[Finding]:
    return [item for item in overlays.check(text) if item.check == check]


def only(text: ArtifactText, check: str) -> Finding:
    found = fired(text, check)
    assert len(found) == 1, found
    return found[0]


def spanned(text: ArtifactText, item: Finding) -> str:
    return text.text(item.field)[item.start : item.end]


def test_empty_drafts_get_no_overlay_findings_on_any_track():
    for track in TRACK_KEYS:
        for kind in ("plan_of_care", "case_writeup", "handoff_template", "caseload_note"):
            assert list(overlays.check(artifact(kind, track))) == []


# --- Outpatient -----------------------------------------------------------------------------------
def outpatient_plan(**fields: str) -> ArtifactText:
    return artifact("plan_of_care", "outpatient", **{"frequency_duration": GOOD_SCHEDULE, **fields})


def test_a_complete_outpatient_schedule_raises_no_overlay_finding():
    assert list(overlays.check(outpatient_plan())) == []


def test_it_flags_a_schedule_with_no_frequency():
    text = outpatient_plan(frequency_duration="For 8 weeks; progress report every 10 visits.")
    item = only(text, "overlay.outpatient.frequency")
    assert (item.field, item.row, item.severity) == ("frequency_duration", PLAN_OF_CARE, "warning")
    assert spanned(text, item) == "For 8 weeks; progress report every 10 visits."


@pytest.mark.parametrize("frequency", ["3x/wk", "2-3 x per week", "twice a week", "BIW", "2 visits/week"])
def test_it_reads_frequencies_as_clinicians_write_them(frequency):
    text = outpatient_plan(frequency_duration=f"{frequency} for 6 weeks; progress report every 10 visits.")
    assert fired(text, "overlay.outpatient.frequency") == []


def test_it_flags_a_schedule_with_no_duration_and_does_not_take_the_report_cadence_for_one():
    text = outpatient_plan(frequency_duration="2x/week; progress report every 10 treatment days.")
    item = only(text, "overlay.outpatient.duration")
    assert (item.start, item.end) == (0, len(text.text("frequency_duration")))


def test_a_duration_beyond_the_90_day_certification_is_an_error_on_those_words():
    text = outpatient_plan(frequency_duration="3x/week for 4 months; progress report every 10 visits.")
    item = only(text, "overlay.outpatient.certification_period")
    assert (item.severity, spanned(text, item)) == ("error", "4 months")


def test_a_duration_in_visits_is_converted_with_the_frequency():
    long_plan = outpatient_plan(frequency_duration="2x/week for 30 visits; progress report every 10 visits.")
    short_plan = outpatient_plan(frequency_duration="2x/week for 24 visits; progress report every 10 visits.")
    assert spanned(long_plan, only(long_plan, "overlay.outpatient.certification_period")) == "30 visits"
    assert fired(short_plan, "overlay.outpatient.certification_period") == []


def test_it_flags_a_plan_of_care_that_states_no_progress_report_cadence():
    item = only(outpatient_plan(frequency_duration="2x/week for 8 weeks."), "overlay.outpatient.progress_report")
    assert (item.severity, item.field) == ("warning", "frequency_duration")


def test_a_progress_report_every_12_visits_is_an_error_on_the_cadence():
    text = outpatient_plan(frequency_duration="2x/week for 8 weeks; progress report every 12 visits.")
    item = only(text, "overlay.outpatient.progress_report")
    assert (item.severity, spanned(text, item)) == ("error", "every 12 visits")


def test_a_calendar_cadence_is_turned_into_treatment_days_with_the_frequency():
    too_rare = outpatient_plan(frequency_duration="3x/week for 8 weeks; progress report every 4 weeks.")
    often_enough = outpatient_plan(frequency_duration="2x/week for 8 weeks; progress report every 4 weeks.")
    assert only(too_rare, "overlay.outpatient.progress_report").severity == "error"
    assert fired(often_enough, "overlay.outpatient.progress_report") == []


def test_a_cadence_stated_in_another_section_counts():
    text = outpatient_plan(
        frequency_duration="2x/week for 8 weeks.", interventions="Progress report every 10th visit covering each goal."
    )
    assert fired(text, "overlay.outpatient.progress_report") == []


def test_a_certification_signed_later_than_30_days_is_an_error():
    text = outpatient_plan(frequency_duration=f"{GOOD_SCHEDULE} Certification signed within 45 days.")
    item = only(text, "overlay.outpatient.certification")
    assert (item.severity, item.row) == ("error", DOCUMENTATION)
    assert spanned(text, item) == "Certification signed within 45 days"
    fine = outpatient_plan(frequency_duration=f"{GOOD_SCHEDULE} Certification signed within 30 days.")
    assert fired(fine, "overlay.outpatient.certification") == []


@pytest.mark.parametrize(
    ("year", "wrong", "right"), [(2024, "$2,410", "$2,330"), (2025, "$2,330", "$2,410"), (2026, "$2410", "$2,480")]
)
def test_a_kx_threshold_cited_for_the_wrong_year_is_an_error_in_any_kind(year, wrong, right):
    text = artifact(
        "caseload_note", "outpatient", context=f"In {year} the KX threshold is {wrong}, so we track it weekly."
    )
    item = only(text, "overlay.outpatient.kx_threshold")
    assert (item.severity, item.field, spanned(text, item)) == ("error", "context", wrong)
    assert right in item.message
    correct = artifact("caseload_note", "outpatient", context=f"In {year} the KX threshold is {right}.")
    assert fired(correct, "overlay.outpatient.kx_threshold") == []


def test_a_blank_schedule_is_reported_once_per_missing_rule_at_the_start_of_the_section():
    found = list(overlays.check(outpatient_plan(frequency_duration="", problem="Client requires Mod A.")))
    assert sorted((item.check, item.field, item.start, item.end) for item in found) == [
        ("overlay.outpatient.duration", "frequency_duration", 0, 0),
        ("overlay.outpatient.frequency", "frequency_duration", 0, 0),
        ("overlay.outpatient.progress_report", "frequency_duration", 0, 0),
    ]


def test_a_blank_step_of_a_case_walk_is_left_to_case_flow():
    text = artifact("case_writeup", "acute", context="Client A, 70, acute.", handoffs="BP 90/60; precautions: NWB.")
    assert fired(text, "overlay.acute.discharge_recommendation") == []


# --- Acute ------------------------------------------------------------------------------------------
def test_an_acute_handoff_template_needs_a_discharge_recommendation_precautions_and_vitals():
    text = artifact("handoff_template", "acute", required_items="Assist level, DME, cognition.")
    for check in ("overlay.acute.discharge_recommendation", "overlay.acute.precautions", "overlay.acute.vitals"):
        item = only(text, check)
        assert (item.field, item.row, item.severity) == ("required_items", ASSESSMENT, "warning")
        assert (item.start, item.end) == (0, 29)


def test_a_complete_acute_handoff_template_passes():
    text = artifact(
        "handoff_template",
        "acute",
        required_items="Precautions (WBAT, posterior hip), vitals response (BP, SpO2), discharge recommendation.",
    )
    assert list(overlays.check(text)) == []


def test_vital_sign_abbreviations_must_be_written_as_abbreviations():
    text = artifact("handoff_template", "acute", required_items="Pt sat at edge of bed; map of the unit; NWB LLE.")
    assert len(fired(text, "overlay.acute.vitals")) == 1
    assert fired(artifact("handoff_template", "acute", required_items="HR 88, NWB LLE."), "overlay.acute.vitals") == []


def test_an_acute_case_write_up_needs_a_discharge_destination_next_to_a_recommendation():
    text = artifact(
        "case_writeup", "acute", assessment="Lives at home. Hip precautions. BP stable.", plan="Trained LB dressing."
    )
    item = only(text, "overlay.acute.discharge_recommendation")
    assert item.field == "plan"
    recommended = artifact(
        "case_writeup", "acute", assessment="Hip precautions. BP stable.", plan="I recommended SNF for 2 weeks."
    )
    assert list(overlays.check(recommended)) == []


# --- Inpatient rehab --------------------------------------------------------------------------------
def rehab_plan(**fields: str) -> ArtifactText:
    written = {
        "baseline": "LB dressing (GG0130H): 02.",
        "long_term_goals": "Client will complete LB dressing at GG 04 using a reacher by discharge.",
        "frequency_duration": "OT 90 min/day, 5 days/week; weekly interdisciplinary team conference.",
        **fields,
    }
    return artifact("plan_of_care", "inpatient_rehab", **written)


def test_a_complete_inpatient_rehab_plan_passes():
    assert list(overlays.check(rehab_plan())) == []


def test_it_flags_inpatient_rehab_goals_without_gg_codes():
    text = rehab_plan(long_term_goals="Client will complete LB dressing with supervision using a reacher by discharge.")
    item = only(text, "overlay.inpatient_rehab.gg_codes")
    assert (item.field, item.start, item.end) == ("long_term_goals", 0, len(text.text("long_term_goals")))


def test_it_flags_gg_goals_without_admission_scores_to_pair_with():
    text = rehab_plan(baseline="Needs help with dressing.")
    assert only(text, "overlay.inpatient_rehab.gg_pairs").field == "long_term_goals"
    paired_in_goal = rehab_plan(baseline="", long_term_goals="LB dressing (GG0130H): admission 02, discharge goal 04.")
    assert fired(paired_in_goal, "overlay.inpatient_rehab.gg_pairs") == []


def test_it_flags_a_missing_team_conference_and_therapy_intensity():
    text = rehab_plan(frequency_duration="Daily OT.")
    assert only(text, "overlay.inpatient_rehab.team_conference").field == "frequency_duration"
    assert only(text, "overlay.inpatient_rehab.intensity").field == "frequency_duration"


# --- Home health ------------------------------------------------------------------------------------
def test_a_home_health_plan_needs_reassessment_homebound_status_and_skilled_need():
    text = artifact(
        "plan_of_care", "home_health", problem="Needs help bathing.", frequency_duration="2x/week for 4 weeks."
    )
    assert only(text, "overlay.home_health.reassessment").field == "frequency_duration"
    assert only(text, "overlay.home_health.homebound").field == "problem"
    assert only(text, "overlay.home_health.skilled_need").field == "problem"


def test_a_reassessment_further_apart_than_30_days_is_an_error():
    text = artifact(
        "plan_of_care",
        "home_health",
        problem="Homebound: leaving home is a taxing effort. Skilled OT for tub transfers.",
        frequency_duration="2x/week for 8 weeks; OT reassessment every 60 days.",
    )
    item = only(text, "overlay.home_health.reassessment")
    assert (item.severity, spanned(text, item)) == ("error", "every 60 days")


def test_a_home_health_caseload_note_with_every_item_passes():
    text = artifact(
        "caseload_note",
        "home_health",
        documentation="Same-day notes; OT reassessment at least every 30 days; homebound status and skilled need in each.",
    )
    assert list(overlays.check(text)) == []


# --- Pediatrics -------------------------------------------------------------------------------------
def test_school_goals_need_a_student_subject_a_school_context_and_a_trials_criterion():
    text = artifact(
        "plan_of_care",
        "pediatrics",
        long_term_goals="Client will improve handwriting.",
        frequency_duration="30 min/week.",
    )
    for check in ("overlay.pediatrics.goal_subject", "overlay.pediatrics.context", "overlay.pediatrics.criterion"):
        item = only(text, check)
        assert (item.field, item.start, item.end, item.row) == ("long_term_goals", 0, 32, PLAN_OF_CARE)


def test_school_plans_need_a_measurement_method_and_a_report_schedule():
    text = artifact(
        "plan_of_care",
        "pediatrics",
        long_term_goals="Student will write his name on lined paper in the classroom in 4/5 trials by the IEP review.",
        frequency_duration="30 min/week.",
    )
    assert only(text, "overlay.pediatrics.progress_measurement").field == "frequency_duration"
    assert only(text, "overlay.pediatrics.report_schedule").field == "frequency_duration"
    complete = artifact(
        "plan_of_care",
        "pediatrics",
        long_term_goals="Student will write his name on lined paper in the classroom in 4/5 trials by the IEP review.",
        frequency_duration="30 min/week; progress measured with work samples; reported to parents quarterly.",
    )
    assert list(overlays.check(complete)) == []


def test_overlays_stay_off_kinds_their_rules_do_not_cover():
    script = artifact("education_script", "pediatrics", script="Show me how you would put on the splint.")
    assert list(overlays.check(script)) == []
    assert list(overlays.check(artifact("plan_of_care", "acute", problem="Needs Mod A."))) == []


def test_any_text_gives_spans_inside_its_section():
    odd = "İİ KX $2,330 2025 every 99 visits 9x/wk for 40 months reassess every 90 days\u2028“x”\r\n" * 10
    for track in TRACK_KEYS:
        for kind in ("plan_of_care", "case_writeup", "handoff_template", "caseload_note"):
            fields = dict.fromkeys(KINDS_BY_KEY[kind].section_keys, odd)
            for item in overlays.check(artifact_text(kind, track, fields)):
                assert 0 <= item.start <= item.end <= len(fields[item.field]), item


def test_a_recertification_date_in_the_next_clause_is_not_read_as_the_progress_report_cadence():
    from portfolios.kinds import get_kind

    spec = get_kind("plan_of_care").spec
    fields = dict.fromkeys(spec.section_keys, "")
    fields["frequency_duration"] = "2x/week for 8 weeks; progress report every 10 treatment days; recertify at 8 weeks."
    found = [f.check for f in overlays.check(artifact_text("plan_of_care", "outpatient", fields, spec))]
    assert "overlay.outpatient.progress_report" not in found
    fields["frequency_duration"] = "2x/week for 8 weeks; progress report at 8 weeks."
    found = [f.check for f in overlays.check(artifact_text("plan_of_care", "outpatient", fields, spec))]
    assert "overlay.outpatient.progress_report" in found
