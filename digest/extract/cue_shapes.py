"""The shapes of a claim around a cue, one function each.

`shapes.CUE_SHAPES` tries them in order for every cue of a sentence; each reads a
`cue.Cue` and answers with a claim, with `NO_CLAIM` when its shape holds but the cue
reports nothing, or with None when the cue is not of its shape. What a shape asks of
the cue (where its speaker stands, the content after it) is found the first time a
shape asks, and kept for the shapes after it.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

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
from .attach import by_subject, passive_agent
from .blocks import Token
from .content import MIN_CONTENT_WORDS, antecedent, closes_relative, content_after
from .cue import NO_CLAIM, Cue, Match
from .cues import possessor, that_after
from .grammar import (
    adverb_in_ly,
    breaks_content,
    finite,
    finite_verbs,
    has_finite_verb,
    holds_clause,
    is_time_word,
    plural_noun,
    verb_like,
)
from .lexicon import (
    AND_BUT,
    ASIDE_DASHES,
    BEFORE_OBJECT,
    CALENDAR,
    CONJUNCTIONS,
    CUE_FORMS,
    CUE_TAKES,
    DETERMINERS,
    FINITE_WORDS,
    FRAMING_WORDS,
    INVERTING,
    JOINERS,
    NOMINAL_CUES,
    NP_MARKS,
    OPENING_PREPOSITIONS,
    PARTICIPLE_LEADS,
    PASSIVE_ADVERBS,
    PERSON_HEADS,
    PREPOSITIONS,
    QUOTING_VERBS,
    RELATIVE_PRONOUNS,
    SAYING_VERBS,
    SCENE_SUBORDINATORS,
    SETTING_OPENERS,
    SUBORDINATORS,
    TITLE_WORDS,
    WHICH_THAT,
)
from .mentions import SENT_NOUNS, Mention, forward_np, mention_from_tokens, plural_people
from .sentence import Found, Sentence
from .subjects import inverted_mention, subject


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


def as_reported_by(c: Cue) -> Match:
    """A source named by "as" and a participle of saying before "by", read as "according
    to" is: "Seattle raised its wage, as first reported by the Times.", "As reported by
    Reuters, the firm cut 500 jobs."."""
    s, toks = c.s, c.s.toks
    low = c.text.lower()
    by = c.last + 1
    if (
        c.first != c.last
        or not low.endswith("ed")
        or CUE_FORMS.get(low) not in SAYING_VERBS
        or by + 1 >= len(toks)
        or toks[by].lower != "by"
    ):
        return None
    k = c.first - 1
    if k > 0 and (toks[k].lower in PASSIVE_ADVERBS or adverb_in_ly(toks[k])):
        k -= 1  # "as first reported by", "as widely reported by"
    if k < 0 or toks[k].lower != "as":
        return None
    if c.earlier and not reports_earlier(s, c.earlier, k):
        return NO_CLAIM
    source = Cue(s, k, by, c.text, c.used, c.earlier)
    found = _source_says(source)
    return NO_CLAIM if found is None else replace(found, cue=c.span)


