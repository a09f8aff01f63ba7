"""The Brief: bottom line, a section per topic, other reporting, timeline, watch list, sources."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from datetime import date, datetime

from ..classify.parse import Topic
from ..model import (
    CITED_PER_ITEM,
    Article,
    BottomLine,
    Brief,
    BriefLimits,
    BriefStats,
    Claim,
    Item,
    Section,
    Shown,
    Skipped,
    SourceRef,
    Story,
    Thread,
)
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
    threads: Sequence[Thread],
    articles: Mapping[str, Article],
    skipped: Sequence[Skipped] = (),
    show_other: bool = True,
    copies: Mapping[str, str] | None = None,
    limits: BriefLimits = BriefLimits(),
    link: str | None = None,
) -> Brief:
    """Arrange ranked stories into the brief a reader reads top down.

    `stories` are most salient first (`stories.build.build_stories`); `copies` maps a
    syndicated copy's article id to its original's (`dupes.syndicated_copies`). Each
    topic's section holds all its stories and shows the first `limits.stories_per_topic`
    as items; a story is filed under the topic it fits best, and marked as also under
    the others.
    """
    sections = tuple(
        _section(t.id, t.title, tuple(s for s in stories if s.topic_id == t.id), limits)
        for t in topics
    )
    other = None
    if show_other:
        other = Section("other", "Other reporting", tuple(s for s in stories if s.topic_id is None))
    unfiled = {s.id for s in other.stories} if other is not None else set()
    kept = tuple(
        replace(t, story_ids=tuple(i for i in t.story_ids if i in unfiled)) for t in threads
    )
    timeline, watch = timeline_and_watch(stories, articles, day)
    brief = Brief(
        date=day,
        title=title,
        issued=issued,
        classification=classification,
        bottom_line=_bottom_line(sections, limits),
        sections=sections,
        other=other,
        timeline=timeline,
        watch_list=watch,
        sources=_sources(articles, copies or {}),
        stats=BriefStats(
            articles=len(articles),
            outlets=len({a.source for a in articles.values() if a.source}),
            claims=sum(len(m.claims) for s in stories for m in s.claims),
            stories=len(stories),
            skipped=tuple(skipped),
        ),
        topic_titles={t.id: t.title for t in topics},
        threads=tuple(t for t in kept if t.story_ids),
        limits=limits,
        link=link,
    )
    return number_sources(brief)


def _section(topic_id: str, title: str, stories: tuple[Story, ...], limits: BriefLimits) -> Section:
    """A topic's section: all its stories, and the first few as the brief shows them."""
    shown = stories[: limits.stories_per_topic]
    items = [_item(story, limits) for story in shown]
    # The outlet's own words only where they say what no claim shown says, a few per topic.
    budget = limits.statements_per_topic
    for number, story in enumerate(shown):
        if budget <= 0:
            break
        statements = _news_statements(story, items[number].claims, budget, limits)
        budget -= len(statements)
        items[number] = replace(items[number], statements=statements)
    return Section(topic_id, title, stories, tuple(items))


def _item(story: Story, limits: BriefLimits) -> Item:
    """The claims a story shows: the most salient attributed ones, one per speaker."""
    chosen: list[Shown] = []
    speakers: set[str] = set()
    for merged in story.claims:
        lead = merged.lead
        if lead.kind == "statement" or lead.speaker is None:
            continue
        who = lead.speaker.name.casefold()
        if who in speakers:
            continue
        speakers.add(who)
        chosen.append(Shown(merged, core(lead.text, limits.quote_words)))
        if len(chosen) == limits.claims_per_story:
            break
    return Item(story, tuple(chosen))


def _news_statements(
    story: Story, shown: Sequence[Shown], budget: int, limits: BriefLimits
) -> tuple[Shown, ...]:
    """Statements (and claims without a speaker) of the story whose words the shown
    claims do not already say: at most `budget`, the most salient first."""
    said = set().union(*(_content_words(s.claim.lead.text) for s in shown)) if shown else set()
    found: list[Shown] = []
    for merged in story.claims:
        lead = merged.lead
        if lead.kind != "statement" and lead.speaker is not None:
            continue
        words = _content_words(lead.text)
        if len(words) < 4 or len(words & said) >= NEWS_OVERLAP * len(words):
            continue
        found.append(Shown(merged, core(lead.text, limits.quote_words)))
        said |= words
        if len(found) == budget:
            break
    return tuple(found)


