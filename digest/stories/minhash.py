"""MinHash sketches and LSH banding for many sets at once, vectorised with numpy.

Merging a day of 20,000 articles compares about a quarter of a million claims, and
finding syndicated copies, twenty thousand article bodies. Sketching each set with a
MinHash object of its own (as datasketch does, one set per call) spent most of a
build's reduce step in per-set Python overhead and per-element SHA-1 calls. Here every
set lives in one flat array of 64-bit shingle hashes, and each step is a handful of
numpy operations over all sets together:

1. shingles: each distinct word (or element) is hashed once (BLAKE2b, so runs and
   machines agree); word runs are combined arithmetically and mixed (SplitMix64's
   finaliser), so a shingle costs no Python call;
2. sketches: for each of `num_perm` hash functions h(x) = (a·x + b) >> 32 (a odd,
   multiply-shift), the minimum per set, by `np.minimum.reduceat`;
3. LSH: the sketch is cut into b bands of r rows, chosen for the threshold as
   datasketch chooses them (the least weighted false-positive and false-negative
   area); sets sharing a band's values become candidate pairs;
4. candidates whose sketches agree on too few rows to be near the threshold are
   dropped, and the exact Jaccard of the shingle sets decides the rest.

A band's bucket of more than `CROWD` sets is a crowd: the copies of one wire story on
hundreds of sites. All its pairs would be quadratic (3,000 copies: 4.5 million pairs a
band), so each of its sets is compared only with the crowd's first `ANCHORS` sets: about
a constant number of comparisons per set, and enough for the callers, which join what
is found transitively, to make the crowd one cluster. The pairs found are then not
every pair of the cluster. Empty sets match nothing and are never banded (they would
all share every band).

Everything is deterministic: the same sets give the same pairs in every run.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

SEED = 1
CROWD = 32
"""A band's bucket of more sets than this is a crowd, whose sets are compared with its
first `ANCHORS` only; a smaller bucket has all its pairs compared. Ordinary reporting
stays below it: the BBC corpus's articles share a band by twos, its claims by ten at
most."""
ANCHORS = 8
"""How many of a crowd's first sets each of its sets is compared with."""
_BLOCK = 1 << 20  # hashes sketched at a time
_BITSET_SETS = 10_000  # up to this many sets, the exact check counts bits ...
_BITSET_BYTES = 32 << 20  # ... if their bit rows fit in this
_TEXTS_AT_ONCE = 5_000  # short texts shingled at a time: bounded temporaries
_PAIRS_AT_ONCE = 1 << 22  # candidate pairs held from band to band before folding repeats
# Odd 64-bit multipliers for combining the words of a shingle (any fixed odd constants).
_MIX = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
        0x85EBCA77C2B2AE63,
        0x27D4EB2F165667C5,
    ],
    dtype=np.uint64,
)
_PAIR_SALT = np.uint64(0x5851F42D4C957F2D)


def _fmix(values: U64) -> U64:
    """SplitMix64's finaliser: every input bit affects every output bit."""
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def _hash_text(text: str) -> int:
    return _hash_bytes(text.encode("utf-8"))


