"""Benchmark-only views, routed only when settings.BENCHMARK_VIEWS is on (`make bench`).

The baseline renders a tiny template through the full middleware stack and no database
query: the ceiling that `bench/bench_http.py` compares every real page's throughput with.
The one-query floor adds one indexed primary-key SELECT: what the share page, whose one
query opens the link, cannot go below. The signed-in floor is the least any signed-in page
does (load the session and the user, render the site's base template): what the dashboard
cannot go below.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def baseline(request: HttpRequest) -> HttpResponse:
    """A tiny page: template engine, context processors and middleware, nothing else."""
    return render(request, "bench/baseline.html", {"message": "OT Portfolio baseline"})


@require_GET
def one_query_floor(request: HttpRequest, portfolio_id: int) -> HttpResponse:
    """The baseline page plus one primary-key SELECT (a portfolio's content version); 404 for no such row."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT content_version FROM portfolios_portfolio WHERE id = %s", [portfolio_id])
        row = cursor.fetchone()
    if row is None:
        raise Http404("No such portfolio.")
    return render(request, "bench/baseline.html", {"message": f"OT Portfolio one query: version {row[0]}"})


@login_required
@require_GET
def signed_in_floor(request: HttpRequest) -> HttpResponse:
    """An empty signed-in page: session, user and the base template, nothing else."""
    return render(request, "bench/signed_in_floor.html")
