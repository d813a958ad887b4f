"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import text
from sqlmodel import Session

from service.errors import NotReady

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Database reachable, encoder and index loaded")
def readyz(request: Request) -> dict[str, object]:
    pipeline = getattr(request.app.state, "pipeline", None)
    if pipeline is None:
        raise NotReady("service is starting")
    try:
        with Session(request.app.state.engine) as session:
            session.execute(text("SELECT 1"))
    except Exception as error:
        raise NotReady(f"database unreachable: {type(error).__name__}") from error
    return {"status": "ready", "indexed_reports": len(pipeline.index), "encoder": pipeline.encoder.fingerprint}
