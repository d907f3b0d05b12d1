"""Links curated per recipient and the 90-second brief: choose, order, edit, preview; what the brief says."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portfolios import services
from portfolios.kinds import KINDS_BY_KEY
from portfolios.models import Portfolio, ShareLink
from portfolios.strong_examples import EXAMPLES
from tests.conftest import Client, save

KINDS = ("handoff_template", "sop_checklist", "education_script")


def title(kind: str) -> str:
    return KINDS_BY_KEY[kind].title


@pytest.fixture
def three(portfolio):
    for kind in KINDS:
        save(portfolio, kind, dict(EXAMPLES[kind].fields), status="complete")
    save(portfolio, "case_writeup", {"context": "A draft case the link must never show."})
    return portfolio


def settings_url(portfolio):
    return reverse("portfolios:share_links", args=[portfolio.pk])


def create(client, portfolio, **choice):
    data = {"label": "Acme Rehab", "expires_in_days": "30", "choose": "1"}
    for position, kind in enumerate(choice.get("kinds", ()), start=1):
        data[f"show-{kind}"] = "on"
        data[f"position-{kind}"] = str(choice.get("positions", {}).get(kind, position))
    response = client.post(settings_url(portfolio), data)
    match = re.search(r"/s/([A-Za-z0-9_-]{43})/", response.content.decode())
    return response, match.group(1) if match else None


def page(token) -> str:
    response = Client().get(reverse("portfolios:share_page", args=[token]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_link_shows_only_the_chosen_artifacts_in_the_chosen_order(candidate_client, three):
    response, token = create(
        candidate_client,
        three,
        kinds=("education_script", "handoff_template"),
        positions={"education_script": 1, "handoff_template": 2},
    )
    assert response.status_code == 200 and token
    link = ShareLink.objects.get()
    assert link.artifact_kinds == ["education_script", "handoff_template"]
    assert preview_url(three.pk, link.pk) in response.content.decode()  # the new link's box offers a preview
    body = page(token)
    articles = re.findall(r'<article class="shared-artifact[^>]*aria-labelledby="artifact-([a-z_]+)"', body)
    assert articles == ["education_script", "handoff_template"]
    assert EXAMPLES["sop_checklist"].fields["items"][:40] not in body
    assert "A draft case the link must never show." not in body


def test_positions_order_the_link_whatever_the_form_order(candidate_client, three):
    _, token = create(
        candidate_client,
        three,
        kinds=KINDS,
        positions={"handoff_template": 3, "sop_checklist": 1, "education_script": 2},
    )
    assert ShareLink.objects.get().artifact_kinds == ["sop_checklist", "education_script", "handoff_template"]
    toc = re.search(r'id="contents-heading".*?</ol>', page(token), re.S).group(0)
    assert (
        toc.index(title("sop_checklist")) < toc.index(title("education_script")) < toc.index(title("handoff_template"))
    )


def test_choosing_nothing_is_refused_and_makes_no_link(candidate_client, three):
    response, token = create(candidate_client, three, kinds=())
    assert response.status_code == 422 and token is None
    assert "Choose at least one artifact" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_the_settings_page_offers_every_complete_artifact_ticked_and_no_draft(candidate_client, three):
    body = candidate_client.get(settings_url(three)).content.decode()
    for kind in KINDS:
        assert re.search(rf'name="show-{kind}"[^>]*checked', body)
    assert 'name="show-case_writeup"' not in body


def test_a_client_that_sends_no_choice_gets_every_complete_artifact(candidate_client, three):
    candidate_client.post(settings_url(three), {"label": "Old form", "expires_in_days": "7"})
    link = ShareLink.objects.get()
    assert link.artifact_kinds is None


def test_the_service_refuses_a_draft_or_an_unknown_kind(three):
    for kinds in (["case_writeup"], ["no_such_kind"], []):
        with pytest.raises(ValidationError):
            services.share_link_create(portfolio=three, label="L", expires_in_days=7, artifact_kinds=kinds)
    assert not ShareLink.objects.exists()


def test_a_chosen_artifact_moved_back_to_draft_leaves_the_page(candidate_client, three):
    _, token = create(candidate_client, three, kinds=("handoff_template", "sop_checklist"))
    save(three, "sop_checklist", dict(EXAMPLES["sop_checklist"].fields), status="draft")
    body = page(token)
    assert 'aria-labelledby="artifact-handoff_template"' in body
    assert 'aria-labelledby="artifact-sop_checklist"' not in body


# ---- editing and previewing -------------------------------------------------------------------------


def edit_url(portfolio_id, link_id):
    return reverse("portfolios:share_link_edit", args=[portfolio_id, link_id])


def preview_url(portfolio_id, link_id):
    return reverse("portfolios:share_link_preview", args=[portfolio_id, link_id])


def test_editing_a_link_changes_its_label_and_page_at_once_and_keeps_its_views(candidate_client, three):
    _, token = create(candidate_client, three, kinds=("handoff_template",))
    link = ShareLink.objects.get()
    assert 'artifact-sop_checklist"' not in page(token)  # now cached
    ShareLink.objects.update(view_count=5)
    response = candidate_client.post(
        edit_url(three.pk, link.pk),
        {
            "label": "Acme Rehab — hiring manager",
            "choose": "1",
            "show-sop_checklist": "on",
            "position-sop_checklist": "1",
        },
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.label, link.artifact_kinds, link.view_count) == ("Acme Rehab — hiring manager", ["sop_checklist"], 5)
    body = page(token)
    assert 'artifact-sop_checklist"' in body and 'artifact-handoff_template"' not in body


def test_the_edit_form_shows_the_links_current_choice(candidate_client, three):
    create(candidate_client, three, kinds=("education_script",))
    link = ShareLink.objects.get()
    body = candidate_client.get(edit_url(three.pk, link.pk)).content.decode()
    assert re.search(r'name="show-education_script"[^>]*checked', body)
    assert not re.search(r'name="show-handoff_template"[^>]*checked', body)


def test_an_edit_with_a_bad_label_or_no_choice_changes_nothing(candidate_client, three):
    create(candidate_client, three, kinds=("education_script",))
    link = ShareLink.objects.get()
    for data in ({"label": "", "choose": "1", "show-sop_checklist": "on"}, {"label": "New", "choose": "1"}):
        assert candidate_client.post(edit_url(three.pk, link.pk), data).status_code == 422
    link.refresh_from_db()
    assert (link.label, link.artifact_kinds) == ("Acme Rehab", ["education_script"])


def test_preview_shows_the_recruiters_page_under_a_banner_and_is_not_counted(candidate_client, three):
    create(candidate_client, three, kinds=("sop_checklist",))
    link = ShareLink.objects.get()
    response = candidate_client.get(preview_url(three.pk, link.pk))
    body = response.content.decode()
    assert response.status_code == 200 and "Preview" in body and "Not counted as a view" in body
    assert 'artifact-sop_checklist"' in body and 'artifact-handoff_template"' not in body
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    services.view_counts.flush()
    assert ShareLink.objects.get().view_count == 0


@pytest.mark.parametrize("url", [edit_url, preview_url])
def test_someone_elses_link_id_under_my_own_portfolio_is_404(url, candidate_client, three, stranger):
    other = Portfolio.objects.create(owner=stranger, track="acute")
    save(other, "handoff_template", dict(EXAMPLES["handoff_template"].fields), status="complete")
    theirs = services.share_link_create(portfolio=other, label="Theirs", expires_in_days=7).link
    assert candidate_client.get(url(three.pk, theirs.pk)).status_code == 404
    assert candidate_client.get(url(other.pk, theirs.pk)).status_code == 404
    assert candidate_client.post(edit_url(three.pk, theirs.pk), {"label": "Mine now"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.label == "Theirs"


# ---- the brief ------------------------------------------------------------------------------------


def brief_url(portfolio):
    return reverse("portfolios:portfolio_brief", args=[portfolio.pk])


def brief_section(body: str) -> str:
    return re.search(r'<section aria-labelledby="brief-heading".*?</section>', body, re.S).group(0)


def test_the_brief_opens_the_page_with_positioning_strongest_proof_and_skills(candidate_client, three):
    response = candidate_client.post(
        brief_url(three),
        {"positioning": "I own discharge teaching on a 28-bed unit; next, its falls program.", "show_email": "on"},
    )
    assert response.status_code == 302
    _, token = create(candidate_client, three, kinds=KINDS)
    body = page(token)
    brief = brief_section(body)
    assert body.index('id="brief-heading"') < body.index('<article class="shared-artifact')
    assert "I own discharge teaching on a 28-bed unit" in brief
    assert "casey.candidate@example.com" in body
    strongest = re.search(r'<ol class="strongest.*?</ol>', brief, re.S).group(0)
    assert strongest.count("<li") == 3
    assert "Strong" in brief and "/4" not in brief and "·" not in brief  # plain words, no 0-4 jargon


def test_the_email_and_unproven_rows_show_only_when_chosen(candidate_client, three):
    _, token = create(candidate_client, three, kinds=("handoff_template",))
    body = page(token)
    assert "casey.candidate@example.com" not in body
    assert "Not shown yet" not in brief_section(body)
    candidate_client.post(brief_url(three), {"positioning": "", "show_unproven_rows": "on"})
    brief = brief_section(page(token))
    assert "Not shown yet" in brief  # e.g. patient education: no chosen artifact proves it
    assert "Patient education" in brief


def test_a_positioning_line_with_a_patient_identifier_is_refused(candidate_client, three):
    response = candidate_client.post(brief_url(three), {"positioning": "I treated Margaret Smith at Mercy General."})
    assert response.status_code == 422
    three.refresh_from_db()
    assert three.positioning == ""


def test_a_mentors_score_of_3_confirms_a_row_in_the_brief_and_2_does_not(candidate_client, three):
    from tests.views.test_review import invite_link

    mentor = Client()
    mentor.post(invite_link(candidate_client, three), {"display_name": "Dr. Kim, OTD"})
    handoff = three.artifacts.get(kind="handoff_template")
    _, token = create(candidate_client, three, kinds=("handoff_template",))

    def give(value):
        return mentor.post(
            reverse("portfolios:scores_give", args=[three.pk, "handoff_template"]),
            {"version": handoff.version, "score-documentation": value, "reason-documentation": "Clear owners."},
        )

    assert give("2").status_code == 302
    assert "confirmed by mentor" not in brief_section(page(token))
    assert give("3").status_code == 302
    assert "confirmed by mentor Dr. Kim, OTD" in brief_section(page(token))
    save(
        three, "handoff_template", {**EXAMPLES["handoff_template"].fields, "read_back": "Read back."}, status="complete"
    )
    assert "confirmed by mentor" not in brief_section(page(token))  # the score was on an older version


def test_the_share_page_costs_the_same_queries_for_one_or_three_chosen(candidate_client, three):
    _, one = create(candidate_client, three, kinds=("handoff_template",))
    _, all_three = create(candidate_client, three, kinds=KINDS)
    counts = []
    for token in (one, all_three):
        with CaptureQueriesContext(connection) as queries:
            page(token)
        counts.append(len(queries))
    assert counts[0] == counts[1]
