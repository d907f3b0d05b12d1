"""Wording a newcomer reads: articles that fit the word after them, legends that explain only what is shown."""

import pytest
from django.urls import reverse

from portfolios import services
from portfolios.templatetags.catalog import indefinite_article
from tests.conftest import Client
from tests.views.test_review import invite_link
from tests.views.test_share_headline import shared


@pytest.mark.parametrize(
    ("name", "article"),
    [("Outpatient", "an"), ("Inpatient/acute care", "an"), ("Home health", "a"), ("Pediatrics/specialty", "a")],
)
def test_the_article_fits_the_track_name(name, article):
    assert indefinite_article(name) == article


def test_the_invite_page_says_an_before_a_vowel(candidate, candidate_client):
    acute = services.portfolio_create(owner=candidate, track="acute")
    body = Client().get(invite_link(candidate_client, acute)).content.decode()
    assert "review an <strong>Inpatient/acute care</strong> portfolio" in body


def test_the_invite_page_says_a_before_a_consonant(candidate, candidate_client):
    home = services.portfolio_create(owner=candidate, track="home_health")
    body = Client().get(invite_link(candidate_client, home)).content.decode()
    assert "review a <strong>Home health</strong> portfolio" in body


def test_the_recruiter_page_speaks_plain_words_not_the_checkers_symbols(anonymous_client, portfolio):
    body = anonymous_client.get(reverse("portfolios:share_page", args=[shared(portfolio)])).content.decode()
    brief = body[body.index('id="brief-heading"') : body.index("</section>", body.index('id="brief-heading"'))]
    assert "Skills shown" in brief
    for symbol in ("○", "·", "/4", "Standing"):
        assert symbol not in brief


def test_the_candidates_legend_explains_the_not_started_symbol(candidate_client, portfolio):
    body = candidate_client.get(portfolio.get_absolute_url()).content.decode()
    assert "○ meant to prove this row, not started yet" in body
