"""Events, memberships, field decisions, match decisions and revisions."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, bindparam, delete, func, insert, or_, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from service.models import (
    Correction,
    Event,
    EventMember,
    EventRevision,
    FieldDecisionRow,
    FieldPin,
    MatchDecision,
    Report,
    Source,
)
from service.models.tables import utcnow
from service.repositories.core import insert_into, table_of


def get_event(session: Session, event_id: int) -> Event | None:
    return session.get(Event, event_id)


def create_event(session: Session, event_key: str | None, title: str | None) -> Event:
    event = Event(event_key=event_key, title=title or None)
    session.add(event)
    session.flush()
    return event


def add_member(session: Session, report_id: int, event_id: int, decision_id: int | None) -> None:
    # A plain INSERT: ingest runs this for every report, and an ORM object costs more than the row.
    values = {"report_id": report_id, "event_id": event_id, "decision_id": decision_id, "assigned_at": utcnow()}
    session.execute(_INSERT_MEMBER, values)


def member_report_ids(session: Session, event_id: int) -> list[int]:
    rows = session.exec(
        select(EventMember.report_id).where(EventMember.event_id == event_id).order_by(col(EventMember.report_id))
    ).all()
    return list(rows)


def member_ids_by_event(session: Session, event_ids: Sequence[int]) -> dict[int, list[int]]:
    members: dict[int, list[int]] = defaultdict(list)
    if event_ids:
        rows = session.exec(
            select(EventMember.event_id, EventMember.report_id)
            .where(col(EventMember.event_id).in_(event_ids))
            .order_by(col(EventMember.report_id))
        ).all()
        for event_id, report_id in rows:
            members[event_id].append(report_id)
    return members


def member_reports(session: Session, event_id: int) -> list[Report]:
    return list(
        session.exec(
            select(Report)
            .join(EventMember, col(EventMember.report_id) == col(Report.id))
            .where(EventMember.event_id == event_id)
            .order_by(col(Report.id))
        ).all()
    )


@dataclass(frozen=True, slots=True)
class MemberSummary:
    """What reconciliation needs of a member report, without its (long) text."""

    id: int
    source_id: int
    source: str  # the source's name
    title: str
    published_at: dt.date | None
    event_date: dt.date | None
    source_type: str | None = None  # wire, state_media, party...: weighs the source's figures
    source_reliability: float | None = None  # learned; outweighs the type's prior when set


_REPORTS, _MEMBERS, _SOURCES, _EVENTS = table_of(Report), table_of(EventMember), table_of(Source), table_of(Event)
# Built once: statement construction cost more than SQLite's work for these per-report queries.
_INSERT_MEMBER = insert(_MEMBERS)
_INSERT_MATCH_DECISION = insert(table_of(MatchDecision)).returning(table_of(MatchDecision).c.id)
_MEMBER_SUMMARIES = (
    sa_select(
        _REPORTS.c.id,
        _REPORTS.c.source_id,
        _SOURCES.c.name,
        _REPORTS.c.title,
        _REPORTS.c.published_at,
        _REPORTS.c.event_date,
        _SOURCES.c.source_type,
        _SOURCES.c.reliability,
    )
    .select_from(
        _REPORTS.join(_MEMBERS, _MEMBERS.c.report_id == _REPORTS.c.id).join(
            _SOURCES, _SOURCES.c.id == _REPORTS.c.source_id
        )
    )
    .where(_MEMBERS.c.event_id == bindparam("event_id"))
    .order_by(_REPORTS.c.id)
)
_EVENT_SUMMARIES = sa_select(
    _EVENTS.c.id,
    _EVENTS.c.status,
    _EVENTS.c.date,
    _EVENTS.c.country,
    _EVENTS.c.admin1,
    _EVENTS.c.place_name,
    _EVENTS.c.killed_low,
    _EVENTS.c.killed_high,
).where(_EVENTS.c.id.in_(bindparam("event_ids", expanding=True)))


def member_summaries(session: Session, event_id: int) -> list[MemberSummary]:
    rows = session.execute(_MEMBER_SUMMARIES, {"event_id": event_id}).all()
    return [MemberSummary(*row) for row in rows]


@dataclass(frozen=True, slots=True)
class EventSummary:
    """What the matcher reads of a candidate event: plain values, no ORM object to build."""

    id: int
    status: str
    date: dt.date | None
    country: str | None
    admin1: str | None
    place_name: str | None
    killed_low: int | None
    killed_high: int | None


def event_summaries(session: Session, event_ids: Sequence[int]) -> dict[int, EventSummary]:
    if not event_ids:
        return {}
    rows = session.execute(_EVENT_SUMMARIES, {"event_ids": list(set(event_ids))}).all()
    return {row[0]: EventSummary(*row) for row in rows}


@dataclass(slots=True)
class EventRow:
    """An `events` row as plain values. Ingest reads and writes events by plain statements: an ORM
    object costs a flush per change and an identity-map load per read, more than the row itself."""

    id: int | None  # None until inserted
    status: str = "active"
    merged_into: int | None = None
    event_key: str | None = None
    revision: int = 0
    report_count: int = 0
    title: str | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    place_name: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    perpetrator: str | None = None
    perpetrator_status: str | None = None
    killed: int | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    injured: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    created_at: dt.datetime = field(default_factory=utcnow)
    updated_at: dt.datetime = field(default_factory=utcnow)

    def values(self) -> dict[str, Any]:
        """Every column but the id, by name."""
        return {name: getattr(self, name) for name in _EVENT_VALUE_COLUMNS}


_EVENT_VALUE_COLUMNS = tuple(column.name for column in _EVENTS.c if column.name != "id")
_SELECT_EVENT_ROW = sa_select(_EVENTS).where(_EVENTS.c.id == bindparam("event_id"))
_SELECT_EVENT_ROW_BY_KEY = sa_select(_EVENTS).where(_EVENTS.c.event_key == bindparam("event_key"))
_INSERT_EVENT_ROW = insert(_EVENTS).returning(_EVENTS.c.id)
_UPDATE_EVENT_ROW = update(_EVENTS).where(_EVENTS.c.id == bindparam("event_id"))


def event_row(session: Session, event_id: int) -> EventRow | None:
    found = session.execute(_SELECT_EVENT_ROW, {"event_id": event_id}).first()
    return EventRow(**found._mapping) if found is not None else None


def event_row_by_key(session: Session, event_key: str) -> EventRow | None:
    """The event that holds this client key's reports now (following merges)."""
    found = session.execute(_SELECT_EVENT_ROW_BY_KEY, {"event_key": event_key}).first()
    event = EventRow(**found._mapping) if found is not None else None
    hops = 0
    while event is not None and event.merged_into is not None and hops < 100:
        event, hops = event_row(session, event.merged_into), hops + 1
    return event


