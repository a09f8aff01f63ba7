"""A day's articles grouped into stories (events), and stories into threads.

A story is one event (one summit, one earthquake, one arrest): the articles that
report it. Two events of one kind are two stories, syndicated copies and updates of
an article join its story, and each article belongs to one story. A thread groups the
stories that share what they are about (a week of searches for a missing plane, the
Premier League): a second level over stories.

How (`group_articles`), all of it deterministic and about linear in the articles:

1. Terms (`terms`): each article as a tf-idf vector of its words, names, title, lead
   and date, cut to its heaviest terms.
2. Pairs (`neighbours`): articles that share a term, from an inverted index, with their
   cosine similarity; never all pairs.
3. Copies: articles at least `COPY_SIMILARITY` alike are one text from here on
   (whatever their dates), so a crowd of copies of one wire story counts once.
4. Stories (`linkage`, `STORY_RULE`): each text links to its few most similar texts,
   and texts are joined by average linkage over those links, the best pair first,
   while it is high enough; two lone texts must be more alike than a text and a
   story of many. Texts published more than `DATE_GATE_DAYS` apart (by their
   publication dates) are never one story.
5. Threads (`THREAD_RULE`): each story as the centroid of its articles, and the same
   linkage over the stories' nearest stories, looser.

Why links to nearest neighbours rather than a threshold on similarity: reports of one
event are each other's nearest, while a report of a similar event (another earthquake,
another rehab stay) is near but seldom among the nearest; and how alike the reports of
one event are varies more from event to event than what tells two events of one kind
apart. On the 772 ECB+ texts of topics 1-35, where each topic holds two such events,
stories reach a B-cubed F1 of 0.95 (precision 0.94), and stay between 0.935 and 0.952
for k from 3 to 5 and thresholds from 0.10 to 0.14; average linkage with a threshold
on the same vectors peaks at 0.886.

A story's lead is its article nearest its centroid, its headline that article's title
(or first sentence). A thread's label is the heaviest terms of its stories, names
capitalised.

Ids: a story's id is the first 12 hex digits of the SHA-1 of "story", a NUL and the id
of its first article: the earliest published, ties and undated articles by smallest
id. A thread's id is made alike ("thread" and the id of its stories' first article).
The same articles grouped the same way get the same ids, whatever their order, run or
executor; an id changes only when its first article changes story.

The grouping does not depend on the order articles are given in: they are read in
the order of their ids (then outlet, date, title and text), and the result maps back.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..model import Article
from .linkage import Rule, Span, average_link, join_copies, linked
from .neighbours import Pairs, nearest, similar_pairs
from .terms import Terms, Vectors, body_text, combine, read_terms

I64 = npt.NDArray[np.int64]

COPY_SIMILARITY = 0.8
STORY_RULE = Rule(neighbours=4, floor=0.12, threshold=0.13, margin=0.1)
"""Stories: links to the 4 nearest texts at least 0.12 alike; a join needs an average
of 0.13, and two lone texts 0.23."""
THREAD_RULE = Rule(neighbours=3, floor=0.08, threshold=0.08)
"""Threads: links to the 3 nearest stories at least 0.08 alike, joined at 0.08."""
STORY_TERMS = 64
"""Terms kept in a story's centroid."""
DATE_GATE_DAYS = 60
"""Articles published further apart than this are never one story (their threads may
still join them)."""
LABEL_TERMS = 3
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’')]*\s+(?=[\"“‘'(]*[A-Z0-9])|\n")
_HEADLINE_CHARS = 160


@dataclass(frozen=True)
class Event:
    """One story: the articles that report one event (indices into the articles given)."""

    id: str
    articles: tuple[int, ...]
    """Earliest published first (undated last), ties by article id."""
    lead: int
    """The article nearest the story's centroid: its most representative report."""
    headline: str
    thread: int
    """The thread the story belongs to (an index into `Grouping.threads`)."""


@dataclass(frozen=True)
class Thread:
    """Stories that share what they are about, under a label made of it."""

    id: str
    events: tuple[int, ...]
    label: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Grouping:
    """The day's stories and threads, and each article's story."""

    events: tuple[Event, ...]
    """Ordered by the smallest id among their articles."""
    threads: tuple[Thread, ...]
    event_of: tuple[int, ...]
    """Article i's story: an index into `events`."""


