"""The shapes of a claim around a cue, one function each.

`shapes.CUE_SHAPES` tries them in order for every cue of a sentence; each reads a
`Cue` and answers with a claim, with `NO_CLAIM` when its shape holds but the cue
reports nothing, or with None when the cue is not of its shape. What a shape asks of
the cue (where its speaker stands, the content after it) is found the first time a
shape asks, and kept for the shapes after it.
"""

from __future__ import annotations

import bisect
from typing import Final

from ..model import Span
from .around import (
    answers,
    last_clause_start,
    opened_after,
    opened_quote,
    parenthetical_end,
    quote_after_role,
    reports_earlier,
    set_apart,
    tail_is_short,
)
from .attach import Speaker, by_subject, speaker_after, speaker_before, speaker_end
from .content import MIN_CONTENT_WORDS, antecedent, content_after
from .cues import possessor, that_after
from .grammar import is_time_word
from .lexicon import (
    AND_BUT,
    CONTENT_BREAKS,
    CUE_FORMS,
    INVERTING,
    NOMINAL_CUES,
    NP_MARKS,
    NP_STOP,
    OF_PLACE,
    OPENING_PREPOSITIONS,
    PARTICIPLE_LEADS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SUBORDINATORS,
)
from .mentions import Mention, forward_np, mention_from_tokens
from .sentence import Found, Sentence
from .subjects import inverted_mention, subject


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
        )
        self.lead = start if inverted else _lead(s, start)
        # The quotation right before the attribution: `"...," Miller said`.
        before = s.quote_before(start)
        if before is None and self.lead < start:
            before = s.quote_before(self.lead)
        self.before = before


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
    before it in the sentence, and the quotations those claims took (`used`, which a
    shape adds to only when it answers with a claim: what a shape finds on the way,
    the shapes after it may reuse)."""

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


Match = Found | NoClaim | None


def colon_of_cue(c: Cue) -> Match:
    """A colon after another cue is that cue's: 'Smith told reporters on Monday: "We
    will rebuild."'"""
    return NO_CLAIM if c.text == ":" and c.earlier else None


def according_to(c: Cue) -> Match:
    """A source named by "according to": "The plan would be delayed, according to the
    minister."; after a claim, the source of that claim ("..., Kim said, according to
    a transcript") adds none."""
    if c.text != "according to":
        return None
    if c.earlier and not reports_earlier(c.s, c.earlier, c.first):
        return NO_CLAIM
    return _source_says(c) or NO_CLAIM


def _source_says(c: Cue) -> Found | None:
    """What a source after "according to" says: the clause after it ("According to X,
    ..."), the clause it interrupts ("While ..., according to X, two were ..."), or
    the words before it ('"...," according to X')."""
    s, toks, first = c.s, c.s.toks, c.first
    ahead = []
    for tok in toks[c.last + 1 : c.last + 11]:
        if not tok.is_word and tok.text not in NP_MARKS:
            break
        ahead.append(tok)
    mention = mention_from_tokens(ahead, s.text) if ahead else None
    if mention is None:
        return None
    after_np = c.last + 1 + len(ahead)
    quoted = first > 0 and s.quote_before(first) is not None
    if first == 0 or (toks[first - 1].text != "," and not quoted):
        # "According to X, content."
        k = after_np
        while k < len(toks) and toks[k].text != ",":
            k += 1
        if k + 1 >= len(toks):
            return None
        content = s.tidy(Span(toks[k + 1].start, s.span.end))
    elif _interrupts_clause(s, first, after_np):
        # "While most were marked confidential, according to an official, two were
        # upgraded", "because, according to Trump, the media would ...": the clause
        # after the source is what it says.
        content = s.tidy(Span(toks[after_np + 1].start, s.span.end))
    else:
        # '"...," according to X': the quotation with its closing mark.
        cut = toks[first - 1].end if quoted and toks[first - 1].text != "," else None
        content = s.tidy(Span(s.span.start, cut or toks[first - 1].start))
    if len(content) == 0:
        return None
    return c.claim(s.kind(content), content, mention)


