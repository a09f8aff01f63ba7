"""A cue as the shapes read it, and what they find around it.

`Cue` holds one cue of a sentence and finds, the first time a shape asks, where its
speaker stands (`attach`), where the attribution starts and what follows it
(`content`); `NO_CLAIM` is the answer of a shape that holds but reports nothing.
"""

from __future__ import annotations

import bisect
from typing import Final

from ..model import Span
from .attach import Speaker, speaker_after, speaker_before, speaker_end
from .content import content_after
from .grammar import finite, holds_clause, is_title, noun_like
from .lexicon import (
    AND_BUT,
    AND_BUT_OR,
    CUE_FORMS,
    NP_STOP,
    OF_PLACE,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    TENSED,
)
from .mentions import Mention
from .sentence import Found, Sentence
from .subjects import inverted_mention


class NoClaim:
    """A shape's answer when its shape holds but the cue reports nothing there."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_CLAIM"


NO_CLAIM: Final = NoClaim()


class Place:
    """Where an attribution stands, once its speaker is found."""

    __slots__ = ("start", "resume", "relative", "lead", "before")

    def __init__(self, c: Cue, speaker: Speaker) -> None:
        s, toks = c.s, c.s.toks
        inverted = speaker.inverted
        # The first token of the attribution's speaker (the cue itself when inverted).
        if inverted:
            self.start = c.first
        else:
            self.start = s.index_of(speaker.toks[0] if speaker.toks else toks[c.first])
        start = self.start
        # The token after the cue and, when inverted, after its speaker.
        self.resume = c.last + 1 + (len(speaker.toks) if inverted else 0)
        # "the plan, which she said was "a breakthrough"": the relative pronoun stands
        # for what the content is about, and the content starts with its verb.
        self.relative = (
            not inverted
            and start > 1
            and toks[start - 1].lower in RELATIVE_PRONOUNS
            and toks[start - 2].text == ","
        ) or _that_gap(s, start, c.last)
        self.lead = start if inverted else _lead(s, start)
        # The quotation right before the attribution: `"...," Miller said`.
        before = s.quote_before(start)
        if before is None and self.lead < start:
            before = s.quote_before(self.lead)
        self.before = before


def _that_gap(s: Sentence, start: int, last: int) -> bool:
    """The attribution stands in a relative clause that "that" opens after a noun, and
    the content goes on with the verb whose subject the noun is: "information that
    government officials said would compromise national security"."""
    toks = s.toks
    return (
        start > 1
        and toks[start - 1].lower == "that"
        and s.in_quote[start - 1] is None
        and noun_like(toks[start - 2])  # not "and that the media reports were"
        and not toks[start - 2].is_capital
        and toks[start - 2].lower not in TENSED
        and toks[start - 2].lower not in CUE_FORMS
        and last + 1 < len(toks)
        and toks[last + 1].lower in TENSED
        # the noun is an object, its clause ends the sentence: not "The plan that critics
        # said was flawed passed", where the content's end is not plain
        and any(t.lower in TENSED or finite(t) for t in toks[: start - 2])
    )


def _lead(s: Sentence, start: int) -> int:
    """Where an attribution whose speaker starts at token `start` starts: role words
    may stand before the name ('"...," Republican strategist Jo Reyes said', '...,
    political scientist Jo Reyes said', '"...," a voice-over in the ad said')."""
    toks = s.toks
    lead = start
    while (
        lead > 0
        and start - lead < 6
        and toks[lead - 1].is_word
        and s.in_quote[lead - 1] is None
        and (toks[lead - 1].lower not in NP_STOP or toks[lead - 1].lower in OF_PLACE)
        and toks[lead - 1].lower not in CUE_FORMS
    ):
        lead -= 1
    if (
        lead < start
        and not (lead > 0 and toks[lead - 1].text == ",")
        and s.quote_before(lead) is None
    ):
        return start  # the words before the name are not a role after all
    return lead


