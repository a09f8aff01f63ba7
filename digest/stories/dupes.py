"""Near-duplicate texts: byte-identical copies by hash, near-identical ones by MinHash LSH.

Two uses: `digest dupes PATH...` (pairs of duplicate files, on their own) and the brief,
where the copies of one wire story on several sites count as one source.

Cost is about linear in the number of documents: identical contents are grouped by a
hash; the rest are sketched with MinHash (`minhash`: all documents at once, a fixed
seed, so runs agree) and only the pairs that share an LSH band are compared, on their
exact shingle sets. The LSH threshold is set below the requested one, so a pair at the
threshold is rarely lost to the sketch's randomness; the exact Jaccard check then keeps
precision.

It stays linear when one story is copied hundreds of times (a wire story picked up by
every outlet): a crowd of more than `minhash.CROWD` alike documents is compared through
its first few members (`minhash.similar`), not pair by pair; `find_duplicates` lists
such a crowd through its first members too, and the brief's syndicated copies join what
is found into groups without listing pairs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import product

from ..model import Article
from .minhash import ANCHORS, CROWD, U64, ShingleSets, Vocabulary, jaccard, similar

__all__ = ["jaccard"]

ARTICLE_SHINGLE = 5
"""Words per shingle for articles: long enough that shared phrasing is rare by chance."""
NUM_PERM = 128
# LSH finds pairs above `threshold * _RECALL_MARGIN`; exact Jaccard decides the rest.
_RECALL_MARGIN = 0.75
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, order=True)
class DuplicatePair:
    """Two documents whose word shingles overlap by `similarity` (Jaccard, 0..1)."""

    a: str
    b: str
    similarity: float
    identical: bool = False


def words(text: str) -> list[str]:
    """Lower-cased words: letters and digits, so typography and punctuation do not count."""
    return _WORD.findall(text.casefold())


def shingles(text: str, size: int = ARTICLE_SHINGLE) -> frozenset[str]:
    """The set of `size`-word runs of `text` (the whole text if it is shorter)."""
    tokens = words(text)
    if len(tokens) <= size:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def similar_pairs(
    sets: Mapping[str, frozenset[str]],
    threshold: float,
    *,
    num_perm: int = NUM_PERM,
    crowd: int = CROWD,
    anchors: int = ANCHORS,
) -> Iterator[tuple[str, str, float]]:
    """Pairs (a < b) whose sets have Jaccard >= `threshold`, found through MinHash LSH.

    Only pairs that share an LSH band are compared, so the cost grows with the number
    of sets and of true near-duplicates, not with all pairs; in a band shared by more
    than `crowd` sets, each is compared with the first `anchors` of them only
    (`minhash.similar`). Empty sets never match.
    """
    keys = sorted(sets)
    found = ShingleSets.of_sets([sets[k] for k in keys])
    yield from similar_texts(
        keys, found, threshold, num_perm=num_perm, crowd=crowd, anchors=anchors
    )


def similar_texts(
    keys: Sequence[str],
    found: ShingleSets,
    threshold: float,
    *,
    num_perm: int = NUM_PERM,
    crowd: int = CROWD,
    anchors: int = ANCHORS,
) -> Iterator[tuple[str, str, float]]:
    """`similar_pairs` for sets already hashed (`minhash.ShingleSets`), named by `keys`."""
    named = []
    found_pairs = similar_indices(found, threshold, num_perm=num_perm, crowd=crowd, anchors=anchors)
    for i, j, score in found_pairs:
        a, b = sorted((keys[i], keys[j]))
        named.append((a, b, score))
    yield from sorted(named)


def similar_indices(
    found: ShingleSets,
    threshold: float,
    *,
    num_perm: int = NUM_PERM,
    crowd: int = CROWD,
    anchors: int = ANCHORS,
) -> list[tuple[int, int, float]]:
    """Pairs (i < j, Jaccard) of sets in `found` whose Jaccard is at least `threshold`
    (in a crowd, those `minhash.similar` compares)."""
    lsh = max(0.05, threshold * _RECALL_MARGIN)
    return similar(
        found, threshold, num_perm=num_perm, lsh_threshold=lsh, crowd=crowd, anchors=anchors
    )


def find_duplicates(
    texts: Mapping[str, str],
    threshold: float = 0.5,
    *,
    raw: Mapping[str, bytes] | None = None,
    size: int = ARTICLE_SHINGLE,
    shingled: Mapping[str, U64] | None = None,
) -> tuple[DuplicatePair, ...]:
    """Every pair of documents at least `threshold` alike, most similar first.

    `raw` (the bytes as stored, by the same keys) decides which pairs are identical;
    without it the texts do. Identical documents are found by hash, and only one of
    each identical group is sketched, so copies cost nothing extra. `shingled` gives
    documents' hashed shingles already made (`text_shingles`, in a build's map step).

    A crowd is listed through its first members, not pair by pair (which would be
    quadratic): in a group of more than `minhash.CROWD` identical documents each is
    paired with the group's first `minhash.ANCHORS`, which also stand for the group in
    its near pairs; near-identical documents are compared as `minhash.similar` says.
    """
    groups = _identical(texts, raw)
    pairs: list[DuplicatePair] = []
    for members in groups.values():
        pairs.extend(
            DuplicatePair(members[i], members[j], 1.0, identical=True)
            for i in range(len(_shown(members)))
            for j in range(i + 1, len(members))
        )
    keys = list(groups)
    for a, b, score in similar_texts(keys, _sets(texts, keys, size, shingled), threshold):
        for x, y in product(_shown(groups[a]), _shown(groups[b])):
            first, second = sorted((x, y))
            pairs.append(DuplicatePair(first, second, round(score, 4)))
    return tuple(sorted(pairs, key=lambda p: (-p.similarity, not p.identical, p.a, p.b)))


def duplicate_groups(
    texts: Mapping[str, str],
    threshold: float = 0.5,
    *,
    raw: Mapping[str, bytes] | None = None,
    size: int = ARTICLE_SHINGLE,
    shingled: Mapping[str, U64] | None = None,
) -> list[list[str]]:
    """The documents that are copies of one another, transitively: the groups that
    `find_duplicates`'s pairs make (two or more keys each, sorted; ordered by first key).

    Found without listing pairs: the cost and memory stay linear in the documents
    however many copies one text has.
    """
    groups = _identical(texts, raw)
    keys = list(groups)
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _score in similar_indices(_sets(texts, keys, size, shingled), threshold):
        ri, rj = root(i), root(j)
        parent[max(ri, rj)] = min(ri, rj)
    joined: dict[int, list[str]] = {}
    for i, key in enumerate(keys):
        joined.setdefault(root(i), []).extend(groups[key])
    found = [sorted(members) for members in joined.values() if len(members) > 1]
    return sorted(found)


def _shown(members: list[str]) -> list[str]:
    """The members of an identical group its pairs are listed with: all of them, or for
    a crowd its first `ANCHORS`."""
    return members if len(members) <= CROWD else members[:ANCHORS]


def _identical(texts: Mapping[str, str], raw: Mapping[str, bytes] | None) -> dict[str, list[str]]:
    """Documents of the same content (`raw`'s bytes, else the text) by the first of them,
    in key order; each group's keys sorted."""
    groups: dict[str, list[str]] = {}
    for key in sorted(texts):
        content = raw[key] if raw is not None else texts[key].encode("utf-8")
        groups.setdefault(hashlib.sha256(content).hexdigest(), []).append(key)
    return {members[0]: members for members in groups.values()}


def _sets(
    texts: Mapping[str, str], keys: Sequence[str], size: int, shingled: Mapping[str, U64] | None
) -> ShingleSets:
    """The shingle sets of the documents `keys`, from `shingled` when it has them all."""
    if shingled is not None and all(key in shingled for key in keys):
        return ShingleSets.of_arrays([shingled[key] for key in keys])
    return ShingleSets.ngrams((words(texts[key]) for key in keys), size)


def article_text(article: Article) -> str:
    """What an article says: its body as cleaned (page chrome and front matter left out)."""
    if not article.body:
        return article.text
    return "\n".join(span.of(article.text) for span in article.body)


_ARTICLE_WORDS = Vocabulary()
"""Word hashes kept from article to article: a worker shingles thousands of articles
whose words are mostly the same few tens of thousands (half the cost of shingling)."""


def text_shingles(text: str, size: int = ARTICLE_SHINGLE) -> U64:
    """`text`'s runs of `size` words, hashed as `find_duplicates` hashes them."""
    return ShingleSets.ngrams([words(text)], size, _ARTICLE_WORDS).hashes


def syndicated_copies(
    articles: Iterable[Article], threshold: float, shingled: Mapping[str, U64] | None = None
) -> dict[str, str]:
    """Map each syndicated copy's article id to the id of the article it copies.

    `shingled`: each article's `text_shingles(article_text(article))`, by id, if made.

    Articles whose bodies are near-duplicates form a group (transitively); the earliest
    published is the original (ties: outlet, then id), and every other one is its copy.
    Hundreds of copies of one story are one group, found in about linear time.
    """
    by_id = {a.id: a for a in articles}
    texts = {key: article_text(article) for key, article in by_id.items()}
    copies: dict[str, str] = {}
    for keys in duplicate_groups(texts, threshold, shingled=shingled):
        members = sorted((by_id[key] for key in keys), key=_original_first)
        copies.update({m.id: members[0].id for m in members[1:]})
    return dict(sorted(copies.items()))


def _original_first(article: Article) -> tuple[bool, float, str, str]:
    published = article.published
    return (
        published is None,
        published.timestamp() if published else 0.0,
        article.source,
        article.id,
    )
