"""The benchmark's error listing: each arriving report's decision judged against the gold grouping."""

from __future__ import annotations

from service.bench.errors import (
    MISSED_MERGE,
    NOT_RETRIEVED,
    WRONG_MERGE,
    StoredDecision,
    format_errors,
    match_errors,
)


def candidate(event: int, score: float, compared: int, **contributions: float) -> dict[str, object]:
    return {
        "event": event,
        "score": score,
        "features": {"compared_report": float(compared), "dense": 0.8},
        "contributions": {"bias": -1.0, **contributions},
    }


# Stored report ids 1..5 are the client's a..e; gold: a, b, d are one shooting; c, e another.
STORED_AS = {1: "a", 2: "b", 3: "c", 4: "d", 5: "e"}
GOLD = {"a": "G1", "b": "G1", "c": "G2", "d": "G1", "e": "G2"}


def test_each_kind_of_error_is_found_with_the_evidence_that_decided_it() -> None:
    decisions = [
        StoredDecision("a", "Man shot on Elm St", "new_event", 10, None, []),
        StoredDecision("b", "Elm St shooting victim named", "joined", 10, 0.95, [candidate(10, 0.95, 1, dense=2.0)]),
        # c belongs to G2 but joined a's event: a wrong merge, through its comparison with b.
        StoredDecision("c", "Second shooting on Elm", "joined", 10, 0.9, [candidate(10, 0.9, 2, dense=1.5, place=0.5)]),
        # d is G1, a candidate event holding its mates scored too low: a missed merge.
        StoredDecision("d", "Elm St suspect arrested", "new_event", 11, 0.4, [candidate(10, 0.4, 1, names=-1.2)]),
        # e is G2; c (its mate) sits in event 10, which was not among the candidates: not retrieved.
        StoredDecision("e", "Police update on second shooting", "new_event", 12, None, []),
    ]
    predicted = {"a": 10, "b": 10, "c": 10, "d": 11, "e": 12}

    errors = match_errors(decisions, GOLD, STORED_AS, predicted)

    assert [(e.kind, e.report, e.other) for e in errors] == [
        (WRONG_MERGE, "c", "b"),
        (MISSED_MERGE, "d", "a"),
        (NOT_RETRIEVED, "e", "c"),
    ]
    wrong = errors[0]
    assert wrong.score == 0.9 and wrong.contributions["dense"] == 1.5 and wrong.features["dense"] == 0.8


def test_right_decisions_and_client_grouped_reports_are_not_errors() -> None:
    decisions = [
        StoredDecision("a", "Man shot", "new_event", 10, None, []),
        StoredDecision("b", "Man shot, named", "joined", 10, 0.97, [candidate(10, 0.97, 1)]),
        StoredDecision("c", "Other shooting", "new_event", 11, 0.2, [candidate(10, 0.2, 1)]),
        StoredDecision("d", "Grouped by key", "event_key", 12, None, []),
    ]
    assert match_errors(decisions, GOLD, STORED_AS, {"a": 10, "b": 10, "c": 11, "d": 12}) == []


def test_the_listing_counts_every_kind_and_names_the_strongest_evidence() -> None:
    decisions = [
        StoredDecision("a", "Man shot on Elm St", "new_event", 10, None, []),
        StoredDecision("c", "Second shooting", "joined", 10, 0.9, [candidate(10, 0.9, 1, dense=1.5, years=-0.1)]),
    ]
    lines = format_errors(match_errors(decisions, GOLD, STORED_AS, {"a": 10, "c": 10}))

    assert lines[0] == "match errors: 1 wrong merge, 0 missed merge, 0 not retrieved"
    assert "Second shooting" in lines[2] and "Man shot on Elm St" in lines[3]
    assert lines[4].strip().startswith("dense=0.80 +1.50")  # the largest contribution first, with its value
