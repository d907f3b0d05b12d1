"""Mentor review by rubric row: the checker's rows beside the text, scores with reasons, the safety gate, re-review."""

import json

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portfolios import services
from portfolios.kinds import KINDS_BY_KEY
from portfolios.models import MentorInvite, Notification, ReviewRequest, ReviewScore, Verdict
from tests.conftest import Client, make_user, save
from tests.views.test_phi_gate_viewers import COMPLETE_LEAKY
from tests.views.test_review import PLAN, comment, invite_link, review_url

SAFETY = {"assessment": 3, "documentation": 3}


@pytest.fixture
def artifact(portfolio):
    return save(portfolio, "case_writeup", PLAN)


@pytest.fixture
def mentor_client(candidate_client, portfolio, artifact):
    client = Client()
    client.post(invite_link(candidate_client, portfolio), {"display_name": "Dr. Kim, OTD"})
    return client


def scores_url(portfolio, kind="case_writeup"):
    return reverse("portfolios:scores_give", args=[portfolio.pk, kind])


def score(client, portfolio, version, scores, *, agree=(), reason="Checked against the plan."):
    data = {"version": version}
    for row, value in scores.items():
        data[f"score-{row}"] = value
        data[f"reason-{row}"] = reason
        if row in agree:
            data[f"agrees-{row}"] = "on"
    return client.post(scores_url(portfolio), data)


def verdict(client, portfolio, version, call="ready"):
    return client.post(
        reverse("portfolios:verdict_give", args=[portfolio.pk, "case_writeup"]),
        {"call": call, "note": "", "version": version},
        follow=True,
    )


# ---- slice 1: the mentor sees what the candidate sees ----------------------------------------------


def test_the_mentor_sees_the_checkers_row_scores_reasons_and_findings(mentor_client, portfolio, artifact):
    body = mentor_client.get(review_url(portfolio)).content.decode()
    row = artifact.check_result["rows"]["assessment"]
    assert 'id="row-assessment"' in body and f"{row['score']} · {row['label']}" in body
    for reason in row["reasons"]:
        assert reason.replace("'", "&#x27;").replace('"', "&quot;")[:30] in body
    finding = artifact.check_result["findings"][0]
    assert finding["message"].replace("'", "&#x27;").replace('"', "&quot;")[:30] in body
    assert "Safety-bearing" in body


def test_the_comment_box_is_open_on_every_section(mentor_client, portfolio):
    body = mentor_client.get(review_url(portfolio)).content.decode()
    assert '<details class="mt-2 new-comment"' not in body
    assert body.count('class="comment-form') == len(KINDS_BY_KEY["case_writeup"].sections)


def test_findings_quote_identifiers_masked_for_mentors_only(candidate_client, portfolio):
    save(portfolio, "case_writeup", COMPLETE_LEAKY, status="complete")
    mentor = Client()
    mentor.post(invite_link(candidate_client, portfolio), {"display_name": "Dr. Kim"})
    body = mentor.get(review_url(portfolio)).content.decode()
    assert 'id="scores"' in body
    assert "Alvarez" not in body and "555-123-4567" not in body and "03/14/2025" not in body
    assert "[identifier hidden:" in body
    assert "Alvarez" in candidate_client.get(review_url(portfolio)).content.decode()


# ---- slice 2: row scores with reasons -------------------------------------------------------------


def test_a_mentor_scores_rows_with_reasons_and_agreement(mentor_client, portfolio, artifact):
    response = score(
        mentor_client, portfolio, artifact.version, {"assessment": 3, "plan_of_care": 1}, agree={"assessment"}
    )
    assert response.status_code == 302
    scores = {item.row: item for item in ReviewScore.objects.all()}
    assert scores["assessment"].score == 3 and scores["assessment"].agrees_with_checker is True
    assert scores["plan_of_care"].agrees_with_checker is False
    assert scores["assessment"].reason == "Checked against the plan."
    assert scores["assessment"].invite.display_name == "Dr. Kim, OTD"
    assert scores["assessment"].artifact_version == artifact.version
    assert Notification.objects.filter(recipient=portfolio.owner, message__contains="scored 2 rows").exists()


def test_a_score_without_a_reason_or_out_of_range_is_refused(mentor_client, portfolio, artifact):
    response = score(mentor_client, portfolio, artifact.version, {"assessment": 3}, reason="  ")
    assert "give a reason" in mentor_client.get(response["Location"]).content.decode()
    score(mentor_client, portfolio, artifact.version, {"assessment": 5})
    score(mentor_client, portfolio, artifact.version, {"time_management": 3})  # not a row this kind proves
    assert not ReviewScore.objects.exists()


def test_a_score_on_an_old_version_is_refused(mentor_client, portfolio, artifact):
    save(portfolio, "case_writeup", {**PLAN, "reflection": "Changed while the mentor read."})
    score(mentor_client, portfolio, artifact.version, {"assessment": 3})
    assert not ReviewScore.objects.exists()


