"""What a reader needs besides a file's bytes: the source's defaults and limits, decoding, dates.

Every reader imports this module, and the registry in `files` imports every reader."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from ..errors import InputError
from .encoding import decode as decode_bytes
from .timestamps import parse_datetime

DEFAULT_MAX_SIZE = 5_000_000


@dataclass(frozen=True)
class ReadOptions:
    """Defaults for what a file does not say about itself, and the limits of reading."""

    outlet: str | None = None
    timezone: tzinfo = ZoneInfo("UTC")
    published: date | datetime | None = None
    max_size: int = DEFAULT_MAX_SIZE
    """The most bytes one article may take: a whole file, or one record of a JSON dump."""
    encoding: str | None = None
    # JSON field map: digest's field name -> the record's key ("text" -> "body").
    fields: tuple[tuple[str, str], ...] = ()
    name: str | None = None
    """The id of an article whose file does not give one: its path below the input's root."""


def too_big(where: str, size: int, limit: int) -> str:
    """The message for a file or download over the size limit."""
    return (
        f"{where}: {size / 1e6:.1f} MB is over the size limit of {limit / 1e6:.1f} MB; "
        "Hint: raise limits.max_size in the config if it is a real article"
    )


def decode(
    path: Path | str, data: bytes, options: ReadOptions | None = None, declared: str | None = None
) -> str:
    """Decode a file's bytes; raise InputError naming the file when no encoding reads them.

    The source's `encoding:` when set; else UTF-8, then `declared` (the charset the
    document names), then a detected one.
    """
    forced = options.encoding if options else None
    if forced:
        try:
            return data.decode(forced)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: not {forced} text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "Hint: remove 'encoding:' from its source to detect the encoding"
            ) from None
    return decode_bytes(str(path), data, declared)


def as_datetime(value: object, zone: tzinfo, where: str) -> datetime | None:
    """A tz-aware datetime from a YAML/JSON value; naive times take the source's zone."""
    try:
        return parse_datetime(value, zone)
    except ValueError as exc:
        raise InputError(
            f"{where}: published: cannot read {value!r:.60} as a date ({exc}); "
            "Hint: write e.g. '2023-09-12T18:00:00-04:00'"
        ) from None
