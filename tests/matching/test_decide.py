"""The pure matcher: outcomes by threshold, the best report of an event decides, every term is kept."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from service.matching import (
    CandidateEvent,
    CandidateReport,
    MatchModel,
    Outcome,
    ReportEvidence,
    ReportProfile,
    Thresholds,
    Vocabulary,
    decide,
    score_candidate,
)
from service.matching.features import pair_features
from service.matching.model import model_terms

MONDAY = dt.date(2024, 3, 4)
TERMS = sorted(model_terms(pair_features(ReportEvidence(), ReportEvidence(), 0.0, Vocabulary())))


def toy_model(**weights: float) -> MatchModel:
    """Unit scales and zero means, so a contribution is weight x value: easy to check by hand."""
    return MatchModel(
        version="test",
        weights={name: weights.get(name, 0.0) for name in TERMS},
        means=dict.fromkeys(TERMS, 0.0),
        scales=dict.fromkeys(TERMS, 1.0),
        bias=-4.0,
    )


MODEL = toy_model(dense=8.0, place=2.0, killed=1.5, log_days=-1.0)


def probability(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-logit))


def test_no_candidates_means_new_event() -> None:
    result = decide(ReportProfile(), [], Thresholds(), MODEL)
    assert result.outcome == Outcome.NEW_EVENT and result.event_id is None and result.score is None


@pytest.mark.parametrize(
    ("similarity", "outcome"),
    [(0.95, Outcome.JOINED), (0.65, Outcome.NEEDS_REVIEW), (0.30, Outcome.NEW_EVENT)],
)
def test_thresholds_decide_the_outcome(similarity: float, outcome: Outcome) -> None:
    # p = sigmoid(-4 + 8 x similarity): 0.95 -> 0.98, 0.65 -> 0.77, 0.30 -> 0.17
    result = decide(ReportProfile(), [CandidateEvent(7, similarity)], Thresholds(join=0.9, review=0.5), MODEL)
    assert result.outcome == outcome
    assert result.event_id == (None if outcome == Outcome.NEW_EVENT else 7)
    assert result.score == pytest.approx(probability(-4.0 + 8.0 * similarity), abs=1e-4)


def test_best_candidate_wins_and_all_are_kept() -> None:
    result = decide(ReportProfile(), [CandidateEvent(1, 0.82), CandidateEvent(2, 0.91)], Thresholds(), MODEL)
    assert result.event_id == 2
    assert [c.event_id for c in result.candidates] == [2, 1]


def test_contributions_add_up_to_the_log_odds() -> None:
    report = ReportProfile(event_date=MONDAY, country="Syria", admin1="Deir ez-Zor", killed=40)
    elsewhere = CandidateEvent(
        2, 0.85, event_date=MONDAY + dt.timedelta(days=3), country="Iraq", admin1="Anbar", killed_low=1, killed_high=1
    )
    scored = score_candidate(report, elsewhere, MODEL)
    assert scored.features["place"] == -1.0 and scored.features["killed"] == -1.0
    assert scored.contributions["place"] == -2.0 and scored.contributions["killed"] == -1.5
    assert scored.contributions["log_days"] == pytest.approx(-math.log(4), abs=1e-4)
    logit = sum(scored.contributions.values())
    assert scored.score == pytest.approx(probability(logit), abs=1e-4)


def test_other_place_and_contradicting_toll_lower_the_score() -> None:
    report = ReportProfile(event_date=MONDAY, country="Syria", admin1="Deir ez-Zor", killed=40)
    agreeing = CandidateEvent(1, 0.85, event_date=MONDAY, country="Syria", admin1="Deir ez-Zor")
    elsewhere = CandidateEvent(2, 0.85, event_date=MONDAY, country="Iraq", admin1="Anbar", killed_low=1, killed_high=1)
    assert score_candidate(report, agreeing, MODEL).score > score_candidate(report, elsewhere, MODEL).score


def test_the_best_matching_report_of_an_event_decides() -> None:
    near = CandidateReport(11, 0.9, ReportEvidence(event_date=MONDAY))
    far = CandidateReport(12, 0.9, ReportEvidence(event_date=MONDAY + dt.timedelta(days=200)))
    event = CandidateEvent(5, 0.9, reports=(far, near))
    scored = score_candidate(ReportProfile(evidence=ReportEvidence(event_date=MONDAY)), event, MODEL)
    assert scored.features["compared_report"] == 11.0 and scored.features["reports_compared"] == 2.0
    assert scored.score == pytest.approx(probability(-4.0 + 8.0 * 0.9), abs=1e-4)


def test_thresholds_must_be_ordered_probabilities() -> None:
    with pytest.raises(ValueError, match="review"):
        Thresholds(join=0.5, review=0.7)
    with pytest.raises(ValueError, match="review"):
        Thresholds(join=1.2, review=0.7)
