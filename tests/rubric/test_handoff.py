"""Handoff-template checks: framework elements, illness severity, owner and time per action,
if/then contingencies, read-back, required vs optional, rehab safety items and escalation."""

from hypothesis import given, settings
from hypothesis import strategies as st

from portfolios.checker import check_artifact
from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import handoff
from portfolios.rubric.rows import ASSESSMENT, DOCUMENTATION, TIME_MANAGEMENT
from tests.rubric.probe import Probe, place
from tests.rubric.texts import artifact_text

SECTIONS = KINDS_BY_KEY["handoff_template"].section_keys

GOOD = {
    "framework": "I-PASS, used at every OT-to-OT handoff at end of shift and on unit transfer.",
    "required_items": (
        "Illness severity: stable / watcher / unstable\n"
        "Patient summary: diagnosis, PLOF, events since the last session\n"
        "Precautions and weight-bearing orders (e.g. posterior hip, WBAT)\n"
        "Current assist level for transfers and toileting\n"
        "DME in the room and DME on order\n"
        "Cognition: orientation, follows commands, safety awareness\n"
        "Pending items: consults, results, equipment orders"
    ),
    "optional_items": "Social context, preferences, family questions.",
    "actions": (
        "- OT to re-check orthostatic BP before the next session, by 14:00.\n"
        "- RN to page MD if BP stays below 90/60 within 1 hour.\n"
        "- Receiving OT to complete the home safety screen tomorrow."
    ),
    "contingencies": "If SpO2 drops below 90% during activity, then stop, seat the patient and notify the RN.",
    "escalation": (
        "If HR rises above 120 or the patient reports chest pain, notify the RN at once; if no response in "
        "10 minutes, page the charge nurse. Use CUS: \u201cI am concerned\u2026\u201d"
    ),
    "read_back": "The receiver summarises the patient, reads back each action with its owner and time, and asks questions.",
}


PROBE = Probe(handoff.check, "handoff_template", "acute", GOOD)
findings, found, whole = PROBE.findings, PROBE.found, PROBE.whole


def test_the_good_template_covers_every_section_of_the_kind():
    assert set(GOOD) == set(SECTIONS)


def test_a_complete_template_raises_nothing():
    assert findings() == []


def test_it_ignores_other_kinds():
    found = check_artifact("sop_checklist", "acute", {"items": "Check BP"}).findings
    assert not [f for f in found if f.check.startswith("handoff.")]


# --- handoff.framework -------------------------------------------------------------------------


def test_it_asks_for_a_named_framework():
    framework = "We use our standard format at shift change."
    [item] = found("handoff.framework", framework=framework)
    assert place(item) == whole("framework", framework=framework)
    assert item.row == DOCUMENTATION and item.severity == "warning"
    assert "I-PASS, SBAR or ISBAR" in item.message


def test_it_lists_the_elements_of_the_named_framework_that_are_missing():
    overrides = {
        "framework": "SBAR at every transfer.",
        "required_items": "Situation: why they are here today\nPrecautions, assist level, DME, cognition, pending",
    }
    [item] = found("handoff.framework", **overrides)
    assert place(item) == whole("framework", **overrides)
    assert "Background" in item.message and "Recommendation" in item.message
    assert "Situation" not in item.message


def test_it_counts_an_i_pass_element_covered_by_its_own_section():
    assert found("handoff.framework") == []
    [item] = found("handoff.framework", read_back="", framework="I-PASS")
    assert "Synthesis by receiver" in item.message


# --- handoff.severity --------------------------------------------------------------------------


def test_it_flags_a_template_without_illness_severity():
    required = GOOD["required_items"].replace("Illness severity: stable / watcher / unstable\n", "")
    [item] = found("handoff.severity", required_items=required)
    assert place(item) == whole("required_items", required_items=required)
    assert "watcher" in item.fix


def test_it_accepts_stable_watcher_unstable():
    assert found("handoff.severity") == []


# --- handoff.owner_time ------------------------------------------------------------------------


def test_it_flags_each_action_line_without_an_owner_or_a_time():
    actions = "- Check BP\n- OT to call family\n- Follow up on labs by 3pm\n- RN to recheck vitals by 16:00"
    items = found("handoff.owner_time", actions=actions)
    assert [actions[item.start : item.end] for item in items] == [
        "Check BP",
        "OT to call family",
        "Follow up on labs by 3pm",
    ]
    assert [item.message for item in items] == [
        "This action does not say who owns it or by when.",
        "This action does not say by when.",
        "This action does not say who owns it.",
    ]
    assert all(item.row == TIME_MANAGEMENT and item.field == "actions" for item in items)


def test_it_flags_a_missing_action_list():
    [item] = found("handoff.owner_time", actions="")
    assert place(item) == ("actions", 0, 0)


