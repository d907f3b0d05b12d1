"""Strong examples: one read-only page per starter kind, linked from its editor, scored by the real checker."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portfolios.kinds import KINDS_BY_KEY
from portfolios.strong_examples import EXAMPLES


def example_url(kind: str) -> str:
    return reverse("portfolios:strong_example", args=[kind])


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_each_editor_links_to_its_kinds_strong_example(kind, candidate_client, portfolio):
    body = candidate_client.get(reverse("portfolios:artifact_edit", args=[portfolio.pk, kind])).content.decode()
    assert f'href="{example_url(kind)}"' in body
    assert "See a strong example" in body


def test_an_editor_without_an_example_shows_no_link(candidate_client, portfolio):
    body = candidate_client.get(reverse("portfolios:artifact_edit", args=[portfolio.pk, "stakeholder_memo"]))
    assert "See a strong example" not in body.content.decode()


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_the_page_shows_every_section_with_its_label_and_the_top_score_on_each_row(kind, anonymous_client):
    response = anonymous_client.get(example_url(kind))
    assert response.status_code == 200
    body = response.content.decode()
    artifact_kind = KINDS_BY_KEY[kind]
    assert f"{artifact_kind.title}: a strong example" in body
    assert "Written for OT Portfolio as an example." in body
    for section in artifact_kind.sections:
        assert f'id="section-{section.key}">{section.label}</h3>' in body
    assert body.count("4/4 · Strong") == len(artifact_kind.proves)
    assert "Evidence earns 4.0 of 4" in body  # the checker's own reasons, not a summary


def test_the_page_shows_the_examples_text(anonymous_client):
    body = anonymous_client.get(example_url("plan_of_care")).content.decode()
    assert "Nine-Hole Peg Test 78 seconds" in body
    assert "Checked as Outpatient work" in body


def test_signed_in_people_see_it_too_and_get_a_way_back(candidate_client):
    response = candidate_client.get(example_url("handoff_template"))
    assert response.status_code == 200
    assert reverse("portfolios:dashboard") in response.content.decode()


@pytest.mark.parametrize("kind", ["stakeholder_memo", "interview_story", "no_such_kind"])
def test_kinds_without_an_example_are_not_found(kind, anonymous_client):
    assert anonymous_client.get(example_url(kind)).status_code == 404


def test_it_only_answers_reads(anonymous_client):
    assert anonymous_client.post(example_url("case_writeup")).status_code == 405
    assert anonymous_client.head(example_url("case_writeup")).status_code == 200


def test_the_query_count_is_the_same_for_every_example(candidate_client, db):
    counts = set()
    for kind in EXAMPLES:
        with CaptureQueriesContext(connection) as queries:
            assert candidate_client.get(example_url(kind)).status_code == 200
        counts.add(len(queries))
    assert counts == {2}  # session and user; the examples are data


def test_anonymous_visitors_cost_no_query(anonymous_client, db):
    with CaptureQueriesContext(connection) as queries:
        anonymous_client.get(example_url("sop_checklist"))
    assert len(queries) == 0
