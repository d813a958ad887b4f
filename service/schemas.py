"""Request and response shapes of API v1 (the tables live in service/models)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, field_validator, model_validator

# Ids are 32-bit integers in PostgreSQL; anything larger cannot name a row (and must not reach SQL).
MAX_ID = 2_147_483_647
MAX_OFFSET = 1_000_000_000

SourceType = Literal["wire", "national", "local", "state_media", "party", "ngo", "social_media", "other"]
FigureField = Literal["killed", "injured", "missing", "kidnapped", "arrested"]

WORKED_EXAMPLE: dict[str, JsonValue] = {
    "id": "mayadeen-2026-03-03",
    "source": "deirezzor24.net",
    "source_type": "local",
    "title": "Car bomb hits police station in al-Mayadeen",
    "text": (
        "A suicide car bomb hit a police station in al-Mayadeen, Deir Ezzor, late Monday, killing at "
        "least five people and wounding several others. No group has claimed the attack; ISIS is "
        "believed to be behind it."
    ),
    "published_at": "2026-03-03",
    "language": "en",
}


class GivenClaim(BaseModel):
    """A claim the client already extracted; stored like an extracted one, marked `given`."""

    model_config = ConfigDict(extra="forbid")

    field: FigureField | Literal["perpetrator"]
    low: int | None = Field(default=None, ge=0, le=10_000_000)
    high: int | None = Field(default=None, ge=0, le=10_000_000)
    qualifier: Literal["exact", "at_least", "more_than", "at_most", "about", "range", "vague"] = "exact"
    subgroup: str | None = Field(default=None, max_length=100)
    actor: str | None = Field(default=None, max_length=200)
    status: Literal["unknown", "suspected", "attributed", "claimed", "denied"] | None = None
    quote: str | None = Field(default=None, max_length=2000)


class ReportCreate(BaseModel):
    """One report as a client posts it. `(source, id)` is its idempotency key."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [WORKED_EXAMPLE]})

    id: str = Field(min_length=1, max_length=300, description="The client's own id for the report.")
    source: str = Field(min_length=1, max_length=200, description="Outlet or organisation.")
    source_type: SourceType | None = None
    url: str | None = Field(default=None, max_length=2000)
    title: str = Field(default="", max_length=2000)
    text: str = Field(min_length=1, description="Full text as published.")
    published_at: dt.date | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    language: str = Field(default="en", min_length=2, max_length=12)
    event_key: str | None = Field(
        default=None,
        min_length=1,
        max_length=300,
        description="Client-asserted group: reports with the same key always share one event.",
    )
    claims: list[GivenClaim] = Field(default_factory=list, max_length=100)

    @field_validator("id", "source", "text")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value


class BatchCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reports: list[ReportCreate] = Field(min_length=1)


class IngestResult(BaseModel):
    report: int = Field(description="Concord's id of the stored report.")
    event: int = Field(description="The event the report belongs to.")
    created: bool = Field(description="False when this (source, id) or content was already stored.")
    new_event: bool
    outcome: str = Field(description="joined | new_event | needs_review | event_key")
    confidence: float | None = Field(description="Match score of the chosen event, if any was scored.")


class BatchResult(BaseModel):
    results: list[IngestResult]


class SpanPublic(BaseModel):
    start: int | None
    end: int | None
    quote: str | None


class ClaimPublic(BaseModel):
    id: int
    report: int
    field: str
    value: dict[str, Any]
    span: SpanPublic
    event_ref: int = Field(description="0: the report's main event; >0: another event it mentions.")
    origin: str


class CandidatePublic(BaseModel):
    event: int
    score: float
    features: dict[str, float | None]
    contributions: dict[str, float]


class MatchDecisionPublic(BaseModel):
    outcome: str
    event: int
    score: float | None
    matcher_version: str
    thresholds: dict[str, Any]
    candidates: list[CandidatePublic]
    decided_at: dt.datetime


class ReportPublic(BaseModel):
    id: int
    source: str
    external_id: str
    title: str
    text: str
    url: str | None
    published_at: dt.date | None
    language: str
    event_key: str | None
    received_at: dt.datetime
    event: int | None
    claims: list[ClaimPublic]
    match: MatchDecisionPublic | None


class PlacePublic(BaseModel):
    name: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None


class FigurePublic(BaseModel):
    low: int | None
    best: int | None
    high: int | None
    rule: str


class PerpetratorPublic(BaseModel):
    actor: str | None
    status: str | None
    rule: str
    timeline: list[dict[str, Any]]


class EventPublic(BaseModel):
    id: int
    status: str
    merged_into: int | None
    revision: int
    report_count: int
    title: str | None
    date: dt.date | None
    date_precision: str | None
    place: PlacePublic | None
    event_type: str | None
    sub_event_type: str | None
    figures: dict[str, FigurePublic]
    perpetrator: PerpetratorPublic | None
    reports: list[int]
    created_at: dt.datetime
    updated_at: dt.datetime


