"""Report + candidate events -> scored match decision. Pure: no database, no FAISS."""

from service.matching.decide import (
    MATCHER_VERSION,
    CandidateEvent,
    MatchResult,
    Outcome,
    ReportProfile,
    ScoredCandidate,
    Thresholds,
    decide,
    score_candidate,
)

__all__ = [
    "MATCHER_VERSION",
    "CandidateEvent",
    "MatchResult",
    "Outcome",
    "ReportProfile",
    "ScoredCandidate",
    "Thresholds",
    "decide",
    "score_candidate",
]
