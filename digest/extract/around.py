"""Where an attribution stands in its sentence, for the shapes to tell one from another.

The quotation a cue opens ('said, "..."') or that resumes after a speaker's role, the
claim read before it that an attribution reports ('..., a spokesman said, after ...'),
a parenthetical attribution (", she said,"), and the clause a quoted fragment ends.
"""

from __future__ import annotations

import bisect

from ..model import Span
from .content import MIN_CONTENT_WORDS
from .lexicon import (
    AND_BUT,
    ASIDE_MARKS,
    CUE_FORMS,
    INTRODUCING_MARKS,
    PARTICLES,
    RECIPIENTS,
    SETTING_OPENERS,
    SETTING_WORDS,
    TIME_WORDS,
)
from .sentence import Found, Sentence


def reports_earlier(s: Sentence, earlier: list[Found], start_tok: int) -> bool:
    """Every claim read before in the sentence runs up to the speaker named at
    `start_tok`: 'Iran expects $6 billion ..., a government spokesman said, after
    ...' reports what Iran expects."""
    start = s.toks[start_tok].start
    return all(
        f.cue is not None and f.cue.end <= start and f.content.end >= start - 3 for f in earlier
    )


def answers(s: Sentence, quote: int, earlier: list[Found]) -> bool:
    """The quotation `quote` is what a claim read before in the sentence reports, its
    cue a few words before it: 'shouted, "..."', 'responded to Mills with, "..."'."""
    start = s.quotes[quote].outer.start
    return any(
        f.cue is not None
        and f.cue.end <= start < f.content.end
        and s.words(Span(f.cue.end, start)) <= 3
        for f in earlier
    )


def set_apart(s: Sentence, lead_in: Span) -> bool:
    """The words before a quotation end in a dash or a parenthesis: the quotation and
    its attribution are an aside ('Neither man liked her - "Born with a silver spoon,"
    Mr. Elkins said - but ...'), not the end of a claim the sentence began."""
    last = s.text[lead_in.start : lead_in.end].rstrip()
    return last[-1:] in ASIDE_MARKS


def last_clause_start(s: Sentence, lead_in: Span) -> int:
    """Where the clause that runs into a quotation starts: after the last "; " or ",
    and" of `lead_in` ('they rank their choices, and the group is less likely to be
    "overrun," Hoover said': Hoover's words start at "the group")."""
    toks = s.toks
    first = bisect.bisect_left(s.starts, lead_in.start)
    last = bisect.bisect_left(s.starts, lead_in.end)
    for j in range(last - 1, first, -1):
        if toks[j].text == ";" or (toks[j].lower in AND_BUT and toks[j - 1].text == ","):
            if s.words(Span(toks[j + 1].start, lead_in.end)) >= MIN_CONTENT_WORDS:
                return toks[j + 1].start
            break
    return lead_in.start


def quote_after_role(s: Sentence, k: int) -> int | None:
    """The quotation after a role set off by commas at token `k` ('"...," said Jo
    Reyes, the state's spokesperson, "and ..."')."""
    toks = s.toks
    if k >= len(toks) or toks[k].text != ",":
        return None
    for j in range(k + 1, min(len(toks) - 1, k + 14)):
        if s.in_quote[j] is not None or toks[j].lower in CUE_FORMS:
            return None
        if toks[j].text == ",":
            return s.quote_after(j, gap=2)
    return None


def opened_after(s: Sentence, k: int) -> int | None:
    """The quotation opened after a cue that ends before token `k`, past time words,
    a particle or an aside set off by commas: 'joked, "..."', 'writes back, "..."',
    'joked, raising his voice, "..."'; one that starts a sentence of its own."""
    toks, in_quote = s.toks, s.in_quote
    limit = min(len(toks), k + 12)
    j = k
    aside = k < limit and toks[k].text == ","
    while j < limit and in_quote[j] is None:
        if j > k and j in s.cue_starts:
            return None
        if not aside and not (
            toks[j].lower in TIME_WORDS or toks[j].lower in PARTICLES or toks[j].text == ","
        ):
            return None
        j += 1
    if j >= limit or j == k or toks[j - 1].text not in INTRODUCING_MARKS:
        return None
    index = in_quote[j]
    if index is None:
        return None
    words = s.first_words(s.quotes[index].inner, 1)
    return index if words and words[0].is_capital else None


def opened_quote(s: Sentence, c: int) -> int | None:
    """The quotation the cue ending at `c` opens: 'said Wednesday, "..."', 'shot back:
    "..."'; a comma or a colon introduces speech, a bare quotation is a phrase of the
    clause."""
    toks = s.toks
    j = c + 1
    while (
        j < len(toks)
        and j < c + 4
        and s.in_quote[j] is None
        and (toks[j].lower in TIME_WORDS or toks[j].lower in PARTICLES)
    ):
        j += 1
    if j + 1 < len(toks) and toks[j].text in INTRODUCING_MARKS:
        return s.in_quote[j + 1]
    return None


def parenthetical_end(s: Sentence, k: int) -> int | None:
    """After `, she said`, the token that resumes the sentence past the closing comma."""
    toks = s.toks
    limit = min(len(toks), k + 12)
    while (
        k < limit
        and s.in_quote[k] is None
        and (
            toks[k].lower in TIME_WORDS
            or toks[k].lower in RECIPIENTS
            or toks[k].is_capital
            or toks[k].lower in SETTING_WORDS
        )
    ):
        k += 1
    if k + 1 < len(toks) and toks[k].text == "," and s.in_quote[k] is None:
        return k + 1
    return None


def tail_is_short(s: Sentence, k: int) -> bool:
    """After `..., X said`, only a few words, or another clause after a comma or a
    subordinator that sets the scene ("..., he told aides as he worked on ..."), or a
    relative clause about the speaker ("..., said a handful of Democrats who point to
    ..."), may follow."""
    toks = s.toks
    tail = 0
    while (
        k < len(toks)
        and toks[k].text != ","
        and toks[k].lower not in SETTING_OPENERS
        and toks[k].lower != "who"
        and s.in_quote[k] is None
        and tail <= 8
    ):
        tail += toks[k].is_word
        k += 1
    return tail <= 8
