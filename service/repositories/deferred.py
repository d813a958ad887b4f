"""Rows that nothing reads before an ingest batch commits, written in bulk at its end."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, SQLModel

from service.repositories import events as event_repo
from service.repositories.core import insert_into


@dataclass
class DeferredWrites:
    """Ingest writes a vector, a revision and the event's field decisions for every report. Matching
    the next report reads none of them, so they wait for the end of the batch: one statement per
    table per batch instead of one per report. An event's field decisions are current state, so
    only its latest set is written.
    """

    # Events with analyst pins when the batch began. Pins change only under the ingest lock, so
    # this holds through the batch and an event without pins needs no lookup.
    pinned_events: frozenset[int] = frozenset()
    rows: dict[type[SQLModel], list[dict[str, Any]]] = field(default_factory=dict)  # per table, in order
    field_decisions: dict[int, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def for_batch(cls, session: Session) -> DeferredWrites:
        return cls(pinned_events=frozenset(event_repo.pinned_event_ids(session)))

    def add(self, table: type[SQLModel], values: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(values)

    def replace_field_decisions(self, event_id: int, rows: list[dict[str, Any]]) -> None:
        self.field_decisions[event_id] = rows

    def write(self, session: Session) -> None:
        event_repo.replace_field_decisions_of(session, self.field_decisions)
        # Plain executemany INSERTs: ORM objects whose ids are never read would cost a statement each.
        for table, rows in self.rows.items():
            session.execute(insert_into(table), rows)
        self.rows.clear()
        self.field_decisions.clear()
