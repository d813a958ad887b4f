"""Twenty concurrent POSTs about one new event, over a real HTTP server, end in one event."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import uvicorn

from service.config import Settings
from service.main import create_app
from tests.fakes import HashingEncoder


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server_url(settings: Settings) -> Iterator[str]:
    port = _free_port()
    encoder = HashingEncoder()
    config = uvicorn.Config(
        create_app(settings, encoder_factory=lambda _s: encoder), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


def test_twenty_concurrent_posts_about_one_new_event_make_one_event(server_url: str) -> None:
    text = "A gunman opened fire at the Riverside mall in Springfield, Illinois, killing three shoppers on Friday."

    def post(n: int) -> httpx.Response:
        report = {
            "id": f"c-{n}",
            "source": f"outlet-{n}.com",
            "title": "Springfield mall shooting",
            "text": f"{text} Report {n}.",
            "published_at": "2024-05-04",
        }
        return httpx.post(f"{server_url}/v1/reports", json=report, timeout=60)

    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(post, range(20)))
    assert [a.status_code for a in answers] == [201] * 20
    assert len({a.json()["event"] for a in answers}) == 1
    assert sum(a.json()["new_event"] for a in answers) == 1
    events = httpx.get(f"{server_url}/v1/events", timeout=10).json()
    assert events["total"] == 1 and events["items"][0]["report_count"] == 20
