"""Publication times from the many ways sources write them, made tz-aware.

ISO 8601 ("2023-09-12T18:00:00-04:00"), RFC 2822 as feeds write it ("Tue, 12 Sep 2023
22:00:00 GMT"), the prose of news pages ("Sept. 12, 2023 6:00 PM EDT", "12.09.2023
18:00"), Unix timestamps from JSON APIs. A time without a zone takes the source's.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser

# Zone abbreviations news sites print. Ambiguous ones take their US or Asian meaning,
# as the wires a Korea desk reads use them (CST: US Central, IST: India).
_ZONES: dict[str, float] = {  # hours east of UTC
    "UTC": 0,
    "UT": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AKST": -9,
    "AKDT": -8,
    "HST": -10,
    "KST": 9,
    "JST": 9,
    "HKT": 8,
    "SGT": 8,
    "PHT": 8,
    "AWST": 8,
    "ICT": 7,
    "WIB": 7,
    "IST": 5.5,
    "PKT": 5,
    "GST": 4,
    "MSK": 3,
    "EAT": 3,
    "CET": 1,
    "CEST": 2,
    "WET": 0,
    "WEST": 1,
    "BST": 1,
    "EET": 2,
    "EEST": 3,
    "AEST": 10,
    "AEDT": 11,
    "ACST": 9.5,
    "NZST": 12,
    "NZDT": 13,
}
_TZINFOS = {name: timezone(timedelta(hours=hours), name) for name, hours in _ZONES.items()}
_MAX_LENGTH = 100  # longer strings are prose, not a date; dateutil is slow on them
_YEAR = re.compile(r"(?<!\d)(?:19[7-9]\d|20\d\d|2100)(?!\d)")
_DAY_FIRST = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{4}")  # 12.09.2023: European order
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")


def parse_datetime(value: object, zone: tzinfo) -> datetime | None:
    """A tz-aware datetime from a string, date, datetime or Unix time; None for blank.

    Raises ValueError with a short reason when the value is not a date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError("expected a date or time, got a true/false value")
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time(0, 0))
    elif isinstance(value, int | float):
        moment = _from_epoch(float(value))
    elif isinstance(value, str):
        moment = _from_string(value.strip())
    else:
        raise ValueError(f"expected a date or time, got {type(value).__name__}")
    if not 1970 <= moment.year <= 2100:
        raise ValueError(f"year {moment.year} is not a plausible publication year")
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _from_epoch(seconds: float) -> datetime:
    if seconds > 1e11:  # milliseconds, as JavaScript APIs write them
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"{seconds!r} is not a Unix time") from None


def _from_string(text: str) -> datetime:
    if len(text) > _MAX_LENGTH:
        raise ValueError(f"too long for a date ({len(text)} characters)")
    if _EPOCH.match(text):
        return _from_epoch(float(text))
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    if not _YEAR.search(text):
        # dateutil would fill a missing year from today: "Sept. 12" must not become 2026.
        raise ValueError("no year in it")
    day_first = bool(_DAY_FIRST.match(text))
    with warnings.catch_warnings():
        # An unknown zone name leaves the time naive; the source's zone is used instead.
        warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
        for fuzzy in (False, True):  # fuzzy: "Updated: Sept. 12, 2023 6:00 PM EDT"
            try:
                return dateutil_parser.parse(
                    text, tzinfos=_TZINFOS, dayfirst=day_first, fuzzy=fuzzy
                )
            except (ValueError, OverflowError):
                continue
    raise ValueError("not a date or time digest can read")
