"""The same claim from several articles becomes one Story; stories are ranked.

Claims match when their wording is the same once typography is normalised (curly
or straight quotes, dashes, spacing, case, a leading "And"/"But"/"So"). Grouping is a
hash lookup, so the cost grows linearly with the number of claims.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping

from .model import Article, Claim, Story

_PUNCT = re.compile(r"[^\w\s]")
_LEADING = re.compile(r"^(?:and|but|so|or|now)\s+")
_KIND_WEIGHT = {"quote": 1.0, "partial": 0.7, "reported": 0.6, "statement": 0.2}


def claim_key(text: str) -> str:
    """A key equal for claims that differ only in typography."""
    folded = unicodedata.normalize("NFKC", text).lower()
    folded = _PUNCT.sub(" ", folded.replace("’", "'").replace("'", ""))
    folded = " ".join(folded.split())
    return _LEADING.sub("", folded)


def merge_claims(claims: Iterable[Claim], articles: Mapping[str, Article]) -> tuple[Story, ...]:
    """Group identical claims from several articles into stories, in first-seen order."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim_key(claim.text), []).append(claim)
    stories = []
    for key, members in groups.items():
        # Statements from the same article that repeat do not make a story stronger.
        lead = max(members, key=lambda c: (_KIND_WEIGHT[c.kind], c.speaker is not None))
        ordered = (lead, *(c for c in members if c is not lead))
        topic = lead.best_topic
        also = tuple(m.topic_id for m in lead.topics[1:])
        story_id = hashlib.sha1(key.encode()).hexdigest()[:12]
        stories.append(
            Story(
                id=story_id,
                claims=ordered,
                topic_id=topic.topic_id if topic else None,
                also_topics=also,
                salience=_salience(ordered, articles),
            )
        )
    return tuple(stories)


def _salience(claims: tuple[Claim, ...], articles: Mapping[str, Article]) -> float:
    """Independent sources first, then a named speaker, a direct quote, the topic fit.

    Recency breaks ties in `compose`, which knows the brief's date.
    """
    lead = claims[0]
    outlets = {articles[c.article_id].source or c.article_id for c in claims if c.article_id in articles}
    score = 1.0 * len(outlets)
    if lead.speaker is not None:
        score += 0.6 if lead.speaker.name[:1].isupper() else 0.3
    score += 0.5 * _KIND_WEIGHT[lead.kind]
    if lead.best_topic is not None:
        score += 0.5 * lead.best_topic.score
    return round(score, 6)
