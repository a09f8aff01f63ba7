"""Small briefs built in code, for `digest check` to render every template branch against."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ..model import (
    BottomLine,
    Brief,
    BriefStats,
    Claim,
    ClaimKind,
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

_KST = timezone(timedelta(hours=9), "KST")
_EDT = timezone(timedelta(hours=-4), "EDT")


def _claim(
    cid: str,
    article: str,
    kind: ClaimKind,
    text: str,
    speaker: tuple[str, str | None] | None,
    topic: str,
    when: date | None = None,
) -> Claim:
    who = None
    if speaker is not None:
        who = Speaker(name=speaker[0], role=speaker[1], mention=speaker[0], span=Span(0, 5))
    return Claim(
        id=cid,
        article_id=article,
        kind=kind,
        text=text,
        span=Span(10, 10 + len(text)),
        speaker=who,
        cue="said" if who else None,
        cue_span=Span(6, 10) if who else None,
        when=when,
        dates=(DateRef(date(2023, 9, 13), "Wednesday", Span(12, 21), future=True),),
        topics=(TopicMatch(topic, 2.5, ("sample",)),),
    )


def _stories() -> tuple[Story, ...]:
    """Stories of every kind: quoted by two outlets, reported, a statement, unfiled, copied."""
    quote = _claim(
        "c1",
        "a1",
        "quote",
        "We will not hesitate to take action.",
        ("Matthew Miller", "State Department spokesperson"),
        "arms",
        date(2023, 9, 12),
    )
    quote_again = _claim("c2", "a2", "quote", quote.text, ("Matthew Miller", None), "arms")
    reported = _claim(
        "c3",
        "a1",
        "reported",
        "Russia cannot lift sanctions unilaterally.",
        ("Matthew Miller", "State Department spokesperson"),
        "sanctions",
        date(2023, 9, 12),
    )
    statement = _claim("c4", "a2", "statement", "Kim arrived in Russia by train.", None, "arms")
    partial = _claim(
        "c5", "a1", "partial", 'Funds are "for humanitarian use"', ("Treasury", None), "other"
    )
    # Reported by a1 and by a3, a syndicated copy of a1: one independent source.
    copied = _claim("c6", "a3", "statement", "Rain is forecast for Jeju.", None, "other")
    original = _claim("c7", "a1", "statement", copied.text, None, "other")
    return (
        Story("s1", (quote, quote_again), "arms", ("sanctions",), 3.0),
        Story("s2", (reported,), "sanctions", (), 2.0),
        Story("s3", (statement,), "arms", (), 1.0),
        Story("s4", (partial,), None, (), 0.5),
        Story("s5", (original, copied), None),
    )


_SOURCES = (
    SourceRef(
        1,
        "a1",
        "Yonhap",
        "US will act",
        "https://example.org/a1",
        datetime(2023, 9, 12, 18, 0, tzinfo=_EDT),
        "articles/a1.txt",
    ),
    SourceRef(2, "a2", "Reuters", "Kim in Russia", None, None, "articles/a2.txt"),
    SourceRef(3, "a3", "Courier", "US will act", None, None, "articles/a3.txt", copy_of=1),
)
_STATS = BriefStats(
    3,
    3,
    7,
    5,
    (Skipped("articles/bad.pdf", "not a text file"),)
    + tuple(Skipped(f"articles/empty{n}.txt", "no readable text") for n in range(4)),
    outside_window=2,
    duplicates=(Skipped("articles/a1-again.txt", "duplicate: the same text as 'a1'"),),
    faults=(Fault("timeline", "a2", "c9", "IndexError: list index out of range"),),
)


def sample_briefs() -> tuple[Brief, ...]:
    """A full brief (every optional part present) and an empty one (every part absent)."""
    day = date(2023, 9, 13)
    story1, story2, story3, story4, story5 = _stories()
    full = Brief(
        date=day,
        title="Sample Desk Brief",
        issued=datetime(2023, 9, 13, 6, 0, tzinfo=_KST),
        classification="UNCLASSIFIED // SAMPLE",
        bottom_line=(
            BottomLine("arms", "Arms", story1),
            BottomLine("sanctions", "Sanctions", story2),
        ),
        sections=(
            Section("arms", "Arms", (story1, story3)),
            Section("sanctions", "Sanctions", (story2,)),
            Section("quiet", "Quiet topic", ()),
        ),
        other=Section(
            "other",
            "Other reporting",
            (story4, story5),
            (
                StoryGroup("Treasury · funds", ("Treasury", "funds"), (story4,)),
                StoryGroup("Everything else", (), (story5,)),
            ),
        ),
        timeline=(TimelineEntry(date(2022, 9, 8), "Waivers signed", "s2", ("a1",)),),
        watch_list=(TimelineEntry(day, "Kim meets Putin", "s1", ("a1", "a2")),),
        sources=_SOURCES,
        stats=_STATS,
        topic_titles={"arms": "Arms", "sanctions": "Sanctions", "quiet": "Quiet topic"},
    )
    empty = Brief(
        date=day,
        title="Empty Brief",
        issued=datetime(2023, 9, 13, 6, 0),
        classification=None,
        bottom_line=(),
        sections=(),
        other=None,
        timeline=(),
        watch_list=(),
        sources=(),
        stats=BriefStats(0, 0, 0, 0),
    )
    return full, empty
