"""Rubric findings in the product: stored on save, shown by row, live-checked, PHI replaced in one click."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portfolios.models import Artifact, Revision
from tests.conftest import save

LEAKY = {"context": "Mrs. Alvarez, 67, was first seen on 03/14/2025 after a wrist fracture."}


def edit_url(portfolio, kind="case_writeup"):
    return reverse("portfolios:artifact_edit", args=[portfolio.pk, kind])


def check_url(portfolio, kind="case_writeup"):
    return reverse("portfolios:artifact_check", args=[portfolio.pk, kind])


def redact_url(portfolio, kind="case_writeup"):
    return reverse("portfolios:artifact_redact", args=[portfolio.pk, kind])


def phi_findings(artifact):
    return [f for f in artifact.check_result["findings"] if f["check"].startswith("phi.")]


def test_saving_stores_phi_errors_with_the_version(portfolio):
    artifact = save(portfolio, "case_writeup", LEAKY)
    checks = {f["check"] for f in phi_findings(artifact)}
    assert {"phi.name", "phi.date"} <= checks
    assert artifact.phi_error_count == len(phi_findings(artifact))


def test_the_editor_groups_findings_by_row_and_quotes_the_passage(candidate_client, portfolio):
    save(portfolio, "case_writeup", LEAKY)
    body = candidate_client.get(edit_url(portfolio)).content.decode()
    assert 'id="findings-panel"' in body
    assert "<mark>Mrs. Alvarez</mark>" in body
    assert "<mark>03/14/2025</mark>" in body
    assert 'href="#id_context"' in body
    assert "Replace with placeholder" in body
    for row in ["Assessment", "Documentation", "Plan of care"]:
        assert row in body


def test_the_editor_reads_stored_results_without_rechecking(candidate_client, portfolio, monkeypatch):
    save(portfolio, "case_writeup", LEAKY)

    def boom(*args, **kwargs):
        raise AssertionError("the editor must not re-run the checker on GET")

    monkeypatch.setattr("portfolios.views.candidate.check_artifact", boom)
    assert candidate_client.get(edit_url(portfolio)).status_code == 200


def test_the_live_check_returns_the_panel_and_saves_nothing(candidate_client, portfolio):
    with CaptureQueriesContext(connection) as queries:
        response = candidate_client.post(check_url(portfolio), {"version": 0, **LEAKY})
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="findings-panel"')
    assert "<mark>Mrs. Alvarez</mark>" in body
    assert "unsaved text" in body
    assert not Artifact.objects.exists()
    assert not any(
        q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")) for q in queries.captured_queries
    )


def test_the_live_check_explains_input_it_cannot_check(candidate_client, portfolio):
    response = candidate_client.post(check_url(portfolio), {"version": 0, "context": "bad\x01"})
    assert response.status_code == 422
    assert "control character" in response.content.decode()


def test_replace_with_placeholder_writes_a_new_revision(candidate_client, portfolio):
    artifact = save(portfolio, "case_writeup", LEAKY)
    name = next(f for f in phi_findings(artifact) if f["check"] == "phi.name")
    response = candidate_client.post(
        redact_url(portfolio),
        {"expected_version": 1, **{key: name[key] for key in ("field", "start", "end", "check")}},
        follow=True,
    )
    assert "Replaced an identifier with [NAME]" in response.content.decode()
    artifact.refresh_from_db()
    assert artifact.version == 2
    assert artifact.fields["context"].startswith("[NAME], 67,")
    assert "phi.name" not in {f["check"] for f in phi_findings(artifact)}
    assert Revision.objects.get(number=1).fields["context"] == LEAKY["context"]  # the original is kept


def test_replace_refuses_a_span_that_was_not_flagged(candidate_client, portfolio):
    save(portfolio, "case_writeup", LEAKY)
    response = candidate_client.post(
        redact_url(portfolio),
        {"expected_version": 1, "field": "context", "start": 0, "end": 20, "check": "phi.name"},
        follow=True,
    )
    assert "no longer flagged" in response.content.decode()
    assert Artifact.objects.get().version == 1


def test_replace_from_a_stale_page_changes_nothing(candidate_client, portfolio):
    artifact = save(portfolio, "case_writeup", LEAKY)
    name = next(f for f in phi_findings(artifact) if f["check"] == "phi.name")
    save(portfolio, "case_writeup", {"context": "Rewritten: " + LEAKY["context"]})
    response = candidate_client.post(
        redact_url(portfolio),
        {"expected_version": 1, **{key: name[key] for key in ("field", "start", "end", "check")}},
        follow=True,
    )
    assert "changed since the check ran" in response.content.decode()
    assert Artifact.objects.get().version == 2


def test_replace_with_garbage_input_changes_nothing(candidate_client, portfolio):
    save(portfolio, "case_writeup", LEAKY)
    response = candidate_client.post(redact_url(portfolio), {"expected_version": "x", "check": "<script>"}, follow=True)
    assert "could not be read" in response.content.decode()
    assert Artifact.objects.get().version == 1


def test_the_dashboard_matrix_shows_scores_and_standing(candidate_client, portfolio):
    save(portfolio, "case_writeup", LEAKY)
    body = candidate_client.get(reverse("portfolios:dashboard")).content.decode()
    assert "/4</span>" in body
    assert "cell-score" in body


def test_the_editor_explains_each_score_with_the_passage_that_earned_it_and_what_is_missing(
    candidate_client, portfolio
):
    save(
        portfolio,
        "plan_of_care",
        {
            "baseline": "LB dressing: Mod A with 3 verbal cues; COPM performance 3/10.",
            "frequency_duration": "PRN",
        },
    )
    body = candidate_client.get(edit_url(portfolio, "plan_of_care")).content.decode()
    assert "How assessment earned" in body
    assert "a baseline with named measures and a number or level" in body
    assert "LB dressing: Mod A with 3 verbal cues" in body
    assert "missing \u2014 frequency and duration in numbers" in body
