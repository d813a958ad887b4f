"""Dedup and figure metrics on clusterings small enough to score by hand."""

from __future__ import annotations

import itertools
import random
from collections.abc import Hashable, Mapping

import pytest

from service.bench.metrics import (
    UCDP_KILLED_INTERVAL,
    best_predicted_events,
    dedup_scores,
    figure_accuracy,
)

# Seven reports in three gold events: G1 = {1, 2, 3, 4}, G2 = {5, 6}, G3 = {7}.
GOLD = {"1": "G1", "2": "G1", "3": "G1", "4": "G1", "5": "G2", "6": "G2", "7": "G3"}


def test_perfect_grouping_scores_one() -> None:
    # Labels differ from gold's: only the partition matters.
    predicted = {report: f"event-{event}" for report, event in GOLD.items()}
    scores = dedup_scores(predicted, GOLD)
    assert scores.b3_precision == scores.b3_recall == scores.b3_f1 == 1.0
    assert scores.pair_precision == scores.pair_recall == scores.pair_f1 == 1.0
    assert (scores.predicted_events, scores.gold_events, scores.reports) == (3, 3, 7)
    assert scores.true_pairs == scores.predicted_pairs == scores.gold_pairs == 7


def test_all_singletons() -> None:
    # B3: precision 1; recall = (4 * 1/4 + 2 * 1/2 + 1 * 1) / 7 = 3/7.
    # Pairwise: no predicted pair, so precision is vacuously 1 and recall 0 of 7 gold pairs.
    scores = dedup_scores({report: report for report in GOLD}, GOLD)
    assert scores.b3_precision == 1.0
    assert scores.b3_recall == pytest.approx(3 / 7)
    assert scores.b3_f1 == pytest.approx(2 * (3 / 7) / (1 + 3 / 7))
    assert (scores.pair_precision, scores.pair_recall, scores.pair_f1) == (1.0, 0.0, 0.0)
    assert scores.predicted_events == 7


def test_all_in_one() -> None:
    # B3: recall 1; precision = (4 * 4/7 + 2 * 2/7 + 1 * 1/7) / 7 = 21/49 = 3/7.
    # Pairwise: 21 predicted pairs, 7 gold pairs all among them: P = 7/21, R = 1, F1 = 1/2.
    scores = dedup_scores(dict.fromkeys(GOLD, 0), GOLD)
    assert scores.b3_precision == pytest.approx(3 / 7)
    assert scores.b3_recall == 1.0
    assert scores.pair_precision == pytest.approx(1 / 3)
    assert scores.pair_recall == 1.0
    assert scores.pair_f1 == pytest.approx(0.5)
    assert scores.predicted_events == 1


def test_worked_example() -> None:
    # Predicted P1 = {1, 2, 5}, P2 = {3, 4}, P3 = {6, 7}.
    # Cells n(P, G): (P1,G1)=2 (P1,G2)=1 (P2,G1)=2 (P3,G2)=1 (P3,G3)=1; sizes P 3,2,2; G 4,2,1.
    # B3 precision = sum n^2/|P| / 7 = (4/3 + 1/3 + 4/2 + 1/2 + 1/2) / 7 = (14/3) / 7 = 2/3.
    # B3 recall    = sum n^2/|G| / 7 = (4/4 + 1/2 + 4/4 + 1/2 + 1/1) / 7 = 4/7.
    # B3 F1 = 2 (2/3)(4/7) / (2/3 + 4/7) = (16/21) / (26/21) = 8/13.
    # Pairs: true = C(2,2) + C(2,2) = 2 ({1,2}, {3,4}); predicted = 3 + 1 + 1 = 5;
    # gold = 6 + 1 + 0 = 7. P = 2/5, R = 2/7, F1 = (8/35) / (24/35) = 1/3.
    predicted = {"1": "P1", "2": "P1", "5": "P1", "3": "P2", "4": "P2", "6": "P3", "7": "P3"}
    scores = dedup_scores(predicted, GOLD)
    assert scores.b3_precision == pytest.approx(2 / 3)
    assert scores.b3_recall == pytest.approx(4 / 7)
    assert scores.b3_f1 == pytest.approx(8 / 13)
    assert (scores.true_pairs, scores.predicted_pairs, scores.gold_pairs) == (2, 5, 7)
    assert scores.pair_precision == pytest.approx(2 / 5)
    assert scores.pair_recall == pytest.approx(2 / 7)
    assert scores.pair_f1 == pytest.approx(1 / 3)
    assert (scores.predicted_events, scores.gold_events) == (3, 3)


def _brute_force_pairs(predicted: Mapping[str, Hashable], gold: Mapping[str, str]) -> tuple[int, int, int]:
    true = predicted_pairs = gold_pairs = 0
    for a, b in itertools.combinations(gold, 2):
        same_predicted = predicted[a] == predicted[b]
        same_gold = gold[a] == gold[b]
        predicted_pairs += same_predicted
        gold_pairs += same_gold
        true += same_predicted and same_gold
    return true, predicted_pairs, gold_pairs


