"""Every URL pattern, as every kind of visitor. Access lives in portfolios/access.py; this walks it.

The table must name every pattern in portfolios/urls.py, so a new view cannot ship
without an access rule. What a visitor may not see is a 404 and changes nothing; on an
owner's page a signed-out visitor is sent to log in, whatever the id (nothing leaks either way).
"""

import re

import pytest
from django.urls import reverse

from portfolios import services
from portfolios.models import (
    Artifact,
    Comment,
    MentorInvite,
    Notification,
    Portfolio,
    ReviewRequest,
    ReviewScore,
    Revision,
    ShareLink,
    StagePlan,
    TargetJob,
    Verdict,
)
from portfolios.services import prepare
from portfolios.urls import urlpatterns
from tests.conftest import Client, make_user, save

ROLES = ("owner", "mentor_account", "mentor_link", "revoked_mentor", "recruiter", "stranger", "anonymous")
SIGNED_OUT = ("mentor_link", "revoked_mentor", "recruiter", "anonymous")
TO_LOGIN = 302

OWNER_ONLY = {"owner": 200, **dict.fromkeys(ROLES[1:], 404), **dict.fromkeys(SIGNED_OUT, TO_LOGIN)}
OWNER_WRITE = {"owner": 302, **dict.fromkeys(ROLES[1:], 404), **dict.fromkeys(SIGNED_OUT, TO_LOGIN)}
REVIEWERS = {**dict.fromkeys(ROLES, 404), "owner": 200, "mentor_account": 200, "mentor_link": 200}
REVIEWER_WRITE = {**dict.fromkeys(ROLES, 404), "owner": 302, "mentor_account": 302, "mentor_link": 302}
SIGNED_IN = {**dict.fromkeys(ROLES, 302), "owner": 200, "mentor_account": 200, "stranger": 200}

# name -> (method, argument key, {role: status})
MATRIX = {
    "landing": ("get", None, dict.fromkeys(ROLES, 200)),
    "dev_outbox": ("get", None, dict.fromkeys(ROLES, 404)),  # development only; tests run with DEBUG off
    "strong_example": ("get", "example", dict.fromkeys(ROLES, 200)),  # written for the site: public
    "dashboard": ("get", None, SIGNED_IN),
    "portfolio_new": ("get", None, SIGNED_IN),
    "notifications": ("get", None, SIGNED_IN),
    "notification_open": ("get", "notification", {**OWNER_ONLY, "owner": 302}),
    "portfolio": ("get", "portfolio", OWNER_ONLY),
    "portfolio_track": ("post", "portfolio", OWNER_WRITE),
    "prepare": ("get", "portfolio", OWNER_ONLY),
    "prepare_stage": ("post", "stage", OWNER_WRITE),
    "story_edit": ("get", "story", OWNER_ONLY),
    "drill": ("get", "drill", OWNER_ONLY),
    "employer_questions": ("get", "portfolio", OWNER_ONLY),
    "employer_notes": ("get", "employer_note", OWNER_ONLY),
    "artifact_edit": ("get", "artifact", OWNER_ONLY),
    "artifact_check": ("post", "artifact", OWNER_ONLY),
    "artifact_redact": ("post", "artifact", OWNER_WRITE),
    "artifact_replace_all": ("post", "artifact", OWNER_WRITE),
    "artifact_purge_history": ("get", "artifact", OWNER_ONLY),
    "portfolio_headline": ("post", "portfolio", OWNER_WRITE),
    "artifact_history": ("get", "artifact", OWNER_ONLY),
    "revision_restore": ("post", "revision", OWNER_WRITE),
    "share_links": ("get", "portfolio", OWNER_ONLY),
    "share_link_revoke": ("post", "link", OWNER_WRITE),
    "share_link_edit": ("get", "link", OWNER_ONLY),
    "share_link_preview": ("get", "link", OWNER_ONLY),
    "portfolio_brief": ("post", "portfolio", OWNER_WRITE),
    "targets": ("get", "portfolio", OWNER_ONLY),
    "portfolio_industry": ("post", "portfolio", OWNER_WRITE),
    "target": ("get", "target", OWNER_ONLY),
    "target_industry": ("post", "target", OWNER_WRITE),
    # The page again: with the new link shown once, or (nothing complete in this world) why not.
    "target_link": ("post", "target", {**OWNER_ONLY, "owner": 422}),
    "target_delete": ("get", "target", OWNER_ONLY),  # asks first; the POST deletes
    "mentors": ("get", "portfolio", OWNER_ONLY),
    "invite_revoke": ("post", "invite", OWNER_WRITE),
    "share_page": ("get", "token", dict.fromkeys(ROLES, 200)),
    "share_pdf": ("get", "token", dict.fromkeys(ROLES, 200)),  # the share page as a PDF
    "portfolio_pdf": ("get", "portfolio", OWNER_ONLY),
    "invite_accept": ("get", "invite_token", {**dict.fromkeys(ROLES, 200), "owner": 302}),
    "review_inbox": ("get", None, {**SIGNED_IN, "mentor_link": 200}),
    "review": ("get", "portfolio", REVIEWERS),
    "review_artifact": ("get", "artifact", REVIEWERS),
    "comment_create": ("post", "artifact", REVIEWER_WRITE),
    "verdict_give": ("post", "artifact", REVIEWER_WRITE),
    "scores_give": ("post", "artifact", REVIEWER_WRITE),
    "re_review": ("post", "artifact", OWNER_WRITE),
    "comment_reply": ("post", "thread", REVIEWER_WRITE),
    "comment_resolve": ("post", "thread", REVIEWER_WRITE),
}


