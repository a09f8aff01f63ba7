"""The shapes of a claim led by a quotation, once every cue of the sentence is read.

A quotation no cue took is still someone's words: the subject's, when the sentence
quotes them inside its own clause; the previous speaker's, when the sentence is mostly
quotation, or when it is a phrase of a few words. `shapes.QUOTATION_SHAPES` tries
them in order; each reads the `Leftovers` of a sentence and answers with the claims
to add, or None when the sentence is not of its shape.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..model import Span
from .blocks import Quote, Token
from .content import MIN_CONTENT_WORDS
from .grammar import finite, has_finite_verb, is_title, verb_like
from .lexicon import (
    AUXILIARIES,
    CLAUSE_SUBJECTS,
    CONTENT_TAIL_MARKS,
    CUE_FORMS,
    DETERMINERS,
    EVIDENCE_NOUNS,
    FINITE_WORDS,
    HAVE_FORMS,
    INVERTING,
    LINKING_ADVERBS,
    NAME_PARTICLES,
    NOT_SAYING,
    PASSIVE,
    PRE_CUE_SKIP,
    SIGNING_DASHES,
    SPEAKING_PRONOUNS,
)
from .mentions import Mention, mention_from_tokens
from .sentence import Found, Sentence, overlap
from .subjects import past_subject, subject

# A quotation with no cue becomes a claim when it has at least this many words, and a
# verb in a tense or `PHRASE_WORDS` words at least.
BARE_QUOTE_WORDS = 2
PHRASE_WORDS = 6


class Leftovers:
    """A sentence after its cues were read: the claims found, and the quotations no claim
    took."""

    __slots__ = ("s", "found", "unused", "mostly_quote")

    def __init__(self, s: Sentence, found: list[Found], unused: list[Quote]) -> None:
        self.s = s
        self.found = found
        self.unused = unused
        # Quotations cover most of a sentence without a claim: a paragraph of someone's words.
        self.mostly_quote = (
            bool(unused) and not found and sum(len(q.outer) for q in unused) >= 0.6 * len(s.span)
        )


def transcript_line(r: Leftovers) -> list[Found] | None:
    """A quoted line of a transcript, its speaker's name in capitals and a colon before
    the words: '"PENCE: Well, look, this is serious business."'."""
    if r.found or not r.unused:
        return None
    s = r.s
    quote = min(r.unused, key=lambda q: q.outer.start)
    if quote.outer.start - s.span.start > 1:
        return None  # a transcript's line opens with its quotation
    first = bisect.bisect_left(s.starts, quote.inner.start)
    label = []
    for tok in s.toks[first : first + 4]:
        if tok.text == ":":
            break
        if not (tok.is_word and tok.text.rstrip(".").isalpha() and tok.text.isupper()):
            return None
        label.append(tok)
    else:
        return None
    colon = first + len(label)
    if not label or len(label) > 3 or len(label[-1].text) < 2 or colon + 1 >= len(s.toks):
        return None
    mention = mention_from_tokens(label, s.text)
    if mention is None or not mention.name:
        return None
    mention = replace(mention, name=mention.name.title())  # "PENCE" shown as "Pence"
    content = s.tidy(Span(s.toks[colon + 1].start, quote.inner.end))
    if s.words(content) < MIN_CONTENT_WORDS:
        return None
    return [Found("quote", content, None, None, mention, s.span)]


def signed_quotation(r: Leftovers) -> list[Found] | None:
    """Quotations signed by a dash and a name that ends the sentence, as letters, vox
    pops and epigraphs are: '"We can build a wall around him." ― Steve Quinlan', '"..."
    — Ana Ruiz, Toronto'."""
    if r.found or not r.unused:
        return None
    s = r.s
    toks = s.toks
    end = max(q.outer.end for q in r.unused)
    k = bisect.bisect_left(s.starts, end)
    if k + 1 >= len(toks) or toks[k].text not in SIGNING_DASHES:
        return None
    name = []
    for tok in toks[k + 1 :]:
        if tok.text in (",", "."):
            break  # "— Ana Ruiz, Toronto": the place after the name
        if not (tok.is_capital or tok.lower in NAME_PARTICLES) or s.in_quote[s.index_of(tok)]:
            return None
        name.append(tok)
    if not name or len(name) > 6:
        return None
    mention = mention_from_tokens(name, s.text)
    if mention is None or not mention.name:
        return None
    start = min(q.inner.start for q in r.unused)
    content = s.tidy(Span(start, max(q.inner.end for q in r.unused)))
    return [Found("quote", content, None, None, mention, s.span)]


