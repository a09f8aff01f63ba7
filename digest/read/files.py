"""Readers: one module per input format, and a registry choosing one by file suffix.

A reader turns one file's bytes into articles. It raises `InputError` for a file that
is not an article; `read_inputs` turns that into a `Skipped` entry so that one bad file
never stops the build of the others. Feed readers yield their items one by one, so a
feed with 100,000 items is never held whole.

JSON and JSON Lines dumps are read by stream readers (`STREAM_READERS`), which open the
file themselves: a dump of any size is read record by record, the size limit applies to
each record, and each record that cannot be read is a `Skipped` entry among the articles.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Article, Skipped
from . import feed, html, jsonl
from . import plaintext as text
from .options import ReadOptions, too_big

log = logging.getLogger("digest")


Reader = Callable[[Path, bytes, ReadOptions], Iterable[Article]]
"""Articles from a file's bytes, read whole (the file is within the size limit)."""
StreamReader = Callable[[Path, BinaryIO, ReadOptions], Iterable[Article | Skipped]]
"""Articles from a file of many records, read as a stream, with a `Skipped` per bad record."""

READERS: dict[str, Reader] = {
    ".txt": text.read_text_article,
    ".md": text.read_text_article,
    ".html": html.read_html_article,
    ".htm": html.read_html_article,
    ".xml": feed.read_feed_file,
    ".rss": feed.read_feed_file,
    ".atom": feed.read_feed_file,
}

STREAM_READERS: dict[str, StreamReader] = {
    ".json": jsonl.read_json_stream,
    ".jsonl": jsonl.read_json_stream,
}
"""Readers that open the file themselves: dumps of many records."""

SUFFIXES = frozenset(READERS) | frozenset(STREAM_READERS)
"""The suffixes of article files."""


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named by `paths`: folders are walked, globs expanded, in sorted order."""
    for path, _name in named_paths(paths):
        yield path


def named_paths(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """`expand_paths` with each file's name: its path below the folder or glob that found it.

    The name, without the file's suffix and with '/' between folders, is the article id
    of a file that gives none: `business/001.txt` and `tech/001.txt` of one corpus are two
    articles, and so are `inbox/2023-09-12/001.txt` and `inbox/2023-09-13/001.txt`. A file
    named on its own is named by its stem.
    """
    for raw in paths:
        path = Path(raw)
        if any(ch in str(raw) for ch in "*?["):
            anchor = Path(path.anchor) if path.is_absolute() else Path(".")
            pattern = str(path.relative_to(anchor)) if path.is_absolute() else str(raw)
            root = _glob_root(anchor, pattern)
            for found in sorted(p for p in anchor.glob(pattern) if p.is_file()):
                yield found, _name(found, root)
        elif path.is_dir():
            for found in sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not _notes(p.relative_to(path))
            ):
                yield found, _name(found, path)
        else:
            yield path, path.stem


def _notes(relative: Path) -> bool:
    """Whether a file below a folder of articles is about the folder (README.TXT, readme.md)
    or hidden (in .git/, an editor's .swp): read when named, never when a folder is walked."""
    return relative.stem.lower() == "readme" or any(p.startswith(".") for p in relative.parts)


def _glob_root(anchor: Path, pattern: str) -> Path:
    """The folder a glob starts from: its parts before the first one with a wildcard."""
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if any(ch in part for ch in "*?[")), 0)
    return anchor.joinpath(*parts[:fixed])


