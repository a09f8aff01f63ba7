"""The brief's content: stories with their merged claims and sources, ranking, what a topic
shows, timeline, watch list, Other reporting's threads, and `digest explain --claim`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.config.load import Config, load_config
from digest.errors import ConfigError
from digest.model import Brief, MergedClaim, Story
from digest.pipeline import read_articles
from digest.process import process_all
from digest.reduce import brief_from
from digest.render.brief_json import render_json
from digest.render.markdown import render_markdown
from digest.render.templates import template_environment

from .conftest import ROOT

DAY = date(2023, 9, 13)
MERGE = ROOT / "tests" / "data" / "merge"
QUOTE = "not this year, not ever"


def _claims(brief: Brief) -> list[tuple[Story, MergedClaim]]:
    return [(story, merged) for story in brief.stories() for merged in story.claims]


def build_brief(
    config: Config, day: date, *, inputs: list[Path] | None = None, published: date | None = None
) -> Brief:
    """The brief from every input, whenever published: these tests are about its content,
    not about which articles a time window lets in."""
    articles, skipped = read_articles(config, inputs, published)
    processed, failed = process_all(articles, config.topics)
    return brief_from(config, day, processed, [*skipped, *failed])


@pytest.fixture(scope="module")
def merged() -> Brief:
    return build_brief(load_config(ROOT / "config.yaml"), DAY, inputs=[MERGE])


# --- acceptance: three outlets, three typographies, one syndicated copy --------------


def test_one_quote_from_three_outlets_is_one_claim_with_three_sources(merged: Brief) -> None:
    found = [(s, m) for s, m in _claims(merged) if QUOTE in m.lead.text]
    assert len(found) == 1, [m.lead.text for _, m in found]
    story, claim = found[0]
    assert claim.lead.speaker is not None and claim.lead.speaker.name == "Hwang Joon-kook"
    # Four articles carry it; the Seoul Courier one is Harbor Wire's story, run again.
    assert len(claim.article_ids) == 4
    assert merged.independent(claim.article_ids) == (
        "Harbor Wire",
        "Capital Ledger",
        "Pacific Dispatch",
    )
    assert merged.copies(claim.article_ids) == ("Seoul Courier",)
    # One event: the four reports are one story, the day's strongest, and the quote is
    # what the bottom line says of it.
    assert len(merged.stories()) == 1 and sorted(story.article_ids) == sorted(claim.article_ids)
    assert merged.bottom_line[0].story == story
    assert merged.bottom_line[0].claim is not None
    assert merged.bottom_line[0].claim.claim == claim


def test_the_brief_counts_articles_and_outlets_and_lists_the_copy_under_its_original(
    merged: Brief,
) -> None:
    markdown = render_markdown(merged, template_environment())
    assert (
        "*4 articles from 3 outlets (syndicated copies in 1 other outlet not counted)"
    ) in markdown
    sources = markdown.split("## Sources")[1]
    assert "1. **Harbor Wire** — “Envoy vows" in sources
    assert "**Seoul Courier** (syndicated copy of [1](#src-1)) — " in sources
    data = json.loads(render_json(merged))
    copies = {s["outlet"]: s["copy_of"] for s in data["sources"]}
    assert copies["Seoul Courier"] == 1 and copies["Harbor Wire"] is None
    [story] = [s for sec in data["sections"] for s in sec["stories"]]
    claim = next(c for c in story["claims"] if QUOTE in c["claims"][0]["text"])
    assert claim["independent_outlets"] == ["Harbor Wire", "Capital Ledger", "Pacific Dispatch"]
    assert claim["syndicated_copies"] == ["Seoul Courier"]
    assert story["independent_outlets"] == claim["independent_outlets"]


def test_a_later_version_from_the_same_outlet_is_marked_as_such(tmp_path: Path) -> None:
    wire = (MERGE / "2023-09-12_harborwire_veto.txt").read_text()
    (tmp_path / "first.txt").write_text(wire)
    (tmp_path / "update.txt").write_text(
        wire.replace("T09:00:00", "T12:00:00").replace(
            "end of the month.", "end of the month.\n\nUpdated."
        )
    )
    brief = build_brief(load_config(ROOT / "config.yaml"), DAY, inputs=[tmp_path])
    assert [(s.outlet, s.copy_of) for s in brief.sources] == [
        ("Harbor Wire", None),
        ("Harbor Wire", 1),
    ]
    markdown = render_markdown(brief, template_environment())
    assert "2. **Harbor Wire** (another version of [1](#src-1))" in markdown
    assert "syndicated" not in markdown


def test_claim_similarity_of_one_merges_only_exact_wording(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        (ROOT / "config.yaml")
        .read_text()
        .replace("output: out", "output: out\nmerge:\n  claim_similarity: 1.0")
    )
    brief = build_brief(load_config(config), DAY, inputs=[MERGE])
    assert len([m for _, m in _claims(brief) if QUOTE in m.lead.text]) == 1


def test_the_merge_block_is_validated(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("merge:\n  claim_similarity: 2\n  artcle_similarity: 0.5\n")
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert str(info.value) == (
        f"{config}:2: merge.claim_similarity: expected a number less than or equal to 1, got 2\n"
        "Hint: pick a number in that range\n"
        f"{config}:3: merge.artcle_similarity: unknown key 'artcle_similarity'\n"
        "Hint: did you mean 'article_similarity'? allowed keys here: claim_similarity, "
        "article_similarity"
    )


# --- timeline and watch list ----------------------------------------------------------


@pytest.fixture(scope="module")
def seed_brief() -> Brief:
    from .conftest import SEED

    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared is not beside the project)")
    config = load_config(ROOT / "config.yaml")
    return build_brief(config, DAY, inputs=[SEED], published=date(2023, 9, 12))


def _on(entries: tuple, day: str) -> list[str]:
    return [e.text for e in entries if e.when.isoformat() == day]


def test_seed_timeline_holds_the_expected_dated_events(seed_brief: Brief) -> None:
    # The waivers were signed on Friday: the entry is that clause, not the whole quote.
    signed = _on(seed_brief.timeline, "2023-09-08")
    assert len(signed) == 1 and "waivers that the secretary signed on Friday" in signed[0]
    assert "effectuate" not in signed[0]
    monday = _on(seed_brief.timeline, "2023-09-11")
    assert any("notified to Congress yesterday" in t for t in monday)
    # "Jung Pak said Monday ...": the day a remark was made is no event of the timeline.
    assert not any(t.startswith("Jung Pak: ") for t in monday)
    assert not any(t.startswith("Matthew Miller: ") for t in _on(seed_brief.timeline, "2023-09-12"))
    dates = [e.when for e in seed_brief.timeline]
    assert dates == sorted(dates) and max(dates) <= DAY


def test_an_event_on_the_brief_s_date_is_in_the_timeline_not_the_watch_list(
    seed_brief: Brief,
) -> None:
    # Kim and Putin meet on Wednesday 13 September, the brief's own date: that is today,
    # not something to watch for. The watch list holds only what comes after it.
    today = _on(seed_brief.timeline, "2023-09-13")
    assert any(
        "expected to hold a meeting with Russian President Vladimir Putin on Wednesday" in t
        for t in today
    )
    assert all(e.when > DAY for e in seed_brief.watch_list)


def test_sample_articles_timeline_and_watch_list() -> None:
    brief = build_brief(load_config(ROOT / "config.yaml"), DAY)
    harbor_iran = next(
        s.number for s in brief.sources if "iran-frozen-funds-waiver" in (s.url or "")
    )
    signed = [
        e for e in brief.timeline if e.when == date(2023, 9, 8) and "waivers were signed" in e.text
    ]
    assert signed and brief.cite(signed[0].article_ids) == (harbor_iran,)
    assert any("Congress was notified" in t for t in _on(brief.timeline, "2023-09-11"))
    assert any("left Pyongyang on Sunday" in t for t in _on(brief.timeline, "2023-09-10"))
    assert any("Thursday" in t for t in _on(brief.watch_list, "2023-09-14"))
    assert any("full-month trade data" in t for t in _on(brief.watch_list, "2023-10-01"))
    assert all(e.when > DAY for e in brief.watch_list)
    assert all(e.when <= DAY for e in brief.timeline)
    # "..., customs data showed Monday, ...": the clause of the date says nothing alone;
    # the entry is the sentence, from its start.
    monday = _on(brief.timeline, "2023-09-11")
    exports = [t for t in monday if "customs data showed Monday" in t]
    assert exports and all(
        t.startswith("South Korea's semiconductor exports fell") for t in exports
    )


def test_one_story_on_one_date_is_one_entry_citing_every_outlet(merged: Brief) -> None:
    # Three outlets and a copy say the council meets on Friday: one watch entry.
    friday = [e for e in merged.watch_list if "expected to meet on Friday" in e.text]
    assert len(friday) == 1
    assert len(friday[0].article_ids) == 4
    numbers, more = merged.cite_some(friday[0].article_ids)
    assert len(numbers) == 3 and more == 1


# --- ranking, what a topic shows, bottom line and Other reporting ----------------------


def test_sections_are_ordered_by_salience_and_the_bottom_line_is_capped(tmp_path: Path) -> None:
    brief = build_brief(load_config(ROOT / "config.yaml"), DAY)
    for section in brief.sections:
        scores = [s.salience for s in section.stories]
        assert scores == sorted(scores, reverse=True), section.topic_id
        assert [i.story for i in section.items] == list(section.stories[:6])
    assert 1 <= len(brief.bottom_line) <= 5
    for line in brief.bottom_line:
        section = next(s for s in brief.sections if s.topic_id == line.topic_id)
        assert line.story == section.stories[0]
    config = tmp_path / "config.yaml"
    config.write_text(
        (ROOT / "config.yaml").read_text().replace("bottom_line: 5", "bottom_line: 2")
    )
    capped = build_brief(load_config(config), DAY, inputs=[ROOT / "examples" / "articles"])
    assert [b.topic_id for b in capped.bottom_line] == [b.topic_id for b in brief.bottom_line][:2]


def test_a_story_shows_a_few_claims_one_per_speaker_and_quotes_cut_to_their_core() -> None:
    brief = build_brief(load_config(ROOT / "config.yaml"), DAY)
    for section in brief.sections:
        for item in section.items:
            speakers = [s.claim.lead.speaker.name for s in item.claims if s.claim.lead.speaker]
            assert len(item.claims) <= 3 and len(speakers) == len(set(speakers))
            for shown in item.claims:
                assert len(shown.text.split()) <= 41
                assert shown.text == shown.claim.lead.text or shown.text.endswith("…")
        statements = sum(len(i.statements) for i in section.items)
        assert statements <= 2, section.topic_id


def test_limits_come_from_the_config(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        (ROOT / "config.yaml")
        .read_text()
        .replace(
            "  bottom_line: 5", "  bottom_line: 5\n  stories_per_topic: 1\n  claims_per_story: 1"
        )
        .replace("path: examples/articles", f"path: {ROOT / 'examples' / 'articles'}")
    )
    brief = build_brief(load_config(config), DAY)
    assert all(len(s.items) <= 1 for s in brief.sections)
    assert all(len(i.claims) <= 1 for s in brief.sections for i in s.items)
    markdown = render_markdown(brief, template_environment())
    more = [s for s in brief.sections if len(s.stories) > 1]
    assert more and "more stories on this topic in the full brief" in markdown + "more story"


def test_other_reporting_lists_threads_with_their_headlines() -> None:
    brief = build_brief(load_config(ROOT / "config.yaml"), DAY)
    assert brief.other is not None and brief.other.stories
    assert brief.threads
    listed = {i for t in brief.threads for i in t.story_ids}
    assert listed == {s.id for s in brief.other.stories}
    markdown = render_markdown(brief, template_environment())
    other = markdown.split("## Other reporting")[1].split("\n## ")[0]
    for thread in brief.threads[:5]:
        line = next(x for x in other.splitlines() if x.startswith(f"- **{thread.label}:**"))
        for story in brief.thread_stories(thread)[:3]:
            assert story.headline in line


# --- digest explain --claim -----------------------------------------------------------


def test_explain_claim_shows_topics_terms_story_and_salience(merged: Brief) -> None:
    story, found = next((s, m) for s, m in _claims(merged) if QUOTE in m.lead.text)
    claim = found.claims[-1]
    args = ["explain", "--config", str(ROOT / "config.yaml"), "--claim", claim.id]
    result = CliRunner().invoke(main, [*args, "--input", str(MERGE), "--date", "2023-09-13"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(f"claim {claim.id}: {claim.kind} in {claim.article_id}")
    best = claim.topics[0]
    assert f"✓ {best.topic_id}: score {best.score:g}: {', '.join(best.matched_terms)}" in out
    assert f"story {story.id} under " in out and story.headline in out
    assert "independent sources: Harbor Wire, Capital Ledger, Pacific Dispatch" in out
    assert f"salience {found.salience:g} = sources 3 + speaker" in out


def test_explain_claim_with_an_unknown_id_is_a_usage_error() -> None:
    args = ["explain", "--config", str(ROOT / "config.yaml"), "--claim", "000000000000"]
    result = CliRunner().invoke(main, [*args, "--input", str(MERGE)])
    assert result.exit_code == 2
    assert "no claim (or more than one) has the id '000000000000'" in result.output
    both = CliRunner().invoke(
        main, ["explain", "--config", str(ROOT / "config.yaml"), "x", "--claim", "y"]
    )
    assert both.exit_code == 2 and "give either TEXT or --claim ID" in both.output
