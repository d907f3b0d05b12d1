"""The bypasses an outside review found in the PHI gate (issue 10): each one is flagged now.

Every case names the exact characters the finding must cover, so a span that drifts (after
normalising look-alike characters, say) fails as surely as a miss. Look-alikes that must pass
sit beside each group.
"""

from __future__ import annotations

import pytest

from portfolios.rubric import phi
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.rows import DOCUMENTATION
from tests.rubric.texts import artifact_text


def found(text: str) -> list[tuple[str, str]]:
    return [(text[item.start : item.end], item.check) for item in phi.scan_field("text", text)]


def assert_flags(text: str, value: str, check_id: str) -> None:
    assert (value, check_id) in found(text), found(text)


def assert_clean(text: str) -> None:
    assert found(text) == []


# --- A: names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Pt's husband frank helps with the laundry.", "frank"),
        ("margaret smith reported less pain with jar opening.", "margaret smith"),
        ("Client Oluwaseun completed the toileting task with SBA.", "Oluwaseun"),
        ("K. Nguyen was referred for a wrist orthosis.", "K. Nguyen"),
        ("M. Smith tolerated the full session.", "M. Smith"),
        ("Mr.Smith needed set-up for grooming.", "Mr.Smith"),
        ("The label read Smith, Margaret.", "Smith, Margaret"),
        ("Discussed pacing with the client (Harold) at bedside.", "Harold"),
        ("Aunt Bea attends the feeding sessions.", "Bea"),
        ("The Moreno family asked about a shower chair.", "Moreno"),
        ("the moreno family asked about a shower chair.", "moreno"),
        ("Ava's teacher says she tires by lunchtime.", "Ava"),
        ("Jaylen's mother filled out the questionnaire.", "Jaylen"),
        ("Mrs. W. needed cues to sequence dressing.", "Mrs. W."),
        ("mr. abernathy walked 100 ft with a cane.", "mr. abernathy"),
        ("Gwendolyn, her roommate, does the cooking.", "Gwendolyn"),
        ("MRS. DELGADO needed max assist.", "MRS. DELGADO"),
        ("Ms Okafor reports knee pain.", "Ms Okafor"),
        ("Brother-in-law Giancarlo built the ramp.", "Giancarlo"),
        ("Her caregiver, Svetlana, helps with showers.", "Svetlana"),
    ],
)
def test_it_finds_names_by_where_they_stand_in_any_case(text, value):
    assert_flags(text, value, "phi.name")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mrs.\u00a0Okonkwo transferred with a slide board.", "Mrs.\u00a0Okonkwo"),  # non-breaking space
        ("Daughter Tam\u200bara attends caregiver training.", "Tam\u200bara"),  # zero-width space
        ("Mr. Ivan\u043ev stated his pain is 4/10.", "Mr. Ivan\u043ev"),  # Cyrillic o
        ("\u0410nna Petrova, the client, reported dizziness.", "\u0410nna Petrova"),  # Cyrillic A
        ("Client Ewa D\u0105browska reported 5/10 pain.", "Ewa D\u0105browska"),  # accent
    ],
)
def test_it_sees_through_look_alike_and_invisible_characters_and_keeps_the_original_span(text, value):
    assert_flags(text, value, "phi.name")


@pytest.mark.parametrize(
    "text",
    [
        "Berg Balance Scale 41/56; Tinetti 19/28.",
        "Allen Cognitive Level 4.4 with set-up for meal prep.",
        "Parkinson disease with freezing of gait.",
        "Barthel Index 60/100 and FIM motor 48.",
        "Peabody and Beery VMI scores were below average.",
        "Husband will help with IADLs after discharge.",
        "Client will don socks with a sock aid.",
        "Caregiver teach-back was complete.",
        "Frank discussion with the family about placement.",
        "Mr. X and Client A were seen for the group session.",
        "Grace period for the home program is two weeks.",
        "Pt reports no dizziness with transfers.",
        "Lives with an adult son. Wants to get back to cooking.",
        "Lyrica helps with the neuropathic pain.",
        "Medbridge sent the home program to the portal.",
        "MS Walk fundraiser is next week; MS clinic follow-up in May.",
        "Boston Naming Test score was 48/60.",
        "Rheumatology stated the flare is resolving; Neuropsych reported slowed processing.",
    ],
)
def test_it_leaves_eponyms_assessments_and_ordinary_words_alone(text):
    assert_clean(text)