def group_articles(articles: Sequence[Article]) -> Grouping:
    """Group the articles into stories and the stories into threads."""
    if not articles:
        return Grouping((), (), ())
    order = sorted(range(len(articles)), key=lambda i: _canonical(articles[i]))
    ordered = [articles[i] for i in order]
    terms = read_terms(ordered)
    story = _stories(ordered, terms.vectors)
    count = int(story.max()) + 1
    centroids = combine(terms.vectors, story, count, STORY_TERMS)
    thread = _threads(centroids)
    return _grouping(ordered, order, terms, story, centroids, thread)


def _canonical(article: Article) -> tuple[str, str, str, str, str]:
    published = article.published.isoformat() if article.published else ""
    return (article.id, article.source, published, article.title, article.text)


def _stories(articles: Sequence[Article], vectors: Vectors) -> I64:
    """Each article's story, numbered by its first article in reading order."""
    n = len(articles)
    pairs = similar_pairs(vectors)
    texts, count = _compact(join_copies(pairs, n, COPY_SIMILARITY))
    between = _between(pairs, texts, count)
    links = linked(nearest(between, count, STORY_RULE.neighbours, STORY_RULE.floor))
    story = average_link(links, STORY_RULE, _spans(articles, texts, count), DATE_GATE_DAYS)
    return _compact(story[texts])[0]


def _threads(centroids: Vectors) -> I64:
    """Each story's thread, numbered by its first story."""
    count = len(centroids)
    pairs = similar_pairs(centroids)
    links = linked(nearest(pairs, count, THREAD_RULE.neighbours, THREAD_RULE.floor))
    return _compact(average_link(links, THREAD_RULE))[0]


