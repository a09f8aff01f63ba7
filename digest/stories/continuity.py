"""Day over day: which of today's stories go on with a story an earlier brief showed.

A story of today continues an earlier one when they share an article (an update read
again) or when they are about the same thing: their words (the words of their headlines
and the names of their first paragraphs, `story_words`) overlap by at least half of the
smaller set, and by `MIN_SHARED` words at least. It then keeps the earlier story's id
and is `developing` if it has articles no earlier brief carried, `seen` if it has none;
a story that continues none is `new`, or `seen` when every article of it was in an
earlier brief. An earlier story is continued by one story of today at most: the most
salient that matches it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from ..model import Article
from ..state import EarlierStory
from .events import Event

MIN_SHARED = 3
OVERLAP = 0.5
WORDS = 24
"""Words kept for a story: the most frequent over its articles' titles and names."""
LEAD_CHARS = 1500
"""How much of an article's body its names are read from."""

_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
_COMMON = frozenset(
    """
    about after again also because been before being could during from have into just
    like many more most much over said says some than that their them then there these
    they this those through today under were what when where which while will with would
    year years week weeks month months told tells saying according people officials
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def story_words(articles: Sequence[Article]) -> frozenset[str]:
    """What a story is about, for telling it again another day: the words of its
    articles' titles and the names (capitalised words) of their first paragraphs, those
    most of its articles share first, `WORDS` at most."""
    counts: Counter[str] = Counter()
    for article in articles:
        text = " ".join(s.of(article.text) for s in article.body)[:LEAD_CHARS]
        names = {w.casefold() for w in _WORD.findall(text) if w[:1].isupper()}
        titled = {w.casefold() for w in _WORD.findall(article.title)}
        counts.update((names | titled) - _COMMON)
        counts.update(titled - _COMMON)  # a title word counts twice
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    return frozenset(ranked[:WORDS])


def continuity(
    events: Sequence[Event],
    words: Sequence[frozenset[str]],
    articles: Sequence[Article],
    earlier: Sequence[EarlierStory],
    seen_articles: Collection[str],
    order: Sequence[int],
) -> dict[str, tuple[str, str]]:
    """For each event id: the story id it keeps and its status (`new`, `developing`,
    `seen`). `words[i]` are event i's `story_words`; `order` the events most salient
    first (the first to match an earlier story keeps its id)."""
    by_article: dict[str, list[int]] = {}
    by_word: dict[str, list[int]] = {}
    for number, story in enumerate(earlier):
        for article_id in story.article_ids:
            by_article.setdefault(article_id, []).append(number)
        for word in story.words:
            by_word.setdefault(word, []).append(number)
    index = _Index(earlier, by_article, by_word)
    taken: set[str] = set()
    result: dict[str, tuple[str, str]] = {}
    for number in order:
        event = events[number]
        ids = [articles[i].id for i in event.articles]
        fresh = any(a not in seen_articles for a in ids)
        match = index.match(ids, words[number], taken)
        if match is None:
            result[event.id] = (event.id, "new" if fresh else "seen")
        else:
            taken.add(match.story_id)
            result[event.id] = (match.story_id, "developing" if fresh else "seen")
    return result


class _Index:
    """Earlier stories by article and by word: a story is compared only with the earlier
    ones it shares one with (a word shared by very many says little, and is skipped)."""

    CROWD = 200

    def __init__(
        self,
        earlier: Sequence[EarlierStory],
        by_article: Mapping[str, list[int]],
        by_word: Mapping[str, list[int]],
    ) -> None:
        self.earlier = earlier
        self.by_article = by_article
        self.by_word = by_word

    def match(
        self, ids: Sequence[str], words: frozenset[str], taken: set[str]
    ) -> EarlierStory | None:
        """The earlier story this one goes on with: one that shares an article, else the one
        whose words overlap most (the latest brief first among equals), if enough."""
        for article_id in ids:
            for number in self.by_article.get(article_id, ()):
                if self.earlier[number].story_id not in taken:
                    return self.earlier[number]
        shared: Counter[int] = Counter()
        for word in words:
            found = self.by_word.get(word, ())
            if len(found) <= self.CROWD:
                shared.update(found)
        best, best_score = None, 0.0
        for number, count in sorted(shared.items()):
            story = self.earlier[number]
            if story.story_id in taken or count < MIN_SHARED:
                continue
            score = count / min(len(words), len(story.words))
            if score >= OVERLAP and score > best_score:
                best, best_score = story, score
        return best
