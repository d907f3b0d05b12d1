"""Goal checks: COAST elements, measurability, impairment-only goals, progression, discharge criteria."""

from __future__ import annotations

import pytest

from portfolios.checker import check_artifact
from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import goals
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.assist import CGA, INDEPENDENT, MAX, MIN, MOD, MOD_I, SETUP, SUPERVISION, find_cues, find_levels
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import PLAN_OF_CARE
from tests.rubric.texts import artifact_text

GOOD_LTG = "Client will don bilateral shoes with modified independence using a long-handled shoe horn within 4 weeks."
GOOD_STG = "Client will don bilateral shoes with Min A using a long-handled shoe horn within 2 weeks."
GOOD_DISCHARGE = "Discharge when client dons shoes at modified independent for 2 consecutive sessions."


def plan_of_care(track: str = "outpatient", **fields: str) -> ArtifactText:
    written = dict.fromkeys(KINDS_BY_KEY["plan_of_care"].section_keys, "")
    written.update(
        long_term_goals=GOOD_LTG,
        short_term_goals=GOOD_STG,
        discharge_criteria=GOOD_DISCHARGE,
        baseline="Shoes: Mod A.",
    )
    written.update(fields)
    return artifact_text("plan_of_care", track, written)


def case_writeup(track: str = "outpatient", **fields: str) -> ArtifactText:
    written = dict.fromkeys(KINDS_BY_KEY["case_writeup"].section_keys, "")
    written.update(fields)
    return artifact_text("case_writeup", track, written)


# A goal missing several elements gets one `goal.coast` finding naming each; these words name them.
ELEMENT_WORDS = {
    "goal.client": "COAST “C”",
    "goal.occupation": "COAST “O”",
    "goal.assist": "COAST “A”",
    "goal.condition": "COAST “S”",
    "goal.timeline": "COAST “T”",
    "goal.measurable": "a measure a colleague could check",
    "goal.impairment_only": "body function",
}


def fired(text: ArtifactText, check: str) -> list[Finding]:
    """Findings of `check`, counting a `goal.coast` finding that names the element as one of them."""
    words = ELEMENT_WORDS.get(check)
    return [
        item
        for item in goals.check(text)
        if item.check == check or (words and item.check == "goal.coast" and words in item.message)
    ]


def only(text: ArtifactText, check: str) -> Finding:
    found = fired(text, check)
    assert len(found) == 1, found
    return found[0]


def covers(text: ArtifactText, item: Finding, words: str) -> None:
    """The finding's span is exactly the goal `words` inside its section."""
    body = text.text(item.field)
    assert body[item.start : item.end] == words


# --- The example from the issue -----------------------------------------------------------------
def test_the_issue_example_flags_timeline_measurability_assist_and_condition_but_not_client_or_occupation():
    result = check_artifact("plan_of_care", "outpatient", {"short_term_goals": "Client will improve ADLs."})
    on_goal = [item for item in result.findings if item.field == "short_term_goals" and item.end > 0]
    coast = [item for item in on_goal if item.check.startswith("goal.") and item.check != "goal.client_priority"]
    assert len(coast) == 1, coast  # one vague goal, one finding
    item = coast[0]
    assert item.check == "goal.coast"
    for check in ("goal.timeline", "goal.measurable", "goal.assist", "goal.condition"):
        assert ELEMENT_WORDS[check] in item.message, check
    assert ELEMENT_WORDS["goal.client"] not in item.message
    assert ELEMENT_WORDS["goal.occupation"] not in item.message
    assert (item.start, item.end, item.row, item.severity) == (0, 25, PLAN_OF_CARE, "warning")


def test_a_complete_coast_goal_raises_no_coast_finding():
    text = plan_of_care()
    for element in ("client", "occupation", "assist", "condition", "timeline", "measurable"):
        assert fired(text, f"goal.{element}") == [], element


# --- C ----------------------------------------------------------------------------------------
def test_it_flags_a_goal_that_does_not_say_who_will_act():
    goal = "Improve LB dressing to Min A using a reacher within 2 weeks."
    text = plan_of_care(long_term_goals=f"- {goal}")
    item = only(text, "goal.client")
    assert (item.field, item.row, item.severity) == ("long_term_goals", PLAN_OF_CARE, "warning")
    covers(text, item, goal)


