"""Reading a job posting and weighing checked evidence against it (pure: no database)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portfolios.job_posting import (
    BANDS,
    CONSUMER,
    ENTERPRISE,
    MUST,
    NICE,
    PostingProfile,
    Proof,
    gap_bands,
    lead_kinds,
    overall_fit,
    read_posting,
    suggested_kind,
    term_pattern,
)
from portfolios.kinds import KINDS_BY_KEY
from portfolios.tracks import TRACK_KEYS

OUTPATIENT = """\
Occupational Therapist – Outpatient Orthopedic Clinic

Summit Physical Therapy & Hand Center is hiring a full-time OT for our busy outpatient clinic.
Most of our patients are covered by Medicare Part B, commercial insurance or workers' compensation.

Responsibilities:
- Perform initial evaluations and re-evaluations using standardized assessments
- Write plans of care with measurable, functional goals
- Educate patients on home exercise programs
- Maintain an 85% productivity standard and close daily notes within 24 hours in WebPT
- Coordinate care with referring physicians and our PT team

Preferred Qualifications:
- Certified Hand Therapist (CHT) or hand therapy experience
- Familiarity with prior authorization workflows

Benefits:
- Continuing education stipend, 401(k) match, flexible schedule
"""

ACUTE = """\
## Occupational Therapist II – Acute Care (Per Diem)

Mercy Regional Medical Center, a Level I trauma center, seeks an OT for the ICU and med-surg floors.

## What you'll do
* Complete OT evaluations and give discharge recommendations to the case manager and hospitalist
* Prioritize a high-volume caseload of 12-14 patients per day
* Hand off precautions and vitals response to nursing at every shift change
* Document in Epic the same day

## Requirements
* Current state OT license and BLS required
* 1+ year of hospital experience

## Nice to have
* Early mobility program experience
* Experience with Medicare Part A documentation
"""

INPATIENT_REHAB = """\
INPATIENT REHABILITATION OCCUPATIONAL THERAPIST

Join the interdisciplinary team at Lakeside Rehabilitation Hospital, a CARF-accredited IRF.

RESPONSIBILITIES
- Score Section GG self-care items at admission and discharge and enter them in the IRF-PAI
- Deliver 3 hours of therapy per day under the 3-hour rule alongside PT and SLP
- Present patient goals and progress at the weekly team conference
- Train caregivers before discharge

PREFERRED
- Experience with spinal cord injury and brain injury programs
- Prior use of Cerner
"""

HOME_HEALTH = """\
Home Health Occupational Therapist (Field Clinician)

BrightPath Home Care visits homebound patients across three counties. Mileage is reimbursed.

What you'll do:
1. Complete OASIS start-of-care and recertification visits
2. Teach caregivers and family members safe bathing and transfer techniques
3. Keep 5-6 visits per day and sync documentation at the point of service
4. Communicate with the RN case manager and the patient's physician

Qualifications:
- 2 years of home health experience required
- Knowledge of PDGM and Medicare Part A

Nice to have: experience supervising a COTA.
"""

PEDIATRICS = """\
School-Based Pediatric Occupational Therapist (2025-26 school year)

Riverbend School District is looking for an OT to support students in grades K-5.

Responsibilities
- Evaluate students with the BOT-2 and Sensory Profile and write IEP goals
- Consult with teachers, paraprofessionals and parents on classroom strategies
- Manage a caseload of 45 students and bill school-based Medicaid
- Attend IEP meetings and write progress reports each quarter

Preferred Qualifications
- Early intervention or IFSP experience
- Handwriting Without Tears training
"""

ENTERPRISE_POSTING = """\
Occupational Therapist – Health System Rehab Operations

Our 14-hospital health system is standardizing rehab documentation ahead of an Epic rollout.

Responsibilities:
- Serve as OT super-user during the EHR implementation and integration with our billing vendor
- Lead quarterly chart audits to prepare for Joint Commission and CMS survey readiness
- Partner with Compliance and rehab directors on policies and procedures
- Support procurement decisions for adaptive equipment under new vendor contracts

