"""Pages anyone may see."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from portfolios.demo_links import demo_share_path
from portfolios.kinds import CORE_KIND_KEYS, KINDS_BY_KEY
from portfolios.rows import ROWS
from portfolios.tracks import TRACKS


@require_safe
def landing(request: HttpRequest) -> HttpResponse:
    """What OT Portfolio is, the loop it runs (write, check, share, review), and a way in per track."""
    return render(
        request,
        "portfolios/landing.html",
        {
            "tracks": TRACKS,
            "rows": ROWS,
            "core_kinds": [KINDS_BY_KEY[key] for key in CORE_KIND_KEYS],
            "sample_path": demo_share_path(),
        },
    )