def _hash_bytes(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


class Vocabulary:
    """Each distinct string hashed once; forgets all once it holds `limit` strings."""

    def __init__(self, limit: int = 1 << 20) -> None:
        self.ids: dict[str, int] = {}
        self.limit = limit

    def hashes(self, items: Iterable[str]) -> list[int]:
        ids = self.ids
        items = list(items)
        if len(ids) > self.limit:
            ids.clear()
        for item in set(items).difference(ids):
            ids[item] = _hash_text(item)
        return list(map(ids.__getitem__, items))


@dataclass(frozen=True)
class ShingleSets:
    """n sets of 64-bit shingle hashes, flat: set i is hashes[starts[i]:starts[i + 1]].

    A set may hold a hash twice (a phrase said twice); sketches and `members` do not
    care. An empty set matches nothing.
    """

    hashes: U64
    starts: I64

    def __len__(self) -> int:
        return len(self.starts) - 1

    def members(self, i: int) -> frozenset[int]:
        """Set i as Python ints (made anew each time: tens of thousands of them would
        outweigh the arrays)."""
        return frozenset(self.hashes[self.starts[i] : self.starts[i + 1]].tolist())

    @classmethod
    def of_sets(cls, sets: Sequence[Iterable[str]]) -> ShingleSets:
        """Sets of strings, each string one shingle."""
        vocabulary = Vocabulary()
        flat: list[int] = []
        starts = [0]
        for items in sets:
            flat.extend(vocabulary.hashes(items))
            starts.append(len(flat))
        return cls(np.array(flat, dtype=np.uint64), np.array(starts, dtype=np.int64))

    @classmethod
    def of_arrays(cls, arrays: Sequence[U64]) -> ShingleSets:
        """Sets already hashed, one array each."""
        starts = np.zeros(len(arrays) + 1, dtype=np.int64)
        np.cumsum([len(a) for a in arrays], out=starts[1:])
        flat = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.uint64)
        return cls(flat.astype(np.uint64, copy=False), starts)

    @classmethod
    def ngrams(
        cls, token_lists: Iterable[Sequence[str]], size: int, vocabulary: Vocabulary | None = None
    ) -> ShingleSets:
        """Each text's runs of `size` words; a shorter text is one shingle of all its words.

        (A run and a whole short text of the same words hash alike.) `vocabulary` keeps
        word hashes from call to call.
        """
        if not 1 <= size <= len(_MIX):
            raise ValueError(f"shingle size must be 1..{len(_MIX)}, got {size}")
        vocabulary = vocabulary or Vocabulary()
        parts: list[U64] = []
        starts = [0]
        # Text by text: a long text's runs are made in numpy, and only its hashes kept.
        for tokens in token_lists:
            words = np.array(vocabulary.hashes(tokens), dtype=np.uint64)
            count = max(len(words) - size + 1, 1 if len(words) else 0)
            combined = np.zeros(count, dtype=np.uint64)
            for k in range(min(size, len(words))):
                combined += words[k : k + count] * _MIX[k]
            parts.append(_fmix(combined))
            starts.append(starts[-1] + count)
        hashes = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
        return cls(hashes, np.array(starts, dtype=np.int64))

    @classmethod
    def words_and_pairs(cls, texts: Iterable[str], min_words: int = 1) -> ShingleSets:
        """Each text's words and word pairs; a text of fewer than `min_words` is empty.

        A text is its words separated by single spaces (`spaced`).
        """
        texts = list(texts)
        # A text of w words has w words and w - 1 pairs: the arrays are made at their
        # full size first and filled a block of texts at a time (no second copy).
        words = np.array([t.count(" ") + 1 if t else 0 for t in texts], dtype=np.int64)
        sizes = np.where(words >= max(min_words, 1), 2 * words - 1, 0)
        starts = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(sizes, out=starts[1:])
        hashes = np.empty(starts[-1], dtype=np.uint64)
        hasher = _Words()
        for first in range(0, len(texts), _TEXTS_AT_ONCE):
            block = texts[first : first + _TEXTS_AT_ONCE]
            part = cls._words_and_pairs(block, min_words, hasher)
            hashes[starts[first] : starts[first + len(block)]] = part.hashes
        return cls(hashes, starts)

    @classmethod
    def _words_and_pairs(cls, texts: Sequence[str], min_words: int, hasher: _Words) -> ShingleSets:
        words, bounds = hasher.hashes(texts)
        lengths = np.diff(bounds)
        doc = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        keep = (lengths >= min_words)[doc] if len(doc) else np.zeros(0, dtype=bool)
        singles = _fmix(words[keep])
        single_doc = doc[keep]
        same = keep[:-1] & (doc[:-1] == doc[1:])
        pairs = _fmix((words[:-1][same] * _MIX[0]) ^ (words[1:][same] * _MIX[1]) ^ _PAIR_SALT)
        return cls._grouped([singles, pairs], [single_doc, doc[:-1][same]], len(lengths))

    @classmethod
    def _grouped(cls, parts: list[U64], owners: list[I64], count: int) -> ShingleSets:
        if not parts:
            return cls(np.zeros(0, dtype=np.uint64), np.zeros(count + 1, dtype=np.int64))
        hashes = np.concatenate(parts)
        owner = np.concatenate(owners)
        order = np.argsort(owner, kind="stable")
        starts = np.searchsorted(owner[order], np.arange(count + 1), side="left")
        return cls(hashes[order], starts.astype(np.int64))


def spaced(words: Iterable[str]) -> str:
    """Words as `words_and_pairs` takes them: separated by single spaces.

    (A word must hold no space.)"""
    return " ".join(words)


# Telling words apart: a polynomial of their UTF-8 bytes, Σ (byte_k + 1)·P^k modulo 2^64
# (where P has an inverse), for all words of many texts at once from prefix sums.
_P = 0x100000001B3
_P_INVERSE = pow(_P, -1, 1 << 64)


