"""Checklist/SOP checks: items per pause point, type, pause point, vague items, exceptions,
escalation, the error prevented, and owner and review."""

from hypothesis import given, settings
from hypothesis import strategies as st

from portfolios.checker import check_artifact
from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import checklist
from portfolios.rubric.rows import DOCUMENTATION, TIME_MANAGEMENT
from tests.rubric.probe import Probe, place
from tests.rubric.texts import artifact_text

SECTIONS = KINDS_BY_KEY["sop_checklist"].section_keys

GOOD = {
    "error_prevented": "Transfers attempted before the weight-bearing order is checked after a change in orders.",
    "when_used": "Before the first transfer of every session, at the bedside.",
    "checklist_type": "DO-CONFIRM",
    "items": (
        "Before the first transfer:\n"
        "- Weight-bearing order read in today's chart\n"
        "- Precautions confirmed with the RN\n"
        "- Brakes locked on bed and chair\n"
        "- Gait belt on and snug\n"
        "- Walker within reach\n"
        "- Patient states the plan back\n"
        "After the transfer:\n"
        "- Chair alarm on\n"
        "- Call light within reach\n"
        "- Vitals rechecked if dizzy\n"
        "- Transfer documented with assist level\n"
        "- RN told of any change"
    ),
    "exceptions": "Not used in a code or rapid response. If an item cannot be completed, do not transfer.",
    "escalation": (
        "If any item fails, stop and tell the RN at once; if not resolved within 15 minutes, call the charge "
        "nurse, then the rehab manager."
    ),
    "owner_review": "Owner: OT lead on the unit. Piloted for 2 weeks and revised; next review in 6 months.",
}


PROBE = Probe(checklist.check, "sop_checklist", "acute", GOOD)
findings, found, whole = PROBE.findings, PROBE.found, PROBE.whole


def test_the_good_checklist_covers_every_section_of_the_kind():
    assert set(GOOD) == set(SECTIONS)


def test_a_complete_checklist_raises_nothing():
    assert findings() == []


def test_it_ignores_other_kinds():
    found = check_artifact("handoff_template", "acute", {"actions": "etc."}).findings
    assert not [f for f in found if f.check.startswith("checklist.")]


# --- pause-point groups ------------------------------------------------------------------------


def test_it_starts_a_new_group_at_each_pause_point_header():
    groups = checklist.pause_point_groups(GOOD["items"])
    assert [(header.text, len(items)) for header, items in groups] == [
        ("Before the first transfer:", 6),
        ("After the transfer:", 5),
    ]


def test_it_reads_short_moment_phrases_as_headers_but_not_items_that_start_the_same_way():
    assert checklist.is_pause_point_header("Before the first transfer")
    assert checklist.is_pause_point_header("Sign out:")
    assert not checklist.is_pause_point_header("At least two identifiers checked")
    assert not checklist.is_pause_point_header("After transfer, confirm the chair alarm is on")
    assert not checklist.is_pause_point_header("When the alarm sounds, check the patient.")


# --- checklist.count ---------------------------------------------------------------------------


def test_it_flags_a_pause_point_with_too_few_items_spanning_the_group():
    items = "Before standing:\n- Brakes locked\n- Gait belt on\nAfter standing:\n" + "\n".join(
        f"- Item {n} checked" for n in range(1, 6)
    )
    [item] = found("checklist.count", items=items)
    assert item.row == TIME_MANAGEMENT and item.severity == "warning"
    assert items[item.start : item.end] == "Before standing:\n- Brakes locked\n- Gait belt on"
    assert "\u201cBefore standing\u201d has 2 items" in item.message


def test_it_flags_a_checklist_with_too_many_items():
    items = "\n".join(f"- Item {n} checked" for n in range(1, 12))
    [item] = found("checklist.count", items=items)
    assert items[item.start : item.end] == items.removeprefix("- ")
    assert "11 items" in item.message


def test_it_flags_missing_items_as_an_error():
    [item] = found("checklist.count", items="")
    assert item.severity == "error" and place(item) == ("items", 0, 0)


def test_it_accepts_five_to_nine_items_per_pause_point():
    assert found("checklist.count") == []


# --- checklist.type ----------------------------------------------------------------------------


def test_it_flags_a_checklist_without_its_type():
    [item] = found("checklist.type", checklist_type="Standard")
    assert place(item) == whole("checklist_type", checklist_type="Standard")
    assert item.row == DOCUMENTATION


def test_it_accepts_do_confirm_and_read_do_however_written():
    for written in ("DO-CONFIRM", "do confirm", "Read-Do", "READ\u2013DO"):
        assert found("checklist.type", checklist_type=written) == []


