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
from markdown_it.rules_core import StateCore
from markupsafe import Markup
from mdit_py_plugins.anchors import anchors_plugin

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
# What inline text must escape to stay text (CommonMark 0.31): a link or image opener,
# an autolink or HTML opener, a code span, emphasis with `*`, emphasis with `_` unless it
# sits between letters or digits (intraword `_` opens nothing), an entity or numeric
# character reference, and a backslash that would escape the punctuation after it.
_INLINE_MARKUP = re.compile(r"[\[<`*]|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)|\\(?=[!-/:-@\[-`{-~]|$)")
# What opens a block at the start of a line: an ATX heading, a block quote, a list item
# (bullet, `1.` or `1)`), a setext underline or thematic break of `=` or `-`. Only the
# start of the text matters: the filter's output is one line, and templates decide where
# lines start. The group holds the character that gets the backslash.
_BLOCK_START = re.compile(
    r"^(?:(#)#{0,5}(?=\s|$)|(>)|([-+])(?=\s|$)|\d{1,9}([.)])(?=\s|$)|([=-])\5*$)"
)
# A heading's closing sequence: ` ##` at its end is dropped from the heading's text.
_CLOSING_HASHES = re.compile(r"(?<=\s)(#+)$")
# Unicode category Cc: the C0 controls, DEL and the C1 controls, dropped by `_clean`.
_CONTROLS: dict[str, None] = dict.fromkeys(map(chr, (*range(0x20), *range(0x7F, 0xA0))))
_NO_CONTROLS = str.maketrans(_CONTROLS)
_HTTP_URL = re.compile(r"https?://[^/?#\s]", re.IGNORECASE)
# Characters an autolink `<...>` cannot hold (CommonMark: no controls, spaces, < or >).
_AUTOLINK_UNSAFE = re.compile(r"[\x00-\x20\x7f<>]")
_CSS_UNSAFE = frozenset("\"'\\<>&")
# What GitHub drops from a heading's text to make its id (after lower-casing and
# turning spaces into hyphens): everything but letters, digits, `_` and `-`.
_SLUG_DROP = re.compile(r"[^\w\- ]")


def _clean(value: object) -> str:
    """One line of printable text: whitespace runs to one space, controls dropped."""
    if value is None:
        return ""
    return " ".join(str(value).split()).translate(_NO_CONTROLS)


def md(value: object) -> str:
    """Untrusted text as inline Markdown that reads as the text and makes no markup.

    One line (whitespace runs to one space, controls dropped). A character is escaped
    only where CommonMark would read it as markup there: `[`, `<`, `` ` ``, `*`, an `_`
    or `&` that could open emphasis or an entity, a backslash before punctuation, and
    what would open a block at the start of a line (`#`, `>`, `-`, `+`, `=`, `1.`).
    So "U.S. officials' $1.5bn deal, resolutions, and We've" stays as it is, and
    an article still cannot make a link, an image, HTML, a heading or a list.
    """
    if value is None:
        return ""
    text = " ".join(str(value).split()).translate(_NO_CONTROLS)
    if not text:
        return text
    text = _INLINE_MARKUP.sub(r"\\\g<0>", text)
    text = _CLOSING_HASHES.sub(r"\\\g<1>", text)
    block = _BLOCK_START.match(text)
    if block:
        at = next(block.start(g) for g in range(1, 6) if block.group(g) is not None)
        text = f"{text[:at]}\\{text[at:]}"
    return text


def mdcell(value: object) -> str:
    """`md` for a GFM table cell: a `|` would end the cell, so it is escaped too."""
    return md(value).replace("|", "\\|")


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


def cites(found: tuple[Iterable[int], int] | Iterable[int]) -> str:
    """Source numbers as citation links `[[1]](#src-1)` to the Sources list; given
    `Brief.cite_some`'s (numbers, more), the count of the rest after them (`+297`)."""
    more = 0
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], int):
        numbers, more = found
    else:
        numbers = found
    links = " ".join(f"[[{int(n)}]](#src-{int(n)})" for n in numbers)  # type: ignore[union-attr]
    return f"{links} +{more:,}" if more else links


def slug(title: object) -> str:
    """The id GitHub (and the HTML) gives a heading of this text: `Watch list` -> `watch-list`."""
    return _SLUG_DROP.sub("", " ".join(str(title).split()).lower().replace(" ", "-"))


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
    "slug": slug,
    "mdcell": mdcell,
    "is_web_url": is_web_url,
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
    # Plain CommonMark with GFM tables, as brief.md is written: raw HTML stays text.
    # Headings get GitHub's ids ("Watch list" -> "watch-list"), so links to them work in
    # the HTML and where brief.md itself is read; the Sources list's items get src-N.
    return (
        MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
        .enable("table")
        .use(anchors_plugin, min_level=1, max_level=3, slug_func=slug)
        .use(_source_ids)
    )


def _source_ids(md: MarkdownIt) -> None:
    """Each item of the ordered list under the heading `Sources` gets the id `src-N`."""

    def rule(state: StateCore) -> None:
        tokens = state.tokens
        for i, token in enumerate(tokens):
            if token.type != "heading_open" or tokens[i + 1].content != "Sources":
                continue
            following = tokens[i + 3] if i + 3 < len(tokens) else None
            if following is None or following.type != "ordered_list_open":
                return
            number = int(following.attrGet("start") or 1)
            depth = 0
            for item in tokens[i + 3 :]:
                if item.type in ("ordered_list_open", "bullet_list_open"):
                    depth += 1
                elif item.type in ("ordered_list_close", "bullet_list_close"):
                    depth -= 1
                elif item.type == "list_item_open" and depth == 1:
                    item.attrSet("id", f"src-{number}")
                    number += 1
                if depth == 0:
                    break
            return

    md.core.ruler.push("source_ids", rule)


def markdown_to_html(text: str) -> str:
    """The brief's Markdown as an HTML fragment; raw HTML in it stays text."""
    return _markdown_it().render(text)
