"""PRODUCT.md's worked example, end to end through reconcile()."""

from __future__ import annotations

import re

import pytest

from service.reconciliation import RULES_VERSION, Policy, reconcile

from .builders import EXPLOSIONS, ISIS, worked_example


@pytest.mark.parametrize(
    ("policy", "expected", "rule"),
    [
        (Policy.BEST, {"low": 5, "best": 7, "high": 7}, "figure.rising_credible/v1"),
        (Policy.CONSERVATIVE, {"low": 5, "best": 5, "high": 7}, "figure.most_conservative_credible/v2"),
        (Policy.HIGH, {"low": 5, "best": 7, "high": 7}, "figure.highest_credible/v2"),
    ],
)
def test_killed_under_each_policy(policy: Policy, expected: dict[str, int], rule: str) -> None:
    killed = reconcile(worked_example(), policy)["killed"]
    assert killed.value == expected
    assert killed.rule == rule
    # The subgroup count (claim 10) is consistent with the total, not a conflict, under every policy.
    assert killed.supporting == (1, 10, 14)
    assert killed.conflicting == ()
    assert killed.superseded == ()


def test_default_policy_is_best() -> None:
    assert reconcile(worked_example())["killed"].value == {"low": 5, "best": 7, "high": 7}


def test_fields_present_and_side_stories_ignored() -> None:
    decisions = reconcile(worked_example())
    # The arrest sweep (event_ref 2) must not create an "arrested" field for the bombing.
    assert set(decisions) == {"killed", "injured", "perpetrator", "place", "date", "event_type"}
    used = {i for d in decisions.values() for i in (*d.supporting, *d.conflicting, *d.superseded)}
    assert used.isdisjoint({6, 7, 8})


def test_several_wounded_is_a_lower_bound_not_a_number() -> None:
    injured = reconcile(worked_example())["injured"]
    assert injured.value == {"low": 3, "best": None, "high": None}
    assert injured.rule == "figure.vague_floor/v1"
    assert injured.supporting == (11,)
    conservative = reconcile(worked_example(), Policy.CONSERVATIVE)["injured"]
    assert conservative.value == {"low": 3, "best": 3, "high": None}


def test_perpetrator_suspected_then_claimed() -> None:
    perpetrator = reconcile(worked_example())["perpetrator"]
    assert perpetrator.rule == "perpetrator.strongest_attribution/v1"
    assert perpetrator.value == {
        "actor": ISIS,
        "status": "claimed",
        "timeline": [
            {"status": "suspected", "actor": ISIS, "by": None, "claim_id": 2, "published_at": "2026-11-17"},
            {"status": "claimed", "actor": ISIS, "by": "Amaq", "claim_id": 15, "published_at": "2026-11-18"},
        ],
    }
    assert perpetrator.supporting == (2, 15)
    assert perpetrator.conflicting == ()


def test_place_date_and_type() -> None:
    decisions = reconcile(worked_example())
    assert decisions["place"].value == {
        "name": "al-Mayadeen",
        "admin1": "Deir Ezzor",
        "country": "Syria",
        "lat": 35.02,
        "lon": 40.45,
    }
    # State media's country-only "Syria" agrees with the town: support, not conflict.
    assert decisions["place"].supporting == (3, 12, 16)
    assert decisions["place"].conflicting == ()
    assert decisions["date"].value == {"date": "2026-11-16", "precision": "day"}
    assert decisions["date"].supporting == (4, 17)
    assert decisions["event_type"].value == {"event_type": EXPLOSIONS, "sub_event_type": "Suicide bomb"}
    assert decisions["event_type"].supporting == (5, 13, 18)


def test_every_rule_is_named_and_versioned() -> None:
    assert RULES_VERSION
    for policy in Policy:
        for decision in reconcile(worked_example(), policy).values():
            assert re.fullmatch(r"[a-z_]+\.[a-z_]+/v\d+", decision.rule), decision.rule
            assert decision.note
