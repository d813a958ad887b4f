"""Plain typed values shared by the domain core (extraction, matching, reconciliation).

Nothing here knows about HTTP, SQL or FAISS. Spans are character offsets into the report's
*document*: see `report_document`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


def report_document(title: str, text: str) -> str:
    """The one string that extraction reads and that claim spans point into."""
    title, text = title.strip(), text.strip()
    if not title or text.startswith(title):
        return text
    if not text:
        return title
    return f"{title}\n\n{text}"


class FigureKind(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    KIDNAPPED = "kidnapped"
    ARRESTED = "arrested"


class Qualifier(StrEnum):
    """How a figure was stated; decides its interval."""

    EXACT = "exact"  # "three were killed"        -> [3, 3]
    AT_LEAST = "at_least"  # "at least five"       -> [5, None]
    MORE_THAN = "more_than"  # "more than 20"      -> [21, None]
    AT_MOST = "at_most"  # "up to 10"              -> [0, 10]
    ABOUT = "about"  # "about 30", "nearly 30"     -> a band around the value
    RANGE = "range"  # "15 to 20"                  -> [15, 20]
    VAGUE = "vague"  # "several", "dozens"         -> a conventional lower bound


class AttributionStatus(StrEnum):
    """GTD keeps who-did-it apart from how sure we are."""

    UNKNOWN = "unknown"
    SUSPECTED = "suspected"  # blamed or believed, by someone
    ATTRIBUTED = "attributed"  # named as the perpetrator without a hedge
    CLAIMED = "claimed"  # the group said it did it
    DENIED = "denied"  # the group said it did not


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Span:
    """Where in the document a claim came from; `quote` is document[start:end]."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class FigureClaim:
    """One stated count, as an interval. `high is None` means open upwards."""

    kind: FigureKind
    low: int
    high: int | None
    qualifier: Qualifier
    span: Span
    subgroup: str | None = None  # "civilians", "security forces", ...: a lower bound on the total
    quoted_source: str | None = None  # "state media" in "state media said three were killed"
    is_update: bool = False  # "the toll rose to 7"
    event_ref: int = 0  # 0: the report's main event; 1, 2, ...: other events it mentions
    # "20 killed and injured": one number for the dead and the wounded together. It caps the figure from
    # above and is no count of it, so it is never a candidate for the figure's best value.
    bound_only: bool = False

    @property
    def best(self) -> int:
        """A single point for the interval: the exact value, else the low end."""
        if self.high is not None and self.qualifier in (Qualifier.RANGE, Qualifier.ABOUT):
            return (self.low + self.high) // 2
        if self.high is not None and self.qualifier == Qualifier.AT_MOST:
            return self.high
        return self.low


@dataclass(frozen=True, slots=True)
class PerpetratorClaim:
    actor: str  # normalised through the alias table ("Islamic State", not "Daesh")
    status: AttributionStatus
    span: Span
    by: str | None = None  # who suspects / blames, or the channel of a claim ("Amaq")
    event_ref: int = 0


@dataclass(frozen=True, slots=True)
class PlaceClaim:
    name: str
    span: Span
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    event_ref: int = 0


@dataclass(frozen=True, slots=True)
class DateClaim:
    date: dt.date
    precision: DatePrecision
    span: Span
    event_ref: int = 0


@dataclass(frozen=True, slots=True)
class EventTypeClaim:
    event_type: str  # ACLED: Battles, Explosions/Remote violence, Violence against civilians, ...
    span: Span
    sub_event_type: str | None = None
    event_ref: int = 0


Claim = FigureClaim | PerpetratorClaim | PlaceClaim | DateClaim | EventTypeClaim


@dataclass(slots=True)
class Extraction:
    """Everything read from one report. Claims with event_ref > 0 describe other events."""

    figures: list[FigureClaim] = field(default_factory=list)
    perpetrators: list[PerpetratorClaim] = field(default_factory=list)
    places: list[PlaceClaim] = field(default_factory=list)
    dates: list[DateClaim] = field(default_factory=list)
    event_types: list[EventTypeClaim] = field(default_factory=list)

    @classmethod
    def from_claims(cls, claims: Iterable[Claim]) -> Extraction:
        """Sort typed claims (e.g. read back from storage) into an extraction, keeping their order."""
        extraction = cls()
        for claim in claims:
            match claim:
                case FigureClaim():
                    extraction.figures.append(claim)
                case PerpetratorClaim():
                    extraction.perpetrators.append(claim)
                case PlaceClaim():
                    extraction.places.append(claim)
                case DateClaim():
                    extraction.dates.append(claim)
                case EventTypeClaim():
                    extraction.event_types.append(claim)
        return extraction

    def claims(self) -> list[Claim]:
        return [*self.figures, *self.perpetrators, *self.places, *self.dates, *self.event_types]

    def main_place(self) -> PlaceClaim | None:
        return next((p for p in self.places if p.event_ref == 0), None)

    def main_date(self) -> DateClaim | None:
        return next((d for d in self.dates if d.event_ref == 0), None)

    def main_event_type(self) -> EventTypeClaim | None:
        return next((e for e in self.event_types if e.event_ref == 0), None)


@dataclass(frozen=True, slots=True)
class SourcedClaim:
    """A claim as reconciliation sees it: with the report and source it came from."""

    claim_id: int
    report_id: int
    source: str
    published_at: dt.date | None
    arrival: int  # increasing with arrival order; breaks ties between equal publication dates
    claim: Claim
    source_type: str | None = None
    reliability: float | None = None  # the source's learned reliability, when estimated


@dataclass(frozen=True, slots=True)
class FieldDecision:
    """One canonical field of an event and the evidence for it.

    `value` is JSON-ready. Shapes by field:
      killed / injured / ...: {"low": int|None, "best": int|None, "high": int|None}
      perpetrator: {"actor": str, "status": str, "timeline": [{"status", "actor", "by", "claim_id",
                    "published_at"}]}
      place: {"name", "admin1", "country", "lat", "lon"}
      date: {"date": "YYYY-MM-DD", "precision": str}
      event_type: {"event_type": str, "sub_event_type": str|None}
    """

    field: str
    value: dict[str, object] | None
    rule: str  # a named, versioned rule, e.g. "figure.interval/v1"
    supporting: tuple[int, ...] = ()  # claim ids the value rests on
    conflicting: tuple[int, ...] = ()  # claim ids that disagree with it
    superseded: tuple[int, ...] = ()  # claim ids replaced by a later claim of the same source
    note: str | None = None
