"""Ownership checks: "we"-only stories, hedges, unverified outcomes, decisions without an alternative."""

import pytest

from portfolios.checker import check_artifact
from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import ownership

CASES = [
    (check_id, verdict, example)
    for check_id, spec in ownership.EXAMPLES.items()
    for verdict in ("flags", "passes")
    for example in spec[verdict]
]


def _checks(kind, fields, track="outpatient"):
    return {finding.check for finding in check_artifact(kind, track, fields).findings}


@pytest.mark.parametrize(
    ("check_id", "verdict", "fields"), CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)]
)
def test_each_check_flags_its_bad_examples_and_passes_its_good_ones(check_id, verdict, fields):
    found = _checks("interview_story", fields)
    assert (check_id in found) == (verdict == "flags"), found


def test_every_check_has_examples_both_ways():
    for spec in ownership.EXAMPLES.values():
        assert spec["flags"] and spec["passes"]


def test_a_story_told_only_in_we_with_no_measure_gets_ownership_and_verification_findings():
    fields = {
        "situation": "We were short-staffed on the unit, with two aides out.",
        "ownership": "We were involved in changing the handoff and our team ran it.",
        "decision": "We picked a new sheet rather than the old one because it was shorter.",
        "verification": "It went well and everyone liked it.",
        "differently": "We would start sooner next time.",
    }
    found = _checks("interview_story", fields)
    assert {"ownership.we_only", "ownership.hedge", "ownership.verification"} <= found


def test_a_well_told_story_raises_no_ownership_finding_and_scores_well():
    fields = {
        "situation": "Outpatient clinic, 14 patients a day and only 2 visits authorized for a new hand patient.",
        "ownership": "I wrote the home program and taught it; the front desk scheduled the recheck and the PT covered.",
        "decision": "I chose a written picture sheet over a video because she has no smartphone at home.",
        "verification": "She showed me the splint routine twice without cues, and grip rose from 8 lb to 14 lb in 3 weeks.",
        "differently": "I would book the recheck before she left and measure pain at every visit.",
    }
    result = check_artifact("interview_story", "outpatient", fields)
    assert not [finding for finding in result.findings if finding.check.startswith("ownership.")]
    assert all(row.score >= 3 for row in result.rows.values()), result.rows


@pytest.mark.parametrize("kind", ["case_writeup", "conflict_story", "interview_story"])
def test_the_ownership_family_runs_on_stories_and_case_writeups(kind):
    assert "ownership" in KINDS_BY_KEY[kind].checks


def test_hedges_are_flagged_in_a_case_writeup_too():
    found = _checks("case_writeup", {"handoffs": "I assisted with the discharge huddle and participated in the plan."})
    assert "ownership.hedge" in found


@pytest.mark.parametrize(
    ("answer", "met"),
    [
        (
            "With 14 patients and one aide, I moved the new evaluations first. Late notes fell from 6 to 1 that week.",
            {"owned", "verified", "constraint", "plain"},
        ),
        ("We helped with it and it went well.", {"plain"}),
        ("", set()),
    ],
)
def test_a_drill_answer_is_judged_on_ownership_verification_constraint_and_plain_words(answer, met):
    checked = ownership.check_answer(answer)
    assert set(checked.met) == met
    assert checked.score == len(met)


def test_a_dense_answer_is_flagged_for_plain_language():
    answer = (
        "I operationalized an interdisciplinary documentation standardization initiative, "
        "necessitating comprehensive multidisciplinary collaboration, because productivity expectations "
        "were unsustainable; compliance subsequently improved 30 percent."
    )
    checked = ownership.check_answer(answer)
    assert "plain" not in checked.met
    assert "ownership.plain_language" in {finding.check for finding in checked.findings}


def test_a_drill_answer_that_names_a_patient_is_flagged():
    checked = ownership.check_answer("I saw Mrs. Alvarez on 03/14/2025 and her grip rose from 8 to 14 lb.")
    assert {"phi.name", "phi.date"} & {finding.check for finding in checked.findings}
