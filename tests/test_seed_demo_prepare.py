"""`seed_demo` fills the demo candidate's Prepare page: two stories, stage leads, a drill history."""

import pytest
from django.urls import reverse

from portfolios.models import DrillAttempt, EmployerNote, InterviewStory, Portfolio, StagePlan, User
from tests.conftest import Client
from tests.test_seed_demo import run_seed


@pytest.fixture(autouse=True)
def _debug(settings):
    settings.DEBUG = True  # seed_demo runs in development; it refuses with debug off


def test_the_demo_has_a_filled_prepare_page(db):
    run_seed()
    portfolio = Portfolio.objects.get(owner__email="demo@otportfolio.test", track="outpatient")
    assert set(InterviewStory.objects.filter(portfolio=portfolio).values_list("slot", flat=True)) == {
        "edge_case",
        "throughput_quality",
    }
    attempts = list(DrillAttempt.objects.filter(portfolio=portfolio, subject="story-edge_case").order_by("created_at"))
    assert len(attempts) == 2
    assert attempts[0].created_at.date() < attempts[1].created_at.date()
    assert attempts[0].score < attempts[1].score  # the history shows progress
    assert StagePlan.objects.filter(portfolio=portfolio).count() == 2
    client = Client()
    client.force_login(User.objects.get(email="demo@otportfolio.test"))
    html = client.get(reverse("portfolios:prepare", args=[portfolio.pk])).content.decode()
    assert "1 of 4 stages ready · 2 of 9 stories written" in html  # documentation: led, clean, drilled
    drill = client.get(reverse("portfolios:drill", args=[portfolio.pk, "story-edge_case"])).content.decode()
    assert "0 of 11 new splints needed a remold" in drill


def test_seeding_twice_adds_nothing_to_the_prepare_page(db):
    run_seed()
    before = (InterviewStory.objects.count(), DrillAttempt.objects.count(), EmployerNote.objects.count())
    versions = list(InterviewStory.objects.values_list("version", flat=True))
    run_seed()
    assert (InterviewStory.objects.count(), DrillAttempt.objects.count(), EmployerNote.objects.count()) == before
    assert list(InterviewStory.objects.values_list("version", flat=True)) == versions
