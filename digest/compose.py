"""The Brief: bottom line, a section per topic, timeline, watch list, sources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from .model import (
    Article,
    BottomLine,
    Brief,
    BriefStats,
    Section,
    Skipped,
    SourceRef,
    Story,
    TimelineEntry,
)
from .topics import Topic

_TIMELINE_WORDS = 30


def compose_brief(
    *,
    day: date,
    title: str,
    issued: datetime,
    classification: str | None,
    topics: Sequence[Topic],
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    skipped: Sequence[Skipped] = (),
    bottom_line: int = 5,
    show_other: bool = True,
) -> Brief:
    """Arrange ranked stories into the brief a reader reads top down."""
    sources = _sources(articles)
    position = {s.article_id: s.number for s in sources}

    def rank(story: Story) -> tuple[float, float, int, int]:
        latest = max(
            (articles[a].published.timestamp() for a in story.article_ids if articles[a].published),
            default=0.0,
        )
        return (-story.salience, -latest, min(position[a] for a in story.article_ids), story.lead.span.start)

    ordered = sorted(stories, key=rank)
    sections = tuple(
        Section(t.id, t.title, tuple(s for s in ordered if s.topic_id == t.id)) for t in topics
    )
    other = None
    if show_other:
        other = Section("other", "Other reporting", tuple(s for s in ordered if s.topic_id is None))
    # The bottom line: each topic's strongest attributed story, strongest topics first.
    leads = []
    for section in sections:
        candidates = [s for s in section.stories if s.lead.kind != "statement"] or list(section.stories)
        if candidates:
            leads.append(BottomLine(section.topic_id, section.title, candidates[0]))
    leads.sort(key=lambda b: rank(b.story))
    timeline, watch = _dated(ordered, day)
    claim_count = sum(len(s.claims) for s in stories)
    return Brief(
        date=day,
        title=title,
        issued=issued,
        classification=classification,
        bottom_line=tuple(leads[:bottom_line]),
        sections=sections,
        other=other,
        timeline=timeline,
        watch_list=watch,
        sources=sources,
        stats=BriefStats(
            articles=len(articles),
            outlets=len({a.source for a in articles.values() if a.source}),
            claims=claim_count,
            stories=len(stories),
            skipped=tuple(skipped),
        ),
        topic_titles={t.id: t.title for t in topics},
    )


def _sources(articles: Mapping[str, Article]) -> tuple[SourceRef, ...]:
    """Every article read, numbered by publication time, then outlet and id."""

    def key(a: Article) -> tuple[float, str, str]:
        return (a.published.timestamp() if a.published else 0.0, a.source, a.id)

    return tuple(
        SourceRef(i, a.id, a.source or "(unknown outlet)", a.title, a.url, a.published, a.path)
        for i, a in enumerate(sorted(articles.values(), key=key), 1)
    )


def _dated(stories: Sequence[Story], day: date) -> tuple[tuple[TimelineEntry, ...], tuple[TimelineEntry, ...]]:
    """Past events for the timeline; events on or after the brief's date for the watch list."""
    past: dict[tuple[date, str], TimelineEntry] = {}
    ahead: dict[tuple[date, str], TimelineEntry] = {}
    for story in stories:
        lead = story.lead
        for ref in lead.dates:
            target = ahead if ref.date >= day else past
            key = (ref.date, story.id)
            if key not in target:
                target[key] = TimelineEntry(ref.date, _summary(story), story.id, story.article_ids)
    order = {s.id: i for i, s in enumerate(stories)}

    def by_date(e: TimelineEntry) -> tuple[date, int]:
        return (e.when, order[e.story_id])

    return tuple(sorted(past.values(), key=by_date)), tuple(sorted(ahead.values(), key=by_date))


def _summary(story: Story) -> str:
    """A timeline line: who, and the first words of what."""
    lead = story.lead
    words = lead.text.split()
    text = " ".join(words[:_TIMELINE_WORDS]) + (" …" if len(words) > _TIMELINE_WORDS else "")
    return f"{lead.speaker.name}: {text}" if lead.speaker else text
