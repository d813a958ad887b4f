"""Evidence that two reports describe one event, as named numbers (pure: plain values in and out).

A report is reduced once to a `ReportEvidence`: IDF-weighted terms of its headline and lead, the
rare capitalised words in it (people, places, groups, streets), the numbers it mentions, the streets
it places things on and the people it names with an age (victims, suspects), and what extraction
read from it (event date, normalised place, killed figure, perpetrator, event type).
`pair_features` compares two of them. The IDF table is shipped with the model (see `model.py`);
a word missing from it is rare, so it gets the table's ceiling.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from service.domain import Extraction, FigureKind
from service.extraction.text import MONTH_NAMES, WEEKDAY_NAMES

# Headline and the first part of the body: where the event is described, before the page boilerplate.
LEXICAL_CHARS = 2500
# A capitalised word this rare (IDF) or rarer counts as a name; common words ("Police", "Monday") do not.
NAME_MIN_IDF = 6.0

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")
# Capitalised words ("Tulsa", "DeKalb", "McDonald", "O'Neal"), not all-capital ones ("AP", "KTVI").
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]*[a-z][A-Za-z]*(?:['\u2019-][A-Za-z]+)*")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_NUMBER = re.compile(r"(?<![\d.])(?<!\d,)(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\d|[.,]\d)")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
# Which street: "the 2500 block of East 75th Street", "1700 Almeda-Genoa Road", "Hearne Avenue". A street's
# key is the word before its type, direction left out: "75th", "gertrude" ("West St. Gertrude Place").
_STREET_NAME = (
    r"((?:(?:St\.|Mt\.|[A-Z][A-Za-z'\-]*|\d+(?:st|nd|rd|th))\s+){0,2}(?:[A-Z][a-z][A-Za-z'\-]*|\d+(?:st|nd|rd|th)))"
)
_DIRECTION = r"(?:(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|[NSEW]|NE|NW|SE|SW)\.?\s+)?"
_STREET_TYPE = r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Boulevard|Blvd|Lane|Place|Terrace|Parkway|Pkwy|Pike|Circle)\b"
_BLOCK = re.compile(r"\b\d[\d,]*\s+block\s+of\s+" + _DIRECTION + _STREET_NAME)
_HOUSE = re.compile(r"\b\d{2,5}\s+" + _DIRECTION + _STREET_NAME + r"\s+" + _STREET_TYPE)
# "St." alone is as often a saint ("West St. Gertrude Place") as a street, so it is not read here.
_TYPED_STREET = re.compile(r"\b(?:[A-Z][a-z][A-Za-z'\-]*|\d+(?:st|nd|rd|th))(?=\s+(?!St\b)" + _STREET_TYPE + ")")
_STREET_TYPES = frozenset(
    [
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "drive",
        "dr",
        "boulevard",
        "blvd",
        "lane",
        "ln",
        "place",
        "pl",
        "court",
        "ct",
        "terrace",
        "parkway",
        "pkwy",
        "pike",
        "trail",
        "circle",
        "way",
    ]
)
_ORDINALS = dict(
    zip(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ],
        ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "12th"],
        strict=True,
    )
)
_NOT_STREETS = frozenset(["the", "on", "in", "at", "of", "near", "and", "wall", "main"])
# Where someone lives is not where the event happened: "Josh Williams, 20, of Woodbine Avenue".
_RESIDENCE = re.compile(r"(?:\d{1,2},\s+of|\blive[sd]?\s+(?:in|on|at)(?:\s+the)?|\bresidents?\s+of(?:\s+the)?)\s+$")
# A person the story is about is given with an age: "Antonio Newsom, 15," or "25-year-old Rolandreon Fischer".
_PERSON = r"((?:[A-Z][a-z'\-]+|[A-Z]\.)(?:\s+(?:[A-Z][A-Za-z'\-]+|[A-Z]\.)){1,3})"
_PERSON_AGE = re.compile(r"\b" + _PERSON + r"(?:,?\s+(?:Jr|Sr|II|III|IV)\.?)?,\s+\d{1,2}[,;.)]")
_AGE_PERSON = re.compile(r"\b\d{1,2}-year-old\s+" + _PERSON)
_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
_TITLES = frozenset(
    [
        "officer",
        "deputy",
        "sgt",
        "sergeant",
        "det",
        "detective",
        "lt",
        "lieutenant",
        "cpl",
        "chief",
        "trooper",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)
# Capitalised runs with an age that are not people: "Harris County, 15," "Lincoln High School".
_NOT_NAMES = frozenset(
    [
        "county",
        "school",
        "high",
        "middle",
        "elementary",
        "university",
        "college",
        "hospital",
        "church",
        "center",
        "park",
        "street",
        "avenue",
        "road",
        "news",
        "police",
        "sheriff",
        "city",
        "town",
        "township",
        "state",
        "boy",
        "girl",
        "man",
        "woman",
        "photo",
        "north",
        "south",
        "east",
        "west",
        "new",
    ]
) | frozenset(WEEKDAY_NAMES + MONTH_NAMES).difference(["may"])  # May is a name too
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "are",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "them",
        "we",
        "you",
        "i",
        "said",
        "says",
        "say",
        "after",
        "before",
        "over",
        "into",
        "about",
        "than",
        "then",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "while",
        "has",
        "have",
        "had",
        "not",
        "no",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "also",
    ]
)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Inverse document frequencies of common words; anything else is treated as rare."""

    idf: Mapping[str, float] = field(default_factory=dict)
    rare_idf: float = 8.0

    def weight(self, term: str) -> float:
        return self.idf.get(term, self.rare_idf)


