"""brief.json read back into the `Brief` it was written from, for `digest send`.

`render.brief_to_dict` writes every field of the model; this is its inverse, so a brief
sent tomorrow from `out/<date>/brief.json` renders exactly as the build that wrote it
(`tests/test_deliver.py` checks the round trip). Zone names ("KST") are restored from
the `*_zone` fields, since an ISO time keeps only the offset.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import (
    BottomLine,
    Brief,
    BriefStats,
    Claim,
    DateRef,
    Fault,
    Section,
    Skipped,
    SourceRef,
    Span,
    Speaker,
    Story,
    StoryGroup,
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
    """The inverse of `render.brief_to_dict`."""
    stats = data["stats"]
    sections = tuple(_section(s) for s in data["sections"])
    return Brief(
        date=date.fromisoformat(data["date"]),
        title=data["title"],
        issued=_datetime(data["issued"], data.get("issued_zone")) or _missing("issued"),
        classification=data["classification"],
        bottom_line=tuple(
            BottomLine(b["topic_id"], b["topic_title"], _story(b["story"]))
            for b in data["bottom_line"]
        ),
        sections=sections,
        other=None if data["other"] is None else _section(data["other"]),
        timeline=tuple(_entry(e) for e in data["timeline"]),
        watch_list=tuple(_entry(e) for e in data["watch_list"]),
        sources=tuple(_source(s) for s in data["sources"]),
        stats=BriefStats(
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
        ),
        topic_titles=dict(data["topic_titles"]),
    )


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


def _story(data: dict[str, Any]) -> Story:
    return Story(
        id=data["id"],
        claims=tuple(_claim(c) for c in data["claims"]),
        topic_id=data["topic_id"],
        also_topics=tuple(data["also_topics"]),
        salience=data["salience"],
        new=data.get("new"),
    )


def _section(data: dict[str, Any]) -> Section:
    stories = tuple(_story(s) for s in data["stories"])
    by_id = {s.id: s for s in stories}
    groups = tuple(
        StoryGroup(g["label"], tuple(g["terms"]), tuple(by_id[i] for i in g["story_ids"]))
        for g in data["groups"]
    )
    return Section(data["topic_id"], data["title"], stories, groups)


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
