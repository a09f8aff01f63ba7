"""`digest explain --claim ID`: one claim, why it is filed where it is, and its story.

The claim is found by building the brief from the same inputs as `digest build`, so
what it shows (topics, the reports merged with it, its salience, the story it is part
of) is what the brief did with it. Every input is read whenever it was published, so a
claim outside the brief's time window can be explained too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .config.load import Config
from .model import Article, Brief, Claim, MergedClaim, Story, TopicMatch
from .pipeline import read_articles
from .process import process_all
from .reduce import brief_from
from .stories.dupes import syndicated_copies
from .stories.rank import Salience, salience


@dataclass(frozen=True)
class ClaimExplanation:
    """A claim with its article, its topic matches, and the story it is part of."""

    claim: Claim
    article: Article
    matches: tuple[TopicMatch, ...]
    unmatched: tuple[str, ...]
    merged: MergedClaim | None
    """The claim with the same claim of other outlets, as the brief has it."""
    story: Story | None
    filed_under: str | None
    outlets: tuple[str, ...]
    salience: Salience | None
    brief: Brief


def explain_claim(
    config: Config,
    claim_id: str,
    day: date,
    *,
    inputs: Sequence[str | Path] | None = None,
    published: date | None = None,
) -> ClaimExplanation | None:
    """Explain the claim whose id is (or uniquely starts with) `claim_id`; None if none is."""
    articles, skipped = read_articles(config, inputs, published)
    processed, failed = process_all(articles, config.topics)
    found = [
        (c, p.article)
        for p in processed
        for c in p.claims
        if c.id.startswith(claim_id) and claim_id
    ]
    if len(found) != 1:
        return None
    claim, article = found[0]
    brief = brief_from(config, day, processed, [*skipped, *failed])
    story, merged = _containing(brief, claim.id)
    by_id = {p.article.id: p.article for p in processed}
    parts = None
    outlets: tuple[str, ...] = ()
    if merged is not None:
        copies = syndicated_copies(by_id.values(), config.settings.merge.article_similarity)
        parts = salience(merged, by_id, issued=brief.issued, copies=copies)
        outlets = brief.independent(merged.article_ids)
    matched = {m.topic_id for m in claim.topics}
    return ClaimExplanation(
        claim=claim,
        article=article,
        matches=claim.topics,
        unmatched=tuple(t.id for t in config.topics if t.id not in matched),
        merged=merged,
        story=story,
        filed_under=story.topic_id if story is not None else None,
        outlets=outlets,
        salience=parts,
        brief=brief,
    )


def _containing(brief: Brief, claim_id: str) -> tuple[Story | None, MergedClaim | None]:
    """The story and merged claim of the brief that hold the claim of this id."""
    for story in brief.stories():
        for merged in story.claims:
            if any(c.id == claim_id for c in merged.claims):
                return story, merged
    return None, None


def format_explanation(found: ClaimExplanation) -> str:
    """The explanation as the lines `digest explain --claim` prints."""
    claim, article = found.claim, found.article
    speaker = claim.speaker
    who = "no speaker"
    if speaker is not None:
        who = speaker.name + (f", {speaker.role}" if speaker.role else "")
        who += f' ("{speaker.mention}" at {speaker.span.start}-{speaker.span.end})'
    lines = [
        f"claim {claim.id}: {claim.kind} in {article.id} ({article.source or 'unknown outlet'})",
        f"  {article.path}:{claim.span.start}-{claim.span.end}",
        f"  {claim.text}",
        f"  speaker: {who}" + (f"; cue {claim.cue!r}" if claim.cue else ""),
    ]
    if claim.dates:
        shown = ", ".join(f"{d.phrase!r} = {d.date.isoformat()}" for d in claim.dates)
        lines.append(f"  dates: {shown}")
    lines.append("topics:")
    for match in found.matches:
        mark = "  (filed here)" if match.topic_id == found.filed_under else ""
        lines.append(
            f"✓ {match.topic_id}: score {match.score:g}: {', '.join(match.matched_terms)}{mark}"
        )
    lines.extend(f"  {topic_id}: no match" for topic_id in found.unmatched)
    story, merged = found.story, found.merged
    if story is None or merged is None:
        lines.append("story: not in the brief (its topic's reporting is dropped by the config)")
        return "\n".join(lines)
    where = (
        found.brief.topic_titles.get(story.topic_id, "Other reporting")
        if story.topic_id
        else "Other reporting"
    )
    lines.append(
        f"story {story.id} under {where}: {story.headline} ({len(story.claims)} claim(s) "
        f"from {len(story.article_ids)} article(s), salience {story.salience:g}"
        + (f", {story.status}" if story.status else "")
        + ")"
    )
    others = [c for c in merged.claims if c.id != claim.id]
    lines.append(
        f"claim {merged.id}: reported by {len(merged.article_ids)} article(s), "
        f"independent sources: {', '.join(found.outlets)}"
    )
    lines.extend(f"  with {c.id} ({c.article_id}): {c.text}" for c in others)
    parts = found.salience
    if parts is not None:
        lines.append(
            f"salience {parts.total:g} = sources {parts.sources:g} + speaker {parts.speaker:g}"
            f" + kind {parts.kind:g} + recency {parts.recency:g} + topic fit {parts.fit:g}"
            + (f" + novelty {parts.novelty:g}" if parts.novelty else "")
        )
    return "\n".join(lines)
