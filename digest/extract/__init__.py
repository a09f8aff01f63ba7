"""Claims of one article: quotes, partial quotes, reported speech and statements.

Pure function of one article: blocks and sentences of the cleaned body, claims found
sentence by sentence (`attribution`), then speakers resolved across the article in
reading order (`speakers.Resolver`) and dates resolved against the publication date.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import replace

from ..model import Article, Claim, DateRef, Span, Speaker
from ..read.clean import SIGN_OFF
from .blocks import Quote, blocks, mark_at, sentences, tokens
from .dates import find_dates
from .lexicon import CUE_FORMS, CUE_TRIGGERS, SAYING_VERBS
from .mentions import Mention, mention_from_tokens
from .people import known_people
from .resolver import Entity, Resolver
from .sentence import Found
from .shapes import read_sentence

__all__ = ["extract_claims"]

# A line break with the spaces around it and a quotation mark that reopens on the next
# line, or a run of spaces. Written to open with one whitespace character, so that the
# regex engine skips ahead to the next space instead of trying the pattern everywhere.
_SPACES = re.compile(r"\s(?:(?:\s*\n|(?<=\n))\s*(?:''|[\"“«])?|\s+)")
_MIN_STATEMENT_WORDS = 6
_WORD = re.compile(r"[^\W_]+")


def extract_claims(article: Article) -> tuple[Claim, ...]:
    """Every claim in the article's body, in reading order, with speakers and dates."""
    text = article.text
    found: list[tuple[Found, int]] = []
    quoted: list[Span] = []
    unsigned: list[int] = []  # bare quotations of the block before, by index in `found`
    starts: list[int] = []  # where each block starts
    for block_index, block in enumerate(blocks(text, article.body)):
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
        for sentence in sentences(text, block):
            claims = (
                read_sentence(text, sentence, quotes)
                if _may_attribute(text, sentence, quotes)
                else None
            )
            if claims:
                found.extend((c, block_index) for c in claims)
            elif _is_statement(text, sentence, quotes):
                span = _strip_end(text, sentence)
                found.append((Found("statement", span, None, None, None, sentence), block_index))
        unsigned = [
            i
            for i in range(first, len(found))
            if found[i][0].kind == "quote"
            and found[i][0].mention is None
            and found[i][0].cue is None
        ]
    return _resolve(article, found, quoted, starts)


def _sign_off(text: str, span: Span) -> Mention | None:
    """The name of a paragraph that only signs the quotation before it ("- Clinton.")."""
    match = SIGN_OFF.fullmatch(text, span.start, span.end)
    if match is None:
        return None
    name = Span(match.start(1), match.end(1))
    return mention_from_tokens(tokens(text, name), text)


def _may_attribute(text: str, sentence: Span, quotes: list[Quote]) -> bool:
    """Whether the sentence has a quotation or a word that may start a cue: without
    either, `SentenceReader` finds nothing, and most sentences are told apart from
    those without tokenising them."""
    if any(q.outer.start < sentence.end and q.outer.end > sentence.start for q in quotes):
        return True
    # One lower-casing of the sentence, not one per word: lower case never turns a
    # character into or out of a word character, except "İ", whose lower case is "i" and
    # a combining dot (U+0307) that splits its word: at worst a sentence is read for nothing.
    words = _WORD.findall(text[sentence.start : sentence.end].lower())
    return not CUE_TRIGGERS.isdisjoint(words)


def _whole_quote(item: Found) -> bool:
    """The quotation is most of its sentence: a paragraph of someone's words."""
    return len(item.content) >= 0.6 * len(item.sentence)


def _reach(item: Found) -> int:
    """How many blocks back a quotation with no attribution of its own may take its
    speaker from: a paragraph that is all quotation goes on the words of the speaker of
    one of the two paragraphs before it; a phrase quoted inside the writer's sentence
    echoes a speaker of its own paragraph or the one before."""
    return 2 if _whole_quote(item) else 1


