"""Wire the stages: read → clean → extract → classify (per article) → merge → compose."""

from __future__ import annotations

import gc
import logging
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from .classify.claims import classify_claims
from .classify.parse import Topic
from .compose.brief import compose_brief
from .config.load import Config
from .config.values import parse_length
from .errors import BuildFault, ConfigError, InputError
from .executor import Executor, Failure, SerialExecutor, make_executor
from .extract import extract_claims
from .faults import FaultLog
from .model import Article, Brief, BriefStats, Claim, Skipped, Story
from .progress import NO_PROGRESS, Progress
from .read.clean import clean_article
from .read.files import SUFFIXES
from .read.sources import Reading, read_sources
from .read.window import Window
from .state import Seen, State
from .stories.dupes import article_text, syndicated_copies, text_shingles
from .stories.merge import claim_key, merge_claims
from .stories.rank import rank_stories
from .wording import plural

log = logging.getLogger("digest")


@contextmanager
def timed(what: str) -> Iterator[None]:
    """Say (with -v) how long a stage took."""
    start = time.perf_counter()
    yield
    log.debug("%s: %.2f s", what, time.perf_counter() - start)


@contextmanager
def cycles_unchecked() -> Iterator[None]:
    """Pause Python's cycle collector while a build holds its articles, claims and brief.

    They are millions of small objects that live until the brief is written and form no
    reference cycles, yet the collector walks them all again each time their number grows
    by a quarter: a sixth of a 20,000-article build's time, to find nothing. Objects are
    still freed as soon as nothing refers to them; what cycles the build makes (a
    traceback kept with an error) are collected once the collector runs again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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


def read_articles(
    config: Config, inputs: Sequence[str | Path] | None = None, published: date | None = None
) -> tuple[list[Article], list[Skipped]]:
    """Read the config's sources, or `inputs` when given (they replace the sources).

    Every article read, whenever published; nothing is remembered in the state file.
    """
    reading = read_sources(config.reading, inputs=inputs, published=published)
    return list(reading.articles), list(reading.skipped)


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


def build_brief(
    config: Config,
    day: date,
    *,
    inputs: Sequence[str | Path] | None = None,
    published: date | None = None,
    window: str | None = None,
    state: State | None = None,
    executor: Executor | None = None,
    progress: Progress = NO_PROGRESS,
    faults: FaultLog | None = None,
) -> Brief:
    """Build the brief of `day` from the config's sources (or `inputs`).

    `executor` reads the files and runs the per-article stages (default: serially);
    `progress` shows how far they are.

    `window` ("36h", "all") overrides the config's; with a `state`, feed items read for
    an earlier brief are left out, stories and sources no earlier brief carried are
    marked new, and what this brief shows is recorded (the caller commits).

    An article or claim that makes a step raise is left out and listed in the brief's
    problems; with a strict `faults` log (default: the config's `strict:`), it is an error.
    """
    faults = faults if faults is not None else FaultLog(strict=config.settings.strict)
    reading = _read(config, day, inputs, published, window, state, executor, progress)
    with timed(f"cleaned, extracted and classified {len(reading.articles):,} articles"):
        processed, failed = process_all(
            reading.articles, config.topics, executor=executor, progress=progress
        )
    if faults.strict and failed:
        raise BuildFault(
            f"{failed[0].path}: {failed[0].reason}; "
            "Hint: without --strict the article is left out and listed in the brief"
        )
    if executor is not None:
        executor.rest()  # the workers' memory is the reduce step's now
    seen = _seen(state, processed)
    copies = syndicated(config, processed)
    # Found: the shingles can go, before merging makes its own (tens of megabytes).
    processed = [replace(p, shingles=None) for p in processed]
    skipped = [*reading.skipped, *failed]
    brief = brief_from(config, day, processed, skipped, seen=seen, copies=copies, faults=faults)
    if state is not None:
        _remember(state, processed, brief)
    stats = replace(
        brief.stats, outside_window=reading.outside_window, duplicates=reading.duplicates
    )
    return replace(brief, stats=stats)


def _read(
    config: Config,
    day: date,
    inputs: Sequence[str | Path] | None,
    published: date | None,
    window: str | None,
    state: State | None,
    executor: Executor | None,
    progress: Progress,
) -> Reading:
    """The articles of the brief's window, from `inputs` or the config's sources."""
    try:
        length = config.window if window is None else parse_length(window)
    except ValueError as exc:
        raise ConfigError(f"window: {exc}".replace("; Hint: ", "\nHint: ")) from None
    span = Window.before(config.brief.issued_at(day), length)
    with timed("read"):
        return read_sources(
            config.reading,
            inputs=inputs,
            published=published,
            window=span,
            state=state,
            executor=executor,
            progress=progress,
        )


def _seen(state: State | None, processed: Sequence[Processed]) -> Seen | None:
    """What earlier briefs carried of these claims and articles; None before the first."""
    # The first brief has nothing to be new against: it marks nothing.
    if state is None or state.earlier_brief() is None:
        return None
    keys = [k for p in processed for k in p.claim_keys()]
    return state.seen_before(keys, (p.article.id for p in processed))


def _remember(state: State, processed: Sequence[Processed], brief: Brief) -> None:
    """Record what this brief read and carried, for the next one (the caller commits)."""
    state.mark_read(p.article for p in processed)
    if processed:
        state.remember_brief(
            [k for p in processed for k in p.claim_keys()],
            brief_articles(brief),
            claims=brief.stats.claims,
            stories=brief.stats.stories,
        )


class NothingToBuild(InputError):
    """A build found no article to put in a brief; `stats` says what it found instead."""

    def __init__(self, message: str, stats: BriefStats) -> None:
        super().__init__(message)
        self.stats = stats


@dataclass(frozen=True)
class Built:
    """A brief built and written: the brief as its files hold it, and the files."""

    brief: Brief
    written: dict[str, Path]


def write_day(
    config: Config,
    day: date,
    out_dir: Path,
    *,
    formats: Sequence[str] | None = None,
    inputs: Sequence[str | Path] | None = None,
    published: date | None = None,
    window: str | None = None,
    state: State | None = None,
    executor: Executor | None = None,
    progress: Progress = NO_PROGRESS,
    faults: FaultLog | None = None,
) -> Built:
    """Build the brief of `day` and write its `formats` into `out_dir`.

    What `digest build`, `digest run` and a program using the library call: `build_brief`,
    then `render.write.write_brief` (every format unless `formats` says). `NothingToBuild`
    (an `InputError`) when no article was found; with a `state`, the caller commits it
    once the files are written.
    """
    # Rendering imports Jinja, markdown-it and more: not in the map step's workers.
    from .render.write import FORMATS, as_written, write_brief

    faults = faults if faults is not None else FaultLog(strict=config.settings.strict)
    brief = build_brief(
        config,
        day,
        inputs=inputs,
        published=published,
        window=window,
        state=state,
        executor=executor,
        progress=progress,
        faults=faults,
    )
    if brief.stats.articles == 0:
        raise NothingToBuild(str(nothing_read(brief.stats, config, inputs)), brief.stats)
    written = write_brief(brief, out_dir, formats or FORMATS, config.template_dir, faults)
    return Built(as_written(brief, faults), written)


def executor_for(
    config: Config, kind: str | None = None, jobs: int | None = None, scheduler: str | None = None
) -> Executor:
    """The executor a build asked for, or the config's `executor:` block when it asked none."""
    if kind is None and jobs is None and scheduler is None:
        wanted = config.settings.executor
        kind, jobs, scheduler = wanted.kind, wanted.jobs, wanted.scheduler
    return make_executor(kind, jobs, scheduler)


def compose(
    config: Config,
    day: date,
    issued: datetime,
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    copies: Mapping[str, str],
    skipped: Sequence[Skipped] = (),
) -> Brief:
    """`compose.compose_brief` with the config's brief and merge settings."""
    settings = config.brief
    return compose_brief(
        day=day,
        title=settings.title,
        issued=issued,
        classification=settings.classification,
        topics=config.topics,
        stories=stories,
        articles=articles,
        skipped=skipped,
        bottom_line=settings.bottom_line,
        show_other=settings.other_reporting == "show",
        copies=copies,
        other_groups=config.settings.merge.other_groups,
    )


def syndicated(config: Config, processed: Sequence[Processed]) -> dict[str, str]:
    """Each syndicated copy's article id, mapped to the id of the article it copies."""
    with timed("syndicated copies"):
        shingled = {p.article.id: p.shingles for p in processed if p.shingles is not None}
        articles = (p.article for p in processed)
        return syndicated_copies(articles, config.settings.merge.article_similarity, shingled)


def brief_articles(brief: Brief) -> list[str]:
    """The ids of the articles a brief lists as its sources."""
    return [source.article_id for source in brief.sources]


def brief_from(
    config: Config,
    day: date,
    processed: Sequence[Processed],
    skipped: Sequence[Skipped],
    *,
    seen: Seen | None = None,
    copies: Mapping[str, str] | None = None,
    faults: FaultLog | None = None,
) -> Brief:
    """The reduce step: merge claims into stories, rank them and compose the brief.

    With `seen` (what earlier briefs carried), a story with a claim no earlier brief had
    is marked new, one whose every claim was there ranks lower, and so on for sources.
    `copies`: the articles' `syndicated` copies, if already found. A claim that makes a
    step raise is left out and recorded in `faults` (`faults.FaultLog`), and in the
    brief's problems.
    """
    by_id = {p.article.id: p.article for p in processed}
    if copies is None:
        copies = syndicated(config, processed)
    faults = faults if faults is not None else FaultLog(strict=config.settings.strict)
    keys = {id(c): k for p in processed for c, k in zip(p.claims, p.claim_keys(), strict=True)}
    claims = [c for p in processed for c in p.claims]

    def reduce(kept: Sequence[Claim]) -> Brief:
        return _reduce(config, day, kept, [keys[id(c)] for c in kept], by_id, copies, skipped, seen)

    brief = faults.isolate(claims, reduce)
    if seen is not None:
        sources = tuple(replace(s, new=s.article_id not in seen.article_ids) for s in brief.sources)
        brief = replace(brief, sources=sources)
    return replace(brief, stats=replace(brief.stats, faults=tuple(faults.faults)))


def _reduce(
    config: Config,
    day: date,
    claims: Sequence[Claim],
    keys: Sequence[str],
    by_id: Mapping[str, Article],
    copies: Mapping[str, str],
    skipped: Sequence[Skipped],
    seen: Seen | None,
) -> Brief:
    """Merge, rank and compose `claims` (each with its `merge.claim_key`)."""
    with timed("merged claims into stories"):
        stories = merge_claims(claims, similarity=config.settings.merge.claim_similarity, keys=keys)
    settings = config.brief
    issued = datetime.combine(day, settings.clock, tzinfo=ZoneInfo(settings.timezone))
    with timed("ranked stories"):
        stories = rank_stories(
            stories,
            by_id,
            issued=issued,
            copies=copies,
            seen_claim_keys=seen.claim_keys if seen is not None else None,
        )
    if seen is not None:
        stories = tuple(
            replace(s, new=any(claim_key(c.text) not in seen.claim_keys for c in s.claims))
            for s in stories
        )
    with timed("composed the brief"):
        return compose(config, day, issued, stories, by_id, copies, skipped)


def nothing_read(
    stats_or_skipped: BriefStats | Sequence[Skipped],
    config: Config | None,
    inputs: Sequence[str | Path] | None,
) -> InputError:
    """The error for a build that found no article: where it looked, and why nothing came."""
    if isinstance(stats_or_skipped, BriefStats):
        skipped, outside = stats_or_skipped.skipped, stats_or_skipped.outside_window
    else:
        skipped, outside = tuple(stats_or_skipped), 0
    if inputs:
        where = "in " + ", ".join(map(str, inputs))
    elif config is not None:
        places = [s.path or s.feed or "?" for s in config.settings.sources]
        where = f"from the sources of {config.path} ({', '.join(places) or 'none listed'})"
    else:
        where = ""
    if skipped:
        shown = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:3])
        more = "; ..." if len(skipped) > 3 else ""
        why = f"{plural(len(skipped), 'input')} not read ({shown}{more})"
        hint = "fix or remove what was not read"
    elif outside:
        why = f"{plural(outside, 'article')} published outside the brief's window"
        hint = "--window all, or a --date after they were published"
    else:
        why = f"no article files ({', '.join(sorted(SUFFIXES))})"
        hint = (
            "articles are files with one of these suffixes"
            if inputs or config is None
            else "check the 'sources:' paths in the config, or pass --input"
        )
    return InputError(
        f"no articles {where}: {why}; Hint: {hint}".replace("articles : ", "articles: ")
    )
