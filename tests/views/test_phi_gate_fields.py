"""The PHI gate on every one-line field: profile, portfolio headline, share-link labels, invite notes; and sharing."""

import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portfolios import services
from portfolios.models import MentorInvite, Portfolio, ShareLink, User
from portfolios.services import view_counts
from tests.conftest import Client, save
from tests.views.test_share import HANDOFF, complete, share_url


def profile(client, display_name="Casey Candidate", headline=""):
    return client.post(reverse("profile"), {"display_name": display_name, "headline": headline})


# ---- the profile --------------------------------------------------------------------------------


def test_a_profile_headline_with_a_date_is_refused_with_the_type_place_and_fix(candidate_client, candidate):
    response = profile(candidate_client, headline="Helped a stroke survivor walk again on 3/14/2024")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Headline: \u201c3/14/2024\u201d looks like a patient identifier (date)" in body
    assert "Keep the year only" in body and "Nothing was saved." in body
    candidate.refresh_from_db()
    assert candidate.headline == ""


def test_the_candidates_own_name_passes_but_a_clients_name_does_not(candidate_client, candidate):
    assert profile(candidate_client, "Jordan Lee, OTR/L", "Jordan Lee: outpatient OT").status_code == 302
    candidate.refresh_from_db()
    assert (candidate.display_name, candidate.headline) == ("Jordan Lee, OTR/L", "Jordan Lee: outpatient OT")
    response = profile(candidate_client, "Jordan Lee, OTR/L", "Jordan Lee helped Maria Gonzalez dress again")
    assert "\u201cMaria Gonzalez\u201d looks like a patient identifier (name)" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.headline == "Jordan Lee: outpatient OT"


def test_the_display_name_is_checked_for_other_identifier_types(candidate_client, candidate):
    response = profile(candidate_client, "Casey Candidate 555-123-4567")
    assert "(phone number)" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.display_name == "Casey Candidate"


def test_the_profile_service_refuses_identifiers_too(candidate):
    with pytest.raises(ValidationError) as caught:
        services.profile_update(user=candidate, display_name="Casey", headline="Seen at 12 Oak Street")
    assert caught.value.message_dict["headline"][0].startswith("Headline: \u201c12 Oak Street\u201d")
    assert User.objects.get(pk=candidate.pk).headline == ""


# ---- the portfolio headline ---------------------------------------------------------------------


def headline_url(portfolio):
    return reverse("portfolios:portfolio_headline", args=[portfolio.pk])


def test_a_portfolio_headline_is_saved_and_heads_the_share_page(candidate_client, portfolio, anonymous_client):
    complete(portfolio)
    token = services.share_link_create(portfolio=portfolio, label="Acme", expires_in_days=7).token
    assert "Casey" in anonymous_client.get(share_url(token)).content.decode()
    response = candidate_client.post(headline_url(portfolio), {"headline": "Outpatient OT who writes clear goals"})
    assert response.status_code == 302
    assert "Outpatient OT who writes clear goals" in anonymous_client.get(share_url(token)).content.decode()


def test_a_portfolio_headline_with_an_identifier_is_refused_and_kept_in_the_form(candidate_client, portfolio):
    response = candidate_client.post(headline_url(portfolio), {"headline": "Discharged Mr. Okafor home on 04/02/2025"})
    body = response.content.decode()
    assert response.status_code == 422
    assert "Portfolio headline: \u201c04/02/2025\u201d looks like a patient identifier (date)" in body
    assert "(name)" in body
    assert 'value="Discharged Mr. Okafor home on 04/02/2025"' in body  # nothing the candidate typed is lost
    assert Portfolio.objects.get(pk=portfolio.pk).headline == ""


def test_someone_elses_portfolio_headline_is_a_404_and_unchanged(stranger_client, portfolio, stranger):
    own = services.portfolio_create(owner=stranger, track="outpatient")
    response = stranger_client.post(headline_url(portfolio), {"headline": "Mine now"})
    assert response.status_code == 404
    assert Portfolio.objects.get(pk=portfolio.pk).headline == ""
    assert stranger_client.post(headline_url(own), {"headline": "Mine"}).status_code == 302


# ---- share-link labels and sharing ---------------------------------------------------------------


