"""Report + candidate events -> scored match decision, from evidence weighed by a learned model.

Each candidate event comes with some of its reports (those the vector index found near the new
report, or that share its place). The new report is compared with each of them feature by feature
(`features.pair_features`); the learned model (`model.py`) turns the features into a calibrated
probability that the two are one event, and the event scores as its best-matching report. The
features and their log-odds contributions of that best pair are kept, so every decision can be
read back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from service.matching.features import ReportEvidence, pair_features
from service.matching.model import MatchModel, shipped_model

MATCHER_VERSION = "evidence-trees/v5"  # v5: numbers none in common are a conflict


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
    evidence: ReportEvidence | None = None  # text evidence; None: only the fields above

    def as_evidence(self) -> ReportEvidence:
        if self.evidence is not None:
            return self.evidence
        return ReportEvidence(
            event_date=self.event_date,
            country=self.country,
            admin1=self.admin1,
            place_name=self.place_name,
            killed=self.killed,
        )


@dataclass(frozen=True, slots=True)
class CandidateReport:
    """One report of a candidate event, with its cosine to the incoming report."""

    report_id: int
    similarity: float
    evidence: ReportEvidence


@dataclass(frozen=True, slots=True)
class CandidateEvent:
    """An existing event, with the reports of it to compare against.

    Without `reports`, the event's own fields stand in for one report with cosine `similarity`.
    """

    event_id: int
    similarity: float  # best cosine between the report and any report of the event
    event_date: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    place_name: str | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    reports: tuple[CandidateReport, ...] = ()

    def comparable_reports(self) -> tuple[CandidateReport, ...]:
        if self.reports:
            return self.reports
        killed = self.killed_low if self.killed_low is not None and self.killed_low == self.killed_high else None
        evidence = ReportEvidence(
            event_date=self.event_date,
            country=self.country,
            admin1=self.admin1,
            place_name=self.place_name,
            killed=killed,
        )
        return (CandidateReport(0, self.similarity, evidence),)


@dataclass(frozen=True, slots=True)
class ScoredCandidate:
    event_id: int
    score: float  # probability that the report belongs to this event
    features: dict[str, float | None]
    contributions: dict[str, float]  # log-odds; with "bias", they add up to logit(score)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Probabilities: join at or above `join`, new event below `review`, needs review between."""

    join: float = 0.80
    review: float = 0.65

    def __post_init__(self) -> None:
        if not 0.0 <= self.review <= self.join <= 1.0:
            raise ValueError(f"need 0 <= review ({self.review}) <= join ({self.join}) <= 1")


@dataclass(frozen=True, slots=True)
class MatchResult:
    outcome: Outcome
    event_id: int | None  # None: start a new event
    score: float | None
    candidates: list[ScoredCandidate] = field(default_factory=list)


def score_candidate(
    report: ReportProfile, candidate: CandidateEvent, model: MatchModel | None = None
) -> ScoredCandidate:
    """The probability that `report` belongs to `candidate`: that of its best-matching report."""
    return score_candidates(report, [candidate], model)[0]


def score_candidates(
    report: ReportProfile, candidates: Sequence[CandidateEvent], model: MatchModel | None = None
) -> list[ScoredCandidate]:
    """`score_candidate` for each candidate, with every pair of reports weighed in one batch."""
    model = model or shipped_model()
    evidence = report.as_evidence()
    compared = [candidate.comparable_reports() for candidate in candidates]
    features = [
        pair_features(evidence, other.evidence, other.similarity, model.vocabulary)
        for reports in compared
        for other in reports
    ]
    probabilities, contributions = model.probabilities(features)
    scored, first = [], 0
    for candidate, reports in zip(candidates, compared, strict=True):
        pairs = range(first, first + len(reports))
        first += len(reports)
        best = max(pairs, key=lambda pair: (probabilities[pair], -pair))  # the first of equals, as before
        recorded: dict[str, float | None] = dict(features[best])
        other = reports[best - pairs.start]
        recorded["compared_report"] = float(other.report_id) if other.report_id else None
        recorded["reports_compared"] = float(len(reports))
        scored.append(
            ScoredCandidate(
                candidate.event_id,
                round(probabilities[best], 4),
                recorded,
                {"bias": model.bias, **contributions[best]},
            )
        )
    return scored


def decide(
    report: ReportProfile,
    candidates: Sequence[CandidateEvent],
    thresholds: Thresholds,
    model: MatchModel | None = None,
) -> MatchResult:
    """Join the best candidate at or above `join`; below `review` start a new event; between: review."""
    scored = sorted(score_candidates(report, candidates, model), key=lambda s: (-s.score, s.event_id))
    if not scored:
        return MatchResult(Outcome.NEW_EVENT, None, None, [])
    best = scored[0]
    if best.score >= thresholds.join:
        return MatchResult(Outcome.JOINED, best.event_id, best.score, scored)
    if best.score >= thresholds.review:
        return MatchResult(Outcome.NEEDS_REVIEW, best.event_id, best.score, scored)
    return MatchResult(Outcome.NEW_EVENT, None, best.score, scored)
