"""JSON and JSON Lines records from news APIs: id, title, source, url, published, text."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import Article, Span

if TYPE_CHECKING:
    from . import ReadOptions

log = logging.getLogger("digest")


def read_json_articles(path: Path, data: bytes, options: ReadOptions) -> list[Article]:
    """Articles from a .json file (one record or a list) or a .jsonl file (one per line).

    A bad record is logged and skipped; the file fails only when no record is usable.
    """
    from . import decode

    text = decode(path, data)
    records: list[tuple[str, object]] = []
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    records.append((f"{path}:{number}", json.loads(line)))
                except json.JSONDecodeError as exc:
                    log.warning("skipped %s:%d: not JSON: %s", path, number, exc.msg)
    else:
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{path}: line {exc.lineno} column {exc.colno}: not JSON: {exc.msg}"
            ) from None
        items = loaded if isinstance(loaded, list) else [loaded]
        records = [(f"{path}[{i}]", item) for i, item in enumerate(items)]
    articles = []
    for where, record in records:
        try:
            articles.append(_article(where, record, path, options))
        except InputError as exc:
            log.warning("skipped %s", exc)
    if not articles:
        raise InputError(f"{path}: no usable article records; Hint: each needs 'id' and 'text'")
    return articles


def _article(where: str, record: object, path: Path, options: ReadOptions) -> Article:
    from . import as_datetime

    if not isinstance(record, dict):
        raise InputError(f"{where}: expected an object with 'id' and 'text', got {record!r:.60}")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"{where}: 'text' is missing or empty")
    ident = record.get("id")
    if ident is None or str(ident).strip() == "":
        raise InputError(f"{where}: 'id' is missing; Hint: every record needs a stable id")
    return Article(
        id=str(ident),
        source=str(record.get("source") or options.outlet or ""),
        title=str(record.get("title") or ""),
        url=str(record["url"]) if record.get("url") else None,
        published=as_datetime(record.get("published"), options.timezone, where)
        or as_datetime(options.published, options.timezone, where),
        text=body,
        path=str(path),
        body=(Span(0, len(body)),),
    )
