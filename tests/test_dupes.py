"""The duplicate-article finder: on its own (`digest dupes`), in the brief, on the BBC corpus."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.errors import InputError
from digest.model import Article, Span
from digest.stories import minhash
from digest.stories.dupes import (
    duplicate_groups,
    find_duplicates,
    jaccard,
    shingles,
    syndicated_copies,
    words,
)
from digest.stories.dupes_report import format_report, load_documents, measure, read_judged
from digest.stories.minhash import ShingleSets

from .conftest import ROOT, SHARED

BBC = SHARED / "corpus" / "bbc"
JUDGED = ROOT / "tests" / "data" / "dupes" / "bbc-judged.tsv"

WIRE = (
    "South Korea's envoy to the United Nations on Tuesday vowed to defend the sanctions on "
    "North Korea after Russia signalled it could block any new measures at the Security "
    "Council. The envoy said the council was expected to meet on Friday to discuss the latest "
    "ballistic missile launches, and that Seoul would keep working with its partners to "
    "enforce the existing resolutions, which ban any arms trade with North Korea."
)


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("The U.N. said: no!", 2) == shingles("the u n said no", 2)
    assert shingles("two words", 5) == frozenset({"two words"})
    assert shingles("", 5) == frozenset()
    assert jaccard(frozenset("ab"), frozenset("bc")) == pytest.approx(1 / 3)


def test_identical_and_near_identical_texts_are_found_unrelated_ones_not() -> None:
    edited = WIRE.replace("on Tuesday", "on Tuesday in New York") + " (Harbor Wire)"
    texts = {
        "a.txt": WIRE,
        "b.txt": WIRE,
        "c.txt": edited,
        "d.txt": "Heavy rain is forecast for Jeju Island and the southern coast from Thursday.",
    }
    pairs = find_duplicates(texts, 0.5)
    assert [(p.a, p.b, p.identical) for p in pairs] == [
        ("a.txt", "b.txt", True),
        ("a.txt", "c.txt", False),
        ("b.txt", "c.txt", False),
    ]
    assert pairs[0].similarity == 1.0
    assert 0.5 <= pairs[1].similarity < 1.0


def test_identity_is_decided_by_the_bytes_when_given() -> None:
    texts = {"a": WIRE, "b": WIRE}
    pairs = find_duplicates(
        texts, raw={"a": b"---\nsource: A\n---\n", "b": b"---\nsource: B\n---\n"}
    )
    assert [(p.similarity, p.identical) for p in pairs] == [(1.0, False)]


def test_a_threshold_out_of_range_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"threshold must be in \(0, 1\], got 1.5"):
        find_duplicates({"a": WIRE, "b": WIRE + " x"}, 1.5)


def _article(article_id: str, outlet: str, hour: int, text: str) -> Article:
    return Article(
        id=article_id,
        source=outlet,
        title=f"{outlet} headline",
        url=None,
        published=datetime(2023, 9, 12, hour, tzinfo=UTC),
        text=text,
        path=f"{article_id}.txt",
        body=(Span(0, len(text)),),
    )


def test_the_earliest_of_syndicated_copies_is_the_original() -> None:
    articles = [
        _article("late", "Seoul Courier", 11, WIRE + " Copyright Seoul Courier."),
        _article("wire", "Harbor Wire", 9, WIRE),
        _article("mirror", "Daily Mirror Site", 10, "(Harbor Wire) " + WIRE),
        _article("other", "Pacific Dispatch", 8, "A different story about the heavy rain in Jeju."),
    ]
    assert syndicated_copies(articles, 0.5) == {"late": "wire", "mirror": "wire"}


def test_dupes_command_prints_pairs_most_similar_first(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(WIRE)
    (tmp_path / "b.txt").write_text(WIRE)
    (tmp_path / "c.txt").write_text("---\ntitle: Copy\nsource: Courier\n---\n" + WIRE + " (Wire)")
    (tmp_path / "d.txt").write_text("Something else entirely, about rain on the southern coast.")
    result = CliRunner().invoke(main, ["dupes", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(kind, Path(a).name, Path(b).name) for _, kind, a, b in lines] == [
        ("identical", "a.txt", "b.txt"),
        ("near", "a.txt", "c.txt"),
        ("near", "b.txt", "c.txt"),
    ]
    assert "3 pairs among 4 documents (1 identical, 2 near)" in result.stderr
    as_json = CliRunner().invoke(main, ["dupes", "--json", str(tmp_path)])
    assert json.loads(as_json.stdout.splitlines()[0])["kind"] == "identical"


def test_dupes_command_says_when_nothing_could_be_read(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["dupes", str(tmp_path)])
    assert result.exit_code == 3
    assert f"no articles in {tmp_path}: no article files (" in result.stderr


def test_judged_pairs_file_errors_name_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "judged.tsv"
    bad.write_text("# comment\nnear\ta.txt\tb.txt\nmaybe\ta.txt\tc.txt\n")
    with pytest.raises(InputError, match=r"judged.tsv:3: expected 'verdict<TAB>path<TAB>path'"):
        read_judged(bad)


def test_bbc_corpus_all_identical_pairs_and_the_judged_near_ones(tmp_path: Path) -> None:
    if not BBC.is_dir():
        pytest.skip(f"BBC corpus not found at {BBC} (../shared is not beside the project)")
    docs = load_documents([BBC], relative_to=BBC)
    with minhash.counting() as work:
        pairs = find_duplicates(docs.texts, 0.5, raw=docs.raw)
    report = measure(pairs, docs, read_judged(JUDGED), 0.5)
    assert report.documents >= 2225
    assert report.identical == 98
    assert report.identical_found == 98, format_report(report, docs)
    assert report.near_found / report.near >= 0.95, format_report(report, docs)
    assert report.precision >= 0.95, format_report(report, docs)
    # Distinct articles: few pairs share a band, and none is a crowd (all pairs found).
    assert work.candidates <= report.documents, work
    assert not _crowds(docs.texts)


def _crowds(texts: dict[str, str]) -> bool:
    """Whether any LSH band of these texts' distinct contents holds a crowd."""
    keys = sorted({text: key for key, text in texts.items()}.values())
    sets = ShingleSets.ngrams([words(texts[k]) for k in keys], 5)
    sketch = minhash.sketches(sets, 128)
    full = minhash.candidate_pairs(sketch, 0.375, crowd=len(keys))
    return len(full) != len(minhash.candidate_pairs(sketch, 0.375))


