"""Numbers as news writes them: digits, number words, qualifiers and vague quantities."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.domain import Qualifier

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Fixed phrases that stand for an exact count.
_PHRASES = {
    "a dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "a pair of": 2,
    "both": 2,
    "a": 1,
    "an": 1,
    "a single": 1,
}

# Vague quantities -> (conservative lower bound, the figure ACLED's codebook codes for them).
# The claim keeps the lower bound (PRODUCT.md: "a lower bound, not a made-up number");
# `acled_convention` is there for consumers that must emit one ACLED-style number
# (ACLED codes "several"/"many" as 10, "dozens" as 12, "hundreds" as 100).
VAGUE_QUANTITIES: dict[str, tuple[int, int]] = {
    "a few": (2, 3),
    "few": (2, 3),
    "some": (2, 3),
    "a number of": (2, 10),
    "several": (3, 10),
    "multiple": (2, 10),
    "many": (2, 10),
    "numerous": (3, 10),
    "scores of": (40, 40),
    "dozens of": (24, 12),
    "dozens": (24, 12),
    "hundreds of": (200, 100),
    "hundreds": (200, 100),
    "thousands of": (2000, 1000),
    "thousands": (2000, 1000),
}

_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_WORD_NUMBER = (
    rf"(?:(?:{_WORD})(?:[\s-]+(?:{_WORD}))*(?:\s+(?:hundred|thousand|million)"
    rf"(?:\s+and)?(?:[\s-]+(?:{_WORD}))*)*)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_PHRASE = "|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True) if len(p) > 2)
# A cardinal: digits or words. "a"/"an"/"single" are left to the implicit-count rules.
CARDINAL = rf"(?:{_DIGITS}|{_WORD_NUMBER}|{_PHRASE})"
VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE_QUANTITIES, key=len, reverse=True))

_QUALIFIER_WORDS: dict[str, Qualifier] = {
    "at least": Qualifier.AT_LEAST,
    "no fewer than": Qualifier.AT_LEAST,
    "no less than": Qualifier.AT_LEAST,
    "not less than": Qualifier.AT_LEAST,
    "a minimum of": Qualifier.AT_LEAST,
    "at minimum": Qualifier.AT_LEAST,
    "more than": Qualifier.MORE_THAN,
    "over": Qualifier.MORE_THAN,
    "upwards of": Qualifier.MORE_THAN,
    "in excess of": Qualifier.MORE_THAN,
    "up to": Qualifier.AT_MOST,
    "as many as": Qualifier.AT_MOST,
    "at most": Qualifier.AT_MOST,
    "no more than": Qualifier.AT_MOST,
    "fewer than": Qualifier.AT_MOST,
    "less than": Qualifier.AT_MOST,
    "about": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "nearly": Qualifier.ABOUT,
    "almost": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
    "some": Qualifier.ABOUT,
    "an estimated": Qualifier.ABOUT,
    "close to": Qualifier.ABOUT,
    "estimated": Qualifier.ABOUT,
    "approx.": Qualifier.ABOUT,
}
QUALIFIER = "|".join(re.escape(q) for q in sorted(_QUALIFIER_WORDS, key=len, reverse=True))

# A whole quantity: optional qualifier, then a range, a cardinal, or a vague word.
QUANTITY = (
    rf"(?:(?P<qual>{QUALIFIER})\s+)?(?:an\s+additional\s+|another\s+)?"
    rf"(?:between\s+(?P<lo>{CARDINAL})\s+(?:and|to|-)\s+(?P<hi>{CARDINAL})"
    rf"|(?P<lo2>{CARDINAL})\s*(?:to|-|–|or)\s*(?P<hi2>{CARDINAL})(?![\w-])"
    rf"|(?P<num>{CARDINAL})(?![\w-])"
    rf"|(?P<vague>{VAGUE}))"
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed quantity as an interval with the qualifier that produced it."""

    low: int
    high: int | None
    qualifier: Qualifier


def parse_cardinal(text: str) -> int | None:
    """'23', '2,500', 'twenty-three', 'one hundred and five', 'a dozen' -> int."""
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if cleaned[0].isdigit():
        try:
            return int(cleaned.replace(",", ""))
        except ValueError:
            return None
    if cleaned in _PHRASES:
        return _PHRASES[cleaned]
    total, current, seen = 0, 0, False
    for token in re.split(r"[\s-]+", cleaned):
        if token == "and":
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token in _SCALES:
            scale = _SCALES[token]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _band(value: int) -> tuple[int, int]:
    """'About N': +-10%, at least +-1, so that 'about 30' spans 27..33."""
    spread = max(1, round(value * 0.1))
    return max(0, value - spread), value + spread


def quantity_from_match(match: re.Match[str]) -> Quantity | None:
    """Turn a match of QUANTITY (named groups) into an interval."""
    groups = match.groupdict()
    qualifier_word = (groups.get("qual") or "").lower()
    qualifier = _QUALIFIER_WORDS.get(qualifier_word)
    low_text = groups.get("lo") or groups.get("lo2")
    high_text = groups.get("hi") or groups.get("hi2")
    if low_text and high_text:
        low, high = parse_cardinal(low_text), parse_cardinal(high_text)
        if low is None or high is None:
            return None
        if low > high:
            # "twenty-three" read as the range 20-3: it is one number.
            whole = parse_cardinal(
                match.string[
                    match.start("lo2" if groups.get("lo2") else "lo") : match.end("hi2" if groups.get("hi2") else "hi")
                ]
            )
            return quantity_of(whole, qualifier) if whole is not None else None
        if qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
            return Quantity(low, None, Qualifier.AT_LEAST)
        return Quantity(low, high, Qualifier.RANGE)
    if groups.get("vague"):
        low = VAGUE_QUANTITIES[groups["vague"].lower()][0]
        return Quantity(low, None, Qualifier.VAGUE)
    num_text = groups.get("num")
    if not num_text:
        return None
    value = parse_cardinal(num_text)
    if value is None:
        return None
    return quantity_of(value, qualifier)


def quantity_of(value: int, qualifier: Qualifier | None) -> Quantity:
    """The interval a single stated value stands for under a qualifier."""
    if qualifier is None or qualifier == Qualifier.EXACT:
        return Quantity(value, value, Qualifier.EXACT)
    if qualifier == Qualifier.AT_LEAST:
        return Quantity(value, None, Qualifier.AT_LEAST)
    if qualifier == Qualifier.MORE_THAN:
        return Quantity(value + 1, None, Qualifier.MORE_THAN)
    if qualifier == Qualifier.AT_MOST:
        return Quantity(0, value, Qualifier.AT_MOST)
    low, high = _band(value)
    return Quantity(low, high, Qualifier.ABOUT)


def acled_convention(vague_word: str) -> int | None:
    """The single figure ACLED codes for a vague quantity word, if it has one."""
    entry = VAGUE_QUANTITIES.get(vague_word.lower())
    return entry[1] if entry else None
