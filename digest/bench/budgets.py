"""What a reader is handed: the brief's PDF pages and the email's HTML size, for the
sample day, the seed article alone and the BBC corpus's day.

A brief is brief: an analyst reads it in five minutes, and a mail client clips an HTML
part past about 102 kB (Gmail). The targets (`report.targets`): the sample day's PDF in
4 pages at most, the seed's in 2, the BBC day's in 12, its email's HTML in 100 kB.
"""

from __future__ import annotations

import io
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from ..config.load import Config
from ..deliver.message import MessageBuilder, message_id
from ..deliver.subscribers import load_subscribers
from ..model import Brief
from ..pipeline import write_day
from .measure import measured
from .report import Row

SEED = Path("../shared/seed/000_8f1e5fb3f66f1677.txt")
"""The article the product was designed from, beside the project when it is there."""


def budget_rows(config: Config, bbc: Path) -> list[Row]:
    """The sample day's brief, the seed's and the BBC day's: pages and email size."""
    rows = [_brief_row("sample", config, None, date(2023, 9, 13), None)]
    seed = config.path.parent / SEED
    if seed.is_file():
        rows.append(_brief_row("seed", config, [seed], date(2023, 9, 13), date(2023, 9, 12)))
    if bbc.is_dir():
        rows.append(_brief_row("bbc", config, [bbc], date(2005, 1, 1), date(2004, 12, 31)))
    return rows


def _brief_row(
    corpus: str,
    config: Config,
    inputs: list[Path] | None,
    day: date,
    published: date | None,
) -> Row:
    """One brief built in every format (in this process, serially) and its email."""
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory(prefix="digest-bench-brief-") as tmp:
        out: dict[str, float] = {}
        with measured(out):
            built = write_day(
                config, day, Path(tmp), inputs=inputs, published=published, window="all"
            )
        pages = len(PdfReader(io.BytesIO(built.written["pdf"].read_bytes())).pages)
        email = _email_kb(config, built.brief, Path(tmp))
    stats = built.brief.stats
    note = f"{pages} pages" + (f", email {email:.0f} kB" if email is not None else "")
    return Row(
        corpus,
        BRIEF_STAGE,
        stats.articles,
        stats.claims,
        out["seconds"],
        out["peak_mb"],
        note,
    )


BRIEF_STAGE = "brief, all formats"


def _email_kb(config: Config, brief: Brief, brief_dir: Path) -> float | None:
    """The HTML part of the email of the first subscriber who gets the whole brief."""
    whole = [s for s in load_subscribers(config) if s.topics is None and s.wants_html]
    if not whole or config.settings.delivery.sender is None:
        return None
    builder = MessageBuilder(config, brief, brief_dir, now=datetime(2023, 9, 13, tzinfo=UTC))
    made = builder.build(whole[0], message_id(config, brief.date, whole[0]))
    return None if made.html_size is None else made.html_size / 1000
