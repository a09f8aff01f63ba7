"""MinHash sketches and LSH over many sets at once (digest/minhash.py)."""

from __future__ import annotations

import random
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

from digest.stories import minhash
from digest.stories.dupes import shingles, words
from digest.stories.minhash import (
    ANCHORS,
    CROWD,
    ShingleSets,
    Vocabulary,
    _hash_text,
    _Words,
    bands,
    candidate_pairs,
    jaccard,
    similar,
    spaced,
)

WORDS = [f"w{i}" for i in range(400)]


def _near_copies(seed: int, count: int) -> list[list[str]]:
    """Texts in families: a base text and edits of it (some words replaced)."""
    rng = random.Random(seed)
    texts = []
    while len(texts) < count:
        base = [rng.choice(WORDS) for _ in range(rng.randint(8, 40))]
        texts.append(base)
        for _ in range(rng.randint(0, 3)):
            edited = list(base)
            for _ in range(rng.randint(0, 3)):
                edited[rng.randrange(len(edited))] = rng.choice(WORDS)
            texts.append(edited)
    return texts[:count]


def _exact_pairs(sets: list[frozenset[str]], threshold: float) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in combinations(range(len(sets)), 2)
        if sets[i] and sets[j] and jaccard(sets[i], sets[j]) >= threshold
    }


def test_every_pair_found_is_at_the_threshold_and_none_well_above_it_is_missed() -> None:
    texts = _near_copies(3, 300)
    string_sets = [frozenset(t) | frozenset(zip(t, t[1:], strict=False)) for t in texts]
    string_sets = [frozenset(map(str, s)) for s in string_sets]
    found = similar(
        ShingleSets.words_and_pairs(map(spaced, texts)), 0.6, num_perm=64, lsh_threshold=0.45
    )
    pairs = {(i, j) for i, j, _ in found}
    truth = _exact_pairs(string_sets, 0.6)
    assert pairs <= truth  # precision is exact: the Jaccard check decides
    assert len(pairs) >= 0.97 * len(truth)
    clear = _exact_pairs(string_sets, 0.75)
    assert clear <= pairs  # well above the threshold nothing is lost to the sketch
    for i, j, score in found:
        assert score == pytest.approx(jaccard(string_sets[i], string_sets[j]))


def test_word_runs_are_the_shingles_of_dupes() -> None:
    texts = [
        "The envoy said the council would meet on Friday to discuss the launches.",
        "The envoy said the council would meet on Friday to discuss the tests.",
        "Short one.",
        "Short one.",
        "",
    ]
    found = ShingleSets.ngrams([words(t) for t in texts], 5)
    assert [len(found.members(i)) for i in range(len(texts))] == [len(shingles(t)) for t in texts]
    assert jaccard(found.members(0), found.members(1)) == pytest.approx(
        jaccard(shingles(texts[0]), shingles(texts[1]))
    )
    assert found.members(2) == found.members(3)
    assert found.members(4) == frozenset()


def test_words_are_hashed_one_by_one_whatever_texts_they_come_in() -> None:
    """Words hashed many texts at once get each word's own hash: the same word in two
    texts, or in two calls, hashes alike, and a word's letters in another order do not."""
    texts = ["the envoy said", "", "envoy", "yovne said the", "über straße 北京", "the"]
    hasher = _Words()
    found, bounds = hasher.hashes(texts)
    expected = [_hash_text(w) for t in texts for w in t.split()]
    assert found.tolist() == expected
    assert bounds.tolist() == [0, 3, 3, 4, 7, 10, 11]
    again, _ = _Words().hashes(["said the envoy"])
    assert again.tolist() == [_hash_text("said"), _hash_text("the"), _hash_text("envoy")]
    assert len(set(expected)) == len({w for t in texts for w in t.split()})


def test_texts_shorter_than_min_words_match_nothing() -> None:
    found = ShingleSets.words_and_pairs(["we will see", "we will see"], 4)
    assert similar(found, 0.5) == []
    assert len(found.members(0)) == 0


def test_empty_and_single_inputs() -> None:
    assert similar(ShingleSets.of_sets([]), 0.5) == []
    assert similar(ShingleSets.of_sets([{"a"}]), 0.5) == []
    assert similar(ShingleSets.of_sets([set(), set()]), 0.5) == []
    assert similar(ShingleSets.of_sets([{"a", "b"}, {"a", "b"}]), 1.0) == [(0, 1, 1.0)]


def test_threshold_out_of_range() -> None:
    with pytest.raises(ValueError, match=r"threshold must be in \(0, 1\], got 0"):
        similar(ShingleSets.of_sets([{"a"}, {"a"}]), 0)


def test_bands_fit_the_sketch_and_move_with_the_threshold() -> None:
    for threshold in (0.3, 0.5, 0.8):
        b, r = bands(threshold, 64)
        assert b * r <= 64
    # A stricter threshold wants longer bands (fewer chance collisions).
    assert bands(0.8, 128)[1] > bands(0.3, 128)[1]


