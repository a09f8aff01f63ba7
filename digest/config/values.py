"""Values that config keys share a format for: sizes such as '5 MB'."""

from __future__ import annotations

import re


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
