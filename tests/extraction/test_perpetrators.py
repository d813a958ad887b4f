"""Perpetrator and attribution-state rules: named individuals, ideology categories, claims and doubt."""

from __future__ import annotations

from service.domain import AttributionStatus
from service.extraction import extract


def main_claims(text: str) -> list[tuple[str, AttributionStatus]]:
    return [(p.actor, p.status) for p in extract(text, None).perpetrators if p.event_ref == 0 and p.actor != "unknown"]


def test_a_mixed_case_acronym_matches_case() -> None:
    assert main_claims("Police let the man go after questioning him.") == []
