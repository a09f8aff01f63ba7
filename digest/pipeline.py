"""Wire the stages: read → clean → extract → classify (per article) → merge → compose."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from .classify import classify_claims
from .clean import clean_article
from .compose import compose_brief
from .config import Config
from .dupes import syndicated_copies
from .errors import ConfigError
from .extract import extract_claims
from .merge import merge_claims
from .model import Article, Brief, Claim, Skipped
from .rank import rank_stories
from .sources import read_sources
from .state import State
from .topics import Topic
from .window import Window, parse_length

log = logging.getLogger("digest")


@dataclass(frozen=True)
class Processed:
    """One article after the per-article stages."""

    article: Article
    claims: tuple[Claim, ...]


def process_article(article: Article, topics: Sequence[Topic]) -> Processed:
    """Clean, extract and classify one article: the map step, a pure function."""
    cleaned = clean_article(article)
    claims = extract_claims(cleaned)
    return Processed(cleaned, classify_claims(cleaned, claims, topics))


def read_articles(
    config: Config, inputs: Sequence[str | Path] | None = None, published: date | None = None
) -> tuple[list[Article], list[Skipped]]:
    """Read the config's sources, or `inputs` when given (they replace the sources).

    Every article read, whenever published; nothing is remembered in the state file.
    """
    reading = read_sources(config, inputs=inputs, published=published)
    return list(reading.articles), list(reading.skipped)


def process_all(
    articles: Sequence[Article], topics: Sequence[Topic]
) -> tuple[list[Processed], list[Skipped]]:
    """Run the per-article stages; an article that fails is skipped, the rest go on."""
    done: list[Processed] = []
    skipped: list[Skipped] = []
    for article in articles:
        try:
            done.append(process_article(article, topics))
        except Exception as exc:  # one bad article must never stop the brief
            log.exception("skipped %s: %s", article.path, exc)
            skipped.append(Skipped(article.path, f"could not be processed: {exc}"))
    return done, skipped


def build_brief(
    config: Config,
    day: date,
    *,
    inputs: Sequence[str | Path] | None = None,
    published: date | None = None,
    window: str | None = None,
    state: State | None = None,
) -> Brief:
    """Build the brief of `day` from the config's sources (or `inputs`).

    `window` ("36h", "all") overrides the config's; with a `state`, feed items read for
    an earlier brief are left out and those shown are recorded (the caller commits).
    """
    try:
        length = config.window if window is None else parse_length(window)
    except ValueError as exc:
        raise ConfigError(f"window: {exc}".replace("; Hint: ", "\nHint: ")) from None
    span = Window.before(config.brief.issued_at(day), length)
    reading = read_sources(config, inputs=inputs, published=published, window=span, state=state)
    processed, failed = process_all(reading.articles, config.topics)
    brief = brief_from(config, day, processed, [*reading.skipped, *failed])
    if state is not None:
        state.mark_read(p.article for p in processed)
    return replace(brief, stats=replace(brief.stats, outside_window=reading.outside_window))


def brief_from(
    config: Config, day: date, processed: Sequence[Processed], skipped: Sequence[Skipped]
) -> Brief:
    """The reduce step: merge claims into stories, rank them and compose the brief."""
    by_id = {p.article.id: p.article for p in processed}
    merging = config.settings.merge
    copies = syndicated_copies(by_id.values(), merging.article_similarity)
    stories = merge_claims(
        (c for p in processed for c in p.claims), similarity=merging.claim_similarity
    )
    settings = config.brief
    issued = datetime.combine(day, settings.clock, tzinfo=ZoneInfo(settings.timezone))
    # Novelty against earlier briefs joins here as `seen_claim_keys=` once state keeps them.
    stories = rank_stories(stories, by_id, issued=issued, copies=copies)
    return compose_brief(
        day=day,
        title=settings.title,
        issued=issued,
        classification=settings.classification,
        topics=config.topics,
        stories=stories,
        articles=by_id,
        skipped=skipped,
        bottom_line=settings.bottom_line,
        show_other=settings.other_reporting == "show",
        copies=copies,
        other_groups=merging.other_groups,
    )
