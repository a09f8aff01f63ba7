"""Small briefs built in code, for `digest check` to render every template branch against."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ..model import (
    BottomLine,
    Brief,
    BriefLimits,
    BriefStats,
    Claim,
    ClaimKind,
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
    StoryStatus,
    Thread,
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


def _merged(claims: tuple[Claim, ...], topic: str | None, salience: float) -> MergedClaim:
    return MergedClaim(claims[0].id, claims, topic, (), salience, new=True)


def _story(
    sid: str,
    title: str,
    claims: tuple[MergedClaim, ...],
    topic: str | None,
    status: StoryStatus | None,
    also: tuple[str, ...] = (),
) -> Story:
    articles = tuple(dict.fromkeys(a for m in claims for a in m.article_ids))
    published = datetime(2023, 9, 12, 18, 0, tzinfo=_EDT)
    return Story(
        id=sid,
        headline=title,
        summary=f"{title}, officials said on Tuesday.",
        article_ids=articles,
        lead_article=articles[0],
        outlets=("Yonhap", "Reuters")[: len(articles)],
        first_published=published,
        last_published=published,
        claims=claims,
        topic_id=topic,
        also_topics=also,
        salience=float(len(claims)),
        status=status,
        thread_id="t1" if topic is None else None,
    )


def _stories() -> tuple[Story, ...]:
    """Stories of every kind: quoted by two outlets, reported, a statement, unfiled, copied."""
    quote = _claim(
        "c1",
        "a1",
        "quote",
        "We will not hesitate to take action. We will monitor what happens, and we are ready "
        "to act with our allies and partners at the United Nations and beyond, if it comes to "
        "that, in the weeks ahead of the General Assembly.",
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
    statement = _claim(
        "c4", "a2", "statement", "Kim arrived in Russia by armoured train.", None, "arms"
    )
    partial = _claim(
        "c5", "a1", "partial", 'Funds are "for humanitarian use"', ("Treasury", None), "other"
    )
    # Reported by a1 and by a3, a syndicated copy of a1: one independent source.
    copied = _claim("c6", "a3", "statement", "Rain is forecast for Jeju.", None, "other")
    original = _claim("c7", "a1", "statement", copied.text, None, "other")
    return (
        _story(
            "s1",
            "Kim meets Putin",
            (_merged((quote, quote_again), "arms", 3.0), _merged((statement,), "arms", 1.0)),
            "arms",
            "new",
            ("sanctions",),
        ),
        _story(
            "s2",
            "Sanctions stay",
            (_merged((reported,), "sanctions", 2.0),),
            "sanctions",
            "developing",
        ),
        _story("s3", "Funds moved", (_merged((partial,), None, 0.5),), None, "seen"),
        _story("s4", "Rain on Jeju", (_merged((original, copied), None, 0.4),), None, None),
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
    story1, story2, story3, story4 = _stories()
    limits = BriefLimits(stories_per_topic=1, quote_words=20)
    arms = Section(
        "arms",
        "Arms",
        (story1, story2),
        (
            Item(
                story1,
                (Shown(story1.claims[0], "We will not hesitate to take action. …"),),
                (Shown(story1.claims[1], story1.claims[1].lead.text),),
            ),
        ),
    )
    full = Brief(
        date=day,
        title="Sample Desk Brief",
        issued=datetime(2023, 9, 13, 6, 0, tzinfo=_KST),
        classification="UNCLASSIFIED // SAMPLE",
        bottom_line=(BottomLine("arms", "Arms", story1, arms.items[0].claims[0]),),
        sections=(
            arms,
            Section("sanctions", "Sanctions", (story2,), (Item(story2, ()),)),
            Section("quiet", "Quiet topic", ()),
        ),
        other=Section("other", "Other reporting", (story3, story4)),
        timeline=(TimelineEntry(date(2022, 9, 8), "Waivers signed", "s2", ("a1",)),),
        watch_list=(TimelineEntry(date(2023, 9, 14), "Kim meets Putin", "s1", ("a1", "a2")),),
        sources=_SOURCES,
        stats=_STATS,
        topic_titles={"arms": "Arms", "sanctions": "Sanctions", "quiet": "Quiet topic"},
        threads=(Thread("t1", "Treasury · Jeju", ("s3", "s4")),),
        limits=limits,
        link="https://briefs.example.org/2023-09-13/brief.html",
        cited=2,
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
