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
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import Engine
from sqlmodel import Session

from embeddings.encoder import TextEncoder
from embeddings.index import VectorIndex
from service.claims_codec import claim_from_row
from service.config import Settings
from service.db import lock_for_matching
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
from service.matching import (
    CandidateEvent,
    CandidateReport,
    MatchResult,
    Outcome,
    ReportEvidence,
    ReportProfile,
    Thresholds,
    Vocabulary,
    decide,
    evidence_from_extraction,
    retrieval,
    shipped_model,
)
from service.matching.decide import MATCHER_VERSION
from service.models import Event, MatchDecision, Report
from service.repositories import events as event_repo
from service.repositories import reports as report_repo
from service.schemas import GivenClaim, IngestResult, ReportCreate

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "rules/v1"
LEAD_CHARS = 600
EVIDENCE_CACHE_REPORTS = 50_000


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
        return PerpetratorClaim(
            actor=given.actor or "unknown", status=AttributionStatus(given.status or "unknown"), span=span
        )
    low = given.low if given.low is not None else 0
    return FigureClaim(
        FigureKind(given.field), low, given.high, Qualifier(given.qualifier), span, subgroup=given.subgroup
    )


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
    # Matching evidence of stored reports, derived from their immutable text and claims: computed once per
    # report instead of once per comparison. Bounded; entries of rolled-back reports are dropped.
    _evidence: OrderedDict[int, ReportEvidence] = field(default_factory=OrderedDict)

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
                lock_for_matching(session)
                results = [
                    self._ingest_one(session, report, vector, added)
                    for report, vector in zip(prepared, vectors, strict=True)
                ]
                session.commit()
            except BaseException:
                session.rollback()
                self.index.remove(added)  # the index must never hold a vector the database lacks
                for report_id in added:  # SQLite may hand the same ids out again
                    self._evidence.pop(report_id, None)
                raise
            self._since_save += len(added)
            if self._since_save >= self.settings.index_save_every:
                self.save_index()
        return results

    @contextmanager
    def exclusive(self) -> Iterator[Session]:
        """A session under the ingest lock, committed on success: for corrections, which move
        reports between events and must not interleave with matching."""
        with self._lock, Session(self.engine, expire_on_commit=False) as session:
            try:
                lock_for_matching(session)
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
            source_id=source.id,
            external_id=item.id,
            content_hash=prepared.content_hash,
            title=item.title,
            text=item.text,
            url=item.url,
            published_at=item.published_at,
            language=item.language,
            event_key=item.event_key,
            event_date=prepared.event_date,
        )
        session.add(report)
        session.flush()
        assert report.id is not None
        self._store_claims(session, report.id, prepared)
        report_repo.store_vector(session, report.id, self.encoder.fingerprint, vector)

        if item.event_key:  # the client's grouping decides; no candidates to score
            event = event_repo.find_event_by_key(session, item.event_key)
            new_event = event is None
            if event is None:
                event = event_repo.create_event(session, item.event_key, item.title)
            result = MatchResult(Outcome.EVENT_KEY, event.id, None, [])
        else:
            result = self._match(session, prepared, vector)
            new_event = result.event_id is None
            if result.event_id is None:
                event = event_repo.create_event(session, None, item.title)
            else:
                event = event_repo.get_event_for_update(session, result.event_id)
                assert event is not None
        assert event.id is not None
        decision = event_repo.add_match_decision(
            session,
            MatchDecision(
                report_id=report.id,
                event_id=event.id,
                outcome=result.outcome.value,
                score=result.score,
                candidates=[
                    {"event": c.event_id, "score": c.score, "features": c.features, "contributions": c.contributions}
                    for c in result.candidates
                ],
                thresholds={
                    "join": self.thresholds.join,
                    "review": self.thresholds.review,
                    "window_days": self.settings.match_window_days,
                },
                matcher_version=MATCHER_VERSION,
            ),
        )
        event_repo.add_member(session, report.id, event.id, decision.id)
        session.flush()
        refresh_event(session, event, "created" if new_event else "report_attached", report.id)

        self.index.add([report.id], vector.reshape(1, -1))
        added.append(report.id)
        return IngestResult(
            report=report.id,
            event=event.id,
            created=True,
            new_event=new_event,
            outcome=result.outcome.value,
            confidence=result.score,
        )

    def _store_claims(self, session: Session, report_id: int, prepared: PreparedReport) -> None:
        tagged = [(c, "extracted") for c in prepared.extraction.claims()] + [(c, "given") for c in prepared.given]
        report_repo.store_claims(session, report_id, tagged, EXTRACTOR_VERSION)

    def _match(self, session: Session, prepared: PreparedReport, vector: np.ndarray) -> MatchResult:
        """Candidates near the report (vector index, time windows, shared place), then decided.

        Nearest reports come from two windows around the event date: a short one, and a long one
        for follow-up stories months later. Events that share the report's normalised place in the
        long window are added. Never a scan over all events.
        """
        model = shipped_model()
        similarity: dict[int, float] = {}
        if prepared.event_date is None:
            searches: list[tuple[list[int] | None, int]] = [(None, retrieval.UNDATED_NEIGHBOURS)]
        else:
            # Reports without any date cannot be placed in time: they stay in every window.
            undated = report_repo.report_ids_undated(session)
            searches = [
                (
                    report_repo.report_ids_dated_between(
                        session,
                        prepared.event_date - dt.timedelta(days=days),
                        prepared.event_date + dt.timedelta(days=days),
                    )
                    + undated,
                    count,
                )
                for days, count in (
                    (self.settings.match_window_days, retrieval.SHORT_NEIGHBOURS),
                    (retrieval.LONG_WINDOW_DAYS, retrieval.LONG_NEIGHBOURS),
                )
            ]
        for allowed, count in searches:
            for report_id, cosine in self.index.search(vector, count, allowed):
                similarity[report_id] = max(cosine, similarity.get(report_id, -1.0))
        event_of = report_repo.events_of_reports(session, list(similarity))
        place = prepared.extraction.main_place()
        if place is not None and prepared.event_date is not None:
            window = dt.timedelta(days=retrieval.LONG_WINDOW_DAYS)
            sharing = event_repo.event_ids_sharing_place(
                session,
                place.name,
                place.country,
                prepared.event_date - window,
                prepared.event_date + window,
                retrieval.PLACE_EVENTS,
            )
            for event_id, report_ids in event_repo.member_ids_by_event(session, sharing).items():
                for report_id in report_ids[-retrieval.PLACE_REPORTS :]:
                    event_of.setdefault(report_id, event_id)
            missing = [report_id for report_id in event_of if report_id not in similarity]
            stored = report_repo.vectors_of_reports(session, missing, self.encoder.fingerprint)
            similarity.update({report_id: float(v @ vector) for report_id, v in stored.items()})
        by_event: dict[int, list[int]] = {}
        for report_id in sorted(similarity, key=lambda r: -similarity[r]):
            if (owner := event_of.get(report_id)) is not None:
                by_event.setdefault(owner, []).append(report_id)
        events = event_repo.events_by_id(session, list(by_event))
        chosen = [event_id for event_id in by_event if event_id in events and events[event_id].status == "active"][
            : self.settings.match_candidates + retrieval.PLACE_EVENTS
        ]
        compared = [report_id for event_id in chosen for report_id in by_event[event_id][: retrieval.REPORTS_PER_EVENT]]
        evidence = self._evidence_of(session, compared, model.vocabulary)
        candidates = [
            _candidate(
                events[event_id],
                [
                    CandidateReport(report_id, similarity[report_id], evidence[report_id])
                    for report_id in by_event[event_id][: retrieval.REPORTS_PER_EVENT]
                    if report_id in evidence
                ],
            )
            for event_id in chosen
        ]
        return decide(_profile(prepared, model.vocabulary), candidates, self.thresholds, model)

    def _evidence_of(
        self, session: Session, report_ids: list[int], vocabulary: Vocabulary
    ) -> dict[int, ReportEvidence]:
        missing = [report_id for report_id in report_ids if report_id not in self._evidence]
        for report_id, evidence in _stored_evidence(session, missing, vocabulary).items():
            self._evidence[report_id] = evidence
        while len(self._evidence) > EVIDENCE_CACHE_REPORTS:
            self._evidence.popitem(last=False)
        found: dict[int, ReportEvidence] = {}
        for report_id in report_ids:
            if (cached := self._evidence.get(report_id)) is not None:
                self._evidence.move_to_end(report_id)
                found[report_id] = cached
        return found

    def _existing_result(self, session: Session, report: Report) -> IngestResult:
        assert report.id is not None
        decision = report_repo.match_decision_of(session, report.id)
        event_id = report_repo.event_of_report(session, report.id)
        assert event_id is not None
        return IngestResult(
            report=report.id,
            event=event_id,
            created=False,
            new_event=False,
            outcome=decision.outcome if decision else "joined",
            confidence=decision.score if decision else None,
        )


