"""The article's claims as the model holds them: text, speaker, cue and dates.

Each claim found and resolved (`resolve.Trail`) becomes a `model.Claim`: its text
joined from the quotations it spans, its speaker as the article names it, and the
dates of its sentence resolved against the publication date.
"""

from __future__ import annotations

import hashlib
import re
import sys
from datetime import date

from ..model import Article, Claim, DateRef, Span, Speaker
from .blocks import mark_at
from .dates import find_dates
from .lexicon import (
    CLOSING_MARKS,
    CLOSING_QUOTE_MARKS,
    FINITE_WORDS,
    HONORIFICS,
    NOT_A_ROLE_START,
    QUOTE_MARKS,
    RELATIVE_PRONOUNS,
    SENTENCE_ENDS,
    SETTING_OPENERS,
)
from .mentions import Mention
from .resolve import Resolved
from .resolver import Entity
from .sentence import UNSAID, strip_end, without_reopenings

# A line break with the spaces around it and a quotation mark that reopens on the next
# line, or a run of spaces. Written to open with one whitespace character, so that the
# regex engine skips ahead to the next space instead of trying the pattern everywhere.
_SPACES = re.compile(r"\s(?:(?:\s*\n|(?<=\n))\s*(?:''|[\"“«])?|\s+)")


def build_claims(
    article: Article, resolved: list[Resolved], parts: dict[int, list[Span]]
) -> tuple[Claim, ...]:
    """The claims of the article, one for each claim resolved, in reading order;
    `parts` gives the quotations a claim joins by its index."""
    anchor = article.published.date() if article.published else None
    claims = []
    sentence_dates: dict[Span, tuple[DateRef, ...]] = {}
    for index, (item, entity, mention) in enumerate(resolved):
        if item.kind == UNSAID:
            continue  # read for who speaks next, never a claim
        pieces = parts.get(index) or list(item.parts) or [item.content]
        span = Span(pieces[0].start, pieces[-1].end)
        kind = item.kind
        if kind == "partial" and _short_quote_first(article.text, span):
            # A one-word answer ("no") means nothing without who said it: keep the sentence.
            span = strip_end(article.text, item.sentence)
            pieces = [span]
        dates = sentence_dates.get(item.sentence)
        if dates is None:
            dates = sentence_dates[item.sentence] = find_dates(article.text, item.sentence, anchor)
        claim_text = _join_parts(
            [
                _unmarked(_SPACES.sub(" ", article.text[p.start : p.end]).strip(), kind)
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
                speaker=_speaker(entity, mention),
                cue=sys.intern(item.cue_text) if item.cue_text else None,
                cue_span=item.cue,
                when=_when(dates, span, item.cue),
                dates=dates,
            )
        )
    return tuple(claims)


def _speaker(entity: Entity | None, mention: Mention | None) -> Speaker | None:
    """The speaker of a claim as the article names it, with a role that is not the name."""
    if mention is None:
        return None
    name = entity.display(mention) if entity is not None else mention.text
    role = entity.role if entity is not None else mention.role
    if role:
        # "a spokesman (Minister of State)": each part a role of its own.
        parts = [p for p in (p.strip(" )") for p in role.split(" (")) if _describes(p)]
        role = " (".join(parts) + ")" * (len(parts) - 1) if parts else None
    if role and role.lower() in name.lower():
        role = None  # "the official": the role is the name already
    # Names, roles and cues repeat across an article's claims: one string each (sent
    # once to the build's process, and held once there).
    return Speaker(
        name=sys.intern(name),
        role=sys.intern(role) if role else None,
        mention=sys.intern(mention.text),
        span=mention.span,
    )


# What a role never ends in: a courtesy title ("Mr"), or words cut before a name.
_NOT_A_ROLE_END = HONORIFICS | NOT_A_ROLE_START


