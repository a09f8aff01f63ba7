"""The brief's time window: which publication times a brief covers.

By default a brief covers the 24 hours before its issue time. `window:` in the config
and `--window` on the command line take a length ("36h", "2d", "90m", "1d12h") or
`all`. An article without a publication time is kept: nothing says it is old.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

_PART = re.compile(r"(\d{1,5})\s*([dhm])", re.I)
_WHOLE = re.compile(r"(?:\s*\d{1,5}\s*[dhm]\s*)+", re.I)
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}
ALL = "all"


def parse_length(value: str) -> timedelta | None:
    """The length of a window from "36h", "2d", "1d12h", "90m"; None for "all".

    Raises ValueError with a hint when the text is neither.
    """
    text = value.strip().lower()
    if text == ALL:
        return None
    if not _WHOLE.fullmatch(text):
        raise ValueError(
            f"expected a length such as '24h', '36h', '2d' or 'all', got {value!r}; "
            "Hint: a number with h (hours), d (days) or m (minutes), or 'all' for no window"
        )
    length = sum(
        (timedelta(**{_UNITS[unit.lower()]: int(number)}) for number, unit in _PART.findall(text)),
        timedelta(),
    )
    if length <= timedelta():
        raise ValueError(
            f"a window must be longer than zero, got {value!r}; Hint: write e.g. '24h'"
        )
    return length


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
