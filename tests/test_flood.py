"""A day of syndication: one short wire story carried by hundreds of outlets, through a build.

The copies differ only in a number (an updated count), so none is byte-identical to
another: the brief must still show one story per thing the wire story says, citing every
copy, count the outlets, and find it all with a number of comparisons that grows with
the copies, not with their pairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from digest.config.load import Config, load_config
from digest.model import Article, Brief, Claim, Span, Speaker, Story
from digest.pipeline import build_brief
from digest.stories import minhash
from digest.stories.groups import group_stories

DAY = date(2023, 9, 13)
CONFIG = """\
brief:
  title: Wire Desk
  timezone: UTC
window: all
state: null
topics:
  - id: launches
    title: Missile launches
    query: '"North Korea" AND missile*'
"""
STORY = """\
SEOUL, Sept. 12 (Harbor Wire) -- North Korea fired {number} short-range ballistic missiles \
into the East Sea on Tuesday, hours after its leader left by armoured train for a summit \
with the Russian president in Vladivostok, South Korea's Joint Chiefs of Staff said.

"The launches are a grave provocation and a clear violation of the resolutions," Kim \
Min-jun, the foreign ministry spokesperson, said in a statement.

"We are closely monitoring the situation with our allies," Kim added.

Japan's defence ministry said the missiles fell outside its exclusive economic zone.
"""
CLAIMS_PER_COPY = 4
"""What the story says: the launch, two quotes and Japan's account."""


def _write_copies(folder: Path, count: int) -> list[str]:
    """`count` copies, two per outlet (an outlet's own chrome needs three articles), each
    published a minute after the one before; the outlets, in order of first copy."""
    folder.mkdir()
    outlets = max(1, count // 2)
    start = datetime(2023, 9, 12, 10, 0)
    for i in range(count):
        published = start + timedelta(minutes=i)
        (folder / f"copy{i:04d}.txt").write_text(
            f"---\ntitle: North Korea fires missiles\nsource: Outlet {i % outlets + 1}\n"
            f"published: {published.isoformat()}+00:00\n---\n{STORY.format(number=i + 2)}",
            encoding="utf-8",
        )
    return [f"Outlet {i + 1}" for i in range(outlets)]


@pytest.fixture
def config(tmp_path: Path) -> Config:
    path = tmp_path / "config.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    return load_config(path)


def _build(config: Config, folder: Path) -> tuple[Brief, minhash.Comparisons]:
    with minhash.counting() as work:
        brief = build_brief(config, DAY, inputs=[folder])
    return brief, work


def _stories(brief: Brief) -> Iterator[Story]:
    sections = [*brief.sections, *([brief.other] if brief.other else [])]
    seen: set[str] = set()
    for section in sections:
        for story in section.stories:
            if story.id not in seen:
                seen.add(story.id)
                yield story


@pytest.mark.parametrize("count", [200, 400])
def test_a_flood_of_copies_is_one_story_per_claim_citing_every_copy(
    config: Config, tmp_path: Path, count: int
) -> None:
    outlets = _write_copies(tmp_path / "wire", count)
    brief, work = _build(config, tmp_path / "wire")
    assert brief.stats.articles == count
    assert brief.stats.outlets == len(outlets)
    assert brief.stats.claims == CLAIMS_PER_COPY * count
    stories = list(_stories(brief))
    assert brief.stats.stories == len(stories) == CLAIMS_PER_COPY
    every = {source.article_id for source in brief.sources}
    assert len(every) == count
    for story in stories:
        assert set(story.article_ids) == every
        assert len(brief.cite(story.article_ids)) == count
        # All of it is the first outlet's story; every other outlet ran a copy of it.
        assert brief.independent(story.article_ids) == ("Outlet 1",)
        assert brief.copies(story.article_ids) == tuple(outlets[1:])
        assert brief.outlets(story.article_ids) == tuple(outlets)
    original, *copies = brief.sources
    assert original.copy_of is None and original.outlet == "Outlet 1"
    assert all(copy.copy_of == original.number for copy in copies)
    assert {s.topic_id for s in stories} <= {"launches", None}
    assert any(s.topic_id == "launches" for s in stories)
    # Syndicated copies, merging and grouping: a few dozen comparisons a copy at most,
    # where comparing every pair of copies would be count²/2 (20,000; 80,000) per step.
    assert work.candidates <= 60 * count, work


def test_comparisons_of_a_flood_grow_linearly(config: Config, tmp_path: Path) -> None:
    _write_copies(tmp_path / "small", 200)
    _write_copies(tmp_path / "large", 400)
    _, small = _build(config, tmp_path / "small")
    _, large = _build(config, tmp_path / "large")
    assert large.candidates <= 2.3 * small.candidates, (small, large)  # all pairs: 4x
    assert large.checked <= 2.3 * small.checked, (small, large)


def _unfiled(index: int, text: str, title: str) -> tuple[Story, Article]:
    """A story of one claim on no topic, in an article of its own, said by someone of its
    own (so that merging would keep it apart)."""
    article = Article(f"a{index:04d}", f"Outlet {index}", title, None, None, "", "")
    speaker = Speaker(f"Officer {index}", None, "he", Span(0, 1))
    claim = Claim(f"c{index:04d}", article.id, "reported", text, Span(0, len(text)), speaker)
    return Story(claim.id, (claim,), None), article


def _word(index: int) -> str:
    """A made-up word of its own for each index: "baaa", "caaa", ..."""
    letters = []
    for _ in range(4):
        index, digit = divmod(index, 26)
        letters.append(chr(ord("a") + digit))
    return "".join(letters)


def test_other_reporting_groups_a_crowd_of_alike_stories_without_comparing_them_all() -> None:
    """Stories with the very same names and words (the number does not count) are one
    group, found without comparing every pair of them."""
    made = [
        _unfiled(
            i,
            f"Ferry services to Jeju Island were halted for {i + 2} hours by the storm",
            "Ferries halted as storm nears Jeju",
        )
        for i in range(900)
    ]
    made += [
        _unfiled(900, "Chip exports fell sharply in early September", "Chip exports fall"),
        _unfiled(901, "Memory chip exports may recover soon", "Chip exports may recover"),
    ]
    made += [  # stories of their own, on nothing the others are about
        _unfiled(i, f"The {_word(i)}ville council approved a {_word(i)}ton budget", "Budget")
        for i in range(902, 2000)
    ]
    stories = [story for story, _ in made]
    articles = {article.id: article for _, article in made}
    with minhash.counting() as work:
        groups = group_stories(stories, articles)
    assert [len(g.stories) for g in groups] == [900, 2, 1098]
    assert "Jeju" in groups[0].terms and groups[-1].label == "Everything else"
    assert work.candidates <= 10, work  # all pairs of the 900 alike: 404,550