def test_the_matrix_names_every_url_pattern():
    assert {pattern.name for pattern in urlpatterns} == set(MATRIX)


@pytest.fixture
def world(candidate, portfolio, candidate_client):
    """A portfolio with history, a link, a thread, and one visitor client per role."""
    save(portfolio, "case_writeup", {"context": "first", "plan": "Client will dress with min A within 2 weeks."})
    artifact = save(
        portfolio, "case_writeup", {"context": "second", "plan": "Client will dress with min A within 2 weeks."}
    )
    link = services.share_link_create(portfolio=portfolio, label="Recruiter", expires_in_days=30)

    def accept(email, name, user=None):
        created = services.mentor_invite_create(portfolio=portfolio, email=email, invite_url_for=str)
        client = Client()
        if user:
            client.force_login(user)
        client.post(reverse("portfolios:invite_accept", args=[created.token]), {"display_name": name})
        return created, client

    mentor_user = make_user("mentor.account@example.com")
    _, mentor_account = accept("mentor.account@example.com", "Account Mentor", mentor_user)
    link_invite, mentor_link = accept("mentor.link@example.com", "Link Mentor")
    revoked, revoked_client = accept("revoked@example.com", "Revoked Mentor")
    services.mentor_invite_revoke(invite=revoked.invite)
    thread = services.comment_start(
        artifact=artifact, reviewer=services.Reviewer(name="Casey", user=candidate), section="plan", body="Hi"
    )
    story = prepare.story_save(
        portfolio=portfolio, slot="edge_case", fields={"situation": "A busy unit."}, expected_version=0
    )
    employer_note = prepare.employer_note_create(portfolio=portfolio, employer="Riverside")
    target = services.target_job_create(
        portfolio=portfolio, label="Riverside OT", posting="Must write measurable goals."
    )
    recruiter = Client()
    recruiter.get(reverse("portfolios:share_page", args=[link.token]))
    stranger = Client()
    stranger.force_login(make_user("sam.stranger@example.com"))
    clients = {
        "owner": candidate_client,
        "mentor_account": mentor_account,
        "mentor_link": mentor_link,
        "revoked_mentor": revoked_client,
        "recruiter": recruiter,
        "stranger": stranger,
        "anonymous": Client(),
    }
    args = {
        "portfolio": [portfolio.pk],
        "artifact": [portfolio.pk, "case_writeup"],
        "revision": [portfolio.pk, "case_writeup", 1],
        "link": [portfolio.pk, link.link.pk],
        "invite": [portfolio.pk, link_invite.invite.pk],
        "token": [link.token],
        "invite_token": [link_invite.token],
        "thread": [thread.pk],
        "stage": [portfolio.pk, "case"],
        "story": [portfolio.pk, story.slot],
        "drill": [portfolio.pk, f"story-{story.slot}"],
        "employer_note": [portfolio.pk, employer_note.pk],
        "target": [portfolio.pk, target.pk],
        "notification": [Notification.objects.filter(recipient=candidate).first().pk],
        "example": ["case_writeup"],
    }
    return clients, args, artifact


