"""`concord bench quality`: replay dev sets through the real pipeline and score what comes out."""

from __future__ import annotations

import json
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

from embeddings.encoder import TextEncoder
from service.bench.baselines import run_minilm_baseline, run_tfidf_baseline
from service.bench.datasets import BenchReport, Dataset, load_dataset, with_gold_grouping
from service.bench.errors import format_errors, load_decisions, match_errors
from service.bench.metrics import FigureAccuracy, dedup_scores, figure_accuracy
from service.bench.report import REFERENCE_ROWS, TableRow, format_table
from service.config import Settings
from service.db import make_engine
from service.replay import ReplayStats, replay
from service.schemas import ReportCreate


def as_report_create(report: BenchReport) -> ReportCreate:
    return ReportCreate(
        id=report.id,
        source=report.source,
        url=report.url,
        title=report.title,
        text=report.text,
        published_at=report.published_at,
        language=report.language,
        event_key=report.event_key,
    )


@dataclass(frozen=True)
class Replayed:
    assignment: dict[str, int]  # report id -> predicted event
    events: dict[int, dict[str, object]]  # predicted event -> its record
    stats: ReplayStats
    database_url: str  # the store it left behind, for reading its match decisions


def replay_dataset(dataset: Dataset, scratch: Path, encoder: TextEncoder, settings: Settings | None = None) -> Replayed:
    """Replay a set into a fresh store under `scratch`."""
    out = scratch / dataset.name
    settings = (settings or Settings()).model_copy(update={"data_dir": out / "store", "database_url": None})
    stats = replay([as_report_create(r) for r in dataset.reports], out, encoder, settings, show_progress=True)
    assignment = {
        row["id"]: row["event"] for row in map(json.loads, (out / "assignments.jsonl").read_text().splitlines())
    }
    events = {row["event"]: row for row in map(json.loads, (out / "events.jsonl").read_text().splitlines())}
    return Replayed(assignment, events, stats, settings.resolved_database_url)


def error_lines(dataset: Dataset, replayed: Replayed, sample: int) -> list[str]:
    engine = make_engine(replayed.database_url)
    try:
        decisions, stored_as = load_decisions(engine)
    finally:
        engine.dispose()
    return format_errors(match_errors(decisions, dataset.gold_assignment, stored_as, replayed.assignment), sample)


def _figure_lines(
    dataset: Dataset, assignment: dict[str, int], events: dict[int, dict[str, object]], label: str
) -> list[str]:
    lines = []
    for field in ("killed", "injured"):
        if not any(gold.get(field) is not None for gold in dataset.gold_events.values()):
            continue
        figures: dict[Hashable, int | None] = {
            event_id: _as_int(event.get(field)) for event_id, event in events.items()
        }
        accuracy = figure_accuracy(assignment, dataset.gold_assignment, figures, dataset.gold_events, field)
        lines.append(f"  {label:<26} {field:<8} {_describe(accuracy)}")
    return lines


def _as_int(value: object) -> int | None:
    return int(value) if isinstance(value, int | float) else None


def _describe(accuracy: FigureAccuracy) -> str:
    nonzero = "-" if accuracy.nonzero_exact_rate is None else f"{accuracy.nonzero_exact_rate:.3f}"
    mae = "-" if accuracy.mae is None else f"{accuracy.mae:.2f}"
    return (
        f"exact {accuracy.exact_rate:.3f} (non-zero {nonzero}; majority baseline {accuracy.majority_exact_rate:.3f}) "
        f"MAE {mae}, no figure {accuracy.missing}/{accuracy.events}"
    )


def run_quality(
    data_dir: Path,
    set_names: Sequence[str],
    scratch: Path,
    encoder: TextEncoder | None = None,
    *,
    baselines: bool = True,
    errors: int = 5,
) -> str:
    """A printable report: per set, Concord beside the naive baselines and the reference rows, and a
    sample of `errors` match errors of each kind (0: none)."""
    if encoder is None:
        from service.main import default_encoder

        encoder = default_encoder(Settings())
    out: list[str] = []
    for name in set_names:
        dataset = load_dataset(data_dir / name)
        replayed = replay_dataset(dataset, scratch, encoder)
        assignment, events, stats = replayed.assignment, replayed.events, replayed.stats
        rows = [TableRow.from_scores("Concord", dedup_scores(assignment, dataset.gold_assignment))]
        if baselines:
            measured = [run_tfidf_baseline(dataset), run_minilm_baseline(dataset, encoder.encode)]
            rows += [TableRow.from_scores(f"naive: {r.label}", r.scores) for r in measured]
        rows += [TableRow.from_reference(ref) for ref in REFERENCE_ROWS if ref.dataset == name]
        out.append(
            f"\n{name}: {len(dataset.reports):,} reports, {len(dataset.gold_events):,} gold events; "
            f"replay {stats.reports_per_second:.1f} reports/s"
        )
        out.append(format_table(rows))
        if errors:
            out.extend(error_lines(dataset, replayed, errors))
        figure_lines = _figure_lines(dataset, assignment, events, "Concord matching")
        if figure_lines and any(r.event_key is None for r in dataset.reports):
            grouped = with_gold_grouping(dataset)
            by_key = replay_dataset(grouped, scratch / "gold-grouping", encoder)
            figure_lines += _figure_lines(grouped, by_key.assignment, by_key.events, "gold grouping (event_key)")
        if figure_lines:
            out.append("figures (per gold event, from the predicted event holding most of its reports):")
            out.extend(figure_lines)
    return "\n".join(out)
