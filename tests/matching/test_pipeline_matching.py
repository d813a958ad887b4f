"""Matching inside the real pipeline (fake encoder): batches, follow-ups, out-of-order, the stored decision."""

from __future__ import annotations

from fastapi.testclient import TestClient

from service.matching import shipped_model


def report(n: str, title: str, text: str, published_at: str) -> dict[str, str]:
    return {"id": n, "source": f"outlet-{n}.com", "title": title, "text": text, "published_at": published_at}


SHOOTING = (
    "Terrence Ashworth, 27, was shot and killed outside a grocery store on the 2300 block of Larkspur Avenue "
    "in Brookhaven, Georgia, on Monday night, police said. Officers found Ashworth in the parking lot."
)
FIRST = report("a", "Man shot dead outside Brookhaven grocery store", SHOOTING, "2024-02-06")
SECOND = report(
    "b",
    "Police name man killed outside Brookhaven grocery store",
    "Police identified the man shot and killed outside a grocery store on Larkspur Avenue in Brookhaven, "
    "Georgia, as Terrence Ashworth, 27. Investigators are looking for a gunman who fled on foot.",
    "2024-02-07",
)
ARREST = report(
    "c",
    "Arrest made in killing of Terrence Ashworth outside Brookhaven grocery store",
    "A 19-year-old man was charged with murder in the February shooting death of Terrence Ashworth, 27, "
    "outside a grocery store on Larkspur Avenue in Brookhaven, Georgia, police said.",
    "2024-07-15",
)
OTHER = report(
    "d",
    "Woman wounded in drive-by shooting in Millbrook, Alabama",
    "A 45-year-old woman was wounded when someone fired shots into her car on Quarry Road in Millbrook, "
    "Alabama, on Monday, police said. She is expected to survive.",
    "2024-02-06",
)


def test_a_batch_about_one_new_event_ends_in_one_event_and_another_stays_apart(client: TestClient) -> None:
    answer = client.post("/v1/reports/batch", json={"reports": [FIRST, OTHER, SECOND]})
    assert answer.status_code in {200, 201}, answer.text
    first, other, second = answer.json()["results"]
    assert first["new_event"] and other["new_event"]
    assert second["event"] == first["event"] != other["event"]
    assert second["outcome"] in {"joined", "needs_review"}


def test_a_follow_up_months_later_finds_its_event(client: TestClient) -> None:
    first = client.post("/v1/reports", json=FIRST).json()
    client.post("/v1/reports", json=OTHER)
    arrest = client.post("/v1/reports", json=ARREST).json()
    assert arrest["event"] == first["event"], arrest


def test_a_report_arriving_out_of_order_finds_its_event(client: TestClient) -> None:
    later = client.post("/v1/reports", json=ARREST).json()
    earlier = client.post("/v1/reports", json=SECOND).json()
    assert earlier["event"] == later["event"], earlier


def test_the_decision_keeps_every_feature_and_contribution(client: TestClient) -> None:
    client.post("/v1/reports", json=FIRST)
    second = client.post("/v1/reports", json=SECOND).json()
    match = client.get(f"/v1/reports/{second['report']}").json()["match"]
    best = match["candidates"][0]
    assert best["event"] == match["event"] and best["score"] == match["score"]
    assert {"dense", "lexical", "names", "log_days", "place", "killed"} <= set(best["features"])
    assert set(shipped_model().terms) | {"bias"} == set(best["contributions"])
    assert 0.0 <= best["score"] <= 1.0


def test_the_nearest_report_is_a_candidate_years_later(client: TestClient) -> None:
    """Beyond the long window, a sentencing story still meets the report it is closest to."""
    first = client.post("/v1/reports", json=FIRST).json()
    client.post("/v1/reports", json=OTHER)
    sentencing = report(
        "e",
        "Man sentenced to life for killing Terrence Ashworth outside Brookhaven grocery store",
        "A man was sentenced on Monday to life in prison for shooting Terrence Ashworth, 27, to death outside "
        "a grocery store on Larkspur Avenue in Brookhaven, Georgia, prosecutors said.",
        "2026-11-24",
    )
    answer = client.post("/v1/reports", json=sentencing).json()
    match = client.get(f"/v1/reports/{answer['report']}").json()["match"]
    assert first["event"] in {candidate["event"] for candidate in match["candidates"]}, match
