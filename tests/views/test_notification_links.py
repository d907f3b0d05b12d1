"""Every notification, of every kind and to anyone, carries a link that works for its reader.

Mail links lead through the notification itself: a signed-out owner logs in first and lands
where it points; a signed-in stranger gets the same 404 as for a notification that does not exist.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse

from portfolios import services
from portfolios.models import Comment, Notification
from tests.conftest import PASSWORD, Client, make_user
from tests.views import test_review
from tests.views.test_review import comment, invite_link

artifact, mentor_client = test_review.artifact, test_review.mentor_client  # fixtures shared with the review tests

SITE = "http://testserver.example"
LINK = re.compile(re.escape(SITE) + r"(/\S+)")


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def _comment_by_mentor(mentor_client, candidate_client, portfolio):
    comment(mentor_client, portfolio)


def _reply_by_mentor(mentor_client, candidate_client, portfolio):
    comment(candidate_client, portfolio, body="Please look at the plan.")
    thread = Comment.objects.get()
    mentor_client.post(reverse("portfolios:comment_reply", args=[thread.pk]), {"body": "Done: see above."})


def _verdict_by_mentor(mentor_client, candidate_client, portfolio):
    version = portfolio.artifacts.get().version
    mentor_client.post(
        reverse("portfolios:verdict_give", args=[portfolio.pk, "case_writeup"]),
        {"call": "needs_work", "note": "", "version": version},
    )


def _invite_accepted(mentor_client, candidate_client, portfolio):
    pass  # the mentor_client fixture accepted an invite already


def _re_review_asked(mentor_client, candidate_client, portfolio):
    """The candidate asks a mentor with an account to look again: the mentor is the one notified."""
    mentor = make_user("kim@example.com", display_name="Dr. Kim")
    client = Client()
    client.force_login(mentor)
    client.post(invite_link(candidate_client, portfolio, "kim@example.com"), {"display_name": "Dr. Kim"})
    comment(client, portfolio)
    artifact = portfolio.artifacts.get()
    services.artifact_save(
        portfolio=portfolio,
        kind=artifact.kind,
        fields={**artifact.fields, "reflection": "Edited after the review."},
        status=artifact.status,
        expected_version=artifact.version,
        author=portfolio.owner,
    )
    candidate_client.post(reverse("portfolios:re_review", args=[portfolio.pk, artifact.kind]))
    return mentor


TRIGGERS = {
    Notification.Kind.COMMENT: _comment_by_mentor,
    Notification.Kind.REPLY: _reply_by_mentor,
    Notification.Kind.VERDICT: _verdict_by_mentor,
    Notification.Kind.INVITE_ACCEPTED: _invite_accepted,
    Notification.Kind.RE_REVIEW: _re_review_asked,
}


def test_the_table_names_every_kind():
    assert set(TRIGGERS) == set(Notification.Kind.values)


@pytest.mark.parametrize("kind", sorted(TRIGGERS))
def test_every_kind_mails_a_link_that_takes_a_signed_out_owner_through_login(
    kind, mentor_client, candidate_client, candidate, portfolio
):
    reader = TRIGGERS[kind](mentor_client, candidate_client, portfolio) or candidate
    notification = Notification.objects.get(recipient=reader, kind=kind)
    assert notification.url.startswith("/")
    sent = [message for message in mail.outbox if message.to == [reader.email] and notification.message in message.body]
    assert len(sent) == 1
    path = LINK.search(sent[0].body).group(1)
    assert path == reverse("portfolios:notification_open", args=[notification.pk])

    signed_out = Client()
    response = signed_out.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={path}"
    response = signed_out.post(response["Location"], {"username": reader.email, "password": PASSWORD})
    assert response["Location"] == path
    response = signed_out.get(path)
    assert response.status_code == 302 and response["Location"] == notification.url
    assert signed_out.get(notification.url).status_code == 200


def test_a_signed_in_stranger_gets_a_404_not_a_login_page(mentor_client, candidate, portfolio, stranger_client):
    comment(mentor_client, portfolio)
    notification = Notification.objects.filter(recipient=candidate).first()
    missing = reverse("portfolios:notification_open", args=[notification.pk + 999])
    theirs = reverse("portfolios:notification_open", args=[notification.pk])
    assert stranger_client.get(theirs).status_code == stranger_client.get(missing).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_reply_to_a_mentor_without_an_account_mails_a_link_to_the_thread(mentor_client, candidate_client, portfolio):
    comment(mentor_client, portfolio)
    thread = Comment.objects.get()
    mail.outbox.clear()
    candidate_client.post(reverse("portfolios:comment_reply", args=[thread.pk]), {"body": "Fixed, thanks."})
    (message,) = mail.outbox
    assert message.to == ["mentor@example.com"]
    assert "Fixed, thanks." in message.body
    path = LINK.search(message.body).group(1)
    reply = Comment.objects.get(thread=thread)
    assert path == reply.get_absolute_url()
    page = mentor_client.get(path)
    assert page.status_code == 200 and "Fixed, thanks." in page.content.decode()


def test_a_reply_to_a_mentor_with_an_account_is_a_notification_with_a_link(candidate_client, portfolio, artifact):
    mentor = make_user("kim@example.com", display_name="Dr. Kim")
    client = Client()
    client.force_login(mentor)
    client.post(invite_link(candidate_client, portfolio, "kim@example.com"), {"display_name": "Dr. Kim"})
    comment(client, portfolio)
    thread = Comment.objects.get()
    mail.outbox.clear()
    candidate_client.post(reverse("portfolios:comment_reply", args=[thread.pk]), {"body": "Fixed."})
    notification = Notification.objects.get(recipient=mentor)
    assert notification.url == Comment.objects.get(thread=thread).get_absolute_url()
    (message,) = mail.outbox
    assert LINK.search(message.body).group(1) == reverse("portfolios:notification_open", args=[notification.pk])
    response = client.get(reverse("portfolios:notification_open", args=[notification.pk]))
    assert response["Location"] == notification.url
    assert client.get(notification.url).status_code == 200


def test_a_notification_without_a_link_is_refused(candidate):
    with pytest.raises(ValueError, match="must link somewhere"):
        services.notify(recipient=candidate, kind=Notification.Kind.COMMENT, message="Something happened.", url="")
    assert not Notification.objects.exists()
