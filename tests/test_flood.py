"""A day of syndication: one short wire story carried by hundreds of outlets, through a build.

The copies differ only in a number (an updated count), so none is byte-identical to
another: the brief must still show one story, each thing the wire story says merged
across the copies and citing every one, count the outlets, and find it all with a
number of comparisons that grows with the copies, not with their pairs.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from digest.config.load import Config, load_config
from digest.model import Brief
from digest.pipeline import build_brief
from digest.render.write import write_brief
from digest.stories import minhash

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


@pytest.mark.parametrize("count", [200, 400])
def test_a_flood_of_copies_is_one_story_each_claim_citing_every_copy(
    config: Config, tmp_path: Path, count: int
) -> None:
    outlets = _write_copies(tmp_path / "wire", count)
    brief, work = _build(config, tmp_path / "wire")
    assert brief.stats.articles == count
    assert brief.stats.outlets == len(outlets)
    # One wire story is one event: one story, its claims each merged across the copies.
    [story] = brief.stories()
    assert brief.stats.stories == 1 and len(story.claims) == CLAIMS_PER_COPY
    assert brief.stats.claims == CLAIMS_PER_COPY * count
    every = {source.article_id for source in brief.sources}
    assert len(every) == count == len(story.article_ids)
    for claim in story.claims:
        assert set(claim.article_ids) == every
        assert len(brief.cite(claim.article_ids)) == count
        # All of it is the first outlet's story; every other outlet ran a copy of it.
        assert brief.independent(claim.article_ids) == ("Outlet 1",)
        assert set(brief.copies(claim.article_ids)) == set(outlets[1:])
    original = next(s for s in brief.sources if s.copy_of is None)
    assert original.outlet == "Outlet 1"
    assert all(s.copy_of == original.number for s in brief.sources if s is not original)
    assert story.topic_id == "launches"
    # The brief cites a few of them by number and counts the rest.
    markdown = write_brief(brief, tmp_path / "out", ["md"])["md"].read_text()
    assert f"+{count - 3:,}" in markdown
    assert f"*{count:,} articles from 1 outlet (syndicated copies in" in markdown
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
