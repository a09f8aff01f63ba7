"""Measure claim extraction against hand-annotated attributions (the PolNeAR schema).

Gold: one article per line, `{"doc_id", "date", "text", "attributions": [{"speaker",
"speaker_spans", "cue", "content_spans", "has_quote_marks", ...}]}` with `[start, end)`
character spans into `text`.

Matching rule (the one published figures use): a predicted claim matches a gold content
when |gold ∩ pred| / |gold| (characters) is strictly above the threshold; one-to-one,
greedy, gold in document order, each gold taking the best-scoring unused prediction;
predictions left over are false positives. Statements (no speaker, no cue) are the
outlet's own words, not attributions, and are not scored.

Two views. The full view scores against every attribution. The speech view (`speech=True`)
scores against the attributions marked `"speech": true` only (what was said, not what
was thought, seen, wanted or shown): the others are not gold, so a claim that matches
one is a false positive, as it would be in the brief.

Speakers are scored over matched pairs three ways: the resolved name agrees with the
gold speaker (or a pronoun's antecedent); the last names agree; and the span rule of the
published figures, where the predicted speaker's mention overlaps the gold speaker's span.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

from ..errors import InputError
from ..extract import extract_claims
from ..model import Article, Claim, Span
from ..read.clean import clean_article

THRESHOLDS = (0.3, 0.8)
_DESCRIPTIVE = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that"})
_RELATIVE = frozenset({"who", "which", "that"})
_DESCRIPTION_OPENERS = frozenset({"the", "a", "an"})
_PRONOUNS = frozenset("he she they it i we you him her his who which that".split())


@dataclass(frozen=True)
class Gold:
    """One annotated attribution."""

    doc: str
    content: tuple[Span, ...]
    speaker: str | None
    speaker_span: Span | None
    cue: str | None
    quoted: bool
    antecedent: str | None  # for a pronoun speaker: the last named gold speaker before it
    speech: bool | None = None  # a speech act (said, told...), if the gold says

    @property
    def size(self) -> int:
        """Characters of content."""
        return sum(len(s) for s in self.content)

    def categories(self) -> list[str]:
        """The breakdowns this attribution counts in."""
        cats = ["with quote marks" if self.quoted else "without quote marks"]
        if self.speaker_span is None:
            cats.append("speaker absent")
        elif self.speaker_span.start < self.content[0].start:
            cats.append("speaker before")
        else:
            cats.append("speaker after")
        if self.speaker and self.speaker.lower() in _PRONOUNS:
            cats.append("pronoun speaker")
        return cats


@dataclass
class Tally:
    """Counts for one row of the report."""

    gold: int = 0
    matched: dict[float, int] = field(default_factory=lambda: defaultdict(int))
    speaker_total: int = 0
    speaker_exact: int = 0
    speaker_last: int = 0
    speaker_span: int = 0
    cue_total: int = 0
    cue_right: int = 0


@dataclass
class Report:
    """The result of an evaluation run."""

    docs: int = 0
    predicted: int = 0
    speech: bool = False
    """The speech view: only the speech attributions are gold."""
    left_out: int = 0
    """Attributions not scored as gold in this view (not speech)."""
    tp: dict[float, int] = field(default_factory=lambda: defaultdict(int))
    kinds: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    """Per predicted kind (quote, partial, reported): [predicted, matched at 0.3]."""
    tightness: list[float] = field(default_factory=list)
    rows: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[tuple[str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str]] = field(default_factory=list)

    def scores(self, threshold: float) -> tuple[float, float, float]:
        """Precision, recall and F1 at a threshold."""
        gold = self.rows["all"].gold
        tp = self.tp[threshold]
        precision = tp / self.predicted if self.predicted else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def read_gold(path: Path, *, speech: bool = False) -> Iterator[tuple[Article, list[Gold]]]:
    """Articles and their attributions from a gold JSONL file.

    With `speech`, every attribution must say whether it is a speech act (`"speech":
    true|false`): an `InputError` names the first line where one does not.
    """
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                doc = str(record["doc_id"])
                text = record["text"]
                attributions = record["attributions"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(
                    f"{path}:{number}: not a gold record ({exc}); "
                    "Hint: each line needs doc_id, text and attributions"
                ) from None
            published = None
            if record.get("date"):
                day = date.fromisoformat(str(record["date"])[:10])
                published = datetime.combine(day, time(12), tzinfo=UTC)
            article = Article(
                id=doc,
                source=str(record.get("publisher") or ""),
                title="",
                url=None,
                published=published,
                text=text,
                path=f"{path}:{number}",
                body=(Span(0, len(text)),),
            )
            if speech and any(not isinstance(a.get("speech"), bool) for a in attributions):
                raise InputError(
                    f'{path}:{number}: an attribution of {doc!r} has no "speech": true|false; '
                    "Hint: the speech view needs gold that marks speech acts, or leave out --speech"
                )
            yield article, _gold(doc, attributions)


def _gold(doc: str, attributions: Sequence[dict]) -> list[Gold]:
    items = []
    for a in attributions:
        spans = tuple(Span(s, e) for s, e in a.get("content_spans") or [] if e > s)
        if not spans:
            continue
        speaker_spans = a.get("speaker_spans") or []
        items.append(
            (
                spans,
                a.get("speaker"),
                Span(*speaker_spans[0]) if speaker_spans else None,
                a.get("cue"),
                bool(a.get("has_quote_marks")),
                a.get("speech") if isinstance(a.get("speech"), bool) else None,
            )
        )
    items.sort(key=lambda item: item[0][0].start)
    # A pronoun's antecedent: the nearest named speaker before it in the text.
    named = sorted(
        (sp.start, name)
        for _, name, sp, _, _, _ in items
        if sp
        and name
        and name.lower() not in _PRONOUNS
        and name.split()[0].lower() not in _DESCRIPTIVE
    )
    out = []
    for spans, speaker, sspan, cue, quoted, speech in items:
        antecedent = None
        if speaker and speaker.lower() in _PRONOUNS and sspan is not None:
            before = [name for start, name in named if start < sspan.start]
            antecedent = before[-1] if before else None
        out.append(Gold(doc, spans, speaker, sspan, cue, quoted, antecedent, speech))
    return out


def _overlap(gold: Gold, span: Span) -> int:
    return sum(max(0, min(g.end, span.end) - max(g.start, span.start)) for g in gold.content)


def _same_speaker(gold: Gold, claim: Claim, text: str) -> tuple[bool, bool]:
    """(exact, last name) agreement of the predicted speaker with the gold one.

    A relative pronoun ("Trump, who said") refers to the phrase just before it: the
    predicted name must stand there.
    """
    if claim.speaker is None or not gold.speaker:
        return False, False
    if gold.speaker.lower() in _RELATIVE and gold.speaker_span is not None:
        window = text[max(0, gold.speaker_span.start - 80) : gold.speaker_span.start].lower()
        name = claim.speaker.name.lower()
        return name in window, name.split()[-1] in window
    target = _head(gold.antecedent if gold.antecedent else gold.speaker)
    predicted = [claim.speaker.name]
    if gold.speaker.lower() in _PRONOUNS and gold.antecedent is None:
        predicted = [claim.speaker.mention]  # nothing to resolve to: the mention must agree
    elif gold.speaker.split()[0].lower() in _DESCRIPTION_OPENERS:
        # A description the gold leaves as written ("the foreign secretary") and the
        # extractor resolves to the name the article gave ("Jack Straw"): the mention
        # is the gold speaker.
        predicted.append(claim.speaker.mention)
    exact = any(
        _norm(p) in (_norm(target), _norm(gold.antecedent or gold.speaker)) for p in predicted
    )
    # Last-name agreement: the last words agree once the gold speaker's appositive is
    # cut ("Hillary Clinton" and "Former Secretary of State Hillary Clinton, who ...").
    last = any(
        _norm(p).split()[-1:] and _norm(p).split()[-1] in _last_words(target) for p in predicted
    )
    return exact, exact or last


def _speaker_overlaps(gold: Gold, claim: Claim) -> bool:
    """The span rule: the predicted speaker's mention overlaps the gold speaker's span."""
    if claim.speaker is None or gold.speaker_span is None:
        return False
    mention, target = claim.speaker.span, gold.speaker_span
    return mention.start < target.end and target.start < mention.end


def _last_words(speaker: str) -> set[str]:
    """The gold speaker's last word, and the last word before an "of" phrase that follows
    a name ("Senator Bernie Sanders of Vermont" -> sanders, vermont)."""
    words = {w for w in _norm(speaker).split()[-1:]}
    before, sep, _ = speaker.partition(" of ")
    if sep and before.split() and before.split()[-1][:1].isupper():
        words |= set(_norm(before).split()[-1:])
    return words


def _norm(name: str) -> str:
    return re.sub(r"[^\w\s-]", "", name.replace("’s", "").replace("'s", "")).lower().strip()


def _head(speaker: str) -> str:
    """A gold speaker without its appositive: "Dean Johnson, a salesman" -> "Dean Johnson"."""
    head = re.split(r",|\(| who ", speaker, maxsplit=1)[0]
    return head.strip() or speaker


def evaluate(
    pairs: Iterable[tuple[Article, list[Gold]]], *, errors: int = 0, speech: bool = False
) -> Report:
    """Run the extractor on every article and score it against the gold attributions
    (with `speech`, the speech acts among them only)."""
    report = Report(speech=speech)
    for article, golds in pairs:
        report.docs += 1
        claims = [c for c in extract_claims(clean_article(article)) if c.kind != "statement"]
        report.predicted += len(claims)
        if speech:
            kept = [g for g in golds if g.speech is not False]
            report.left_out += len(golds) - len(kept)
            golds = kept
        used: set[int] = set()
        for gold in golds:
            _score_gold(report, article, gold, claims, used, errors)
        for index, claim in enumerate(claims):
            report.kinds[claim.kind][0] += 1
            report.kinds[claim.kind][1] += index in used
            if index not in used and len(report.false_positives) < errors:
                report.false_positives.append((article.id, _context(article.text, claim.span)))
    return report


def _best_match(gold: Gold, claims: list[Claim], used: set[int]) -> tuple[int | None, float]:
    """The unmatched claim that covers most of the gold content, and how much of it."""
    best, best_score = None, 0.0
    for index, claim in enumerate(claims):
        if index in used:
            continue
        score = _overlap(gold, claim.span) / gold.size
        if score > best_score:
            best, best_score = index, score
    return best, best_score


def _score_gold(
    report: Report,
    article: Article,
    gold: Gold,
    claims: list[Claim],
    used: set[int],
    errors: int,
) -> None:
    """Count one gold attribution: matched or missed, and its speaker and cue if matched."""
    cats = ["all", *gold.categories()]
    for cat in cats:
        report.rows[cat].gold += 1
    best, best_score = _best_match(gold, claims, used)
    if best is None or best_score <= min(THRESHOLDS):
        if len(report.misses) < errors:
            report.misses.append((article.id, _context(article.text, gold.content[0])))
        return
    used.add(best)
    claim = claims[best]
    for threshold in THRESHOLDS:
        if best_score > threshold:
            report.tp[threshold] += 1
            for cat in cats:
                report.rows[cat].matched[threshold] += 1
    report.tightness.append(_overlap(gold, claim.span) / max(1, len(claim.span)))
    exact, last = _same_speaker(gold, claim, article.text)
    span = _speaker_overlaps(gold, claim)
    cue_right = bool(gold.cue and claim.cue and claim.cue.lower() in gold.cue.lower())
    for cat in cats:
        row = report.rows[cat]
        if gold.speaker:
            row.speaker_total += 1
            row.speaker_exact += exact
            row.speaker_last += last
            row.speaker_span += span
        if gold.cue:
            row.cue_total += 1
            row.cue_right += cue_right


def _context(text: str, span: Span, width: int = 80) -> str:
    before = text[max(0, span.start - width) : span.start].replace("\n", " ")
    inside = text[span.start : span.end].replace("\n", " ")
    after = text[span.end : span.end + width].replace("\n", " ")
    return f"…{before}[[{inside}]]{after}…"


SUBSETS = (
    "all",
    "with quote marks",
    "without quote marks",
    "speaker before",
    "speaker after",
    "speaker absent",
    "pronoun speaker",
)


def subset_figures(row: Tally) -> dict[str, float | int]:
    """One row of the subset table: its size, recall at each threshold, speaker and cue
    accuracy over its matched pairs."""
    return {
        "n": row.gold,
        **{f"recall@{t}": row.matched[t] / row.gold if row.gold else 0.0 for t in THRESHOLDS},
        "speaker": row.speaker_exact / row.speaker_total if row.speaker_total else 0.0,
        "speaker_last_name": row.speaker_last / row.speaker_total if row.speaker_total else 0.0,
        "speaker_span": row.speaker_span / row.speaker_total if row.speaker_total else 0.0,
        "cue": row.cue_right / row.cue_total if row.cue_total else 0.0,
    }


def report_figures(report: Report) -> dict[str, object]:
    """Every figure of the table, for `digest eval claims --json`."""
    tight = sum(report.tightness) / len(report.tightness) if report.tightness else 0.0
    return {
        "view": "speech" if report.speech else "full",
        "documents": report.docs,
        "gold": report.rows["all"].gold,
        "left_out": report.left_out,
        "predicted": report.predicted,
        **{
            str(t): dict(zip(("precision", "recall", "f1"), report.scores(t), strict=True))
            for t in THRESHOLDS
        },
        "tightness": tight,
        "precision_by_kind": {
            kind: {"predicted": n, "precision@0.3": hit / n if n else 0.0}
            for kind, (n, hit) in sorted(report.kinds.items())
        },
        "subsets": {
            name: subset_figures(report.rows[name])
            for name in SUBSETS
            if name in report.rows and report.rows[name].gold
        },
    }


def format_report(report: Report) -> str:
    """The report as a plain-text table."""
    view = (
        f"speech view: speech attributions only ({report.left_out} others left out; "
        "a claim matching one is a false positive)"
        if report.speech
        else "full view: every attribution"
    )
    lines = [
        view,
        f"documents: {report.docs}   gold attributions: {report.rows['all'].gold}"
        f"   predicted: {report.predicted}",
        "",
    ]
    lines.append(f"{'threshold':<10} {'precision':>9} {'recall':>7} {'F1':>6}")
    for threshold in THRESHOLDS:
        p, r, f = report.scores(threshold)
        lines.append(f"{threshold:<10} {p:>9.3f} {r:>7.3f} {f:>6.3f}")
    tight = sum(report.tightness) / len(report.tightness) if report.tightness else 0.0
    lines.append(f"mean |gold ∩ pred| / |pred| over matches: {tight:.3f}")
    kinds = "   ".join(
        f"{kind} {hit / n:.3f} of {n}" for kind, (n, hit) in sorted(report.kinds.items()) if n
    )
    lines.append(f"precision@0.3 by kind: {kinds}")
    lines.append("")
    header = (
        f"{'gold subset':<22} {'n':>6} {'R@0.3':>6} {'R@0.8':>6} "
        f"{'speaker':>8} {'last name':>9} {'span':>6} {'cue':>6}"
    )
    lines.append(header)
    for name in SUBSETS:
        row = report.rows.get(name)
        if row is None or not row.gold:
            continue
        fig = subset_figures(row)
        lines.append(
            f"{name:<22} {row.gold:>6} {fig['recall@0.3']:>6.3f} {fig['recall@0.8']:>6.3f} "
            f"{fig['speaker']:>8.3f} {fig['speaker_last_name']:>9.3f} "
            f"{fig['speaker_span']:>6.3f} {fig['cue']:>6.3f}"
        )
    if report.misses or report.false_positives:
        lines.append("")
        lines.append("misses ([[gold content]]):")
        lines.extend(f"  {doc}: {ctx}" for doc, ctx in report.misses)
        lines.append("false positives ([[predicted claim]]):")
        lines.extend(f"  {doc}: {ctx}" for doc, ctx in report.false_positives)
    return "\n".join(lines)
