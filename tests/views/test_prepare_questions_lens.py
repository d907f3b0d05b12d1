"""The questions to ask employers follow the portfolio's industry lens: Enterprise, Consumer, or neither."""

from django.urls import reverse

from portfolios import services
from portfolios.interview import employer_questions
from portfolios.models import EmployerNote
from portfolios.services import prepare

ENTERPRISE = "When Compliance and the administrators want different outcomes"
CONSUMER = "Which patient-satisfaction or retention measure does the team watch"


def page(client, portfolio):
    return client.get(reverse("portfolios:employer_questions", args=[portfolio.pk])).content.decode()


def test_without_a_lens_neither_industrys_questions_are_asked(candidate_client, portfolio):
    html = page(candidate_client, portfolio)
    assert ENTERPRISE not in html and CONSUMER not in html
    assert "No industry lens set" in html


def test_an_enterprise_lens_asks_about_compliance_risks_and_approvals(candidate_client, portfolio):
    services.portfolio_industry_update(portfolio=portfolio, industry="enterprise")
    html = page(candidate_client, portfolio)
    assert ENTERPRISE in html and "top two risks" in html and "approvals, audits" in html
    assert CONSUMER not in html
    assert "What does a good week look like" in html  # the shared questions stay


def test_a_consumer_lens_asks_about_satisfaction_churn_and_support(candidate_client, portfolio):
    services.portfolio_industry_update(portfolio=portfolio, industry="consumer")
    html = page(candidate_client, portfolio)
    assert CONSUMER in html and "drop out or churn" in html and "Who unblocks me" in html
    assert ENTERPRISE not in html


def test_each_lens_adds_its_own_questions_to_the_tracks():
    for track in ("outpatient", "acute", "inpatient_rehab", "home_health", "pediatrics"):
        plain = {question.key for question in employer_questions(track)}
        enterprise = {question.key for question in employer_questions(track, "enterprise")}
        consumer = {question.key for question in employer_questions(track, "consumer")}
        assert plain < enterprise and plain < consumer
        assert not (enterprise - plain) & (consumer - plain)


def test_answers_to_the_lens_questions_are_kept_per_employer(candidate_client, portfolio):
    services.portfolio_industry_update(portfolio=portfolio, industry="consumer")
    note = prepare.employer_note_create(portfolio=portfolio, employer="Riverside")
    response = candidate_client.post(
        note.get_absolute_url(), {"satisfaction_measure": "Press Ganey, owned by the manager."}
    )
    assert response.status_code == 302
    assert EmployerNote.objects.get().answers == {"satisfaction_measure": "Press Ganey, owned by the manager."}
