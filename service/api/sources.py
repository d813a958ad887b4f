"""Sources and their learned reliability."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from service.api.deps import SessionDep
from service.read import source_page, source_view
from service.schemas import MAX_OFFSET, SourcePage, SourcePublic

router = APIRouter(prefix="/v1/sources", tags=["sources"])


@router.get("", response_model=SourcePage, summary="Sources with their reliability and the evidence for it")
def list_sources(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> SourcePage:
    return source_page(session, limit, offset)


@router.get("/{name}", response_model=SourcePublic, summary="One source")
def get_source(name: Annotated[str, Path(min_length=1, max_length=200)], session: SessionDep) -> SourcePublic:
    return source_view(session, name)
