"""Analyst corrections, the review queue and the change feed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from service import corrections
from service.api.deps import PipelineDep, SessionDep
from service.errors import InvalidInput
from service.read import change_page, event_view, review_page
from service.schemas import (
    MAX_ID,
    MAX_OFFSET,
    PIN_VALUE_SHAPES,
    ChangePage,
    ConfirmRequest,
    DetachRequest,
    DetachResult,
    EventPublic,
    MergeRequest,
    PinnableField,
    PinRequest,
    ReviewPage,
)

router = APIRouter(tags=["corrections"])

EventId = Annotated[int, Path(ge=1, le=MAX_ID)]
ReportId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.post("/v1/events/{event_id}/merge", response_model=EventPublic, summary="Merge another event into this one")
def merge(event_id: EventId, body: MergeRequest, pipeline: PipelineDep) -> EventPublic:
    """The other event's reports move here; its id keeps answering, as a redirect to this event."""
    with pipeline.exclusive() as session:
        target = corrections.merge_events(session, event_id, body.other, body.reason, body.analyst)
        assert target.id is not None
        return event_view(session, target.id)


@router.post("/v1/events/{event_id}/detach", response_model=DetachResult, summary="Take a report out of the event")
def detach(event_id: EventId, body: DetachRequest, pipeline: PipelineDep) -> DetachResult:
    with pipeline.exclusive() as session:
        new_event = corrections.detach_report(session, event_id, body.report, body.reason, body.analyst)
        assert new_event.id is not None
        return DetachResult(event=event_view(session, event_id), new_event=event_view(session, new_event.id))


@router.put("/v1/events/{event_id}/pins/{field}", response_model=EventPublic, summary="Pin a field to a value")
def pin(event_id: EventId, field: PinnableField, body: PinRequest, pipeline: PipelineDep) -> EventPublic:
    """The pinned value wins over reconciliation, survives new reports, and shows in provenance."""
    try:
        value = PIN_VALUE_SHAPES[field].model_validate(body.value).model_dump(mode="json")
    except ValueError as error:
        raise InvalidInput(f"value does not fit field {field}: {error}", {"field": "value"}) from error
    with pipeline.exclusive() as session:
        corrections.pin_field(session, event_id, field, value, body.reason, body.analyst)
        return event_view(session, event_id)


@router.delete("/v1/events/{event_id}/pins/{field}", response_model=EventPublic, summary="Remove a pin")
def unpin(
    event_id: EventId,
    field: PinnableField,
    pipeline: PipelineDep,
    reason: Annotated[str, Query(min_length=1, max_length=2000)],
    analyst: Annotated[str | None, Query(max_length=200)] = None,
) -> EventPublic:
    with pipeline.exclusive() as session:
        corrections.unpin_field(session, event_id, field, reason, analyst)
        return event_view(session, event_id)


@router.get("/v1/review", response_model=ReviewPage, summary="Provisional joins waiting for an analyst")
def review(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> ReviewPage:
    return review_page(session, limit, offset)


@router.post("/v1/review/{report_id}/confirm", summary="Agree with a provisional join")
def confirm(
    report_id: Annotated[int, Path(ge=1, le=MAX_ID)], body: ConfirmRequest, pipeline: PipelineDep
) -> dict[str, int]:
    """To disagree instead, detach the report from its event (POST /v1/events/{id}/detach)."""
    with pipeline.exclusive() as session:
        return {"report": report_id, "event": corrections.confirm_review(session, report_id, body.reason, body.analyst)}


@router.get("/v1/changes", response_model=ChangePage, summary="Events created, changed, merged or split")
def changes(
    session: SessionDep,
    after: Annotated[int, Query(ge=0, le=MAX_ID, description="Cursor from the previous page; 0 for the start")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> ChangePage:
    """A feed a downstream copy can follow to stay in sync without re-downloading everything."""
    return change_page(session, after, limit)
