"""The config file: its declared schema, loading, and error messages a user can act on.

Every error names the file, the key path and its line, the value received, what was
expected and a hint. Unknown keys are errors: a typo must not silently do nothing.
"""

from __future__ import annotations

import codecs
import difflib
import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .config_delivery import (
    DeliverySettings,
    HealthcheckSettings,
    SmtpSettings,
    SubscriberSpec,
)
from .errors import ConfigError, QueryError
from .topics import Topic, compile_topics
from .window import parse_length

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BriefSettings(_Strict):
    """The `brief:` block: what the brief is called and when it is issued."""

    title: str = "Daily Brief"
    timezone: str = "UTC"
    time: str = Field(default="06:00", description="the time of day the brief is issued, HH:MM")
    classification: str | None = None
    other_reporting: Literal["show", "drop"] = "show"
    bottom_line: int = Field(default=5, ge=0, le=20)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r}; Hint: use an IANA name such as 'Asia/Seoul' or 'UTC'"
            ) from None
        return value

    @field_validator("time")
    @classmethod
    def _clock(cls, value: str) -> str:
        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
            raise ValueError(f"expected a time of day as HH:MM, got {value!r}; Hint: write '06:00'")
        return value

    @property
    def tz(self) -> ZoneInfo:
        """The brief's time zone."""
        return ZoneInfo(self.timezone)

    @property
    def clock(self) -> clock_time:
        """The time of day the brief is issued."""
        hours, minutes = self.time.split(":")
        return clock_time(int(hours), int(minutes))

    def issued_at(self, day: date) -> datetime:
        """When the brief of `day` is issued, in the brief's zone."""
        return datetime.combine(day, self.clock, tzinfo=self.tz)


JSON_FIELDS = ("id", "title", "source", "url", "published", "text", "author", "records")
"""Keys of a source's `fields:` map: digest's names for a JSON record's fields."""


class SourceSpec(_Strict):
    """One entry of `sources:`: files (`path`) or a feed (`feed`), with defaults for its articles."""

    path: str | None = None
    feed: str | None = None
    outlet: str | None = None
    timezone: str | None = None
    encoding: str | None = None
    fetch_articles: bool = False
    fields: dict[str, str] = {}

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        return None if value is None else BriefSettings._known_zone(value)

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str | None) -> str | None:
        try:
            return None if value is None else codecs.lookup(value).name
        except LookupError:
            raise ValueError(
                f"unknown encoding {value!r}; Hint: use a name such as 'utf-8', 'cp1252' or "
                "'euc-kr', or leave it out to detect the encoding"
            ) from None

    @field_validator("feed")
    @classmethod
    def _feed_location(cls, value: str | None) -> str | None:
        scheme = urlsplit(value or "").scheme.lower()
        if value is not None and len(scheme) > 1 and scheme not in ("http", "https"):
            raise ValueError(
                f"expected an http(s) URL or a file path, got {value!r}; "
                "Hint: write a local feed as a path, without 'file://'"
            )
        return value

    @field_validator("fields")
    @classmethod
    def _field_names(cls, value: dict[str, str]) -> dict[str, str]:
        for name, key in value.items():
            if name not in JSON_FIELDS:
                close = difflib.get_close_matches(name, JSON_FIELDS, n=1)
                if key in JSON_FIELDS:  # written the wrong way round: "body: text"
                    close = [f"{key}: {name}"]
                raise ValueError(
                    f"unknown field {name!r}; Hint: "
                    + (f"did you mean {close[0]!r}? " if close else "")
                    + f"map digest's fields ({', '.join(JSON_FIELDS)}) to the record's keys, "
                    "e.g. 'text: body'"
                )
            if not key.strip():
                raise ValueError(f"{name}: empty record key; Hint: write e.g. 'text: body'")
        return value

    @model_validator(mode="after")
    def _one_kind(self) -> SourceSpec:
        if (self.path is None) == (self.feed is None):
            raise ValueError(
                "give either 'path' or 'feed'"
                + (", not both" if self.path is not None else "")
                + "; Hint: 'path: inbox/*.html' for files, 'feed: https://example.org/rss.xml' for a feed"
            )
        if self.fetch_articles and self.feed is None:
            raise ValueError(
                "'fetch_articles' applies to a feed; Hint: remove it, or use 'feed:' instead of 'path:'"
            )
        if self.fields and self.feed is not None:
            raise ValueError(
                "'fields' applies to JSON files under 'path:'; Hint: remove it from the feed"
            )
        return self


