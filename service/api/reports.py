"""POST reports (single and batch), GET a report with its claims and match decision."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path, Response, status

from service.api.deps import PipelineDep, SessionDep
from service.errors import InvalidInput, PayloadTooLarge
from service.read import report_view
from service.schemas import MAX_ID, WORKED_EXAMPLE, BatchCreate, BatchResult, IngestResult, ReportCreate, ReportPublic

router = APIRouter(prefix="/v1/reports", tags=["reports"])


def _check_text_length(report: ReportCreate, limit: int, where: str) -> None:
    if len(report.text) > limit:
        raise InvalidInput(
            f"{where}text is {len(report.text)} characters; the limit is {limit}",
            {"field": f"{where}text", "limit": limit},
        )


@router.post(
    "",
    response_model=IngestResult,
    status_code=status.HTTP_201_CREATED,
    summary="Ingest one report",
    responses={200: {"description": "Already stored: the same report and event, nothing created"}},
)
def post_report(
    report: Annotated[ReportCreate, Body(openapi_examples={"worked example": {"value": WORKED_EXAMPLE}})],
    pipeline: PipelineDep,
    response: Response,
) -> IngestResult:
    """Store the report, match it to an event (or start one) and reconcile that event.

    201 when the report is new; 200 when this `(source, id)` or content was stored before.
    """
    _check_text_length(report, pipeline.settings.max_text_chars, "")
    [result] = pipeline.ingest([report])
    if not result.created:
        response.status_code = status.HTTP_200_OK
    return result


@router.post("/batch", response_model=BatchResult, summary="Ingest many reports, in order, all or none")
def post_batch(batch: BatchCreate, pipeline: PipelineDep) -> BatchResult:
    """Reports are matched in the order given, so a batch about one new event ends in one event."""
    if len(batch.reports) > pipeline.settings.max_batch_reports:
        raise PayloadTooLarge(
            f"batch holds {len(batch.reports)} reports; the limit is {pipeline.settings.max_batch_reports}",
            {"field": "reports", "limit": pipeline.settings.max_batch_reports},
        )
    for position, report in enumerate(batch.reports):
        _check_text_length(report, pipeline.settings.max_text_chars, f"reports.{position}.")
    return BatchResult(results=pipeline.ingest(batch.reports))


@router.get("/{report_id}", response_model=ReportPublic, summary="A report, its claims and its match decision")
def get_report(report_id: Annotated[int, Path(ge=1, le=MAX_ID)], session: SessionDep) -> ReportPublic:
    return report_view(session, report_id)
