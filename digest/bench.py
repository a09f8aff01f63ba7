"""The benchmark: `make bench`, or `python -m digest.bench [--articles N] [--json]`.

It measures, on this machine, for a synthetic corpus written for the run
(`bench_corpus`, default 20,000 articles) and for the BBC corpus beside the project
when there is one:

- each stage on its own, in this process and on one core: read, clean, extract,
  classify (together "map", the per-article work), merge (syndicated copies, merging,
  ranking), compose, and rendering Markdown and JSON;
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
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from .bench_corpus import write_copies, write_corpus
from .bench_report import machine, table, targets
from .classify import classify_claims
from .clean import clean_article
from .config import Config, load_config
from .dupes import syndicated_copies
from .extract import extract_claims
from .merge import merge_claims
from .model import Article, Brief, Claim
from .pipeline import Processed, brief_from, compose
from .rank import rank_stories
from .render import (
    render_html,
    render_markdown,
    render_pdf,
    template_environment,
    write_brief,
)
from .sources import read_sources

T = TypeVar("T")

DAY = date(2023, 9, 13)
PDF_PAGES = 10
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Row:
    """One measurement: what ran, on how much, how long, and the memory it took."""

    corpus: str
    stage: str
    articles: int
    claims: int
    seconds: float
    peak_mb: float
    note: str = ""

    @property
    def articles_per_s(self) -> float:
        """Articles per second (0 for an instant stage)."""
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    @property
    def claims_per_s(self) -> float:
        """Claims per second (0 for an instant stage)."""
        return self.claims / self.seconds if self.seconds > 0 else 0.0


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
    settings, merging = config.brief, config.settings.merge
    issued = datetime.combine(DAY, settings.clock, tzinfo=ZoneInfo(settings.timezone))

    def merge() -> Any:
        copies = syndicated_copies(by_id.values(), merging.article_similarity)
        stories = merge_claims(
            (c for p in processed for c in p.claims), similarity=merging.claim_similarity
        )
        return copies, rank_stories(stories, by_id, issued=issued, copies=copies)

    copies, stories = stage("merge", merge)
    brief: Brief = stage("compose", lambda: compose(config, DAY, issued, stories, by_id, copies))
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
        articles = list(read_sources(config, inputs=[folder]).articles)
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
        count, claims = _brief_counts(Path(out, "brief.json"), count, claims)
    return Row(corpus, label, count, claims, seconds, memory.peak / 1e6, note)


def _brief_counts(path: Path, count: int, claims: int) -> tuple[int, int]:
    """The articles and claims a built brief.json counts (else the ones given)."""
    try:
        stats = json.loads(path.read_text(encoding="utf-8"))["stats"]
        return int(stats["articles"]), int(stats["claims"])
    except (OSError, ValueError, KeyError, TypeError):
        return count, claims


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
        note=f"one story, {outlets:,} outlets",
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


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line of `python -m digest.bench`."""
    parser = argparse.ArgumentParser(
        prog="python -m digest.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--articles", type=int, default=20_000, help="synthetic corpus size")
    parser.add_argument("--jobs", type=int, default=2, help="workers for the end-to-end builds")
    parser.add_argument(
        "--executors",
        default="process",
        help="end-to-end runs, comma-separated: serial, process, dask",
    )
    parser.add_argument("--config", default="config.yaml", help="topics and settings to use")
    parser.add_argument("--bbc", default="../shared/corpus/bbc", help="the BBC corpus, if present")
    parser.add_argument("--seed", type=int, default=7, help="of the synthetic corpus")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per end-to-end build")
    parser.add_argument(
        "--copies",
        type=int,
        default=3000,
        help="near-identical copies of one story, built beside as many distinct articles (0: no)",
    )
    parser.add_argument(
        "--bbc-timeout",
        type=float,
        default=1800,
        help="seconds for the BBC corpus's whole brief (its PDF runs to 2,000 pages)",
    )
    parser.add_argument("--no-stages", action="store_true", help="skip the stage-by-stage runs")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table (or JSON); 0 unless it could not run."""
    args = parse_args(argv)
    config_path = Path(args.config).resolve()
    config = load_config(config_path)
    executors = [e.strip() for e in args.executors.split(",") if e.strip()]
    rows: list[Row] = []

    def say(text: str) -> None:
        if not args.json:
            print(text, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="digest-bench-") as tmp:
        start = time.perf_counter()
        full = Path(tmp, "full")
        write_corpus(full, config.topics, args.articles, seed=args.seed, day=DAY)
        half = Path(tmp, "half")
        write_corpus(half, config.topics, args.articles // 2, seed=args.seed, day=DAY)
        say(
            f"wrote {args.articles:,} + {args.articles // 2:,} synthetic articles "
            f"in {time.perf_counter() - start:.1f} s"
        )
        articles, read_s, read_mb = read_corpus(full, config)
        claims = 0
        if not args.no_stages:
            say("stages, synthetic ...")
            stage_rows = run_stages("synthetic", articles, read_s, read_mb, config)
            claims = stage_rows[0].claims
            rows += stage_rows
        articles = articles[:100]  # the PDF's brief needs a few; memory is measured below
        bbc = Path(args.bbc)
        if not args.no_stages and bbc.is_dir():
            say("stages, BBC ...")
            bbc_articles, bbc_s, bbc_mb = read_corpus(bbc, config)
            rows += run_stages("bbc", bbc_articles, bbc_s, bbc_mb, config)
            del bbc_articles
        for kind in executors:
            label = build_label(kind, args.jobs)
            for folder, count, suffix in (
                (full, args.articles, ""),
                (half, args.articles // 2, ", half"),
            ):
                if suffix and kind != "process":
                    continue  # how cost grows is measured once, with the pool
                say(f"{label}{suffix} ...")
                share = claims * count // args.articles if args.articles else 0
                rows.append(
                    run_build(
                        folder,
                        config_path,
                        kind,
                        args.jobs,
                        args.timeout,
                        count,
                        share,
                        label + suffix,
                    )
                )
        kind = "process" if "process" in executors else (executors or ["serial"])[0]
        if args.copies > 0:
            say(f"{args.copies:,} near-identical copies and {args.copies:,} distinct articles ...")
            rows += flood_rows(Path(tmp), config, config_path, args, kind)
        formats = "md,html,json" if args.no_pdf else "md,html,pdf,json"
        say(f"the BBC corpus's whole brief, {formats} ...")
        rows.append(bbc_brief_row(bbc, config_path, args, kind, formats))
        if not args.no_pdf:
            say("pdf ...")
            rows.append(pdf_row(articles, config))
    found = targets(rows, args.articles, args.jobs)
    if args.json:
        report = {
            "machine": machine(),
            "articles": args.articles,
            "jobs": args.jobs,
            "rows": [
                {**asdict(r), "articles_per_s": r.articles_per_s, "claims_per_s": r.claims_per_s}
                for r in rows
            ],
            "targets": [asdict(t) for t in found],
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(table(rows, found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