Requirements:
- 3+ years of acute care experience
- Experience with regulatory compliance and accreditation surveys is required
"""

CONSUMER_POSTING = """\
Occupational Therapist – Virtual Pediatric Feeding Startup (Remote)

We're a cash-pay, direct-to-consumer telehealth practice helping families with picky eaters.

What you'll do:
- Coach parents through weekly video sessions and in-app messaging
- Own patient satisfaction: we track NPS after every visit and read every online review
- Work with Growth and Customer Support to cut churn after the first month
- Help marketing explain outcomes in plain language

Nice to have:
- Experience with subscription or membership models
"""

NOTHING = """\
Barista – Downtown Café

Pull espresso shots, steam milk and keep the bar tidy. Weekend availability.
Free drinks on shift and a friendly crew.
"""


def _texts(spans):
    return [span.text for span in spans]


def _tag(tags, key):
    return next(tag for tag in tags if tag.key == key)


def _row(profile, key):
    return next(row for row in profile.rows if row.row == key)


def _weights(profile):
    return {row.row: row.weight for row in profile.rows}


# --- setting ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("posting", "setting", "evidence"),
    [
        (OUTPATIENT, "outpatient", ["Outpatient", "outpatient clinic", "Medicare Part B", "Certified Hand Therapist"]),
        (ACUTE, "acute", ["Acute Care", "ICU", "trauma center", "hospital"]),
        (INPATIENT_REHAB, "inpatient_rehab", ["INPATIENT REHABILITATION", "Rehabilitation Hospital", "IRF"]),
        (HOME_HEALTH, "home_health", ["Home Health", "Home Care", "homebound", "OASIS"]),
        (PEDIATRICS, "pediatrics", ["School-Based", "Pediatric", "School District", "IEP"]),
    ],
)
def test_it_tags_each_setting_with_its_evidence(posting, setting, evidence):
    profile = read_posting(posting)
    assert setting in TRACK_KEYS
    assert profile.setting.key == setting
    assert set(evidence) <= set(_texts(profile.setting.evidence))
    assert profile.setting.scores[0][0] == setting


def test_a_longer_setting_term_wins_over_the_shorter_one_inside_it():
    profile = read_posting("We are an acute rehab unit (acute inpatient rehabilitation).")
    assert profile.setting.key == "inpatient_rehab"
    assert "acute" not in dict(profile.setting.scores)


def test_an_even_split_between_settings_is_unclear_and_keeps_all_the_evidence():
    profile = read_posting("Split role: outpatient mornings, home health afternoons.")
    assert profile.setting.key is None
    assert _texts(profile.setting.evidence) == ["outpatient", "home health"]


def test_repeating_a_setting_term_adds_no_weight():
    one = read_posting("Outpatient role. Home health visits and homebound patients.")
    many = read_posting("Outpatient role. " * 20 + "Home health visits and homebound patients.")
    assert one.setting.key == many.setting.key == "home_health"
    assert dict(one.setting.scores) == dict(many.setting.scores)


# --- industry -----------------------------------------------------------------------------------


def test_it_reads_an_enterprise_posting():
    profile = read_posting(ENTERPRISE_POSTING)
    assert profile.industry.key == ENTERPRISE
    found = {text.casefold() for text in _texts(profile.industry.evidence)}
    assert {
        "joint commission",
        "survey readiness",
        "procurement",
        "ehr implementation",
        "epic rollout",
        "audits",
    } <= found
    assert "compliance" in found


def test_it_reads_a_consumer_posting():
    profile = read_posting(CONSUMER_POSTING)
    assert profile.industry.key == CONSUMER
    found = {text.casefold() for text in _texts(profile.industry.evidence)}
    assert {"cash-pay", "direct-to-consumer", "patient satisfaction", "nps", "online review", "churn"} <= found
    assert {"customer support", "marketing", "subscription"} <= found


def test_a_plain_clinical_posting_has_no_industry():
    assert read_posting(INPATIENT_REHAB).industry.key is None


# --- payer, productivity, stakeholders ---------------------------------------------------------


def test_it_tags_payer_terms_with_their_spans():
    outpatient = read_posting(OUTPATIENT)
    keys = [tag.key for tag in outpatient.payers]
    assert keys == ["medicare_part_b", "managed_care", "prior_authorization", "workers_comp"]
    assert _texts(_tag(outpatient.payers, "workers_comp").spans) == ["workers' compensation"]
    home = read_posting(HOME_HEALTH)
    assert {"medicare_part_a", "pdgm", "oasis"} <= {tag.key for tag in home.payers}
    assert "medicare" not in {tag.key for tag in home.payers}  # "Medicare Part A" is one span, not two
    assert "medicaid" in {tag.key for tag in read_posting(PEDIATRICS).payers}
    rehab = read_posting(INPATIENT_REHAB)
    assert {"section_gg", "irf_pai"} <= {tag.key for tag in rehab.payers}


def test_it_tags_productivity_terms_with_their_numbers():
    outpatient = read_posting(OUTPATIENT)
    assert _texts(_tag(outpatient.productivity, "productivity").spans) == ["85% productivity standard"]
    assert _texts(_tag(outpatient.productivity, "documentation_turnaround").spans) == ["within 24 hours"]
    acute = read_posting(ACUTE)
    assert _texts(_tag(acute.productivity, "visits").spans) == ["12-14 patients per day"]
    home = read_posting(HOME_HEALTH)
    assert _texts(_tag(home.productivity, "visits").spans) == ["5-6 visits per day"]
    assert _texts(_tag(home.productivity, "documentation_turnaround").spans) == [
        "documentation at the point of service"
    ]
    peds = read_posting(PEDIATRICS)
    assert _texts(_tag(peds.productivity, "caseload").spans) == ["caseload of 45"]
    assert _texts(_tag(read_posting("RVU targets apply.").productivity, "rvu").spans) == ["RVU"]


def test_it_names_the_stakeholders():
    acute = {tag.key for tag in read_posting(ACUTE).stakeholders}
    assert {"nurses", "physicians", "case_managers"} <= acute
    peds = read_posting(PEDIATRICS)
    assert {"teachers", "families"} <= {tag.key for tag in peds.stakeholders}
    assert _texts(_tag(peds.stakeholders, "teachers").spans) == ["teachers", "paraprofessionals"]
    rehab = {tag.key for tag in read_posting(INPATIENT_REHAB).stakeholders}
    assert {"interdisciplinary_team", "physical_therapists", "speech_therapists", "families"} <= rehab
    enterprise = {tag.key for tag in read_posting(ENTERPRISE_POSTING).stakeholders}
    assert {"compliance", "administrators", "vendors"} <= enterprise
    home = {tag.key for tag in read_posting(HOME_HEALTH).stakeholders}
    assert {"nurses", "case_managers", "physicians", "families", "ot_assistants"} <= home


def test_short_acronyms_keep_their_case_so_ordinary_words_do_not_match():
    profile = read_posting("Please pt your name here, or md5 it; iep is not a word.")
    assert profile.stakeholders == ()
    assert profile.setting.key is None
    assert [tag.key for tag in read_posting("Works with PTs and SLPs daily.").stakeholders] == [
        "physical_therapists",
        "speech_therapists",
    ]


# --- rows: must-have and nice-to-have ---------------------------------------------------------


def test_it_marks_rows_under_requirements_as_must_and_under_preferred_as_nice():
    outpatient = read_posting(OUTPATIENT)
    assert _weights(outpatient) == {
        "time_management": MUST,
        "documentation": MUST,
        "plan_of_care": MUST,
        "patient_education": MUST,
        "assessment": MUST,
    }
    mention = _row(outpatient, "plan_of_care").mentions[0]
    assert (mention.span.text, mention.cue) == ("plans of care", "under \u201cResponsibilities\u201d")


def test_the_same_term_is_must_under_requirements_and_nice_under_preferred():
    required = read_posting("Requirements:\n- Caregiver training experience\n\nPreferred:\n- Spanish\n")
    preferred = read_posting("Requirements:\n- Spanish\n\nPreferred:\n- Caregiver training experience\n")
    assert _weights(required) == {"patient_education": MUST}
    assert _weights(preferred) == {"patient_education": NICE}
    assert _row(preferred, "patient_education").mentions[0].cue == "under \u201cPreferred\u201d"


def test_the_same_term_is_must_or_nice_from_a_word_in_its_sentence():
    assert _weights(read_posting("Experience writing treatment plans is required.")) == {"plan_of_care": MUST}
    assert _weights(read_posting("Experience writing treatment plans is preferred.")) == {"plan_of_care": NICE}
    assert _weights(read_posting("You must document every visit.")) == {"documentation": MUST}
    assert _weights(read_posting("Goniometry skills are a plus.")) == {"assessment": NICE}
    # A sentence's own word outranks its section, and the nearest word wins.
    mixed = read_posting("Requirements:\n- Epic is preferred; standardized testing is essential.\n")
    assert _weights(mixed) == {"documentation": NICE, "assessment": MUST}
    assert _weights(read_posting("Qualifications:\nPrior Epic use not required.\n")) == {"documentation": NICE}


@pytest.mark.parametrize(
    "heading",
    ["Requirements:", "## Qualifications", "MUST HAVES", "**Responsibilities**", "What you'll do", "Required skills"],
)
def test_must_headings_are_recognised_by_shape(heading):
    assert _weights(read_posting(f"{heading}\n- Home exercise program design\n")) == {"patient_education": MUST}


@pytest.mark.parametrize("heading", ["Preferred:", "## Nice to have", "BONUS POINTS", "Preferred qualifications"])
def test_nice_headings_are_recognised_by_shape(heading):
    assert _weights(read_posting(f"{heading}\n- Home exercise program design\n")) == {"patient_education": NICE}


def test_an_inline_label_sets_the_weight_of_its_line_only():
    profile = read_posting("Required: goal writing for IEPs\nPreferred: Sensory Profile\nWe teach a lot.\n")
    assert _weights(profile) == {"plan_of_care": MUST, "patient_education": NICE, "assessment": NICE}


def test_benefits_and_about_us_sections_stress_no_row():
    profile = read_posting("About us:\nWe love documentation.\n\nBenefits:\n- Manageable caseload\n")
    assert profile.rows == ()
    assert [tag.key for tag in profile.productivity] == ["caseload"]  # tags still read every section


def test_a_mention_outside_any_section_is_nice_to_have():
    profile = read_posting("You will join a team that values clear documentation.")
    assert _row(profile, "documentation").mentions[0].cue == "mentioned"
    assert _weights(profile) == {"documentation": NICE}


def test_a_short_sentence_is_not_taken_for_a_heading():
    profile = read_posting("Preferred:\nMust have OT license\nCaregiver training\n")
    assert _weights(profile) == {"patient_education": NICE}


def test_a_wrapped_line_continues_its_sentence():
    profile = read_posting("Preferred:\nExperience leading family\ntraining is required for this role.\n")
    assert _weights(profile) == {"patient_education": MUST}


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("Plan-of-care writing", "plan_of_care"),
        ("PLANS OF CARE", "plan_of_care"),
        ("plan of\ncare", "plan_of_care"),
        ("care-giver education", "patient_education"),
        ("caregiver educations", "patient_education"),
        ("prioritise visits", "time_management"),
        ("prioritization", "time_management"),
        ("fast paced", "time_management"),
        ("fast-paced", "time_management"),
        ("Re-evaluations", "assessment"),
        ("reevaluation", "assessment"),
        ("family's home exercise program", "patient_education"),
        ("E.H.R.", None),
        ("EHRs", "documentation"),
        ("therapies", None),
    ],
)
def test_terms_match_across_case_plurals_and_hyphen_or_space(text, row):
    rows = [stressed.row for stressed in read_posting(text).rows]
    assert rows == ([row] if row else [])


def test_term_patterns_cover_plural_y_and_possessive_forms():
    assert term_pattern("family").fullmatch("families")
    assert term_pattern("worker compensation").fullmatch("Workers\u2019 Compensation")
    assert term_pattern("{n}% productivity").fullmatch("80 - 85 % productivity")
    assert term_pattern("{n}% productivity").fullmatch("85 percent productivity") is None
    assert term_pattern("case load").fullmatch("Case-loads")
    with pytest.raises(ValueError, match="not optional"):
        term_pattern("[per|a] day")
    assert term_pattern("visit [per|a] day").fullmatch("visits/day")


def test_repeating_a_keyword_twenty_times_changes_nothing_but_the_spans():
    once = read_posting("Preferred:\n- Documentation in Epic\n")
    twenty = read_posting("Preferred:\n- " + "Documentation " * 20 + "in Epic\n")
    assert _weights(once) == _weights(twenty) == {"documentation": NICE}
    assert len(_row(twenty, "documentation").mentions) == 21
    evidence = {"documentation": [("sop_checklist", "Fall-risk SOP", 2)]}
    assert gap_bands(once, evidence) == gap_bands(twenty, evidence)
    assert overall_fit(gap_bands(once, evidence)) == overall_fit(gap_bands(twenty, evidence))


# --- empty and unrecognisable ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t  \n", NOTHING])
def test_an_empty_or_unrelated_posting_gives_an_empty_profile(text):
    profile = read_posting(text)
    assert profile.is_empty
    assert profile == PostingProfile(
        setting=profile.setting, industry=profile.industry, payers=(), productivity=(), stakeholders=(), rows=()
    )
    assert profile.setting.key is None and profile.industry.key is None
    assert gap_bands(profile, {}) == []
    assert overall_fit(gap_bands(profile, {})) is None
    assert lead_kinds(profile, {}) == []


# --- gap bands ----------------------------------------------------------------------------------

ONE_MUST = read_posting("Requirements:\n- Documentation\n")


@pytest.mark.parametrize(
    ("scores", "band"),
    [(None, "Not shown"), ([0], "Not shown"), ([1], "Thin"), ([2, 1], "Partly shown"), ([3], "Shown"), ([4], "Strong")],
)
def test_the_band_is_the_best_checker_score_in_plain_words(scores, band):
    evidence = (
        {} if scores is None else {"documentation": [("sop_checklist", f"SOP {i}", s) for i, s in enumerate(scores)]}
    )
    (gap,) = gap_bands(ONE_MUST, evidence)
    assert gap.band == band
    assert gap.band == BANDS[gap.score]
    assert [proof.score for proof in gap.proofs] == sorted((s for s in scores or () if s > 0), reverse=True)


def test_the_missing_sentence_names_the_smallest_kind_that_would_prove_the_row():
    (empty,) = gap_bands(ONE_MUST, {})
    assert empty.suggested_kind == "workflow_safeguards"
    assert empty.missing == (
        "No checked artifact shows Documentation yet. Smallest proof to add: Documentation workflow and safeguards."
    )
    (thin,) = gap_bands(ONE_MUST, {"documentation": [("sop_checklist", "Fall-risk SOP", 1)]})
    assert "\u201cFall-risk SOP\u201d, scores 1 of 4" in thin.missing
    assert "Documentation workflow and safeguards" in thin.missing
    (own,) = gap_bands(ONE_MUST, {"documentation": [Proof("workflow_safeguards", "Note workflow", 2)]})
    assert own.missing.endswith("work through its checker findings.")
    (shown,) = gap_bands(ONE_MUST, {"documentation": [("sop_checklist", "Fall-risk SOP", 3)]})
    assert shown.missing.startswith("Shown by \u201cFall-risk SOP\u201d")
    (strong,) = gap_bands(ONE_MUST, {"documentation": [("sop_checklist", "Fall-risk SOP", 4)]})
    assert strong.missing == "Nothing missing."
    (custom,) = gap_bands(ONE_MUST, {}, kind_for_row={"documentation": "stakeholder_memo"})
    assert custom.suggested_kind == "stakeholder_memo"
    assert custom.missing.endswith(KINDS_BY_KEY["stakeholder_memo"].title + ".")


def test_the_suggested_kind_follows_the_setting_when_its_track_skips_the_reports_pick():
    for setting in (None, *TRACK_KEYS):
        kind = suggested_kind("time_management", setting)
        assert "time_management" in KINDS_BY_KEY[kind].proves
    assert suggested_kind("time_management") == "caseload_note"
    assert suggested_kind("time_management", "home_health") != "caseload_note"


def test_keywords_in_an_artifact_earn_nothing_only_the_checker_score_counts():
    stuffed = {"documentation": [("sop_checklist", "Documentation documentation EHR Epic charting", 0)]}
    (gap,) = gap_bands(ONE_MUST, stuffed)
    assert (gap.band, gap.proofs) == ("Not shown", ())


def test_checker_scores_outside_zero_to_four_are_refused():
    for bad in (5, -1, True, 2.5):
        with pytest.raises(ValueError, match="Checker scores"):
            gap_bands(ONE_MUST, {"documentation": [("sop_checklist", "SOP", bad)]})


MUST_AND_NICE = read_posting("Requirements:\n- Caseload management\n\nPreferred:\n- Treatment plans\n- Epic charting\n")


def test_must_haves_come_first_then_nice_to_haves_each_in_rubric_order():
    gaps = gap_bands(MUST_AND_NICE, {})
    assert [(gap.row, gap.weight) for gap in gaps] == [
        ("time_management", MUST),
        ("documentation", NICE),
        ("plan_of_care", NICE),
    ]


def test_a_must_have_counts_twice_a_nice_to_have_in_the_overall_fit():
    strong_must = {"time_management": [("caseload_note", "Monday plan", 4)]}
    strong_nice = {"plan_of_care": [("plan_of_care", "Hip POC", 4)]}
    # must weighs 2, each nice 1: 2*4 / (2*4 + 4 + 4) = 50%; 1*4 / 16 = 25%.
    assert overall_fit(gap_bands(MUST_AND_NICE, strong_must)) == 50
    assert overall_fit(gap_bands(MUST_AND_NICE, strong_nice)) == 25
    everything = {**strong_must, **strong_nice, "documentation": [("sop_checklist", "SOP", 4)]}
    assert overall_fit(gap_bands(MUST_AND_NICE, everything)) == 100
    assert overall_fit(gap_bands(MUST_AND_NICE, {})) == 0


# --- lead kinds ---------------------------------------------------------------------------------


def test_a_link_leads_with_the_kinds_covering_must_haves_best():
    evidence = {
        "time_management": [("caseload_note", "Monday plan", 3), ("sop_checklist", "SOP", 2)],
        "documentation": [("sop_checklist", "SOP", 4), ("definitions_note", "Terms", 1)],
        "plan_of_care": [("plan_of_care", "Hip POC", 4)],
    }
    assert lead_kinds(MUST_AND_NICE, evidence) == ["caseload_note", "sop_checklist", "plan_of_care"]


def test_a_link_does_not_lead_with_thin_proof_or_unstressed_rows():
    evidence = {
        "time_management": [("scope_cut_log", "Cuts", 1)],
        "assessment": [("case_writeup", "Stroke case", 4)],  # the posting does not stress assessment
    }
    assert lead_kinds(MUST_AND_NICE, evidence) == []


def test_a_posting_reads_end_to_end_into_bands_and_a_lead():
    profile = read_posting(OUTPATIENT)
    evidence = {
        "assessment": [("case_writeup", "Rotator cuff case", 4)],
        "plan_of_care": [("case_writeup", "Rotator cuff case", 3), ("plan_of_care", "Hip POC", 2)],
        "documentation": [("case_writeup", "Rotator cuff case", 2)],
    }
    gaps = gap_bands(profile, evidence)
    assert [(gap.row, gap.band) for gap in gaps] == [
        ("time_management", "Not shown"),
        ("documentation", "Partly shown"),
        ("plan_of_care", "Shown"),
        ("patient_education", "Not shown"),
        ("assessment", "Strong"),
    ]
    assert overall_fit(gaps) == 45
    assert lead_kinds(profile, evidence) == ["case_writeup", "plan_of_care"]


# --- property -----------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Requirements:",
        "Preferred:",
        "## Nice to have",
        "- ",
        "\n",
        " ",
        "plan-of-care",
        "85% productivity",
        "Medicare Part B",
        "caregivers'",
        "PT/OT",
        "required.",
        "a plus;",
        "home\nhealth",
        "IEP",
        "é",
        ":",
        "**",
        "#",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join))
def test_reading_never_fails_and_every_span_slices_the_text_to_its_term(text):
    profile = read_posting(text)
    spans = [
        *profile.setting.evidence,
        *profile.industry.evidence,
        *(span for tag in (*profile.payers, *profile.productivity, *profile.stakeholders) for span in tag.spans),
        *(span for row in profile.rows for span in row.spans),
    ]
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert term_pattern(span.term).fullmatch(span.text)
    for row in profile.rows:
        assert row.weight in (MUST, NICE)


def test_no_two_words_of_a_term_glue_into_an_unrelated_english_word():
    """Words may be written joined ("caregiver"), so "Medi Cal" would also match "medical"."""
    import re

    from english_words import get_english_words_set

    from portfolios import job_posting

    english = get_english_words_set(["web2"], lower=True)
    intended = {"homebound", "workload", "reassessment"}
    families = (
        job_posting.SETTING_TERMS,
        job_posting.INDUSTRY_TERMS,
        job_posting.PAYER_TERMS,
        job_posting.PRODUCTIVITY_TERMS,
        job_posting.STAKEHOLDER_TERMS,
        job_posting.ROW_ENTRIES,
    )
    glued = set()
    for family in families:
        for entry in family:
            for term in entry.terms:
                words = [word for word in re.split(r"[\s\-]+", term) if not word.startswith("[")]
                glued |= {(first + second).lower() for first, second in itertools.pairwise(words)}
    assert (glued & english) - intended == set()
    assert read_posting("medical-surgical unit").payers == ()


# --- held out ------------------------------------------------------------------------------------
# Four postings written after the vocabulary was settled, expectations written before the first run:
# 44 of 44 expected tags were found; the one wrong extra tag (Medicaid, from "Medi Cal" glued into
# "medical-surgical") was fixed as a rule (see the glue test above), not by editing these postings.

HELD_OUT_1 = """Travel Occupational Therapist - Acute Care Hospital - 13 weeks