def test_the_candidate_sees_self_mentor_and_checker_side_by_side_with_disagreements(
    mentor_client, candidate_client, portfolio, artifact
):
    checker = artifact.check_result["rows"]["plan_of_care"]["score"]
    far = 0 if checker >= 2 else 4
    score(
        mentor_client,
        portfolio,
        artifact.version,
        {"plan_of_care": far, "assessment": 3},
        agree={"plan_of_care", "assessment"},
    )
    score(candidate_client, portfolio, artifact.version, {"assessment": 3}, reason="I name the baseline.")
    own = ReviewScore.objects.get(invite__isnull=True)
    assert own.agrees_with_checker is None and own.row == "assessment"
    body = candidate_client.get(review_url(portfolio)).content.decode()
    plan_row = body.split('id="row-plan_of_care"')[1].split("</article>")[0]
    assert "Disagreement" in plan_row and "Dr. Kim, OTD" in plan_row and "Checker" in plan_row
    assessment_row = body.split('id="row-assessment"')[1].split("</article>")[0]
    assert "I name the baseline." in assessment_row and "Self" in assessment_row


def test_a_mentor_marking_disagreement_is_highlighted_even_when_close(
    mentor_client, candidate_client, portfolio, artifact
):
    checker = artifact.check_result["rows"]["documentation"]["score"]
    score(mentor_client, portfolio, artifact.version, {"documentation": checker})  # agrees box left unticked
    body = candidate_client.get(review_url(portfolio)).content.decode()
    row = body.split('id="row-documentation"')[1].split("</article>")[0]
    assert "Disagreement" in row and "Disagrees with the checker" in row


def test_scores_go_stale_after_an_edit(mentor_client, candidate_client, portfolio, artifact):
    score(mentor_client, portfolio, artifact.version, {"assessment": 3}, agree={"assessment"})
    save(portfolio, "case_writeup", {**PLAN, "reflection": "Added later."})
    body = candidate_client.get(review_url(portfolio)).content.decode()
    row = body.split('id="row-assessment"')[1].split("</article>")[0]
    assert f"stale: version {artifact.version}" in row


# ---- slice 3: the safety gate on "looks ready" ---------------------------------------------------


def test_looks_ready_is_refused_with_a_safety_row_below_3_and_says_why(mentor_client, portfolio, artifact):
    score(mentor_client, portfolio, artifact.version, {"assessment": 2, "documentation": 3}, agree={"assessment"})
    body = verdict(mentor_client, portfolio, artifact.version).content.decode()
    assert not Verdict.objects.exists()
    assert "needs 3 (Proficient) or more on the safety-bearing rows" in body
    assert "you scored Assessment 2 (Developing)" in body


def test_looks_ready_is_refused_without_scores_on_the_safety_rows(mentor_client, portfolio, artifact):
    body = verdict(mentor_client, portfolio, artifact.version).content.decode()
    assert not Verdict.objects.exists() and "you have not scored Assessment on this version" in body
    verdict(mentor_client, portfolio, artifact.version, call="needs_work")
    assert Verdict.objects.get().call == "needs_work"  # "needs work" is never gated


def test_looks_ready_goes_through_once_the_safety_rows_are_3_or_more(mentor_client, portfolio, artifact):
    score(mentor_client, portfolio, artifact.version, {"assessment": 2, "documentation": 3})
    score(mentor_client, portfolio, artifact.version, SAFETY)
    verdict(mentor_client, portfolio, artifact.version)
    assert Verdict.objects.get().call == "ready"


def test_stale_safety_scores_do_not_count(mentor_client, portfolio, artifact):
    score(mentor_client, portfolio, artifact.version, SAFETY)
    edited = save(portfolio, "case_writeup", {**PLAN, "reflection": "Added later."})
    body = verdict(mentor_client, portfolio, edited.version).content.decode()
    assert not Verdict.objects.exists() and "not scored Assessment on this version" in body


def test_safety_rows_are_catalog_data():
    assert KINDS_BY_KEY["handoff_template"].safety_rows == ("assessment",)
    assert set(KINDS_BY_KEY["case_writeup"].safety_rows) == {"assessment", "documentation"}
    assert KINDS_BY_KEY["plan_of_care"].safety_rows == ("assessment",)
    assert KINDS_BY_KEY["sop_checklist"].safety_rows == ("documentation",)
    assert KINDS_BY_KEY["caseload_note"].safety_rows == ("time_management",)
    assert KINDS_BY_KEY["education_script"].safety_rows == ()


# ---- slice 4: re-review and the data download ---------------------------------------------------------