def quoting_subject(r: Leftovers) -> list[Found] | None:
    """No cue, but the subject and its verb before a quotation in their own clause: the
    claim is what follows the subject: 'Mayor Ines Duarte stood by her "turning point"
    deal with the port.'"""
    if r.found or not r.unused or r.mostly_quote:
        return None
    s = r.s
    if all(is_title(s.text[q.inner.start : q.inner.end].split()) for q in r.unused):
        return None  # 'Reyes went on "Morning Harbor Talk"': a title, not her words
    toks = s.toks
    first_quote = bisect.bisect_left(s.starts, r.unused[0].outer.start)
    if toks[0].lower in INVERTING or toks[0].lower in PASSIVE:
        return None  # 'Is not the opposition against the laws "in principle"?': a question
    speaker = subject(s, first_quote)
    if (
        speaker is None
        or speaker.span.end > r.unused[0].outer.start
        or not (
            speaker.pronoun in SPEAKING_PRONOUNS
            or speaker.name
            # a description, unless of evidence ("The figures come hot on the heels of ...")
            or (
                speaker.head is not None
                and len(speaker.text.split()) > 1
                and speaker.head not in EVIDENCE_NOUNS
            )
        )
    ):
        return None
    verb = past_subject(s, bisect.bisect_left(s.starts, speaker.span.end), first_quote)
    while verb < first_quote and (
        toks[verb].lower in LINKING_ADVERBS or toks[verb].lower.endswith("ly")
    ):
        verb += 1  # "He also hosts ...": the verb, not the adverb before it
    if verb >= first_quote or not verb_like(toks[verb]):
        return None
    verb = _past_have(s, verb, first_quote)
    if verb < 0:
        return None
    if (
        verb + 1 < len(toks)
        and toks[verb].lower.endswith("s")
        and toks[verb + 1].lower in AUXILIARIES
    ):
        return None  # 'Video games are "big business"': a noun, and the verb after it
    if any(verb + 1 < k < first_quote and _own_clause(toks, k) for k in s.cue_starts):
        return None  # 'yanked the listing of what Zimmerman described as "history"': his
    low = toks[verb].lower
    if not (speaker.name or speaker.pronoun) and low not in CUE_FORMS:
        # 'the Leicester flanker only has a "slim" chance', 'The Hutton inquiry cleared
        # him of "sexing up"': a description speaks only by a verb of saying
        return None
    if CUE_FORMS.get(low) in NOT_SAYING or low in PASSIVE or low in INVERTING:
        # 'voters prefer the senator's call for "revolution"', 'the parties are
        # "fundamentally flawed"', 'they may be content if ...': a wish, a description,
        # a guess; no words said
        return None
    # "South Korea accused the North's leader, Kim, of "recklessness"": a verb of saying
    # is the cue, and what follows it the claim
    opening = verb + 1 if low in CUE_FORMS and verb + 1 < len(toks) else verb
    content = s.tidy(Span(toks[opening].start, s.span.end))
    if s.words(content) < MIN_CONTENT_WORDS:
        return None
    cue = Span(toks[verb].start, toks[verb].end)
    return [Found(s.kind(content), content, cue, toks[verb].text, speaker, s.span)]


def _past_have(s: Sentence, verb: int, end: int) -> int:
    """The verb at token `verb`, or the participle after it when it is the auxiliary
    "have" ("He has coined a phrase", "Tories have already accused"; "has been
    pounding"); a participle not known as a verb leaves "have" the verb ("has gone");
    -1 for a passive ("has been praised")."""
    toks = s.toks
    if toks[verb].lower not in HAVE_FORMS:
        return verb

    def past_adverbs(k: int) -> int:
        while k < end and (toks[k].lower in PRE_CUE_SKIP or toks[k].lower.endswith("ly")):
            k += 1
        return k

    k = past_adverbs(verb + 1)
    if k < end and toks[k].lower == "been":
        k = past_adverbs(k + 1)
        if k >= end or not toks[k].lower.endswith("ing"):
            return -1  # "has been praised by police for ...": done to the subject
    # a participle by its form ("coined", "accused"), not a noun ("had guns at the ready")
    return k if k < end and finite(toks[k]) else verb


