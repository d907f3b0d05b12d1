"""The editor's proof summary: required to mark complete, refused with identifiers, hinted when weak."""

from django.urls import reverse

from portfolios import services
from portfolios.models import Artifact, Revision
from tests.conftest import save
from tests.views.test_artifact_editor import FULL_CASE, edit_url, post

SUMMARY = FULL_CASE["summary"]


def test_the_summary_field_opens_the_editor_with_the_saved_line(candidate_client, portfolio):
    artifact = save(portfolio, "case_writeup", {"context": "Client A."})
    Artifact.objects.filter(pk=artifact.pk).update(summary=SUMMARY)
    body = candidate_client.get(edit_url(portfolio)).content.decode()
    assert "Proof summary (one line for recruiters)" in body
    assert body.index('id="section-summary"') < body.index('id="section-context"')  # at the top
    assert f'value="{SUMMARY}"' in body


def test_marking_complete_without_a_summary_is_refused_and_saves_nothing(candidate_client, portfolio):
    response = post(candidate_client, portfolio, {"version": 0, "action": "complete", **FULL_CASE, "summary": "  "})
    assert response.status_code == 422
    body = response.content.decode()
    assert "A proof summary is required before you can mark this artifact complete" in body
    assert "opens the recruiter&#x27;s brief" in body
    assert "Nothing was saved" in body
    assert FULL_CASE["context"] in body  # the typed text stays
    assert not Artifact.objects.exists()


def test_marking_complete_with_a_summary_stores_it_on_the_artifact_and_revision(candidate_client, portfolio):
    response = post(candidate_client, portfolio, {"version": 0, "action": "complete", **FULL_CASE}, follow=True)
    assert "marked complete (revision 1)" in response.content.decode()
    artifact = Artifact.objects.get()
    assert (artifact.status, artifact.summary) == ("complete", SUMMARY)
    assert Revision.objects.get().summary == SUMMARY


def test_a_draft_needs_no_summary(candidate_client, portfolio):
    response = post(candidate_client, portfolio, {"version": 0, "action": "draft", "context": "Client A."})
    assert response.status_code == 302
    assert Artifact.objects.get().summary == ""


def test_a_summary_with_a_patient_identifier_is_refused(candidate_client, portfolio):
    summary = "Mrs. Alvarez: grip from 8 to 22 lb in 30-minute visits."
    response = post(candidate_client, portfolio, {"version": 0, "action": "draft", "summary": summary})
    assert response.status_code == 422
    body = response.content.decode()
    assert "looks like a patient identifier (name)" in body
    assert not Artifact.objects.exists()


def test_a_summary_over_200_characters_is_refused_with_its_length(candidate_client, portfolio):
    response = post(candidate_client, portfolio, {"version": 0, "action": "draft", "summary": "a" * 201})
    assert response.status_code == 422
    assert "201 characters; the limit is 200" in response.content.decode()
    assert not Artifact.objects.exists()


def test_a_second_line_is_refused(candidate_client, portfolio):
    response = post(candidate_client, portfolio, {"version": 0, "action": "draft", "summary": "one\ntwo"})
    assert response.status_code == 422
    assert "single line" in response.content.decode()


def test_a_weak_summary_saves_and_the_editor_says_what_it_lacks(candidate_client, portfolio):
    response = post(
        candidate_client, portfolio, {"version": 0, "action": "complete", **FULL_CASE, "summary": "Grip got better."}
    )
    assert response.status_code == 302  # hints do not block
    body = candidate_client.get(edit_url(portfolio)).content.decode()
    assert 'data-code="no_constraint"' in body and "in 30-minute visits" in body
    assert 'data-code="no_result"' not in body  # grip is a named measure