class EventPage(BaseModel):
    items: list[EventPublic]
    total: int
    limit: int
    offset: int


class EvidencePublic(BaseModel):
    claim: int
    report: int
    source: str
    published_at: dt.date | None
    value: dict[str, Any]
    quote: str | None
    span: SpanPublic
    role: Literal["supporting", "conflicting", "superseded"]


class FieldProvenance(BaseModel):
    field: str
    value: dict[str, Any] | None
    rule: str
    note: str | None
    claims: list[EvidencePublic]


class ReportDecisionPublic(BaseModel):
    report: int
    source: str
    title: str
    published_at: dt.date | None
    match: MatchDecisionPublic | None


class ProvenancePublic(BaseModel):
    event: int
    fields: list[FieldProvenance]
    reports: list[ReportDecisionPublic]


class RevisionPublic(BaseModel):
    revision: int
    kind: str
    report: int | None
    changes: dict[str, Any]
    created_at: dt.datetime


class HistoryPublic(BaseModel):
    event: int
    revisions: list[RevisionPublic]


class ErrorPublic(BaseModel):
    error: str
    message: str
    detail: Any = None


class CorrectionBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=2000, description="Why: kept in the history.")
    analyst: str | None = Field(default=None, max_length=200)

    @field_validator("reason")
    @classmethod
    def reason_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value


class MergeRequest(CorrectionBase):
    other: int = Field(ge=1, le=MAX_ID, description="The event merged into this one; its id then redirects here.")


class DetachRequest(CorrectionBase):
    report: int = Field(ge=1, le=MAX_ID, description="The report taken out into a new event of its own.")


class FigureValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    low: int | None = Field(default=None, ge=0)
    best: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def ordered(self) -> FigureValue:
        known = [v for v in (self.low, self.best, self.high) if v is not None]
        if not known:
            raise ValueError("give at least one of low, best, high")
        if known != sorted(known):
            raise ValueError("need low <= best <= high")
        return self


class PerpetratorValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    actor: str = Field(min_length=1, max_length=200)
    status: Literal["unknown", "suspected", "attributed", "claimed", "denied"]


class PlaceValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    admin1: str | None = Field(default=None, max_length=200)
    country: str | None = Field(default=None, max_length=100)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)


class DateValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: dt.date
    precision: Literal["day", "week", "month", "year"] = "day"


class EventTypeValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event_type: str = Field(min_length=1, max_length=60)
    sub_event_type: str | None = Field(default=None, max_length=80)


PinnableField = Literal[
    "killed", "injured", "missing", "kidnapped", "arrested", "perpetrator", "place", "date", "event_type"
]
PIN_VALUE_SHAPES: dict[str, type[BaseModel]] = {
    **{name: FigureValue for name in ("killed", "injured", "missing", "kidnapped", "arrested")},
    "perpetrator": PerpetratorValue,
    "place": PlaceValue,
    "date": DateValue,
    "event_type": EventTypeValue,
}


class PinRequest(CorrectionBase):
    value: dict[str, Any] = Field(
        description="The field's value, shaped like the field: {low, best, high} for figures, {actor, status}, "
        "{name, admin1, country, lat, lon}, {date, precision}, {event_type, sub_event_type}."
    )


class DetachResult(BaseModel):
    event: EventPublic
    new_event: EventPublic


class ChangePublic(BaseModel):
    cursor: int
    event: int
    revision: int
    kind: str
    report: int | None
    changes: dict[str, Any]
    created_at: dt.datetime


class ChangePage(BaseModel):
    items: list[ChangePublic]
    next_cursor: int = Field(description="Pass as ?after= to get what happened next.")


class ReviewItem(BaseModel):
    report: ReportDecisionPublic
    event: EventPublic


class ReviewPage(BaseModel):
    items: list[ReviewItem]
    total: int
    limit: int
    offset: int


class ConfirmRequest(CorrectionBase):
    pass


class ReliabilityPublic(BaseModel):
    value: float = Field(description="Estimated share of this source's figures that hold up (0-1).")
    prior: float = Field(description="Where the estimate starts, by source type.")
    agreed: int = Field(description="Figure claims that support their event's reconciled figure.")
    conflicted: int = Field(description="Figure claims that conflict with it.")
    superseded: int = Field(description="Figure claims the source itself later revised (not held against it).")
    in_use: float = Field(
        description="What reconciliation weighs this source's claims by now: the value stored by the last "
        "`concord learn-reliability`, else the prior."
    )
    rule: str


class SourcePublic(BaseModel):
    name: str
    source_type: str | None
    reports: int
    reliability: ReliabilityPublic


class SourcePage(BaseModel):
    items: list[SourcePublic]
    total: int
    limit: int
    offset: int
