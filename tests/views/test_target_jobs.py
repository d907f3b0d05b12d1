"""Target jobs: paste a posting, read what it stresses, see the gap bands, make a link for the job, delete it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portfolios import services
from portfolios.kinds import KINDS_BY_KEY
from portfolios.models import Artifact, ShareLink, TargetJob
from portfolios.strong_examples import EXAMPLES
from tests.conftest import Client, make_user, save

# Outpatient hand therapy in a health system: must-haves under "Requirements", education only "preferred".
POSTING = """\
Certified Hand Therapist, Outpatient Orthopedic Clinic
Riverside Health is a health system with Joint Commission accreditation.

Requirements
- Must complete evaluations and write measurable, functional goals for every plan of care.
- Must keep documentation timely and compliant; daily notes signed the same day.
- Manage a caseload of 12 to 14 patients a day.

Preferred
- Experience teaching home exercise programs with teach-back is a plus.
"""
NOTHING = "We are a friendly team with free parking and great coffee. Apply today!"


def targets_url(portfolio):
    return reverse("portfolios:targets", args=[portfolio.pk])


def target_url(target):
    return reverse("portfolios:target", args=[target.portfolio_id, target.pk])


def complete(portfolio, kind):
    return save(portfolio, kind, dict(EXAMPLES[kind].fields), status="complete")


@pytest.fixture
def target(portfolio):
    return services.target_job_create(portfolio=portfolio, label="Hand therapist — Riverside Health", posting=POSTING)


def test_the_list_says_when_there_are_no_targets_yet(candidate_client, portfolio):
    page = candidate_client.get(targets_url(portfolio)).content.decode()
    assert "No target jobs yet" in page
    assert "Paste a job posting" in page


def test_pasting_a_posting_keeps_it_and_opens_its_page(candidate_client, portfolio):
    response = candidate_client.post(
        targets_url(portfolio), {"label": "  Hand therapist — Riverside  ", "posting": POSTING + "\r\n\x0c"}
    )
    target = TargetJob.objects.get()
    assert response.status_code == 302 and response.url == target_url(target)
    assert target.label == "Hand therapist — Riverside"
    assert target.posting == POSTING.strip()
    assert "Hand therapist — Riverside" in candidate_client.get(targets_url(portfolio)).content.decode()


def test_a_label_naming_a_patient_is_refused_like_a_link_label(candidate_client, portfolio):
    response = candidate_client.post(
        targets_url(portfolio), {"label": "Hand therapist for Mrs. Alvarez", "posting": POSTING}
    )
    assert response.status_code == 422
    assert "Nothing was saved" in response.content.decode()
    assert not TargetJob.objects.exists()


def test_a_label_may_name_the_employers_facility_and_town(candidate_client, portfolio):
    label = "Hand therapist — Riverside Health System, Dayton"
    response = candidate_client.post(targets_url(portfolio), {"label": label, "posting": POSTING})
    assert response.status_code == 302
    assert TargetJob.objects.get().label == label


def test_the_posting_is_capped_but_not_checked_for_identifiers(candidate_client, portfolio):
    response = candidate_client.post(targets_url(portfolio), {"label": "Too long", "posting": "a " * 10_001})
    assert response.status_code == 422
    assert not TargetJob.objects.exists()
    employer_text = POSTING + "\nContact Mrs. Alvarez, recruiter, at 555-201-4477."
    response = candidate_client.post(targets_url(portfolio), {"label": "Riverside", "posting": employer_text})
    assert response.status_code == 302  # the employer's own words, never shown to anyone else


def test_the_page_shows_what_the_posting_asks_for_with_its_industry_words(candidate_client, target):
    page = candidate_client.get(target_url(target)).content.decode()
    assert "Outpatient" in page
    assert "Enterprise" in page and "<mark>Joint Commission</mark>" in page
    assert "Caseload size" in page


def test_the_gap_table_puts_must_haves_first_in_plain_bands_from_checked_scores(candidate_client, portfolio, target):
    case = complete(portfolio, "case_writeup")
    page = candidate_client.get(target_url(target)).content.decode()
    table = page[page.index('class="table align-middle stack-on-phone gap-table"') :]
    assessment = table.index(">Assessment<")
    education = table.index(">Patient education<")
    assert assessment < education  # a must-have before the nice-to-have
    assert "Nice-to-have" in table[education:]
    score = case.check_result["rows"]["assessment"]["score"]
    band = ("Not shown", "Thin", "Partly shown", "Shown", "Strong")[score]
    row = table[assessment : table.index("</tr>", assessment)]
    assert band in row and KINDS_BY_KEY["case_writeup"].title in row
    education_row = table[education : table.index("</tr>", education)]
    assert "Not shown" in education_row
    editor = reverse("portfolios:artifact_edit", args=[portfolio.pk, "education_script"])
    assert editor in education_row  # the smallest proof to add, linked to its editor


def test_keywords_in_a_draft_earn_nothing(candidate_client, portfolio, target):
    kind = KINDS_BY_KEY["education_script"]
    save(portfolio, kind.key, {kind.sections[0].key: "teach-back home exercise programs " * 20})
    page = candidate_client.get(target_url(target)).content.decode()
    table = page[page.index("gap-table") :]
    row = table[table.index(">Patient education<") :]
    assert "Not shown" in row[: row.index("</tr>")]


def test_a_posting_with_nothing_recognised_says_so(candidate_client, portfolio):
    target = services.target_job_create(portfolio=portfolio, label="Vague job", posting=NOTHING)
    page = candidate_client.get(target_url(target)).content.decode()
    assert "Nothing in this posting was recognised" in page
    assert "gap-table" not in page


def test_making_a_link_for_the_job_leads_with_its_matching_artifacts_and_shows_the_token_once(
    candidate_client, portfolio, target
):
    for kind in ("education_script", "handoff_template", "case_writeup"):
        complete(portfolio, kind)
    response = candidate_client.post(reverse("portfolios:target_link", args=[portfolio.pk, target.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    link = ShareLink.objects.get()
    assert link.label == target.label
    assert link.artifact_kinds[0] == "case_writeup"  # proves the must-have rows best
    assert set(link.artifact_kinds) == {"education_script", "handoff_template", "case_writeup"}
    page = response.content.decode()
    assert "/s/" in page and "shown only once" in page
    assert reverse("portfolios:share_link_preview", args=[portfolio.pk, link.pk]) in page
    assert "/s/" not in candidate_client.get(target_url(target)).content.decode()
    preview = candidate_client.get(reverse("portfolios:share_link_preview", args=[portfolio.pk, link.pk]))
    assert preview.status_code == 200


def test_a_link_needs_a_complete_artifact(candidate_client, portfolio, target):
    save(portfolio, "case_writeup", {"context": "A draft."})
    page = candidate_client.get(target_url(target)).content.decode()
    assert "No complete artifact yet" in page
    response = candidate_client.post(reverse("portfolios:target_link", args=[portfolio.pk, target.pk]))
    assert response.status_code == 422
    assert not ShareLink.objects.exists()


def test_deleting_a_target_asks_first(candidate_client, portfolio, target):
    url = reverse("portfolios:target_delete", args=[portfolio.pk, target.pk])
    assert "Delete “Hand therapist" in candidate_client.get(url).content.decode()
    assert TargetJob.objects.exists()
    response = candidate_client.post(url)
    assert response.status_code == 302 and response.url == targets_url(portfolio)
    assert not TargetJob.objects.exists()


def test_someone_elses_target_is_404_even_under_your_own_portfolio_url(candidate_client, portfolio, target):
    other_owner = make_user("olive.other@example.com")
    theirs = services.target_job_create(
        portfolio=services.portfolio_create(owner=other_owner, track="outpatient"), label="Theirs", posting=POSTING
    )
    for name in ("target", "target_delete"):
        assert candidate_client.get(reverse(f"portfolios:{name}", args=[portfolio.pk, theirs.pk])).status_code == 404
    for name in ("target_link", "target_industry", "target_delete"):
        response = candidate_client.post(reverse(f"portfolios:{name}", args=[portfolio.pk, theirs.pk]))
        assert response.status_code == 404
    assert TargetJob.objects.filter(pk=theirs.pk).exists()
    stranger = Client()
    stranger.force_login(other_owner)
    assert stranger.get(target_url(target)).status_code == 404
    assert stranger.get(reverse("portfolios:target", args=[theirs.portfolio_id, target.pk])).status_code == 404


def test_a_target_can_override_the_industry_read_from_its_posting(candidate_client, portfolio, target):
    url = reverse("portfolios:target_industry", args=[portfolio.pk, target.pk])
    assert candidate_client.post(url, {"industry": "consumer"}).status_code == 302
    target.refresh_from_db()
    assert target.industry == "consumer"
    page = candidate_client.get(target_url(target)).content.decode()
    assert "chosen for this job" in page
    assert "before-and-after story" in page
    assert candidate_client.post(url, {"industry": "galaxy"}).status_code == 422


def test_the_lens_checks_show_on_the_target_and_portfolio_pages(candidate_client, portfolio, target):
    save(portfolio, "stakeholder_memo", {"audience": "The rehab manager.", "next_steps": "I audit 20 charts."})
    page = candidate_client.get(target_url(target)).content.decode()
    assert "Your stakeholder memo names no compliance owner or review date." in page  # Enterprise, from the posting
    portfolio_page = candidate_client.get(portfolio.get_absolute_url()).content.decode()
    assert "names no compliance owner" not in portfolio_page  # the portfolio has no lens yet
    response = candidate_client.post(
        reverse("portfolios:portfolio_industry", args=[portfolio.pk]),
        {"lens-industry": "enterprise", "back": "portfolio"},
    )
    assert response.status_code == 302 and response.url.startswith(portfolio.get_absolute_url())
    portfolio.refresh_from_db()
    assert portfolio.industry == "enterprise"
    portfolio_page = candidate_client.get(portfolio.get_absolute_url()).content.decode()
    assert "Your stakeholder memo names no compliance owner or review date." in portfolio_page
    save(
        portfolio,
        "stakeholder_memo",
        {"audience": "Compliance and the rehab manager.", "next_steps": "I audit 20 charts; we review on May 4."},
    )
    portfolio_page = candidate_client.get(portfolio.get_absolute_url()).content.decode()
    assert "Your stakeholder memo names its compliance owner and review date." in portfolio_page


def test_the_target_page_runs_as_many_queries_for_one_artifact_as_for_eight(candidate_client, portfolio, target):
    kinds = [kind.key for kind in KINDS_BY_KEY.values() if kind.listed][:8]
    counts = []
    for batch in (kinds[:1], kinds[1:]):
        for kind in batch:
            save(portfolio, kind, {KINDS_BY_KEY[kind].sections[0].key: "Some text."}, status="draft")
        candidate_client.get(target_url(target))  # warm the session
        with CaptureQueriesContext(connection) as queries:
            assert candidate_client.get(target_url(target)).status_code == 200
        counts.append(len(queries))
    assert Artifact.objects.count() == 8
    assert counts[0] == counts[1]