def test_same_pairs_in_another_process() -> None:
    """No per-process hash seed leaks in: a second interpreter finds the same pairs."""
    code = (
        "from tests.test_minhash import _near_copies;"
        "from digest.stories.minhash import ShingleSets, similar, spaced;"
        "texts = map(spaced, _near_copies(5, 200));"
        "print(similar(ShingleSets.words_and_pairs(texts), 0.7, num_perm=64))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            cwd=Path(__file__).resolve().parents[1],
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1]
    assert runs[0].count("(") > 10


def test_exact_check_by_bits_and_by_sets_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    """Few sets are compared as bit rows, many as Python sets: the same pairs and scores."""
    found = ShingleSets.words_and_pairs(map(spaced, _near_copies(11, 300)))
    by_bits = similar(found, 0.5, num_perm=64)
    monkeypatch.setattr(minhash, "_BITSET_SETS", 0)
    by_sets = similar(found, 0.5, num_perm=64)
    assert by_bits == by_sets
    assert len(by_bits) > 50


def test_a_vocabulary_kept_between_calls_changes_no_hash() -> None:
    """Word hashes remembered from text to text (and forgotten past the limit) are the
    hashes a fresh vocabulary gives."""
    kept = Vocabulary(limit=3)
    texts = [["envoy", "said", "the"], ["council", "said", "it"], ["envoy", "will", "meet"]]
    for tokens in texts * 2:
        assert kept.hashes(tokens) == Vocabulary().hashes(tokens)
    assert len(kept.ids) <= 3 + 3  # forgotten once past the limit, then refilled
    one_by_one = [ShingleSets.ngrams([t], 2, kept).hashes.tolist() for t in texts]
    assert one_by_one == [ShingleSets.ngrams([t], 2).hashes.tolist() for t in texts]


# --- crowds: hundreds of sets alike --------------------------------------------------------


def test_a_band_shared_by_a_crowd_pairs_each_set_with_the_crowds_first_only() -> None:
    rows = 500
    alike = np.zeros((rows, 64), dtype=np.uint32)  # every band: one bucket of all rows
    pairs = {(i, j) for i, j in candidate_pairs(alike, 0.5).tolist()}
    assert pairs == {(i, j) for i in range(ANCHORS) for j in range(i + 1, rows)}
    few = candidate_pairs(np.zeros((CROWD, 64), dtype=np.uint32), 0.5)
    assert len(few) == CROWD * (CROWD - 1) // 2  # not a crowd: every pair
    every = candidate_pairs(alike, 0.5, crowd=rows)
    assert len(every) == rows * (rows - 1) // 2


def _flood(count: int) -> ShingleSets:
    """`count` wordings of one claim, a number changed, and some unrelated claims."""
    claim = "the military said north korea fired {} ballistic missiles into the east sea on tuesday"
    texts = [claim.format(i + 2) for i in range(count)]
    texts += [spaced(t) for t in _near_copies(9, count // 4)]
    return ShingleSets.words_and_pairs(texts)


def _joined(count: int, pairs: list[tuple[int, int, float]]) -> set[int]:
    """The sets joined to set 0 by `pairs`, transitively."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j, _ in pairs:
        parent[max(root(i), root(j))] = min(root(i), root(j))
    return {i for i in range(count) if root(i) == 0}


@pytest.mark.parametrize("count", [200, 400])
def test_a_crowd_of_near_copies_is_joined_up_by_few_comparisons(count: int) -> None:
    found = _flood(count)
    with minhash.counting() as work:
        pairs = similar(found, 0.7, num_perm=64, lsh_threshold=0.5)
    assert _joined(len(found), pairs) == set(range(count))  # one cluster, none of the rest
    every = similar(found, 0.7, num_perm=64, lsh_threshold=0.5, crowd=len(found))
    assert set(pairs) < set(every) and _joined(len(found), every) == set(range(count))
    assert work.sets == len(found)
    assert work.checked <= work.candidates <= 30 * len(found), work  # all pairs: count²/2


def test_comparisons_grow_linearly_with_the_crowd() -> None:
    def candidates(count: int) -> int:
        with minhash.counting() as work:
            similar(_flood(count), 0.7, num_perm=64, lsh_threshold=0.5)
        return work.candidates

    small, large = candidates(300), candidates(600)
    assert large <= 2.3 * small, (small, large)  # all pairs would be 4x


def test_empty_sets_are_not_banded() -> None:
    """Thousands of claims too short to compare are no crowd: they share no band."""
    found = ShingleSets.words_and_pairs(["we will see"] * 3000 + ["a b c d", "a b c d"], 4)
    with minhash.counting() as work:
        assert similar(found, 0.5) == [(3000, 3001, 1.0)]
    assert work.candidates == 1


def test_counting_adds_up_only_inside_its_block() -> None:
    found = ShingleSets.words_and_pairs(map(spaced, _near_copies(3, 100)))
    with minhash.counting() as outer:
        similar(found, 0.6, num_perm=64)
        with minhash.counting() as inner:
            similar(found, 0.6, num_perm=64)
    similar(found, 0.6, num_perm=64)
    assert outer.sets == 200 and inner.sets == 100
    assert outer.candidates == 2 * inner.candidates > 0
