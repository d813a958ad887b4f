"""`concord replay` on a small file written here: assignments and events come out complete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.config import Settings
from service.replay import read_reports, replay
from tests.fakes import HashingEncoder

EVENT_FIELDS = {
    "event",
    "killed",
    "killed_low",
    "killed_high",
    "injured",
    "injured_low",
    "injured_high",
    "perpetrator",
    "perpetrator_status",
    "event_type",
    "date",
    "place",
}


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def test_replay_writes_assignments_and_events(tmp_path: Path) -> None:
    text = "Two people were shot and killed outside a bar in Dayton, Ohio, early Sunday."
    reports = _write(
        tmp_path / "reports.jsonl",
        [
            {
                "id": "a",
                "source": "one.com",
                "title": "Dayton bar shooting",
                "text": text,
                "published_at": "2024-06-02",
            },
            {
                "id": "b",
                "source": "two.com",
                "title": "Dayton bar shooting",
                "text": text + " Police seek a gunman.",
                "published_at": "2024-06-02",
            },
            {
                "id": "c",
                "source": "gtd",
                "text": "Protesters marched through Lyon, France.",
                "published_at": "2024-06-02",
                "event_key": "lyon",
            },
            {"id": "d", "source": "gtd2", "text": "Unrelated words entirely.", "event_key": "lyon"},
        ],
    )
    out = tmp_path / "out"
    settings = Settings(data_dir=out / "store")
    stats = replay(list(read_reports(reports)), out, HashingEncoder(), settings, batch_size=2, show_progress=False)
    assert stats.reports == 4

    assignments = [json.loads(line) for line in (out / "assignments.jsonl").read_text().splitlines()]
    by_id = {row["id"]: row["event"] for row in assignments}
    assert by_id["a"] == by_id["b"]
    assert by_id["c"] == by_id["d"] != by_id["a"]
    events = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    assert len(events) == stats.events == 2
    for event in events:
        assert set(event) == EVENT_FIELDS
    dayton = next(e for e in events if e["event"] == by_id["a"])
    assert dayton["killed"] == 2 and dayton["date"] == "2024-06-02"


def test_a_bad_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "a", "source": "s", "text": "ok"}) + "\n" + json.dumps({"id": "b"}) + "\n")
    with pytest.raises(ValueError, match=r"bad.jsonl:2"):
        list(read_reports(path))


def test_a_repeat_under_another_id_is_assigned_its_twins_event(tmp_path: Path) -> None:
    # Real feeds republish one article under two ids; it is stored once, yet every input line is answered.
    body = {"source": "one.com", "text": "A man was shot dead in Akron, Ohio.", "published_at": "2024-06-02"}
    reports = _write(tmp_path / "reports.jsonl", [{"id": "a", **body}, {"id": "a-again", **body}])
    out = tmp_path / "out"
    replay(list(read_reports(reports)), out, HashingEncoder(), Settings(data_dir=out / "store"), show_progress=False)
    rows = [json.loads(line) for line in (out / "assignments.jsonl").read_text().splitlines()]
    assert [row["id"] for row in rows] == ["a", "a-again"]
    assert rows[0]["event"] == rows[1]["event"]
