"""Compiled topic queries and the per-document word index they are matched against.

The query language and its parser live in `digest.topics`; this module is the engine
the parser compiles to, kept apart so the hot path (matching) stays small.

Tokenisation, shared by documents and by the words and phrases of queries
(`tokenise`), so that a phrase written in a query always lines up with the text:

- curly quotes and apostrophes are first made straight;
- a word is a run of letters and digits; a single `.` or `'` between two letters or
  digits joins them ("U.S." -> "U.S", "3.5", "O'Brien"); a trailing period is dropped
  ("N. Korea" -> ["N", "Korea"]);
- hyphens, slashes and every other character split words ("Kim Jong-un" ->
  ["Kim", "Jong", "un"]), so "Russia-North Korea" still contains the phrase
  "North Korea";
- a possessive "'s" is dropped ("Korea's" -> "Korea");
- case-insensitive matching compares `str.casefold()` forms; `=` terms compare the
  words as written.

Proximity: word positions count from 0 in each field. `a NEAR/n b` holds when an
occurrence of `a` and one of `b` do not overlap and the gap between them -- the first
word of the later one minus the last word of the earlier one -- is at most n: so
NEAR/1 means adjacent, and "a x x b" is NEAR/3 but not NEAR/2. `ONEAR/n` also
requires `a` to come first.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from heapq import merge
from typing import NamedTuple

FIELDS: tuple[str, ...] = ("text", "title", "speaker", "source")
DEFAULT_FIELD = "text"
DEFAULT_NEAR = 10

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)
# [^\W_] is "letter or digit" in every script; \w alone would let '_' join words.
_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*")

Span = tuple[int, int]
# Alternatives (case-sensitive?, words): a text that holds all the words of none of
# them cannot match.
Clue = tuple[tuple[bool, tuple[str, ...]], ...]


class Haystack(NamedTuple):
    """All the text some documents are drawn from, for `Query.possible`."""

    folded: str
    exact: str

    @classmethod
    def of(cls, texts: Iterable[str]) -> Haystack:
        """The haystack of `texts`, normalised and case-folded once for every query."""
        exact = normalise("\n".join(texts))
        return cls(exact.casefold(), exact)


_STRAIGHT = tuple((chr(k), v) for k, v in _TYPOGRAPHY.items())


def normalise(text: str) -> str:
    """Straighten curly quotes and apostrophes; every character maps to exactly one."""
    # Same result as text.translate(_TYPOGRAPHY), an order of magnitude faster: each
    # replace is one C-speed scan, where translate does a dict lookup per character.
    for curly, straight in _STRAIGHT:
        if curly in text:
            text = text.replace(curly, straight)
    return text


def _clean(word: str) -> str:
    if len(word) > 2 and word[-2] == "'" and word[-1] in "sS":
        return word[:-2]
    return word


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """The words of `text` with their start and end offsets, by the module's rule."""
    return [(_clean(m.group()), m.start(), m.end()) for m in _WORD.finditer(normalise(text))]


def tokenise(text: str) -> list[str]:
    """The words of `text`, as written (not case-folded)."""
    return [_clean(m.group()) for m in _WORD.finditer(normalise(text))]


