"""Train the claim scorer (`scorer`) on PolNeAR's train split: `make train`.

    python -m digest.extract.train [--data ../shared/data/polnear-train.jsonl]
                                   [--out digest/extract/claim_weights.json]

1. Candidates: the claims the rules find in every article (`extract_claims` unscored),
   statements left out. A candidate is positive when it matches a speech attribution
   under the rule of `digest eval claims` (|gold ∩ pred| / |gold| > 0.3, one-to-one,
   greedy, gold in document order); negative otherwise, a match of an attribution that
   is not speech (a belief, a perception, a wish) included.
2. Features (`features.claim_features`) seen in at least `MIN_COUNT` candidates.
3. L2-regularised logistic regression, fitted by L-BFGS in plain numpy.
4. The threshold: the lowest within `F1_TOLERANCE` of the best speech-view F1 at 0.3
   over the scores of 5-fold cross-validation by document (each fold scored by a model
   fitted on the other four), counting every speech attribution as gold, matched or not.
5. The weights of the model fitted on every document, written with sorted keys and
   rounded figures: the same rules and data give the same bytes.

Dev is never read here: it is for reporting (`digest eval claims`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..evaluate.claims import Gold, _best_match, read_gold
from ..files import atomic_write
from ..model import Claim
from ..read.clean import clean_article
from . import extract_claims
from .features import FEATURES_VERSION, SCORED_KINDS, article_features
from .scorer import WEIGHTS_FILE

DATA = Path("../shared/data/polnear-train.jsonl")
MATCH = 0.3  # the overlap a candidate needs with a speech attribution to be positive
MIN_COUNT = 5  # a feature seen in fewer candidates gets no weight
L2 = 3e-4  # the penalty on the squared weights, per candidate (the bias is free)
# Words (the cue, its stem) are penalised this many times more than the general
# features (classes of cue, shapes, lengths, positions): a word moves the score only
# where the corpus has much to say about it, so that the model carries to other outlets.
LEXICAL = 10.0
_LEXICAL_PREFIXES = ("cue=", "stem")
FOLDS = 5
ITERATIONS = 400
DIGITS = 4  # weights and threshold are rounded to this many decimals
F1_TOLERANCE = 0.0002  # how far below the best F1 a lower threshold may be chosen


@dataclass(frozen=True)
class Document:
    """One article's candidates: their features and labels, and its speech attributions."""

    doc: str
    features: list[list[str]]
    labels: list[bool]
    gold: int  # speech attributions, matched or not


def label(golds: Sequence[Gold], claims: list[Claim]) -> list[bool]:
    """Whether each claim matches a speech attribution, as `digest eval claims --speech`
    matches them: gold in document order, each taking the best unused claim."""
    used: set[int] = set()
    for gold in golds:
        if gold.speech is False:
            continue
        best, score = _best_match(gold, claims, used)
        if best is not None and score > MATCH:
            used.add(best)
    return [index in used for index in range(len(claims))]


def collect(path: Path, limit: int | None = None) -> list[Document]:
    """The candidates of every article of a gold file with speech marks."""
    documents: list[Document] = []
    for article, golds in read_gold(path, speech=True):
        if limit is not None and len(documents) >= limit:
            break
        cleaned = clean_article(article)
        claims = [c for c in extract_claims(cleaned, scored=False) if c.kind in SCORED_KINDS]
        features = [f for f in article_features(cleaned.text, claims) if f is not None]
        speech = sum(g.speech is not False for g in golds)
        documents.append(Document(article.id, features, label(golds, claims), speech))
    return documents


def vocabulary(documents: Sequence[Document]) -> list[str]:
    """The features seen in at least `MIN_COUNT` candidates, sorted."""
    seen: Counter[str] = Counter()
    for document in documents:
        for features in document.features:
            seen.update(set(features))
    return sorted(f for f, n in seen.items() if n >= MIN_COUNT)


@dataclass(frozen=True)
class Matrix:
    """Binary features of candidates, as the (row, column) pairs that hold."""

    rows: np.ndarray
    cols: np.ndarray
    shape: tuple[int, int]

    def dot(self, w: np.ndarray) -> np.ndarray:
        """X @ w."""
        return np.bincount(self.rows, weights=w[self.cols], minlength=self.shape[0])

    def tdot(self, r: np.ndarray) -> np.ndarray:
        """X.T @ r."""
        return np.bincount(self.cols, weights=r[self.rows], minlength=self.shape[1])


