"""The benchmark: `make bench`, or `python -m digest.bench [--articles N] [--json]`.

It measures, on this machine, for a synthetic corpus written for the run
(`bench_corpus`, default 20,000 articles) and for the BBC corpus beside the project
when there is one:

- each stage on its own, in this process and on one core: read, clean, extract,
  classify (together "map", the per-article work), merge (syndicated copies, merging and
  ranking claims), stories (grouping articles into stories and threads, and building
  them), compose, and rendering Markdown and JSON;
- end to end as a user runs it, `digest build --format md,json` in a child process,
  with each executor asked for, at the full size and (for how cost grows) at half;
- a day of syndication: a build of 3,000 near-identical copies of one short wire story
  (`bench_corpus.write_copies`) beside a build of 3,000 distinct articles, whose ratio
  says whether copies cost what other articles cost;
- the whole brief of the BBC corpus, every format (md, html, pdf, json);
- the PDF of a brief of about ten pages, after WeasyPrint is imported.

Every row gives articles and claims per second (the corpus's claims over the row's
time, so rows compare), wall time and peak memory: the resident set of this process,
or of the build and all its workers, sampled every 20 ms (less often when sampling
would take more than 5% of a core). One table, or `--json`.
It is a measurement, not a test: nothing fails when a figure is slow.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from ..classify.claims import classify_claims
from ..config.load import Config
from ..extract import extract_claims
from ..model import Article, Brief, Claim
from ..process import Processed
from ..read.clean import clean_article
from ..read.sources import read_sources
from ..reduce import brief_from, compose
from ..render.write import (
    render_html,
    render_markdown,
    render_pdf,
    template_environment,
    write_brief,
)
from ..stories.build import build_stories
from ..stories.dupes import syndicated_copies
from ..stories.events import group_articles
from ..stories.merge import merge_claims
from ..stories.rank import rank_claims
from .corpus import write_copies, write_corpus
from .report import Row

T = TypeVar("T")

DAY = date(2023, 9, 13)
PDF_PAGES = 10
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


# --- memory ------------------------------------------------------------------------------


def tree_memory(pid: int) -> int:
    """Bytes of memory of process `pid` and all its descendants (Linux /proc; else 0).

    Each process counts its proportional set size (PSS) where the kernel gives it: pages
    that forked workers share with their parent are counted once across them, not once
    per worker as resident sizes would; the resident size otherwise.
    """
    total, todo, seen = 0, [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            total += _memory(current)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as fh:
                    todo.extend(int(child) for child in fh.read().split())
        except (OSError, ValueError):
            continue  # gone meanwhile, or no /proc
    return total


def _memory(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    with open(f"/proc/{pid}/statm") as fh:
        return int(fh.read().split()[1]) * _PAGE


SAMPLER_SHARE = 0.05
"""The most of one core the memory sampler may take: reading a process's PSS makes the
kernel walk its page tables (about 11 ms for 700 MB), and sampling a build every 20 ms
took a third of a core from the build it measured."""


class PeakMemory:
    """Samples the memory of a process tree in a thread; `peak` is the most it held.

    Every `interval` seconds, or less often when a sample costs more than
    `SAMPLER_SHARE` of a core.
    """

    def __init__(self, pid: int | None = None, interval: float = 0.02) -> None:
        self.pid = pid or os.getpid()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.thread_time()
            self.peak = max(self.peak, tree_memory(self.pid))
            cost = time.thread_time() - started
            self._stop.wait(max(self.interval, cost / SAMPLER_SHARE))

    def __enter__(self) -> PeakMemory:
        self.peak = tree_memory(self.pid)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, tree_memory(self.pid))


@contextmanager
def measured(out: dict[str, float]) -> Iterator[None]:
    """Time the block and sample this process's memory; fill `out` with both.

    What earlier stages left in memory is frozen out of the garbage collector's sight
    meanwhile: a worker holds one chunk, not the whole corpus, and a stage measured
    here should not pay for rescanning millions of objects it did not make.
    """
    gc.collect()
    gc.freeze()
    try:
        with PeakMemory() as memory:
            start = time.perf_counter()
            yield
            out["seconds"] = time.perf_counter() - start
    finally:
        gc.unfreeze()
    out["peak_mb"] = memory.peak / 1e6


# --- stage by stage ------------------------------------------------------------------------


def run_stages(
    corpus: str, articles: Sequence[Article], read_s: float, read_mb: float, config: Config
) -> list[Row]:
    """Every stage after reading, one after the other, on `articles` as read."""
    rows: list[tuple[str, dict[str, float]]] = [("read", {"seconds": read_s, "peak_mb": read_mb})]

    def stage(name: str, work: Callable[[], T]) -> T:
        out: dict[str, float] = {}
        with measured(out):
            result = work()
        rows.append((name, out))
        return result

    topics = config.topics
    cleaned = stage("clean", lambda: [clean_article(a) for a in articles])
    found = stage("extract", lambda: [extract_claims(a) for a in cleaned])
    claims: list[tuple[Claim, ...]] = stage(
        "classify",
        lambda: [classify_claims(a, c, topics) for a, c in zip(cleaned, found, strict=True)],
    )
    processed = [Processed(a, c) for a, c in zip(cleaned, claims, strict=True)]
    by_id = {p.article.id: p.article for p in processed}
    merging = config.settings.merge
    issued = config.brief.issued_at(DAY)

    def merge() -> Any:
        copies = syndicated_copies(by_id.values(), merging.article_similarity)
        merged = merge_claims(
            (c for p in processed for c in p.claims), similarity=merging.claim_similarity
        )
        return copies, rank_claims(merged, by_id, issued=issued, copies=copies)

    copies, merged = stage("merge", merge)
    built = stage(
        "stories",
        lambda: build_stories(
            cleaned, group_articles(cleaned), merged, issued=issued, copies=copies
        ),
    )
    brief: Brief = stage("compose", lambda: compose(config, DAY, built, by_id, copies))
    # As a build writes them: each streamed into a file of its own.
    with tempfile.TemporaryDirectory(prefix="digest-bench-render-") as out:
        stage("render md", lambda: write_brief(brief, Path(out), ["md"], config.template_dir))
        stage("render json", lambda: write_brief(brief, Path(out), ["json"]))
    total = sum(len(c) for c in claims)
    result = [
        Row(corpus, name, len(articles), total, out["seconds"], out["peak_mb"])
        for name, out in rows
    ]
    per_article = result[:4]
    result.insert(
        4,
        Row(
            corpus,
            "map (read…classify)",
            len(articles),
            total,
            sum(r.seconds for r in per_article),
            max(r.peak_mb for r in per_article),
            "one core",
        ),
    )
    return result


def read_corpus(folder: Path, config: Config) -> tuple[list[Article], float, float]:
    """A corpus read as a build reads it (`sources.read_sources`): ids are paths below
    `folder` (the BBC's business/001 and tech/001 are two articles), outlets' chrome is
    learned, and an article read twice is left out."""
    out: dict[str, float] = {}
    with measured(out):
        articles = list(read_sources(config.reading, inputs=[folder]).articles)
    return articles, out["seconds"], out["peak_mb"]


# --- end to end --------------------------------------------------------------------------


def run_build(
    folder: Path,
    config_path: Path,
    executor: str,
    jobs: int,
    timeout: float,
    count: int,
    claims: int,
    label: str,
    *,
    corpus: str = "synthetic",
    formats: str = "md,json",
    note: str = "",
) -> Row:
    """`digest build` on `folder` in a child process; its wall time and peak memory.

    Articles and claims are the built brief's when it writes brief.json (`count` and
    `claims` otherwise).
    """
    with tempfile.TemporaryDirectory(prefix="digest-bench-out-") as out:
        command = [
            sys.executable,
            "-m",
            "digest",
            "-q",
            "build",
            "--config",
            str(config_path),
            "--input",
            str(folder),
            "--date",
            DAY.isoformat(),
            "--window",
            "all",
            "--format",
            formats,
            "--out",
            out,
            "--executor",
            executor,
        ]
        if executor != "serial":
            command += ["--jobs", str(jobs)]
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        with PeakMemory(child.pid) as memory:
            try:
                _, err = child.communicate(timeout=timeout)
                if child.returncode != 0:
                    note = f"failed: {err.decode()[-200:]}"
            except subprocess.TimeoutExpired:
                child.kill()
                child.communicate()
                note = f"did not finish in {timeout:.0f} s"
        seconds = time.perf_counter() - start
        count, claims, stories = _brief_counts(Path(out, "brief.json"), count, claims)
    if "{stories}" in note:
        note = note.format(stories=f"{stories:,} stor{'y' if stories == 1 else 'ies'}")
    return Row(corpus, label, count, claims, seconds, memory.peak / 1e6, note)


def _brief_counts(path: Path, count: int, claims: int) -> tuple[int, int, int]:
    """The articles, claims and stories a built brief.json counts (else those given, and
    no story)."""
    try:
        stats = json.loads(path.read_text(encoding="utf-8"))["stats"]
        return int(stats["articles"]), int(stats["claims"]), int(stats["stories"])
    except (OSError, ValueError, KeyError, TypeError):
        return count, claims, 0


def build_label(kind: str, jobs: int) -> str:
    """How a build row names its executor: "build --serial", "build --jobs 2", ..."""
    if kind == "serial":
        return "build --serial"
    if kind == "dask":
        return f"build --executor dask --jobs {jobs}"
    return f"build --jobs {jobs}"


def flood_rows(
    folder: Path, config: Config, config_path: Path, args: argparse.Namespace, kind: str
) -> list[Row]:
    """A day of syndication beside an ordinary day: `args.copies` near-identical copies of
    one story, and as many distinct articles, each built whole (md, json) by `kind`."""
    distinct, copies = folder / "distinct", folder / "copies"
    write_corpus(distinct, config.topics, args.copies, seed=args.seed, day=DAY)
    written = write_copies(copies, args.copies, day=DAY)
    outlets = max(1, len(written) // 2)
    label = build_label(kind, args.jobs)
    ordinary = run_build(
        distinct,
        config_path,
        kind,
        args.jobs,
        args.timeout,
        args.copies,
        0,
        label,
        corpus="distinct",
    )
    flood = run_build(
        copies,
        config_path,
        kind,
        args.jobs,
        args.timeout,
        args.copies,
        0,
        label,
        corpus="copies",
        note=f"{{stories}}, {outlets:,} outlets",
    )
    return [ordinary, flood]


def bbc_brief_row(
    bbc: Path, config_path: Path, args: argparse.Namespace, kind: str, formats: str
) -> Row:
    """The whole brief of the BBC corpus in `formats`, built as a user builds it; a row
    that says why when there is no corpus."""
    label = f"brief {formats} {build_label(kind, args.jobs).removeprefix('build ')}"
    if not bbc.is_dir():
        return Row("bbc", label, 0, 0, 0.0, 0.0, f"skipped: no corpus at {bbc}")
    timeout = max(args.timeout, args.bbc_timeout)
    return run_build(
        bbc, config_path, kind, args.jobs, timeout, 0, 0, label, corpus="bbc", formats=formats
    )


# --- PDF -----------------------------------------------------------------------------------


def pdf_row(articles: Sequence[Article], config: Config, pages_wanted: int = PDF_PAGES) -> Row:
    """The PDF of a brief of about `pages_wanted` pages, from the first articles."""
    import weasyprint  # noqa: F401 - imported first: the figure is rendering, not importing

    env = template_environment(config.template_dir)

    def html_of(count: int) -> tuple[str, int]:
        done = [_process(a, config) for a in articles[:count]]
        brief = brief_from(config, DAY, done, [])
        return render_html(
            brief, env, render_markdown(brief, env), for_pdf=True
        ), brief.stats.claims

    count = min(len(articles), 12)
    html, claims = html_of(count)
    pages = _pages(render_pdf(html))
    if pages:  # one correction, proportional: pages grow with the stories
        count = max(1, min(len(articles), round(count * pages_wanted / pages)))
        html, claims = html_of(count)
    out: dict[str, float] = {}
    with measured(out):
        pdf = render_pdf(html)
    again = []
    for _ in range(2):
        start = time.perf_counter()
        render_pdf(html)
        again.append(time.perf_counter() - start)
    pages = _pages(pdf)
    note = f"{pages or '?'} pages, {len(pdf) // 1000} kB; again {statistics.median(again):.2f} s"
    return Row("synthetic", "render pdf", count, claims, out["seconds"], out["peak_mb"], note)


def _process(article: Article, config: Config) -> Processed:
    cleaned = clean_article(article)
    return Processed(cleaned, classify_claims(cleaned, extract_claims(cleaned), config.topics))


def _pages(pdf: bytes) -> int:
    try:
        import io

        from pypdf import PdfReader
    except ImportError:  # pypdf is a dev extra; without it the count is unknown
        return 0
    return len(PdfReader(io.BytesIO(pdf)).pages)
