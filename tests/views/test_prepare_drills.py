"""Follow-up drills: questions from an artifact's own findings and track, timed answers, a private history."""

import re
import time

from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portfolios import services
from portfolios.interview import follow_ups
from portfolios.models import DrillAttempt
from portfolios.prepare_forms import started_token
from portfolios.services import prepare
from tests.conftest import Client, make_user, save

GOOD_ANSWER = "With 14 patients and one aide, I moved the new evaluations first. Late notes fell from 6 to 1 that week."


def drill_url(portfolio, subject):
    return reverse("portfolios:drill", args=[portfolio.pk, subject])


def test_a_missing_goal_timeline_asks_by_when(candidate_client, portfolio):
    save(portfolio, "plan_of_care", {"short_term_goals": "Client will improve ADLs."})
    html = candidate_client.get(drill_url(portfolio, "artifact-plan_of_care")).content.decode()
    assert "By when, and how will you know?" in html
    assert "Which documentation rule of this setting does this meet, and how?" in html  # an outpatient rule missed


def test_an_escalation_without_a_threshold_asks_at_what_number():
    findings = [{"check": "general.vague_escalation", "severity": "warning"}]
    assert follow_ups(findings, "acute")[0].question == "At what number would you stop the session?"


def test_three_follow_ups_weakest_first_then_the_tracks_own():
    findings = [
        {"check": "evidence.story.decision", "severity": "info"},
        {"check": "ownership.verification", "severity": "warning"},
        {"check": "ownership.we_only", "severity": "warning"},
    ]
    questions = [follow_up.question for follow_up in follow_ups(findings, "outpatient")]
    assert questions == [
        "How do you know it worked \u2014 what number moved?",
        "What exactly did you do, and what did the team do?",
        "What else did you consider, and why not that?",
    ]
    assert [follow_up.question for follow_up in follow_ups([], "outpatient")] == [
        "When is the progress report due, and what goes in it?",
        "What would you do differently next time?",
        "If the result were ambiguous, what would you measure next?",
    ]


