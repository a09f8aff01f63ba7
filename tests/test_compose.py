"""The brief's content: merged stories and their sources, ranking, timeline, watch list,
emerging reporting, and `digest explain --claim`."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.config.load import Config, load_config
from digest.errors import ConfigError
from digest.model import Article, Brief, Claim, Span, Speaker, Story
from digest.pipeline import brief_from, process_all, read_articles
from digest.render.brief_json import render_json
from digest.render.write import render_markdown, template_environment
from digest.stories.groups import group_stories

from .conftest import ROOT

DAY = date(2023, 9, 13)
MERGE = ROOT / "tests" / "data" / "merge"
QUOTE = "not this year, not ever"


def _stories(brief: Brief) -> list[Story]:
    sections = [*brief.sections, *([brief.other] if brief.other else [])]
    return [story for section in sections for story in section.stories]


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


def test_one_quote_from_three_outlets_is_one_story_with_three_sources(merged: Brief) -> None:
    found = [s for s in _stories(merged) if QUOTE in s.lead.text]
    assert len(found) == 1, [s.lead.text for s in found]
    story = found[0]
    assert story.lead.speaker is not None and story.lead.speaker.name == "Hwang Joon-kook"
    # Four articles carry it; the Seoul Courier one is Harbor Wire's story, run again.
    assert len(story.article_ids) == 4
    assert merged.independent(story.article_ids) == (
        "Harbor Wire",
        "Pacific Dispatch",
        "Capital Ledger",
    )
    assert merged.copies(story.article_ids) == ("Seoul Courier",)
    # Three sources make it the strongest story of the day.
    assert merged.bottom_line[0].story == story


def test_the_brief_says_three_sources_and_lists_the_copy_under_its_original(merged: Brief) -> None:
    markdown = render_markdown(merged, template_environment())
    assert (
        "*Reported by Harbor Wire, Pacific Dispatch, Capital Ledger (3 independent sources; "
        "syndicated copy in Seoul Courier not counted).*"
    ) in markdown
    sources = markdown.split("## Sources")[1]
    assert "1. [Harbor Wire]{#src-1} — “Envoy vows" in sources
    assert "2. [Seoul Courier]{#src-2} (syndicated copy of [1](#src-1)) — " in sources
    data = json.loads(render_json(merged))
    assert [s["copy_of"] for s in data["sources"]] == [None, 1, None, None]
    story = next(
        s for sec in data["sections"] for s in sec["stories"] if QUOTE in s["claims"][0]["text"]
    )
    assert story["independent_outlets"] == ["Harbor Wire", "Pacific Dispatch", "Capital Ledger"]
    assert story["syndicated_copies"] == ["Seoul Courier"]


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
    assert "2. [Harbor Wire]{#src-2} (another version of [1](#src-1))" in markdown
    assert "syndicated" not in markdown


def test_claim_similarity_of_one_merges_only_exact_wording(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        (ROOT / "config.yaml")
        .read_text()
        .replace("output: out", "output: out\nmerge:\n  claim_similarity: 1.0")
    )
    brief = build_brief(load_config(config), DAY, inputs=[MERGE])
    assert len([s for s in _stories(brief) if QUOTE in s.lead.text]) == 1


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
        "article_similarity, other_groups"
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
    assert any(t.startswith("Jung Pak: ") and "final step" in t for t in monday)
    assert any("notified to Congress yesterday" in t for t in monday)
    assert any(t.startswith("Matthew Miller: ") for t in _on(seed_brief.timeline, "2023-09-12"))
    dates = [e.when for e in seed_brief.timeline]
    assert dates == sorted(dates) and max(dates) < DAY


def test_seed_watch_list_holds_the_kim_putin_meeting(seed_brief: Brief) -> None:
    assert [e.when.isoformat() for e in seed_brief.watch_list] == ["2023-09-13"]
    assert "expected to hold a meeting with Russian President Vladimir Putin on Wednesday" in (
        seed_brief.watch_list[0].text
    )
    assert seed_brief.cite(seed_brief.watch_list[0].article_ids) == (1,)


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
    assert all(e.when >= DAY for e in brief.watch_list)
    assert all(e.when <= DAY for e in brief.timeline)


def test_one_story_on_one_date_is_one_entry_citing_every_outlet(merged: Brief) -> None:
    # Harbor Wire and its copy both say the council meets on Friday: one watch entry.
    friday = [e for e in merged.watch_list if "expected to meet on Friday" in e.text]
    assert len(friday) == 1
    assert merged.cite(friday[0].article_ids) == (1, 2)


# --- ranking, bottom line and emerging reporting ----------------------------------------


def test_sections_are_ordered_by_salience_and_the_bottom_line_is_capped(tmp_path: Path) -> None:
    brief = build_brief(load_config(ROOT / "config.yaml"), DAY)
    for section in brief.sections:
        scores = [s.salience for s in section.stories]
        assert scores == sorted(scores, reverse=True), section.topic_id
    assert 1 <= len(brief.bottom_line) <= 5
    for line in brief.bottom_line:
        section = next(s for s in brief.sections if s.topic_id == line.topic_id)
        assert line.story.salience == max(
            s.salience for s in section.stories if s.lead.kind != "statement"
        )
    config = tmp_path / "config.yaml"
    config.write_text(
        (ROOT / "config.yaml").read_text().replace("bottom_line: 5", "bottom_line: 2")
    )
    capped = build_brief(load_config(config), DAY, inputs=[ROOT / "examples" / "articles"])
    assert [b.topic_id for b in capped.bottom_line] == [b.topic_id for b in brief.bottom_line][:2]


def _unfiled(article: str, text: str, start: int = 0, speaker: str | None = None) -> Story:
    who = Speaker(speaker, None, speaker, Span(0, 1)) if speaker else None
    claim = Claim(
        f"{article}{start}", article, "statement", text, Span(start, start + len(text)), who
    )
    return Story(claim.id, (claim,), None)


def test_unfiled_stories_are_grouped_under_labels_largest_first() -> None:
    articles = {
        a: Article(a, "Wire", title, None, datetime(2023, 9, 13, tzinfo=UTC), "", f"{a}.txt")
        for a, title in (
            ("rain", "Heavy rain forecast for Jeju, southern coast from Thursday"),
            ("chips", "Chip exports fall 9.4 pct in early September"),
            ("misc", "Museum opens"),
        )
    }
    stories = [
        _unfiled("rain", "Heavy rain is forecast for Jeju Island from Thursday"),
        _unfiled("chips", "Chip exports fell 9.4 percent in the first ten days", 10),
        _unfiled("rain", "Ferry services to Jeju could be suspended", 20),
        _unfiled("chips", "Memory chip prices showed signs of bottoming out", 30),
        _unfiled("rain", "Flights at Jeju International Airport may be delayed by the rain", 40),
        _unfiled("misc", "A new museum opened in Busan on Saturday", 50),
    ]
    groups = group_stories(stories, articles)
    assert [len(g.stories) for g in groups] == [3, 2, 1]
    assert "Jeju" in groups[0].terms and "rain" in groups[0].terms
    assert "chip" in groups[1].terms and "export" in groups[1].terms
    assert groups[0].label == " · ".join(groups[0].terms)
    assert groups[-1].label == "Everything else"
    assert group_stories(stories[:1], articles) == ()


def test_the_brief_shows_other_reporting_in_labelled_groups() -> None:
    brief = build_brief(load_config(ROOT / "config.yaml"), DAY)
    assert brief.other is not None and brief.other.groups
    sizes = [len(g.stories) for g in brief.other.groups if g.label != "Everything else"]
    assert sizes == sorted(sizes, reverse=True)
    markdown = render_markdown(brief, template_environment())
    other = markdown.split("## Other reporting")[1].split("\n## ")[0]
    assert other.count("\n### ") == len(brief.other.groups)
    assert f"### {brief.other.groups[0].label}" in other.replace("\\", "")


# --- digest explain --claim -----------------------------------------------------------


def test_explain_claim_shows_topics_terms_story_and_salience(merged: Brief) -> None:
    story = next(s for s in _stories(merged) if QUOTE in s.lead.text)
    claim = story.claims[-1]
    args = ["explain", "--config", str(ROOT / "config.yaml"), "--claim", claim.id]
    result = CliRunner().invoke(main, [*args, "--input", str(MERGE), "--date", "2023-09-13"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(f"claim {claim.id}: {claim.kind} in {claim.article_id}")
    best = claim.topics[0]
    assert f"✓ {best.topic_id}: score {best.score:g}: {', '.join(best.matched_terms)}" in out
    assert f"story {story.id} under " in out
    assert "independent sources: Harbor Wire, Pacific Dispatch, Capital Ledger" in out
    assert f"salience {story.salience:g} = sources 3 + speaker" in out


def test_explain_claim_with_an_unknown_id_is_a_usage_error() -> None:
    args = ["explain", "--config", str(ROOT / "config.yaml"), "--claim", "000000000000"]
    result = CliRunner().invoke(main, [*args, "--input", str(MERGE)])
    assert result.exit_code == 2
    assert "no claim (or more than one) has the id '000000000000'" in result.output
    both = CliRunner().invoke(
        main, ["explain", "--config", str(ROOT / "config.yaml"), "x", "--claim", "y"]
    )
    assert both.exit_code == 2 and "give either TEXT or --claim ID" in both.output
