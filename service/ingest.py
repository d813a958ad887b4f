"""The one pipeline: store report -> extract -> embed -> candidates -> decide -> reconcile -> index.

Expensive, pure work (extraction, embedding) happens before the critical section. Matching and
writing happen under one lock (a process lock, plus an advisory lock on PostgreSQL), so reports
that arrive together about a new event see each other and end in one event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import Engine, text
from sqlmodel import Session

from embeddings.encoder import TextEncoder
from embeddings.index import VectorIndex
from service.claims_codec import claim_field, claim_payload
from service.config import Settings
from service.domain import (
    AttributionStatus,
    Claim,
    Extraction,
    FigureClaim,
    FigureKind,
    PerpetratorClaim,
    Qualifier,
    Span,
    report_document,
)
from service.event_state import refresh_event
from service.extraction import extract
from service.matching import CandidateEvent, MatchResult, Outcome, ReportProfile, Thresholds, decide
from service.matching.decide import MATCHER_VERSION
from service.models import Claim as ClaimRow
from service.models import Event, MatchDecision, Report
from service.repositories import events as event_repo
from service.repositories import reports as report_repo
from service.schemas import GivenClaim, IngestResult, ReportCreate

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "rules/v1"
LEAD_CHARS = 600
PG_INGEST_LOCK = 7_318_204  # any constant: one advisory lock serialises matching across processes


def content_hash(title: str, text: str) -> str:
    normalised = " ".join(f"{title}\n{text}".split()).casefold()
    return hashlib.sha256(normalised.encode()).hexdigest()


def event_description(title: str, text: str) -> str:
    """Headline and lead: what the event is, without the boilerplate further down the page."""
    lead = " ".join(text.split())[:LEAD_CHARS]
    return f"{title.strip()}. {lead}" if title.strip() and not lead.startswith(title.strip()) else lead


def given_claim(given: GivenClaim) -> Claim:
    span = Span(0, 0, given.quote or "")
    if given.field == "perpetrator":
        return PerpetratorClaim(actor=given.actor or "unknown", status=AttributionStatus(given.status or "unknown"), span=span)
    low = given.low if given.low is not None else 0
    return FigureClaim(FigureKind(given.field), low, given.high, Qualifier(given.qualifier), span, subgroup=given.subgroup)


@dataclass
class PreparedReport:
    item: ReportCreate
    content_hash: str
    extraction: Extraction
    given: list[Claim]
    event_date: dt.date | None
    description: str


def prepare(item: ReportCreate) -> PreparedReport:
    """The pure part of ingest: read the claims out of the text."""
    document = report_document(item.title, item.text)
    try:
        extraction = extract(document, item.published_at)
    except Exception:  # extraction is re-derivable; a bug there must not lose the report
        log.exception("extraction failed for report %s/%s", item.source, item.id)
        extraction = Extraction()
    main_date = extraction.main_date()
    return PreparedReport(
        item=item,
        content_hash=content_hash(item.title, item.text),
        extraction=extraction,
        given=[given_claim(g) for g in item.claims],
        event_date=main_date.date if main_date else item.published_at,
        description=event_description(item.title, item.text),
    )


@dataclass
class Pipeline:
    engine: Engine
    encoder: TextEncoder
    index: VectorIndex
    settings: Settings
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _since_save: int = 0

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(join=self.settings.join_threshold, review=self.settings.review_threshold)

    def ingest(self, items: Sequence[ReportCreate]) -> list[IngestResult]:
        """Ingest reports in order, in one transaction: all are stored, or none is."""
        prepared = [prepare(item) for item in items]
        vectors = self.encoder.encode([p.description for p in prepared])
        added: list[int] = []
        with self._lock, Session(self.engine, expire_on_commit=False) as session:
            try:
                self._lock_database(session)
                results = [
                    self._ingest_one(session, report, vector, added)
                    for report, vector in zip(prepared, vectors, strict=True)
                ]
                session.commit()
            except BaseException:
                session.rollback()
                self.index.remove(added)  # the index must never hold a vector the database lacks
                raise
            self._since_save += len(added)
            if self._since_save >= self.settings.index_save_every:
                self.save_index()
        return results

    def _lock_database(self, session: Session) -> None:
        if self.engine.dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_INGEST_LOCK})

    @contextmanager
    def exclusive(self) -> Iterator[Session]:
        """A session under the ingest lock, committed on success: for corrections, which move
        reports between events and must not interleave with matching."""
        with self._lock, Session(self.engine, expire_on_commit=False) as session:
            try:
                self._lock_database(session)
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def save_index(self) -> None:
        self.index.save(self.settings.index_path)
        self._since_save = 0

    def _ingest_one(
        self, session: Session, prepared: PreparedReport, vector: np.ndarray, added: list[int]
    ) -> IngestResult:
        item = prepared.item
        source = report_repo.get_or_create_source(session, item.source.strip(), item.source_type)
        assert source.id is not None
        existing = report_repo.find_existing_report(session, source.id, item.id, prepared.content_hash)
        if existing is not None:
            return self._existing_result(session, existing)

        report = Report(
            source_id=source.id, external_id=item.id, content_hash=prepared.content_hash, title=item.title,
            text=item.text, url=item.url, published_at=item.published_at, language=item.language,
            event_key=item.event_key, event_date=prepared.event_date,
        )
        session.add(report)
        session.flush()
        assert report.id is not None
        self._store_claims(session, report.id, prepared)
        report_repo.store_vector(session, report.id, self.encoder.fingerprint, vector)

        result = self._match(session, prepared, vector)
        new_event = result.event_id is None
        if item.event_key:
            event = event_repo.find_event_by_key(session, item.event_key)
            new_event = event is None
            if event is None:
                event = event_repo.create_event(session, item.event_key, item.title)
            result = MatchResult(Outcome.EVENT_KEY, event.id, None, result.candidates)
        elif result.event_id is None:
            event = event_repo.create_event(session, None, item.title)
        else:
            event = event_repo.get_event_for_update(session, result.event_id)
            assert event is not None
        assert event.id is not None
        decision = event_repo.add_match_decision(
            session,
            MatchDecision(
                report_id=report.id, event_id=event.id, outcome=result.outcome.value, score=result.score,
                candidates=[
                    {"event": c.event_id, "score": c.score, "features": c.features, "contributions": c.contributions}
                    for c in result.candidates
                ],
                thresholds={"join": self.thresholds.join, "review": self.thresholds.review,
                            "window_days": self.settings.match_window_days},
                matcher_version=MATCHER_VERSION,
            ),
        )
        event_repo.add_member(session, report.id, event.id, decision.id)
        session.flush()
        refresh_event(session, event, "created" if new_event else "report_attached", report.id)

        self.index.add([report.id], vector.reshape(1, -1))
        added.append(report.id)
        return IngestResult(
            report=report.id, event=event.id, created=True, new_event=new_event,
            outcome=result.outcome.value, confidence=result.score,
        )

    def _store_claims(self, session: Session, report_id: int, prepared: PreparedReport) -> None:
        tagged = [(c, "extracted") for c in prepared.extraction.claims()] + [(c, "given") for c in prepared.given]
        session.add_all(
            ClaimRow(
                report_id=report_id, field=claim_field(claim), payload=claim_payload(claim),
                span_start=claim.span.start, span_end=claim.span.end, quote=claim.span.quote,
                event_ref=claim.event_ref, origin=origin, extractor_version=EXTRACTOR_VERSION,
            )
            for claim, origin in tagged
        )

    def _match(self, session: Session, prepared: PreparedReport, vector: np.ndarray) -> MatchResult:
        """Candidates from the vector index within the time window, grouped by event, then decided."""
        allowed: list[int] | None = None
        if prepared.event_date is not None:
            window = dt.timedelta(days=self.settings.match_window_days)
            allowed = report_repo.report_ids_dated_between(
                session, prepared.event_date - window, prepared.event_date + window
            )
        hits = self.index.search(vector, self.settings.match_candidates * 3, allowed)
        event_of = report_repo.events_of_reports(session, [report_id for report_id, _ in hits])
        best: dict[int, float] = {}
        for report_id, similarity in hits:
            if (event_id := event_of.get(report_id)) is not None:
                best[event_id] = max(similarity, best.get(event_id, -1.0))
        events = event_repo.events_by_id(session, list(best))
        candidates = [
            _candidate(events[event_id], similarity)
            for event_id, similarity in sorted(best.items(), key=lambda kv: -kv[1])[: self.settings.match_candidates]
            if event_id in events and events[event_id].status == "active"
        ]
        return decide(_profile(prepared), candidates, self.thresholds)

    def _existing_result(self, session: Session, report: Report) -> IngestResult:
        assert report.id is not None
        decision = report_repo.match_decision_of(session, report.id)
        event_id = report_repo.event_of_report(session, report.id)
        assert event_id is not None
        return IngestResult(
            report=report.id, event=event_id, created=False, new_event=False,
            outcome=decision.outcome if decision else "joined", confidence=decision.score if decision else None,
        )


def _profile(prepared: PreparedReport) -> ReportProfile:
    place = prepared.extraction.main_place()
    killed = next(
        (f.best for f in prepared.extraction.figures
         if f.kind == FigureKind.KILLED and f.event_ref == 0 and f.subgroup is None),
        None,
    )
    return ReportProfile(
        event_date=prepared.event_date,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        place_name=place.name if place else None,
        killed=killed,
    )


def _candidate(event: Event, similarity: float) -> CandidateEvent:
    assert event.id is not None
    return CandidateEvent(
        event_id=event.id, similarity=similarity, event_date=event.date, country=event.country,
        admin1=event.admin1, place_name=event.place_name, killed_low=event.killed_low, killed_high=event.killed_high,
    )
