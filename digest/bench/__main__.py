"""The benchmark: `make bench`, or `python -m digest.bench [--articles N] [--json]`."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from ..config.load import Config, load_config
from ..model import Article
from .budgets import budget_rows
from .corpus import write_corpus
from .linear import linear_rows
from .measure import (
    DAY,
    bbc_brief_row,
    build_label,
    flood_rows,
    pdf_row,
    read_corpus,
    run_build,
    run_stages,
)
from .report import Row, Target, machine, table, targets


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
    parser.add_argument("--no-linear", action="store_true", help="skip the growth on hostile lines")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table (or JSON); 0 unless it could not run."""
    args = parse_args(argv)
    config_path = Path(args.config).resolve()
    config = load_config(config_path)
    executors = [e.strip() for e in args.executors.split(",") if e.strip()]

    def say(text: str) -> None:
        if not args.json:
            print(text, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="digest-bench-") as tmp:
        full, half = _corpora(Path(tmp), config, args, say)
        articles, read_s, read_mb = read_corpus(full, config)
        rows, claims = _stage_rows(articles, read_s, read_mb, config, args, say)
        del articles[100:]  # the PDF's brief needs a few: memory is measured below
        rows += _bbc_stage_rows(config, args, say)
        rows += _build_rows(full, half, claims, config_path, args, executors, say)
        kind = "process" if "process" in executors else (executors or ["serial"])[0]
        if args.copies > 0:
            say(f"{args.copies:,} near-identical copies and {args.copies:,} distinct articles ...")
            rows += flood_rows(Path(tmp), config, config_path, args, kind)
        formats = "md,html,json" if args.no_pdf else "md,html,pdf,json"
        say(f"the BBC corpus's whole brief, {formats} ...")
        rows.append(bbc_brief_row(Path(args.bbc), config_path, args, kind, formats))
        if not args.no_pdf:
            say("the briefs a reader gets ...")
            rows += budget_rows(config, Path(args.bbc))
        if not args.no_linear:
            say("hostile lines ...")
            rows += linear_rows()
        if not args.no_pdf:
            say("pdf ...")
            rows.append(pdf_row(articles, config))
    _print(rows, targets(rows, args.articles, args.jobs), args)
    return 0


def _corpora(
    tmp: Path, config: Config, args: argparse.Namespace, say: Callable[[str], None]
) -> tuple[Path, Path]:
    """The synthetic corpus written twice: ARTICLES articles, and half as many."""
    start = time.perf_counter()
    full, half = tmp / "full", tmp / "half"
    write_corpus(full, config.topics, args.articles, seed=args.seed, day=DAY)
    write_corpus(half, config.topics, args.articles // 2, seed=args.seed, day=DAY)
    say(
        f"wrote {args.articles:,} + {args.articles // 2:,} synthetic articles "
        f"in {time.perf_counter() - start:.1f} s"
    )
    return full, half


def _stage_rows(
    articles: list[Article],
    read_s: float,
    read_mb: float,
    config: Config,
    args: argparse.Namespace,
    say: Callable[[str], None],
) -> tuple[list[Row], int]:
    """Each stage timed on the synthetic corpus, and the claims found in it."""
    if args.no_stages:
        return [], 0
    say("stages, synthetic ...")
    rows = run_stages("synthetic", articles, read_s, read_mb, config)
    return rows, rows[0].claims


def _bbc_stage_rows(
    config: Config, args: argparse.Namespace, say: Callable[[str], None]
) -> list[Row]:
    """Each stage timed on the BBC corpus, when it is there."""
    bbc = Path(args.bbc)
    if args.no_stages or not bbc.is_dir():
        return []
    say("stages, BBC ...")
    articles, read_s, read_mb = read_corpus(bbc, config)
    return run_stages("bbc", articles, read_s, read_mb, config)


def _build_rows(
    full: Path,
    half: Path,
    claims: int,
    config_path: Path,
    args: argparse.Namespace,
    executors: list[str],
    say: Callable[[str], None],
) -> list[Row]:
    """Whole builds with each executor; with the pool, of half the corpus too."""
    rows = []
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
                    folder, config_path, kind, args.jobs, args.timeout, count, share, label + suffix
                )
            )
    return rows


def _print(rows: list[Row], found: list[Target], args: argparse.Namespace) -> None:
    """The table, or with --json every row and target with the machine they ran on."""
    if not args.json:
        print(table(rows, found))
        return
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


if __name__ == "__main__":
    sys.exit(main())