NEWS_OVERLAP = 0.6
"""A statement whose words the claims shown already say this much of adds no news."""
_WORD = re.compile(r"[^\W_][\w'’-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’')]*\s+(?=[\"“‘'(]*[A-Z0-9])")
_SMALL = frozenset(
    """
    a an and are as at be been but by for from had has have he her his i in is it its of
    on or our she so that the their them there they this to was we were will with would
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def _content_words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)} - _SMALL


def core(text: str, words: int) -> str:
    """A claim cut to its core for the brief: its first sentence, at most about `words`
    words (cut at a word, with "…"); the whole text when it is that short already."""
    text = " ".join(text.split())
    if len(text.split()) <= words:
        return text
    found = _SENTENCE_END.search(text)
    first = text[: found.start()] if found else text
    cut = first.split()
    if len(cut) <= words:
        return first + " …"
    return " ".join(cut[:words]).rstrip(",;:") + " …"


def _bottom_line(sections: Sequence[Section], limits: BriefLimits) -> tuple[BottomLine, ...]:
    """Each topic's lead story with the one thing said that matters most about it; the
    strongest topics first, at most `limits.bottom_line`."""
    lines = []
    for section in sections:
        if not section.items:
            continue
        item = section.items[0]
        claim = item.claims[0] if item.claims else None
        lines.append(BottomLine(section.topic_id, section.title, item.story, claim))
    lines.sort(key=lambda b: (-b.story.salience, b.story.id))
    return tuple(lines[: limits.bottom_line])


def cited_articles(brief: Brief) -> list[str]:
    """The articles the brief's shown part cites, in order of first citation: the bottom
    line, the topics' items, Other reporting's threads, the timeline, the watch list."""
    limits = brief.limits
    found: dict[str, None] = {}

    def cite(article_ids: tuple[str, ...]) -> None:
        found.update(dict.fromkeys(article_ids[:CITED_PER_ITEM]))

    for line in brief.bottom_line:
        cite(line.claim.claim.article_ids if line.claim else (line.story.lead_article,))
    for section in brief.sections:
        for item in section.items:
            shown = (*item.claims, *item.statements)
            for each in shown:
                cite(each.claim.article_ids)
            if not shown:
                cite((item.story.lead_article,))
    for thread in brief.threads[: limits.threads]:
        for story in brief.thread_stories(thread)[: limits.stories_per_thread]:
            cite((story.lead_article,))
    for entry in (*brief.timeline[: limits.timeline], *brief.watch_list[: limits.watch_list]):
        cite(entry.article_ids)
    return list(found)


def number_sources(brief: Brief) -> Brief:
    """The brief with its sources numbered from 1 in the order the shown part first cites
    them, then the rest in their order (`cited` says where the cited ones end)."""
    first = cited_articles(brief)
    position = {a: i for i, a in enumerate(first)}
    rest = len(first)
    order = sorted(brief.sources, key=lambda s: (position.get(s.article_id, rest), s.number))
    renumber = {s.number: n for n, s in enumerate(order, 1)}
    sources = tuple(
        replace(s, number=renumber[s.number], copy_of=renumber.get(s.copy_of or 0)) for s in order
    )
    return replace(
        brief, sources=sources, cited=sum(a in position for a in (s.article_id for s in sources))
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
    """Every claim of the brief's stories, once each, in the order its sections hold them."""
    found = {
        id(c): c for story in brief.stories() for merged in story.claims for c in merged.claims
    }
    return list(found.values())


def without_claims(
    brief: Brief, left_out: AbstractSet[str], stories: AbstractSet[str] = frozenset()
) -> Brief:
    """The brief without the claims whose ids are in `left_out`, and the stories in
    `stories`.

    A merged claim keeps its other reports, or goes when it has none left; a story keeps
    its articles and headline. Sections choose what they show again; the timeline and
    watch list lose the entries of every story that lost a claim (an entry is told in
    that claim's words). The sources stay: the articles were read.
    """
    if not left_out and not stories:
        return brief
    touched: set[str] = set(stories)
    gone = sum(len(m.claims) for s in brief.stories() if s.id in stories for m in s.claims)
    dropped = sum(s.id in stories for s in brief.stories())
    kept: dict[str, Story] = {}
    for story in brief.stories():
        if story.id in stories:
            continue
        merged = []
        for claim in story.claims:
            reports = tuple(c for c in claim.claims if c.id not in left_out)
            if len(reports) == len(claim.claims):
                merged.append(claim)
                continue
            touched.add(story.id)
            gone += len(claim.claims) - len(reports)
            if reports:
                merged.append(replace(claim, claims=reports))
        kept[story.id] = replace(story, claims=tuple(merged)) if story.id in touched else story
    limits = brief.limits
    sections = tuple(
        _section(p.topic_id, p.title, tuple(kept[s.id] for s in p.stories if s.id in kept), limits)
        for p in brief.sections
    )
    other = brief.other
    if other is not None:
        other = replace(other, stories=tuple(kept[s.id] for s in other.stories if s.id in kept))
    threads = tuple(
        replace(t, story_ids=tuple(i for i in t.story_ids if i in kept)) for t in brief.threads
    )
    return replace(
        brief,
        bottom_line=_bottom_line(sections, limits),
        sections=sections,
        other=other,
        threads=tuple(t for t in threads if t.story_ids),
        timeline=tuple(e for e in brief.timeline if e.story_id not in touched),
        watch_list=tuple(e for e in brief.watch_list if e.story_id not in touched),
        stats=replace(
            brief.stats, claims=brief.stats.claims - gone, stories=brief.stats.stories - dropped
        ),
    )
