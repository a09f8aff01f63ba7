"""Claims of one article: quotes, partial quotes, reported speech and statements.

Pure function of one article, in passes:

1. blocks and sentences of the cleaned body (`blocks`);
2. claims found sentence by sentence (`shapes.read_sentence`: cues, then the shapes
   of the registry, each attaching a speaker and cutting a content span), a sentence
   with none being the outlet's own statement;
3. speakers resolved across the article in reading order (`resolve.Trail`);
4. the claims built, with dates resolved against the publication date (`claims`).

`shapes.CUE_SHAPES` and `shapes.QUOTATION_SHAPES` list the shapes a claim takes;
tests/cases/claims.yaml has sentences of each.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Article, Claim, Span
from ..read.clean import SIGN_OFF, capitals
from .blocks import Quote, blocks, sentences, tokens
from .claims import build_claims
from .lexicon import CUE_FORMS, CUE_TRIGGERS, READ_TRIGGERS, SAYING_VERBS
from .mentions import Mention, mention_from_tokens
from .people import headline_people, known_people
from .quote_shapes import transcript
from .resolve import Trail
from .resolver import Resolver
from .scorer import keep_said
from .sentence import UNSAID, Found, strip_end
from .shapes import read_headline, read_sentence

__all__ = ["extract_claims", "shapes_found"]

_MIN_STATEMENT_WORDS = 6
_WORD = re.compile(r"[^\W_]+")
# A line of the text, without the spaces around it.
_LINE = re.compile(r"^[ \t]*(\S[^\n]*?)[ \t]*$", re.MULTILINE)
# A heading has this many words, at least and at most.
_HEADING_WORDS = (3, 25)
# A sentence with this many letters or more, this share of them capitals, is shouted.
_SHOUT_LETTERS = 8
_SHOUT_SHARE = 0.9
# A first paragraph with this share of its words capitalised is a headline in title case.
_TITLE_CASE_SHARE = 0.6


def extract_claims(article: Article, *, scored: bool = True) -> tuple[Claim, ...]:
    """Every claim in the article's body, in reading order, with speakers and dates;
    with `scored`, those the claim scorer takes for no speech act dropped (`scorer`)."""
    found, quoted, starts = _find(article, None)
    people = known_people(article.text, article.body, quoted)
    headline = headline_people(article.text, _headline_span(article))
    trail = Trail(Resolver(people, article.text, headline), starts)
    for item, block_index in found:
        trail.add(item, block_index)
    claims = build_claims(article, trail.resolved, trail.parts)
    return keep_said(article.text, claims) if scored else claims


def _headline_span(article: Article) -> Span | None:
    """The article's headline: its title, or a first paragraph in title case that the
    page printed above the story ("Hillary Clinton Goes After Donald Trump")."""
    if article.title_span is not None or not article.body:
        return article.title_span
    first = article.body[0]
    words = _WORD.findall(article.text, first.start, first.end)
    capitals = sum(w[0].isupper() for w in words)
    fits = _HEADING_WORDS[0] <= len(words) <= _HEADING_WORDS[1]
    return first if fits and capitals >= _TITLE_CASE_SHARE * len(words) else None


def shapes_found(article: Article) -> list[str]:
    """The name of each shape of the registry that decided a cue or the quotations of a
    sentence, and of each rule of `filters.NOT_SPEECH` that kept a word from being a
    cue, in reading order: what tells which shape a sentence takes."""
    trace: list[str] = []
    _find(article, trace)
    return trace


def _find(
    article: Article, trace: list[str] | None
) -> tuple[list[tuple[Found, int]], list[Span], list[int]]:
    """The claims found in each sentence, each with the index of its block; the
    quotations of the body; and where each block starts."""
    text = article.text
    found: list[tuple[Found, int]] = []
    quoted: list[Span] = []
    unsigned: list[int] = []  # bare quotations of the block before, by index in `found`
    starts: list[int] = []  # where each block starts
    headings = _headings(article)
    paragraphs = tuple(sorted((*article.body, *headings))) if headings else article.body
    top = _top_line(article)
    lines = transcript(text, article.body)
    if lines and trace is not None:
        trace.append("transcript")
    for block_index, block in enumerate(blocks(text, paragraphs)):
        starts.append(block.span.start)
        quotes = list(block.quotes)
        quoted.extend(q.inner for q in quotes)
        signer = _sign_off(text, block.span) if unsigned and not quotes else None
        if signer is not None:
            # '"..."' then a paragraph '- Bernie Sanders': the quotation is signed.
            for index in unsigned:
                item, at = found[index]
                found[index] = (replace(item, mention=signer, inherits=False), at)
            unsigned = []
            continue
        first = len(found)
        if block.span == top:
            labelled = read_headline(text, block.span, quotes, trace)
            if labelled:
                found.extend((c, block_index) for c in labelled)
                continue
        heading = block.span in headings
        for sentence in sentences(text, block):
            said = [p for p in lines if p.start < sentence.end and sentence.start < p.end]
            if said:
                # A transcript's line is its speaker's words, as a quotation is: no claim
                # of anyone else's is read inside it, and none of it is the outlet's own.
                found.extend((lines[p], block_index) for p in said if p.start >= sentence.start)
                continue
            found.extend((c, block_index) for c in _read(text, sentence, quotes, trace, heading))
        unsigned = [
            i
            for i in range(first, len(found))
            if found[i][0].kind == "quote"
            and found[i][0].mention is None
            and found[i][0].cue is None
        ]
    return found, quoted, starts


def _top_line(article: Article) -> Span | None:
    """The headline: the title, or a short first paragraph with a story below it."""
    if article.title_span is not None:
        return article.title_span
    if len(article.body) < 2:
        return None
    first = article.body[0]
    words = len(_WORD.findall(article.text, first.start, first.end))
    one_line = "\n" not in article.text[first.start : first.end]
    return first if words <= _HEADING_WORDS[1] and one_line else None


def _read(
    text: str, sentence: Span, quotes: list[Quote], trace: list[str] | None, heading: bool
) -> list[Found]:
    """What one sentence gives: its claims (and what was read for the speaker trail), or
    the outlet's statement; a heading gives only claims a cue reports ("Pakistan says it
    shot down five jets"); chrome in capitals ("VIDEO SHOWS ...") gives nothing."""
    if _shouted(text, sentence):
        return []
    claims = (
        read_sentence(text, sentence, quotes, trace)
        # Traced, every sentence a rule of `filters` may speak of is read.
        if _may_attribute(
            text, sentence, quotes, CUE_TRIGGERS if trace is not None else READ_TRIGGERS
        )
        else []
    )
    if heading:
        return [c for c in claims if c.kind != UNSAID and c.cue is not None]
    if any(c.kind != UNSAID for c in claims) or not _is_statement(text, sentence, quotes):
        return claims
    span = strip_end(text, sentence)
    return [*claims, Found("statement", span, None, None, None, sentence)]