def _own_clause(toks: list[Token], k: int) -> bool:
    """The cue at `k` is a verb in the past after a subject of its own, a name or a
    subject pronoun ("what Zimmerman described as"; not "Republican claims")."""
    before, low = toks[k - 1], toks[k].lower
    return (
        (low.endswith("ed") or low in FINITE_WORDS)
        and before.is_word
        and (before.is_capital or before.lower in CLAUSE_SUBJECTS)
    )


def paragraph_quote(r: Leftovers) -> list[Found] | None:
    """A sentence that is mostly quotation goes on in the words of the speaker before:
    'Park Jin spoke first. "Russia is a permanent member of the council."'"""
    if not r.mostly_quote:
        return None
    start = min(q.inner.start for q in r.unused)
    end = max(q.inner.end for q in r.unused)
    if len(r.unused) == 1 and not said_words(r.s, r.unused[0].inner):
        return None  # 'The law covers any "computer implemented invention".': a term
    content = r.s.tidy(Span(start, end))
    return [Found("quote", content, None, None, None, r.s.span, inherits=True)]


def bare_quote(r: Leftovers) -> list[Found] | None:
    """A quotation outside every claim that reads as words said (`said_words`) is still
    someone's words: 'Clinton called the plan "a disgrace." Then came the line "we will
    not fold."'; a title or a scare-quoted phrase is no claim; nor is one inside the aside
    between a speaker and the cue ('Bill Eastland, wearing "Ted Cruz" pins, said')."""
    s, found = r.s, r.found
    covered = sorted(f.content for f in found if f.kind != "intro")
    asides = [
        Span(f.mention.span.end, f.cue.start)
        for f in found
        if f.mention is not None
        and f.cue is not None
        and f.mention.span.end < f.cue.start
        and s.text[f.mention.span.end : f.mention.span.end + 1] == ","
        and s.text[: f.cue.start].rstrip().endswith(",")
    ]
    ends = [c.end for c in covered]
    extra: list[Found] = []
    outside = False  # a quotation outside every claim was read
    for quote in r.unused:
        # Claims are sorted: look only at the few that can reach the quotation.
        first = bisect.bisect_left(ends, quote.inner.start)
        near = covered[first : first + 4]
        if any(overlap(c, quote.inner) * 2 >= len(quote.inner) for c in near):
            continue
        if any(a.start < quote.outer.start and quote.outer.end < a.end for a in asides):
            continue
        outside = True
        if said_words(s, quote.inner):
            content = s.tidy(quote.inner)
            extra.append(Found("quote", content, None, None, None, s.span, inherits=True))
    return extra if outside else None


def said_words(s: Sentence, inner: Span) -> bool:
    """A quotation no cue took reads as someone's words: a clause ("the deal is dead"),
    or a phrase of a sentence's length; not a title or a name in capitals ("Morning
    Joe", "Sons of Trump") nor a scare-quoted phrase ("fact-finding trips")."""
    words = s.text[inner.start : inner.end].split()
    if len(words) < BARE_QUOTE_WORDS or is_title(words):
        return False
    if len(words) >= PHRASE_WORDS:
        return True
    if words[0][:1].islower():
        # 'any "computer implemented invention"': a short phrase the writer quotes, whose
        # word in -ed is no verb; a clause shows a verb we know ("the deal is dead")
        return any(w.lower().strip(".,;:!?") in FINITE_WORDS for w in words)
    return has_finite_verb(s, inner)


# A headline's label: a name of this many words at most before its colon.
LABEL_WORDS = 4
# A pair of single quotation marks around words, as headlines quote.
_SINGLE_QUOTED = re.compile(r"(?<!\w)['‘]\w[^'‘’]*['’](?!\w)")