def _interrupts_clause(s: Sentence, first: int, after_np: int) -> bool:
    """ "according to X," at `first` stands inside a clause that an opening phrase or a
    subordinate clause began, and the clause goes on after the comma at `after_np`."""
    toks = s.toks
    return (
        (
            toks[0].lower in SUBORDINATORS
            or toks[0].lower in PREPOSITIONS
            or toks[0].lower in OPENING_PREPOSITIONS
            or toks[first - 2].lower in SUBORDINATORS
        )
        and after_np + 1 < len(toks)
        and toks[after_np].text == ","
        and s.words(Span(toks[after_np + 1].start, s.span.end)) >= MIN_CONTENT_WORDS
    )


def noun_of_saying(c: Cue) -> Match:
    """A noun of saying reports for its possessor: "Leaders doubt Trump's recent pledge
    to stay neutral.", "her assertion that ..."."""
    if c.text.lower() not in NOMINAL_CUES:
        return None
    owner = possessor(c.s, c.first)
    if owner is None:
        return None
    infinitive = c.s.toks[c.last + 1].lower == "to"
    start = c.last + 2 if infinitive else that_after(c.s, c.last + 1)
    content = content_after(c.s, start, cue="said", used=c.used, gap=infinitive)
    if content is None:
        return NO_CLAIM
    return c.claim(c.s.kind(content), content, owner, nominal=True)


def participle_after_clause(c: Cue) -> Match:
    """A cue in -ing after a comma adds a claim of the sentence's speaker: '"The funds
    are frozen," he said, noting the money will go to Qatar first.'; "Clinton attacked
    Trump, saying ..." (the subject speaks); "he began by saying" (the subject of the
    verb before "by")."""
    s, toks, first = c.s, c.s.toks, c.first
    if not (
        toks[first].lower.endswith("ing")
        and first > 1
        and (
            toks[first - 1].text == ","
            or toks[first - 1].lower in PARTICIPLE_LEADS
            or (s.in_quote[first - 1] is not None and toks[first - 2].text == ",")
        )
    ):
        return None
    content = content_after(s, c.last + 1, cue=c.text, used=c.used)
    if content is None:
        return NO_CLAIM
    kind = s.kind(content)
    if not c.earlier:
        base = by_subject(s, first) or subject(s, first)
        if base is not None:
            return c.claim(kind, content, base)
    return c.claim(kind, content, None, inherits=True)


def second_verb(c: Cue) -> Match:
    """A verb of saying joined by "and" after a claim of the sentence is the same
    speaker's: 'Duarte called the plan "reckless" and said it would hurt the fishermen.'"""
    j = c.end()
    toks = c.s.toks
    if not (
        j >= 1
        and toks[j].lower in AND_BUT
        and c.s.in_quote[j] is None
        and c.earlier
        and c.text != ":"
    ):
        return None
    content = content_after(c.s, c.last + 1, cue=c.text, used=c.used)
    if content is None:
        return NO_CLAIM
    return c.claim(c.s.kind(content), content, None, inherits=True)


def cue_opens_sentence(c: Cue) -> Match:
    """A cue that opens the sentence, then its speaker and a quotation: 'Continued
    Stone: "We will win."', 'Said Dorothy Poynter, who grew up with Ali, "..."'."""
    s, toks = c.s, c.s.toks
    if c.first != 0 or not toks[0].is_capital or c.backward().mention is not None:
        return None
    n = len(toks)
    ahead = forward_np(toks, c.last + 1, min(n, c.last + 16))
    quote = next(
        (i for i in range(c.last + 1, min(n, c.last + 20)) if s.in_quote[i] is not None), None
    )
    if not ahead or quote is None:
        return None
    mention = inverted_mention(s, ahead)
    index = s.in_quote[quote]
    if mention is None or index is None:
        return None
    return c.quoted(index, mention)