@pytest.mark.parametrize(
    "goal",
    [
        "Pt will complete LB dressing w/ min A using AE seated EOB in 2 wks.",
        "Pt to complete toileting with CGA using grab bars in 1 wk.",
        "Client A will complete meal prep with supervision in the kitchen within 3 weeks.",
        "Patient will complete UB dressing with set-up while seated in w/c by d/c.",
        "By discharge, the patient will shower with SBA using a tub bench.",
    ],
)
def test_it_accepts_the_ways_clinicians_name_the_client(goal):
    assert fired(plan_of_care(long_term_goals=goal), "goal.client") == []


def test_it_reads_student_and_child_as_the_client_in_school_goals():
    text = plan_of_care(
        "pediatrics",
        long_term_goals="Student will write his first and last name on lined paper in 4/5 trials by the annual IEP review.",
        short_term_goals="Child will feed self with a spoon at snack with no more than 2 physical prompts within 6 months.",
    )
    assert fired(text, "goal.client") == []


# --- O ----------------------------------------------------------------------------------------
def test_it_flags_a_goal_with_no_occupation():
    goal = "Client will increase R shoulder AROM to 120 degrees in 4 weeks."
    text = plan_of_care(long_term_goals=goal)
    covers(text, only(text, "goal.occupation"), goal)


@pytest.mark.parametrize(
    "goal",
    [
        "Client will improve ADLs.",
        "Pt will complete IADLs with supervision.",
        "Pt will complete UB dressing with CGA.",
        "Student will cut along a curved line with adapted scissors.",
        "Client will prepare a cold lunch with mod I.",
    ],
)
def test_it_recognises_occupations_and_their_abbreviations(goal):
    assert fired(plan_of_care(long_term_goals=goal), "goal.occupation") == []


# --- A ----------------------------------------------------------------------------------------
def test_it_flags_a_goal_with_no_assist_level_or_cue_count():
    goal = "Client will complete LB dressing using a reacher within 2 weeks."
    text = plan_of_care(short_term_goals=goal)
    item = only(text, "goal.assist")
    assert item.field == "short_term_goals"
    covers(text, item, goal)


@pytest.mark.parametrize(
    "level",
    [
        "min A",
        "Mod A",
        "max assist",
        "CGA",
        "SBA",
        "supv",
        "set-up",
        "mod I",
        "independently",
        "≤2 verbal cues",
        "GG 04",
    ],
)
def test_it_accepts_every_assist_level_and_cue_count(level):
    goal = f"Client will complete LB dressing with {level} using a reacher within 2 weeks."
    assert fired(plan_of_care(short_term_goals=goal), "goal.assist") == []


def test_the_assist_fix_speaks_of_prompts_on_the_pediatrics_track():
    goal = "Student will write his name on lined paper in the classroom in 4/5 trials by the annual IEP review."
    item = only(plan_of_care("pediatrics", long_term_goals=goal), "goal.assist")
    assert "verbal prompt" in item.fix


def test_increase_independence_is_a_direction_not_an_assist_level():
    text = plan_of_care(
        short_term_goals="Client will increase independence with LB dressing using a reacher in 2 weeks."
    )
    assert len(fired(text, "goal.assist")) == 1


# --- S ----------------------------------------------------------------------------------------
def test_it_flags_a_goal_with_no_specific_condition():
    goal = "Client will complete LB dressing with Min A within 2 weeks."
    text = plan_of_care(short_term_goals=goal)
    covers(text, only(text, "goal.condition"), goal)


@pytest.mark.parametrize(
    "condition",
    [
        "using a sock aid",
        "while seated EOB",
        "in standing at the sink",
        "w/ AE",
        "in her home bathroom",
        "with a reacher",
    ],
)
def test_it_accepts_equipment_techniques_positions_and_places_as_conditions(condition):
    goal = f"Client will complete LB dressing with Min A {condition} within 2 weeks."
    assert fired(plan_of_care(short_term_goals=goal), "goal.condition") == []


def test_a_school_context_counts_as_the_condition_only_on_the_pediatrics_track():
    goal = "Student will complete the 3-step classroom routine with 1 verbal prompt in 4/5 trials by the annual review."
    assert fired(plan_of_care("pediatrics", long_term_goals=goal), "goal.condition") == []
    assert len(fired(plan_of_care("outpatient", long_term_goals=goal), "goal.condition")) == 1


