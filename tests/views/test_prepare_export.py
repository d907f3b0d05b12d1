"""'Download my data' carries the Prepare page: stories, stage leads, drill answers, employer notes."""

import json

from django.urls import reverse

from portfolios.services import prepare

STORY = {"situation": "Only 2 visits were authorized.", "ownership": "I taught the caregiver on visit 1."}


def test_the_export_holds_the_prepare_data(candidate_client, portfolio):
    prepare.story_save(portfolio=portfolio, slot="edge_case", fields=STORY, expected_version=0)
    prepare.stage_plan_set(portfolio=portfolio, stage="case", lead_kind="case_writeup", lead_story_slot="edge_case")
    prepare.drill_answer(
        portfolio=portfolio,
        subject="story-edge_case",
        question_key="owned",
        question="What exactly did you do?",
        answer="I taught the transfer myself.",
        seconds_allowed=120,
        seconds_taken=70,
    )
    note = prepare.employer_note_create(portfolio=portfolio, employer="Riverside")
    prepare.employer_note_save(note=note, answers={"good_bad_week": "Busy Mondays."})
    response = candidate_client.get(reverse("account_export"))
    assert response.status_code == 200
    data = json.loads(b"".join(response.streaming_content) if response.streaming else response.content)
    prepared = data["portfolios"][0]["prepare"]
    assert prepared["stories"][0]["slot"] == "edge_case"
    assert prepared["stories"][0]["fields"]["situation"] == STORY["situation"]
    assert prepared["stage_leads"] == [{"stage": "case", "lead_kind": "case_writeup", "lead_story": "edge_case"}]
    assert prepared["drill_answers"][0]["answer"] == "I taught the transfer myself."
    assert prepared["employer_notes"] == [{"employer": "Riverside", "answers": {"good_bad_week": "Busy Mondays."}}]


def test_recheck_refreshes_a_stale_story_result_and_leaves_fresh_ones(portfolio):
    from io import StringIO

    from django.core.management import call_command

    from portfolios.models import InterviewStory

    story = prepare.story_save(portfolio=portfolio, slot="edge_case", fields=STORY, expected_version=0)
    fresh = story.check_result
    InterviewStory.objects.filter(pk=story.pk).update(check_result={"kind": "interview_story", "findings": []})
    out = StringIO()
    call_command("recheck_artifacts", stdout=out)
    assert "Re-checked interview stories: 1 stored result(s) changed." in out.getvalue()
    story.refresh_from_db()
    assert story.check_result == fresh
    assert prepare.stories_recheck() == 0


def _exported(portfolio):
    from portfolios import services

    prepare.story_save(portfolio=portfolio, slot="edge_case", fields=STORY, expected_version=0)
    prepare.stage_plan_set(portfolio=portfolio, stage="case", lead_kind="case_writeup", lead_story_slot="edge_case")
    prepare.drill_answer(
        portfolio=portfolio,
        subject="story-edge_case",
        question_key="owned",
        question="What exactly did you do?",
        answer="I taught the transfer myself.",
        seconds_allowed=120,
        seconds_taken=70,
    )
    note = prepare.employer_note_create(portfolio=portfolio, employer="Riverside")
    prepare.employer_note_save(note=note, answers={"good_bad_week": "Busy Mondays."})
    return json.loads(json.dumps(services.account_export(user=portfolio.owner)))


def test_an_export_restores_its_prepare_data_into_another_account(portfolio):
    from portfolios import services
    from portfolios.models import DrillAttempt, EmployerNote, InterviewStory, StagePlan
    from tests.conftest import make_user

    data = _exported(portfolio)
    other = make_user("restored@example.com")
    (restored,) = services.portfolio_import(user=other, data=data)
    story = InterviewStory.objects.get(portfolio=restored)
    assert story.slot == "edge_case" and story.fields["situation"] == STORY["situation"] and story.check_result
    plan = StagePlan.objects.get(portfolio=restored)
    assert plan.lead_story == story
    assert DrillAttempt.objects.get(portfolio=restored).answer == "I taught the transfer myself."
    assert EmployerNote.objects.get(portfolio=restored).answers == {"good_bad_week": "Busy Mondays."}


def test_a_bad_prepare_block_refuses_the_whole_import(portfolio):
    import pytest

    from portfolios import services
    from portfolios.models import Portfolio
    from tests.conftest import make_user

    data = _exported(portfolio)
    data["portfolios"][0]["prepare"]["stories"][0]["slot"] = "resume"
    other = make_user("restored@example.com")
    with pytest.raises(services.InvalidExport, match="unknown prompt"):
        services.portfolio_import(user=other, data=data)
    assert not Portfolio.objects.filter(owner=other).exists()


def test_an_interview_story_cannot_be_imported_as_an_artifact(portfolio):
    import pytest

    from portfolios import services
    from tests.conftest import make_user

    data = _exported(portfolio)
    data["portfolios"][0]["artifacts"] = [
        {"kind": "interview_story", "status": "draft", "version": 1, "fields": {}, "revisions": [{"number": 1}]}
    ]
    with pytest.raises(services.InvalidExport, match="unknown kind"):
        services.portfolio_import(user=make_user("restored@example.com"), data=data)
