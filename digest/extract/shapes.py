"""The registry of claim shapes, and the loop that reads a sentence with it.

Reading a sentence is three passes: find its cues (`cues.find_cues`, with
`filters.is_speech`), then for each cue try the shapes of `CUE_SHAPES` in order until
one answers (each shape attaches the speaker and cuts the content it needs, with
`attach` and `content`), then try `QUOTATION_SHAPES` on the quotations no cue took.
The first shape that answers decides: a claim, or `cue_shapes.NO_CLAIM` for a shape
that holds but reports nothing.

To teach the extractor a new shape, write its `match` function beside the others
(its docstring says what it recognises, with an example sentence), add it to the
table where it should be tried, and add its sentences to tests/cases/claims.yaml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from ..model import Span
from .blocks import Quote, Token
from .cue import Cue, Match
from .cue_shapes import (
    according_to,
    as_reported_by,
    as_speaker_said,
    colon_of_cue,
    content_then_cue,
    cue_opens_sentence,
    cue_then_content,
    fragment_then_cue,
    introduces_next,
    inverted_cue_then_content,
    noun_of_saying,
    parenthetical_cue,
    participle_after_clause,
    question_or_condition,
    quotation_around_cue,
    quotation_then_cue,
    quoted_as_saying,
    reply_to_quotation,
    second_verb,
    unsigned_quotation,
)
from .cues import find_cues
from .grammar import has_finite_verb, holds_clause, is_title, plural_noun
from .lexicon import (
    AFTER_CUE_MARKS,
    AND_OR,
    CLAUSE_JOINERS,
    CLAUSE_OPENERS_AFTER,
    CUE_FORMS,
    DETERMINERS,
    FINITE_WORDS,
    NAMING_CUES,
    OBJECT_TAKING,
    PROMISES,
    QUOTING_CUES,
    RELATIVE_WORDS,
    TENSED,
)
from .mentions import pronoun_of
from .quote_shapes import (
    Leftovers,
    bare_quote,
    labelled_headline,
    paragraph_quote,
    quoting_subject,
    signed_quotation,
    transcript_line,
)
from .sentence import UNSAID, Found, Sentence

Context = TypeVar("Context")
Answer = TypeVar("Answer")


@dataclass(frozen=True)
class Shape(Generic[Context, Answer]):
    """One shape a claim takes: its name, the function that recognises it, and what it is."""

    name: str
    match: Callable[[Context], Answer | None]
    description: str


# The shapes around a cue, in the order they are tried.
CUE_SHAPES: tuple[Shape[Cue, Match], ...] = (
    Shape("colon_of_cue", colon_of_cue, "a colon after another cue belongs to that cue"),
    Shape("according_to", according_to, "a source named by 'according to'"),
    Shape("as_reported_by", as_reported_by, "', as first reported by X': as 'according to'"),
    Shape("noun_of_saying", noun_of_saying, "'Trump's claim that ...': the possessor's claim"),
    Shape("participle_after_clause", participle_after_clause, "', noting that ...': same speaker"),
    Shape("second_verb", second_verb, "'... and said ...': the speaker of the claim before"),
    Shape("cue_opens_sentence", cue_opens_sentence, "'Said X: \"...\"'"),
    Shape("quoted_as_saying", quoted_as_saying, "'X quoted Y as saying ...': Y's words"),
    Shape("unsigned_quotation", unsigned_quotation, "no speaker by the cue"),
    Shape("question_or_condition", question_or_condition, "'Should X say ...': no claim"),
    Shape("reply_to_quotation", reply_to_quotation, "a reply takes the quotation it opens"),
    Shape("fragment_then_cue", fragment_then_cue, "a quoted fragment ends a clause"),
    Shape("quotation_around_cue", quotation_around_cue, '\'"...," X said, "..."\': one quotation'),
    Shape("quotation_then_cue", quotation_then_cue, "'\"...,\" X said'"),
    Shape("parenthetical_cue", parenthetical_cue, "'..., she said, ...': the words around it"),
    Shape("as_speaker_said", as_speaker_said, "'As the paper noted, ...': what follows"),
    Shape("cue_then_content", cue_then_content, "'X said (that) ...', 'X said: \"...\"'"),
    Shape("content_then_cue", content_then_cue, "'..., a spokesperson said Tuesday'"),
    Shape("inverted_cue_then_content", inverted_cue_then_content, "'It helps, said X, that ...'"),
    Shape("introduces_next", introduces_next, "'X said:' names the next paragraph's speaker"),
)

# The shapes of the quotations no cue took, in the order they are tried.
QUOTATION_SHAPES: tuple[Shape[Leftovers, list[Found]], ...] = (
    Shape("transcript_line", transcript_line, "'\"PENCE: Well, ...\"': the name in capitals"),
    Shape("signed_quotation", signed_quotation, "'\"...\" ― Steve Quinlan': the signer's"),
    Shape("quoting_subject", quoting_subject, "'X hailed the \"breakthrough\"': the subject's"),
    Shape("paragraph_quote", paragraph_quote, "a sentence of quotation: the last speaker's"),
    Shape("bare_quote", bare_quote, "a quoted phrase outside every claim"),
)

# The shapes of a headline, read whole before its cues.
HEADLINE_SHAPES: tuple[Shape[Sentence, list[Found]], ...] = (
    Shape("labelled_headline", labelled_headline, "'Goldsmith: \"I was not leant on\"': his"),
)

# The shapes read over an article's paragraphs before its sentences: a transcript's
# lines ("PENCE: Well, look, ...", `quote_shapes.transcript`).
ARTICLE_SHAPE_NAMES: tuple[str, ...] = ("transcript",)

# The name of every shape, in the order they are tried.
SHAPE_NAMES: tuple[str, ...] = (
    ARTICLE_SHAPE_NAMES
    + tuple(shape.name for shape in CUE_SHAPES)
    + tuple(shape.name for shape in QUOTATION_SHAPES)
    + tuple(shape.name for shape in HEADLINE_SHAPES)
)


def reads_as_claim(s: Sentence, found: Found) -> bool:
    """A claim a shape read is one: reported words hold a clause ("said the policy was
    ..."), not a phrase ("rejected the offer", "thanked the rescuers", "late Saturday");
    quoted words are the speaker's whatever their form."""
    if found.kind == "reported":
        k = s.index_of_offset(found.content.start)
        base = CUE_FORMS.get((found.cue_text or "").lower())
        toks = s.toks
        if toks[k].lower in AND_OR and found.cue is not None and found.cue.end <= toks[k].start:
            return False  # "a fantastic voice and great timing": the cue was a noun
        if (
            base in PROMISES
            and toks[k].lower == "to"
            and k + 1 < len(toks)
            and _bare_verb(toks[k + 1])
        ):
            return True  # "vowed to ban imports": a promise said, with what it promises
        if k > 0 and toks[k - 1].lower == "to" and _bare_verb(toks[k]):
            # "vowed to ban imports": a promise said; "refused to sell and it has been
            # ...": an infinitive, no clause.
            return base in PROMISES
        if (
            found.topic is None
            and found.mention is not None
            and found.mention.pronoun is None  # "which, he said, was a mistake"
            and found.cue is not None
            and found.cue.end <= toks[k].start
            and toks[k].is_word
            and not toks[k].is_capital
            and (
                toks[k].lower in FINITE_WORDS
                # "FEC reports show that ...": a plural noun, then its verb's bare form
                or (
                    (found.cue_text or "").lower().endswith("s")
                    and CUE_FORMS.get(toks[k].lower) == toks[k].lower
                )
            )
            and not _in_relative(s, found.mention.span.start)
        ):
            # "the number of films released rose to 310", "text messages sent is anything
            # to go by": a verb, not a subject, follows the cue, which was a noun or a
            # participle
            return False
        # "named it winner in five categories": a verb of naming reports no clause.
        if base in NAMING_CUES:
            return False
        if base in QUOTING_CUES and not (k > 0 and toks[k - 1].lower == "that"):
            # "the telecoms boom petered out", "one reason why ...": no "that", no claim.
            return False
        if base in OBJECT_TAKING and not (
            toks[k].lower in CLAUSE_OPENERS_AFTER
            or (k > 0 and toks[k - 1].lower in CLAUSE_OPENERS_AFTER)
        ):
            # "a claim accusing the tobacco companies of covering up ... has been thrown
            # out": what such a verb takes is its object; a clause must be opened.
            return False
        if k > 0 and toks[k - 1].lower == "that":
            # "report that a majority of visitors use Firefox": "that" opens a clause,
            # whose verb the forms may not tell; a word or two is no clause ("denied
            # that claim").
            return has_finite_verb(s, found.content) or s.words(found.content) >= 5
        return holds_clause(s, found.content)
    if CUE_FORMS.get((found.cue_text or "").lower()) not in NAMING_CUES:
        return True
    # 'a campaign called "Not My Stella's"': a title names, it does not report.
    if found.kind == "quote" and is_title(s.text[found.content.start : found.content.end].split()):
        return False
    return not _thing_named(s, found)


def _thing_named(s: Sentence, found: Found) -> bool:
    """A participle of naming right after a noun, then the name quoted: 'a library
    named "Mshtml.dll" that contains the engine' names a thing; no one speaks."""
    if found.cue is None:
        return False
    k = s.index_of_offset(found.cue.start)
    toks = s.toks
    before = toks[k - 1] if k > 0 else None
    noun = before is not None and (
        before.text == ")"
        or (
            before.is_word
            and not before.is_capital
            and pronoun_of(before) is None
            and before.lower not in TENSED  # "Critics have called "absurd" the idea"
        )
    )
    return (
        noun
        and toks[k].lower.endswith("ed")
        and s.in_quote[k - 1] is None
        and k + 1 < len(toks)
        and s.in_quote[k + 1] is not None
    )


def _in_relative(s: Sentence, start: int) -> bool:
    """The speaker starting at offset `start` stands in a relative clause, whose verb
    the content starts with ("which critics said was unfair", "which, the probe said,
    were covered up")."""
    k = s.index_of_offset(start)
    return any(t.lower in RELATIVE_WORDS or t.lower == "that" for t in s.toks[max(0, k - 3) : k])


def _bare_verb(tok: Token) -> bool:
    """A word after "to" that reads as an infinitive ("to sell"), not whom or what it
    goes to ("to investors", "to the board", "to Congress")."""
    low = tok.lower
    return (
        tok.is_word
        and not tok.is_capital
        and low not in DETERMINERS
        and not plural_noun(tok)
        and not low.endswith("ly")
    )


def read_sentence(
    text: str, span: Span, quotes: list[Quote], trace: list[str] | None = None
) -> list[Found]:
    """The claims of one sentence; with `trace`, the name of each shape that decided a
    cue or the quotations left, and of each rule of `filters.NOT_SPEECH` that kept a
    word from being a cue, is appended to it."""
    s = Sentence(text, span, quotes)
    cues = find_cues(s, trace)
    if cues:
        s.cue_starts = tuple([first for first, _, _ in cues])
    found: list[Found] = []  # the claims, which the shapes of later cues read
    read: list[Found] = []  # the claims and what was read but says nothing, in order
    used: set[int] = set()
    for first, last, cue_text in cues:
        reading = Cue(s, first, last, cue_text, used, found)
        for shape in CUE_SHAPES:
            answer = shape.match(reading)
            if answer is None:
                continue
            if trace is not None:
                trace.append(shape.name)
            if isinstance(answer, Found):
                if reads_as_claim(s, answer):
                    found.append(answer)
                else:
                    answer = replace(answer, kind=UNSAID)
                read.append(answer)
            break
    if len(found) > 1:
        read = [_before_next_speaker(s, item, found) for item in read]
        found = [item for item in read if item.kind != UNSAID]
    unused = [q for i, q in enumerate(s.quotes) if i not in used]
    if not unused:
        return read  # every quotation shape reads quotations no cue took
    extra = _first_answer(QUOTATION_SHAPES, Leftovers(s, found, unused), trace)
    if extra is not None:
        read.extend(extra)
    return read


def _before_next_speaker(s: Sentence, item: Found, found: list[Found]) -> Found:
    """`item` with its content ending before another claim's speaker and cue that a
    conjunction joins to it ("the quake measured 5.9, but the U.S. Geological Survey
    ... said it was 6.1"): the second clause is the other speaker's, not more of the
    first's words. A claim inside the content ("said police told the group ...") is
    what the content reports, and stays in it."""
    if item.kind == UNSAID:
        return item
    content = item.content
    for other in found:
        mention = other.mention
        if (
            other is item
            or mention is None
            or other.cue is None
            or not content.start < mention.span.start < content.end
            or other.cue.start < mention.span.start
        ):
            continue
        k = s.index_of_offset(mention.span.start)
        if k < 1 or s.in_quote[k] is not None or s.toks[k - 1].lower not in CLAUSE_JOINERS:
            continue
        j = k - 1
        while j > 0 and s.toks[j - 1].text in AFTER_CUE_MARKS:
            j -= 1  # the comma or dash before the conjunction
        end = s.toks[j - 1].end if j > 0 else content.start
        if end <= content.start:
            continue
        kept = s.tidy(Span(content.start, end))
        # what is left is a clause, or quoted: not the first half of a joint subject
        # ("said she and her peers referred to themselves as ...")
        if has_finite_verb(s, kept) or s.kind(kept) != "reported":
            return replace(item, content=kept)
    return item


def read_headline(
    text: str, span: Span, quotes: list[Quote], trace: list[str] | None = None
) -> list[Found]:
    """The claims of a headline by its form alone (`HEADLINE_SHAPES`), or none; with
    `trace`, the name of the shape that read it is appended to it."""
    return _first_answer(HEADLINE_SHAPES, Sentence(text, span, quotes), trace) or []


def _first_answer(
    shapes: tuple[Shape[Context, Answer], ...], context: Context, trace: list[str] | None
) -> Answer | None:
    """The answer of the first of `shapes` that reads `context`, its name appended to
    `trace`; None when none does."""
    for shape in shapes:
        answer = shape.match(context)
        if answer is not None:
            if trace is not None:
                trace.append(shape.name)
            return answer
    return None
