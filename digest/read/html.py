"""HTML pages: the article's main text, title, author, date, site name and URL.

Main-content extraction is trafilatura's. `Article.text` of a page is the extracted
text, one paragraph per block with blank lines between, so claims' offsets point into
it (`digest claims --text` prints it). The publication time comes from the page's
metadata with its time of day where the page gives one (trafilatura keeps the day
only), else trafilatura's date.
"""

from __future__ import annotations

import html as html_lib
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring
from trafilatura.settings import Document
from trafilatura.utils import load_html

from ..errors import InputError
from ..model import Article, Span
from .encoding import declared_charset
from .options import ReadOptions, decode
from .timestamps import parse_datetime

if TYPE_CHECKING:
    from datetime import datetime, tzinfo


log = logging.getLogger("digest")

# libxml2 refuses NUL and most C0 control characters; they are never text in a page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_LOOKS_LIKE_HTML = re.compile(r"<[A-Za-z!/]")
# <meta> names and properties that carry a publication time, best first.
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "table", "tr", "section", "article", "header", "footer", "figure", "figcaption",
    "hr", "dd", "dt", "dl", "main", "aside", "nav", "address",
})  # fmt: skip
_UNSEEN = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "svg", "head", "title",
    "button", "form",
})  # fmt: skip
_MAX_JSON_LD = 200_000
# trafilatura's extraction takes time quadratic in the inline children of one block
# (measured: 4,000 <b> in one <p> 0.6 s, 8,000 2.7 s). No article needs that many; past
# this, inline tags are dropped (their text stays) before extraction.
_MAX_INLINE_CHILDREN = 500
_INLINE = ("a", "b", "i", "u", "em", "strong", "span", "font", "small", "big", "mark", "sub", "sup")
_MIN_WORDS = 20  # fewer extracted words: a menu, a login form or an index, not an article
# Page elements whose class or id says they hold the publication time, in old layouts.
_DATE_CLASS = re.compile(r"date|time|posted|published|dateline", re.I)
# trafilatura's date finder (htmldate) without its guessing from URLs and prose, which
# turns a lone "2023" into 1 January; the page's own date elements are read below.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html_article(path: Path, data: bytes, options: ReadOptions) -> list[Article]:
    """One article from an .html file: its extracted main text and metadata."""

    markup = decode(path, data, options, declared=declared_charset(data))
    return [
        page_article(
            markup, path=str(path), ident=options.name or path.stem, url=None, options=options
        )
    ]


def page_article(
    markup: str, *, path: str, ident: str, url: str | None, options: ReadOptions
) -> Article:
    """The article in an HTML page; raise InputError when the page holds no article text."""
    tree = load_html(_CONTROL.sub(" ", markup))
    if tree is None:
        raise InputError(f"{path}: not an HTML page digest can parse")
    published = _published(tree, options.timezone)
    tree = _flatten_inline_floods(tree)
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, etree.LxmlError, RecursionError) as exc:
        raise InputError(f"{path}: the page could not be parsed: {exc}") from None
    text = _paragraphs(doc.text or "") if isinstance(doc, Document) else ""
    if not isinstance(doc, Document) or len(text.split()) < _MIN_WORDS:
        raise InputError(
            f"{path}: no article text found in the page; Hint: is it an index or a login page?"
        )
    if published is None and doc.date:
        published = _parse(doc.date, options.timezone)
    if published is None and options.published is not None:
        published = _parse(options.published, options.timezone)
    return Article(
        id=ident,
        source=doc.sitename or options.outlet or "",
        title=doc.title or "",
        url=doc.url or url,
        published=published,
        text=text,
        path=path,
        body=(Span(0, len(text)),),
        author=doc.author or None,
    )


def _flatten_inline_floods(tree: HtmlElement) -> HtmlElement:
    """The page without inline tags (their text kept) if one block holds too many of them.

    See _MAX_INLINE_CHILDREN. The page is parsed again after stripping, because libxml2
    leaves the text between the dropped tags in separate nodes, as slow as the tags were.
    """
    for element in tree.iter():
        if sum(1 for child in element if child.tag in _INLINE) > _MAX_INLINE_CHILDREN:
            etree.strip_tags(tree, *_INLINE)
            flat = load_html(etree.tostring(tree, encoding="unicode"))
            return tree if flat is None else flat
    return tree


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed item's summary or content), paragraphs kept."""
    markup = _CONTROL.sub(" ", markup)
    if not _LOOKS_LIKE_HTML.search(markup):
        return _paragraphs(html_lib.unescape(markup))
    try:
        root = fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _paragraphs(html_lib.unescape(markup))
    return element_text(root)


def element_text(root: etree._Element) -> str:
    """Text of an element tree with a blank line at each block, scripts and styles left out.

    Walks iteratively: a deeply nested page must not exhaust Python's stack.
    """
    chunks: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = _local(element)
        if event == "start":
            if tag in _BLOCKS:
                chunks.append("\n\n")
            if tag in _UNSEEN or not isinstance(element.tag, str):
                walker.skip_subtree()
            elif element.text:
                chunks.append(element.text)
        else:
            if tag in _BLOCKS:
                chunks.append("\n\n")
            if element.tail and element is not root:
                chunks.append(element.tail)
    return _paragraphs("".join(chunks))


def _local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _paragraphs(text: str) -> str:
    """Each non-blank line a paragraph, inner whitespace collapsed, blank lines between."""
    return "\n\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _published(tree: HtmlElement, zone: tzinfo) -> datetime | None:
    for value in _date_candidates(tree):
        moment = _parse(value, zone)
        if moment is not None:
            return moment
    return None


def _parse(value: object, zone: tzinfo) -> datetime | None:
    try:
        return parse_datetime(value, zone)
    except ValueError:
        return None


def _date_metas(tree: HtmlElement) -> dict[str, str]:
    """The page's date <meta> elements by key, the first of each."""
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key in _DATE_META and content and key not in metas:
            metas[key] = content
    return metas


def _date_candidates(tree: HtmlElement) -> Iterator[str]:
    """Publication times the page states, most trustworthy first."""
    metas = _date_metas(tree)
    for key in _DATE_META[:3]:
        if key in metas:
            yield metas[key]
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            yield from _json_ld_dates(script.text)
    for element in tree.iter("time"):
        stamp = element.get("datetime")
        if stamp and (
            element.get("itemprop") == "datePublished" or element.get("pubdate") is not None
        ):
            yield stamp
    for key in _DATE_META[3:]:
        if key in metas:
            yield metas[key]
    for element in tree.iter("time"):
        if element.get("datetime"):
            yield element.get("datetime") or ""
            break
    for element in tree.iter("div", "span", "p", "time", "small", "li"):
        if _DATE_CLASS.search(f"{element.get('class', '')} {element.get('id', '')}"):
            text = " ".join("".join(element.itertext()).split())
            if 8 <= len(text) <= 80:
                yield text


def _json_ld_dates(source: str) -> Iterator[str]:
    if len(source) > _MAX_JSON_LD:
        return
    try:
        data: Any = json.loads(source)
    except (ValueError, RecursionError):
        return
    stack = [data]
    while stack:  # iterative: structured data can nest deeply
        node = stack.pop()
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                yield value
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))
