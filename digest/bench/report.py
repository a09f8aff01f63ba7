"""The benchmark's report: its rows, the targets they are held to, and the table."""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Target:
    """A figure digest holds itself to, what was measured, and whether it holds."""

    what: str
    measured: str
    met: bool | None


def targets(rows: Sequence[Row], articles: int, jobs: int) -> list[Target]:
    """The targets, judged from the rows that measure them (absent rows: None)."""
    find = {(r.corpus, r.stage): r for r in rows}
    found: list[Target] = []
    bbc = find.get(("bbc", "map (read…classify)"))
    if bbc:
        found.append(
            Target(
                "BBC read+clean+extract+classify ≥ 500 articles/s, one core",
                f"{bbc.articles_per_s:.0f}/s",
                bbc.articles_per_s >= 500,
            )
        )
    full = find.get(("synthetic", f"build --jobs {jobs}"))
    if full and not full.note:
        found.append(
            Target(
                f"{articles:,} articles end to end, md+json, --jobs {jobs}: < 60 s",
                f"{full.seconds:.1f} s",
                full.seconds < 60,
            )
        )
        found.append(
            Target("... peak memory < 1 GB", f"{full.peak_mb:.0f} MB", full.peak_mb < 1000)
        )
        half = find.get(("synthetic", f"build --jobs {jobs}, half"))
        if half and not half.note and half.seconds > 0:
            ratio = full.seconds / half.seconds
            found.append(Target("2× the articles: ≤ 2.2× the time", f"{ratio:.2f}×", ratio <= 2.2))
    elif full:
        found.append(Target(f"{articles:,} articles end to end, --jobs {jobs}", full.note, False))
    found += _flood_targets(rows)
    found += _stories_targets(rows, articles)
    found += _budget_targets(rows)
    huge = [r for r in rows if r.corpus == "huge lines"]
    if huge:
        worst = max(huge, key=lambda r: float(r.note.rstrip("×")))
        found.append(
            Target(
                "hostile lines: 4× the input in ≤ 8× the time",
                f"{worst.note} ({worst.stage})",
                float(worst.note.rstrip("×")) <= 8,
            )
        )
    pdf = find.get(("synthetic", "render pdf"))
    if pdf:
        found.append(
            Target(
                "PDF of about 10 pages < 1.5 s after import",
                f"{pdf.seconds:.2f} s",
                pdf.seconds < 1.5,
            )
        )
    return found


def _stories_targets(rows: Sequence[Row], articles: int) -> list[Target]:
    """Stories of a big day in a few seconds; a day of copies of one story is one story."""
    found: list[Target] = []
    for row in rows:
        if row.corpus == "synthetic" and row.stage == "stories":
            found.append(
                Target(
                    f"stories of {articles:,} articles ≤ 5 s, one core",
                    f"{row.seconds:.1f} s",
                    row.seconds <= 5,
                )
            )
        if row.corpus == "copies" and row.note.startswith(("1 story", "0 stor")):
            found.append(
                Target(
                    "copies of one story make one story", row.note, row.note.startswith("1 story")
                )
            )
        elif row.corpus == "copies" and "stories" in row.note:
            found.append(Target("copies of one story make one story", row.note, False))
    return found


_PAGES = {"sample": 4, "seed": 2, "bbc": 12}
"""The most PDF pages each day's brief may take."""


def _budget_targets(rows: Sequence[Row]) -> list[Target]:
    """A brief is brief: PDF pages, the email's HTML, and the BBC day's whole build."""
    found: list[Target] = []
    for row in rows:
        if row.stage != "brief, all formats" or row.corpus not in _PAGES:
            continue
        pages = int(row.note.split()[0])
        limit = _PAGES[row.corpus]
        found.append(Target(f"{row.corpus} brief: PDF ≤ {limit} pages", f"{pages}", pages <= limit))
        if row.corpus == "bbc" and "email" in row.note:
            size = float(row.note.split("email ")[1].split()[0])
            found.append(Target("... its email's HTML ≤ 100 kB", f"{size:.0f} kB", size <= 100))
    for row in rows:
        if row.corpus == "bbc" and row.stage.startswith("brief md,html,pdf,json") and not row.note:
            found.append(
                Target(
                    "BBC day, all four formats: ≤ 30 s", f"{row.seconds:.1f} s", row.seconds <= 30
                )
            )
    return found


def _flood_targets(rows: Sequence[Row]) -> list[Target]:
    """Copies of one story cost what distinct articles cost: the builds' ratio."""
    copies = next((r for r in rows if r.corpus == "copies"), None)
    distinct = next((r for r in rows if r.corpus == "distinct"), None)
    if copies is None or distinct is None:
        return []
    what = f"{copies.articles:,} near-identical copies of one story: ≤ 2× the time of distinct"
    failed = next((r.note for r in (copies, distinct) if _failed(r)), None)
    if failed is not None or distinct.seconds <= 0 or distinct.peak_mb <= 0:
        return [Target(what, failed or "not measured", False)]
    ratio = copies.seconds / distinct.seconds
    memory = copies.peak_mb / distinct.peak_mb
    return [
        Target(
            what, f"{ratio:.2f}× ({copies.seconds:.1f} s / {distinct.seconds:.1f} s)", ratio <= 2
        ),
        Target(
            "... and ≤ 2× the memory",
            f"{memory:.2f}× ({copies.peak_mb:.0f} MB / {distinct.peak_mb:.0f} MB)",
            memory <= 2,
        ),
    ]


def _failed(row: Row) -> bool:
    return row.note.startswith(("failed", "did not finish"))


def table(rows: Sequence[Row], found: Sequence[Target]) -> str:
    """The rows as one aligned text table, then the targets."""
    head = (
        "corpus",
        "stage",
        "articles",
        "claims",
        "wall s",
        "articles/s",
        "claims/s",
        "peak MB",
        "note",
    )
    body = [
        (
            r.corpus,
            r.stage,
            f"{r.articles:,}",
            f"{r.claims:,}",
            f"{r.seconds:.2f}",
            f"{r.articles_per_s:,.0f}",
            f"{r.claims_per_s:,.0f}",
            f"{r.peak_mb:,.0f}",
            r.note,
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [head, *body]) for i in range(len(head))]
    right = {2, 3, 4, 5, 6, 7}

    def fmt(line: Sequence[str]) -> str:
        cells = (
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        )
        return "  ".join(cells).rstrip()

    lines = [fmt(head), fmt(["-" * w for w in widths]), *(fmt(line) for line in body)]
    if found:
        lines.append("")
        mark = {True: "met", False: "MISSED", None: "?"}
        lines += [f"{mark[t.met]:>6}  {t.what}: {t.measured}" for t in found]
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "when": datetime.now().isoformat(timespec="seconds"),
    }


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
