"""reconcile(): claims of one event -> one FieldDecision per canonical field."""

from __future__ import annotations

from collections.abc import Sequence

from service.domain import (
    DateClaim,
    EventTypeClaim,
    FieldDecision,
    FigureClaim,
    FigureKind,
    PerpetratorClaim,
    PlaceClaim,
    SourcedClaim,
)
from service.reconciliation.attribution import reconcile_perpetrator
from service.reconciliation.event_type import reconcile_event_type
from service.reconciliation.evidence import main_story, select
from service.reconciliation.figures import died_of_wounds, reconcile_figure, wounded_then_died
from service.reconciliation.place_time import reconcile_date, reconcile_place
from service.reconciliation.policy import Policy

# Bump when any rule's behaviour changes, so stored decisions can be recomputed.
RULES_VERSION = "2026.11-9"


def _dead(decisions: dict[str, FieldDecision], kind: FigureKind) -> int:
    """The death toll the injured figure is read beside (a count of people shot includes the dead)."""
    killed = decisions.get(FigureKind.KILLED.value)
    if kind != FigureKind.INJURED or killed is None or not killed.value:
        return 0
    best = killed.value.get("best")
    return best if isinstance(best, int) else 0


def reconcile(claims: Sequence[SourcedClaim], policy: Policy = Policy.BEST) -> dict[str, FieldDecision]:
    """Derive the canonical fields of one event from its claims; pure and order-independent.

    A field appears only when some claim speaks to it, so a caller can tell "nothing stated" (absent,
    and free to fall back, e.g. to the publication date) from a reconciled value.
    """
    policy = Policy(policy)
    main = main_story(claims)
    figures = select(main, FigureClaim)
    decisions: dict[str, FieldDecision] = {}
    for kind in FigureKind:
        of_kind = [item for item in figures if item.claim.kind == kind]
        if not of_kind:
            continue
        dead = _dead(decisions, kind)
        deaths = [item for item in figures if item.claim.kind == FigureKind.KILLED and item.claim.subgroup is None]
        if kind == FigureKind.INJURED and wounded_then_died(of_kind, deaths, dead):
            decisions[kind.value] = died_of_wounds(kind, of_kind, deaths)
        else:
            decisions[kind.value] = reconcile_figure(kind, of_kind, policy, dead=dead)
    if perpetrators := select(main, PerpetratorClaim):
        decisions["perpetrator"] = reconcile_perpetrator(perpetrators)
    if places := select(main, PlaceClaim):
        decisions["place"] = reconcile_place(places)
    if dates := select(main, DateClaim):
        decisions["date"] = reconcile_date(dates)
    if event_types := select(main, EventTypeClaim):
        decisions["event_type"] = reconcile_event_type(event_types)
    return decisions
