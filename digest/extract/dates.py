"""Date expressions ("said Tuesday", "on Friday", "yesterday", "Sept. 12") made real dates."""

from __future__ import annotations

import re
import sys
from datetime import date, timedelta

from ..model import DateRef, Span
from .lexicon import (
    BACKWARD_MODIFIERS,
    DATE_MODIFIERS,
    FORWARD_MODIFIERS,
    MONTHS,
    RELATIVE_DAYS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MODIFIERS = "|".join(DATE_MODIFIERS)
_WEEKDAY_NAMES = "|".join(WEEKDAY_NAMES)
_RELATIVE = "|".join(RELATIVE_DAYS)
_DATE = (
    rf"(?:(?P<mod>{_MODIFIERS})\s+)?(?P<weekday>{_WEEKDAY_NAMES})\b"
    rf"|(?P<rel>{_RELATIVE})\b"
    rf"|(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_NAMES})\b\.?(?:,?\s+(?P<year2>\d{{4}}))?"
)
_DATE_RE = re.compile(rf"\b(?:{_DATE})", re.I)
# The same pattern for lower-cased text, which it reads several times faster than
# `_DATE_RE` reads text of any case, the more so as it looks first whether a word
# starts with a letter any of its words start with. Lower-casing keeps every character
# of a sentence where it was and matches these words as `re.I` does, except for three
# letters that `re.I` also takes for "i" or "s" (`_UNFOLDED`): text with one of them is
# read as it is (lower-cased text in ASCII has none).
_FIRST_LETTERS = "".join(
    sorted({w[0] for w in f"{_MODIFIERS}|{_WEEKDAY_NAMES}|{_RELATIVE}|{_MONTH_NAMES}".split("|")})
)
_DATE_LOWER = re.compile(rf"(?=[{_FIRST_LETTERS}\d])\b(?:{_DATE})")
_UNFOLDED = re.compile("[İıſ]")
_DIGIT = re.compile(r"\d")
# Words before a date that put the event after the article was written.
_FUTURE_WORDS = (
    r"\b(?:will|(?:would|could|may|might)(?!\s+have)|forecast|forecasts|won't|'ll|shall|"
    r"expected|scheduled|set to|"
    r"plans?|planned|planning|due|"
    r"is to|are to|going to|upcoming|later|next|coming|tomorrow|would be held|to be held|"
    r"slated|intends?|aims? to)\b"
)
_FUTURE = re.compile(_FUTURE_WORDS, re.I)
_FUTURE_LOWER = re.compile(_FUTURE_WORDS)


def find_dates(text: str, span: Span, anchor: date | None) -> tuple[DateRef, ...]:
    """Dates mentioned in `text[span]`, resolved against `anchor` (the article's date)."""
    if anchor is None:
        return ()
    refs = []
    clause_start = span.start
    for match, start, end in _date_matches(text, span):
        # The clause before the date decides its tense: "is expected to ... on Wednesday".
        boundary = max(text.rfind(ch, clause_start, start) for ch in ".;")
        before = text[max(boundary + 1, clause_start, start - 120) : start]
        future = _says_future(before) or (match.group("mod") or "").lower() in FORWARD_MODIFIERS
        resolved = _resolve(match, anchor, future)
        if resolved is not None:
            refs.append(
                DateRef(resolved, sys.intern(text[start:end]), Span(start, end), resolved > anchor)
            )
    return tuple(refs)


def _date_matches(text: str, span: Span) -> list[tuple[re.Match[str], int, int]]:
    """The matches of `_DATE_RE` in `text[span]`, each with its offsets in `text`.

    Read in the sentence lower-cased (with the character before it, for the word
    boundary), and not at all when it has no digit and none of the words that every
    weekday and relative day contains: most sentences have no date.
    """
    lead = 1 if span.start > 0 else 0
    base = span.start - lead
    low = text[base : span.end].lower()
    if not low.isascii() and (len(low) != span.end - base or _UNFOLDED.search(low)):
        return [(m, m.start(), m.end()) for m in _DATE_RE.finditer(text, span.start, span.end)]
    if not (
        "day" in low
        or "tomorrow" in low
        or "tonight" in low
        or _DIGIT.search(text, span.start, span.end)
    ):
        return []
    return [(m, base + m.start(), base + m.end()) for m in _DATE_LOWER.finditer(low, lead)]


def _says_future(before: str) -> bool:
    """`_FUTURE` finds a word in `before`, read lower-cased as `_date_matches` reads."""
    low = before.lower()
    if not low.isascii() and (len(low) != len(before) or _UNFOLDED.search(low)):
        return bool(_FUTURE.search(before))
    return bool(_FUTURE_LOWER.search(low))


def _resolve(match: re.Match[str], anchor: date, future: bool) -> date | None:
    if match.group("weekday"):
        weekday = WEEKDAYS[match.group("weekday").lower()]
        mod = (match.group("mod") or "").lower()
        if mod in FORWARD_MODIFIERS or (future and mod not in BACKWARD_MODIFIERS):
            ahead = (weekday - anchor.weekday()) % 7
            return anchor + timedelta(days=ahead or (7 if mod == "next" else 0))
        back = (anchor.weekday() - weekday) % 7
        if mod in BACKWARD_MODIFIERS and back == 0:
            back = 7
        return anchor - timedelta(days=back)
    if match.group("rel"):
        return anchor + timedelta(days=RELATIVE_DAYS[match.group("rel").lower()])
    month = MONTHS[(match.group("month") or match.group("month2")).lower()]
    day = int(match.group("day") or match.group("day2"))
    year_text = match.group("year") or match.group("year2")
    year = int(year_text) if year_text else anchor.year
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if not year_text and abs((found - anchor).days) > 183:
        # "Jan. 3" written in late December means next year, and the other way round.
        try:
            found = date(year + (1 if found < anchor else -1), month, day)
        except ValueError:
            return None
    return found
