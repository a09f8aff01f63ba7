"""Average linkage over a sparse graph of nearest neighbours: stories, then threads.

Each node (an article, or a story for threads) links to its `k` nearest nodes of at
least the rule's floor of similarity (`neighbours.nearest`), and the graph is made
symmetric: i and j are linked when either is among the other's nearest, with their
similarity as weight. Clusters are joined the best pair first while their score is at
least the rule's threshold:

    linkage(A, B) = W(A, B) / (|A| · |B| · min(1, k / (|A| + |B| - 1)))
    score(A, B) = linkage(A, B) - margin / (|A| · |B|)

where W(A, B) is the weight of the links between A and B. For small clusters the
linkage is the average similarity over their pairs, a pair that is no link counting
0; past k + 1 nodes, where no node can link to all the others, each pair counts as
much as the links a cluster of that size can have, so a big story is not split for
being big. The margin asks more of a join that rests on few pairs: two lone articles
must be clearly alike to make a story, while an article a little like each report of
a story of ten joins it.

Linking through nearest neighbours is what tells two similar events apart: the reports
of one event are each other's nearest, while an article of a similar event (another
earthquake, another rehab stay) is near but seldom among the nearest. A threshold on
plain similarity cannot do that where reports of one event vary more than two events
of one kind differ.

The join is deterministic and about linear: a heap of candidate joins (ties to the
smaller node numbers), and the links of the cluster with fewer links moved into the
other's, whose name the joined cluster keeps. A heap entry whose clusters have grown
since is scored again when it comes up, and queued again if it fell.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .neighbours import Neighbours, Pairs

I64 = npt.NDArray[np.int64]

Span = tuple[int, int] | None
"""The first and last day (ordinals) of a cluster's dated members, or None for none."""


@dataclass(frozen=True)
class Rule:
    """How nodes are linked and clusters joined at one level (stories, threads)."""

    neighbours: int
    """k: how many nearest nodes each node links to."""
    floor: float
    """The least similarity of a link."""
    threshold: float
    """The least score of a join."""
    margin: float = 0.0
    """What a join of two lone nodes needs above the threshold (less for bigger ones)."""

    def score(self, weight: float, a: int, b: int) -> float:
        """The score of joining clusters of `a` and `b` nodes linked by `weight`."""
        pairs = a * b
        return weight / (pairs * min(1.0, self.neighbours / (a + b - 1))) - self.margin / pairs


def join_copies(pairs: Pairs, n: int, threshold: float) -> I64:
    """Each node's group: nodes joined by a pair of at least `threshold` similarity,
    transitively; a group is named by its smallest node."""
    parent = np.arange(n, dtype=np.int64)
    close = pairs.similarity >= threshold
    for a, b in zip(pairs.first[close].tolist(), pairs.second[close].tolist(), strict=True):
        ra, rb = _root(parent, a), _root(parent, b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    while True:  # every node straight to its root
        jumped = parent[parent]
        if np.array_equal(jumped, parent):
            return parent
        parent = jumped


def _root(parent: I64, i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = int(parent[i])
    return i


def linked(neighbours: Neighbours) -> list[dict[int, float]]:
    """The symmetric graph of `neighbours`: i and j linked when either is among the
    other's nearest, weighted by their similarity."""
    n = len(neighbours.starts) - 1
    links: list[dict[int, float]] = [{} for _ in range(n)]
    sources = np.repeat(np.arange(n), np.diff(neighbours.starts)).tolist()
    for i, j, weight in zip(
        sources, neighbours.to.tolist(), neighbours.similarity.tolist(), strict=True
    ):
        links[i][j] = weight
        links[j][i] = weight
    return links


def average_link(
    links: list[dict[int, float]],
    rule: Rule,
    spans: list[Span] | None = None,
    gate: int | None = None,
) -> I64:
    """Each node's cluster (named by one of its nodes), joining clusters the best pair
    first while their score is at least the rule's threshold. With `spans` (each
    node's days) and a `gate`, clusters whose days would span more than `gate` days
    stay apart.
    """
    clusters = _Clusters(links, rule, spans or [None] * len(links), gate)
    heap = [
        (-rule.score(weight, 1, 1), i, j)
        for i, row in enumerate(links)
        for j, weight in row.items()
        if i < j
    ]
    heapq.heapify(heap)
    threshold = rule.threshold
    while heap:
        stored, i, j = heapq.heappop(heap)
        if -stored < threshold and rule.margin == 0.0:
            break  # without a margin scores only fall: what is left is below too
        current = clusters.score(i, j)
        if current is None or current < threshold:
            continue  # joined since, no longer linked, or not close enough
        if current < -stored - 1e-12:
            heapq.heappush(heap, (-current, i, j))  # fell since: check again in turn
        elif clusters.allowed(i, j):
            for entry in clusters.join(i, j):
                heapq.heappush(heap, entry)
    return clusters.names()


class _Clusters:
    """The clusters of `average_link` as they are joined."""

    def __init__(
        self, links: list[dict[int, float]], rule: Rule, spans: list[Span], gate: int | None
    ) -> None:
        self.links = links
        self.rule = rule
        self.spans = list(spans)
        self.gate = gate
        self.size = [1] * len(links)
        self.parent = list(range(len(links)))

    def score(self, i: int, j: int) -> float | None:
        """The score of joining live clusters i and j, or None if either is gone or
        they are not linked."""
        weight = self.links[i].get(j)
        if weight is None or self.parent[i] != i or self.parent[j] != j:
            return None
        return self.rule.score(weight, self.size[i], self.size[j])

    def allowed(self, i: int, j: int) -> bool:
        """Whether the days of i and j together span no more than the gate."""
        a, b = self.spans[i], self.spans[j]
        if self.gate is None or a is None or b is None:
            return True
        return max(a[1], b[1]) - min(a[0], b[0]) <= self.gate

    def join(self, i: int, j: int) -> list[tuple[float, int, int]]:
        """Join clusters i and j, the one with fewer links moving into the other (whose
        name the joined cluster keeps); the heap entries of the links that grew."""
        keep, gone = (i, j) if len(self.links[i]) >= len(self.links[j]) else (j, i)
        merged, moved = self.links[keep], self.links[gone]
        merged.pop(gone, None)
        moved.pop(keep, None)
        size = self.size
        size[keep] += size[gone]
        self.parent[gone] = keep
        a, b = self.spans[keep], self.spans[gone]
        self.spans[keep] = (min(a[0], b[0]), max(a[1], b[1])) if a and b else a or b
        grown = []
        for x, weight in moved.items():
            other = self.links[x]
            del other[gone]
            total = merged.get(x, 0.0) + weight
            merged[x] = other[keep] = total
            first, second = (keep, x) if keep < x else (x, keep)
            grown.append((-self.rule.score(total, size[first], size[second]), first, second))
        self.links[gone] = {}
        return grown

    def names(self) -> I64:
        """Each node's cluster, named by the node the cluster kept."""
        parent = np.array(self.parent, dtype=np.int64)
        while True:
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                return parent
            parent = jumped
