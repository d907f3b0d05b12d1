"""The share page as a PDF: the page's own HTML, laid out for paper by WeasyPrint.

The PDF is made from the very HTML the share page serves (`fragments.share_page_body`, which
reads through `selectors.share_page`), so the page and the PDF cannot show different things:
what a link shows, the PHI gate's pause and the footer with the link's expiry all come from
there. Rendered PDFs are cached per content version, like the page.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.text import slugify

from portfolios import fragments

STYLESHEET = settings.BASE_DIR / "static" / "css" / "share_pdf.css"
# Relative URLs in the page resolve against this; nothing is ever fetched from it.
BASE_URL = "https://share.invalid/"
DEFAULT_FILENAME = "ot-portfolio.pdf"


@dataclass(frozen=True)
class SharePdf:
    status: int
    content: bytes  # the PDF; for any other status, the page's HTML (the PHI gate's pause)
    filename: str = DEFAULT_FILENAME

    @property
    def is_pdf(self) -> bool:
        return self.status == 200


# WeasyPrint (and pango through it) loads on the first PDF, not in every process at start-up:
# importing it costs about half a second, which every worker, command and test run would pay.


@functools.cache
def _fetch_nothing_class():
    """The class of a URL fetcher that answers the page's links to stylesheets, scripts and icons with nothing.

    The PDF has its own stylesheet, and a renderer that fetched URLs from a page holding
    candidates' text would be a way to make the server call out.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class FetchNothing(URLFetcher):
        def fetch(self, url, headers=None):
            return URLFetcherResponse(url, b"", {"Content-Type": "text/css"})

    return FetchNothing


@functools.cache
def _stylesheet():
    from weasyprint import CSS

    return CSS(filename=str(STYLESHEET))


def share_pdf_body(portfolio_id: int, content_version: int, link_id: int | None = None) -> SharePdf:
    """The PDF of one link's share page (no link: every complete artifact, as the owner's preview).

    Cached per content version once the page shows; while the PHI gate pauses the page, the
    paused page itself (503), never a PDF.
    """
    key = f"share-pdf:{portfolio_id}:{link_id}:{content_version}"
    pdf = cache.get(key)
    if pdf is None:
        page = fragments.share_page_body(portfolio_id, content_version, link_id)
        if page.status != 200:
            return SharePdf(page.status, page.html)
        pdf = render_pdf(page.html)
        cache.set(key, pdf, timeout=fragments.FRAGMENT_SECONDS)
    return pdf


def _footer_first(root) -> None:
    """Move the page's footer to the top of its body: a running footer repeats only from where it
    appears, and the page's footer (with the link's expiry) must be at the foot of every page."""
    body = root.find("body")
    footer = body.find("footer") if body is not None else None
    if footer is not None:
        body.remove(footer)
        body.insert(0, footer)


def render_pdf(html: bytes) -> SharePdf:
    """Lay out a shown share page as a PDF; its file name comes from the page's title."""
    from weasyprint import HTML

    page = HTML(string=html.decode(), base_url=BASE_URL, url_fetcher=_fetch_nothing_class()())
    _footer_first(page.etree_element)
    document = page.render(stylesheets=[_stylesheet()])
    title = (document.metadata.title or "").split(" · ")[0]  # base.html appends " · OT Portfolio"
    filename = f"{slugify(title)}.pdf" if slugify(title) else DEFAULT_FILENAME
    return SharePdf(200, document.write_pdf(), filename)
