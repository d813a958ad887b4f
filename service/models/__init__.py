"""SQLModel tables only. Schema changes go through an Alembic migration in migrations/versions."""

from service.models.tables import (
    Claim,
    Event,
    EventMember,
    EventRevision,
    FieldDecisionRow,
    MatchDecision,
    Report,
    ReportVector,
    Source,
)

__all__ = [
    "Claim",
    "Event",
    "EventMember",
    "EventRevision",
    "FieldDecisionRow",
    "MatchDecision",
    "Report",
    "ReportVector",
    "Source",
]
