"""The brief's time window: which publication times a brief covers.

By default a brief covers the 24 hours before its issue time. `window:` in the config
and `--window` on the command line take a length ("36h", "2d", "90m", "1d12h") or
`all`. An article without a publication time is kept: nothing says it is old.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Window:
    """Publication times from `start` (exclusive) to `end` (inclusive); None: no bound."""

    start: datetime | None = None
    end: datetime | None = None

    @classmethod
    def before(cls, issued: datetime, length: timedelta | None) -> Window:
        """The `length` before `issued`; every time when `length` is None."""
        return cls() if length is None else cls(issued - length, issued)

    def contains(self, published: datetime | None) -> bool:
        """Whether an article published then belongs in the brief (undated ones do)."""
        if published is None:
            return True
        if self.start is not None and published <= self.start:
            return False
        return self.end is None or published <= self.end

    def describe(self) -> str:
        """The window in words, for logs and messages."""
        if self.start is None or self.end is None:
            return "all publication times"
        fmt = "%Y-%m-%d %H:%M %Z"
        return f"{self.start.strftime(fmt)} to {self.end.strftime(fmt)}"