def insert_event_row(session: Session, event: EventRow) -> int:
    """Insert a new event (`event.id` None); sets and returns its id."""
    event.id = int(session.execute(_INSERT_EVENT_ROW, event.values()).scalar_one())
    return event.id


def update_event_row(session: Session, event: EventRow, columns: Sequence[str]) -> None:
    """Write these columns of the event."""
    session.execute(_UPDATE_EVENT_ROW, {"event_id": event.id, **{name: getattr(event, name) for name in columns}})


def add_match_decision(session: Session, values: dict[str, Any]) -> int:
    """Insert a match decision (columns of `MatchDecision` by name); returns its id."""
    inserted = session.execute(_INSERT_MATCH_DECISION, {"created_at": utcnow(), **values}).scalar_one()
    return int(inserted)


def match_decisions_of(session: Session, report_ids: Sequence[int]) -> dict[int, MatchDecision]:
    if not report_ids:
        return {}
    rows = session.exec(select(MatchDecision).where(col(MatchDecision.report_id).in_(report_ids))).all()
    return {d.report_id: d for d in rows}


def field_decisions(session: Session, event_id: int) -> list[FieldDecisionRow]:
    return list(
        session.exec(
            select(FieldDecisionRow).where(FieldDecisionRow.event_id == event_id).order_by(col(FieldDecisionRow.field))
        ).all()
    )


