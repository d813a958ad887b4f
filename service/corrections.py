"""Analyst corrections: merge two events, detach a report, pin or unpin a field, confirm a review.

Each one is logged with its reason, recorded as a revision of every event it touches, and made
of memberships and pins, which re-processing and re-indexing never recompute.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from service.errors import Conflict, InvalidInput, NotFound
from service.event_state import refresh_event
from service.models import Correction, Event, EventRevision, FieldPin
from service.models.tables import utcnow
from service.read import resolve_event
from service.repositories import events as event_repo
from service.repositories import reports as report_repo
from service.views import event_public


def _active_event(session: Session, event_id: int) -> Event:
    event = resolve_event(session, event_id)
    assert event.id is not None
    return event


def merge_events(session: Session, target_id: int, other_id: int, reason: str, analyst: str | None) -> Event:
    """Move every report of `other` into `target`; `other` stays as a redirect to `target`."""
    target, other = _active_event(session, target_id), _active_event(session, other_id)
    assert target.id is not None and other.id is not None
    if target.id == other.id:
        raise Conflict(f"events {target_id} and {other_id} are already one event", {"field": "other"})
    event_repo.move_members(session, other.id, target.id)
    for pin in event_repo.pins_of(session, other.id):
        if event_repo.pin(session, target.id, pin.field) is None:
            pin.event_id = target.id  # the target's own pins win; the other's fill the gaps
            session.add(pin)
        else:
            session.delete(pin)
    other.status, other.merged_into, other.report_count = "merged", target.id, 0
    other.revision += 1
    other.updated_at = utcnow()
    session.add(other)
    event_repo.add_correction(
        session,
        Correction(kind="merge", event_id=target.id, other_event_id=other.id, reason=reason, analyst=analyst),
    )
    session.flush()
    event_repo.add_revision(
        session,
        EventRevision(
            event_id=other.id,
            revision=other.revision,
            kind="merged_into",
            changes={"status": ["active", "merged"], "merged_into": [None, target.id], "reason": reason},
            snapshot=event_public(other, [], []).model_dump(mode="json"),
        ),
    )
    refresh_event(session, target, "merged", None)
    return target


def detach_report(session: Session, event_id: int, report_id: int, reason: str, analyst: str | None) -> Event:
    """Take one report out of its event into a new event of its own; returns the new event."""
    event = _active_event(session, event_id)
    assert event.id is not None
    member = event_repo.membership(session, report_id)
    if member is None or member.event_id != event.id:
        raise NotFound(f"report {report_id} is not in event {event_id}", {"field": "report"})
    if event.report_count <= 1:
        raise Conflict(f"report {report_id} is the only report of event {event_id}", {"field": "report"})
    report = report_repo.get_report(session, report_id)
    assert report is not None
    new_event = event_repo.create_event(session, None, report.title)
    assert new_event.id is not None
    member.event_id, member.decision_id, member.assigned_at = new_event.id, None, utcnow()
    session.add(member)
    event_repo.add_correction(
        session,
        Correction(
            kind="detach",
            event_id=event.id,
            other_event_id=new_event.id,
            report_id=report_id,
            reason=reason,
            analyst=analyst,
        ),
    )
    session.flush()
    refresh_event(session, event, "report_detached", report_id)
    refresh_event(session, new_event, "split_from", report_id)
    return new_event


def pin_field(
    session: Session, event_id: int, field: str, value: dict[str, Any], reason: str, analyst: str | None
) -> Event:
    event = _active_event(session, event_id)
    assert event.id is not None
    pin = event_repo.pin(session, event.id, field)
    if pin is None:
        pin = FieldPin(event_id=event.id, field=field, value=value, reason=reason, analyst=analyst)
    else:
        pin.value, pin.reason, pin.analyst, pin.created_at = value, reason, analyst, utcnow()
    session.add(pin)
    event_repo.add_correction(
        session, Correction(kind="pin", event_id=event.id, field=field, reason=reason, analyst=analyst)
    )
    session.flush()
    refresh_event(session, event, "field_pinned", None)
    return event


def unpin_field(session: Session, event_id: int, field: str, reason: str, analyst: str | None) -> Event:
    event = _active_event(session, event_id)
    assert event.id is not None
    pin = event_repo.pin(session, event.id, field)
    if pin is None:
        raise NotFound(f"event {event_id} has no pin on {field}", {"field": "field"})
    session.delete(pin)
    event_repo.add_correction(
        session, Correction(kind="unpin", event_id=event.id, field=field, reason=reason, analyst=analyst)
    )
    session.flush()
    refresh_event(session, event, "field_unpinned", None)
    return event


def confirm_review(session: Session, report_id: int, reason: str, analyst: str | None) -> int:
    """An analyst agrees with a provisional join: the report leaves the review queue."""
    decision = report_repo.match_decision_of(session, report_id)
    if decision is None:
        raise NotFound(f"no report {report_id}")
    if decision.outcome != "needs_review":
        raise InvalidInput(f"report {report_id} was {decision.outcome}, not sent to review", {"field": "report"})
    event_id = report_repo.event_of_report(session, report_id)
    assert event_id is not None
    event_repo.add_correction(
        session, Correction(kind="confirm", event_id=event_id, report_id=report_id, reason=reason, analyst=analyst)
    )
    return event_id