def _source_says(c: Cue) -> Found | None:
    """What a source after "according to" says: the clause after it ("According to X,
    ..."), the clause it interrupts ("While ..., according to X, two were ..."), or
    the words before it ('"...," according to X')."""
    s, toks, first = c.s, c.s.toks, c.first
    ahead: list[Token] = []
    for k in range(c.last + 1, min(len(toks), c.last + 11)):
        tok = toks[k]
        if not tok.is_word and tok.text not in NP_MARKS:
            break
        if ahead and _time_phrase(toks, k) and _source_ends(ahead):
            # "according to the Times on Tuesday", "a prison statement Monday": the
            # source, not its day; but "a poll released Tuesday" is the poll of that day
            break
        ahead.append(tok)
    mention = mention_from_tokens(ahead, s.text) if ahead else None
    if ahead and (mention is None or (mention.name or "").lower() in CALENDAR):
        mention = _described(s, ahead)  # "a poll released Tuesday": the poll, not Tuesday
    if mention is None:
        return None
    after_np = c.last + 1 + len(ahead)
    quoted = first > 0 and s.quote_before(first) is not None
    # "... robbery — according to the FBI.": a dash sets the source off as a comma does
    marks = (",", *ASIDE_DASHES)
    if first == 0 or (toks[first - 1].text not in marks and not quoted):
        # "According to X, content."
        k = after_np
        while k < len(toks) and toks[k].text != ",":
            k += 1
        if k + 2 < len(toks) and toks[k + 1].lower in RELATIVE_PRONOUNS:
            # "According to two people familiar with the talks, who spoke on condition of
            # anonymity, ...": the relative clause still tells who the source is
            k += 2
            while k < len(toks) and toks[k].text != ",":
                k += 1
        named = _source_named(s, k) if mention.name is None else None
        if named is not None:
            # "According to its Paris lawyer, Emmanuel Gaillard of Shearman and
            # Sterling, the claim ...": the name the source is given between commas
            k, person = named
            role = mention.text.split(" ", 1)[-1]  # "its Paris lawyer": "Paris lawyer"
            mention = Mention(person.span, person.text, person.name, role, gender=person.gender)
        if k + 1 >= len(toks):
            return None
        content = s.tidy(Span(toks[k + 1].start, s.span.end))
    elif _interrupts_clause(s, first, after_np):
        # "While most were marked confidential, according to an official, two were
        # upgraded", "because, according to Trump, the media would ...": the clause
        # after the source is what it says.
        content = s.tidy(Span(toks[after_np + 1].start, s.span.end))
    elif (
        toks[first - 1].text in marks
        and after_np + 2 < len(toks)
        and toks[after_np].text == toks[first - 1].text
        and s.words(Span(toks[after_np + 1].start, s.span.end)) >= 2
        # "The plan failed, according to officials, and the port ...": the clause ends
        and toks[after_np + 1].lower not in CLAUSE_LINKS
        and _verb_goes_on(s, first, after_np)
    ):
        # "The dam, according to engineers, could fail.": the words around the source.
        head = s.tidy(Span(s.span.start, toks[first - 1].start))
        tail = s.tidy(Span(toks[after_np + 1].start, s.span.end))
        halves = tuple(p for p in (head, tail) if p.end > p.start)
        joined = Span(halves[0].start, halves[-1].end)
        s.use_quotes_in(joined, c.used)
        return c.claim(s.kind(joined), joined, mention, parts=halves)
    else:
        # '"...," according to X': the quotation with its closing mark.
        cut = toks[first - 1].end if quoted and toks[first - 1].text not in marks else None
        content = s.tidy(Span(s.span.start, cut or toks[first - 1].start))
    if len(content) == 0:
        return None
    return c.claim(s.kind(content), content, mention)


# A quotation of this many words or fewer inside the writer's words ('Washington, star of
# "Scandal," thanked Obama') is a phrase they quote, not the claim.
FRAGMENT_WORDS = 3
# Words that open another clause after a comma: what follows them is no half of this one.
CLAUSE_LINKS = CONJUNCTIONS | SUBORDINATORS | RELATIVE_PRONOUNS | WHICH_THAT


def _source_ends(ahead: list[Token]) -> bool:
    """A time phrase after the words `ahead` ends the source they name: after a name or
    a noun ("the Times", "a prison statement"), not after a participle ("a poll
    released", "results tallied through"), an article ("the Sunday Times") or a
    preposition ("the Mail on Sunday", judged at "on")."""
    last = ahead[-1]
    if last.is_capital:
        return True
    participle = last.lower.endswith("ed") or (
        len(ahead) > 1 and ahead[-2].lower.endswith("ed") and not ahead[-2].is_capital
    )
    return not participle and last.lower not in DETERMINERS and last.lower not in PREPOSITIONS


