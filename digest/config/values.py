"""Values that config keys share a format for: sizes ("5 MB") and lengths of time ("36h")."""

from __future__ import annotations

import re
from datetime import timedelta


def parse_size(value: object) -> int:
    """Bytes from a size such as 5000000, "5 MB", "500 kB" or "2 MiB"; ValueError if not one."""
    units = {
        "": 1,
        "b": 1,
        "kb": 10**3,
        "mb": 10**6,
        "gb": 10**9,
        "kib": 2**10,
        "mib": 2**20,
        "gib": 2**30,
    }
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", str(value).lower())
    if isinstance(value, bool) or not match or match.group(2) not in units:
        raise ValueError(
            f"expected a size such as '5 MB', got {value!r}; Hint: a number with B, kB, MB or GB"
        )
    size = int(float(match.group(1)) * units[match.group(2)])
    if not 1000 <= size <= 2 * 10**9:
        raise ValueError(
            f"expected a size from 1 kB to 2 GB, got {value!r}; Hint: the default is '5 MB'"
        )
    return size


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