Job Description
Our client, a 400-bed teaching hospital, needs a travel OT for its medical-surgical and cardiac units. You will see 10 to 12 patients a day, complete evaluations with clear discharge recommendations, and collaborate with nursing, physical therapists, and social workers.

Job Requirements
Active state license and BLS certification
Minimum 1 year of acute care experience
Ability to document in Epic within facility timelines

Preferred Experience
Experience with cardiac precautions
Caregiver education for patients going home

Pay Package
Weekly pay, housing stipend, and travel reimbursement.
"""
EXPECTED_1 = {
    "setting": "acute",
    "industry": None,
    "payers": set(),
    "productivity": {"visits"},
    "stakeholders": {"nurses", "physical_therapists", "case_managers"},
    "rows": {"time_management": "nice", "assessment": "nice", "documentation": "must", "patient_education": "nice"},
}

HELD_OUT_2 = """# Occupational Therapist, PRN — Home Health

**About the role**
Visit patients in their homes across the north metro. Most of our patients are on traditional Medicare or Medicare Advantage plans.

**What you'll do**
- Complete OT evaluations, reassessments and discharge visits
- Build home safety plans with patients and their caregivers and teach energy conservation
- Meet a productivity expectation of 28 points per week
- Submit visit notes within 48 hours using HCHB

