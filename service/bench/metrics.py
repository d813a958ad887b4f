"""Dedup and figure metrics over a predicted grouping of reports (see the data README).

A grouping is a mapping report id -> event label. Predicted labels may be anything hashable (the
service's event ids, cluster numbers); gold labels are the datasets' event ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

UCDP_KILLED_INTERVAL = ("killed_low", "killed_high")


@dataclass(frozen=True, slots=True)
class DedupScores:
    """B-cubed and pairwise scores of one predicted grouping against the gold one."""

    reports: int
    predicted_events: int
    gold_events: int
    b3_precision: float
    b3_recall: float
    b3_f1: float
    pair_precision: float
    pair_recall: float
    pair_f1: float
    true_pairs: int  # report pairs together in both groupings
    predicted_pairs: int
    gold_pairs: int


@dataclass(frozen=True, slots=True)
class FigureAccuracy:
    """How well one predicted figure per event matches the gold figure.

    Rates count an event with no prediction as a miss, so they are comparable across methods that
    abstain differently; `mae` can only be taken over the events that have a prediction.
    """

    field: str
    events: int  # gold events whose gold figure is known
    predicted: int  # ... of which got a predicted figure
    missing: int  # ... of which got none (no predicted event, or the event has no figure)
    exact_rate: float
    mae: float | None  # None when nothing was predicted
    nonzero_events: int
    nonzero_exact_rate: float | None  # None when every gold figure is zero
    majority_value: int | None  # the most common gold figure ...
    majority_exact_rate: float  # ... and the exact rate of always predicting it
    interval_events: int  # gold events with both interval ends known (0 unless asked)
    within_interval_rate: float | None  # share of predictions inside [low, high]; UCDP


def dedup_scores(predicted: Mapping[str, Hashable], gold: Mapping[str, str]) -> DedupScores:
    """B-cubed and pairwise precision/recall/F1 over the reports of `gold`.

    Both are computed from the contingency counts n(p, g) = reports in predicted event p and gold
    event g, so the cost is linear in the number of reports. Pairwise precision is 1 when no pair
    is predicted (no false merge is possible) and recall is 1 when gold has no pair.
    """
    missing = [report_id for report_id in gold if report_id not in predicted]
    if missing:
        raise ValueError(f"{len(missing)} gold report(s) have no prediction, e.g. {missing[0]!r}")
    extra = [report_id for report_id in predicted if report_id not in gold]
    if extra:
        raise ValueError(f"{len(extra)} predicted report(s) have no gold, e.g. {extra[0]!r}")
    total = len(gold)
    if total == 0:
        raise ValueError("no reports to score")

    cells = Counter((predicted[report_id], gold_event) for report_id, gold_event in gold.items())
    predicted_sizes = Counter(predicted[report_id] for report_id in gold)
    gold_sizes = Counter(gold.values())

    # B-cubed: a report in cell (p, g) has precision n(p,g)/|p| and recall n(p,g)/|g|, and the
    # cell holds n(p,g) such reports.
    b3_precision = sum(n * n / predicted_sizes[p] for (p, _), n in cells.items()) / total
    b3_recall = sum(n * n / gold_sizes[g] for (_, g), n in cells.items()) / total

    true_pairs = sum(_pairs(n) for n in cells.values())
    predicted_pairs = sum(_pairs(n) for n in predicted_sizes.values())
    gold_pairs = sum(_pairs(n) for n in gold_sizes.values())
    pair_precision = true_pairs / predicted_pairs if predicted_pairs else 1.0
    pair_recall = true_pairs / gold_pairs if gold_pairs else 1.0

    return DedupScores(
        reports=total,
        predicted_events=len(predicted_sizes),
        gold_events=len(gold_sizes),
        b3_precision=b3_precision,
        b3_recall=b3_recall,
        b3_f1=_f1(b3_precision, b3_recall),
        pair_precision=pair_precision,
        pair_recall=pair_recall,
        pair_f1=_f1(pair_precision, pair_recall),
        true_pairs=true_pairs,
        predicted_pairs=predicted_pairs,
        gold_pairs=gold_pairs,
    )


def best_predicted_events(predicted: Mapping[str, Hashable], gold: Mapping[str, str]) -> dict[str, Hashable]:
    """Map each gold event to the predicted event holding most of its reports.

    Ties go to the predicted event that received the gold event's earliest report, in the
    iteration order of `predicted` (arrival order when built from a dataset): the event the
    system opened for it. Gold events none of whose reports were predicted are left out.
    """
    counts: dict[str, Counter[Hashable]] = {}
    first_seen: dict[str, dict[Hashable, int]] = {}
    for position, (report_id, event) in enumerate(predicted.items()):
        gold_event = gold.get(report_id)
        if gold_event is None:
            continue
        counts.setdefault(gold_event, Counter())[event] += 1
        first_seen.setdefault(gold_event, {}).setdefault(event, position)
    return {
        gold_event: min(counter, key=lambda event: (-counter[event], first_seen[gold_event][event]))
        for gold_event, counter in counts.items()
    }


def figure_accuracy(
    predicted: Mapping[str, Hashable],
    gold: Mapping[str, str],
    predicted_figures: Mapping[Hashable, int | None],
    gold_events: Mapping[str, Mapping[str, Any]],
    field: str = "killed",
    interval: tuple[str, str] | None = None,
) -> FigureAccuracy:
    """Score one figure (`field`) of the predicted events against the gold events.

    Each gold event is judged by its best predicted event (`best_predicted_events`), whose figure
    is looked up in `predicted_figures` (missing or None: no prediction). Gold events whose figure
    is null are unknown and skipped. `interval` names the gold fields of a plausible range, e.g.
    `UCDP_KILLED_INTERVAL`, to also report the share of predictions inside it.
    """
    best = best_predicted_events(predicted, gold)
    # Only gold events that have reports in `gold` can be matched at all.
    scored_events = sorted(set(gold.values()))
    gold_values: dict[str, int] = {}
    for gold_event in scored_events:
        value = gold_events[gold_event].get(field)
        if value is not None:
            gold_values[gold_event] = int(value)

    guesses: dict[str, int] = {}
    for gold_event in gold_values:
        if gold_event in best:
            guess = predicted_figures.get(best[gold_event])
            if guess is not None:
                guesses[gold_event] = int(guess)

    events = len(gold_values)
    exact = sum(1 for g, guess in guesses.items() if guess == gold_values[g])
    nonzero = [g for g, value in gold_values.items() if value != 0]
    nonzero_exact = sum(1 for g in nonzero if guesses.get(g) == gold_values[g])
    errors = [abs(guess - gold_values[g]) for g, guess in guesses.items()]

    majority_value: int | None = None
    majority_count = 0
    if gold_values:
        # most_common keeps first-seen order on ties; sorted events make that deterministic.
        majority_value, majority_count = Counter(gold_values.values()).most_common(1)[0]

    interval_events = 0
    within = 0
    if interval is not None:
        low_field, high_field = interval
        for gold_event in gold_values:
            low = gold_events[gold_event].get(low_field)
            high = gold_events[gold_event].get(high_field)
            if low is None or high is None:
                continue
            interval_events += 1
            guess = guesses.get(gold_event)
            if guess is not None and int(low) <= guess <= int(high):
                within += 1

    return FigureAccuracy(
        field=field,
        events=events,
        predicted=len(guesses),
        missing=events - len(guesses),
        exact_rate=exact / events if events else 0.0,
        mae=sum(errors) / len(errors) if errors else None,
        nonzero_events=len(nonzero),
        nonzero_exact_rate=nonzero_exact / len(nonzero) if nonzero else None,
        majority_value=majority_value,
        majority_exact_rate=majority_count / events if events else 0.0,
        interval_events=interval_events,
        within_interval_rate=(within / interval_events if interval is not None and interval_events else None),
    )


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