# --- checklist.pause_point ---------------------------------------------------------------------


def test_it_flags_a_pause_point_that_does_not_start_with_the_moment():
    when_used = "This is for transfers on the ortho floor."
    [item] = found("checklist.pause_point", when_used=when_used)
    assert place(item) == whole("when_used", when_used=when_used)


def test_it_flags_a_missing_pause_point():
    [item] = found("checklist.pause_point", when_used="")
    assert place(item) == ("when_used", 0, 0)


def test_it_accepts_a_pause_point_that_opens_with_the_moment():
    assert found("checklist.pause_point") == []
    assert found("checklist.pause_point", when_used="Used at discharge, before the patient leaves.") == []


# --- checklist.vague_item ----------------------------------------------------------------------


def test_it_flags_each_vague_phrase_in_the_items():
    items = "- Ensure proper positioning\n- Assist as needed, etc.\n- Check the chart\n- Brakes locked\n- Belt on"
    spans = [items[item.start : item.end] for item in found("checklist.vague_item", items=items)]
    assert spans == ["Ensure proper", "as needed", "etc."]


def test_it_flags_an_item_that_names_a_thing_but_no_check():
    items = GOOD["items"].replace("- Walker within reach", "- Walker")
    [item] = found("checklist.vague_item", items=items)
    assert items[item.start : item.end] == "Walker"
    assert "what to check" in item.message


def test_it_accepts_concrete_items():
    assert found("checklist.vague_item") == []


# --- checklist.exceptions ----------------------------------------------------------------------


def test_it_flags_exceptions_that_name_none():
    [item] = found("checklist.exceptions", exceptions="None.")
    assert place(item) == whole("exceptions", exceptions="None.")


def test_it_flags_missing_exceptions():
    [item] = found("checklist.exceptions", exceptions="")
    assert place(item) == ("exceptions", 0, 0)


def test_it_accepts_exceptions():
    assert found("checklist.exceptions") == []
    assert found("checklist.exceptions", exceptions="Contraindicated during a fire drill.") == []


# --- checklist.escalation ----------------------------------------------------------------------


def test_it_lists_what_the_escalation_path_is_missing():
    [item] = found("checklist.escalation", escalation="Tell the nurse.")
    assert item.severity == "warning"
    assert place(item) == whole("escalation", escalation="Tell the nurse.")
    assert "two roles in order" in item.message and "timeframe" in item.message


def test_it_flags_a_missing_escalation_path_as_an_error():
    [item] = found("checklist.escalation", escalation="")
    assert item.severity == "error" and place(item) == ("escalation", 0, 0)


def test_it_accepts_ordered_roles_with_trigger_and_timeframe_or_cus_wording():
    assert found("checklist.escalation") == []
    assert found("checklist.escalation", escalation="Two-challenge rule, then the chain of command.") == []


# --- checklist.error_named ---------------------------------------------------------------------


def test_it_flags_an_error_too_general_to_check():
    [item] = found("checklist.error_named", error_prevented="Prevents common errors.")
    assert item.severity == "warning"
    assert place(item) == whole("error_prevented", error_prevented="Prevents common errors.")


def test_it_flags_a_missing_error_as_an_error():
    [item] = found("checklist.error_named", error_prevented="")
    assert item.severity == "error" and place(item) == ("error_prevented", 0, 0)


def test_it_accepts_a_specific_error():
    assert found("checklist.error_named") == []


# --- checklist.owner_review --------------------------------------------------------------------


def test_it_flags_an_owner_without_testing_or_review():
    owner_review = "Owner: the OT lead."
    [item] = found("checklist.owner_review", owner_review=owner_review)
    assert place(item) == whole("owner_review", owner_review=owner_review)
    assert "tested" in item.message and "who owns it" not in item.message


def test_it_flags_a_missing_owner_and_review():
    [item] = found("checklist.owner_review", owner_review="")
    assert place(item) == ("owner_review", 0, 0)


def test_it_accepts_an_owner_with_testing_and_a_review_date():
    assert found("checklist.owner_review") == []


# --- robustness ----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({key: st.text(max_size=300) for key in SECTIONS}))
def test_it_never_raises_and_keeps_every_span_inside_its_section(fields):
    for item in checklist.check(artifact_text("sop_checklist", "acute", fields)):
        assert 0 <= item.start <= item.end <= len(fields[item.field])


def test_it_stops_pointing_at_vague_items_after_a_limit():
    items = "\n".join(f"- Assist as needed {n}" for n in range(checklist.MAX_LINE_FINDINGS + 10))
    assert len(found("checklist.vague_item", items=items)) == checklist.MAX_LINE_FINDINGS
