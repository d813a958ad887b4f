"""Re-processing re-derives claims and events, and keeps analysts' corrections."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from service.domain import Extraction, FigureClaim, FigureKind, Qualifier, Span
from service.models import Claim
from service.reprocess import learn_reliability, reprocess


def _five_killed(document: str, published_at: dt.date | None) -> Extraction:
    """A stand-in for an improved extractor: it reads five killed in every report."""
    return Extraction(figures=[FigureClaim(FigureKind.KILLED, 5, 5, Qualifier.EXACT, Span(0, 4, document[:4]))])


def _post(client: TestClient, report_id: str, key: str, **extra: object) -> dict[str, int]:
    body = {"id": report_id, "source": f"{report_id}.example", "text": f"Report {report_id}.", "event_key": key}
    answer = client.post("/v1/reports", json={**body, **extra})
    assert answer.status_code == 201, answer.text
    return answer.json()  # type: ignore[no-any-return]


def test_reprocess_rederives_claims_and_keeps_corrections(client: TestClient) -> None:
    first = _post(client, "r1", "ka")
    second = _post(client, "r2", "ka", claims=[{"field": "injured", "low": 2, "high": 2}])
    pinned_event, detached_report = first["event"], second["report"]
    detached = client.post(
        f"/v1/events/{pinned_event}/detach", json={"report": detached_report, "reason": "another shooting"}
    ).json()["new_event"]["id"]
    client.put(
        f"/v1/events/{pinned_event}/pins/killed", json={"value": {"low": 9, "best": 9, "high": 9}, "reason": "coroner"}
    )

    engine = client.app.state.engine  # type: ignore[attr-defined]
    stats = reprocess(engine, "rules/test", extractor=_five_killed)
    assert stats.reports == 2 and stats.claims == 2 and stats.events == 2

    assert client.get(f"/v1/reports/{detached_report}").json()["event"] == detached
    assert client.get(f"/v1/events/{pinned_event}").json()["figures"]["killed"]["best"] == 9
    moved = client.get(f"/v1/events/{detached}").json()
    assert moved["figures"]["killed"]["best"] == 5
    assert moved["figures"]["injured"]["best"] == 2  # a client's given claim is kept
    kinds = [r["kind"] for r in client.get(f"/v1/events/{detached}/history").json()["revisions"]]
    assert kinds[-1] == "reprocessed"
    with Session(engine) as session:
        versions = {c.extractor_version for c in session.exec(select(Claim).where(Claim.origin == "extracted"))}
    assert versions == {"rules/test"}


def _killed(client: TestClient, report_id: str, source: str, key: str, killed: int) -> int:
    body = {"id": report_id, "source": source, "text": f"Report {report_id}.", "event_key": key}
    answer = client.post("/v1/reports", json={**body, "claims": [{"field": "killed", "low": killed, "high": killed}]})
    assert answer.status_code == 201, answer.text
    return int(answer.json()["event"])


def test_learned_reliability_weighs_sources_whose_figures_keep_failing(client: TestClient) -> None:
    # Two outlets that overstate every toll: each time three others agree on it, and they are outliers.
    for number in range(3):
        for outlet in ("a", "b", "c"):
            _killed(client, f"{outlet}{number}", f"{outlet}.example", f"past-{number}", 10)
        _killed(client, f"x{number}", "x.example", f"past-{number}", 40)
    # Now the two overstate together: by the prior (two origins of unknown standing) that is support.
    for outlet, killed in (("a", 10), ("b", 12), ("c", 11), ("x", 80), ("y", 80)):
        event = _killed(client, f"{outlet}-now", f"{outlet}.example", "now", killed)
    assert client.get(f"/v1/events/{event}").json()["figures"]["killed"]["best"] == 80

    engine = client.app.state.engine  # type: ignore[attr-defined]
    stats = learn_reliability(engine)
    sources = {s["name"]: s["reliability"] for s in client.get("/v1/sources").json()["items"]}
    assert sources["x.example"]["in_use"] < sources["a.example"]["in_use"]
    assert sources["x.example"]["conflicted"] >= 3
    # Weighed by what x has shown itself to be worth, its 80 no longer has the support an outlier needs.
    assert client.get(f"/v1/events/{event}").json()["figures"]["killed"]["best"] == 12
    kinds = [r["kind"] for r in client.get(f"/v1/events/{event}/history").json()["revisions"]]
    assert kinds[-1] == "reweighted"
    assert stats.sources >= 1 and stats.events >= 1
    assert learn_reliability(engine).sources == 0  # settled: a second run moves nothing