class Cue:
    """One cue of a sentence as the shapes read it: where it stands, the claims read
    before it in the sentence, and the quotations those claims took (`used`). A shape
    adds to `used` only when it answers; what it found on the way (the speaker, the
    content after the cue) stays for the shapes after it."""

    __slots__ = (
        "s",
        "first",
        "last",
        "text",
        "span",
        "used",
        "earlier",
        "_end",
        "_backward",
        "_speaker",
        "_place",
        "_after",
        "_after_read",
        "after_used",
        "_before",
        "_before_read",
    )

    def __init__(
        self, s: Sentence, first: int, last: int, text: str, used: set[int], earlier: list[Found]
    ) -> None:
        self.s = s
        self.first = first
        self.last = last
        self.text = text
        self.span = Span(s.toks[first].start, s.toks[last].end)
        self.used = used
        self.earlier = earlier
        self._end: int | None = None
        self._backward: Speaker | None = None
        self._speaker: Speaker | None = None
        self._place: Place | None = None
        self._after: Span | None = None
        self._after_read = False
        self.after_used: set[int] = set()  # the quotations `after` takes, if a shape keeps it
        self._before: int | None = None
        self._before_read = False

    def end(self) -> int:
        """The last token before the cue that may belong to its speaker."""
        end = self._end
        if end is None:
            end = self._end = speaker_end(self.s, self.first, self.text)
        return end

    def backward(self) -> Speaker:
        """The speaker read back from the cue (its mention None when none stands there)."""
        backward = self._backward
        if backward is None:
            backward = self._backward = speaker_before(self.s, self.first, self.last, self.end())
        return backward

    def speaker(self) -> Speaker:
        """The speaker before the cue, or else the one after an inverted cue."""
        speaker = self._speaker
        if speaker is None:
            speaker = self.backward()
            if speaker.mention is None:
                ahead = speaker_after(self.s, self.first, self.last, speaker.end)
                if ahead is not None:
                    mention = inverted_mention(self.s, ahead)
                    speaker = Speaker(mention, ahead, speaker.end, speaker.in_relative, True)
            self._speaker = speaker
        return speaker

    def place(self) -> Place:
        """Where the attribution stands (asked once a speaker is found)."""
        place = self._place
        if place is None:
            place = self._place = Place(self, self.speaker())
        return place

    def after(self) -> Span | None:
        """The content after the cue (and an inverted speaker), if any."""
        if not self._after_read:
            speaker, place = self.speaker(), self.place()
            self._after = content_after(
                self.s,
                place.resume,
                cue=self.text,
                used=self.after_used,
                gap=place.relative,
                closes=speaker.in_relative,
            )
            self._after_read = True
        return self._after

    def quotation_before(self) -> int | None:
        """The quotation before the attribution, when it is what the cue reports."""
        if not self._before_read:
            self._before = _reported_before(self)
            self._before_read = True
        return self._before

    def embedded(self, index: int) -> bool:
        """The quotation `index` stands inside the writer's words: a word other than a
        conjunction right before it ('host of MSNBC's "Morning Joe,"'), not a sentence
        that opens with it or a quotation after a colon or a dash."""
        s = self.s
        k = bisect.bisect_left(s.starts, s.quotes[index].outer.start)
        return k > 0 and s.toks[k - 1].is_word and s.toks[k - 1].lower not in AND_BUT_OR

    def titled(self, index: int) -> bool:
        """The quotation `index` is a title or a name ("Morning Joe")."""
        inner = self.s.quotes[index].inner
        return is_title(self.s.text[inner.start : inner.end].split())

    def claim(
        self,
        kind: str,
        content: Span,
        mention: Mention | None,
        *,
        inherits: bool = False,
        parts: tuple[Span, ...] = (),
        topic: Span | None = None,
        nominal: bool = False,
    ) -> Found:
        """A claim of this cue."""
        return Found(
            kind,
            content,
            self.span,
            self.text,
            mention,
            self.s.span,
            inherits,
            parts,
            topic,
            nominal,
        )

    def quoted(self, index: int, mention: Mention | None, *, inherits: bool = False) -> Found:
        """The quotation `index` as this cue's claim, taken from those left."""
        self.used.add(index)
        content = self.s.tidy(self.s.quotes[index].inner)
        return self.claim("quote", content, mention, inherits=inherits)


def _reported_before(c: Cue) -> int | None:
    """The quotation before the attribution when it is what the cue reports: `"...,"
    Miller said` -- unless it is a short title and a reported clause follows the cue."""
    before = c.place().before
    if before is None:
        return None
    s = c.s
    after = c.after()
    quoted = s.quotes[before].inner
    if (
        after is None
        or c.speaker().inverted
        # '"Go home," Trump said and walked out', '"Guns stunt growth," Dean declared to
        # the crowd': what follows the cue is another verb of the speaker or a setting,
        # no reported clause
        or (
            _no_clause_follows(c, after)
            # 'In an interview with "Fox and Friends," Trump pointed to ...': a title
            and not c.titled(before)
        )
        or s.words(quoted) >= 5
        # '"We will rebuild," Smith said, "and fast."': a quotation on each side
        or (
            before not in c.used
            and s.in_quote[bisect.bisect_left(s.starts, after.start)] is not None
        )
    ):
        return before
    return None


def _no_clause_follows(c: Cue, after: Span) -> bool:
    """What follows the cue is another verb of its speaker or a setting, no reported
    clause: '"Go home," Trump said and walked out', '"Guns stunt growth," Dean declared to
    the crowd', '"We're with you," Sajjan wrote on social media'."""
    s = c.s
    first = s.toks[c.place().resume].lower
    return first in AND_BUT or (first in PREPOSITIONS and not holds_clause(s, after))


# What a shape answers: a claim, NO_CLAIM, or None when the cue is not of its shape.
Match = Found | NoClaim | None
