"""Who receives the brief: the config's `subscribers:`, or the YAML or CSV file it names.

Each subscriber has an address, an optional name, the topics they read (by id; `other`
is "Other reporting"; none given: the whole brief) and formats: `html` (an HTML mail
with a text part), `text` (plain text only), `pdf` (the PDF attached to either).
Errors name the file, the line, the key and a hint, like every config error.

A CSV file has a header row with `address` and any of `name`, `topics`, `formats`;
several topics or formats in one cell are separated by spaces or semicolons:

    address,name,topics,formats
    analyst@example.org,Desk Analyst,,html pdf
    duty@example.org,Duty Officer,nk-russia-arms;unsc-sanctions,text
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..config.delivery import SubscriberSpec
from ..config.load import Config
from ..config.messages import describe_error, key_lines, line_note
from ..config.schema import ConfigFile
from ..errors import ConfigError
from ..render.text_filters import one_line

OTHER = "other"
"""The topic id that stands for "Other reporting" in a subscriber's topics."""

_CSV_COLUMNS = ("address", "name", "topics", "formats")


@dataclass(frozen=True)
class Subscriber:
    """One recipient and what they read: topic ids (None: all) and formats."""

    address: str
    name: str | None = None
    topics: tuple[str, ...] | None = None
    formats: frozenset[str] = frozenset({"html"})

    @property
    def key(self) -> str:
        """The address as the send ledger knows it (case-insensitive)."""
        return self.address.lower()

    @property
    def wants_pdf(self) -> bool:
        """Whether the PDF is attached."""
        return "pdf" in self.formats

    @property
    def wants_html(self) -> bool:
        """Whether the mail has an HTML part (else it is plain text only)."""
        return "html" in self.formats


def load_subscribers(config: Config) -> tuple[Subscriber, ...]:
    """The config's subscribers, validated against its topics; ConfigError naming the line."""
    settings = config.settings
    if settings.subscribers_file is None:
        lines = _config_lines(config.path)
        specs, path = list(settings.subscribers), config.path
    else:
        if settings.subscribers:
            lines = _config_lines(config.path)
            raise ConfigError(
                f"{config.path}{line_note(lines, 'subscribers')}: subscribers: given with "
                "subscribers_file too\nHint: keep the list in one place: remove one of them"
            )
        path = config.resolve(settings.subscribers_file)
        specs, lines = read_subscriber_file(path)
    return _checked(specs, path, lines, [t.id for t in config.topics])


def read_subscriber_file(path: Path) -> tuple[list[SubscriberSpec], dict[str, int]]:
    """The subscribers in a YAML (a list, or `subscribers:` holding one) or CSV file."""
    try:
        source = path.read_text(encoding="utf-8-sig")  # a BOM from a spreadsheet is no error
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: no such subscriber file\nHint: fix 'subscribers_file' in the config "
            "(relative to the config's folder)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the subscriber file: {exc}") from None
    if path.suffix.lower() == ".csv":
        records, lines = _csv_records(source, path)
    elif path.suffix.lower() in (".yaml", ".yml"):
        records, lines = _yaml_records(source, path)
    else:
        raise ConfigError(
            f"{path}: unknown subscriber file type {path.suffix!r}\n"
            "Hint: use a .yaml, .yml or .csv file"
        )
    try:
        settings = ConfigFile.model_validate({"subscribers": records})
    except ValidationError as exc:
        raise ConfigError(describe_error(exc, path, lines)) from None
    return list(settings.subscribers), lines


def _config_lines(path: Path) -> dict[str, int]:
    try:
        return key_lines(yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}  # the config was read a moment ago; without lines the message still names keys


def _yaml_records(source: str, path: Path) -> tuple[Any, dict[str, int]]:
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(
            f"{path}{where}: not valid YAML: {getattr(exc, 'problem', None) or exc}\n"
            "Hint: check the indentation and quote values that contain ':' or '#'"
        ) from None
    if isinstance(data, dict) and set(data) == {"subscribers"}:
        return data["subscribers"], key_lines(node)
    if isinstance(data, list):
        return data, key_lines(node, "subscribers")
    raise ConfigError(
        f"{path}: expected a list of subscribers, got {type(data).__name__}\n"
        "Hint: one '- address: name@example.org' entry per subscriber"
    )


def _csv_records(source: str, path: Path) -> tuple[list[dict[str, Any]], dict[str, int]]:
    reader = csv.DictReader(io.StringIO(source, newline=""))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    unknown = [c for c in columns if c not in _CSV_COLUMNS]
    if "address" not in columns or unknown:
        what = f"unknown column {unknown[0]!r}" if unknown else "no 'address' column"
        close = difflib.get_close_matches(unknown[0], _CSV_COLUMNS, n=1) if unknown else []
        raise ConfigError(
            f"{path}:1: {what}\nHint: "
            + (f"did you mean {close[0]!r}? " if close else "")
            + f"the header row names columns among {', '.join(_CSV_COLUMNS)}"
        )
    reader.fieldnames = columns
    records: list[dict[str, Any]] = []
    lines: dict[str, int] = {}
    for row in reader:
        key = f"subscribers[{len(records)}]"
        for name in ("", *columns):
            lines[f"{key}.{name}" if name else key] = reader.line_num
        record: dict[str, Any] = {"address": (row.get("address") or "").strip()}
        if (row.get("name") or "").strip():
            record["name"] = row["name"].strip()
        for name in ("topics", "formats"):
            items = [i for i in re.split(r"[;\s]+", row.get(name) or "") if i]
            if items:
                record[name] = items
        records.append(record)
    return records, lines


def _checked(
    specs: Sequence[SubscriberSpec], path: Path, lines: Mapping[str, int], topic_ids: list[str]
) -> tuple[Subscriber, ...]:
    known = [*topic_ids, OTHER]
    seen: dict[str, int] = {}
    subscribers = []
    for index, spec in enumerate(specs):
        key = f"subscribers[{index}]"
        if spec.topics is not None:
            if not spec.topics:
                raise ConfigError(
                    f"{path}{line_note(lines, key + '.topics')}: {key}.topics: an empty list sends "
                    "nothing\nHint: leave 'topics' out for the whole brief, or name topic ids"
                )
            for topic in spec.topics:
                if topic not in known:
                    close = difflib.get_close_matches(topic, known, n=1)
                    raise ConfigError(
                        f"{path}{line_note(lines, key + '.topics')}: {key}.topics: unknown topic "
                        f"{topic!r}\nHint: "
                        + (f"did you mean {close[0]!r}? " if close else "")
                        + f"topic ids here: {', '.join(known)}"
                    )
        address = spec.address.lower()
        if address in seen:
            raise ConfigError(
                f"{path}{line_note(lines, key + '.address')}: {key}.address: {spec.address!r} is "
                f"listed twice (first as subscribers[{seen[address]}])\n"
                "Hint: one entry per address; list all of its topics there"
            )
        seen[address] = index
        subscribers.append(
            Subscriber(
                address=spec.address,
                name=one_line(spec.name) or None,
                topics=None if spec.topics is None else tuple(dict.fromkeys(spec.topics)),
                formats=frozenset(spec.formats),
            )
        )
    return tuple(subscribers)