def parse_size(value: object) -> int:
    """Bytes from a size such as 5000000, "5 MB", "500 kB" or "2 MiB"; ValueError if not one."""
    units = {
        "": 1,
        "b": 1,
        "kb": 10**3,
        "mb": 10**6,
        "gb": 10**9,
        "kib": 2**10,
        "mib": 2**20,
        "gib": 2**30,
    }
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", str(value).lower())
    if isinstance(value, bool) or not match or match.group(2) not in units:
        raise ValueError(
            f"expected a size such as '5 MB', got {value!r}; Hint: a number with B, kB, MB or GB"
        )
    size = int(float(match.group(1)) * units[match.group(2)])
    if not 1000 <= size <= 2 * 10**9:
        raise ValueError(
            f"expected a size from 1 kB to 2 GB, got {value!r}; Hint: the default is '5 MB'"
        )
    return size


class Limits(_Strict):
    """The `limits:` block: input too big to be an article is refused, not read."""

    max_size: int = Field(
        default=5_000_000, description="files and downloads larger than this are refused"
    )

    @field_validator("max_size", mode="before")
    @classmethod
    def _size(cls, value: object) -> int:
        return parse_size(value)


class HttpSettings(_Strict):
    """The `http:` block: how feeds and the pages behind them are fetched."""

    timeout: float = Field(
        default=10.0, ge=0.1, le=300, description="seconds for one request, download included"
    )
    user_agent: str | None = None
    per_host: int = Field(
        default=2, ge=1, le=16, description="requests in flight to one host at most"
    )
    retries: int = Field(
        default=2, ge=0, le=10, description="more tries after a 5xx answer or a timeout"
    )
    backoff: float = Field(
        default=1.0, ge=0, le=60, description="seconds before the first retry; doubles"
    )
    max_redirects: int = Field(default=5, ge=0, le=20)


class TopicSpec(_Strict):
    """One entry of `topics:`: an id, a title and a boolean query."""

    id: str
    title: str
    query: str

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(
                f"expected a lower-case id of letters, digits, '-' or '_', got {value!r}; "
                "Hint: write e.g. 'nk-russia-arms'"
            )
        return value


class MergeSettings(_Strict):
    """The `merge:` block: when two claims or two articles count as the same."""

    claim_similarity: float = Field(
        default=0.8, ge=0.1, le=1.0, description="word-pair overlap for one claim; 1: exact only"
    )
    article_similarity: float = Field(
        default=0.5, ge=0.1, le=1.0, description="shingle overlap for a syndicated copy"
    )
    other_groups: int = Field(
        default=5, ge=0, le=20, description="labelled groups in Other reporting"
    )


class ExecutorSettings(_Strict):
    """The `executor:` block: where the per-article stages run; `digest build` flags win."""

    kind: Literal["serial", "process", "dask"] = "serial"
    jobs: int | None = Field(default=None, ge=1, le=1024, description="worker processes")
    scheduler: str | None = Field(default=None, description="a Dask scheduler, tcp://HOST:PORT")

    @model_validator(mode="after")
    def _scheduler_needs_dask(self) -> ExecutorSettings:
        if self.scheduler and self.kind != "dask":
            raise ValueError(
                f"a scheduler needs kind: dask, got kind: {self.kind}; "
                "Hint: set kind: dask, or remove scheduler"
            )
        return self


