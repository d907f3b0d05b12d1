"""Every URL pattern, as every kind of visitor: only the owner sees a portfolio; others get 404.

The table must name every pattern in portfolios/urls.py, so a new view cannot ship
without an access rule.
"""

import re

import pytest
from django.urls import reverse

from portfolios.models import Artifact, Revision
from portfolios.urls import urlpatterns
from tests.conftest import save

# name -> (method, kwargs builder, owner status, stranger status, anonymous status)
OBJECT = 404


def _args(portfolio):
    return {
        "portfolio": [portfolio.pk],
        "artifact": [portfolio.pk, "case_writeup"],
        "revision": [portfolio.pk, "case_writeup", 1],
    }


MATRIX = {
    "landing": ("get", None, 200, 200, 200),
    "dashboard": ("get", None, 200, 200, 302),
    "portfolio_new": ("get", None, 200, 200, 302),
    "portfolio": ("get", "portfolio", 200, OBJECT, OBJECT),
    "portfolio_track": ("post", "portfolio", 302, OBJECT, OBJECT),
    "artifact_edit": ("get", "artifact", 200, OBJECT, OBJECT),
    "artifact_check": ("post", "artifact", 200, OBJECT, OBJECT),
    "artifact_redact": ("post", "artifact", 302, OBJECT, OBJECT),
    "artifact_history": ("get", "artifact", 200, OBJECT, OBJECT),
    "revision_restore": ("post", "revision", 302, OBJECT, OBJECT),
}


def test_the_matrix_names_every_url_pattern():
    assert {pattern.name for pattern in urlpatterns} == set(MATRIX)


@pytest.fixture
def saved(portfolio):
    save(portfolio, "case_writeup", {"context": "first"})
    save(portfolio, "case_writeup", {"context": "second"})
    return portfolio


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("who", ["owner", "stranger", "anonymous"])
def test_access(name, who, saved, candidate_client, stranger_client, anonymous_client):
    method, args_key, *expected = MATRIX[name]
    client = {"owner": candidate_client, "stranger": stranger_client, "anonymous": anonymous_client}[who]
    status = dict(zip(["owner", "stranger", "anonymous"], expected, strict=True))[who]
    url = reverse(f"portfolios:{name}", args=_args(saved)[args_key] if args_key else None)
    before = (Artifact.objects.get().fields, Revision.objects.count())
    response = getattr(client, method)(url, {"version": 2, "track": "outpatient"} if method == "post" else None)
    assert response.status_code == status, f"{who} {method.upper()} {url}"
    if who != "owner":
        assert (Artifact.objects.get().fields, Revision.objects.count()) == before


@pytest.mark.parametrize("who", ["stranger", "anonymous"])
def test_a_missing_portfolio_and_someone_elses_look_the_same(who, saved, stranger_client, anonymous_client):
    client = stranger_client if who == "stranger" else anonymous_client
    theirs_url = reverse("portfolios:portfolio", args=[saved.pk])
    missing_url = reverse("portfolios:portfolio", args=[saved.pk + 999])
    theirs, missing = client.get(theirs_url), client.get(missing_url)
    assert theirs.status_code == missing.status_code == 404

    def normalised(response, url):  # the page names its own path, and CSRF tokens are masked per response
        return re.sub(r'value="[A-Za-z0-9]{64}"', "TOKEN", response.content.decode().replace(url, "URL"))

    assert normalised(theirs, theirs_url) == normalised(missing, missing_url)


def test_writes_need_a_csrf_token(saved, candidate):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(candidate)
    response = client.post(
        reverse("portfolios:artifact_edit", args=[saved.pk, "case_writeup"]),
        {"version": 2, "action": "draft", "context": "forged"},
    )
    assert response.status_code == 403
    assert Artifact.objects.get().fields["context"] == "second"