@dataclass(frozen=True, slots=True)
class ReportEvidence:
    """One report, reduced to what the matcher compares."""

    terms: Mapping[str, float] = field(default_factory=dict)  # L2-normalised sublinear TF-IDF
    title_terms: Mapping[str, float] = field(default_factory=dict)  # the same, of the headline alone
    names: frozenset[str] = frozenset()  # rare capitalised words, lower-cased
    numbers: frozenset[str] = frozenset()  # numbers written in the headline and lead
    event_date: dt.date | None = None  # from the text, else the publication date
    published_at: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    place_name: str | None = None
    killed: int | None = None  # main-event total, no subgroup
    injured: int | None = None
    years: frozenset[int] = frozenset()  # years written in the headline and lead
    streets: frozenset[str] = frozenset()  # keys of the streets named in the lead ("75th", "hearne")
    persons: frozenset[tuple[str, str]] = frozenset()  # (first name, surname) of people given with an age
    capitalised: frozenset[str] = frozenset()  # every capitalised word of the lead, lower-cased
    perpetrator: str | None = None
    event_type: str | None = None
    # IDF masses of `terms`, `title_terms`, `names` and `numbers`, summed once here rather than for
    # every pair compared. None (evidence built by hand): summed when needed.
    terms_mass: float | None = None
    title_mass: float | None = None
    names_mass: float | None = None
    numbers_mass: float | None = None


# " - WMC Action News 5 - Memphis, Tennessee", " | Chattanooga News, Weather & Sports": the outlet's
# name after the headline, shared by every story it runs.
_OUTLET_SUFFIX = re.compile(r"\s+[-|\u2013\u2014]\s+.*$")
HEADLINE_MIN_WORDS = 4


def headline_of(title: str) -> str:
    """The title without an outlet name appended after ' - ' or ' | ' (kept whole if little would remain)."""
    stripped = _OUTLET_SUFFIX.sub("", title)
    return stripped if len(stripped.split()) >= HEADLINE_MIN_WORDS else title


def _content_words(text: str) -> set[str]:
    # Five-letter prefixes: "shooting" meets "shootings", "killed" meets "killer".
    return {w.casefold()[:5] for w in _WORD.findall(text) if len(w) > 2 and w.casefold() not in _STOPWORDS}


def article_start(title: str, text: str) -> int | None:
    """Where the article begins: the first paragraph that shares two content words with the headline.

    Pages often open with log-in forms, station blurbs or newsletter prompts, and some hold nothing
    else. None: no paragraph echoes the headline, so the body is taken as boilerplate.
    """
    headline = _content_words(title)
    if not headline:
        return 0
    needed = min(2, len(headline))
    offset = 0
    for paragraph in re.split(r"(\n\s*\n|\n)", text):
        if len(headline & _content_words(paragraph)) >= needed:
            return offset
        offset += len(paragraph)
    return None


