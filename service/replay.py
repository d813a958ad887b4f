"""Replay a file of reports into a fresh store and write what Concord made of them."""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session, col, select
from tqdm import tqdm

from embeddings.encoder import TextEncoder
from embeddings.index import VectorIndex
from service.config import Settings
from service.db import make_engine, migrate
from service.ingest import Pipeline, PreparedBatch, event_description, prepare
from service.models import Event, EventMember
from service.schemas import ReportCreate


@dataclass(frozen=True)
class ReplayStats:
    reports: int
    events: int
    seconds: float

    @property
    def reports_per_second(self) -> float:
        return self.reports / self.seconds if self.seconds else 0.0


def read_reports(path: Path) -> Iterator[ReportCreate]:
    """Reports from a JSON-lines file; a bad line stops the replay with its line number."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield ReportCreate.model_validate_json(line)
            except ValidationError as error:
                raise ValueError(f"{path}:{number}: {error}") from error


def replay(
    reports: Sequence[ReportCreate],
    out_dir: Path,
    encoder: TextEncoder,
    settings: Settings,
    *,
    batch_size: int = 32,
    show_progress: bool = True,
) -> ReplayStats:
    """Ingest `reports` in order into the store described by `settings`; write assignments and events."""
    out_dir.mkdir(parents=True, exist_ok=True)
    url = settings.resolved_database_url
    migrate(url)
    engine = make_engine(url)
    pipeline = Pipeline(engine, encoder, VectorIndex(encoder.dimension, encoder.fingerprint), settings)
    pipeline.warm_up()  # start-up costs, as in the server: not part of the per-report figures
    encoder.encode(["warm-up"])
    started = time.perf_counter()
    stored_as: list[tuple[str, int]] = []  # (input id, stored report id): a repeat maps to its twin
    chunks = [reports[start : start + batch_size] for start in range(0, len(reports), batch_size)]
    with tqdm(total=len(reports), desc="replay", unit="report", disable=not show_progress) as progress:
        for chunk, prepared in zip(chunks, prepared_stream(pipeline, chunks), strict=True):
            results = pipeline.store(prepared)
            stored_as.extend((item.id, result.report) for item, result in zip(chunk, results, strict=True))
            progress.update(len(chunk))
    seconds = time.perf_counter() - started
    pipeline.save_index()
    with Session(engine) as session:
        events = write_outputs(session, out_dir, stored_as)
    engine.dispose()
    return ReplayStats(len(reports), events, seconds)


def prepared_stream(
    pipeline: Pipeline, chunks: Sequence[Sequence[ReportCreate]], lookahead: int = 2
) -> Iterator[PreparedBatch]:
    """The chunks prepared in order by a three-stage stream: one thread extracts, one embeds, and the
    caller stores. The model runs outside the GIL, so it keeps working while extraction and storing
    (pure Python) take turns on the GIL; with two stages the model would sit idle while they run.
    """
    with (
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract") as readers,
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="embed") as embedders,
    ):

        def submit(chunk: Sequence[ReportCreate]) -> Future[PreparedBatch]:
            read = readers.submit(lambda: [prepare(item) for item in chunk])
            return embedders.submit(lambda: pipeline.embed(read.result()))

        pending = deque(submit(chunk) for chunk in chunks[:lookahead])
        for upcoming in chunks[lookahead:]:
            batch = pending.popleft().result()
            pending.append(submit(upcoming))
            yield batch
        while pending:
            yield pending.popleft().result()


def write_outputs(session: Session, out_dir: Path, stored_as: Sequence[tuple[str, int]]) -> int:
    """assignments.jsonl ({"id", "event"} per input report, in input order; a report sent twice gets its
    stored twin's event) and events.jsonl (one canonical event per line)."""
    event_of = dict(session.exec(select(EventMember.report_id, EventMember.event_id)).all())
    with (out_dir / "assignments.jsonl").open("w", encoding="utf-8") as out:
        for input_id, report_id in stored_as:
            out.write(json.dumps({"id": input_id, "event": event_of[report_id]}) + "\n")
    events = session.exec(select(Event).where(Event.status == "active").order_by(col(Event.id))).all()
    with (out_dir / "events.jsonl").open("w", encoding="utf-8") as out:
        for event in events:
            out.write(json.dumps(event_record(event)) + "\n")
    return len(events)


def event_record(event: Event) -> dict[str, Any]:
    place = None
    if event.place_name or event.country:
        place = {
            "name": event.place_name,
            "admin1": event.admin1,
            "country": event.country,
            "lat": event.lat,
            "lon": event.lon,
        }
    return {
        "event": event.id,
        "killed": event.killed,
        "killed_low": event.killed_low,
        "killed_high": event.killed_high,
        "injured": event.injured,
        "injured_low": event.injured_low,
        "injured_high": event.injured_high,
        "perpetrator": event.perpetrator,
        "perpetrator_status": event.perpetrator_status,
        "event_type": event.event_type,
        "date": event.date.isoformat() if event.date else None,
        "place": place,
    }


def encoder_alone_seconds(encoder: TextEncoder, reports: Sequence[ReportCreate], batch_size: int = 32) -> float:
    """The encoder on the same texts in the same batches: the floor under replay's time."""
    texts = [event_description(r.title, r.text) for r in reports]
    started = time.perf_counter()
    for start in range(0, len(texts), batch_size):
        encoder.encode(texts[start : start + batch_size])
    return time.perf_counter() - started
