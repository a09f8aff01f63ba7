"""Blocks, quotations and sentences of an article's body, all as offsets into its text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from .lexicon import ABBREVIATIONS, SENTENCE_STARTERS

OPEN_MARKS = '"“«„'
CLOSE_MARKS = '"”»“'
_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
# Characters web copy leaves unseen between words: direction marks, zero-width spaces,
# a byte-order mark. Before a quotation mark they are no word it closes.
_UNSEEN = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)


@dataclass(frozen=True)
class Quote:
    """A quotation: `inner` is the text between the marks; `closed` is False for a stray mark."""

    outer: Span
    inner: Span
    closed: bool


@dataclass(frozen=True)
class Block:
    """Body paragraphs read as one unit: one paragraph, or several that one quotation spans."""

    span: Span
    quotes: tuple[Quote, ...]


def mark_at(text: str, i: int) -> str:
    """The quotation mark at `i` ('' counts as one straight double mark), or ""."""
    ch = text[i] if i < len(text) else ""
    if ch == "'" and text.startswith("''", i):
        return "''"
    return ch if ch in OPEN_MARKS or ch in CLOSE_MARKS else ""


_MARK = re.compile(r"''|[\"“”«»„]")


def find_quotes(text: str, span: Span) -> tuple[list[Quote], bool]:
    """Quotations in one paragraph, and whether a quotation is still open at its end.

    Straight marks (" and the typewriter '') open after a space or at the start and
    close before a space or punctuation; curly and guillemet marks say which they are.
    Web copy mixes them up ('"Yes,” he said', '“Yes,“ he said'): a closing mark of
    any style closes, and so does an opening curly mark that stands where a closing
    one would. A mark that closes nothing, or opens and never closes, never raises: it
    yields an unclosed quote.
    """
    quotes: list[Quote] = []
    opener: int | None = None
    opener_width = 1
    closer = ""
    for found in _MARK.finditer(text, span.start, span.end):
        i = found.start()
        mark = found.group()
        width = len(mark)
        straight = mark in {'"', "''"}
        if opener is None:
            if _opens(text, i, width, span):
                opener, opener_width = i, width
                closer = '"' if straight else _PAIRS.get(mark, mark)
            elif (
                not quotes
                and (mark in "”»" or straight)
                and text[span.start : span.start + 1].isupper()
                and _closes(text, i, width, span)
            ):
                # 'We will rebuild the port," Smith said': the paragraph's first mark closes
                # a quotation whose opening mark the copy lost (or that a paragraph before
                # opened, news style); it opened with the paragraph.
                quotes.append(Quote(Span(span.start, i + width), Span(span.start, i), True))
        elif (
            straight
            or mark == closer
            or mark in "”»"
            or (mark == "“" and _closes(text, i, width, span))
        ):
            if straight and closer != '"' and _opens(text, i, width, span):
                continue
            if straight and _reopens(text, i, width, span):
                # '"Do they want to? We are top. "The only thing ...': a sentence of the
                # quotation ended unclosed and the next reopens it, as a paragraph would
                end = len(text[:i].rstrip())
                quotes.append(Quote(Span(opener, end), Span(opener + opener_width, end), True))
                opener, opener_width = i, width
                continue
            quotes.append(Quote(Span(opener, i + width), Span(opener + opener_width, i), True))
            opener = None
    if opener is not None:
        quotes.append(Quote(Span(opener, span.end), Span(opener + opener_width, span.end), False))
        return quotes, True
    return quotes, False


def _closes(text: str, i: int, width: int, span: Span) -> bool:
    """A mark right after a word or punctuation, and before a space, punctuation or the
    end: where a closing mark stands."""
    before = text[i - 1] if i > span.start else " "
    after = text[i + width] if i + width < span.end else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _reopens(text: str, i: int, width: int, span: Span) -> bool:
    """A straight mark, inside an open quotation, that opens rather than closes: after a
    sentence's end and a space, before a word ('... top of the league. "The only ...')."""
    if i <= span.start or not text[i - 1].isspace() or _closes(text, i, width, span):
        return False
    after = text[i + width] if i + width < span.end else " "
    return after.isalnum() and text[span.start : i].rstrip()[-1:] in (".", "!", "?")


def _opens(text: str, i: int, width: int, span: Span) -> bool:
    ch = text[i]
    if ch in "“«„":
        return True
    if ch == "”" and not text[span.start : i].strip(_UNSEEN) and i + width < span.end:
        return True  # '” … the Cruz train has left the station," wrote Time': a mark turned
    before = text[i - 1] if i > span.start else " "
    after = text[i + width] if i + width < span.end else " "
    if before.isspace() or before in "([{—–-:;,/" or before in _UNSEEN:
        return not after.isspace()
    return False


def blocks(text: str, paragraphs: tuple[Span, ...]) -> list[Block]:
    """Group paragraphs into blocks: a quotation left open continues in the next paragraph
    when that paragraph reopens it, as news style marks a quotation over paragraphs."""
    out: list[Block] = []
    pending: list[tuple[Span, list[Quote]]] = []
    for para in paragraphs:
        quotes, still_open = find_quotes(text, para)
        if pending:
            # The quotation goes on: the paragraph reopens it, or closes it without
            # reopening it ('... exhausted," said Nicholson.').
            reopened = mark_at(text, para.start) in {*OPEN_MARKS, "''"} or (
                bool(quotes) and quotes[0].outer.start == para.start and quotes[0].closed
            )
            if reopened:
                pending.append((para, quotes))
                if not still_open:
                    out.append(_merge(pending))
                    pending = []
                continue
            out.extend(Block(p, tuple(q)) for p, q in pending)
            pending = []
        if still_open:
            pending.append((para, quotes))
        else:
            out.append(Block(para, tuple(quotes)))
    out.extend(Block(p, tuple(q)) for p, q in pending)
    return out


def _merge(parts: list[tuple[Span, list[Quote]]]) -> Block:
    """One block whose open quotation runs through each reopening mark to its real close."""
    kept: list[Quote] = []
    chain: Quote | None = None
    for index, (para, quotes) in enumerate(parts):
        for quote in quotes:
            if chain is None:
                if not quote.closed and index < len(parts) - 1:
                    chain = quote
                else:
                    kept.append(quote)
            elif quote.outer.start == para.start:
                if quote.closed or index == len(parts) - 1:
                    kept.append(
                        Quote(
                            Span(chain.outer.start, quote.outer.end),
                            Span(chain.inner.start, quote.inner.end),
                            quote.closed,
                        )
                    )
                    chain = None
            else:
                kept.append(quote)
    if chain is not None:
        kept.append(chain)
    return Block(Span(parts[0][0].start, parts[-1][0].end), tuple(kept))


# A sentence end, or a blank line. The pattern opens with the class of the mark and
# then tells which alternative it is by looking behind it, so that the regex engine
# skips ahead to the next candidate mark instead of trying each alternative everywhere.
_BOUNDARY = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"'”’)\]]*(?=\s+["
    + _UNSEEN
    + r"]*[\"'“‘(\[]{0,2}[A-Z0-9])|(?<=\n)\s*\n)"
)
_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*(?:\.[^\W\d_]\w*)*)\.?$")
# The characters `_LAST_WORD` is made of, read backwards from a period.
_WORD_RUN = re.compile(r"[\w'’.-]*")


