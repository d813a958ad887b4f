"""When it happened: explicit and relative dates resolved against the publication date.

Conventions (decided here, tested in tests/extraction):
- A weekday ("on Monday", "late Monday", "Monday night") is the most recent such day on or
  before publication: a Tuesday report's "Monday" is yesterday, and a Tuesday report's "on
  Tuesday" is the publication day itself. "last Tuesday" in a Tuesday report is a week earlier.
- "yesterday" and "last night" are the day before publication; "today", "this morning" and
  "tonight" are the publication day.
- "last week" / "this week" give WEEK precision, "last month" / "in January 2022" MONTH, a bare
  year YEAR. All-numeric dates are read month first (US style) unless the first number is > 12.
- A date without a year takes the publication year, or the year before when that would put it
  after publication.
- "the day before" / "the previous day" in a clause about another event is the main date - 1.
The main event's date is the first day-precise date in the main-event clauses, else the first
date of any precision.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from service.domain import DateClaim, DatePrecision
from service.extraction.numbers import parse_cardinal
from service.extraction.text import Segment, keyword_text, mentions_any, span_of

# A date this long before publication is history (a photo caption's date, a birth date, an old case
# recalled), never the reported event: news of an event, trials and anniversaries included, comes sooner.
HISTORY_DAYS = 3652

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("numeric", re.compile(r"(?<![\d/])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)(?![\d/])")),
    ("day_month_year", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,)?\s+{_YEAR}\b", re.IGNORECASE)),
    ("month_day_year", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*[-–]\s*\d{{1,2}})?,?\s+{_YEAR}\b", re.IGNORECASE)),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)(?![:\d])", re.IGNORECASE)),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*(?:19|20)\d\d)", re.IGNORECASE)),
    (
        "month_year",
        re.compile(rf"\b(?:in|during|since|of|early|late|mid)[\s-]+{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE),
    ),
    (
        "relative_day",
        re.compile(
            r"\b(?P<word>yesterday|today|this\s+(?:morning|afternoon|evening)|tonight|last\s+night|earlier\s+today|"
            r"(?P<n>\w+)\s+days?\s+(?:ago|earlier)|the\s+day\s+before|the\s+previous\s+day|a\s+day\s+earlier)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?P<last>last\s+)?(?:early\s+|late\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\b",
        ),
    ),
    (
        "relative_span",
        re.compile(
            r"\b(?P<word>last\s+week|this\s+week|earlier\s+this\s+week|last\s+weekend|this\s+weekend|last\s+month|earlier\s+this\s+month|this\s+month)\b",
            re.IGNORECASE,
        ),
    ),
]


# Keyword gates, by pattern kind: a clause with none of a kind's words cannot match its pattern.
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RELATIVE_DAY_WORDS = ("day", "this", "night")  # "yesterday", "today", "tonight" included
_RELATIVE_SPAN_WORDS = ("week", "month")
_DIGIT = re.compile(r"\d")


def _applicable_kinds(text: str) -> set[str]:
    """The pattern kinds that can match somewhere in the text, judged by cheap keyword checks."""
    keywords = keyword_text(text)
    kinds = set()
    has_digit = _DIGIT.search(text) is not None
    if has_digit and "-" in text:
        kinds.add("iso")
    if has_digit and "/" in text:
        kinds.add("numeric")
    if has_digit and mentions_any(keywords, _MONTH_WORDS):
        kinds.update(("day_month_year", "month_day_year", "month_day", "day_month", "month_year"))
    if mentions_any(keywords, _RELATIVE_DAY_WORDS):
        kinds.add("relative_day")
    if "day" in text:  # the weekday pattern is case-sensitive: "Monday" ... "Sunday"
        kinds.add("weekday")
    if mentions_any(keywords, _RELATIVE_SPAN_WORDS):
        kinds.add("relative_span")
    return kinds


def _month_of(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _yearless(month: int, day: int, published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    candidate = _safe_date(published.year, month, day)
    if candidate is not None and candidate > published + dt.timedelta(days=2):
        candidate = _safe_date(published.year - 1, month, day)
    return candidate


def _resolve(
    kind: str, match: re.Match[str], published: dt.date | None, main: dt.date | None
) -> tuple[dt.date, DatePrecision] | None:
    groups = match.groupdict()
    if kind == "iso":
        day = _safe_date(int(groups["year"]), int(groups["month"]), int(groups["day"]))
        return (day, DatePrecision.DAY) if day else None
    if kind == "numeric":
        year = int(groups["year"])
        year = year + 2000 if year < 50 else year + 1900 if year < 100 else year
        first, second = int(groups["a"]), int(groups["b"])
        month, day_number = (second, first) if first > 12 else (first, second)
        day = _safe_date(year, month, day_number)
        return (day, DatePrecision.DAY) if day else None
    if kind in ("day_month_year", "month_day_year"):
        day = _safe_date(int(groups["year"]), _month_of(groups["month"]), int(groups["day"]))
        if day is None:
            return None
        month_only = "(month of)" in match.string[match.end() : match.end() + 14]
        return (day, DatePrecision.MONTH if month_only else DatePrecision.DAY)
    if kind in ("month_day", "day_month"):
        if groups["month"].lower() == "may" and kind == "day_month":
            return None  # "2 may ..." is rarely a date
        day = _yearless(_month_of(groups["month"]), int(groups["day"]), published)
        return (day, DatePrecision.DAY) if day else None
    if kind == "month_year":
        day = _safe_date(int(groups["year"]), _month_of(groups["month"]), 1)
        return (day, DatePrecision.MONTH) if day else None
    if kind == "relative_day":
        word = " ".join(groups["word"].lower().split())
        if word in ("the day before", "the previous day", "a day earlier"):
            return (main - dt.timedelta(days=1), DatePrecision.DAY) if main else None
        if published is None:
            return None
        if groups.get("n"):
            count = parse_cardinal(groups["n"])
            if count is None or count > 60:
                return None
            base = main if word.endswith("earlier") and main else published
            return base - dt.timedelta(days=count), DatePrecision.DAY
        if word in ("yesterday", "last night"):
            return published - dt.timedelta(days=1), DatePrecision.DAY
        return published, DatePrecision.DAY
    if kind == "weekday":
        if published is None:
            return None
        target = _WEEKDAYS[groups["weekday"].lower()]
        back = (published.weekday() - target) % 7
        if groups.get("last") and back == 0:
            back = 7
        return published - dt.timedelta(days=back), DatePrecision.DAY
    if kind == "relative_span" and published is not None:
        word = " ".join(groups["word"].lower().split())
        if "month" in word:
            if word == "last month":
                previous_month_end = published.replace(day=1) - dt.timedelta(days=1)
                return previous_month_end.replace(day=1), DatePrecision.MONTH
            return published.replace(day=1), DatePrecision.MONTH
        back = 7 if word.startswith("last") else 0
        return published - dt.timedelta(days=back), DatePrecision.WEEK
    return None


def _dates_in(
    clause: Segment, published: dt.date | None, main: dt.date | None
) -> list[tuple[int, dt.date, DatePrecision, int, int]]:
    found: list[tuple[int, dt.date, DatePrecision, int, int]] = []
    taken: list[tuple[int, int]] = []
    applicable = _applicable_kinds(clause.text)
    for kind, pattern in _PATTERNS:
        if kind not in applicable:
            continue
        for match in pattern.finditer(clause.text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            resolved = _resolve(kind, match, published, main)
            if resolved is None:
                continue
            taken.append((match.start(), match.end()))
            found.append((match.start(), resolved[0], resolved[1], match.start(), match.end()))
    found.sort()
    return found


def extract_dates(
    clauses: Sequence[tuple[Segment, int]], published: dt.date | None, head_chars: int = 3000
) -> list[DateClaim]:
    """The main event's date first, then other dates in document order."""
    claims: list[DateClaim] = []
    main: dt.date | None = None
    main_claim: DateClaim | None = None
    for clause, event_ref in clauses:
        if clause.start > head_chars and event_ref == 0:
            continue
        for _, day, precision, start, end in _dates_in(clause, published, main):
            if published is not None and day > published + dt.timedelta(days=1):
                continue  # announcements of future dates (a hearing, a funeral) are not the event
            if published is not None and (published - day).days > HISTORY_DAYS:
                continue
            claim = DateClaim(day, precision, span_of(clause.text, clause.start, start, end), event_ref)
            claims.append(claim)
            if event_ref == 0 and (
                main_claim is None or (main_claim.precision != DatePrecision.DAY and precision == DatePrecision.DAY)
            ):
                main_claim, main = claim, day
    if main_claim is None:
        return claims
    return [main_claim, *(c for c in claims if c is not main_claim)]
