"""Your data is yours: download it, restore it exactly, delete it for good."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from portfolios import services
from portfolios.models import Artifact, Comment, MentorInvite, Portfolio, Revision, ShareLink, User
from tests.conftest import PASSWORD, Client, make_user, save

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def rich(candidate, portfolio):
    save(portfolio, "case_writeup", {"context": "Client A, 72.", "plan": "Client will dress with min A."})
    save(portfolio, "case_writeup", {"context": "Client A, 72, hand clinic.", "plan": "Client will dress with min A."})
    save(portfolio, "plan_of_care", {"problem": "Client requires Mod A for LB dressing due to hip pain."})
    link = services.share_link_create(portfolio=portfolio, label="Acme Rehab", expires_in_days=30)
    services.portfolio_industry_update(portfolio=portfolio, industry="consumer")
    services.target_job_create(portfolio=portfolio, label="Hand therapist — Acme", posting="Must write goals.")
    later = services.target_job_create(portfolio=portfolio, label="Acute OT — Mercy", posting="Joint Commission.")
    services.target_job_set_industry(target=later, industry="enterprise")
    services.portfolio_create(owner=candidate, track="home_health")
    return portfolio, link


def export(client):
    response = client.get(reverse("account_export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="otportfolio-export-')
    return json.loads(response.content)


def comparable(data):
    """The export minus what legitimately differs between accounts: times, email, counters."""
    portfolios = []
    for portfolio in data["portfolios"]:
        portfolios.append(
            {
                "track": portfolio["track"],
                "industry": portfolio["industry"],
                "target_jobs": [
                    {key: target[key] for key in ("label", "posting", "industry", "created_at")}
                    for target in portfolio["target_jobs"]
                ],
                "artifacts": [
                    {
                        **{key: artifact[key] for key in ("kind", "status", "version", "fields")},
                        "revisions": [
                            {key: revision[key] for key in ("number", "status", "fields", "note", "created_at")}
                            for revision in artifact["revisions"]
                        ],
                    }
                    for artifact in sorted(portfolio["artifacts"], key=lambda a: a["kind"])
                ],
            }
        )
    return sorted(portfolios, key=lambda p: p["track"])


def test_the_download_holds_everything_the_user_owns_and_no_tokens(candidate_client, rich):
    _, link = rich
    data = export(candidate_client)
    assert data["format"] == "otportfolio-export" and data["user"]["email"] == "casey.candidate@example.com"
    outpatient = next(p for p in data["portfolios"] if p["track"] == "outpatient")
    case = next(a for a in outpatient["artifacts"] if a["kind"] == "case_writeup")
    assert [r["number"] for r in case["revisions"]] == [1, 2]
    assert case["revisions"][0]["fields"]["context"] == "Client A, 72."
    assert outpatient["share_links"][0]["label"] == "Acme Rehab"
    raw = json.dumps(data)
    assert link.token not in raw and link.link.token_hash not in raw


def test_import_restores_a_download_exactly(candidate_client, rich, tmp_path):
    before = export(candidate_client)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(before))
    other = make_user("restored@example.com")
    call_command("import_portfolio", str(path), user="restored@example.com")
    client = Client()
    client.force_login(other)
    after = export(client)
    assert comparable(after) == comparable(before)
    restored = Artifact.objects.get(portfolio__owner=other, kind="case_writeup")
    assert restored.check_result and restored.checked_version == restored.version == 2


def test_import_can_restore_one_track(candidate_client, rich, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export(candidate_client)))
    other = make_user("one@example.com")
    call_command("import_portfolio", str(path), user="one@example.com", track="home_health")
    assert list(Portfolio.objects.filter(owner=other).values_list("track", flat=True)) == ["home_health"]


def test_import_refuses_a_track_the_account_already_has_and_writes_nothing(candidate_client, rich, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export(candidate_client)))
    counts = (Portfolio.objects.count(), Artifact.objects.count(), Revision.objects.count())
    with pytest.raises(CommandError, match="already has a portfolio"):
        call_command("import_portfolio", str(path), user="casey.candidate@example.com")
    assert (Portfolio.objects.count(), Artifact.objects.count(), Revision.objects.count()) == counts


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="zip"), "not an OT Portfolio export"),
        (lambda d: d["portfolios"][0].update(track="mars"), "unknown track"),
        (lambda d: d["portfolios"][0]["artifacts"][0]["revisions"].pop(0), "numbered 1..version"),
        (lambda d: d["portfolios"][0].update(industry="b2b"), r"portfolios\[0\]\.industry: Choose Enterprise"),
        (lambda d: d["portfolios"][0]["target_jobs"][0].update(label="For Mrs. Alvarez"), r"target_jobs\[0\]\.label:"),
        (lambda d: d["portfolios"][0]["target_jobs"][1].update(posting=" "), r"target_jobs\[1\]\.posting: Paste"),
        (lambda d: d["portfolios"][0]["target_jobs"][0].update(industry="b2b"), r"target_jobs\[0\]\.industry"),
        (lambda d: d["portfolios"][0]["target_jobs"].append("Acme"), r"target_jobs\[2\]: expected an object"),
        (
            lambda d: d["portfolios"][0]["artifacts"][0]["revisions"][0]["fields"].update(context="a\x00b"),
            "control character",
        ),
    ],
)
def test_import_explains_a_broken_file_and_writes_nothing(candidate_client, rich, tmp_path, mutate, message):
    data = export(candidate_client)
    data["portfolios"].sort(key=lambda p: p["track"] != "outpatient")
    data["portfolios"][0]["artifacts"].sort(key=lambda a: a["kind"])
    mutate(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data))
    make_user("target@example.com")
    with pytest.raises(CommandError, match=message):
        call_command("import_portfolio", str(path), user="target@example.com")
    assert not Portfolio.objects.filter(owner__email="target@example.com").exists()


def test_the_import_command_reports_errors_without_a_traceback(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("{nope")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_portfolio", str(path), "--user", "nobody@example.com"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "is not valid JSON" in result.stderr


def test_deleting_needs_the_password(candidate_client, rich):
    response = candidate_client.post(reverse("account_delete"), {"password": "wrong", "confirm": "on"})
    assert response.status_code == 422
    assert "That is not your password" in response.content.decode()
    assert User.objects.filter(email="casey.candidate@example.com").exists()


def test_deleting_removes_everything_and_links_stop_at_once(candidate_client, rich, stranger):
    portfolio, link = rich
    artifact = Artifact.objects.get(portfolio=portfolio, kind="case_writeup")
    mentor_invite = services.mentor_invite_create(portfolio=portfolio, email="m@example.com", invite_url_for=str)
    # The candidate also reviews someone else's work: that comment stays, without the name.
    other = services.portfolio_create(owner=stranger, track="acute")
    theirs = save(other, "case_writeup", {"context": "Client B."})
    invite = services.mentor_invite_create(portfolio=other, email="casey.candidate@example.com", invite_url_for=str)
    services.mentor_invite_accept(
        invite=invite.invite, display_name="Casey", user=User.objects.get(email="casey.candidate@example.com")
    )
    services.comment_start(
        artifact=theirs,
        reviewer=services.Reviewer(name="Casey", invite=invite.invite, user=invite.invite.user),
        section="context",
        body="Nice.",
    )
    anonymous = Client()
    assert anonymous.get(reverse("portfolios:share_page", args=[link.token])).status_code == 200

    response = candidate_client.post(reverse("account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(email="casey.candidate@example.com").exists()
    assert not Portfolio.objects.filter(pk=portfolio.pk).exists()
    assert (
        not Artifact.objects.filter(pk=artifact.pk).exists()
        and not Revision.objects.filter(artifact_id=artifact.pk).exists()
    )
    assert not ShareLink.objects.filter(portfolio_id=portfolio.pk).exists()
    assert not MentorInvite.objects.filter(pk=mentor_invite.invite.pk).exists()
    assert anonymous.get(reverse("portfolios:share_page", args=[link.token])).status_code == 404
    kept = Comment.objects.get(artifact=theirs)
    assert kept.author_name == "Deleted account" and kept.author is None
    assert MentorInvite.objects.get(pk=invite.invite.pk).status == "revoked"
    assert candidate_client.get(reverse("portfolios:dashboard")).status_code == 302  # logged out


def test_a_file_from_before_target_jobs_still_imports(candidate_client, rich, tmp_path):
    data = export(candidate_client)
    for portfolio in data["portfolios"]:
        del portfolio["industry"], portfolio["target_jobs"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data))
    other = make_user("old@example.com")
    call_command("import_portfolio", str(path), user="old@example.com")
    restored = Portfolio.objects.get(owner=other, track="outpatient")
    assert restored.industry == "" and not restored.target_jobs.exists()
