"""A sentence as tokens with its quotations marked, and what reading it yields.

`Sentence` is computed once per sentence (token positions, which quotation each token
stands in, where each clause starts), so that the rules can look things up in
constant or logarithmic time however long the sentence runs. Its methods answer the
questions every pass asks of tokens and quotations; the passes themselves are
functions of a `Sentence` in their own modules. `Found` is one claim read from a
sentence, before its speaker is resolved across the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import pairwise

from ..model import Span
from .blocks import Quote, Token, mark_at, tokens
from .lexicon import (
    AFTER_CUE_MARKS,
    BEFORE_CUE_MARKS,
    CLAUSE_MARKS,
    CLOSING_QUOTE_MARKS,
    CONTENT_HEAD_MARKS,
    CONTENT_TAIL_MARKS,
    END_PUNCTUATION,
    QUOTE_MARKS,
    QUOTED_TAIL_MARKS,
)
from .mentions import Mention

# The marks that end a clause (`Sentence._clause_floors`); each is a token of its own.
_CLAUSE_MARK = re.compile("[;:—–]")


def overlap(a: Span, b: Span) -> int:
    """Characters two spans share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


# The kind of what a shape read around a cue that reports no speech there ("Reyes
# rejected the offer"): never a claim, but its subject is who "he" may be next.
UNSAID = "unsaid"


def strip_end(text: str, span: Span) -> Span:
    """`span` without the sentence punctuation and spaces that end it."""
    end = span.end
    while end > span.start and text[end - 1] in END_PUNCTUATION:
        end -= 1
    return Span(span.start, end)


@dataclass(frozen=True)
class Found:
    """One claim found in a sentence, before its speaker is resolved across the article
    (or, of kind `UNSAID`, a subject and its verb that say nothing, read only for who
    speaks next)."""

    kind: str
    content: Span
    cue: Span | None
    cue_text: str | None
    mention: Mention | None
    sentence: Span
    inherits: bool = (
        False  # the speaker is the previous claim's ("..., noting ...", or a bare quote)
    )
    parts: tuple[Span, ...] = ()  # the quotations a claim joins ('"...," he said, "..."')
    # What a relative clause's content is about: "the plan" of 'the plan, which she said
    # was "a breakthrough"', read before the content ("the plan was ...").
    topic: Span | None = None
    nominal: bool = False  # a noun of saying ("Trump's claim that ..."), not a verb