def field_decisions_by_event(session: Session, event_ids: Sequence[int]) -> dict[int, list[FieldDecisionRow]]:
    decisions: dict[int, list[FieldDecisionRow]] = defaultdict(list)
    if event_ids:
        rows = session.exec(
            select(FieldDecisionRow)
            .where(col(FieldDecisionRow.event_id).in_(event_ids))
            .order_by(col(FieldDecisionRow.field))
        ).all()
        for row in rows:
            decisions[row.event_id].append(row)
    return decisions


def replace_field_decisions(session: Session, event_id: int, rows: Sequence[dict[str, Any]]) -> None:
    """Field decisions are current derived state: the new set replaces the old one.

    Two statements, not an ORM object per field: this runs for every report ingested. The DELETE
    is ORM-enabled, so rows of the event already loaded in the session are marked deleted too.
    """
    session.execute(delete(FieldDecisionRow).where(col(FieldDecisionRow.event_id) == event_id))
    if rows:
        session.execute(insert_into(FieldDecisionRow), list(rows))


def replace_field_decisions_of(session: Session, rows_by_event: dict[int, list[dict[str, Any]]]) -> None:
    """`replace_field_decisions` for many events at once: one DELETE and one INSERT."""
    if not rows_by_event:
        return
    session.execute(delete(FieldDecisionRow).where(col(FieldDecisionRow.event_id).in_(rows_by_event)))
    if rows := [row for event_rows in rows_by_event.values() for row in event_rows]:
        session.execute(insert_into(FieldDecisionRow), rows)


def next_revision(session: Session, event_id: int) -> int:
    latest = session.exec(select(func.max(EventRevision.revision)).where(EventRevision.event_id == event_id)).one()
    return int(latest or 0) + 1


def add_revision(session: Session, revision: EventRevision) -> None:
    session.add(revision)


def revisions(session: Session, event_id: int) -> list[EventRevision]:
    return list(
        session.exec(
            select(EventRevision).where(EventRevision.event_id == event_id).order_by(col(EventRevision.revision))
        ).all()
    )


def revision_as_of(session: Session, event_id: int, as_of: dt.datetime) -> EventRevision | None:
    return session.exec(
        select(EventRevision)
        .where(EventRevision.event_id == event_id, col(EventRevision.created_at) <= as_of)
        .order_by(col(EventRevision.revision).desc())
        .limit(1)
    ).first()


@dataclass(frozen=True)
class EventFilters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    place: str | None = None
    event_type: str | None = None
    actor: str | None = None
    text: str | None = None