def test_a_share_link_label_with_an_identifier_is_refused(candidate_client, portfolio):
    complete(portfolio)
    response = candidate_client.post(
        reverse("portfolios:share_links", args=[portfolio.pk]), {"label": "For Mrs. Alvarez's case manager"}
    )
    assert response.status_code == 422
    assert "The label: \u201cMrs. Alvarez\u201d looks like a patient identifier (name)" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_a_share_link_label_may_name_the_employers_facility_and_town(candidate_client, portfolio):
    complete(portfolio)
    url = reverse("portfolios:share_links", args=[portfolio.pk])
    response = candidate_client.post(url, {"label": "Riverside Health System, Dayton", "expires_in_days": "7"})
    assert response.status_code == 200
    assert ShareLink.objects.get().label == "Riverside Health System, Dayton"
    data = json.loads(candidate_client.get(reverse("account_export")).content)
    assert data["identifier_warning"] is None  # the download does not call the employer a patient's place


def test_a_profile_identifier_blocks_new_links_and_says_why(candidate_client, candidate, portfolio):
    complete(portfolio)
    User.objects.filter(pk=candidate.pk).update(headline="OT since 01/05/2019 at 12 Oak Street")  # an old row
    url = reverse("portfolios:share_links", args=[portfolio.pk])
    page = candidate_client.get(url).content.decode()
    assert "Sharing is paused: your name or headline holds a patient identifier" in page
    assert "Profile headline: \u201c01/05/2019\u201d looks like a patient identifier (date)" in page
    assert reverse("profile") in page
    response = candidate_client.post(url, {"label": "Acme", "expires_in_days": "7"})
    assert response.status_code == 422
    assert "Sharing is paused. Profile headline:" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_a_portfolio_headline_identifier_blocks_sharing_too(candidate_client, portfolio):
    complete(portfolio)
    Portfolio.objects.filter(pk=portfolio.pk).update(headline="Call me on 555-123-4567")
    portfolio.refresh_from_db()
    with pytest.raises(services.SharingBlocked):
        services.share_link_create(portfolio=portfolio, label="Acme", expires_in_days=7)
    page = candidate_client.get(reverse("portfolios:share_links", args=[portfolio.pk])).content.decode()
    assert "Portfolio headline: \u201c555-123-4567\u201d" in page and "this portfolio's headline" in page


def test_existing_links_show_the_paused_page_while_the_profile_holds_an_identifier(
    anonymous_client, candidate, portfolio
):
    complete(portfolio)
    token = services.share_link_create(portfolio=portfolio, label="Acme", expires_in_days=7).token
    assert anonymous_client.get(share_url(token)).status_code == 200
    User.objects.filter(pk=candidate.pk).update(headline="Treated a client at 12 Oak Street")
    Portfolio.objects.filter(pk=portfolio.pk).update(content_version=portfolio.content_version + 50)  # as edits do
    response = anonymous_client.get(share_url(token))
    assert response.status_code == 503
    assert "temporarily unavailable" in response.content.decode()
    assert "Oak Street" not in response.content.decode()


def test_the_paused_page_is_cached_and_a_repeat_view_is_one_select(anonymous_client, candidate, portfolio, settings):
    settings.SHARE_VIEW_FLUSH_SECONDS = 60
    complete(portfolio)
    token = services.share_link_create(portfolio=portfolio, label="Acme", expires_in_days=7).token
    User.objects.filter(pk=candidate.pk).update(headline="Seen on 02/03/2025")
    Portfolio.objects.filter(pk=portfolio.pk).update(content_version=99)
    assert anonymous_client.get(share_url(token)).status_code == 503
    with CaptureQueriesContext(connection) as repeat:
        assert anonymous_client.get(share_url(token)).status_code == 503
    assert len(repeat) == 1 and repeat.captured_queries[0]["sql"].lstrip().upper().startswith(
        ("SELECT", "EXECUTE OTP_OPEN_LINK")
    )
    view_counts.discard()


def test_fixing_the_profile_reopens_the_links(anonymous_client, candidate_client, candidate, portfolio):
    complete(portfolio)
    token = services.share_link_create(portfolio=portfolio, label="Acme", expires_in_days=7).token
    User.objects.filter(pk=candidate.pk).update(headline="Seen on 02/03/2025")
    Portfolio.objects.filter(pk=portfolio.pk).update(content_version=99)
    assert anonymous_client.get(share_url(token)).status_code == 503
    assert profile(candidate_client, headline="Outpatient OT").status_code == 302  # bumps the content version
    response = anonymous_client.get(share_url(token))
    assert response.status_code == 200 and "Outpatient OT" in response.content.decode()


# ---- mentor invites -------------------------------------------------------------------------------


