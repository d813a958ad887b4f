"""Sources, reports, their claims and vectors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import bindparam, delete, func, insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from service.claims_codec import claim_field, claim_from_row, claim_payload
from service.domain import Claim as DomainClaim
from service.domain import Span
from service.models import Claim, EventMember, MatchDecision, Report, ReportVector, Source
from service.models.tables import utcnow
from service.repositories.core import table_of

_SOURCES = table_of(Source)
# Built once: statement construction cost more than SQLite's work for these per-report statements.
_SELECT_SOURCE = sa_select(_SOURCES.c.id, _SOURCES.c.source_type, _SOURCES.c.reliability).where(
    _SOURCES.c.name == bindparam("name")
)
_INSERT_SOURCE = insert(_SOURCES).returning(_SOURCES.c.id)
_SET_SOURCE_TYPE = update(_SOURCES).where(_SOURCES.c.id == bindparam("source_id"))


@dataclass(frozen=True, slots=True)
class SourceRef:
    """What ingest needs of a source: its id, and what its claims weigh (type, learned reliability)."""

    id: int
    source_type: str | None
    reliability: float | None


def source_for(session: Session, name: str, source_type: str | None) -> SourceRef:
    """The source called `name`, created if new; a type is recorded on a source without one.

    Plain statements: half the reports of a replay come from a source not seen before.
    """
    found = session.execute(_SELECT_SOURCE, {"name": name}).first()
    if found is None:
        values = {"name": name, "source_type": source_type, "created_at": utcnow()}
        return SourceRef(int(session.execute(_INSERT_SOURCE, values).scalar_one()), source_type, None)
    source_id, recorded_type, learned = found
    if source_type and recorded_type is None:
        session.execute(_SET_SOURCE_TYPE, {"source_id": source_id, "source_type": source_type})
        recorded_type = source_type
    return SourceRef(int(source_id), recorded_type, learned)


@dataclass(frozen=True, slots=True)
class ReportKey:
    """What makes a report a repeat: the same (source, id), or the same content from the same source."""

    source_id: int
    external_id: str
    content_hash: str


def stored_report_keys(session: Session, keys: Sequence[ReportKey]) -> dict[ReportKey, int]:
    """Stored reports that share a (source, id) or a (source, content) with `keys`, by their own key.

    One query for a whole batch; the caller matches on each half of the key.
    """
    if not keys:
        return {}
    rows = session.exec(
        select(Report.id, Report.source_id, Report.external_id, Report.content_hash).where(
            col(Report.source_id).in_({k.source_id for k in keys}),
            col(Report.external_id).in_({k.external_id for k in keys})
            | col(Report.content_hash).in_({k.content_hash for k in keys}),
        )
    ).all()
    return {
        ReportKey(source_id, external_id, content_hash): int(report_id)
        for report_id, source_id, external_id, content_hash in rows
        if report_id is not None
    }


_INSERT_REPORT = insert(table_of(Report)).returning(table_of(Report).c.id)


def add_report(session: Session, values: dict[str, Any]) -> int:
    """Insert a report (columns of `Report` by name); returns its id. A plain INSERT: ingest runs
    this for every report, and an ORM object with its flush costs more than the row."""
    return int(session.execute(_INSERT_REPORT, {"received_at": utcnow(), **values}).scalar_one())


def get_report(session: Session, report_id: int) -> Report | None:
    return session.get(Report, report_id)


def source_names(session: Session, source_ids: Sequence[int]) -> dict[int, str]:
    rows = session.exec(select(Source.id, Source.name).where(col(Source.id).in_(set(source_ids)))).all()
    return {int(source_id): name for source_id, name in rows if source_id is not None}


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A stored claim as plain values, for the hot paths that only read claims."""

    id: int
    report_id: int
    field: str
    payload: dict[str, Any]
    span: Span
    event_ref: int
    origin: str

    def typed(self) -> DomainClaim:
        return claim_from_row(self.field, self.payload, self.span, self.event_ref)