def test_it_accepts_actions_with_owner_and_time():
    assert found("handoff.owner_time") == []
    assert found("handoff.owner_time", actions="Today:\nPT to walk the patient before discharge.") == []


# --- handoff.if_then ---------------------------------------------------------------------------


def test_it_flags_contingencies_that_are_not_if_then():
    contingencies = "Watch the vitals closely."
    [item] = found("handoff.if_then", contingencies=contingencies)
    assert place(item) == whole("contingencies", contingencies=contingencies)
    assert "if/then" in item.message


def test_it_flags_missing_contingencies():
    [item] = found("handoff.if_then", contingencies="")
    assert place(item) == ("contingencies", 0, 0)


def test_it_accepts_if_then_contingencies():
    assert found("handoff.if_then") == []
    assert found("handoff.if_then", contingencies="If she is dizzy on standing, sit her down and call the RN.") == []


# --- handoff.read_back -------------------------------------------------------------------------


def test_it_flags_a_read_back_step_that_does_not_synthesise():
    read_back = "The receiver signs the form."
    [item] = found("handoff.read_back", read_back=read_back)
    assert place(item) == whole("read_back", read_back=read_back)


def test_it_flags_a_missing_read_back_step():
    [item] = found("handoff.read_back", read_back="", framework="I-PASS at end of shift.")
    assert place(item) == ("read_back", 0, 0)


def test_it_accepts_a_read_back():
    assert found("handoff.read_back") == []


# --- handoff.required_optional ---------------------------------------------------------------


def test_it_flags_a_template_that_does_not_mark_what_is_optional():
    [item] = found("handoff.required_optional", optional_items="")
    assert place(item) == ("optional_items", 0, 0)
    assert "optional" in item.message


def test_it_points_at_the_required_section_when_both_are_missing():
    [item] = found("handoff.required_optional", optional_items="", required_items="")
    assert place(item) == ("required_items", 0, 0)
    assert "required or optional" in item.message


def test_it_accepts_both_required_and_optional_items():
    assert found("handoff.required_optional") == []


# --- handoff.rehab_safety ----------------------------------------------------------------------


def test_it_lists_the_rehab_safety_items_the_required_list_leaves_out():
    required = "Illness severity: stable / watcher / unstable\nName, room, diagnosis"
    [item] = found("handoff.rehab_safety", required_items=required)
    assert item.row == ASSESSMENT
    assert place(item) == whole("required_items", required_items=required)
    assert item.message == (
        "The required items do not include precautions, current assist level, DME, cognition and pending items."
    )


def test_it_accepts_required_items_with_every_rehab_safety_item():
    assert found("handoff.rehab_safety") == []


# --- handoff.escalation ------------------------------------------------------------------------


def test_it_flags_an_escalation_without_a_trigger_or_role():
    escalation = "Call someone."
    [item] = found("handoff.escalation", escalation=escalation)
    assert item.severity == "warning"
    assert place(item) == whole("escalation", escalation=escalation)
    assert item.message == "The escalation path is missing a trigger and the role you notify."


def test_it_flags_a_missing_escalation_path_as_an_error():
    [item] = found("handoff.escalation", escalation="")
    assert item.severity == "error" and place(item) == ("escalation", 0, 0)


def test_it_accepts_a_trigger_a_notify_step_and_a_role():
    assert found("handoff.escalation") == []
    assert found("handoff.escalation", escalation="If the patient falls, notify the charge nurse.") == []


# --- robustness ----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({key: st.text(max_size=300) for key in SECTIONS}))
def test_it_never_raises_and_keeps_every_span_inside_its_section(fields):
    for item in handoff.check(artifact_text("handoff_template", "acute", fields)):
        assert 0 <= item.start <= item.end <= len(fields[item.field])


def test_it_stops_pointing_at_action_lines_after_a_limit():
    actions = "\n".join(f"- Task {n}" for n in range(handoff.MAX_LINE_FINDINGS + 10))
    assert len(found("handoff.owner_time", actions=actions)) == handoff.MAX_LINE_FINDINGS


# --- Misreads fixed (issue 9) --------------------------------------------------------------------


def test_an_action_due_the_same_shift_has_a_time():
    actions = "- OT to re-check orthostatic BP the same shift.\n- RN to recheck vitals later."
    items = found("handoff.owner_time", actions=actions)
    assert [actions[item.start : item.end] for item in items] == ["RN to recheck vitals later."]


def test_a_pediatric_template_gets_a_pediatric_example_for_the_safety_items():
    pediatric = Probe(handoff.check, "handoff_template", "pediatrics", GOOD)
    [item] = pediatric.found("handoff.rehab_safety", required_items="Illness severity: stable / watcher / unstable")
    assert "hip" not in item.fix and "IEP" in item.fix
    [adult] = found("handoff.rehab_safety", required_items="Illness severity: stable / watcher / unstable")
    assert "hip" in adult.fix
