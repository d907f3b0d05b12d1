"""One shared world for the fuzz suite: a candidate's portfolio with history, a share link, mentors, a thread."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.urls import reverse

from portfolios import services
from portfolios.models import Artifact, MentorInvite, Notification, Portfolio, ShareLink, User
from portfolios.services import prepare
from tests.conftest import Client, make_user, save

CASE = {
    "context": "Client A, 72, outpatient hand clinic, 30-minute visits.",
    "assessment": "PLOF independent. Now Mod A for LB dressing due to hip pain; grip 8 lb.",
    "plan": "Client will dress her lower body with supervision using a reacher within 3 weeks.",
    "documentation": "Notes signed the same day with timed minutes.",
    "follow_up": "Reassessed at visit 10: grip 20 lb (from 8).",
    "handoffs": "Escalated new numbness to the surgeon the same day.",
    "reflection": "",  # optional, but the editor always posts every section
}


@dataclass
class World:
    candidate: User
    portfolio: Portfolio
    artifact: Artifact  # case_writeup at version 3 (revisions 1 draft, 2 complete, 3 draft)
    owner: Client
    stranger: Client
    mentor: Client  # accepted an invite by link, no account
    anonymous: Client
    share_link: ShareLink
    share_token: str
    invite: MentorInvite  # the accepted one
    invite_token: str
    pending_invite: MentorInvite
    pending_token: str
    thread_id: int
    notification_id: int
    employer_note_id: int = 0  # notes on one employer, from the Prepare page
    target_id: int = 0  # a pasted job posting

    def fresh_owner(self, **kwargs) -> Client:
        client = Client(**kwargs)
        client.force_login(self.candidate)
        return client

    def fresh_mentor(self, **kwargs) -> Client:
        """A second browser holding the mentor's session (same cookie)."""
        client = Client(**kwargs)
        client.cookies[settings.SESSION_COOKIE_NAME] = self.mentor.cookies[settings.SESSION_COOKIE_NAME].value
        return client

    def reset_cookies(self) -> None:
        """Drop flash-message cookies left by an earlier example; sessions stay."""
        for client in (self.owner, self.stranger, self.mentor, self.anonymous):
            client.cookies.pop("messages", None)

    def url_args(self) -> dict[str, list]:
        return {
            "portfolio": [self.portfolio.pk],
            "artifact": [self.portfolio.pk, "case_writeup"],
            "revision": [self.portfolio.pk, "case_writeup", 1],
            "link": [self.portfolio.pk, self.share_link.pk],
            "invite": [self.portfolio.pk, self.invite.pk],
            "token": [self.share_token],
            "invite_token": [self.pending_token],
            "thread": [self.thread_id],
            "notification": [self.notification_id],
            "stage": [self.portfolio.pk, "case"],
            "story": [self.portfolio.pk, "edge_case"],
            "drill": [self.portfolio.pk, "story-edge_case"],
            "employer_note": [self.portfolio.pk, self.employer_note_id],
            "target": [self.portfolio.pk, self.target_id],
        }


@pytest.fixture
def world(candidate, portfolio, candidate_client) -> World:
    save(portfolio, "case_writeup", {"context": "first draft"})
    save(portfolio, "case_writeup", CASE, status="complete")
    artifact = save(portfolio, "case_writeup", {**CASE, "reflection": "Next time: measure grip weekly."})
    link = services.share_link_create(portfolio=portfolio, label="Acme Rehab — recruiter", expires_in_days=30)
    accepted = services.mentor_invite_create(portfolio=portfolio, email="mentor@example.com", invite_url_for=str)
    mentor = Client()
    response = mentor.post(reverse("portfolios:invite_accept", args=[accepted.token]), {"display_name": "Dr. Kim"})
    assert response.status_code == 302
    pending = services.mentor_invite_create(portfolio=portfolio, email="pending@example.com", invite_url_for=str)
    accepted.invite.refresh_from_db()
    thread = services.comment_start(
        artifact=artifact,
        reviewer=services.Reviewer(name="Dr. Kim", invite=accepted.invite),
        section="plan",
        body="Name the assist level.",
        quote="reacher",
    )
    services.review_scores_give(  # safe scores, so "looks ready" is a verdict the mentor may give
        artifact=artifact,
        reviewer=services.Reviewer(name="Dr. Kim", invite=accepted.invite),
        scores={row: services.ScoreInput(3, "Safe and checkable.", True) for row in artifact.kind_info.safety_rows},
        expected_version=artifact.version,
    )
    stranger = Client()
    stranger.force_login(make_user("sam.stranger@example.com", display_name="Sam Stranger"))
    prepare.story_save(portfolio=portfolio, slot="edge_case", fields={"situation": CASE["context"]}, expected_version=0)
    employer_note = prepare.employer_note_create(portfolio=portfolio, employer="Riverside Outpatient")
    target = services.target_job_create(
        portfolio=portfolio, label="Hand therapist — Riverside", posting="Requirements: must write measurable goals."
    )
    artifact.refresh_from_db()
    return World(
        candidate=candidate,
        portfolio=portfolio,
        artifact=artifact,
        owner=candidate_client,
        stranger=stranger,
        mentor=mentor,
        anonymous=Client(),
        share_link=link.link,
        share_token=link.token,
        invite=accepted.invite,
        invite_token=accepted.token,
        pending_invite=pending.invite,
        pending_token=pending.token,
        thread_id=thread.pk,
        notification_id=Notification.objects.filter(recipient=candidate).first().pk,
        employer_note_id=employer_note.pk,
        target_id=target.pk,
    )
