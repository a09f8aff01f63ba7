"""The config file's declared schema: every block, key, default and check (pydantic).

Unknown keys are errors (a typo must not silently do nothing); each check's message says
what was expected and gives a hint. The delivery blocks are in `config.delivery`."""

from __future__ import annotations

import codecs
import difflib
import re
from datetime import date, datetime
from datetime import time as clock_time
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..model import BriefLimits
from .delivery import (
    DeliverySettings,
    HealthcheckSettings,
    SmtpSettings,
    SubscriberSpec,
)
from .values import parse_length, parse_size

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BriefSettings(_Strict):
    """The `brief:` block: what the brief is called, when it is issued, and how much it shows
    (the rest stays in brief.json and the HTML's appendix)."""

    title: str = "Daily Brief"
    timezone: str = "UTC"
    time: str = Field(default="06:00", description="the time of day the brief is issued, HH:MM")
    classification: str | None = None
    other_reporting: Literal["show", "drop"] = "show"
    bottom_line: int = Field(default=5, ge=0, le=20, description="lines up front, at most")
    stories_per_topic: int = Field(
        default=6, ge=1, le=100, description="stories a topic shows; the rest in the full brief"
    )
    claims_per_story: int = Field(
        default=3, ge=0, le=20, description="claims a story shows, one per speaker"
    )
    statements_per_topic: int = Field(
        default=2, ge=0, le=20, description="the outlet's own words a topic shows, at most"
    )
    quote_words: int = Field(
        default=40, ge=10, le=500, description="a longer claim is cut to its first sentence"
    )
    threads: int = Field(default=5, ge=0, le=50, description="threads Other reporting shows")
    stories_per_thread: int = Field(
        default=3, ge=1, le=20, description="headlines a thread of Other reporting shows"
    )
    timeline: int = Field(default=10, ge=0, le=200, description="timeline rows, at most")
    watch_list: int = Field(default=8, ge=0, le=200, description="watch list lines, at most")

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

    @property
    def limits(self) -> BriefLimits:
        """How much the brief shows."""
        return BriefLimits(
            bottom_line=self.bottom_line,
            stories_per_topic=self.stories_per_topic,
            claims_per_story=self.claims_per_story,
            statements_per_topic=self.statements_per_topic,
            quote_words=self.quote_words,
            threads=self.threads,
            stories_per_thread=self.stories_per_thread,
            timeline=self.timeline,
            watch_list=self.watch_list,
        )

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
    # Delivery (config/delivery.py): no smtp: writes the messages to <output>/<date>/outbox/.
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