def event_lead(title: str, text: str, chars: int) -> str:
    """Headline and up to `chars` characters of the article from where it begins (no boilerplate)."""
    title = " ".join(title.split())
    start = article_start(title, text)
    body = "" if start is None else " ".join(text[start : start + 3 * chars].split())[:chars]
    if not title or body.startswith(title):
        return body or title
    return f"{title}. {body}" if body else title


def lexical_text(title: str, text: str) -> str:
    """The part of the report the lexical features read: headline and the start of the article."""
    return event_lead(headline_of(title), text, LEXICAL_CHARS)


def tfidf_terms(text: str, vocabulary: Vocabulary) -> dict[str, float]:
    """Sublinear TF-IDF weights of the words in `text`, L2-normalised (stopwords dropped)."""
    counts = Counter(w.casefold() for w in _WORD.findall(text))
    weights = {
        term: (1.0 + math.log(count)) * vocabulary.weight(term)
        for term, count in counts.items()
        if term not in _STOPWORDS
    }
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {t: v / norm for t, v in weights.items()} if norm else {}


def capitalised_in(text: str) -> frozenset[str]:
    """Every capitalised word of the text, lower-cased, without a possessive."""
    return frozenset(_POSSESSIVE.sub("", m.casefold()) for m in _CAPITALISED.findall(text))


def rare_names(capitalised: Iterable[str], vocabulary: Vocabulary) -> frozenset[str]:
    return frozenset(n for n in capitalised if n not in _STOPWORDS and vocabulary.weight(n) >= NAME_MIN_IDF)


def names_in(text: str, vocabulary: Vocabulary) -> frozenset[str]:
    """Capitalised words that are rare in general text: mostly names of people, places and groups."""
    return rare_names(capitalised_in(text), vocabulary)


def idf_mass(terms: Iterable[str], vocabulary: Vocabulary) -> float:
    """Sum of the IDF weights of the words: what `coverage` divides by."""
    return math.fsum(vocabulary.weight(t) for t in terms)


def numbers_in(text: str) -> frozenset[str]:
    """Numbers of two digits or more (ages, tolls, house numbers, years): single digits are too common."""
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text) if len(n) >= 2)


def _street_key(name: str) -> str | None:
    # The word before the street type ("Mead St. The man": "mead"); a leading "St." is a saint.
    words = [w.rstrip(".").casefold() for w in name.split()]
    typed = next((i for i, w in enumerate(words) if i > 0 and w in _STREET_TYPES), len(words))
    key = _ORDINALS.get(words[typed - 1], words[typed - 1]) if words else None
    return key if key and key not in _NOT_STREETS and key not in _STOPWORDS else None


def streets_in(text: str) -> frozenset[str]:
    """Keys of the streets where the story places things: block and house addresses, named streets.

    A street given as where someone lives ("Josh Williams, 20, of Woodbine Avenue") is left out.
    """
    streets: set[str] = set()
    for pattern, group in ((_BLOCK, 1), (_HOUSE, 1), (_TYPED_STREET, 0)):
        for match in pattern.finditer(text):
            if _RESIDENCE.search(text, max(0, match.start() - 30), match.start()):
                continue
            key = _street_key(match.group(group))
            if key:
                streets.add(key)
    return frozenset(streets)


def persons_in(text: str) -> frozenset[tuple[str, str]]:
    """(first name, surname) of the people named with their age: victims and suspects, not spokesmen."""
    found = set()
    for pattern in (_PERSON_AGE, _AGE_PERSON):
        for match in pattern.finditer(text):
            words = [_POSSESSIVE.sub("", w.rstrip(".").casefold()) for w in match.group(1).split()]
            while words and words[0] in _TITLES:
                words.pop(0)
            while words and words[-1] in _SUFFIXES:
                words.pop()
            given = [w for w in words if len(w) > 1]  # initials left out
            if len(given) >= 2 and not _NOT_NAMES.intersection(given):
                found.add((given[0], given[-1]))
    return frozenset(found)


