"""Any real day of news builds a brief: odd sentences, odd folders, odd files, odd commands."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

import digest.compose.timeline
from digest.cli import main
from digest.config.load import load_config
from digest.errors import BuildFault
from digest.faults import FaultLog
from digest.pipeline import build_brief
from digest.render.write import write_brief

from .conftest import ROOT

WIRE = (
    "The exchange said other months will stay unchanged at 70,000, except the new distant "
    "February requirement, which will be set at 70,000 from March 2."
)


def cli(*args: str) -> Result:
    """`digest ARGS` in this process."""
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def article(folder: Path, name: str, body: str, **meta: str) -> Path:
    """A .txt article with front matter under `folder`."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    front = "".join(f"{key}: {value}\n" for key, value in meta.items())
    path.write_text(f"---\n{front}---\n{body}\n" if front else f"{body}\n", encoding="utf-8")
    return path


def test_the_one_sentence_wire_story_builds_into_all_four_formats(tmp_path: Path) -> None:
    article(tmp_path / "in", "wire.txt", WIRE, source="Wire", published="1987-03-01")
    out = tmp_path / "out"
    result = cli(
        "build", "--config", str(ROOT / "config.yaml"), "--input", str(tmp_path / "in"),
        "--window", "all", "--date", "1987-03-02", "--out", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "brief.html", "brief.json", "brief.md", "brief.pdf",
    ]  # fmt: skip
    data = json.loads((out / "brief.json").read_text())
    assert data["stats"]["faults"] == [] and data["stats"]["claims"] == 1
    claim = data["other"]["stories"][0]["claims"][0]["claims"][0]
    assert claim["text"].startswith("other months will stay unchanged")
    assert claim["speaker"]["name"] == "The exchange"
    # The date in its relative clause is an event of the claim: the brief's own date, so
    # on the timeline (the watch list holds what comes after the brief's date).
    [event] = data["timeline"]
    assert event["when"] == "1987-03-02" and event["text"].endswith("from March 2")
    assert data["watch_list"] == []
    pdf = " ".join(page.extract_text() or "" for page in PdfReader(out / "brief.pdf").pages)
    assert "other months will stay unchanged" in pdf


