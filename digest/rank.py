"""Salience: how much a story matters today, as a sum of parts a reader can check.

- independent sources: 1 per outlet that reports it, a syndicated copy counted as
  its original's outlet (the same wire story on five sites is one source);
- speaker: a named speaker with a role (an official) over a named one, over an
  unnamed one ("a senior official"), over none;
- kind: a direct quote over a partial quote, over reported speech, over a statement;
- recency: the newest article reporting it, halving every 24 hours before the brief;
- topic fit: how directly the claim matched its topic (its own words over context);
- novelty: a story whose every claim was in an earlier brief loses one source's worth.
  That needs the claims earlier briefs carried: pass `seen_claim_keys` (keys from
  `merge.claim_key`) once state keeps them; without it, novelty is not scored.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from .merge import UNNAMED_SPEAKER_WORDS, claim_key
from .model import Article, Claim, Story

SOURCE_WEIGHT = 1.0
SPEAKER_WEIGHT = 0.6
KIND_WEIGHT = 0.5
RECENCY_WEIGHT = 0.5
FIT_WEIGHT = 0.25
SEEN_PENALTY = -1.0
HALF_LIFE_HOURS = 24.0

_KIND = {"quote": 1.0, "partial": 0.7, "reported": 0.5, "statement": 0.2}


@dataclass(frozen=True)
class Salience:
    """The parts of a story's salience; `total` orders stories."""

    sources: float
    speaker: float
    kind: float
    recency: float
    fit: float
    novelty: float = 0.0

    @property
    def total(self) -> float:
        """The sum of the parts, rounded so that float noise cannot reorder stories."""
        parts = (self.sources, self.speaker, self.kind, self.recency, self.fit, self.novelty)
        return round(sum(parts), 4)


def outlet_of(article: Article) -> str:
    """The outlet an article counts as (unknown outlets count as one)."""
    return article.source or "(unknown outlet)"


def independent_outlets(
    article_ids: Sequence[str], articles: Mapping[str, Article], copies: Mapping[str, str]
) -> tuple[str, ...]:
    """Distinct outlets of these articles, each syndicated copy counted as its original."""
    outlets: dict[str, None] = {}
    for article_id in article_ids:
        origin = articles.get(copies.get(article_id, article_id)) or articles.get(article_id)
        if origin is not None:
            outlets[outlet_of(origin)] = None
    return tuple(outlets)


def speaker_weight(claim: Claim) -> float:
    """1 for a named speaker with a role, 0.7 named, 0.3 described ("an official"), 0 none."""
    speaker = claim.speaker
    if speaker is None:
        return 0.0
    first = speaker.name.split()[0] if speaker.name.split() else ""
    if not first[:1].isupper() or first.lower() in UNNAMED_SPEAKER_WORDS:
        return 0.3
    return 1.0 if speaker.role else 0.7


def salience(
    story: Story,
    articles: Mapping[str, Article],
    *,
    issued: datetime,
    copies: Mapping[str, str] | None = None,
    seen_claim_keys: Collection[str] | None = None,
) -> Salience:
    """The parts of one story's salience for a brief issued at `issued`."""
    lead = story.lead
    sources = len(independent_outlets(story.article_ids, articles, copies or {}))
    latest = max(
        (a.published for a in (articles.get(i) for i in story.article_ids) if a and a.published),
        default=None,
    )
    recency = 0.0
    if latest is not None:
        hours = max(0.0, (issued - latest).total_seconds() / 3600)
        recency = 0.5 ** (hours / HALF_LIFE_HOURS)
    fit = max((c.best_topic.score for c in story.claims if c.best_topic), default=0.0)
    novelty = 0.0
    if seen_claim_keys is not None and all(
        claim_key(c.text) in seen_claim_keys for c in story.claims
    ):
        novelty = SEEN_PENALTY
    return Salience(
        sources=SOURCE_WEIGHT * sources,
        speaker=SPEAKER_WEIGHT * speaker_weight(lead),
        kind=KIND_WEIGHT * _KIND[lead.kind],
        recency=round(RECENCY_WEIGHT * recency, 4),
        fit=round(FIT_WEIGHT * fit, 4),
        novelty=novelty,
    )


def rank_stories(
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    *,
    issued: datetime,
    copies: Mapping[str, str] | None = None,
    seen_claim_keys: Collection[str] | None = None,
) -> tuple[Story, ...]:
    """The stories with `salience` set, most salient first (ties: first seen first)."""
    scored = [
        replace(
            story,
            salience=salience(
                story, articles, issued=issued, copies=copies, seen_claim_keys=seen_claim_keys
            ).total,
        )
        for story in stories
    ]
    order = {story.id: i for i, story in enumerate(stories)}
    return tuple(sorted(scored, key=lambda s: (-s.salience, order[s.id])))