def evidence_from_text(
    title: str,
    text: str,
    vocabulary: Vocabulary,
    *,
    event_date: dt.date | None = None,
    published_at: dt.date | None = None,
    country: str | None = None,
    admin1: str | None = None,
    place_name: str | None = None,
    killed: int | None = None,
    injured: int | None = None,
    perpetrator: str | None = None,
    event_type: str | None = None,
) -> ReportEvidence:
    """Build the evidence of one report from its text and what extraction found in it."""
    title = headline_of(title)
    lexical = lexical_text(title, text)
    terms = tfidf_terms(lexical, vocabulary)
    title_terms = tfidf_terms(title, vocabulary)
    capitalised = capitalised_in(lexical)
    names = rare_names(capitalised, vocabulary)
    numbers = numbers_in(lexical[:1200])
    return ReportEvidence(
        terms=terms,
        title_terms=title_terms,
        names=names,
        numbers=numbers,
        event_date=event_date or published_at,
        published_at=published_at,
        country=country,
        admin1=admin1,
        place_name=place_name,
        killed=killed,
        injured=injured,
        years=frozenset(int(y) for y in _YEAR.findall(lexical)),
        streets=streets_in(lexical),
        persons=persons_in(lexical),
        capitalised=capitalised,
        perpetrator=perpetrator,
        event_type=event_type,
        terms_mass=idf_mass(terms, vocabulary),
        title_mass=idf_mass(title_terms, vocabulary),
        names_mass=idf_mass(names, vocabulary),
        numbers_mass=idf_mass(numbers, vocabulary),
    )


def evidence_from_extraction(
    title: str,
    text: str,
    extraction: Extraction,
    vocabulary: Vocabulary,
    *,
    event_date: dt.date | None,
    published_at: dt.date | None,
) -> ReportEvidence:
    """Evidence of a report from its text and its extraction (main-event claims only)."""
    place = extraction.main_place()
    killed, injured = (
        next(
            (
                f.best
                for f in extraction.figures
                if f.kind == kind and f.event_ref == 0 and f.subgroup is None and not f.bound_only
            ),
            None,
        )
        for kind in (FigureKind.KILLED, FigureKind.INJURED)
    )
    perpetrator = next((p.actor for p in extraction.perpetrators if p.event_ref == 0), None)
    event_type = extraction.main_event_type()
    return evidence_from_text(
        title,
        text,
        vocabulary,
        event_date=event_date,
        published_at=published_at,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        place_name=place.name if place else None,
        killed=killed,
        injured=injured,
        perpetrator=perpetrator,
        event_type=event_type.event_type if event_type else None,
    )


