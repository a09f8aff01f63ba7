"""The day's stories listed for `digest stories`: one line or one JSON record each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Article
from ..wording import plural
from .events import Grouping, salient_order


def story_lines(grouping: Grouping, articles: Sequence[Article]) -> list[str]:
    """`headline — N articles, M outlets [thread label]`, the most salient story first."""
    lines = []
    for index in salient_order(grouping, articles):
        event = grouping.events[index]
        outlets = {articles[i].source for i in event.articles if articles[i].source}
        label = grouping.threads[event.thread].label
        lines.append(
            f"{event.headline} — {plural(len(event.articles), 'article')}, "
            f"{plural(len(outlets), 'outlet')} [{label}]"
        )
    return lines


def story_records(grouping: Grouping, articles: Sequence[Article]) -> list[dict[str, Any]]:
    """`{"id", "headline", "articles", "thread", "thread_label"}` per story, the most
    salient first: `articles` are article ids, `thread` the thread's id."""
    records = []
    for index in salient_order(grouping, articles):
        event = grouping.events[index]
        thread = grouping.threads[event.thread]
        records.append(
            {
                "id": event.id,
                "headline": event.headline,
                "articles": [articles[i].id for i in event.articles],
                "thread": thread.id,
                "thread_label": thread.label,
            }
        )
    return records
