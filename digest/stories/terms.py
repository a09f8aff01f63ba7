"""What an article is about, as weighted terms: the features stories are grouped by.

An article's terms are its words (lower case, stop words out, plurals folded), counted
in its title and the start of its body, with more weight where the event is told: a
title word counts `TITLE_WEIGHT` times, a word of the lead (the first `LEAD_TOKENS`
words) once more, and a name (a capitalised word the article never writes in lower
case: "Teixeira", "Qeshm", not "Rain" opening a sentence) `NAME_WEIGHT` times. Only the
first `BODY_CHARS` characters of the body are read: what happened is told first, and
the cost of a day stays bounded however long its articles are.

The article's date is a term too ("@2013-08" and "@2013"): its publication date, or
else a date written at the head of its text (a dateline, "Published: August 2, 2013").
Two articles of one month share a term, so reports of one event in one season draw
together, and two similar events years apart do not.

`weigh` turns the day's counts into tf-idf vectors: sublinear term frequency times a
smoothed inverse document frequency over the day, each article cut to its
`TERMS_PER_ARTICLE` heaviest terms and scaled to unit length, so that the dot product
of two articles is their cosine similarity. Everything is deterministic: terms are
numbered in first-seen order and ties go to the smaller number.

Reading is most of the cost of grouping a day, so it is written for speed: words are
split off by `str.translate` and `str.split`, each distinct word is folded once for
the whole day, an article's words go through C-level `map`s rather than a Python loop
per word, and what was read moves into numpy arrays every `_ENTRIES_AT_ONCE` entries.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from ..model import Article

I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]
I32 = npt.NDArray[np.int32]
Flags = npt.NDArray[np.bool_]
_V = TypeVar("_V")

NAME_WEIGHT = 2.0
TITLE_WEIGHT = 2
DATE_WEIGHT = 3
LEAD_TOKENS = 40
BODY_CHARS = 1500
TERMS_PER_ARTICLE = 32
HEAD_CHARS = 300
"""How far into a text a date is taken for its dateline."""
_ENTRIES_AT_ONCE = 1 << 18  # entries read before they are moved into arrays

# Punctuation to spaces, then `str.split`: about twice as fast as a regex for words.
_PUNCTUATION = str.maketrans(
    dict.fromkeys(
        "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u00a0\u00ab\u00b7\u00bb\u2010\u2011\u2012"
        "\u2013\u2014\u2015\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u2032\u2033",
        " ",
    )
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS = _words(
    """
    about above across after again against ago all almost along already also although
    always among and another any anyone anything are around away back became because
    become been before being below between both but came can cannot could did does doing
    done down during each early either else enough even ever every few for former from
    further get gets getting given going gone got had has have having her here hers
    herself him himself his how however including inside instead into its itself just
    know known last late later latest least less like likely made make makes making many
    may might more most mostly much must near nearly never new next none nor not now off
    often once one only onto other others otherwise our ours out over own per perhaps put
    rather really said same say saying says see seen several shall she should show since
    some something still such take taken than that the their theirs them themselves then
    there these they thing things this those though three through thus today told
    tomorrow too took toward towards two under until upon use used very via was way well
    went were what whatever when where whether which while who whole whom whose why will
    with within without would yet you your yours yesterday week weeks month months year
    years time times day days people percent according monday tuesday wednesday thursday
    friday saturday sunday january february march april june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec news report
    reported reports reporting statement first second third four five six seven eight
    nine ten don didn doesn isn wasn aren weren won couldn wouldn shouldn hasn haven hadn
    can't let lets per mrs its ive
    """
)
"""Words that tell no event from another: function words, days, months, reporting verbs."""

NOT_NAMES = _words(
    """
    the an he she it they we in on at as but and so this that these those there its his
    her their our mr mrs ms dr sir if when while after before for with from by of to then
    now yet also here what who why how where which some many most all one two no not yes
    meanwhile however still even just last next first posted updated published photo
    video read more click
    """
)
"""Capitalised words that are no names even when an article never writes them in lower case."""

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sept sep",
            "october oct",
            "november nov",
            "december dec",
        ),
        1,
    )
    for name in names.split()
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATES = (
    re.compile(
        rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>(?:19|20)\d\d)\b",
        re.I,
    ),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)\s*[-./]\s*(?P<m>\d{1,2})\s*[-./]\s*(?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<m>\d{1,2})\s*/\s*(?P<d>\d{1,2})\s*/\s*(?P<y>(?:19|20)?\d\d)\b"),
)


class _Lookup(dict[str, _V]):
    """A dict that makes a missing value once, by `make`: lookups of known keys stay in C."""

    def __init__(self, make: Callable[[str], _V]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: str) -> _V:
        value = self[key] = self._make(key)
        return value


def singular(word: str) -> str:
    """A plural folded onto its singular, as far as a suffix tells ("cities" -> "city")."""
    if word[-1] != "s" or len(word) < 4 or word.endswith(("ss", "us", "is", "as")):
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("sses"):
        return word[:-2]
    return word[:-1]


class TermReader:
    """Reads a day's articles into (article, term, weighted count) arrays: each
    distinct word is folded, lower-cased and numbered once for the whole day."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self._tokens = _Lookup(self._token)
        self._articles: list[int] = []
        self._terms: list[int] = []
        self._counts: list[int] = []
        self._names: list[bool] = []
        self._chunks: list[tuple[I32, I32, F64]] = []
        self._having = np.zeros(0, dtype=np.int64)
        self._named = np.zeros(0, dtype=np.int64)
        self._plain: set[int] = set()  # terms seen capitalised as "Teixeira"
        self.shown: dict[int, str] = {}
        """A term's first capitalised form where it is not the term capitalised
        ("Saints" for "saint", "DeGeneres" for "degeneres"), for labels."""

    def _token(self, token: str) -> tuple[int, str, bool]:
        """(its term's number or -1, its lower case, whether it may be a name)."""
        lower = token.lower()
        if len(lower) < 3 or not lower[0].isalpha() or lower in STOP_WORDS:
            return -1, lower, False
        numbers = self.numbers
        term = singular(lower)
        number = numbers.get(term)
        if number is None:
            number = numbers[term] = len(numbers)
        capital = token[0].isupper()
        if capital:
            self._show(number, token, term)
        return number, lower, capital and lower not in NOT_NAMES

    def _show(self, number: int, token: str, term: str) -> None:
        """Keep the first capitalised form of a term that is not simply the term
        capitalised ("DeGeneres", "NATO"), but one in capitals ("SOX", from a headline
        in capitals) only while the term has not been written otherwise."""
        if token == term.capitalize():
            self._plain.add(number)
            if self.shown.get(number, "").isupper():
                del self.shown[number]
        elif token.isupper():
            if number not in self._plain and number not in self.shown:
                self.shown[number] = token
        elif self.shown.get(number, "A").isupper():
            self.shown[number] = token

    def number(self, term: str) -> int:
        """The term's number, given in first-seen order."""
        return self.numbers.setdefault(term, len(self.numbers))

    def read(self, index: int, article: Article) -> None:
        """Add article `index`'s terms: body, lead and title, then its date."""
        body = body_text(article)
        title = article.title.strip()
        if title and body.startswith(title):
            body = body[len(title) :]  # a text that opens with its headline: counted once
        tokens = words(body[:BODY_CHARS])
        # The lead counts once more, the title `TITLE_WEIGHT` times.
        tokens += tokens[:LEAD_TOKENS]
        if title:
            tokens += words(title) * TITLE_WEIGHT
        self._add(index, Counter(tokens))
        when = article_date(article)
        if when is not None:
            for term in (f"@{when.year}-{when.month:02d}", f"@{when.year}"):
                self._articles.append(index)
                self._terms.append(self.number(term))
                self._counts.append(DATE_WEIGHT)
                self._names.append(False)
        if len(self._terms) > _ENTRIES_AT_ONCE:
            self._flush()

    def _flush(self) -> None:
        """Move what was read into arrays, one entry per article and term ("Saints" and
        "saints" are one term): a day's entries as Python lists would hold a few
        hundred megabytes."""
        terms = np.array(self._terms, dtype=np.int64)
        kept = terms >= 0
        terms = terms[kept]
        articles = np.array(self._articles, dtype=np.int64)[kept]
        counts = np.array(self._counts, dtype=np.float64)[kept]
        names = np.array(self._names, dtype=bool)[kept]
        self._articles, self._terms, self._counts, self._names = [], [], [], []
        counts[names] *= NAME_WEIGHT
        self._tally(terms, names)
        size = max(1, len(self.numbers))
        keys = articles * size + terms
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        summed = np.add.reduceat(counts[order], starts) if len(keys) else counts
        keys = keys[starts]
        self._chunks.append(
            ((keys // size).astype(np.int32), (keys % size).astype(np.int32), summed)
        )

    def _tally(self, terms: I64, names: npt.NDArray[np.bool_]) -> None:
        """Count, per term, its entries and those written as a name."""
        size = len(self.numbers)
        for tally, found in ((self._having, terms), (self._named, terms[names])):
            counted = np.bincount(found, minlength=size)
            counted[: len(tally)] += tally
            tally.resize(0, refcheck=False)
            tally.resize(size, refcheck=False)
            tally[:] = counted

    def _add(self, index: int, found: Counter[str]) -> None:
        tokens = list(found)
        known = list(map(self._tokens.__getitem__, tokens))
        self._articles.extend(repeat(index, len(tokens)))
        self._terms.extend(map(_TERM, known))
        self._counts.extend(found.values())
        # A name: a capitalised token whose lower case the article never writes.
        written_lower = map(found.__contains__, map(_LOWER, known))
        self._names.extend(map(operator.gt, map(_MAY_NAME, known), written_lower))

    def counts(self) -> tuple[I64, I64, F64, Flags]:
        """(article, term, weighted count) for every term of every article, ascending,
        and the terms that are names in most of the articles that have them."""
        self._flush()
        self._tokens.clear()  # the day's tokens are no longer needed
        chunks, self._chunks = self._chunks, []
        articles = np.concatenate([chunk[0] for chunk in chunks]).astype(np.int64)
        terms = np.concatenate([chunk[1] for chunk in chunks]).astype(np.int64)
        counts = np.concatenate([chunk[2] for chunk in chunks])
        named: Flags = self._named * 2 > self._having
        return articles, terms, counts, named


_TERM = operator.itemgetter(0)
_LOWER = operator.itemgetter(1)
_MAY_NAME = operator.itemgetter(2)


def words(text: str) -> list[str]:
    """The words of `text`, as written: runs of letters and digits between spaces and
    punctuation ("Jong-un" is two words, "Reid's" is "Reid" and "s")."""
    return text.translate(_PUNCTUATION).split()


def body_text(article: Article) -> str:
    """The body as cleaned (its spans joined by line breaks), or the whole text without one."""
    if not article.body:
        return article.text
    return "\n".join(span.of(article.text) for span in article.body)


def article_date(article: Article) -> date | None:
    """When the article was published, or else the date at the head of its text."""
    if article.published is not None:
        return article.published.date()
    return head_date(body_text(article)[:HEAD_CHARS])


def head_date(text: str) -> date | None:
    """The first full date written in `text` ("August 2, 2013", "09 Sep 2013", "8/2/13")."""
    best: tuple[int, date] | None = None
    for pattern in _DATES:
        for found in pattern.finditer(text):
            day = _date(found)
            if day is not None:
                if best is None or found.start() < best[0]:
                    best = (found.start(), day)
                break
    return best[1] if best else None


def _date(found: re.Match[str]) -> date | None:
    month = found.group("m")
    number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."), 0)
    year = int(found.group("y"))
    if year < 100:
        year += 2000
    try:
        return date(year, number, int(found.group("d")))
    except ValueError:
        return None


@dataclass(frozen=True)
class Vectors:
    """Unit tf-idf vectors, one per article, as flat arrays: article i's terms are
    `terms[starts[i]:starts[i + 1]]` (term numbers, ascending) with `weights` alike."""

    starts: I64
    terms: I64
    weights: F64
    vocabulary: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.starts) - 1

    def owners(self) -> I64:
        """The article each entry belongs to."""
        return np.repeat(np.arange(len(self), dtype=np.int64), np.diff(self.starts))


@dataclass(frozen=True)
class Terms:
    """The day's articles as vectors, and how to show their terms."""

    vectors: Vectors
    names: Flags
    """Whether each term is a name in most of the articles that have it."""
    shown: dict[int, str]
    """A term's capitalised form, where the articles write it so."""

    def show(self, term: int) -> str:
        """The term as a label shows it: a name capitalised, a word as folded."""
        word = self.vectors.vocabulary[term]
        if term < len(self.names) and self.names[term]:
            return self.shown.get(term) or word.capitalize()
        return word


def read_terms(articles: Sequence[Article], keep: int = TERMS_PER_ARTICLE) -> Terms:
    """The articles' tf-idf vectors, each cut to its `keep` heaviest terms."""
    reader = TermReader()
    for index, article in enumerate(articles):
        reader.read(index, article)
    owners, terms, counts, names = reader.counts()
    vocabulary, shown = tuple(reader.numbers), reader.shown
    del reader  # its tables of the day's tokens: before the peak of weighing
    vectors = weigh(len(articles), owners, terms, counts, vocabulary, keep)
    return Terms(vectors, names, shown)


def weigh(
    n: int, owners: I64, terms: I64, counts: F64, vocabulary: tuple[str, ...], keep: int
) -> Vectors:
    """tf-idf vectors from (article, term, count) triples (one per article and term,
    grouped by article, in term order within it); `counts` becomes the weights.

    The weight of a term is (1 + ln count) · ln((n + 1) / (df + 1) + 1): a term of every
    article keeps a little weight, so that a day of copies of one story still compares.
    """
    idf = np.log((n + 1) / (np.bincount(terms, minlength=len(vocabulary)) + 1.0) + 1.0)
    weight = np.log(counts, out=counts)
    weight += 1.0
    weight *= idf[terms]
    del idf
    return heaviest(n, owners, terms, weight, vocabulary, keep)


def combine(vectors: Vectors, group: I64, count: int, keep: int) -> Vectors:
    """One vector per group of articles (`group[i]` is article i's, 0 to `count` - 1):
    the direction of the sum of its members' vectors, cut to its `keep` heaviest terms."""
    size = max(1, len(vectors.vocabulary))
    owners = group[vectors.owners()]
    keys, inverse = np.unique(owners * size + vectors.terms, return_inverse=True)
    summed = np.asarray(
        np.bincount(inverse, weights=vectors.weights, minlength=len(keys)), dtype=np.float64
    )
    return heaviest(count, keys // size, keys % size, summed, vectors.vocabulary, keep)


def heaviest(
    n: int, owners: I64, terms: I64, weight: F64, vocabulary: tuple[str, ...], keep: int
) -> Vectors:
    """Unit vectors of each owner's `keep` heaviest terms (ties: the smaller term number;
    the entries must come grouped by owner, in term order within each)."""
    # By owner, the heaviest first; a stable sort keeps ties in term order.
    order = np.argsort(owners - weight / (2.0 * weight.max(initial=1.0)), kind="stable")
    starts = np.searchsorted(owners, np.arange(n + 1))  # owners come grouped
    place = np.arange(len(order))
    place -= starts[owners[order]]
    chosen = order[(place < keep) & (weight[order] > 0)]
    del order, place
    chosen.sort()  # back in owner and term order
    owners, terms, weight = owners[chosen], terms[chosen], weight[chosen]
    norms = np.sqrt(np.bincount(owners, weights=weight * weight, minlength=n))
    starts = np.searchsorted(owners, np.arange(n + 1)).astype(np.int64)
    return Vectors(starts, terms, weight / norms[owners], vocabulary)
