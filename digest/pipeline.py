"""Wire the stages: read → clean → extract → classify (per article) → merge → compose."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from .classify import classify_claims
from .clean import clean_article
from .compose import compose_brief
from .config import Config
from .extract import extract_claims
from .merge import merge_claims
from .model import Article, Brief, Claim, Skipped
from .readers import ReadOptions, read_inputs
from .topics import Topic

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
    """Read the config's sources, or `inputs` when given (they replace the sources)."""
    tz = ZoneInfo(config.brief.timezone)
    if inputs:
        return read_inputs(list(inputs), ReadOptions(timezone=tz, published=published))
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for spec in config.settings.sources:
        options = ReadOptions(
            outlet=spec.outlet,
            timezone=ZoneInfo(spec.timezone) if spec.timezone else tz,
            published=published,
        )
        found, missed = read_inputs([config.resolve(spec.path)], options)
        articles.extend(found)
        skipped.extend(missed)
    return articles, skipped


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
) -> Brief:
    """Build the brief of `day` from the config's sources (or `inputs`)."""
    articles, skipped = read_articles(config, inputs, published)
    processed, failed = process_all(articles, config.topics)
    return brief_from(config, day, processed, [*skipped, *failed])


def brief_from(
    config: Config, day: date, processed: Sequence[Processed], skipped: Sequence[Skipped]
) -> Brief:
    """The reduce step: merge claims into stories and compose the brief."""
    by_id = {p.article.id: p.article for p in processed}
    stories = merge_claims((c for p in processed for c in p.claims), by_id)
    settings = config.brief
    issued = datetime.combine(day, settings.clock, tzinfo=ZoneInfo(settings.timezone))
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
    )
