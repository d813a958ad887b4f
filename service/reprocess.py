"""Re-derive everything that comes from the text: claims, then every event's fields.

Run after the extractor improves. Memberships and pins are not touched, so analysts' merges,
detachments and pinned values survive; each event that changes gets a `reprocessed` revision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session
from tqdm import tqdm

from service.db import lock_for_matching
from service.domain import Extraction, report_document
from service.event_state import refresh_event
from service.extraction import extract
from service.repositories import events as event_repo
from service.repositories import reports as report_repo

Extractor = Callable[[str, dt.date | None], Extraction]


@dataclass(frozen=True)
class ReprocessStats:
    reports: int
    claims: int
    events: int


def reprocess(
    engine: Engine,
    extractor_version: str,
    *,
    extractor: Extractor = extract,
    batch: int = 200,
    show_progress: bool = False,
) -> ReprocessStats:
    """Replace every report's extracted claims with the current extractor's, then refresh their events."""
    reports = claims = 0
    touched: set[int] = set()
    with Session(engine) as reader:
        total = report_repo.count_reports(reader)
        progress = tqdm(total=total, desc="re-extracting", unit="report", disable=not show_progress)
        for chunk in report_repo.report_batches(reader, batch):
            extracted = [(r, extractor(report_document(r.title, r.text), r.published_at)) for r in chunk]
            with Session(engine) as session, session.begin():
                lock_for_matching(session)
                ids = [r.id for r, _ in extracted if r.id is not None]
                report_repo.delete_extracted_claims(session, ids)
                for report, extraction in extracted:
                    assert report.id is not None
                    found = extraction.claims()
                    report_repo.store_claims(session, report.id, [(c, "extracted") for c in found], extractor_version)
                    claims += len(found)
                touched.update(report_repo.events_of_reports(session, ids).values())
            reports += len(chunk)
            progress.update(len(chunk))
        progress.close()
    for event_id in tqdm(sorted(touched), desc="reconciling", unit="event", disable=not show_progress):
        with Session(engine) as session, session.begin():
            lock_for_matching(session)
            event = event_repo.get_event(session, event_id)
            if event is not None and event.status == "active":
                refresh_event(session, event, "reprocessed", None)
    return ReprocessStats(reports, claims, len(touched))
