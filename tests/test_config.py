"""Config validation: every mistake named by file, line, key, value and a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.config.load import load_config
from digest.errors import ConfigError, QueryError

from .conftest import ROOT

GOOD_TOPIC = """
topics:
  - id: arms
    title: Arms
    query: 'Russia AND arms'
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(_write(tmp_path, text))
    return str(info.value)


def test_shipped_config_loads() -> None:
    config = load_config(ROOT / "config.yaml")
    assert [t.id for t in config.topics] == [
        "nk-russia-arms",
        "unsc-sanctions",
        "iran-funds-waiver",
    ]
    assert config.brief.title == "Korea Desk Daily Brief"
    assert config.output_dir == ROOT / "out"


def test_typo_in_a_key_is_named_with_a_suggestion(tmp_path: Path) -> None:
    path = _write(tmp_path, "brief:\n  titel: Desk brief\n" + GOOD_TOPIC)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (
        f"{path}:2: brief.titel: unknown key 'titel'\n"
        "Hint: did you mean 'title'? allowed keys here: title, timezone, time, "
        "classification, other_reporting, bottom_line, stories_per_topic, claims_per_story, "
        "statements_per_topic, quote_words, threads, stories_per_thread, timeline, watch_list"
    )


def test_wrong_type_names_value_and_expectation(tmp_path: Path) -> None:
    path = _write(tmp_path, "brief:\n  bottom_line: five\n" + GOOD_TOPIC)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (
        f"{path}:2: brief.bottom_line: expected an integer, got 'five'\n"
        "Hint: write a whole number such as 5"
    )


def test_unbalanced_parenthesis_in_a_query_points_at_it(tmp_path: Path) -> None:
    text = (
        "topics:\n  - id: nk-russia-arms\n    title: Arms\n"
        "    query: 'Russia AND (arms OR weapons'\n"
    )
    path = _write(tmp_path, text)
    with pytest.raises(QueryError) as info:
        load_config(path)
    assert str(info.value) == (
        f"{path}:4: topics.nk-russia-arms.query: unbalanced parenthesis: "
        "'(' at column 12 is never closed\n"
        "    Russia AND (arms OR weapons\n"
        "               ^\n"
        "Hint: add ')' or remove '('"
    )


def test_unknown_top_level_key(tmp_path: Path) -> None:
    message = _error(tmp_path, "topicz: []\n")
    assert "topicz: unknown key 'topicz'" in message
    assert "did you mean 'topics'?" in message


def test_missing_required_key_in_a_topic(tmp_path: Path) -> None:
    message = _error(tmp_path, "topics:\n  - id: arms\n    title: Arms\n")
    assert message.endswith(
        ":2: topics[0].query: required key is missing\nHint: add 'query: ...' here"
    )


def test_bad_choice_lists_the_values(tmp_path: Path) -> None:
    message = _error(tmp_path, "brief:\n  other_reporting: hide\n")
    assert ":2: brief.other_reporting: expected one of 'show' or 'drop', got 'hide'" in message


def test_unknown_time_zone(tmp_path: Path) -> None:
    message = _error(tmp_path, "brief:\n  timezone: Mars/Olympus\n")
    assert ":2: brief.timezone: unknown time zone 'Mars/Olympus'" in message
    assert "Hint: use an IANA name" in message


def test_invalid_yaml_names_line(tmp_path: Path) -> None:
    message = _error(tmp_path, "brief:\n  title: [unclosed\n")
    assert "not valid YAML" in message and "line" in message


def test_missing_file() -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config("/nonexistent/config.yaml")


def test_duplicate_topic_ids(tmp_path: Path) -> None:
    text = GOOD_TOPIC + "  - id: arms\n    title: Again\n    query: 'x'\n"
    assert "duplicate topic id 'arms'" in _error(tmp_path, text)


def test_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path, "output: briefs\ntemplates: mine\n"))
    assert config.output_dir == tmp_path.resolve() / "briefs"
    assert config.template_dir == tmp_path.resolve() / "mine"
