"""Benchmark-only views, routed only when settings.BENCHMARK_VIEWS is on (`make bench`).

The baseline renders a tiny template through the full middleware stack and no database
query: the ceiling that `bench/bench_http.py` compares every real page's throughput with.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def baseline(request: HttpRequest) -> HttpResponse:
    """A tiny page: template engine, context processors and middleware, nothing else."""
    return render(request, "bench/baseline.html", {"message": "OT Portfolio baseline"})
