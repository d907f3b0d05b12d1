"""The main pages run a constant number of queries, however many artifacts there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portfolios import services
from portfolios.kinds import KINDS
from portfolios.tracks import TRACK_KEYS
from tests.conftest import save


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def fill(portfolio, how_many):
    for kind in [kind for kind in KINDS if kind.listed][:how_many]:  # stories are saved on the Prepare page
        save(portfolio, kind.key, {kind.section_keys[0]: f"Text for {kind.title}."})


def test_dashboard_queries_do_not_grow_with_portfolios_and_artifacts(candidate_client, candidate):
    first = services.portfolio_create(owner=candidate, track=TRACK_KEYS[0])
    fill(first, 1)
    small = count_queries(candidate_client, reverse("portfolios:dashboard"))
    for track in TRACK_KEYS[1:]:
        fill(services.portfolio_create(owner=candidate, track=track), len(KINDS))
    fill(first, len(KINDS))
    large = count_queries(candidate_client, reverse("portfolios:dashboard"))
    # session, user, portfolios, artifacts, then stories, stage picks, drill counts (cards not cached yet)
    assert small == large == 7
    cached = count_queries(candidate_client, reverse("portfolios:dashboard"))
    assert cached == 2  # session, user: the cards are cached on the user's content version


@pytest.mark.parametrize("page", ["portfolio", "editor", "history"])
def test_portfolio_editor_and_history_queries_stay_constant(page, candidate_client, portfolio):
    def url():
        if page == "portfolio":
            return portfolio.get_absolute_url()
        name = "artifact_edit" if page == "editor" else "artifact_history"
        return reverse(f"portfolios:{name}", args=[portfolio.pk, "case_writeup"])

    save(portfolio, "case_writeup", {"context": "v1"})
    save(portfolio, "case_writeup", {"context": "v2"})
    small = count_queries(candidate_client, url())
    fill(portfolio, len(KINDS))
    for number in range(18):
        save(portfolio, "case_writeup", {"context": f"v{number + 3}"})
    large = count_queries(candidate_client, url())
    assert small == large
    assert large <= 6  # session, user, portfolio, artifact, revisions, diff pair


def test_the_live_check_runs_three_queries_and_leaves_the_stored_text_unloaded(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "A long stored write-up. " * 500})
    url = reverse("portfolios:artifact_check", args=[portfolio.pk, "case_writeup"])
    candidate_client.post(url, {"version": "1", "context": "Client A, seen twice weekly."})
    with CaptureQueriesContext(connection) as queries:
        response = candidate_client.post(url, {"version": "1", "context": "Client A, seen twice weekly."})
    assert response.status_code == 200
    assert len(queries) == 3  # session, user, the artifact with its portfolio
    artifact_sql = queries.captured_queries[-1]["sql"]
    assert "portfolios_artifact" in artifact_sql
    assert '"portfolios_artifact"."fields"' not in artifact_sql
    assert '"portfolios_artifact"."check_result"' not in artifact_sql
