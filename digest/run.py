"""The cron entry points: `run` (read, build, send today's brief) and `send` (a built one).

Each holds the run lock (`lock.py`) from start to end, so two never overlap, and keeps
a row in the state file's `runs` table: a row still `running` when the next run starts
is a run that died, and the next one says so and picks up after it.

`run` builds the brief of "today" in the brief's time zone, writes it (each file
atomically; the state is committed only once they are all written) and sends it. Once
delivery of a day's brief has begun, later runs that day finish delivering that brief
from `<output>/<date>/` instead of rebuilding it, so every subscriber gets the same
edition however many cron ticks it takes. A day with nothing new to read (every feed
item already in an earlier brief) builds nothing and sends nothing, successfully.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from .config.load import Config
from .deliver.health import HealthCheck
from .deliver.ledger import Ledger
from .deliver.lock import RunLock, lock_path
from .deliver.message import all_stories
from .deliver.send import DeliveryReport, deliver_brief, recipients
from .errors import DigestError, InputError
from .faults import FaultLog
from .model import Brief
from .pipeline import NothingToBuild, cycles_unchecked, executor_for, write_day
from .render.brief_json import load_brief
from .state import State

log = logging.getLogger("digest.delivery")


@dataclass
class RunReport:
    """What a run did: the files it wrote, and the delivery."""

    day: date
    written: dict[str, Path] = field(default_factory=dict)
    resumed: bool = False
    nothing_new: bool = False
    delivery: DeliveryReport | None = None

    @property
    def complete(self) -> bool:
        """Whether nothing is left for a later run (permanent refusals are not retried)."""
        return self.delivery is None or not self.delivery.unsent

    @property
    def clean(self) -> bool:
        """Whether every message went (or had no reason to): no refusal, nothing left."""
        return self.complete and (self.delivery is None or not self.delivery.failed)

    def summary(self) -> str:
        """One line for the log and the health check."""
        if self.nothing_new:
            return f"brief {self.day.isoformat()}: nothing new to read; nothing built or sent"
        delivery = self.delivery.summary() if self.delivery else f"brief {self.day.isoformat()}"
        if self.written:
            return f"{delivery} (built {len(self.written)} files)"
        return f"{delivery} (resumed delivery)" if self.resumed else delivery


def run_once(
    config: Config,
    day: date | None = None,
    *,
    dry_run: bool = False,
    strict: bool = False,
    sleep: Callable[[float], object] = time.sleep,
) -> RunReport:
    """Read the sources, build the brief of `day` (default: today there) and send it.

    `strict` (or the config's `strict:`): a claim or article that makes a step fail stops
    the run instead of being left out and listed under the brief's problems.
    """
    day = day or datetime.now(config.brief.tz).date()
    health = HealthCheck(config.settings.healthcheck)
    with RunLock(lock_path(config), "run"):
        health.start()
        try:
            report = _run(config, day, dry_run, sleep, strict or config.settings.strict)
        except BaseException as exc:
            health.failure(f"brief {day.isoformat()}: {type(exc).__name__}: {exc}")
            raise
        (health.success if report.clean else health.failure)(report.summary())
        return report


def send_built(
    config: Config,
    day: date,
    *,
    dry_run: bool = False,
    to: str | None = None,
    sleep: Callable[[float], object] = time.sleep,
) -> RunReport:
    """Send the brief of `day` that `digest build` wrote into `<output>/<date>/`."""
    with (
        RunLock(lock_path(config), "send"),
        _state(config, day) as state,
        _recorded(state, "send", day) as report,
    ):
        brief_dir = config.output_dir / day.isoformat()
        brief = _built(brief_dir, config, day)
        report.delivery = deliver_brief(
            config, brief, brief_dir, state=state, dry_run=dry_run, to=to, sleep=sleep
        )
        return report


def _run(
    config: Config, day: date, dry_run: bool, sleep: Callable[[float], object], strict: bool
) -> RunReport:
    brief_dir = config.output_dir / day.isoformat()
    with _state(config, day) as state, _recorded(state, "run", day) as report:
        recipients(config)  # a mistake there must stop the run before it reads anything
        if state is not None and Ledger(state, day.isoformat()).started():
            log.info("delivery of the %s brief has begun: finishing it, not rebuilding", day)
            brief = _built(brief_dir, config, day)
            report.resumed = True
        else:
            with cycles_unchecked():
                built = _build(config, day, state, brief_dir, report, FaultLog(strict))
            if built is None:
                return report
            brief = built
        report.delivery = deliver_brief(
            config, brief, brief_dir, state=state, dry_run=dry_run, sleep=sleep
        )
        return report


def _build(
    config: Config,
    day: date,
    state: State | None,
    brief_dir: Path,
    report: RunReport,
    faults: FaultLog,
) -> Brief | None:
    # The config's executor block applies to cron runs as it does to `digest build`.
    try:
        with executor_for(config) as executor:
            built = write_day(config, day, brief_dir, state=state, executor=executor, faults=faults)
    except NothingToBuild as exc:
        if exc.stats.skipped:
            raise  # sources failed: the brief of the day before stays as it was
        # Every item was in an earlier brief (or outside the window): a quiet day, not an
        # error. What the feeds' servers said (ETags) is kept for the next run's requests.
        if state is not None:
            state.commit()
        report.nothing_new = True
        log.info("%s", report.summary())
        return None
    report.written = built.written
    if state is not None:
        state.commit()  # only now: a run that dies before this point remembers nothing
    stats = built.brief.stats
    new = sum(1 for story in all_stories(built.brief) if story.new)
    log.info(
        "built %s: %d articles, %d claims, %d stories%s",
        brief_dir,
        stats.articles,
        stats.claims,
        stats.stories,
        f", {new} new" if new else "",
    )
    return built.brief


def _built(brief_dir: Path, config: Config, day: date) -> Brief:
    path = brief_dir / "brief.json"
    if not path.is_file():
        raise InputError(
            f"no brief built for {day.isoformat()}: {path} not found; Hint: run "
            f"`digest build --config {config.path} --date {day.isoformat()}` first "
            "(or `digest run`, which builds and sends)"
        )
    brief = load_brief(path)
    if brief.date != day:
        # A brief built with another --date, or moved: sending it as this day's would
        # send one edition twice, or block the right one, in the day's ledger.
        raise InputError(
            f"{path} is the brief of {brief.date.isoformat()}, not of {day.isoformat()}: "
            f"nothing sent; Hint: build the brief of {day.isoformat()} with `digest build "
            f"--config {config.path} --date {day.isoformat()}`, or send "
            f"--date {brief.date.isoformat()} from {config.output_dir / brief.date.isoformat()}"
        )
    return brief


@contextmanager
def _state(config: Config, day: date) -> Iterator[State | None]:
    if config.state_path is None:
        yield None
        return
    with State(config.state_path, day) as state:
        yield state


@contextmanager
def _recorded(state: State | None, command: str, day: date) -> Iterator[RunReport]:
    """A `runs` row for this run: `running`, then how it ended."""
    report = RunReport(day)
    run_id = _start(state, command, day) if state is not None else None
    try:
        yield report
    except BaseException as exc:
        if state is not None and run_id is not None:
            state.rollback()
            try:
                _finish(state, run_id, "failed", f"{type(exc).__name__}: {exc}")
            except DigestError as also:  # the first error is the one to report
                log.warning("could not record the failed run: %s", also)
        raise
    if state is not None and run_id is not None:
        status = "ok" if report.clean else "incomplete" if not report.complete else "refused"
        _finish(state, run_id, status, report.summary())


def _start(state: State, command: str, day: date) -> int:
    for pid, started, earlier in state.query(
        "SELECT pid, started_at, command FROM runs WHERE status = 'running'"
    ):
        log.warning(
            "an earlier `digest %s` (pid %s, started %s) did not finish; picking up after it",
            earlier,
            pid,
            started,
        )
    state.write_now("UPDATE runs SET status = 'died' WHERE status = 'running'")
    state.write_now(
        "INSERT INTO runs (command, brief, pid, started_at, status) VALUES (?, ?, ?, ?, 'running')",
        (command, day.isoformat(), os.getpid(), _now()),
    )
    return int(state.query("SELECT last_insert_rowid()")[0][0])


def _finish(state: State, run_id: int, status: str, summary: str) -> None:
    state.write_now(
        "UPDATE runs SET status = ?, finished_at = ?, summary = ? WHERE id = ?",
        (status, _now(), summary[:1000], run_id),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
