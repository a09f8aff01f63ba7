"""brief.json: the brief written as JSON, and read back into the `Brief` for `digest send`.

`brief_to_dict` writes every field of the model; `load_brief` is its inverse, so a brief
sent tomorrow from `out/<date>/brief.json` renders exactly as the build that wrote it
(`tests/test_deliver.py` checks the round trip). Zone names ("KST") are restored from
the `*_zone` fields, since an ISO time keeps only the offset.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date, datetime, timezone
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

from ..errors import InputError, RenderError
from ..model import (
    BottomLine,
    Brief,
    BriefLimits,
    BriefStats,
    Claim,
    DateRef,
    Fault,
    Item,
    MergedClaim,
    Section,
    Shown,
    Skipped,
    SourceRef,
    Span,
    Speaker,
    Story,
    Thread,
    TimelineEntry,
    TopicMatch,
)


def load_brief(path: Path) -> Brief:
    """The Brief in a brief.json written by `digest build`; InputError naming what is wrong."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: cannot read the brief: {exc}") from None
    try:
        return brief_from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(
            f"{path}: not a brief.json this digest can read ({type(exc).__name__}: {exc}); "
            "Hint: rebuild it with `digest build`"
        ) from None


def brief_from_dict(data: dict[str, Any]) -> Brief:
    """The inverse of `brief_to_dict`."""
    stats = data["stats"]
    sections = tuple(_section(s) for s in data["sections"])
    other = None if data["other"] is None else _section(data["other"])
    stories = {s.id: s for part in (*sections, *([other] if other else [])) for s in part.stories}
    claims = {m.id: m for s in stories.values() for m in s.claims}
    return Brief(
        date=date.fromisoformat(data["date"]),
        title=data["title"],
        issued=_datetime(data["issued"], data.get("issued_zone")) or _missing("issued"),
        classification=data["classification"],
        bottom_line=tuple(
            BottomLine(
                b["topic_id"], b["topic_title"], stories[b["story_id"]], _shown(b["claim"], claims)
            )
            for b in data["bottom_line"]
        ),
        sections=sections,
        other=other,
        timeline=tuple(_entry(e) for e in data["timeline"]),
        watch_list=tuple(_entry(e) for e in data["watch_list"]),
        sources=tuple(_source(s) for s in data["sources"]),
        stats=_stats(stats),
        topic_titles=dict(data["topic_titles"]),
        threads=tuple(Thread(t["id"], t["label"], tuple(t["story_ids"])) for t in data["threads"]),
        limits=BriefLimits(**data["limits"]),
        link=data["link"],
        cited=data["cited"],
    )


def _stats(stats: dict[str, Any]) -> BriefStats:
    return BriefStats(
        articles=stats["articles"],
        outlets=stats["outlets"],
        claims=stats["claims"],
        stories=stats["stories"],
        skipped=tuple(Skipped(s["path"], s["reason"]) for s in stats["skipped"]),
        outside_window=stats.get("outside_window", 0),
        duplicates=tuple(Skipped(s["path"], s["reason"]) for s in stats.get("duplicates", ())),
        faults=tuple(
            Fault(f["stage"], f["article_id"], f["claim_id"], f["error"])
            for f in stats.get("faults", ())
        ),
    )


def _shown(data: dict[str, Any] | None, claims: dict[str, MergedClaim]) -> Shown | None:
    return None if data is None else Shown(claims[data["claim_id"]], data["text"])


def _missing(key: str) -> datetime:
    raise ValueError(f"{key!r} is empty")


def _datetime(value: str | None, zone: str | None) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    offset = moment.utcoffset()
    if zone and offset is not None:
        moment = moment.replace(tzinfo=timezone(offset, zone))
    return moment


def _span(start: int, end: int) -> Span:
    return Span(int(start), int(end))


def _claim(data: dict[str, Any]) -> Claim:
    who = data["speaker"]
    cue_start, cue_end = data["cue_start"], data["cue_end"]
    return Claim(
        id=data["id"],
        article_id=data["article_id"],
        kind=data["kind"],
        text=data["text"],
        span=_span(data["start"], data["end"]),
        speaker=None
        if who is None
        else Speaker(who["name"], who["role"], who["mention"], _span(who["start"], who["end"])),
        cue=data["cue"],
        cue_span=None if cue_start is None else _span(cue_start, cue_end),
        when=None if data["when"] is None else date.fromisoformat(data["when"]),
        dates=tuple(
            DateRef(
                date.fromisoformat(d["date"]), d["phrase"], _span(d["start"], d["end"]), d["future"]
            )
            for d in data["dates"]
        ),
        topics=tuple(
            TopicMatch(t["topic_id"], t["score"], tuple(t["matched_terms"])) for t in data["topics"]
        ),
    )


def _merged(data: dict[str, Any]) -> MergedClaim:
    return MergedClaim(
        id=data["id"],
        claims=tuple(_claim(c) for c in data["claims"]),
        topic_id=data["topic_id"],
        also_topics=tuple(data["also_topics"]),
        salience=data["salience"],
        new=data.get("new"),
    )


