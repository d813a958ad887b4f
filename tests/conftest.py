"""Fixtures: a fresh database per test (SQLite, and PostgreSQL where it answers), a test client."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from embeddings.encoder import TextEncoder
from service.config import Settings
from service.main import create_app
from tests.fakes import HashingEncoder

POSTGRES_SERVER_URL = os.environ.get("CONCORD_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _postgres_answers() -> bool:
    try:
        engine = sa.create_engine(POSTGRES_SERVER_URL, connect_args={"connect_timeout": 2})
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


POSTGRES_AVAILABLE = _postgres_answers()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A database of this test session's own on the server, dropped at the end: concurrent runs and
    whatever the server's `test` database holds are left alone."""
    if not POSTGRES_AVAILABLE:
        pytest.skip(f"PostgreSQL does not answer at {POSTGRES_SERVER_URL}")
    name = f"concord_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_SERVER_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield str(sa.make_url(POSTGRES_SERVER_URL).set(database=name))
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def reset_postgres(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'concord.db'}"
    url: str = request.getfixturevalue("postgres_url")
    reset_postgres(url)
    return url


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=database_url)


@pytest.fixture(scope="session")
def real_encoder() -> TextEncoder:
    from embeddings.encoder import SentenceEncoder

    return SentenceEncoder()


@pytest.fixture
def make_client(settings: Settings) -> Iterator[Callable[..., TestClient]]:
    """Start the app (lifespan included) with the given encoder; closes every client it made."""
    clients: list[TestClient] = []

    def make(encoder: TextEncoder | None = None, app_settings: Settings | None = None) -> TestClient:
        chosen = encoder or HashingEncoder()
        client = TestClient(create_app(app_settings or settings, encoder_factory=lambda _s: chosen))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
