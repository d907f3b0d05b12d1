"""Behind the documented proxy each visitor is their own client, and without one a forged header changes nothing."""

import pytest
from django.test import RequestFactory

from portfolios.client_address import client_address
from tests.conftest import PASSWORD, Client

MISS = "/s/" + "B" * 43 + "/"
LOGIN = "/accounts/login/"


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "198.51.100.7", None, "198.51.100.7"),
        (0, "198.51.100.7", "203.0.113.9", "198.51.100.7"),  # no proxy: the header is the client's own words
        (1, "10.0.0.1", "203.0.113.9", "203.0.113.9"),
        (1, "10.0.0.1", "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a forged entry to the left is skipped
        (2, "10.0.0.1", "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (2, "10.0.0.1", "203.0.113.9", "10.0.0.1"),  # fewer entries than proxies: did not come through them
        (1, "10.0.0.1", "not-an-address", "10.0.0.1"),
        (1, "10.0.0.1", "", "10.0.0.1"),
        (1, "10.0.0.1", "2001:db8::1", "2001:db8::1"),
        (0, "", None, "unknown"),
    ],
)
def test_the_client_address_trusts_only_what_the_proxies_wrote(settings, proxies, remote, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_address(RequestFactory().get("/", **meta)) == expected


def behind_proxy(address):
    """A browser at `address` seen through one proxy at 10.0.0.1."""
    return Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=address)


def test_one_clients_failed_share_lookups_never_block_another_behind_the_proxy(db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    guesser, recruiter = behind_proxy("203.0.113.1"), behind_proxy("203.0.113.2")
    for _ in range(20):
        assert guesser.get(MISS).status_code == 404
    assert guesser.get(MISS).status_code == 429
    assert recruiter.get(MISS).status_code == 404


def test_one_clients_failed_logins_never_lock_out_another_behind_the_proxy(candidate, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker, owner = behind_proxy("203.0.113.1"), behind_proxy("203.0.113.2")
    for _ in range(5):
        attacker.post(LOGIN, {"username": candidate.email, "password": "wrong-password-0"})
    assert attacker.post(LOGIN, {"username": candidate.email, "password": PASSWORD}).status_code == 429
    assert owner.post(LOGIN, {"username": candidate.email, "password": PASSWORD}).status_code == 302


def test_without_a_proxy_a_forged_forwarded_header_buys_no_fresh_share_lookups(db, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    client = Client()
    for number in range(20):
        assert client.get(MISS, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}").status_code == 404
    assert client.get(MISS, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_without_a_proxy_a_forged_forwarded_header_buys_no_fresh_login_tries(candidate, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    client = Client()
    for number in range(5):
        client.post(
            LOGIN,
            {"username": candidate.email, "password": "wrong-password-0"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )
    response = client.post(
        LOGIN, {"username": candidate.email, "password": PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.99"
    )
    assert response.status_code == 429


def test_an_unreadable_client_address_reaches_axes_as_none_not_as_text(rf, settings):
    """axes stores the address in an IP column: PostgreSQL refuses the text 'unknown'."""
    from portfolios.client_address import UNKNOWN, client_address, lockout_address

    settings.TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR="not-an-address")
    assert client_address(request) == UNKNOWN
    assert lockout_address(request) is None
    assert lockout_address(rf.get("/", REMOTE_ADDR="203.0.113.9")) == "203.0.113.9"


def test_a_login_from_an_unreadable_address_signs_in_and_a_failure_is_recorded(client, candidate):
    from axes.models import AccessAttempt

    from tests.conftest import PASSWORD

    failed = client.post("/accounts/login/", {"username": candidate.email, "password": "wrong"}, REMOTE_ADDR="garbage")
    assert failed.status_code == 200
    assert AccessAttempt.objects.get().ip_address is None
    signed_in = client.post(
        "/accounts/login/", {"username": candidate.email, "password": PASSWORD}, REMOTE_ADDR="garbage"
    )
    assert signed_in.status_code == 302
