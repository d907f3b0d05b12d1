"""The demo labels its deliberately weak artifacts, so a newcomer can tell them from the strong ones."""

import pytest
from django.urls import reverse

from portfolios import demo_data, services
from tests.conftest import Client, make_user, save


@pytest.fixture
def demo(db):
    user = make_user(demo_data.DEMO_EMAIL)
    outpatient = services.portfolio_create(owner=user, track="outpatient")
    for kind, _status, fields in demo_data.OUTPATIENT_ARTIFACTS:
        save(outpatient, kind, fields)  # as drafts: the demo's case write-up names a patient on purpose
    client = Client()
    client.force_login(user)
    return user, outpatient, client


def editor(client, portfolio, kind) -> str:
    return client.get(reverse("portfolios:artifact_edit", args=[portfolio.pk, kind])).content.decode()


@pytest.mark.parametrize("kind", sorted(demo_data.DELIBERATELY_WEAK))
def test_the_demos_weak_artifacts_say_so_in_the_editor(kind, demo):
    _, outpatient, client = demo
    body = editor(client, outpatient, kind)
    assert 'id="weak-demo-note"' in body and "Deliberately weak demo." in body


def test_the_demos_strong_artifacts_carry_no_label(demo):
    _, outpatient, client = demo
    for kind in ("plan_of_care", "handoff_template", "caseload_note"):
        assert "Deliberately weak demo" not in editor(client, outpatient, kind)


def test_the_demo_portfolio_page_marks_exactly_the_weak_ones(demo):
    _, outpatient, client = demo
    body = client.get(outpatient.get_absolute_url()).content.decode()
    assert 'id="weak-demo-legend"' in body
    assert body.count('weak-demo-badge">Deliberately weak demo') == len(demo_data.DELIBERATELY_WEAK)


def test_the_demos_rehab_portfolio_has_no_weak_label(demo):
    user, _, client = demo
    rehab = services.portfolio_create(owner=user, track="inpatient_rehab")
    assert "Deliberately weak demo" not in client.get(rehab.get_absolute_url()).content.decode()


def test_other_candidates_never_see_the_label(candidate_client, portfolio):
    save(portfolio, "sop_checklist", {"error_prevented": "Mistakes with transfers."})
    assert "Deliberately weak demo" not in candidate_client.get(portfolio.get_absolute_url()).content.decode()
    assert "Deliberately weak demo" not in editor(candidate_client, portfolio, "sop_checklist")