# --- Staff names: a warning, never an error -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dr. Patel, the attending, cleared her for OOB.", "Dr. Patel"),
        ("Per PT Jones, she may bear weight as tolerated.", "Jones"),
        ("Evaluated by Dr. Okafor on the unit.", "Dr. Okafor"),
        ("Per RN Okoro, she slept well.", "Okoro"),
    ],
)
def test_it_reports_staff_names_as_a_warning_that_does_not_block_sharing(text, value):
    findings = [item for item in phi.scan_field("text", text) if text[item.start : item.end] == value]
    assert [item.check for item in findings] == ["phi.staff_name"]
    assert findings[0].severity == "warning"
    assert "not a patient identifier, but consider removing" in findings[0].message
    assert value not in findings[0].message


def test_a_titled_name_with_no_staff_cue_is_still_an_error():
    assert_flags("Dr. Okafor was admitted after a fall at home.", "Dr. Okafor", "phi.name")


# --- B: places ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Client drove in from Framingham for the visit.", "Framingham"),
        ("Lives at 12 oak street, springfield, il 62704.", "12 oak street"),
        ("Lives at 12 oak street, springfield, il 62704.", "springfield"),
        ("Lives at 12 oak street, springfield, il 62704.", "62704"),
        ("The family moved from 02134 last year.", "02134"),
        ("The form lists 60614-2201 as home.", "60614-2201"),
        ("Discharged to Maple Grove Senior Living.", "Maple Grove Senior Living"),
        ("Transferred from mercy general hospital.", "mercy general hospital"),
        ("Admitted through Cleveland Clinic Akron General.", "Cleveland Clinic Akron General"),
        ("Her apartment near Wicker Park is a walk-up.", "Wicker Park"),
        ("The cabin is outside of Flagstaff.", "Flagstaff"),
        ("She grew up in Lowell and still visits.", "Lowell"),
        ("Pt resides at 1600 west elm avenue.", "1600 west elm avenue"),
    ],
)
def test_it_finds_towns_addresses_zip_codes_and_facilities_without_a_lives_in_cue(text, value):
    assert_flags(text, value, "phi.geo")


@pytest.mark.parametrize(
    "text",
    [
        "Mobile arm support trialed for self-feeding.",
        "Reading tolerance is 10 minutes.",
        "Orange juice spilled during meal prep.",
        "Bath bench and handheld shower recommended.",
        "Billed CPT 97535 and 97530.",
        "Code 97110 was used for exercise.",
        "Lives in Florida for the winter.",
        "She moved to an assisted living facility.",
        "Sent by the clinic system as a reminder.",
        "Independence in toileting is her main goal.",
    ],
)
def test_a_town_that_is_also_a_common_word_needs_context(text):
    assert_clean(text)


# --- C: dates and ages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Surgery 12MAR2023 for carpal tunnel release.", "12MAR2023"),
        ("Re-eval Tuesday 9/12 in the gym.", "9/12"),
        ("DOB 03 14 1952 on the referral.", "03 14 1952"),
        ("Birth date 03-14-'52 on the packet.", "03-14-'52"),
        ("She was admitted on the 3rd after a fall.", "the 3rd"),
        ("Admitted since Thanksgiving for weakness.", "Thanksgiving"),
        ("Admission date: 20231107.", "20231107"),
    ],
)
def test_it_finds_compact_and_partial_dates(text, value):
    assert_flags(text, value, "phi.date")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("she is 92 and manages her own pill box.", "92"),
        ("Client, aged 92 and lives alone, was referred.", "92"),
        ("The ninety-three-year-old client needed CGA.", "ninety-three-year-old"),
        ("92 yo F with a UTI.", "92 yo"),
        ("He is in his 90s and walks daily.", "in his 90s"),
        ("Age: 93. Lives with a caregiver.", "93"),
        ("Pt's husband is 96 and cannot assist.", "96"),
        ("She is 90 and still drives.", "90"),
        ("Pt is a 93-yr-old male.", "93-yr-old"),
    ],
)
def test_it_finds_ages_over_89_in_any_wording(text, value):
    assert_flags(text, value, "phi.age")


@pytest.mark.parametrize(
    "text",
    [
        "She is 89 and manages her own pill box.",
        "89 yo F with a UTI.",
        "Client, aged 89 and lives alone, was referred.",
        "Age: 89. Lives with a caregiver.",
        "He is in his 80s and walks daily.",
        "Ages 90 and over are reported as 90+.",
        "SpO2 was 92% on room air.",
        "Seen on the 3rd attempt after cues.",
        "Rated pain 3/10 on Tuesday.",
    ],
)
def test_ages_up_to_89_and_the_90_plus_category_pass(text):
    assert_clean(text)


