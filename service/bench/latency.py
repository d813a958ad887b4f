"""`concord bench latency`: POST latency of a real server under a small concurrent client."""

from __future__ import annotations

import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

from embeddings.encoder import TextEncoder
from service.bench.datasets import load_dataset
from service.bench.server import running_server
from service.config import Settings
from service.main import create_app


@dataclass(frozen=True)
class LatencyStats:
    requests: int
    concurrency: int
    seconds: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    errors: int

    def describe(self) -> str:
        return (
            f"{self.requests} POSTs, {self.concurrency} concurrent clients: {self.requests / self.seconds:.1f} req/s, "
            f"p50 {self.p50_ms:.0f} ms, p90 {self.p90_ms:.0f} ms, p99 {self.p99_ms:.0f} ms, errors {self.errors}"
        )


def measure_post_latency(
    data_dir: Path, set_name: str, scratch: Path, encoder: TextEncoder, *, requests: int, concurrency: int
) -> LatencyStats:
    """Serve a fresh store on a loopback port and POST the set's first `requests` reports to it."""
    reports = load_dataset(data_dir / set_name).reports[:requests]
    settings = Settings(data_dir=scratch / "latency-store", database_url=None)
    with running_server(create_app(settings, lambda _s: encoder)) as base_url, httpx.Client(timeout=120) as client:

        def post(index: int) -> tuple[float, bool]:
            r = reports[index]
            body = {
                "id": r.id,
                "source": r.source,
                "url": r.url,
                "title": r.title,
                "text": r.text,
                "published_at": r.published_at.isoformat() if r.published_at else None,
                "language": r.language,
            }
            started = time.perf_counter()
            answer = client.post(f"{base_url}/v1/reports", json=body)
            return (time.perf_counter() - started) * 1000, answer.status_code in (200, 201)

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            results = list(pool.map(post, range(len(reports))))
        seconds = time.perf_counter() - started
    latencies = sorted(ms for ms, _ok in results)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return LatencyStats(
        requests=len(results),
        concurrency=concurrency,
        seconds=seconds,
        p50_ms=cuts[49],
        p90_ms=cuts[89],
        p99_ms=cuts[98],
        errors=sum(1 for _ms, ok in results if not ok),
    )
