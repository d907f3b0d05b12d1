from portfolios.kinds import get_kind
from portfolios.merging import BOTH, MINE, SAME, THEIRS, merge_sections

KIND = get_kind("case_writeup")


def outcomes(base, mine, theirs):
    return {item.section.key: (item.outcome, item.proposed) for item in merge_sections(KIND, base, mine, theirs)}


def test_a_section_only_the_other_save_changed_takes_its_text():
    result = outcomes({"plan": "old"}, {"plan": "old"}, {"plan": "theirs"})
    assert result["plan"] == (THEIRS, "theirs")


def test_a_section_only_i_changed_keeps_mine():
    result = outcomes({"plan": "old"}, {"plan": "mine"}, {"plan": "old"})
    assert result["plan"] == (MINE, "mine")


def test_a_section_both_changed_differently_starts_with_mine_and_asks():
    result = outcomes({"plan": "old"}, {"plan": "mine"}, {"plan": "theirs"})
    assert result["plan"] == (BOTH, "mine")


def test_identical_sections_are_the_same_whatever_the_base():
    result = outcomes({"plan": "old"}, {"plan": "new"}, {"plan": "new"})
    assert result["plan"] == (SAME, "new")
    assert result["reflection"] == (SAME, "")
