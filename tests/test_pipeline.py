"""The sample brief end to end: golden Markdown and HTML, the PDF read back, the CLI."""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from digest.cli import main
from digest.config.load import load_config
from digest.pipeline import build_brief
from digest.render.write import write_brief

from .conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "golden"
DAY = date(2023, 9, 13)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    config = load_config(ROOT / "config.yaml")
    brief = build_brief(config, DAY)
    return write_brief(brief, tmp_path_factory.mktemp("brief"))


def _compare_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"golden/{name}",
                "built",
                n=2,
            )
        )
        pytest.fail(
            f"{name} differs from the golden file (UPDATE_GOLDEN=1 to accept):\n{diff[:6000]}"
        )


def test_markdown_matches_golden(built: dict[str, Path]) -> None:
    _compare_golden("sample-brief.md", built["md"].read_text(encoding="utf-8"))


def test_html_matches_golden(built: dict[str, Path]) -> None:
    _compare_golden("sample-brief.html", built["html"].read_text(encoding="utf-8"))


def test_pdf_has_pages_bookmarks_headings_and_a_quote(built: dict[str, Path]) -> None:
    reader = PdfReader(built["pdf"])
    assert len(reader.pages) >= 2
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    for title in (
        "Bottom line",
        "North Korea–Russia arms",
        "UN Security Council sanctions",
        "Iran frozen funds waiver",
        "Sources",
    ):
        assert title in outline
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Korea Desk Daily Brief" in text
    assert "Page 1 of" in text
    assert "any arms transfer from North Korea to Russia would violate multiple UN" in text


def test_same_inputs_give_identical_bytes(built: dict[str, Path], tmp_path: Path) -> None:
    config = load_config(ROOT / "config.yaml")
    again = write_brief(build_brief(config, DAY), tmp_path)
    for fmt, path in built.items():
        assert again[fmt].read_bytes() == path.read_bytes(), fmt


def test_brief_json_carries_claims_with_offsets_and_matched_terms(built: dict[str, Path]) -> None:
    data = json.loads(built["json"].read_text(encoding="utf-8"))
    for section in data["sections"]:
        for story in section["stories"]:
            claims = [c for merged in story["claims"] for c in merged["claims"]]
            assert all(c["end"] > c["start"] for c in claims)
            # A story is filed under the topic its claims match: some match it, on terms.
            matched = [t for c in claims for t in c["topics"] if t["topic_id"] == story["topic_id"]]
            assert matched and all(t["matched_terms"] for t in matched)


def test_same_quote_from_two_outlets_is_one_claim_of_one_story() -> None:
    config = load_config(ROOT / "config.yaml")
    brief = build_brief(config, DAY)
    kirby = [
        (story, merged)
        for story in brief.stories()
        for merged in story.claims
        if merged.lead.text.startswith("We")
        and "hold both countries accountable" in merged.lead.text
    ]
    assert len(kirby) == 1
    story, merged = kirby[0]
    assert set(brief.outlets(merged.article_ids)) == {"Capital Ledger", "Pacific Dispatch"}
    assert set(merged.article_ids) <= set(story.article_ids)


HOSTILE = (
    "---\ntitle: 'Test <script>alert(1)</script>'\nsource: Evil Wire\n"
    "url: 'javascript:alert(1)'\npublished: 2023-09-12T09:00:00+09:00\n---\n"
    '"<script>alert(1)</script> [x](javascript:alert(1)) <img src="file:///etc/passwd"> '
    '# Heading | a | b |," said Kim Jong-un, adding that North Korea would send '
    "weapons to Russia.\n"
)


def test_hostile_article_text_stays_literal_in_every_format(tmp_path: Path) -> None:
    article = tmp_path / "evil.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    config = load_config(ROOT / "config.yaml")
    brief = build_brief(config, DAY, inputs=[article])
    out = write_brief(brief, tmp_path / "out")
    html = out["html"].read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html
    assert 'href="javascript:' not in html and 'href="file:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = out["md"].read_text(encoding="utf-8")
    assert "\\<script>" in markdown and "\\[x](javascript:" in markdown
    tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(markdown)
    links = [c for t in tokens if t.children for c in t.children if c.type == "link_open"]
    assert all(str(c.attrs["href"]).startswith(("#", "https://")) for c in links)
    text = " ".join(page.extract_text() or "" for page in PdfReader(out["pdf"]).pages)
    assert "<script>alert(1)</script>" in text


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "digest", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_claims_command_prints_json_lines_with_offsets(seed_path: Path) -> None:
    result = _cli("claims", "--config", "config.yaml", "--published", "2023-09-12", str(seed_path))
    assert result.returncode == 0, result.stderr
    text = seed_path.read_text(encoding="utf-8")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 17
    quote = next(r for r in records if r["text"].startswith("They will be available"))
    assert set(quote) >= {
        "article",
        "path",
        "kind",
        "text",
        "start",
        "end",
        "speaker",
        "cue",
        "cue_start",
        "cue_end",
        "when",
        "topics",
    }
    assert quote["kind"] == "quote" and quote["cue"] == "added"
    assert text[quote["start"] : quote["end"]] == quote["text"]
    assert text[quote["cue_start"] : quote["cue_end"]] == "added"
    speaker = quote["speaker"]
    assert speaker["name"] == "Matthew Miller"
    assert text[speaker["start"] : speaker["end"]] == speaker["mention"] == "Miller"
    assert quote["topics"][0]["topic_id"] == "iran-funds-waiver"