def snapshot():
    return (
        list(Artifact.objects.values_list("version", flat=True)),
        Revision.objects.count(),
        Comment.objects.count(),
        Verdict.objects.count(),
        ReviewScore.objects.count(),
        ReviewRequest.objects.count(),
        list(ShareLink.objects.values_list("revoked_at", "label", "artifact_kinds")),
        list(Portfolio.objects.values_list("positioning", "show_email", "show_unproven_rows", "industry")),
        list(TargetJob.objects.values_list("label", "industry")),
        list(MentorInvite.objects.order_by("pk").values_list("status", flat=True)),
        list(StagePlan.objects.values_list("lead_kind", flat=True)),
    )


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access(name, world):
    clients, args, artifact = world
    method, key, expected = MATRIX[name]
    url = reverse(f"portfolios:{name}", args=args[key] if key else None)
    data = {"version": artifact.version, "track": "outpatient", "section": "plan", "body": "x", "call": "ready"}
    for role in ROLES:
        before = snapshot()
        response = getattr(clients[role], method)(url, data if method == "post" else None)
        assert response.status_code == expected[role], f"{role} {method.upper()} {url}"
        sent_to_login = response.status_code == 302 and response["Location"].startswith(f"{reverse('login')}?next=")
        if response.status_code == 404 or sent_to_login:
            assert snapshot() == before, f"{role} {method.upper()} {url} changed data"


def test_signed_out_visitors_log_in_first_whether_or_not_the_portfolio_exists(world):
    clients, args, _ = world
    for portfolio_id in (args["portfolio"][0], args["portfolio"][0] + 999):
        url = reverse("portfolios:portfolio", args=[portfolio_id])
        response = clients["anonymous"].get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={url}"


def test_a_missing_portfolio_and_someone_elses_look_the_same(world):
    clients, args, _ = world
    client = clients["stranger"]
    theirs_url = reverse("portfolios:portfolio", args=args["portfolio"])
    missing_url = reverse("portfolios:portfolio", args=[args["portfolio"][0] + 999])
    theirs, missing = client.get(theirs_url), client.get(missing_url)
    assert theirs.status_code == missing.status_code == 404

    def normalised(response, url):  # the page names its own path, and CSRF tokens are masked per response
        return re.sub(r'value="[A-Za-z0-9]{64}"', "TOKEN", response.content.decode().replace(url, "URL"))

    assert normalised(theirs, theirs_url) == normalised(missing, missing_url)


def test_writes_need_a_csrf_token(portfolio, candidate):
    save(portfolio, "case_writeup", {"context": "second"})
    client = Client(enforce_csrf_checks=True)
    client.force_login(candidate)
    response = client.post(
        reverse("portfolios:artifact_edit", args=[portfolio.pk, "case_writeup"]),
        {"version": 1, "action": "draft", "context": "forged"},
    )
    assert response.status_code == 403
    assert Artifact.objects.get().fields["context"] == "second"
