"""Shape stored rows into API answers. No SQL here: callers pass what they loaded."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from service.models import Claim, Event, MatchDecision
from service.repositories.events import EventRow
from service.schemas import (
    CandidatePublic,
    ClaimPublic,
    EventPublic,
    FigurePublic,
    MatchDecisionPublic,
    PerpetratorPublic,
    PlacePublic,
    SpanPublic,
)

FIGURE_FIELDS = ("killed", "injured", "missing", "kidnapped", "arrested")


class Decision(Protocol):
    """A field decision as stored (FieldDecisionRow) or just derived (domain FieldDecision)."""

    @property
    def field(self) -> str: ...

    @property
    def value(self) -> Mapping[str, Any] | None: ...

    @property
    def rule(self) -> str: ...


def event_public(event: Event | EventRow, decisions: Sequence[Decision], report_ids: Sequence[int]) -> EventPublic:
    by_field = {d.field: d for d in decisions}
    figures = {
        name: FigurePublic(
            low=_int(d.value, "low"), best=_int(d.value, "best"), high=_int(d.value, "high"), rule=d.rule
        )
        for name in FIGURE_FIELDS
        if (d := by_field.get(name)) is not None and d.value is not None
    }
    perpetrator = None
    if (d := by_field.get("perpetrator")) is not None and d.value is not None:
        timeline = d.value.get("timeline")
        perpetrator = PerpetratorPublic(
            actor=_str(d.value, "actor"),
            status=_str(d.value, "status"),
            rule=d.rule,
            timeline=list(timeline) if isinstance(timeline, list) else [],
        )
    place = None
    if event.place_name or event.country:
        place = PlacePublic(
            name=event.place_name, admin1=event.admin1, country=event.country, lat=event.lat, lon=event.lon
        )
    assert event.id is not None
    return EventPublic(
        id=event.id,
        status=event.status,
        merged_into=event.merged_into,
        revision=event.revision,
        report_count=event.report_count,
        title=event.title,
        date=event.date,
        date_precision=event.date_precision,
        place=place,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        figures=figures,
        perpetrator=perpetrator,
        reports=list(report_ids),
        created_at=event.created_at,
        updated_at=event.updated_at,
    )


def claim_public(claim: Claim) -> ClaimPublic:
    assert claim.id is not None
    return ClaimPublic(
        id=claim.id,
        report=claim.report_id,
        field=claim.field,
        value=claim.payload,
        span=SpanPublic(start=claim.span_start, end=claim.span_end, quote=claim.quote),
        event_ref=claim.event_ref,
        origin=claim.origin,
    )


def match_public(decision: MatchDecision) -> MatchDecisionPublic:
    return MatchDecisionPublic(
        outcome=decision.outcome,
        event=decision.event_id,
        score=decision.score,
        matcher_version=decision.matcher_version,
        thresholds=decision.thresholds,
        candidates=[CandidatePublic(**c) for c in decision.candidates],
        decided_at=decision.created_at,
    )


def _int(value: Mapping[str, object], key: str) -> int | None:
    item = value.get(key)
    return int(item) if isinstance(item, int | float) else None


def _str(value: Mapping[str, object], key: str) -> str | None:
    item = value.get(key)
    return str(item) if item is not None else None
