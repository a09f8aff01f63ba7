"""File each claim under the topics whose queries match it, and say which terms matched.

A claim is often too short to name its subject ("We will monitor what happens"), so a
query is tried on widening context, and a match on narrower context scores higher:
the claim's own words (1.0), its sentence (0.8), its paragraph with the one before
(0.6), and that plus the article's title (0.4). Matched terms break ties.

Cost, per article: a topic none of whose words occur anywhere in the article is ruled
out at once (`Query.possible`), which is most topics for most articles. For the rest,
the article is tokenised once (`TextIndex`) and each context is a stretch of it rather
than a text tokenised again; a context shared by several claims (their paragraph) is
matched once per speaker.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from ..model import Article, Claim, Span, TopicMatch
from .match import Document, FieldIndex, Haystack, SpanIndex, TextIndex
from .parse import Topic

_TIERS = (1.0, 0.8, 0.6, 0.4)
_TERM_BONUS = 0.01

# A context's identity: (start, end, with title) for a stretch of the article, or the
# claim's own text; what a document holds besides is the speaker, title and source.
_Key = tuple[int, int, bool] | str


def classify_claims(
    article: Article, claims: Sequence[Claim], topics: Sequence[Topic]
) -> tuple[Claim, ...]:
    """The claims with their `topics` set: best match first, ties in config order."""
    if not topics:
        return tuple(claims)
    speakers = [c.speaker.name + " " + (c.speaker.role or "") if c.speaker else "" for c in claims]
    # Every field of every context is drawn from these; a claim's words are mostly a
    # stretch of the article already, and a shorter haystack is searched faster.
    text = article.text
    extra = [c.text for c in claims if text[c.span.start : c.span.end] != c.text]
    hay = Haystack.of([article.title, article.source, text, *extra, *speakers])
    candidates = [(i, t) for i, t in enumerate(topics) if t.compiled.possible(hay)]
    if not candidates:
        return tuple(c if not c.topics else replace(c, topics=()) for c in claims)
    contexts = _Contexts(article)
    out = []
    for claim, speaker in zip(claims, speakers, strict=True):
        matches: list[TopicMatch] = []
        remaining = candidates
        for tier, weight in enumerate(_TIERS):
            if not remaining:
                break
            key = contexts.key(tier, claim)
            still = []
            for order, topic in remaining:
                terms = contexts.match(topic, order, key, speaker, claim.span)
                if terms is None:
                    still.append((order, topic))
                else:
                    score = round(weight + _TERM_BONUS * min(len(terms), 9), 4)
                    matches.append(TopicMatch(topic.id, score, terms))
            remaining = still
        if matches or claim.topics:
            ranks = {t.id: i for i, t in enumerate(topics)}
            matches.sort(key=lambda m: (-m.score, ranks[m.topic_id]))
            if matches and matches[0].score >= _TIERS[2]:
                # A topic found only through the headline says little about this claim once
                # another topic matched its own paragraph: no cross-reference to it.
                matches = [m for m in matches if m.score >= _TIERS[3] + 0.1]
            claim = replace(claim, topics=tuple(matches))
        out.append(claim)
    return tuple(out)


class _Contexts:
    """One article's contexts as documents, tokenised once, with the matches found."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.starts = [s.start for s in article.body]
        self.text = TextIndex(article.text)
        self.title = FieldIndex(article.title)
        self.source = FieldIndex(article.source)
        self.docs: dict[tuple[_Key, str], Document] = {}
        self.found: dict[tuple[_Key, str, int], tuple[str, ...] | None] = {}

    def key(self, tier: int, claim: Claim) -> _Key:
        """The context of `claim` at `tier` (0: its words ... 3: paragraphs and title)."""
        if tier == 0:
            return claim.text
        span = (
            _sentence_of(self.article, claim)
            if tier == 1
            else _context_of(self.article, self.starts, claim)
        )
        return span.start, span.end, tier == 3

    def match(
        self, topic: Topic, order: int, key: _Key, speaker: str, claim_span: Span
    ) -> tuple[str, ...] | None:
        """The terms `topic` matches in the context `key` with this speaker, or None."""
        if "speaker" not in topic.compiled.fields:
            speaker = ""  # the claims of a paragraph then share one match per context
        slot = (key, speaker, order)
        if slot in self.found:
            return self.found[slot]
        doc = self.document(key, speaker, claim_span)
        terms = self.found[slot] = topic.compiled.match(doc)
        return terms

    def document(self, key: _Key, speaker: str, claim_span: Span | None = None) -> Document:
        """The document for a context, built once per speaker."""
        doc = self.docs.get((key, speaker))
        if doc is not None:
            return doc
        article = self.article
        fields = {"title": article.title, "speaker": speaker, "source": article.source}
        indexes: dict[str, FieldIndex | SpanIndex] = {"title": self.title, "source": self.source}
        if isinstance(key, str):
            text = key  # the claim's own words, usually the very stretch its span covers
            span = self._find(key, claim_span)
            view = self.text.span(*span) if span else None
        else:
            start, end, with_title = key
            text = article.text[start:end]
            if with_title:
                text = f"{article.title}\n{text}"
            view = self.text.span(start, end, self.title if with_title else None)
        if view is None:
            fields["text"] = text  # a word crosses the edge: tokenise the text itself
        else:
            indexes["text"] = view
        doc = self.docs[(key, speaker)] = Document(fields, indexes)
        return doc

    def _find(self, text: str, span: Span | None) -> tuple[int, int] | None:
        """Where the claim's text stands verbatim in the article, if it does."""
        if not text:
            return None
        if span is not None and self.article.text[span.start : span.end] == text:
            return span.start, span.end
        at = self.article.text.find(text)
        return (at, at + len(text)) if at >= 0 else None


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
