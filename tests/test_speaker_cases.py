"""The articles of tests/cases/speakers.yaml, each read whole: who each claim is given to.

Adding a case takes no Python: an entry in the table (its header says what each field
holds). Each family of speaker error has several cases, and the cases that must keep
working have theirs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from digest.extract import extract_claims
from digest.model import Article, Claim, Span
from digest.read.clean import clean_article

TABLE = Path(__file__).parent / "cases" / "speakers.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
FAMILIES = (
    "pronoun",
    "namesake",
    "recipient",
    "description",
    "not_a_speaker",
    "aside",
    "keeps_working",
)


def claims_of(text: str) -> list[Claim]:
    article = Article("t", "Wire", "", None, None, text, "t.txt", body=(Span(0, len(text)),))
    return [c for c in extract_claims(clean_article(article)) if c.kind != "statement"]


def case_id(case: dict[str, Any]) -> str:
    return f"{case['family']}: {case['article'][:60]}"


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    claims = claims_of(case["article"])
    for row in case["claims"]:
        assert set(row) <= {"text", "speaker", "mention", "role", "absent"}, row
        found = [c for c in claims if row["text"] in c.text]
        if row.get("absent"):
            assert found == [], f"no claim should hold {row['text']!r}"
            continue
        assert found, f"no claim holds {row['text']!r}: {[c.text for c in claims]}"
        speaker = found[0].speaker
        assert (speaker.name if speaker else None) == row["speaker"], row["text"]
        if "mention" in row:
            assert (speaker.mention if speaker else None) == row["mention"], row["text"]
        if "role" in row:
            assert (speaker.role if speaker else None) == row["role"], row["text"]


def test_every_family_has_cases() -> None:
    assert [c["family"] for c in CASES if c["family"] not in FAMILIES] == []
    counts = {family: sum(c["family"] == family for c in CASES) for family in FAMILIES}
    assert [family for family, n in counts.items() if n < 3] == []