def _powers(base: int, count: int) -> U64:
    """base^0 .. base^(count-1) modulo 2^64."""
    powers = np.full(count, base, dtype=np.uint64)
    powers[0] = 1
    return np.cumprod(powers, dtype=np.uint64)


class _Words:
    """Word hashes for many texts at once: each word's `_hash_text`, worked out once per
    distinct word (told apart in numpy, with no Python call per word)."""

    def __init__(self) -> None:
        # The words met so far, as two sorted arrays, their keys and their hashes: a word
        # met before costs no Python call.
        self.keys = np.zeros(0, dtype=np.uint64)
        self.values = np.zeros(0, dtype=np.uint64)

    def hashes(self, texts: Sequence[str]) -> tuple[U64, I64]:
        """Every word's hash, texts end to end, and where each text's words start (and the
        last ends). A text is its words separated by single spaces (`spaced`)."""
        counts = [text.count(" ") + 1 if text else 0 for text in texts]
        bounds = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(counts, out=bounds[1:])
        raw = " ".join(t for t in texts if t).encode("utf-8")
        data = np.frombuffer(raw, dtype=np.uint8)
        if not len(data):
            return np.zeros(0, dtype=np.uint64), bounds
        gaps = np.flatnonzero(data == 32)  # the spaces between words
        starts = np.concatenate([[0], gaps + 1])
        ends = np.concatenate([gaps, [len(data)]])
        prefix = np.zeros(len(data) + 1, dtype=np.uint64)
        np.cumsum((data.astype(np.uint64) + np.uint64(1)) * _powers(_P, len(data)), out=prefix[1:])
        keys = (prefix[ends] - prefix[starts]) * _powers(_P_INVERSE, len(data))[starts]
        keys ^= (ends - starts).astype(np.uint64) * _MIX[2]
        distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        at = np.searchsorted(self.keys, distinct)
        known = at < len(self.keys)
        known[known] = self.keys[at[known]] == distinct[known]
        values = np.zeros(len(distinct), dtype=np.uint64)
        values[known] = self.values[at[known]]
        new = np.flatnonzero(~known)
        if len(new):
            values[new] = [
                _hash_bytes(raw[start:end])
                for start, end in zip(
                    starts[first[new]].tolist(), ends[first[new]].tolist(), strict=True
                )
            ]
            self.keys = np.insert(self.keys, at[new], distinct[new])
            self.values = np.insert(self.values, at[new], values[new])
        return values[inverse], bounds


