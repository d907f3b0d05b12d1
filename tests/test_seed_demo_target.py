"""seed_demo's target job and brief: a printed target page that reads the posting, a brief with a positioning line."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from portfolios.demo_data import DEMO_EMAIL
from portfolios.demo_targets import DEMO_POSITIONING, DEMO_TARGET_LABEL
from portfolios.models import Portfolio, ShareLink, TargetJob, User
from tests.conftest import Client


@pytest.fixture(autouse=True)
def _debug_on(settings):
    settings.DEBUG = True


def run_seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_the_demo_prints_a_target_job_that_reads_its_posting(db):
    output = run_seed()
    path = re.search(r"^Target job: (/portfolios/\d+/targets/\d+/)$", output, re.MULTILINE).group(1)
    assert re.search(r"^Share link: /s/", output, re.MULTILINE)
    client = Client()
    client.force_login(User.objects.get(email=DEMO_EMAIL))
    page = client.get(path).content.decode()
    assert DEMO_TARGET_LABEL in page
    assert "Inpatient rehab" in page and "<mark>Joint Commission</mark>" in page
    assert "Must-have" in page and "Make a link for this job" in page


def test_the_demo_brief_opens_with_a_positioning_line(db):
    output = run_seed()
    path = re.search(r"^Share link: (\S+)$", output, re.MULTILINE).group(1)
    assert Portfolio.objects.get(track="inpatient_rehab").positioning == DEMO_POSITIONING
    assert DEMO_POSITIONING in Client().get(path).content.decode()


def test_seeding_twice_keeps_one_target_job_and_prints_the_same_lines(db):
    first = run_seed()
    counts = (TargetJob.objects.count(), ShareLink.objects.count())
    second = run_seed()
    assert (TargetJob.objects.count(), ShareLink.objects.count()) == counts == (1, counts[1])
    line = re.compile(r"^(?:Target job|Share link): .*$", re.MULTILINE)
    assert line.findall(first) == line.findall(second)