def list_events(session: Session, filters: EventFilters, limit: int, offset: int) -> tuple[list[Event], int]:
    """Active events matching every given filter, newest event date first, with the total count."""
    conditions: list[Any] = [Event.status == "active"]
    if filters.date_from:
        conditions.append(col(Event.date) >= filters.date_from)
    if filters.date_to:
        conditions.append(col(Event.date) <= filters.date_to)
    if filters.country:
        conditions.append(func.lower(col(Event.country)) == filters.country.lower())
    if filters.place:
        pattern = f"%{filters.place.lower()}%"
        conditions.append(
            or_(func.lower(col(Event.place_name)).like(pattern), func.lower(col(Event.admin1)).like(pattern))
        )
    if filters.event_type:
        conditions.append(func.lower(col(Event.event_type)) == filters.event_type.lower())
    if filters.actor:
        conditions.append(func.lower(col(Event.perpetrator)).like(f"%{filters.actor.lower()}%"))
    if filters.text:
        matching_reports = (
            select(EventMember.event_id)
            .join(Report, col(Report.id) == col(EventMember.report_id))
            .where(
                or_(
                    func.lower(col(Report.title)).like(f"%{filters.text.lower()}%"),
                    func.lower(col(Report.text)).like(f"%{filters.text.lower()}%"),
                )
            )
        )
        conditions.append(col(Event.id).in_(matching_reports))
    total = session.exec(select(func.count()).select_from(Event).where(*conditions)).one()
    rows = session.exec(
        select(Event)
        .where(*conditions)
        .order_by(col(Event.date).desc(), col(Event.id).desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return list(rows), int(total)


def _latest_members_at_place(by_country: bool) -> Select[tuple[int, int]]:
    """Members of the latest active events at a place (`place`, lower-cased) dated in [start, end]."""
    events = _EVENTS.c
    latest = sa_select(events.id).where(
        events.status == "active",
        func.lower(events.place_name) == bindparam("place"),  # served by ix_events_place_date
        events.date >= bindparam("start"),
        events.date <= bindparam("end"),
    )
    if by_country:
        latest = latest.where(func.lower(events.country) == bindparam("country"))
    latest = latest.order_by(events.date.desc(), events.id.desc()).limit(bindparam("limit"))
    return (
        sa_select(_MEMBERS.c.event_id, _MEMBERS.c.report_id)
        .where(_MEMBERS.c.event_id.in_(latest.scalar_subquery()))
        .order_by(_MEMBERS.c.report_id)
    )


_LATEST_MEMBERS_AT_PLACE = {by_country: _latest_members_at_place(by_country) for by_country in (False, True)}


def latest_members_at_place(
    session: Session, place_name: str, country: str | None, start: dt.date, end: dt.date, limit: int
) -> dict[int, list[int]]:
    """Member report ids (ascending) of the `limit` most recent active events at this normalised place
    dated in [start, end]."""
    parameters = {"place": place_name.casefold(), "start": start, "end": end, "limit": limit}
    if country:
        parameters["country"] = country.casefold()
    rows = session.execute(_LATEST_MEMBERS_AT_PLACE[bool(country)], parameters).all()
    members: dict[int, list[int]] = defaultdict(list)
    for event_id, report_id in rows:
        members[event_id].append(report_id)
    return members


def pins_of(session: Session, event_id: int) -> list[FieldPin]:
    return list(session.exec(select(FieldPin).where(FieldPin.event_id == event_id).order_by(col(FieldPin.field))).all())


def pinned_event_ids(session: Session) -> list[int]:
    return list(session.exec(select(FieldPin.event_id).distinct()).all())


def pin(session: Session, event_id: int, field: str) -> FieldPin | None:
    return session.exec(select(FieldPin).where(FieldPin.event_id == event_id, FieldPin.field == field)).first()


def move_members(session: Session, from_event: int, to_event: int) -> None:
    for member in session.exec(select(EventMember).where(EventMember.event_id == from_event)).all():
        member.event_id = to_event
        session.add(member)


def membership(session: Session, report_id: int) -> EventMember | None:
    return session.get(EventMember, report_id)


def add_correction(session: Session, correction: Correction) -> None:
    session.add(correction)


def changes_after(session: Session, cursor: int, limit: int) -> list[EventRevision]:
    return list(
        session.exec(
            select(EventRevision).where(col(EventRevision.id) > cursor).order_by(col(EventRevision.id)).limit(limit)
        ).all()
    )


def review_queue(session: Session, limit: int, offset: int) -> tuple[list[MatchDecision], int]:
    """needs_review decisions an analyst has not yet confirmed or corrected."""
    handled = select(Correction.report_id).where(col(Correction.report_id).is_not(None))
    conditions: list[Any] = [MatchDecision.outcome == "needs_review", col(MatchDecision.report_id).not_in(handled)]
    total = session.exec(select(func.count()).select_from(MatchDecision).where(*conditions)).one()
    rows = session.exec(
        select(MatchDecision).where(*conditions).order_by(col(MatchDecision.id)).limit(limit).offset(offset)
    ).all()
    return list(rows), int(total)
