"""The data that flows between stages: frozen dataclasses, passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from functools import cached_property
from operator import attrgetter
from typing import Any, Literal, TypeVar

ClaimKind = Literal["quote", "partial", "reported", "statement"]
CLAIM_KINDS: tuple[ClaimKind, ...] = ("quote", "partial", "reported", "statement")


T = TypeVar("T")


def _pickled_by_value(cls: type[T]) -> type[T]:
    """Pickle `cls` through its constructor, its fields read by one `attrgetter`: several
    times faster than the state functions generated for slots dataclasses, which the
    claims a build's workers send back pay for per object."""
    values = attrgetter(*(f.name for f in fields(cls) if f.init))  # type: ignore[arg-type]

    def __reduce__(self: Any) -> tuple[type[T], tuple[object, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


@_pickled_by_value
@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range [start, end) of `Article.text`."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The slice of `text` this span covers."""
        return text[self.start : self.end]


@_pickled_by_value
@dataclass(frozen=True, slots=True)
class Article:
    """One article as read: `text` is the document exactly as decoded.

    `body` and `captions` are spans of `text` kept by cleaning; before cleaning
    `body` is empty and every stage that needs it calls `clean_article` first.
    """

    id: str
    source: str
    title: str
    url: str | None
    published: datetime | None
    text: str
    path: str
    body: tuple[Span, ...] = ()
    captions: tuple[Span, ...] = ()
    title_span: Span | None = None
    author: str | None = None
    feed: str | None = None
    """The feed (URL or file) the article came from as an item, if it did."""


@_pickled_by_value
@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a claim is attributed to, after resolving pronouns and descriptors.

    `mention` is the text at `span` (e.g. "he"); `name` is the resolved person or
    organisation ("Matthew Miller"); `role` what the article calls them.
    """

    name: str
    role: str | None
    mention: str
    span: Span


@_pickled_by_value
@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression in a claim's sentence, resolved against the article's date."""

    date: date
    phrase: str
    span: Span
    future: bool = False


@_pickled_by_value
@dataclass(frozen=True, slots=True)
class TopicMatch:
    """Why a claim belongs to a topic: its score and the terms that matched."""

    topic_id: str
    score: float
    matched_terms: tuple[str, ...]


@_pickled_by_value
@dataclass(frozen=True, slots=True)
class Claim:
    """One thing said: a quote, a partial quote, reported speech or a statement."""

    id: str
    article_id: str
    kind: ClaimKind
    text: str
    span: Span
    speaker: Speaker | None = None
    cue: str | None = None
    cue_span: Span | None = None
    when: date | None = None
    dates: tuple[DateRef, ...] = ()
    topics: tuple[TopicMatch, ...] = ()

    @property
    def best_topic(self) -> TopicMatch | None:
        """The topic this claim is filed under: highest score, ties to config order."""
        return self.topics[0] if self.topics else None


@dataclass(frozen=True, slots=True)
class Story:
    """Claims that say the same thing, from one or more articles."""

    id: str
    claims: tuple[Claim, ...]
    topic_id: str | None
    also_topics: tuple[str, ...] = ()
    salience: float = 0.0
    new: bool | None = None
    """Whether no earlier brief carried one of its claims; None when unknown (no state)."""
    article_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)
    """Distinct articles that report the story, in first-seen order (from `claims`)."""

    def __post_init__(self) -> None:
        # Asked for at every step from ranking to rendering: worked out once.
        claims = self.claims
        if len(claims) == 1:  # most stories
            ids: tuple[str, ...] = (claims[0].article_id,)
        else:
            ids = tuple(dict.fromkeys(c.article_id for c in claims))
        object.__setattr__(self, "article_ids", ids)

    @property
    def lead(self) -> Claim:
        """The claim shown for the story."""
        return self.claims[0]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """An article in the brief's numbered source list."""

    number: int
    article_id: str
    outlet: str
    title: str
    url: str | None
    published: datetime | None
    path: str
    copy_of: int | None = None
    """The number of the source this article is a syndicated copy of, if it is one."""
    new: bool | None = None
    """Whether no earlier brief listed this article; None when unknown (no state)."""


@dataclass(frozen=True)
class Section:
    """A topic's part of the brief, stories ordered by salience.

    `groups` (only for "Other reporting") split `stories` into labelled clusters.
    """

    topic_id: str
    title: str
    stories: tuple[Story, ...]
    groups: tuple[StoryGroup, ...] = ()


@dataclass(frozen=True)
class BottomLine:
    """One line of the bottom line: a topic's strongest story."""

    topic_id: str
    topic_title: str
    story: Story


@dataclass(frozen=True)
class TimelineEntry:
    """A dated event mentioned in a claim, for the timeline or the watch list."""

    when: date
    text: str
    story_id: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Fault:
    """A claim that broke a step of the build: left out of the brief, listed in its problems."""

    stage: str
    """The step that raised: the module it raised in ("timeline", "merge", "render", ...)."""
    article_id: str | None
    claim_id: str | None
    error: str
    """The exception, as "IndexError: list index out of range"."""


@dataclass(frozen=True)
class BriefStats:
    """Counts shown in the brief's header."""

    articles: int
    outlets: int
    claims: int
    stories: int
    skipped: tuple[Skipped, ...] = ()
    outside_window: int = 0
    """Articles read but published outside the brief's time window: counted, not shown."""
    duplicates: tuple[Skipped, ...] = ()
    """Articles read twice (the same id, or the same outlet and text): counted, not shown."""
    faults: tuple[Fault, ...] = ()
    """Claims left out because a step of the build raised on them."""

    def skipped_by_reason(self) -> list[tuple[str, tuple[str, ...]]]:
        """What was not read, grouped by why: (reason, paths), in first-seen order.

        A day of 3,000 empty files is one line of a brief, not 3,000.
        """
        grouped: dict[str, list[str]] = {}
        for item in self.skipped:
            grouped.setdefault(item.reason, []).append(item.path)
        return [(reason, tuple(paths)) for reason, paths in grouped.items()]


@dataclass(frozen=True)
class Brief:
    """The composed brief: everything a renderer needs, nothing it must compute."""

    date: date
    title: str
    issued: datetime
    classification: str | None
    bottom_line: tuple[BottomLine, ...]
    sections: tuple[Section, ...]
    other: Section | None
    timeline: tuple[TimelineEntry, ...]
    watch_list: tuple[TimelineEntry, ...]
    sources: tuple[SourceRef, ...]
    stats: BriefStats
    topic_titles: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    # Renderers ask these for every story: the lookups are built once per brief, not once
    # per call (which made rendering quadratic in the number of sources).
    @cached_property
    def _by_id(self) -> dict[str, SourceRef]:
        return {s.article_id: s for s in self.sources}

    @cached_property
    def _by_number(self) -> dict[int, SourceRef]:
        return {s.number: s for s in self.sources}

    def cite(self, article_ids: tuple[str, ...]) -> tuple[int, ...]:
        """Source numbers for these articles, in list order."""
        by_id = self._by_id
        if len(article_ids) == 1:  # most stories: one article
            ref = by_id.get(article_ids[0])
            return (ref.number,) if ref is not None else ()
        return tuple(sorted(by_id[a].number for a in article_ids if a in by_id))

    def outlets(self, article_ids: tuple[str, ...]) -> tuple[str, ...]:
        """Distinct outlet names for these articles, in source-list order."""
        by_id = self._by_id
        refs = sorted((by_id[a] for a in article_ids if a in by_id), key=lambda s: s.number)
        return tuple(dict.fromkeys(s.outlet for s in refs))

    def independent(self, article_ids: tuple[str, ...]) -> tuple[str, ...]:
        """Distinct outlets of these articles, a syndicated copy counted as its original's."""
        by_id, by_number = self._by_id, self._by_number
        refs = [by_id[a] for a in article_ids if a in by_id]
        origins = [by_number.get(r.copy_of, r) if r.copy_of else r for r in refs]
        if len(origins) == 1:
            return (origins[0].outlet,)
        return tuple(dict.fromkeys(s.outlet for s in sorted(origins, key=lambda s: s.number)))

    def copies(self, article_ids: tuple[str, ...]) -> tuple[str, ...]:
        """Distinct outlets that ran one of these articles as a copy of another outlet's.

        A copy from the original's own outlet (a later version of its story) is left out.
        """
        by_id, by_number = self._by_id, self._by_number
        if len(article_ids) == 1:
            ref = by_id.get(article_ids[0])
            if ref is None or not ref.copy_of:
                return ()
        refs = sorted((by_id[a] for a in article_ids if a in by_id), key=lambda s: s.number)
        return tuple(
            dict.fromkeys(
                s.outlet
                for s in refs
                if s.copy_of and s.outlet != by_number.get(s.copy_of, s).outlet
            )
        )


@dataclass(frozen=True)
class StoryGroup:
    """Stories that share terms and names, under a label made of them ("Other reporting")."""

    label: str
    terms: tuple[str, ...]
    stories: tuple[Story, ...]