_CLAIM = table_of(Claim).c
# Built once: statement construction cost more than SQLite's work for these per-report queries.
_STORED_CLAIMS = (
    sa_select(
        _CLAIM.id,
        _CLAIM.report_id,
        _CLAIM.field,
        _CLAIM.payload,
        _CLAIM.span_start,
        _CLAIM.span_end,
        _CLAIM.quote,
        _CLAIM.event_ref,
        _CLAIM.origin,
    )
    .where(_CLAIM.report_id.in_(bindparam("report_ids", expanding=True)))
    .order_by(_CLAIM.id)
)


def stored_claims(session: Session, report_ids: Sequence[int]) -> list[StoredClaim]:
    """The claims of these reports in id order; lighter than `claims_of_reports` (no ORM objects)."""
    if not report_ids:
        return []
    rows = session.execute(_STORED_CLAIMS, {"report_ids": list(report_ids)}).all()
    return [
        StoredClaim(
            id=row.id,
            report_id=row.report_id,
            field=row.field,
            payload=row.payload,
            span=Span(row.span_start or 0, row.span_end or 0, row.quote or ""),
            event_ref=row.event_ref,
            origin=row.origin,
        )
        for row in rows
    ]


def claims_of_reports(session: Session, report_ids: Sequence[int]) -> list[Claim]:
    if not report_ids:
        return []
    return list(session.exec(select(Claim).where(col(Claim.report_id).in_(report_ids)).order_by(col(Claim.id))).all())


def match_decision_of(session: Session, report_id: int) -> MatchDecision | None:
    return session.exec(select(MatchDecision).where(MatchDecision.report_id == report_id)).first()


def event_of_report(session: Session, report_id: int) -> int | None:
    member = session.get(EventMember, report_id)
    return member.event_id if member else None


def events_of_reports(session: Session, report_ids: Sequence[int]) -> dict[int, int]:
    if not report_ids:
        return {}
    rows = session.exec(
        select(EventMember.report_id, EventMember.event_id).where(col(EventMember.report_id).in_(report_ids))
    ).all()
    return dict(rows)


_REPORT, _MEMBER = table_of(Report).c, table_of(EventMember).c
_REPORTS_NEAR = sa_select(_REPORT.id).where(
    _REPORT.event_date.between(bindparam("start"), bindparam("end")) | _REPORT.event_date.is_(None)
)
_PLACEMENTS = (
    sa_select(_REPORT.id, _REPORT.event_date, _MEMBER.event_id)
    .select_from(table_of(Report).outerjoin(table_of(EventMember), _MEMBER.report_id == _REPORT.id))
    .where(_REPORT.id.in_(bindparam("report_ids", expanding=True)))
)


def report_ids_near(session: Session, date: dt.date, days: int) -> list[int]:
    """Reports dated within `days` of `date`, and those with no date at all."""
    window = {"start": date - dt.timedelta(days=days), "end": date + dt.timedelta(days=days)}
    return [int(report_id) for report_id in session.execute(_REPORTS_NEAR, window).scalars()]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a stored report sits in time and in which event."""

    event_date: dt.date | None
    event_id: int | None


def placements(session: Session, report_ids: Sequence[int]) -> dict[int, Placement]:
    if not report_ids:
        return {}
    rows = session.execute(_PLACEMENTS, {"report_ids": list(set(report_ids))}).all()
    return {int(report_id): Placement(date, event_id) for report_id, date, event_id in rows}


def vector_row(report_id: int, fingerprint: str, vector: np.ndarray) -> dict[str, Any]:
    """The `report_vectors` columns of a report's embedding."""
    return {"report_id": report_id, "fingerprint": fingerprint, "vector": vector.astype(np.float32).tobytes()}


def store_vector(session: Session, report_id: int, fingerprint: str, vector: np.ndarray) -> None:
    session.add(ReportVector(**vector_row(report_id, fingerprint, vector)))


