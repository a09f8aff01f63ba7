"""Whole days of real news build: every BBC article and every PolNeAR text, strictly.

These read ../shared (skipped with a reason where it is absent) and take a minute or
two: `pytest -m "not corpus"` leaves them out of a quick run; `make test` and CI run them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import ROOT, SHARED

BBC = SHARED / "corpus" / "bbc"
POLNEAR = [SHARED / "data" / "polnear-train.jsonl", SHARED / "data" / "polnear-dev.jsonl"]

pytestmark = pytest.mark.corpus


FORMATS = "md,html,pdf,json"


def build(tmp_path: Path, inputs: list[Path], day: str, published: str) -> dict[str, object]:
    """`digest build --strict` over `inputs`: its files written, brief.json read."""
    out = tmp_path / "out"
    args = ["build", "--config", str(ROOT / "config.yaml"), "--window", "all", "--strict"]
    args += ["--format", FORMATS]
    for path in inputs:
        args += ["--input", str(path)]
    args += ["--date", day, "--published", published, "--out", str(out)]
    result = subprocess.run(
        [sys.executable, "-m", "digest", "-q", *args],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"brief.{fmt}" for fmt in FORMATS.split(",")
    )
    # A brief is brief, whatever the day: the PDF and the Markdown stay short.
    assert 1 <= len(PdfReader(out / "brief.pdf").pages) <= 12
    assert len((out / "brief.md").read_text(encoding="utf-8")) < 60_000
    data: dict[str, object] = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    return data


def test_every_bbc_article_is_counted_and_none_breaks_the_build(tmp_path: Path) -> None:
    if not BBC.is_dir():
        pytest.skip(f"the BBC corpus is not at {BBC} (../shared is not beside the project)")
    files = sorted(BBC.glob("*/*.txt"))
    assert len(files) == 2225
    stats = build(tmp_path, [BBC], "2005-01-01", "2004-12-31")["stats"]
    assert isinstance(stats, dict)
    assert stats["faults"] == [] and stats["skipped"] == []
    # The corpus holds byte-identical copies: read, counted as duplicates, not shown twice.
    assert stats["articles"] + len(stats["duplicates"]) == 2225
    assert stats["articles"] > 2100 and stats["claims"] > 5000


def test_every_polnear_text_is_counted_and_none_breaks_the_build(tmp_path: Path) -> None:
    missing = [str(p) for p in POLNEAR if not p.is_file()]
    if missing:
        pytest.skip(f"PolNeAR is not at {', '.join(missing)} (../shared is not beside the project)")
    records = sum(
        1 for path in POLNEAR for line in path.read_text(encoding="utf-8").splitlines() if line
    )
    stats = build(tmp_path, POLNEAR, "2017-01-01", "2016-11-08")["stats"]
    assert isinstance(stats, dict)
    assert stats["faults"] == [] and stats["skipped"] == []
    assert stats["articles"] + len(stats["duplicates"]) == records == 924