def test_the_live_check_shows_the_summary_hints(candidate_client, portfolio):
    url = reverse("portfolios:artifact_check", args=[portfolio.pk, "case_writeup"])
    response = candidate_client.post(url, {"version": 0, "summary": "Things improved.", "context": "x"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="findings-panel"' in body and 'id="summary-hints"' in body
    assert 'data-code="no_result"' in body and 'data-code="no_constraint"' in body


def test_the_live_check_names_the_summary_when_it_is_refused(candidate_client, portfolio):
    url = reverse("portfolios:artifact_check", args=[portfolio.pk, "case_writeup"])
    response = candidate_client.post(url, {"version": 0, "summary": "a" * 201})
    assert response.status_code == 422
    assert "Proof summary: The summary is 201 characters" in response.content.decode()


def test_a_complete_artifact_from_before_summaries_still_saves_and_is_flagged(candidate_client, portfolio):
    save(
        portfolio,
        "case_writeup",
        {key: value for key, value in FULL_CASE.items() if key != "summary"},
        status="complete",
    )
    page = candidate_client.get(portfolio.get_absolute_url()).content.decode()
    assert "Add a proof summary" in page
    response = post(candidate_client, portfolio, {"version": 1, "action": "save", **FULL_CASE, "summary": ""})
    assert response.status_code == 302
    assert Artifact.objects.get().status == "complete"


def test_a_complete_artifact_cannot_drop_its_summary(candidate_client, portfolio):
    post(candidate_client, portfolio, {"version": 0, "action": "complete", **FULL_CASE})
    response = post(candidate_client, portfolio, {"version": 1, "action": "save", **FULL_CASE, "summary": ""})
    assert response.status_code == 422
    assert "The proof summary is required: this artifact is complete" in response.content.decode()
    assert Artifact.objects.get().summary == SUMMARY
    assert "Add a proof summary" not in candidate_client.get(portfolio.get_absolute_url()).content.decode()


def test_moving_back_to_draft_may_clear_the_summary(candidate_client, portfolio):
    post(candidate_client, portfolio, {"version": 0, "action": "complete", **FULL_CASE})
    response = post(candidate_client, portfolio, {"version": 1, "action": "draft", **FULL_CASE, "summary": ""})
    assert response.status_code == 302
    assert Artifact.objects.get().summary == ""


def test_a_post_without_the_summary_keeps_it(candidate_client, portfolio):
    post(candidate_client, portfolio, {"version": 0, "action": "complete", **FULL_CASE})
    data = {key: value for key, value in FULL_CASE.items() if key != "summary"}
    response = candidate_client.post(edit_url(portfolio), {"version": 1, "action": "save", "reflection": "", **data})
    assert response.status_code == 302
    assert Artifact.objects.get().summary == SUMMARY


def test_restoring_a_revision_keeps_the_summary(candidate_client, portfolio):
    post(candidate_client, portfolio, {"version": 0, "action": "complete", **FULL_CASE})
    post(candidate_client, portfolio, {"version": 1, "action": "save", **FULL_CASE, "context": "Second text."})
    url = reverse("portfolios:revision_restore", args=[portfolio.pk, "case_writeup", 1])
    response = candidate_client.post(url, {"version": 2})
    assert response.status_code == 302
    artifact = Artifact.objects.get()
    assert (artifact.version, artifact.fields["context"], artifact.summary) == (3, FULL_CASE["context"], SUMMARY)
    assert Revision.objects.get(number=3).summary == SUMMARY


def test_the_conflict_page_keeps_the_summary_typed(candidate_client, portfolio):
    artifact = save(portfolio, "case_writeup", {"context": "From the other tab."})
    services.artifact_save(
        portfolio=portfolio,
        kind="case_writeup",
        fields=artifact.fields,
        status="draft",
        expected_version=1,
        author=portfolio.owner,
        summary="Saved line: 0 late notes with one OT.",
    )
    response = post(candidate_client, portfolio, {"version": 0, "action": "draft", "summary": SUMMARY})
    assert response.status_code == 409
    body = response.content.decode()
    assert f'name="summary" id="id_summary" value="{SUMMARY}"' in body
    assert "Saved line: 0 late notes with one OT." in body