def test_the_candidate_asks_for_a_re_review_after_an_edit_and_the_mentor_hears_with_a_link(
    mentor_client, candidate_client, portfolio, artifact
):
    score(mentor_client, portfolio, artifact.version, SAFETY)
    url = reverse("portfolios:re_review", args=[portfolio.pk, "case_writeup"])
    candidate_client.post(url)
    assert not ReviewRequest.objects.exists()  # nothing changed since the review
    edited = save(portfolio, "case_writeup", {**PLAN, "reflection": "Added the GG sheet."})
    mail.outbox.clear()
    candidate_client.post(url)
    request = ReviewRequest.objects.get()
    assert request.artifact_version == edited.version
    (message,) = mail.outbox  # this mentor has no account: they hear by email
    assert message.to == ["mentor@example.com"] and review_url(portfolio) in message.body
    page = mentor_client.get(review_url(portfolio)).content.decode()
    assert "Re-review requested" in page
    candidate_client.post(url)
    assert ReviewRequest.objects.count() == 1 and len(mail.outbox) == 1  # asking twice tells nobody again


def test_a_mentor_with_an_account_gets_a_notification_for_a_re_review(candidate_client, portfolio, artifact):
    mentor = make_user("kim@example.com", display_name="Dr. Kim")
    client = Client()
    client.force_login(mentor)
    client.post(invite_link(candidate_client, portfolio, "kim@example.com"), {"display_name": "Dr. Kim"})
    comment(client, portfolio)
    save(portfolio, "case_writeup", {**PLAN, "reflection": "Edited."})
    candidate_client.post(reverse("portfolios:re_review", args=[portfolio.pk, "case_writeup"]))
    notification = Notification.objects.get(recipient=mentor, kind=Notification.Kind.RE_REVIEW)
    assert notification.url == review_url(portfolio)
    assert client.get(notification.url).status_code == 200


def test_the_data_download_includes_feedback_received_with_reviewer_names(
    mentor_client, candidate_client, candidate, portfolio, artifact
):
    score(mentor_client, portfolio, artifact.version, SAFETY, agree={"assessment"})
    verdict(mentor_client, portfolio, artifact.version)
    score(candidate_client, portfolio, artifact.version, {"plan_of_care": 4}, reason="Dated goals.")
    data = services.account_export(user=candidate)
    json.dumps(data)
    (exported,) = data["portfolios"][0]["artifacts"]
    feedback = exported["feedback_received"]
    assert feedback["verdicts"][0]["reviewer"] == "Dr. Kim, OTD" and feedback["verdicts"][0]["call"] == "ready"
    by_row = {(item["reviewer"], item["row"]): item for item in feedback["row_scores"]}
    assert by_row[("Dr. Kim, OTD", "assessment")]["score"] == 3
    assert by_row[("Dr. Kim, OTD", "assessment")]["agrees_with_checker"] is True
    assert by_row[("Self", "plan_of_care")]["reason"] == "Dated goals."


# ---- access: someone else's ids under these URLs ------------------------------------------------------


def test_another_portfolios_ids_under_these_urls_are_404_and_change_nothing(
    mentor_client, portfolio, artifact, stranger, stranger_client
):
    own = services.portfolio_create(owner=stranger, track="outpatient")
    save(own, "case_writeup", PLAN)
    # The stranger uses the candidate's portfolio id under the stranger's own pages and vice versa.
    assert score(stranger_client, portfolio, artifact.version, SAFETY).status_code == 404
    assert stranger_client.post(reverse("portfolios:re_review", args=[portfolio.pk, "case_writeup"])).status_code == 404
    # The mentor of the candidate's portfolio reaches for the stranger's.
    assert score(mentor_client, own, 1, SAFETY).status_code == 404
    assert mentor_client.post(reverse("portfolios:re_review", args=[own.pk, "case_writeup"])).status_code == 302
    assert not ReviewScore.objects.exists() and not ReviewRequest.objects.exists()


def test_a_revoked_mentor_cannot_score(mentor_client, portfolio, artifact):
    services.mentor_invite_revoke(invite=MentorInvite.objects.get())
    assert score(mentor_client, portfolio, artifact.version, SAFETY).status_code == 404
    assert not ReviewScore.objects.exists()


# ---- query counts ---------------------------------------------------------------------------------


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["mentor", "owner"])
def test_the_review_page_runs_the_same_queries_as_scores_and_comments_grow(
    who, mentor_client, candidate_client, portfolio, artifact
):
    client = mentor_client if who == "mentor" else candidate_client
    url = review_url(portfolio)
    score(mentor_client, portfolio, artifact.version, SAFETY)
    comment(mentor_client, portfolio)
    baseline = _queries(client, url)
    for number in range(3):
        extra = Client()
        extra.post(invite_link(candidate_client, portfolio, f"m{number}@example.com"), {"display_name": f"M{number}"})
        score(extra, portfolio, artifact.version, {"assessment": 2, "plan_of_care": 3, "documentation": 4})
        comment(extra, portfolio, body=f"Note {number}")
        verdict(extra, portfolio, artifact.version, call="needs_work")
    score(candidate_client, portfolio, artifact.version, {"assessment": 3})
    assert ReviewScore.objects.count() == 12
    assert _queries(client, url) == baseline
