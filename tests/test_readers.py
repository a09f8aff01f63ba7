"""Reading articles: front matter, JSON records, and bad files skipped with a reason."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

import pytest

from digest.clean import clean_article
from digest.readers import ReadOptions, read_inputs


def test_front_matter_gives_metadata_and_offsets_into_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "---\ntitle: 'Talks: day two'\nsource: Harbor Wire\nurl: https://h.example/a\n"
        "published: 2023-09-12T08:30:00+09:00\n---\nSEOUL, Sept. 12 (Harbor Wire) -- "
        "Officials met on Tuesday to discuss the plan in detail.\n",
        encoding="utf-8",
    )
    [article], skipped = read_inputs([path])
    assert not skipped
    assert (article.id, article.title, article.source, article.url) == (
        "a", "Talks: day two", "Harbor Wire", "https://h.example/a"
    )
    assert article.published is not None and article.published.isoformat() == "2023-09-12T08:30:00+09:00"
    cleaned = clean_article(article)
    body = cleaned.text[cleaned.body[0].start : cleaned.body[0].end]
    assert body == "Officials met on Tuesday to discuss the plan in detail."
    assert article.text == path.read_text(encoding="utf-8")


def test_jsonl_records_each_become_an_article(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {"id": "r1", "title": "One", "source": "Wire", "published": "2023-09-12T01:00:00Z", "text": "First story text here."},
        {"id": "r2", "title": "Two", "source": "Wire", "text": "Second story text here."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    articles, skipped = read_inputs([path], ReadOptions(published=date(2023, 9, 11)))
    assert [a.id for a in articles] == ["r1", "r2"]
    assert articles[0].text == "First story text here."
    assert articles[1].published is not None and articles[1].published.date() == date(2023, 9, 11)
    assert not skipped


def test_bad_files_are_skipped_with_a_reason_and_the_rest_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "good.txt").write_text("A real sentence about the talks in Seoul today.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "broken.json").write_text("{not json")
    with caplog.at_level(logging.WARNING, logger="digest"):
        articles, skipped = read_inputs([tmp_path])
    assert [a.id for a in articles] == ["good"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"] == "binary file, not text"
    assert reasons["latin.txt"].startswith("not UTF-8 text (byte 0xe9 at offset 3)")
    assert reasons["broken.json"].startswith("line 1 column 2: not JSON")
    assert "empty.txt" in caplog.text


def test_bad_jsonl_line_is_skipped_not_the_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "ok", "text": "Fine text."}\n{oops\n{"id": "", "text": "no id"}\n')
    articles, skipped = read_inputs([path])
    assert [a.id for a in articles] == ["ok"]
    assert not skipped


def test_missing_file_is_reported(tmp_path: Path) -> None:
    articles, skipped = read_inputs([tmp_path / "nope.txt"])
    assert not articles
    assert skipped[0].reason == "no such file"


def test_bad_front_matter_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: a: b\n---\nBody text here.\n")
    _, skipped = read_inputs([path])
    assert "front matter is not valid YAML" in skipped[0].reason
