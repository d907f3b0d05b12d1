"""Mentor review: invites by link, comment threads that go outdated, verdicts tied to versions, notifications."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portfolios.models import Comment, MentorInvite, Notification, Verdict
from tests.conftest import PASSWORD, Client, make_user, save

PLAN = {"plan": "Client will don shoes with min A using a shoe horn within 2 weeks.", "context": "Client A, 70."}


def invite_link(client, portfolio, email="mentor@example.com"):
    mail.outbox.clear()
    client.post(reverse("portfolios:mentors", args=[portfolio.pk]), {"email": email})
    return re.search(r"https?://[^/]+(/invites/[A-Za-z0-9_-]{43}/)", mail.outbox[-1].body).group(1)


@pytest.fixture
def artifact(portfolio):
    return save(portfolio, "case_writeup", PLAN)


@pytest.fixture
def mentor_client(candidate_client, portfolio, artifact):
    """A mentor without an account who accepted an invite in this browser."""
    client = Client()
    client.post(invite_link(candidate_client, portfolio), {"display_name": "Dr. Kim, OTD"})
    return client


def review_url(portfolio, kind="case_writeup"):
    return reverse("portfolios:review_artifact", args=[portfolio.pk, kind])


def comment(client, portfolio, body="Name the assist level.", section="plan", quote=""):
    return client.post(
        reverse("portfolios:comment_create", args=[portfolio.pk, "case_writeup"]),
        {"section": section, "body": body, "quote": quote},
    )


def test_an_invite_mails_a_personal_link(candidate_client, portfolio):
    link = invite_link(candidate_client, portfolio)
    assert mail.outbox[-1].to == ["mentor@example.com"]
    assert "no password is needed" in mail.outbox[-1].body
    invite = MentorInvite.objects.get()
    assert invite.status == "pending" and link.split("/")[2] not in invite.token_hash


def test_inviting_the_same_mentor_twice_is_refused(candidate_client, portfolio):
    invite_link(candidate_client, portfolio, "Mentor@Example.com")
    response = candidate_client.post(
        reverse("portfolios:mentors", args=[portfolio.pk]), {"email": "mentor@example.com"}
    )
    assert "already invited" in response.content.decode()
    assert MentorInvite.objects.count() == 1


def test_a_mentor_starts_reviewing_with_just_a_name(candidate, candidate_client, portfolio, artifact):
    link = invite_link(candidate_client, portfolio)
    mentor = Client()
    assert "asked for your review" in mentor.get(link).content.decode()
    response = mentor.post(link, {"display_name": "Dr. Kim, OTD"})
    assert response.status_code == 302 and response["Location"] == reverse("portfolios:review", args=[portfolio.pk])
    assert mentor.get(review_url(portfolio)).status_code == 200
    assert Notification.objects.get(recipient=candidate).kind == "invite_accepted"


def test_accepting_needs_a_name(candidate_client, portfolio):
    link = invite_link(candidate_client, portfolio)
    response = Client().post(link, {"display_name": "  "})
    assert response.status_code == 422
    assert MentorInvite.objects.get().status == "pending"


def test_revoking_an_invite_ends_access_at_once(candidate_client, mentor_client, portfolio):
    invite = MentorInvite.objects.get()
    candidate_client.post(reverse("portfolios:invite_revoke", args=[portfolio.pk, invite.pk]))
    assert mentor_client.get(review_url(portfolio)).status_code == 404
    assert comment(mentor_client, portfolio).status_code == 404
    assert Comment.objects.count() == 0


def test_a_mentor_who_logs_in_gets_the_invite_in_an_inbox(mentor_client, portfolio):
    user = make_user("kim@example.com")
    mentor_client.post(reverse("login"), {"username": "kim@example.com", "password": PASSWORD})
    assert MentorInvite.objects.get().user == user
    fresh = Client()
    fresh.force_login(user)
    body = fresh.get(reverse("portfolios:review_inbox")).content.decode()
    assert "Casey Candidate" in body
    assert fresh.get(review_url(portfolio)).status_code == 200


def test_a_mentor_comments_on_a_quoted_passage_and_the_candidate_is_notified(mentor_client, candidate, portfolio):
    response = comment(mentor_client, portfolio, body="Say **how** you grade it.", quote="with min A")
    assert response.status_code == 302
    thread = Comment.objects.get()
    assert (thread.section, thread.quote, thread.author_name) == ("plan", "with min A", "Dr. Kim, OTD")
    body = mentor_client.get(review_url(portfolio)).content.decode()
    assert "“with min A”" in body and "Say <strong>how</strong> you grade it." in body
    note = Notification.objects.get(recipient=candidate, kind="comment")
    assert "Dr. Kim, OTD commented" in note.message
    assert any("commented" in message.subject for message in mail.outbox)


def test_comment_text_is_never_rendered_unescaped(mentor_client, portfolio):
    comment(mentor_client, portfolio, body="<script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:x)")
    body = mentor_client.get(review_url(portfolio)).content.decode()
    assert "<script>alert" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_a_quote_that_is_not_in_the_section_is_refused(mentor_client, portfolio):
    response = comment(mentor_client, portfolio, quote="words that are not there")
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_an_empty_comment_is_refused(mentor_client, portfolio):
    comment(mentor_client, portfolio, body="   ")
    assert not Comment.objects.exists()


def test_a_thread_goes_outdated_when_its_section_changes_and_shows_what_changed(
    mentor_client, candidate_client, portfolio
):
    comment(mentor_client, portfolio, quote="with min A")
    body = candidate_client.get(review_url(portfolio)).content.decode()
    assert "Outdated" not in body
    save(portfolio, "case_writeup", {**PLAN, "context": "Client A, 71."})  # another section: still current
    assert "Outdated" not in candidate_client.get(review_url(portfolio)).content.decode()
    save(portfolio, "case_writeup", {**PLAN, "plan": PLAN["plan"].replace("min A", "supervision")})
    body = candidate_client.get(review_url(portfolio)).content.decode()
    assert "Outdated: the section changed since this comment" in body
    assert "<del>min A </del>" in body or "<del>min A" in body
    assert "<ins>supervision" in body


def test_only_the_candidate_or_the_author_may_resolve(mentor_client, candidate_client, portfolio):
    comment(mentor_client, portfolio)
    thread = Comment.objects.get()
    other_mentor = Client()
    other_mentor.post(invite_link(candidate_client, portfolio, "other@example.com"), {"display_name": "Other"})
    other_mentor.post(reverse("portfolios:comment_resolve", args=[thread.pk]))
    thread.refresh_from_db()
    assert not thread.is_resolved
    candidate_client.post(reverse("portfolios:comment_resolve", args=[thread.pk]))
    thread.refresh_from_db()
    assert thread.is_resolved and thread.resolved_by_name == "Casey Candidate"
    mentor_client.post(reverse("portfolios:comment_resolve", args=[thread.pk]), {"reopen": "1"})
    thread.refresh_from_db()
    assert not thread.is_resolved


def test_a_reply_reopens_a_resolved_thread_and_notifies_the_other_side(
    mentor_client, candidate_client, candidate, portfolio
):
    comment(mentor_client, portfolio)
    thread = Comment.objects.get()
    candidate_client.post(reverse("portfolios:comment_resolve", args=[thread.pk]))
    mail.outbox.clear()
    candidate_client.post(reverse("portfolios:comment_reply", args=[thread.pk]), {"body": "Fixed, thanks."})
    thread.refresh_from_db()
    assert not thread.is_resolved
    assert thread.replies.get().author_name == "Casey Candidate"
    assert [message.to for message in mail.outbox] == [["mentor@example.com"]]  # the account-less mentor hears by email


def test_a_verdict_is_tied_to_its_version_and_goes_stale_after_an_edit(
    mentor_client, candidate_client, portfolio, artifact
):
    mentor_client.post(
        reverse("portfolios:scores_give", args=[portfolio.pk, "case_writeup"]),
        {
            "version": artifact.version,
            **{f"score-{row}": 3 for row in ("assessment", "documentation")},
            **{f"reason-{row}": "Safe and checkable." for row in ("assessment", "documentation")},
        },
    )
    mentor_client.post(
        reverse("portfolios:verdict_give", args=[portfolio.pk, "case_writeup"]),
        {"call": "ready", "note": "Clear and measurable.", "version": artifact.version},
    )
    verdict = Verdict.objects.get()
    assert verdict.artifact_version == 1
    body = candidate_client.get(reverse("portfolios:review", args=[portfolio.pk])).content.decode()
    assert "Dr. Kim, OTD: Looks ready" in body and "stale" not in body
    save(portfolio, "case_writeup", {**PLAN, "reflection": "Added later."})
    body = candidate_client.get(review_url(portfolio)).content.decode()
    assert "stale:</strong> given on version 1" in body


def test_a_verdict_on_an_old_version_is_refused(mentor_client, portfolio, artifact):
    save(portfolio, "case_writeup", {**PLAN, "reflection": "Changed while the mentor read."})
    mentor_client.post(
        reverse("portfolios:verdict_give", args=[portfolio.pk, "case_writeup"]), {"call": "ready", "version": 1}
    )
    assert not Verdict.objects.exists()


def test_candidates_cannot_give_verdicts_on_their_own_work(candidate_client, portfolio, artifact):
    candidate_client.post(
        reverse("portfolios:verdict_give", args=[portfolio.pk, "case_writeup"]), {"call": "ready", "version": 1}
    )
    assert not Verdict.objects.exists()


def test_notifications_count_unread_and_can_be_marked_read(mentor_client, candidate_client, candidate, portfolio):
    comment(mentor_client, portfolio)
    body = candidate_client.get(reverse("portfolios:dashboard")).content.decode()
    assert re.search(r'badge text-bg-danger">2<span class="visually-hidden"> unread', body)  # accepted + comment
    candidate_client.post(reverse("portfolios:notifications"))
    assert not Notification.objects.filter(recipient=candidate, read_at__isnull=True).exists()


def test_email_notifications_respect_the_users_setting(mentor_client, candidate, portfolio):
    candidate.email_notifications = False
    candidate.save()
    mail.outbox.clear()
    comment(mentor_client, portfolio)
    assert Notification.objects.filter(recipient=candidate, kind="comment").exists()
    assert mail.outbox == []


@pytest.mark.parametrize("page", ["review", "review_artifact"])
def test_review_pages_run_constant_queries(page, mentor_client, portfolio, artifact):
    url = reverse(f"portfolios:{page}", args=[portfolio.pk] + (["case_writeup"] if page == "review_artifact" else []))
    comment(mentor_client, portfolio)
    with CaptureQueriesContext(connection) as small:
        assert mentor_client.get(url).status_code == 200
    for number in range(8):
        comment(mentor_client, portfolio, body=f"Thread {number}", section=["plan", "context"][number % 2])
    thread = Comment.objects.first()
    for number in range(5):
        mentor_client.post(reverse("portfolios:comment_reply", args=[thread.pk]), {"body": f"Reply {number}"})
    for kind in ["plan_of_care", "sop_checklist", "handoff_template"]:
        save(portfolio, kind, {})
    save(portfolio, "plan_of_care", {"problem": "Client requires Mod A for dressing."})
    with CaptureQueriesContext(connection) as large:
        assert mentor_client.get(url).status_code == 200
    assert len(small) == len(large)


def test_the_invite_page_keeps_the_site_referrer_policy_so_browsers_can_post_it(candidate_client, portfolio):
    # "no-referrer" here made Chromium send "Origin: null", which CSRF refuses (found in a browser test).
    response = Client().get(invite_link(candidate_client, portfolio))
    assert response["Referrer-Policy"] == "same-origin"


def test_opening_a_notification_marks_it_read(mentor_client, candidate_client, candidate, portfolio):
    comment(mentor_client, portfolio)
    note = Notification.objects.get(recipient=candidate, kind="comment")
    response = candidate_client.get(reverse("portfolios:notification_open", args=[note.pk]))
    assert response.status_code == 302 and response["Location"] == note.url
    note.refresh_from_db()
    assert note.read_at is not None