def sentences(text: str, block: Block) -> list[Span]:
    """Sentence spans of a block; never inside a quotation, never after an abbreviation
    ("U.S.", "Sept. 12", "Brig. Gen.", "N. Korea")."""
    inside = [q.outer for q in block.quotes]
    spans = []
    start = block.span.start
    for match in _BOUNDARY.finditer(text, block.span.start, block.span.end):
        end = match.end()
        if match.group().strip() == "" or "\n" in match.group():
            cut = match.start()
        else:
            cut = end
            if _is_abbreviation(text, match.start(), end):
                continue
        # Inside a quotation there is no sentence end; at its end a full stop ends the
        # sentence ('..."identity." Cruz says ...'), but "!" or "?" hands over to the
        # attribution that follows ('"... our fix!" Clinton said').
        if any(
            q.start < match.start()
            and (match.end() < q.end or text[match.start()] in "!?")
            and match.start() < q.end
            for q in inside
        ):
            continue
        spans.append(Span(start, cut).stripped(text))
        start = end
    spans.append(Span(start, block.span.end).stripped(text))
    return [s for s in spans if s.end > s.start]


def _is_abbreviation(text: str, dot: int, end: int) -> bool:
    if text[dot] != ".":
        return False
    # `_LAST_WORD` can only start inside the run of its characters that ends at the dot:
    # searching from the run's start finds the same word without trying each offset of
    # the 30 characters before it.
    floor = max(0, dot - 30)
    run = _WORD_RUN.match(text[floor : dot + 1][::-1])  # always matches, maybe nothing
    word_match = _LAST_WORD.search(text, dot + 1 - run.end() if run else floor, dot + 1)
    if not word_match:
        return False
    word = word_match.group(1)
    bare = word.rstrip(".").lower()
    if len(bare) == 1:
        # An initial ("N. Korea", "J. Smith"), not the end of a unit or a name written
        # with a figure or an ampersand ("the 200m.", "M&S.")
        before = text[word_match.start() - 1 : word_match.start()]
        return not (before.isdigit() or before == "&")
    if bare in ABBREVIATIONS:
        return True
    if "." in word:  # "U.S.", "U.N.": a boundary only before a typical sentence start
        following = re.match(r"\s+[\"“‘(]?(\w+)", text[end : end + 40])
        return not (following and following.group(1).lower() in SENTENCE_STARTERS)
    return False


