"""Education-script checks: reading grade, teach-back, chunking, main message, call to action, jargon,
barrier plan and documented response."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portfolios.checker import check_artifact
from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import education, readability
from portfolios.rubric.rows import DOCUMENTATION, PATIENT_EDUCATION
from tests.rubric.texts import artifact_text

SECTIONS = KINDS_BY_KEY["education_script"].section_keys

GOOD = {
    "main_message": "Wear your hip brace any time you are out of bed.",
    "audience": "Client A, in her 70s, home after hip surgery; lives with her daughter, who helps in the mornings.",
    "script": (
        "The most important thing today: wear your hip brace any time you are out of bed.\n"
        "The brace keeps your new hip in place while it heals.\n"
        "Put it on while you sit on the side of the bed.\n"
        "Pull the straps snug, but not tight.\n"
        "Now show me how you put it on.\n"
        "\n"
        "Next, let's talk about the bathroom.\n"
        "Sit down on the toilet slowly, with your sore leg out in front.\n"
        "Use the grab bar, not the towel rail.\n"
        "The grab bar holds your weight so you do not fall.\n"
        "Tell me how you will sit down on the toilet at home.\n"
        "\n"
        "Last, call us if your leg gets red, hot or very sore.\n"
        "That can be a sign of a problem we need to check.\n"
        "What will you do if your leg looks red tomorrow?"
    ),
    "teach_back": (
        "I want to be sure I explained this well. Can you show me how you'll put on the brace tomorrow morning?"
    ),
    "barriers": (
        "She worries she will forget the brace at night. Plan: keep it on the chair by the bed and put it on "
        "every time before she stands up."
    ),
    "response": (
        "Client put on the brace correctly on the second try after I re-explained the straps. Daughter "
        "(caregiver) was present and repeated the toilet steps in her own words."
    ),
}

# Same ideas in clinical language: well above grade 8.
CLINICAL_SCRIPT = (
    "Postoperative hip precautions necessitate consistent utilization of the abduction orthosis during mobility.\n"
    "Independent ambulation without the orthosis significantly increases dislocation probability.\n"
    "Application of the orthosis should occur in a seated position prior to standing.\n"
    "Circumferential straps require appropriate tension without compromising circulation.\n"
    "Toileting transfers should incorporate the elevated commode and stabilization via the grab bar.\n"
    "Utilization of towel rails for stabilization is contraindicated because of inadequate anchoring.\n"
    "Signs of infection, including erythema, warmth, or increased drainage, necessitate immediate notification.\n"
    "Maintain the hip in a neutral position throughout functional activities.\n"
    "Demonstrate the application sequence for the therapist.\n"
    "Explain the transfer technique back to the therapist in your own words."
)


def artifact(**overrides):
    return artifact_text("education_script", "outpatient", {**GOOD, **overrides})


def findings(**overrides):
    return list(education.check(artifact(**overrides)))


def found(check_id, **overrides):
    return [item for item in findings(**overrides) if item.check == check_id]


def covered(item, **overrides):
    """The text a finding points at."""
    return {**GOOD, **overrides}[item.field][item.start : item.end]


def test_the_good_script_covers_every_section_of_the_kind():
    assert set(GOOD) == set(SECTIONS)


def test_a_complete_plain_script_raises_nothing():
    assert readability.measure(GOOD["script"]).fkgl <= education.GRADE_TARGET
    assert findings() == []


def test_it_ignores_other_kinds():
    found = check_artifact("case_writeup", "outpatient", {"context": "Do you understand? ADL ROM."}).findings
    assert not [f for f in found if f.check.startswith("education.")]


# --- readability.grade -----------------------------------------------------------------------


def test_it_marks_a_script_above_the_grade_limit_as_an_error_on_its_hardest_sentence():
    [item] = found("readability.grade", script=CLINICAL_SCRIPT)
    assert item.severity == "error"
    assert item.row == PATIENT_EDUCATION
    assert item.field == "script"
    hardest = max(readability.split_sentences(CLINICAL_SCRIPT), key=lambda s: readability.score_sentences([s]).fkgl)
    assert covered(item, script=CLINICAL_SCRIPT) == hardest
    overall = readability.measure(CLINICAL_SCRIPT)
    assert f"grade {overall.fkgl:.1f}" in item.message and f"SMOG {overall.smog:.1f}" in item.message


def test_it_passes_a_script_at_or_below_the_target_grade():
    assert found("readability.grade") == []


def test_it_warns_between_the_target_and_the_limit_with_thresholds_passed_in():
    grade = readability.measure(GOOD["script"]).fkgl
    results = education.grade_findings(artifact(), target=grade - 1, limit=grade + 1)
    [item] = [item for item in results if item.check == "readability.grade"]
    assert item.severity == "warning"
    assert "target" in item.message


def test_it_errors_above_a_limit_passed_in():
    grade = readability.measure(GOOD["script"]).fkgl
    results = education.grade_findings(artifact(), target=grade - 2, limit=grade - 1)
    [item] = [item for item in results if item.check == "readability.grade"]
    assert item.severity == "error" and "limit" in item.message


def test_it_reads_its_thresholds_from_the_module_constants(monkeypatch):
    grade = readability.measure(GOOD["script"]).fkgl
    monkeypatch.setattr(education, "GRADE_TARGET", grade - 1)
    monkeypatch.setattr(education, "GRADE_LIMIT", grade + 1)
    assert [item.severity for item in found("readability.grade")] == ["warning"]


# --- readability.too_short -------------------------------------------------------------------


def test_it_calls_a_script_of_fewer_than_ten_sentences_too_short_to_grade():
    script = "Wear your brace out of bed.\nPut it on sitting down.\nShow me how."
    [item] = found("readability.too_short", script=script)
    assert item.severity == "info"
    assert (item.field, item.start, item.end) == ("script", 0, len(script))
    assert "3 sentences" in item.message
    assert found("readability.grade", script=script) == []


def test_it_does_not_call_a_ten_sentence_script_too_short():
    assert found("readability.too_short") == []


def test_it_does_not_grade_an_empty_script():
    assert [item for item in findings(script="") if item.check.startswith("readability.")] == []


# --- readability.hard_sentence ----------------------------------------------------------------


def test_it_points_at_each_long_hard_sentence_with_its_grade():
    hard = (
        "Consistent utilization of the abduction orthosis significantly reduces postoperative dislocation probability."
    )
    script = GOOD["script"].replace("Pull the straps snug, but not tight.", hard)
    [item] = found("readability.hard_sentence", script=script)
    assert item.severity == "info"
    assert covered(item, script=script) == hard
    assert f"grade {readability.measure(hard).fkgl:.1f}" in item.message


def test_it_does_not_name_short_or_plain_sentences_as_hard():
    script = GOOD["script"].replace("Pull the straps snug, but not tight.", "Any questions?")
    assert found("readability.hard_sentence", script=script) == []
    assert found("readability.hard_sentence") == []


def test_it_does_not_repeat_the_hardest_sentence_as_a_separate_note():
    graded = {(item.start, item.end) for item in found("readability.grade", script=CLINICAL_SCRIPT)}
    notes = {(item.start, item.end) for item in found("readability.hard_sentence", script=CLINICAL_SCRIPT)}
    assert graded and notes and not graded & notes


# --- education.teach_back ----------------------------------------------------------------------


def test_it_flags_a_script_without_any_teach_back_prompt():
    script = GOOD["script"].replace("Now show me how you put it on.", "That is it.")
    script = script.replace("Tell me how you will sit down on the toilet at home.", "Good.")
    script = script.replace("What will you do if your leg looks red tomorrow?", "Bye.")
    teach_back = "I give a handout at the end."
    [item] = found("education.teach_back", script=script, teach_back=teach_back)
    assert item.severity == "error"
    assert (item.field, item.start, item.end) == ("teach_back", 0, len(teach_back))
    assert "own words" in item.message


def test_it_points_at_the_empty_teach_back_section_when_no_prompt_exists_anywhere():
    script = "\n".join(line for line in GOOD["script"].splitlines() if "show me" not in line.lower())
    script = script.replace("Tell me how you will sit down on the toilet at home.", "")
    script = script.replace("What will you do if your leg looks red tomorrow?", "")
    [item] = found("education.teach_back", script=script, teach_back="")
    assert (item.field, item.start, item.end) == ("teach_back", 0, 0)


def test_it_accepts_a_teach_back_prompt_in_the_script_or_the_teach_back_section():
    assert found("education.teach_back") == []
    assert found("education.teach_back", teach_back="") == []


# --- education.do_you_understand ---------------------------------------------------------------


def test_it_flags_each_closed_check_of_understanding():
    script = GOOD["script"] + "\nDo you understand?\nAny questions?"
    items = found("education.do_you_understand", script=script)
    assert [covered(item, script=script) for item in items] == ["Do you understand", "Any questions"]
    assert all(item.severity == "warning" and "own words" in item.fix for item in items)


def test_it_does_not_flag_advice_against_asking_do_you_understand():
    teach_back = GOOD["teach_back"] + " I never ask \u201cDo you understand?\u201d"
    assert found("education.do_you_understand", teach_back=teach_back) == []
    assert found("education.do_you_understand") == []


# --- education.chunking --------------------------------------------------------------------------


def test_it_flags_more_chunks_than_teach_back_prompts():
    script = "\n\n".join(
        [
            "Wear your brace any time you are out of bed. It keeps your hip in place.",
            "Sit down on the toilet slowly. Use the grab bar so you do not fall.",
            "Call us if your leg gets red or hot. That can be a sign of a problem.",
        ]
    )
    [item] = found("education.chunking", script=script)
    assert item.severity == "warning"
    assert (item.field, item.start, item.end) == ("script", 0, len(script))
    assert "3 chunks" in item.message and "1 teach-back prompt" in item.message


def test_it_accepts_a_check_after_each_chunk():
    assert found("education.chunking") == []
    script = GOOD["script"].replace("Now show me how you put it on.", "It may feel odd at first.")
    teach_back = "After each chunk I ask her to show me or tell me in her own words."
    assert found("education.chunking", script=script, teach_back=teach_back) == []


# --- education.main_message_first --------------------------------------------------------------


def test_it_flags_a_script_whose_opening_does_not_state_the_main_message():
    chunks = GOOD["script"].split("\n\n")
    script = "\n\n".join([chunks[1], chunks[2], chunks[0]])  # the bathroom first, the brace last
    [item] = found("education.main_message_first", script=script)
    assert item.field == "script" and item.start == 0
    assert covered(item, script=script) == (
        "Next, let's talk about the bathroom.\n"
        "Sit down on the toilet slowly, with your sore leg out in front.\n"
        "Use the grab bar, not the towel rail.\n"
        "The grab bar holds your weight so you do not fall."
    )
    assert "main message" in item.message
    assert GOOD["main_message"].rstrip(".") in item.fix


def test_it_asks_for_a_main_message_when_none_is_written():
    [item] = found("education.main_message_first", main_message="")
    assert (item.field, item.start, item.end) == ("main_message", 0, 0)


def test_it_accepts_a_script_that_opens_with_its_main_message():
    assert found("education.main_message_first") == []


# --- education.call_to_action ------------------------------------------------------------------


def test_it_flags_a_script_that_never_says_what_to_do():
    script = "Hips heal over six weeks.\nMost people feel better by then.\nThe brace is blue."
    [item] = found("education.call_to_action", script=script, main_message="Hips heal.")
    assert (item.field, item.start, item.end) == ("script", 0, len(script))
    assert "call to action" in item.message


def test_it_flags_a_call_to_action_without_a_reason():
    script = "Wear the brace out of bed.\nPut it on sitting down.\nPull the straps snug."
    [item] = found("education.call_to_action", script=script, main_message="Wear the brace.")
    assert "why" in item.message


def test_it_accepts_an_action_with_a_reason():
    assert found("education.call_to_action") == []


# --- education.jargon --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "plain"),
    [
        ("ADL", "daily activities like dressing and bathing"),
        ("ROM", "how far your joint moves"),
        ("bilateral", "both sides"),
        ("ambulate", "walk"),
        ("edema", "swelling"),
        ("distal", "farther from the body"),
        ("NWB", "do not put any weight on"),
        ("compliance", "sticking with the plan"),
    ],
)
def test_it_flags_a_jargon_term_and_names_the_plain_word(term, plain):
    script = GOOD["script"].replace("Pull the straps snug, but not tight.", f"We will work on {term} today.")
    [item] = found("education.jargon", script=script)
    assert item.severity == "warning" and item.row == PATIENT_EDUCATION
    assert covered(item, script=script) == term
    assert plain in item.fix


def test_it_flags_a_jargon_term_once_however_often_it_is_used():
    script = GOOD["script"] + "\nCheck the edema daily. Less edema means healing."
    assert len(found("education.jargon", script=script)) == 1


def test_it_flags_an_unexplained_abbreviation():
    script = GOOD["script"] + "\nYour OT will call you on Monday."
    [item] = found("education.jargon", script=script)
    assert covered(item, script=script) == "OT"
    assert "abbreviation" in item.message


def test_it_accepts_an_explained_abbreviation_and_capitals_used_for_emphasis():
    script = GOOD["script"] + "\nYour occupational therapist (OT) will call. Your OT can help. DO NOT LIFT boxes."
    assert found("education.jargon", script=script) == []
    assert found("education.jargon") == []


# --- education.barriers --------------------------------------------------------------------------


def test_it_flags_a_barrier_plan_without_when_or_how_often():
    barriers = "She worries she will forget the brace."
    [item] = found("education.barriers", barriers=barriers)
    assert (item.field, item.start, item.end) == ("barriers", 0, len(barriers))
    assert "how-often" in item.message


def test_it_flags_a_missing_barrier_plan():
    [item] = found("education.barriers", barriers="")
    assert (item.field, item.start, item.end) == ("barriers", 0, 0)


def test_it_accepts_a_barrier_with_a_when_and_how_often_plan():
    assert found("education.barriers") == []


# --- education.response ------------------------------------------------------------------------


def test_it_flags_a_response_without_a_caregiver_as_a_documentation_warning():
    response = "Client demonstrated the brace correctly."
    [item] = found("education.response", response=response)
    assert item.row == DOCUMENTATION and item.severity == "warning"
    assert (item.field, item.start, item.end) == ("response", 0, len(response))
    assert "who else was taught" in item.message


def test_it_flags_an_undocumented_response_as_an_error():
    [item] = found("education.response", response="   ")
    assert item.severity == "error"
    assert (item.field, item.start, item.end) == ("response", 0, 0)


def test_it_accepts_a_documented_response_with_the_caregiver():
    assert found("education.response") == []
    assert found("education.response", response="Client lives alone; she repeated the steps back correctly.") == []


# --- robustness ----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({key: st.text(max_size=300) for key in SECTIONS}))
def test_it_never_raises_and_keeps_every_span_inside_its_section(fields):
    for item in education.check(artifact_text("education_script", "home_health", fields)):
        assert 0 <= item.start <= item.end <= len(fields[item.field])
        assert item.field in SECTIONS


def test_every_check_but_the_response_counts_on_the_patient_education_row():
    items = findings(
        main_message="",
        script=CLINICAL_SCRIPT + "\nDo you understand? Your ADL kit is here.",
        teach_back="",
        barriers="",
        response="",
    )
    rows = {item.check: item.row for item in items}
    assert rows.pop("education.response") == DOCUMENTATION
    assert len(rows) >= 6
    assert set(rows.values()) == {PATIENT_EDUCATION}


def test_it_stops_pointing_at_repeated_closed_checks_after_a_limit():
    script = GOOD["script"] + "\n" + "Do you understand? " * (education.MAX_SPAN_FINDINGS + 10)
    assert len(found("education.do_you_understand", script=script)) == education.MAX_SPAN_FINDINGS


# --- Misreads fixed (issue 9) --------------------------------------------------------------------


@pytest.mark.parametrize(
    "prompt",
    [
        "Show me how you would get out of bed without twisting.",
        "Tell me in your own words what you will do if your leg swells.",
        "Walk me through how you will put on the brace tomorrow.",
        "Could you demonstrate how you will use the sock aid?",
        "Pretend I am your daughter and explain the hip rules to me.",
    ],
)
def test_teach_back_without_the_word_is_read(prompt):
    script = GOOD["script"].replace("Now show me how you put it on.", "Now let's practise.")
    script = script.replace("Tell me how you will sit down on the toilet at home.", "")
    script = script.replace("What will you do if your leg looks red tomorrow?", "")
    assert found("education.teach_back", script=script, teach_back=prompt) == []
    assert education.script_evidence(artifact(script=script, teach_back=prompt))["teach_back"][0] == "teach_back"


def test_a_prompt_that_asks_nothing_back_is_still_no_teach_back():
    script = "Wear your hip brace any time you are out of bed. It keeps your hip in place."
    [item] = found("education.teach_back", script=script, teach_back="I gave her the handout and answered questions.")
    assert item.severity == "error"


@pytest.mark.parametrize(
    "barriers",
    [
        "Mom works nights. Grandma will do the 5 minutes of cutting each day after school.",
        "He lives alone and has no car. He will do the putty squeezes after breakfast every day.",
        "Her daughter visits only on weekends, so she will check her skin with every meal.",
        "The bathroom is upstairs. She will do the stairs practice each morning before the bus.",
    ],
)
def test_barriers_stated_as_plain_facts_with_a_routine_plan_pass(barriers):
    assert found("education.barriers", barriers=barriers) == []
    evidence = education.script_evidence(artifact(barriers=barriers))
    assert evidence["barriers_answered"] is not None


def test_a_plan_with_no_barrier_still_asks_what_gets_in_the_way():
    barriers = "We agreed she will practise each morning before the bus."
    [item] = found("education.barriers", barriers=barriers)
    assert "get in the way" in item.message and "how-often" not in item.message


@pytest.mark.parametrize(
    "plan", ["each morning before the bus", "after brushing teeth", "with every meal", "when she gets home from work"]
)
def test_schedules_tied_to_routines_are_a_when_plan(plan):
    barriers = f"She worries she will forget. She will do the squeezes {plan}."
    assert found("education.barriers", barriers=barriers) == []
    start, end = education.when_how_often(barriers)
    assert barriers[start:end]


def test_a_barrier_with_a_vague_sometime_plan_still_lacks_when():
    barriers = "She worries she will forget. She will try to do the squeezes sometime."
    [item] = found("education.barriers", barriers=barriers)
    assert "how-often" in item.message


@pytest.mark.parametrize(
    "reason",
    [
        "Use the grab bar every time, which keeps you from slipping.",
        "Put the rug away; otherwise you could trip on it.",
        "Check your feet each night, since you may not feel a blister.",
        "Keep your leg up on two pillows to bring the swelling down.",
    ],
)
def test_a_call_to_action_with_its_reason_is_read(reason):
    script = "Wear your hip brace any time you are out of bed.\n" + reason + "\nShow me how you will do it."
    assert found("education.call_to_action", script=script) == []


def test_a_call_to_action_without_any_reason_still_asks_why():
    script = "Wear your hip brace any time you are out of bed.\nSit down to dress.\nShow me how you will do it."
    [item] = found("education.call_to_action", script=script)
    assert "why" in item.message


def test_the_jargon_lexicon_is_large_and_plain():
    from portfolios.rubric import jargon

    assert len(jargon.TERMS) + len(jargon.ABBREVIATIONS) >= 150
    assert len(jargon.TERMS) >= 150
    for term, plain in {**jargon.TERMS, **jargon.ABBREVIATIONS}.items():
        assert plain and plain.lower() != term.lower(), term


@pytest.mark.parametrize(
    ("term", "plain"),
    [
        ("dorsiflexion", "pulling your foot up"),
        ("proprioception", "where your body is"),
        ("contraindicated", "not safe"),
        ("ADLs", "daily activities"),
        ("hemiparesis", "weakness on one side"),
        ("LLE", "left leg"),
    ],
)
def test_jargon_is_flagged_in_a_one_sentence_script_with_its_span_and_plain_word(term, plain):
    script = f"Do the {term} work every day."
    items = found("education.jargon", script=script, main_message="Keep moving.")
    assert [covered(item, script=script) for item in items] == [term]
    assert plain in items[0].fix


@pytest.mark.parametrize(
    "explained",
    [
        "Your HEP (home exercise plan) takes 10 minutes.",
        "Your HEP, which means your home exercise plan, takes 10 minutes.",
        "Your swelling (edema) should go down.",
        "NWB means no weight on that leg at all.",
    ],
)
def test_a_term_explained_where_it_is_used_is_not_flagged(explained):
    assert found("education.jargon", script=explained, main_message="Keep moving.") == []


def test_an_unknown_abbreviation_in_a_short_script_is_flagged():
    script = "Call the HHA if you fall."
    [item] = found("education.jargon", script=script, main_message="Keep moving.")
    assert covered(item, script=script) == "HHA"


def test_a_short_jargon_heavy_script_is_not_plain_language():
    script = "Maintain NWB LLE and perform AROM TID to decrease edema."
    [item] = found("readability.plain_language", script=script, main_message="")
    assert item.severity == "warning" and item.row == PATIENT_EDUCATION
    assert "NWB" in item.message and "edema" in item.message


def test_a_short_plain_script_is_only_too_short_to_grade():
    script = "Keep your weight off your left leg. Move your ankle 10 times, 3 times a day, to bring the swelling down."
    assert found("readability.plain_language", script=script, main_message="") == []
    assert len(found("readability.too_short", script=script, main_message="")) == 1


def test_a_short_script_full_of_long_words_is_not_plain_language():
    script = "Utilization of compensatory methodology necessitates consistent implementation."
    assert len(found("readability.plain_language", script=script, main_message="")) == 1


def test_a_pediatric_script_gets_pediatric_example_fixes():
    text = artifact_text(
        "education_script",
        "pediatrics",
        dict.fromkeys(SECTIONS, "") | {"script": "Facilitate fine motor development.", "barriers": "None."},
    )
    advice = " ".join(item.fix for item in education.check(text))
    for adult in ("hip", "grandchild", "sock aid", "brace"):
        assert adult not in advice, adult


def test_script_evidence_names_the_passage_behind_each_element():
    evidence = education.script_evidence(artifact())
    for key in ("teach_back", "barrier", "when_how_often", "barriers_answered", "main_message", "call_to_action"):
        field, start, end = evidence[key]
        assert {**GOOD}[field][start:end].strip(), key
    bare = education.script_evidence(artifact(barriers="", teach_back="", main_message=""))
    assert bare["barrier"] is None and bare["main_message"] is None


def test_the_lexicon_finds_no_jargon_in_plain_texts_and_plenty_in_expert_ones():
    """The graded handouts of corpus/education_texts.jsonl, written before the lexicon grew."""
    import json
    from pathlib import Path

    corpus = Path(__file__).parent / "corpus" / "education_texts.jsonl"
    entries = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    for entry in entries:
        hits = education.jargon_hits(entry["text"])
        if entry["band"] in ("3-4", "5-6"):
            assert hits == [], entry["id"]
        if entry["band"] == "12+":
            assert len(hits) >= 3, entry["id"]


@pytest.mark.parametrize(
    "plan",
    ["Only 10 squeezes after breakfast every day.", "Don't skip it: 10 squeezes after breakfast every day."],
)
def test_a_plan_alone_is_not_read_as_its_own_barrier(plan):
    [item] = found("education.barriers", barriers=plan)
    assert "get in the way" in item.message


def test_the_clinician_showing_the_caregiver_is_not_a_teach_back():
    script = "Wear your hip brace any time you are out of bed. I will show your daughter how the straps go."
    assert len(found("education.teach_back", script=script, teach_back="")) == 1
    script += " Then explain it to your daughter while I listen."
    assert found("education.teach_back", script=script, teach_back="") == []
