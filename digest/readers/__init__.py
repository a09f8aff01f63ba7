"""Readers: one module per input format, and a registry choosing one by file suffix.

A reader turns one file into zero or more `Article`s. It raises `InputError` for a
file that is not an article; `read_inputs` turns that into a `Skipped` entry so that
one bad file never stops the build of the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from ..errors import InputError
from ..model import Article, Skipped
from . import jsonl, text

log = logging.getLogger("digest")


@dataclass(frozen=True)
class ReadOptions:
    """Defaults for what a file does not say about itself."""

    outlet: str | None = None
    timezone: tzinfo = ZoneInfo("UTC")
    published: date | datetime | None = None


Reader = Callable[[Path, bytes, ReadOptions], list[Article]]

READERS: dict[str, Reader] = {
    ".txt": text.read_text_article,
    ".md": text.read_text_article,
    ".json": jsonl.read_json_articles,
    ".jsonl": jsonl.read_json_articles,
}


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named by `paths`: folders are walked, globs expanded, in sorted order."""
    for raw in paths:
        path = Path(raw)
        if any(ch in str(raw) for ch in "*?["):
            anchor = Path(path.anchor) if path.is_absolute() else Path(".")
            pattern = str(path.relative_to(anchor)) if path.is_absolute() else str(raw)
            yield from sorted(p for p in anchor.glob(pattern) if p.is_file())
        elif path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in READERS and p.name.lower() != "readme.md"
            )
        else:
            yield path


def read_file(path: Path, options: ReadOptions = ReadOptions()) -> list[Article]:
    """Read one file into articles; raise InputError naming the file when it cannot be."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(
            f"{path}: not a supported article file (suffix {path.suffix!r}); "
            f"Hint: use one of {', '.join(sorted(READERS))}"
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    return reader(path, data, options)


def read_inputs(
    paths: Sequence[str | Path], options: ReadOptions = ReadOptions()
) -> tuple[list[Article], list[Skipped]]:
    """Read every file named by `paths`; files that cannot be read are skipped and logged."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen_ids: set[str] = set()
    for path in expand_paths(paths):
        try:
            found = read_file(path, options)
        except InputError as exc:
            log.warning("skipped %s", exc)
            reason = str(exc).removeprefix(f"{path}: ")
            skipped.append(Skipped(str(path), reason))
            continue
        for article in found:
            if article.id in seen_ids:
                log.warning("skipped %s: article id %r already read", path, article.id)
                skipped.append(Skipped(str(path), f"duplicate article id {article.id!r}"))
                continue
            seen_ids.add(article.id)
            articles.append(article)
    return articles, skipped


def decode(path: Path, data: bytes) -> str:
    """Decode UTF-8 (with or without BOM); raise InputError naming the file otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "Hint: convert it with iconv -t UTF-8"
        ) from None


def as_datetime(value: object, zone: tzinfo, where: str) -> datetime | None:
    """A tz-aware datetime from a YAML/JSON value; naive times take the source's zone."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time(0, 0))
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise InputError(
                f"{where}: published: expected an ISO date or time such as "
                f"'2023-09-12T18:00:00-04:00', got {value!r}"
            ) from None
    else:
        raise InputError(f"{where}: published: expected a date, got {value!r}")
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)
