"""The timeline and the watch list: every dated event the claims mention, in date order.

A date is an event of the claim whose words contain it ("the waivers that the secretary
signed on Friday"), and the entry says what happened on it: the clause around the date,
not the whole claim. Each date phrase of an article counts once, for the claim it
belongs to, though every claim of its sentence carries it.

Entries of one story (one event) on one date merge, citing every article that gives the
date. Events after the brief's date go to the watch list; the rest to the timeline. A
date by the cue ("said Monday") dates a remark, not an event: it is in neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from ..model import Article, Claim, DateRef, Span, Story, TimelineEntry

MAX_WORDS = 30
_CUE_GAP = 30
# Clause ends: punctuation, dashes, and a sentence end (not "U.S. Congress", "Sept. 1").
_HARD = re.compile(r"[,;:()\[\]]\s|\s[-–—]+\s|[–—]|(?<=[a-z]{2})[.!?]\s(?!\d)")
_SOFT = re.compile(
    r"\b(that|which|who|whom|where|when|while|whereas|because|although|though|but)\b", re.I
)
_RELATIVE = {"that", "which", "who", "whom"}
# A clause around a date needs this many words besides the date to be shown alone.
_MIN_CLAUSE_WORDS = 4
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you)\b", re.I)
_DISCOURSE = re.compile(r"^(?:so|and|but|now|then|also|meanwhile|however)\b[\s,]*", re.I)


def timeline_and_watch(
    stories: Sequence[Story], articles: Mapping[str, Article], day: date
) -> tuple[tuple[TimelineEntry, ...], tuple[TimelineEntry, ...]]:
    """Events up to the brief's date for the timeline, events after it for the watch
    list; both in date order, stories of one date in the order of `stories` (the most
    salient first). An entry is one event: a story's mentions of one date, merged."""
    dated = [
        (story, merged, claim)
        for story in stories
        for merged in story.claims
        for claim in merged.claims
        if claim.dates
    ]
    owners = _owners(claim for _story, _merged, claim in dated)
    # (ahead, date, story) -> texts and the articles that give the date
    merged_entries: dict[tuple[bool, date, str], tuple[list[str], list[str]]] = {}
    for story, merged, claim in dated:
        article = articles.get(claim.article_id)
        if article is None:
            continue
        for ref in claim.dates:
            if owners.get((claim.article_id, ref.span.start, ref.span.end)) != claim.id:
                continue
            if _by_cue(claim, ref.span):
                continue  # "said Monday" dates a remark, not an event
            key = (ref.date > day, ref.date, story.id)
            texts, ids = merged_entries.setdefault(key, ([], []))
            # The same claim from several outlets is told once, in its lead's words, and
            # every outlet that gives the date cited.
            if claim is merged.lead and len(texts) < ENTRY_TEXTS:
                text = _event_text(claim, ref, article)
                if text not in texts:
                    texts.append(text)
            if claim.article_id not in ids:
                ids.append(claim.article_id)
    order = {s.id: i for i, s in enumerate(stories)}
    past: list[TimelineEntry] = []
    ahead: list[TimelineEntry] = []
    for (is_ahead, when, story_id), (texts, ids) in sorted(
        merged_entries.items(), key=lambda item: (item[0][1], order[item[0][2]])
    ):
        if texts:
            entry = TimelineEntry(when, "; ".join(texts), story_id, tuple(ids))
            (ahead if is_ahead else past).append(entry)
    return tuple(past), tuple(ahead)


ENTRY_TEXTS = 2
"""An event's entry tells it in at most this many claims' words."""


def _owners(claims: Iterable[Claim]) -> dict[tuple[str, int, int], str]:
    """Which claim each date phrase (article, start, end) of each article belongs to.

    The claim whose words contain it; else the claim whose cue it is next to; else the
    nearest claim that carries it (a date elsewhere in its sentence).
    """
    best: dict[tuple[str, int, int], tuple[int, int, str]] = {}
    for claim in claims:
        for ref in claim.dates:
            tier = 2
            if _by_cue(claim, ref.span):
                tier = 1
            elif _inside(claim.span, ref.span):
                tier = 0
            key = (claim.article_id, ref.span.start, ref.span.end)
            candidate = (tier, _distance(claim.span, ref.span), claim.id)
            found = best.get(key)
            if found is None or candidate < found:
                best[key] = candidate
    return {key: value[2] for key, value in best.items()}


def _inside(outer: Span, inner: Span) -> bool:
    return outer.start <= inner.start < outer.end


def _distance(a: Span, b: Span) -> int:
    return max(0, b.start - a.end, a.start - b.end)


