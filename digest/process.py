"""The map step: one article cleaned, its claims extracted and classified, by itself.

`process_article` is a pure function of one article and the topics, so an executor can
run it anywhere (`executor.py`); `process_all` runs it over a day's articles, an article
that fails costing only itself."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .classify.claims import classify_claims
from .classify.parse import Topic
from .executor import Executor, Failure, SerialExecutor
from .extract import extract_claims
from .model import Article, Claim, Skipped
from .progress import NO_PROGRESS, Progress
from .read.clean import clean_article
from .stories.dupes import article_text, text_shingles
from .stories.merge import claim_key

log = logging.getLogger("digest")


@dataclass(frozen=True)
class Processed:
    """One article after the per-article stages."""

    article: Article
    claims: tuple[Claim, ...]
    keys: tuple[str, ...] | None = None
    """Each claim's `merge.claim_key`, if the map step worked them out."""
    shingles: npt.NDArray[np.uint64] | None = None
    """The article body's hashed word runs (`dupes.text_shingles`), if worked out."""

    def claim_keys(self) -> tuple[str, ...]:
        """Each claim's `merge.claim_key`."""
        if self.keys is not None:
            return self.keys
        return tuple(claim_key(c.text) for c in self.claims)


MIN_WORDS = 3
"""An article whose cleaned text has fewer words than this has no readable text."""

_WORD = re.compile(r"[^\W\d_]{2,}")


def readable(article: Article) -> bool:
    """Whether the article's body (once cleaned) holds at least `MIN_WORDS` words."""
    found = 0
    for span in article.body:
        found += len(_WORD.findall(article.text, span.start, span.end))
        if found >= MIN_WORDS:
            return True
    return False


def process_article(article: Article, topics: Sequence[Topic]) -> Processed | Skipped:
    """Clean, extract and classify one article: the map step, a pure function.

    It also does the reduce step's work that needs one article only (claim keys for
    merging, shingles for finding syndicated copies), so that it runs on the workers.
    An article with no readable text once cleaned (empty, a byte, only page chrome) is
    `Skipped`, not built into the brief.
    """
    cleaned = clean_article(article)
    if not readable(cleaned):
        return Skipped(
            article.path,
            f"no readable text (fewer than {MIN_WORDS} words once the page chrome is removed)",
        )
    claims = classify_claims(cleaned, extract_claims(cleaned), topics)
    keys = tuple(claim_key(c.text) for c in claims)
    return Processed(cleaned, claims, keys, text_shingles(article_text(cleaned)))


def process_all(
    articles: Sequence[Article],
    topics: Sequence[Topic],
    *,
    executor: Executor | None = None,
    progress: Progress = NO_PROGRESS,
) -> tuple[list[Processed], list[Skipped]]:
    """Run the per-article stages; an article that fails is skipped, the rest go on.

    `executor` runs them (default: serially, here); results keep the articles' order,
    so every executor gives the same brief.
    """
    done: list[Processed] = []
    skipped: list[Skipped] = []
    outcomes = (executor or SerialExecutor()).map_each(process_article, articles, topics)
    with progress.stage("processing", len(articles)) as meter:
        for article, outcome in zip(articles, outcomes, strict=True):
            if isinstance(outcome, Failure):  # one bad article must never stop the brief
                log.error(
                    "skipped %s: could not be processed: %s\n%s",
                    article.path,
                    outcome.message,
                    outcome.trace,
                )
                skipped.append(Skipped(article.path, f"could not be processed: {outcome.message}"))
                meter.update(1)
            elif isinstance(outcome, Skipped):
                log.warning("skipped %s: %s", outcome.path, outcome.reason)
                skipped.append(outcome)
                meter.update(1)
            else:
                done.append(outcome)
                meter.update(1, len(outcome.claims))
    return done, skipped
