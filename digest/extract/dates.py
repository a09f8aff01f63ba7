"""Date expressions ("said Tuesday", "on Friday", "yesterday", "Sept. 12") made real dates."""

from __future__ import annotations

import re
import sys
from datetime import date, timedelta

from ..model import DateRef, Span
from .lexicon import MONTHS

_WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_RE = re.compile(
    r"\b(?:(?P<mod>last|next|this|coming|previous|past)\s+)?"
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?P<rel>yesterday|today|tomorrow|tonight)\b"
    rf"|\b(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|\b(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_NAMES})\b\.?(?:,?\s+(?P<year2>\d{{4}}))?",
    re.I,
)
# Words before a date that put the event after the article was written.
_FUTURE = re.compile(
    r"\b(?:will|(?:would|could|may|might)(?!\s+have)|forecast|forecasts|won't|'ll|shall|"
    r"expected|scheduled|set to|"
    r"plans?|planned|planning|due|"
    r"is to|are to|going to|upcoming|later|next|coming|tomorrow|would be held|to be held|"
    r"slated|intends?|aims? to)\b",
    re.I,
)


def find_dates(text: str, span: Span, anchor: date | None) -> tuple[DateRef, ...]:
    """Dates mentioned in `text[span]`, resolved against `anchor` (the article's date)."""
    if anchor is None:
        return ()
    refs = []
    clause_start = span.start
    for match in _DATE_RE.finditer(text, span.start, span.end):
        # The clause before the date decides its tense: "is expected to ... on Wednesday".
        boundary = max(text.rfind(ch, clause_start, match.start()) for ch in ".;")
        before = text[max(boundary + 1, clause_start, match.start() - 120) : match.start()]
        future = bool(_FUTURE.search(before)) or (match.group("mod") or "").lower() in {
            "next",
            "coming",
        }
        resolved = _resolve(match, anchor, future)
        if resolved is not None:
            refs.append(
                DateRef(
                    resolved,
                    sys.intern(match.group()),
                    Span(match.start(), match.end()),
                    resolved > anchor,
                )
            )
    return tuple(refs)


def _resolve(match: re.Match[str], anchor: date, future: bool) -> date | None:
    if match.group("weekday"):
        weekday = _WEEKDAYS[match.group("weekday").lower()]
        mod = (match.group("mod") or "").lower()
        if mod in {"next", "coming"} or (future and mod not in {"last", "previous", "past"}):
            ahead = (weekday - anchor.weekday()) % 7
            return anchor + timedelta(days=ahead or (7 if mod == "next" else 0))
        back = (anchor.weekday() - weekday) % 7
        if mod in {"last", "previous", "past"} and back == 0:
            back = 7
        return anchor - timedelta(days=back)
    if match.group("rel"):
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
        return anchor + timedelta(days=offset[match.group("rel").lower()])
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
