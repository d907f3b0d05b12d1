import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portfolios.models import Artifact, Comment, MentorInvite, Portfolio, Revision, ShareLink, User, Verdict
from tests.conftest import Client


@pytest.fixture(autouse=True)
def _debug_on(settings):
    settings.DEBUG = True  # as in development, where seed_demo runs (it refuses with debug off)


def run_seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts():
    return [
        model.objects.count()
        for model in (User, Portfolio, Artifact, Revision, ShareLink, MentorInvite, Comment, Verdict)
    ]


def test_seed_demo_creates_a_candidate_with_a_mixed_outpatient_portfolio(db):
    output = run_seed()
    user = User.objects.get(email="demo@otportfolio.test")
    assert "demo@otportfolio.test" in output and "demo-portfolio-2026" in output
    assert user.check_password("demo-portfolio-2026")
    portfolio = Portfolio.objects.get(owner=user, track="outpatient")
    artifacts = Artifact.objects.filter(portfolio=portfolio)
    assert artifacts.count() >= 6
    assert {artifact.status for artifact in artifacts} == {"draft", "complete"}
    case = artifacts.get(kind="case_writeup")
    assert "Mrs. Alvarez" in case.fields["context"] and "03/14/2025" in case.fields["context"]
    checks = {finding["check"] for finding in case.check_result["findings"]}
    assert {"phi.name", "phi.date"} <= checks  # the first portfolio keeps its PHI problem
    scores = {row["score"] for artifact in artifacts for row in artifact.check_result["rows"].values()}
    assert len(scores) > 1  # mixed quality shows in the scores


def test_seed_demo_prints_a_share_link_to_a_clean_second_portfolio(db):
    output = run_seed()
    path = re.search(r"^Share link: (/s/[A-Za-z0-9_-]{43}/)$", output, re.MULTILINE).group(1)
    rehab = Portfolio.objects.get(track="inpatient_rehab")
    assert not rehab.artifacts.filter(status="complete", phi_error_count__gt=0).exists()
    response = Client().get(path)
    assert response.status_code == 200
    assert "Jordan Lee, OTR/L" in response.content.decode()
    assert "Mentor-reviewed" in response.content.decode()


def test_seed_demo_creates_a_mentor_review(db):
    run_seed()
    invite = MentorInvite.objects.get(email="mentor@otportfolio.test")
    assert invite.status == "accepted"
    thread = Comment.objects.get(author_invite=invite, thread__isnull=True)
    assert thread.quote and thread.replies.count() == 1
    assert Verdict.objects.get(invite=invite).call == "ready"


def test_seed_demo_is_idempotent_and_prints_the_same_link(db):
    first = run_seed()
    before = counts()
    second = run_seed()
    assert counts() == before
    link = re.compile(r"^Share link: .*$", re.MULTILINE)
    assert link.search(first).group() == link.search(second).group()


def test_seed_demo_survives_a_new_secret_key(db, settings):
    first = run_seed()
    before = counts()
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789abcdef"
    second = run_seed()
    assert counts() == before
    path = re.search(r"^Share link: (\S+)$", second, re.MULTILINE).group(1)
    assert path != re.search(r"^Share link: (\S+)$", first, re.MULTILINE).group(1)
    assert Client().get(path).status_code == 200


def test_seed_demo_refuses_with_debug_off_and_says_why(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match=r"DJANGO_DEBUG is off.*public login.*--force"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()


def test_seed_demo_with_force_seeds_with_debug_off(db, settings):
    settings.DEBUG = False
    out = StringIO()
    call_command("seed_demo", "--force", stdout=out)
    assert User.objects.filter(email="demo@otportfolio.test").exists()