def test_an_invite_note_is_mailed_with_the_link(candidate_client, portfolio):
    response = candidate_client.post(
        reverse("portfolios:mentors", args=[portfolio.pk]),
        {"email": "mentor@example.com", "message": "Could you look at my plan of care first?"},
    )
    assert response.status_code == 302
    assert MentorInvite.objects.get().message == "Could you look at my plan of care first?"
    assert "Could you look at my plan of care first?" in mail.outbox[-1].body


def test_an_invite_note_with_an_identifier_is_refused_and_nothing_is_sent(candidate_client, portfolio):
    response = candidate_client.post(
        reverse("portfolios:mentors", args=[portfolio.pk]),
        {"email": "mentor@example.com", "message": "The write-up is about John Smith, seen 3/14/2024."},
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert "The note: \u201c3/14/2024\u201d looks like a patient identifier (date)" in body
    assert "John Smith, seen 3/14/2024." in body  # the note stays in the form
    assert not MentorInvite.objects.exists() and not mail.outbox


def test_the_invite_page_warns_while_identifiers_remain(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Mrs. Alvarez, 72, seen on 03/14/2025 after a fall."})
    save(portfolio, "handoff_template", HANDOFF)
    page = candidate_client.get(reverse("portfolios:mentors", args=[portfolio.pk])).content.decode()
    assert "Patient identifiers remain in 1 artifact." in page
    assert reverse("portfolios:artifact_edit", args=[portfolio.pk, "case_writeup"]) in page


def test_the_invite_page_has_no_warning_for_clean_work(candidate_client, portfolio):
    save(portfolio, "handoff_template", HANDOFF)
    page = candidate_client.get(reverse("portfolios:mentors", args=[portfolio.pk])).content.decode()
    assert "Patient identifiers remain" not in page


def test_the_service_refuses_an_identifier_in_an_invite_note(portfolio):
    with pytest.raises(ValidationError) as caught:
        services.mentor_invite_create(
            portfolio=portfolio, email="m@example.com", invite_url_for=str, message="MRN 12345678"
        )
    assert "record number" in caught.value.message_dict["message"][0]
    assert not MentorInvite.objects.exists()


def test_a_stranger_cannot_invite_on_someone_elses_portfolio(stranger_client, portfolio):
    response = stranger_client.post(
        reverse("portfolios:mentors", args=[portfolio.pk]), {"email": "mentor@example.com", "message": "Hi"}
    )
    assert response.status_code == 404
    assert not MentorInvite.objects.exists()


def test_a_signed_out_visitor_is_sent_to_log_in_from_the_headline_form(portfolio):
    response = Client().post(headline_url(portfolio), {"headline": "x"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert Portfolio.objects.get(pk=portfolio.pk).headline == ""


def test_the_mentors_and_share_pages_run_the_same_queries_however_many_artifacts(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Mrs. Alvarez, 72, seen 03/14/2025."})
    urls = [reverse(f"portfolios:{name}", args=[portfolio.pk]) for name in ("mentors", "share_links", "portfolio")]
    before = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert candidate_client.get(url).status_code == 200
        before.append(len(queries))
    for kind in ("plan_of_care", "sop_checklist", "caseload_note"):
        save(portfolio, kind, {}, status="draft")
    save(portfolio, "handoff_template", {**HANDOFF, "framework": "SBAR for Mr. Okafor on 04/02/2025."})
    for url, count in zip(urls, before, strict=True):
        with CaptureQueriesContext(connection) as queries:
            assert candidate_client.get(url).status_code == 200
        assert len(queries) == count, url


def test_a_candidate_without_a_display_name_is_told_their_own_name_may_stand(candidate_client, candidate):
    response = profile(candidate_client, display_name="", headline="Jordan Lee, outpatient OT")
    assert "If it is your own name, write it the same way in your display name" in response.content.decode()
    assert profile(candidate_client, "Jordan Lee", "Jordan Lee, outpatient OT").status_code == 302


def test_a_page_paused_for_the_profile_is_not_counted_as_a_view(anonymous_client, candidate, portfolio):
    complete(portfolio)
    created = services.share_link_create(portfolio=portfolio, label="Acme", expires_in_days=7)
    assert anonymous_client.get(share_url(created.token)).status_code == 200
    User.objects.filter(pk=candidate.pk).update(headline="Seen on 02/03/2025")
    Portfolio.objects.filter(pk=portfolio.pk).update(content_version=99)
    assert anonymous_client.get(share_url(created.token)).status_code == 503
    assert ShareLink.objects.get().view_count == 1
