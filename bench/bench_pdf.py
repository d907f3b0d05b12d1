"""Time the share PDF of a 12-artifact portfolio: database reads, the page's HTML and WeasyPrint's layout.

Seeds the HTTP benchmark's candidate (12 complete, PHI-clean artifacts and a share link) in a
throwaway SQLite database, then renders the link's PDF 5 times with the cache cleared before each
(`portfolios.share_pdf.share_pdf_body`, as the view calls it). Prints `name=value` lines: the median
seconds, the first (cold) render, the page count and size. Aim: under 2 s.
"""

from __future__ import annotations

import io
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 5
AIM_SECONDS = 2.0


def emit(name: str, value: object) -> None:
    print(f"{name}={value}", flush=True)


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="otportfolio-bench-pdf-"))
    os.environ.pop("REDIS_URL", None)  # the cache is cleared between renders: keep it this process's own
    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "otportfolio.settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        }
    )
    try:
        import django

        django.setup()
        from django.core.cache import cache
        from django.core.management import call_command
        from pypdf import PdfReader

        from bench.bench_http import seed_small
        from portfolios.models import Portfolio, ShareLink
        from portfolios.share_pdf import share_pdf_body

        call_command("migrate", "--noinput", verbosity=0)
        call_command("collectstatic", "--noinput", verbosity=0)  # the page's {% static %} needs the manifest
        portfolio_id, _ = seed_small()
        link_id = ShareLink.objects.get(portfolio_id=portfolio_id).pk
        version = Portfolio.objects.get(pk=portfolio_id).content_version

        def render() -> tuple[float, bytes]:
            cache.clear()
            started = time.perf_counter()
            pdf = share_pdf_body(portfolio_id, version, link_id)
            elapsed = time.perf_counter() - started
            assert pdf.is_pdf, pdf.status
            return elapsed, pdf.content

        first, content = render()  # imports, fonts and the stylesheet load once per process
        timings = [render()[0] for _ in range(RUNS)]
        median = statistics.median(timings)
        emit("pdf_seconds_12_artifacts", f"{median:.3f}")
        emit("pdf_first_render_seconds", f"{first:.3f}")
        emit("pdf_pages_12_artifacts", len(PdfReader(io.BytesIO(content)).pages))
        emit("pdf_kb_12_artifacts", f"{len(content) / 1024:.0f}")
        emit("pdf_under_2s", "yes" if median < AIM_SECONDS else "no")
        return 0
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