def sketches(sets: ShingleSets, num_perm: int, seed: int = SEED) -> npt.NDArray[np.uint32]:
    """The MinHash sketch of every set, shape (n, num_perm); an empty set's is all ones."""
    out = np.full((len(sets), num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    filled = np.flatnonzero(np.diff(sets.starts) > 0)
    out[filled] = filled_sketches(sets, filled, num_perm, seed)
    return out


def filled_sketches(
    sets: ShingleSets, filled: I64, num_perm: int, seed: int = SEED
) -> npt.NDArray[np.uint32]:
    """The MinHash sketches of the sets `filled` (indices of non-empty sets, ascending),
    shape (len(filled), num_perm)."""
    rng = np.random.RandomState(seed)
    a = rng.randint(0, 2**63 - 1, size=num_perm, dtype=np.int64).astype(np.uint64) * np.uint64(
        2
    ) + np.uint64(1)
    b = rng.randint(0, 2**63 - 1, size=num_perm, dtype=np.int64).astype(np.uint64)
    out = np.empty((len(filled), num_perm), dtype=np.uint32)
    if not len(filled):
        return out
    shift = np.uint64(32)
    # Blocks of whole sets of about a million hashes: the temporaries stay small.
    ends = sets.starts[filled + 1]
    block_starts = [0]
    while block_starts[-1] < len(filled):
        first = block_starts[-1]
        limit = sets.starts[filled[first]] + _BLOCK
        block_starts.append(max(first + 1, int(np.searchsorted(ends, limit, side="right"))))
    for first, last in zip(block_starts, block_starts[1:], strict=False):
        rows = filled[first:last]
        low, high = sets.starts[rows[0]], ends[last - 1]
        block = sets.hashes[low:high]
        offsets = sets.starts[rows] - low
        for p in range(num_perm):
            permuted = (block * a[p] + b[p]) >> shift
            out[first:last, p] = np.minimum.reduceat(permuted, offsets)
    return out


def bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) with bands·rows ≤ num_perm that best separate pairs at `threshold`:
    the least sum of the false-positive area below it and the false-negative area above."""
    grid = np.linspace(0.0, 1.0, 201)
    best: tuple[float, int, int] | None = None
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            found = 1.0 - (1.0 - grid**r) ** b
            below = grid <= threshold
            error = float(
                np.trapezoid(found[below], grid[below])
                + np.trapezoid(1.0 - found[~below], grid[~below])
            )
            if best is None or error < best[0]:
                best = (error, b, r)
    assert best is not None
    return best[1], best[2]


def candidate_pairs(
    sketch: npt.NDArray[np.uint32],
    threshold: float,
    *,
    crowd: int = CROWD,
    anchors: int = ANCHORS,
) -> I64:
    """Pairs (i < j) of rows sharing at least one LSH band, shape (m, 2), sorted.

    In a band's bucket of more than `crowd` rows, each row is paired with the bucket's
    first `anchors` rows only (by index): at most `anchors` pairs per row and band,
    however many rows share the bucket.
    """
    n, num_perm = sketch.shape
    b, r = bands(threshold, num_perm)
    found: list[I64] = []
    pending = 0
    for band in range(b):
        key = np.zeros(n, dtype=np.uint64)
        for column in range(band * r, band * r + r):
            key = key * _MIX[0] + sketch[:, column].astype(np.uint64)
        found.append(_same_key_pairs(key, crowd, anchors))
        pending += len(found[-1])
        if pending > _PAIRS_AT_ONCE:  # a crowd's pairs recur band after band: fold them
            found = [_distinct(np.concatenate(found))]
            pending = len(found[0])
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    codes = _distinct(np.concatenate(found))
    return np.stack([codes // n, codes % n], axis=1) if len(codes) else np.zeros((0, 2), np.int64)


def _distinct(codes: I64) -> I64:
    """The distinct values of `codes`, sorted (as `np.unique`, by sorting: numpy's hashing
    `unique` is several times slower on millions of mostly distinct integers)."""
    codes = np.sort(codes)
    if len(codes) < 2:
        return codes
    keep = np.empty(len(codes), dtype=bool)
    keep[0] = True
    np.not_equal(codes[1:], codes[:-1], out=keep[1:])
    return codes[keep]


def _same_key_pairs(key: U64, crowd: int = CROWD, anchors: int = ANCHORS) -> I64:
    """Codes i·n + j (i < j) of the pairs of rows with equal keys that are compared:
    every pair of a bucket of up to `crowd` rows; in a larger bucket, each row with each
    of the bucket's first `anchors` rows."""
    if anchors < 1:
        raise ValueError(f"anchors must be at least 1, got {anchors}")
    n = len(key)
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    edge = np.flatnonzero(np.diff(ordered)) + 1
    starts = np.concatenate([[0], edge])
    sizes = np.diff(np.concatenate([starts, [n]]))
    codes: list[I64] = []
    for size in np.unique(sizes[sizes > 1]).tolist():
        first = starts[sizes == size]
        members = np.sort(order[first[:, None] + np.arange(size)], axis=1)
        # The first rows of the upper triangle (pairs i < j, i among the anchors); all
        # of it for a bucket that is not a crowd.
        left, right = np.triu_indices(size if size <= crowd else anchors, k=1, m=size)
        codes.append((members[:, left] * n + members[:, right]).ravel())
    return np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64)


@dataclass
class Comparisons:
    """What `similar` did, added up while `counting`: a measure of work that, unlike
    time, does not vary from run to run or machine to machine."""

    sets: int = 0
    """Sets looked at."""
    candidates: int = 0
    """Pairs of sets that shared an LSH band (crowds capped): each one's sketches compared."""
    checked: int = 0
    """Candidates whose exact Jaccard was worked out."""


_COUNTING: list[Comparisons] = []


@contextmanager
def counting() -> Iterator[Comparisons]:
    """Count the work of every `similar` call in this process until the block ends."""
    found = Comparisons()
    _COUNTING.append(found)
    try:
        yield found
    finally:
        _COUNTING.remove(found)


def _count(sets: int, candidates: int, checked: int) -> None:
    for found in _COUNTING:
        found.sets += sets
        found.candidates += candidates
        found.checked += checked


