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
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import Engine
from sqlmodel import Session

from embeddings.encoder import TextEncoder
from embeddings.index import VectorIndex
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
    SourcedClaim,
    Span,
    report_document,
)
from service.event_state import main_event_claims, refresh_batch_event, sourced_claims
from service.extraction import extract
from service.extraction.places import gazetteer
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
from service.models import ReportVector
from service.repositories import events as event_repo
from service.repositories import reports as report_repo
from service.repositories.deferred import DeferredWrites
from service.schemas import GivenClaim, IngestResult, ReportCreate

log = logging.getLogger(__name__)

# Stored with every extracted claim, so provenance says which reading made it; bumped when readings change.
EXTRACTOR_VERSION = "rules/2026.11-11"  # "Washington, D.C.", "Bogota, D.C." read whole; "D.C." alone
LEAD_CHARS = 600
EVIDENCE_CACHE_REPORTS = 50_000
SOURCE_CACHE_SIZE = 100_000


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
    evidence: ReportEvidence  # what the matcher compares, derived once


def prepare(item: ReportCreate) -> PreparedReport:
    """The pure part of ingest: read the claims out of the text and reduce it to matching evidence."""
    document = report_document(item.title, item.text)
    try:
        extraction = extract(document, item.published_at)
    except Exception:  # extraction is re-derivable; a bug there must not lose the report
        log.exception("extraction failed for report %s/%s", item.source, item.id)
        extraction = Extraction()
    main_date = extraction.main_date()
    event_date = main_date.date if main_date else item.published_at
    return PreparedReport(
        item=item,
        content_hash=content_hash(item.title, item.text),
        extraction=extraction,
        given=[given_claim(g) for g in item.claims],
        event_date=event_date,
        description=event_description(item.title, item.text),
        evidence=evidence_from_extraction(
            item.title,
            item.text,
            extraction,
            shipped_model().vocabulary,
            event_date=event_date,
            published_at=item.published_at,
        ),
    )


@dataclass
class KnownReports:
    """Stored reports by (source, id) and by (source, content): a repeat returns its stored twin."""

    by_id: dict[tuple[int, str], int] = field(default_factory=dict)
    by_content: dict[tuple[int, str], int] = field(default_factory=dict)

    def add(self, key: report_repo.ReportKey, report_id: int) -> None:
        self.by_id.setdefault((key.source_id, key.external_id), report_id)
        self.by_content.setdefault((key.source_id, key.content_hash), report_id)

    def find(self, key: report_repo.ReportKey) -> int | None:
        found = self.by_id.get((key.source_id, key.external_id))
        return found if found is not None else self.by_content.get((key.source_id, key.content_hash))


@dataclass
class BatchEvent:
    """An event the batch has touched: its row, its members and their main-event claims as they now
    stand. Only the batch writes them while it holds the lock, so they are read once, not per report."""

    row: event_repo.EventRow
    members: list[event_repo.MemberSummary]
    claims: list[SourcedClaim]


@dataclass
class BatchState:
    """What one `store` call tracks across its reports."""

    known: KnownReports  # stored before the batch, and added by it
    deferred: DeferredWrites
    added: list[int] = field(default_factory=list)  # ids of the new reports, in order
    events: dict[int, BatchEvent] = field(default_factory=dict)  # by id

    def event(self, session: Session, event_id: int) -> BatchEvent:
        """The batch's view of a stored event, read the first time the batch touches it."""
        if (known := self.events.get(event_id)) is None:
            row = event_repo.event_row(session, event_id)
            assert row is not None
            members = event_repo.member_summaries(session, event_id)
            known = self.events[event_id] = BatchEvent(row, members, sourced_claims(session, members))
        return known


