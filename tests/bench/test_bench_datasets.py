"""Loading an evaluation set folder, from small files written here."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from service.bench.datasets import BenchReport, DatasetError, load_dataset, with_gold_grouping

REPORTS: list[dict[str, Any]] = [
    {
        "id": "r1",
        "source": "example.com",
        "url": "http://example.com/1",
        "title": "Two killed in shooting",
        "text": "Two people were killed.",
        "published_at": "2014-02-03",
        "language": "en",
    },
    {
        "id": "r2",
        "source": "SOHR",
        "url": None,
        "title": "",
        "text": "Clashes continue.",
        "published_at": "1753-01-01",  # UCDP's placeholder date, kept as given
        "language": "en",
        "event_key": "k-2",
    },
    {
        "id": "r3",
        "source": "other.org",
        "url": None,
        "title": "Follow-up",
        "text": "Suspect arrested.",
        "published_at": None,
        "language": "en",
    },
]
GOLD_REPORTS: list[dict[str, Any]] = [
    {"id": "r1", "event": "E1"},
    {"id": "r2", "event": "E2"},
    {"id": "r3", "event": "E1"},
]
GOLD_EVENTS: list[dict[str, Any]] = [
    {"event": "E1", "killed": 2, "place": {"city": "Franklin"}},
    {"event": "E2", "killed": None},
]


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


@pytest.fixture
def dataset_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny-dev"
    folder.mkdir()
    _write_jsonl(folder / "reports.jsonl", REPORTS)
    _write_jsonl(folder / "gold_reports.jsonl", GOLD_REPORTS)
    _write_jsonl(folder / "gold_events.jsonl", GOLD_EVENTS)
    return folder


def test_load_dataset(dataset_dir: Path) -> None:
    dataset = load_dataset(dataset_dir)
    assert dataset.name == "tiny-dev"
    assert [report.id for report in dataset.reports] == ["r1", "r2", "r3"]  # arrival order kept
    assert dataset.reports[0] == BenchReport(
        id="r1",
        source="example.com",
        url="http://example.com/1",
        title="Two killed in shooting",
        text="Two people were killed.",
        published_at=dt.date(2014, 2, 3),
        language="en",
        event_key=None,
    )
    assert dataset.reports[1].published_at == dt.date(1753, 1, 1)
    assert dataset.reports[1].event_key == "k-2"
    assert dataset.reports[1].title == ""
    assert dataset.reports[2].published_at is None
    assert dataset.gold_assignment == {"r1": "E1", "r2": "E2", "r3": "E1"}
    assert dataset.gold_events["E1"]["place"] == {"city": "Franklin"}
    assert dataset.gold_events["E2"]["killed"] is None
    assert dataset.has_dates


def test_with_gold_grouping_sets_keys_without_touching_the_original(dataset_dir: Path) -> None:
    dataset = load_dataset(dataset_dir)
    grouped = with_gold_grouping(dataset)
    assert [report.event_key for report in grouped.reports] == ["E1", "E2", "E1"]
    assert [report.event_key for report in dataset.reports] == [None, "k-2", None]
    assert grouped.gold_assignment == dataset.gold_assignment
    assert [report.text for report in grouped.reports] == [r.text for r in dataset.reports]


@pytest.mark.parametrize("missing", ["reports.jsonl", "gold_reports.jsonl", "gold_events.jsonl"])
def test_missing_file_is_named(dataset_dir: Path, missing: str) -> None:
    (dataset_dir / missing).unlink()
    with pytest.raises(DatasetError, match=f"missing {missing}"):
        load_dataset(dataset_dir)


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="not a folder"):
        load_dataset(tmp_path / "nowhere")


def test_bad_line_is_located(dataset_dir: Path) -> None:
    with (dataset_dir / "reports.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    with pytest.raises(DatasetError, match=r"reports\.jsonl:4: invalid JSON"):
        load_dataset(dataset_dir)


def test_bad_date_is_rejected(dataset_dir: Path) -> None:
    _write_jsonl(dataset_dir / "reports.jsonl", [{**REPORTS[0], "published_at": "3 Feb 2014"}])
    with pytest.raises(DatasetError, match="not YYYY-MM-DD"):
        load_dataset(dataset_dir)


def test_report_without_gold_is_rejected(dataset_dir: Path) -> None:
    _write_jsonl(dataset_dir / "gold_reports.jsonl", GOLD_REPORTS[:2])
    with pytest.raises(DatasetError, match=r"no line in gold_reports\.jsonl, e\.g\. 'r3'"):
        load_dataset(dataset_dir)


def test_gold_event_must_exist(dataset_dir: Path) -> None:
    _write_jsonl(dataset_dir / "gold_events.jsonl", GOLD_EVENTS[:1])
    with pytest.raises(DatasetError, match=r"missing from gold_events\.jsonl, e\.g\. 'E2'"):
        load_dataset(dataset_dir)
