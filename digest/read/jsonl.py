"""JSON and JSON Lines records from news APIs and dumps: id, title, source, url, published, text.

A dump of any size is read as a stream: a .jsonl file line by line, a .json document
event by event (ijson), so memory stays that of one record. `limits.max_size` applies to
each record, not to the file. A record that cannot be read (not JSON, over the limit, no
text) is skipped with a `Skipped` entry of its own (`dump.jsonl:17`, `dump.json[16]`)
among the articles; a file none of whose records is usable is one entry, with the count.

Fields are looked up under the names producers use (`USUAL_NAMES`: `doc_id` or `guid`
for the id, `body` for the text, `pubDate` for the date, ...). The source's field map
(`fields:` in the config) names the key to use instead, e.g. `text: body`, or a dotted
path into a nested object (`source: publisher.name`); `records: articles` says where the
list of records sits in a .json document such as `{"status": "ok", "articles": [...]}`.
A record without an id gets one from its file's name and a hash of its text.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import ijson

from ..config.schema import JSON_FIELDS
from ..errors import InputError
from ..model import Article, Skipped, Span
from .options import ReadOptions, as_datetime, decode, too_big

log = logging.getLogger("digest")

RECORDS = "records"
"""The field-map key that says where the list of records is in a .json document."""
FIELDS = tuple(name for name in JSON_FIELDS if name != RECORDS)
"""digest's names for a record's fields; the field map may rename each of them."""

USUAL_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "guid", "uuid", "url"),
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher"),
    "url": ("url", "link"),
    "published": ("published", "date", "pubDate"),
    "text": ("text", "body", "content"),
    "author": ("author",),
}
"""The keys tried, in order, for a field the field map does not name."""
assert set(USUAL_NAMES) == set(FIELDS)

MAX_DEPTH = 100
"""Nesting a .json record may have; deeper is no news record (and would cost recursion)."""
_HELD = 1000
"""Bad records held back until the first good one: a file of only bad ones is one entry
(past this many, the bad records are listed as they come, and the file's entry after them)."""
_CHUNK = 1 << 20
_READ = _CHUNK
"""What ijson reads at a time, while no token spans reads."""
_MAX_READ = 1 << 28

Record = tuple[str, object, str | None]
"""Where a record is (`dump.jsonl:17`), its value, and why it cannot be read (or None)."""


@dataclass(frozen=True)
class FieldMap:
    """Which keys to try for each of digest's fields, and where a .json document's records are."""

    keys: Mapping[str, tuple[str, ...]]
    mapped: frozenset[str]
    """Fields the field map names: only that key is tried, and a bad value is an error."""
    records: str | None = None

    @classmethod
    def of(cls, fields: tuple[tuple[str, str], ...]) -> FieldMap:
        given = dict(fields)
        keys = {f: (given[f],) if f in given else USUAL_NAMES[f] for f in FIELDS}
        return cls(keys, frozenset(f for f in FIELDS if f in given), given.get(RECORDS))

    def names(self, field: str) -> str:
        """The keys of `field` for a message: 'body', or 'text', 'body' or 'content'."""
        quoted = [repr(key) for key in self.keys[field]]
        return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def read_json_stream(
    path: Path, stream: BinaryIO, options: ReadOptions
) -> Iterator[Article | Skipped]:
    """Articles from a .json file (one record, a list, or a list at `records:`) or a .jsonl
    file (one record a line), read from `stream`, with a `Skipped` for each bad record
    among them (those before the first good record come right after it).

    Raises InputError for a file none of whose records is usable, or a .json document
    that breaks off (after yielding the articles before the break).
    """
    fields = FieldMap.of(options.fields)
    if path.suffix.lower() == ".jsonl":
        records = _lines(path, stream, options)
    else:
        records = _document(path, stream, options, fields.records)
    count = read = 0
    first: str | None = None
    held: list[Skipped] = []
    flushed = False
    for where, record, problem in records:
        count += 1
        if problem is None:
            try:
                article = _article(where, record, path, options, fields)
            except InputError as exc:
                problem = str(exc).removeprefix(f"{where}: ")
            else:
                read += 1
                yield article
                if held:
                    yield from held
                    held.clear()
                continue
        log.warning("skipped %s: %s", where, problem)
        first = first or problem
        skipped = Skipped(where, problem)
        if read or flushed:
            yield skipped
        else:
            held.append(skipped)
            if len(held) >= _HELD:
                yield from held
                held.clear()
                flushed = True
    if not count:
        raise InputError(f"{path}: no article records: the list of records is empty")
    if not read:
        why, _, hint = (first or "").partition("; Hint: ")
        raise InputError(
            f"{path}: no usable article records among {count} (first: {why}); Hint: "
            + (
                hint
                or f"each needs its text under {fields.names('text')} "
                "(map other names with 'fields:' on the source)"
            )
        )


# --- JSON Lines -----------------------------------------------------------------------------


def _lines(path: Path, stream: BinaryIO, options: ReadOptions) -> Iterator[Record]:
    """Each non-blank line's record; a line over the size limit is measured, never held."""

    limit = options.max_size
    number = 0
    while line := stream.readline(limit + 2):
        number += 1
        where = f"{path}:{number}"
        if len(line) == limit + 2 and not line.endswith(b"\n"):
            size, last = len(line), line
            while last and not last.endswith(b"\n"):
                last = stream.readline(_CHUNK)
                size += len(last)
            size -= len(last) - len(last.rstrip(b"\r\n"))
            yield where, None, too_big(where, size, limit).removeprefix(f"{where}: ")
            continue
        line = line.rstrip(b"\r\n")
        if not line.strip():
            continue
        if len(line) > limit:
            yield where, None, too_big(where, len(line), limit).removeprefix(f"{where}: ")
            continue
        try:
            text = _line_text(where, line, options, first=number == 1)
        except InputError as exc:
            yield where, None, str(exc).removeprefix(f"{where}: ")
            continue
        try:
            yield where, json.loads(text), None
        except json.JSONDecodeError as exc:
            yield where, None, f"not JSON: {exc.msg}"
        except RecursionError:
            yield where, None, "JSON nested too deeply"


def _line_text(where: str, line: bytes, options: ReadOptions, *, first: bool) -> str:
    """A line's text: the source's encoding, else UTF-8, else a detected encoding."""

    if options.encoding:
        text = decode(where, line, options)
    else:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text = decode(where, line, options)
    return text.removeprefix("\ufeff") if first else text


# --- JSON documents -------------------------------------------------------------------------


def _document(
    path: Path, stream: BinaryIO, options: ReadOptions, records_at: str | None
) -> Iterator[Record]:
    """The records of a .json document, built from its parse events one at a time."""
    source = _Chunks(_utf8(path, stream, options))
    walk = _Walk(path, records_at, options.max_size)
    try:
        yield from walk.records(ijson.basic_parse(source, buf_size=_READ), source)
    except ijson.JSONError as exc:
        raise InputError(f"{path}: {_not_json(path, stream, options, exc, walk.index)}") from None
    if records_at is not None and not walk.found:
        raise InputError(
            f"{path}: no list of records at {records_at!r}; "
            "Hint: check 'records' in the source's field map"
        )


class _Walk:
    """Finds the records among a document's parse events and builds each one."""

    def __init__(self, path: Path, records_at: str | None, limit: int) -> None:
        self.path = path
        self.records_at = records_at
        self.limit = limit
        self.found = False
        self.index = 0

    def records(self, events: Iterator[tuple[str, object]], source: _Chunks) -> Iterator[Record]:
        # One entry per container open outside a record: the current key of an object
        # (None before its first key), or _ARRAY.
        outer: list[object] = []
        level = -1  # len(outer) while directly inside the list of records
        record: _Builder | None = None
        for event, value in events:
            source.events += 1
            if record is None:
                if len(outer) == level and event != "end_array":
                    record = _Builder(f"{self.path}[{self.index}]", self.limit)
                    self.index += 1
                elif not outer and self.records_at is None and event != "start_array":
                    record = _Builder(str(self.path), self.limit, whole=True)
                    self.found = True
            if record is not None:
                if record.add(event, value):
                    yield record.record()
                    record = None
                continue
            if event == "map_key":
                outer[-1] = value
            elif event == "start_map":
                outer.append(None)
            elif event == "start_array":
                here = not outer if self.records_at is None else self._at_records(outer)
                outer.append(_ARRAY)
                if here and not self.found:
                    level, self.found = len(outer), True
            elif event in ("end_map", "end_array"):
                if len(outer) == level:
                    level = -1
                outer.pop()

    def _at_records(self, outer: list[object]) -> bool:
        keys = [key for key in outer if isinstance(key, str)]
        return bool(outer) and len(keys) == len(outer) and ".".join(keys) == self.records_at


_ARRAY = object()


class _Builder:
    """One record from its parse events; past the size limit or MAX_DEPTH, only measured."""

    def __init__(self, where: str, limit: int, *, whole: bool = False) -> None:
        self.where = where
        self.limit = limit
        self.whole = whole
        self.size = 0
        self.depth = 0
        self.problem: str | None = None
        self.is_object: bool | None = None
        self.value: object = None
        self.stack: list[dict[str, object] | list[object]] = []
        self.keys: list[str] = []

    def add(self, event: str, value: object) -> bool:
        """Take one event; True when the record is complete."""
        if self.is_object is None:
            self.is_object = event == "start_map"
        if event == "string" or event == "map_key":
            assert isinstance(value, str)
            self.size += (
                len(value) if value.isascii() else len(value.encode("utf-8", "replace"))
            ) + 3
        elif event == "start_map" or event == "start_array":
            self.depth += 1
            self.size += 1
        elif event == "end_map" or event == "end_array":
            self.depth -= 1
            self.size += 1
        else:
            self.size += len(str(value)) + 1
        if self.problem is None:
            if self.size > self.limit:
                self._drop("too big")
            elif self.depth > MAX_DEPTH:
                self._drop(f"JSON nested too deeply (over {MAX_DEPTH} levels)")
            else:
                self._build(event, value)
        return self.depth == 0

    def record(self) -> Record:
        if self.problem != "too big":
            return self.where, self.value, self.problem

        reason = too_big(self.where, self.size, self.limit).removeprefix(f"{self.where}: ")
        if self.whole and self.is_object:
            reason = reason.split("; Hint:")[0] + (
                "; Hint: if the document holds a list of records, name its key with "
                "'records:' in the source's 'fields:'"
            )
        return self.where, None, reason

    def _drop(self, problem: str) -> None:
        self.problem = problem
        self.value = None
        self.stack.clear()
        self.keys.clear()

    def _build(self, event: str, value: object) -> None:
        if event == "map_key":
            assert isinstance(value, str)
            self.keys[-1] = value
        elif event == "start_map" or event == "start_array":
            container: dict[str, object] | list[object] = {} if event == "start_map" else []
            self._put(container)
            self.stack.append(container)
            self.keys.append("")
        elif event == "end_map" or event == "end_array":
            self.stack.pop()
            self.keys.pop()
        else:
            self._put(float(value) if isinstance(value, Decimal) else value)

    def _put(self, value: object) -> None:
        if not self.stack:
            self.value = value
            return
        top = self.stack[-1]
        if isinstance(top, list):
            top.append(value)
        else:
            top[self.keys[-1]] = value


class _Chunks:
    """The bytes ijson parses, read 1 MB at a time, and twice as much each time the last
    read gave no parse event: the C parser lexes a token that spans reads again from its
    start on every read, which costs quadratic time on a long string with escapes."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.size = _READ
        self.events = 0
        self._seen = -1

    def read(self, size: int = -1) -> bytes:
        if size == 0:
            return b""
        grow = self.events == self._seen
        self.size = min(self.size * 2, _MAX_READ) if grow else _READ
        self._seen = self.events
        return self.raw.read(self.size)


def _utf8(path: Path, stream: BinaryIO, options: ReadOptions) -> BinaryIO:
    """The document as UTF-8 bytes for ijson: recoded from the source's encoding when set,
    else as it is when it is UTF-8, else decoded whole with a detected encoding (a file
    within the size limit only)."""

    if options.encoding:
        return _Recoded(path, stream, options.encoding)  # type: ignore[return-value]
    bad = _first_non_utf8(stream)
    if bad is None:
        stream.seek(len(codecs.BOM_UTF8) if stream.read(3) == codecs.BOM_UTF8 else 0)
        return stream
    size = stream.seek(0, io.SEEK_END)
    if size > options.max_size:
        offset, byte = bad
        raise InputError(
            f"{path}: not UTF-8 (byte 0x{byte:02x} at offset {offset}), and at "
            f"{size / 1e6:.1f} MB too big to detect its encoding (the limit is "
            f"{options.max_size / 1e6:.1f} MB); Hint: set 'encoding:' on its source, "
            "or convert it with iconv -t UTF-8"
        )
    stream.seek(0)
    return io.BytesIO(decode(path, stream.read(), options).encode("utf-8", "surrogatepass"))


def _first_non_utf8(stream: BinaryIO) -> tuple[int, int] | None:
    """The offset and value of the first byte that is not UTF-8, read in chunks."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    stream.seek(0)
    while True:
        chunk = stream.read(_CHUNK)
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            return offset - pending + exc.start, exc.object[exc.start]
        offset += len(chunk)
        if not chunk:
            return None


class _Recoded:
    """A binary stream in another encoding, read as UTF-8 (what ijson parses)."""

    def __init__(self, path: Path, raw: BinaryIO, encoding: str) -> None:
        self.path = path
        self.raw = raw
        self.encoding = encoding
        self.decoder = codecs.getincrementaldecoder(encoding)()
        self.offset = 0
        self.first = True

    def read(self, size: int = -1) -> bytes:
        while True:
            chunk = self.raw.read(size if size > 0 else _CHUNK)
            try:
                text = self.decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{self.path}: not {self.encoding} text (byte 0x{exc.object[exc.start]:02x} "
                    f"near offset {self.offset + exc.start}); "
                    "Hint: remove 'encoding:' from its source to detect the encoding"
                ) from None
            self.offset += len(chunk)
            if self.first and text:
                text, self.first = text.removeprefix("\ufeff"), False
            if text or not chunk:
                return text.encode("utf-8", "surrogatepass")


def _not_json(
    path: Path, stream: BinaryIO, options: ReadOptions, exc: Exception, records: int
) -> str:
    """Why a document is not JSON: at its line and column when it is small enough to say,
    else in which record of its list (`records` were begun)."""

    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if first.startswith(("b'", 'b"')):
        first = first[2:]
    size = stream.seek(0, io.SEEK_END)
    if size <= options.max_size:
        stream.seek(0)
        try:
            json.loads(decode(path, stream.read(), options).removeprefix("\ufeff"))
        except json.JSONDecodeError as error:
            return f"line {error.lineno} column {error.colno}: not JSON: {error.msg}"
        except (RecursionError, InputError):
            pass
    where = f"record [{records - 1}]: " if records else ""
    return f"{where}not JSON: {first.rstrip('.')}"


# --- records to articles --------------------------------------------------------------------


def _article(
    where: str, record: object, path: Path, options: ReadOptions, fields: FieldMap
) -> Article:

    if not isinstance(record, dict):
        raise InputError(
            f"{where}: expected an object with the article's fields, got {type(record).__name__}"
        )
    body = _text(where, record, "text", fields)
    if body is None:
        several = len(fields.keys["text"]) > 1
        raise InputError(
            f"{where}: {fields.names('text').replace(' or ', ' and ')} "
            + ("are" if several else "is")
            + " missing or empty"
        )
    ident = _text(where, record, "id", fields) or stable_id(options.name or path.stem, body)
    published = _raw(record, "published", fields)
    return Article(
        id=ident,
        source=_text(where, record, "source", fields) or options.outlet or "",
        title=_text(where, record, "title", fields) or "",
        url=_text(where, record, "url", fields),
        published=as_datetime(published, options.timezone, where)
        or as_datetime(options.published, options.timezone, where),
        text=body,
        path=str(path),
        body=(Span(0, len(body)),),
        author=_text(where, record, "author", fields),
    )


def stable_id(name: str, text: str) -> str:
    """The id of a record that gives none: its file's name and a hash of its text."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
    return f"{name}#{digest}"


def _text(where: str, record: dict[str, object], field: str, fields: FieldMap) -> str | None:
    """The first non-empty text among `field`'s keys; a mapped key's bad value is an error,
    a usual name's is passed over (it may mean something else to its producer)."""
    mapped = field in fields.mapped
    for key in fields.keys[field]:
        value = _lookup(record, key)
        if field in ("source", "author"):
            value = _named(value, several=field == "author")
        try:
            text = _scalar(where, key, value)
        except InputError:
            if mapped:
                raise
            continue
        if text is not None and text.strip():
            return text
    return None


def _raw(record: dict[str, object], field: str, fields: FieldMap) -> object:
    """The first value present among `field`'s keys, as it is."""
    for key in fields.keys[field]:
        value = _lookup(record, key)
        if value is not None and value != "":
            return value
    return None


def _named(value: object, *, several: bool = False) -> object:
    """`{"name": "Reuters"}` as its name; with `several`, a list of names or named objects
    joined ("A. One, B. Two")."""
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    if several and isinstance(value, list) and value:
        names = [_named(item) for item in value]
        if all(isinstance(name, str) and name.strip() for name in names):
            return ", ".join(str(name) for name in names)
    return value


def _lookup(record: object, key: str) -> object:
    """The value at `key` in a record; a dotted key walks into nested objects."""
    if isinstance(record, dict) and key in record:
        return record[key]
    if "." not in key:
        return None
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
