"""Perpetrator rule: strongest attribution, timeline, disputes and denials."""

from __future__ import annotations

from service.domain import AttributionStatus as Status
from service.domain import FieldDecision, SourcedClaim
from service.reconciliation import reconcile

from .builders import ISIS, MON, THU, TUE, WED, perpetrator, sourced


def decide(claims: list[SourcedClaim]) -> FieldDecision:
    return reconcile(claims)["perpetrator"]


def test_timeline_is_in_time_order_whatever_the_input_order() -> None:
    claims = [
        sourced(3, 3, "Wire", WED, perpetrator(Status.CLAIMED, by="Amaq")),
        sourced(1, 1, "Outlet", MON, perpetrator(Status.SUSPECTED, by="police")),
        sourced(2, 2, "Ministry", TUE, perpetrator(Status.ATTRIBUTED, by="interior ministry")),
    ]
    decision = decide(claims)
    assert decision.value is not None
    timeline = decision.value["timeline"]
    assert isinstance(timeline, list)
    assert [(entry["status"], entry["claim_id"], entry["published_at"]) for entry in timeline] == [
        ("suspected", 1, "2026-11-16"),
        ("attributed", 2, "2026-11-17"),
        ("claimed", 3, "2026-11-18"),
    ]
    assert decision.value["status"] == "claimed"


def test_a_claim_beats_a_more_widely_repeated_suspicion() -> None:
    claims = [
        sourced(1, 1, "A", TUE, perpetrator(Status.SUSPECTED, actor="Group X")),
        sourced(2, 2, "B", TUE, perpetrator(Status.SUSPECTED, actor="Group X")),
        sourced(3, 3, "C", TUE, perpetrator(Status.SUSPECTED, actor="Group X")),
        sourced(4, 4, "D", WED, perpetrator(Status.CLAIMED, by="Amaq")),
    ]
    decision = decide(claims)
    assert decision.value is not None
    assert (decision.value["actor"], decision.value["status"]) == (ISIS, "claimed")
    assert decision.supporting == (4,)
    assert decision.conflicting == (1, 2, 3)


def test_equal_strength_goes_to_the_actor_more_sources_name() -> None:
    claims = [
        sourced(1, 1, "A", TUE, perpetrator(Status.SUSPECTED, actor="Group X")),
        sourced(2, 2, "B", TUE, perpetrator(Status.SUSPECTED)),
        sourced(3, 3, "C", WED, perpetrator(Status.SUSPECTED)),
        sourced(4, 4, "A", THU, perpetrator(Status.SUSPECTED, actor="Group X")),  # same outlet again
    ]
    decision = decide(claims)
    assert decision.value is not None
    assert decision.value["actor"] == ISIS


def test_competing_claims_are_flagged_as_disputed() -> None:
    claims = [
        sourced(1, 1, "A", TUE, perpetrator(Status.CLAIMED, actor="Group X", by="Telegram")),
        sourced(2, 2, "B", WED, perpetrator(Status.CLAIMED, by="Amaq")),
        sourced(3, 3, "C", WED, perpetrator(Status.SUSPECTED, by="officials")),
    ]
    decision = decide(claims)
    assert decision.value is not None
    assert (decision.value["actor"], decision.value["status"]) == (ISIS, "claimed")
    assert decision.conflicting == (1,)
    assert decision.note is not None and "disputed: competing claims by Group X" in decision.note


def test_a_denial_by_the_chosen_actor_is_conflicting() -> None:
    claims = [
        sourced(1, 1, "A", TUE, perpetrator(Status.ATTRIBUTED, actor="Group X", by="army")),
        sourced(2, 2, "B", WED, perpetrator(Status.DENIED, actor="Group X")),
    ]
    decision = decide(claims)
    assert decision.value is not None
    assert (decision.value["actor"], decision.value["status"]) == ("Group X", "attributed")
    assert decision.supporting == (1,)
    assert decision.conflicting == (2,)


def test_denials_alone_name_nobody() -> None:
    decision = decide([sourced(1, 1, "A", TUE, perpetrator(Status.DENIED, actor="Group X"))])
    assert decision.value is not None
    assert (decision.value["actor"], decision.value["status"]) == (None, "unknown")
    assert decision.value["timeline"] == [
        {"status": "denied", "actor": "Group X", "by": None, "claim_id": 1, "published_at": "2026-11-17"}
    ]
