"""Read side: load what an answer needs, in few queries, and shape it."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from service.errors import NotFound
from service.event_state import derive_fields
from service.models import Event, Source
from service.reconciliation import Policy
from service.reconciliation.reliability import ClaimRecord, reliability
from service.repositories import events as event_repo
from service.repositories import reports as report_repo
from service.repositories import sources as source_repo
from service.repositories.events import EventFilters
from service.schemas import (
    ChangePage,
    ChangePublic,
    EventPage,
    EventPublic,
    EvidencePublic,
    FieldProvenance,
    HistoryPublic,
    ProvenancePublic,
    ReliabilityPublic,
    ReportDecisionPublic,
    ReportPublic,
    ReviewItem,
    ReviewPage,
    RevisionPublic,
    SourcePage,
    SourcePublic,
    SpanPublic,
)
from service.views import claim_public, event_public, match_public


def report_view(session: Session, report_id: int) -> ReportPublic:
    report = report_repo.get_report(session, report_id)
    if report is None or report.id is None:
        raise NotFound(f"no report {report_id}")
    source = report_repo.source_names(session, [report.source_id]).get(report.source_id, "?")
    decision = report_repo.match_decision_of(session, report.id)
    return ReportPublic(
        id=report.id,
        source=source,
        external_id=report.external_id,
        title=report.title,
        text=report.text,
        url=report.url,
        published_at=report.published_at,
        language=report.language,
        event_key=report.event_key,
        received_at=report.received_at,
        event=report_repo.event_of_report(session, report.id),
        claims=[claim_public(c) for c in report_repo.claims_of_reports(session, [report.id])],
        match=match_public(decision) if decision else None,
    )


def resolve_event(session: Session, event_id: int) -> Event:
    """The event, following merge redirects to the event that holds its reports now."""
    event = event_repo.get_event(session, event_id)
    seen = set()
    while event is not None and event.merged_into is not None and event.id not in seen:
        seen.add(event.id)
        event = event_repo.get_event(session, event.merged_into)
    if event is None or event.id is None:
        raise NotFound(f"no event {event_id}")
    return event


def event_view(
    session: Session, event_id: int, as_of: dt.datetime | None = None, policy: Policy = Policy.BEST
) -> EventPublic:
    """The event now, as it stood at `as_of`, or its figures read under another policy."""
    event = resolve_event(session, event_id)
    assert event.id is not None
    if as_of is not None:
        revision = event_repo.revision_as_of(session, event.id, as_of)
        if revision is None:
            raise NotFound(f"event {event_id} did not exist at {as_of.isoformat()}")
        return EventPublic.model_validate(revision.snapshot)
    if policy != Policy.BEST:
        # Same claims, another view: recomputed on the fly, never stored.
        members = event_repo.member_summaries(session, event.id)
        decisions = derive_fields(session, event.id, members, policy)
        return event_public(event, list(decisions.values()), [r.id for r in members if r.id is not None])
    return event_public(
        event, event_repo.field_decisions(session, event.id), event_repo.member_report_ids(session, event.id)
    )


def event_page(session: Session, filters: EventFilters, limit: int, offset: int) -> EventPage:
    events, total = event_repo.list_events(session, filters, limit, offset)
    ids = [e.id for e in events if e.id is not None]
    decisions = event_repo.field_decisions_by_event(session, ids)
    members = event_repo.member_ids_by_event(session, ids)
    items = [event_public(e, decisions.get(e.id, []), members.get(e.id, [])) for e in events if e.id is not None]
    return EventPage(items=items, total=total, limit=limit, offset=offset)


def provenance_view(session: Session, event_id: int) -> ProvenancePublic:
    """Per field: the value, its rule and every claim behind or against it; per report: its decision."""
    event = resolve_event(session, event_id)
    assert event.id is not None
    reports = event_repo.member_reports(session, event.id)
    report_ids = [r.id for r in reports if r.id is not None]
    names = report_repo.source_names(session, [r.source_id for r in reports])
    by_report = {r.id: r for r in reports}
    claims = {c.id: c for c in report_repo.claims_of_reports(session, report_ids)}
    fields = []
    for decision in event_repo.field_decisions(session, event.id):
        evidence = []
        for role, claim_ids in (
            ("supporting", decision.supporting),
            ("conflicting", decision.conflicting),
            ("superseded", decision.superseded),
        ):
            for claim_id in claim_ids:
                claim = claims.get(claim_id)
                if claim is None or claim.id is None:
                    continue
                report = by_report[claim.report_id]
                evidence.append(
                    EvidencePublic(
                        claim=claim.id,
                        report=claim.report_id,
                        source=names.get(report.source_id, "?"),
                        published_at=report.published_at,
                        value=claim.payload,
                        quote=claim.quote,
                        span=SpanPublic(start=claim.span_start, end=claim.span_end, quote=claim.quote),
                        role=role,
                    )
                )
        fields.append(
            FieldProvenance(
                field=decision.field, value=decision.value, rule=decision.rule, note=decision.note, claims=evidence
            )
        )
    decisions = event_repo.match_decisions_of(session, report_ids)
    return ProvenancePublic(
        event=event.id,
        fields=fields,
        reports=[
            ReportDecisionPublic(
                report=r.id,
                source=names.get(r.source_id, "?"),
                title=r.title,
                published_at=r.published_at,
                match=match_public(decisions[r.id]) if r.id in decisions else None,
            )
            for r in reports
            if r.id is not None
        ],
    )


def report_decision(session: Session, report_id: int) -> ReportDecisionPublic:
    report = report_repo.get_report(session, report_id)
    assert report is not None and report.id is not None
    decision = report_repo.match_decision_of(session, report.id)
    return ReportDecisionPublic(
        report=report.id,
        source=report_repo.source_names(session, [report.source_id]).get(report.source_id, "?"),
        title=report.title,
        published_at=report.published_at,
        match=match_public(decision) if decision else None,
    )


def review_page(session: Session, limit: int, offset: int) -> ReviewPage:
    """Provisional joins waiting for an analyst, each with the report's decision and the event it joined."""
    decisions, total = event_repo.review_queue(session, limit, offset)
    items = []
    for decision in decisions:
        event_id = report_repo.event_of_report(session, decision.report_id)
        if event_id is not None:
            items.append(
                ReviewItem(report=report_decision(session, decision.report_id), event=event_view(session, event_id))
            )
    return ReviewPage(items=items, total=total, limit=limit, offset=offset)