def _describes(role: str) -> bool:
    """A role tells the reader something: not a courtesy title ("Mr", "Dr."), nor
    words that open no noun phrase ("however", "in England for ...", "42")."""
    words = role.replace(".", " ").split()
    if not words or words[-1].lower() in _NOT_A_ROLE_END:
        return False  # "Mr", or words cut before a name: "in Harrogate Mr", "letter from"
    first = words[0]
    return first[0].isalpha() and first.lower() not in NOT_A_ROLE_START


def _when(dates: tuple[DateRef, ...], span: Span, cue: Span | None) -> date | None:
    """When a claim was made: the first date inside it, else one right by its cue."""
    inside = [d for d in dates if span.start <= d.span.start < span.end]
    outside = [d for d in dates if _near_cue(d.span, cue)]
    candidates = inside or outside
    return candidates[0].date if candidates else None


def _unmarked(piece: str, kind: str) -> str:
    """A quotation's words without the marks that open it, or reopen it sentence by
    sentence, where the span kept them ('"I have listened. "We will act.' -> 'I have
    listened. We will act.'); a partial quote keeps its marks, which show what was
    quoted."""
    if kind != "quote":
        return piece
    words = without_reopenings(piece)
    opening = mark_at(words, 0)
    if opening and not any(m in words[len(opening) :] for m in QUOTE_MARKS):
        words = words[len(opening) :]
    return words


def _join_parts(parts: list[str]) -> str:
    """Join the pieces of a quotation split by its attribution: a piece that goes on in
    lower case continues the sentence ("..., and it bears"), a capital starts a new one."""
    text = parts[0] if parts else ""
    for part in parts[1:]:
        if part[:1].islower() and _goes_on(text, part):
            text += " " + part  # "The economy, he said, is strong": "The economy is strong"
        elif part[:1].islower():
            text += ", " + part
        elif text.rstrip(CLOSING_MARKS).endswith(SENTENCE_ENDS):
            text += " " + part
        else:
            text += ". " + part
    return text


def _goes_on(text: str, part: str) -> bool:
    """`part` goes on with the clause `text` left open: its subject before its verb
    ("The economy" + "is strong"), or its verb before the rest ("The dam could" + "fail")."""
    if text[-1:] in CLOSING_MARKS or text[-1:] in ",;:":
        return False
    first = part.split(maxsplit=1)[0].lower()
    last = text.rsplit(maxsplit=1)[-1].lower()
    # "all of whom" + "needed a boost": a relative is the subject
    return first in FINITE_WORDS or last in FINITE_WORDS or last in RELATIVE_PRONOUNS


def _near_cue(span: Span, cue: Span | None) -> bool:
    """A date right by the cue dates the speech: "said Tuesday", "told reporters on Monday"."""
    return cue is not None and (0 <= span.start - cue.end <= 30 or 0 <= cue.start - span.end <= 12)


# "that" right before a span: the span is the clause it opens.
_THAT_BEFORE = re.compile(r"\bthat\s*$", re.IGNORECASE)


def _short_quote_first(text: str, span: Span) -> bool:
    """The span opens with a quotation of a word or two that a setting follows ('"no"
    when asked ...'), not as the subject of a clause ('saying that "bombastic comments"
    do more harm', 'said "budget reforms" and the collection of taxes would help')."""
    opening = mark_at(text, span.start)
    if not opening or _THAT_BEFORE.search(text, max(0, span.start - 8), span.start):
        return False
    begin = span.start + len(opening)
    ends = [i for i in (text.find(m, begin, span.end) for m in CLOSING_QUOTE_MARKS) if i > 0]
    if not ends or len(text[begin : min(ends)].split()) > 2:
        return False
    # '"no" when asked': a setting follows; not '"budget reforms" and the collection of
    # taxes would help', '"Moon," which is expected ..., has been tabbed': the quotation
    # opens a clause that goes on
    rest = text[min(ends) + 1 : span.end].strip(" ,'\"”’").split()
    return not rest or rest[0].lower() in SETTING_OPENERS or rest[0].lower() == "to"
