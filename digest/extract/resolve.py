"""Speakers across the article: each claim found in a sentence given its speaker.

Claims are read in order. A claim with a speaker of its own resolves it
(`resolver.Resolver`: "Miller" is "Matthew Miller", "she" the last woman named); one
without takes the speaker of the claim before it, as news copy writes ('"...," she
said. "And ..."', ", noting that ..."). `Trail` keeps what that needs: the last
speaker and where, and the line that introduced a quotation ("Smith told the crowd:").
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Span
from .lexicon import CALENDAR, CUE_FORMS, SAYING_VERBS
from .mentions import Mention
from .resolver import Entity, Resolver
from .sentence import Found, strip_end

# The kinds of claim that carry the speaker's own words.
_QUOTED_KINDS = ("quote", "partial")

Resolved = tuple[Found, Entity | None, Mention | None]


class Trail:
    """The claims of an article as their speakers are resolved, in reading order."""

    def __init__(self, resolver: Resolver, starts: list[int]) -> None:
        self.resolver = resolver
        self.starts = starts  # where each block starts
        self.resolved: list[Resolved] = []
        self.parts: dict[int, list[Span]] = {}  # index in `resolved` -> the quotations it joins
        # The last speaker: its entity, its mention, and the block it spoke in.
        self.last: tuple[Entity | None, Mention | None, int] | None = None
        self.last_sentence: Span | None = None
        self.intro: Found | None = None  # the last "X said:" that introduced a quotation

    def add(self, item: Found, block: int) -> None:
        """Resolve the speaker of the claim `item`, found in block `block`."""
        if item.mention is not None and not speaks(item.mention, item.cue, item.cue_text):
            return  # "China's booming economy", "One possible reason": the cue is a noun
        if item.kind == "statement":
            self.resolved.append((item, None, None))
        elif item.kind == "intro":
            self._introduce(item, block)
        elif item.inherits and item.cue is not None:
            self._goes_on(item, block)
        elif item.inherits or item.mention is None:
            self._unsigned(item, block)
        else:
            mention = _gendered(item.mention, item, self.resolver.text)
            self._keep(item, self.resolver.resolve(mention, item.content), item.mention, block)

    def _keep(
        self, item: Found, entity: Entity | None, mention: Mention | None, block: int
    ) -> None:
        self.resolved.append((item, entity, mention))
        if mention is not None and not item.nominal:
            # "Trump's claim that ..." is not who goes on speaking (", saying ...").
            self.last = (entity, mention, block)
            self.last_sentence = item.sentence

    def _introduce(self, item: Found, block: int) -> None:
        """Not a claim: it names who speaks in the quotation that follows, and how."""
        if item.mention is not None:
            self.last = (self.resolver.resolve(item.mention), item.mention, block)
            self.last_sentence = item.sentence
            self.intro = item

    def _goes_on(self, item: Found, block: int) -> None:
        """ ", noting that ...": the same speaker as the claim before it in the sentence;
        with none before it, whoever speaks was not found: a quotation or what a verb of
        saying reports stays, unsigned; other words ("..., reflecting the value of the
        goods") are no claim."""
        last = self.last
        if last is not None and self.last_sentence == item.sentence:
            self._keep(item, last[0], last[1], block)
        elif (
            item.kind in _QUOTED_KINDS
            or CUE_FORMS.get((item.cue_text or "").lower()) in SAYING_VERBS
        ):
            self._keep(item, None, item.mention, block)

    def _unsigned(self, item: Found, block: int) -> None:
        """A bare quotation continues the last speaker of this block or the one before;
        standing alone after a sentence about a person, it is that person's; with no
        speaker near, it is the writer's own sentence."""
        if self._joins_quotation(item, block):
            return
        last = self.last
        if last is not None and block - last[2] <= _reach(item):
            self._continue(item, block, last)
        elif (
            item.mention is None
            and item.cue is None
            and _whole_quote(item)
            and (named := self.resolver.subject_between(self.starts[block], item.sentence.start))
            is not None
        ):
            # 'Smith was blunt. "We will rebuild."': the quotation is Smith's.
            self._keep(item, self.resolver.resolve(named), named, block)
        elif item.mention is None and item.cue is None:
            # The writer's sentence, whole: not the phrase it quotes ('... a so-called
            # "knowledge-based economy".'), and once however many phrases it quotes.
            previous = self.resolved[-1][0] if self.resolved else None
            if previous is None or previous.sentence != item.sentence:
                span = strip_end(self.resolver.text, item.sentence)
                statement = Found("statement", span, None, None, None, item.sentence)
                self.resolved.append((statement, None, None))
        else:
            self._keep(item, None, item.mention, block)

    def _joins_quotation(self, item: Found, block: int) -> bool:
        """'"...," Clinton said, drawing gasps. "And she died ..."': a quotation that opens
        its sentence, after a quote or a partial quote of the same block, is one quotation
        with it; a phrase quoted inside a sentence of the outlet's ('The law covers any
        "computer implemented invention".') is not."""
        previous = self.resolved[-1][0] if self.resolved else None
        if (
            previous is not None
            and item.cue is None
            and previous.kind in ("quote", "partial")
            and item.content.start - item.sentence.start <= 2
            and self.last is not None
            and self.last[2] == block
            and previous.sentence.end <= item.sentence.start
        ):
            index = len(self.resolved) - 1
            self.parts.setdefault(index, list(previous.parts) or [previous.content]).append(
                item.content
            )
            return True
        return False

    def _continue(
        self, item: Found, block: int, last: tuple[Entity | None, Mention | None, int]
    ) -> None:
        """The quotation `item` in the words of the last speaker."""
        entity, mention, at = last
        intro = self.intro
        if intro is not None and intro.mention is mention and item.cue is None:
            # "Smith told the crowd:" and then the quotation: told, by Smith.
            item = replace(item, cue=intro.cue, cue_text=intro.cue_text)
        if block - at > 1 and mention is not None:
            # A paragraph or more since that speaker: a person the writer has made the
            # subject since is likelier the one quoted.
            named = self.resolver.subject_between(mention.span.end, item.content.start)
            if named is not None:
                mention = named
                entity = self.resolver.resolve(named)
        self._keep(item, entity, mention, block)


def _whole_quote(item: Found) -> bool:
    """The quotation is most of its sentence: a paragraph of someone's words."""
    return len(item.content) >= 0.6 * len(item.sentence)


def _reach(item: Found) -> int:
    """How many blocks back a quotation with no attribution of its own may take its
    speaker from: a paragraph that is all quotation goes on the words of the speaker of
    one of the two paragraphs before it; a phrase quoted inside the writer's sentence
    echoes a speaker of its own paragraph or the one before."""
    return 2 if _whole_quote(item) else 1


def speaks(mention: Mention, cue: Span | None, cue_text: str | None) -> bool:
    """Whether the words before a cue can be who speaks with it. Not a day ("Thursday"),
    nor a possessive right before the cue ("China's booming economy"), nor a phrase
    whose number the cue right after it does not agree with: a bare form after "one" ("One
    possible reason"), a form in -s after a number ("three key reasons"). There the cue
    is a noun, or what it modifies."""
    words = mention.text.lower().split()
    if mention.pronoun or not words or cue is None or mention.span.start > cue.start:
        return True
    if len(words) == 1 and words[0] in CALENDAR:
        return False
    if cue.start - mention.span.end > 1:
        return True  # words between: "Scott's family has called" (the phrase was cut)
    if words[-1].endswith(("'s", "’s")):
        return False
    if mention.name or not cue_text or words[-1].endswith("s"):
        return True
    low = cue_text.lower()
    base = CUE_FORMS.get(low)
    if base is None:
        return True
    if low == base:
        return words[0] != "one" or len(words) == 1  # "no one forecast" is a verb
    return not (low.endswith("s") and (words[0] in _MANY or words[0].isdigit()))


# What opens a phrase of many things: a cue in -s right after it is a noun.
_MANY = frozenset("two three four five six seven eight nine ten several both these those".split())


# The pronouns that may open what a person said of themselves.
_SELF = {"he": "m", "she": "f"}


def _gendered(mention: Mention, item: Found, text: str) -> Mention:
    """A one-word name whose reported words open with "he" or "she" ("Clinton said she
    would return"): that pronoun is most often the speaker, so of two people of the name
    it tells which."""
    if mention.gender is not None or not mention.name or " " in mention.name:
        return mention
    if item.kind != "reported" or item.cue is None or item.cue.end > item.content.start:
        return mention
    words = text[item.content.start : item.content.start + 8].lower().split()
    first = words[0] if words else ""
    gender = _SELF.get(first)
    return replace(mention, gender=gender) if gender is not None else mention
