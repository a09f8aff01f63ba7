"""The claim scorer: a linear model that keeps the candidate claims that are speech acts.

The rules propose candidates (quotes, partial quotes, reported speech); each gets a
score, the sum of the weights of its features (`features.claim_features`), and one below
the threshold is dropped: it is not a claim (a belief, a perception, a wish, the object
of a verb that is not one of saying). Statements, the outlet's own words, are never
scored. The weights and the threshold are learned on PolNeAR's train split by
`python -m digest.extract.train` (`make train`) and shipped in `claim_weights.json`
beside this module.

Without that file (or with one for other features), extraction falls back to the rules
alone and says so once in the log, naming the file and `make train`: the brief is still
built, with the rules' claims.

To see the scores: `python -m digest.extract.scores FILE...` prints every candidate
claim of the articles as JSON Lines, with its score, the threshold and whether it is
kept.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Claim
from .features import FEATURES_VERSION, GROUPS, Values, article_values

__all__ = ["WEIGHTS_FILE", "Model", "keep_said", "load_model", "model"]

WEIGHTS_FILE = Path(__file__).with_name("claim_weights.json")
_log = logging.getLogger(__name__)
_REMEMBERED = 50_000  # sums remembered by group


@dataclass(frozen=True)
class Model:
    """Weights of features and the threshold a claim's score must reach to be kept."""

    weights: dict[str, float]
    threshold: float
    # For each group of features (`features.GROUPS`), the sum of its weights by key.
    _sums: tuple[dict[tuple[object, ...], float], ...] = field(
        default_factory=lambda: tuple({} for _ in GROUPS), repr=False, compare=False
    )

    def scores(self, text: str, claims: Sequence[Claim]) -> list[float | None]:
        """Each claim's score, the sum of the weights of its features (a log-odds);
        None for a statement, which is never scored."""
        return [
            None if values is None else self._score(values)
            for values in article_values(text, claims)
        ]

    def _score(self, values: Values) -> float:
        total = 0.0
        for group, key, sums in zip(GROUPS, values, self._sums, strict=True):
            part = sums.get(key)
            if part is None:
                if len(sums) > _REMEMBERED:  # unbounded input must not grow it without end
                    sums.clear()
                get = self.weights.get
                part = sums[key] = sum(get(f, 0.0) for f in group(*key))
            total += part
        return total


def load_model(path: Path = WEIGHTS_FILE) -> Model:
    """The model in a weights file; an `InputError` names the file and how to rebuild it."""
    hint = "Hint: rebuild it with `make train` (python -m digest.extract.train)"
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        what = exc.strerror or exc
        raise InputError(f"{path}: cannot read the claim weights: {what}; {hint}") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not a weights file ({exc}); {hint}") from None
    try:
        version = record["features_version"]
        weights = {str(k): float(v) for k, v in record["weights"].items()}
        threshold = float(record["threshold"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{path}: not a weights file (no {exc}); {hint}") from None
    if version != FEATURES_VERSION:
        raise InputError(
            f"{path}: weights for features version {version}, these are version "
            f"{FEATURES_VERSION}; {hint}"
        )
    return Model(weights, threshold)


_loaded: list[Model | None] = []  # the shipped model, once read (None: rules only)


def model() -> Model | None:
    """The shipped model, read once; None (rules only, said once in the log) when the
    weights file is missing or unreadable."""
    if not _loaded:
        try:
            _loaded.append(load_model())
        except InputError as exc:
            _log.warning("claims are the rules' alone, unscored: %s", exc)
            _loaded.append(None)
    return _loaded[0]


def keep_said(
    text: str, claims: tuple[Claim, ...], scorer: Model | None = None
) -> tuple[Claim, ...]:
    """The claims of an article whose score reaches the threshold, and every statement;
    all of them when there is no model (`model`)."""
    scorer = scorer or model()
    if scorer is None or not claims:
        return claims
    threshold = scorer.threshold
    return tuple(
        claim
        for claim, score in zip(claims, scorer.scores(text, claims), strict=True)
        if score is None or score >= threshold
    )
