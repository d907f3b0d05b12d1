"""The kind and track catalog: complete, consistent, and worded from the reports."""

import pytest

from portfolios.kinds import CORE_KIND_KEYS, KINDS, KINDS_BY_KEY, SECTION_MAX_CHARS, get_kind
from portfolios.rubric.rows import ROW_KEYS
from portfolios.tracks import TRACK_KEYS, TRACKS

REQUIRED_KINDS = {
    "handoff_template",
    "sop_checklist",
    "case_writeup",
    "plan_of_care",
    "education_script",
    "caseload_note",
    "workflow_safeguards",
    "setting_fit_questions",
    "stakeholder_memo",
    "before_after",
    "bad_news_update",
    "metric_definition",
    "scope_cut_log",
    "conflict_story",
    "qa_page",
    "definitions_note",
}


def test_every_kind_the_reports_list_is_in_the_catalog():
    assert set(KINDS_BY_KEY) >= REQUIRED_KINDS


@pytest.mark.parametrize(
    ("kind", "sections"),
    [
        ("case_writeup", ["context", "assessment", "plan", "documentation", "follow_up", "handoffs", "reflection"]),
        (
            "plan_of_care",
            [
                "problem",
                "baseline",
                "long_term_goals",
                "short_term_goals",
                "interventions",
                "frequency_duration",
                "discharge_criteria",
            ],
        ),
        ("education_script", ["main_message", "audience", "script", "teach_back", "barriers", "response"]),
    ],
)
def test_core_kinds_have_exactly_the_agreed_section_keys(kind, sections):
    assert list(get_kind(kind).section_keys) == sections


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_every_kind_is_complete_data(kind):
    assert kind.title and kind.purpose
    assert kind.proves and set(kind.proves) <= set(ROW_KEYS)
    assert len(kind.section_keys) == len(set(kind.section_keys)) >= 3
    assert any(section.required for section in kind.sections)
    for section in kind.sections:
        assert section.key.isidentifier() and section.label and len(section.guidance) > 20


def test_the_tracks_are_the_five_settings():
    assert TRACK_KEYS == ("outpatient", "acute", "inpatient_rehab", "home_health", "pediatrics")
    assert [track.name for track in TRACKS] == [
        "Outpatient",
        "Inpatient/acute care",
        "Inpatient rehab",
        "Home health",
        "Pediatrics/specialty",
    ]


@pytest.mark.parametrize("track", TRACKS, ids=lambda track: track.key)
def test_every_track_recommends_the_core_kinds_first(track):
    assert track.recommended_kinds[:3] == CORE_KIND_KEYS
    assert len(set(track.recommended_kinds)) == len(track.recommended_kinds)
    assert track.summary and track.what_changes


@pytest.mark.parametrize("track", TRACKS, ids=lambda track: track.key)
def test_every_tracks_starter_set_covers_all_five_rubric_rows(track):
    proved = {row for key in track.recommended_kinds for row in KINDS_BY_KEY[key].proves}
    assert proved == set(ROW_KEYS)


def test_acute_care_recommends_a_patient_education_script():
    assert "education_script" in TRACKS[1].recommended_kinds


def test_core_kinds_are_the_three_the_reports_ask_for():
    assert set(CORE_KIND_KEYS) == {"handoff_template", "sop_checklist", "case_writeup"}


def test_unknown_kind_is_a_key_error():
    with pytest.raises(KeyError):
        get_kind("resume")


def test_section_limit_is_twenty_thousand_characters():
    assert SECTION_MAX_CHARS == 20_000


def test_no_section_uses_a_name_the_editor_form_posts_itself():
    # metric_definition once had a section "action", overwritten by the Save button's value (found by fuzzing).
    from portfolios.kinds import RESERVED_SECTION_KEYS

    for kind in KINDS:
        assert not RESERVED_SECTION_KEYS.intersection(kind.section_keys), kind.key
