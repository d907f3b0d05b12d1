"""The landing page sells the loop, shows a sample portfolio when a demo exists, and starts sign-up per track."""

from django.urls import reverse
from django.utils.html import escape

from portfolios import services, tokens
from portfolios.demo_data import DEMO_EMAIL
from portfolios.demo_links import SHARE_LABEL, demo_share_path, demo_token
from portfolios.models import Portfolio
from portfolios.tracks import TRACKS
from tests.conftest import PASSWORD, Client, make_user, save
from tests.views.test_share import HANDOFF


def make_demo_share_link() -> str:
    """What seed_demo does for its recruiter link: a share link whose token is the stable demo token."""
    portfolio = services.portfolio_create(owner=make_user(DEMO_EMAIL), track="inpatient_rehab")
    save(portfolio, "handoff_template", HANDOFF, status="complete")
    link = services.share_link_create(portfolio=portfolio, label=SHARE_LABEL, expires_in_days=None).link
    token = demo_token(f"share:{portfolio.pk}")
    link.token_hash = tokens.hash_token(token)
    link.save(update_fields=["token_hash"])
    return reverse("portfolios:share_page", args=[token])


def landing(client=None) -> str:
    return (client or Client()).get(reverse("portfolios:landing")).content.decode()


def test_the_landing_page_walks_through_write_check_share_and_review(db):
    body = landing()
    for step in ["1. Write", "2. Check", "3. Share with recruiters", "4. Mentor review"]:
        assert step in body


def test_the_sample_link_opens_the_demos_recruiter_page(db):
    path = make_demo_share_link()
    body = landing()
    assert f'href="{path}" id="sample-portfolio">See a sample portfolio</a>' in body
    assert Client().get(path).status_code == 200


def test_without_a_demo_there_is_no_sample_link(db):
    assert demo_share_path() is None
    assert "See a sample portfolio" not in landing()


def test_a_revoked_demo_link_is_not_offered(db):
    make_demo_share_link()
    services.share_link_revoke(link=Portfolio.objects.get().share_links.get())
    assert demo_share_path() is None


def test_a_demo_link_from_another_secret_key_is_not_offered(db, settings):
    make_demo_share_link()
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    assert demo_share_path() is None


def test_track_cards_lead_to_sign_up_with_the_track_chosen_in_plain_words(db):
    body = landing()
    for track in TRACKS:
        assert f'href="{reverse("signup")}?track={track.key}"' in body
        assert track.blurb and escape(track.blurb) in body
    assert "Start an Inpatient/acute care portfolio" in body and "Start a Home health portfolio" in body


def test_signed_in_the_track_cards_lead_to_the_new_portfolio_page(candidate_client):
    body = landing(candidate_client)
    assert f'href="{reverse("portfolios:portfolio_new")}?track=acute"' in body


def test_signing_up_with_a_track_lands_on_the_new_portfolio_page_with_it_chosen(db):
    client = Client()
    url = f"{reverse('signup')}?track=acute"
    assert "You picked <strong>Inpatient/acute care</strong>" in client.get(url).content.decode()
    response = client.post(url, {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('portfolios:portfolio_new')}?track=acute"
    body = client.get(response["Location"]).content.decode()
    assert 'value="acute" checked' in body


def test_an_unknown_track_is_ignored(db):
    client = Client()
    url = f"{reverse('signup')}?track=moon"
    assert "You picked" not in client.get(url).content.decode()
    response = client.post(url, {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD})
    assert response["Location"] == reverse("portfolios:portfolio_new")
