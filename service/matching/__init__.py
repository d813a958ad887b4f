"""Report + candidates -> scored decision. Pure: no database, no FAISS."""

from service.matching.decide import (
    MATCHER_VERSION,
    CandidateEvent,
    CandidateReport,
    MatchResult,
    Outcome,
    ReportProfile,
    ScoredCandidate,
    Thresholds,
    decide,
    score_candidate,
)
from service.matching.features import ReportEvidence, Vocabulary, evidence_from_extraction, pair_features
from service.matching.model import MatchModel, shipped_model

__all__ = [
    "MATCHER_VERSION",
    "CandidateEvent",
    "CandidateReport",
    "MatchModel",
    "MatchResult",
    "Outcome",
    "ReportEvidence",
    "ReportProfile",
    "ScoredCandidate",
    "Thresholds",
    "Vocabulary",
    "decide",
    "evidence_from_extraction",
    "pair_features",
    "score_candidate",
    "shipped_model",
]
