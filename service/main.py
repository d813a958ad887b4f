"""create_app() and the lifespan: engine, encoder, vector index and pipeline -> app state."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI

from embeddings.encoder import SentenceEncoder, TextEncoder, resolve_dtype
from service.api import corrections, events, health, reports, sources
from service.api import errors as error_handlers
from service.config import Settings, get_settings
from service.db import make_engine, migrate
from service.index_sync import load_or_rebuild
from service.ingest import Pipeline

log = logging.getLogger(__name__)

DESCRIPTION = """
Concord turns a stream of news reports about violent and political events into one canonical record
per real-world event, with low / best / high figures and, for every figure, the claims behind it.

POST reports to `/v1/reports`; read events at `/v1/events`; audit any event at `/v1/events/{id}/provenance`.
"""


def default_encoder(settings: Settings) -> TextEncoder:
    return SentenceEncoder(dtype=resolve_dtype(settings.embedding_dtype), batch_size=settings.embedding_batch_size)


def create_app(
    settings: Settings | None = None, encoder_factory: Callable[[Settings], TextEncoder] = default_encoder
) -> FastAPI:
    """The API, wired to its database, encoder and index when the lifespan starts."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        url = settings.resolved_database_url
        migrate(url)
        engine = make_engine(url)
        encoder = encoder_factory(settings)
        index = load_or_rebuild(engine, encoder, settings)
        app.state.settings = settings
        app.state.engine = engine
        app.state.pipeline = Pipeline(engine, encoder, index, settings)
        app.state.pipeline.warm_up()  # the gazetteer takes seconds to load: not inside the first request
        log.info("ready: %d vectors indexed, encoder %s", len(index), encoder.fingerprint)
        try:
            yield
        finally:
            app.state.pipeline.save_index()
            engine.dispose()

    app = FastAPI(
        title="Concord",
        version="0.1.0",
        summary="Multi-source event deduplication and reconciliation",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    error_handlers.install(app, settings)
    app.include_router(health.router)
    app.include_router(reports.router)
    app.include_router(events.router)
    app.include_router(corrections.router)
    app.include_router(sources.router)
    return app
