"""PDF output through WeasyPrint, with a URL fetcher that cannot leave the templates folder.

Imported lazily by `digest.render`: WeasyPrint loads Pango and takes a while to import.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..errors import RenderError


class URLRefused(ValueError):
    """A URL the brief's renderer will not fetch."""


class LocalOnlyURLFetcher(URLFetcher):
    """Fetches `data:` URLs and files under `root`; refuses the network and other files.

    A brief is built from untrusted articles: should any markup ever reach the page, it
    must not make the renderer read local files into the PDF or call out to a server.
    """

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
        self._root = Path(root).resolve()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """Return the resource at `url`, or raise `URLRefused`."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(self._root) and path.is_file():
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    path.as_uri(), body=path.read_bytes(), headers={"Content-Type": mime}
                )
        raise URLRefused(f"refused to fetch {url[:200]!r}: only data: and template files")


def html_to_pdf(html: str, root: Path) -> bytes:
    """Render `html` to PDF bytes; relative URLs resolve against (and stay in) `root`."""
    try:
        document = HTML(
            string=html,
            base_url=Path(root).resolve().as_uri() + "/",
            url_fetcher=LocalOnlyURLFetcher(root),
        )
        # The identifier is a hash of the content rather than random, so the same brief
        # gives the same bytes; dates come from the page's dcterms meta, not the clock.
        pdf = document.write_pdf(pdf_identifier=True)
    except Exception as exc:  # WeasyPrint has no common base exception
        raise RenderError(
            f"brief.pdf: WeasyPrint failed: {type(exc).__name__}: {exc}"
            "; Hint: check print.css and page.html.j2"
        ) from exc
    if not isinstance(pdf, bytes):
        raise RenderError("brief.pdf: WeasyPrint returned no data; Hint: report a bug")
    return pdf
