"""Wire the stages: read → clean → extract → classify (per article) → merge → compose."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .config.load import Config
from .config.values import parse_length
from .errors import BuildFault, ConfigError, InputError
from .executor import Executor, make_executor
from .faults import FaultLog
from .model import Article, Brief, BriefStats, Skipped
from .process import Processed, process_all
from .progress import NO_PROGRESS, Progress, timed
from .read.files import SUFFIXES
from .read.sources import Reading, read_sources
from .read.window import Window
from .reduce import Day, Memory, brief_articles, day_from, syndicated
from .state import EarlierStory, State
from .wording import plural

log = logging.getLogger("digest")


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


def read_articles(
    config: Config, inputs: Sequence[str | Path] | None = None, published: date | None = None
) -> tuple[list[Article], list[Skipped]]:
    """Read the config's sources, or `inputs` when given (they replace the sources).

    Every article read, whenever published; nothing is remembered in the state file.
    """
    reading = read_sources(config.reading, inputs=inputs, published=published)
    if reading.duplicates:
        log.warning(
            "left out %s: the same id from the same input, or the same outlet and text, as "
            "an article already read (-v lists them)",
            plural(len(reading.duplicates), "duplicate article"),
        )
    return list(reading.articles), list(reading.skipped)


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
    memory = _memory(state, processed)
    copies = syndicated(config, processed)
    # Found: the shingles can go, before merging makes its own (tens of megabytes).
    processed = [replace(p, shingles=None) for p in processed]
    skipped = [*reading.skipped, *failed]
    made = day_from(config, day, processed, skipped, memory=memory, copies=copies, faults=faults)
    brief = made.brief
    if state is not None:
        _remember(state, processed, made)
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


def _memory(state: State | None, processed: Sequence[Processed]) -> Memory | None:
    """What earlier briefs carried of these claims, articles and stories; None before
    the first brief (it has nothing to be new against, and marks nothing)."""
    if state is None or state.earlier_brief() is None:
        return None
    keys = [k for p in processed for k in p.claim_keys()]
    seen = state.seen_before(keys, (p.article.id for p in processed))
    return Memory(seen, tuple(state.earlier_stories()))


def _remember(state: State, processed: Sequence[Processed], made: Day) -> None:
    """Record what this brief read and carried, for the next one (the caller commits)."""
    brief = made.brief
    state.mark_read(p.article for p in processed)
    if processed:
        state.remember_brief(
            [k for p in processed for k in p.claim_keys()],
            brief_articles(brief),
            claims=brief.stats.claims,
            stories=brief.stats.stories,
        )
    state.remember_stories(
        EarlierStory(s.id, state.brief, s.headline, frozenset(s.article_ids), made.words[s.id])
        for s in brief.stories()
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