def _breaks_on(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the timeline raise on every claim whose text holds `text`."""
    original = digest.compose.timeline._event_text

    def event_text(claim: digest.model.Claim, *args: object) -> str:
        if text in claim.text:
            raise IndexError("list index out of range")
        return original(claim, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(digest.compose.timeline, "_event_text", event_text)


def _two_articles(folder: Path) -> Path:
    article(
        folder, "good.txt",
        "North Korea will send weapons to Russia, a senior official said on Tuesday.",
        source="Wire", published="2023-09-12",
    )  # fmt: skip
    article(folder, "odd.txt", WIRE, source="Exchange Daily", published="2023-09-12")
    return folder


def test_a_claim_that_breaks_a_step_is_left_out_and_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _breaks_on("other months", monkeypatch)
    config = load_config(ROOT / "config.yaml")
    folder = _two_articles(tmp_path / "in")
    with caplog.at_level(logging.ERROR, logger="digest"):
        brief = build_brief(config, date(2023, 9, 13), inputs=[folder])
    [fault] = brief.stats.faults
    assert (fault.stage, fault.article_id, fault.error) == (
        "timeline", "odd", "IndexError: list index out of range",
    )  # fmt: skip
    logged = [r.getMessage() for r in caplog.records]
    assert any(fault.claim_id in m and "odd" in m and "IndexError" in m for m in logged)
    # The other article's claim goes on; the broken one is nowhere in the brief.
    assert brief.stats.claims == 1 and brief.stats.articles == 2
    out = write_brief(brief, tmp_path / "out", ["md", "json"])
    markdown = out["md"].read_text()
    assert "### Problems" in markdown and fault.claim_id in markdown
    assert "will send weapons to Russia" in markdown
    data = json.loads(out["json"].read_text())
    texts = [c["text"] for s in _stories(data) for m in s["claims"] for c in m["claims"]]
    assert not [t for t in texts if "other months" in t]
    assert data["stats"]["faults"] == [
        {
            "stage": "timeline",
            "article_id": "odd",
            "claim_id": fault.claim_id,
            "story_id": None,
            "error": "IndexError: list index out of range",
        }
    ]


def test_strict_makes_a_fault_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _breaks_on("other months", monkeypatch)
    config = load_config(ROOT / "config.yaml")
    folder = _two_articles(tmp_path / "in")
    with pytest.raises(BuildFault, match=r"article 'odd', claim \w+: the timeline step raised"):
        build_brief(config, date(2023, 9, 13), inputs=[folder], faults=FaultLog(strict=True))
    out = tmp_path / "out"
    args = ["--config", str(ROOT / "config.yaml"), "--input", str(folder), "--out", str(out)]
    result = cli("build", *args, "--date", "2023-09-13", "--strict")
    assert result.exit_code == 4 and not out.exists()
    assert "the timeline step raised IndexError" in result.stderr
    # The config key does the same.
    strict = tmp_path / "strict.yaml"
    strict.write_text((ROOT / "config.yaml").read_text() + "\nstrict: true\n")
    args[1] = str(strict)
    assert cli("build", *args, "--date", "2023-09-13").exit_code == 4
    assert cli("build", *args, "--date", "2023-09-13", "--format", "md").exit_code == 4
    # Without either, the same build writes its brief and exits 0.
    args[1] = str(ROOT / "config.yaml")
    assert cli("build", *args, "--date", "2023-09-13", "--format", "md").exit_code == 0


def test_a_claim_the_renderer_fails_on_is_left_out_of_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import digest.render.filters

    original = digest.render.filters.FILTERS["md"]

    def md(value: object) -> object:
        if "other months" in str(value):
            raise ValueError("cannot escape this")
        return original(value)

    monkeypatch.setitem(digest.render.filters.FILTERS, "md", md)
    config = load_config(ROOT / "config.yaml")
    brief = build_brief(config, date(2023, 9, 13), inputs=[_two_articles(tmp_path / "in")])
    assert not brief.stats.faults
    faults = FaultLog()
    out = write_brief(brief, tmp_path / "out", ["md", "html", "json"], faults=faults)
    # The claim and the story it is told in (its headline is the same sentence) both
    # break the renderer: both are left out, the other article's story goes on.
    assert {(f.article_id, f.error) for f in faults.faults} == {
        ("odd", "ValueError: cannot escape this")
    }
    [story_fault] = [f for f in faults.faults if f.story_id is not None]
    markdown = out["md"].read_text()
    assert "will send weapons to Russia" in markdown
    assert f"Article odd, story {story_fault.story_id}" in markdown
    data = json.loads(out["json"].read_text())
    assert [f["story_id"] for f in data["stats"]["faults"]] == [f.story_id for f in faults.faults]
    texts = [c["text"] for s in _stories(data) for m in s["claims"] for c in m["claims"]]
    assert not [t for t in texts if "other months" in t]
    assert "other months" not in out["html"].read_text()
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def _stories(data: dict[str, Any]) -> list[dict[str, Any]]:
    parts = [*data["sections"], *([data["other"]] if data["other"] else [])]
    return [s for part in parts for s in part["stories"]]


def _template_folder(tmp_path: Path, name: str, text: str) -> Path:
    config = tmp_path / "config.yaml"
    config.write_text(
        (ROOT / "config.yaml")
        .read_text()
        .replace("path: examples/articles", f"path: {ROOT / 'examples' / 'articles'}")
        + "\ntemplates: mine\n"
    )
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / name).write_text(text)
    return config


def test_a_broken_template_exits_1_in_build_as_in_check_and_is_said_once(tmp_path: Path) -> None:
    text = (ROOT / "templates" / "brief.md.j2").read_text().replace("brief.title", "brief.titel")
    config = _template_folder(tmp_path, "brief.md.j2", text)
    checked = cli("check", "--config", str(config))
    assert checked.exit_code == 1
    assert checked.stderr.count("'Brief' has no attribute 'titel'") == 1
    built = cli("build", "--config", str(config), "--date", "2023-09-13", "--out", str(tmp_path))
    assert built.exit_code == 1
    assert built.stderr.count("'Brief' has no attribute 'titel'") == 1
    assert "did you mean 'title'" in built.stderr


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """`digest ARGS` in its own process: what a user sees on stderr, log lines included."""
    return subprocess.run(
        [sys.executable, "-m", "digest", *args], capture_output=True, text=True, check=False
    )


def test_a_template_that_overrides_nothing_is_warned_about(tmp_path: Path) -> None:
    text = (ROOT / "templates" / "brief.md.j2").read_text()
    config = _template_folder(tmp_path, "brief.md.jinja", text)
    result = run("check", "--config", str(config))
    assert result.returncode == 0
    assert "brief.md.jinja: overrides no template and no template uses it" in result.stderr
    assert "did you mean 'brief.md.j2'?" in result.stderr
    # A file a template includes is used: no warning.
    (tmp_path / "mine" / "brief.md.jinja").rename(tmp_path / "mine" / "brief.md.j2")
    (tmp_path / "mine" / "footer.j2").write_text("-- the desk\n")
    with (tmp_path / "mine" / "brief.md.j2").open("a") as fh:
        fh.write('{% include "footer.j2" %}\n')
    result = run("check", "--config", str(config))
    assert result.returncode == 0 and "overrides no template" not in result.stderr


def test_files_of_one_name_in_two_folders_are_two_articles(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    article(inbox, "2023-09-12/001.txt", "Kim Jong-un arrived by train, officials said.")
    article(inbox, "2023-09-13/001.txt", "Putin met Kim at the cosmodrome, the Kremlin said.")
    article(inbox, "2023-09-13/002.txt", "Putin met Kim at the cosmodrome, the Kremlin said.")
    config = load_config(ROOT / "config.yaml")
    brief = build_brief(config, date(2023, 9, 13), inputs=[inbox], published=date(2023, 9, 12))
    assert sorted(s.article_id for s in brief.sources) == ["2023-09-12/001", "2023-09-13/001"]
    # The same text from the same outlet is one article read twice: counted, not shown.
    assert [Path(d.path).name for d in brief.stats.duplicates] == ["002.txt"]
    assert not brief.stats.skipped
    # A glob names files below its fixed part; ids are stable from run to run.
    again = build_brief(
        config, date(2023, 9, 13), inputs=[f"{inbox}/*/001.txt"], published=date(2023, 9, 12)
    )
    assert [s.article_id for s in again.sources] == [s.article_id for s in brief.sources]


def test_a_folder_s_readme_and_hidden_files_are_not_articles(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    article(folder, "README.TXT", "These articles were collected from the BBC site in 2005.")
    article(folder, ".git/notes.txt", "Someone said something about the repository once.")
    article(folder, "news/001.txt", "Seoul said the talks would resume, an official said.")
    config = load_config(ROOT / "config.yaml")
    brief = build_brief(config, date(2023, 9, 13), inputs=[folder], published=date(2023, 9, 12))
    assert [s.article_id for s in brief.sources] == ["news/001"]
    # Named on its own, a README is read like any file.
    named = build_brief(
        config, date(2023, 9, 13), inputs=[folder / "README.TXT"], published=date(2023, 9, 12)
    )
    assert [s.article_id for s in named.sources] == ["README"]


def test_the_same_name_from_two_inputs_is_qualified_not_dropped(tmp_path: Path) -> None:
    article(tmp_path / "a", "001.txt", "Seoul said the talks would resume, an official said.")
    article(tmp_path / "b", "001.txt", "Tokyo said the talks had ended, a spokesman said.")
    config = load_config(ROOT / "config.yaml")
    brief = build_brief(
        config, date(2023, 9, 13), inputs=[tmp_path / "a", tmp_path / "b"],
        published=date(2023, 9, 12),
    )  # fmt: skip
    assert sorted(s.article_id for s in brief.sources) == ["001", "b/001"]
    assert not brief.stats.duplicates and not brief.stats.skipped


def test_files_named_one_by_one_with_one_name_are_all_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # As a shell glob or a list of files passes them: business/010.txt, politics/010.txt...
    texts = {
        "business": "Seoul said exports would recover next year, an official said.",
        "politics": "Tokyo said the talks had ended without a deal, a spokesman said.",
        "sport": "The coach said the team would play on Sunday despite the rain.",
    }
    files = [article(tmp_path / section, "010.txt", text) for section, text in texts.items()]
    result = CliRunner().invoke(main, ["claims", "--published", "2023-09-12", *map(str, files)])
    assert result.exit_code == 0, result.output
    read = {json.loads(line)["article"] for line in result.stdout.splitlines()}
    assert read == {"010", "politics/010", "sport/010"}
    assert "duplicate" not in caplog.text
    # A file named twice is one article, and the user is told one was left out.
    twice = CliRunner().invoke(
        main, ["claims", "--published", "2023-09-12", *map(str, files[:1] * 2)]
    )
    assert {json.loads(line)["article"] for line in twice.stdout.splitlines()} == {"010"}
    assert "left out 1 duplicate article" in caplog.text


def test_articles_without_readable_text_are_skipped_and_counted(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(40):  # each its own byte: forty files, not one read forty times
        (folder / f"byte{number:02}.txt").write_text(chr(ord("A") + number))
    article(folder, "real.txt", "Seoul said the talks would resume next week, an official said.")
    config = load_config(ROOT / "config.yaml")
    brief = build_brief(config, date(2023, 9, 13), inputs=[folder], published=date(2023, 9, 12))
    assert brief.stats.articles == 1
    assert len(brief.stats.skipped) == 40
    assert {s.reason for s in brief.stats.skipped} == {
        "no readable text (fewer than 3 words once the page chrome is removed)"
    }
    markdown = write_brief(brief, tmp_path / "out", ["md"])["md"].read_text()
    # Forty files, one reason: one line of the brief, not forty.
    [line] = [line for line in markdown.splitlines() if "no readable text" in line]
    assert line.startswith("- 40 inputs: no readable text") and line.endswith(", …)")


def test_missing_and_empty_inputs_say_what_and_where(tmp_path: Path) -> None:
    config = str(ROOT / "config.yaml")
    missing = tmp_path / "no" / "such"
    result = cli("build", "--config", config, "--input", str(missing), "--out", str(tmp_path))
    assert result.exit_code == 3
    assert f"{missing}: no such file or folder" in result.stderr
    assert "not a supported article file" not in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("build", "--config", config, "--input", str(empty), "--out", str(tmp_path))
    assert result.exit_code == 3
    assert f"no articles in {empty}: no article files (" in result.stderr
    assert "pass --input" not in result.stderr
    result = cli("claims", str(empty))
    assert result.exit_code == 3 and f"no articles in {empty}" in result.stderr


def test_quiet_and_verbose_work_after_the_subcommand(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("x")
    article(tmp_path / "in", "real.txt", "Seoul said the talks would resume, an official said.")
    args = ["--config", str(ROOT / "config.yaml"), "--input", str(tmp_path / "in")]
    args += ["--out", str(tmp_path / "out"), "--format", "md", "--date", "2023-09-13"]
    loud = run("build", "-v", *args)
    assert loud.returncode == 0 and "DEBUG" in loud.stderr and "no readable text" in loud.stderr
    normal = run("build", *args)
    assert "DEBUG" not in normal.stderr and "no readable text" in normal.stderr
    quiet = run("build", *args, "-q")
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert run("-q", "build", *args).stderr == ""


def test_messages_count_in_good_english(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        "sources:\n  - path: in\ntopics:\n  - {id: t, title: T, query: talks}\n"
        "delivery: {from: desk@example.org}\nsubscribers:\n  - address: a@example.org\n"
    )
    assert "OK (1 topic, 1 source," in cli("check", "--config", str(config)).stdout
    (tmp_path / "a.txt").write_text("The talks would resume next week, an official said.")
    shutil.copy(tmp_path / "a.txt", tmp_path / "b.txt")
    result = cli("dupes", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert "digest: 1 pair among 2 documents (1 identical, 0 near)" in result.stderr


def test_send_refuses_a_brief_of_another_date(tmp_path: Path) -> None:
    from .test_deliver import config_text

    config = tmp_path / "config.yaml"
    config.write_text(config_text(), encoding="utf-8")
    built = cli(
        "build", "--config", str(config), "--date", "2023-09-14",
        "--out", str(tmp_path / "out" / "2023-09-13"),
    )  # fmt: skip
    assert built.exit_code == 0, built.stderr
    result = cli("send", "--config", str(config), "--date", "2023-09-13")
    assert result.exit_code == 3
    assert "brief.json is the brief of 2023-09-14, not of 2023-09-13: nothing sent" in (
        result.stderr
    )
    assert not (tmp_path / "out" / "2023-09-13" / "outbox").exists()
    with sqlite3.connect(tmp_path / "state.sqlite") as db:
        assert db.execute("SELECT count(*) FROM deliveries").fetchone() == (0,)
