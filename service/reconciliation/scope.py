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

RULE_AGGREGATE = "figure.aggregate_toll/v4"

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
# A place's name: one or two capitalised words ("Aleppo", "Deir Ezzor").
_PLACE_NAME = r"(?-i:[A-Z][\w'’-]+)(?: (?-i:[A-Z][\w'’-]+))?"
# Words after a number that make it a total over a period or an area. Each is a phrase monitors and
# newsrooms use for running counts; none of them describes a single attack's toll.
AGGREGATE_CUES = re.compile(
    "|".join(
        (
            r"\b(?:yesterday|today)\b[^.;]{0,60}\bincluding\b",  # a day's toll broken down by side
            r"\bsince\b",  # "since the start of the offensive", "since 8 p.m."
            r"\bso far\b|\bto date\b",
            rf"\b(?:in|within|during|over) (?:the )?(?:last |past |first )?{_PERIOD}\b",
            r"\b(?:in|within|during|over) the (?:last|past) (?:day|week|weekend|month|year)\b",
            r"\b(?:in|during) (?:19|20)\d\d\b",  # a year's count
            r"\b(?:each|every|per|a) year\b",
            r"\bacross (?:syria|the country|the city|the nation)\b|\bnationwide\b",
            # many places: "killed by bombardment on several areas", "in different areas of Syria"
            r"\b(?:on|across|over) (?:several|different|various|multiple) (?:\w+ )?(?:areas|places|regions|towns)\b",
            r"\bin (?:several|different|various|multiple) (?:areas|places|regions|provinces) of\b",
            # many incidents: "6 dead, 28 wounded in weekend shootings", "killed in 3 separate attacks"
            r"\b(?:separate|weekend|overnight|multiple|several|sporadic|\d+)"
            r" (?:shootings|attacks|incidents|operations)\b"
            r"|\bshootings\b|\bin (?:\w+ )?bombings\b",
            # "kill 50 civilians in revenge massacres": massacres, plural, are many events.
            r"\bin (?:\w+ )?massacres\b",
            # Three or more places named in a row: "who died in Aleppo, Hama and Idlib".
            rf"\bin {_PLACE_NAME}, {_PLACE_NAME},? and (?-i:[A-Z])",
        )
    ),
    re.IGNORECASE,
)
# The next number that starts another figure: not a period ("4 consecutive days") and not a year.
# Neither is a count of incidents ("in 3 shootings") nor the wounded beside the dead ("2 dead, 4 hurt in"):
# both belong to the same clause as the figure.
_NEXT_FIGURE = re.compile(
    r"(?<!\d)(?!(?:19|20)\d\d\b)\d+(?!\d)(?!\s+(?:consecutive\s+)?(?:days|hours|weeks|months|years)\b)"
    # An age is not a figure: "including a 64-year-old man" still belongs to the total's clause.
    r"(?!-?\s*years?\b|-year-old)"
    r"(?!\s+(?:separate\s+)?(?:shootings|attacks|incidents|scenes)\b)"
    r"(?!\s+(?:others?\s+|people\s+)?(?:wounded|injured|hurt)\b)"
)


# A number that breaks the count before it down ("208 killed, including 66 soldiers ... in 3 days") is not
# a new figure: the words after it still belong to the total.
_BREAKDOWN = re.compile(
    r"\b(?:including|among them|of whom)\s+(?:about |at least |more than |nearly )?$", re.IGNORECASE
)


def _number_in(quote: str, value: int) -> re.Match[str] | None:
    """Where `value` is written in the quote (digits, or a word for small numbers)."""
    spellings = [re.escape(f"{value:,}"), str(value)]
    if value in NUMBER_WORDS:
        spellings.append(NUMBER_WORDS[value])
    return re.search(rf"(?<!\w)(?<!\d,)(?:{'|'.join(spellings)})(?!\w|,\d)", quote, re.IGNORECASE)


def _stated_number(claim: FigureClaim) -> re.Match[str] | None:
    quote = claim.span.quote
    # `best` is the number as written: "about 20" is read as [18, 22] but written as 20.
    found = _number_in(quote, claim.best)
    if found is None and claim.low > 0:
        # The number is not in the quote as written (e.g. "more than 20" read as 21): look for that.
        found = _number_in(quote, claim.low - 1)
    return found


def number_at(claim: FigureClaim) -> int | None:
    """Where in the report the claim's number is written, or None when its quote does not show it."""
    found = _stated_number(claim)
    return claim.span.start + found.start() if found else None


# Words that continue a total with its parts: "47 killed, including 4 soldiers and 11 civilians", "212 out of 470".
_BREAKDOWN_WORDS = re.compile(r"\b(?:including|among them|of whom|of them|out of)\b", re.IGNORECASE)


def written_after(claim: FigureClaim, total: FigureClaim) -> str | None:
    """The words between `total`'s number and `claim`'s when both are written in `total`'s sentence, in that
    order; None otherwise. The claims must come from one report (spans are offsets into it)."""
    found, total_found = _stated_number(claim), _stated_number(total)
    if found is None or total_found is None:
        return None
    at, total_at = claim.span.start + found.start(), total.span.start + total_found.end()
    if not total_at <= at < total.span.end:
        return None
    return total.span.quote[total_at - total.span.start : at - total.span.start]


def breaks_down(claim: FigureClaim, total: FigureClaim) -> bool:
    """True when `claim` is written after `total` in its sentence as one of its parts ("including 11 ...")."""
    between = written_after(claim, total)
    return between is not None and _BREAKDOWN_WORDS.search(between) is not None


# A figure's words end with its clause: "...; police link it to earlier shootings" speaks of something else,
# and ", raising the toll in 24 hours to 16" starts the running total the figure adds to.
_CLAUSE_END = re.compile(r";|\.\s+[A-Z]|,?\s+(?:raising|bringing|which raises|which brings)\b")


_SENTENCE_END = re.compile(r"[.;]\s+|\n")
# A count of incidents, or a run of them, named before the figure in its sentence.
_INCIDENTS_BEFORE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|separate"
    r"|(?:a|another) (?:series|spate|string|rash|wave) of)\s+(?:[\w-]+\s+)?(?:shootings|attacks|incidents|massacres)\b",
    re.IGNORECASE,
)
# A period named before the figure in its clause: "After about 11 months of strikes left about 90 dead",
# "48 hours of bombardment kill 82". After a comma a new clause starts ("..., at least 7 are killed").
_PERIOD_BEFORE = re.compile(rf"\b{_PERIOD} of\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[,;.…]\s*|\n")


def is_aggregate(claim: FigureClaim) -> bool:
    """True when the words right after the claim's number make it a period or area total."""
    found = _stated_number(claim)
    if found is None:
        return False
    tail = claim.span.quote[found.end() :]
    clause_end = _CLAUSE_END.search(tail)
    end = clause_end.start() if clause_end else len(tail)
    for next_figure in _NEXT_FIGURE.finditer(tail):
        if not _BREAKDOWN.search(tail[: next_figure.start()]):
            end = min(end, next_figure.start())
            break
    if AGGREGATE_CUES.search(tail[:end]) is not None:
        return True
    # The many incidents may be named first: "Three shootings kill five", "a spate of shootings left 2 dead".
    head = claim.span.quote[: found.start()]
    sentence_start = max((match.end() for match in _SENTENCE_END.finditer(head)), default=0)
    if _INCIDENTS_BEFORE.search(head[sentence_start:]) is not None:
        return True
    clause_start = max((match.end() for match in _CLAUSE_START.finditer(head)), default=0)
    return _PERIOD_BEFORE.search(head[clause_start:]) is not None
