"""Saving a complete artifact keeps it complete and on live links; only "Move back to draft" demotes it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portfolios import services
from portfolios.models import Artifact, ShareLink
from tests.conftest import save
from tests.views.test_share import HANDOFF

KIND = "handoff_template"
NEW_ACTIONS = "OT to re-check orthostatic BP before standing, by 15:00 today, and log it."


def edit_url(portfolio):
    return reverse("portfolios:artifact_edit", args=[portfolio.pk, KIND])


def share_url(token):
    return reverse("portfolios:share_page", args=[token])


@pytest.fixture
def shared(portfolio):
    artifact = save(portfolio, KIND, HANDOFF, status="complete")
    created = services.share_link_create(portfolio=portfolio, label="Acme recruiter", expires_in_days=30)
    return artifact, created.token


def post(client, portfolio, action, **changes):
    artifact = Artifact.objects.get(portfolio=portfolio, kind=KIND)
    return client.post(edit_url(portfolio), {**HANDOFF, **changes, "version": artifact.version, "action": action})


def test_saving_a_complete_artifact_keeps_it_complete_and_updates_the_shared_text(
    candidate_client, anonymous_client, portfolio, shared
):
    _, token = shared
    response = post(candidate_client, portfolio, "save", actions=NEW_ACTIONS)
    assert response.status_code == 302
    artifact = Artifact.objects.get()
    assert artifact.status == "complete" and artifact.version == 2
    assert artifact.revisions.get(number=2).status == "complete"
    page = anonymous_client.get(share_url(token)).content.decode()
    assert NEW_ACTIONS in page
    message = candidate_client.get(edit_url(portfolio)).content.decode()
    assert "It is still complete: live links show the new text." in message


def test_moving_back_to_draft_is_explicit_and_takes_it_off_links(candidate_client, anonymous_client, portfolio, shared):
    _, token = shared
    response = post(candidate_client, portfolio, "draft")
    assert response.status_code == 302
    assert Artifact.objects.get().status == "draft"
    assert HANDOFF["actions"] not in anonymous_client.get(share_url(token)).content.decode()
    assert "moved back to draft (revision 2). Recruiter links no longer show it." in (
        candidate_client.get(edit_url(portfolio)).content.decode()
    )


def test_saving_a_complete_artifact_with_a_required_section_emptied_changes_nothing(
    candidate_client, portfolio, shared
):
    response = post(candidate_client, portfolio, "save", actions="")
    assert response.status_code == 422
    assert "this artifact is complete. Fill it in, or move the artifact back to draft." in response.content.decode()
    artifact = Artifact.objects.get()
    assert artifact.status == "complete" and artifact.version == 1 and artifact.fields["actions"] == HANDOFF["actions"]


def test_save_keeps_a_draft_a_draft(candidate_client, portfolio):
    save(portfolio, KIND, {"framework": "I-PASS."})
    response = post(candidate_client, portfolio, "save", framework="I-PASS, at every handoff.")
    assert response.status_code == 302
    assert Artifact.objects.get().status == "draft"


def test_the_editor_names_the_live_links_that_show_a_complete_artifact(candidate_client, portfolio, shared):
    services.share_link_create(portfolio=portfolio, label="Beacon Health", expires_in_days=None)
    revoked = services.share_link_create(portfolio=portfolio, label="Old revoked", expires_in_days=7)
    services.share_link_revoke(link=revoked.link)
    services.share_link_create(portfolio=portfolio, label="Old expired", expires_in_days=7)
    ShareLink.objects.filter(label="Old expired").update(expires_at=timezone.now() - timedelta(minutes=1))
    page = candidate_client.get(edit_url(portfolio)).content.decode()
    assert "Shown on 2 live links: Acme recruiter, Beacon Health." in page
    assert ">Save changes</button>" in page and ">Move back to draft</button>" in page
    assert ">Save draft</button>" not in page and ">Mark complete</button>" not in page


def test_a_draft_editor_offers_save_draft_and_mark_complete(candidate_client, portfolio):
    save(portfolio, KIND, {"framework": "I-PASS."})
    page = candidate_client.get(edit_url(portfolio)).content.decode()
    assert 'value="save" class="btn btn-primary">Save draft</button>' in page
    assert ">Mark complete</button>" in page and "Shown on" not in page