def _compact(names: I64) -> tuple[I64, int]:
    """Cluster names renumbered 0, 1, ... in the order of their first member."""
    _, first, inverse = np.unique(names, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[inverse], len(first)


def _between(pairs: Pairs, group: I64, count: int) -> Pairs:
    """The pairs between groups, each pair of groups once with its most similar pair."""
    if count == len(group):
        return pairs  # no two articles in one group
    size = np.bincount(group, minlength=count)
    a, b = group[pairs.first], group[pairs.second]
    grouped = (size[a] > 1) | (size[b] > 1)
    single = ~grouped
    a, b, similarity = a[grouped], b[grouped], pairs.similarity[grouped]
    apart = a != b
    keys = np.minimum(a[apart], b[apart]) * count + np.maximum(a[apart], b[apart])
    similarity = similarity[apart]
    # By pair of groups, the most similar first (a similarity is at most 1).
    order = np.argsort(keys - np.minimum(similarity, 1.0) / 2.0, kind="stable")
    keys, similarity = keys[order], similarity[order]
    first = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else keys
    return Pairs(
        np.concatenate((group[pairs.first[single]], keys[first] // count)),
        np.concatenate((group[pairs.second[single]], keys[first] % count)),
        np.concatenate((pairs.similarity[single], similarity[first])),
    )


def _spans(articles: Sequence[Article], group: I64, count: int) -> list[Span]:
    """Each group's first and last day of publication, or None for an undated group."""
    spans: list[Span] = [None] * count
    for article, index in zip(articles, group.tolist(), strict=True):
        if article.published is None:
            continue
        day = article.published.toordinal()
        span = spans[index]
        spans[index] = (min(span[0], day), max(span[1], day)) if span else (day, day)
    return spans


def _grouping(
    articles: Sequence[Article],
    order: Sequence[int],
    terms: Terms,
    story: I64,
    centroids: Vectors,
    thread: I64,
) -> Grouping:
    """The records of the stories and threads, in indices of the articles as given."""
    n = len(articles)
    time_order = _time_order(articles)
    members = _members(story, time_order, len(centroids))
    lead = _leads(terms.vectors, centroids, story).tolist()
    ids = _Ids()
    events = [
        Event(
            id=ids.make("story", articles[positions[0]].id),
            articles=tuple(order[p] for p in positions),
            lead=order[lead[index]],
            headline=headline(articles[lead[index]]),
            thread=int(thread[index]),
        )
        for index, positions in enumerate(members)
    ]
    firsts = np.array([positions[0] for positions in members], dtype=np.int64)
    stories = _members(thread, time_order[firsts], int(thread.max()) + 1)
    labels = _labels(terms, centroids, thread, len(stories))
    threads = tuple(
        Thread(
            id=ids.make("thread", articles[firsts[indices[0]]].id),
            events=tuple(sorted(indices)),
            label=" · ".join(labels[number]) or events[indices[0]].headline,
            terms=labels[number],
        )
        for number, indices in enumerate(stories)
    )
    event_of = np.empty(n, dtype=np.int64)
    event_of[np.array(order, dtype=np.int64)] = story
    return Grouping(tuple(events), threads, tuple(event_of.tolist()))


def _time_order(articles: Sequence[Article]) -> I64:
    """Each article's place in time: earliest published first, undated last, ties in
    reading order."""
    stamps = np.array(
        [a.published.timestamp() if a.published else np.inf for a in articles], dtype=np.float64
    )
    rank = np.empty(len(articles), dtype=np.int64)
    rank[np.argsort(stamps, kind="stable")] = np.arange(len(articles))
    return rank


def _members(group: I64, rank: I64, count: int) -> list[list[int]]:
    """Each group's members, by `rank`."""
    order = np.argsort(group * (int(rank.max(initial=0)) + 1) + rank, kind="stable")
    bounds = np.searchsorted(group[order], np.arange(count + 1))
    listed = order.tolist()
    return [listed[bounds[i] : bounds[i + 1]] for i in range(count)]


class _Ids:
    """Ids from the first article's id; an id already given (two first articles of one
    id, which readers do not give) is made again with a count."""

    def __init__(self) -> None:
        self.given: set[str] = set()

    def make(self, kind: str, article_id: str) -> str:
        ident = _digest(kind, article_id)
        again = 1
        while ident in self.given:
            again += 1
            ident = _digest(kind, f"{article_id}\0{again}")
        self.given.add(ident)
        return ident


def _leads(vectors: Vectors, centroids: Vectors, story: I64) -> I64:
    """Each story's article nearest its centroid (ties: the first in reading order)."""
    size = max(1, len(vectors.vocabulary))
    keys = centroids.owners() * size + centroids.terms
    order = np.argsort(keys, kind="stable")
    keys, weights = keys[order], centroids.weights[order]
    owners = vectors.owners()
    wanted = story[owners] * size + vectors.terms
    at = np.minimum(np.searchsorted(keys, wanted), max(0, len(keys) - 1))
    found = keys[at] == wanted if len(keys) else np.zeros(len(wanted), dtype=bool)
    contribution = np.where(found, weights[at] * vectors.weights, 0.0)
    closeness = np.bincount(owners, weights=contribution, minlength=len(vectors))
    # By story, the closest first: closeness is at most 1, so it orders within a story.
    ranked = np.argsort(story - np.minimum(closeness, 1.0) / 2.0, kind="stable")
    first = np.r_[True, story[ranked][1:] != story[ranked][:-1]]
    return ranked[first]


def _labels(terms: Terms, centroids: Vectors, thread: I64, count: int) -> list[tuple[str, ...]]:
    """Each thread's label terms: the heaviest terms of its stories (dates left out)."""
    summed = combine(centroids, thread, count, 4 * LABEL_TERMS)
    # Each thread's terms, the heaviest first (ties: the smaller term number).
    owners = summed.owners()
    order = np.argsort(owners - summed.weights / 2.0, kind="stable")
    ranked = summed.terms[order].tolist()
    labels: list[tuple[str, ...]] = []
    for number in range(count):
        start, end = summed.starts[number], summed.starts[number + 1]
        shown: list[str] = []
        for term in ranked[start:end]:
            word = terms.show(term)
            if word.startswith("@") or any(word.lower() in s.lower() for s in shown):
                continue
            shown.append(word)
            if len(shown) == LABEL_TERMS:
                break
        labels.append(tuple(shown))
    return labels


def headline(article: Article) -> str:
    """The article's title, or else the first sentence of its body."""
    title = " ".join(article.title.split())
    if title:
        return title
    body = body_text(article).strip()
    found = _SENTENCE.search(body)
    sentence = " ".join(body[: found.start() if found else len(body)].split())
    if len(sentence) > _HEADLINE_CHARS:
        sentence = sentence[: _HEADLINE_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return sentence


def _digest(kind: str, ident: str) -> str:
    return hashlib.sha1(f"{kind}\0{ident}".encode()).hexdigest()[:12]


def salient_order(grouping: Grouping, articles: Sequence[Article]) -> list[int]:
    """The stories, most salient first: more articles, then more distinct outlets, then
    the most recent article; ties in the grouping's order."""

    def key(index: int) -> tuple[int, int, float, int]:
        members = [articles[i] for i in grouping.events[index].articles]
        outlets = len({a.source for a in members if a.source})
        dates = [a.published.timestamp() for a in members if a.published]
        return (-len(members), -outlets, -max(dates, default=float("-inf")), index)

    return sorted(range(len(grouping.events)), key=key)