**Must haves**
- Current OT license; 1 year of home care experience

**Nice to haves**
- OASIS experience
"""
EXPECTED_2 = {
    "setting": "home_health",
    "industry": None,
    "payers": {"medicare", "medicare_advantage", "oasis"},
    "productivity": {"productivity", "visits", "documentation_turnaround"},
    "stakeholders": {"families"},
    "rows": {"assessment": "must", "patient_education": "must", "time_management": "must", "documentation": "must"},
}

HELD_OUT_3 = """Pediatric Outpatient Occupational Therapist

Little Steps Therapy is a private-pay and insurance pediatric clinic with two locations. We grow through word of mouth and online reviews, and we measure parent satisfaction every quarter.

Responsibilities:
• Evaluate children using standardized assessments (PDMS-2, Beery VMI)
• Write measurable goals and update treatment plans every 90 days
• Coach parents on home programs
• Work with our front desk and scheduler to keep a full caseload

Requirements: Master's or OTD; state license.
Nice-to-haves: sensory integration certification, feeding experience, bilingual Spanish.
"""
EXPECTED_3 = {
    "setting": "pediatrics",
    "industry": "consumer",
    "payers": {"private_pay"},
    "productivity": {"caseload"},
    "stakeholders": {"families", "front_office"},
    "rows": {"assessment": "must", "plan_of_care": "must", "patient_education": "must", "time_management": "must"},
}

HELD_OUT_4 = """OCCUPATIONAL THERAPIST - INPATIENT REHABILITATION UNIT

