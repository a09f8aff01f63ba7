"""Hostile input for every reader and for cleaning and claim extraction after them.

Random bytes, real-looking articles truncated and mutated, deep nesting and huge lines:
a reader may refuse a file (InputError, a per-file warning), nothing else may escape,
every offset must point into the text, and no input may cost more than linear time
(a regular expression that backtracks catastrophically would).
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.errors import InputError
from digest.extract import extract_claims
from digest.model import Article, Span
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


# --- linear time ----------------------------------------------------------------------------


def _seconds(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):  # the faster of two: a busy machine slows a run, never speeds it
        started = time.perf_counter()
        with budget(20):
            run()
        best = min(best, time.perf_counter() - started)
    return best


def _growth(make: Callable[[int], object], size: int) -> float:
    """How much longer 4x the input takes: ~4 when linear, ~16 when quadratic."""
    small, large = _seconds(lambda: make(size)), _seconds(lambda: make(4 * size))
    return large / max(small, 1e-3)


HUGE_LINES = {
    "letters": "a" * 10,
    "words": "officials said talks ",
    "quotes": '"a" “b” ',
    "spaces": " \t ",
    "punctuation": "(,.;:!?-)[",
    "tags": "<b>x</b>&amp;",
}


def _file(suffix: str, line: str) -> bytes:
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


@pytest.mark.parametrize("pattern", sorted(HUGE_LINES))
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_readers_and_cleaning_take_linear_time_on_huge_lines(suffix: str, pattern: str) -> None:
    def read_and_clean(size: int) -> None:
        line = HUGE_LINES[pattern] * (size // len(HUGE_LINES[pattern]))
        try:
            for article in read_data(
                Path(f"huge{suffix}"), _file(suffix, line), ReadOptions(max_size=10**8)
            ):
                clean_article(article)
        except InputError:
            pass

    assert _growth(read_and_clean, 100_000) < 8


def _extract(text: str) -> None:
    article = Article("x", "Wire", "", None, None, text, "x.txt", body=(Span(0, len(text)),))
    extract_claims(clean_article(article))


@pytest.mark.parametrize(
    "unit", ["He said the talks were productive. ", "x\n", ". ", '"', "(", '“‘«"', "a" * 40]
)
def test_claim_extraction_takes_linear_time_on_huge_lines(unit: str) -> None:
    assert _growth(lambda size: _extract(unit * (size // len(unit))), 20_000) < 8


@pytest.mark.parametrize(
    "unit",
    [
        "said, ",
        "officials said talks resumed ",
        "Kim Jong Un Said ",
        '"a" ',
    ],
)
def test_claim_extraction_is_linear_on_pathological_lines(unit: str) -> None:
    assert _growth(lambda size: _extract(unit * (size // len(unit))), 2_000) < 8
