"""A newcomer on the landing page follows "See a sample portfolio" to the demo's recruiter page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.views.test_landing import make_demo_share_link

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_sample_link_opens_a_recruiter_page(live_server, fresh_page: Page):
    path = make_demo_share_link()
    fresh_page.goto(live_server.url + "/")
    expect(fresh_page.get_by_role("heading", name="How it works")).to_be_visible()
    fresh_page.get_by_role("link", name="See a sample portfolio").click()
    fresh_page.wait_for_url(live_server.url + path)
    expect(fresh_page.get_by_role("heading", name="The brief (90 seconds)")).to_be_visible()
    expect(fresh_page.get_by_role("heading", name="Handoff communication template")).to_be_visible()