def matrix(documents: Sequence[Document], vocab: Sequence[str]) -> tuple[Matrix, np.ndarray]:
    """The candidates of `documents` over `vocab`, and their labels (1.0 or 0.0)."""
    index = {f: i for i, f in enumerate(vocab)}
    rows: list[int] = []
    cols: list[int] = []
    labels: list[float] = []
    for document in documents:
        for features, positive in zip(document.features, document.labels, strict=True):
            held = sorted({index[f] for f in features if f in index})
            rows.extend([len(labels)] * len(held))
            cols.extend(held)
            labels.append(1.0 if positive else 0.0)
    shape = (len(labels), len(vocab))
    return Matrix(np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), shape), np.array(
        labels
    )


def fit(x: Matrix, y: np.ndarray, vocab: Sequence[str], l2: float = L2) -> np.ndarray:
    """Weights minimising the mean logistic loss plus l2/2 · |w|² (the bias unpenalised)."""
    penalty = np.array(
        [
            0.0 if f == "bias" else l2 * LEXICAL if f.startswith(_LEXICAL_PREFIXES) else l2
            for f in vocab
        ]
    )
    n = max(1, x.shape[0])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x.dot(w)
        # log(1 + e^z) - y z, and its gradient, computed without overflow.
        value = float(np.sum(np.logaddexp(0.0, z) - y * z)) / n
        p = 0.5 * (1.0 + np.tanh(0.5 * z))
        grad = x.tdot(p - y) / n
        return value + 0.5 * float(penalty @ (w * w)), grad + penalty * w

    return _lbfgs(loss, np.zeros(x.shape[1]))


def _lbfgs(
    loss: Callable[[np.ndarray], tuple[float, np.ndarray]],
    w: np.ndarray,
    memory: int = 10,
    iterations: int = ITERATIONS,
) -> np.ndarray:
    """Minimise a smooth convex function by L-BFGS with a backtracking line search."""
    value, grad = loss(w)
    steps: list[tuple[np.ndarray, np.ndarray, float]] = []
    for _ in range(iterations):
        direction = -_two_loop(grad, steps)
        slope = float(grad @ direction)
        if slope >= 0:  # not a descent direction: start again from the gradient
            steps, direction, slope = [], -grad, -float(grad @ grad)
        step = 1.0 if steps else 1.0 / max(1.0, float(np.sqrt(grad @ grad)))
        while True:
            trial = w + step * direction
            trial_value, trial_grad = loss(trial)
            if trial_value <= value + 1e-4 * step * slope or step < 1e-12:
                break
            step *= 0.5
        s, yk = trial - w, trial_grad - grad
        curvature = float(s @ yk)
        if curvature > 1e-12:
            steps = [*steps[-(memory - 1) :], (s, yk, 1.0 / curvature)]
        done = value - trial_value <= 1e-10 * max(1.0, abs(value))
        w, value, grad = trial, trial_value, trial_grad
        if done:
            break
    return w


def _two_loop(grad: np.ndarray, steps: list[tuple[np.ndarray, np.ndarray, float]]) -> np.ndarray:
    """L-BFGS's estimate of the inverse Hessian times the gradient."""
    q = grad.copy()
    alphas = []
    for s, y, rho in reversed(steps):
        alpha = rho * float(s @ q)
        q -= alpha * y
        alphas.append(alpha)
    if steps:
        s, y, _ = steps[-1]
        q *= float(s @ y) / float(y @ y)
    for (s, y, rho), alpha in zip(steps, reversed(alphas), strict=True):
        beta = rho * float(y @ q)
        q += (alpha - beta) * s
    return q


def out_of_fold(documents: Sequence[Document], folds: int = FOLDS, l2: float = L2) -> np.ndarray:
    """Each candidate's score by a model fitted on the other folds (documents dealt to
    folds in file order, round robin)."""
    scores: list[np.ndarray] = [np.zeros(0)] * folds
    for fold in range(folds):
        train = [d for i, d in enumerate(documents) if i % folds != fold]
        held = [d for i, d in enumerate(documents) if i % folds == fold]
        vocab = vocabulary(train)
        x, y = matrix(train, vocab)
        w = fit(x, y, vocab, l2)
        scores[fold] = matrix(held, vocab)[0].dot(w)
    # Back to file order: candidates of document i are in fold i % folds, in order.
    taken = [0] * folds
    ordered = []
    for i, document in enumerate(documents):
        fold, n = i % folds, len(document.labels)
        ordered.append(scores[fold][taken[fold] : taken[fold] + n])
        taken[fold] += n
    return np.concatenate(ordered) if ordered else np.zeros(0)


