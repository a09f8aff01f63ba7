"""The claim scorer: the shipped weights, training, the fallback without them, and
`python -m digest.extract.scores`.

Training reads a few documents of ../shared/data/polnear-train.jsonl (skipped with a
reason where it is absent).
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from digest.errors import InputError
from digest.extract import extract_claims, scorer
from digest.extract.features import FEATURES_VERSION, article_features
from digest.extract.scorer import WEIGHTS_FILE, Model, keep_said, load_model
from digest.model import Article, Span
from digest.read.clean import clean_article

from .conftest import ROOT, SHARED

TRAIN = SHARED / "data" / "polnear-train.jsonl"
STATEMENT = "The storm closed every school in the district on Tuesday."
SPEECH = (
    '"We will rebuild the port," the mayor said.',
    "The minister said the talks would resume on Monday.",
)
# The guidance's quoted words belong to its own claim; the rules once gave them to the
# second speaker too, as a quotation of their own.
JUNK = (
    'The guidance said files should only be deleted if they served "no current purpose", '
    "Mr Thomas said."
)


def strict_weights(tmp_path: Path) -> Path:
    """The shipped weights with a threshold no candidate reaches."""
    record = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    path = tmp_path / "strict.json"
    path.write_text(json.dumps({**record, "threshold": 4.0}), encoding="utf-8")
    return path


def article_of(text: str) -> Article:
    article = Article("t", "Wire", "", None, None, text, "t.txt", body=(Span(0, len(text)),))
    return clean_article(article)


def texts(article: Article, *, scored: bool = True) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in extract_claims(article, scored=scored)]


def run_module(*args: str, seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


# --- the shipped weights -------------------------------------------------------------------


def test_the_shipped_weights_load_and_are_for_these_features() -> None:
    record = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert record["features_version"] == FEATURES_VERSION
    assert record["trained_on"]["file"] == "polnear-train.jsonl"  # never dev
    model = load_model()
    assert model.weights == record["weights"] and "bias" in model.weights
    assert model.threshold == record["threshold"] and -4 <= model.threshold <= 4


@pytest.mark.parametrize("sentence", SPEECH)
def test_a_plain_speech_claim_is_kept(sentence: str) -> None:
    article = article_of(sentence)
    [claim] = extract_claims(article, scored=False)
    [score] = load_model().scores(article.text, [claim])
    assert claim.kind in {"quote", "reported"} and claim.cue == "said"
    assert score is not None and score >= load_model().threshold
    assert extract_claims(article) == (claim,)


def test_a_statement_is_never_scored_nor_dropped() -> None:
    article = article_of(f"{STATEMENT} {SPEECH[1]}")
    claims = extract_claims(article, scored=False)
    assert [c.kind for c in claims] == ["statement", "reported"]
    scores = load_model().scores(article.text, claims)
    assert scores[0] is None and isinstance(scores[1], float)
    features = article_features(article.text, claims)
    assert features[0] is None and features[1]
    # A model that drops every candidate still keeps the outlet's own words.
    strict = Model({}, threshold=1.0)
    assert keep_said(article.text, claims, strict) == (claims[0],)


# --- a weights file that cannot be used ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.json", None),
        ("corrupt.json", '{"weights": {"bias": 0.1'),
        ("keyless.json", '{"weights": {"bias": 0.1}}'),
        ("old.json", json.dumps({"features_version": 0, "weights": {}, "threshold": 0})),
    ],
)
def test_an_unusable_weights_file_names_itself_and_make_train(
    tmp_path: Path, name: str, content: str | None
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_model(path)
    assert str(path) in str(caught.value) and "make train" in str(caught.value)
    # The hint is a target that exists.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^train:", makefile, re.MULTILINE)


def test_without_the_weights_file_extraction_keeps_every_rule_claim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    article = article_of(f"{STATEMENT} {SPEECH[0]} {JUNK}")
    rules = texts(article, scored=False)
    # The guidance's quoted words stay in its own claim, with no second claim of them.
    assert rules[1:] == [
        ("quote", "We will rebuild the port"),
        ("partial", 'files should only be deleted if they served "no current purpose"'),
    ]
    assert texts(article) == rules  # the shipped weights keep plain speech

    real = scorer.load_model
    strict = strict_weights(tmp_path)
    monkeypatch.setattr(scorer, "load_model", lambda path=strict: real(path))
    monkeypatch.setattr(scorer, "_loaded", [])  # read the weights again
    assert texts(article) == rules[:1]  # a model that keeps nothing: the statement alone

    missing = tmp_path / "claim_weights.json"
    monkeypatch.setattr(scorer, "load_model", lambda path=missing: real(path))
    monkeypatch.setattr(scorer, "_loaded", [])
    with caplog.at_level(logging.WARNING, logger=scorer.__name__):
        assert texts(article) == rules
        assert texts(article) == rules
    warnings = [r.getMessage() for r in caplog.records if r.name == scorer.__name__]
    assert len(warnings) == 1, warnings  # said once, not per article
    assert str(missing) in warnings[0] and "make train" in warnings[0]


# --- training ------------------------------------------------------------------------------


def test_training_the_same_documents_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    if not TRAIN.is_file():
        pytest.skip(f"PolNeAR train not found at {TRAIN} (../shared is not beside the project)")
    outs = []
    # Two processes with different hash seeds: no set or dict order may reach the file.
    for seed in ("1", "2"):
        out = tmp_path / f"weights-{seed}.json"
        args = ("--data", str(TRAIN), "--out", str(out), "--limit", "30")
        done = run_module("digest.extract.train", *args, seed=seed)
        assert done.returncode == 0, done.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    record = json.loads(outs[0])
    assert record["trained_on"]["documents"] == 30 and record["weights"]
    assert record["features_version"] == FEATURES_VERSION
    assert all(math.isfinite(w) for w in record["weights"].values())
    # Sorted keys, one weight a line: a retrained file diffs by the weights that moved.
    assert list(record["weights"]) == sorted(record["weights"])


def test_training_without_the_data_says_what_to_set(tmp_path: Path) -> None:
    missing = tmp_path / "polnear-train.jsonl"
    out = tmp_path / "weights.json"
    done = run_module("digest.extract.train", "--data", str(missing), "--out", str(out))
    assert done.returncode == 2 and str(missing) in done.stderr and "DATA=" in done.stderr
    assert not out.exists()


# --- python -m digest.extract.scores -------------------------------------------------------


def test_scores_prints_each_candidate_with_its_score(tmp_path: Path) -> None:
    text = f"{STATEMENT}\n\n{SPEECH[0]} {SPEECH[1]}\n\n{JUNK}\n"
    note = tmp_path / "note.txt"
    note.write_text(text, encoding="utf-8")
    done = run_module("digest.extract.scores", str(note))
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["kind"], r["cue"]) for r in rows] == [
        ("quote", "said"),
        ("reported", "said"),
        ("partial", "said"),
    ]  # the statement left out
    threshold = load_model().threshold
    for row in rows:
        assert {"article", "speaker", "text", "score", "threshold", "kept"} <= set(row)
        assert row["threshold"] == threshold
        assert row["kept"] == (row["score"] >= threshold)
    # What it shows as kept is what extraction keeps.
    article = article_of(text)
    kept = [t for kind, t in texts(article) if kind != "statement"]
    assert [r["text"] for r in rows if r["kept"]] == kept
    assert all(r["kept"] for r in rows)

    # Another weights file: the same scores, its own threshold and verdicts.
    done = run_module(
        "digest.extract.scores", "--weights", str(strict_weights(tmp_path)), str(note)
    )
    assert done.returncode == 0, done.stderr
    strict = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["score"] for r in strict] == [r["score"] for r in rows]
    assert {r["threshold"] for r in strict} == {4.0} and not any(r["kept"] for r in strict)
