"""Recompute an event's canonical fields from its claims and record the change as a revision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from service.domain import FieldDecision, SourcedClaim
from service.models import Event, EventRevision
from service.models.tables import utcnow
from service.reconciliation import Policy, reconcile
from service.reconciliation.figures import ALWAYS_REPORTED, none_reported
from service.repositories import events as event_repo
from service.repositories import reports as report_repo
from service.repositories.deferred import DeferredWrites
from service.repositories.events import MemberSummary
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


def sourced_claims(session: Session, reports: Sequence[MemberSummary]) -> list[SourcedClaim]:
    """The main-event claims of these reports, typed and with their source and time."""
    by_id = {r.id: r for r in reports if r.id is not None}
    claims = []
    for row in report_repo.stored_claims(session, list(by_id)):
        if row.event_ref != 0:
            continue
        report = by_id[row.report_id]
        claims.append(
            SourcedClaim(
                claim_id=row.id,
                report_id=row.report_id,
                source=report.source,
                published_at=report.published_at,
                arrival=row.report_id,
                claim=row.typed(),
            )
        )
    return claims


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
    decisions = reconcile(sourced_claims(session, members), policy)
    # Reports with no dated claim still date their event: fall back to the earliest publication date.
    if "date" not in decisions and (dates := [r.event_date for r in members if r.event_date]):
        decisions["date"] = FieldDecision(
            "date", {"date": min(dates).isoformat(), "precision": "day"}, "date.publication_fallback/v1"
        )
    if members:
        for kind in ALWAYS_REPORTED:
            decisions.setdefault(kind.value, none_reported(kind))
    for pin in event_repo.pins_of(session, event_id) if pinned else ():
        reconciled = decisions.get(pin.field)
        claims = reconciled.supporting if reconciled else ()
        agrees = reconciled is not None and reconciled.value == pin.value
        decisions[pin.field] = FieldDecision(
            pin.field,
            dict(pin.value),
            PIN_RULE,
            supporting=claims if agrees else (),
            conflicting=() if agrees else claims,
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


def _apply_to_columns(event: Event, decisions: dict[str, FieldDecision]) -> None:
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


def refresh_event(
    session: Session, event: Event, kind: str, report_id: int | None, deferred: DeferredWrites | None = None
) -> None:
    """Reconcile the event from all its reports' claims, then append a revision with what changed.

    With `deferred`, the field decisions and the revision wait there for the end of the batch.
    """
    assert event.id is not None
    members = event_repo.member_summaries(session, event.id)
    member_ids = [r.id for r in members]
    before = {name: getattr(event, name) for name in TRACKED_COLUMNS}

    pinned = deferred is None or event.id in deferred.pinned_events
    decisions = derive_fields(session, event.id, members, pinned=pinned)
    _apply_to_columns(event, decisions)
    event.report_count = len(members)
    if not event.title:
        event.title = next((r.title for r in members if r.title), None)
    event.revision += 1
    event.updated_at = utcnow()
    records = decision_records(event.id, decisions, event.revision)
    if deferred is None:
        event_repo.replace_field_decisions(session, event.id, records)
    else:
        deferred.replace_field_decisions(event.id, records)
    session.add(event)
    session.flush()

    after = {name: getattr(event, name) for name in TRACKED_COLUMNS}
    changes = {
        name: [_jsonable(before[name]), _jsonable(after[name])]
        for name in TRACKED_COLUMNS
        if before[name] != after[name]
    }
    snapshot = event_public(event, list(decisions.values()), member_ids).model_dump(mode="json")
    revision: dict[str, Any] = {
        "event_id": event.id,
        "revision": event.revision,
        "kind": kind,
        "report_id": report_id,
        "changes": changes,
        "snapshot": snapshot,
        "created_at": utcnow(),
    }
    if deferred is None:
        event_repo.add_revision(session, EventRevision(**revision))
    else:
        deferred.add(EventRevision, revision)


def _jsonable(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value
