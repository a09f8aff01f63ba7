"""The day's stories: each event's articles with their merged claims, topics and salience.

`events.group_articles` says which articles report one event and which events make a
thread; `merge.merge_claims` which claims are the same thing said. Here each merged
claim joins the story of the articles that report it, and each story gets what a reader
sees of it: a headline, one line of what happened, its outlets and dates, the topic it
fits best, and a salience that orders it:

- outlets: the independent outlets that report it (a syndicated copy is its original's
  outlet), on a log scale: the tenth outlet adds less than the second;
- articles: how many articles report it, on a log scale;
- claims: the salience of its strongest claims (who said it, how, how many report it);
- recency: its newest article, halving every 24 hours before the brief;
- topic fit: how well its claims match the topic it is filed under;
- novelty: with a state file, a new story gains, a developing one gains less, and one
  made only of articles earlier briefs carried loses.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from ..model import Article, MergedClaim, Story, Thread
from .events import Grouping, headline
from .rank import HALF_LIFE_HOURS, outlet_of

OUTLET_WEIGHT = 2.0
ARTICLE_WEIGHT = 0.5
CLAIM_WEIGHT = 0.3
RECENCY_WEIGHT = 0.5
FIT_WEIGHT = 0.25
NOVELTY = {"new": 1.0, "developing": 0.5, "seen": -2.0, None: 0.0}
STRONGEST_CLAIMS = 3
"""A story counts the salience of this many of its claims: what a reader is shown."""
ALSO_UNDER = 0.5
"""A topic whose claims score at least this share of the best topic's is also a home."""
SUMMARY_WORDS = 40

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')]*\s+(?=[\"“‘'(]*[A-Z0-9])|\n")


@dataclass(frozen=True)
class Built:
    """The day's stories (most salient first) and the threads they make."""

    stories: tuple[Story, ...]
    threads: tuple[Thread, ...]


def build_stories(
    articles: Sequence[Article],
    grouping: Grouping,
    claims: Sequence[MergedClaim],
    *,
    issued: datetime,
    copies: Mapping[str, str],
    status: Mapping[str, tuple[str, str]] | None = None,
) -> Built:
    """Stories from `grouping` of `articles`, each with its share of `claims` (ranked).

    `status`: for a story id, the id it keeps and its status (`new`, `developing`,
    `seen`) against earlier briefs, as `continuity` judged; None without a state file.
    """
    index = {a.id: i for i, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    shares = _claims_by_event(grouping, claims, index)
    stories = []
    for number, event in enumerate(grouping.events):
        members = [articles[i] for i in event.articles]
        story_id, state = (status or {}).get(event.id, (event.id, None))
        stories.append(
            _story(
                story_id,
                members,
                articles[event.lead],
                event.headline,
                shares[number],
                grouping.threads[event.thread].id if grouping.threads else None,
                issued,
                {a.id: outlet_of(by_id.get(copies.get(a.id, ""), a)) for a in members},
                state,
            )
        )
    ranked = sorted(stories, key=lambda s: (-s.salience, s.id))
    return Built(tuple(ranked), _threads(grouping, ranked))


def _claims_by_event(
    grouping: Grouping, claims: Sequence[MergedClaim], index: Mapping[str, int]
) -> list[list[MergedClaim]]:
    """Each event's merged claims, in `claims`' order: a claim goes to the event most of
    its articles report (its lead's on a tie)."""
    shares: list[list[MergedClaim]] = [[] for _ in grouping.events]
    for claim in claims:
        votes = Counter(grouping.event_of[index[a]] for a in claim.article_ids if a in index)
        if not votes:
            continue
        lead = grouping.event_of[index[claim.lead.article_id]]
        best = max(votes.values())
        event = lead if votes[lead] == best else min(e for e, n in votes.items() if n == best)
        shares[event].append(claim)
    return shares


def _story(
    story_id: str,
    members: Sequence[Article],
    lead: Article,
    title: str,
    claims: Sequence[MergedClaim],
    thread_id: str | None,
    issued: datetime,
    independent_outlet: Mapping[str, str],
    status: str | None,
) -> Story:
    dates = [a.published for a in members if a.published is not None]
    topic, also, fit = _topics(claims)
    outlets = tuple(dict.fromkeys(outlet_of(a) for a in members))
    independent = set(independent_outlet.values())
    recency = 0.0
    if dates:
        hours = max(0.0, (issued - max(dates)).total_seconds() / 3600)
        recency = 0.5 ** (hours / HALF_LIFE_HOURS)
    strongest = sorted((c.salience for c in claims), reverse=True)[:STRONGEST_CLAIMS]
    salience = (
        OUTLET_WEIGHT * math.log2(1 + len(independent))
        + ARTICLE_WEIGHT * math.log2(1 + len(members))
        + CLAIM_WEIGHT * sum(strongest)
        + RECENCY_WEIGHT * recency
        + FIT_WEIGHT * fit
        + NOVELTY[status]
    )
    return Story(
        id=story_id,
        headline=title or headline(lead),
        summary=summary(lead),
        article_ids=tuple(a.id for a in members),
        lead_article=lead.id,
        outlets=outlets,
        first_published=min(dates) if dates else None,
        last_published=max(dates) if dates else None,
        claims=tuple(claims),
        topic_id=topic,
        also_topics=also,
        salience=round(salience, 4),
        status=status,  # type: ignore[arg-type]
        thread_id=thread_id,
    )


def _topics(claims: Sequence[MergedClaim]) -> tuple[str | None, tuple[str, ...], float]:
    """The topic the story's claims fit best, the others they fit nearly as well, and the
    best topic's score per claim that matched it."""
    totals: dict[str, float] = defaultdict(float)
    counts: Counter[str] = Counter()
    order: dict[str, int] = {}
    for claim in claims:
        fitted = max(claim.claims, key=lambda c: c.best_topic.score if c.best_topic else -1.0)
        for rank, match in enumerate(fitted.topics):
            totals[match.topic_id] += match.score
            counts[match.topic_id] += 1
            order.setdefault(match.topic_id, len(order) + rank)
    if not totals:
        return None, (), 0.0
    ranked = sorted(totals, key=lambda t: (-totals[t], order[t]))
    best = ranked[0]
    also = tuple(t for t in ranked[1:] if totals[t] >= ALSO_UNDER * totals[best])
    return best, also, totals[best] / counts[best]


def summary(article: Article) -> str:
    """One line of what happened: the first sentence of the article's body (not its
    title), about `SUMMARY_WORDS` words at most."""
    spans = article.body or ()
    text = " ".join(s.of(article.text) for s in spans) if spans else article.text
    title = " ".join(article.title.split())
    for line in text.splitlines():
        line = " ".join(line.split())
        if line and line != title:
            break
    else:
        return ""
    found = _SENTENCE_END.search(line)
    sentence = line[: found.start()] if found else line
    words = sentence.split()
    if len(words) > SUMMARY_WORDS:
        return " ".join(words[:SUMMARY_WORDS]) + " …"
    return sentence


def _threads(grouping: Grouping, ranked: Sequence[Story]) -> tuple[Thread, ...]:
    """The grouping's threads with their stories most salient first, the strongest first."""
    members: dict[str, list[Story]] = defaultdict(list)
    for story in ranked:
        if story.thread_id is not None:
            members[story.thread_id].append(story)
    threads = [
        Thread(t.id, t.label, tuple(s.id for s in members[t.id]))
        for t in grouping.threads
        if members[t.id]
    ]
    top = {t.id: max(s.salience for s in members[t.id]) for t in threads}
    return tuple(sorted(threads, key=lambda t: (-top[t.id], t.id)))
