"""Plain Core statements for the write paths that run for every report ingested."""

from __future__ import annotations

from sqlalchemy import Insert, Table, insert
from sqlmodel import SQLModel


def table_of(model: type[SQLModel]) -> Table:
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


def insert_into(model: type[SQLModel]) -> Insert:
    """An INSERT on the model's table rather than on the ORM entity: the same SQL, without the
    ORM's per-row bulk-persistence bookkeeping (half the cost of ingest's writes). Python-side
    defaults such as timestamps are not applied: the caller passes every non-null column."""
    return insert(table_of(model))
