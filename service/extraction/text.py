"""Sentence and clause segmentation with character offsets into the document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.domain import Span

# A sentence ends at . ! ? (or a blank line) followed by space and a capital/quote/digit,
# except after common abbreviations ("Mr.", "U.S.", "St.", "a.m.") and initials.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "sgt",
    "lt",
    "col",
    "gen",
    "capt",
    "det",
    "cpl",
    "ofc",
    "officer",
    "rev",
    "jr",
    "sr",
    "gov",
    "sen",
    "rep",
    "no",
    "vs",
    "mt",
    "ft",
    "ave",
    "blvd",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "a.m",
    "p.m",
    "u.s",
    "u.s.a",
    "d.c",
    "inc",
    "co",
    "corp",
    "approx",
    "dept",
    "lt.col",
    "cmdr",
    "supt",
    "insp",
    "pfc",
    "maj",
    "prof",
    "hon",
    "e.g",
    "i.e",
    "etc",
    "ok",
    "okla",
    "ala",
    "ariz",
    "ark",
    "calif",
    "colo",
    "conn",
    "del",
    "fla",
    "ga",
    "ill",
    "ind",
    "kan",
    "ky",
    "la",
    "md",
    "mass",
    "mich",
    "minn",
    "miss",
    "mo",
    "mont",
    "neb",
    "nev",
    "tenn",
    "tex",
    "va",
    "vt",
    "wash",
    "wis",
    "wyo",
    "pa",
    "n.c",
    "s.c",
    "n.y",
    "n.j",
    "n.m",
}
_BOUNDARY = re.compile(
    r"(?:\n\s*\n|\n(?=[A-Z\"“])|(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|(?<=[a-z]\.)(?=[A-Z][a-z]))"
)
# The word before a full stop, to tell an abbreviation ("Mr.", "U.S.") from a sentence end.
_LAST_WORD = re.compile(r"(\S+)\.[\"”’)]?$")
# Clause breaks inside a sentence that can start a report of another event.
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?:and|while|whereas|but)\s+that\s+|,\s+while\s+|\s+and\s+that\s+"
    r"|,\s+(?:and|but)\s+(?=(?:the\s+|a\s+|an\s+)?[a-z]+\s+(?:forces|police|troops|army|officials|authorities|militants|gunmen|group)\b)"
)


# The only characters that IGNORECASE matches to an ASCII letter but str.lower() does not turn into
# that one letter: U+0130 (dotted capital I, lower-cased to two characters), U+0131 (dotless i) and
# U+017F (long s), both left as they are.
_FOLD_FOR_KEYWORDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


# Calendar words: capitalised in English, and never a name of a place or a person in their own right.
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


@lru_cache(maxsize=4096)
def keyword_text(text: str) -> str:
    """Lower-cased text for cheap keyword gates in front of costly patterns.

    Any ASCII word an IGNORECASE pattern matches in `text` is a substring of the result, so
    "none of the pattern's required words is in it" safely skips the pattern. Cached: each
    clause is gated by several modules in turn.
    """
    return text.translate(_FOLD_FOR_KEYWORDS).lower()


def mentions_any(keywords: str, words: tuple[str, ...]) -> bool:
    """True when any of `words` (lower-case) occurs in `keywords` (see `keyword_text`)."""
    return any(map(keywords.__contains__, words))


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence or clause: its offsets in the document and its text."""

    start: int
    end: int
    text: str

    def span(self) -> Span:
        """The segment as evidence (trimmed of surrounding whitespace)."""
        return span_of(self.text, self.start, 0, len(self.text))


def span_of(text: str, base: int, start: int, end: int) -> Span:
    """A Span for text[start:end], shifted by `base`, trimmed of whitespace and soft punctuation."""
    while start < end and text[start] in " \t\n\r,;:":
        start += 1
    while end > start and text[end - 1] in " \t\n\r,;:":
        end -= 1
    return Span(base + start, base + end, text[start:end])


def sentences(document: str) -> list[Segment]:
    """Split a document into sentences, keeping offsets."""
    result: list[Segment] = []
    start = 0
    for match in _BOUNDARY.finditer(document):
        end = match.start()
        if "\n" not in match.group(0):
            word = _LAST_WORD.search(document[start:end])
            if word and (word.group(1).lower().lstrip('("“') in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        _append(result, document, start, end)
        start = match.end()
    _append(result, document, start, len(document))
    return result


def _append(result: list[Segment], document: str, start: int, end: int) -> None:
    piece = document[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    offset = start + piece.index(stripped[0])
    result.append(Segment(offset, offset + len(stripped), stripped))


def clauses(sentence: Segment) -> list[Segment]:
    """Split a sentence at breaks that often introduce a different event."""
    result: list[Segment] = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(sentence.text):
        piece = sentence.text[start : match.start()]
        if piece.strip():
            result.append(Segment(sentence.start + start, sentence.start + match.start(), piece))
        start = match.end()
    tail = sentence.text[start:]
    if tail.strip():
        result.append(Segment(sentence.start + start, sentence.end, tail))
    return result
