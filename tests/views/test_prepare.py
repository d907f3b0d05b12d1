"""The Prepare page: stages, stories, stage picks and the dashboard's readiness line."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portfolios import services
from portfolios.interview import STAGES, STORY_SLOTS
from portfolios.kinds import KINDS_BY_KEY
from portfolios.models import InterviewStory, StagePlan
from portfolios.services import prepare
from tests.conftest import make_user, save

GOOD_STORY = {
    "situation": "Outpatient hand clinic, 14 patients a day and only 2 visits authorized for a new patient.",
    "ownership": "I wrote the home program and taught it; the front desk booked the recheck.",
    "decision": "I chose a picture sheet over a video because she has no smartphone at home.",
    "verification": "She showed me the splint routine twice without cues, and grip rose from 8 lb to 14 lb.",
    "differently": "I would book the recheck before she left and measure pain at every visit.",
}
WE_STORY = {
    "situation": "We were short-staffed on the unit that week, with two aides out.",
    "ownership": "We were involved in changing the handoff and our team ran it.",
    "decision": "We went with a new sheet.",
    "verification": "It went well and everyone liked it.",
    "differently": "We would start sooner.",
}


def story_post(fields, version=0):
    return {"version": version, "action": "draft", **dict.fromkeys(GOOD_STORY, ""), **fields}


def prepare_url(portfolio):
    return reverse("portfolios:prepare", args=[portfolio.pk])


def test_the_prepare_page_shows_the_four_stages_with_the_reports_probes(candidate_client, portfolio):
    response = candidate_client.get(prepare_url(portfolio))
    assert response.status_code == 200
    html = response.content.decode()
    for stage in STAGES:
        assert stage.title in html
    assert "Bring one example where you handled pushback and kept quality intact." in html
    assert "Match this stage with one story and one artifact you can defend." in html
    for slot in STORY_SLOTS:
        assert slot.title.replace("'", "&#x27;") in html
    assert "0 of 4 stages ready" in html
    assert "Pick the artifact you will lead with." in html


def test_it_saves_a_story_and_shows_its_check(candidate_client, portfolio):
    url = reverse("portfolios:story_edit", args=[portfolio.pk, "edge_case"])
    response = candidate_client.post(url, story_post(WE_STORY))
    assert response.status_code == 302
    story = InterviewStory.objects.get(portfolio=portfolio, slot="edge_case")
    assert story.version == 1
    checks = {finding["check"] for finding in story.check_result["findings"]}
    assert {"ownership.we_only", "ownership.verification"} <= checks
    page = candidate_client.get(url).content.decode()
    assert "ownership.we_only" in page
    assert "told only in" in page


def test_a_story_with_a_control_character_is_refused_and_nothing_is_saved(candidate_client, portfolio):
    url = reverse("portfolios:story_edit", args=[portfolio.pk, "edge_case"])
    response = candidate_client.post(url, story_post({**GOOD_STORY, "situation": "Bad \x00 text"}))
    assert response.status_code == 422
    assert "control character" in response.content.decode()
    assert not InterviewStory.objects.exists()


def test_a_stale_story_save_is_refused_and_keeps_the_newer_text(candidate_client, portfolio):
    prepare.story_save(portfolio=portfolio, slot="pushback", fields=GOOD_STORY, expected_version=0)
    url = reverse("portfolios:story_edit", args=[portfolio.pk, "pushback"])
    response = candidate_client.post(url, story_post(WE_STORY, version=0))
    assert response.status_code == 422
    assert "saved in another tab" in response.content.decode()
    assert InterviewStory.objects.get().fields["situation"] == GOOD_STORY["situation"]


def test_an_empty_story_is_a_form_error(candidate_client, portfolio):
    url = reverse("portfolios:story_edit", args=[portfolio.pk, "pushback"])
    response = candidate_client.post(url, story_post({}))
    assert response.status_code == 422
    assert "Write at least one section" in response.content.decode()
    assert not InterviewStory.objects.exists()


def test_an_unknown_story_slot_is_404(candidate_client, portfolio):
    assert candidate_client.get(reverse("portfolios:story_edit", args=[portfolio.pk, "resume"])).status_code == 404


def test_stories_are_not_artifacts_on_the_portfolio_page(candidate_client, portfolio):
    assert (
        candidate_client.get(reverse("portfolios:artifact_edit", args=[portfolio.pk, "interview_story"])).status_code
        == 404
    )
    assert "Interview story" not in candidate_client.get(portfolio.get_absolute_url()).content.decode()


def test_picking_leads_makes_a_stage_ready_once_drilled(candidate_client, candidate, portfolio):
    save(
        portfolio,
        "case_writeup",
        {"context": "Client A, 72, after hip surgery; only 6 visits authorized.", "plan": "Client will dress."},
    )
    prepare.story_save(portfolio=portfolio, slot="edge_case", fields=GOOD_STORY, expected_version=0)
    response = candidate_client.post(
        reverse("portfolios:prepare_stage", args=[portfolio.pk, "case"]),
        {"case-lead_kind": "case_writeup", "case-lead_story": "edge_case"},
    )
    assert response.status_code == 302
    plan = StagePlan.objects.get(portfolio=portfolio, stage="case")
    assert plan.lead_kind == "case_writeup" and plan.lead_story.slot == "edge_case"
    html = candidate_client.get(prepare_url(portfolio)).content.decode()
    assert "Answer at least one timed follow-up" in html
    assert "still has" in html  # the case write-up's problems are named as still missing


def test_picking_an_unwritten_story_is_refused(candidate_client, portfolio):
    response = candidate_client.post(
        reverse("portfolios:prepare_stage", args=[portfolio.pk, "case"]),
        {"case-lead_kind": "", "case-lead_story": "edge_case"},
        follow=True,
    )
    assert "Write that story first" in response.content.decode()
    assert not StagePlan.objects.exists()


def test_picking_an_unknown_artifact_kind_is_refused(candidate_client, portfolio):
    response = candidate_client.post(
        reverse("portfolios:prepare_stage", args=[portfolio.pk, "case"]),
        {"case-lead_kind": "interview_story", "case-lead_story": ""},
        follow=True,
    )
    assert "Choose one of the listed artifacts" in response.content.decode()
    assert not StagePlan.objects.exists()


def test_the_dashboard_readiness_line_follows_prepare_changes(candidate_client, portfolio):
    dashboard = reverse("portfolios:dashboard")
    assert "0 stories" in candidate_client.get(dashboard).content.decode()
    prepare.story_save(portfolio=portfolio, slot="edge_case", fields=GOOD_STORY, expected_version=0)
    html = candidate_client.get(dashboard).content.decode()
    assert "0 of 4 stages ready · 1 story · 0 timed answers" in html


def test_someone_elses_story_slot_under_my_portfolio_url_and_theirs_are_404(candidate_client, portfolio):
    other = services.portfolio_create(owner=make_user("other@example.com"), track="acute")
    prepare.story_save(portfolio=other, slot="edge_case", fields=GOOD_STORY, expected_version=0)
    assert candidate_client.get(reverse("portfolios:story_edit", args=[other.pk, "edge_case"])).status_code == 404
    mine = candidate_client.get(reverse("portfolios:story_edit", args=[portfolio.pk, "edge_case"]))
    assert GOOD_STORY["situation"] not in mine.content.decode()
    response = candidate_client.post(reverse("portfolios:prepare_stage", args=[other.pk, "case"]), {})
    assert response.status_code == 404
    assert not StagePlan.objects.exists()


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_prepare_page_runs_a_constant_number_of_queries(candidate_client, portfolio):
    small = _count(candidate_client, prepare_url(portfolio))
    for slot in STORY_SLOTS:
        prepare.story_save(portfolio=portfolio, slot=slot.key, fields=GOOD_STORY, expected_version=0)
    for kind in ("case_writeup", "plan_of_care", "caseload_note", "sop_checklist"):
        save(portfolio, kind, {KINDS_BY_KEY[kind].section_keys[0]: "Some text here."})
    for stage in STAGES:
        prepare.stage_plan_set(
            portfolio=portfolio, stage=stage.key, lead_kind="case_writeup", lead_story_slot="edge_case"
        )
    for number in range(5):
        prepare.drill_answer(
            portfolio=portfolio,
            subject=f"story-{STORY_SLOTS[number].key}",
            question_key="owned",
            question="What did you do?",
            answer="I did it.",
            seconds_allowed=120,
            seconds_taken=30,
        )
    large = _count(candidate_client, prepare_url(portfolio))
    assert small == large
    assert large <= 8  # session, user, portfolio, artifacts, stories, stage picks, drill counts, employers


def test_the_page_has_no_inline_script_or_style(candidate_client, portfolio):
    html = candidate_client.get(prepare_url(portfolio)).content.decode()
    assert "<script>" not in html and " style=" not in html


def test_each_stage_suggests_the_artifacts_and_stories_that_fit_it(candidate_client, portfolio):
    html = candidate_client.get(prepare_url(portfolio)).content.decode()
    assert "Good leads here:</span> Redacted case write-up" in html
    assert "Documentation under time pressure" in html


def test_the_dashboard_readiness_costs_three_queries_however_much_is_prepared(candidate_client, candidate, portfolio):
    dashboard = reverse("portfolios:dashboard")
    empty = _count(candidate_client, dashboard)
    other = services.portfolio_create(owner=candidate, track="acute")
    for target in (portfolio, other):
        for slot in STORY_SLOTS[:4]:
            prepare.story_save(portfolio=target, slot=slot.key, fields=GOOD_STORY, expected_version=0)
        prepare.stage_plan_set(portfolio=target, stage="case", lead_kind="case_writeup", lead_story_slot="edge_case")
        for _ in range(3):
            prepare.drill_answer(
                portfolio=target,
                subject="story-edge_case",
                question_key="owned",
                question="What did you do?",
                answer="I did it.",
                seconds_allowed=120,
                seconds_taken=30,
            )
    assert _count(candidate_client, dashboard) == empty == 7  # 4 for the cards, 3 for readiness (uncached)
    assert _count(candidate_client, dashboard) == 2  # cached on the user's content version


def test_a_story_is_never_saved_as_an_artifact(candidate, portfolio):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Unknown artifact kind"):
        save(portfolio, "interview_story", {"situation": "A busy unit."})
