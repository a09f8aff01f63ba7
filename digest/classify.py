"""File each claim under the topics whose queries match it, and say which terms matched.

A claim is often too short to name its subject ("We will monitor what happens"), so a
query is tried on widening context, and a match on narrower context scores higher:
the claim's own words (1.0), its sentence (0.8), its paragraph with the one before
(0.6), and that plus the article's title (0.4). Matched terms break ties.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from .model import Article, Claim, Span, TopicMatch
from .topics import Document, Topic

_TIERS = (1.0, 0.8, 0.6, 0.4)
_TERM_BONUS = 0.01


def classify_claims(
    article: Article, claims: Sequence[Claim], topics: Sequence[Topic]
) -> tuple[Claim, ...]:
    """The claims with their `topics` set: best match first, ties in config order."""
    if not topics:
        return tuple(claims)
    starts = [s.start for s in article.body]
    cache: dict[tuple[int, int, bool], Document] = {}
    out = []
    for claim in claims:
        speaker = claim.speaker.name + " " + (claim.speaker.role or "") if claim.speaker else ""
        base = {"title": article.title, "speaker": speaker, "source": article.source}
        contexts = [
            lambda c=claim: Document({**base, "text": c.text}),
            lambda c=claim: _doc(cache, article, base, _sentence_of(article, c), False),
            lambda c=claim: _doc(cache, article, base, _context_of(article, starts, c), False),
            lambda c=claim: _doc(cache, article, base, _context_of(article, starts, c), True),
        ]
        matches: list[TopicMatch] = []
        remaining = list(enumerate(topics))
        for weight, make in zip(_TIERS, contexts, strict=True):
            if not remaining:
                break
            doc = make()
            still = []
            for order, topic in remaining:
                terms = topic.compiled.match(doc)
                if terms is None:
                    still.append((order, topic))
                else:
                    score = round(weight + _TERM_BONUS * min(len(terms), 9), 4)
                    matches.append(TopicMatch(topic.id, score, terms))
            remaining = still
        order = {t.id: i for i, t in enumerate(topics)}
        matches.sort(key=lambda m: (-m.score, order[m.topic_id]))
        if matches and matches[0].score >= _TIERS[2]:
            # A topic found only through the headline says little about this claim once
            # another topic matched its own paragraph: no cross-reference to it.
            matches = [m for m in matches if m.score >= _TIERS[3] + 0.1]
        out.append(replace(claim, topics=tuple(matches)))
    return tuple(out)


def _doc(
    cache: dict[tuple[int, int, bool], Document],
    article: Article,
    base: dict[str, str],
    span: Span,
    with_title: bool,
) -> Document:
    key = (span.start, span.end, with_title)
    doc = cache.get(key)
    if doc is None:
        text = article.text[span.start : span.end]
        if with_title:
            text = f"{article.title}\n{text}"
        doc = cache[key] = Document({**base, "text": text})
    return doc


def _sentence_of(article: Article, claim: Claim) -> Span:
    """The claim's sentence, approximated by the text between sentence ends around it."""
    text = article.text
    start = max(text.rfind(". ", 0, claim.span.start), text.rfind("\n", 0, claim.span.start)) + 1
    ends = [i for i in (text.find(". ", claim.span.end), text.find("\n", claim.span.end)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return Span(start, end)


def _context_of(article: Article, starts: list[int], claim: Claim) -> Span:
    """The claim's paragraph and the paragraph before it."""
    index = max(0, bisect.bisect_right(starts, claim.span.start) - 1)
    first = max(0, index - 1)
    if not article.body:
        return claim.span
    return Span(article.body[first].start, max(article.body[index].end, claim.span.end))
