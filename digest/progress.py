"""A progress bar for long runs, on a terminal only: cron's mail stays clean; and how
long each stage took (`timed`, said with -v).

`Progress.for_terminal()` draws bars with tqdm when stderr is a terminal, and nothing
at all otherwise; `NO_PROGRESS` never draws. The pipeline opens one bar per stage
(`stage`) and says how far it got (`Meter.update`): articles done, claims found, and
tqdm works out the rate.

Why tqdm rather than a hand-written bar: it is small, has no dependencies of its own,
is maintained, and gets the fiddly parts right (terminal width, a rate smoothed over
the last updates, redrawing at most a few times a second, a bar that log lines do not
tear when printed through `logging_redirect_tqdm`).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

log = logging.getLogger("digest")


class Meter:
    """One stage's counter; this one shows nothing."""

    def update(self, items: int = 1, claims: int = 0) -> None:
        """Count `items` more done and `claims` more found."""


class _TqdmMeter(Meter):
    def __init__(self, bar: Any) -> None:
        self.bar = bar
        self.claims = 0

    def update(self, items: int = 1, claims: int = 0) -> None:
        if claims:
            self.claims += claims
            # refresh=False: the bar redraws on its own clock, not once per article.
            self.bar.set_postfix_str(f"{self.claims:,} claims", refresh=False)
        self.bar.update(items)


class Progress:
    """Opens a `Meter` per stage; draws only when made by `for_terminal` on a TTY."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream

    @classmethod
    def for_terminal(cls, stream: IO[str] | None = None, *, quiet: bool = False) -> Progress:
        """Bars on `stream` (stderr) if it is a terminal and not `quiet`; else none."""
        stream = stream if stream is not None else sys.stderr
        isatty = getattr(stream, "isatty", None)
        if quiet or isatty is None or not isatty():
            return cls(None)
        return cls(stream)

    @property
    def enabled(self) -> bool:
        """Whether bars are drawn."""
        return self.stream is not None

    @contextmanager
    def stage(self, label: str, total: int, unit: str = "article") -> Iterator[Meter]:
        """A meter for a stage of `total` items; the bar is drawn while the block runs."""
        if self.stream is None or total <= 0:
            yield Meter()
            return
        from tqdm import tqdm
        from tqdm.contrib.logging import logging_redirect_tqdm

        bar = tqdm(
            total=total,
            desc=label,
            unit=f" {unit}s",
            unit_scale=False,
            file=self.stream,
            leave=False,  # the brief's paths are what a finished run prints
            dynamic_ncols=True,
            smoothing=0.1,
        )
        try:
            # Warnings logged meanwhile (a skipped file) print above the bar, not into it.
            with logging_redirect_tqdm():
                yield _TqdmMeter(bar)
        finally:
            bar.refresh()  # the last count, which the redraw clock may have skipped
            bar.close()


NO_PROGRESS = Progress(None)
"""Draws nothing: the default of the library's functions."""


@contextmanager
def timed(what: str) -> Iterator[None]:
    """Say (with -v) how long a stage took."""
    start = time.perf_counter()
    yield
    log.debug("%s: %.2f s", what, time.perf_counter() - start)