# --- T ----------------------------------------------------------------------------------------
def test_it_flags_a_goal_with_no_timeline():
    goal = "Client will complete LB dressing with Min A using a reacher."
    text = plan_of_care(long_term_goals=f"1. {GOOD_LTG}\n2. {goal}")
    item = only(text, "goal.timeline")
    covers(text, item, goal)


@pytest.mark.parametrize(
    "timeline",
    ["within 4 weeks", "in 2 wks", "by d/c", "by discharge", "in 6 visits", "by the annual IEP review", "by week 3"],
)
def test_it_accepts_timelines_as_clinicians_write_them(timeline):
    goal = f"Client will complete LB dressing with Min A using a reacher {timeline}."
    assert fired(plan_of_care(long_term_goals=goal), "goal.timeline") == []


def test_a_frequency_or_a_criterion_is_not_a_timeline():
    goal = "Client will complete LB dressing with Min A using a reacher 3 days/week for 3 consecutive sessions."
    assert len(fired(plan_of_care(long_term_goals=goal), "goal.timeline")) == 1


def test_goals_inherit_the_timeline_of_the_heading_they_sit_under():
    text = plan_of_care(
        short_term_goals="STGs (2 weeks):\n- Client will don socks with Min A using a sock aid.\n"
        "- Client will complete toileting with CGA using grab bars."
    )
    assert fired(text, "goal.timeline") == []
    # The heading itself is not a goal.
    assert [goal.text[:20] for goal in goals.extract_goals(text) if goal.field == "short_term_goals"] == [
        "Client will don sock",
        "Client will complete",
    ]


# --- Measurable ---------------------------------------------------------------------------------
def test_it_flags_a_goal_nothing_in_which_can_be_measured_and_names_the_vague_verb():
    goal = "Client will improve safety awareness during kitchen tasks by discharge."
    text = plan_of_care(long_term_goals=goal)
    item = only(text, "goal.measurable")
    assert item.severity == "warning"
    assert "“improve”" in item.message
    covers(text, item, goal)


@pytest.mark.parametrize(
    "measure",
    ["with Min A", "in 4/5 trials", "in 80% of opportunities", "for 10 minutes", "COPM performance 7/10", "at GG 05"],
)
def test_it_accepts_any_measurable_criterion(measure):
    goal = f"Client will complete meal prep {measure} using a walker tray within 4 weeks."
    assert fired(plan_of_care(long_term_goals=goal), "goal.measurable") == []


# --- Impairment only ----------------------------------------------------------------------------
def test_it_flags_a_strength_or_range_of_motion_goal_with_no_occupation():
    goal = "Client will increase grip strength to 40 lb on the dynamometer within 6 weeks."
    text = plan_of_care(long_term_goals=goal)
    item = only(text, "goal.impairment_only")
    assert (item.row, item.severity) == (PLAN_OF_CARE, "warning")
    covers(text, item, goal)


def test_a_client_factor_tied_to_an_occupation_is_not_impairment_only():
    goal = "Client will increase grip strength to 20 lb in order to open jars during meal prep within 6 weeks."
    assert fired(plan_of_care(long_term_goals=goal), "goal.impairment_only") == []


# --- Progression ---------------------------------------------------------------------------------
def test_it_flags_a_goal_whose_target_does_not_beat_the_baseline():
    goal = "Client will complete LB dressing with Mod A using a reacher within 4 weeks."
    text = plan_of_care(baseline="PLOF: independent.\nLB dressing: Mod A; toileting: Min A.", long_term_goals=goal)
    item = only(text, "goal.progression")
    assert "baseline (Mod A)" in item.message
    covers(text, item, goal)


def test_it_flags_a_short_term_goal_that_aims_past_the_long_term_goal():
    stg = "Client will complete toileting with supervision using grab bars within 2 weeks."
    text = plan_of_care(
        baseline="Toileting: Mod A.",
        long_term_goals="Client will complete toileting with Min A using grab bars within 6 weeks.",
        short_term_goals=stg,
    )
    item = only(text, "goal.progression")
    assert item.field == "short_term_goals"
    assert "aims higher" in item.message
    covers(text, item, stg)


def test_it_flags_a_short_term_goal_whose_timeline_is_not_shorter_than_the_long_term_goal():
    stg = "Client will don shoes with Min A using a shoe horn within 6 weeks."
    text = plan_of_care(short_term_goals=stg)
    item = only(text, "goal.progression")
    assert "not shorter" in item.message
    covers(text, item, stg)