def unsigned_quotation(c: Cue) -> Match:
    """No speaker stands by the cue: after another claim of the sentence, the quotation
    the cue opens is that claim's speaker's ('Durbin, noting the crowd, said, "We will
    vote."'); else the cue reports nothing."""
    if c.speaker().mention is not None:
        return None
    if c.earlier:
        index = opened_quote(c.s, c.last)
        if index is not None:
            return c.quoted(index, None, inherits=True)
    return NO_CLAIM


def question_or_condition(c: Cue) -> Match:
    """An auxiliary before the speaker makes a question or a condition, no claim:
    "Should the council say no, the port will close."."""
    start = c.place().start
    if not c.speaker().inverted and start > 0 and c.s.toks[start - 1].lower in INVERTING:
        return NO_CLAIM
    return None


def reply_to_quotation(c: Cue) -> Match:
    """After a quotation that another claim of the sentence reports, a reply takes the
    quotation its own cue opens: 'When a man shouted, "Resign," Mayor Ada Reyes joked,
    "Not today!"'."""
    place, speaker = c.place(), c.speaker()
    before = place.before
    if (
        before is None
        or before not in c.used
        or speaker.inverted
        or not answers(c.s, before, c.earlier)
    ):
        return None
    opened = opened_after(c.s, place.resume)
    if opened is None:
        return None
    return c.quoted(opened, speaker.mention)


def _reported_before(c: Cue) -> int | None:
    """The quotation before the attribution when it is what the cue reports: `"...,"
    Miller said` -- unless it is a short title and a reported clause follows the cue."""
    before = c.place().before
    if before is None:
        return None
    s = c.s
    after = c.after()
    if (
        after is None
        or c.speaker().inverted
        or s.words(s.quotes[before].inner) >= 5
        # '"We will rebuild," Smith said, "and fast."': a quotation on each side
        or (
            before not in c.used
            and s.in_quote[bisect.bisect_left(s.starts, after.start)] is not None
        )
    ):
        return before
    return None


def fragment_then_cue(c: Cue) -> Match:
    """A quotation that ends a clause the sentence began, then the attribution: 'Then
    Al Gore "made a strategic mistake," Lichtman said.' (the claim starts with the
    clause)."""
    before = c.quotation_before()
    if before is None or c.earlier:
        return None
    s = c.s
    outer = s.quotes[before].outer
    lead_in = Span(s.span.start, outer.start)
    if s.words(lead_in) < MIN_CONTENT_WORDS or set_apart(s, lead_in) or not s.mark_free(lead_in):
        return None
    c.used.add(before)
    content = s.tidy(Span(last_clause_start(s, lead_in), outer.end))
    s.use_quotes_in(content, c.used)
    return c.claim("partial", content, c.speaker().mention)


def quotation_around_cue(c: Cue) -> Match:
    """A quotation on each side of the attribution is one claim: '"We will rebuild,"
    Smith said, "and we will do it fast."', also after an inverted speaker's role
    ('"...," said Jo Reyes, the state's spokeswoman, "..."')."""
    before = c.quotation_before()
    if before is None:
        return None
    resume = c.place().resume
    speaker = c.speaker()
    after = c.s.quote_after(resume, gap=3)
    if after is None and speaker.inverted:
        after = quote_after_role(c.s, resume)
    if after is None:
        return None
    c.used.add(before)
    c.used.add(after)
    pieces = (c.s.tidy(c.s.quotes[before].inner), c.s.tidy(c.s.quotes[after].inner))
    joined = Span(pieces[0].start, pieces[1].end)
    return c.claim("quote", joined, speaker.mention, parts=pieces)


