"""HTML to PDF with WeasyPrint, for policy briefs.

The HTML is the brief's own page (``insights/brief_pdf.html``) with ``lang`` and
``dir`` on ``<html>``; ``insights/brief.css`` sets the page (A4, margins, page
numbers) and a font stack that covers every script the site is translated into,
so Chinese, Japanese, Korean, Arabic (right to left), Punjabi (Gurmukhi), Hmong and
Vietnamese all come out with real glyphs. Charts are inline SVG, which WeasyPrint
draws itself. Nothing is fetched over the network: only files under ``base_url``
(the stylesheet) and ``data:`` URLs can be read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders

STYLESHEET = "insights/brief.css"


def render_pdf(html: str, *, base_url: str) -> bytes:
    """The PDF of ``html``; relative links are read from the directory ``base_url`` (a file: URL)."""
    from weasyprint import HTML

    pdf = HTML(string=html, base_url=base_url, url_fetcher=_local_fetcher(base_url)).write_pdf()
    assert pdf is not None
    return bytes(pdf)


def static_base_url() -> str:
    """A file: URL of the static directory that holds the brief's stylesheet (ends with a slash)."""
    found = finders.find(STYLESHEET)
    if not found:
        raise FileNotFoundError(STYLESHEET)
    path = Path(found if isinstance(found, str) else found[0])
    return path.parent.parent.as_uri() + "/"


def _local_fetcher(base_url: str) -> Any:
    from weasyprint.urls import URLFetcher

    root = Path(unquote(urlsplit(base_url).path)).resolve()

    class LocalFilesOnly(URLFetcher):
        """Reads files under ``root`` and data: URLs; refuses everything else (no network, no other files)."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                if path.is_relative_to(root) and path.is_file():
                    return super().fetch(url, headers)
            raise ValueError(f"not fetched: {url[:80]}")

    return LocalFilesOnly(allowed_protocols=("file", "data"))