def test_a_well_ordered_plan_raises_no_progression_finding():
    text = plan_of_care(
        baseline="PLOF: independent with all ADLs. Currently Mod A for LB dressing and Min A for toileting.",
        long_term_goals="- Client will complete LB dressing with mod I using a reacher within 6 weeks.\n"
        "- Client will complete toileting independently using a raised toilet seat within 6 weeks.",
        short_term_goals="- Client will complete LB dressing with Min A using a reacher within 2 weeks.\n"
        "- Client will complete toileting with SBA using grab bars within 3 weeks.",
    )
    assert fired(text, "goal.progression") == []


def test_a_maintenance_goal_may_keep_the_baseline_level():
    text = plan_of_care(
        "home_health",
        baseline="Grooming: supervision.",
        long_term_goals="Client will maintain grooming at supervision level seated at the sink for 60 days.",
    )
    assert fired(text, "goal.progression") == []


def test_progression_in_a_case_write_up_reads_the_baseline_from_the_assessment():
    goal = "Client will complete toilet transfers with Max A using a BSC within 3 days."
    text = case_writeup(
        assessment="PLOF independent. Day 1: toilet transfers Mod A with RW.",
        plan=f"I chose a bedside commode because the bathroom is far. {goal}",
    )
    item = only(text, "goal.progression")
    assert item.field == "plan"
    covers(text, item, goal)


def test_baseline_levels_pair_each_level_with_its_own_occupation():
    both_orders = ("LB dressing: Mod A; toileting: Min A.", "Needs Mod A for LB dressing and Min A for toileting.")
    for baseline in both_orders:
        levels = goals.baseline_levels(baseline)
        assert (levels["lb_dressing"].low, levels["toileting"].low) == (MOD, MIN), baseline


def test_baseline_levels_skip_the_prior_level_of_function():
    levels = goals.baseline_levels("PLOF: independent with dressing. Now dressing requires Max A.")
    assert levels["dressing"].low == MAX


# --- Client priority -------------------------------------------------------------------------------
def test_it_notes_when_no_goal_cites_what_the_client_said_matters():
    text = plan_of_care()
    item = only(text, "goal.client_priority")
    assert (item.field, item.severity, item.start, item.end) == ("long_term_goals", "info", 0, len(GOOD_LTG))


@pytest.mark.parametrize(
    "priority",
    ["so she can attend church (her top COPM priority)", "to “get back to my garden”", "in order to return to work"],
)
def test_a_goal_tied_to_the_clients_own_priority_satisfies_the_note(priority):
    goal = f"Client will don shoes with mod I using a shoe horn within 4 weeks {priority}."
    assert fired(plan_of_care(long_term_goals=goal), "goal.client_priority") == []


# --- Discharge criteria ---------------------------------------------------------------------------
def test_it_flags_missing_discharge_criteria_at_the_start_of_the_empty_section():
    item = only(plan_of_care(discharge_criteria=""), "goal.discharge_criteria")
    assert (item.field, item.start, item.end, item.severity) == ("discharge_criteria", 0, 0, "warning")


@pytest.mark.parametrize(
    "criteria",
    [
        "Discharge when appropriate.",
        "Client will be discharged home.",
        "D/C once all LTGs are met.",
        "Discharge when goals are met.",
        "Discharge when client reaches maximum potential.",
    ],
)
def test_it_flags_discharge_criteria_without_a_measurable_condition(criteria):
    text = plan_of_care(discharge_criteria=f"  {criteria}\n")
    item = only(text, "goal.discharge_criteria")
    assert (item.start, item.end) == (2, 2 + len(criteria))


@pytest.mark.parametrize(
    "criteria",
    [GOOD_DISCHARGE, "D/C once all LTGs are met at modified independent.", "Discharge when GG self-care ≥ 05."],
)
def test_measurable_discharge_criteria_pass(criteria):
    assert fired(plan_of_care(discharge_criteria=criteria), "goal.discharge_criteria") == []


def test_case_write_ups_have_no_discharge_criteria_section_to_check():
    text = case_writeup(plan="Client will complete LB dressing with Min A using a reacher within 3 days.")
    assert fired(text, "goal.discharge_criteria") == []