@dataclass(frozen=True)
class PreparedBatch:
    reports: list[PreparedReport]
    vectors: np.ndarray  # one row per report, in order


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
    _sources: dict[str, report_repo.SourceRef] = field(default_factory=dict)  # committed sources by name
    thresholds: Thresholds = field(init=False)

    def __post_init__(self) -> None:
        self.thresholds = self._thresholds()  # a bad pair of settings stops the start, not every ingest

    def _thresholds(self) -> Thresholds:
        """The operator's thresholds where set, else those chosen with the shipped model."""
        model = shipped_model()
        join, review = self.settings.join_threshold, self.settings.review_threshold
        return Thresholds(join=model.join if join is None else join, review=model.review if review is None else review)

    def ingest(self, items: Sequence[ReportCreate]) -> list[IngestResult]:
        """Ingest reports in order, in one transaction: all are stored, or none is."""
        return self.store(self.prepare(items))

    def prepare(self, items: Sequence[ReportCreate]) -> PreparedBatch:
        """The part that needs no lock: extraction, then embedding."""
        return self.embed([prepare(item) for item in items])

    def embed(self, prepared: list[PreparedReport]) -> PreparedBatch:
        """The embedding half of `prepare`. A caller streaming many batches can run the two halves
        in their own threads: the model, outside the GIL, then works while Python extracts and stores."""
        return PreparedBatch(prepared, self.encoder.encode([p.description for p in prepared]))

    def store(self, batch: PreparedBatch) -> list[IngestResult]:
        """Match and write a prepared batch in order, in one transaction: all are stored, or none is."""
        prepared, vectors = batch.reports, batch.vectors
        added: list[int] = []
        with self._lock, Session(self.engine, expire_on_commit=False) as session:
            try:
                lock_for_matching(session)
                sources = dict(self._sources)
                refs = [self._source(session, p.item, sources) for p in prepared]
                keys = [
                    report_repo.ReportKey(ref.id, p.item.id, p.content_hash)
                    for p, ref in zip(prepared, refs, strict=True)
                ]
                known = KnownReports()
                for key, report_id in report_repo.stored_report_keys(session, keys).items():
                    known.add(key, report_id)
                state = BatchState(known, DeferredWrites.for_batch(session), added)
                results = [
                    self._ingest_one(session, report, key, ref, vector, state)
                    for report, key, ref, vector in zip(prepared, keys, refs, vectors, strict=True)
                ]
                state.deferred.write(session)
                session.commit()
                if len(sources) <= SOURCE_CACHE_SIZE:
                    self._sources = sources  # now committed: safe to reuse
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

    def warm_up(self) -> None:
        """Load the gazetteer and the matcher now (seconds), not inside the first report."""
        gazetteer()
        shipped_model()

    def save_index(self) -> None:
        self.index.save(self.settings.index_path)
        self._since_save = 0

    def _ingest_one(
        self,
        session: Session,
        prepared: PreparedReport,
        key: report_repo.ReportKey,
        source: report_repo.SourceRef,
        vector: np.ndarray,
        state: BatchState,
    ) -> IngestResult:
        item = prepared.item
        if (existing := state.known.find(key)) is not None:
            return self._existing_result(session, existing)

        report_id = report_repo.add_report(
            session,
            {
                "source_id": key.source_id,
                "external_id": item.id,
                "content_hash": prepared.content_hash,
                "title": item.title,
                "text": item.text,
                "url": item.url,
                "published_at": item.published_at,
                "language": item.language,
                "event_key": item.event_key,
                "event_date": prepared.event_date,
            },
        )
        state.known.add(key, report_id)
        claims = self._store_claims(session, report_id, prepared)
        state.deferred.add(ReportVector, report_repo.vector_row(report_id, self.encoder.fingerprint, vector))

        if item.event_key:  # the client's grouping decides; no candidates to score
            keyed = event_repo.event_row_by_key(session, item.event_key)
            result = MatchResult(Outcome.EVENT_KEY, keyed.id if keyed else None, None, [])
        else:
            result = self._match(session, prepared, vector)
        new_event = result.event_id is None
        if result.event_id is None:
            event = BatchEvent(event_repo.EventRow(None, event_key=item.event_key, title=item.title or None), [], [])
        else:
            event = state.event(session, result.event_id)
        member = event_repo.MemberSummary(
            report_id,
            key.source_id,
            item.source.strip(),
            item.title,
            item.published_at,
            prepared.event_date,
            source.source_type,
            source.reliability,
        )
        event.members.append(member)
        event.claims.extend(main_event_claims({report_id: member}, claims))
        kind = "created" if new_event else "report_attached"
        refresh_batch_event(session, event.row, event.members, event.claims, kind, report_id, state.deferred)
        assert event.row.id is not None
        state.events[event.row.id] = event
        decision_id = event_repo.add_match_decision(
            session,
            {
                "report_id": report_id,
                "event_id": event.row.id,
                "outcome": result.outcome.value,
                "score": result.score,
                "candidates": [
                    {"event": c.event_id, "score": c.score, "features": c.features, "contributions": c.contributions}
                    for c in result.candidates
                ],
                "thresholds": {
                    "join": self.thresholds.join,
                    "review": self.thresholds.review,
                    "window_days": self.settings.match_window_days,
                },
                "matcher_version": MATCHER_VERSION,
            },
        )
        event_repo.add_member(session, report_id, event.row.id, decision_id)

        self.index.add([report_id], vector.reshape(1, -1))
        state.added.append(report_id)
        self._remember_evidence(report_id, prepared.evidence)
        return IngestResult(
            report=report_id,
            event=event.row.id,
            created=True,
            new_event=new_event,
            outcome=result.outcome.value,
            confidence=result.score,
        )

    def _source(
        self, session: Session, item: ReportCreate, sources: dict[str, report_repo.SourceRef]
    ) -> report_repo.SourceRef:
        name = item.source.strip()
        # A known source needs no lookup, unless the report brings a source type to record.
        if (ref := sources.get(name)) is None or item.source_type:
            ref = sources[name] = report_repo.source_for(session, name, item.source_type)
        return ref

    def _store_claims(
        self, session: Session, report_id: int, prepared: PreparedReport
    ) -> list[report_repo.StoredClaim]:
        tagged = [(c, "extracted") for c in prepared.extraction.claims()] + [(c, "given") for c in prepared.given]
        return report_repo.store_claims(session, report_id, tagged, EXTRACTOR_VERSION)

    def _match(self, session: Session, prepared: PreparedReport, vector: np.ndarray) -> MatchResult:
        """Candidates near the report (vector index, time windows, shared place), then decided.

        Nearest reports come from two windows around the event date: a short one, and a long one
        for follow-up stories months later; the very nearest few at any date join them. Events that
        share the report's normalised place in the long window are added. Never a scan over all events.
        """
        model = shipped_model()
        similarity, event_of = self._nearest_reports(session, prepared.event_date, vector)
        place = prepared.extraction.main_place()
        if place is not None and prepared.event_date is not None:
            window = dt.timedelta(days=retrieval.LONG_WINDOW_DAYS)
            sharing = event_repo.latest_members_at_place(
                session,
                place.name,
                place.country,
                prepared.event_date - window,
                prepared.event_date + window,
                retrieval.PLACE_EVENTS,
            )
            for event_id, report_ids in sharing.items():
                for report_id in report_ids[-retrieval.PLACE_REPORTS :]:
                    event_of.setdefault(report_id, event_id)
            missing = [report_id for report_id in event_of if report_id not in similarity]
            stored = self.index.vectors(missing)
            similarity.update({report_id: float(v @ vector) for report_id, v in stored.items()})
        by_event: dict[int, list[int]] = {}
        for report_id in sorted(similarity, key=lambda r: -similarity[r]):
            if (owner := event_of.get(report_id)) is not None:
                by_event.setdefault(owner, []).append(report_id)
        events = event_repo.event_summaries(session, list(by_event))
        chosen = [event_id for event_id in by_event if event_id in events and events[event_id].status == "active"][
            : self.settings.match_candidates + retrieval.PLACE_EVENTS
        ]
        compared = [report_id for event_id in chosen for report_id in by_event[event_id][: retrieval.REPORTS_PER_EVENT]]
        evidence = self._evidence_of(session, compared, model.vocabulary)
        profile = ReportProfile(evidence=prepared.evidence)  # the matcher reads the evidence alone
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
        return decide(profile, candidates, self.thresholds, model)

    def _nearest_reports(
        self, session: Session, event_date: dt.date | None, vector: np.ndarray
    ) -> tuple[dict[int, float], dict[int, int]]:
        """(cosine, event) of the nearest stored reports, drawn from two windows around the event date.

        Reports without any date cannot be placed in time: they stay in every window.
        """
        if event_date is None:
            nearest = dict(self.index.search(vector, retrieval.UNDATED_NEIGHBOURS))
            placed = report_repo.placements(session, list(nearest))
            return nearest, _events_of(nearest, placed)
        # The short window is narrow: list its reports and search among them alone.
        nearby = report_repo.report_ids_near(session, event_date, self.settings.match_window_days)
        found = dict(self.index.search(vector, retrieval.SHORT_NEIGHBOURS, nearby))
        # The long window holds most of the store: search it all, then keep the nearest inside the window.
        wide = self.index.search(vector, retrieval.LONG_NEIGHBOURS * retrieval.LONG_OVERFETCH)
        placed = report_repo.placements(session, list(found) + [report_id for report_id, _ in wide])
        inside = [
            (report_id, cosine)
            for report_id, cosine in wide
            if report_id in placed
            and (
                (date := placed[report_id].event_date) is None
                or abs((date - event_date).days) <= retrieval.LONG_WINDOW_DAYS
            )
        ]
        # And the very nearest at any distance in time: a sentencing years on, or a misread event date.
        anytime = [
            (report_id, cosine) for report_id, cosine in wide[: retrieval.ANYTIME_NEIGHBOURS] if report_id in placed
        ]
        for report_id, cosine in inside[: retrieval.LONG_NEIGHBOURS] + anytime:
            found[report_id] = max(cosine, found.get(report_id, -1.0))
        return found, _events_of(found, placed)

    def _remember_evidence(self, report_id: int, evidence: ReportEvidence) -> None:
        self._evidence[report_id] = evidence
        while len(self._evidence) > EVIDENCE_CACHE_REPORTS:
            self._evidence.popitem(last=False)

    def _evidence_of(
        self, session: Session, report_ids: list[int], vocabulary: Vocabulary
    ) -> dict[int, ReportEvidence]:
        missing = [report_id for report_id in report_ids if report_id not in self._evidence]
        for report_id, evidence in _stored_evidence(session, missing, vocabulary).items():
            self._remember_evidence(report_id, evidence)
        found: dict[int, ReportEvidence] = {}
        for report_id in report_ids:
            if (cached := self._evidence.get(report_id)) is not None:
                self._evidence.move_to_end(report_id)
                found[report_id] = cached
        return found

    def _existing_result(self, session: Session, report_id: int) -> IngestResult:
        decision = report_repo.match_decision_of(session, report_id)
        event_id = report_repo.event_of_report(session, report_id)
        assert event_id is not None
        return IngestResult(
            report=report_id,
            event=event_id,
            created=False,
            new_event=False,
            outcome=decision.outcome if decision else "joined",
            confidence=decision.score if decision else None,
        )


def _events_of(report_ids: Iterable[int], placed: dict[int, report_repo.Placement]) -> dict[int, int]:
    return {r: event_id for r in report_ids if r in placed and (event_id := placed[r].event_id) is not None}


def _stored_evidence(session: Session, report_ids: list[int], vocabulary: Vocabulary) -> dict[int, ReportEvidence]:
    """Evidence of stored reports, from their text and their stored (extracted) claims."""
    reports = report_repo.reports_by_id(session, report_ids)
    rows_by_report: dict[int, list[Claim]] = {report_id: [] for report_id in reports}
    for row in report_repo.stored_claims(session, list(reports)):
        if row.origin == "extracted" and row.report_id in rows_by_report:
            rows_by_report[row.report_id].append(row.typed())
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


def _candidate(event: event_repo.EventSummary, reports: Sequence[CandidateReport]) -> CandidateEvent:
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