def _time_phrase(toks: list[Token], k: int) -> bool:
    """Token `k` opens a time phrase: "Tuesday", "on Tuesday", "last week"."""
    tok = toks[k]
    if tok.lower in PREPOSITIONS:
        # not "the Mail on Sunday", "the Independent on Sunday": a paper's Sunday title
        return k + 1 < len(toks) and toks[k + 1].lower in CALENDAR - {"sunday"}
    if tok.lower == "last":
        return k + 1 < len(toks) and is_time_word(toks[k + 1])  # "last week"
    return tok.lower in CALENDAR


def _source_named(s: Sentence, comma: int) -> tuple[int, Mention] | None:
    """After the comma at `comma` that ends a source described ("According to a
    spokesman,"), the person's name set off by the next comma ("John Smith,"): that
    comma and the person; None when no person's name stands there."""
    toks = s.toks
    reach = range(comma + 1, min(len(toks), comma + 10))
    end = next((j for j in reach if toks[j].text == ","), None)
    if end is None or end == comma + 1 or not toks[comma + 1].is_capital:
        return None
    words = toks[comma + 1 : end]
    if not all(t.is_word and (t.is_capital or t.lower in JOINERS | {"and"}) for t in words):
        return None
    if any(t.lower.endswith(("'s", "’s")) for t in words):
        return None  # "according to a new book, Brown's Britain, ...": a title
    of = next((i for i, t in enumerate(words) if t.lower in JOINERS), len(words))
    person = mention_from_tokens(list(words[:of]), s.text)  # "X of Shearman and Sterling"
    if person is None or not person.name or not person.is_person_name:
        return None
    return end, person


def _described(s: Sentence, ahead: list[Token]) -> Mention | None:
    """A source that "according to" names by a description the noun phrases of
    speakers do not read: "a person familiar with the talks", "people briefed on the
    plan"."""
    if ahead[0].lower not in DETERMINERS and not plural_noun(ahead[0]):
        return None
    span = Span(ahead[0].start, ahead[-1].end)
    return Mention(span, s.text[span.start : span.end], None, None)


def _verb_goes_on(s: Sentence, first: int, after_np: int) -> bool:
    """After "according to X," the clause the source interrupted goes on with its verb
    ("The dam, according to engineers, could fail", "The talks could, according to
    officials, resume"), or a clause follows whole ("Now, according to the brewer, the
    market is set to grow"); not the source's role ("..., according to Craig Bryan, head
    of the centre")."""
    toks = s.toks
    before, after = toks[first - 2], toks[after_np + 1]
    return (
        verb_like(after)
        or finite(after)
        or after.lower in FINITE_WORDS
        or before.lower in FINITE_WORDS
        or after.lower.endswith("ly")
        # "Now, according to the brewer, the market is set to grow": a clause of its own
        or holds_clause(s, Span(after.start, s.span.end))
    )