# --- Missing goals ---------------------------------------------------------------------------------
def test_it_flags_an_empty_goal_section_at_zero_zero():
    item = only(plan_of_care(short_term_goals="   "), "goal.missing")
    assert (item.field, item.start, item.end, item.row) == ("short_term_goals", 0, 0, PLAN_OF_CARE)


def test_a_goal_section_holding_only_a_heading_has_no_goals():
    item = only(plan_of_care(long_term_goals="Long-term goals:\nTBD"), "goal.missing")
    assert item.field == "long_term_goals"


def test_it_flags_a_case_plan_with_no_goals():
    item = only(case_writeup(plan="Task-specific training because she lives alone."), "goal.missing")
    assert (item.field, item.start, item.end) == ("plan", 0, 0)


def test_a_blank_case_plan_is_left_to_the_case_flow_check():
    assert fired(case_writeup(assessment="PLOF independent."), "goal.missing") == []


def test_goal_sections_with_goals_are_not_missing():
    assert fired(plan_of_care(), "goal.missing") == []


# --- Finding goals in a case plan ---------------------------------------------------------------------
def test_it_finds_goals_under_labels_and_in_client_will_sentences_of_a_case_plan():
    plan = (
        "I chose task-specific training rather than remediation because she goes home on Day 5.\n"
        "Short-term goals:\n"
        "1. Pt will don socks with min A using a sock aid in 2 days.\n"
        "Long-term goals:\n"
        "- Pt will complete LB dressing with mod I using AE by discharge.\n"
        "\n"
        "She will be discharged home. The client will be seen BID. Client will shower with SBA using a tub bench by d/c."
    )
    found = goals.extract_goals(case_writeup(plan=plan))
    assert [(goal.term, plan[goal.start : goal.end]) for goal in found] == [
        ("short", "Pt will don socks with min A using a sock aid in 2 days."),
        ("long", "Pt will complete LB dressing with mod I using AE by discharge."),
        (None, "Client will shower with SBA using a tub bench by d/c."),
    ]


# --- Scope and robustness ----------------------------------------------------------------------------
def test_other_kinds_and_empty_drafts_get_no_goal_findings():
    handoff = artifact_text(
        "handoff_template", "acute", dict.fromkeys(KINDS_BY_KEY["handoff_template"].section_keys, "x")
    )
    empty = artifact_text("plan_of_care", "outpatient", dict.fromkeys(KINDS_BY_KEY["plan_of_care"].section_keys, " "))
    assert not [f for f in goals.check(handoff) if f.check.startswith("goal.")]
    assert list(goals.check(empty)) == []
    found = check_artifact("handoff_template", "acute", dict(handoff.fields)).findings
    assert not [f for f in found if f.check.startswith("goal.")]


@pytest.mark.parametrize(
    "body",
    [
        "İİİ Client will dress with Mod A İ in 2 wks",
        "“”\u2028- \u00a0\n\n:\n* \n1)\n",
        "Client will " + "a " * 500,
        "\ufeffClient will don socks — with min A — within 2 weeks\r\n\r\n- ",
        "GG GG 02 04 10 88 0 01/06 5 min a day x2 x 3",
    ],
)
def test_any_text_gives_spans_inside_its_section(body):
    for kind in ("plan_of_care", "case_writeup"):
        fields = dict.fromkeys(KINDS_BY_KEY[kind].section_keys, body)
        for item in goals.check(artifact_text(kind, "pediatrics", fields)):
            assert 0 <= item.start <= item.end <= len(fields[item.field]), item


# --- The shared assist vocabulary -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("words", "low", "high"),
    [
        ("Max A", MAX, MAX),
        ("moderate assistance", MOD, MOD),
        ("min-mod A", MOD, MIN),
        ("CGA", CGA, CGA),
        ("stand-by assist", SUPERVISION, SUPERVISION),
        ("with set-up", SETUP, SETUP),
        ("modified independent", MOD_I, MOD_I),
        ("progress to I", INDEPENDENT, INDEPENDENT),
        ("GG 04", CGA, SUPERVISION),
    ],
)
def test_assist_words_map_onto_the_ordinal_scale(words, low, high):
    [level] = find_levels(words)
    assert (level.low, level.high) == (low, high)


@pytest.mark.parametrize("words", ["5 min a day", "I will dress", "set up the table", "increase independence"])
def test_look_alikes_are_not_assist_levels(words):
    assert find_levels(words) == []


