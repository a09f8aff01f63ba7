"""The sentences of tests/cases/claims.yaml, each read as an article: its claims, its shape.

Adding a case takes no Python: an entry in the table (its header says what each field
holds). Every shape of the registry and every rule of the filter has a case there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from digest.extract import extract_claims, shapes_found
from digest.extract.filters import NOT_SPEECH
from digest.extract.shapes import SHAPE_NAMES
from digest.model import Article, Claim, Span
from digest.read.clean import clean_article

TABLE = Path(__file__).parent / "cases" / "claims.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
FILTER_RULES = tuple(rule.__name__ for rule in NOT_SPEECH)
# What a claim of the table may give: the four it must, and two it may.
REQUIRED = ("kind", "speaker", "cue", "text")
OPTIONAL = ("role", "mention")


def article_of(text: str) -> Article:
    article = Article("t", "Wire", "", None, None, text, "t.txt", body=(Span(0, len(text)),))
    return clean_article(article)


def as_row(claim: Claim, keys: list[str]) -> dict[str, Any]:
    """The fields of `claim` the table names, as the table writes them."""
    speaker = claim.speaker
    values = {
        "kind": claim.kind,
        "speaker": speaker.name if speaker else None,
        "role": speaker.role if speaker else None,
        "mention": speaker.mention if speaker else None,
        "cue": claim.cue,
        "text": claim.text,
    }
    return {key: values[key] for key in keys}


def case_id(case: dict[str, Any]) -> str:
    return f"{case['shape']}: {case['sentence'][:60]}"


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    article = article_of(case["sentence"])
    found = [c for c in extract_claims(article) if c.kind != "statement"]
    if case.get("no_claim"):
        assert "claims" not in case, "a case has claims or no_claim, not both"
        assert [as_row(c, list(REQUIRED)) for c in found] == []
    else:
        expected = case["claims"]
        for row in expected:
            assert set(REQUIRED) <= set(row) <= set(REQUIRED + OPTIONAL), row
        # Each claim read as its row of the table writes it; claims past the table's, in full.
        keys = [list(row) for row in expected] + [list(REQUIRED)] * len(found)
        assert [as_row(c, k) for c, k in zip(found, keys, strict=False)] == expected
    shapes = shapes_found(article)
    if case["shape"] == "none":
        assert shapes == []
    else:
        assert case["shape"] in shapes


def test_every_case_names_a_shape_or_a_rule() -> None:
    known = {*SHAPE_NAMES, *FILTER_RULES, "none"}
    assert [c["shape"] for c in CASES if c["shape"] not in known] == []


def test_every_shape_and_rule_has_a_case() -> None:
    shown = {c["shape"] for c in CASES}
    assert [name for name in (*SHAPE_NAMES, *FILTER_RULES) if name not in shown] == []
