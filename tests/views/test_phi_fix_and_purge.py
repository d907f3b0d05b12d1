"""Fixing identifiers: 'Replace all identifiers' (one revision), 'Purge from history', and the download's warning."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portfolios import services
from portfolios.models import Artifact, Comment, HistoryPurge, Revision
from tests.conftest import Client, save

LEAKY = {
    "context": "Mrs. Alvarez, 72, was seen on 03/14/2025 after a fall at home.",
    "plan": "Client will dress with min A within 2 weeks. Call her daughter Maria at 555-123-4567.",
}
CLEAN = {"context": "Client A, 72, was seen after a fall at home.", "plan": LEAKY["plan"].split(" Call")[0]}


def edit_url(portfolio, kind="case_writeup"):
    return reverse("portfolios:artifact_edit", args=[portfolio.pk, kind])


def replace_all_url(portfolio, kind="case_writeup"):
    return reverse("portfolios:artifact_replace_all", args=[portfolio.pk, kind])


def purge_url(portfolio, kind="case_writeup"):
    return reverse("portfolios:artifact_purge_history", args=[portfolio.pk, kind])


@pytest.fixture
def leaky(portfolio):
    artifact = save(portfolio, "case_writeup", LEAKY)
    assert artifact.phi_error_count >= 4
    return artifact


# ---- replace all ----------------------------------------------------------------------------------


def test_the_editor_offers_replace_all_while_identifiers_remain(candidate_client, portfolio, leaky):
    body = candidate_client.get(edit_url(portfolio)).content.decode()
    assert f"{leaky.phi_error_count} patient identifiers found." in body
    assert replace_all_url(portfolio) in body and "Replace all identifiers" in body


def test_replace_all_writes_one_revision_that_reads_well(candidate_client, portfolio, leaky):
    response = candidate_client.post(replace_all_url(portfolio), {"expected_version": leaky.version})
    assert response.status_code == 302
    artifact = Artifact.objects.get(pk=leaky.pk)
    assert artifact.version == leaky.version + 1 and Revision.objects.filter(artifact=artifact).count() == 2
    assert artifact.fields["context"].startswith("The client, 72, was seen on [date] after a fall")
    assert "her daughter [name] at [phone number]" in artifact.fields["plan"]
    assert artifact.phi_error_count == 0
    assert "Replaced 4 identifiers with placeholders" in Revision.objects.get(number=2, artifact=artifact).note
    assert "Replaced 4 identifiers" in candidate_client.get(edit_url(portfolio)).content.decode()


def test_replace_all_refuses_a_stale_page_and_changes_nothing(candidate_client, portfolio, leaky):
    save(portfolio, "case_writeup", {**LEAKY, "plan": LEAKY["plan"] + " Edited elsewhere."})
    response = candidate_client.post(replace_all_url(portfolio), {"expected_version": leaky.version}, follow=True)
    assert "changed since you opened it. Nothing was replaced" in response.content.decode()
    artifact = Artifact.objects.get(pk=leaky.pk)
    assert artifact.version == 2 and "Mrs. Alvarez" in artifact.fields["context"]


def test_replace_all_on_clean_work_says_so_and_writes_nothing(candidate_client, portfolio):
    artifact = save(portfolio, "case_writeup", CLEAN)
    response = candidate_client.post(replace_all_url(portfolio), {"expected_version": artifact.version}, follow=True)
    assert "holds no flagged identifier. Nothing was changed." in response.content.decode()
    assert Artifact.objects.get(pk=artifact.pk).version == 1


def test_replace_all_with_a_garbled_version_changes_nothing(candidate_client, portfolio, leaky):
    response = candidate_client.post(replace_all_url(portfolio), {"expected_version": "x"}, follow=True)
    assert response.status_code == 200 and "Nothing was changed" in response.content.decode()
    assert Artifact.objects.get(pk=leaky.pk).version == 1


def test_replace_all_needs_the_csrf_token(candidate, portfolio, leaky):
    client = Client(enforce_csrf_checks=True)
    client.force_login(candidate)
    assert client.post(replace_all_url(portfolio), {"expected_version": 1}).status_code == 403
    assert Artifact.objects.get(pk=leaky.pk).version == 1


def test_someone_elses_artifact_under_your_own_session_is_a_404(stranger_client, stranger, portfolio, leaky):
    services.portfolio_create(owner=stranger, track="outpatient")
    assert stranger_client.post(replace_all_url(portfolio), {"expected_version": 1}).status_code == 404
    assert stranger_client.get(purge_url(portfolio)).status_code == 404
    assert stranger_client.post(purge_url(portfolio), {"confirm": "on"}).status_code == 404
    assert Artifact.objects.get(pk=leaky.pk).version == 1 and not HistoryPurge.objects.exists()


# ---- purge from history ---------------------------------------------------------------------------


def fixed(candidate_client, portfolio, leaky):
    candidate_client.post(replace_all_url(portfolio), {"expected_version": leaky.version})
    return Artifact.objects.get(pk=leaky.pk)


def test_the_purge_page_counts_what_history_holds_and_asks_to_confirm(candidate_client, portfolio, leaky):
    fixed(candidate_client, portfolio, leaky)
    body = candidate_client.get(purge_url(portfolio)).content.decode()
    assert "4 identifiers</strong> found in <strong>1 earlier revision</strong>" in body
    assert 'name="confirm"' in body
    unconfirmed = candidate_client.post(purge_url(portfolio), {})
    assert unconfirmed.status_code == 422
    assert "Mrs. Alvarez" in Revision.objects.get(artifact=leaky, number=1).fields["context"]


def test_purging_rewrites_earlier_revisions_logs_counts_only_and_restore_cannot_bring_them_back(
    candidate_client, candidate, portfolio, leaky
):
    mentor = services.Reviewer(name="Dr. Kim", user=None)
    services.comment_start(artifact=leaky, reviewer=mentor, section="context", body="Fine", quote="Mrs. Alvarez, 72")
    artifact = fixed(candidate_client, portfolio, leaky)
    response = candidate_client.post(purge_url(portfolio), {"confirm": "on"}, follow=True)
    assert "Removed 7 identifiers from 1 earlier revision." in response.content.decode()
    first = Revision.objects.get(artifact=artifact, number=1)
    assert first.fields == Revision.objects.get(artifact=artifact, number=2).fields  # same placeholders
    thread = Comment.objects.get()
    assert "Alvarez" not in thread.quote and "Alvarez" not in thread.section_text
    purge = HistoryPurge.objects.get()
    assert (purge.actor, purge.revisions_rewritten, purge.identifiers_removed) == (
        candidate,
        1,
        7,
    )  # 4 in revision 1, 1 in the quote, 2 in the copy
    assert "Alvarez" not in json.dumps(list(HistoryPurge.objects.values()), default=str)
    restore = reverse("portfolios:revision_restore", args=[portfolio.pk, "case_writeup", 1])
    candidate_client.post(restore, {"version": artifact.version})
    restored = Artifact.objects.get(pk=artifact.pk)
    assert restored.version == 3 and restored.phi_error_count == 0 and "Alvarez" not in str(restored.fields)


def test_purging_is_refused_while_the_current_text_holds_identifiers(candidate_client, portfolio, leaky):
    save(portfolio, "case_writeup", CLEAN)
    save(portfolio, "case_writeup", LEAKY)
    page = candidate_client.get(purge_url(portfolio)).content.decode()
    assert "The current text still holds identifiers." in page
    response = candidate_client.post(purge_url(portfolio), {"confirm": "on"})
    assert response.status_code == 422
    assert "replace them first" in response.content.decode()
    assert "Mrs. Alvarez" in Revision.objects.get(artifact=leaky, number=1).fields["context"]
    assert not HistoryPurge.objects.exists()


def test_the_history_page_links_to_the_purge(candidate_client, portfolio, leaky):
    body = candidate_client.get(reverse("portfolios:artifact_history", args=[portfolio.pk, "case_writeup"]))
    assert purge_url(portfolio) in body.content.decode()


# ---- download my data ------------------------------------------------------------------------------


def download(client):
    return json.loads(client.get(reverse("account_export")).content)


def test_the_download_warns_at_the_top_while_any_stored_text_holds_an_identifier(candidate_client, portfolio, leaky):
    data = download(candidate_client)
    assert list(data)[:4] == ["format", "version", "exported_at", "identifier_warning"]
    warning = data["identifier_warning"]
    assert "Do not share it as de-identified work" in warning["message"]
    assert {
        "where": "Outpatient: Redacted case write-up, current text",
        "types": ["name", "date", "phone number"],
    } in warning["places"]
    assert "Alvarez" not in json.dumps(warning)
    page = candidate_client.get(reverse("profile")).content.decode()
    assert "Your stored text still holds patient identifiers" in page and "Redacted case write-up, current text" in page


def test_after_replace_and_purge_the_download_is_clean(candidate_client, portfolio, leaky):
    fixed(candidate_client, portfolio, leaky)
    assert "revision 1" in json.dumps(download(candidate_client)["identifier_warning"])
    candidate_client.post(purge_url(portfolio), {"confirm": "on"})
    data = download(candidate_client)
    assert data["identifier_warning"] is None
    assert "Alvarez" not in json.dumps(data)
    assert "still holds patient identifiers" not in candidate_client.get(reverse("profile")).content.decode()


def test_the_profile_page_warning_is_cached_on_the_content_version(candidate_client, portfolio, leaky):
    candidate_client.get(reverse("profile"))
    with CaptureQueriesContext(connection) as repeat:
        candidate_client.get(reverse("profile"))
    assert not any("portfolios_revision" in query["sql"] for query in repeat.captured_queries)


def test_the_download_holds_the_portfolio_headline_and_invite_notes(candidate_client, portfolio):
    services.portfolio_headline_update(portfolio=portfolio, headline="Outpatient OT: clear goals")
    services.mentor_invite_create(portfolio=portfolio, email="m@example.com", invite_url_for=str, message="Plan first?")
    data = download(candidate_client)["portfolios"][0]
    assert data["headline"] == "Outpatient OT: clear goals"
    assert data["mentor_invites"][0]["message"] == "Plan first?"


def test_the_purge_page_runs_the_same_queries_however_long_the_history(candidate_client, portfolio, leaky):
    url = purge_url(portfolio)
    with CaptureQueriesContext(connection) as short:
        assert candidate_client.get(url).status_code == 200
    for number in range(6):
        save(portfolio, "case_writeup", {**LEAKY, "plan": f"{LEAKY['plan']} Edit {number}."})
    with CaptureQueriesContext(connection) as long:
        assert candidate_client.get(url).status_code == 200
    assert len(short) == len(long)


CHECKLIST = {
    "error_prevented": "Falls at the first stand because orthostatic BP was not checked.",
    "owner_review": "Owner: acute OT lead. Revised by 30 Sept. and reviewed every 12 months.",
}


def test_a_checklists_own_review_date_is_no_identifier_in_its_text_history_or_download(candidate_client, portfolio):
    artifact = save(portfolio, "sop_checklist", CHECKLIST)
    save(portfolio, "sop_checklist", {**CHECKLIST, "when_used": "Every first stand of the admission."})
    assert artifact.pk and Artifact.objects.get(pk=artifact.pk).phi_error_count == 0
    assert services.history_identifier_count(Artifact.objects.get(pk=artifact.pk)) == (0, 0)
    assert download(candidate_client)["identifier_warning"] is None


def test_a_patients_date_in_a_checklists_other_sections_is_still_one(candidate_client, portfolio):
    leaky = {**CHECKLIST, "error_prevented": "Client A fell on 03/14/2025 at her first stand."}
    save(portfolio, "sop_checklist", leaky)
    save(portfolio, "sop_checklist", CHECKLIST)  # the current text is clean; the first revision is not
    warning = download(candidate_client)["identifier_warning"]
    assert warning["places"] == [
        {"where": "Outpatient: Error-prevention checklist (SOP), revision 1", "types": ["date"]}
    ]