def _brute_force_b3(predicted: Mapping[str, Hashable], gold: Mapping[str, str]) -> tuple[float, float]:
    precision = recall = 0.0
    for report in gold:
        same_predicted = {r for r in gold if predicted[r] == predicted[report]}
        same_gold = {r for r in gold if gold[r] == gold[report]}
        overlap = len(same_predicted & same_gold)
        precision += overlap / len(same_predicted)
        recall += overlap / len(same_gold)
    return precision / len(gold), recall / len(gold)


@pytest.mark.parametrize("seed", range(5))
def test_contingency_counts_match_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    gold = {f"r{i}": f"g{rng.randrange(6)}" for i in range(40)}
    predicted = {report: rng.randrange(8) for report in gold}
    scores = dedup_scores(predicted, gold)
    assert (scores.true_pairs, scores.predicted_pairs, scores.gold_pairs) == _brute_force_pairs(predicted, gold)
    b3_precision, b3_recall = _brute_force_b3(predicted, gold)
    assert scores.b3_precision == pytest.approx(b3_precision)
    assert scores.b3_recall == pytest.approx(b3_recall)


def test_reports_must_match() -> None:
    with pytest.raises(ValueError, match="no prediction"):
        dedup_scores({"1": 0}, GOLD)
    with pytest.raises(ValueError, match="no gold"):
        dedup_scores({**dict.fromkeys(GOLD, 0), "8": 0}, GOLD)
    with pytest.raises(ValueError, match="no reports"):
        dedup_scores({}, {})


def test_best_predicted_event_majority_then_earliest_report() -> None:
    gold = {"a": "E", "b": "E", "c": "E", "d": "F", "e": "F"}
    # E: two reports in X, one in Y -> X by majority, though Y got E's first report.
    # F: one report each in Y and Z -> a tie, won by the event that got F's first report.
    predicted = {"c": "Y", "a": "X", "b": "X", "e": "Z", "d": "Y"}
    assert best_predicted_events(predicted, gold) == {"E": "X", "F": "Z"}
    # The same tie resolves the other way when arrival order is reversed.
    reordered = {"d": "Y", "e": "Z", "a": "X", "b": "X", "c": "Y"}
    assert best_predicted_events(reordered, gold) == {"E": "X", "F": "Y"}


def test_figure_accuracy() -> None:
    gold = {"a": "E1", "b": "E1", "c": "E2", "d": "E3", "e": "E4", "f": "E5", "g": "E6"}
    gold_events: dict[str, dict[str, int | None]] = {
        "E1": {"killed": 3, "killed_low": 2, "killed_high": 4},
        "E2": {"killed": 0, "killed_low": 0, "killed_high": 0},
        "E3": {"killed": 5, "killed_low": 5, "killed_high": 6},
        "E4": {"killed": 2, "killed_low": None, "killed_high": None},
        "E5": {"killed": None},  # unknown: not scored at all
        "E6": {"killed": 0, "killed_low": 0, "killed_high": 1},
    }
    # E1 -> P1 (both reports), E2 -> P2, E3 -> P3, E4 -> P4 (no figure), E6 -> P2 as well.
    predicted = {"a": "P1", "b": "P1", "c": "P2", "d": "P3", "e": "P4", "f": "P5", "g": "P2"}
    figures: dict[Hashable, int | None] = {"P1": 3, "P2": 0, "P3": 7, "P4": None, "P5": 1}
    result = figure_accuracy(predicted, gold, figures, gold_events, interval=UCDP_KILLED_INTERVAL)
    assert result.events == 5  # E5's gold is unknown
    assert (result.predicted, result.missing) == (4, 1)  # E4 has no figure
    # Exact: E1, E2, E6 of 5 events; E3 is off by 2, E4 is a miss.
    assert result.exact_rate == pytest.approx(3 / 5)
    assert result.mae == pytest.approx(2 / 4)
    # Non-zero gold: E1 (exact), E3 (wrong), E4 (missing).
    assert result.nonzero_events == 3
    assert result.nonzero_exact_rate == pytest.approx(1 / 3)
    # Gold values 3, 0, 5, 2, 0: always guessing 0 gets 2 of 5.
    assert result.majority_value == 0
    assert result.majority_exact_rate == pytest.approx(2 / 5)
    # Intervals known for E1, E2, E3, E6; predictions 3, 0, 7, 0 -> inside for E1, E2, E6.
    assert result.interval_events == 4
    assert result.within_interval_rate == pytest.approx(3 / 4)


def test_figure_accuracy_without_interval_or_predictions() -> None:
    gold = {"a": "E1"}
    result = figure_accuracy({"a": 1}, gold, {}, {"E1": {"killed": 4}})
    assert (result.events, result.predicted, result.missing) == (1, 0, 1)
    assert result.exact_rate == 0.0
    assert result.mae is None
    assert result.within_interval_rate is None
    assert result.interval_events == 0