def labelled_headline(s: Sentence) -> list[Found] | None:
    """A headline that gives a name the words after its colon, as headlines attribute
    ("Goldsmith: 'I was not leant on'", "Murphy: That was a bruising battle",
    "Lewandowski: FBI director acted as 'judge and jury'"): the name is named again in
    the story below, and the words hold a verb or a quotation. A label that is no one
    ("Profile: Gordon Brown", "Johnny Depp: The acting outlaw", "The Latest: ...")
    gives none."""
    toks = s.toks
    label: list[Token] = []
    for tok in toks[: LABEL_WORDS + 1]:
        if tok.text == ":":
            break
        if not (tok.is_word and tok.is_capital) or s.in_quote[len(label)] is not None:
            return None
        label.append(tok)
    else:
        return None
    colon = len(label)
    if not label or colon + 1 >= len(toks) or label[0].lower in DETERMINERS:
        return None
    last = label[-1].text
    elsewhere = re.compile(rf"\b{re.escape(last)}\b")
    text = s.text
    if not (elsewhere.search(text, 0, s.span.start) or elsewhere.search(text, s.span.end)):
        return None  # "Profile:", "Analysis:": a kind of story, named nowhere in it
    mention = mention_from_tokens(label, s.text)
    if mention is None or not mention.name:
        return None
    content = s.tidy(Span(toks[colon + 1].start, s.span.end))
    words = s.text[content.start : content.end]
    quoted = bool(s.quotes) or _SINGLE_QUOTED.search(words) is not None
    if s.words(content) < MIN_CONTENT_WORDS or not (quoted or has_finite_verb(s, content)):
        return None
    kind = "partial" if quoted else "reported"
    inner = _SINGLE_QUOTED.fullmatch(words)
    if inner is not None or (s.quotes and s.quotes[0].inner == content):
        kind = "quote"
        if inner is not None:
            content = Span(content.start + 1, content.end - 1)
    return [Found(kind, content, None, None, mention, s.span)]


# A transcript's line: an opening mark at most, a name in capitals of one to three words
# of two letters or more, a colon, then the words.
_TRANSCRIPT_LABEL = re.compile(r"[\"“]?([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}): +(?=\S)")
# A transcript has lines of this many speakers at least.
TRANSCRIPT_SPEAKERS = 2


def transcript(text: str, paragraphs: tuple[Span, ...]) -> dict[Span, Found]:
    """The paragraphs of a transcript, each its speaker's words: "PENCE: Well, look, ...",
    "WALLACE: If I may, sir, ...". Two speakers at least, one of them a person the
    article names ("Gov. Mike Pence"); a speaker is a name that labels two lines or
    more, or that the article names. A label of page furniture ("VIDEO:", "UPDATE:") is
    a word the article writes in lower case too, and no speaker; nor is a one-letter
    "Q:" or "A:"."""
    lines: dict[Span, tuple[str, Span]] = {}
    for paragraph in paragraphs:
        match = _TRANSCRIPT_LABEL.match(text, paragraph.start, paragraph.end)
        if match is not None and match.end() < paragraph.end:
            lines[paragraph] = (match.group(1), Span(match.start(1), match.end(1)))
    # Lines by the speaker's last name: "JAKE TAPPER", then "TAPPER".
    by_last: dict[str, list[str]] = {}
    for label, _ in lines.values():
        by_last.setdefault(label.split()[-1], []).append(label)
    named = {last for last in by_last if _named_person(text, last)}
    speakers = {
        last
        for last, labels in by_last.items()
        if (last in named or len(labels) > 1) and not _common_word(text, last)
    }
    if len(speakers) < TRANSCRIPT_SPEAKERS or not speakers & named:
        return {}
    out = {}
    for paragraph, (label, span) in lines.items():
        last = label.split()[-1]
        if last not in speakers:
            continue
        content = Span(span.end + 1, paragraph.end).stripped(text)  # past the colon
        while content.end > content.start and text[content.end - 1] in ' \t"”' + CONTENT_TAIL_MARKS:
            content = Span(content.start, content.end - 1)
        name = max(by_last[last], key=len).title()  # "Jake Tapper" for "TAPPER"
        mention = Mention(span, text[span.start : span.end], name, None)
        out[paragraph] = Found("quote", content, None, None, mention, paragraph)
    return out


def _common_word(text: str, label: str) -> bool:
    """The article writes the label's word in lower case too: a word, not a name."""
    return re.search(rf"\b{re.escape(label.lower())}\b", text) is not None


def _named_person(text: str, last: str) -> bool:
    """The article names a person by this last name after a first name or a title
    ("PENCE": "Gov. Mike Pence")."""
    return re.search(rf"\b[A-Z][\w.]* {re.escape(last.title())}\b", text) is not None