def test_cue_counts_need_a_count_or_level_next_to_the_cue():
    assert find_cues("with no more than 2 verbal cues") == [(5, 31)]
    assert find_cues("for 5 minutes with adult prompts as needed") == []


# --- Misreads fixed (issue 9): each with a neighbour that must still flag --------------------------
@pytest.mark.parametrize(
    "timeline",
    ["by the fourth visit", "by the 6th session", "within 6 sessions", "by discharge", "within the same shift"],
)
def test_timelines_counted_in_visits_sessions_or_shifts_are_read(timeline):
    goal = f"Client will don socks with Min A using a sock aid while seated {timeline}."
    assert fired(plan_of_care(long_term_goals=goal, short_term_goals=""), "goal.timeline") == []


def test_a_goal_with_visits_but_no_by_when_still_lacks_a_timeline():
    goal = "Client will don socks with Min A using a sock aid while seated at every visit."
    assert len(fired(plan_of_care(long_term_goals=goal), "goal.timeline")) == 1


def test_an_ordinal_visit_counts_as_that_many_visits_for_progression():
    assert goals.timeline_length("by the fourth visit")[:2] == (4.0, "visits")
    text = plan_of_care(
        long_term_goals="Client will don shoes with mod I using a shoe horn by the 4th visit.",
        short_term_goals="Client will don shoes with Min A using a shoe horn by the sixth visit.",
    )
    assert "not shorter" in only(text, "goal.progression").message


@pytest.mark.parametrize(
    "criterion",
    ["with no reported dizziness", "without shortness of breath", "with pain at or below 3/10"],
)
def test_a_symptom_criterion_is_a_condition(criterion):
    goal = f"Client will complete tub transfers with supervision {criterion} within 3 weeks."
    assert fired(plan_of_care(long_term_goals=goal), "goal.condition") == []


def test_equipment_and_symptom_together_are_a_condition_but_a_bare_transfer_is_not():
    good = "Client will complete tub transfers with SBA using a tub bench with no reported dizziness within 3 weeks."
    bare = "Client will complete tub transfers with SBA within 3 weeks."
    assert fired(plan_of_care(long_term_goals=good), "goal.condition") == []
    assert len(fired(plan_of_care(long_term_goals=bare), "goal.condition")) == 1


def test_a_baseline_item_not_attempted_does_not_borrow_its_neighbours_level():
    assert set(goals.baseline_levels("Toileting: not attempted; LB dressing: Mod A.")) == {"lb_dressing"}
    assert set(goals.baseline_levels("Toileting not attempted, LB dressing Mod A.")) == {"lb_dressing"}
    text = plan_of_care(
        baseline="Toileting: not attempted; LB dressing: Mod A.",
        long_term_goals="Client will complete toileting with Mod A using grab bars within 4 weeks.",
        short_term_goals="",
    )
    assert fired(text, "goal.progression") == []


def test_a_baseline_level_stated_for_the_same_item_still_blocks_a_goal_that_does_not_move():
    text = plan_of_care(
        baseline="Toileting: Mod A; LB dressing: not attempted.",
        long_term_goals="Client will complete toileting with Mod A using grab bars within 4 weeks.",
        short_term_goals="",
    )
    assert "baseline (Mod A)" in only(text, "goal.progression").message


def test_one_vague_goal_among_good_ones_costs_one_finding_naming_every_missing_element():
    vague = "Client will improve ADLs."
    text = plan_of_care(long_term_goals="\n".join([GOOD_LTG, GOOD_LTG, GOOD_LTG, vague]))
    on_vague = [
        item
        for item in goals.check(text)
        if item.field == "long_term_goals" and text.text("long_term_goals")[item.start : item.end] == vague
    ]
    assert [item.check for item in on_vague] == ["goal.coast"]
    for words in ("COAST “A”", "COAST “S”", "COAST “T”", "a measure a colleague could check"):
        assert words in on_vague[0].message


def test_a_goal_missing_one_element_keeps_that_elements_own_check():
    goal = "Client will don shoes with mod I using a shoe horn."
    on_goal = [item.check for item in goals.check(plan_of_care(long_term_goals=goal)) if item.end > item.start]
    assert [check for check in on_goal if check != "goal.client_priority"] == ["goal.timeline"]


