"""Linear time on hostile lines: how much longer reading, cleaning and extraction take
when a pathological line (one huge paragraph of quotes, spaces, tags, "said, said, ...")
is four times as long. About 4 when linear, 16 when quadratic; a regular expression that
backtracks catastrophically would show far more.

A measurement, so it is here and not among the tests: on a busy machine one timing can
be slowed by twice as much as another. The tests feed the same lines with a generous
time budget, to catch a hang.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..errors import InputError
from ..extract import extract_claims
from ..model import Article, Span
from ..read.clean import clean_article
from ..read.files import read_data
from ..read.options import ReadOptions
from .report import Row

HUGE_LINES = {
    "letters": "a" * 10,
    "words": "officials said talks ",
    "quotes": '"a" “b” ',
    "spaces": " \t ",
    "punctuation": "(,.;:!?-)[",
    "tags": "<b>x</b>&amp;",
}
"""Units repeated into one huge line, read from every kind of file and cleaned."""
SUFFIXES = (".html", ".json", ".jsonl", ".md", ".txt", ".xml")
READ_SIZE = 100_000
"""Characters of the smaller huge line for reading and cleaning (the larger is 4x)."""

EXTRACTION_LINES = {
    "sentences": ("He said the talks were productive. ", 20_000),
    "line breaks": ("x\n", 20_000),
    "stops": (". ", 20_000),
    "straight quotes": ('"', 20_000),
    "parentheses": ("(", 20_000),
    "mixed quotes": ('“‘«"', 20_000),
    "long words": ("a" * 40, 20_000),
    "said, said": ("said, ", 2_000),
    "said talks": ("officials said talks resumed ", 2_000),
    "name said": ("Kim Jong Un Said ", 2_000),
    "quoted words": ('"a" ', 2_000),
}
"""Units repeated into one huge paragraph for claim extraction, with its smaller size."""
GROWTH_LIMIT = 8.0
"""The most 4x the input may cost, in time: linear is about 4."""


def huge_file(suffix: str, line: str) -> bytes:
    """A file of the kind `suffix` names holding `line` as its text."""
    if suffix == ".json":
        return json.dumps({"id": "x", "text": line}).encode()
    if suffix == ".jsonl":
        return json.dumps({"id": "x", "text": line}).encode() + b"\n"
    if suffix == ".html":
        return f"<html><body><article><p>{line}</p></article></body></html>".encode()
    if suffix == ".xml":
        escaped = line.replace("&", "&amp;").replace("<", "&lt;")
        item = f"<item><description>{escaped}</description></item>"
        return f'<rss version="2.0"><channel>{item}</channel></rss>'.encode()
    return f"---\ntitle: T\n---\n{line}\n".encode()


def read_and_clean(suffix: str, unit: str, size: int) -> None:
    """Read a file of one huge line and clean its articles (a refused file is fine)."""
    line = unit * (size // len(unit))
    try:
        for article in read_data(
            Path(f"huge{suffix}"), huge_file(suffix, line), ReadOptions(max_size=10**8)
        ):
            clean_article(article)
    except InputError:
        pass


def extract(unit: str, size: int) -> None:
    """Clean and extract claims from one paragraph of `unit` repeated to `size`."""
    text = unit * (size // len(unit))
    article = Article("x", "Wire", "", None, None, text, "x.txt", body=(Span(0, len(text)),))
    extract_claims(clean_article(article))


def _seconds(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):  # the fastest of three: a busy machine slows a run, never speeds it
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def growth(make: Callable[[int], object], size: int) -> tuple[float, float]:
    """How much longer 4x the input takes, and the seconds of the larger one."""
    small, large = _seconds(lambda: make(size)), _seconds(lambda: make(4 * size))
    return large / max(small, 1e-3), large


def linear_rows() -> list[Row]:
    """One row per hostile line: growth for 4x the input in its note."""
    rows = []
    for suffix in SUFFIXES:
        for name, unit in sorted(HUGE_LINES.items()):
            ratio, seconds = growth(partial(read_and_clean, suffix, unit), READ_SIZE)
            rows.append(
                Row("huge lines", f"read+clean {suffix} {name}", 1, 0, seconds, 0, f"{ratio:.1f}×")
            )
    for name, (unit, size) in EXTRACTION_LINES.items():
        ratio, seconds = growth(partial(extract, unit), size)
        rows.append(Row("huge lines", f"extract {name}", 1, 0, seconds, 0, f"{ratio:.1f}×"))
    return rows
