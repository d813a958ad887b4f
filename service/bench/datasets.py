"""Typed loading of one evaluation set folder (see the data README for the format).

A set is a folder holding `reports.jsonl` (in arrival order), `gold_reports.jsonl` (report id ->
true event) and `gold_events.jsonl` (true event -> gold fields). The data lives outside the repo and
is only ever read from a path given by the caller.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

REPORTS_FILE = "reports.jsonl"
GOLD_REPORTS_FILE = "gold_reports.jsonl"
GOLD_EVENTS_FILE = "gold_events.jsonl"

GoldEvent = dict[str, Any]


class DatasetError(ValueError):
    """An evaluation set folder is missing a file or holds a malformed line."""


@dataclass(frozen=True, slots=True)
class BenchReport:
    """One report as a client would POST it."""

    id: str
    source: str
    url: str | None
    title: str
    text: str
    published_at: dt.date | None
    language: str
    event_key: str | None = None


@dataclass(frozen=True, slots=True)
class Dataset:
    """One evaluation set: reports in arrival order and their gold grouping and figures."""

    name: str
    reports: list[BenchReport]
    gold_assignment: dict[str, str]  # report id -> gold event id
    gold_events: dict[str, GoldEvent]  # gold event id -> the dataset's gold fields

    @property
    def has_dates(self) -> bool:
        """True when at least one report carries a publication date (ECB+ has none)."""
        return any(report.published_at is not None for report in self.reports)


def load_dataset(path: Path) -> Dataset:
    """Load the evaluation set in folder `path`; its name is the folder name."""
    path = Path(path)
    if not path.is_dir():
        raise DatasetError(f"{path}: not a folder")
    missing = [name for name in (REPORTS_FILE, GOLD_REPORTS_FILE, GOLD_EVENTS_FILE) if not (path / name).is_file()]
    if missing:
        raise DatasetError(f"{path}: missing {', '.join(missing)}")

    reports = [_parse_report(row, where) for row, where in _read_jsonl(path / REPORTS_FILE)]
    gold_assignment: dict[str, str] = {}
    for row, where in _read_jsonl(path / GOLD_REPORTS_FILE):
        gold_assignment[_required_str(row, "id", where)] = _required_str(row, "event", where)
    gold_events: dict[str, GoldEvent] = {}
    for row, where in _read_jsonl(path / GOLD_EVENTS_FILE):
        gold_events[_required_str(row, "event", where)] = row

    _check_consistent(path, reports, gold_assignment, gold_events)
    return Dataset(
        name=path.name,
        reports=reports,
        gold_assignment=gold_assignment,
        gold_events=gold_events,
    )


def with_gold_grouping(dataset: Dataset) -> Dataset:
    """A copy whose reports carry their gold event as `event_key`, to score reconciliation alone."""
    reports = [replace(report, event_key=dataset.gold_assignment[report.id]) for report in dataset.reports]
    return replace(dataset, name=f"{dataset.name}+gold-grouping", reports=reports)


def _read_jsonl(file: Path) -> Iterator[tuple[dict[str, Any], str]]:
    """Yield each non-blank line's object with a `file:line` tag for error messages."""
    with file.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{file}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise DatasetError(f"{where}: invalid JSON ({error.msg})") from error
            if not isinstance(row, dict):
                raise DatasetError(f"{where}: expected a JSON object")
            yield row, where


def _parse_report(row: dict[str, Any], where: str) -> BenchReport:
    published = _optional_str(row, "published_at", where)
    try:
        # Kept as given, even UCDP's placeholder "1753-01-01": the service sees the same value.
        published_at = dt.date.fromisoformat(published) if published is not None else None
    except ValueError as error:
        raise DatasetError(f"{where}: published_at {published!r} is not YYYY-MM-DD") from error
    return BenchReport(
        id=_required_str(row, "id", where),
        source=_required_str(row, "source", where),
        url=_optional_str(row, "url", where),
        title=_optional_str(row, "title", where) or "",
        text=_required_str(row, "text", where),
        published_at=published_at,
        language=_required_str(row, "language", where),
        event_key=_optional_str(row, "event_key", where),
    )


def _required_str(row: dict[str, Any], key: str, where: str) -> str:
    value = row.get(key)
    if not isinstance(value, str):
        raise DatasetError(f"{where}: {key!r} must be a string, got {value!r}")
    return value


def _optional_str(row: dict[str, Any], key: str, where: str) -> str | None:
    value = row.get(key)
    if value is not None and not isinstance(value, str):
        raise DatasetError(f"{where}: {key!r} must be a string or null, got {value!r}")
    return value


def _check_consistent(
    path: Path,
    reports: list[BenchReport],
    gold_assignment: dict[str, str],
    gold_events: dict[str, GoldEvent],
) -> None:
    """Fail early on gold that does not cover the reports, rather than skew a metric later."""
    ids = [report.id for report in reports]
    if len(set(ids)) != len(ids):
        raise DatasetError(f"{path}: duplicate report ids in {REPORTS_FILE}")
    ungolded = [report_id for report_id in ids if report_id not in gold_assignment]
    if ungolded:
        raise DatasetError(
            f"{path}: {len(ungolded)} report(s) have no line in {GOLD_REPORTS_FILE}, e.g. {ungolded[0]!r}"
        )
    unknown = sorted(set(gold_assignment.values()) - gold_events.keys())
    if unknown:
        raise DatasetError(f"{path}: {len(unknown)} gold event(s) missing from {GOLD_EVENTS_FILE}, e.g. {unknown[0]!r}")