def _interrupts_clause(s: Sentence, first: int, after_np: int) -> bool:
    """ "according to X," at `first` stands inside a clause that an opening phrase or a
    subordinate clause began, and the clause goes on after the comma at `after_np`
    (a clause follows, not a role)."""
    toks = s.toks
    return (
        (_opens_with_setting(toks) or toks[first - 2].lower in SUBORDINATORS)
        and after_np + 1 < len(toks)
        and toks[after_np].text == ","
        and s.words(Span(toks[after_np + 1].start, s.span.end)) >= MIN_CONTENT_WORDS
        # "..., according to Craig Bryan, head of the centre, and other scientists": what
        # follows is the source's role, no clause
        and holds_clause(s, Span(toks[after_np + 1].start, s.span.end))
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


def quoted_as_saying(c: Cue) -> Match:
    """A source that quotes someone as saying, the words after or before it: "Interfax
    quoted the minister as saying talks would resume.", '"...," the paper quoted Mr
    Chernin as saying.': the claim is the one quoted's."""
    s, toks = c.s, c.s.toks
    if c.text.lower() in QUOTING_VERBS:
        ahead = toks[c.last + 1 : c.last + 10]
        if any(
            t.lower == "as" and n.lower == "saying" for t, n in zip(ahead, ahead[1:], strict=False)
        ):
            return NO_CLAIM  # "quoted X as saying": the claim is read at "saying"
        return None
    if c.text.lower() != "saying" or c.first < 3 or toks[c.first - 1].lower != "as":
        return None
    quoted = next(
        (j for j in range(c.first - 2, max(0, c.first - 10), -1) if toks[j].lower in QUOTING_VERBS),
        None,
    )
    if quoted is None or quoted + 1 >= c.first - 1:
        return None
    if toks[quoted + 1].lower == "by":
        # "Dixon was quoted by The Australian as saying": the subject, not the paper
        mention = subject(s, quoted)
    else:
        # "quoted Wassim Bouhlel, a Nice native, as saying": the name before its role
        named = list(toks[quoted + 1 : c.first - 1])
        cut = next((i for i, t in enumerate(named) if t.text == ","), len(named))
        mention = mention_from_tokens(named[:cut], s.text) if cut else None
    if mention is None:
        return None
    content = content_after(s, c.last + 1, cue="said", used=c.used)
    if content is None:
        # '"...," the paper quoted X as saying.': the words before the source's comma
        comma = next((j for j in range(quoted - 1, -1, -1) if toks[j].text == ","), None)
        if comma is None or not tail_is_short(s, c.last + 1):
            return NO_CLAIM
        content = s.tidy(Span(s.span.start, toks[comma].start))
        if s.words(content) < MIN_CONTENT_WORDS:
            return NO_CLAIM
        s.use_quotes_in(content, c.used)
    return c.claim(s.kind(content), content, mention)


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
            # ", recently telling one person ...": an adverb after the comma
            or (toks[first - 1].lower.endswith("ly") and toks[first - 2].text == ",")
            or (s.in_quote[first - 1] is not None and toks[first - 2].text == ",")
        )
    ):
        return None
    content = content_after(s, c.last + 1, cue=c.text, used=c.used)
    if content is None:
        return NO_CLAIM
    kind = s.kind(content)
    if not c.earlier or all(_in_relative(s, f) for f in c.earlier):
        # "Trump was defensive about an architect who said ..., saying ...": the claim
        # of a relative clause is not the sentence's; its subject speaks
        base = by_subject(s, first) or passive_agent(s, first) or subject(s, first)
        if base is not None:
            return c.claim(kind, content, base)
    return c.claim(kind, content, None, inherits=True)


def _in_relative(s: Sentence, found: Found) -> bool:
    """The claim was read from a relative clause: "an architect who said ..."."""
    if found.cue is None:
        return False
    k = s.index_of_offset(found.cue.start)
    return k > 0 and s.toks[k - 1].lower in RELATIVE_PRONOUNS


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
    """A cue that opens the sentence, then its speaker and a quotation: 'Said Jo Reyes:
    "We will win."', 'Said Dorothy Poynter, who grew up with Ali, "..."'."""
    s, toks = c.s, c.s.toks
    if (
        c.first != 0
        or not toks[0].is_capital
        or toks[0].lower.endswith("ing")  # "Lamenting their luck, Mexicans say: ..."
        or c.backward().mention is not None
    ):
        return None
    n = len(toks)
    ahead = forward_np(toks, c.last + 1, min(n, c.last + 16))
    quote = next(
        (i for i in range(c.last + 1, min(n, c.last + 20)) if s.in_quote[i] is not None), None
    )
    if ahead and quote is None and toks[-1].text == ":" and s.index_of(ahead[-1]) == n - 2:
        # "Stated Stone:" as a paragraph of its own: the next paragraph's quotation
        mention = inverted_mention(s, ahead)
        if mention is not None:
            return c.claim("intro", Span(s.span.end, s.span.end), mention)
    if not ahead or quote is None:
        return None
    mention = inverted_mention(s, ahead)
    index = s.in_quote[quote]
    if mention is None or index is None:
        return None
    return c.quoted(index, mention)


