"""The story-grouping scorer (`digest eval stories`): its figures, worked out by hand on
tiny groupings, the gold reader, the command, and the target on ECB+ when it is there."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.errors import InputError
from digest.evaluate.stories import (
    adjusted_rand,
    b_cubed,
    evaluate,
    normalized_mutual_info,
    read_gold,
    score,
)

from .conftest import ROOT, SHARED

FIXTURE = ROOT / "tests" / "data" / "stories" / "events.jsonl"
ECB_DEV = SHARED / "data" / "events-ecbplus-dev.jsonl"

# Six articles: gold classes A A A B B C, clusters 1 1 2 2 2 3.
GOLD = ["A", "A", "A", "B", "B", "C"]
FOUND = [1, 1, 2, 2, 2, 3]


def test_b_cubed_by_hand() -> None:
    # Precision, article by article: 2/2, 2/2, 1/3, 2/3, 2/3, 1/1 -> 14/3 over 6.
    # Recall: 2/3, 2/3, 1/3, 2/2, 2/2, 1/1 -> 14/3 over 6 as well.
    assert b_cubed(FOUND, GOLD) == pytest.approx((7 / 9, 7 / 9, 7 / 9))
    # Four in one cluster (A A A B), two in another (B C):
    # precision 3/4, 3/4, 3/4, 1/4, 1/2, 1/2 -> 7/2 over 6;
    # recall 3/3, 3/3, 3/3, 1/2, 1/2, 1/1 -> 5 over 6.
    precision, recall, f1 = b_cubed([1, 1, 1, 1, 2, 2], GOLD)
    assert (precision, recall) == pytest.approx((7 / 12, 5 / 6))
    assert f1 == pytest.approx(2 * (7 / 12) * (5 / 6) / (7 / 12 + 5 / 6))


def test_adjusted_rand_by_hand() -> None:
    # Pairs together in both: 1 (cluster 1, A) + 1 (cluster 2, B) = 2; together in the
    # clusters: 1 + 3 = 4; in the classes: 3 + 1 = 4; 15 pairs: expected 16/15.
    assert adjusted_rand(FOUND, GOLD) == pytest.approx((2 - 16 / 15) / (4 - 16 / 15))
    assert adjusted_rand(FOUND, GOLD) == pytest.approx(7 / 22)


def test_normalized_mutual_info_by_hand() -> None:
    # Both groupings split 6 as 3, 2, 1: H = ln(3)/2 + 2 ln(2)/3 each; MI = ln 2.
    entropy = math.log(3) / 2 + 2 * math.log(2) / 3
    assert normalized_mutual_info(FOUND, GOLD) == pytest.approx(math.log(2) / entropy)
    # Clusters of 4 and 2: H = ln 3 - 2 ln(2)/3; MI over the cells (1, A) 3, (1, B) 1,
    # (2, B) 1, (2, C) 1 of n ln(n N / (cluster size · class size)) / N.
    clusters = math.log(3) - 2 * math.log(2) / 3
    mutual = (
        3 / 6 * math.log(6 * 3 / (4 * 3))
        + 1 / 6 * math.log(6 / (4 * 2))
        + 1 / 6 * math.log(6 / (2 * 2))
        + 1 / 6 * math.log(6 / (2 * 1))
    )
    found = normalized_mutual_info([1, 1, 1, 1, 2, 2], GOLD)
    assert found == pytest.approx(mutual / ((clusters + entropy) / 2))


def test_one_cluster_and_all_apart() -> None:
    gold = ["A", "A", "B", "B"]
    together = score([0, 0, 0, 0], gold)
    assert (together.precision, together.recall) == pytest.approx((0.5, 1.0))
    assert together.f1 == pytest.approx(2 / 3)
    assert together.ari == pytest.approx(0.0)
    assert together.nmi == pytest.approx(0.0)
    apart = score([0, 1, 2, 3], gold)
    assert (apart.precision, apart.recall) == pytest.approx((1.0, 0.5))
    assert apart.ari == pytest.approx(0.0)
    # H(clusters) = ln 4, H(classes) = ln 2, MI = ln 2: ln 2 / (3 ln 2 / 2).
    assert apart.nmi == pytest.approx(2 / 3)
    assert (apart.clusters, apart.classes, apart.articles) == (4, 2, 4)


def test_the_same_grouping_scores_one_whatever_its_names() -> None:
    perfect = score(["x", "x", "y", "z", "z"], [7, 7, 3, 5, 5])
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    assert (perfect.ari, perfect.nmi) == (1.0, 1.0)
    renamed = score(["q", "q", "r", "r", "r", "s"], GOLD)
    assert renamed == score(FOUND, GOLD)


def test_one_article_and_none() -> None:
    assert score(["a"], ["b"]).f1 == 1.0
    assert b_cubed([], []) == (0.0, 0.0, 0.0)
    with pytest.raises(ValueError, match="a label per article"):
        score([1, 2], [1])


def test_read_gold_takes_thread_else_topic(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    lines = [
        {"id": "a", "title": "T", "text": "One text.", "topic": 4, "event": "4a"},
        {"id": "b", "title": "", "text": "Two.", "topic": 4, "event": "4b", "thread": "x"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    first, second = read_gold(path)
    assert (first.event, first.thread, second.thread) == ("4a", "4", "x")
    article = first.article
    assert (article.id, article.title, article.published) == ("a", "T", None)
    assert article.body[0].of(article.text) == "One text."


def test_read_gold_says_which_line_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x", "event": "1a"}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:2: not a gold record"):
        read_gold(path)
    with pytest.raises(InputError, match="cannot read"):
        read_gold(tmp_path / "missing.jsonl")


def test_evaluate_fixture_at_both_levels() -> None:
    golds = read_gold(FIXTURE)
    assert len(golds) == 12
    events = evaluate(golds, "event")
    assert (events.clusters, events.classes, events.f1) == (4, 4, 1.0)
    threads = evaluate(golds, "thread")
    assert (threads.clusters, threads.classes, threads.f1) == (2, 2, 1.0)
    with pytest.raises(ValueError, match="level"):
        evaluate(golds, "topic")


def test_eval_stories_command() -> None:
    result = CliRunner().invoke(main, ["eval", "stories", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert "articles: 12   stories: 4   gold events: 4" in result.output
    assert "B-cubed F1         1.000" in result.output
    result = CliRunner().invoke(
        main, ["eval", "stories", str(FIXTURE), "--level", "thread", "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["level"] == "thread"
    assert (figures["clusters"], figures["classes"], figures["f1"]) == (2, 2, 1.0)
    assert set(figures) == {
        "level",
        "articles",
        "clusters",
        "classes",
        "precision",
        "recall",
        "f1",
        "ari",
        "nmi",
    }


def test_eval_stories_command_on_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "stories", str(path)])
    assert result.exit_code == 3
    assert "gold.jsonl:1: not a gold record" in result.output


def test_ecb_plus_dev_meets_the_event_target() -> None:
    if not ECB_DEV.exists():
        pytest.skip(f"ECB+ dev texts not found at {ECB_DEV} (../shared is not beside the project)")
    golds = read_gold(ECB_DEV)
    events = evaluate(golds, "event")
    assert events.f1 >= 0.93
    assert events.precision >= 0.92
