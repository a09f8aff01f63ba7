"""Salience: how much a claim, and a story, matter today, as sums of parts a reader can check.

A merged claim (one thing said, with all the articles that report it):

- independent sources: 1 per outlet that reports it, a syndicated copy counted as
  its original's outlet (the same wire story on five sites is one source);
- speaker: a named speaker with a role (an official) over a named one, over an
  unnamed one ("a senior official"), over none;
- kind: a direct quote over a partial quote, over reported speech, over a statement;
- recency: the newest article reporting it, halving every 24 hours before the brief;
- topic fit: how directly the claim matched its topic (its own words over context);
- novelty: a claim every report of which was in an earlier brief loses one source's worth.
  That needs the claims earlier briefs carried: pass `seen_claim_keys` (keys from
  `merge.claim_key`) once state keeps them; without it, novelty is not scored.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import astuple, dataclass, replace
from datetime import datetime

from ..model import Article, Claim, MergedClaim
from .merge import UNNAMED_SPEAKER_WORDS, claim_key

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
    """The parts of a merged claim's salience; `total` orders claims."""

    sources: float
    speaker: float
    kind: float
    recency: float
    fit: float
    novelty: float = 0.0

    @property
    def total(self) -> float:
        """The sum of the parts, rounded so that float noise cannot reorder claims."""
        return _total(astuple(self))


def _total(parts: tuple[float, ...]) -> float:
    return round(sum(parts), 4)


def outlet_of(article: Article) -> str:
    """The outlet an article counts as (unknown outlets count as one)."""
    return article.source or "(unknown outlet)"


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
    claim: MergedClaim,
    articles: Mapping[str, Article],
    *,
    issued: datetime,
    copies: Mapping[str, str] | None = None,
    seen_claim_keys: Collection[str] | None = None,
) -> Salience:
    """The parts of one merged claim's salience for a brief issued at `issued`."""
    return Salience(*_Scorer(articles, issued, copies or {}, seen_claim_keys).parts(claim))


class _Scorer:
    """`salience` for many claims: what each article gives (the outlet it counts as, how
    recent it is) is worked out once, however many claims it reports."""

    def __init__(
        self,
        articles: Mapping[str, Article],
        issued: datetime,
        copies: Mapping[str, str],
        seen_claim_keys: Collection[str] | None,
    ) -> None:
        self.articles = articles
        self.issued = issued
        self.copies = copies
        self.seen = seen_claim_keys
        self._known: dict[str, tuple[str | None, datetime | None, float]] = {}

    def _article(self, article_id: str) -> tuple[str | None, datetime | None, float]:
        """(the outlet it counts as, a syndicated copy its original's; when it was
        published; how recent that is, 0 to 1); Nones and 0 for what was not read."""
        found = self._known.get(article_id)
        if found is None:
            article = self.articles.get(article_id)
            origin = self.articles.get(self.copies.get(article_id, article_id)) or article
            published = article.published if article is not None else None
            recency = 0.0
            if published is not None:
                hours = max(0.0, (self.issued - published).total_seconds() / 3600)
                recency = 0.5 ** (hours / HALF_LIFE_HOURS)
            found = self._known[article_id] = (
                outlet_of(origin) if origin is not None else None,
                published,
                recency,
            )
        return found

    def parts(self, merged: MergedClaim) -> tuple[float, float, float, float, float, float]:
        """The fields of the merged claim's `Salience`, in order."""
        lead = merged.lead
        known = [self._article(i) for i in merged.article_ids]
        sources = len({outlet for outlet, _, _ in known if outlet is not None})
        dated = [(published, recency) for _, published, recency in known if published]
        recency = max(dated)[1] if dated else 0.0  # the latest article's
        fit = max((c.topics[0].score for c in merged.claims if c.topics), default=0.0)
        novelty = 0.0
        if self.seen is not None and all(claim_key(c.text) in self.seen for c in merged.claims):
            novelty = SEEN_PENALTY
        return (
            SOURCE_WEIGHT * sources,
            SPEAKER_WEIGHT * speaker_weight(lead),
            KIND_WEIGHT * _KIND[lead.kind],
            round(RECENCY_WEIGHT * recency, 4),
            round(FIT_WEIGHT * fit, 4),
            novelty,
        )


def rank_claims(
    claims: Sequence[MergedClaim],
    articles: Mapping[str, Article],
    *,
    issued: datetime,
    copies: Mapping[str, str] | None = None,
    seen_claim_keys: Collection[str] | None = None,
) -> tuple[MergedClaim, ...]:
    """The merged claims with `salience` set, most salient first (ties: first seen first)."""
    scorer = _Scorer(articles, issued, copies or {}, seen_claim_keys)
    scored = [replace(claim, salience=_total(scorer.parts(claim))) for claim in claims]
    order = {claim.id: i for i, claim in enumerate(claims)}
    return tuple(sorted(scored, key=lambda c: (-c.salience, order[c.id])))