def _shouted(text: str, sentence: Span) -> bool:
    """A line in capitals ("VIDEO SHOWS MOMENT BRIDGE FALLS", "WATCH: ..."): page chrome."""
    counts = capitals(text, sentence.start, sentence.end)
    if counts is None:
        return False
    upper, lower = counts
    return upper >= _SHOUT_LETTERS and upper >= _SHOUT_SHARE * (upper + lower)


def _headings(article: Article) -> frozenset[Span]:
    """Lines outside the body that may report what someone said: the headline, and the
    short lines between paragraphs (a live blog's subheadings) with a verb of saying,
    neither a caption nor in capitals."""
    text = article.text
    body = article.body
    found = set()
    if article.title_span is not None and not _inside(article.title_span, body):
        found.add(article.title_span)
    for before, after in zip(body, body[1:], strict=False):
        for line in _LINE.finditer(text, before.end, after.start):
            span = Span(line.start(1), line.end(1))
            words = _WORD.findall(text[span.start : span.end].lower())
            if (
                _HEADING_WORDS[0] <= len(words) <= _HEADING_WORDS[1]
                and span not in article.captions
                and any(CUE_FORMS.get(w) in SAYING_VERBS for w in words)
            ):
                found.add(span)
    return frozenset(s for s in found if not _shouted(text, s))


def _inside(span: Span, spans: tuple[Span, ...]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def _sign_off(text: str, span: Span) -> Mention | None:
    """The name of a paragraph that only signs the quotation before it ("- Clinton.")."""
    match = SIGN_OFF.fullmatch(text, span.start, span.end)
    if match is None:
        return None
    name = Span(match.start(1), match.end(1))
    return mention_from_tokens(tokens(text, name), text)


def _may_attribute(
    text: str, sentence: Span, quotes: list[Quote], triggers: frozenset[str]
) -> bool:
    """Whether the sentence has a quotation or a word that may start a cue: without
    either, `read_sentence` finds nothing, and most sentences are told apart from those
    without tokenising them."""
    if any(q.outer.start < sentence.end and q.outer.end > sentence.start for q in quotes):
        return True
    # One lower-casing of the sentence, not one per word: lower case never turns a
    # character into or out of a word character, except "İ", whose lower case is "i" and
    # a combining dot (U+0307) that splits its word: at worst a sentence is read for nothing.
    words = _WORD.findall(text[sentence.start : sentence.end].lower())
    return not triggers.isdisjoint(words)


def _is_statement(text: str, sentence: Span, quotes: list[Quote]) -> bool:
    """A sentence of six words or more outside every quotation: the outlet's own."""
    words = text[sentence.start : sentence.end].split()
    if len(words) < _MIN_STATEMENT_WORDS:
        return False
    # A sentence inside a quotation is part of that quote, never the outlet's statement.
    return not any(
        q.outer.start <= sentence.start and sentence.end <= q.outer.end + 1 for q in quotes
    )
