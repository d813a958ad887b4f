"""The pure matcher: outcomes by threshold, contradictions lower the score, every feature is kept."""

from __future__ import annotations

import datetime as dt

import pytest

from service.matching import CandidateEvent, Outcome, ReportProfile, Thresholds, decide, score_candidate

MONDAY = dt.date(2024, 3, 4)


def test_no_candidates_means_new_event() -> None:
    result = decide(ReportProfile(), [], Thresholds())
    assert result.outcome == Outcome.NEW_EVENT and result.event_id is None and result.score is None


@pytest.mark.parametrize(
    ("similarity", "outcome"),
    [(0.95, Outcome.JOINED), (0.70, Outcome.NEEDS_REVIEW), (0.40, Outcome.NEW_EVENT)],
)
def test_thresholds_decide_the_outcome(similarity: float, outcome: Outcome) -> None:
    result = decide(ReportProfile(), [CandidateEvent(7, similarity)], Thresholds(join=0.8, review=0.65))
    assert result.outcome == outcome
    assert result.event_id == (None if outcome == Outcome.NEW_EVENT else 7)


def test_best_candidate_wins_and_all_are_kept() -> None:
    result = decide(ReportProfile(), [CandidateEvent(1, 0.82), CandidateEvent(2, 0.91)], Thresholds())
    assert result.event_id == 2
    assert [c.event_id for c in result.candidates] == [2, 1]


def test_other_country_and_contradicting_toll_lower_the_score() -> None:
    report = ReportProfile(event_date=MONDAY, country="Syria", admin1="Deir ez-Zor", killed=40)
    agreeing = CandidateEvent(1, 0.85, event_date=MONDAY, country="Syria", admin1="Deir ez-Zor")
    elsewhere = CandidateEvent(2, 0.85, event_date=MONDAY, country="Iraq", admin1="Anbar", killed_low=1, killed_high=1)
    assert score_candidate(report, agreeing).score > score_candidate(report, elsewhere).score
    scored = score_candidate(report, elsewhere)
    assert scored.contributions["same_country"] < 0 and scored.contributions["killed_contradicts"] < 0
    assert scored.features["same_country"] == 0.0
    assert scored.score == pytest.approx(sum(scored.contributions.values()), abs=1e-3)


def test_days_apart_are_penalised() -> None:
    near = score_candidate(ReportProfile(event_date=MONDAY), CandidateEvent(1, 0.9, event_date=MONDAY))
    far = score_candidate(
        ReportProfile(event_date=MONDAY), CandidateEvent(1, 0.9, event_date=MONDAY + dt.timedelta(days=6))
    )
    assert far.score < near.score and far.features["days_apart"] == 6.0


def test_thresholds_must_be_ordered() -> None:
    with pytest.raises(ValueError, match="review"):
        Thresholds(join=0.5, review=0.7)
