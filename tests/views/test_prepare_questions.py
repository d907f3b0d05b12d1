"""Questions to ask the employer: seeded from both reports, filtered by track, answers noted per employer."""

from django.urls import reverse

from portfolios import services
from portfolios.interview import employer_questions
from portfolios.models import EmployerNote
from portfolios.services import prepare
from tests.conftest import make_user


def questions_url(portfolio):
    return reverse("portfolios:employer_questions", args=[portfolio.pk])


def test_the_builder_lists_the_reports_questions_for_the_track(candidate_client, portfolio):
    html = candidate_client.get(questions_url(portfolio)).content.decode()
    for wording in (
        "What does a good week look like",
        "30, 60 and 90 days",
        "documentation time",
        "high-volume day",
        "artifact do your reviewers trust most",
        "three concrete outputs",
        "Where does this role land on your ladder",
        "10-treatment-day rule",  # outpatient only
    ):
        assert wording in html
    assert "team conference" not in html  # inpatient rehab only


def test_each_track_gets_its_own_questions_on_top_of_the_shared_ones():
    shared = {question.key for question in employer_questions("outpatient") if not question.tracks}
    for track in ("outpatient", "acute", "inpatient_rehab", "home_health", "pediatrics"):
        keys = {question.key for question in employer_questions(track)}
        assert shared < keys


def test_adding_an_employer_and_noting_answers(candidate_client, portfolio):
    response = candidate_client.post(questions_url(portfolio), {"employer": "  Riverside Outpatient "})
    note = EmployerNote.objects.get()
    assert response.status_code == 302 and response.url == note.get_absolute_url()
    assert note.employer == "Riverside Outpatient"
    response = candidate_client.post(
        note.get_absolute_url(), {"good_bad_week": "A bad week is 16 visits a day with no aide.", "payer_mix": " "}
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.answers == {"good_bad_week": "A bad week is 16 visits a day with no aide."}
    assert "A bad week is 16 visits" in candidate_client.get(note.get_absolute_url()).content.decode()
    assert "1 answer" in candidate_client.get(questions_url(portfolio)).content.decode()


def test_the_same_employer_twice_is_a_form_error(candidate_client, portfolio):
    prepare.employer_note_create(portfolio=portfolio, employer="Riverside")
    response = candidate_client.post(questions_url(portfolio), {"employer": "RIVERSIDE"})
    assert response.status_code == 422
    assert "already have notes for RIVERSIDE" in response.content.decode()
    assert EmployerNote.objects.count() == 1


def test_a_blank_or_multi_line_employer_is_a_form_error(candidate_client, portfolio):
    for name in ("", "Two\u2028lines"):
        response = candidate_client.post(questions_url(portfolio), {"employer": name})
        assert response.status_code == 422
    assert not EmployerNote.objects.exists()


def test_a_control_character_in_an_answer_is_refused_and_nothing_changes(candidate_client, portfolio):
    note = prepare.employer_note_create(portfolio=portfolio, employer="Riverside")
    response = candidate_client.post(note.get_absolute_url(), {"good_bad_week": "Bad \x00 week"})
    assert response.status_code == 422
    assert "control character" in response.content.decode()
    note.refresh_from_db()
    assert note.answers == {}


def test_someone_elses_employer_note_under_my_portfolio_url_is_404(candidate_client, portfolio):
    other = services.portfolio_create(owner=make_user("other@example.com"), track="acute")
    theirs = prepare.employer_note_create(portfolio=other, employer="Acme Rehab")
    mine = reverse("portfolios:employer_notes", args=[portfolio.pk, theirs.pk])
    assert candidate_client.get(mine).status_code == 404
    assert candidate_client.post(mine, {"good_bad_week": "overwrite"}).status_code == 404
    assert candidate_client.get(theirs.get_absolute_url()).status_code == 404
    theirs.refresh_from_db()
    assert theirs.answers == {}


def test_the_questions_page_runs_a_constant_number_of_queries(candidate_client, portfolio):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert candidate_client.get(questions_url(portfolio)).status_code == 200
        return len(queries)

    small = count()
    for number in range(8):
        prepare.employer_note_create(portfolio=portfolio, employer=f"Clinic {number}")
    assert count() == small <= 4  # session, user, portfolio, employer notes