def test_claims_of_a_jsonl_record_point_into_its_text() -> None:
    feed = ROOT / "examples" / "articles" / "2023-09-13_meridian_feed.jsonl"
    result = _cli("claims", str(feed))
    assert result.returncode == 0, result.stderr
    texts = {
        json.loads(line)["id"]: json.loads(line)["text"] for line in feed.read_text().splitlines()
    }
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["article"] for r in records} == set(texts)
    for record in records:
        if (
            record["kind"] != "quote"
            or "\n" in texts[record["article"]][record["start"] : record["end"]]
        ):
            continue
        assert texts[record["article"]][record["start"] : record["end"]] == record["text"]


def test_build_command_writes_the_four_files(tmp_path: Path) -> None:
    result = _cli(
        "build",
        "--config",
        "config.yaml",
        "--date",
        "2023-09-13",
        "--out",
        str(tmp_path),
        "--format",
        "md,json",
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.json", "brief.md"]


def test_bad_config_exits_1_and_bad_usage_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "config.yaml"
    bad.write_text("brief:\n  titel: x\n")
    result = _cli("check", "--config", str(bad))
    assert result.returncode == 1
    assert "brief.titel: unknown key 'titel'" in result.stderr
    assert _cli("build", "--format", "docx").returncode == 2
    assert _cli("build", "--date", "13/09/2023").returncode == 2


def test_nothing_to_read_exits_3(tmp_path: Path) -> None:
    result = _cli(
        "build", "--config", "config.yaml", "--input", str(tmp_path), "--out", str(tmp_path / "o")
    )
    assert result.returncode == 3
    assert f"no articles in {tmp_path}: no article files (" in result.stderr


def test_check_accepts_the_shipped_config() -> None:
    result = _cli("check", "--config", "config.yaml")
    assert result.returncode == 0, result.stderr
    assert "OK (3 topics" in result.stdout


def test_explain_shows_matched_terms() -> None:
    from click.testing import CliRunner

    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "explain",
            "--config",
            str(ROOT / "config.yaml"),
            "North Korea may ship artillery shells to Russia",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "✓ nk-russia-arms:" in result.output
    assert "iran-funds-waiver: no match" in result.output


def test_one_broken_article_does_not_stop_the_build(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "---\ntitle: Fine\nsource: Wire\npublished: 2023-09-12\n---\n"
        "North Korea will send weapons to Russia, a senior official said on Tuesday.\n"
    )
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x01binary")
    config = load_config(ROOT / "config.yaml")
    brief = build_brief(config, DAY, inputs=[tmp_path])
    assert brief.stats.articles == 1
    assert [Path(s.path).name for s in brief.stats.skipped] == ["bad.txt"]
    out = write_brief(brief, tmp_path / "out", ["md"])
    assert "bad.txt" in out["md"].read_text() or "bad\\.txt" in out["md"].read_text()


def test_work_done_in_the_map_step_gives_the_brief_the_reduce_step_would(
    tmp_path: Path,
) -> None:
    """Claim keys and article shingles made by the workers change nothing in the brief."""
    from dataclasses import replace

    from digest.bench.corpus import write_corpus
    from digest.pipeline import read_articles
    from digest.process import process_article
    from digest.reduce import brief_from
    from digest.render.brief_json import render_json
    from digest.stories.merge import claim_key

    config = load_config(ROOT / "config.yaml")
    write_corpus(tmp_path, config.topics, 80, seed=5)
    articles, _ = read_articles(config, [ROOT / "examples" / "articles", tmp_path])
    done = [process_article(a, config.topics) for a in articles]
    assert all(p.keys == tuple(claim_key(c.text) for c in p.claims) for p in done)
    assert all(p.shingles is not None and len(p.shingles) for p in done)
    bare = [replace(p, keys=None, shingles=None) for p in done]
    day = date(2023, 9, 13)
    brief = brief_from(config, day, done, [])
    assert any(source.copy_of for source in brief.sources)  # copies were found
    assert render_json(brief) == render_json(brief_from(config, day, bare, []))


def test_processed_articles_survive_pickling_field_for_field() -> None:
    """What a worker sends back is what it made: every field of every model object."""
    import pickle
    from dataclasses import fields

    from digest.pipeline import read_articles
    from digest.process import process_article

    config = load_config(ROOT / "config.yaml")
    articles, _ = read_articles(config, [ROOT / "examples" / "articles"])
    done = [process_article(a, config.topics) for a in articles]
    back = pickle.loads(pickle.dumps(done))
    for before, after in zip(done, back, strict=True):
        assert after.article == before.article and after.claims == before.claims
        for claim in after.claims:
            assert all(hasattr(claim, f.name) for f in fields(claim))
    claims = [c for p in done for c in p.claims]
    # The sample reaches every optional field, so none can be dropped unnoticed.
    assert any(c.speaker and c.speaker.role for c in claims)
    assert any(c.dates and c.dates[0].future for c in claims)
    assert any(c.topics for c in claims) and any(c.cue_span for c in claims)


def test_cycle_collector_paused_for_a_build_and_restored_after_it() -> None:
    import gc

    from digest.pipeline import cycles_unchecked

    assert gc.isenabled()
    with pytest.raises(RuntimeError), cycles_unchecked():
        assert not gc.isenabled()
        raise RuntimeError("a build that fails")
    assert gc.isenabled()  # restored however the build ended
    gc.disable()
    try:
        with cycles_unchecked():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