def _cosine(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    # The key intersection runs in C: only the shared words are visited in Python. Sets iterate in an
    # order that changes from one process to the next; fsum's exact rounding does not depend on it.
    return math.fsum(left[term] * right[term] for term in left.keys() & right.keys())


def _coverage(
    part: Mapping[str, float], part_mass: float | None, whole: Mapping[str, float], vocabulary: Vocabulary
) -> float:
    """Share of `part`'s IDF mass whose words occur in `whole` (a headline inside an article)."""
    mass = idf_mass(part, vocabulary) if part_mass is None else part_mass
    return math.fsum(vocabulary.weight(t) for t in part.keys() & whole.keys()) / mass if mass else 0.0


def _weighted_overlap(
    left: frozenset[str],
    left_mass: float | None,
    right: frozenset[str],
    right_mass: float | None,
    vocabulary: Vocabulary,
) -> tuple[float, float]:
    """(IDF mass of the shared items over the smaller side's mass, the shared mass in IDF units)."""
    if not left or not right:
        return 0.0, 0.0
    shared = math.fsum(vocabulary.weight(n) for n in left & right)
    smaller = min(
        idf_mass(left, vocabulary) if left_mass is None else left_mass,
        idf_mass(right, vocabulary) if right_mass is None else right_mass,
    )
    return (shared / smaller if smaller else 0.0), shared


def _agree(left: str | None, right: str | None) -> float:
    """+1 both known and equal, -1 both known and different, 0 unknown on either side."""
    if not left or not right:
        return 0.0
    return 1.0 if left.casefold() == right.casefold() else -1.0


def _place_agreement(report: ReportEvidence, other: ReportEvidence) -> float:
    """Agreement at the finest level both sides know: town, else region, else country."""
    for left, right in (
        (report.place_name, other.place_name),
        (report.admin1, other.admin1),
        (report.country, other.country),
    ):
        if left and right:
            return _agree(left, right)
    return 0.0


def _year_agreement(left: frozenset[int], right: frozenset[int]) -> float:
    """+1 a year in common, -1 both name years and none in common, 0 otherwise."""
    if not left or not right:
        return 0.0
    return 1.0 if left & right else -1.0


def _figure_agreement(left: int | None, right: int | None) -> float:
    """+1 same toll, -1 tolls that cannot be one count (a later rise stays plausible), 0 unknown."""
    if left is None or right is None:
        return 0.0
    if left == right:
        return 1.0
    low, high = sorted((left, right))
    return 0.0 if high <= 2 * low + 2 else -1.0


def _street_agreement(report: ReportEvidence, other: ReportEvidence) -> float:
    """+1 a street in common; -1 both name streets and neither names (or mentions) the other's; else 0.

    Two stories that both say on which street it happened, and name different streets, are two
    incidents: a city has many shootings a week, a street few.
    """
    if not report.streets or not other.streets:
        return 0.0
    if report.streets & other.streets:
        return 1.0
    if report.streets & other.capitalised or other.streets & report.capitalised:
        return 0.0  # named in passing by the other ("near Wallace and 33rd Street")
    return -1.0


def _person_agreement(report: ReportEvidence, other: ReportEvidence) -> float:
    """+1 a person one names with an age (first name and surname) appears in the other; -1 both name
    such people and no surname of one appears in the other; 0 otherwise."""
    if not report.persons and not other.persons:
        return 0.0
    for persons, text in ((report.persons, other.capitalised), (other.persons, report.capitalised)):
        if any(first in text and last in text for first, last in persons):
            return 1.0
    if not report.persons or not other.persons:
        return 0.0
    if any(last in other.capitalised for _, last in report.persons) or any(
        last in report.capitalised for _, last in other.persons
    ):
        return 0.0
    return -1.0


def pair_features(
    report: ReportEvidence, other: ReportEvidence, dense: float, vocabulary: Vocabulary
) -> dict[str, float]:
    """The raw evidence that `report` and `other` are one event; every value is a plain float."""
    name_overlap, name_mass = _weighted_overlap(
        report.names, report.names_mass, other.names, other.names_mass, vocabulary
    )
    shorter, longer = sorted((report, other), key=lambda evidence: len(evidence.terms))
    number_overlap, _ = _weighted_overlap(
        report.numbers, report.numbers_mass, other.numbers, other.numbers_mass, vocabulary
    )
    days: float | None = None
    if report.event_date is not None and other.event_date is not None:
        days = float(abs((report.event_date - other.event_date).days))
    return {
        "dense": float(dense),
        "lexical": _cosine(report.terms, other.terms),
        "title": _cosine(report.title_terms, other.title_terms),
        "title_coverage": max(
            _coverage(report.title_terms, report.title_mass, other.terms, vocabulary),
            _coverage(other.title_terms, other.title_mass, report.terms, vocabulary),
        ),
        "coverage": _coverage(shorter.terms, shorter.terms_mass, longer.terms, vocabulary),
        "names": name_overlap,
        "name_mass": math.log1p(name_mass),
        # Both give numbers (ages, tolls, sums, magnitudes) and share none: a look-alike event.
        "numbers": -1.0 if report.numbers and other.numbers and not number_overlap else number_overlap,
        "log_days": math.log1p(days) if days is not None else 0.0,
        "date_known": 1.0 if days is not None else 0.0,
        "place": _place_agreement(report, other),
        # The region apart: a town may be misread, but reports in two states are rarely one event.
        "region": _agree(report.admin1, other.admin1),
        "years": _year_agreement(report.years, other.years),
        "killed": _figure_agreement(report.killed, other.killed),
        "injured": _figure_agreement(report.injured, other.injured),
        "perpetrator": _agree(report.perpetrator, other.perpetrator),
        "event_type": _agree(report.event_type, other.event_type),
        "street": _street_agreement(report, other),
        "person": _person_agreement(report, other),
    }
