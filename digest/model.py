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

    def stripped(self, text: str) -> Span:
        """This span without the white space at either end of its slice of `text`."""
        start, end = self.start, self.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start, end)


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
class MergedClaim:
    """One thing said, as each article that reports it gives it: the same claim from
    several outlets is one, with all its sources."""

    id: str
    claims: tuple[Claim, ...]
    """The strongest report first, the others in the order they were read."""
    topic_id: str | None
    also_topics: tuple[str, ...] = ()
    salience: float = 0.0
    new: bool | None = None
    """Whether no earlier brief carried this claim; None when unknown (no state)."""
    article_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)
    """Distinct articles that report it, in first-seen order (from `claims`)."""

    def __post_init__(self) -> None:
        # Asked for at every step from ranking to rendering: worked out once.
        claims = self.claims
        if len(claims) == 1:  # most claims
            ids: tuple[str, ...] = (claims[0].article_id,)
        else:
            ids = tuple(dict.fromkeys(c.article_id for c in claims))
        object.__setattr__(self, "article_ids", ids)

    @property
    def lead(self) -> Claim:
        """The report shown."""
        return self.claims[0]


StoryStatus = Literal["new", "developing", "seen"]


@dataclass(frozen=True, slots=True)
class Story:
    """One event (a summit, an arrest, an earthquake): the articles of the window that
    report it, and what was said about it, the same claim from several outlets merged."""

    id: str
    """Stable for the same articles; kept from an earlier brief's story it continues."""
    headline: str
    summary: str
    """One line of what happened: the lead article's first sentence."""
    article_ids: tuple[str, ...]
    """Earliest published first."""
    lead_article: str
    outlets: tuple[str, ...]
    first_published: datetime | None
    last_published: datetime | None
    claims: tuple[MergedClaim, ...]
    """Most salient first."""
    topic_id: str | None
    also_topics: tuple[str, ...] = ()
    salience: float = 0.0
    status: StoryStatus | None = None
    """`new` (no earlier brief had it), `developing` (it goes on, with new articles) or
    `seen` (only articles earlier briefs had); None without a state file."""
    thread_id: str | None = None

    @property
    def new(self) -> bool | None:
        """Whether the story is news today (new or developing); None when unknown."""
        return None if self.status is None else self.status != "seen"


@dataclass(frozen=True)
class Thread:
    """Related stories (a week of searches for a missing plane), under what they share."""

    id: str
    label: str
    story_ids: tuple[str, ...]
    """Most salient first."""


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
class Shown:
    """A claim as the brief shows it: a quotation cut to its core sentence."""

    claim: MergedClaim
    text: str
    """The claim's text, or its core: about `BriefLimits.quote_words` words, with "…"."""


@dataclass(frozen=True)
class Item:
    """A story as a section shows it: the few claims that matter, one per speaker."""

    story: Story
    claims: tuple[Shown, ...]
    """Attributed claims, distinct speakers, most salient first."""
    statements: tuple[Shown, ...] = ()
    """The outlet's own words, only where they carry news no claim here says."""


@dataclass(frozen=True)
class Section:
    """A topic's part of the brief: every story filed under it, most salient first, and
    the few the brief shows (`items`); brief.json and the HTML's appendix hold them all."""

    topic_id: str
    title: str
    stories: tuple[Story, ...]
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class BottomLine:
    """One line of the bottom line: a topic's lead story, and the one thing said that
    matters most about it (None when nobody is quoted on it)."""

    topic_id: str
    topic_title: str
    story: Story
    claim: Shown | None


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
    """A claim (or a story) that broke a step of the build: left out of the brief, listed
    in its problems."""

    stage: str
    """The step that raised: the module it raised in ("timeline", "merge", "render", ...)."""
    article_id: str | None
    claim_id: str | None
    error: str
    """The exception, as "IndexError: list index out of range"."""
    story_id: str | None = None
    """The story left out, when the step raised on the story itself (its headline)."""


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


CITED_PER_ITEM = 3
"""Articles a line of the brief cites by number; the rest are counted (`Brief.cite_some`)."""


@dataclass(frozen=True)
class BriefLimits:
    """How much the brief shows; the rest stays in brief.json and the HTML's appendix."""

    bottom_line: int = 5
    stories_per_topic: int = 6
    claims_per_story: int = 3
    statements_per_topic: int = 2
    quote_words: int = 40
    threads: int = 5
    stories_per_thread: int = 3
    timeline: int = 10
    watch_list: int = 8


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
    threads: tuple[Thread, ...] = ()
    """The threads of Other reporting's stories, most salient first."""
    limits: BriefLimits = BriefLimits()
    link: str | None = None
    """Where the full brief is online (`delivery.brief_url`), if it is."""
    cited: int = 0
    """Sources 1 to `cited` are those the brief's shown part cites, in order of first
    citation; the rest (numbered after them) are in brief.json and the HTML's appendix."""

    @cached_property
    def _stories(self) -> dict[str, Story]:
        found = [*(s for part in self.sections for s in part.stories)]
        if self.other is not None:
            found += self.other.stories
        return {s.id: s for s in found}

    def story(self, story_id: str) -> Story | None:
        """The story of this id, in any section."""
        return self._stories.get(story_id)

    def thread_stories(self, thread: Thread) -> tuple[Story, ...]:
        """A thread's stories, most salient first."""
        return tuple(s for i in thread.story_ids if (s := self._stories.get(i)) is not None)

    def stories(self) -> tuple[Story, ...]:
        """Every story of the brief, once each: the topics' in order, then Other reporting's."""
        return tuple(self._stories.values())

    def rest(self) -> tuple[int, int, int]:
        """What the brief's shown part leaves to the full brief: (stories, claims, articles)."""
        shown = {item.story.id for part in self.sections for item in part.items}
        if self.other is not None:
            listed = [
                self.thread_stories(t)[: self.limits.stories_per_thread]
                for t in self.threads[: self.limits.threads]
            ]
            shown.update(s.id for stories in listed for s in stories)
        rest = [s for s in self._stories.values() if s.id not in shown]
        articles = {a for s in rest for a in s.article_ids}
        return len(rest), sum(len(s.claims) for s in rest), len(articles)

    # Renderers ask these for every story: the lookups are built once per brief, not once
    # per call (which made rendering quadratic in the number of sources).
    @cached_property
    def _by_id(self) -> dict[str, SourceRef]:
        return {s.article_id: s for s in self.sources}

    @cached_property
    def _by_number(self) -> dict[int, SourceRef]:
        return {s.number: s for s in self.sources}

    def cite_some(self, article_ids: tuple[str, ...]) -> tuple[tuple[int, ...], int]:
        """Source numbers for the first `CITED_PER_ITEM` of these articles, and how many
        more there are: a wire story on 300 sites is cited as [1] [2] [3] +297."""
        return self.cite(article_ids[:CITED_PER_ITEM]), max(0, len(article_ids) - CITED_PER_ITEM)

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
