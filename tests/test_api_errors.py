"""Bad input: a 4xx naming the problem, never a 500, never a partial write."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from service.config import Settings

GOOD = {"id": "a", "source": "s.com", "text": "A man was shot and killed.", "published_at": "2024-01-02"}


def _nothing_written(client: TestClient) -> None:
    assert client.get("/v1/events").json()["total"] == 0
    assert client.get("/v1/reports/1").status_code == 404


def test_malformed_json(client: TestClient) -> None:
    answer = client.post("/v1/reports", content=b'{"id": "a", "source": ', headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert answer.json()["error"] == "invalid_request"
    _nothing_written(client)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"text": None}, "body.text"),
        ({"text": ""}, "body.text"),
        ({"text": "   "}, "body.text"),
        ({"source": ""}, "body.source"),
        ({"id": 12}, "body.id"),
        ({"published_at": "2024-02-30"}, "body.published_at"),
        ({"published_at": "yesterday"}, "body.published_at"),
        ({"source_type": "tabloid"}, "body.source_type"),
        ({"unexpected": 1}, "body.unexpected"),
        ({"claims": [{"field": "killed", "low": -1}]}, "body.claims.0.low"),
    ],
)
def test_invalid_fields_are_named(client: TestClient, change: dict[str, object], field: str) -> None:
    body = {**GOOD, **change}
    body = {k: v for k, v in body.items() if v is not None}
    answer = client.post("/v1/reports", json=body)
    assert answer.status_code == 422, answer.text
    assert field in [d["field"] for d in answer.json()["detail"]]
    _nothing_written(client)


def test_missing_body(client: TestClient) -> None:
    answer = client.post("/v1/reports")
    assert answer.status_code == 422
    _nothing_written(client)


def test_oversized_body_is_refused(make_client, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    small = settings.model_copy(update={"max_body_bytes": 2_000})
    client = make_client(app_settings=small)
    answer = client.post("/v1/reports", json={**GOOD, "text": "x" * 5_000})
    assert answer.status_code == 413
    assert answer.json()["detail"]["limit"] == 2_000
    _nothing_written(client)


def test_text_over_limit_names_the_field(make_client, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    client = make_client(app_settings=settings.model_copy(update={"max_text_chars": 100}))
    answer = client.post("/v1/reports", json={**GOOD, "text": "word " * 50})
    assert answer.status_code == 422 and answer.json()["detail"]["field"] == "text"
    _nothing_written(client)


def test_oversized_batch_is_refused_whole(make_client, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    client = make_client(app_settings=settings.model_copy(update={"max_batch_reports": 3}))
    batch = [{**GOOD, "id": str(n), "text": f"Report number {n}."} for n in range(4)]
    answer = client.post("/v1/reports/batch", json={"reports": batch})
    assert answer.status_code == 413
    _nothing_written(client)


def test_one_bad_report_rejects_the_whole_batch(client: TestClient) -> None:
    batch = [{**GOOD, "id": "1"}, {**GOOD, "id": "2", "text": ""}]
    answer = client.post("/v1/reports/batch", json={"reports": batch})
    assert answer.status_code == 422
    assert "body.reports.1.text" in [d["field"] for d in answer.json()["detail"]]
    _nothing_written(client)


def test_empty_batch(client: TestClient) -> None:
    assert client.post("/v1/reports/batch", json={"reports": []}).status_code == 422


@pytest.mark.parametrize(
    "path", ["/v1/events/999", "/v1/reports/999", "/v1/events/999/provenance", "/v1/events/999/history"]
)
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 404 and answer.json()["error"] == "not_found"


def test_bad_query_parameters(client: TestClient) -> None:
    assert client.get("/v1/events", params={"limit": 0}).status_code == 422
    assert client.get("/v1/events", params={"date_from": "2024-13-01"}).status_code == 422
    inverted = client.get("/v1/events", params={"date_from": "2024-02-01", "date_to": "2024-01-01"})
    assert inverted.status_code == 422
    assert client.get("/v1/events/abc").status_code == 422


HUGE = str(10**25)


@pytest.mark.parametrize(
    ("method", "path", "params", "body"),
    [
        ("GET", f"/v1/events/{HUGE}", {}, None),
        ("GET", f"/v1/reports/{HUGE}", {}, None),
        ("GET", f"/v1/events/{HUGE}/provenance", {}, None),
        ("GET", "/v1/events", {"offset": HUGE}, None),
        ("GET", "/v1/changes", {"after": HUGE}, None),
        ("POST", "/v1/events/1/merge", {}, {"other": 10**25, "reason": "r"}),
        ("POST", "/v1/events/1/detach", {}, {"report": 10**25, "reason": "r"}),
    ],
)
def test_ids_beyond_the_database_range_are_refused(
    client: TestClient, method: str, path: str, params: dict[str, str], body: dict[str, object] | None
) -> None:
    # Found by fuzzing the OpenAPI document: such ids overflowed the database's integers (a 500).
    answer = client.request(method, path, params=params, json=body)
    assert answer.status_code == 422, answer.text
