"""Sentences that once went wrong end to end (found with the worked example)."""

from __future__ import annotations

import datetime as dt

from service.domain import FigureKind
from service.extraction import extract

TUESDAY = dt.date(2026, 3, 3)


def _killed(text: str) -> list[tuple[int, int | None, str | None, int]]:
    return [
        (f.low, f.high, f.subgroup, f.event_ref) for f in extract(text, TUESDAY).figures if f.kind == FigureKind.KILLED
    ]


def test_a_counted_subject_is_not_also_one_dead_person() -> None:
    text = "Three security officers were killed when a car bomb exploded at a police station on Monday."
    assert _killed(text) == [(3, 3, "security forces", 0)]


def test_a_toll_update_far_from_its_verb() -> None:
    text = "The toll from Monday's suicide car bombing of a police station in al-Mayadeen, Deir Ezzor, rose to seven."
    figures = [f for f in extract(text, TUESDAY).figures if f.kind == FigureKind.KILLED]
    assert [(f.low, f.high, f.is_update) for f in figures] == [(7, 7, True)]


def test_a_sentence_opening_with_a_day_shift_is_another_event() -> None:
    text = "A car bomb killed five people in Homs on Monday. A day earlier, a raid in Aleppo killed three fighters."
    assert _killed(text)[0] == (5, 5, None, 0)
    assert all(ref != 0 for *_, ref in _killed(text)[1:])


def test_the_kind_of_target_alone_names_no_perpetrator() -> None:
    text = "A bomb exploded outside a police station in Dayton, Ohio, on Monday. Nobody was hurt."
    assert extract(text, TUESDAY).perpetrators == [] or all(
        p.actor in ("unknown",) for p in extract(text, TUESDAY).perpetrators
    )
