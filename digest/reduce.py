"""The reduce step: the whole day's claims into the brief.

Syndicated copies are found, the same claim from several outlets merged and ranked, the
articles grouped into stories (events) and threads, each story given its claims, topics
and salience (and, with a state file, its continuity with earlier briefs' stories), and
the brief composed. A claim that makes a step raise is left out and listed
(`faults.FaultLog`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from .compose.brief import compose_brief
from .config.load import Config
from .faults import FaultLog
from .model import Article, Brief, Claim, MergedClaim, Skipped
from .process import Processed
from .progress import timed
from .state import EarlierStory, Seen
from .stories.build import Built, build_stories
from .stories.continuity import continuity, story_words
from .stories.dupes import syndicated_copies
from .stories.events import group_articles, salient_order
from .stories.merge import claim_key, merge_claims
from .stories.rank import rank_claims


@dataclass(frozen=True)
class Memory:
    """What earlier briefs carried, for telling what is new: claims and articles by key
    (`state.Seen`) and the stories of the last days (`state.EarlierStory`)."""

    seen: Seen
    stories: tuple[EarlierStory, ...]


@dataclass(frozen=True)
class Day:
    """The reduce step's brief and, per story of the brief, the words that say what it is
    about (what the state file keeps, so a later brief can tell it goes on)."""

    brief: Brief
    words: dict[str, frozenset[str]]


def syndicated(config: Config, processed: Sequence[Processed]) -> dict[str, str]:
    """Each syndicated copy's article id, mapped to the id of the article it copies."""
    with timed("syndicated copies"):
        shingled = {p.article.id: p.shingles for p in processed if p.shingles is not None}
        articles = (p.article for p in processed)
        return syndicated_copies(articles, config.settings.merge.article_similarity, shingled)


def brief_articles(brief: Brief) -> list[str]:
    """The ids of the articles a brief lists as its sources."""
    return [source.article_id for source in brief.sources]


def brief_from(
    config: Config,
    day: date,
    processed: Sequence[Processed],
    skipped: Sequence[Skipped],
    *,
    memory: Memory | None = None,
    copies: Mapping[str, str] | None = None,
    faults: FaultLog | None = None,
) -> Brief:
    """The reduce step: the brief of `day` from the processed articles (`day_from`)."""
    return day_from(
        config, day, processed, skipped, memory=memory, copies=copies, faults=faults
    ).brief


def day_from(
    config: Config,
    day: date,
    processed: Sequence[Processed],
    skipped: Sequence[Skipped],
    *,
    memory: Memory | None = None,
    copies: Mapping[str, str] | None = None,
    faults: FaultLog | None = None,
) -> Day:
    """The reduce step: group articles into stories, merge and rank claims, compose.

    With `memory` (what earlier briefs carried), a claim or story no earlier brief had is
    marked new, a story that goes on with an earlier one keeps its id and is developing,
    and one made only of old articles is seen. `copies`: the articles' `syndicated`
    copies, if already found. A claim that makes a step raise is left out and recorded in
    `faults` (`faults.FaultLog`), and in the brief's problems.
    """
    articles = [p.article for p in processed]
    by_id = {a.id: a for a in articles}
    if copies is None:
        copies = syndicated(config, processed)
    faults = faults if faults is not None else FaultLog(strict=config.settings.strict)
    with timed(f"grouped {len(articles):,} articles into stories"):
        grouping = group_articles(articles)
    words: list[frozenset[str]] = []  # what each story is about, to compare with earlier ones
    status = None
    if memory is not None:
        words = [story_words([articles[i] for i in e.articles]) for e in grouping.events]
        order = salient_order(grouping, articles)
        status = continuity(
            grouping.events, words, articles, memory.stories, memory.seen.article_ids, order
        )
    claims = [c for p in processed for c in p.claims]
    keys = [k for p in processed for k in p.claim_keys()]
    seen = memory.seen if memory is not None else None

    def reduce(kept: Sequence[Claim]) -> Brief:
        # `kept` is all the claims, or those left once the faulty are out (`FaultLog.isolate`)
        kept_keys = keys if kept is claims else _keys_of(kept, claims, keys)
        merged = _merged(config, day, kept, kept_keys, by_id, copies, seen)
        with timed("built stories"):
            built = build_stories(
                articles,
                grouping,
                merged,
                issued=config.brief.issued_at(day),
                copies=copies,
                status=status,
            )
        with timed("composed the brief"):
            return compose(config, day, built, by_id, copies, skipped)

    brief = faults.isolate(claims, reduce)
    if seen is not None:
        sources = tuple(replace(s, new=s.article_id not in seen.article_ids) for s in brief.sources)
        brief = replace(brief, sources=sources)
    brief = replace(brief, stats=replace(brief.stats, faults=tuple(faults.faults)))
    in_brief = {s.id for s in brief.stories()}
    about: dict[str, frozenset[str]] = {}
    for number, event in enumerate(grouping.events):
        story_id = status[event.id][0] if status else event.id
        if story_id in in_brief:
            members = [articles[i] for i in event.articles]
            about[story_id] = words[number] if words else story_words(members)
    return Day(brief, about)


def _keys_of(kept: Sequence[Claim], claims: Sequence[Claim], keys: Sequence[str]) -> list[str]:
    """The keys of the `kept` claims, `keys` being those of `claims`."""
    key_of = {id(c): k for c, k in zip(claims, keys, strict=True)}
    return [key_of[id(c)] for c in kept]


def _merged(
    config: Config,
    day: date,
    claims: Sequence[Claim],
    keys: Sequence[str],
    by_id: Mapping[str, Article],
    copies: Mapping[str, str],
    seen: Seen | None,
) -> tuple[MergedClaim, ...]:
    """`claims` (each with its `merge.claim_key`) merged, ranked, and marked new or not."""
    with timed("merged claims"):
        merged = merge_claims(claims, similarity=config.settings.merge.claim_similarity, keys=keys)
    with timed("ranked claims"):
        merged = rank_claims(
            merged,
            by_id,
            issued=config.brief.issued_at(day),
            copies=copies,
            seen_claim_keys=seen.claim_keys if seen is not None else None,
        )
    if seen is None:
        return merged
    return tuple(
        replace(m, new=any(claim_key(c.text) not in seen.claim_keys for c in m.claims))
        for m in merged
    )


def compose(
    config: Config,
    day: date,
    built: Built,
    articles: Mapping[str, Article],
    copies: Mapping[str, str],
    skipped: Sequence[Skipped] = (),
) -> Brief:
    """`compose.compose_brief` with the config's brief and delivery settings."""
    settings = config.brief
    url = config.settings.delivery.brief_url
    return compose_brief(
        day=day,
        title=settings.title,
        issued=settings.issued_at(day),
        classification=settings.classification,
        topics=config.topics,
        stories=built.stories,
        threads=built.threads,
        articles=articles,
        skipped=skipped,
        show_other=settings.other_reporting == "show",
        copies=copies,
        limits=settings.limits,
        link=url.replace("{date}", day.isoformat()) if url else None,
    )
