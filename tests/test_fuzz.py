"""Hostile input for every reader and for cleaning and claim extraction after them.

Random bytes, real-looking articles truncated and mutated, deep nesting and huge lines:
a reader may refuse a file (InputError, a per-file warning), nothing else may escape,
every offset must point into the text, and no input may cost more than linear time
(a regular expression that backtracks catastrophically would).
"""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.bench.linear import (
    EXTRACTION_LINES,
    HUGE_LINES,
    READ_SIZE,
    extract,
    read_and_clean,
)
from digest.errors import InputError
from digest.extract import extract_claims
from digest.model import Article
from digest.read.clean import clean_article
from digest.read.files import ReadOptions, read_data

from .conftest import ROOT

EXAMPLES = ROOT / "examples" / "articles"
DATA = ROOT / "tests" / "data"
_JSONL = (EXAMPLES / "2023-09-13_meridian_feed.jsonl").read_bytes()
SAMPLES: dict[str, bytes] = {
    ".txt": (EXAMPLES / "2023-09-12_pacificdispatch_park-warns-moscow.txt").read_bytes(),
    ".md": (EXAMPLES / "2023-09-13_pacificdispatch_analysis-shells-for-satellites.md").read_bytes(),
    ".jsonl": _JSONL,
    ".json": json.dumps([json.loads(line) for line in _JSONL.splitlines()]).encode(),
    ".html": (DATA / "html" / "harborwire-kim-train.html").read_bytes(),
    ".xml": (DATA / "feeds" / "capitalledger-atom.xml").read_bytes(),
}
SUFFIXES = sorted(SAMPLES)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,  # the same examples on every machine: a failure reproduces
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


class TooSlow(Exception):
    """An input took longer than its budget."""


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Fail with TooSlow if the block runs longer than `seconds` (a hang would never end)."""

    def expire(_signum: int, _frame: object) -> None:
        raise TooSlow(f"over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_clean_extract(suffix: str, data: bytes) -> list[Article]:
    """Read `data` as a file with `suffix`, then clean it and extract claims, checking offsets."""
    try:
        articles = list(read_data(Path(f"fuzz{suffix}"), data, ReadOptions(max_size=10_000_000)))
    except InputError:
        return []  # refused with a reason: the per-file warning
    for article in articles:
        cleaned = clean_article(article)
        assert cleaned.text == article.text
        for span in (*cleaned.body, *cleaned.captions):
            assert 0 <= span.start <= span.end <= len(article.text)
        for claim in extract_claims(cleaned):
            assert 0 <= claim.span.start < claim.span.end <= len(article.text)
            if claim.speaker is not None:
                span = claim.speaker.span
                assert article.text[span.start : span.end] == claim.speaker.mention
    return articles


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real-looking article of some format, cut, spliced, duplicated or sprinkled with bytes."""
    suffix = draw(st.sampled_from(SUFFIXES))
    data = bytearray(SAMPLES[suffix])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["cut", "delete", "insert", "repeat", "flip"]))
        if kind == "cut":
            del data[at:]
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 200))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=50))
        elif kind == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 300))] * draw(st.integers(2, 20))
        elif data and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
    return suffix, bytes(data)


@FUZZ
@given(st.sampled_from(SUFFIXES), st.binary(max_size=3000))
def test_random_bytes_in_every_reader(suffix: str, data: bytes) -> None:
    with budget(10):
        read_clean_extract(suffix, data)


@FUZZ
@given(st.sampled_from(SUFFIXES), st.text(max_size=2000))
def test_random_text_in_every_reader(suffix: str, text: str) -> None:
    with budget(10):
        read_clean_extract(suffix, text.encode("utf-8", "surrogatepass"))


@settings(FUZZ, max_examples=300)
@given(mutated())
def test_mutated_articles_in_every_reader(case: tuple[str, bytes]) -> None:
    with budget(10):
        read_clean_extract(*case)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_every_sample_reads_cleanly(suffix: str) -> None:
    assert read_clean_extract(suffix, SAMPLES[suffix])


DEEP = 50_000
NESTED: dict[str, bytes] = {
    ".html": b"<html><body>" + b"<div>" * DEEP + b"Deep text said the official." + b"</div>" * DEEP,
    ".xml": (
        b'<rss version="2.0"><channel><item><title>T</title><description>'
        + b"<b>" * DEEP
        + b"deep"
        + b"</b>" * DEEP
        + b"</description></item></channel></rss>"
    ),
    ".json": b"[" * DEEP + b"]" * DEEP,
    ".jsonl": b'{"id": "a", "text": ' + b"[" * DEEP + b"]" * DEEP + b"}\n",
    ".md": b"---\ntitle: " + b"[" * DEEP + b"]" * DEEP + b"\n---\nBody of the article is here.\n",
    ".txt": b"(" * DEEP + b"the official said." + b")" * DEEP,
}


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_deep_nesting_is_refused_or_read_never_crashes(suffix: str) -> None:
    with budget(10):
        read_clean_extract(suffix, NESTED[suffix])


# --- huge lines: no hang (how time grows is the benchmark's: digest/bench/linear.py) ------


@pytest.mark.parametrize("pattern", sorted(HUGE_LINES))
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_readers_and_cleaning_finish_on_huge_lines(suffix: str, pattern: str) -> None:
    with budget(30):  # a catastrophic backtrack would never end
        read_and_clean(suffix, HUGE_LINES[pattern], 4 * READ_SIZE)


@pytest.mark.parametrize("name", sorted(EXTRACTION_LINES))
def test_claim_extraction_finishes_on_huge_lines(name: str) -> None:
    unit, size = EXTRACTION_LINES[name]
    with budget(30):
        extract(unit, 4 * size)
