"""Placeholders and pasted form text earn nothing, keep their offsets and say why."""

import pytest

from portfolios.kinds import get_kind
from portfolios.rubric import substance


@pytest.mark.parametrize(
    "text", ["TBD", "N/A", "see above", "-", "To be completed.", "TBD.  N/A", "  ?? ", "Same as above"]
)
def test_placeholders_are_recognised(text):
    assert substance.is_placeholder(text)


@pytest.mark.parametrize(
    "text", ["Berg 38/56", "None of the items apply before surgery.", "Pending MD clearance for stairs by 14:00."]
)
def test_real_text_is_not_a_placeholder(text):
    assert not substance.is_placeholder(text)


def test_a_placeholder_section_is_blanked_and_reported():
    kind = get_kind("plan_of_care").spec
    cleaned = substance.clean(kind, {"baseline": "TBD", "problem": "Client needs Mod A for LB dressing."})
    assert cleaned.fields["baseline"].strip() == ""
    assert len(cleaned.fields["baseline"]) == 3
    assert cleaned.fields["problem"] == "Client needs Mod A for LB dressing."
    assert [f.check for f in cleaned.findings] == ["section.placeholder"]
    assert cleaned.findings[0].field == "baseline"


def test_the_forms_own_example_pasted_into_a_section_is_cut_and_reported():
    kind = get_kind("handoff_template").spec
    pasted = (
        "OT to re-check orthostatic BP before next session, by 14:00. RN to walk the client to the bathroom at 16:00."
    )
    cleaned = substance.clean(kind, {"actions": pasted})
    kept = cleaned.fields["actions"]
    assert "orthostatic" not in kept and "walk the client" in kept
    assert len(kept) == len(pasted)
    (found,) = cleaned.findings
    assert found.check == "section.form_text"
    assert pasted[found.start : found.end].startswith("OT to re-check orthostatic BP")


def test_the_example_pasted_with_a_different_body_part_is_still_cut():
    kind = get_kind("handoff_template").spec
    pasted = "OT to re-check shoulder ROM before next session, by 14:00."
    assert substance.clean(kind, {"actions": pasted}).fields["actions"].strip() == ""


def test_own_words_that_share_a_few_common_phrases_are_kept():
    kind = get_kind("handoff_template").spec
    own = "Evening OT to check wheelchair brakes before every transfer, and report to the RN by 18:00 today."
    assert substance.clean(kind, {"actions": own}).fields["actions"] == own
