"""The PHI gate: each Safe Harbor identifier is flagged with an exact span, clinical text passes."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portfolios.kinds import KINDS, KINDS_BY_KEY
from portfolios.rubric import phi
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.rows import DOCUMENTATION
from tests.rubric.texts import artifact_text

ALL_CHECKS = {f"phi.{kind}" for kind in phi.TYPES} | {phi.STAFF_CHECK}


def artifact(text: str, kind: str = "case_writeup", field: str = "context") -> ArtifactText:
    fields = dict.fromkeys(KINDS_BY_KEY[kind].section_keys, "")
    fields[field] = text
    return artifact_text(kind=kind, track="outpatient", fields=fields)


def flagged(text: str) -> list[tuple[str, str]]:
    """(identifier text, check id) for every finding on a one-section artifact."""
    return [(text[f.start : f.end], f.check) for f in phi.check(artifact(text))]


def assert_flags(text: str, value: str, check_id: str) -> None:
    assert (value, check_id) in flagged(text), flagged(text)


def assert_clean(text: str) -> None:
    assert flagged(text) == []


# --- The contract of every finding --------------------------------------------------------------


def test_it_reports_each_identifier_as_an_error_on_the_documentation_row():
    text = "Mrs. Alvarez, DOB 03/14/1931, called from 555-867-5309."
    findings = list(phi.check(artifact(text)))
    assert {f.check for f in findings} == {"phi.name", "phi.date", "phi.phone"}
    for item in findings:
        assert item.field == "context"
        assert item.severity == "error"
        assert item.row == DOCUMENTATION
        assert "Safe Harbor" in item.message
        assert item.fix


def test_it_never_repeats_the_identifier_in_the_message_or_the_fix():
    text = "Mrs. Alvarez was seen in room 412 at Mercy General; MRN 00482913."
    for item in phi.check(artifact(text)):
        value = text[item.start : item.end]
        assert value not in item.message
        assert value not in item.fix


def test_it_gives_one_finding_per_occurrence():
    text = "Called 555-867-5309 twice; the second number was 555-867-5310."
    assert flagged(text) == [("555-867-5309", "phi.phone"), ("555-867-5310", "phi.phone")]


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_it_checks_every_section_of_every_kind(kind):
    for key in kind.section_keys:
        findings = list(phi.check(artifact("Daughter Linda can be reached at linda.r@gmail.com.", kind.key, key)))
        assert [(f.field, f.check) for f in findings] == [(key, "phi.name"), (key, "phi.email")]


def test_it_says_nothing_about_empty_sections():
    assert list(phi.check(artifact(""))) == []
    assert list(phi.check(artifact("   \n\t "))) == []


# --- A: names -------------------------------------------------------------------------------------


def test_it_flags_a_title_and_surname():
    assert flagged("Mrs. Alvarez reports 6/10 shoulder pain.") == [("Mrs. Alvarez", "phi.name")]


def test_it_flags_a_doctor_with_a_first_and_last_name():
    assert_flags("The client's son, Dr. Michael Chen, is a cardiologist.", "Dr. Michael Chen", "phi.name")


def test_it_flags_a_relative_named_after_a_relation_cue():
    assert flagged("Husband Robert helps with tub transfers.") == [("Robert", "phi.name")]
    assert_flags("Pt's wife, Carol Jenkins, attended.", "Carol Jenkins", "phi.name")
    assert_flags("Spouse (Harold) present for the session.", "Harold", "phi.name")


def test_it_flags_a_first_and_last_name_found_in_the_census_lists():
    assert flagged("Margaret Olson completed the Box and Block Test.") == [("Margaret Olson", "phi.name")]


def test_it_flags_a_first_name_that_reports_or_says_something():
    assert flagged("Dorothy said her goal is to bake bread again.") == [("Dorothy", "phi.name")]


def test_it_flags_an_employer_named_after_works_at():
    assert flagged("Works at Home Depot as a cashier.") == [("Home Depot", "phi.name")]


@pytest.mark.parametrize(
    "text",
    [
        "Client A required Mod A for LB dressing.",
        "Mr. X required Mod A for LB dressing.",
        "Mrs. Y's caregiver was taught to use the transfer belt.",
        "Patient B is 78 years old.",
        "Client D's husband, [NAME], learned the sliding board transfer.",
        "Mrs. [NAME] asked about driving.",
        "[REDACTED] reports she wants to cook again.",
    ],
)
def test_it_does_not_flag_placeholder_names(text):
    assert_clean(text)


@pytest.mark.parametrize(
    "text",
    [
        "Will Client A be ready for discharge by visit 12?",
        "Grace period for documentation is 24 hours.",
        "Mark the start time on the flowsheet.",
        "Max A for bathing at baseline; goal Min A in 3 weeks.",
        "Rose from the chair with Min A.",
        "Patient Education: reviewed hip kit use.",
        "Outpatient Rehab referral placed; Acute Care OT to sign off.",
    ],
)
def test_it_does_not_flag_ordinary_capitalised_words(text):
    assert_clean(text)


@pytest.mark.parametrize(
    "text",
    [
        "Client has Parkinson's disease with freezing of gait.",
        "Berg Balance Scale 41/56.",
        "Allen Cognitive Level 4.2.",
        "Smith fracture managed with ORIF.",
        "Jebsen-Taylor Hand Function Test in 48 seconds.",
        "Lee Silverman Voice Treatment BIG protocol.",
        "Bell's palsy affecting the right face.",
        "Montreal Cognitive Assessment 24/30.",
        "Guillain-Barre syndrome with distal weakness.",
        "Allen's test normal; Tinel's and Phalen's negative.",
        "Fugl-Meyer UE 41/66; Brunnstrom stage 4.",
    ],
)
def test_it_does_not_flag_eponyms_of_tests_and_diagnoses(text):
    assert_clean(text)


# --- B: geography ---------------------------------------------------------------------------------


def test_it_flags_a_street_address_city_and_zip_separately():
    assert flagged("Home address is 1420 Maple Ave, Lakewood, OH 44107.") == [
        ("1420 Maple Ave", "phi.geo"),
        ("Lakewood", "phi.geo"),
        ("44107", "phi.geo"),
    ]


def test_it_flags_a_county_and_a_named_street():
    assert flagged("She lives on Cedar Ridge Road in Ashtabula County.") == [
        ("Cedar Ridge Road", "phi.geo"),
        ("Ashtabula County", "phi.geo"),
    ]


def test_it_flags_the_town_after_lives_in():
    assert flagged("Lives in Shaker Heights with her son.") == [("Shaker Heights", "phi.geo")]


def test_it_flags_a_named_hospital():
    assert flagged("Transferred to St. Vincent Hospital.") == [("St. Vincent Hospital", "phi.geo")]


def test_it_flags_a_zip_code_after_zip_and_a_restricted_zip3():
    assert_flags("ZIP code 44512 for the delivery.", "44512", "phi.geo")
    assert_flags("Zip 036 on the form.", "036", "phi.geo")


@pytest.mark.parametrize(
    "text",
    [
        "Lives in Florida for the winter months.",
        "Lives in an assisted living facility with 24/7 staff.",
        "Lives in a ranch-style home with 2 steps to enter.",
        "Zip code 441 is fine to keep.",
        "Home Health OT visit 2 of 8.",
        "The Stroke Unit at our hospital uses I-PASS.",
        "Seen in the hand clinic for splinting.",
    ],
)
def test_it_does_not_flag_states_settings_or_unrestricted_zip3s(text):
    assert_clean(text)


def test_it_does_not_read_a_clinical_abbreviation_as_a_state():
    assert_clean("Hypotension, MD notified and vitals rechecked.")


# --- C: dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("DOB 03/14/1931 on the face sheet.", "03/14/1931"),
        ("Admitted 2023-11-07 after a CVA.", "2023-11-07"),
        ("Discharged 09.21.2023 to a SNF.", "09.21.2023"),
        ("DOB: 11-02-1948.", "11-02-1948"),
        ("Admit date: 01/05/24.", "01/05/24"),
        ("Discharged home on March 3, 2024.", "March 3, 2024"),
        ("Admitted 14 March 2024 from the ED.", "14 March 2024"),
        ("Outpatient OT starts February 2024.", "February 2024"),
        ("Surgery was on Nov. 18 last year.", "Nov. 18"),
        ("On April 9th she tripped.", "April 9th"),
        ("Admitted 14-MAR-2024 per the chart.", "14-MAR-2024"),
        ("Onset 3/2024 per the referral.", "3/2024"),
    ],
)
def test_it_flags_dates_more_precise_than_a_year(text, value):
    assert flagged(text) == [(value, "phi.date")]


def test_it_flags_a_bare_month_and_day_after_a_date_cue():
    assert flagged("On 3/4 the client fell.") == [("3/4", "phi.date")]
    assert flagged("Seen 5/14 for a splint check.") == [("5/14", "phi.date")]


def test_it_does_not_flag_a_bare_fraction_without_a_date_cue():
    assert_clean("Client completed 3/4 of the recipe.")


def test_it_does_not_flag_trials_after_a_date_cue():
    assert_clean("She succeeded on 3/4 trials.")
    assert_clean("Seen on 2/3 attempts; SpO2 on 2/3 checks above 92%.")
    assert_clean("Goals met on 4/5 trials by discharge.")


def test_it_does_not_flag_a_fraction_after_score_words():
    assert_clean("Scored on 3/4 items of the subtest.")
    assert_clean("Rated on 7/10 for confidence.")


def test_it_does_not_flag_a_blood_pressure_as_a_date():
    assert_clean("BP 128/82 seated, 112/70 standing.")
    assert_clean("Orthostatic BP: 134/78 supine, 102/64 standing.")


def test_it_does_not_flag_a_pain_rating_as_a_date():
    assert_clean("Pain rated 6/10 at rest and 8/10 with overhead reach.")
    assert_clean("Rated pain 4/10 after 10/12 repetitions.")


def test_it_does_not_flag_a_moca_score_as_a_date():
    assert_clean("MoCA score 22/30; MMSE 24/30; Berg 41/56.")


def test_it_does_not_flag_manual_muscle_test_grades_as_dates():
    assert_clean("MMT 5/5 bilateral shoulder flexion, 4+/5 elbow extension, 3-/5 grip.")


def test_it_does_not_flag_a_bare_year():
    assert_clean("In 2019 the client had a left TKA and returned to golf.")


def test_it_does_not_flag_relative_days_times_or_a_month_alone():
    assert_clean("Seen on Day 3 post-op at 14:00; in March the clinic changed schedules.")


def test_it_does_not_flag_frequency_or_sets_and_reps():
    assert_clean("Frequency 3x/week for 6 weeks; 2 sets of 10 reps; 24/7 supervision.")


# --- C: ages over 89 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Client is a 92 y/o female.", "92 y/o"),
        ("The 94-year-old client ambulated 150 ft.", "94-year-old"),
        ("Client is 100 years old.", "100 years old"),
        ("Pt is 97 yrs old and lives alone.", "97 yrs old"),
        ("Client, aged 96, requires Max A.", "96"),
        ("She turned 91 last month.", "91"),
        ("Client: Evelyn Brooks, 93.", "93"),
        ("She was born in 1931.", "1931"),
    ],
)
def test_it_flags_ages_over_89(text, value):
    assert (value, "phi.age") in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Client is 89 years old and lives alone.",
        "Client is an 85 y/o retired teacher.",
        "Client is 90+ and prefers to sit for grooming.",
        "Ages 90 or older are grouped as 90+.",
        "She is in her 80s and still volunteers.",
        "Elbow flexion to 95 degrees.",
        "Born in 1948, the client retired at 65.",
        "Client A (89) wants to keep living alone.",
    ],
)
def test_it_does_not_flag_ages_up_to_89_or_the_90_plus_category(text):
    assert_clean(text)


# --- D, E, F: phone, fax, email ---------------------------------------------------------------


@pytest.mark.parametrize("value", ["555-867-5309", "(216) 555-0143", "330.555.7781", "740 555 0123", "+1 216 555 0148"])
def test_it_flags_a_phone_number(value):
    assert flagged(f"Call the caregiver at {value} to confirm.") == [(value, "phi.phone")]


def test_it_flags_a_seven_digit_number_only_after_a_phone_cue():
    assert flagged("Call 555-0142 before the visit.") == [("555-0142", "phi.phone")]
    assert_clean("Walked 150-1200 ft over the program.")


def test_it_flags_a_fax_number_as_fax_not_phone():
    assert flagged("Send reports to the office, fax: 216.555.0102.") == [("216.555.0102", "phi.fax")]
    assert flagged("Phone 330-555-0100, fax 330-555-0188.") == [
        ("330-555-0100", "phi.phone"),
        ("330-555-0188", "phi.fax"),
    ]


def test_it_flags_an_email_address():
    assert flagged("Email updates to jsmith.ot@gmail.com.") == [("jsmith.ot@gmail.com", "phi.email")]


def test_it_does_not_flag_an_at_sign_without_an_address():
    assert_clean("Meds @ 8:00; walk @ noon.")


# --- G: Social Security numbers -------------------------------------------------------------------


def test_it_flags_a_social_security_number():
    assert flagged("SSN 412-68-3391 was on the intake form.") == [("412-68-3391", "phi.ssn")]
    assert_flags("SSN: 523 44 8812 on the card.", "523 44 8812", "phi.ssn")


def test_it_flags_nine_bare_digits_only_after_an_ssn_cue():
    assert flagged("Social security 287654321 on file.") == [("287654321", "phi.ssn")]
    assert_clean("Reference 287654321 is in the binder.")


def test_it_flags_part_of_an_ssn():
    assert flagged("SSN ending 4471 was read aloud.") == [("4471", "phi.ssn")]
    assert flagged("The card showed XXX-XX-4471.") == [("XXX-XX-4471", "phi.ssn")]


@pytest.mark.parametrize(
    "value",
    ["000-12-3456", "666-12-3456", "912-34-5678", "123-00-4567", "123-45-0000", "111-11-1111", "078-05-1120"],
)
def test_it_does_not_flag_numbers_presidio_rules_out_as_ssns(value):
    assert_clean(f"Number {value} on the sample form.")


# --- H to M and R: numbers introduced by a keyword ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "check_id"),
    [
        ("MRN 00482913 was on the sheet.", "00482913", "phi.mrn"),
        ("Medical record #: 5512093 in the header.", "5512093", "phi.mrn"),
        ("Her MRN (8830021) was visible.", "8830021", "phi.mrn"),
        ("Insurance member ID XJH482913007 on the flowsheet.", "XJH482913007", "phi.health_plan"),
        ("Policy number H2291-0034 was listed.", "H2291-0034", "phi.health_plan"),
        ("HICN 123456789A on the old card.", "123456789A", "phi.health_plan"),
        ("Account #77120458 was flagged.", "77120458", "phi.account"),
        ("Acct 00339812 was billed for 97535.", "00339812", "phi.account"),
        ("NPI 1234567893 under the signature.", "1234567893", "phi.license"),
        ("OT license #OT-004512 at the bottom.", "OT-004512", "phi.license"),
        ("License: OTR/L #12-45678 (Ohio).", "12-45678", "phi.license"),
        ("VIN 1HGCM82633A004352 for the driving eval.", "1HGCM82633A004352", "phi.vehicle"),
        ("Son drives a sedan, plate ABC-4821.", "ABC-4821", "phi.vehicle"),
        ("Van with plate number HXT 4412.", "HXT 4412", "phi.vehicle"),
        ("Power wheelchair serial number PW-88213-X.", "PW-88213-X", "phi.device"),
        ("Hearing aid device ID HA-55102-R in the log.", "HA-55102-R", "phi.device"),
        ("Cochlear implant S/N 44-2190-77.", "44-2190-77", "phi.device"),
        ("Case #88321 was opened.", "88321", "phi.other_id"),
        ("Wristband ID: AB12345 in the photo.", "AB12345", "phi.other_id"),
        ("Claim #A-2291847 was denied.", "A-2291847", "phi.other_id"),
    ],
)
def test_it_flags_a_number_introduced_by_its_keyword(text, value, check_id):
    assert flagged(text) == [(value, check_id)]


def test_it_flags_a_medicare_beneficiary_identifier_on_its_own():
    assert flagged("Card shows 1EG4-TE5-MK73 on the front.") == [("1EG4-TE5-MK73", "phi.health_plan")]


def test_it_flags_a_vin_with_a_valid_check_digit_on_its_own():
    assert flagged("Listed 1HGCM82633A004352 on the form.") == [("1HGCM82633A004352", "phi.vehicle")]
    assert_clean("Listed 1HGCM82633A004353 on the form.")


def test_it_flags_a_room_or_bed_number():
    assert flagged("Pt seen in room 412 on the unit.") == [("room 412", "phi.other_id")]
    assert flagged("Transferred to bed 3 on the stroke unit.") == [("bed 3", "phi.other_id")]


@pytest.mark.parametrize(
    "text",
    [
        "Billed CPT 97530 for 23 minutes and 97535 for 15 minutes.",
        "CPT 97165 low complexity evaluation billed with 97110 x 2 units.",
        "Diagnosis M17.11 primary osteoarthritis; Z96.651 presence of knee joint.",
        "ICD-10 code I63.9 cerebral infarction; R26.81 unsteadiness on feet.",
        "Reviewed Section GG items GG0130A-GG0130H; OASIS M1800 scored 2.",
        "Medicare Part B cap; Medicare 8-minute rule: 38 minutes = 3 units.",
        "Member of the falls prevention team since 2020.",
        "Account for fatigue when scheduling showers.",
        "Licensed OTR/L with 5 years of acute care experience.",
        "Device: rolling walker; serial checks done by the vendor.",
        "Used a scoop plate and a built-up spoon.",
        "Plan: Continue skilled OT 2x/week for 2024-25 school year.",
        "Client sat edge of bed 5 minutes before standing.",
        "Room air at rest; 2 L O2 with activity.",
        "ID band checked with two identifiers.",
    ],
)
def test_it_does_not_flag_billing_codes_diagnosis_codes_or_keywords_without_an_identifier(text):
    assert_clean(text)


# --- N, O: web addresses and IP addresses ---------------------------------------------------------


def test_it_flags_a_web_address():
    assert flagged("Videos are at https://youtu.be/dQw4w9WgXcQ for her.") == [
        ("https://youtu.be/dQw4w9WgXcQ", "phi.url")
    ]
    assert flagged("Her blog at www.joansjourney.net describes rehab.") == [("www.joansjourney.net", "phi.url")]


def test_it_does_not_flag_a_public_reference_site_cited_as_evidence():
    assert_clean("Per https://www.cms.gov/medicare/therapy-services and www.aota.org guidance.")


def test_it_flags_an_ipv4_and_an_ipv6_address():
    assert flagged("Logs came from 10.0.4.211 overnight.") == [("10.0.4.211", "phi.ip")]
    assert flagged("Error log: fe80::1ff:fe23:4567:890a.") == [("fe80::1ff:fe23:4567:890a", "phi.ip")]


def test_it_does_not_flag_outline_numbers_or_impossible_addresses():
    assert_clean("See section 2.1.0.3 and address 999.12.1.1 in the manual.")


# --- Other numbers that must pass -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "SpO2 dropped to 88% and recovered to 95% within 2 minutes.",
        "Temperature 98.6 F; RR 18; HR 76; glucose 142 mg/dL.",
        "Grip 42 lb right, 38 lb left; wound 2.5 x 3.0 cm.",
        "Productivity target 85% with 8 patients per day.",
        "Tolerated upright sitting from 10:15 to 10:45.",
        "Knee flexion AROM 0-95 degrees.",
        "Ratio of 1:4 therapist to patients during group.",
    ],
)
def test_it_does_not_flag_vitals_percentages_minutes_or_measurements(text):
    assert_clean(text)


# --- PLACEHOLDERS and redact ------------------------------------------------------------------------


def test_every_check_id_has_a_bracketed_placeholder():
    assert set(phi.PLACEHOLDERS) == ALL_CHECKS
    assert phi.PLACEHOLDERS["phi.name"] == "[NAME]"
    assert phi.PLACEHOLDERS["phi.date"] == "[DATE]"
    assert phi.PLACEHOLDERS["phi.age"] == "[AGE 90+]"
    assert phi.PLACEHOLDERS["phi.geo"] == "[LOCATION]"
    assert phi.PLACEHOLDERS["phi.phone"] == "[PHONE]"
    for placeholder in phi.PLACEHOLDERS.values():
        assert placeholder.startswith("[") and placeholder.endswith("]")


def test_redact_replaces_each_span_with_its_placeholder():
    text = "Mrs. Alvarez, DOB 03/14/1931, lives in Parma."
    spans = [(0, 12, "phi.name"), (18, 28, "phi.date"), (39, 44, "phi.geo")]
    assert phi.redact(text, spans) == "[NAME], DOB [DATE], lives in [LOCATION]."


def test_redact_works_whatever_order_the_spans_come_in():
    text = "Call 555-867-5309 or email a@b.com."
    spans = [(27, 34, "phi.email"), (5, 17, "phi.phone")]
    assert phi.redact(text, spans) == "Call [PHONE] or email [EMAIL]."


def test_redact_skips_overlapping_out_of_range_empty_and_unknown_spans():
    text = "Mrs. Alvarez was seen."
    spans = [
        (0, 12, "phi.name"),  # kept: starts first
        (5, 16, "phi.name"),  # overlaps the first
        (30, 40, "phi.date"),  # past the end
        (-1, 3, "phi.date"),  # before the start
        (3, 3, "phi.date"),  # empty
        (13, 16, "phi.nonsense"),  # unknown check id
    ]
    assert phi.redact(text, spans) == "[NAME] was seen."


def test_redacting_every_finding_leaves_nothing_to_flag():
    text = "Pt seen in room 412 at Mercy General, DOB 03/14/1931; daughter Linda at 555-867-5309."
    spans = [(f.start, f.end, f.check) for f in phi.check(artifact(text))]
    assert len(spans) == 5
    redacted = phi.redact(text, spans)
    assert redacted == "Pt seen in [ID] at [LOCATION], DOB [DATE]; daughter [NAME] at [PHONE]."
    assert flagged(redacted) == []


# --- Robustness ---------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_sorted_non_overlapping_spans_inside_the_text(text):
    found = phi.find_identifiers(text)
    previous_end = 0
    for item in found:
        assert previous_end <= item.start < item.end <= len(text)
        assert item.type in phi.TYPES
        previous_end = item.end


@pytest.mark.parametrize(
    "text",
    [
        "1" * 30_000,
        "1/" * 15_000,
        "a@" * 15_000,
        "Aa " * 10_000,
        ":" * 30_000 + "1",
        "9-" * 15_000,
        "Mr. " * 8_000,
        "lives in " * 4_000,
        "ID #" * 8_000,
        "[" * 30_000,
    ],
)
def test_it_stays_fast_on_pathological_input(text):
    started = time.perf_counter()
    phi.find_identifiers(text)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Sponge bath Min A. Swallow: soft diet.",
        "Toileting mod-max A. Bell: answers within 5 min.",
        "Dressing CG A. Ward: 4N.",
    ],
)
def test_an_assist_levels_letter_before_a_heading_is_not_a_name_initial(text):
    assert [item.type for item in phi.find_identifiers(text)] == []


@pytest.mark.parametrize(
    "text",
    ["Sponge bath done. A. Swallow called back.", "Min assist; A. Nguyen, her son, helps.", "Seen by Kim A. Swallow."],
)
def test_an_initial_before_a_surname_elsewhere_is_still_a_name(text):
    assert "name" in [item.type for item in phi.find_identifiers(text)]
