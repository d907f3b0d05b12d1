"""Every viewer: mentors read identifiers masked; the candidate's pages badge artifacts that hold them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portfolios import services
from portfolios.models import Comment
from tests.conftest import Client, save
from tests.views.test_phi_fix_and_purge import LEAKY, replace_all_url
from tests.views.test_review import comment, invite_link, review_url
from tests.views.test_share import HANDOFF, complete

COMPLETE_LEAKY = {
    **LEAKY,
    "assessment": "COPM performance 4/10; Berg 38/56 shows fall risk.",
    "documentation": "Daily note: skilled cueing for sequencing, assist level and response.",
    "follow_up": "Week 2: dressing with supervision; COPM performance 7/10.",
    "handoffs": "Handed off to home health OT with precautions and the home program.",
}


@pytest.fixture
def leaky(portfolio):
    return save(portfolio, "case_writeup", COMPLETE_LEAKY, status="complete")


@pytest.fixture
def mentor(candidate_client, portfolio, leaky):
    client = Client()
    client.post(invite_link(candidate_client, portfolio), {"display_name": "Dr. Kim, OTD"})
    return client


def test_a_mentor_reads_flagged_passages_masked_with_the_finding(mentor, portfolio):
    body = mentor.get(review_url(portfolio)).content.decode()
    assert "Alvarez" not in body and "03/14/2025" not in body and "555-123-4567" not in body
    assert "[identifier hidden: name], 72, was seen on [identifier hidden: date] after a fall" in body
    assert "[identifier hidden: phone number]" in body
    assert "2 passages hidden:" in body and "HIPAA Safe Harbor" in body


def test_the_candidate_reads_their_own_text_on_the_review_page(candidate_client, portfolio, mentor):
    body = candidate_client.get(review_url(portfolio)).content.decode()
    assert "Mrs. Alvarez, 72" in body and "identifier hidden" not in body


def test_a_mentor_can_quote_a_masked_passage(mentor, portfolio):
    response = comment(mentor, portfolio, section="context", quote="[identifier hidden: name], 72")
    assert response.status_code == 302
    assert Comment.objects.get().quote == "[identifier hidden: name], 72"


def test_quotes_and_thread_copies_are_masked_for_mentors_until_fixed(mentor, candidate_client, candidate, portfolio):
    owner = services.Reviewer(name="Casey", user=candidate)
    artifact = portfolio.artifacts.get()
    services.comment_start(artifact=artifact, reviewer=owner, section="context", body="Note", quote="Mrs. Alvarez")
    candidate_client.post(replace_all_url(portfolio), {"expected_version": artifact.version})
    body = mentor.get(review_url(portfolio)).content.decode()
    assert "Alvarez" not in body and "03/14/2025" not in body  # quote, and the diff against the old copy
    assert "\u201c[identifier hidden: name]\u201d" in body
    assert "The client, 72, was seen on [date]" in body  # the fixed text is shown whole
    assert "passages hidden" not in body


def test_masking_adds_no_query_to_the_review_page(mentor, candidate_client, portfolio):
    url = review_url(portfolio)
    with CaptureQueriesContext(connection) as as_mentor:
        mentor.get(url)
    with CaptureQueriesContext(connection) as as_owner:
        candidate_client.get(url)
    assert len(as_mentor) <= len(as_owner) + 2  # the mentor's session and invite lookups, not the masking


def test_a_stranger_cannot_read_the_review_page(stranger_client, portfolio, leaky):
    assert stranger_client.get(review_url(portfolio)).status_code == 404


# ---- badges ---------------------------------------------------------------------------------------


def test_the_dashboard_and_portfolio_pages_badge_identifiers(candidate_client, portfolio, leaky):
    complete(portfolio, "handoff_template", HANDOFF)
    for url in (reverse("portfolios:dashboard"), reverse("portfolios:portfolio", args=[portfolio.pk])):
        body = candidate_client.get(url).content.decode()
        assert body.count(">Identifiers found</span>") == 1, url
        assert "sharing is paused until then" in body
        assert "\u2014 identifiers found" in body  # the coverage matrix explains the low score


def test_clean_work_has_no_badge(candidate_client, portfolio):
    complete(portfolio, "handoff_template", HANDOFF)
    body = candidate_client.get(reverse("portfolios:dashboard")).content.decode()
    assert "Identifiers found" not in body


def test_the_badge_goes_once_the_identifiers_are_replaced(candidate_client, portfolio, leaky):
    candidate_client.post(replace_all_url(portfolio), {"expected_version": leaky.version})
    assert "Identifiers found" not in candidate_client.get(reverse("portfolios:dashboard")).content.decode()