def _positions(tokens: list[str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        index.setdefault(token, []).append(i)
    return index


class FieldIndex:
    """One field tokenised once; exact-case tables and sorted vocabularies on demand.

    What `Words` asks of a field (`tokens`, `occurrences`, `prefixed`, `has`,
    `has_prefix`) is all it may use, so that `SpanIndex` can answer the same questions
    for a stretch of a longer text without tokenising that stretch again.
    """

    __slots__ = (
        "_exact",
        "_exact_pos",
        "_exact_vocab",
        "_folded",
        "_folded_pos",
        "_folded_vocab",
        "_prefixed",
    )

    def __init__(self, text: str = "", tokens: list[str] | None = None) -> None:
        self._exact = tokenise(text) if tokens is None else tokens
        self._folded = [t.casefold() for t in self._exact]
        self._folded_pos = _positions(self._folded)
        self._exact_pos: dict[str, list[int]] | None = None
        self._folded_vocab: list[str] | None = None
        self._exact_vocab: list[str] | None = None
        self._prefixed: dict[tuple[str, bool], list[str]] = {}

    def __len__(self) -> int:
        return len(self._exact)

    def tokens(self, exact: bool) -> list[str]:
        return self._exact if exact else self._folded

    def positions(self, exact: bool) -> dict[str, list[int]]:
        if not exact:
            return self._folded_pos
        if self._exact_pos is None:
            self._exact_pos = _positions(self._exact)
        return self._exact_pos

    def occurrences(self, word: str, exact: bool) -> list[int]:
        """Positions of `word`, ascending."""
        return self.positions(exact).get(word, [])

    def has(self, word: str, exact: bool) -> bool:
        return word in self.positions(exact)

    def words_with_prefix(self, prefix: str, exact: bool) -> list[str]:
        """The distinct words starting with `prefix`, in sorted order."""
        found = self._prefixed.get((prefix, exact))
        if found is None:  # an article's every context asks again: remember
            vocab = self.vocab(exact)
            i = bisect_left(vocab, prefix)
            found = []
            while i < len(vocab) and vocab[i].startswith(prefix):
                found.append(vocab[i])
                i += 1
            self._prefixed[(prefix, exact)] = found
        return found

    def prefixed(self, prefix: str, exact: bool) -> list[list[int]]:
        """Position lists of each word starting with `prefix`, in word order."""
        positions = self.positions(exact)
        return [positions[w] for w in self.words_with_prefix(prefix, exact)]

    def has_prefix(self, prefix: str, exact: bool) -> bool:
        vocab = self.vocab(exact)
        i = bisect_left(vocab, prefix)
        return i < len(vocab) and vocab[i].startswith(prefix)

    def vocab(self, exact: bool) -> list[str]:
        if exact:
            if self._exact_vocab is None:
                self._exact_vocab = sorted(self.positions(True))
            return self._exact_vocab
        if self._folded_vocab is None:
            self._folded_vocab = sorted(self._folded_pos)
        return self._folded_vocab


class TextIndex:
    """A long text (an article) tokenised once, for documents over stretches of it.

    Classifying a claim matches queries against its sentence and paragraph, and the
    paragraphs of one article overlap claim after claim; tokenising each stretch again
    was most of the cost. `span(start, end)` answers for `text[start:end]` from the
    one tokenisation, and is exactly what tokenising the slice would give, because it
    is refused (None) when a word of the whole text straddles either edge: only then
    could the slice's words differ from the whole's.
    """

    __slots__ = ("_ends", "_index", "_starts")

    def __init__(self, text: str) -> None:
        # Comprehensions over one list of matches: a third faster than one loop appending
        # to three lists, and this runs once per article with a topic in it.
        found = list(_WORD.finditer(normalise(text)))
        self._starts = [m.start() for m in found]
        self._ends = [m.end() for m in found]
        self._index = FieldIndex(tokens=[_clean(m.group()) for m in found])

    def span(self, start: int, end: int, before: FieldIndex | None = None) -> SpanIndex | None:
        """The words of `text[start:end]` (after the words of `before`, if given).

        None when a word crosses `start` or `end`: tokenise the slice itself then.
        """
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end)
        if lo and self._ends[lo - 1] > start:
            return None
        if hi > lo and self._ends[hi - 1] > end:
            return None
        segments = [(self._index, lo, hi)]
        if before is not None:
            segments.insert(0, (before, 0, len(before)))
        return SpanIndex(segments)


class SpanIndex:
    """Stretches of tokenised fields read as one field: a `FieldIndex` lookalike.

    Positions are renumbered from 0 across the stretches, in order, as if their text
    had been joined with a line break (which no word crosses) and tokenised.
    """

    __slots__ = ("_segments", "_tokens")

    def __init__(self, segments: list[tuple[FieldIndex, int, int]]) -> None:
        self._segments = segments
        self._tokens: dict[bool, list[str]] = {}

    def __len__(self) -> int:
        return sum(hi - lo for _, lo, hi in self._segments)

    def tokens(self, exact: bool) -> list[str]:
        found = self._tokens.get(exact)
        if found is None:
            found = []
            for base, lo, hi in self._segments:
                found.extend(base.tokens(exact)[lo:hi])
            self._tokens[exact] = found
        return found

    def occurrences(self, word: str, exact: bool) -> list[int]:
        """Positions of `word`, ascending."""
        out: list[int] = []
        offset = 0
        for base, lo, hi in self._segments:
            found = base.occurrences(word, exact)
            if found:
                a, b = bisect_left(found, lo), bisect_left(found, hi)
                if a < b:
                    shift = offset - lo
                    out.extend(found[a:b] if not shift else [p + shift for p in found[a:b]])
            offset += hi - lo
        return out

    def has(self, word: str, exact: bool) -> bool:
        for base, lo, hi in self._segments:
            found = base.occurrences(word, exact)
            if found:
                i = bisect_left(found, lo)
                if i < len(found) and found[i] < hi:
                    return True
        return False

    def prefixed(self, prefix: str, exact: bool) -> list[list[int]]:
        """Position lists of each word starting with `prefix` here, in word order."""
        words = sorted(
            {w for base, _, _ in self._segments for w in base.words_with_prefix(prefix, exact)}
        )
        found = (self.occurrences(w, exact) for w in words)
        return [positions for positions in found if positions]

    def has_prefix(self, prefix: str, exact: bool) -> bool:
        return any(
            self.has(w, exact)
            for base, _, _ in self._segments
            for w in base.words_with_prefix(prefix, exact)
        )


class Document:
    """The text of one claim plus its context, each field tokenised at most once.

    `indexes` gives fields already tokenised (`TextIndex.span`); their text is not needed.
    """

    __slots__ = ("_indexes", "_texts")

    def __init__(
        self,
        fields: Mapping[str, str],
        indexes: Mapping[str, FieldIndex | SpanIndex] | None = None,
    ) -> None:
        unknown = sorted((set(fields) | set(indexes or ())) - set(FIELDS))
        if unknown:
            raise ValueError(f"unknown document field(s) {unknown}; expected some of {FIELDS}")
        self._texts = dict(fields)
        self._indexes: dict[str, FieldIndex | SpanIndex] = dict(indexes or {})

    def index(self, field: str) -> FieldIndex | SpanIndex:
        """The word index of `field` (empty if the document has no such field)."""
        found = self._indexes.get(field)
        if found is None:
            found = self._indexes[field] = FieldIndex(self._texts.get(field, ""))
        return found


class Node:
    """A compiled query node. `hit` is the fast yes/no; `collect` runs only on hits."""

    __slots__ = ()

    def hit(self, doc: Document) -> bool:
        """Whether this subtree matches `doc`."""
        raise NotImplementedError

    def collect(self, doc: Document, out: list[str]) -> None:
        """Append the terms that made this (matching) subtree match, in query order."""
        raise NotImplementedError

    def positives(self, out: list[str]) -> None:
        """Append every term outside NOT, in query order."""
        raise NotImplementedError

    def clues(self) -> list[Clue]:
        """Necessary conditions for a match: in each clue, one word must be in the text."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Words(Node):
    """A word, wildcard or phrase in one field: consecutive tokens, some by prefix."""

    text: str
    field: str
    words: tuple[str, ...]
    prefix: tuple[bool, ...]
    exact: bool

    def _starts(self, idx: FieldIndex | SpanIndex) -> list[int]:
        first = self.words[0]
        if not self.prefix[0]:
            return idx.occurrences(first, self.exact)
        found = idx.prefixed(first, self.exact)
        if len(found) == 1:
            return found[0]
        return list(merge(*found))

    def _scan(self, idx: FieldIndex | SpanIndex, first_only: bool) -> list[Span]:
        starts = self._starts(idx)
        size = len(self.words)
        if size == 1 or not starts:
            return [(p, p) for p in starts]
        tokens = idx.tokens(self.exact)
        last_start = len(tokens) - size
        words, prefix = self.words, self.prefix
        found: list[Span] = []
        for p in starts:
            if p > last_start:
                break
            for k in range(1, size):
                token = tokens[p + k]
                if not (token.startswith(words[k]) if prefix[k] else token == words[k]):
                    break
            else:
                found.append((p, p + size - 1))
                if first_only:
                    break
        return found

    def spans(self, doc: Document) -> list[Span]:
        """Every occurrence as (first, last) word position, in text order."""
        return self._scan(doc.index(self.field), first_only=False)

    def hit(self, doc: Document) -> bool:
        idx = doc.index(self.field)
        if len(self.words) == 1:
            if self.prefix[0]:
                return idx.has_prefix(self.words[0], self.exact)
            return idx.has(self.words[0], self.exact)
        return bool(self._scan(idx, first_only=True))

    def clues(self) -> list[Clue]:
        return [((self.exact, tuple(dict.fromkeys(self.words))),)]

    def collect(self, doc: Document, out: list[str]) -> None:
        out.append(self.text)

    def positives(self, out: list[str]) -> None:
        out.append(self.text)


@dataclass(frozen=True, slots=True)
class And(Node):
    """AND: every part matches."""

    parts: tuple[Node, ...]

    def hit(self, doc: Document) -> bool:
        return all(part.hit(doc) for part in self.parts)

    def clues(self) -> list[Clue]:
        return [clue for part in self.parts for clue in part.clues()]

    def collect(self, doc: Document, out: list[str]) -> None:
        for part in self.parts:
            part.collect(doc, out)

    def positives(self, out: list[str]) -> None:
        for part in self.parts:
            part.positives(out)


@dataclass(frozen=True, slots=True)
class Or(Node):
    """OR: at least one part matches; every matching part contributes its terms."""

    parts: tuple[Node, ...]

    def hit(self, doc: Document) -> bool:
        return any(part.hit(doc) for part in self.parts)

    def clues(self) -> list[Clue]:
        return _either(part.clues() for part in self.parts)

    def collect(self, doc: Document, out: list[str]) -> None:
        for part in self.parts:
            if part.hit(doc):
                part.collect(doc, out)

    def positives(self, out: list[str]) -> None:
        for part in self.parts:
            part.positives(out)


@dataclass(frozen=True, slots=True)
class Not(Node):
    """NOT: the part does not match; contributes no terms."""

    part: Node

    def hit(self, doc: Document) -> bool:
        return not self.part.hit(doc)

    def clues(self) -> list[Clue]:
        # The part may be absent from a narrower context even where the haystack has it.
        return []

    def collect(self, doc: Document, out: list[str]) -> None:
        return None

    def positives(self, out: list[str]) -> None:
        return None


def _merged(per_word: list[list[Span]]) -> list[Span]:
    if len(per_word) == 1:
        return per_word[0]
    return sorted(span for spans in per_word for span in spans)


def _before(first: list[Span], then: list[Span], distance: int) -> bool:
    """Some span of `then` starts 1..distance words after some span of `first` ends."""
    ends = sorted(end for _, end in first)
    # Spans of one Words come sorted by start; merged OR-groups may not be.
    starts = sorted(start for start, _ in then)
    i, count = 0, len(ends)
    for start in starts:
        lowest = start - distance
        while i < count and ends[i] < lowest:
            i += 1
        if i == count:
            return False
        if ends[i] < start:
            return True
    return False


def _near(a: list[Span], b: list[Span], distance: int, ordered: bool) -> bool:
    if not a or not b:
        return False
    if _before(a, b, distance):
        return True
    return not ordered and _before(b, a, distance)


@dataclass(frozen=True, slots=True)
class Near(Node):
    """NEAR/ONEAR between two OR-groups of words (a single word is a group of one)."""

    left: tuple[Words, ...]
    right: tuple[Words, ...]
    distance: int
    ordered: bool

    def hit(self, doc: Document) -> bool:
        left = _merged([w.spans(doc) for w in self.left])
        if not left:
            return False
        return _near(left, _merged([w.spans(doc) for w in self.right]), self.distance, self.ordered)

    def collect(self, doc: Document, out: list[str]) -> None:
        lefts = [w.spans(doc) for w in self.left]
        rights = [w.spans(doc) for w in self.right]
        left, right = _merged(lefts), _merged(rights)
        out.extend(
            w.text
            for w, s in zip(self.left, lefts, strict=True)
            if _near(s, right, self.distance, self.ordered)
        )
        out.extend(
            w.text
            for w, s in zip(self.right, rights, strict=True)
            if _near(left, s, self.distance, self.ordered)
        )

    def positives(self, out: list[str]) -> None:
        out.extend(w.text for w in self.left)
        out.extend(w.text for w in self.right)

    def clues(self) -> list[Clue]:
        return _either(w.clues() for w in self.left) + _either(w.clues() for w in self.right)


def _fields(node: Node) -> Iterator[str]:
    if isinstance(node, Words):
        yield node.field
    elif isinstance(node, And | Or):
        for part in node.parts:
            yield from _fields(part)
    elif isinstance(node, Not):
        yield from _fields(node.part)
    elif isinstance(node, Near):
        yield from (w.field for w in (*node.left, *node.right))


def _either(alternatives: Iterable[list[Clue]]) -> list[Clue]:
    """One clue for an OR: some alternative holds, so one of their first clues does."""
    either: list[tuple[bool, tuple[str, ...]]] = []
    for clues in alternatives:
        if not clues:
            return []  # this alternative needs no word at all
        either.extend(clues[0])
    return [tuple(dict.fromkeys(either))]


@dataclass(frozen=True, slots=True)
class Query:
    """A topic query compiled once; match it against any number of documents."""

    source: str
    root: Node
    clues: tuple[Clue, ...] = field(init=False, repr=False, compare=False)
    fields: frozenset[str] = field(init=False, repr=False, compare=False)
    """The fields the query reads: a document differing only in others matches alike."""

    def __post_init__(self) -> None:
        # Clues with fewer alternatives fail sooner, and failing is what saves time.
        object.__setattr__(self, "clues", tuple(sorted(self.root.clues(), key=len)))
        object.__setattr__(self, "fields", frozenset(_fields(self.root)))

    def match(self, doc: Document) -> tuple[str, ...] | None:
        """None if `doc` does not match, else the terms found, in query order, once each."""
        if not self.root.hit(doc):
            return None
        found: list[str] = []
        self.root.collect(doc, found)
        return tuple(dict.fromkeys(found))

    def possible(self, hay: Haystack) -> bool:
        """False when no document whose fields are all drawn from `hay` can match.

        A cheap test to skip whole articles: every word of a field is a substring of
        the field's text (tokens are runs of its characters after the one-to-one
        `normalise`, and case folding maps character by character), so a word that is
        not a substring of the haystack is in no such document. NOT is never ruled out.
        """
        for clue in self.clues:
            for exact, words in clue:
                text = hay.exact if exact else hay.folded
                if all(w in text for w in words):
                    break  # this alternative may hold
            else:
                return False
        return True

    def terms(self) -> tuple[str, ...]:
        """Every term outside NOT, as written, in query order, once each."""
        found: list[str] = []
        self.root.positives(found)
        return tuple(dict.fromkeys(found))
