"""The article the product was designed from: every expected claim, and no chrome."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from digest.config.load import load_config
from digest.pipeline import build_brief
from digest.process import process_all
from digest.read.files import ReadOptions, read_inputs
from digest.render.write import render_markdown, template_environment

from .conftest import ROOT


def _norm(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("’", "'")
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def seed(request: pytest.FixtureRequest):
    from .conftest import SEED

    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared is not beside the project)")
    expected = yaml.safe_load(SEED.with_suffix("").with_suffix(".expected.yaml").read_text())
    config = load_config(ROOT / "config.yaml")
    articles, skipped = read_inputs([SEED], ReadOptions(published=date(2023, 9, 12)))
    assert not skipped
    processed, failed = process_all(articles, config.topics)
    assert not failed
    return expected, processed[0], config


def _claim_for(claims, match: str):
    wanted = _norm(match)
    found = [c for c in claims if wanted in _norm(c.text)]
    assert found, f"no claim contains {match!r}"
    return min(found, key=lambda c: len(c.text))


def _expected_claims():
    from .conftest import SEED

    path = Path(str(SEED).replace(".txt", ".expected.yaml"))
    if not path.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{path} not found"))]
    data = yaml.safe_load(path.read_text())
    return [pytest.param(c, id=f"{i + 1:02d}-{c['kind']}") for i, c in enumerate(data["claims"])]


@pytest.mark.parametrize("want", _expected_claims())
def test_expected_claim_is_found(seed, want) -> None:
    _, processed, _ = seed
    claim = _claim_for(processed.claims, want["match"])
    assert claim.kind == want["kind"]
    if want.get("speaker"):
        assert claim.speaker is not None and claim.speaker.name.lower() == want["speaker"].lower()
    else:
        assert claim.speaker is None
    if want.get("cue"):
        assert claim.cue == want["cue"]
    if want.get("when"):
        assert claim.when is not None and claim.when.isoformat() == want["when"]
    assert claim.topics, "the claim is filed under no topic"
    assert claim.topics[0].topic_id in want["topics"]
    # Offsets point into the file's text as read.
    text = processed.article.text
    assert _norm(want["match"]) in _norm(text[claim.span.start : claim.span.end])
    if claim.speaker is not None:
        assert text[claim.speaker.span.start : claim.speaker.span.end] == claim.speaker.mention


def test_chrome_yields_no_claim_and_no_brief_line(seed) -> None:
    expected, processed, config = seed
    brief = build_brief(
        config, date(2023, 9, 13), inputs=[processed.article.path], published=date(2023, 9, 12)
    )
    markdown = render_markdown(brief, template_environment())
    for chrome in expected["not_claims"]:
        for claim in processed.claims:
            assert chrome not in claim.text, f"claim {claim.text!r} comes from chrome {chrome!r}"
        assert chrome not in markdown, f"the brief shows chrome {chrome!r}"


def test_captions_are_kept_as_captions(seed) -> None:
    _, processed, _ = seed
    article = processed.article
    captions = [article.text[s.start : s.end] for s in article.captions]
    assert len(captions) == 2
    assert any("waves as he boards a train" in c for c in captions)
    assert article.title.startswith("US will not hesitate to take action")


def test_brief_follows_the_sketch(seed) -> None:
    _, processed, config = seed
    brief = build_brief(
        config, date(2023, 9, 13), inputs=[processed.article.path], published=date(2023, 9, 12)
    )
    assert [s.topic_id for s in brief.sections] == [
        "nk-russia-arms",
        "unsc-sanctions",
        "iran-funds-waiver",
    ]
    # One article, one event: one story, under the topic it fits best, also under the
    # others, with a few claims shown and every claim in it.
    [story] = brief.stories()
    assert story.topic_id == "nk-russia-arms"
    assert "unsc-sanctions" in story.also_topics
    [item] = next(s for s in brief.sections if s.topic_id == story.topic_id).items
    assert 1 <= len(item.claims) <= 3
    assert [b.topic_id for b in brief.bottom_line] == ["nk-russia-arms"]
    # Kim and Putin meet on the brief's date: today's event, on the timeline.
    assert any(e.when.isoformat() == "2023-09-13" and "Putin" in e.text for e in brief.timeline)
    timeline_dates = {e.when.isoformat() for e in brief.timeline}
    assert {"2023-09-08", "2023-09-11", "2023-09-13"} <= timeline_dates
