"""The schema comes only from migrations, and the models hold nothing the migrations lack."""

from __future__ import annotations

import warnings

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import service.models  # noqa: F401
from service.db import make_engine, migrate


def test_upgrade_head_builds_every_table_and_autogenerate_finds_nothing(database_url: str) -> None:
    migrate(database_url)
    engine = make_engine(database_url)
    with engine.connect() as connection:
        tables = set(sa.inspect(connection).get_table_names())
        assert set(SQLModel.metadata.tables) <= tables
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        with warnings.catch_warnings():
            # SQLite cannot reflect an expression index (events by lower(place_name)); PostgreSQL
            # compares it like any other.
            warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
            warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression-based index")
            assert compare_metadata(context, SQLModel.metadata) == []
    engine.dispose()


def test_upgrade_is_idempotent(database_url: str) -> None:
    migrate(database_url)
    migrate(database_url)
