"""The claim-extraction scorer (`digest eval claims`): its matching rule and figures.

The extractor is replaced by fixed predictions here, so each figure can be worked out
by hand; a last test runs the real extractor through the command line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import digest.evaluate.claims as evaluate_module
from digest.cli import main
from digest.evaluate.claims import evaluate, read_gold
from digest.model import Article, Claim, Span, Speaker

TEXT = (
    "Senator Ana Ruiz of Ohio said the bridge would reopen in May. "
    "She added that the budget was fixed. "
    "The ministry warned of delays."
)
RUIZ = TEXT.index("the bridge")
BUDGET = TEXT.index("the budget")
DELAYS = TEXT.index("delays")


def _gold_file(tmp_path: Path, attributions: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    record = {"doc_id": "d1", "date": "2024-05-02", "text": TEXT, "attributions": attributions}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def _attribution(
    start: int, end: int, speaker: str, at: int, quoted: bool = False, speech: bool = True
) -> dict:
    return {
        "speech": speech,
        "speaker": speaker,
        "speaker_spans": [[at, at + len(speaker)]],
        "cue": "said",
        "content_spans": [[start, end]],
        "has_quote_marks": quoted,
    }


def _claim(
    start: int,
    end: int,
    name: str | None = None,
    mention: str | None = None,
    at: int = 0,
) -> Claim:
    speaker = None
    if name is not None:
        speaker = Speaker(name, None, mention or name, Span(at, at + len(mention or name)))
    return Claim(
        id=f"c{start}",
        article_id="d1",
        kind="reported",
        text=TEXT[start:end],
        span=Span(start, end),
        speaker=speaker,
        cue="said",
        cue_span=None,
        when=None,
        dates=(),
        topics=(),
    )


@pytest.fixture
def predict(monkeypatch: pytest.MonkeyPatch) -> list[Claim]:
    predictions: list[Claim] = []

    def fake(article: Article) -> list[Claim]:
        return list(predictions)

    monkeypatch.setattr(evaluate_module, "extract_claims", fake)
    return predictions


def test_overlap_must_be_strictly_above_the_threshold(tmp_path: Path, predict: list) -> None:
    end = RUIZ + 40  # a gold content of 40 characters
    gold = _gold_file(tmp_path, [_attribution(RUIZ, end, "Senator Ana Ruiz of Ohio", 0)])
    predict.append(_claim(RUIZ, RUIZ + 12))  # 12 of 40 = 0.3 exactly: no match
    report = evaluate(read_gold(gold))
    assert report.tp[0.3] == 0 and report.predicted == 1
    predict[0] = _claim(RUIZ, RUIZ + 13)  # 13 of 40 > 0.3, < 0.8
    report = evaluate(read_gold(gold))
    assert (report.tp[0.3], report.tp[0.8]) == (1, 0)
    assert report.scores(0.3) == (1.0, 1.0, 1.0)


def test_matching_is_one_to_one_in_document_order(tmp_path: Path, predict: list) -> None:
    gold = _gold_file(
        tmp_path,
        [
            _attribution(BUDGET, BUDGET + 20, "She", TEXT.index("She")),
            _attribution(RUIZ, RUIZ + 20, "Senator Ana Ruiz of Ohio", 0),
        ],
    )
    # One prediction covering both: the first gold in the text takes it.
    predict.append(_claim(RUIZ, BUDGET + 20, "Ana Ruiz"))
    report = evaluate(read_gold(gold), errors=5)
    assert report.tp[0.3] == 1
    assert report.rows["all"].gold == 2
    assert len(report.misses) == 1 and "[[the budget" in report.misses[0][1]
    # Tightness: 20 of the prediction's characters are the gold content.
    assert report.tightness == [pytest.approx(20 / (BUDGET + 20 - RUIZ))]


def test_speaker_last_name_and_pronoun_antecedent(tmp_path: Path, predict: list) -> None:
    gold = _gold_file(
        tmp_path,
        [
            _attribution(RUIZ, RUIZ + 30, "Senator Ana Ruiz of Ohio", 0),
            _attribution(BUDGET, BUDGET + 20, "She", TEXT.index("She")),
            _attribution(DELAYS, DELAYS + 6, "The ministry", TEXT.index("The ministry")),
        ],
    )
    predict.extend(
        [
            _claim(RUIZ, RUIZ + 30, "Ruiz"),  # last name agrees, not the whole name
            # "She" resolved to the nearest named speaker before it, the whole name
            _claim(BUDGET, BUDGET + 20, "Senator Ana Ruiz of Ohio", mention="She"),
            _claim(DELAYS, DELAYS + 6, "The government"),  # wrong speaker
        ]
    )
    report = evaluate(read_gold(gold))
    row = report.rows["all"]
    assert (row.speaker_total, row.speaker_exact, row.speaker_last) == (3, 1, 2)
    pronoun = report.rows["pronoun speaker"]
    assert (pronoun.speaker_exact, pronoun.speaker_last) == (1, 1)


def test_a_description_resolved_to_its_name_agrees_with_the_description(
    tmp_path: Path, predict: list
) -> None:
    # The gold keeps "The ministry" as written; the extractor gives the name the article
    # gave it: the mention agrees with the gold speaker, so the speaker is right.
    at = TEXT.index("The ministry")
    gold = _gold_file(tmp_path, [_attribution(DELAYS, DELAYS + 6, "The ministry", at)])
    predict.append(_claim(DELAYS, DELAYS + 6, "Finance Ministry", mention="The ministry", at=at))
    row = evaluate(read_gold(gold)).rows["all"]
    assert (row.speaker_exact, row.speaker_last, row.speaker_span) == (1, 1, 1)
    # A wrong name with a wrong mention is still wrong.
    predict[0] = _claim(DELAYS, DELAYS + 6, "Ana Ruiz", mention="Ruiz", at=0)
    row = evaluate(read_gold(gold)).rows["all"]
    assert (row.speaker_exact, row.speaker_last) == (0, 0)


def test_speaker_span_rule_asks_the_mention_to_overlap_the_gold_speaker(
    tmp_path: Path, predict: list
) -> None:
    she = TEXT.index("She")
    gold = _gold_file(
        tmp_path,
        [
            _attribution(RUIZ, RUIZ + 30, "Senator Ana Ruiz of Ohio", 0),
            _attribution(BUDGET, BUDGET + 20, "She", she),
            _attribution(DELAYS, DELAYS + 6, "The ministry", TEXT.index("The ministry")),
        ],
    )
    predict.extend(
        [
            _claim(RUIZ, RUIZ + 30, "Ana Ruiz", at=TEXT.index("Ana")),  # inside the gold span
            _claim(BUDGET, BUDGET + 20, "Ana Ruiz", mention="She", at=she),  # the pronoun itself
            _claim(DELAYS, DELAYS + 6, "Ana Ruiz", at=TEXT.index("Ana")),  # the wrong mention
        ]
    )
    row = evaluate(read_gold(gold)).rows["all"]
    assert (row.speaker_total, row.speaker_span) == (3, 2)


def test_speech_view_scores_speech_only_and_a_match_of_the_rest_is_false(
    tmp_path: Path, predict: list
) -> None:
    gold = _gold_file(
        tmp_path,
        [
            _attribution(RUIZ, RUIZ + 30, "Senator Ana Ruiz of Ohio", 0),
            # as if "The ministry fears delays": annotated, but no speech act
            _attribution(
                DELAYS, DELAYS + 6, "The ministry", TEXT.index("The ministry"), speech=False
            ),
        ],
    )
    predict.extend([_claim(RUIZ, RUIZ + 30, "Ana Ruiz"), _claim(DELAYS, DELAYS + 6, "ministry")])
    full = evaluate(read_gold(gold))
    assert full.scores(0.3) == (1.0, 1.0, 1.0)
    speech = evaluate(read_gold(gold, speech=True), speech=True)
    assert (speech.rows["all"].gold, speech.left_out, speech.predicted) == (1, 1, 2)
    assert speech.scores(0.3) == (0.5, 1.0, pytest.approx(2 / 3))
    result = CliRunner().invoke(main, ["eval", "claims", str(gold), "--speech"])
    assert result.exit_code == 0, result.output
    assert "speech view" in result.output and "1 others left out" in result.output
    data = json.loads(
        CliRunner().invoke(main, ["eval", "claims", str(gold), "--speech", "--json"]).output
    )
    assert data["view"] == "speech" and data["0.3"]["precision"] == 0.5
    assert data["precision_by_kind"] == {"reported": {"predicted": 2, "precision@0.3": 0.5}}


def test_speech_view_needs_gold_that_marks_speech(tmp_path: Path) -> None:
    attribution = _attribution(RUIZ, RUIZ + 30, "Senator Ana Ruiz of Ohio", 0)
    del attribution["speech"]
    gold = _gold_file(tmp_path, [attribution])
    result = CliRunner().invoke(main, ["eval", "claims", str(gold), "--speech"])
    assert result.exit_code != 0
    assert f"{gold}:1:" in result.output and '"speech": true|false' in result.output
    assert CliRunner().invoke(main, ["eval", "claims", str(gold)]).exit_code == 0


def test_json_has_every_figure_of_the_table(tmp_path: Path, predict: list) -> None:
    gold = _gold_file(
        tmp_path,
        [
            _attribution(RUIZ, RUIZ + 30, "Senator Ana Ruiz of Ohio", 0, quoted=True),
            _attribution(DELAYS, DELAYS + 6, "The ministry", TEXT.index("The ministry")),
        ],
    )
    predict.append(_claim(RUIZ, RUIZ + 30, "Ana Ruiz"))
    result = CliRunner().invoke(main, ["eval", "claims", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["gold"] == 2 and data["predicted"] == 1
    assert data["0.3"]["recall"] == 0.5 and data["0.3"]["precision"] == 1.0
    assert data["tightness"] == 1.0
    quoted = data["subsets"]["with quote marks"]
    assert quoted == {
        "n": 1,
        "recall@0.3": 1.0,
        "recall@0.8": 1.0,
        "speaker": 0.0,  # "Ana Ruiz" is not the whole "Senator Ana Ruiz of Ohio"
        "speaker_last_name": 1.0,
        "speaker_span": 1.0,  # its mention at 0 overlaps the gold speaker's span
        "cue": 1.0,
    }
    assert data["subsets"]["without quote marks"]["recall@0.3"] == 0.0


def test_the_real_extractor_through_the_command(tmp_path: Path) -> None:
    content_end = TEXT.index(" in May") + len(" in May")
    gold = _gold_file(tmp_path, [_attribution(RUIZ, content_end, "Senator Ana Ruiz of Ohio", 0)])
    result = CliRunner().invoke(main, ["eval", "claims", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["0.8"]["recall"] == 1.0  # "the bridge would reopen in May", said Ruiz
    assert data["subsets"]["all"]["speaker_last_name"] == 1.0
    table = CliRunner().invoke(main, ["eval", "claims", str(gold), "--errors", "3"]).output
    assert "gold attributions: 1" in table and "false positives" in table


def test_a_bad_gold_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc_id": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "claims", str(path)])
    assert result.exit_code != 0
    assert f"{path}:1: not a gold record" in result.output