class ConfigFile(_Strict):
    """The whole config file as declared."""

    brief: BriefSettings = BriefSettings()
    merge: MergeSettings = MergeSettings()
    sources: list[SourceSpec] = []
    output: str = "out"
    templates: str | None = None
    aliases: dict[str, str] = {}
    topics: list[TopicSpec] = Field(default_factory=list)
    window: str = Field(
        default="24h", description="the brief covers articles published this long before it"
    )
    limits: Limits = Limits()
    state: str | None = Field(
        default=".digest/state.sqlite", description="what earlier runs read; null: nothing"
    )
    http: HttpSettings = HttpSettings()
    executor: ExecutorSettings = ExecutorSettings()
    strict: bool = Field(
        default=False,
        description="a claim or article that makes a step raise stops the build (exit 4) "
        "instead of being left out and listed under the brief's problems",
    )
    # Delivery (config_delivery.py): no smtp: writes the messages to <output>/<date>/outbox/.
    smtp: SmtpSettings | None = None
    delivery: DeliverySettings = DeliverySettings()
    subscribers: list[SubscriberSpec] = []
    subscribers_file: str | None = Field(default=None, description="YAML or CSV, beside the config")
    healthcheck: HealthcheckSettings | None = None

    @field_validator("window")
    @classmethod
    def _window(cls, value: str) -> str:
        parse_length(value)
        return value


class Config:
    """A loaded, validated config: the file's settings plus compiled topics and resolved paths."""

    def __init__(self, settings: ConfigFile, path: Path, topics: tuple[Topic, ...]) -> None:
        self.settings = settings
        self.path = path
        self.topics = topics

    @property
    def brief(self) -> BriefSettings:
        """The `brief:` block."""
        return self.settings.brief

    def resolve(self, value: str) -> Path:
        """A path from the config, relative to the config file's folder."""
        candidate = Path(value).expanduser()
        return candidate if candidate.is_absolute() else self.path.parent / candidate

    @property
    def output_dir(self) -> Path:
        """Where built briefs go (`output:`)."""
        return self.resolve(self.settings.output)

    @property
    def template_dir(self) -> Path | None:
        """The user's template folder (`templates:`), if any."""
        value = self.settings.templates
        return None if value is None else self.resolve(value)

    @property
    def state_path(self) -> Path | None:
        """The state file (`state:`), or None when runs remember nothing."""
        value = self.settings.state
        return None if value is None else self.resolve(value)

    @property
    def window(self) -> timedelta | None:
        """How long before its issue time a brief looks (`window:`); None: no limit."""
        return parse_length(self.settings.window)

    def topic_title(self, topic_id: str) -> str:
        """The title of a topic by id."""
        return next((t.title for t in self.topics if t.id == topic_id), topic_id)


def default_config() -> Config:
    """A config with no topics, for commands run without `--config`."""
    return Config(ConfigFile(), Path.cwd() / "config.yaml", ())


def load_config(path: str | Path) -> Config:
    """Read, validate and compile a config file; raise ConfigError naming what is wrong."""
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: no such config file\nHint: pass --config with the path to your config.yaml"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file: {exc}") from None
    return parse_config(source, path)


def parse_config(source: str, path: Path) -> Config:
    """Validate config text read from `path` (used for messages and relative paths)."""
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(
            f"{path}:{where}: not valid YAML: {problem}\n"
            "Hint: check the indentation and quote values that contain ':' or '#'"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(
            f"{path}: expected a mapping of keys (brief, sources, topics, ...), "
            f"got {type(data).__name__}\nHint: see the config.yaml shipped with digest"
        )
    lines = _key_lines(node)
    try:
        settings = ConfigFile.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, path, lines)) from None
    _check_unique_ids(settings, path, lines)
    try:
        topics = compile_topics(
            [(t.id, t.title, t.query) for t in settings.topics], settings.aliases
        )
    except QueryError as exc:
        index = next(
            (i for i, t in enumerate(settings.topics) if str(exc).startswith(f"topics.{t.id}.")),
            None,
        )
        where = _line(lines, f"topics[{index}].query") if index is not None else ""
        raise QueryError(f"{path}{where}: {exc}") from None
    return Config(settings, path.resolve(), topics)