def _story(data: dict[str, Any]) -> Story:
    return Story(
        id=data["id"],
        headline=data["headline"],
        summary=data["summary"],
        article_ids=tuple(data["article_ids"]),
        lead_article=data["lead_article"],
        outlets=tuple(data["outlets"]),
        first_published=_datetime(data["first_published"], data.get("first_published_zone")),
        last_published=_datetime(data["last_published"], data.get("last_published_zone")),
        claims=tuple(_merged(c) for c in data["claims"]),
        topic_id=data["topic_id"],
        also_topics=tuple(data["also_topics"]),
        salience=data["salience"],
        status=data["status"],
        thread_id=data["thread_id"],
    )


def _section(data: dict[str, Any]) -> Section:
    stories = tuple(_story(s) for s in data["stories"])
    by_id = {s.id: s for s in stories}
    claims = {m.id: m for s in stories for m in s.claims}
    items = tuple(
        Item(
            by_id[i["story_id"]],
            tuple(_shown(c, claims) for c in i["claims"]),  # type: ignore[misc]
            tuple(_shown(c, claims) for c in i["statements"]),  # type: ignore[misc]
        )
        for i in data["items"]
    )
    return Section(data["topic_id"], data["title"], stories, items)


def _entry(data: dict[str, Any]) -> TimelineEntry:
    return TimelineEntry(
        date.fromisoformat(data["when"]), data["text"], data["story_id"], tuple(data["article_ids"])
    )


def _source(data: dict[str, Any]) -> SourceRef:
    return SourceRef(
        number=data["number"],
        article_id=data["article_id"],
        outlet=data["outlet"],
        title=data["title"],
        url=data["url"],
        published=_datetime(data["published"], data.get("published_zone")),
        path=data["path"],
        copy_of=data["copy_of"],
        new=data.get("new"),
    )


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _zone_name(value: datetime | None) -> str | None:
    # The offset is in the ISO time; the zone's name ("KST") is kept for reading it back.
    return value.tzname() if value is not None else None


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """A claim as JSON-ready data: text, offsets, speaker, cue, dates and topics."""
    speaker = claim.speaker
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "kind": claim.kind,
        "text": claim.text,
        "start": claim.span.start,
        "end": claim.span.end,
        "speaker": None
        if speaker is None
        else {
            "name": speaker.name,
            "role": speaker.role,
            "mention": speaker.mention,
            "start": speaker.span.start,
            "end": speaker.span.end,
        },
        "cue": claim.cue,
        "cue_start": claim.cue_span.start if claim.cue_span else None,
        "cue_end": claim.cue_span.end if claim.cue_span else None,
        "when": _iso(claim.when),
        "dates": [
            {
                "date": d.date.isoformat(),
                "phrase": d.phrase,
                "start": d.span.start,
                "end": d.span.end,
                "future": d.future,
            }
            for d in claim.dates
        ],
        "topics": [
            {"topic_id": t.topic_id, "score": t.score, "matched_terms": list(t.matched_terms)}
            for t in claim.topics
        ],
    }


def _sourced(brief: Brief, article_ids: tuple[str, ...]) -> dict[str, Any]:
    return {
        "article_ids": list(article_ids),
        "sources": list(brief.cite(article_ids)),
        "independent_outlets": list(brief.independent(article_ids)),
        "syndicated_copies": list(brief.copies(article_ids)),
    }


def _merged_json(brief: Brief, merged: MergedClaim) -> dict[str, Any]:
    return {
        "id": merged.id,
        "topic_id": merged.topic_id,
        "also_topics": list(merged.also_topics),
        "salience": merged.salience,
        "new": merged.new,
        **_sourced(brief, merged.article_ids),
        "claims": [claim_to_dict(c) for c in merged.claims],
    }


def _story_json(brief: Brief, story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "headline": story.headline,
        "summary": story.summary,
        "lead_article": story.lead_article,
        "outlets": list(story.outlets),
        "first_published": _iso(story.first_published),
        "first_published_zone": _zone_name(story.first_published),
        "last_published": _iso(story.last_published),
        "last_published_zone": _zone_name(story.last_published),
        "topic_id": story.topic_id,
        "also_topics": list(story.also_topics),
        "salience": story.salience,
        "status": story.status,
        "thread_id": story.thread_id,
        **_sourced(brief, story.article_ids),
        "claims": [_merged_json(brief, m) for m in story.claims],
    }


def _shown_json(shown: Shown | None) -> dict[str, Any] | None:
    return None if shown is None else {"claim_id": shown.claim.id, "text": shown.text}


def _section_json(brief: Brief, section: Section, *, lazy: bool = False) -> dict[str, Any]:
    stories = (_story_json(brief, s) for s in section.stories)
    return {
        "topic_id": section.topic_id,
        "title": section.title,
        "stories": stories if lazy else list(stories),
        "items": [
            {
                "story_id": i.story.id,
                "claims": [_shown_json(c) for c in i.claims],
                "statements": [_shown_json(c) for c in i.statements],
            }
            for i in section.items
        ],
    }