@dataclass(frozen=True)
class Choice:
    """A threshold and the speech view's figures at 0.3 it gives over candidates."""

    threshold: float
    precision: float
    recall: float
    f1: float


def figures(scores: np.ndarray, labels: np.ndarray, gold: int, threshold: float) -> Choice:
    """Precision, recall and F1 of the candidates scoring at least `threshold`."""
    kept = scores >= threshold
    tp = float(np.sum(labels[kept]))
    predicted = float(np.sum(kept))
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * tp / (predicted + gold) if predicted + gold else 0.0
    return Choice(threshold, precision, recall, f1)


def choose_threshold(scores: np.ndarray, labels: np.ndarray, gold: int) -> Choice:
    """The lowest threshold on a grid of 0.05 from -4 to 4 whose F1 is within
    `F1_TOLERANCE` of the best. F1 is flat near its top, so the best alone moves far on a
    small change of the rules (-1.35 one day, -0.7 the next, a few dozen real quotations
    of BBC dropped); the lowest of the near-best keeps what the rules find and moves
    little."""
    grid = [round(-4 + 0.05 * i, 2) for i in range(161)]
    choices = [figures(scores, labels, gold, t) for t in grid]
    best = max(c.f1 for c in choices)
    return min((c for c in choices if c.f1 >= best - F1_TOLERANCE), key=lambda c: c.threshold)


def train(documents: Sequence[Document], source: str, folds: int = FOLDS) -> dict[str, object]:
    """The weights file's record: the threshold by cross-validation, weights fitted on
    every document."""
    labels = np.array([1.0 if b else 0.0 for d in documents for b in d.labels])
    gold = sum(d.gold for d in documents)
    rules = figures(np.zeros(len(labels)), labels, gold, 0.0)
    choice = choose_threshold(out_of_fold(documents, folds), labels, gold)
    vocab = vocabulary(documents)
    x, y = matrix(documents, vocab)
    w = fit(x, y, vocab)
    weights = {f: round(float(v), DIGITS) for f, v in zip(vocab, w, strict=True)}
    return {
        "about": (
            "Weights of the claim scorer (digest/extract/scorer.py): L2 logistic regression "
            "over digest/extract/features.py, threshold by cross-validation. "
            "Rebuild with `make train`."
        ),
        "features_version": FEATURES_VERSION,
        "trained_on": {
            "file": source,
            "documents": len(documents),
            "candidates": len(labels),
            "positive": int(labels.sum()),
            "speech_attributions": gold,
        },
        "settings": {
            "match": MATCH,
            "min_count": MIN_COUNT,
            "l2": L2,
            "lexical": LEXICAL,
            "folds": folds,
        },
        "cross_validation": {
            "rules": _rounded(rules),
            "scored": _rounded(choice),
        },
        "threshold": round(choice.threshold, DIGITS),
        "weights": {f: v for f, v in weights.items() if v != 0.0},
    }


def _rounded(choice: Choice) -> dict[str, float]:
    return {
        "precision@0.3": round(choice.precision, DIGITS),
        "recall@0.3": round(choice.recall, DIGITS),
        "f1@0.3": round(choice.f1, DIGITS),
    }


def dumps(record: dict[str, object]) -> str:
    """The weights file's text: sorted keys, one weight a line."""
    return json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m digest.extract.train", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA, help="PolNeAR train split (JSONL)")
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE, help="the weights file")
    parser.add_argument("--limit", type=int, help="read only the first N documents")
    parser.add_argument("--folds", type=int, default=FOLDS)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"digest: {args.data} not found; set --data (make train DATA=...)", file=sys.stderr)
        return 2
    documents = collect(args.data, args.limit)
    record = train(documents, args.data.name, args.folds)
    atomic_write(args.out, dumps(record).encode("utf-8"))
    cv = record["cross_validation"]
    print(
        f"{args.out}: {len(record['weights'])} weights "  # type: ignore[arg-type]
        f"over {record['trained_on']['candidates']} candidates; "  # type: ignore[index]
        f"threshold {record['threshold']}; cross-validated at 0.3, rules {cv['rules']}, "  # type: ignore[index]
        f"scored {cv['scored']}"  # type: ignore[index]
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