def test_the_stage_probes_are_offered_too(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Client A after a fall."})
    html = candidate_client.get(drill_url(portfolio, "artifact-case_writeup")).content.decode()
    assert "What would you do differently next time?" in html  # the case stage's standard probe


def test_opening_a_question_shows_it_with_a_timer_and_no_inline_script(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Client A after a fall."})
    response = candidate_client.get(drill_url(portfolio, "artifact-case_writeup"), {"q": "case-1", "seconds": "180"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-seconds="180"' in html and 'role="timer"' in html
    assert "What would you do differently next time?" in html
    assert "js/drill-timer.js" in html and "<script>" not in html


def _open(client, portfolio, subject, key="case-1", seconds="120"):
    html = client.get(drill_url(portfolio, subject), {"q": key, "seconds": seconds}).content.decode()
    return re.search(r'name="started" value="([^"]+)"', html).group(1)


def test_an_answer_is_kept_with_its_check_time_and_date_and_shows_in_the_history(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Client A after a fall."})
    subject = "artifact-case_writeup"
    started = _open(candidate_client, portfolio, subject)
    response = candidate_client.post(
        drill_url(portfolio, subject), {"q": "case-1", "seconds": "120", "started": started, "answer": GOOD_ANSWER}
    )
    assert response.status_code == 302
    attempt = DrillAttempt.objects.get()
    assert attempt.score == 4 and attempt.seconds_allowed == 120 and attempt.seconds_taken < 60
    assert attempt.question == "What would you do differently next time?"
    html = candidate_client.get(drill_url(portfolio, subject)).content.decode()
    assert "Late notes fell from 6 to 1 that week." in html
    assert "4/4" in html
    candidate_client.post(
        drill_url(portfolio, subject),
        {
            "q": "case-1",
            "seconds": "120",
            "started": _open(candidate_client, portfolio, subject),
            "answer": "We helped with it and it went well.",
        },
    )
    html = candidate_client.get(drill_url(portfolio, subject)).content.decode()
    assert html.index("We helped with it") < html.index("Late notes fell")  # newest first: progress is visible
    assert "hedges" in html
    assert "Scores, oldest to newest: 4 → 1 (of 4)" in html


def test_the_time_taken_comes_from_the_signed_start_not_the_browser(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Client A after a fall."})
    subject = "artifact-case_writeup"
    opened = signing.dumps({"t": time.time() - 95, "s": subject, "q": "case-1"}, salt="portfolios.drill.started")
    response = candidate_client.post(
        drill_url(portfolio, subject),
        {"q": "case-1", "seconds": "60", "started": opened, "answer": GOOD_ANSWER, "seconds_taken": "5"},
    )
    assert response.status_code == 302
    attempt = DrillAttempt.objects.get()
    assert 95 <= attempt.seconds_taken < 120 and attempt.over_time
    assert "over time" in candidate_client.get(drill_url(portfolio, subject)).content.decode()


def test_a_tampered_or_borrowed_start_is_refused(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Client A after a fall."})
    subject = "artifact-case_writeup"
    for started in (started_token(subject, "case-1")[:-2] + "xx", started_token("story-edge_case", "case-1")):
        response = candidate_client.post(
            drill_url(portfolio, subject), {"q": "case-1", "seconds": "120", "started": started, "answer": GOOD_ANSWER}
        )
        assert response.status_code == 422
        assert "Start it again" in response.content.decode()
    assert not DrillAttempt.objects.exists()


def test_an_empty_answer_or_an_odd_timer_is_a_form_error_and_saves_nothing(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Client A after a fall."})
    subject = "artifact-case_writeup"
    started = _open(candidate_client, portfolio, subject)
    response = candidate_client.post(
        drill_url(portfolio, subject), {"q": "case-1", "seconds": "120", "started": started, "answer": "   "}
    )
    assert response.status_code == 422
    assert "Write your answer" in response.content.decode()
    response = candidate_client.post(
        drill_url(portfolio, subject), {"q": "case-1", "seconds": "7", "started": started, "answer": GOOD_ANSWER}
    )
    assert response.status_code == 422
    response = candidate_client.get(drill_url(portfolio, subject), {"q": "nope", "seconds": "120"})
    assert response.status_code == 422
    assert not DrillAttempt.objects.exists()


def test_an_unknown_question_redirects_without_saving(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Client A after a fall."})
    subject = "artifact-case_writeup"
    started = started_token(subject, "made-up")
    response = candidate_client.post(
        drill_url(portfolio, subject), {"q": "made-up", "seconds": "120", "started": started, "answer": GOOD_ANSWER}
    )
    assert response.status_code == 302
    assert not DrillAttempt.objects.exists()


def test_drills_need_something_saved_and_a_known_subject(candidate_client, portfolio):
    for subject in ("artifact-case_writeup", "story-edge_case", "artifact-interview_story", "resume", "story-nope"):
        assert candidate_client.get(drill_url(portfolio, subject)).status_code == 404


def test_someone_elses_artifact_under_my_portfolio_url_is_404(candidate_client, portfolio):
    other = services.portfolio_create(owner=make_user("other@example.com"), track="acute")
    save(other, "case_writeup", {"context": "Their client."})
    assert candidate_client.get(drill_url(portfolio, "artifact-case_writeup")).status_code == 404
    assert candidate_client.get(drill_url(other, "artifact-case_writeup")).status_code == 404


def test_answers_never_reach_mentors_or_recruiters(candidate_client, portfolio):
    sections = ("context", "assessment", "plan", "documentation", "follow_up", "handoffs")
    artifact = save(portfolio, "case_writeup", dict.fromkeys(sections, "Client A after a fall."), status="complete")
    prepare.drill_answer(
        portfolio=portfolio,
        subject="artifact-case_writeup",
        question_key="case-1",
        question="What would you do differently next time?",
        answer="A private rehearsal answer.",
        seconds_allowed=120,
        seconds_taken=50,
    )
    link = services.share_link_create(portfolio=portfolio, label="Recruiter", expires_in_days=30)
    recruiter = Client()
    assert (
        "private rehearsal" not in recruiter.get(reverse("portfolios:share_page", args=[link.token])).content.decode()
    )
    invite = services.mentor_invite_create(portfolio=portfolio, email="m@example.com", invite_url_for=str)
    mentor = Client()
    mentor.post(reverse("portfolios:invite_accept", args=[invite.token]), {"display_name": "Mentor"})
    review = mentor.get(reverse("portfolios:review_artifact", args=[portfolio.pk, artifact.kind]))
    assert review.status_code == 200 and "private rehearsal" not in review.content.decode()
    assert mentor.get(drill_url(portfolio, "artifact-case_writeup")).status_code in (302, 404)


def test_the_drill_page_runs_a_constant_number_of_queries(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Client A after a fall."})
    url = drill_url(portfolio, "artifact-case_writeup")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert candidate_client.get(url).status_code == 200
        return len(queries)

    small = count()
    for number in range(12):
        prepare.drill_answer(
            portfolio=portfolio,
            subject="artifact-case_writeup",
            question_key="case-1",
            question="Q",
            answer=f"I answered {number} times.",
            seconds_allowed=120,
            seconds_taken=40,
        )
    assert count() == small <= 5  # session, user, portfolio, artifact, attempts