# Words are runs of letters and digits in any script ("García", "Jong-un", "U.S.").
# A number with thousands separators is one word ("55,000"), so that its comma parts no
# clause.
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:/\d+)+|[^\W_]+(?:[-'’.&][^\W_]+)*\.?|[^\s\w]|_"
)


class Token:
    """A word or punctuation mark with its offsets; `lower`, `is_word` and `is_capital`
    are computed once, since the rules ask for them many times."""

    __slots__ = ("text", "start", "end", "lower", "is_word", "is_capital")

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start
        self.end = start + len(text)
        # The word in lower case, without a trailing period.
        low = text.lower()
        self.lower = low.rstrip(".") if low[-1] == "." and len(low) > 1 else low
        first = text[0]
        self.is_word = first.isalnum()
        self.is_capital = first.isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


_GROUP = re.Match.group
_START = re.Match.start


def tokens(text: str, span: Span) -> list[Token]:
    """Word and punctuation tokens of `text[span]`, with absolute offsets.

    A trailing period stays on a token only for abbreviations and initials, so that
    "Gen." and "N." keep theirs and "Tuesday." does not.
    """
    # The hottest code of extraction: `map` makes the tokens without a loop in Python,
    # once the few words that end in a period have been looked at.
    matches = list(_TOKEN.finditer(text, span.start, span.end))
    words: list[str] = list(map(_GROUP, matches))
    starts: list[int] = list(map(_START, matches))
    dotted = [i for i, word in enumerate(words) if word[-1] == "." and len(word) > 1]
    for i in reversed(dotted):  # from the end, so that the indexes before stay put
        word = words[i]
        bare = word[:-1]
        if word[0].isalnum() and not (
            len(bare) == 1 or bare.lower() in ABBREVIATIONS or "." in bare
        ):
            words[i : i + 1] = [bare, "."]
            starts[i : i + 1] = [starts[i], starts[i] + len(bare)]
    return list(map(Token, words, starts))