def change_page(session: Session, after: int, limit: int) -> ChangePage:
    revisions = event_repo.changes_after(session, after, limit)
    items = [
        ChangePublic(
            cursor=r.id,
            event=r.event_id,
            revision=r.revision,
            kind=r.kind,
            report=r.report_id,
            changes=r.changes,
            created_at=r.created_at,
        )
        for r in revisions
        if r.id is not None
    ]
    return ChangePage(items=items, next_cursor=items[-1].cursor if items else after)


def history_view(session: Session, event_id: int) -> HistoryPublic:
    event = event_repo.get_event(session, event_id)
    if event is None or event.id is None:
        raise NotFound(f"no event {event_id}")
    return HistoryPublic(
        event=event.id,
        revisions=[
            RevisionPublic(
                revision=r.revision, kind=r.kind, report=r.report_id, changes=r.changes, created_at=r.created_at
            )
            for r in event_repo.revisions(session, event.id)
        ],
    )


def _sources_public(session: Session, sources: list[Source]) -> list[SourcePublic]:
    ids = [s.id for s in sources if s.id is not None]
    counts = source_repo.report_counts(session, ids)
    records = source_repo.claim_records(session, ids)
    items = []
    for source in sources:
        assert source.id is not None
        estimate = reliability(records.get(source.id, ClaimRecord()), source.source_type)
        items.append(
            SourcePublic(
                name=source.name,
                source_type=source.source_type,
                reports=counts.get(source.id, 0),
                reliability=ReliabilityPublic(
                    value=estimate.value,
                    prior=estimate.prior,
                    agreed=estimate.agreed,
                    conflicted=estimate.conflicted,
                    superseded=estimate.superseded,
                    in_use=source.reliability if source.reliability is not None else estimate.prior,
                    rule=estimate.rule,
                ),
            )
        )
    return items


def source_page(session: Session, limit: int, offset: int) -> SourcePage:
    sources, total = source_repo.list_sources(session, limit, offset)
    return SourcePage(items=_sources_public(session, sources), total=total, limit=limit, offset=offset)


def source_view(session: Session, name: str) -> SourcePublic:
    source = source_repo.source_by_name(session, name)
    if source is None:
        raise NotFound(f"no source {name!r}")
    return _sources_public(session, [source])[0]
