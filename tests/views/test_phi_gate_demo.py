"""The demo still demonstrates the PHI gate: its outpatient case write-up names a client and a date on purpose."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from portfolios.models import Artifact, Portfolio, User
from tests.conftest import Client


def test_the_demo_shows_the_gate_on_the_dashboard_the_share_page_and_the_editor(db, settings):
    settings.DEBUG = True  # as in development: the demo refuses to seed what looks like production
    call_command("seed_demo", stdout=StringIO())
    user = User.objects.get(email="demo@otportfolio.test")
    client = Client()
    client.force_login(user)
    outpatient = Portfolio.objects.get(owner=user, track="outpatient")
    case = Artifact.objects.get(portfolio=outpatient, kind="case_writeup")
    assert case.status == "complete" and case.phi_error_count > 0

    assert "Identifiers found" in client.get(reverse("portfolios:dashboard")).content.decode()
    share = client.get(reverse("portfolios:share_links", args=[outpatient.pk])).content.decode()
    assert "Sharing is paused: patient identifiers found" in share
    assert "Sharing is paused: your name or headline" not in share  # "Jordan Lee, OTR/L" is the demo's own name
    editor = client.get(reverse("portfolios:artifact_edit", args=[outpatient.pk, "case_writeup"])).content.decode()
    assert "Replace all identifiers" in editor
