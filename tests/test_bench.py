"""The benchmark runs end to end on a tiny corpus, and its corpus is what it claims to be."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from digest.bench import __main__ as bench_cli
from digest.bench import measure, report
from digest.bench.corpus import generate, generate_copies, write_copies, write_corpus
from digest.config.load import load_config
from digest.pipeline import read_articles
from digest.process import process_all

from .conftest import ROOT


def test_bench_smoke_run_prints_every_stage_as_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = bench_cli.main(
        [
            "--articles",
            "24",
            "--executors",
            "serial,process",
            "--jobs",
            "2",
            "--json",
            "--config",
            str(ROOT / "config.yaml"),
            "--bbc",
            str(tmp_path / "no-bbc-here"),
            "--copies",
            "30",
            "--no-linear",
        ]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    stages = [(r["corpus"], r["stage"]) for r in report["rows"]]
    rows = {(r["corpus"], r["stage"]): r for r in report["rows"]}
    for stage in (
        "read",
        "clean",
        "extract",
        "classify",
        "map (read…classify)",
        "merge",
        "stories",
        "compose",
        "render md",
        "render json",
    ):
        assert ("synthetic", stage) in stages
    assert ("synthetic", "build --serial") in stages
    assert ("synthetic", "build --jobs 2") in stages
    assert ("synthetic", "build --jobs 2, half") in stages
    assert ("synthetic", "render pdf") in stages
    # A day of syndication beside an ordinary day, each built whole; the claims counted
    # are the built briefs' own (four a copy).
    distinct, copies = rows["distinct", "build --jobs 2"], rows["copies", "build --jobs 2"]
    assert distinct["articles"] == copies["articles"] == 30
    assert copies["claims"] == 4 * 30 and copies["note"] == "1 story, 15 outlets"
    # No BBC corpus: no stage rows, and its whole brief says why it is not measured.
    skipped = rows.pop(("bbc", "brief md,html,pdf,json --jobs 2"))
    assert skipped["note"].startswith("skipped: no corpus at ") and skipped["seconds"] == 0
    assert not any(corpus == "bbc" for corpus, _ in rows)
    for (corpus, stage), row in rows.items():
        assert row["seconds"] > 0 and row["peak_mb"] > 0, row
        explained = "pages" in row["note"] or corpus == "copies" or stage.startswith("map")
        assert row["note"] == "" or explained, row
        assert row["claims"] > 0
    assert {t["what"].split(" ")[0] for t in report["targets"]} >= {"24", "30", "PDF"}


def test_table_lines_up_and_marks_targets() -> None:
    rows = [
        report.Row("bbc", "map (read…classify)", 1000, 17000, 2.0, 300.0, "one core"),
        report.Row("synthetic", "build --jobs 2", 20_000, 300_000, 900.0, 0.0, "did not finish"),
    ]
    found = report.targets(rows, 20_000, 2)
    assert [(t.measured, t.met) for t in found] == [("500/s", True), ("did not finish", False)]
    lines = report.table(rows, found).splitlines()
    assert len(lines[1]) >= len(lines[0])  # the rule under the header spans it
    assert lines[2].index("1,000") + len("1,000") == lines[0].index("articles") + len("articles")
    assert lines[-2].strip().startswith("met") and lines[-1].strip().startswith("MISSED")


def test_copies_are_judged_against_distinct_articles() -> None:
    rows = [
        report.Row("distinct", "build --jobs 2", 3000, 40_000, 10.0, 300.0),
        report.Row("copies", "build --jobs 2", 3000, 12_000, 12.5, 250.0, "one story"),
    ]
    found = report.targets(rows, 20_000, 2)
    assert [(t.measured.split(" ")[0], t.met) for t in found] == [("1.25×", True), ("0.83×", True)]
    slow = [rows[0], report.Row("copies", "build --jobs 2", 3000, 0, 900.0, 0.0, "did not finish")]
    assert [(t.measured, t.met) for t in report.targets(slow, 20_000, 2)] == [
        ("did not finish", False)
    ]


def test_a_corpus_is_read_through_the_product(tmp_path: Path) -> None:
    """Sections that reuse file names (the BBC's business/001 and tech/001) are two
    articles: ids are paths below the corpus's folder."""
    for section in ("business", "tech"):
        (tmp_path / section).mkdir()
        (tmp_path / section / "001.txt").write_text(
            f"A {section} headline\n\nThe {section} story, told in a sentence or two.\n"
        )
    articles, seconds, peak_mb = measure.read_corpus(tmp_path, load_config(ROOT / "config.yaml"))
    assert sorted(a.id for a in articles) == ["business/001", "tech/001"]
    assert seconds > 0 and peak_mb > 0


def test_copies_are_one_story_in_many_outlets(tmp_path: Path) -> None:
    texts = [text for _, text in generate_copies(40)]
    assert len(set(texts)) == 40  # each copy says its own number
    outlets = Counter(line for t in texts for line in t.splitlines() if line.startswith("source:"))
    assert len(outlets) == 20 and set(outlets.values()) == {2}
    assert len(write_copies(tmp_path, 40, outlets=8)) == 40


def test_corpus_is_deterministic_and_sized(tmp_path: Path) -> None:
    topics = load_config(ROOT / "config.yaml").topics
    first = list(generate(topics, 40, seed=5))
    assert first == list(generate(topics, 40, seed=5))
    assert first != list(generate(topics, 40, seed=6))
    assert len(write_corpus(tmp_path, topics, 40, seed=5)) == 40


def test_corpus_gives_every_stage_real_work(tmp_path: Path) -> None:
    config = load_config(ROOT / "config.yaml")
    write_corpus(tmp_path, config.topics, 120, seed=2)
    articles, skipped = read_articles(config, [tmp_path])
    assert len(articles) == 120 and not skipped
    done, failed = process_all(articles, config.topics)
    assert not failed
    kinds = Counter(c.kind for p in done for c in p.claims)
    assert kinds["quote"] and kinds["reported"] and kinds["statement"]
    filed = Counter(c.best_topic.topic_id for p in done for c in p.claims if c.best_topic)
    assert set(filed) == {t.id for t in config.topics}  # every topic's query matches
    assert sum(filed.values()) < sum(kinds.values())  # and some claims match none
    named = Counter(c.speaker.name for p in done for c in p.claims if c.speaker)
    assert named.most_common(1)[0][1] > 1  # the same people speak in several articles
    texts = Counter(c.text for p in done for c in p.claims if c.kind == "quote")
    assert texts.most_common(1)[0][1] >= 3  # one quote, several outlets: merging has work


def test_hostile_line_rows_judge_the_worst_growth() -> None:
    rows = [
        report.Row("huge lines", "extract stops", 1, 0, 0.4, 0, "4.1×"),
        report.Row("huge lines", "read+clean .html tags", 1, 0, 0.9, 0, "9.5×"),
    ]
    [target] = [t for t in report.targets(rows, 0, 1) if t.what.startswith("hostile lines")]
    assert target.measured == "9.5× (read+clean .html tags)" and target.met is False
