"""The benchmark's views (baseline and floors), routed only with BENCHMARK_VIEWS on, and the scale seed (`bench/seed_scale.py`)."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

import portfolios.urls
from portfolios.models import Artifact, Comment, Portfolio, Revision, User
from portfolios.views.bench import baseline, one_query_floor, signed_in_floor


def test_the_baseline_view_renders_a_tiny_page():
    response = baseline(RequestFactory().get("/bench/baseline/"))
    assert response.status_code == 200
    assert b"OT Portfolio baseline" in response.content
    assert len(response.content) < 300


def test_the_signed_in_floor_is_an_empty_page_for_the_signed_in_only(candidate, rf):
    request = rf.get("/bench/signed-in-floor/")
    request.user = candidate
    request.session = {}
    body = signed_in_floor(request).content.decode()
    assert "Signed-in floor" in body and "Log out" in body
    request.user = AnonymousUser()
    assert signed_in_floor(request).status_code == 302


def test_the_one_query_floor_is_the_baseline_page_plus_one_primary_key_select(portfolio, rf):
    with CaptureQueriesContext(connection) as queries:
        response = one_query_floor(rf.get("/bench/one-query-floor/"), portfolio.pk)
    assert response.status_code == 200
    assert f"one query: version {portfolio.content_version}" in response.content.decode()
    assert len(response.content) < 300
    assert len(queries) == 1 and "WHERE id = " in queries.captured_queries[0]["sql"]
    with pytest.raises(Http404):
        one_query_floor(rf.get("/bench/one-query-floor/"), portfolio.pk + 1)


def test_the_baseline_url_is_absent_unless_benchmark_views_are_on():
    assert not settings.BENCHMARK_VIEWS
    names = {pattern.name for pattern in portfolios.urls.urlpatterns}
    assert not names & {"bench_baseline", "bench_signed_in_floor", "bench_one_query_floor"}
    with pytest.raises(NoReverseMatch):
        reverse("portfolios:bench_baseline")
    with pytest.raises(NoReverseMatch):
        reverse("portfolios:bench_one_query_floor", args=[1])


def test_with_benchmark_views_on_the_baseline_url_answers():
    # URLs are read once per process, so the flag is tried in a fresh one, as gunicorn would start.
    code = (
        "from django.test import Client; from django.urls import reverse; "
        "url = reverse('portfolios:bench_baseline'); "
        "response = Client(HTTP_HOST='127.0.0.1').get(url); "
        "print(reverse('portfolios:bench_one_query_floor', args=[7])); "
        "print(url, response.status_code, len(response.content))"
    )
    env = {**os.environ, "DJANGO_BENCHMARK_VIEWS": "1", "DJANGO_SETTINGS_MODULE": "otportfolio.settings"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    *_, floor_url, last = result.stdout.strip().splitlines()
    assert floor_url == "/bench/one-query-floor/7/"
    url, status, size = last.split()
    assert (url, status) == ("/bench/baseline/", "200")
    assert int(size) < 300


def test_seed_demo_scale_adds_consistent_bulk_data_once(db):
    from bench.seed_scale import seed_scale

    out = StringIO()
    assert seed_scale(20, write=out.write) == 20
    assert "Scale data added: 20 portfolios, 240 artifacts, 240 revisions, 100 comments" in out.getvalue()
    assert User.objects.filter(email__endswith="@scale.otportfolio.test").count() == 20
    portfolios = Portfolio.objects.filter(owner__email__endswith="@scale.otportfolio.test")
    assert {portfolio.track for portfolio in portfolios} == {
        "outpatient",
        "acute",
        "inpatient_rehab",
        "home_health",
        "pediatrics",
    }
    artifacts = Artifact.objects.filter(portfolio__in=portfolios)
    assert artifacts.count() == 240
    assert {artifact.status for artifact in artifacts} == {"draft", "complete"}
    for artifact in artifacts:
        assert artifact.version == artifact.checked_version == 1
        assert artifact.check_result["kind"] == artifact.kind
        phi_errors = [
            f for f in artifact.check_result["findings"] if f["check"].startswith("phi.") and f["severity"] == "error"
        ]
        assert artifact.phi_error_count == len(phi_errors) == 0
    assert Revision.objects.filter(artifact__in=artifacts, number=1).count() == 240
    comments = Comment.objects.filter(artifact__in=artifacts)
    assert comments.count() == 100
    for root in comments.filter(thread__isnull=True):
        assert root.section in root.artifact.fields and root.section_text == root.artifact.fields[root.section]
        assert root.author_name and root.artifact_version == 1
    assert comments.filter(thread__isnull=False).exists()

    again = StringIO()
    assert seed_scale(20, write=again.write) == 0
    assert "Scale data already present" in again.getvalue()
    assert Artifact.objects.filter(portfolio__in=portfolios).count() == 240
