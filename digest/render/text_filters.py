"""Jinja filters for plain-text templates (the email's text part and subject line).

Plain text is not escaped, so every string from an article or the config goes through
`plain` (one line of printable text) or `wrap` (the same, filled to a width): no line
break can reach a header, and no control character a reader's terminal.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from .filters import MONTHS, is_web_url


def one_line(value: object) -> str:
    """`value` as one line of printable text: whitespace runs (CR, LF too) to one space."""
    text = " ".join(str(value or "").split())
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"))


def wrap(text: object, width: int = 72, indent: str = "", first: str | None = None) -> str:
    """One line of text filled to `width` (`first` starts the first line); URLs never break."""
    return textwrap.fill(
        one_line(text),
        width=width,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def mediumdate(value: date) -> str:
    """`13 Sep 2023`."""
    return f"{value.day} {MONTHS[value.month - 1][:3]} {value.year}"


def textcites(found: tuple[Iterable[int], int] | Iterable[int]) -> str:
    """Source numbers for plain text: `[4, 5]`, or with `Brief.cite_some`'s count of the
    rest `[4, 5, 6 +297]`; nothing for none."""
    more = 0
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], int):
        numbers, more = found
    else:
        numbers = found
    listed = [str(int(n)) for n in numbers]  # type: ignore[union-attr]
    if not listed:
        return ""
    return f"[{', '.join(listed)}{f' +{more:,}' if more else ''}]"


def weburl(value: object) -> str | None:
    """The URL if it is http(s), else None (so a template can fall back to a path)."""
    return str(value).strip() if is_web_url(value) else None


TEXT_FILTERS: dict[str, Callable[..., Any]] = {
    "plain": one_line,
    "wrap": wrap,
    "mediumdate": mediumdate,
    "textcites": textcites,
    "weburl": weburl,
}
