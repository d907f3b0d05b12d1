"""The demo's mentor review by rubric row: scores with a disagreement, a re-review request, a printed mentor link."""

import re

import pytest
from django.urls import reverse

from portfolios.models import Artifact, MentorInvite, ReviewRequest, ReviewScore
from tests.conftest import Client
from tests.test_seed_demo import counts, run_seed


@pytest.fixture(autouse=True)
def _debug(settings):
    settings.DEBUG = True  # seed_demo refuses with debug off


def test_the_demo_mentor_scores_rows_and_disagrees_with_the_checker_once(db):
    run_seed()
    invite = MentorInvite.objects.get(email="mentor@otportfolio.test")
    scores = ReviewScore.objects.filter(invite=invite)
    assert scores.count() >= 3 and all(score.reason for score in scores)
    assert scores.filter(agrees_with_checker=False).count() == 1
    assert ReviewScore.objects.filter(invite__isnull=True).exists()  # the candidate's self-scores beside them


def test_the_demo_has_a_re_review_request_on_the_edited_plan(db):
    run_seed()
    request = ReviewRequest.objects.get()
    plan = Artifact.objects.get(pk=request.artifact_id)
    assert plan.kind == "plan_of_care" and request.artifact_version == plan.version
    stale = ReviewScore.objects.filter(artifact=plan, invite=request.invite)
    assert stale.exists() and all(score.artifact_version < plan.version for score in stale)


def test_the_printed_mentor_link_opens_the_review(db):
    output = run_seed()
    path = re.search(r"^Mentor link: (\S+)$", output, re.MULTILINE).group(1)
    mentor = Client()
    page = mentor.get(path)
    assert page.status_code == 200
    response = mentor.post(path, {"display_name": "Dr. Rivera, OTD"})
    portfolio_id = MentorInvite.objects.get(email="mentor@otportfolio.test").portfolio_id
    assert response["Location"] == reverse("portfolios:review", args=[portfolio_id])
    body = mentor.get(reverse("portfolios:review_artifact", args=[portfolio_id, "case_writeup"])).content.decode()
    assert "Disagreement" in body and "Re-review requested" not in body
    plan = mentor.get(reverse("portfolios:review_artifact", args=[portfolio_id, "plan_of_care"])).content.decode()
    assert "Re-review requested" in plan and "stale: version" in plan


def test_seeding_again_adds_no_scores_or_requests(db):
    first = run_seed()
    before = (counts(), ReviewScore.objects.count(), ReviewRequest.objects.count())
    second = run_seed()
    assert (counts(), ReviewScore.objects.count(), ReviewRequest.objects.count()) == before
    link = re.compile(r"^Mentor link: .*$", re.MULTILINE)
    assert link.search(first).group() == link.search(second).group()