def _check_unique_ids(settings: ConfigFile, path: Path, lines: Mapping[str, int]) -> None:
    seen: set[str] = set()
    for index, topic in enumerate(settings.topics):
        if topic.id in seen:
            key = f"topics[{index}].id"
            raise ConfigError(
                f"{path}{_line(lines, key)}: {key}: duplicate topic id {topic.id!r}\n"
                "Hint: every topic needs its own id"
            )
        seen.add(topic.id)


def _key_lines(node: yaml.Node | None, prefix: str = "") -> dict[str, int]:
    """Map each key path ("topics[0].query") to its 1-based line in the file."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            lines[key] = key_node.start_mark.line + 1
            lines.update(_key_lines(value_node, key))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = f"{prefix}[{index}]"
            lines[key] = item.start_mark.line + 1
            lines.update(_key_lines(item, key))
    return lines


def _key_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _line(lines: Mapping[str, int], key: str) -> str:
    while key:
        if key in lines:
            return f":{lines[key]}"
        key = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", key) if re.search(r"[.\[]", key) else ""
    return ""


def _allowed_keys(loc: tuple[int | str, ...]) -> list[str]:
    model: Any = ConfigFile
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return []
        annotation = field.annotation
        args = getattr(annotation, "__args__", ())
        model = next(
            (a for a in (annotation, *args) if isinstance(a, type) and issubclass(a, BaseModel)),
            None,
        )
        if model is None:
            return []
    return [field.alias or name for name, field in model.model_fields.items()]


# pydantic error type -> (what was expected, how to write it)
_EXPECTED = {
    "string_type": ("a string", "put the value in quotes"),
    "int_type": ("an integer", "write a whole number such as 5"),
    "int_parsing": ("an integer", "write a whole number such as 5"),
    "float_type": ("a number", "write a number such as 0.8"),
    "float_parsing": ("a number", "write a number such as 0.8"),
    "bool_type": ("true or false", "write true or false"),
    "bool_parsing": ("true or false", "write true or false"),
    "list_type": ("a list", "write one item per line, each starting with '- '"),
    "dict_type": ("a mapping of keys", "indent its keys under it, one 'key: value' per line"),
    "model_type": ("a mapping of keys", "indent its keys under it, one 'key: value' per line"),
}


def _describe(exc: ValidationError, path: Path, lines: Mapping[str, int]) -> str:
    messages = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        key = _key_path(loc)
        where = f"{path}{_line(lines, key)}: {key}"
        value = error.get("input")
        kind = error["type"]
        if kind == "extra_forbidden":
            allowed = _allowed_keys(loc)
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            messages.append(
                f"{where}: unknown key {str(loc[-1])!r}\n"
                f"Hint: {hint}allowed keys here: {', '.join(allowed)}"
            )
        elif kind == "missing":
            messages.append(f"{where}: required key is missing\nHint: add '{loc[-1]}: ...' here")
        elif kind == "value_error":
            text = str(error["ctx"]["error"]) if "ctx" in error else error["msg"]
            problem, _, hint = text.partition("; Hint: ")
            messages.append(f"{where}: {problem}" + (f"\nHint: {hint}" if hint else ""))
        else:
            expected, hint = _EXPECTED.get(kind, (error["msg"].lower(), ""))
            if kind == "literal_error":
                expected = error["msg"].replace("Input should be", "one of")
                hint = "use one of the values listed"
            elif kind in {"greater_than_equal", "less_than_equal"}:
                expected = error["msg"].replace("Input should be", "a number")
                hint = "pick a number in that range"
            messages.append(
                f"{where}: expected {expected}, got {value!r}\n"
                f"Hint: {hint or 'see the config.yaml shipped with digest'}"
            )
    return "\n".join(messages)
