"""Emerging reporting: stories that match no topic, grouped by the names and terms they share.

Each story is described by features: names (runs of capitalised words, "Jeju Island")
and content words ("rain", "exports"), from its claim and its article's title (a claim
is often too short to name its subject). A feature of more than half of the stories
tells them apart from nothing and is dropped. Stories whose features overlap by at
least `GROUP_SIMILARITY` (Jaccard) are joined, transitively; the pairs come from MinHash
LSH (`dupes.similar_pairs`), so no two stories are compared unless they share a band.
Stories of the very same features are joined without being compared, and a band shared
by more than `GROUP_CROWD` stories compares each with its first `GROUP_CROWD` only: many
copies of one story do not cost the square of their number.
The `max_groups` largest groups are kept; what is left ends in one last group, "Everything else".

A group's label is the features most of its stories share, names and rarer words
first, so the reader sees what the group is about.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Article, Story, StoryGroup
from .dupes import similar_pairs

LABEL_TERMS = 3
GROUP_SIMILARITY = 0.2
"""Jaccard overlap of two stories' features above which they are in one group."""
GROUP_LIMIT = 2000
"""At most this many stories, the first given (the most salient), are compared for groups;
the rest go to "Everything else". At so low a similarity most stories that share a common
word are candidates for each other, so comparing costs about the square of their number:
seconds for two thousand stories, hours for the fifty thousand of a 20,000-article day."""
GROUP_CROWD = 500
"""A band's bucket of more stories than this compares each with its first `GROUP_CROWD`
only (`minhash.similar`). At so low a similarity a bucket is every story that shares a
common word, up to a few hundred in an ordinary day, not copies of one story: only
larger buckets are capped, so that `GROUP_LIMIT` near-identical stories are not all
compared with each other in every band (2 million pairs a band)."""
_NAME_WEIGHT = 1.5
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+|de\s+)?[A-Z][\w’'-]*)*")
_WORD = re.compile(r"[a-z][a-z'’-]{3,}")


def _wordset(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list, as a set."""
    return frozenset(text.split())


# Words that name nothing a reader would group by.
_STOP = _wordset(
    """
    about above according across after again against also although among another around
    because been before being between both came come could does doing down during each
    even ever every first from further have having here however into itself just last
    later least less like made make many more most much must never next none only other
    others over same said says saying should since some still such than that their them
    then there these they this those though through told under until very want were what
    when where whether which while will with within without would year years today week
    weeks month months time times official officials people percent expected added news
    report reported reports including told statement according government monday tuesday
    wednesday thursday friday saturday sunday january february march april june july
    august september october november december
    """
)
_STOP_NAMES = _wordset(
    """
    The A An He She It They We I In On At As But And So This That These Those There Its
    His Her Their Our Mr Mrs Ms Dr If When While After Before For With From By Of To
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December
    """
)


# Words of a longer name that name nothing on their own.
_GENERIC_NAME_WORDS = _wordset(
    """
    North South East West Northern Southern Eastern Western New Great United Republic
    People's National International Central Federal State Ministry Department Office
    Agency Service Council Committee Party Bank Company Corp Group University Institute
    President Minister Prime Secretary General Chairman Leader Ambassador Spokesman
    """
)


@dataclass(frozen=True)
class _Features:
    """A story's features (case-folded names and words), the names among them as
    written, and which features its claim says itself rather than its article's title."""

    keys: frozenset[str]
    names: dict[str, str]
    said: frozenset[str]


def group_stories(
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    *,
    max_groups: int = 5,
    similarity: float = GROUP_SIMILARITY,
    limit: int = GROUP_LIMIT,
) -> tuple[StoryGroup, ...]:
    """Labelled groups of `stories` (in their given order inside each), largest first.

    Returns no groups when no two stories are alike: they then stand as one list. Only
    the first `limit` stories are grouped; those after them end in "Everything else".
    """
    stories, beyond = stories[:limit], stories[limit:]
    features = [_features(s, articles) for s in stories]
    names: dict[str, str] = {}
    for found in features:
        for key, shown in found.names.items():
            names.setdefault(key, shown)
    counts = Counter(key for found in features for key in found.keys)
    # A feature of most stories tells them apart from nothing.
    common = len(stories) / 2 if len(stories) >= 4 else len(stories)
    weight = {
        k: (_NAME_WEIGHT if k in names else 1.0) * math.log(1 + len(stories) / n)
        for k, n in counts.items()
        if n <= common
    }
    parent = list(range(len(stories)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: int, b: int) -> None:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)

    # Stories of the same features (one story told by many outlets in words that did
    # not merge) are one group outright, and only the first of them is compared.
    first: dict[frozenset[str], int] = {}
    sets: dict[str, frozenset[str]] = {}
    for i, found in enumerate(features):
        telling = frozenset(k for k in found.keys if k in weight)
        if telling and telling in first:
            join(first[telling], i)
            continue
        first.setdefault(telling, i)
        sets[f"{i:08d}"] = telling
    del first
    for a, b, _score in similar_pairs(sets, similarity, crowd=GROUP_CROWD, anchors=GROUP_CROWD):
        join(int(a), int(b))
    members: dict[int, list[int]] = {}
    for i in range(len(stories)):
        members.setdefault(root(i), []).append(i)
    clusters = sorted((m for m in members.values() if len(m) > 1), key=lambda m: (-len(m), m[0]))
    groups = []
    for cluster in clusters[:max_groups]:
        terms = tuple(names.get(t, t) for t in _label_terms([features[i] for i in cluster], weight))
        label = " · ".join(terms) or "Related reports"
        groups.append(StoryGroup(label, terms, tuple(stories[i] for i in cluster)))
    kept = {i for cluster in clusters[:max_groups] for i in cluster}
    rest = [stories[i] for i in range(len(stories)) if i not in kept]
    if groups and (rest or beyond):
        groups.append(StoryGroup("Everything else", (), (*rest, *beyond)))
    return tuple(groups)


def _scores(
    found: Sequence[_Features], weight: Mapping[str, float]
) -> dict[str, tuple[int, float]]:
    """Per feature: how many of these stories have it, and how well it describes them.

    Rare features and names weigh more (`weight`), and a feature a claim says itself
    counts half again as much as one only its article's title gives.
    """
    having: Counter[str] = Counter()
    saying: Counter[str] = Counter()
    for f in found:
        having.update(k for k in f.keys if k in weight)
        saying.update(k for k in f.said if k in weight)
    return {k: (n, (n + 0.5 * saying[k]) * weight[k]) for k, n in having.items()}


def _label_terms(found: Sequence[_Features], weight: Mapping[str, float]) -> list[str]:
    """The features most of the group's stories share (else the strongest there are),
    strongest first; a word inside a chosen name ("Jeju" of "Jeju Island") is not repeated."""
    scores = _scores(found, weight)
    half = max(2, (len(found) + 1) // 2)
    shared = [k for k in scores if scores[k][0] >= half] or list(scores)
    ranked = sorted(shared, key=lambda k: (-scores[k][1], k))
    chosen: list[str] = []
    for key in ranked:
        words = set(key.split())
        if any(words <= set(c.split()) or set(c.split()) <= words for c in chosen):
            continue
        chosen.append(key)
        if len(chosen) == LABEL_TERMS:
            break
    return chosen


def _features(story: Story, articles: Mapping[str, Article]) -> _Features:
    """Names and words from the claim, its speaker and its article's title.

    A title in headline case capitalises every word, so it then gives words only; a
    title word that is a name elsewhere (Jeju) still matches it: keys are case-folded.
    """
    lead = story.lead
    texts = [lead.text] + ([lead.speaker.name] if lead.speaker else [])
    article = articles.get(lead.article_id)
    title = article.title if article is not None else ""
    names: dict[str, str] = {}
    for text in [*texts, *([title] if title and not _headline_case(title) else [])]:
        for match in _CAPITALISED.finditer(text):
            name = _name(match.group())
            if not name or (" " not in name and _starts_sentence(text, match.start())):
                continue  # "Rain will be heaviest": capitalised as the first word only
            names.setdefault(name.casefold(), name)
            parts = name.split()
            # "Jeju Island" and "Jeju International Airport" are both about Jeju.
            for part in parts if len(parts) > 1 else ():
                if len(part) >= 3 and part not in _GENERIC_NAME_WORDS:
                    names.setdefault(part.casefold(), part)
    in_names = {w for n in names for w in n.split()}
    said = set(names)
    for text in texts:
        said.update(w for w in _words(text) if w not in in_names or w in names)
    return _Features(frozenset(said | set(_words(title))), names, frozenset(said))


def _starts_sentence(text: str, at: int) -> bool:
    return text[:at].rstrip(" \"“‘'(")[-1:] in ("", ".", "!", "?", ":")


def _headline_case(title: str) -> bool:
    """True for "Heavy Rain Forecast For Jeju", where capitals mark no names."""
    words = [w for w in title.split() if w[:1].isalpha()]
    return sum(w[:1].isupper() for w in words) > len(words) / 2


def _words(text: str) -> list[str]:
    """Content words, case-folded, possessives off, plurals folded ("exports": "export")."""
    found = []
    for raw in _WORD.findall(text.lower()):
        word = _singular(re.sub(r"'s?$", "", raw.replace("’", "'")).strip("'-"))
        if len(word) >= 4 and word not in _STOP:
            found.append(word)
    return found


def _name(run: str) -> str:
    """A capitalised run as a name: function words and possessives off the ends."""
    words = run.replace("’", "'").split()
    while words and words[0] in _STOP_NAMES:
        words.pop(0)
    while words and words[-1] in _STOP_NAMES:
        words.pop()
    if words:
        words[-1] = re.sub(r"'s?$", "", words[-1])
    name = " ".join(words)
    return name if len(name) >= 2 else ""


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
