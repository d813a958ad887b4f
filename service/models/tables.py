"""The tables. Reports, claims, match decisions and revisions are append-only; events and their
field decisions are the current derived state, rebuilt from claims by reconciliation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, LargeBinary, MetaData, UniqueConstraint, text
from sqlmodel import Field, SQLModel

# Named constraints, so Alembic can drop or alter them on every backend.
SQLModel.metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _timestamp() -> Any:
    return Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


def _json(nullable: bool = False) -> Any:
    return Field(default=None, sa_column=Column(JSON, nullable=nullable))


class Source(SQLModel, table=True):
    __tablename__ = "sources"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    source_type: str | None = Field(default=None, max_length=40)
    # Learned by `concord learn-reliability`; reconciliation weighs the source by it (else by its type's prior).
    reliability: float | None = Field(default=None)
    created_at: dt.datetime = _timestamp()


class Report(SQLModel, table=True):
    """One article as received. Never updated after insert."""

    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("source_id", "external_id", name="uq_reports_source_external"),
        UniqueConstraint("source_id", "content_hash", name="uq_reports_source_content"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="sources.id", index=True)
    external_id: str = Field(max_length=300)
    content_hash: str = Field(max_length=64)
    title: str
    text: str
    url: str | None = Field(default=None, max_length=2000)
    published_at: dt.date | None = None
    language: str = Field(default="en", max_length=12)
    event_key: str | None = Field(default=None, index=True, max_length=300)
    # Derived once at ingest from the text (or the publication date): drives the matching window.
    event_date: dt.date | None = Field(default=None, index=True)
    received_at: dt.datetime = _timestamp()


class ReportVector(SQLModel, table=True):
    """The report's embedding, so the FAISS index can be rebuilt without re-encoding."""

    __tablename__ = "report_vectors"

    report_id: int = Field(foreign_key="reports.id", primary_key=True)
    fingerprint: str = Field(max_length=200)
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Claim(SQLModel, table=True):
    """One statement of a report about one event (event_ref 0: the report's main event)."""

    __tablename__ = "claims"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="reports.id", index=True)
    field: str = Field(max_length=40)  # killed, injured, ..., perpetrator, place, date, event_type
    payload: dict[str, Any] = _json()
    span_start: int | None = None
    span_end: int | None = None
    quote: str | None = None
    event_ref: int = 0
    origin: str = Field(default="extracted", max_length=20)  # extracted | given
    extractor_version: str = Field(max_length=40)


class Event(SQLModel, table=True):
    """The canonical record. Reconciled fields are denormalised here for listing and filters."""

    __tablename__ = "events"
    # The matcher's lookup of the latest events at a place (migration 0003).
    __table_args__ = (Index("ix_events_place_date", text("lower(place_name)"), "date"),)

    id: int | None = Field(default=None, primary_key=True)
    status: str = Field(default="active", max_length=20)  # active | merged
    merged_into: int | None = Field(default=None, foreign_key="events.id")
    event_key: str | None = Field(default=None, unique=True, max_length=300)
    revision: int = 0
    report_count: int = 0
    title: str | None = None
    date: dt.date | None = Field(default=None, index=True)
    date_precision: str | None = Field(default=None, max_length=10)
    place_name: str | None = Field(default=None, max_length=200)
    admin1: str | None = Field(default=None, max_length=200)
    country: str | None = Field(default=None, index=True, max_length=100)
    lat: float | None = None
    lon: float | None = None
    event_type: str | None = Field(default=None, index=True, max_length=60)
    sub_event_type: str | None = Field(default=None, max_length=80)
    perpetrator: str | None = Field(default=None, index=True, max_length=200)
    perpetrator_status: str | None = Field(default=None, max_length=20)
    killed: int | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    injured: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    created_at: dt.datetime = _timestamp()
    updated_at: dt.datetime = _timestamp()


class EventMember(SQLModel, table=True):
    """Which event a report belongs to now (reports stay immutable; membership can be corrected)."""

    __tablename__ = "event_members"

    report_id: int = Field(foreign_key="reports.id", primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    decision_id: int | None = Field(default=None, foreign_key="match_decisions.id")
    assigned_at: dt.datetime = _timestamp()


class FieldDecisionRow(SQLModel, table=True):
    """The current value of one canonical field and the claims behind it."""

    __tablename__ = "field_decisions"
    __table_args__ = (UniqueConstraint("event_id", "field", name="uq_field_decisions_event_field"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    field: str = Field(max_length=40)
    value: dict[str, Any] | None = _json(nullable=True)
    rule: str = Field(max_length=80)
    supporting: list[int] = _json()
    conflicting: list[int] = _json()
    superseded: list[int] = _json()
    note: str | None = None
    revision: int = 0


class MatchDecision(SQLModel, table=True):
    """Why a report went where it went: candidates, their scores and features, the outcome."""

    __tablename__ = "match_decisions"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="reports.id", unique=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    outcome: str = Field(max_length=20)  # joined | new_event | needs_review | event_key
    score: float | None = None
    candidates: list[dict[str, Any]] = _json()
    thresholds: dict[str, Any] = _json()
    matcher_version: str = Field(max_length=40)
    created_at: dt.datetime = _timestamp()


class EventRevision(SQLModel, table=True):
    """Append-only: every change to an event, with the event as it stood after the change."""

    __tablename__ = "event_revisions"
    __table_args__ = (UniqueConstraint("event_id", "revision", name="uq_event_revisions_event_revision"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    revision: int
    kind: str = Field(max_length=30)  # created | report_attached | ...
    report_id: int | None = Field(default=None, foreign_key="reports.id")
    changes: dict[str, Any] = _json()  # field -> [old, new]
    snapshot: dict[str, Any] = _json()
    created_at: dt.datetime = _timestamp()


class FieldPin(SQLModel, table=True):
    """An analyst's fixed value for one field of one event; it wins over reconciliation until removed."""

    __tablename__ = "field_pins"
    __table_args__ = (UniqueConstraint("event_id", "field", name="uq_field_pins_event_field"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    field: str = Field(max_length=40)
    value: dict[str, Any] = _json()
    reason: str
    analyst: str | None = Field(default=None, max_length=200)
    created_at: dt.datetime = _timestamp()


class Correction(SQLModel, table=True):
    """Append-only log of analyst corrections (merge, detach, pin, unpin), each with its reason."""

    __tablename__ = "corrections"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)  # merge | detach | pin | unpin
    event_id: int = Field(foreign_key="events.id", index=True)
    other_event_id: int | None = Field(default=None, foreign_key="events.id")
    report_id: int | None = Field(default=None, foreign_key="reports.id")
    field: str | None = Field(default=None, max_length=40)
    reason: str
    analyst: str | None = Field(default=None, max_length=200)
    created_at: dt.datetime = _timestamp()
