"""The Brief: bottom line, a section per topic, other reporting, timeline, watch list, sources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from datetime import date, datetime

from ..classify.parse import Topic
from ..model import (
    Article,
    BottomLine,
    Brief,
    BriefStats,
    Claim,
    Section,
    Skipped,
    SourceRef,
    Story,
)
from ..stories.groups import group_stories
from ..stories.rank import outlet_of
from .timeline import timeline_and_watch


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
    copies: Mapping[str, str] | None = None,
    other_groups: int = 5,
) -> Brief:
    """Arrange ranked stories into the brief a reader reads top down.

    `stories` carry their salience (`rank.rank_stories`); `copies` maps a syndicated
    copy's article id to its original's (`dupes.syndicated_copies`).
    """
    sources = _sources(articles, copies or {})
    position = {s.article_id: s.number for s in sources}
    stamps = {a.id: a.published.timestamp() for a in articles.values() if a.published}

    def rank(story: Story) -> tuple[float, float, int, str, int]:
        ids = story.article_ids
        if len(ids) == 1:  # most stories
            latest, first = stamps.get(ids[0], 0.0), position[ids[0]]
        else:
            latest = max((stamps[a] for a in ids if a in stamps), default=0.0)
            first = min(position[a] for a in ids)
        lead = story.lead
        return (-story.salience, -latest, first, lead.article_id, lead.span.start)

    ordered = sorted(stories, key=rank)
    sections = tuple(
        Section(t.id, t.title, tuple(s for s in ordered if s.topic_id == t.id)) for t in topics
    )
    other = None
    if show_other:
        unfiled = tuple(s for s in ordered if s.topic_id is None)
        groups = group_stories(unfiled, articles, max_groups=other_groups)
        if groups:
            unfiled = tuple(s for g in groups for s in g.stories)
        other = Section("other", "Other reporting", unfiled, groups)
    # The bottom line: each topic's strongest story, preferring one that someone said
    # over the outlet's own statement; the strongest topics first, at most `bottom_line`.
    leads = []
    for section in sections:
        candidates = [s for s in section.stories if s.lead.kind != "statement"] or list(
            section.stories
        )
        if candidates:
            leads.append(BottomLine(section.topic_id, section.title, candidates[0]))
    leads.sort(key=lambda b: rank(b.story))
    timeline, watch = timeline_and_watch(ordered, articles, day)
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
            claims=sum(len(s.claims) for s in stories),
            stories=len(stories),
            skipped=tuple(skipped),
        ),
        topic_titles={t.id: t.title for t in topics},
    )


def _sources(articles: Mapping[str, Article], copies: Mapping[str, str]) -> tuple[SourceRef, ...]:
    """Every article read, numbered by publication time, then outlet and id.

    A syndicated copy comes right after the article it copies and says so (`copy_of`),
    so a reader sees one wire story and where else it ran.
    """

    def key(a: Article) -> tuple[float, str, str]:
        return (a.published.timestamp() if a.published else 0.0, a.source, a.id)

    by_original: dict[str, list[Article]] = {}
    for copy_id, original_id in copies.items():
        if copy_id in articles and original_id in articles:
            by_original.setdefault(original_id, []).append(articles[copy_id])
    listed = [a for a in articles.values() if a.id not in copies or copies[a.id] not in articles]
    refs: list[SourceRef] = []
    for article in sorted(listed, key=key):
        number = len(refs) + 1
        refs.append(_ref(number, article, None))
        for copy in sorted(by_original.get(article.id, ()), key=key):
            refs.append(_ref(len(refs) + 1, copy, number))
    return tuple(refs)


def _ref(number: int, article: Article, copy_of: int | None) -> SourceRef:
    return SourceRef(
        number,
        article.id,
        outlet_of(article),
        article.title,
        article.url,
        article.published,
        article.path,
        copy_of,
    )


def shown_claims(brief: Brief) -> list[Claim]:
    """Every claim the brief shows, once each, in the order its sections show them."""
    sections = [*brief.sections, *([brief.other] if brief.other is not None else [])]
    found = {id(c): c for s in sections for story in s.stories for c in story.claims}
    return list(found.values())


def without_claims(brief: Brief, left_out: AbstractSet[str]) -> Brief:
    """The brief without the claims whose ids are in `left_out`.

    A story keeps its other claims, or goes when it has none left; the timeline and
    watch list lose the entries of every story that lost a claim (an entry is told in
    that claim's words). The sources stay: the articles were read.
    """
    if not left_out:
        return brief
    kept: dict[str, Story | None] = {}
    touched: set[str] = set()
    claims_gone = 0

    def keep(story: Story) -> Story | None:
        nonlocal claims_gone
        if story.id not in kept:
            claims = tuple(c for c in story.claims if c.id not in left_out)
            kept[story.id] = story
            if len(claims) < len(story.claims):
                touched.add(story.id)
                claims_gone += len(story.claims) - len(claims)
                kept[story.id] = replace(story, claims=claims) if claims else None
        return kept[story.id]

    def section(part: Section) -> Section:
        groups = []
        for group in part.groups:
            stories = tuple(s for s in map(keep, group.stories) if s is not None)
            if stories:
                groups.append(replace(group, stories=stories))
        stories = tuple(s for s in map(keep, part.stories) if s is not None)
        return replace(part, stories=stories, groups=tuple(groups))

    sections = tuple(section(s) for s in brief.sections)
    other = section(brief.other) if brief.other is not None else None
    bottom_line = []
    for line in brief.bottom_line:
        story = keep(line.story)
        if story is not None:
            bottom_line.append(replace(line, story=story))
    return replace(
        brief,
        bottom_line=tuple(bottom_line),
        sections=sections,
        other=other,
        timeline=tuple(e for e in brief.timeline if e.story_id not in touched),
        watch_list=tuple(e for e in brief.watch_list if e.story_id not in touched),
        stats=replace(
            brief.stats,
            claims=brief.stats.claims - claims_gone,
            stories=brief.stats.stories - sum(s is None for s in kept.values()),
        ),
    )
