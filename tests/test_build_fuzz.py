"""Generated news through the whole build: read, extract, merge, rank, compose, render.

Extraction has its own hostile-input tests (test_fuzz.py); this one follows generated
articles (dates in every form, relative clauses, quotations, stray marks) through every
step after it, strictly: a fault anywhere fails the test instead of being left out.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.config.load import load_config
from digest.faults import FaultLog
from digest.pipeline import build_brief
from digest.render.write import write_brief

from .conftest import ROOT

NAMES = ["Kim Jong-un", "Matthew Miller", "the spokesperson", "Moscow", "He", "officials", "It"]
CUES = ["said", "told reporters", "added", "warned", "said on Tuesday", "announced"]
DATES = [
    "on Tuesday", "from March 2", "next week", "on 12 September", "by Sept. 30",
    "yesterday", "in 2024", "on Friday, Sept. 8", "at 70,000 from March 2", "",
]  # fmt: skip
CLAUSES = [
    "the talks will resume",
    "the new requirement, which will be set at 70,000",
    "the waivers that were notified to Congress",
    "Russia, which had voted for the resolutions, would comply",
    "North Korea may ship artillery shells to Russia",
    "other months will stay unchanged",
    "the funds, who knows why, were moved",
]
MARKS = ["", '"', "“", "”", "(", ")", " - ", " — ", ",", ";", "'", "«", "…"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """One sentence of news: reported speech, a quotation, or the outlet's own words."""
    who, cue = draw(st.sampled_from(NAMES)), draw(st.sampled_from(CUES))
    what, when = draw(st.sampled_from(CLAUSES)), draw(st.sampled_from(DATES))
    stray = draw(st.sampled_from(MARKS))
    shape = draw(st.integers(0, 4))
    if shape == 0:
        text = f"{who} {cue} {what} {when}."
    elif shape == 1:
        text = f"“{what.capitalize()} {when},” {who} {cue}."
    elif shape == 2:
        text = f"{what.capitalize()}, {who} {cue} {when}, {stray}and more."
    elif shape == 3:
        text = f"According to {who}, {what} {when}{stray}"
    else:
        text = f"{stray}{what.capitalize()} {when}{stray}."
    return " ".join(text.split())


articles = st.lists(
    st.lists(sentences(), min_size=1, max_size=6).map(" ".join), min_size=1, max_size=4
)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same examples on every machine: a failure reproduces
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(bodies=articles)
def test_generated_news_builds_and_renders_without_a_fault(bodies: list[str]) -> None:
    config = load_config(ROOT / "config.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for number, body in enumerate(bodies):
            (folder / f"{number}.txt").write_text(
                f"---\nsource: Outlet {number % 2}\npublished: 2023-09-12T09:00:00+09:00\n"
                f"---\n{body}\n",
                encoding="utf-8",
            )
        faults = FaultLog(strict=True)  # any fault raises and fails the example
        brief = build_brief(config, date(2023, 9, 13), inputs=[folder], faults=faults)
        counted = brief.stats.articles + len(brief.stats.duplicates) + len(brief.stats.skipped)
        assert counted == len(bodies)
        out = write_brief(brief, Path(tmp) / "out", ["md", "html", "json"], faults=faults)
        data = json.loads(out["json"].read_text(encoding="utf-8"))
        assert data["stats"]["faults"] == []
        markdown = out["md"].read_text(encoding="utf-8")
        assert brief.title in markdown
