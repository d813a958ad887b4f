"""reconcile() is pure: the same claims in any order give the same decisions."""

from __future__ import annotations

import random

import pytest

from service.domain import AttributionStatus, FigureKind, SourcedClaim
from service.reconciliation import Policy, reconcile

from .builders import MON, THU, TUE, WED, at_least, exact, perpetrator, place, sourced, vague, worked_example


def busy_event() -> list[SourcedClaim]:
    """Many same-day claims, so ties must be broken by arrival and ids, not input order."""
    return [
        *worked_example(),
        sourced(30, 4, "Local TV", TUE, exact(4)),
        sourced(31, 5, "Wire", WED, exact(9, quoted_source="hospital")),
        sourced(32, 6, "Outlet A", WED, at_least(8)),
        sourced(33, 7, "Blog", THU, exact(90)),
        sourced(34, 8, "Local TV", THU, vague(5, kind=FigureKind.INJURED)),
        sourced(35, 9, "Group X channel", WED, perpetrator(AttributionStatus.CLAIMED, actor="Group X")),
        sourced(36, 10, "Local TV", MON, place("Deir Ezzor", "Deir Ezzor", "Syria")),
    ]


@pytest.mark.parametrize("policy", list(Policy))
@pytest.mark.parametrize("claims", [worked_example(), busy_event()], ids=["worked", "busy"])
def test_shuffled_input_gives_identical_decisions(claims: list[SourcedClaim], policy: Policy) -> None:
    expected = reconcile(claims, policy)
    rng = random.Random(20261124)
    for _ in range(25):
        shuffled = claims[:]
        rng.shuffle(shuffled)
        assert reconcile(shuffled, policy) == expected
    assert reconcile(list(reversed(claims)), policy) == expected


def test_busy_event_values() -> None:
    decision = reconcile(busy_event())["killed"]
    # Outlet A's "at least 8" replaces its "at least 5", the wire's 9 its 7; the blog's lone 90 is an outlier.
    assert decision.superseded == (1, 14)
    assert decision.value == {"low": 4, "best": 9, "high": 9}
    assert decision.conflicting == (30, 33)