# --- a day of syndication: hundreds of copies of one story ---------------------------

STORY = (
    "SEOUL (Harbor Wire) -- North Korea fired {} short-range ballistic missiles into the "
    "East Sea on Tuesday, the Joint Chiefs of Staff said, hours after its leader left for a "
    'summit in Russia. "We strongly condemn the launches," the foreign ministry said.'
)


def _copies(count: int) -> dict[str, str]:
    """`count` copies of one story, each with its own number, and one in five word for
    word the first (an outlet that did not update it)."""
    return {f"copy{i:04d}": STORY.format(2 if i % 5 == 4 else i + 2) for i in range(count)}


@pytest.mark.parametrize("count", [200, 400])
def test_copies_by_the_hundred_are_one_group_found_at_a_linear_cost(count: int) -> None:
    texts = _copies(count)
    texts["other"] = "Heavy rain is forecast for Jeju Island and the southern coast from Thursday."
    with minhash.counting() as work:
        groups = duplicate_groups(texts, 0.5)
    assert groups == [sorted(k for k in texts if k != "other")]
    # About a constant number of comparisons per copy, not one per pair of copies
    # (count²/2: 20,000 for 200, 80,000 for 400).
    assert work.candidates <= 40 * count, work
    assert work.checked <= work.candidates


def test_comparisons_grow_linearly_with_the_copies() -> None:
    def work(count: int) -> int:
        with minhash.counting() as found:
            duplicate_groups(_copies(count), 0.5)
        return found.candidates

    small, large = work(300), work(600)
    assert large <= 2.3 * small, (small, large)  # all pairs would be 4x


def test_a_crowd_is_listed_through_its_first_members() -> None:
    """Every copy is in a listed pair, with far fewer pairs than all of them."""
    texts = _copies(300)
    pairs = find_duplicates(texts, 0.5)
    listed = {p.a for p in pairs} | {p.b for p in pairs}
    assert listed == set(texts)
    assert len(pairs) <= 60 * len(texts)  # all pairs: 44,850
    # The 60 copies of the first text are 61 alike: a crowd, each paired with its first few.
    alike = sorted(k for k in texts if "fired 2 " in texts[k])
    identical = [p for p in pairs if p.identical]
    assert {p.a for p in identical} == set(alike[: minhash.ANCHORS])
    assert {p.b for p in identical} == set(alike[1:])


def test_syndicated_copies_of_a_flood_all_name_the_earliest() -> None:
    texts = _copies(250)
    articles = [
        _article(key, f"Outlet {i}", 9 + i // 100, text)
        for i, (key, text) in enumerate(sorted(texts.items()))
    ]
    copies = syndicated_copies(reversed(articles), 0.5)
    assert copies == {key: "copy0000" for key in sorted(texts)[1:]}
