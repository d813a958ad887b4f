"""Events: lookup (optionally as of a time), listing with filters, provenance, history."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query

from service.api.deps import SessionDep
from service.errors import InvalidInput
from service.read import event_page, event_view, history_view, provenance_view
from service.reconciliation import Policy
from service.repositories.events import EventFilters
from service.schemas import MAX_ID, MAX_OFFSET, EventPage, EventPublic, HistoryPublic, ProvenancePublic

router = APIRouter(prefix="/v1/events", tags=["events"])

EventId = Annotated[int, Path(ge=1, le=MAX_ID, description="Event id; a merged event's id redirects to its successor")]


@router.get("", response_model=EventPage, summary="List events with filters and paging")
def list_events(
    session: SessionDep,
    date_from: Annotated[dt.date | None, Query(description="Event date on or after (YYYY-MM-DD)")] = None,
    date_to: Annotated[dt.date | None, Query(description="Event date on or before")] = None,
    country: Annotated[str | None, Query(max_length=100)] = None,
    place: Annotated[str | None, Query(max_length=200, description="Substring of place or admin1")] = None,
    event_type: Annotated[str | None, Query(max_length=60)] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Substring of the perpetrator")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in any report's title or body")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> EventPage:
    if date_from and date_to and date_from > date_to:
        raise InvalidInput("date_from is after date_to", {"field": "date_from"})
    filters = EventFilters(date_from, date_to, country, place, event_type, actor, q)
    return event_page(session, filters, limit, offset)


@router.get("/{event_id}", response_model=EventPublic, summary="One canonical event")
def get_event(
    event_id: EventId,
    session: SessionDep,
    as_of: Annotated[dt.datetime | None, Query(description="Show the event as it stood at this time")] = None,
    policy: Annotated[
        Policy, Query(description="conservative (ACLED), best (UCDP best estimate) or high: same claims, another view")
    ] = Policy.BEST,
) -> EventPublic:
    if as_of is not None and as_of.tzinfo is None:
        as_of = as_of.replace(tzinfo=dt.UTC)
    return event_view(session, event_id, as_of, policy)


@router.get("/{event_id}/provenance", response_model=ProvenancePublic, summary="Where every figure came from")
def get_provenance(event_id: EventId, session: SessionDep) -> ProvenancePublic:
    return provenance_view(session, event_id)


@router.get("/{event_id}/history", response_model=HistoryPublic, summary="Every revision of the event")
def get_history(event_id: EventId, session: SessionDep) -> HistoryPublic:
    return history_view(session, event_id)
