"""Recompute an event's canonical fields from its claims and record the change as a revision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlmodel import Session

from service.domain import FieldDecision, SourcedClaim
from service.models import Event, EventRevision, FieldPin
from service.models.tables import utcnow
from service.reconciliation import Policy, reconcile
from service.reconciliation.figures import ALWAYS_REPORTED, none_reported
from service.repositories import events as event_repo
from service.repositories import reports as report_repo
from service.repositories.deferred import DeferredWrites
from service.repositories.events import EventRow, MemberSummary
from service.repositories.reports import StoredClaim
from service.views import event_public

PIN_RULE = "analyst.pin/v1"

# Event columns that mirror a field decision, for listing and filtering without joins.
TRACKED_COLUMNS = (
    "title",
    "date",
    "date_precision",
    "place_name",
    "admin1",
    "country",
    "lat",
    "lon",
    "event_type",
    "sub_event_type",
    "perpetrator",
    "perpetrator_status",
    "killed",
    "killed_low",
    "killed_high",
    "injured",
    "injured_low",
    "injured_high",
    "report_count",
)
# What a refresh writes: the tracked columns and its own bookkeeping.
REFRESHED_COLUMNS = (*TRACKED_COLUMNS, "revision", "updated_at")


def sourced_claims(session: Session, reports: Sequence[MemberSummary]) -> list[SourcedClaim]:
    """The main-event claims of these reports, typed and with their source and time."""
    by_id = {r.id: r for r in reports if r.id is not None}
    return main_event_claims(by_id, report_repo.stored_claims(session, list(by_id)))


def main_event_claims(reports: Mapping[int, MemberSummary], claims: Iterable[StoredClaim]) -> list[SourcedClaim]:
    """The claims about their report's main event, in the given order, with the report's source and time."""
    sourced = []
    for row in claims:
        if row.event_ref != 0:
            continue
        report = reports[row.report_id]
        sourced.append(
            SourcedClaim(
                claim_id=row.id,
                report_id=row.report_id,
                source=report.source,
                published_at=report.published_at,
                arrival=row.report_id,
                claim=row.typed(),
                source_type=report.source_type,
                reliability=report.source_reliability,
            )
        )
    return sourced


def derive_fields(
    session: Session,
    event_id: int,
    members: Sequence[MemberSummary],
    policy: Policy = Policy.BEST,
    *,
    pinned: bool = True,
) -> dict[str, FieldDecision]:
    """Reconciled fields of the event under `policy`, with analysts' pins laid over them.

    `pinned=False`: the caller knows the event has no pins, so they are not looked up.
    """
    pins = event_repo.pins_of(session, event_id) if pinned else []
    return fields_from_claims(sourced_claims(session, members), members, pins, policy)


def fields_from_claims(
    claims: Sequence[SourcedClaim],
    members: Sequence[MemberSummary],
    pins: Sequence[FieldPin],
    policy: Policy = Policy.BEST,
) -> dict[str, FieldDecision]:
    """`derive_fields` from the members' main-event claims and the event's pins."""
    decisions = reconcile(claims, policy)
    # Reports with no dated claim still date their event: fall back to the earliest publication date.
    if "date" not in decisions and (dates := [r.event_date for r in members if r.event_date]):
        decisions["date"] = FieldDecision(
            "date", {"date": min(dates).isoformat(), "precision": "day"}, "date.publication_fallback/v1"
        )
    if members:
        for kind in ALWAYS_REPORTED:
            decisions.setdefault(kind.value, none_reported(kind))
    for pin in pins:
        reconciled = decisions.get(pin.field)
        supporting = reconciled.supporting if reconciled else ()
        agrees = reconciled is not None and reconciled.value == pin.value
        decisions[pin.field] = FieldDecision(
            pin.field,
            dict(pin.value),
            PIN_RULE,
            supporting=supporting if agrees else (),
            conflicting=() if agrees else supporting,
            note=f"pinned by {pin.analyst or 'an analyst'}: {pin.reason}",
        )
    return decisions


def decision_records(event_id: int, decisions: dict[str, FieldDecision], revision: int) -> list[dict[str, Any]]:
    """The decisions as field_decisions rows."""
    return [
        {
            "event_id": event_id,
            "field": d.field,
            "value": d.value,
            "rule": d.rule,
            "supporting": list(d.supporting),
            "conflicting": list(d.conflicting),
            "superseded": list(d.superseded),
            "note": d.note,
            "revision": revision,
        }
        for d in decisions.values()
    ]


def _apply_to_columns(event: Event | EventRow, decisions: dict[str, FieldDecision]) -> None:
    def value(field: str) -> dict[str, Any]:
        decision = decisions.get(field)
        return dict(decision.value) if decision and decision.value else {}

    killed, injured = value("killed"), value("injured")
    event.killed, event.killed_low, event.killed_high = killed.get("best"), killed.get("low"), killed.get("high")
    event.injured, event.injured_low, event.injured_high = (
        injured.get("best"),
        injured.get("low"),
        injured.get("high"),
    )
    place = value("place")
    event.place_name, event.admin1, event.country = place.get("name"), place.get("admin1"), place.get("country")
    event.lat, event.lon = place.get("lat"), place.get("lon")
    date = value("date")
    event.date = dt.date.fromisoformat(str(date["date"])) if date.get("date") else None
    event.date_precision = date.get("precision")
    kind = value("event_type")
    event.event_type, event.sub_event_type = kind.get("event_type"), kind.get("sub_event_type")
    perpetrator = value("perpetrator")
    event.perpetrator, event.perpetrator_status = perpetrator.get("actor"), perpetrator.get("status")


def apply_fields(
    event: Event | EventRow, decisions: dict[str, FieldDecision], members: Sequence[MemberSummary]
) -> dict[str, list[object]]:
    """Set the event's columns from its field decisions and start its next revision; returns the
    tracked columns that changed, as [old, new]."""
    before = {name: getattr(event, name) for name in TRACKED_COLUMNS}
    _apply_to_columns(event, decisions)
    event.report_count = len(members)
    if not event.title:
        event.title = next((r.title for r in members if r.title), None)
    event.revision += 1
    event.updated_at = utcnow()
    return {
        name: [_jsonable(before[name]), _jsonable(after)]
        for name in TRACKED_COLUMNS
        if before[name] != (after := getattr(event, name))
    }


def revision_record(
    event: Event | EventRow,
    decisions: dict[str, FieldDecision],
    members: Sequence[MemberSummary],
    changes: dict[str, list[object]],
    kind: str,
    report_id: int | None,
) -> dict[str, Any]:
    """The event_revisions row of a refresh: what changed, and the event as it now stands."""
    assert event.id is not None
    snapshot = event_public(event, list(decisions.values()), [r.id for r in members]).model_dump(mode="json")
    return {
        "event_id": event.id,
        "revision": event.revision,
        "kind": kind,
        "report_id": report_id,
        "changes": changes,
        "snapshot": snapshot,
        "created_at": utcnow(),
    }


def refresh_event(session: Session, event: Event, kind: str, report_id: int | None) -> None:
    """Reconcile the event from all its reports' claims, then append a revision with what changed."""
    assert event.id is not None
    members = event_repo.member_summaries(session, event.id)
    decisions = derive_fields(session, event.id, members)
    changes = apply_fields(event, decisions, members)
    event_repo.replace_field_decisions(session, event.id, decision_records(event.id, decisions, event.revision))
    session.add(event)
    session.flush()
    revision = revision_record(event, decisions, members, changes, kind, report_id)
    event_repo.add_revision(session, EventRevision(**revision))


def refresh_batch_event(
    session: Session,
    event: EventRow,
    members: Sequence[MemberSummary],
    claims: Sequence[SourcedClaim],
    kind: str,
    report_id: int,
    deferred: DeferredWrites,
) -> None:
    """`refresh_event` inside an ingest batch, from the members and main-event claims the batch tracks
    (it alone writes them while it holds the lock). A new event (id None) is inserted here, complete;
    its field decisions and its revision wait in `deferred` for the end of the batch."""
    pins = event_repo.pins_of(session, event.id) if event.id in deferred.pinned_events else []
    decisions = fields_from_claims(claims, members, pins)
    changes = apply_fields(event, decisions, members)
    if event.id is None:
        event_id = event_repo.insert_event_row(session, event)
    else:
        event_id = event.id
        event_repo.update_event_row(session, event, REFRESHED_COLUMNS)
    deferred.replace_field_decisions(event_id, decision_records(event_id, decisions, event.revision))
    deferred.add(EventRevision, revision_record(event, decisions, members, changes, kind, report_id))


def _jsonable(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value