def _profile(prepared: PreparedReport, vocabulary: Vocabulary) -> ReportProfile:
    item = prepared.item
    evidence = evidence_from_extraction(
        item.title,
        item.text,
        prepared.extraction,
        vocabulary,
        event_date=prepared.event_date,
        published_at=item.published_at,
    )
    return ReportProfile(
        event_date=evidence.event_date,
        country=evidence.country,
        admin1=evidence.admin1,
        place_name=evidence.place_name,
        killed=evidence.killed,
        evidence=evidence,
    )


def _stored_evidence(session: Session, report_ids: list[int], vocabulary: Vocabulary) -> dict[int, ReportEvidence]:
    """Evidence of stored reports, from their text and their stored (extracted) claims."""
    reports = report_repo.reports_by_id(session, report_ids)
    rows_by_report: dict[int, list[Claim]] = {report_id: [] for report_id in reports}
    for row in report_repo.claims_of_reports(session, list(reports)):
        if row.origin == "extracted" and row.report_id in rows_by_report:
            span = Span(row.span_start or 0, row.span_end or 0, row.quote or "")
            rows_by_report[row.report_id].append(claim_from_row(row.field, row.payload, span, row.event_ref))
    extractions = {report_id: Extraction.from_claims(claims) for report_id, claims in rows_by_report.items()}
    return {
        report_id: evidence_from_extraction(
            report.title,
            report.text,
            extractions[report_id],
            vocabulary,
            event_date=report.event_date,
            published_at=report.published_at,
        )
        for report_id, report in reports.items()
    }


def _candidate(event: Event, reports: Sequence[CandidateReport]) -> CandidateEvent:
    assert event.id is not None
    return CandidateEvent(
        event_id=event.id,
        similarity=max((r.similarity for r in reports), default=0.0),
        event_date=event.date,
        country=event.country,
        admin1=event.admin1,
        place_name=event.place_name,
        killed_low=event.killed_low,
        killed_high=event.killed_high,
        reports=tuple(reports),
    )
