"""JSON and JSON Lines records from news APIs: id, title, source, url, published, text.

APIs name these fields their own way; the source's field map (`fields:` in the config)
says which key holds which, e.g. `text: body`, `published: pubDate`, or a dotted path
into a nested object (`source: publisher.name`). `records: articles` says where the
list of records sits in a .json document such as `{"status": "ok", "articles": [...]}`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import JSON_FIELDS
from ..errors import InputError
from ..model import Article, Span

if TYPE_CHECKING:
    from . import ReadOptions

log = logging.getLogger("digest")

RECORDS = "records"
"""The field-map key that says where the list of records is in a .json document."""
FIELDS = tuple(name for name in JSON_FIELDS if name != RECORDS)
"""digest's names for a record's fields; the field map may rename each of them."""


def read_json_articles(path: Path, data: bytes, options: ReadOptions) -> list[Article]:
    """Articles from a .json file (one record or a list) or a .jsonl file (one per line).

    A bad record is logged and skipped; the file fails only when no record is usable.
    """
    from . import decode

    text = decode(path, data, options)
    names = {**{f: f for f in FIELDS}, **dict(options.fields)}
    records: list[tuple[str, object]] = []
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    records.append((f"{path}:{number}", json.loads(line)))
                except json.JSONDecodeError as exc:
                    log.warning("skipped %s:%d: not JSON: %s", path, number, exc.msg)
                except RecursionError:
                    log.warning("skipped %s:%d: JSON nested too deeply", path, number)
    else:
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{path}: line {exc.lineno} column {exc.colno}: not JSON: {exc.msg}"
            ) from None
        except RecursionError:
            raise InputError(f"{path}: JSON nested too deeply to be article records") from None
        if RECORDS in names:
            loaded = _lookup(loaded, names[RECORDS])
            if not isinstance(loaded, list):
                raise InputError(
                    f"{path}: no list of records at {names[RECORDS]!r}; "
                    "Hint: check 'records' in the source's field map"
                )
        items = loaded if isinstance(loaded, list) else [loaded]
        records = [(f"{path}[{i}]", item) for i, item in enumerate(items)]
    articles = []
    for where, record in records:
        try:
            articles.append(_article(where, record, path, options, names))
        except InputError as exc:
            log.warning("skipped %s", exc)
    if not articles:
        raise InputError(
            f"{path}: no usable article records; Hint: each needs {names['id']!r} and "
            f"{names['text']!r} (map other names with 'fields:' on the source)"
        )
    return articles


def _article(
    where: str, record: object, path: Path, options: ReadOptions, names: Mapping[str, str]
) -> Article:
    from . import as_datetime

    if not isinstance(record, dict):
        raise InputError(
            f"{where}: expected an object with {names['id']!r} and {names['text']!r}, "
            f"got {type(record).__name__}"
        )
    values = {
        field: _scalar(where, names[field], _lookup(record, names[field])) for field in FIELDS
    }
    body = values["text"]
    if not body or not body.strip():
        raise InputError(f"{where}: {names['text']!r} is missing or empty")
    ident = values["id"]
    if not ident or not ident.strip():
        raise InputError(
            f"{where}: {names['id']!r} is missing; Hint: every record needs a stable id"
        )
    published = _lookup(record, names["published"])
    return Article(
        id=ident,
        source=values["source"] or options.outlet or "",
        title=values["title"] or "",
        url=values["url"] or None,
        published=as_datetime(published, options.timezone, where)
        or as_datetime(options.published, options.timezone, where),
        text=body,
        path=str(path),
        body=(Span(0, len(body)),),
        author=values["author"] or None,
    )


def _lookup(record: object, key: str) -> object:
    """The value at `key` in a record; a dotted key walks into nested objects."""
    if isinstance(record, dict) and key in record:
        return record[key]
    value = record
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _scalar(where: str, key: str, value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"{where}: {key!r} must be a string, got {type(value).__name__}")
    return str(value)
