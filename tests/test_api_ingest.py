"""Ingest over HTTP: the worked example, idempotency, batches, lookups."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from embeddings.encoder import TextEncoder
from tests.worked_example import WORKED_EXAMPLE_REPORTS

REPORT = {
    "id": "r-1",
    "source": "example.com",
    "title": "Two killed in shooting at Tulsa apartment",
    "text": "Two men were shot and killed at an apartment in Tulsa, Oklahoma, on Monday, police said.",
    "published_at": "2024-03-05",
}


def test_worked_example_ends_in_one_event_with_provenance(
    make_client: Callable[..., TestClient], real_encoder: TextEncoder
) -> None:
    client = make_client(real_encoder)
    results = [client.post("/v1/reports", json=report) for report in WORKED_EXAMPLE_REPORTS]
    assert [r.status_code for r in results] == [201, 201, 201]
    events = {r.json()["event"] for r in results}
    assert len(events) == 1, [r.json() for r in results]
    event_id = events.pop()

    event = client.get(f"/v1/events/{event_id}").json()
    assert event["report_count"] == 3
    killed = event["figures"]["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (5, 7, 7)
    assert event["perpetrator"]["actor"] == "Islamic State"
    assert event["perpetrator"]["status"] == "claimed"
    statuses = [step["status"] for step in event["perpetrator"]["timeline"]]
    assert statuses.index("suspected") < statuses.index("claimed")  # report 1, then report 3
    assert event["date"] == "2026-03-02"  # "late Monday" against Tuesday's publication date
    assert event["place"]["country"] == "Syria"

    provenance = client.get(f"/v1/events/{event_id}/provenance").json()
    killed_field = next(f for f in provenance["fields"] if f["field"] == "killed")
    assert killed_field["rule"]
    sources = {claim["source"] for claim in killed_field["claims"]}
    assert sources == {"deirezzor24.net", "SANA", "Wire Service"}
    for claim in killed_field["claims"]:
        assert claim["quote"] and claim["span"]["end"] > claim["span"]["start"]
    # The Aleppo raid's three dead and the twelve arrests are other events: never counted here.
    assert all(claim["value"].get("low") != 12 for claim in killed_field["claims"])
    assert len(provenance["reports"]) == 3
    assert all(r["match"]["outcome"] in {"new_event", "joined", "needs_review"} for r in provenance["reports"])


def test_repost_returns_same_report_and_event_and_creates_nothing(client: TestClient) -> None:
    first = client.post("/v1/reports", json=REPORT)
    assert first.status_code == 201
    again = client.post("/v1/reports", json=REPORT)
    assert again.status_code == 200
    assert again.json()["report"] == first.json()["report"]
    assert again.json()["event"] == first.json()["event"]
    assert again.json()["created"] is False
    # Same content under another id from the same source is the same report too.
    same_content = client.post("/v1/reports", json={**REPORT, "id": "r-1-copy"})
    assert same_content.status_code == 200 and same_content.json()["report"] == first.json()["report"]
    assert client.get("/v1/events").json()["total"] == 1
    history = client.get(f"/v1/events/{first.json()['event']}/history").json()
    assert len(history["revisions"]) == 1


def test_report_lookup_shows_claims_and_match_decision(client: TestClient) -> None:
    posted = client.post("/v1/reports", json=REPORT).json()
    report = client.get(f"/v1/reports/{posted['report']}").json()
    assert report["external_id"] == "r-1" and report["source"] == "example.com"
    assert report["event"] == posted["event"]
    assert report["match"]["outcome"] == "new_event"
    assert report["match"]["matcher_version"]
    killed = [c for c in report["claims"] if c["field"] == "killed"]
    assert killed and killed[0]["value"]["low"] == 2
    assert killed[0]["span"]["quote"] in REPORT["title"] + "\n\n" + REPORT["text"]


def test_event_key_groups_reports_whatever_their_text(client: TestClient) -> None:
    a = client.post("/v1/reports", json={**REPORT, "event_key": "k-1"}).json()
    b = client.post(
        "/v1/reports",
        json={"id": "other", "source": "elsewhere.org", "text": "Completely different words here.", "event_key": "k-1"},
    ).json()
    c = client.post("/v1/reports", json={**REPORT, "id": "r-2", "source": "third.net", "event_key": "k-2"}).json()
    assert a["event"] == b["event"] != c["event"]
    assert b["outcome"] == "event_key"


def test_batch_of_one_new_event_ends_in_one_event(client: TestClient) -> None:
    batch = [
        {**REPORT, "id": f"b-{n}", "source": f"outlet{n}.com", "text": REPORT["text"] + f" Update {n}."}
        for n in range(4)
    ]
    answer = client.post("/v1/reports/batch", json={"reports": batch})
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert len({r["event"] for r in results}) == 1
    assert [r["new_event"] for r in results] == [True, False, False, False]


def test_a_repeat_inside_one_batch_returns_its_twin(client: TestClient) -> None:
    copy = {**REPORT, "id": "r-1-copy"}  # same source and content under another id
    answer = client.post("/v1/reports/batch", json={"reports": [REPORT, REPORT, copy]})
    assert answer.status_code == 200
    first, again, same_content = answer.json()["results"]
    assert first["created"] is True and again["created"] is False and same_content["created"] is False
    assert first["report"] == again["report"] == same_content["report"]
    assert client.get("/v1/events").json()["total"] == 1


def test_a_batch_records_one_revision_per_report_and_the_latest_fields(client: TestClient) -> None:
    batch = [
        {**REPORT, "id": "b-1", "source": "a.com", "event_key": "k"},
        {"id": "b-2", "source": "b.com", "title": "Tulsa shooting", "text": "Three were shot dead.", "event_key": "k"},
    ]
    results = client.post("/v1/reports/batch", json={"reports": batch}).json()["results"]
    event = results[0]["event"]
    history = client.get(f"/v1/events/{event}/history").json()["revisions"]
    assert [r["revision"] for r in history] == [1, 2]
    assert [r["kind"] for r in history] == ["created", "report_attached"]
    assert history[1]["changes"]["report_count"] == [1, 2]
    provenance = client.get(f"/v1/events/{event}/provenance").json()
    killed = next(f for f in provenance["fields"] if f["field"] == "killed")
    # The stored field decisions are those made after the second report, not the first.
    assert {c["report"] for c in killed["claims"]} == {r["report"] for r in results}


def test_event_listing_filters_and_pages(client: TestClient) -> None:
    client.post("/v1/reports", json=REPORT)
    client.post(
        "/v1/reports",
        json={
            "id": "x",
            "source": "s.org",
            "title": "Protest in Paris",
            "text": "Thousands marched in Paris, France.",
            "published_at": "2023-01-10",
        },
    )
    page = client.get("/v1/events", params={"limit": 1}).json()
    assert page["total"] == 2 and len(page["items"]) == 1
    second = client.get("/v1/events", params={"limit": 1, "offset": 1}).json()
    assert second["items"][0]["id"] != page["items"][0]["id"]
    found = client.get("/v1/events", params={"q": "tulsa"}).json()
    assert found["total"] == 1 and found["items"][0]["title"].startswith("Two killed")
    dated = client.get("/v1/events", params={"date_from": "2024-01-01"}).json()
    assert dated["total"] == 1


def test_event_as_of_shows_earlier_revision(client: TestClient) -> None:
    first = client.post("/v1/reports", json={**REPORT, "event_key": "k"}).json()
    history = client.get(f"/v1/events/{first['event']}/history").json()
    created_at = history["revisions"][0]["created_at"]
    client.post(
        "/v1/reports",
        json={**REPORT, "id": "r-9", "source": "b.com", "text": "Three were shot dead.", "event_key": "k"},
    )
    now = client.get(f"/v1/events/{first['event']}").json()
    then = client.get(f"/v1/events/{first['event']}", params={"as_of": created_at}).json()
    assert now["report_count"] == 2 and then["report_count"] == 1
    too_early = client.get(f"/v1/events/{first['event']}", params={"as_of": "2000-01-01T00:00:00Z"})
    assert too_early.status_code == 404


def test_openapi_has_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/v1/reports"]["post"]["requestBody"]["content"]["application/json"]
    assert "worked example" in body["examples"]


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready" and ready["indexed_reports"] == 0


def test_a_figure_no_report_states_is_zero_open_above(client: TestClient) -> None:
    posted = client.post(
        "/v1/reports",
        json={"id": "p", "source": "s.org", "text": "Thousands marched in Paris, France, against the pension reform."},
    ).json()
    figures = client.get(f"/v1/events/{posted['event']}").json()["figures"]
    assert figures["killed"] == {"low": 0, "best": 0, "high": None, "rule": "figure.none_reported/v1"}
