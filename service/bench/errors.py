"""The matcher's errors on a replayed set, read back from the stored match decisions.

Three kinds, from the point of view of each arriving report:

- wrong merge: it joined an event because it looked like a report of another gold event;
- missed merge: an earlier report of its gold event was a candidate, but scored below the join threshold;
- not retrieved: earlier reports of its gold event exist, but none was among the candidates at all.

Each error keeps the stored features and log-odds contributions of the pair that decided it, so the
listing says which evidence misled the model. Classification is pure; `load_decisions` reads the store.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from service.models import MatchDecision, Report

WRONG_MERGE = "wrong merge"
MISSED_MERGE = "missed merge"
NOT_RETRIEVED = "not retrieved"
KINDS = (WRONG_MERGE, MISSED_MERGE, NOT_RETRIEVED)


@dataclass(frozen=True, slots=True)
class StoredDecision:
    """A report's match decision as stored, keyed by the client's report id."""

    report: str
    title: str
    outcome: str
    event: int
    score: float | None
    candidates: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MatchError:
    kind: str
    report: str
    title: str
    other: str | None  # the report it was wrongly matched with, or the gold mate it missed
    other_title: str | None
    score: float | None  # the deciding pair's probability
    features: dict[str, Any]
    contributions: dict[str, float]


def match_errors(
    decisions: Sequence[StoredDecision],
    gold: dict[str, str],
    stored_as: dict[int, str],
    predicted: dict[str, int],
) -> list[MatchError]:
    """Classify the decisions (in arrival order) against the gold grouping.

    `stored_as` maps stored report ids to client ids; `predicted` is the final event of each client id.
    """
    titles = {d.report: d.title for d in decisions}
    earlier: dict[str, list[str]] = defaultdict(list)  # gold event -> reports seen so far
    errors: list[MatchError] = []
    for decision in decisions:
        truth = gold.get(decision.report)
        mates = list(earlier[truth]) if truth is not None else []
        if truth is not None:
            earlier[truth].append(decision.report)
        if truth is None or decision.outcome == "event_key":
            continue
        if decision.outcome in ("joined", "needs_review"):
            chosen = next((c for c in decision.candidates if c.get("event") == decision.event), None)
            compared = _compared_report(chosen, stored_as)
            if chosen is not None and compared is not None and gold.get(compared) != truth:
                errors.append(_error(WRONG_MERGE, decision, compared, titles, chosen))
        elif decision.outcome == "new_event" and mates:
            mate_events = {predicted[m]: m for m in mates if m in predicted}
            near = [c for c in decision.candidates if c.get("event") in mate_events]
            if near:
                best = max(near, key=lambda c: float(c.get("score") or 0.0))
                other = _compared_report(best, stored_as) or mate_events[best["event"]]
                errors.append(_error(MISSED_MERGE, decision, other, titles, best))
            else:
                errors.append(_error(NOT_RETRIEVED, decision, mates[-1], titles, None))
    return errors


def _compared_report(candidate: dict[str, Any] | None, stored_as: dict[int, str]) -> str | None:
    if candidate is None:
        return None
    stored = candidate.get("features", {}).get("compared_report")
    return stored_as.get(int(stored)) if stored else None


def _error(
    kind: str, decision: StoredDecision, other: str, titles: dict[str, str], candidate: dict[str, Any] | None
) -> MatchError:
    return MatchError(
        kind=kind,
        report=decision.report,
        title=decision.title,
        other=other,
        other_title=titles.get(other),
        score=float(candidate["score"]) if candidate and candidate.get("score") is not None else None,
        features=dict(candidate.get("features", {})) if candidate else {},
        contributions={k: float(v) for k, v in (candidate or {}).get("contributions", {}).items()},
    )


def format_errors(errors: Sequence[MatchError], sample: int = 5) -> list[str]:
    """Counts per kind, then the most confident errors of each kind with their strongest evidence."""
    counts = Counter(e.kind for e in errors)
    lines = ["match errors: " + ", ".join(f"{counts[kind]} {kind}" for kind in KINDS)]
    for kind in KINDS:
        shown = sorted((e for e in errors if e.kind == kind), key=lambda e: -(e.score or 0.0))[:sample]
        if shown:
            lines.append(f"  {kind} (highest scores first):")
        for error in shown:
            score = "-" if error.score is None else f"{error.score:.2f}"
            lines.append(f"    p={score}  {_short(error.title)}")
            lines.append(f"            vs {_short(error.other_title or error.other or '?')}")
            if error.contributions:
                lines.append(f"            {_evidence(error)}")
    return lines


def _evidence(error: MatchError) -> str:
    """The four terms that moved the log-odds most, with the raw feature where there is one."""
    terms = sorted(
        ((name, value) for name, value in error.contributions.items() if name != "bias"), key=lambda item: -abs(item[1])
    )[:4]
    parts = []
    for name, value in terms:
        raw = error.features.get(name)
        shown = f"={raw:.2f}" if isinstance(raw, int | float) else ""
        parts.append(f"{name}{shown} {value:+.2f}")
    return ", ".join(parts)


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def load_decisions(engine: Engine) -> tuple[list[StoredDecision], dict[int, str]]:
    """The stored decisions in arrival order, and the client id of each stored report."""
    with Session(engine) as session:
        rows = session.exec(
            select(MatchDecision, Report.external_id, Report.title)
            .join(Report, col(Report.id) == col(MatchDecision.report_id))
            .order_by(col(MatchDecision.report_id))
        ).all()
        decisions = [
            StoredDecision(external_id, title, d.outcome, d.event_id, d.score, list(d.candidates))
            for d, external_id, title in rows
        ]
        stored_as = {d.report_id: external_id for d, external_id, _ in rows}
    return decisions, stored_as
