"""The brief as Markdown from `brief.md.j2`, and the HTML page and PDF made from it.

Markdown is the source: markdown-it-py turns it into the HTML body, `page.html.j2` wraps
that into a page with the CSS inlined, and WeasyPrint prints the page (plus `print.css`)
to PDF."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import jinja2
import jinja2.meta
from markupsafe import Markup

from ..model import Brief
from .filters import markdown_to_html
from .templates import (
    BRIEF_MD,
    PAGE_HTML,
    PRINT_CSS,
    SCREEN_CSS,
    _css,
    _generate,
    _render,
    default_template_dir,
)


def render_markdown(brief: Brief, env: jinja2.Environment) -> str:
    """The brief as Markdown, from `brief.md.j2`."""
    return "".join(markdown_chunks(brief, env))


def markdown_chunks(brief: Brief, env: jinja2.Environment) -> Iterator[str]:
    """The brief as Markdown, a line at a time as the template writes it (a long brief
    is never all in memory when it goes straight to a file).

    Trailing spaces would be hard line breaks, and loops leave extra blank lines;
    neither carries meaning in the brief, so lines lose trailing spaces, runs of blank
    lines become one, and the text has no blank line first or last.
    """
    started = blank = False
    for line in _lines(_generate(env, BRIEF_MD, brief=brief)):
        line = line.rstrip()
        if not line:
            blank = started
            continue
        yield ("\n" if blank else "") + line + "\n"
        started, blank = True, False
    if not started:
        yield "\n"


def _lines(chunks: Iterable[str], block: int = 1 << 16) -> Iterator[str]:
    """The lines of the text `chunks` make, without their line breaks: what
    `"".join(chunks).splitlines()` gives, taken a block of text at a time."""
    pending: list[str] = []
    size = 0
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size < block:
            continue
        parts = "".join(pending).splitlines(keepends=True)
        last = parts.pop()
        # The last line may go on in the next chunk; a "\r" may be half of "\r\n".
        if last[-1] not in _LINE_BREAKS or last[-1] == "\r":
            pending, size = [last], len(last)
        else:
            parts.append(last)
            pending, size = [], 0
        for part in parts:
            yield part.rstrip(_LINE_BREAKS)  # its one break ("\r\n" counts as one)
    if pending:
        yield from "".join(pending).splitlines()


_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def render_html(
    brief: Brief,
    env: jinja2.Environment,
    markdown: str | None = None,
    *,
    for_pdf: bool = False,
) -> str:
    """A standalone HTML page of the brief, ending with the full reporting (every story,
    collapsed); `for_pdf`: with `print.css` and running heads, and without it (the PDF,
    like the email, ends with what the full brief holds more)."""
    if markdown is None:
        markdown = render_markdown(brief, env)
    return _render(
        env,
        PAGE_HTML,
        brief=brief,
        body=Markup(markdown_to_html(markdown)),
        css=_css(env, SCREEN_CSS),
        print_css=_css(env, PRINT_CSS) if for_pdf else None,
        appendix=not for_pdf,
    )


def render_pdf(html: str) -> bytes:
    """The page as PDF, fetching nothing but data: URLs and digest's own template files."""
    from .pdf import html_to_pdf  # WeasyPrint is slow to import

    return html_to_pdf(html, default_template_dir())
