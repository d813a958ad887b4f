"""SQLModel tables only. Schema changes go through an Alembic migration in migrations/versions."""

from service.models.tables import (
    Claim,
    Correction,
    Event,
    EventMember,
    EventRevision,
    FieldDecisionRow,
    FieldPin,
    MatchDecision,
    Report,
    ReportVector,
    Source,
)

__all__ = [
    "Claim",
    "Correction",
    "Event",
    "EventMember",
    "EventRevision",
    "FieldDecisionRow",
    "FieldPin",
    "MatchDecision",
    "Report",
    "ReportVector",
    "Source",
]
