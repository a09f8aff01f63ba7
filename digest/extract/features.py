"""Features of a candidate claim, for the scorer that keeps or drops it (`scorer`).

A candidate is a quote, partial quote or reported claim the rules found; its features
are read from the `Claim` and the few words of the article around its cue, speaker and
content, with no parser: the cue and its stem, where the cue stands, what kind of phrase
the speaker is, how long the content runs and whether it reads as a clause, the word
around the cue and the content. Each feature is a string that holds or not; the scorer
sums the weights of those that hold.

Words are kept as themselves only when they belong to a short closed class (articles,
pronouns, prepositions, auxiliaries) or are the cue; any other word is reduced to its
shape ("Cap", "low", "num"), so that the features carry across outlets rather than
memorise one corpus's names and topics. The lists here are the scorer's own: the rules'
lexicon (`lexicon`) may change without changing what a feature means.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from ..model import Claim

__all__ = [
    "FEATURES_VERSION",
    "SCORED_KINDS",
    "GROUPS",
    "article_features",
    "article_values",
    "claim_features",
    "features_of",
    "stem",
]

# The kinds of claim scored: statements, the outlet's own words, never are.
SCORED_KINDS = frozenset({"quote", "partial", "reported"})

# Bumped when a feature changes meaning: weights trained on another version are stale.
FEATURES_VERSION = 1

# The closed class of words kept as themselves where a word is read.
_FUNCTION_WORDS = frozenset(
    """
    that to the a an this these those his her their its our my your he she it they we i
    you him them us me in on at for with about of from by as after before during when
    while if whether how what why who which where and but or not no nor is was are were
    be been being has have had will would can could should may might must do does did
    also then so there here than because since until into over under against without
    all some many most any each every more less just only even still already now again
    very too n't 's ’s
    """.split()
)
_PRONOUNS = frozenset("he she it they we i you him her them us me who which that one".split())
_DETERMINERS = frozenset("the a an this that these those his her their its our my your".split())
_AUXILIARIES = frozenset(
    """
    is was are were be been being am has have had will would can could should may might
    must do does did shall 's 're 've 'd 'll ’s ’re ’ve ’d ’ll won't can't don't doesn't
    didn't isn't wasn't aren't weren't hasn't haven't hadn't wouldn't couldn't shouldn't
    won’t can’t don’t doesn’t didn’t isn’t wasn’t aren’t weren’t hasn’t haven’t hadn’t
    wouldn’t couldn’t shouldn’t
    """.split()
)
_IRREGULAR = {
    "said": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "thought": "think",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "felt": "feel",
    "found": "find",
    "sought": "seek",
    "spoke": "speak",
    "spoken": "speak",
    "heard": "hear",
    "understood": "understand",
    "gave": "give",
    "given": "give",
    "made": "make",
    "took": "take",
    "taken": "take",
    "meant": "mean",
    "held": "hold",
    "kept": "keep",
    "put": "put",
    "read": "read",
    "swore": "swear",
    "sworn": "swear",
    "went": "go",
    "gone": "go",
    "came": "come",
}
_QUOTE_CHARS = "\"'“”‘’«»"
_STRIP = _QUOTE_CHARS + ",.;:!?()"
_OPENING = 80  # characters of content read for its first words
_COUNTS = ("0", "1", "2", "3", "4+")  # a count of claims, by min(count, 4)
_NEXT_WORD = re.compile(r"\s*([^\W_]+(?:['’][^\W_]+)*|[^\w\s])")


def stem(word: str) -> str:
    """A crude stem of a cue word, so that "says", "said" and "saying" are one feature:
    irregular forms by a table, then "-ing", "-ed", "-es" and "-s" cut, a final "e" and a
    doubled last letter dropped. Never a dictionary word, only a key."""
    word = word.lower()
    if word in _IRREGULAR:
        word = _IRREGULAR[word]
    elif len(word) > 4 and word.endswith(("ies", "ied")):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith(("ed", "ses", "xes", "zes", "ches", "shes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


_CLASSES: dict[str | None, str] = {}  # `_word_class` remembered
_SPEAKER_KINDS: dict[str, str] = {}  # `_speaker_kind` remembered, by mention
_REMEMBERED = 20_000  # entries of each, so that unbounded text cannot grow them without end


def _class_of(word: str | None) -> str:
    """`_word_class`, remembered: a few hundred words are most of those asked."""
    found = _CLASSES.get(word)
    if found is None:
        if len(_CLASSES) > _REMEMBERED:
            _CLASSES.clear()
        found = _CLASSES[word] = _word_class(word)
    return found


# Verbs of saying, and of thinking, perceiving, wanting and showing (the notion of
# speech of the gold's "speech" mark), by stem (`stem`): a class of cue that carries
# across outlets where a cue word is rare.
_SAYING = frozenset(
    stem(w)
    for w in """
    say tell write tweet post announce state declare claim argue ask add note warn insist
    according quote explain report reply respond answer deny confirm acknowledge admit
    assert maintain contend predict promise pledge vow urge call recall remark comment
    testify allege caution complain concede counter stress emphasize reiterate repeat
    mention describe criticize praise accuse blame joke quip suggest propose recommend
    demand threaten email text message publish statement interview speak talk
    """.split()
)
_MIND = frozenset(
    stem(w)
    for w in """
    think believe know feel see hear realize find show seem appear want hope fear expect
    worry consider support oppose plan decide wish intend prefer like love hate doubt
    wonder suspect assume imagine understand learn discover prove demonstrate indicate
    seek try attempt refuse decline vote favor back endorse
    """.split()
)


def _cue_class(head: str) -> str:
    if head in _SAYING:
        return "saying"
    return "mind" if head in _MIND else "other"


def _word_class(word: str | None) -> str:
    """A word as itself if it is a function word, else its shape."""
    if not word:
        return "^"
    low = word.lower()
    if low in _FUNCTION_WORDS:
        return low
    first = word[0]
    if first in _QUOTE_CHARS:
        return "Q"
    if not first.isalnum():
        return first if first in ",.:;!?()-—–" else "P"
    if first.isdigit():
        return "num"
    if word.isupper() and len(word) > 1:
        return "CAPS"
    return "Cap" if first.isupper() else "low"


def _word_after(text: str, end: int) -> str | None:
    """The word or mark right after `end`, spaces skipped."""
    match = _NEXT_WORD.match(text, end)
    return match.group(1) if match else None


def _length_bucket(words: int) -> str:
    if words <= 3:
        return str(words)
    if words <= 6:
        return "4-6"
    if words <= 12:
        return "7-12"
    if words <= 25:
        return "13-25"
    return "26+"


def _speaker_kind(claim: Claim) -> str:
    """What kind of phrase names the speaker: a pronoun, a name, a description..."""
    speaker = claim.speaker
    if speaker is None:
        return "none"
    found = _SPEAKER_KINDS.get(speaker.mention)
    if found is None:
        if len(_SPEAKER_KINDS) > _REMEMBERED:
            _SPEAKER_KINDS.clear()
        found = _SPEAKER_KINDS[speaker.mention] = _mention_kind(speaker.mention.split())
    return found


def _mention_kind(words: list[str]) -> str:
    if not words:
        return "none"
    first = words[0].lower()
    if len(words) == 1 and first in _PRONOUNS:
        return "pron"
    last = words[-1]
    plural = last.endswith("s") and not last.endswith("ss") and last[:1].islower()
    if first in _DETERMINERS:
        return "desc-pl" if plural else "desc"
    if words[0][:1].isupper():
        return "name" if len(words) > 1 else "name1"
    if words[0][:1].isdigit():
        return "num"
    return "low-pl" if plural else "low"


# -- the groups of features -----------------------------------------------------------
#
# Each group's features are a function of a few values of the claim (its key): the
# scorer sums a group's weights once per key and remembers the sum (`scorer.Model`).


def _speaker_group(kind: str, speaker: str) -> list[str]:
    """The kind of claim and of speaker phrase."""
    return ["bias", "kind=" + kind, "spk=" + speaker, "spk&kind=" + speaker + "&" + kind]


def _cue_group(kind: str, cue: str, where: str, after: str, verb: str) -> list[str]:
    """The cue: its words, their stem and its class (saying, thinking or other), where
    it stands to the content, the word after it ("told reporters", "said that", "called
    on"), and whether its content has a verb ("said the plan failed", "welcomed the
    plan")."""
    if not cue:
        return ["cue=none", "cue-none&" + kind]
    head = stem(cue.split(None, 1)[0])
    return [
        "class&verb=" + _cue_class(head) + "&" + verb,
        "stem&verb=" + head + "&" + verb,
        "cue=" + cue,
        "stem=" + head,
        "class=" + _cue_class(head),
        "class&kind=" + _cue_class(head) + "&" + kind,
        "class&next=" + _cue_class(head) + "&" + after,
        "stem&kind=" + head + "&" + kind,
        "stem&where=" + head + "&" + where,
        "stem&next=" + head + "&" + after,
        "where&kind=" + where + "&" + kind,
        "cue-next=" + after,
        "cue-suffix=" + cue[-2:],
    ]


def _content_group(kind: str, length: str, verb: str, first: str, quoted: bool) -> list[str]:
    """The content: its length, its first word, whether it reads as a clause (a verb
    among its first words), whether it opens a quotation."""
    return [
        "len=" + length,
        "kind&len=" + kind + "&" + length,
        "verb&len=" + verb + "&" + length,
        "first=" + first,
        "first&verb=" + first + "&" + verb,
        "quoted-open=1" if quoted else "quoted-open=0",
    ]


def _context_group(same_cue: str, speaker_claims: str, nested: str) -> list[str]:
    """How the claim stands to the article's others (`article_values`)."""
    feats = ["same-cue=" + same_cue]
    if speaker_claims:
        feats.append("spk-claims=" + speaker_claims)
    if nested:
        feats += ["repeats=" + nested[: nested.index("&")], "repeats&kinds=" + nested]
    return feats


GROUPS: tuple[Callable[..., list[str]], ...] = (
    _speaker_group,
    _cue_group,
    _content_group,
    _context_group,
)
"""The groups of features, in the order of a claim's keys (`claim_values`)."""

Values = tuple[tuple[object, ...], ...]
"""A claim's key for each group of `GROUPS`."""


def claim_values(text: str, claim: Claim, context: tuple[str, str, str]) -> Values:
    """The key of each group of features of one candidate claim of an article whose
    text is `text`; `context` how it stands to the others (`article_values`)."""
    kind = claim.kind
    span = claim.span
    body = claim.text
    # Whether it reads as a clause is asked of its first words only: constant time.
    head = body[:_OPENING].lower()
    opening = head.split()
    verb = "verb" if "ed " in head or not _AUXILIARIES.isdisjoint(opening) else "noverb"
    first = _class_of(opening[0].strip(_STRIP) if opening else None)
    quoted = body[:1] in _QUOTE_CHARS or (span.start > 0 and text[span.start - 1] in _QUOTE_CHARS)
    length = _length_bucket(body.count(" ") + 1 if body else 0)
    cue = claim.cue
    cue_span = claim.cue_span
    if not cue or cue_span is None:
        cue_key: tuple[object, ...] = (kind, "", "", "", verb)
    else:
        if cue_span.end <= span.start:
            where = "before"
        elif cue_span.start >= span.end:
            where = "after"
        else:
            where = "inside"
        after = _class_of(_word_after(text, cue_span.end))
        cue_key = (kind, cue.lower(), where, after, verb)
    return (
        (kind, _speaker_kind(claim)),
        cue_key,
        (kind, length, verb, first, quoted),
        context,
    )


def features_of(values: Values) -> list[str]:
    """The features a claim's keys give."""
    return [f for group, key in zip(GROUPS, values, strict=True) for f in group(*key)]


def claim_features(
    text: str, claim: Claim, context: tuple[str, str, str] = ("1", "", "")
) -> list[str]:
    """The features of one candidate claim (alone in its article, by default)."""
    return features_of(claim_values(text, claim, context))


def article_features(text: str, claims: Sequence[Claim]) -> list[list[str] | None]:
    """The features of each claim of an article (None for a statement, never scored)."""
    return [None if v is None else features_of(v) for v in article_values(text, claims)]


def article_values(text: str, claims: Sequence[Claim]) -> list[Values | None]:
    """The keys of each claim of an article (None for a statement, never scored), with
    how each stands to the others: how many claims share its cue ("he said X and Y"),
    how many its speaker has, whether its span is inside, holds or crosses another's."""
    scored = [i for i, c in enumerate(claims) if c.kind in SCORED_KINDS]
    # Counted by where a cue starts and by name (a `Span`'s hash is Python code).
    cues: dict[int, int] = {}
    speakers: dict[str, int] = {}
    for i in scored:
        claim = claims[i]
        if claim.cue_span is not None:
            cues[claim.cue_span.start] = cues.get(claim.cue_span.start, 0) + 1
        if claim.speaker is not None:
            speakers[claim.speaker.name] = speakers.get(claim.speaker.name, 0) + 1
    nested = _nesting(claims, scored)
    out: list[Values | None] = [None] * len(claims)
    for i in scored:
        claim = claims[i]
        cue, speaker = claim.cue_span, claim.speaker
        context = (
            _COUNTS[min(cues[cue.start], 4)] if cue is not None else "-",
            _COUNTS[min(speakers[speaker.name], 4)] if speaker is not None else "",
            nested[i],
        )
        out[i] = claim_values(text, claim, context)
    return out


def _nesting(claims: Sequence[Claim], scored: list[int]) -> list[str]:
    """For each claim, whether it repeats part of the next one in reading order with
    no cue of its own: its span inside the other's and its cue the other's or outside
    the other's content ("X said A and argued that B" beside "B"). "in" for the inner
    one, "holds" for the outer, with both kinds ("in&reported&reported"); "" otherwise.

    A claim inside another with its own cue inside the other's content ("Reyes said the
    mayor claimed ...") is a claim in its own right, whether a corpus annotates such
    embedded speech or not: it is not marked."""
    nested = [""] * len(claims)
    spans = sorted((claims[i].span.start, -claims[i].span.end, i) for i in scored)
    for (_, end_a, a), (_, end_b, b) in pairwise(spans):
        if -end_b > -end_a:
            continue  # apart, or crossing
        outer, inner = claims[a], claims[b]
        cue = inner.cue_span
        if cue is not None and outer.span.start <= cue.start < outer.span.end:
            continue  # its own cue, inside the outer content: embedded speech
        nested[b] = "in&" + inner.kind + "&" + outer.kind
        nested[a] = nested[a] or "holds&" + outer.kind + "&" + inner.kind
    return nested