def vector_stats(session: Session, fingerprint: str) -> tuple[int, int]:
    """(count, max report id) of the stored vectors made with `fingerprint`."""
    count, max_id = session.exec(
        select(func.count(), func.max(ReportVector.report_id)).where(ReportVector.fingerprint == fingerprint)
    ).one()
    return int(count), int(max_id or 0)


def iter_vectors(session: Session, fingerprint: str, batch: int = 5000) -> Iterator[tuple[list[int], np.ndarray]]:
    """Stored vectors in id order, in batches (keyset paging keeps memory flat)."""
    after = 0
    while True:
        rows = session.exec(
            select(ReportVector.report_id, ReportVector.vector)
            .where(ReportVector.fingerprint == fingerprint, col(ReportVector.report_id) > after)
            .order_by(col(ReportVector.report_id))
            .limit(batch)
        ).all()
        if not rows:
            return
        ids = [int(r[0]) for r in rows]
        yield ids, np.stack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
        after = ids[-1]


def reports_without_vector(session: Session, fingerprint: str) -> list[Report]:
    have = select(ReportVector.report_id).where(ReportVector.fingerprint == fingerprint)
    return list(session.exec(select(Report).where(col(Report.id).not_in(have)).order_by(col(Report.id))).all())


def delete_vectors_not_matching(session: Session, fingerprint: str) -> None:
    for row in session.exec(select(ReportVector).where(ReportVector.fingerprint != fingerprint)).all():
        session.delete(row)


def reports_by_id(session: Session, report_ids: Sequence[int]) -> dict[int, Report]:
    if not report_ids:
        return {}
    rows = session.exec(select(Report).where(col(Report.id).in_(set(report_ids)))).all()
    return {r.id: r for r in rows if r.id is not None}


_INSERT_CLAIMS = insert(table_of(Claim)).returning(table_of(Claim).c.id, sort_by_parameter_order=True)


def store_claims(
    session: Session, report_id: int, tagged: Sequence[tuple[DomainClaim, str]], extractor_version: str
) -> list[StoredClaim]:
    """Insert a report's claims; `tagged` pairs each claim with its origin (extracted | given).
    Returns them as stored, in order, as `stored_claims` would read them back."""
    if not tagged:
        return []
    # One bulk INSERT: building an ORM object per claim cost more than the insert itself.
    rows: list[dict[str, Any]] = [
        {
            "report_id": report_id,
            "field": claim_field(claim),
            "payload": claim_payload(claim),
            "span_start": claim.span.start,
            "span_end": claim.span.end,
            "quote": claim.span.quote,
            "event_ref": claim.event_ref,
            "origin": origin,
            "extractor_version": extractor_version,
        }
        for claim, origin in tagged
    ]
    ids = session.execute(_INSERT_CLAIMS, rows).scalars().all()
    return [
        StoredClaim(
            id=int(claim_id),
            report_id=report_id,
            field=row["field"],
            payload=row["payload"],
            span=Span(row["span_start"] or 0, row["span_end"] or 0, row["quote"] or ""),
            event_ref=row["event_ref"],
            origin=row["origin"],
        )
        for claim_id, row in zip(ids, rows, strict=True)
    ]


def delete_extracted_claims(session: Session, report_ids: Sequence[int]) -> None:
    """Extracted claims are derived from the text and can be re-derived; given ones are kept."""
    session.execute(delete(Claim).where(col(Claim.report_id).in_(report_ids), col(Claim.origin) == "extracted"))


def report_batches(session: Session, batch: int = 200) -> Iterator[list[Report]]:
    after = 0
    while True:
        rows = list(session.exec(select(Report).where(col(Report.id) > after).order_by(col(Report.id)).limit(batch)))
        if not rows:
            return
        yield rows
        after = rows[-1].id or after


def count_reports(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(Report)).one())