def _is_statement(text: str, sentence: Span, quotes: list) -> bool:
    words = text[sentence.start : sentence.end].split()
    if len(words) < _MIN_STATEMENT_WORDS:
        return False
    # A sentence inside a quotation is part of that quote, never the outlet's statement.
    return not any(
        q.outer.start <= sentence.start and sentence.end <= q.outer.end + 1 for q in quotes
    )


def _strip_end(text: str, span: Span) -> Span:
    end = span.end
    while end > span.start and text[end - 1] in ".!? ":
        end -= 1
    return Span(span.start, end)


def _resolve(
    article: Article, found: list[tuple[Found, int]], quoted: list[Span], starts: list[int]
) -> tuple[Claim, ...]:
    """Resolve speakers in reading order, then build the claims."""
    resolver = Resolver(known_people(article.text, article.body, quoted), article.text)
    anchor = article.published.date() if article.published else None
    resolved: list[tuple[Found, Entity | None, Mention | None]] = []
    parts: dict[int, list[Span]] = {}  # index in `resolved` -> the quotations it joins
    last: tuple[Entity | None, Mention | None, int] | None = None
    last_sentence: Span | None = None
    intro: Found | None = None  # the last "X said:" that introduced a quotation
    for item, block_index in found:
        entity: Entity | None = None
        mention = item.mention
        if item.kind == "statement":
            resolved.append((item, None, None))
            continue
        if item.kind == "intro":
            # Not a claim: it names who speaks in the quotation that follows, and how.
            if mention is not None:
                last = (resolver.resolve(mention), mention, block_index)
                last_sentence = item.sentence
                intro = item
            continue
        if item.inherits and item.cue is not None:
            # ", noting that ...": the same speaker as the claim before it in the sentence;
            # with none before it, whoever speaks was not found: a quotation or what a
            # verb of saying reports stays, unsigned; other words ("..., reflecting the
            # value of the goods") are no claim.
            if last is not None and last_sentence == item.sentence:
                entity, mention = last[0], last[1]
            elif item.kind not in ("quote", "partial") and (
                CUE_FORMS.get((item.cue_text or "").lower()) not in SAYING_VERBS
            ):
                continue
        elif item.inherits or mention is None:
            # A bare quotation continues the last speaker of this block or the one before.
            previous = resolved[-1][0] if resolved else None
            if (
                previous is not None
                and item.cue is None
                and (
                    previous.kind == "quote"
                    # after a partial quote, only a quotation that opens its sentence
                    or (
                        previous.kind == "partial" and item.content.start - item.sentence.start <= 2
                    )
                )
                and last is not None
                and last[2] == block_index
                and previous.sentence.end <= item.sentence.start
            ):
                # '"...," Clinton said, drawing gasps. "And she died ..."': one quotation.
                index = len(resolved) - 1
                parts.setdefault(index, list(previous.parts) or [previous.content]).append(
                    item.content
                )
                continue
            if last is not None and block_index - last[2] <= _reach(item):
                entity, mention = last[0], last[1]
                if intro is not None and intro.mention is mention and item.cue is None:
                    # "Smith told the crowd:" and then the quotation: told, by Smith.
                    item = replace(item, cue=intro.cue, cue_text=intro.cue_text)
                if block_index - last[2] > 1 and mention is not None:
                    # A paragraph or more since that speaker: a person the writer has
                    # made the subject since is likelier the one quoted.
                    named = resolver.subject_between(mention.span.end, item.content.start)
                    if named is not None:
                        mention = named
                        entity = resolver.resolve(named)
            elif (
                item.mention is None
                and item.cue is None
                and _whole_quote(item)
                and (named := resolver.subject_between(starts[block_index], item.sentence.start))
                is not None
            ):
                # 'Smith was blunt. "We will rebuild."': a quotation standing alone after a
                # sentence about a person is that person's.
                mention = named
                entity = resolver.resolve(named)
            elif item.mention is None and item.cue is None:
                # A quotation with no speaker near: the writer's own sentence.
                resolved.append(
                    (Found("statement", item.content, None, None, None, item.sentence), None, None)
                )
                continue
        else:
            entity = resolver.resolve(mention)
        resolved.append((item, entity, mention))
        if mention is not None and not item.nominal:
            # "Trump's claim that ..." is not who goes on speaking (", saying ...").
            last = (entity, mention, block_index)
            last_sentence = item.sentence

    claims = []
    sentence_dates: dict[Span, tuple[DateRef, ...]] = {}
    for index, (item, entity, mention) in enumerate(resolved):
        pieces = parts.get(index) or list(item.parts) or [item.content]
        span = Span(pieces[0].start, pieces[-1].end)
        kind = item.kind
        if kind == "partial" and _short_quote_first(article.text, span):
            # A one-word answer ("no") means nothing without who said it: keep the sentence.
            span = _strip_end(article.text, item.sentence)
            pieces = [span]
        speaker = None
        if mention is not None:
            name = entity.display(mention) if entity is not None else mention.text
            role = entity.role if entity is not None else mention.role
            if role and role.lower() in name.lower():
                role = None  # "the official": the role is the name already
            # Names, roles and cues repeat across an article's claims: one string each
            # (sent once to the build's process, and held once there).
            speaker = Speaker(
                name=sys.intern(name),
                role=sys.intern(role) if role else None,
                mention=sys.intern(mention.text),
                span=mention.span,
            )
        dates = sentence_dates.get(item.sentence)
        if dates is None:
            dates = sentence_dates[item.sentence] = find_dates(article.text, item.sentence, anchor)
        inside = [d for d in dates if span.start <= d.span.start < span.end]
        outside = [d for d in dates if _near_cue(d.span, item.cue)]
        candidates = inside or outside
        when_ref = candidates[0] if candidates else None
        claim_text = _join_parts(
            [
                _SPACES.sub(" ", article.text[p.start : p.end]).strip()
                for p in pieces
                if p.end > p.start
            ]
        )
        if item.topic is not None:
            # 'the plan, which she said was "a breakthrough"': "the plan was ...".
            topic = _SPACES.sub(" ", article.text[item.topic.start : item.topic.end]).strip()
            claim_text = f"{topic} {claim_text}"
        digest_ = hashlib.sha1(
            f"{article.id}\0{span.start}\0{span.end}\0{kind}".encode()
        ).hexdigest()
        claims.append(
            Claim(
                id=digest_[:12],
                article_id=article.id,
                kind=kind,  # type: ignore[arg-type]
                text=claim_text,
                span=span,
                speaker=speaker,
                cue=sys.intern(item.cue_text) if item.cue_text else None,
                cue_span=item.cue,
                when=when_ref.date if when_ref else None,
                dates=dates,
            )
        )
    return tuple(claims)


def _join_parts(parts: list[str]) -> str:
    """Join the pieces of a quotation split by its attribution: a piece that goes on in
    lower case continues the sentence ("..., and it bears"), a capital starts a new one."""
    text = parts[0] if parts else ""
    for part in parts[1:]:
        if part[:1].islower():
            text += ", " + part
        elif text.rstrip("\"”»'’").endswith((".", "!", "?", "…")):
            text += " " + part
        else:
            text += ". " + part
    return text


def _near_cue(span: Span, cue: Span | None) -> bool:
    """A date right by the cue dates the speech: "said Tuesday", "told reporters on Monday"."""
    return cue is not None and (0 <= span.start - cue.end <= 30 or 0 <= cue.start - span.end <= 12)


def _short_quote_first(text: str, span: Span) -> bool:
    opening = mark_at(text, span.start)
    if not opening:
        return False
    begin = span.start + len(opening)
    ends = [i for i in (text.find(m, begin, span.end) for m in ('"', "”", "»", "''")) if i > 0]
    return bool(ends) and len(text[begin : min(ends)].split()) <= 2
