"""The naive online baselines on tiny synthetic sets with obvious answers."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from service.bench.baselines import (
    FloatArray,
    Neighbours,
    cluster_online,
    dense_similarity,
    nearest_earlier,
    run_minilm_baseline,
    run_tfidf_baseline,
)
from service.bench.datasets import BenchReport, Dataset

FLOOD = "River flood swept homes in Riverton; water rose over the levee and families fled."
SHOOTING = "Gunman opened fire at a Springfield bank; police said the shooting left two dead."


def _report(report_id: str, text: str, day: int | None = 1, event_key: str | None = None) -> BenchReport:
    return BenchReport(
        id=report_id,
        source="test",
        url=None,
        title="",
        text=text,
        published_at=dt.date(2020, 1, day) if day is not None else None,
        language="en",
        event_key=event_key,
    )


def _dataset(reports: list[BenchReport], gold: dict[str, str]) -> Dataset:
    return Dataset(
        name="tiny",
        reports=reports,
        gold_assignment=gold,
        gold_events={event: {"event": event} for event in set(gold.values())},
    )


def _two_groups(dated: bool) -> Dataset:
    # Interleaved arrivals, so a report's nearest earlier one is not simply the one before it.
    texts = [
        ("f1", FLOOD, "FLOOD"),
        ("s1", SHOOTING, "SHOOT"),
        ("f2", FLOOD.replace("families fled", "residents fled"), "FLOOD"),
        ("s2", SHOOTING.replace("two dead", "a guard and a client dead"), "SHOOT"),
        ("f3", "Flood water in Riverton: homes swept, levee over-topped by the river.", "FLOOD"),
    ]
    reports = [
        _report(report_id, text, day=position + 1 if dated else None)
        for position, (report_id, text, _) in enumerate(texts)
    ]
    return _dataset(reports, {report_id: event for report_id, _, event in texts})


@pytest.mark.parametrize("dated", [True, False])
def test_tfidf_baseline_finds_two_obvious_groups(dated: bool) -> None:
    result = run_tfidf_baseline(_two_groups(dated))
    assert result.scores.b3_f1 == 1.0
    assert result.scores.pair_f1 == 1.0
    assert result.scores.predicted_events == 2
    assert result.assignment["f1"] == result.assignment["f2"] == result.assignment["f3"]
    assert result.assignment["s1"] == result.assignment["s2"] != result.assignment["f1"]
    assert result.window_days == (7 if dated else None)
    assert result.method in result.label
    assert f"{result.threshold:.2f}" in result.label
    # The threshold sweep covers the grid and the chosen point is its best B-cubed F1.
    assert max(scores.b3_f1 for _, scores in result.sweep) == result.scores.b3_f1


def test_window_keeps_reports_a_month_apart_in_separate_events() -> None:
    reports = [_report("a", FLOOD, day=1), _report("b", FLOOD, day=31)]
    result = run_tfidf_baseline(_dataset(reports, {"a": "E", "b": "E"}))
    assert result.scores.predicted_events == 2
    undated = [_report("a", FLOOD, day=None), _report("b", FLOOD, day=None)]
    assert run_tfidf_baseline(_dataset(undated, {"a": "E", "b": "E"})).scores.predicted_events == 1


def test_minilm_baseline_uses_the_injected_encoder() -> None:
    seen: list[list[str]] = []

    def encode(texts: list[str]) -> FloatArray:
        # A fake encoder: one axis per topic, so the two groups are orthogonal.
        seen.append(texts)
        return np.array([[1.0, 0.0] if "lood" in text else [0.0, 1.0] for text in texts])

    dataset = _two_groups(dated=True)
    result = run_minilm_baseline(dataset, encode)
    assert seen == [[report.text for report in dataset.reports]]
    assert result.scores.b3_f1 == 1.0
    assert result.scores.predicted_events == 2


def test_minilm_baseline_rejects_a_short_encoder() -> None:
    def encode(texts: list[str]) -> FloatArray:
        return np.zeros((len(texts) - 1, 2))

    with pytest.raises(ValueError, match="4 vectors for 5 texts"):
        run_minilm_baseline(_two_groups(dated=True), encode)


def test_nearest_earlier_picks_the_most_similar_allowed_report() -> None:
    vectors = np.array([[1.0, 0.0], [0.6, 0.8], [0.8, 0.6], [1.0, 0.0]])
    days = [dt.date(2020, 1, 1), dt.date(2020, 1, 5), dt.date(2020, 1, 6), dt.date(2020, 1, 10)]
    neighbours = nearest_earlier(dense_similarity(vectors), days, window_days=7)
    # Report 3 equals report 0, but report 0 is 9 days earlier: the best allowed is report 2.
    assert neighbours.index.tolist() == [-1, 0, 1, 2]
    assert neighbours.similarity[0] == -np.inf
    assert neighbours.similarity[1:] == pytest.approx([0.6, 0.96, 0.8])
    unwindowed = nearest_earlier(dense_similarity(vectors), days, window_days=None)
    assert unwindowed.index.tolist() == [-1, 0, 1, 0]


def test_cluster_online_threshold_and_keys() -> None:
    neighbours = Neighbours(
        index=np.array([-1, 0, 1, 0], dtype=np.int64),
        similarity=np.array([-np.inf, 0.9, 0.5, 0.95]),
    )
    assert cluster_online(neighbours, 0.8, [None] * 4) == [0, 0, 1, 0]
    assert cluster_online(neighbours, 0.4, [None] * 4) == [0, 0, 0, 0]
    # Keys decide alone: 1 is not pulled into 0's event however similar, and 2 joins 0 by key.
    assert cluster_online(neighbours, 0.4, ["a", "b", "a", None]) == [0, 1, 0, 0]