def _entry_json(brief: Brief, entry: TimelineEntry) -> dict[str, Any]:
    return {
        "when": entry.when.isoformat(),
        "text": entry.text,
        "story_id": entry.story_id,
        "article_ids": list(entry.article_ids),
        "sources": list(brief.cite(entry.article_ids)),
    }


def _source_json(source: SourceRef) -> dict[str, Any]:
    return {
        "number": source.number,
        "article_id": source.article_id,
        "outlet": source.outlet,
        "title": source.title,
        "url": source.url,
        "published": _iso(source.published),
        "published_zone": _zone_name(source.published),
        "path": source.path,
        "copy_of": source.copy_of,
        "new": source.new,
    }


def brief_to_dict(brief: Brief, *, lazy: bool = False) -> dict[str, Any]:
    """The brief as plain JSON-ready data; `sources` fields are the cited source numbers.

    `lazy`: the long lists (stories, timeline, sources) are generators, made as a
    writer consumes them, so the whole tree is never in memory at once.
    """
    stats = brief.stats
    return {
        "date": brief.date.isoformat(),
        "title": brief.title,
        "issued": brief.issued.isoformat(),
        "issued_zone": _zone_name(brief.issued),
        "classification": brief.classification,
        "topic_titles": dict(brief.topic_titles),
        "stats": {
            "articles": stats.articles,
            "outlets": stats.outlets,
            "claims": stats.claims,
            "stories": stats.stories,
            "skipped": [{"path": s.path, "reason": s.reason} for s in stats.skipped],
            "outside_window": stats.outside_window,
            "duplicates": [{"path": s.path, "reason": s.reason} for s in stats.duplicates],
            "faults": [
                {
                    "stage": f.stage,
                    "article_id": f.article_id,
                    "claim_id": f.claim_id,
                    "story_id": f.story_id,
                    "error": f.error,
                }
                for f in stats.faults
            ],
        },
        "bottom_line": [
            {
                "topic_id": b.topic_id,
                "topic_title": b.topic_title,
                "story_id": b.story.id,
                "claim": _shown_json(b.claim),
            }
            for b in brief.bottom_line
        ],
        "sections": [_section_json(brief, s, lazy=lazy) for s in brief.sections],
        "other": None if brief.other is None else _section_json(brief, brief.other, lazy=lazy),
        "timeline": _listed((_entry_json(brief, e) for e in brief.timeline), lazy),
        "watch_list": _listed((_entry_json(brief, e) for e in brief.watch_list), lazy),
        "sources": _listed((_source_json(s) for s in brief.sources), lazy),
        "threads": [
            {"id": t.id, "label": t.label, "story_ids": list(t.story_ids)} for t in brief.threads
        ],
        "limits": asdict(brief.limits),
        "link": brief.link,
        "cited": brief.cited,
    }


def _listed(items: Iterator[dict[str, Any]], lazy: bool) -> Iterator[dict[str, Any]] | list[Any]:
    return items if lazy else list(items)


def render_json(brief: Brief) -> str:
    """The whole brief as deterministic JSON (sorted keys, ISO dates, final newline)."""
    return "".join(json_chunks(brief))


def _compact(value: Any) -> str:
    """`value` as JSON on one line (as `_encoder.encode` writes it)."""
    if _c_encode is None:
        return _encoder.encode(value)
    if isinstance(value, str):
        return str(encode_basestring(value))
    return "".join(_c_encode(value, 0))


def json_chunks(brief: Brief) -> Iterator[str]:
    """brief.json in pieces, made as they are written: memory stays flat however long."""
    try:
        yield from _json_value(brief_to_dict(brief, lazy=True), 0)
    except ValueError as exc:
        raise RenderError(f"brief.json: {exc}; Hint: a score or salience is NaN or inf") from exc
    yield "\n"


def _json_value(value: Any, depth: int, record: bool = False) -> Iterator[str]:
    if record or depth >= _JSON_DEPTH or not isinstance(value, dict | list | Iterator):
        yield _compact(value)
        return
    inner = "\n" + "  " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            yield "{}"
            return
        opening = "{"
        for key in sorted(value):
            yield f"{opening}{inner}{_compact(key)}: "
            yield from _json_value(value[key], depth + 1)
            opening = ","
        yield "\n" + "  " * depth + "}"
        return
    opening = "["
    records = isinstance(value, Iterator)
    for item in value:
        yield opening + inner
        yield from _json_value(item, depth + 1, records)
        opening = ","
    yield "[]" if opening == "[" else "\n" + "  " * depth + "]"


_JSON_DEPTH = 4
"""The items of the long lists (a story with its claims, a timeline entry, a source), and
containers nested this deep, are written on one line each: the file reads and diffs
like indented JSON, one record per line, and is written by the json module's C
encoder, which does not indent."""

_encoder = json.JSONEncoder(
    sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(", ", ": ")
)

# The C encoder that `encode` makes anew for every call, made once: the brief is written
# a record at a time, hundreds of thousands of calls. (No circular check: it is a tree.)
_c_encode = (
    c_make_encoder(None, _encoder.default, encode_basestring, None, ": ", ", ", True, False, False)
    if c_make_encoder is not None
    else None
)
