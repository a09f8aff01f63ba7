"""Measure story grouping against texts labelled with their event (`digest eval stories`).

Gold: one text a line, `{"id", "title", "text", "topic", "event"}` (the ECB+ schema:
`event` names the event a text reports, `topic` the subject two similar events share),
and optionally `"thread"`, which then stands for the thread a story belongs to.

Each text is read as an article (its id, title and text, the whole text its body, no
date), the texts are grouped by `stories.events.group_articles`, and the grouping is
scored at article level against the events (`--level event`) or against the threads
(`--level thread`: the `thread` field where the gold has one, else `topic`):

- B-cubed precision, recall and F1: for each article, the share of its cluster that is
  of its gold class (precision) and the share of its gold class in its cluster (recall),
  each averaged over the articles; F1 is their harmonic mean;
- the adjusted Rand index: agreement on pairs of articles (together or apart), 0 for a
  grouping as good as chance, 1 for the gold one;
- normalised mutual information (divided by the mean of the two entropies);
- the number of clusters and of gold classes.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Article, Span
from ..stories.events import group_articles

LEVELS = ("event", "thread")


@dataclass(frozen=True)
class GoldText:
    """A labelled text: the article it is read as, its event and its thread."""

    article: Article
    event: str
    thread: str


@dataclass(frozen=True)
class Scores:
    """How a grouping agrees with the gold classes, article by article."""

    articles: int
    clusters: int
    classes: int
    precision: float
    recall: float
    f1: float
    ari: float
    nmi: float

    def as_dict(self) -> dict[str, float | int]:
        """The figures by name, for `--json`."""
        return asdict(self)


def read_gold(path: Path) -> list[GoldText]:
    """The labelled texts of a gold JSONL file, in file order."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason})") from None
    found = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            ident, text, event = str(record["id"]), str(record["text"]), str(record["event"])
            title = str(record.get("title") or "")
            thread = record.get("thread")
            thread = str(record.get("topic", "") if thread is None else thread)
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(
                f"{path}:{number}: not a gold record ({exc}); "
                "Hint: each line needs id, text and event (title, topic and thread may follow)"
            ) from None
        article = Article(
            id=ident,
            source="",
            title=title,
            url=None,
            published=None,
            text=text,
            path=f"{path}:{number}",
            body=(Span(0, len(text)),),
        )
        found.append(GoldText(article, event, thread))
    if not found:
        raise InputError(f"{path}: no gold records")
    return found


def score(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> Scores:
    """Every figure for one grouping: `predicted[i]` and `gold[i]` label article i."""
    if len(predicted) != len(gold):
        raise ValueError("a label per article in both groupings")
    precision, recall, f1 = b_cubed(predicted, gold)
    return Scores(
        articles=len(gold),
        clusters=len(set(predicted)),
        classes=len(set(gold)),
        precision=precision,
        recall=recall,
        f1=f1,
        ari=adjusted_rand(predicted, gold),
        nmi=normalized_mutual_info(predicted, gold),
    )


def b_cubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1), averaged over the articles; all 0 for none."""
    n = len(gold)
    if not n:
        return 0.0, 0.0, 0.0
    both = Counter(zip(predicted, gold, strict=True))
    clusters, classes = Counter(predicted), Counter(gold)
    # Every article of a cell (cluster ∩ class) has the same precision and recall.
    precision = sum(k * k / clusters[c] for (c, _g), k in both.items()) / n
    recall = sum(k * k / classes[g] for (_c, g), k in both.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> float:
    """The adjusted Rand index of two groupings (1.0 when they agree on every pair)."""
    n = len(gold)
    pairs = math.comb(n, 2)
    together = sum(math.comb(k, 2) for k in Counter(zip(predicted, gold, strict=True)).values())
    in_clusters = sum(math.comb(k, 2) for k in Counter(predicted).values())
    in_classes = sum(math.comb(k, 2) for k in Counter(gold).values())
    if not pairs or in_clusters == in_classes == together:
        return 1.0  # the groupings agree on every pair (or there is no pair)
    expected = in_clusters * in_classes / pairs
    best = (in_clusters + in_classes) / 2
    return (together - expected) / (best - expected)


def normalized_mutual_info(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> float:
    """Mutual information over the mean of the two entropies (1.0 for the same grouping)."""
    n = len(gold)
    if not n:
        return 1.0
    clusters, classes = Counter(predicted), Counter(gold)
    h_clusters, h_classes = _entropy(clusters.values(), n), _entropy(classes.values(), n)
    if h_clusters == h_classes == 0.0:
        return 1.0  # one cluster and one class: the same grouping
    mutual = sum(
        k / n * math.log(k * n / (clusters[c] * classes[g]))
        for (c, g), k in Counter(zip(predicted, gold, strict=True)).items()
    )
    return max(0.0, mutual / ((h_clusters + h_classes) / 2))


def _entropy(counts: Iterable[int], n: int) -> float:
    return -sum(k / n * math.log(k / n) for k in counts)


def evaluate(golds: Sequence[GoldText], level: str = "event") -> Scores:
    """Group the gold texts with `group_articles` and score the grouping at `level`:
    stories against the events, or threads against the threads (or topics)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    grouping = group_articles([g.article for g in golds])
    stories = grouping.event_of
    if level == "event":
        return score(stories, [g.event for g in golds])
    threads = [grouping.events[story].thread for story in stories]
    return score(threads, [g.thread for g in golds])


def format_scores(scores: Scores, level: str) -> str:
    """The figures as a short plain-text table."""
    unit = "stories" if level == "event" else "threads"
    gold = "events" if level == "event" else "threads"
    return "\n".join(
        [
            f"articles: {scores.articles}   {unit}: {scores.clusters}"
            f"   gold {gold}: {scores.classes}",
            "",
            f"{'B-cubed precision':<18} {scores.precision:.3f}",
            f"{'B-cubed recall':<18} {scores.recall:.3f}",
            f"{'B-cubed F1':<18} {scores.f1:.3f}",
            f"{'adjusted Rand':<18} {scores.ari:.3f}",
            f"{'NMI':<18} {scores.nmi:.3f}",
        ]
    )