def unsigned_quotation(c: Cue) -> Match:
    """No speaker stands by the cue: after another claim of the sentence, the quotation
    the cue opens is that claim's speaker's ('A county official who spoke anonymously
    said Friday, "Nothing has been signed yet."'); else the cue reports nothing ("Just
    ask Anne about the port.")."""
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
    words = s.words(lead_in)
    if (
        words < 2
        # 'Guns are "the ultimate crisis," Dean said': two words, the clause's verb in them
        or (words < MIN_CONTENT_WORDS and not has_finite_verb(s, lead_in))
        or set_apart(s, lead_in)
        or not s.mark_free(lead_in)
    ):
        return None
    content = s.tidy(Span(last_clause_start(s, lead_in), outer.end))
    if not has_finite_verb(s, content):
        return None  # 'In an interview with "Fox and Friends," Trump ...': no clause
    c.used.add(before)
    s.use_quotes_in(content, c.used)
    return c.claim("partial", content, c.speaker().mention)


def quotation_around_cue(c: Cue) -> Match:
    """A quotation on each side of the attribution is one claim: '"We will rebuild,"
    Smith said, "and we will do it fast."', also after an inverted speaker's role
    ('"...," said Jo Reyes, the state's spokeswoman, "..."')."""
    before = c.quotation_before()
    if before is None or c.embedded(before):
        # 'Remarking upon Clinton's "genuine empathy," Starr said, "..."': the phrase
        # quoted inside the writer's words is not the start of what Starr said
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
    speaker = c.speaker()
    after = c.after()
    quote = c.s.quotes[before].inner
    fragment = c.s.words(quote) <= FRAGMENT_WORDS
    if c.embedded(before) and (
        c.titled(before)
        or (fragment and speaker.inverted)
        # 'guidance said e-mails should go if they served "no current purpose", Mr Thomas
        # said': a phrase of a claim read before, not the quotation of this cue
        or (
            fragment
            and any(
                f.content.start <= quote.start and quote.end <= f.content.end for f in c.earlier
            )
        )
        or (after is not None and c.s.in_quote[c.s.index_of_offset(after.start)] is not None)
    ):
        # 'Joe Scarborough, host of MSNBC's "Morning Joe," suggested ...', 'Washington,
        # star of "Scandal," thanked Obama': a name or a phrase the writer quotes inside
        # their own words, and no speaker between it and the cue; 'thoughts of quitting
        # are "not in my mind," he admitted "everything is possible"': the cue's words
        # follow it
        return None
    return c.quoted(before, speaker.mention)


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
        or (breaks_content(toks[after_comma]) and toks[after_comma].lower.endswith("ing"))
    ):
        return None
    head = s.tidy(Span(s.span.start, toks[start - 1].start))
    if (
        start >= 2
        and toks[start - 2].lower in FRAMING_WORDS
        and not (toks[start - 2].lower in RELATIVE_PRONOUNS and verb_like(toks[after_comma]))
    ):
        # "another protest on Wednesday, after which, the police said, someone hit an
        # officer": the words before only frame the clause the cue is inside; but where
        # a relative is its subject, what it stands for is said too ("the prime minister
        # who, he claims, is ramming through ...")
        head = Span(head.start, head.start)
    tail = s.tidy(Span(toks[after_comma].start, s.span.end))
    if (
        s.words(head) + s.words(tail) < MIN_CONTENT_WORDS
        or s.words(tail) < 2
        # "Last month, X warned, ...": a time phrase is not half of a claim.
        or (
            all(is_time_word(t) for t in toks[: start - 1])
            and not all(t.lower == "this" for t in toks[: start - 1])  # "This, she warns, is"
        )
    ):
        return None
    halves = tuple(p for p in (head, tail) if p.end > p.start)
    joined = Span(halves[0].start, halves[-1].end)
    s.use_quotes_in(joined, c.used)
    return c.claim(s.kind(joined), joined, speaker.mention, parts=halves)