Part of a regional health system, our 30-bed acute rehab unit is preparing for its CARF accreditation survey and a conversion of our EHR to Epic.

KEY RESPONSIBILITIES
- Provide 3 hours of therapy a day per the IRF 3-hour rule, documenting minutes accurately for compliance audits
- Complete Section GG scoring within 3 days of admission
- Participate in weekly interdisciplinary team conferences with physicians, nursing and case management
- Develop plans of care with functional goals

QUALIFICATIONS
- BLS required
- Prior IRF experience preferred
- Experience serving on quality improvement or policy committees is a plus
"""
EXPECTED_4 = {
    "setting": "inpatient_rehab",
    "industry": "enterprise",
    "payers": {"section_gg"},
    "productivity": set(),
    "stakeholders": {"physicians", "nurses", "case_managers", "interdisciplinary_team", "compliance"},
    "rows": {"documentation": "must", "assessment": "must", "plan_of_care": "must"},
}


@pytest.mark.parametrize(
    ("posting", "expected"),
    [(HELD_OUT_1, EXPECTED_1), (HELD_OUT_2, EXPECTED_2), (HELD_OUT_3, EXPECTED_3), (HELD_OUT_4, EXPECTED_4)],
)
def test_held_out_postings_are_read_as_a_person_would(posting, expected):
    profile = read_posting(posting)
    assert profile.setting.key == expected["setting"]
    assert profile.industry.key == expected["industry"]
    assert expected["payers"] == {tag.key for tag in profile.payers}
    assert expected["productivity"] == {tag.key for tag in profile.productivity}
    assert expected["stakeholders"] <= {tag.key for tag in profile.stakeholders}
    assert _weights(profile) == expected["rows"]
