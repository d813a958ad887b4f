"""Place and date rules: the most specific answer that the most sources agree with.

A coarser claim that contains the chosen answer ("Syria" for al-Mayadeen, "November" for the 23rd) is
support, not conflict: the sources agree, one is just less precise.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from enum import IntEnum
from typing import TypeVar

from service.domain import DateClaim, DatePrecision, FieldDecision, PlaceClaim
from service.reconciliation.evidence import ChronoKey, Evidence, distinct_sources, ids, majority, normalise

Place = Evidence[PlaceClaim]
Dated = Evidence[DateClaim]
T = TypeVar("T")

RULE_PLACE = "place.most_specific_supported/v1"
RULE_DATE = "date.precise_supported_earliest/v1"


class Level(IntEnum):
    """How specific a place name is; higher is more specific."""

    COUNTRY = 1
    ADMIN1 = 2
    LOCALITY = 3


def _norm(text: str | None) -> str | None:
    return normalise(text) if text else None


def place_level(claim: PlaceClaim, countries: set[str], admin1s: set[str]) -> Level:
    """Country, admin1 or locality, judged against the hierarchy every claim reports.

    Looking across claims lets a bare "Syria" count as country-level when another claim says al-Mayadeen
    is in Syria, even if the extractor left its own country field empty.
    """
    name = normalise(claim.name)
    if name in countries or name == _norm(claim.country):
        return Level.COUNTRY
    if name in admin1s or name == _norm(claim.admin1):
        return Level.ADMIN1
    return Level.LOCALITY


def place_admits(coarse: Place, level: Level, chosen: Sequence[Place]) -> bool:
    """Whether a claim names the chosen place or an area containing it."""
    name = normalise(coarse.claim.name)
    if any(name == normalise(item.claim.name) for item in chosen):
        countries = {_norm(item.claim.country) for item in chosen} - {None}
        own = _norm(coarse.claim.country)
        return own is None or not countries or own in countries
    if level == Level.COUNTRY:
        return any(name == _norm(item.claim.country) for item in chosen)
    if level == Level.ADMIN1:
        return any(name == _norm(item.claim.admin1) for item in chosen)
    return False


def most_specific_place(items: Sequence[Place]) -> tuple[list[Place], list[Place]]:
    """(the claims naming the chosen place, every claim consistent with it).

    Specificity first (a town beats a country-only claim), then the number of distinct sources consistent
    with the place, then the most recent mention.
    """
    countries = {c for item in items if (c := _norm(item.claim.country))}
    admin1s = {a for item in items if (a := _norm(item.claim.admin1))}
    levels = {item.claim_id: place_level(item.claim, countries, admin1s) for item in items}
    by_name: dict[str, list[Place]] = defaultdict(list)
    for item in items:
        by_name[normalise(item.claim.name)].append(item)

    def consistent(name: str) -> list[Place]:
        return [item for item in items if place_admits(item, levels[item.claim_id], by_name[name])]

    def rank(name: str) -> tuple[int, int, ChronoKey, str]:
        naming = by_name[name]
        return (
            max(levels[item.claim_id] for item in naming),
            distinct_sources(consistent(name)),
            max(item.when for item in naming),
            name,
        )

    best = max(by_name, key=rank)
    return by_name[best], consistent(best)


def reconcile_place(items: Sequence[Place]) -> FieldDecision:
    """The canonical place; each attribute is the majority among the claims naming it."""
    if not items:
        return FieldDecision(field="place", value=None, rule=RULE_PLACE, note="no place stated")
    naming, consistent = most_specific_place(items)

    def pick(attribute: Callable[[PlaceClaim], T | None]) -> T | None:
        return majority((attribute(item.claim), item.when) for item in naming)

    value: dict[str, object] = {
        "name": pick(lambda claim: claim.name),
        "admin1": pick(lambda claim: claim.admin1),
        "country": pick(lambda claim: claim.country),
        "lat": pick(lambda claim: claim.lat),
        "lon": pick(lambda claim: claim.lon),
    }
    conflicting = [item for item in items if item not in consistent]
    return FieldDecision(
        field="place",
        value=value,
        rule=RULE_PLACE,
        supporting=ids(consistent),
        conflicting=ids(conflicting),
        note=f"named by {distinct_sources(naming)} source(s), consistent with {distinct_sources(consistent)}",
    )


# Higher is more precise.
PRECISION_RANK: Mapping[DatePrecision, int] = {
    DatePrecision.YEAR: 1,
    DatePrecision.MONTH: 2,
    DatePrecision.WEEK: 3,
    DatePrecision.DAY: 4,
}


def period_start(day: dt.date, precision: DatePrecision) -> dt.date:
    """The first day of the period a claim names (weeks are ISO weeks, starting on Monday)."""
    if precision == DatePrecision.YEAR:
        return day.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return day.replace(day=1)
    if precision == DatePrecision.WEEK:
        return day - dt.timedelta(days=day.weekday())
    return day


def date_admits(claim: DateClaim, day: dt.date, precision: DatePrecision) -> bool:
    """Whether the claim's period contains the chosen period (as precise or coarser, and overlapping)."""
    if PRECISION_RANK[claim.precision] > PRECISION_RANK[precision]:
        return False
    if claim.precision == DatePrecision.WEEK and precision != DatePrecision.WEEK:
        return period_start(day, DatePrecision.WEEK) == period_start(claim.date, DatePrecision.WEEK)
    return period_start(day, claim.precision) == period_start(claim.date, claim.precision)


def precise_supported_earliest(items: Sequence[Dated]) -> tuple[dt.date, DatePrecision]:
    """The most precise date; among equally precise ones the most supported, then the earliest.

    Earliest on a tie because later dates in coverage are often the report's own date leaking in.
    """
    candidates = {(period_start(it.claim.date, it.claim.precision), it.claim.precision) for it in items}

    def rank(candidate: tuple[dt.date, DatePrecision]) -> tuple[int, int, int]:
        day, precision = candidate
        support = [item for item in items if date_admits(item.claim, day, precision)]
        return (PRECISION_RANK[precision], distinct_sources(support), -day.toordinal())

    return max(candidates, key=rank)


def reconcile_date(items: Sequence[Dated]) -> FieldDecision:
    """The canonical event date, normalised to the start of its period."""
    if not items:
        return FieldDecision(field="date", value=None, rule=RULE_DATE, note="no date stated")
    day, precision = precise_supported_earliest(items)
    supporting = [item for item in items if date_admits(item.claim, day, precision)]
    conflicting = [item for item in items if item not in supporting]
    return FieldDecision(
        field="date",
        value={"date": day.isoformat(), "precision": precision.value},
        rule=RULE_DATE,
        supporting=ids(supporting),
        conflicting=ids(conflicting),
        note=f"consistent with {distinct_sources(supporting)} source(s)",
    )
