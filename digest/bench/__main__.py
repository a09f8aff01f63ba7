"""The benchmark: `make bench`, or `python -m digest.bench [--articles N] [--json]`."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from ..config.load import load_config
from .corpus import write_corpus
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
from .report import Row, machine, table, targets


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
