"""Re-derive everything that comes from the text: claims, then every event's fields.

Run after the extractor improves. Memberships and pins are not touched, so analysts' merges,
detachments and pinned values survive; each event that changes gets a `reprocessed` revision.
`learn_reliability` re-derives events too, after re-estimating what each source's word is worth.
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
from service.reconciliation.reliability import ClaimRecord, reliability
from service.repositories import events as event_repo
from service.repositories import reports as report_repo
from service.repositories import sources as source_repo

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
    _refresh_events(engine, touched, "reprocessed", show_progress)
    return ReprocessStats(reports, claims, len(touched))


def _refresh_events(engine: Engine, event_ids: set[int], kind: str, show_progress: bool) -> None:
    for event_id in tqdm(sorted(event_ids), desc="reconciling", unit="event", disable=not show_progress):
        with Session(engine) as session, session.begin():
            lock_for_matching(session)
            event = event_repo.get_event(session, event_id)
            if event is not None and event.status == "active":
                refresh_event(session, event, kind, None)


# A source's reliability that moves less than this in a round is settled.
RELIABILITY_TOLERANCE = 0.01


@dataclass(frozen=True)
class ReliabilityStats:
    rounds: int
    sources: int  # sources whose stored reliability changed
    events: int  # events re-derived under the new weights


def learn_reliability(engine: Engine, max_rounds: int = 5, *, show_progress: bool = False) -> ReliabilityStats:
    """Truth discovery as CRH alternates it: estimate each source's reliability from how its figures agree with
    the reconciled values, store it, re-derive the events of the sources whose weight moved, and repeat until
    no weight moves by more than RELIABILITY_TOLERANCE or `max_rounds` have run.

    Reconciliation weighs a source's claims by the stored value from then on (`Evidence.weight`), in place of
    the prior for its type. Each re-derived event that changes gets a `reweighted` revision. A server that is
    running keeps the weights it read for sources it has cached until it restarts; events it re-derives read
    them afresh.
    """
    moved_sources: set[int] = set()
    refreshed: set[int] = set()
    rounds = 0
    while rounds < max_rounds:
        rounds += 1
        with Session(engine) as session, session.begin():
            lock_for_matching(session)
            sources = source_repo.all_sources(session)
            records = source_repo.claim_records(session, [s.id for s in sources if s.id is not None])
            moved: dict[int, float] = {}
            for source in sources:
                assert source.id is not None
                value = reliability(records.get(source.id, ClaimRecord()), source.source_type).value
                if source.reliability is None or abs(source.reliability - value) > RELIABILITY_TOLERANCE:
                    moved[source.id] = value
            if not moved:
                break
            source_repo.set_reliabilities(session, moved)
            reports = source_repo.report_ids_of_sources(session, list(moved))
            events = set(report_repo.events_of_reports(session, reports).values()) if reports else set()
        moved_sources.update(moved)
        refreshed.update(events)
        _refresh_events(engine, events, "reweighted", show_progress)
    return ReliabilityStats(rounds, len(moved_sources), len(refreshed))
