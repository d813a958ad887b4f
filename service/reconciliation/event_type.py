"""Event type rule: what kind of event this is, by majority of distinct sources."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from service.domain import EventTypeClaim, FieldDecision
from service.reconciliation.evidence import ChronoKey, Evidence, distinct_sources, ids, majority, normalise

Typed = Evidence[EventTypeClaim]

RULE = "event_type.majority_sources/v1"


def majority_type(items: Sequence[Typed]) -> list[Typed]:
    """The claims of the type most distinct sources state; ties go to the type stated latest.

    Sources, not claims, are counted so that one outlet repeating itself cannot outvote two others.
    """
    by_type: dict[str, list[Typed]] = defaultdict(list)
    for item in items:
        by_type[normalise(item.claim.event_type)].append(item)

    def rank(key: str) -> tuple[int, ChronoKey, str]:
        claims = by_type[key]
        return (distinct_sources(claims), max(item.when for item in claims), key)

    return by_type[max(by_type, key=rank)]


def reconcile_event_type(items: Sequence[Typed]) -> FieldDecision:
    """The canonical event type; the sub-type is the majority among the claims of that type."""
    if not items:
        return FieldDecision(field="event_type", value=None, rule=RULE, note="no event type stated")
    chosen = majority_type(items)
    latest = max(chosen, key=lambda item: item.when)
    sub_type = majority((item.claim.sub_event_type, item.when) for item in chosen)
    others = [item for item in items if item not in chosen]
    return FieldDecision(
        field="event_type",
        value={"event_type": latest.claim.event_type, "sub_event_type": sub_type},
        rule=RULE,
        supporting=ids(chosen),
        conflicting=ids(others),
        note=f"stated by {distinct_sources(chosen)} of {distinct_sources(items)} source(s)",
    )
