"""Duplicate files on disk, for `digest dupes`: load them, and measure the finder.

The measurement needs two kinds of truth. Byte-identical pairs are computed here, by
comparing file digests, independently of the finder. Near-identical pairs come from a
judged list: pairs a person read and labelled (see tests/data/dupes/bbc-judged.tsv for
how it was made). Precision counts every reported pair that is neither identical nor
judged near-identical as wrong, including pairs nobody judged.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Skipped
from ..read.files import expand_paths, read_file
from .dupes import DuplicatePair, article_text

log = logging.getLogger("digest")

_TEXT = (".txt", ".md")
VERDICTS = ("near", "version", "related")
"""near: one article, lightly edited; version: the story rewritten; related: different articles."""


@dataclass(frozen=True)
class Documents:
    """Texts to compare by key (a path, or `path#id` for a JSON record) and their bytes."""

    texts: dict[str, str]
    raw: dict[str, bytes]
    skipped: tuple[Skipped, ...] = ()
    lossy: tuple[str, ...] = ()


def load_documents(paths: Sequence[str | Path], *, relative_to: Path | None = None) -> Documents:
    """Every article file under `paths` as one document (a JSON record as one each).

    A text file the reader rejects is still compared, as UTF-8 with undecodable bytes
    replaced (`lossy`). Keys are paths as found, or relative to `relative_to` when given.
    """
    texts: dict[str, str] = {}
    raw: dict[str, bytes] = {}
    skipped: list[Skipped] = []
    lossy: list[str] = []
    for path in expand_paths(paths):
        key = os.path.relpath(path, relative_to) if relative_to is not None else str(path)
        try:
            data = path.read_bytes()
            articles = list(read_file(path))
        except OSError as exc:
            skipped.append(Skipped(str(path), f"cannot read: {exc.strerror or exc}"))
            continue
        except InputError as exc:
            if path.suffix.lower() in _TEXT and data.strip() and b"\x00" not in data[:8192]:
                # Not an article to the reader (an encoding, odd front matter), but text
                # all the same: a copy is a copy in any encoding.
                texts[key], raw[key] = data.decode("utf-8", "replace"), data
                lossy.append(key)
            else:
                skipped.append(Skipped(str(path), str(exc).removeprefix(f"{path}: ")))
            continue
        if len(articles) == 1:
            texts[key], raw[key] = article_text(articles[0]), data
            continue
        for article in articles:
            texts[f"{key}#{article.id}"] = article_text(article)
            raw[f"{key}#{article.id}"] = article.text.encode("utf-8")
    for item in skipped:
        log.warning("skipped %s: %s", item.path, item.reason)
    return Documents(texts, raw, tuple(skipped), tuple(lossy))


def identical_pairs(raw: dict[str, bytes]) -> set[tuple[str, str]]:
    """Pairs of keys with the same bytes: the ground truth for exact copies."""
    groups: dict[str, list[str]] = {}
    for key in sorted(raw):
        groups.setdefault(hashlib.blake2b(raw[key]).hexdigest(), []).append(key)
    return {(a, b) for keys in groups.values() for i, a in enumerate(keys) for b in keys[i + 1 :]}


def read_judged(path: Path) -> dict[tuple[str, str], str]:
    """Judged pairs from a TSV file: `verdict<TAB>a<TAB>b[<TAB>note]`, `#` comments."""
    judged: dict[tuple[str, str], str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the judged pairs: {exc.strerror or exc}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3 or parts[0] not in VERDICTS:
            raise InputError(
                f"{path}:{number}: expected 'verdict<TAB>path<TAB>path', got {line!r}"
                f"; Hint: verdict is one of {', '.join(VERDICTS)}"
            )
        a, b = sorted((parts[1], parts[2]))
        judged[(a, b)] = parts[0]
    return judged


@dataclass(frozen=True)
class DupesReport:
    """How the finder did on a corpus: counts, precision and recall."""

    documents: int
    threshold: float
    found: int
    identical: int
    identical_found: int
    near: int
    near_found: int
    wrong: dict[str, int] = field(default_factory=dict)
    missed: tuple[tuple[str, str], ...] = ()

    @property
    def precision(self) -> float:
        """Found pairs that are identical or judged near-identical, over all found."""
        right = self.identical_found + self.near_found
        return right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Identical and judged near-identical pairs found, over all of them."""
        total = self.identical + self.near
        return (self.identical_found + self.near_found) / total if total else 1.0


def measure(
    pairs: Sequence[DuplicatePair],
    docs: Documents,
    judged: dict[tuple[str, str], str],
    threshold: float,
) -> DupesReport:
    """Compare found pairs with the identical pairs (by digest) and the judged ones."""
    identical = identical_pairs(docs.raw)
    near = {pair for pair, verdict in judged.items() if verdict == "near"} - identical
    found = {(p.a, p.b) for p in pairs}
    wrong: dict[str, int] = {}
    for pair in sorted(found - identical - near):
        verdict = judged.get(pair, "not judged")
        wrong[verdict] = wrong.get(verdict, 0) + 1
    return DupesReport(
        documents=len(docs.texts),
        threshold=threshold,
        found=len(found),
        identical=len(identical),
        identical_found=len(found & identical),
        near=len(near),
        near_found=len(found & near),
        wrong=dict(sorted(wrong.items())),
        missed=tuple(sorted((identical | near) - found)),
    )


def format_report(report: DupesReport, docs: Documents) -> str:
    """The measurement as a few lines of text."""

    def ratio(part: int, whole: int) -> str:
        return f"{part / whole:.3f}" if whole else "n/a"

    lines = [
        f"documents: {report.documents}"
        + (
            f" ({len(docs.lossy)} not readable as articles, compared as text)" if docs.lossy else ""
        ),
        f"threshold: {report.threshold:g} (Jaccard of word shingles)",
        f"pairs found: {report.found}",
        f"byte-identical pairs (by digest): {report.identical}, found {report.identical_found}"
        f", recall {ratio(report.identical_found, report.identical)}",
        f"near-identical pairs (judged): {report.near}, found {report.near_found}"
        f", recall {ratio(report.near_found, report.near)}",
        f"precision: {report.precision:.3f}  recall: {report.recall:.3f}",
    ]
    if report.wrong:
        lines.append(
            "found but not near-identical: "
            + ", ".join(f"{n} {v}" for v, n in report.wrong.items())
        )
    lines.extend(f"missed: {a}  {b}" for a, b in report.missed)
    return "\n".join(lines)