def as_speaker_said(c: Cue) -> Match:
    """'As the paper noted, it is surprising ...': an attribution that opens the sentence
    with "as", then a comma and what was said."""
    s, toks = c.s, c.s.toks
    speaker = c.speaker()
    if speaker.mention is None or speaker.inverted:
        return None
    start = c.place().start
    if start < 1 or toks[start - 1].lower != "as":
        return None
    before = start - 1
    if before > 1 or (before == 1 and toks[0].lower not in AND_BUT):
        return None  # "But as X said, ...", not "as X said" inside a clause
    comma = next(
        (j for j in range(c.last + 1, min(len(toks) - 1, c.last + 8)) if toks[j].text == ","),
        None,
    )
    if (
        comma is None
        or any(not t.is_word for t in toks[c.last + 1 : comma])
        # "As the mayor said the plan was dead, the council voted": the cue's own clause
        or (comma > c.last + 1 and holds_clause(s, Span(toks[c.last + 1].start, toks[comma].start)))
    ):
        return None
    content = s.tidy(Span(toks[comma + 1].start, s.span.end))
    if s.in_quote[comma + 1] is None and not holds_clause(s, content):
        return None
    return c.claim(s.kind(content), content, speaker.mention)


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
    place = c.place()
    if _whom_told(c, after, place.lead):
        return None  # "The plan was dead, he told the court.": `content_then_cue`'s
    c.used.update(c.after_used)
    starts_quoted = s.in_quote[bisect.bisect_left(s.starts, after.start)]
    # the relative pronoun's comma, or "that" after its noun
    that = place.relative and s.toks[place.start - 1].lower == "that"
    opening = place.start - 1 if that else place.start - 2
    topic = antecedent(s, opening) if place.relative and starts_quoted is None else None
    if that and topic is None:
        return NO_CLAIM  # "the words that the minister said were demeaning": of what, unclear
    return c.claim(s.kind(after), after, _participle_subject(c) or speaker.mention, topic=topic)


def _participle_subject(c: Cue) -> Mention | None:
    """The sentence's subject for a participle of saying whose phrase before it is the
    object of a preposition and no person ("Lopez cancelled an appearance at the
    premiere of her new movie saying she was too ill": Lopez, not the movie); None
    otherwise."""
    mention = c.speaker().mention
    s, toks = c.s, c.s.toks
    if (
        mention is None
        or not c.text.lower().endswith("ing")
        or mention.name
        or mention.pronoun
        or c.place().relative
        or c.speaker().in_relative
        # "the reports claiming", "people questioning": a document or people may speak
        or mention.head in PERSON_HEADS
        or mention.head in SENT_NOUNS
        or plural_people(mention.head or "")
    ):
        return None
    opening = bisect.bisect_left(s.starts, mention.span.start)
    # "with analysts saying ...": the phrase after "with" is who says it
    if opening == 0 or toks[opening - 1].lower not in BEFORE_OBJECT:
        return None
    found = subject(s, opening)
    if found is None or not (found.pronoun or found.is_person_name or _names_body(found)):
        return None  # "Towards the end of February", "Former": no subject read
    return found


def _names_body(mention: Mention) -> bool:
    """A name of a body that may speak: "Unilever", "Atticus"; not a title or a month."""
    last = (mention.name or "").split()[-1:]
    return bool(last) and last[0].lower() not in TITLE_WORDS and last[0].lower() not in CALENDAR


def _whom_told(c: Cue, after: Span, lead: int) -> bool:
    """What follows the cue is whom or where it was said ("he told the court in his
    filing"), not a clause, while a clause stands before the speaker and its comma."""
    s, toks = c.s, c.s.toks
    if CUE_FORMS.get(c.text.lower()) != "tell" or c.earlier:
        return False
    if lead < 2 or toks[lead - 1].text != "," or toks[lead].lower in RELATIVE_PRONOUNS:
        return False
    if s.kind(after) != "reported" or not _whom_only(s, after):
        return False
    # The words before are the main clause, not a setting ("When his family moved, ...").
    if _opens_with_setting(toks):
        return False
    return holds_clause(s, Span(s.span.start, toks[lead - 1].start))


