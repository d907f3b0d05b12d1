"""The proof-summary check is pure: these tests need no database."""

import pytest

from portfolios.proof_summary import (
    EXAMPLE,
    MAX_CHARS,
    MUST_FLAG,
    MUST_PASS,
    constraint_spans,
    has_result,
    summary_hints,
    summary_problems,
)


def codes(text: str) -> list[str]:
    return [problem.code for problem in summary_problems(text)]


def of_length(length: int) -> str:
    """A good summary padded to exactly `length` characters."""
    padding = length - len(EXAMPLE) - 1
    text = f"{EXAMPLE[:-1]} {'a' * padding}."
    assert len(text) == length
    return text


@pytest.mark.parametrize("text", MUST_PASS)
def test_every_must_pass_example_passes(text):
    assert summary_problems(text) == []


@pytest.mark.parametrize(("code", "text"), [(code, text) for code, texts in MUST_FLAG.items() for text in texts])
def test_every_must_flag_example_is_flagged_for_its_reason(code, text):
    assert code in codes(text)


def test_it_accepts_200_characters():
    assert codes(of_length(MAX_CHARS)) == []


def test_it_refuses_201_characters_as_the_one_blocking_problem():
    problems = summary_problems(of_length(MAX_CHARS + 1))
    assert [problem.code for problem in problems] == ["too_long"]
    assert problems[0].blocking
    assert "201 characters; the limit is 200" in problems[0].message
    assert EXAMPLE in problems[0].message  # says how to fix it, with an example


def test_surrounding_whitespace_does_not_count_toward_the_length():
    assert codes(f"   {of_length(MAX_CHARS)}  \t") == []


def test_a_blank_summary_is_missing_and_not_blocking():
    (problem,) = summary_problems("   ")
    assert problem.code == "missing" and not problem.blocking
    assert EXAMPLE in problem.message


@pytest.mark.parametrize(
    ("with_result", "without_result"),
    [
        ("Grip from 8 to 22 lb in 30-minute visits.", "Hand use got better in 30-minute visits."),
        ("0 late notes in 4 weeks with one OT out.", "Late notes got rarer with one OT out."),
        ("Pain from 6/10 to 3/10 despite a 12-visit payer cap.", "Less pain despite a 12-visit payer cap."),
        ("Halved missed precautions on a 28-bed unit.", "Fewer missed precautions on a 28-bed unit."),
    ],
)
def test_a_number_is_the_difference_between_a_result_and_none(with_result, without_result):
    assert "no_result" not in codes(with_result)
    assert "no_result" in codes(without_result)


@pytest.mark.parametrize(
    "text",
    [
        "COPM performance up on a busy stroke unit.",
        "Berg up by the end of a 12-day stay.",
        "MMT grades improved in 30-minute visits.",
        "Toileting at Min A by discharge despite a 12-day stay.",
        "Dresses with modified independence despite two call-outs.",
        "Every handoff read back while covering two units.",
        "No falls on a 28-bed unit with one OT.",
        "Notes signed within the shift on 17 visits a day.",
    ],
)
def test_named_measures_assist_levels_and_observables_count_as_results(text):
    assert "no_result" not in codes(text)


def test_numbers_inside_the_constraint_are_not_the_result():
    text = "Improved handoffs on a 28-bed unit with one OT."
    assert constraint_spans(text)
    assert not has_result(text)
    assert codes(text) == ["no_result"]


def test_a_result_inside_a_constraint_clause_still_counts():
    assert codes("Kept 17 visits a day while cutting late notes from 6 to 0.") == []


@pytest.mark.parametrize(
    ("with_constraint", "without_constraint"),
    [
        ("Grip from 8 to 22 lb in 30-minute visits.", "Grip from 8 to 22 lb in 5 weeks."),
        ("0 late notes in 4 weeks with one OT.", "0 late notes in 4 weeks."),
        ("COPM from 3 to 7 despite a payer cap.", "COPM from 3 to 7 at discharge."),
        ("Berg from 30 to 45 under productivity pressure.", "Berg from 30 to 45 in under 6 weeks."),
        ("Toileting from Max A to CGA on a 20-bed unit.", "Toileting from Max A to CGA by discharge."),
        ("0 falls in 8 weeks with no aide on nights.", "0 falls in 8 weeks."),
        ("Notes signed within 24 hours on 14 patients a day.", "Notes signed within 24 hours."),
    ],
)
def test_a_named_situation_is_the_difference_between_a_constraint_and_none(with_constraint, without_constraint):
    assert "no_constraint" not in codes(with_constraint)
    assert "no_constraint" in codes(without_constraint)


def test_messages_say_what_to_add_with_an_example():
    problems = {problem.code: problem.message for problem in summary_problems("Things improved.")}
    assert set(problems) == {"no_result", "no_constraint"}
    assert "e.g." in problems["no_result"] and "from 8 to 22 lb" in problems["no_result"]
    assert "e.g." in problems["no_constraint"] and "in 30-minute visits" in problems["no_constraint"]


def test_hints_leave_out_the_blocking_length_and_say_nothing_about_a_blank_line():
    assert summary_hints("") == []
    assert [hint.code for hint in summary_hints("Things improved.")] == ["no_result", "no_constraint"]
    assert [hint.code for hint in summary_hints(of_length(MAX_CHARS + 1))] == []


def test_it_stays_fast_on_hostile_input():
    # Linear patterns: a long run of near-matches must not backtrack for seconds.
    for text in ("with " * 2000, "1-" * 3000, "on a " + "x " * 3000 + "unit", "from " * 2000):
        summary_problems(text)
