"""Print the claim scorer's score of every candidate claim: `python -m
digest.extract.scores [--weights FILE] PATH...`, one JSON object a line (article, kind,
speaker, cue, text, score, threshold, kept), statements left out. What
`scorer.keep_said` decides, shown.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ..config.load import default_config
from ..errors import DigestError
from ..pipeline import read_articles
from ..read.clean import clean_article
from . import extract_claims
from .scorer import WEIGHTS_FILE, load_model


def main(argv: Sequence[str] | None = None) -> int:
    """Print every candidate claim of the articles in PATHS with its score."""
    parser = argparse.ArgumentParser(
        prog="python -m digest.extract.scores",
        description="Print each candidate claim of the articles in PATHS as JSON Lines, "
        "with its score, the threshold and whether it is kept.",
    )
    parser.add_argument("paths", nargs="+", help="article files or folders")
    parser.add_argument(
        "--weights",
        type=Path,
        default=WEIGHTS_FILE,
        help=f"the weights file to score with (default: {WEIGHTS_FILE.name}, the shipped one)",
    )
    args = parser.parse_args(argv)
    try:
        scorer = load_model(args.weights)
        articles, _skipped = read_articles(default_config(), args.paths)
    except DigestError as exc:
        print(f"digest: {exc}", file=sys.stderr)
        return 1
    for article in articles:
        cleaned = clean_article(article)
        claims = extract_claims(cleaned, scored=False)
        for claim, score in zip(claims, scorer.scores(cleaned.text, claims), strict=True):
            if score is None:
                continue  # a statement: never scored
            record = {
                "article": claim.article_id,
                "kind": claim.kind,
                "speaker": claim.speaker.mention if claim.speaker else None,
                "cue": claim.cue,
                "text": claim.text,
                "score": round(score, 3),
                "threshold": scorer.threshold,
                "kept": score >= scorer.threshold,
            }
            print(json.dumps(record, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
