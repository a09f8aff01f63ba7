"""Jinja filters for the brief's templates, and the Markdown-to-HTML converter.

Everything a template prints from an article (claim text, names, titles, outlets,
URLs, paths) is untrusted. The Markdown template is not autoescaped, so it must send
each such string through `md` (inline text) or `mdurl` (a link); the HTML template is
autoescaped by Jinja, and `css_string` covers strings put into a stylesheet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markupsafe import Markup
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

from ..wording import plural

# Spelled out rather than taken from strftime so the brief does not change with the
# machine's locale.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
# Unicode category Cc: the C0 controls, DEL and the C1 controls, dropped by `_clean`.
_CONTROLS: dict[str, None] = dict.fromkeys(map(chr, (*range(0x20), *range(0x7F, 0xA0))))
_NO_CONTROLS = str.maketrans(_CONTROLS)
# `md` in one pass (a third faster than two on a brief's 600,000 strings): each ASCII
# punctuation mark escaped, each control dropped.
_MD_ESCAPES = str.maketrans({c: "\\" + c for c in _ASCII_PUNCTUATION} | _CONTROLS)
_HTTP_URL = re.compile(r"https?://[^/?#\s]", re.IGNORECASE)
# Characters an autolink `<...>` cannot hold (CommonMark: no controls, spaces, < or >).
_AUTOLINK_UNSAFE = re.compile(r"[\x00-\x20\x7f<>]")
_CSS_UNSAFE = frozenset("\"'\\<>&")
_ID_CHARS = re.compile(r"[^a-z0-9_-]+")
_VALID_ID = re.compile(r"[a-z][a-z0-9_-]*")
# Attributes the attrs plugins may set: ids for anchors, classes for styling. Anything
# else (style, on*, href) could only come from a template bug, and is dropped.
_ALLOWED_ATTRS = ("id", "class")


def _clean(value: object) -> str:
    """One line of printable text: whitespace runs to one space, controls dropped."""
    if value is None:
        return ""
    return " ".join(str(value).split()).translate(_NO_CONTROLS)


def md(value: object) -> str:
    """Escape untrusted text for inline Markdown: every ASCII punctuation mark literal.

    The text is `_clean`ed in the same pass."""
    if value is None:
        return ""
    return " ".join(str(value).split()).translate(_MD_ESCAPES)


def same_speaker(a: Any, b: Any) -> bool:
    """Two claims by the same named speaker, in the same role, on the same date."""
    return bool(
        a.speaker
        and b.speaker
        and a.speaker.name == b.speaker.name
        and a.speaker.role == b.speaker.role
        and a.when == b.when
    )


def is_web_url(value: object) -> bool:
    """True for an http:// or https:// URL with a host: the only links a brief makes."""
    return isinstance(value, str) and _HTTP_URL.match(value.strip()) is not None


def mdurl(value: object) -> str:
    """An untrusted URL as a Markdown autolink if http(s), else as escaped plain text."""
    if not is_web_url(value):
        return md(value)
    url = str(value).strip()
    # Percent-encoding keeps the autolink a single token; markdown-it normalises the
    # rest (non-ASCII, quotes) when it writes the href.
    return "<" + _AUTOLINK_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url) + ">"


def cites(numbers: Iterable[int]) -> str:
    """Source numbers as citation links `[[1]](#src-1)` to the Sources list."""
    return " ".join(f"[[{int(n)}]](#src-{int(n)})" for n in numbers)


def anchor(topic_id: object) -> str:
    """A stable HTML id for a topic heading, safe inside `{#...}` and a URL fragment."""
    slug = _ID_CHARS.sub("-", str(topic_id).lower()).strip("-")
    return f"topic-{slug}" if slug else "topic"


def attr_id(value: object) -> str:
    """An attrs-plugin id block `{#value}`: templates cannot write `{#`, Jinja's comment."""
    text = str(value)
    if not _VALID_ID.fullmatch(text):
        text = anchor(text)
    return "{#" + text + "}"


def longdate(value: date) -> str:
    """`Wednesday 13 September 2023`."""
    return f"{WEEKDAYS[value.weekday()]} {value.day} {MONTHS[value.month - 1]} {value.year}"


def shortdate(value: date, reference: date | None = None) -> str:
    """`Wed 13 Sep`, with the year when it differs from `reference`'s."""
    text = f"{WEEKDAYS[value.weekday()][:3]} {value.day} {MONTHS[value.month - 1][:3]}"
    if reference is not None and reference.year != value.year:
        text += f" {value.year}"
    return text


def _zone(value: datetime) -> str:
    name = value.tzname()
    return f" {name}" if name else ""


def timestamp(value: datetime) -> str:
    """`12 Sep 2023 18:00 EDT` (the zone as the datetime names it; none if naive)."""
    month = MONTHS[value.month - 1][:3]
    return f"{value.day} {month} {value.year} {value:%H:%M}{_zone(value)}"


def clock(value: datetime) -> str:
    """`06:00 KST`."""
    return f"{value:%H:%M}{_zone(value)}"


def css_string(value: object) -> Markup:
    """A quoted CSS string, safe inside an HTML `<style>` element as well."""
    out = []
    for ch in _clean(value):
        if ch in _CSS_UNSAFE or unicodedata.category(ch) in ("Cf", "Zl", "Zp"):
            # Hex escapes keep quotes, backslashes and `<` from closing the string or the
            # <style> element; the space ends the escape and is not part of the text.
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return Markup('"' + "".join(out) + '"')


def w3c(value: datetime | date) -> str:
    """A W3C datetime for `<meta name="dcterms.created">`, the form WeasyPrint accepts."""
    if not isinstance(value, datetime):
        return value.isoformat()
    offset = value.utcoffset()
    if offset is None:
        # WeasyPrint rejects a time without a zone, so a naive datetime gives the date.
        return value.date().isoformat()
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{value:%Y-%m-%dT%H:%M:%S}{sign}{hours:02d}:{mins:02d}"


FILTERS: dict[str, Callable[..., Any]] = {
    "md": md,
    "mdurl": mdurl,
    "cites": cites,
    "anchor": anchor,
    "attr_id": attr_id,
    "longdate": longdate,
    "shortdate": shortdate,
    "timestamp": timestamp,
    "clock": clock,
    "plural": plural,
    "same_speaker": same_speaker,
    "css_string": css_string,
    "w3c": w3c,
}


@lru_cache(maxsize=1)
def _markdown_it() -> MarkdownIt:
    return (
        MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
        .enable("table")
        .use(attrs_plugin, spans=True, allowed=_ALLOWED_ATTRS)
        .use(attrs_block_plugin, allowed=_ALLOWED_ATTRS)
    )


def markdown_to_html(text: str) -> str:
    """The brief's Markdown as an HTML fragment; raw HTML in it stays text."""
    return _markdown_it().render(text)