class Sentence:
    """One sentence of an article: its tokens, quotations and clause boundaries."""

    __slots__ = (
        "text",
        "span",
        "quotes",
        "toks",
        "starts",
        "in_quote",
        "floors",
        "quote_starts",
        "cue_starts",
        "_title_case",
    )

    def __init__(self, text: str, span: Span, quotes: list[Quote]) -> None:
        self.text = text
        self.span = span
        self.quotes = [q for q in quotes if q.outer.start < span.end and q.outer.end > span.start]
        self.toks = tokens(text, span)
        self.starts = [t.start for t in self.toks]
        self.in_quote = self._quote_membership()
        self.floors = self._clause_floors()
        self.quote_starts = [q.inner.start for q in self.quotes]
        # The first token of each cue, once `cues.find_cues` has found them.
        self.cue_starts: tuple[int, ...] = ()
        self._title_case: bool | None = None  # read on demand: most sentences never ask

    @property
    def title_case(self) -> bool:
        """A headline in title case ("Christie Says He Would ..."): capitals say nothing."""
        if self._title_case is None:
            words = [t for t in self.toks if t.is_word and t.text[0].isalpha()]
            capitals = sum(t.is_capital for t in words)
            self._title_case = len(words) >= 4 and capitals >= 0.8 * len(words)
        return self._title_case

    def _quote_membership(self) -> list[int | None]:
        """For each token, the index of the quotation it stands in."""
        membership: list[int | None] = [None] * len(self.toks)
        if not self.quotes:  # most sentences
            return membership
        if all(a.outer.end <= b.outer.start for a, b in pairwise(self.quotes)):
            # Quotations in order, apart: the tokens of each found by bisection.
            for index, quote in enumerate(self.quotes):
                first = bisect.bisect_left(self.starts, quote.outer.start)
                last = bisect.bisect_left(self.starts, quote.outer.end)
                membership[first:last] = [index] * (last - first)
            return membership
        # Quotations that overlap (rare): one sweep, in order.
        membership = []
        q = 0
        for tok in self.toks:
            while q < len(self.quotes) and self.quotes[q].outer.end <= tok.start:
                q += 1
            inside = q < len(self.quotes) and self.quotes[q].outer.start <= tok.start
            membership.append(q if inside else None)
        return membership

    def _clause_floors(self) -> list[int]:
        """For each token, the first token of its clause (after a quotation, ';', ':' or a dash)."""
        if not self.quotes and not _CLAUSE_MARK.search(self.text, self.span.start, self.span.end):
            return [0] * len(self.toks)  # no quotation and no such mark: one clause
        floors = []
        floor = 0
        for k, tok in enumerate(self.toks):
            floors.append(floor)
            if self.in_quote[k] is not None or tok.text in CLAUSE_MARKS:
                floor = k + 1
        return floors

    def index_of_offset(self, offset: int) -> int:
        """The first token that starts at `offset` or after it."""
        return bisect.bisect_left(self.starts, offset)

    def index_of(self, tok: Token) -> int:
        """The position of a token of this sentence (tokens start at distinct offsets)."""
        return bisect.bisect_left(self.starts, tok.start)

    def mark_free(self, span: Span) -> bool:
        """No quotation mark in `span`: it is not another quotation's tail."""
        return not any(overlap(self.quotes[i].outer, span) for i in self.quotes_in(span))

    def first_words(self, span: Span, count: int) -> list[Token]:
        """The first `count` word tokens inside `span`."""
        found: list[Token] = []
        k = bisect.bisect_left(self.starts, span.start)
        while k < len(self.toks) and self.toks[k].start < span.end and len(found) < count:
            if self.toks[k].is_word:
                found.append(self.toks[k])
            k += 1
        return found

    def quotes_in(self, span: Span) -> range:
        """Indexes of the quotations that may overlap `span` (quotations are in order)."""
        first = max(0, bisect.bisect_left(self.quote_starts, span.start) - 1)
        last = bisect.bisect_right(self.quote_starts, span.end)
        return range(first, min(last + 1, len(self.quotes)))

    def words(self, span: Span) -> int:
        """How many words `span` holds."""
        return len(self.text[span.start : span.end].split())

    def use_quotes_in(self, span: Span, used: set[int]) -> None:
        """Mark the quotations wholly inside `span` as used by a claim."""
        for index in self.quotes_in(span):
            quote = self.quotes[index]
            if quote.inner.start >= span.start and quote.inner.end <= span.end:
                used.add(index)

    def floor(self, j: int) -> int:
        """The first token of the clause that ends at token `j`."""
        if j < 0:
            return 0
        if self.in_quote[j] is not None or self.toks[j].text in CLAUSE_MARKS:
            return j + 1
        return self.floors[j]

    def quote_before(self, k: int) -> int | None:
        """The quotation that ends right before token `k` (allowing a comma and dashes)."""
        j = k - 1
        # A stray single mark may trail the quotation: "''... 'old-school,''' said".
        while j >= 0 and self.toks[j].text in BEFORE_CUE_MARKS and self.in_quote[j] is None:
            j -= 1
        if j >= 0 and self.in_quote[j] is not None:
            return self.in_quote[j]
        return None

    def quote_after(self, k: int, gap: int = 2) -> int | None:
        """The quotation starting within `gap` tokens after token `k` (after ',' or ':')."""
        j = k
        while j < len(self.toks) and j < k + gap and self.in_quote[j] is None:
            if self.toks[j].text not in AFTER_CUE_MARKS:
                return None
            j += 1
        if j < len(self.toks) and self.in_quote[j] is not None:
            return self.in_quote[j]
        return None

    def kind(self, content: Span) -> str:
        """A claim's kind by how much of its content is quoted: all of it, some, none."""
        covered = sum(overlap(self.quotes[i].outer, content) for i in self.quotes_in(content))
        if covered == 0:
            return "reported"
        return "quote" if covered >= len(content) - 2 else "partial"

    def tidy(self, span: Span) -> Span:
        """Trim spaces, a closing comma and sentence punctuation from a content span."""
        start, end = span.start, span.end
        text = self.text
        while start < end and (text[start].isspace() or text[start] in CONTENT_HEAD_MARKS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in CONTENT_TAIL_MARKS):
            end -= 1
        # A parenthesis the sentence closes but the content never opened: "(She claimed
        # to "retire.")".
        if end > start and text[end - 1] == ")" and "(" not in text[start:end]:
            end -= 1
            while end > start and (text[end - 1].isspace() or text[end - 1] in CONTENT_TAIL_MARKS):
                end -= 1
        # Whole content in quotation marks: point inside them.
        opening = mark_at(text, start)
        closing = "''" if text[max(start, end - 2) : end] == "''" else text[end - 1 : end]
        if end - start >= 4 and opening and closing in CLOSING_QUOTE_MARKS:
            inner = text[start + len(opening) : end - len(closing)]
            if not any(m in without_reopenings(inner) for m in QUOTE_MARKS):
                start, end = start + len(opening), end - len(closing)
                while end > start and text[end - 1] in QUOTED_TAIL_MARKS:
                    end -= 1
        return Span(start, end)


# A mark that reopens a quotation after a sentence of it ends ('... wife. "The day ...').
_REOPENING = re.compile(r"(?<=[.!?]) [\"“](?=\w)")


def without_reopenings(inner: str) -> str:
    """The words of a quotation without the marks that reopen it sentence by sentence, as
    copy that ran paragraphs together keeps them."""
    return _REOPENING.sub(" ", inner)