def _whom_only(s: Sentence, after: Span) -> bool:
    """What follows "told" is whom it was told, no clause: "the court", or whom and then
    a clause that sets the scene ("his closest advisers as he worked on the speech")."""
    toks = s.toks
    first = bisect.bisect_left(s.starts, after.start)
    last = bisect.bisect_left(s.starts, after.end)
    setting = next((k for k in range(first + 1, last) if toks[k].lower in SETTING_OPENERS), None)
    if setting is None:
        return s.words(after) <= 6 and not holds_clause(s, after)
    # Whom: a few words with no verb of a tense, read before the scene's clause
    whom = toks[first:setting]
    return len(whom) <= 6 and all(
        t.is_word and not finite(t) and t.lower not in FINITE_WORDS for t in whom
    )


def _opens_with_setting(toks: list[Token]) -> bool:
    """The sentence opens with a subordinate clause or a phrase that sets the scene
    ("When his family moved, ...", "In a statement, ...", "For Trump, ...")."""
    opening = toks[0].lower
    return opening in SUBORDINATORS or opening in PREPOSITIONS or opening in OPENING_PREPOSITIONS


def content_then_cue(c: Cue) -> Match:
    """What was said, then who said it: "The United States will not hesitate to act, a
    State Department spokesperson said Tuesday.", "The port will reopen, said Reyes.".
    """
    s, toks = c.s, c.s.toks
    lead = c.place().lead
    if lead == 0 or not tail_is_short(s, c.last + 1):
        return None
    comma = toks[lead - 1]
    if comma.text == ",":
        end = comma.start
    elif (
        comma.lower == "as"
        and lead > 1
        and toks[lead - 2].text == ","
        and _bare_tail(toks[c.last + 1 :])
    ):
        # "The firm cut 500 jobs, as Reuters reported.", at the end of the sentence; not
        # "a man who, as Clinton speaks, bows his head", nor "as his comments suggest",
        # nor "..., as Washington warned against any arms deal" (as "while")
        end = toks[lead - 2].start
    elif closes_relative(s, lead - 1):
        end = comma.end  # '..., calling Trump "an orange buffoon," Susan said': quoted
    else:
        return None
    content = s.tidy(Span(s.span.start, end))
    if s.words(content) < MIN_CONTENT_WORDS or c.earlier or _ends_in_subordinate(s, lead - 1):
        return None
    if (
        toks[0].lower in SUBORDINATORS
        and toks[0].lower != "that"
        and not any(t.text == "," and s.in_quote[k] is None for k, t in enumerate(toks[: lead - 1]))
        and finite_verbs(s, content) < 2
    ):
        return None  # "As the women skated through the park, that bond revealed itself"
    s.use_quotes_in(content, c.used)
    return c.claim(s.kind(content), content, c.speaker().mention)


def _ends_in_subordinate(s: Sentence, comma: int) -> bool:
    """The words before the comma at token `comma` end in a subordinate clause that "and"
    or "but" opens after an earlier comma ("..., and when folks needed medicine, she
    asked the pharmacist to ..."): it sets the scene for the clause after it, which is
    no speaker's tail; not "..., after a 0.6% rise in November, the ONS said"."""
    toks = s.toks
    k = comma - 1
    while k > 0 and not (toks[k].text == "," and s.in_quote[k] is None):
        k -= 1
    if k <= 0:
        return False
    first = k + 1
    return (
        first + 1 < comma
        and s.in_quote[first] is None
        and toks[first].lower in AND_BUT
        and toks[first + 1].lower in SCENE_SUBORDINATORS
    )


def _bare_tail(tail: list[Token]) -> bool:
    """What follows "as X reported" to the sentence's end is only when or where ("on
    Tuesday", "last week"): no other clause, no verb, nothing the cue takes."""
    words = [t for t in tail if t.is_word]
    return len(words) <= 4 and not any(
        t.text == "," or t.lower in CUE_FORMS or t.lower in DETERMINERS or t.lower in CUE_TAKES
        for t in tail
    )


def inverted_cue_then_content(c: Cue) -> Match:
    """An inverted cue and its speaker inside the sentence, then what was said: "It
    helps, said Jo Reyes, that the port is open again."."""
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
