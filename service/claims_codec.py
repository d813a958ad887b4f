"""Typed domain claims <-> the (field, payload, span) triple stored in the claims table."""

from __future__ import annotations

import datetime as dt
from typing import Any

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
    Span,
)


def claim_field(claim: Claim) -> str:
    match claim:
        case FigureClaim():
            return claim.kind.value
        case PerpetratorClaim():
            return "perpetrator"
        case PlaceClaim():
            return "place"
        case DateClaim():
            return "date"
        case EventTypeClaim():
            return "event_type"
    raise TypeError(f"not a claim: {claim!r}")


def claim_payload(claim: Claim) -> dict[str, Any]:
    """The claim's value as JSON, without its span (stored in columns of its own)."""
    match claim:
        case FigureClaim():
            return {
                "low": claim.low,
                "high": claim.high,
                "qualifier": claim.qualifier.value,
                "subgroup": claim.subgroup,
                "quoted_source": claim.quoted_source,
                "is_update": claim.is_update,
                "bound_only": claim.bound_only,
            }
        case PerpetratorClaim():
            return {"actor": claim.actor, "status": claim.status.value, "by": claim.by}
        case PlaceClaim():
            return {
                "name": claim.name,
                "admin1": claim.admin1,
                "country": claim.country,
                "lat": claim.lat,
                "lon": claim.lon,
            }
        case DateClaim():
            return {"date": claim.date.isoformat(), "precision": claim.precision.value}
        case EventTypeClaim():
            return {"event_type": claim.event_type, "sub_event_type": claim.sub_event_type}
    raise TypeError(f"not a claim: {claim!r}")


def claim_from_row(field: str, payload: dict[str, Any], span: Span, event_ref: int) -> Claim:
    """Rebuild the typed claim from what claim_field / claim_payload stored."""
    if field in FigureKind.__members__.values():
        return FigureClaim(
            kind=FigureKind(field),
            low=int(payload["low"]),
            high=None if payload.get("high") is None else int(payload["high"]),
            qualifier=Qualifier(payload["qualifier"]),
            span=span,
            subgroup=payload.get("subgroup"),
            quoted_source=payload.get("quoted_source"),
            is_update=bool(payload.get("is_update", False)),
            event_ref=event_ref,
            # Rows stored before the flag existed hold counts only.
            bound_only=bool(payload.get("bound_only", False)),
        )
    if field == "perpetrator":
        return PerpetratorClaim(
            actor=payload["actor"],
            status=AttributionStatus(payload["status"]),
            span=span,
            by=payload.get("by"),
            event_ref=event_ref,
        )
    if field == "place":
        return PlaceClaim(
            name=payload["name"],
            span=span,
            admin1=payload.get("admin1"),
            country=payload.get("country"),
            lat=payload.get("lat"),
            lon=payload.get("lon"),
            event_ref=event_ref,
        )
    if field == "date":
        return DateClaim(
            date=dt.date.fromisoformat(payload["date"]),
            precision=DatePrecision(payload["precision"]),
            span=span,
            event_ref=event_ref,
        )
    if field == "event_type":
        return EventTypeClaim(
            event_type=payload["event_type"],
            span=span,
            sub_event_type=payload.get("sub_event_type"),
            event_ref=event_ref,
        )
    raise ValueError(f"unknown claim field {field!r}")
