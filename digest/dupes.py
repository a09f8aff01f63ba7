"""Near-duplicate texts: byte-identical copies by hash, near-identical ones by MinHash LSH.

Two uses: `digest dupes PATH...` (pairs of duplicate files, on their own) and the brief,
where the copies of one wire story on several sites count as one source.

Cost is about linear in the number of documents: identical contents are grouped by a
hash; the rest are sketched with MinHash (`minhash`: all documents at once, a fixed
seed, so runs agree) and only the pairs that share an LSH band are compared, on their
exact shingle sets. The LSH threshold is set below the requested one, so a pair at the
threshold is rarely lost to the sketch's randomness; the exact Jaccard check then keeps
precision.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, product

from .minhash import U64, ShingleSets, Vocabulary, jaccard, similar
from .model import Article

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
    sets: Mapping[str, frozenset[str]], threshold: float, *, num_perm: int = NUM_PERM
) -> Iterator[tuple[str, str, float]]:
    """Pairs (a < b) whose sets have Jaccard >= `threshold`, found through MinHash LSH.

    Only pairs that share an LSH band are compared, so the cost grows with the number
    of sets and of true near-duplicates, not with all pairs. Empty sets never match.
    """
    keys = sorted(sets)
    found = ShingleSets.of_sets([sets[k] for k in keys])
    yield from similar_texts(keys, found, threshold, num_perm=num_perm)


def similar_texts(
    keys: Sequence[str],
    found: ShingleSets,
    threshold: float,
    *,
    num_perm: int = NUM_PERM,
) -> Iterator[tuple[str, str, float]]:
    """`similar_pairs` for sets already hashed (`minhash.ShingleSets`), named by `keys`."""
    named = []
    for i, j, score in similar_indices(found, threshold, num_perm=num_perm):
        a, b = sorted((keys[i], keys[j]))
        named.append((a, b, score))
    yield from sorted(named)


def similar_indices(
    found: ShingleSets, threshold: float, *, num_perm: int = NUM_PERM
) -> list[tuple[int, int, float]]:
    """Pairs (i < j, Jaccard) of sets in `found` whose Jaccard is at least `threshold`."""
    lsh = max(0.05, threshold * _RECALL_MARGIN)
    return similar(found, threshold, num_perm=num_perm, lsh_threshold=lsh)


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
    """
    groups: dict[str, list[str]] = {}
    for key in sorted(texts):
        content = raw[key] if raw is not None else texts[key].encode("utf-8")
        groups.setdefault(hashlib.sha256(content).hexdigest(), []).append(key)
    pairs: list[DuplicatePair] = []
    lead: dict[str, list[str]] = {}
    for members in groups.values():
        pairs.extend(DuplicatePair(a, b, 1.0, identical=True) for a, b in combinations(members, 2))
        lead[members[0]] = members
    keys = list(lead)
    if shingled is not None and all(key in shingled for key in keys):
        found = ShingleSets.of_arrays([shingled[key] for key in keys])
    else:
        found = ShingleSets.ngrams((words(texts[key]) for key in keys), size)
    for a, b, score in similar_texts(keys, found, threshold):
        for x, y in product(lead[a], lead[b]):
            first, second = sorted((x, y))
            pairs.append(DuplicatePair(first, second, round(score, 4)))
    return tuple(sorted(pairs, key=lambda p: (-p.similarity, not p.identical, p.a, p.b)))


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
    """
    by_id = {a.id: a for a in articles}
    pairs = find_duplicates(
        {a.id: article_text(a) for a in by_id.values()}, threshold, shingled=shingled
    )
    parent = {key: key for key in by_id}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for pair in pairs:
        parent[root(pair.a)] = root(pair.b)
    groups: dict[str, list[Article]] = {}
    for key, article in by_id.items():
        groups.setdefault(root(key), []).append(article)
    copies: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=_original_first)
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
