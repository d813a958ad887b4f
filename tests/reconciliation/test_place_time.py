"""Place, date and event type rules."""

from __future__ import annotations

import datetime as dt

from service.domain import DatePrecision, SourcedClaim
from service.reconciliation import reconcile

from .builders import EXPLOSIONS, MON, TUE, WED, date, event_type, place, sourced


def test_a_town_beats_more_sources_naming_only_the_country() -> None:
    claims = [
        sourced(1, 1, "A", TUE, place("Syria")),
        sourced(2, 2, "B", TUE, place("Syria")),
        sourced(3, 3, "C", TUE, place("al-Mayadeen", "Deir Ezzor", "Syria")),
    ]
    decision = reconcile(claims)["place"]
    assert decision.value is not None
    assert decision.value["name"] == "al-Mayadeen"
    # A bare "Syria" is recognised as the country the town lies in: consistent, not conflicting.
    assert decision.supporting == (1, 2, 3)
    assert decision.conflicting == ()


def test_between_two_towns_distinct_sources_decide() -> None:
    claims = [
        sourced(1, 1, "A", TUE, place("Town One", "Prov", "Land")),
        sourced(2, 2, "A", WED, place("Town One", "Prov", "Land")),  # one outlet twice
        sourced(3, 3, "B", TUE, place("Town Two", "Prov", "Land")),
        sourced(4, 4, "C", TUE, place("Town Two", "Prov", "Land", 1.5, 2.5)),
    ]
    decision = reconcile(claims)["place"]
    assert decision.value == {"name": "Town Two", "admin1": "Prov", "country": "Land", "lat": 1.5, "lon": 2.5}
    assert decision.conflicting == (1, 2)


def test_the_governorate_supports_its_town() -> None:
    claims = [
        sourced(1, 1, "A", TUE, place("Deir Ezzor", "Deir Ezzor", "Syria")),
        sourced(2, 2, "B", TUE, place("al-Mayadeen", "Deir Ezzor", "Syria")),
        sourced(3, 3, "C", TUE, place("Aleppo", "Aleppo", "Syria")),
    ]
    decision = reconcile(claims)["place"]
    assert decision.value is not None
    assert decision.value["name"] == "al-Mayadeen"
    assert decision.supporting == (1, 2)
    assert decision.conflicting == (3,)


def test_day_precision_beats_month_and_month_supports_it() -> None:
    claims = [
        sourced(1, 1, "A", TUE, date(dt.date(2026, 11, 1), DatePrecision.MONTH)),
        sourced(2, 2, "B", TUE, date(dt.date(2026, 11, 1), DatePrecision.MONTH)),
        sourced(3, 3, "C", WED, date(MON)),
    ]
    decision = reconcile(claims)["date"]
    assert decision.value == {"date": "2026-11-16", "precision": "day"}
    assert decision.supporting == (1, 2, 3)


def test_most_supported_day_then_earliest() -> None:
    supported = [
        sourced(1, 1, "A", TUE, date(TUE)),
        sourced(2, 2, "B", WED, date(MON)),
        sourced(3, 3, "C", WED, date(MON)),
    ]
    assert reconcile(supported)["date"].value == {"date": "2026-11-16", "precision": "day"}
    assert reconcile(supported)["date"].conflicting == (1,)
    tied = [sourced(1, 1, "A", TUE, date(TUE)), sourced(2, 2, "B", WED, date(MON))]
    assert reconcile(tied)["date"].value == {"date": "2026-11-16", "precision": "day"}


def test_a_month_only_date_is_normalised_to_its_first_day() -> None:
    claims = [sourced(1, 1, "A", TUE, date(dt.date(2026, 11, 20), DatePrecision.MONTH))]
    assert reconcile(claims)["date"].value == {"date": "2026-11-01", "precision": "month"}


def _types(*rows: tuple[int, str, dt.date, str]) -> list[SourcedClaim]:
    return [sourced(i, i, source, day, event_type(kind)) for i, (_, source, day, kind) in enumerate(rows, 1)]


def test_event_type_majority_by_distinct_sources() -> None:
    claims = _types(
        (1, "A", TUE, "Battles"),
        (2, "A", TUE, "Battles"),
        (3, "A", WED, "Battles"),
        (4, "B", TUE, EXPLOSIONS),
        (5, "C", TUE, EXPLOSIONS),
    )
    decision = reconcile(claims)["event_type"]
    assert decision.value == {"event_type": EXPLOSIONS, "sub_event_type": None}
    assert decision.conflicting == (1, 2, 3)


def test_event_type_tie_goes_to_the_latest() -> None:
    claims = _types((1, "A", TUE, "Battles"), (2, "B", WED, EXPLOSIONS))
    assert reconcile(claims)["event_type"].value == {"event_type": EXPLOSIONS, "sub_event_type": None}
    claims = _types((1, "A", WED, "Battles"), (2, "B", TUE, EXPLOSIONS))
    assert reconcile(claims)["event_type"].value == {"event_type": "Battles", "sub_event_type": None}