def _name(path: Path, root: Path) -> str:
    """`path` below `root`, without its suffix, folders joined by '/'."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return path.stem
    return relative.with_suffix("").as_posix() if relative.suffix else relative.as_posix()


def read_file(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[Article]:
    """Read one file into articles; raise InputError naming the file when it cannot be.

    The records a JSON dump skips are logged and left out; `read_items` returns them.
    """
    reader_for(path)  # an unknown suffix is refused before the file is opened
    if path.suffix.lower() in STREAM_READERS:
        return _articles(read_items(path, options))
    try:
        size = path.stat().st_size
        if size > options.max_size:
            raise InputError(too_big(str(path), size, options.max_size))
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return read_data(path, data, options)


def read_items(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[Article | Skipped]:
    """One file's articles and, for a dump of records, a `Skipped` for each bad record.

    A dump is streamed from the file, never read whole; InputError names the file when
    it cannot be read at all.
    """
    stream = STREAM_READERS.get(path.suffix.lower())
    if stream is None:
        return read_file(path, options)
    return _stream_file(path, stream, options)


def _stream_file(
    path: Path, reader: StreamReader, options: ReadOptions
) -> Iterator[Article | Skipped]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with handle:
        yield from _stream(path, handle, reader, options)


def read_data(path: Path, data: bytes, options: ReadOptions = ReadOptions()) -> Iterator[Article]:
    """Articles from `data`, the bytes of a file named `path` (its suffix picks the reader).

    A JSON dump is streamed from `data`; its bad records are logged and left out.
    """
    reader_for(path)  # an unknown suffix is refused
    stream = STREAM_READERS.get(path.suffix.lower())
    if stream is not None:
        return _articles(_stream(path, BytesIO(data), stream, options))
    if len(data) > options.max_size:
        raise InputError(too_big(str(path), len(data), options.max_size))
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    return iter(READERS[path.suffix.lower()](path, data, options))


def _stream(
    path: Path, handle: BinaryIO, reader: StreamReader, options: ReadOptions
) -> Iterator[Article | Skipped]:
    """The records of an open dump, after checking it is text and not empty."""
    head = handle.read(8192)
    if b"\x00" in head:
        raise InputError(f"{path}: binary file, not text")
    while head and not head.strip():
        head = handle.read(1 << 20)
    if not head:
        raise InputError(f"{path}: empty file")
    handle.seek(0)
    yield from reader(path, handle, options)


def _articles(items: Iterable[Article | Skipped]) -> Iterator[Article]:
    return (item for item in items if isinstance(item, Article))


def reader_for(path: Path) -> Reader | StreamReader:
    """The reader for a file's suffix; InputError with the supported suffixes otherwise."""
    suffix = path.suffix.lower()
    reader = STREAM_READERS.get(suffix) or READERS.get(suffix)
    if reader is not None:
        return reader
    raise InputError(
        f"{path}: not a supported article file (suffix {path.suffix!r}); "
        f"Hint: use one of {', '.join(sorted(SUFFIXES))}"
    )


def read_inputs(
    paths: Sequence[str | Path], options: ReadOptions = ReadOptions()
) -> tuple[list[Article], list[Skipped]]:
    """Read every file named by `paths`; files that cannot be read are skipped and logged."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen_ids: set[str] = set()
    for path, name in named_paths(paths):
        for item in iter_file(path, replace(options, name=name)):
            if isinstance(item, Skipped):
                skipped.append(item)
            elif item.id in seen_ids:
                log.warning("skipped %s: article id %r already read", path, item.id)
                skipped.append(Skipped(str(path), f"duplicate article id {item.id!r}"))
            else:
                seen_ids.add(item.id)
                articles.append(item)
    return articles, skipped


def iter_file(path: Path, options: ReadOptions) -> Iterator[Article | Skipped]:
    """The articles of one file, each bad record of a dump as a `Skipped` entry among them,
    then a `Skipped` entry for the file if reading it failed part way."""
    try:
        yield from read_items(path, options)
    except InputError as exc:
        log.warning("skipped %s", exc)
        yield Skipped(str(path), str(exc).removeprefix(f"{path}: "))
    except Exception as exc:  # a reader's bug must cost one file, never the brief
        log.exception("skipped %s: could not be read", path)
        yield Skipped(str(path), f"could not be read: {type(exc).__name__}: {exc}")