@pytest.mark.parametrize("words", ["PRN", "As needed until goals are met.", "Ongoing, as tolerated."])
def test_as_needed_is_not_a_frequency(words):
    item = only(plan_of_care(frequency_duration=words), "goal.frequency")
    assert item.field == "frequency_duration"


@pytest.mark.parametrize(
    "words", ["2x/week for 8 weeks", "Twice a week for 6 weeks, plus PRN phone calls", "12 visits over 6 weeks"]
)
def test_a_counted_frequency_passes(words):
    assert fired(plan_of_care(frequency_duration=words), "goal.frequency") == []


@pytest.mark.parametrize("words", ["Below average.", "Impaired.", "Impaired balance and poor endurance."])
def test_a_numberless_baseline_is_flagged(words):
    assert only(plan_of_care(baseline=words), "goal.baseline").field == "baseline"


@pytest.mark.parametrize("words", ["LB dressing: Mod A.", "COPM performance 3/10.", "Shoulder AROM WFL; grip 12 lb."])
def test_a_measured_baseline_passes(words):
    assert fired(plan_of_care(baseline=words), "goal.baseline") == []


def test_continue_poc_progress_as_tolerated_is_not_a_plan():
    item = only(plan_of_care(interventions="Continue POC. Progress as tolerated."), "goal.vague_plan")
    assert "Continue POC" in item.message


def test_a_plan_naming_the_activity_and_dose_passes():
    plan = "Skilled LB dressing training with a sock aid, 2x/week, progressing to Min A by visit 8."
    assert fired(plan_of_care(interventions=plan), "goal.vague_plan") == []


def test_tolerated_treatment_well_is_flagged_in_a_plan_of_care():
    text = plan_of_care(interventions="Patient tolerated treatment well. Therapeutic exercise.")
    spans = [text.text("interventions")[item.start : item.end] for item in fired(text, "goal.skilled_language")]
    assert spans == ["tolerated treatment well", "Therapeutic exercise"]


def test_a_billing_code_list_is_not_filler():
    codes = "CPT: 97110 Therapeutic exercise; 97530 Therapeutic activities; 97112 Neuromuscular re-education."
    assert (
        fired(plan_of_care(interventions=codes + " LB dressing with a sock aid, 2x/week."), "goal.skilled_language")
        == []
    )


def test_a_pediatric_plan_never_gets_an_adult_example():
    text = plan_of_care(
        "pediatrics",
        long_term_goals="Student will improve fine motor skills.",
        short_term_goals="",
        discharge_criteria="When goals are met.",
        baseline="Below average.",
        interventions="Continue POC.",
        frequency_duration="PRN",
    )
    advice = " ".join(item.fix + item.message for item in goals.check(text))
    for adult in ("hip", "grandchild", "sock aid", "shoe horn", "LB dressing", "COPM", "Client will"):
        assert adult not in advice, adult
    assert "Student will" in advice


def test_an_adult_plan_gets_an_adult_example():
    text = plan_of_care("acute", long_term_goals="Pt will improve ADLs.", short_term_goals="")
    assert "EOB" in only(text, "goal.coast").fix


def test_coast_elements_gives_the_span_that_shows_each_element():
    goal = "Client will don socks with Min A using a sock aid by the fourth visit."
    elements = goals.coast_elements(goal)
    assert goal[slice(*elements["assist"])] == "Min A"
    assert goal[slice(*elements["timeline"])] == "by the fourth visit"
    assert all(elements[key] is not None for key in goals.COAST_ELEMENTS)
    assert goals.coast_elements("Client will improve ADLs.")["timeline"] is None


def test_the_fix_completes_the_candidates_own_goal_in_the_tracks_terms():
    adult = only(
        plan_of_care("home_health", long_term_goals="Client will complete toileting with Min A."), "goal.coast"
    )
    assert "“Client will complete toileting with Min A using" in adult.fix
    assert "by the 6th visit.”" in adult.fix
    school = only(plan_of_care("pediatrics", long_term_goals="Student will write his name."), "goal.coast")
    assert "“Student will write his name with no more than 1 verbal prompt" in school.fix
    assert "by the annual IEP review.”" in school.fix


def test_a_goal_without_its_core_gets_a_whole_example_instead():
    item = only(plan_of_care("pediatrics", long_term_goals="Improve handwriting."), "goal.coast")
    assert "A complete goal reads: “Student will" in item.fix
