"""Ordering, selection and source counting shared by every rule.

Every rule sees its claims in one total order, so the result never depends on the order the caller
passed them in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from service.domain import (
    DateClaim,
    EventTypeClaim,
    FigureClaim,
    PerpetratorClaim,
    PlaceClaim,
    SourcedClaim,
)
from service.reconciliation.reliability import weight_of

C = TypeVar("C", bound=FigureClaim | PerpetratorClaim | PlaceClaim | DateClaim | EventTypeClaim)

ChronoKey = tuple[dt.date, int, int, int]
T = TypeVar("T")


def chrono_key(sourced: SourcedClaim) -> ChronoKey:
    """Publication date, then arrival; the ids only make the order total.

    An unknown publication date sorts first, so an undated claim never counts as the latest word.
    """
    return (sourced.published_at or dt.date.min, sourced.arrival, sourced.report_id, sourced.claim_id)


def normalise(text: str) -> str:
    """Case- and whitespace-insensitive key, so "Reuters" and "reuters " are one source."""
    return " ".join(text.casefold().split())


def iso(day: dt.date | None) -> str | None:
    """JSON-ready date."""
    return day.isoformat() if day is not None else None


@dataclass(frozen=True, slots=True)
class Evidence(Generic[C]):
    """A claim of a known type together with the report and source it came from.

    `echo_of` names the earlier claim, from another outlet, whose wording this one repeats (a wire story
    reprinted): both then come from one origin, `echo_origin`, and count once.
    """

    sourced: SourcedClaim
    claim: C
    echo_of: int | None = None
    echo_origin: str | None = None

    @property
    def claim_id(self) -> int:
        return self.sourced.claim_id

    @property
    def report_id(self) -> int:
        return self.sourced.report_id

    @property
    def source(self) -> str:
        """The outlet, normalised: distinct sources are what "support" counts."""
        return normalise(self.sourced.source)

    @property
    def when(self) -> ChronoKey:
        return chrono_key(self.sourced)

    @property
    def weight(self) -> float:
        """How much the source's word counts: its reliability, else the prior for its type."""
        return weight_of(self.sourced)


def main_story(claims: Iterable[SourcedClaim]) -> list[SourcedClaim]:
    """Claims about the report's main event, in time order, each claim id once.

    The caller should already pass only these; other events mentioned in a report (event_ref > 0)
    must never feed this event's figures, so they are dropped here too.
    """
    seen: set[int] = set()
    kept: list[SourcedClaim] = []
    for sourced in sorted(claims, key=chrono_key):
        if sourced.claim.event_ref != 0 or sourced.claim_id in seen:
            continue
        seen.add(sourced.claim_id)
        kept.append(sourced)
    return kept


def select(claims: Sequence[SourcedClaim], kind: type[C]) -> list[Evidence[C]]:
    """The claims of one type, keeping the time order of `claims`."""
    return [Evidence(sourced, sourced.claim) for sourced in claims if isinstance(sourced.claim, kind)]


def distinct_sources(items: Iterable[Evidence[C]]) -> int:
    """How many different outlets stand behind these claims."""
    return len({item.source for item in items})


def ids(items: Iterable[Evidence[C]]) -> tuple[int, ...]:
    """Claim ids in time order (the order provenance is read in)."""
    return tuple(item.claim_id for item in sorted(items, key=lambda item: item.when))


def majority(values: Iterable[tuple[T | None, ChronoKey]]) -> T | None:
    """The most frequent non-empty value; ties go to the one stated latest."""
    counts: Counter[T] = Counter()
    last: dict[T, ChronoKey] = {}
    for value, when in values:
        if value is None:
            continue
        counts[value] += 1
        last[value] = max(last.get(value, when), when)
    if not counts:
        return None
    return max(counts, key=lambda value: (counts[value], last[value]))
