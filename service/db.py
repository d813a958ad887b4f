"""Engine factory, migrations and the per-request session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, event, text
from sqlmodel import Session, create_engine

import migrations

# An importable package, so installed copies (the Docker image) find the scripts as well as a checkout.
MIGRATIONS_DIR = Path(migrations.__file__).resolve().parent


def _ensure_sqlite_folder(url: str) -> None:
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else ""
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)


def make_engine(url: str) -> Engine:
    """An engine for SQLite (WAL, foreign keys on, waits on locks) or PostgreSQL."""
    if url.startswith("sqlite"):
        _ensure_sqlite_folder(url)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(url: str) -> None:
    """Bring the schema to the newest migration; the only way tables are ever created."""
    _ensure_sqlite_folder(url)
    command.upgrade(alembic_config(url), "head")


# Any constant: one PostgreSQL advisory lock serialises matching and corrections across processes.
MATCHING_LOCK_KEY = 7_318_204


def lock_for_matching(session: Session) -> None:
    """Hold the matching lock until the transaction ends (PostgreSQL; SQLite serialises writers itself)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MATCHING_LOCK_KEY})


def session_scope(engine: Engine) -> Iterator[Session]:
    """One session per request: commit on success, roll back on error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise
