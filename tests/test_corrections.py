"""Analyst corrections, policies, the review queue and the change feed, over HTTP."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from service.models import MatchDecision


def _post(client: TestClient, report_id: str, key: str, **extra: Any) -> dict[str, Any]:
    body = {
        "id": report_id,
        "source": f"{report_id}.example",
        "text": f"Report {report_id} about {key}.",
        "published_at": "2024-04-01",
        "event_key": key,
        **extra,
    }
    answer = client.post("/v1/reports", json=body)
    assert answer.status_code == 201, answer.text
    result: dict[str, Any] = answer.json()
    return result


def test_merge_redirects_the_old_id_and_keeps_its_key(client: TestClient) -> None:
    a = _post(client, "a1", "ka")
    _post(client, "a2", "ka")
    b = _post(client, "b1", "kb")
    merged = client.post(f"/v1/events/{a['event']}/merge", json={"other": b["event"], "reason": "same attack"})
    assert merged.status_code == 200, merged.text
    assert merged.json()["report_count"] == 3
    redirected = client.get(f"/v1/events/{b['event']}").json()
    assert redirected["id"] == a["event"]
    # A later report with the merged event's key follows the redirect.
    assert _post(client, "b2", "kb")["event"] == a["event"]
    assert client.get("/v1/events").json()["total"] == 1
    kinds = [r["kind"] for r in client.get(f"/v1/events/{a['event']}/history").json()["revisions"]]
    assert "merged" in kinds
    again = client.post(f"/v1/events/{a['event']}/merge", json={"other": b["event"], "reason": "twice"})
    assert again.status_code == 409


def test_detach_moves_a_report_into_its_own_event(client: TestClient) -> None:
    first = _post(client, "d1", "kd")
    second = _post(client, "d2", "kd")
    answer = client.post(
        f"/v1/events/{first['event']}/detach", json={"report": second["report"], "reason": "other day"}
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["event"]["report_count"] == 1 and body["new_event"]["reports"] == [second["report"]]
    assert client.get(f"/v1/reports/{second['report']}").json()["event"] == body["new_event"]["id"]
    last = client.post(f"/v1/events/{first['event']}/detach", json={"report": first["report"], "reason": "x"})
    assert last.status_code == 409
    stranger = client.post(f"/v1/events/{first['event']}/detach", json={"report": second["report"], "reason": "x"})
    assert stranger.status_code == 404


def test_pin_wins_over_new_claims_and_shows_in_provenance(client: TestClient) -> None:
    first = _post(client, "p1", "kp", claims=[{"field": "killed", "low": 2, "high": 2}])
    event = first["event"]
    pinned = client.put(
        f"/v1/events/{event}/pins/killed",
        json={"value": {"low": 3, "best": 4, "high": 5}, "reason": "hospital records", "analyst": "ana"},
    )
    assert pinned.status_code == 200, pinned.text
    assert pinned.json()["figures"]["killed"] == {"low": 3, "best": 4, "high": 5, "rule": "analyst.pin/v1"}
    _post(client, "p2", "kp", claims=[{"field": "killed", "low": 9, "high": 9}])
    assert client.get(f"/v1/events/{event}").json()["figures"]["killed"]["best"] == 4
    provenance = client.get(f"/v1/events/{event}/provenance").json()
    killed = next(f for f in provenance["fields"] if f["field"] == "killed")
    assert "hospital records" in killed["note"]
    assert {c["role"] for c in killed["claims"]} == {"conflicting"}

    unpinned = client.delete(f"/v1/events/{event}/pins/killed", params={"reason": "records were wrong"})
    assert unpinned.status_code == 200
    assert unpinned.json()["figures"]["killed"]["rule"] != "analyst.pin/v1"
    assert client.delete(f"/v1/events/{event}/pins/killed", params={"reason": "again"}).status_code == 404


def test_pin_values_are_checked_against_the_field(client: TestClient) -> None:
    event = _post(client, "v1", "kv")["event"]
    bad = client.put(f"/v1/events/{event}/pins/killed", json={"value": {"low": 5, "high": 2}, "reason": "r"})
    assert bad.status_code == 422 and bad.json()["detail"]["field"] == "value"
    assert client.put(f"/v1/events/{event}/pins/weather", json={"value": {}, "reason": "r"}).status_code == 422
    assert client.put(f"/v1/events/{event}/pins/killed", json={"value": {"best": 1}, "reason": " "}).status_code == 422
    date = client.put(f"/v1/events/{event}/pins/date", json={"value": {"date": "2024-03-30"}, "reason": "court file"})
    assert date.status_code == 200 and date.json()["date"] == "2024-03-30"


def test_policy_changes_the_published_best_value_only(client: TestClient) -> None:
    event = _post(client, "q1", "kq", claims=[{"field": "killed", "low": 5, "qualifier": "at_least"}])["event"]
    _post(client, "q2", "kq", published_at="2024-04-02", claims=[{"field": "killed", "low": 7, "high": 7}])
    figures = {
        policy: client.get(f"/v1/events/{event}", params={"policy": policy}).json()["figures"]["killed"]
        for policy in ("conservative", "best", "high")
    }
    assert figures["best"]["best"] == 7 and figures["conservative"]["best"] == 5
    assert {f["low"] for f in figures.values()} == {5}
    assert client.get(f"/v1/events/{event}", params={"policy": "median"}).status_code == 422


def test_review_queue_lists_provisional_joins_until_confirmed(client: TestClient) -> None:
    posted = _post(client, "r1", "kr")
    engine = client.app.state.engine  # type: ignore[attr-defined]
    with Session(engine) as session:  # the matcher's thresholds decide this in life; here we set it
        decision = session.exec(select(MatchDecision).where(MatchDecision.report_id == posted["report"])).one()
        decision.outcome = "needs_review"
        session.add(decision)
        session.commit()
    queue = client.get("/v1/review").json()
    assert queue["total"] == 1
    assert queue["items"][0]["report"]["report"] == posted["report"]
    assert queue["items"][0]["event"]["id"] == posted["event"]
    confirmed = client.post(f"/v1/review/{posted['report']}/confirm", json={"reason": "same shooting"})
    assert confirmed.status_code == 200
    assert client.get("/v1/review").json()["total"] == 0
    assert client.post(f"/v1/review/{posted['report']}/confirm", json={"reason": "again"}).status_code == 200


def test_change_feed_pages_with_a_cursor(client: TestClient) -> None:
    a = _post(client, "c1", "kc1")
    _post(client, "c2", "kc1")
    b = _post(client, "c3", "kc2")
    first = client.get("/v1/changes", params={"limit": 2}).json()
    assert [(c["event"], c["kind"]) for c in first["items"]] == [
        (a["event"], "created"),
        (a["event"], "report_attached"),
    ]
    rest = client.get("/v1/changes", params={"after": first["next_cursor"]}).json()
    assert [(c["event"], c["kind"]) for c in rest["items"]] == [(b["event"], "created")]
    empty = client.get("/v1/changes", params={"after": rest["next_cursor"]}).json()
    assert empty["items"] == [] and empty["next_cursor"] == rest["next_cursor"]


def test_sources_show_reliability_from_how_their_figures_held_up(client: TestClient) -> None:
    def post(report_id: str, source: str, source_type: str, killed: int, day: str) -> None:
        body = {
            "id": report_id,
            "source": source,
            "source_type": source_type,
            "text": f"Report {report_id}.",
            "published_at": day,
            "event_key": "ks",
            "claims": [{"field": "killed", "low": killed, "high": killed}],
        }
        assert client.post("/v1/reports", json=body).status_code == 201

    post("s1", "wire.example", "wire", 7, "2024-05-01")
    post("s2", "other.example", "local", 7, "2024-05-02")
    post("s3", "party.example", "party", 40, "2024-05-03")
    page = client.get("/v1/sources").json()
    assert page["total"] == 3
    by_name = {s["name"]: s for s in page["items"]}
    wire, party = by_name["wire.example"]["reliability"], by_name["party.example"]["reliability"]
    assert wire["agreed"] == 1 and wire["conflicted"] == 0
    assert party["conflicted"] == 1 and party["agreed"] == 0
    assert wire["value"] > wire["prior"] and party["value"] < party["prior"]
    assert client.get("/v1/sources/wire.example").json()["reports"] == 1
    assert client.get("/v1/sources/nobody").status_code == 404
