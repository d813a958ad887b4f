"""The extraction benchmark scores what it says it scores, on a set written for this test."""

from __future__ import annotations

import json
from pathlib import Path

from service.bench.extraction import bench_gva


def write_set(folder: Path, rows: list[tuple[str, str, dict[str, object]]]) -> None:
    """rows: (report id, text, gold event); one report per gold event."""
    folder.mkdir()
    with (folder / "reports.jsonl").open("w") as reports, (folder / "gold_reports.jsonl").open("w") as gold:
        for report_id, text, _ in rows:
            reports.write(json.dumps({"id": report_id, "title": "", "text": text, "published_at": "2016-05-02"}) + "\n")
            gold.write(json.dumps({"id": report_id, "event": f"e-{report_id}"}) + "\n")
    with (folder / "gold_events.jsonl").open("w") as events:
        for report_id, _, event in rows:
            events.write(json.dumps({"event": f"e-{report_id}", **event}) + "\n")


def test_gva_scores_each_reports_state_exactly(tmp_path: Path) -> None:
    write_set(
        tmp_path / "gva",
        [
            ("1", "BRISTOL, Tenn. - One man was killed in a shooting on Sunday.", {"place": {"state": "Tennessee"}}),
            ("2", "A man was shot and killed in Chicago, Illinois, on Sunday.", {"place": {"state": "Illinois"}}),
            ("3", "A woman was shot in Charleston, West Virginia, on Monday.", {"place": {"state": "Virginia"}}),
            ("4", "A man was shot in Dayton on Monday.", {"place": None}),  # no gold state: not scored
        ],
    )
    metrics, _ = bench_gva(tmp_path / "gva")
    state = next(m for m in metrics if m.name == "state (per report)")
    assert (state.correct, state.total) == (2, 3)
    assert state.errors[0][1:] == ("Virginia", "West Virginia")
