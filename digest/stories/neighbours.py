"""Which articles are alike, found through the terms they share: never all pairs.

Articles are compared only when one of their heaviest terms (`terms.Vectors`) is the
same. An inverted index lists, for each term, the articles that have it; a list of at
most `SHORT_LIST` articles pairs all of them, and the sum of the products of their
weights over the lists two articles share is their cosine similarity. A longer list
is a term of a large share of the day (a crowd of copies of one wire story, the name
of the day's biggest story, a word of every report): its articles are each paired with
its first `ANCHORS` articles only, so a crowd still draws together through them and
the cost stays linear; a pair found only this way has the similarity of the terms it
was found through. Everything is numpy over all lists at once, and deterministic.

`nearest` keeps each article's `k` most similar articles above a floor: the graph
stories are grouped on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .terms import Vectors

I64 = npt.NDArray[np.int64]
U64 = npt.NDArray[np.uint64]
F64 = npt.NDArray[np.float64]

SHORT_LIST = 64
"""Articles of a term up to which all their pairs are compared."""
ANCHORS = 8
"""How many of a long list's first articles each of its articles is compared with."""
MOST_ARTICLES = 1 << 20
"""Articles compared at once at most: a pair's number takes 40 bits of 64."""
_PAIRS_AT_ONCE = 1 << 20  # contributions made at a time: bounded temporaries
_VALUE_BITS = 24
_SCALE = float(1 << (_VALUE_BITS - 1))  # a product of weights is at most 1: 2 ** 23


@dataclass(frozen=True)
class Pairs:
    """Pairs of articles (first < second) with their similarity, by first then second."""

    first: I64
    second: I64
    similarity: F64

    def __len__(self) -> int:
        return len(self.first)


def similar_pairs(vectors: Vectors, *, short: int = SHORT_LIST, anchors: int = ANCHORS) -> Pairs:
    """Every pair of articles that shares a term, with its (cosine) similarity."""
    n = len(vectors)
    if n > MOST_ARTICLES:
        raise ValueError(f"at most {MOST_ARTICLES:,} articles are compared at once, not {n:,}")
    owners = vectors.owners()
    order = np.argsort(vectors.terms * n + owners, kind="stable")
    owner = owners[order].astype(np.uint64)
    term = vectors.terms[order]
    weight = vectors.weights[order]
    del owners, order
    starts = np.flatnonzero(np.r_[True, term[1:] != term[:-1]]) if len(term) else term
    lengths = np.diff(np.r_[starts, len(term)])
    packed = [
        _packed(owner[left], owner[right], weight[left] * weight[right], n)
        for left, right in _positions(starts, lengths, short, anchors)
    ]
    return _summed(packed, n)


def _packed(a: U64, b: U64, product: F64, n: int) -> U64:
    """Each contribution as one number: the pair (first * n + second) in the high bits,
    the product of weights (at most 1) in the low `_VALUE_BITS`, rounded."""
    key = np.minimum(a, b) * np.uint64(n) + np.maximum(a, b)
    return (key << np.uint64(_VALUE_BITS)) | np.rint(product * _SCALE).astype(np.uint64)


def _positions(starts: I64, lengths: I64, short: int, anchors: int) -> Iterator[tuple[I64, I64]]:
    """Positions in the inverted index of the entries each pair is made of, in batches."""
    for size in np.unique(lengths[(lengths >= 2) & (lengths <= short)]).tolist():
        begin = starts[lengths == size]
        left, right = np.triu_indices(size, 1)
        yield from _chunked(begin[:, None] + left[None, :], begin[:, None] + right[None, :])
    long_lists = lengths > short
    if long_lists.any():
        begin, size = starts[long_lists], lengths[long_lists]
        # Every entry past the anchors, with each anchor; the anchors among themselves.
        member = np.repeat(begin, size - anchors) + _ranges(size - anchors) + anchors
        head = np.repeat(begin, size - anchors)
        for first in range(anchors):
            yield from _chunked(head + first, member)
        left, right = np.triu_indices(anchors, 1)
        yield (begin[:, None] + left[None, :]).ravel(), (begin[:, None] + right[None, :]).ravel()


def _chunked(left: I64, right: I64) -> Iterator[tuple[I64, I64]]:
    left, right = left.ravel(), right.ravel()
    for at in range(0, len(left), _PAIRS_AT_ONCE):
        yield left[at : at + _PAIRS_AT_ONCE], right[at : at + _PAIRS_AT_ONCE]


def _ranges(sizes: I64) -> I64:
    """0, 1, ..., size - 1 for each size, concatenated."""
    total = int(sizes.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(sizes)
    return np.arange(total, dtype=np.int64) - np.repeat(ends - sizes, sizes)


def _summed(packed: list[U64], n: int) -> Pairs:
    """The contributions of each pair added up. One sort of one array of numbers:
    less memory than sorting pairs and products side by side, and exact sums."""
    if not packed:
        empty = np.zeros(0, dtype=np.int64)
        return Pairs(empty, empty, np.zeros(0))
    merged = np.concatenate(packed)
    del packed[:]
    merged.sort()
    pair = merged >> np.uint64(_VALUE_BITS)
    starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
    key: I64 = pair[starts].astype(np.int64)
    del pair
    merged &= np.uint64((1 << _VALUE_BITS) - 1)
    total = np.add.reduceat(merged, starts).astype(np.float64) / _SCALE
    return Pairs(key // n, key % n, np.minimum(total, 1.0))


@dataclass(frozen=True)
class Neighbours:
    """Each article's nearest articles: row i is `to[starts[i]:starts[i + 1]]`, the most
    similar first, with `similarity` alike."""

    starts: I64
    to: I64
    similarity: F64


def nearest(pairs: Pairs, n: int, k: int, floor: float) -> Neighbours:
    """Each article's `k` most similar articles of at least `floor` similarity (ties:
    the earlier article)."""
    keep = pairs.similarity >= floor
    first, second, score = pairs.first[keep], pairs.second[keep], pairs.similarity[keep]
    source = np.concatenate((first, second))
    target = np.concatenate((second, first))
    value = np.concatenate((score, score))
    # By source, the most similar first, ties to the smaller target (two stable sorts).
    order = np.argsort(target, kind="stable")
    order = order[np.argsort(source[order] - value[order] / 2.0, kind="stable")]
    source, target, value = source[order], target[order], value[order]
    starts = np.searchsorted(source, np.arange(n + 1))
    rank = np.arange(len(source)) - starts[source]
    kept = rank < k
    source, target, value = source[kept], target[kept], value[kept]
    return Neighbours(np.searchsorted(source, np.arange(n + 1)), target, value)
