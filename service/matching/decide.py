"""First matcher: text similarity, adjusted by evidence that two reports cannot be one event.

The score is a sum of named contributions so every decision can be read back feature by feature.
The weights are set by hand for this version; a learned, calibrated combination replaces them later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

MATCHER_VERSION = "similarity-evidence/v1"


class Outcome(StrEnum):
    JOINED = "joined"
    NEW_EVENT = "new_event"
    NEEDS_REVIEW = "needs_review"  # joined its best candidate provisionally; an analyst should look
    EVENT_KEY = "event_key"  # the client said which reports belong together


@dataclass(frozen=True, slots=True)
class ReportProfile:
    """What the matcher knows of the incoming report."""

    event_date: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    place_name: str | None = None
    killed: int | None = None


@dataclass(frozen=True, slots=True)
class CandidateEvent:
    """An existing event, as found through the vector index."""

    event_id: int
    similarity: float  # best cosine between the report and any report of the event
    event_date: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    place_name: str | None = None
    killed_low: int | None = None
    killed_high: int | None = None


@dataclass(frozen=True, slots=True)
class ScoredCandidate:
    event_id: int
    score: float
    features: dict[str, float | None]
    contributions: dict[str, float]


@dataclass(frozen=True, slots=True)
class Thresholds:
    join: float = 0.80
    review: float = 0.65

    def __post_init__(self) -> None:
        if not 0.0 <= self.review <= self.join <= 1.5:
            raise ValueError(f"need 0 <= review ({self.review}) <= join ({self.join})")


@dataclass(frozen=True, slots=True)
class MatchResult:
    outcome: Outcome
    event_id: int | None  # None: start a new event
    score: float | None
    candidates: list[ScoredCandidate] = field(default_factory=list)


def _same(left: str | None, right: str | None) -> float | None:
    if not left or not right:
        return None
    return 1.0 if left.casefold() == right.casefold() else 0.0


def score_candidate(report: ReportProfile, candidate: CandidateEvent) -> ScoredCandidate:
    """Similarity plus small bonuses for agreeing places, penalties for contradictions."""
    days = (
        abs((report.event_date - candidate.event_date).days)
        if report.event_date and candidate.event_date
        else None
    )
    same_country = _same(report.country, candidate.country)
    same_admin1 = _same(report.admin1, candidate.admin1)
    same_place = _same(report.place_name, candidate.place_name)
    killed_contradicts = (
        1.0
        if report.killed is not None
        and candidate.killed_high is not None
        and candidate.killed_low is not None
        and not (candidate.killed_low // 2 <= report.killed <= candidate.killed_high * 2 + 2)
        else 0.0
    )
    features: dict[str, float | None] = {
        "similarity": candidate.similarity,
        "days_apart": float(days) if days is not None else None,
        "same_country": same_country,
        "same_admin1": same_admin1,
        "same_place": same_place,
        "killed_contradicts": killed_contradicts,
    }
    contributions = {
        "similarity": candidate.similarity,
        "days_apart": -0.02 * min(days, 10) if days is not None else 0.0,
        "same_country": -0.30 if same_country == 0.0 else 0.0,
        "same_admin1": -0.15 if same_admin1 == 0.0 else 0.0,
        "same_place": 0.05 if same_place == 1.0 else (-0.05 if same_place == 0.0 else 0.0),
        "killed_contradicts": -0.10 * killed_contradicts,
    }
    score = round(sum(contributions.values()), 4)
    return ScoredCandidate(candidate.event_id, score, features, contributions)


def decide(
    report: ReportProfile, candidates: Sequence[CandidateEvent], thresholds: Thresholds
) -> MatchResult:
    """Join the best candidate above `join`; below `review` start a new event; between: review."""
    scored = sorted(
        (score_candidate(report, c) for c in candidates), key=lambda s: (-s.score, s.event_id)
    )
    if not scored:
        return MatchResult(Outcome.NEW_EVENT, None, None, [])
    best = scored[0]
    if best.score >= thresholds.join:
        return MatchResult(Outcome.JOINED, best.event_id, best.score, scored)
    if best.score >= thresholds.review:
        return MatchResult(Outcome.NEEDS_REVIEW, best.event_id, best.score, scored)
    return MatchResult(Outcome.NEW_EVENT, None, best.score, scored)