# --- D-R: numbers, contacts, handles ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "check_id"),
    [
        ("M R N: 1234567 on the flowsheet.", "1234567", "phi.mrn"),
        ("M.R.N. 00739218 on the wristband.", "00739218", "phi.mrn"),
        (
            "MRN \uff18\uff14\uff12\uff17\uff13\uff19\uff10 on the label.",
            "\uff18\uff14\uff12\uff17\uff13\uff19\uff10",
            "phi.mrn",
        ),
        ("Call the son at 617\u2013555\u20130142.", "617\u2013555\u20130142", "phi.phone"),
        ("Cell 617/555/0199 on the fridge.", "617/555/0199", "phi.phone"),
        ("Phone 617_555_0123 in the chart.", "617_555_0123", "phi.phone"),
        ("Call back at 6175550188.", "6175550188", "phi.phone"),
        ("SSN 123-45-6789 on the referral.", "123-45-6789", "phi.ssn"),
        ("SSN 412\u201368\u20133391 on the packet.", "412\u201368\u20133391", "phi.ssn"),
        ("SSN 412 68 3391 on the fax.", "412 68 3391", "phi.ssn"),
        ("She gave the last four of her social, 3391.", "3391", "phi.ssn"),
        ("Driver's license number S530-4417-8821 on file.", "S530-4417-8821", "phi.license"),
        ("RN license RN-2231847 on the form.", "RN-2231847", "phi.license"),
        ("Wheelchair SN 4KX2291-B registered.", "4KX2291-B", "phi.device"),
        ("Videos at facebook.com/lindas.recovery.", "facebook.com/lindas.recovery", "phi.url"),
        ("Short link bit.ly/3xYzQ12 to the fundraiser.", "bit.ly/3xYzQ12", "phi.url"),
        ("He posts as @RickyRollsOn on TikTok.", "@RickyRollsOn", "phi.url"),
        ("Email jane at gmail dot com for updates.", "jane at gmail dot com", "phi.email"),
        ("Send to tom.reyes(at)yahoo(dot)com today.", "tom.reyes(at)yahoo(dot)com", "phi.email"),
        ("Send to priya.k@outlook[.]com today.", "priya.k@outlook[.]com", "phi.email"),
        ("Email: margaret.o'neil@aol.com", "margaret.o'neil@aol.com", "phi.email"),
    ],
)
def test_it_finds_numbers_and_addresses_written_to_slip_past_plain_patterns(text, value, check_id):
    assert_flags(text, value, check_id)


@pytest.mark.parametrize(
    "text",
    [
        "BP 128/82 seated; MoCA 22/30.",
        "C5-C6 fusion with cervical precautions.",
        "ICD-10 I63.512 left MCA infarct.",
        "Completed 3/4 trials with cues.",
        "See aota.org/practice for the framework.",
        "Meet @ home for the next visit.",
    ],
)
def test_clinical_numbers_still_pass(text):
    assert_clean(text)


# --- Sections: an identifier split across a section break ----------------------------------------


def artifact(**fields: str) -> ArtifactText:
    return artifact_text(kind="case_writeup", track="outpatient", fields=fields)


def test_it_finds_a_name_split_across_two_sections_and_marks_each_part():
    text = artifact(context="Seen with her sister Margaret", plan="Okonkwo-Reyes reported that she naps daily.")
    findings = {(f.field, text.fields[f.field][f.start : f.end], f.check) for f in phi.check(text)}
    assert ("context", "Margaret", "phi.name") in findings
    assert ("plan", "Okonkwo-Reyes", "phi.name") in findings


def test_it_finds_an_address_split_across_two_sections():
    text = artifact(context="She lives at 12", plan="Oak Street with her son.")
    findings = {(f.field, text.fields[f.field][f.start : f.end], f.check) for f in phi.check(text)}
    assert findings == {("context", "12", "phi.geo"), ("plan", "Oak Street", "phi.geo")}


def test_it_does_not_report_an_identifier_twice_when_one_section_already_shows_it():
    text = artifact(context="Call 555-867-5309 today.", plan="Daughter Linda will call back.")
    checks = sorted((f.field, f.check) for f in phi.check(text))
    assert checks == [("context", "phi.phone"), ("plan", "phi.name")]


# --- A bare field ----------------------------------------------------------------------------------


def test_scan_field_returns_findings_for_one_bare_string():
    findings = phi.scan_field("headline", "OT for Mrs. Alvarez, reach me at 555-867-5309")
    assert [(f.field, f.check, f.severity, f.row) for f in findings] == [
        ("headline", "phi.name", "error", DOCUMENTATION),
        ("headline", "phi.phone", "error", DOCUMENTATION),
    ]
    assert phi.scan_field("headline", "Hand therapy OTR/L, 8 years in outpatient ortho") == ()
    assert phi.scan_field("label", "") == ()
