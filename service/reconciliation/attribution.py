"""Perpetrator rule: who did it, kept apart from how sure we are (GTD), with the attribution history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from service.domain import AttributionStatus, FieldDecision, PerpetratorClaim
from service.reconciliation.evidence import ChronoKey, Evidence, distinct_sources, ids, iso, normalise

Attribution = Evidence[PerpetratorClaim]

RULE = "perpetrator.strongest_attribution/v1"

# A group's own claim is the strongest evidence, an unhedged official attribution next, a suspicion last.
STRENGTH: Mapping[AttributionStatus, int] = {
    AttributionStatus.UNKNOWN: 0,
    AttributionStatus.SUSPECTED: 1,
    AttributionStatus.ATTRIBUTED: 2,
    AttributionStatus.CLAIMED: 3,
}


def timeline(items: Sequence[Attribution]) -> list[dict[str, object]]:
    """Every attribution statement in time order, denials included: how the picture changed."""
    ordered = sorted(items, key=lambda item: item.when)
    return [
        {
            "status": item.claim.status.value,
            "actor": item.claim.actor,
            "by": item.claim.by,
            "claim_id": item.claim_id,
            "published_at": iso(item.sourced.published_at),
        }
        for item in ordered
    ]


def _rank(statements: Sequence[Attribution]) -> tuple[int, int, ChronoKey]:
    # Strongest status first; then how many outlets name the actor; then the most recent word.
    return (
        max(STRENGTH[item.claim.status] for item in statements),
        distinct_sources(statements),
        max(item.when for item in statements),
    )


def strongest_attribution(items: Sequence[Attribution]) -> tuple[str, list[Attribution]] | None:
    """The actor with the strongest attribution and the statements naming it, or None if nobody is named.

    Denials do not name a perpetrator, so they never make an actor the answer.
    """
    by_actor: dict[str, list[Attribution]] = defaultdict(list)
    for item in items:
        if item.claim.status != AttributionStatus.DENIED and item.claim.actor.strip():
            by_actor[normalise(item.claim.actor)].append(item)
    if not by_actor:
        return None
    key = max(by_actor, key=lambda actor: (_rank(by_actor[actor]), actor))
    return key, by_actor[key]


def reconcile_perpetrator(items: Sequence[Attribution]) -> FieldDecision:
    """Pick the perpetrator; competing claims and the actor's own denials are kept as conflicting.

    AttributionStatus has no "disputed" value, so a dispute keeps the winner's status and says so in the note.
    """
    history = timeline(items)
    chosen = strongest_attribution(items)
    if chosen is None:
        unknown: dict[str, object] = {"actor": None, "status": AttributionStatus.UNKNOWN.value}
        return FieldDecision(
            field="perpetrator",
            value={**unknown, "timeline": history} if items else None,
            rule=RULE,
            note="no perpetrator named: only denials or unattributed statements",
        )
    key, naming = chosen
    latest = max(naming, key=lambda item: item.when)
    status = max((item.claim.status for item in naming), key=STRENGTH.__getitem__)
    denied, claimed = AttributionStatus.DENIED, AttributionStatus.CLAIMED
    rivals = [
        item
        for item in items
        if item.claim.status != denied and item.claim.actor.strip() and normalise(item.claim.actor) != key
    ]
    denials = [item for item in items if item.claim.status == denied and normalise(item.claim.actor) == key]
    competing = sorted({item.claim.actor for item in rivals if item.claim.status == claimed})
    actor = latest.claim.actor
    notes = [f"strongest attribution: {status.value}; {distinct_sources(naming)} source(s) name {actor}"]
    if competing and status == claimed:
        notes.append(f"disputed: competing claims by {', '.join(competing)}")
    if denials:
        notes.append(f"{actor} denied it in claim(s) {', '.join(map(str, ids(denials)))}")
    return FieldDecision(
        field="perpetrator",
        value={"actor": actor, "status": status.value, "timeline": history},
        rule=RULE,
        supporting=ids(naming),
        conflicting=ids([*rivals, *denials]),
        note="; ".join(notes),
    )
