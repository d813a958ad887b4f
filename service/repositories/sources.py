"""Sources and the evidence for their reliability."""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from service.models import Claim, FieldDecisionRow, Report, Source
from service.reconciliation.reliability import ClaimRecord

FIGURE_FIELDS = ("killed", "injured", "missing", "kidnapped", "arrested")


def list_sources(session: Session, limit: int, offset: int) -> tuple[list[Source], int]:
    total = session.exec(select(func.count()).select_from(Source)).one()
    rows = session.exec(select(Source).order_by(col(Source.name)).limit(limit).offset(offset)).all()
    return list(rows), int(total)


def source_by_name(session: Session, name: str) -> Source | None:
    return session.exec(select(Source).where(Source.name == name)).first()


def report_counts(session: Session, source_ids: list[int]) -> dict[int, int]:
    rows = session.exec(
        select(Report.source_id, func.count())
        .where(col(Report.source_id).in_(source_ids))
        .group_by(col(Report.source_id))
    ).all()
    return {int(source_id): int(count) for source_id, count in rows}


def claim_records(session: Session, source_ids: list[int]) -> dict[int, ClaimRecord]:
    """How each source's figure claims fared in the current field decisions of their events."""
    claim_source = dict(
        session.exec(
            select(Claim.id, Report.source_id)
            .join(Report, col(Report.id) == col(Claim.report_id))
            .where(col(Report.source_id).in_(source_ids), col(Claim.field).in_(FIGURE_FIELDS), Claim.event_ref == 0)
        ).all()
    )
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    if claim_source:
        decisions = session.exec(select(FieldDecisionRow).where(col(FieldDecisionRow.field).in_(FIGURE_FIELDS))).all()
        for decision in decisions:
            for role, claim_ids in (
                ("agreed", decision.supporting),
                ("conflicted", decision.conflicting),
                ("superseded", decision.superseded),
            ):
                for claim_id in claim_ids:
                    if (source_id := claim_source.get(claim_id)) is not None:
                        counts[source_id][role] += 1
    return {source_id: ClaimRecord(c["agreed"], c["conflicted"], c["superseded"]) for source_id, c in counts.items()}


def all_sources(session: Session) -> list[Source]:
    return list(session.exec(select(Source).order_by(col(Source.id))).all())


def set_reliabilities(session: Session, values: dict[int, float]) -> None:
    for source_id, value in values.items():
        session.execute(update(Source).where(col(Source.id) == source_id).values(reliability=value))


def report_ids_of_sources(session: Session, source_ids: list[int]) -> list[int]:
    rows = session.exec(select(Report.id).where(col(Report.source_id).in_(source_ids))).all()
    return [int(report_id) for report_id in rows if report_id is not None]
