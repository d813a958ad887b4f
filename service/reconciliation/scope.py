"""Aggregate tolls: figures that count a period or an area, not one event.

Monitors publish running and daily totals beside the event itself: "47 persons were killed yesterday
including 4 members of the regime forces", "raises to 185, the number of people killed since the
agreement", "467 civilians died in their massacres in 2016", "14 shot since 8 p.m.". Such a number sums
many events, so it says little about the one being reconciled; taken as its toll it overstates it, often
tenfold. The extractor reads the number; this module judges its scope from the words that follow it in
the quoted span, up to the next figure's number (which starts that figure's words).
"""

from __future__ import annotations

import re

from service.domain import FigureClaim

RULE_AGGREGATE = "figure.aggregate_toll/v1"

NUMBER_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
}

_PERIOD = (
    r"(?:about |nearly |almost |just )?"
    r"(?:\d+|two|three|four|five|six|seven|ten|several|\w+ consecutive) (?:days|hours|weeks|months|years)"
)
# Words after a number that make it a total over a period or an area. Each is a phrase monitors and
# newsrooms use for running counts; none of them describes a single attack's toll.
AGGREGATE_CUES = re.compile(
    "|".join(
        (
            r"\b(?:yesterday|today)\b[^.;]{0,60}\bincluding\b",  # a day's toll broken down by side
            r"\bsince\b",  # "since the start of the offensive", "since 8 p.m."
            r"\bso far\b|\bto date\b",
            rf"\b(?:in|within|during|over) (?:the )?(?:last |past |first )?{_PERIOD}\b",
            r"\b(?:in|during) (?:19|20)\d\d\b",  # a year's count
            r"\b(?:each|every|per|a) year\b",
            r"\bacross (?:syria|the country|the city|the nation)\b|\bnationwide\b",
        )
    ),
    re.IGNORECASE,
)
# The next number that starts another figure: not a period ("4 consecutive days") and not a year.
_NEXT_FIGURE = re.compile(
    r"(?<!\d)(?!(?:19|20)\d\d\b)\d+(?!\d)(?!\s+(?:consecutive\s+)?(?:days|hours|weeks|months|years)\b)"
)


def _number_at(quote: str, value: int) -> int | None:
    """Where the claim's number is written in the quote (digits, or a word for small numbers)."""
    spellings = [re.escape(f"{value:,}"), str(value)]
    if value in NUMBER_WORDS:
        spellings.append(NUMBER_WORDS[value])
    found = re.search(rf"(?<![\w,]){'|'.join(spellings)}(?![\w,])", quote, re.IGNORECASE)
    return found.end() if found else None


def is_aggregate(claim: FigureClaim) -> bool:
    """True when the words right after the claim's number make it a period or area total."""
    quote = claim.span.quote
    # `best` is the number as written: "about 20" is read as [18, 22] but written as 20.
    after = _number_at(quote, claim.best)
    if after is None:
        # The number is not in the quote as written (e.g. "more than 20" read as 21): judge from that.
        after = _number_at(quote, claim.low - 1) if claim.low > 0 else None
    if after is None:
        return False
    tail = quote[after:]
    next_figure = _NEXT_FIGURE.search(tail)
    window = tail[: next_figure.start()] if next_figure else tail
    return AGGREGATE_CUES.search(window) is not None