def quotation_then_cue(c: Cue) -> Match:
    """A quotation, then who said it: '"We will not back down," said Foreign Minister
    Park Jin.', '"The harbor will reopen," port official Jo Reyes said.'."""
    before = c.quotation_before()
    if before is None:
        return None
    return c.quoted(before, c.speaker().mention)


def parenthetical_cue(c: Cue) -> Match:
    """An attribution set off by commas inside the claim: "At one point, she said, she
    was considering a run."; 'Asked about it, Ryan said, "Sure."' (the words before it
    only set the scene)."""
    s, toks = c.s, c.s.toks
    place, speaker = c.place(), c.speaker()
    start = place.start
    if start == 0 or toks[start - 1].text != "," or speaker.inverted:
        return None
    after_comma = parenthetical_end(s, place.resume)
    if (
        after_comma is None
        or (c.earlier and not reports_earlier(s, c.earlier, start))
        or (s.in_quote[after_comma] is not None and c.after() is not None)
        # "The port will reopen, Smith said, adding: ...": a claim of its own
        or (toks[after_comma].lower in CONTENT_BREAKS and toks[after_comma].lower.endswith("ing"))
    ):
        return None
    head = s.tidy(Span(s.span.start, toks[start - 1].start))
    tail = s.tidy(Span(toks[after_comma].start, s.span.end))
    if (
        s.words(head) + s.words(tail) < MIN_CONTENT_WORDS
        or s.words(tail) < 2
        # "Last month, X warned, ...": a time phrase is not half of a claim.
        or all(is_time_word(t) for t in toks[: start - 1])
    ):
        return None
    halves = tuple(p for p in (head, tail) if p.end > p.start)
    joined = Span(halves[0].start, halves[-1].end)
    s.use_quotes_in(joined, c.used)
    return c.claim(s.kind(joined), joined, speaker.mention, parts=halves)


def cue_then_content(c: Cue) -> Match:
    """The speaker, the cue, then what was said, quoted or reported: "Miller said the
    talks would resume.", 'Koo Byoung-sam said: "We are watching closely."'; in a
    relative clause, with what the pronoun stands for ('the party, which he said was
    "the only hope"')."""
    after = c.after()
    speaker = c.speaker()
    if after is None or speaker.inverted:
        return None
    s = c.s
    c.used.update(c.after_used)
    place = c.place()
    starts_quoted = s.in_quote[bisect.bisect_left(s.starts, after.start)]
    topic = antecedent(s, place.start - 2) if place.relative and starts_quoted is None else None
    return c.claim(s.kind(after), after, speaker.mention, topic=topic)


def content_then_cue(c: Cue) -> Match:
    """What was said, then who said it: "The United States will not hesitate to act, a
    State Department spokesperson said Tuesday.", "The port will reopen, said Reyes.".
    """
    s, toks = c.s, c.s.toks
    lead = c.place().lead
    if lead == 0 or toks[lead - 1].text != "," or not tail_is_short(s, c.last + 1):
        return None
    content = s.tidy(Span(s.span.start, toks[lead - 1].start))
    if s.words(content) < MIN_CONTENT_WORDS or c.earlier:
        return None
    s.use_quotes_in(content, c.used)
    return c.claim(s.kind(content), content, c.speaker().mention)


def inverted_cue_then_content(c: Cue) -> Match:
    """An inverted cue and its speaker, then what was said: "Added Jo Reyes: the port
    will reopen in May."."""
    after = c.after()
    if after is None:
        return None
    c.used.update(c.after_used)
    return c.claim(c.s.kind(after), after, c.speaker().mention)


def introduces_next(c: Cue) -> Match:
    """A sentence that ends in a colon introduces the quotation of the next paragraph:
    "Smith told the crowd:" (not a claim: the resolver gives that quotation its speaker
    and cue)."""
    s = c.s
    if not s.text[s.span.start : s.span.end].rstrip().endswith(":"):
        return None
    return c.claim("intro", Span(s.span.end, s.span.end), c.speaker().mention)
