"""`concord bench reconcile`: reconciliation alone, on gold grouping, beside naive combiners.

Each report is read by the extractor; its claims are grouped by the gold event (the grouping is given,
so matching cannot blur the score) and reconciled exactly as the service does. The naive combiners take
one figure per report (its first main-event killed claim) and combine them per event: first, latest,
min, median, max.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from service.bench.datasets import BenchReport, Dataset, load_dataset
from service.domain import Extraction, FigureKind, SourcedClaim, report_document
from service.extraction import extract
from service.reconciliation import Policy, reconcile
from service.reconciliation.figures import none_reported

Combiner = Callable[[list[int]], int]
COMBINERS: dict[str, Combiner] = {
    "first": lambda values: values[0],
    "latest": lambda values: values[-1],
    "min": min,
    "median": lambda values: int(statistics.median_low(values)),
    "max": max,
}
HEADLINE_NUMBER = re.compile(r"\b\d+\b")


@dataclass(frozen=True)
class FigureScore:
    method: str
    field: str
    events: int
    exact: float
    nonzero_exact: float | None
    no_figure: int
    within: float | None = None  # UCDP: best inside [killed_low, killed_high], over all events
    eligible_within: float | None = None  # ... over events where a headline number lies inside

    def line(self) -> str:
        parts = [f"{self.method:<22} {self.field:<8} exact {self.exact:.3f}"]
        if self.nonzero_exact is not None:
            parts.append(f"non-zero {self.nonzero_exact:.3f}")
        if self.within is not None:
            parts.append(f"inside [low, high] {self.within:.3f}")
        if self.eligible_within is not None:
            parts.append(f"inside where a headline number is {self.eligible_within:.3f}")
        parts.append(f"no figure {self.no_figure}/{self.events}")
        return "  " + ", ".join(parts)


def _extractions(reports: Sequence[BenchReport]) -> list[Extraction]:
    return [extract(report_document(r.title, r.text), r.published_at) for r in reports]


def _sourced(reports: Sequence[BenchReport], extractions: Sequence[Extraction]) -> dict[str, list[SourcedClaim]]:
    """Main-event claims grouped by gold event, with ids and arrival order as the service assigns them."""
    grouped: dict[str, list[SourcedClaim]] = defaultdict(list)
    claim_id = 0
    for arrival, (report, extraction) in enumerate(zip(reports, extractions, strict=True)):
        assert report.event_key is not None
        for claim in extraction.claims():
            if claim.event_ref != 0:
                continue
            claim_id += 1
            grouped[report.event_key].append(
                SourcedClaim(claim_id, arrival, report.source, report.published_at, arrival, claim)
            )
    return grouped


def _report_figure(extraction: Extraction, kind: FigureKind) -> int | None:
    return next((f.best for f in extraction.figures if f.kind == kind and f.event_ref == 0 and not f.bound_only), None)


def _score(
    method: str, field: str, dataset: Dataset, predicted: dict[str, int | None], eligible: set[str] | None
) -> FigureScore:
    gold = {event: g[field] for event, g in dataset.gold_events.items() if g.get(field) is not None}
    exact = sum(1 for event, value in gold.items() if predicted.get(event) == value)
    nonzero = [event for event, value in gold.items() if value != 0]
    within = eligible_within = None
    if "killed_low" in next(iter(dataset.gold_events.values())) and field == "killed":

        def inside(event: str) -> bool:
            guess, g = predicted.get(event), dataset.gold_events[event]
            return guess is not None and g["killed_low"] <= guess <= g["killed_high"]

        bounded = [e for e in gold if dataset.gold_events[e].get("killed_low") is not None]
        within = sum(map(inside, bounded)) / len(bounded)
        if eligible:
            eligible_within = sum(map(inside, eligible)) / len(eligible)
    return FigureScore(
        method=method,
        field=field,
        events=len(gold),
        exact=exact / len(gold),
        nonzero_exact=sum(1 for e in nonzero if predicted.get(e) == gold[e]) / len(nonzero) if nonzero else None,
        no_figure=sum(1 for e in gold if predicted.get(e) is None),
        within=within,
        eligible_within=eligible_within,
    )


def headline_eligible(dataset: Dataset) -> set[str]:
    """UCDP events where some integer in a headline lies inside [killed_low, killed_high]."""
    eligible = set()
    for report in dataset.reports:
        gold = dataset.gold_events[dataset.gold_assignment[report.id]]
        low, high = gold.get("killed_low"), gold.get("killed_high")
        if low is None or high is None:
            continue
        if any(low <= int(n) <= high for n in HEADLINE_NUMBER.findall(report.title)):
            eligible.add(dataset.gold_assignment[report.id])
    return eligible


def bench_set(dataset: Dataset) -> list[str]:
    grouped_reports = [
        BenchReport(r.id, r.source, r.url, r.title, r.text, r.published_at, r.language, dataset.gold_assignment[r.id])
        for r in dataset.reports
    ]
    extractions = _extractions(grouped_reports)
    claims = _sourced(grouped_reports, extractions)
    is_ucdp = "killed_low" in next(iter(dataset.gold_events.values()))
    eligible = headline_eligible(dataset) if is_ucdp else None
    fields = [f for f in ("killed", "injured") if any(g.get(f) is not None for g in dataset.gold_events.values())]
    lines = []
    if eligible is not None:
        lines.append(
            f"  {len(eligible)} of {len(dataset.gold_events)} events have a headline number inside [low, high]"
        )
    for field in fields:
        kind = FigureKind(field)
        for policy in Policy:
            predicted: dict[str, int | None] = {}
            for event in dataset.gold_events:
                decision = reconcile(claims.get(event, []), policy).get(field) or none_reported(kind)
                best = decision.value.get("best") if decision and decision.value else None
                predicted[event] = int(best) if isinstance(best, int) else None
            lines.append(_score(f"Concord ({policy.value})", field, dataset, predicted, eligible).line())
        per_event: dict[str, list[int]] = defaultdict(list)
        for report, extraction in zip(grouped_reports, extractions, strict=True):
            if (value := _report_figure(extraction, kind)) is not None:
                assert report.event_key is not None
                per_event[report.event_key].append(value)
        for name, combine in COMBINERS.items():
            naive: dict[str, int | None] = {
                event: combine(values) if values else 0  # no figure anywhere: 0, as Concord codes it
                for event in dataset.gold_events
                for values in [per_event.get(event, [])]
            }
            lines.append(_score(f"naive: {name}", field, dataset, naive, eligible).line())
    return lines


def run_reconcile(data_dir: Path, set_names: Sequence[str]) -> str:
    out = []
    for name in set_names:
        dataset = load_dataset(data_dir / name)
        out.append(
            f"\n{name} with gold grouping: {len(dataset.reports):,} reports, {len(dataset.gold_events):,} events"
        )
        out.extend(bench_set(dataset))
    return "\n".join(out)
