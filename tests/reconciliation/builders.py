"""Small hand-written claim fixtures; never evaluation data."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict, Unpack

from service.domain import (
    AttributionStatus,
    Claim,
    DateClaim,
    DatePrecision,
    EventTypeClaim,
    FigureClaim,
    FigureKind,
    PerpetratorClaim,
    PlaceClaim,
    Qualifier,
    SourcedClaim,
    Span,
)

MON = dt.date(2026, 11, 16)
TUE = dt.date(2026, 11, 17)
WED = dt.date(2026, 11, 18)
THU = dt.date(2026, 11, 19)

EXPLOSIONS = "Explosions/Remote violence"
ISIS = "Islamic State"


def span(quote: str = "", start: int = 0) -> Span:
    return Span(start, start + len(quote), quote)


def sourced(claim_id: int, report_id: int, source: str, published_at: dt.date | None, claim: Claim) -> SourcedClaim:
    """Arrival follows the report id, as it does in the service."""
    return SourcedClaim(claim_id, report_id, source, published_at, report_id, claim)


class FigureOptions(TypedDict, total=False):
    kind: FigureKind
    subgroup: str | None
    quoted_source: str | None
    is_update: bool
    event_ref: int
    quote: str  # the sentence the figure was read from
    at: int  # where that sentence starts in the report (0: the headline)
    bound_only: bool  # a combined count of dead and wounded: a bound, not a count


def figure(low: int, high: int | None, qualifier: Qualifier, **options: Unpack[FigureOptions]) -> FigureClaim:
    """A figure claim; killed unless `kind` says otherwise."""
    return FigureClaim(
        options.get("kind", FigureKind.KILLED),
        low,
        high,
        qualifier,
        span(options.get("quote", ""), options.get("at", 0)),
        options.get("subgroup"),
        options.get("quoted_source"),
        options.get("is_update", False),
        options.get("event_ref", 0),
        options.get("bound_only", False),
    )


def exact(value: int, **options: Unpack[FigureOptions]) -> FigureClaim:
    return figure(value, value, Qualifier.EXACT, **options)


def at_least(value: int, **options: Unpack[FigureOptions]) -> FigureClaim:
    return figure(value, None, Qualifier.AT_LEAST, **options)


def vague(low: int, **options: Unpack[FigureOptions]) -> FigureClaim:
    """'several', 'a number of': the extractor's conventional floor, open above."""
    return figure(low, None, Qualifier.VAGUE, **options)


def perpetrator(status: AttributionStatus, actor: str = ISIS, by: str | None = None) -> PerpetratorClaim:
    return PerpetratorClaim(actor, status, span(), by)


def place(
    name: str,
    admin1: str | None = None,
    country: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    event_ref: int = 0,
) -> PlaceClaim:
    return PlaceClaim(name, span(), admin1, country, lat, lon, event_ref)


def date(day: dt.date, precision: DatePrecision = DatePrecision.DAY) -> DateClaim:
    return DateClaim(day, precision, span())


def event_type(kind: str, sub: str | None = None) -> EventTypeClaim:
    return EventTypeClaim(kind, span(), sub)


def worked_example() -> list[SourcedClaim]:
    """PRODUCT.md's three reports about the al-Mayadeen bombing, including report 1's side stories."""
    outlet, state, wire = "Outlet A", "State Media", "Wire"
    return [
        # Report 1, Tuesday: >= 5 killed, ISIS suspected; an Aleppo raid and an arrest sweep on the side.
        sourced(1, 1, outlet, TUE, at_least(5)),
        sourced(2, 1, outlet, TUE, perpetrator(AttributionStatus.SUSPECTED)),
        sourced(3, 1, outlet, TUE, place("al-Mayadeen", "Deir Ezzor", "Syria", 35.02, 40.45)),
        sourced(4, 1, outlet, TUE, date(MON)),
        sourced(5, 1, outlet, TUE, event_type(EXPLOSIONS, "Suicide bomb")),
        sourced(6, 1, outlet, TUE, exact(3, subgroup="militants", event_ref=1)),
        sourced(7, 1, outlet, TUE, place("Aleppo", "Aleppo", "Syria", event_ref=1)),
        sourced(8, 1, outlet, TUE, exact(12, kind=FigureKind.ARRESTED, event_ref=2)),
        # Report 2, Tuesday: three security officers killed, several wounded.
        sourced(10, 2, state, TUE, exact(3, subgroup="security forces")),
        sourced(11, 2, state, TUE, vague(3, kind=FigureKind.INJURED)),
        sourced(12, 2, state, TUE, place("Syria", country="Syria")),
        sourced(13, 2, state, TUE, event_type(EXPLOSIONS, "Suicide bomb")),
        # Report 3, Wednesday: the toll rose to seven; ISIS claimed it through Amaq.
        sourced(14, 3, wire, WED, exact(7, is_update=True)),
        sourced(15, 3, wire, WED, perpetrator(AttributionStatus.CLAIMED, by="Amaq")),
        sourced(16, 3, wire, WED, place("al-Mayadeen", "Deir Ezzor", "Syria")),
        sourced(17, 3, wire, WED, date(MON)),
        sourced(18, 3, wire, WED, event_type(EXPLOSIONS, "Suicide bomb")),
    ]
