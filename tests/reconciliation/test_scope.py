"""Which stated numbers are period or area totals rather than one event's toll."""

from __future__ import annotations

import pytest

from service.domain import FigureClaim, FigureKind, Qualifier
from service.reconciliation.scope import is_aggregate, number_at

from .builders import exact, figure


@pytest.mark.parametrize(
    ("claim", "why"),
    [
        (exact(47, quote="47 persons were killed yesterday including 4 members of the regime forces"), "day"),
        (exact(185, quote="Bombing raises to 185, the number of people killed since the truce"), "running"),
        (exact(240, quote="bringing to 240 the number of civilian casualties since the escalation"), "since"),
        (exact(30, quote="rising the death toll to 30 civilians killed in 4 consecutive days"), "period"),
        (exact(467, quote="After the death of 467 civilians in their massacres in 2016 warplanes kill 11"), "year"),
        (exact(14, quote="14 shot, one fatally, since 8 p.m., including 6 at a party"), "since"),
        (exact(12, quote="Twelve people were shot in Chicago in about ten hours"), "hours"),
        (
            figure(501, None, Qualifier.MORE_THAN, quote="more than 500 people died each year from such accidents"),
            "year",
        ),
        (exact(141, quote="141 minors died in unintentional shootings across the country"), "area"),
        (exact(50, quote="About 50 killed by aerial bombardment on several areas yesterday"), "places"),
        (exact(56, quote="56 civilians killed in massacres in different areas of the country"), "places"),
        # Many incidents, and the wounded beside the dead do not end the words that say so.
        (exact(9, quote="9 dead, 31 wounded in weekend shootings across the county"), "incidents"),
        (exact(4, quote="4 killed, 2 hurt in 3 separate attacks on Saturday"), "incidents"),
        (exact(31, quote="9 dead, 31 wounded in weekend shootings", kind=FigureKind.INJURED), "incidents"),
        # The incidents may be counted before the figure, in its own sentence.
        (exact(5, quote="Two shootings kill five across town in a single night"), "incidents before"),
        (exact(2, quote="A string of late-night shootings left two men dead and four hurt"), "incidents before"),
        (exact(3, quote="Police named the three men who were killed over the past week in the county"), "past week"),
        # An age is not the next figure: the words after it still scope the total.
        (exact(5, quote="Five people were killed, including a 17-year-old boy, in shootings on Saturday"), "age"),
        # A breakdown does not end the total's words: the period after it still scopes the 900.
        (exact(900, quote="About 900 people including 300 children were killed in 18 days of shelling"), "parts"),
        (exact(12, quote="Raiders kill 12 of the army in sporadic operations across the desert"), "operations"),
        (exact(70, quote="Jets kill 70 civilians in revenge massacres on the river towns"), "massacres"),
        (exact(9, quote="Two massacres by warplanes on the valley leave 9 people killed"), "massacres before"),
        (exact(27, quote="raise to 27 the number of civilians who died in Homs, Hama and Idlib"), "places"),
        (exact(7, quote="Seven killed in car bombings in the rebel-held north"), "bombings"),
        (exact(8, quote="8 people killed in Deir Ezzor, Raqqa and Hasakah provinces"), "places"),
        # The period may be named first: the count is a total over it.
        (exact(80, quote="After about 10 months of strikes that left about 80 dead, 5 are killed"), "period before"),
        (exact(60, quote="About 36 hours of intensive bombardment kill 60 civilians in the town"), "period before"),
    ],
)
def test_period_and_area_totals_are_aggregates(claim: FigureClaim, why: str) -> None:
    assert is_aggregate(claim), why


@pytest.mark.parametrize(
    "claim",
    [
        exact(3, quote="3 killed, 4 hurt in shooting at convenience store"),
        exact(9, quote="9 killed in the city as clashes continued in several areas in the east of the city"),
        exact(2, quote="2 dead, 5 wounded in shooting outside a club; police link it to earlier shootings"),
        exact(7, quote="The toll from Monday's bombing rose to seven", is_update=True),
        exact(2, quote="Two men were killed in a shooting yesterday"),
        # The running total's words belong to 225, not to the attack's own 14.
        exact(14, quote="Shelling kills 14 citizens and raises to 225, the number of people killed since May"),
        exact(11, quote="After the death of 467 civilians in their massacres in 2016 warplanes kill 11 civilians"),
        # A monitor's update of one massacre's toll: "the number of" alone names no period or area.
        exact(13, quote="raise to 13, the number of people killed in the massacre of the village", is_update=True),
        # The period belongs to the running total that follows, not to the massacre's own 11.
        exact(11, quote="A massacre claims the lives of 11 citizens, raising the toll in 24 hours of shelling to 19"),
        exact(5, quote="After about 10 months of strikes that left about 80 dead, 5 are killed"),
        exact(4, quote="A massacre in the market kills 4 civilians"),
        exact(5, quote="5 killed in a car bombing in the rebel-held north"),
        # Two places, or a place and its district, are one area.
        exact(6, quote="6 killed in shelling on Kafr Nabl and its countryside"),
        exact(3, quote="3 killed in Ma'arat al-Numan, Idlib, by an air strike"),
        exact(5, quote=""),  # nothing quoted: nothing to judge by
        # Incidents named in an earlier sentence do not scope this one.
        exact(2, quote="Police had seen three shootings this month. On Friday two men were killed outside a bar"),
        exact(4, quote="The city's worst shooting this year left four people wounded", kind=FigureKind.INJURED),
    ],
)
def test_an_events_own_toll_is_not_an_aggregate(claim: FigureClaim) -> None:
    assert not is_aggregate(claim)


@pytest.mark.parametrize(
    ("claim", "written_at"),
    [
        (exact(1, quote="Someone had gone into the store when a man was shot"), None),  # 'one' inside words
        (exact(1, quote="Police said 11 shots were fired"), None),  # a digit inside a number
        (exact(5, quote="Gunmen killed 5, including a child"), 14),  # a comma after the number ends it
        (exact(1000, quote="about 1,000 people fled"), 6),
        (exact(3, quote="three died"), 0),
    ],
)
def test_a_number_is_found_only_where_it_is_written_as_a_whole(claim: FigureClaim, written_at: int | None) -> None:
    assert number_at(claim) == written_at