def _by_cue(claim: Claim, span: Span) -> bool:
    """A date that dates the remark: "said Monday", "told reporters on Monday".

    Inside the claim's span (a quotation in two parts around its cue) only a date
    right after the cue counts; a date before it is part of what was said.
    """
    cue = claim.cue_span
    if cue is None:
        return False
    if _inside(claim.span, span):
        return _inside(claim.span, cue) and 0 <= span.start - cue.end <= _CUE_GAP
    return _distance(cue, span) <= _CUE_GAP


def _event_text(claim: Claim, ref: DateRef, article: Article) -> str:
    if _inside(claim.span, ref.span) and not _by_cue(claim, ref.span):
        clause, cut = _clause(article.text, claim.span, ref.span)
        dated = _squash(ref.span.of(article.text))
        if len(clause.split()) - len(dated.split()) >= _MIN_CLAUSE_WORDS:
            return _attributed(claim, clause, cut)
        # "..., customs data showed Monday": a clause too short to stand alone dates
        # the whole sentence.
        shown = _shorten(_squash(claim.text))
        return _attributed(claim, shown.strip("… "), (shown.startswith("…"), shown.endswith("…")))
    return _attributed(claim, _shorten(claim.text), (False, False))


def _attributed(claim: Claim, text: str, cut: tuple[bool, bool]) -> str:
    """Who said it, then what; a quotation keeps its marks, and "…" where it was cut."""
    text = ("…" if cut[0] else "") + text + ("…" if cut[1] else "")
    if claim.kind == "quote":
        text = f"“{text}”"
    elif claim.kind == "statement":
        text = text[:1].upper() + text[1:]
    return f"{claim.speaker.name}: {text}" if claim.speaker else text


def _clause(text: str, span: Span, phrase: Span) -> tuple[str, tuple[bool, bool]]:
    """The clause of `text[span]` around the date phrase, and whether words were cut
    before and after it."""
    region = text[span.start : span.end]
    at, end = phrase.start - span.start, phrase.end - span.start
    hard_start = max((m.end() for m in _HARD.finditer(region, 0, at)), default=0)
    hard_end = min((m.start() for m in _HARD.finditer(region, end)), default=len(region))
    cuts = [
        m.start() for m in _SOFT.finditer(region, hard_start, hard_end) if m.start() > hard_start
    ]
    before = [c for c in cuts if c <= at]
    start = before[-1] if before else hard_start
    stop = min((c for c in cuts if c >= end), default=hard_end)
    clause = region[start:stop]
    first = start
    opener = _SOFT.match(clause)
    if opener and opener.group(1).lower() in _RELATIVE:
        # "that were notified to Congress yesterday": what was, is named before the
        # first relative pronoun of the chain ("the waivers that ... that ...").
        if before:
            link = len(before) - 1
            while link > 0 and _relative(region, before[link - 1]):
                link -= 1
            first = before[link - 1] if link > 0 else hard_start
            named = before[link]
        else:
            # The pronoun opens the clause right after a comma ("the new requirement,
            # which will be set ..."): what it stands for is the clause before the comma.
            named = hard_start
            first = max(
                (m.end() for m in _HARD.finditer(region, 0, at) if m.end() < hard_start),
                default=0,
            )
        head = _DISCOURSE.sub("", _squash(region[first:named]))
        connective = _SOFT.match(head)
        if connective:
            head = head[connective.end() :].strip()
        gap = " … " if named != start else " "  # a skipped clause is marked
        clause = f"{' '.join(head.split()[-6:])}{gap}{clause}" if head else clause[opener.end() :]
    elif opener:
        rest = clause[opener.end() :].strip()
        # "where he is expected to ...": "he" means nothing without the clause before.
        if _PRONOUN.match(rest):
            first = before[-2] if len(before) > 1 else hard_start
            clause = region[first:stop]
        else:
            clause = rest
    shown = _shorten(_DISCOURSE.sub("", _squash(clause)), around=_squash(phrase.of(text)))
    cut_before = bool(_DISCOURSE.sub("", _squash(region[:first]))) or shown.startswith("…")
    cut_after = bool(_squash(region[stop:])) or shown.endswith("…")
    return shown.strip("… "), (cut_before, cut_after)


def _relative(region: str, at: int) -> bool:
    match = _SOFT.match(region, at)
    return bool(match and match.group(1).lower() in _RELATIVE)


def _squash(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:.")


def _shorten(text: str, around: str | None = None) -> str:
    """At most MAX_WORDS words, kept around the date phrase when there is one."""
    words = text.split()
    if len(words) <= MAX_WORDS:
        return " ".join(words)
    first = 0
    at = text.find(around) if around else -1
    if at >= 0:
        hit = len(text[:at].split())
        first = max(0, min(hit - MAX_WORDS // 2, len(words) - MAX_WORDS))
    kept = " ".join(words[first : first + MAX_WORDS])
    return ("… " if first else "") + kept + (" …" if first + MAX_WORDS < len(words) else "")
