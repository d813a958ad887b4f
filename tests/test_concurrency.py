"""Twenty concurrent POSTs about one new event, over a real HTTP server, end in one event."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from service.bench.server import running_server
from service.config import Settings
from service.main import create_app
from tests.fakes import HashingEncoder


@pytest.fixture
def server_url(settings: Settings) -> Iterator[str]:
    encoder = HashingEncoder()
    with running_server(create_app(settings, encoder_factory=lambda _s: encoder)) as url:
        yield url


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