def similar(
    sets: ShingleSets,
    threshold: float,
    *,
    num_perm: int = 128,
    lsh_threshold: float | None = None,
    crowd: int = CROWD,
    anchors: int = ANCHORS,
) -> list[tuple[int, int, float]]:
    """Pairs (i < j, Jaccard) of sets whose Jaccard is at least `threshold`, by i then j.

    LSH looks for pairs above `lsh_threshold` (default: `threshold`); a lower one finds
    more of the pairs near the threshold, at the cost of more exact checks. In a crowd
    (a band shared by more than `crowd` sets) each set is compared with the crowd's first
    `anchors` sets only: a cluster of copies is found, joined up, but not all its pairs.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"similarity threshold must be in (0, 1], got {threshold}")
    if len(sets) < 2:
        return []
    # An empty set matches nothing; empty sets would all share every band.
    filled = np.flatnonzero(np.diff(sets.starts) > 0)
    if len(filled) < 2:
        _count(len(sets), 0, 0)
        return []
    # Sketches of the filled sets only, and pairs in their rows until the last step.
    sketch = filled_sketches(sets, filled, num_perm)
    pairs = candidate_pairs(sketch, lsh_threshold or threshold, crowd=crowd, anchors=anchors)
    # A pair whose sketches agree on far fewer rows than the threshold asks is not near
    # it: a pair at the threshold falls below `_least_agreement` once in a million.
    # (In chunks of 8,192 pairs: their rows of the sketches are 2 MB each.)
    agree = np.zeros(len(pairs), dtype=np.int16)
    for start in range(0, len(pairs), 8_192):
        chunk = pairs[start : start + 8_192]
        agree[start : start + len(chunk)] = (sketch[chunk[:, 0]] == sketch[chunk[:, 1]]).sum(1)
    del sketch
    candidates = len(pairs)
    pairs = filled[pairs[agree >= _least_agreement(threshold, num_perm)]]
    _count(len(sets), candidates, len(pairs))
    if not len(pairs):
        return []
    bits = _bitsets(sets)
    if bits is not None:
        return _jaccard_by_bits(bits, pairs, threshold)
    # Pairs come sorted by i, so i's set is made once.
    result = []
    current, first = -1, frozenset[int]()
    for i, j in pairs.tolist():
        if i != current:
            current, first = i, sets.members(i)
        score = jaccard(first, sets.members(j))
        if score >= threshold:
            result.append((i, j, score))
    return result


def _bitsets(sets: ShingleSets) -> npt.NDArray[np.uint64] | None:
    """Each set as a row of bits, one per distinct hash of all the sets; None when that
    would take more than `_BITSET_BYTES` (many sets of many distinct shingles)."""
    if len(sets) > _BITSET_SETS:
        return None
    distinct, ids = np.unique(sets.hashes, return_inverse=True)
    words = (len(distinct) + 63) // 64
    if len(sets) * words * 8 > _BITSET_BYTES:
        return None
    bits = np.zeros((len(sets), words), dtype=np.uint64)
    owner = np.repeat(np.arange(len(sets)), np.diff(sets.starts))
    np.bitwise_or.at(
        bits, (owner, ids >> 6), np.left_shift(np.uint64(1), (ids & 63).astype(np.uint64))
    )
    return bits


def _jaccard_by_bits(
    bits: npt.NDArray[np.uint64], pairs: I64, threshold: float
) -> list[tuple[int, int, float]]:
    """`jaccard` of each pair of rows, by counting bits; the pairs at `threshold` or above."""
    sizes = np.bitwise_count(bits).sum(axis=1, dtype=np.int64)
    result: list[tuple[int, int, float]] = []
    step = max(1, _BITSET_BYTES // (bits.shape[1] * 8))
    for start in range(0, len(pairs), step):
        i, j = pairs[start : start + step, 0], pairs[start : start + step, 1]
        shared = np.bitwise_count(bits[i] & bits[j]).sum(axis=1, dtype=np.int64)
        union = sizes[i] + sizes[j] - shared
        score = np.divide(shared, union, out=np.zeros(len(i)), where=union > 0)
        keep = np.flatnonzero(score >= threshold)
        result.extend(zip(i[keep].tolist(), j[keep].tolist(), score[keep].tolist(), strict=True))
    return result


def _least_agreement(threshold: float, num_perm: int, miss: float = 1e-6) -> int:
    """The most sketch rows k such that a pair of Jaccard `threshold` agrees on fewer
    than k with probability at most `miss` (each row agrees with that probability)."""
    below = 0.0
    for k in range(num_perm + 1):
        below += math.comb(num_perm, k) * threshold**k * (1 - threshold) ** (num_perm - k)
        if below > miss:
            return k
    return num_perm


def jaccard(a: frozenset[int] | frozenset[str], b: frozenset[int] | frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b|; 0 for two empty sets."""
    if not a and not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)
