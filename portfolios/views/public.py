"""Pages anyone may see."""

from __future__ import annotations

from functools import cache

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from portfolios.checker import check_artifact
from portfolios.demo_links import demo_share_path
from portfolios.kinds import CORE_KIND_KEYS, KINDS_BY_KEY
from portfolios.rows import ROWS
from portfolios.rubric.findings import CheckResult
from portfolios.strong_examples import EXAMPLES
from portfolios.tracks import TRACKS, TRACKS_BY_KEY


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


@cache
def _checked(kind: str) -> CheckResult:
    # The examples are constants and the checker is pure, so each is checked once per process.
    example = EXAMPLES[kind]
    return check_artifact(kind, example.track, example.fields)


@require_safe
def strong_example(request: HttpRequest, kind: str) -> HttpResponse:
    """A strong example of this kind written for the site, read-only, with the checker's scores and reasons."""
    example = EXAMPLES.get(kind)
    if example is None:
        raise Http404("No strong example for this kind of artifact.")
    artifact_kind = KINDS_BY_KEY[kind]
    result = _checked(kind)
    return render(
        request,
        "portfolios/strong_example.html",
        {
            "example": example,
            "kind": artifact_kind,
            "track": TRACKS_BY_KEY[example.track],
            "sections": [
                (section, example.fields[section.key])
                for section in artifact_kind.sections
                if section.key in example.fields
            ],
            "scores": [(row, result.rows[row.key]) for row in ROWS if row.key in result.rows],
            "findings": result.findings,
        },
    )
