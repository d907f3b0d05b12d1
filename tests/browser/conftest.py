"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live_server.

`playwright install` cannot download here, so the launch fixture points at the system
Chromium (override with CHROMIUM_PATH). Playwright's sync API runs an event loop in the
test thread, so Django's ORM needs DJANGO_ALLOW_ASYNC_UNSAFE to be used in the same test.
"""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Auto-waiting assertions give up after this long; a local server answers in milliseconds.
expect.set_options(timeout=10_000)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def log_in(page: Page, base_url: str, email: str, password: str = PASSWORD) -> None:
    """Sign in through the real login form, as a person would, and wait for the dashboard."""
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label(re.compile(r"^\s*Password\*?\s*$")).fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your portfolios")).to_be_visible()


@pytest.fixture
def page(page: Page) -> Page:
    """pytest-playwright's page, failing after 10 s instead of 30 s when something never appears."""
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def fresh_page(browser):
    """A page in a fresh browser context: no cookies, nobody signed in (a recruiter, a mentor)."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
