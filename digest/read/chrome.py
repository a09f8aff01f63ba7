"""A publisher's page chrome, learned from its articles: lines it repeats in many of them.

`clean.py` knows chrome that looks like chrome anywhere ("Top 10 Stories", share
buttons). Each site also has its own ("Yonhap News Agency | Seoul", a newsletter
blurb, a copyright line): a line that recurs in most of one outlet's articles is
furniture, not news. This pass runs over all articles of a run before per-article
cleaning, and leaves such lines out of each article's `body` spans. The text is never
changed, so offsets stay true.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import PurePath

from ..model import Article, Span

MIN_ARTICLES = 3
"""An outlet needs this many articles before its chrome can be told from its news."""
SHARE = 0.5
"""A line is chrome when at least this share of the outlet's articles carry it."""


def drop_learned_chrome(
    articles: Sequence[Article], *, min_articles: int = MIN_ARTICLES, share: float = SHARE
) -> list[Article]:
    """The articles with lines their outlet repeats across many articles left out of `body`."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        groups[_outlet(article)].append(index)
    result = list(articles)
    for members in groups.values():
        if len(members) < min_articles:
            continue
        lines = {i: _body_lines(articles[i]) for i in members}
        # The same story read twice is one page, not two pages that agree on every line.
        distinct = {tuple(key for key, _ in found): found for found in lines.values()}
        if len(distinct) < min_articles:
            continue
        chrome = _repeated(list(distinct.values()), min_articles, share)
        if not chrome:
            continue
        for i in members:
            kept = [span for key, span in lines[i] if key not in chrome]
            # Copies of one story with small changes agree on nearly every line; an article
            # left with nothing is such a copy, and per-article cleaning is safer for it.
            if kept and len(kept) < len(lines[i]):
                result[i] = replace(articles[i], body=_joined(articles[i].text, kept))
    return result


def _repeated(
    pages: list[list[tuple[str, tuple[int, int]]]], min_articles: int, share: float
) -> set[str]:
    """The lines at least `share` of `pages` carry (and `min_articles` at least).

    Versions of one story (an update adds a paragraph, a copy changes a number) share
    most of their lines, which are news, not furniture: a page whose lines are mostly
    such repeated lines is left out of the count, and the rest counted again. Furniture
    is a few lines of pages that otherwise differ.
    """
    chrome: set[str] = set()
    for _ in range(2):
        counts: Counter[str] = Counter()
        for found in pages:
            counts.update({key for key, _ in found})
        needed = max(min_articles, math.ceil(share * len(pages)))
        chrome = {key for key, count in counts.items() if count >= needed}
        own = [f for f in pages if 2 * sum(key in chrome for key, _ in f) <= len(f)]
        if len(own) == len(pages):
            break
        if len(own) < min_articles:
            return set()
        pages = own
    return chrome


def _outlet(article: Article) -> str:
    """Articles of one outlet: its name, or the folder (or feed) they came from."""
    if article.source:
        return f"outlet:{article.source.casefold()}"
    return f"place:{article.feed or PurePath(article.path).parent}"


def _body_lines(article: Article) -> list[tuple[str, tuple[int, int]]]:
    """Each non-blank line of the body: its words (the key to compare), start and end."""
    found = []
    text = article.text
    for span in article.body:
        start = span.start
        while start < span.end:
            end = text.find("\n", start, span.end)
            end = span.end if end < 0 else end
            key = " ".join(text[start:end].split())
            if key:
                found.append((key, (start, end)))
            start = end + 1
    return found


def _joined(text: str, lines: list[tuple[int, int]]) -> tuple[Span, ...]:
    """Spans over runs of kept lines: lines separated only by line ends join up again."""
    spans: list[tuple[int, int]] = []
    for start, end in lines:
        if spans and not text[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return tuple(Span(start, end) for start, end in spans)
