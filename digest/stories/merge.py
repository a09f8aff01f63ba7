"""The same claim from several articles becomes one `MergedClaim`.

Two passes, both about linear in the number of claims:

1. Exact: claims whose wording is the same once typography is normalised (curly or
   straight quotes, dashes, spacing, case, "U.S." or "US", a leading "And"/"But"/"So")
   share a key, and a dict groups them; the same words from two differently named
   speakers stay two claims.
2. Near: what is left is compared through MinHash LSH on words and word pairs, and
   groups whose wording overlaps by at least `similarity` (Jaccard) are joined, the most
   alike first. Near matches never join two different claims of one article, nor claims
   by differently named speakers. A crowd of near-identical wordings (one wire story's
   claim on hundreds of sites, a number changed) is compared through its first few
   members (`minhash.similar`), not pair by pair: linear, not quadratic.

A claim repeated word for word inside one article (a pull quote, a lead repeated in a
caption) is one claim said twice, so the exact pass keeps it merged; it adds no
source. Ranking is `rank.rank_claims`; this module only groups.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

from ..model import Claim, MergedClaim
from .dupes import similar_indices, words
from .minhash import ShingleSets, spaced

_PUNCT = re.compile(r"[^\w\s]")
_ABBREVIATION = re.compile(r"(?<=\b\w)\.(?=\w\.)")
_LEADING = re.compile(r"^(?:and|but|so|or|now)\s+")
_KIND_WEIGHT = {"quote": 1.0, "partial": 0.7, "reported": 0.6, "statement": 0.2}
_MIN_WORDS = 4
_TITLES = frozenset(
    """
    Ambassador President Minister Prime Secretary General Gen Brig Col Lt Adm Mr Mrs Ms Dr
    Sen Rep Gov Chairman Spokesman Spokeswoman Spokesperson Deputy Foreign Defense
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# First words of speaker names that describe rather than name: "a senior official",
# "the department spokesperson", "two council diplomats", "he".
UNNAMED_SPEAKER_WORDS = frozenset(
    """
    a an the he she they it we i one two three four several some many most his her their
    its our this that these those another other officials diplomats sources analysts
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def claim_key(text: str) -> str:
    """A key equal for claims that differ only in typography."""
    folded = unicodedata.normalize("NFKC", text).lower()
    # "U.S." and "US" are one word; "u s" would not match "us".
    folded = _ABBREVIATION.sub("", folded)
    folded = _PUNCT.sub(" ", folded.replace("’", "'").replace("'", ""))
    folded = " ".join(folded.split())
    return _LEADING.sub("", folded)


def merge_claims(
    claims: Iterable[Claim], *, similarity: float = 0.8, keys: Iterable[str] | None = None
) -> tuple[MergedClaim, ...]:
    """Group claims that say the same thing into merged claims, in first-seen order.

    `similarity` is the Jaccard overlap of words and word pairs above which two
    differently worded claims are the same (1.0: only exact matches after normalising
    typography). `keys`: each claim's `claim_key`, if already worked out.
    """
    exact: dict[str, list[Claim]] = {}
    if keys is None:
        for claim in claims:
            exact.setdefault(claim_key(claim.text), []).append(claim)
    else:
        for claim, key in zip(claims, keys, strict=True):
            exact.setdefault(key, []).append(claim)
    # The same words from two named speakers ("We are monitoring the situation") are two
    # claims; a claim whose speaker has no name goes with the first named one. Groups
    # are (wording, speaker name, claims), in first-seen order.
    groups = [
        (key, name, part) for key, found in exact.items() for name, part in _by_speaker(found)
    ]
    del exact
    # Ties are broken by wording, then speaker: the same whatever order claims came in.
    order = sorted(range(len(groups)), key=lambda i: (groups[i][0], groups[i][1]))
    joined = _Groups([g[2] for g in groups], order)
    if similarity < 1.0:
        # Words and word pairs: one word more or less in a short claim costs little,
        # while the pairs keep order ("X warned Y" is not "Y warned X"). A claim of
        # fewer than four words is too short to call "near": "No", "We will see".
        found = ShingleSets.words_and_pairs(
            (_key_words(groups[i][0]) for i in order), min_words=_MIN_WORDS
        )
        pairs = similar_indices(found, similarity, num_perm=64)
        pairs.sort(key=lambda p: (-p[2], p[0], p[1]))  # the most alike first
        for a, b, _score in pairs:
            joined.join(order[a], order[b])
    return tuple(
        _merged(f"{groups[least][0]}\0{groups[least][1]}", members)
        for least, members in joined.groups()
    )


def _key_words(key: str) -> str:
    """`dupes.words` of a claim key, spaced (`minhash.spaced`): its words are lower case and
    single-spaced already, so plain ASCII without underscores is its own words."""
    if key.isascii() and "_" not in key:
        return key
    return spaced(words(key))


def _by_speaker(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """Split same-worded claims by who said them; unnamed speakers join the first named."""
    if len(claims) == 1:  # most wordings are one claim's
        names = _names(claims)
        return [(min(names) if names else "", claims)]
    parts: list[tuple[set[str], list[Claim]]] = []
    unnamed: list[Claim] = []
    for claim in claims:
        names = _names([claim])
        if not names:
            unnamed.append(claim)
            continue
        part = next((p for p in parts if p[0] & names), None)
        if part is None:
            parts.append((set(names), [claim]))
        else:
            part[0].update(names)
            part[1].append(claim)
    if not parts:
        return [("", claims)]
    order = {id(c): i for i, c in enumerate(claims)}
    parts[0][1].extend(unnamed)
    parts[0][1].sort(key=lambda c: order[id(c)])
    return [(min(names), members) for names, members in parts]


class _Groups:
    """Union-find over exact-key groups (by index) that refuses joins breaking the rules.

    A group's articles and speakers are worked out only when it is asked to join: most
    groups never are.
    """

    def __init__(self, members: list[list[Claim]], order: Sequence[int]) -> None:
        self.parent = list(range(len(members)))
        self.members = members
        self.rank = [0] * len(members)  # place in wording order: the least names a merged claim
        for place, index in enumerate(order):
            self.rank[index] = place
        self.least: dict[int, int] = {}
        self._articles: dict[int, set[str]] = {}
        self._speakers: dict[int, set[str]] = {}

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def articles(self, root: int) -> set[str]:
        found = self._articles.get(root)
        if found is None:
            found = self._articles[root] = {c.article_id for c in self.members[root]}
        return found

    def speakers(self, root: int) -> set[str]:
        found = self._speakers.get(root)
        if found is None:
            found = self._speakers[root] = _names(self.members[root])
        return found

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra == rb or self.articles(ra) & self.articles(rb):
            return  # two claims of one article are two claims, however alike
        named_a, named_b = self.speakers(ra), self.speakers(rb)
        if named_a and named_b and not named_a & named_b:
            return  # Miller and Ryder saying alike things are two claims
        if rb < ra:
            ra, rb = rb, ra  # the first-seen group stays the root: stable order
        self.parent[rb] = ra
        self.members[ra].extend(self.members[rb])
        self.members[rb] = []
        self._articles[ra] |= self._articles.pop(rb)
        self._speakers[ra] |= self._speakers.pop(rb)
        least_a, least_b = self.least.pop(ra, ra), self.least.pop(rb, rb)
        self.least[ra] = min(least_a, least_b, key=self.rank.__getitem__)

    def groups(self) -> list[tuple[int, list[Claim]]]:
        """(the group with the least wording in it, its claims) per group, first-seen first."""
        return [
            (self.least.get(i, i), self.members[i])
            for i in range(len(self.parent))
            if self.parent[i] == i
        ]


def _names(claims: Sequence[Claim]) -> set[str]:
    """The name words of these claims' named speakers: "Matthew Miller" and "Miller" share
    "miller", "Kim Jong-un" and "Kim" share "kim"; titles ("Ambassador") are not names."""
    names: set[str] = set()
    for claim in claims:
        speaker = claim.speaker
        if speaker is None:
            continue
        parts = speaker.name.split()
        if not parts or parts[0].lower() in UNNAMED_SPEAKER_WORDS:
            continue
        names.update(
            w.casefold() for w in parts if w[:1].isupper() and w.rstrip(".") not in _TITLES
        )
    return names


def _merged(key: str, members: list[Claim]) -> MergedClaim:
    """One merged claim from its reports: the strongest leads, the rest in first-seen order.

    `key` is the least of its exact-group keys (wording and speaker): unique to the
    merged claim, and the same whatever order the claims came in.
    """
    if len(members) == 1:  # most: one claim leads and fits
        ordered: tuple[Claim, ...] = (members[0],)
        fitted = members[0]
    else:
        lead = max(members, key=_lead_rank)
        ordered = (lead, *(c for c in members if c is not lead))
        # Each outlet's claim was classified in its own article's context; the merged claim
        # takes the topics of the claim that fits its best topic best (the lead on ties).
        fitted = max(ordered, key=lambda c: c.best_topic.score if c.best_topic else -1.0)
    topic = fitted.best_topic
    return MergedClaim(
        id=hashlib.sha1(key.encode()).hexdigest()[:12],
        claims=ordered,
        topic_id=topic.topic_id if topic else None,
        also_topics=tuple(m.topic_id for m in fitted.topics[1:]),
    )


def _lead_rank(claim: Claim) -> tuple[float, bool, bool, bool]:
    # `max` keeps the first of equals, so ties go to the first-seen claim. A quote cut
    # from a longer one ("And we will ...") reads worse on its own than its full form.
    speaker = claim.speaker
    whole = not _LEADING.match(claim.text.lower())
    return (_KIND_WEIGHT[claim.kind], speaker is not None, bool(speaker and speaker.role), whole)
