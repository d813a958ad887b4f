"""Extraction on sentences written for these tests (never copied from the evaluation data)."""

from __future__ import annotations

import datetime as dt

import pytest

from service.domain import (
    AttributionStatus,
    DatePrecision,
    Extraction,
    FigureClaim,
    FigureKind,
    Qualifier,
    report_document,
)
from service.extraction import extract

TUESDAY = dt.date(2024, 1, 2)
WEDNESDAY = dt.date(2024, 1, 3)
MONDAY = dt.date(2024, 1, 1)

REPORT_1 = report_document(
    "Car bomb kills at least five at police station in eastern Syria",
    "A suicide car bomb hit a police station in al-Mayadeen, Deir Ezzor governorate, Syria, late Monday, "
    "killing at least five people and wounding others. No group has claimed the attack, but ISIS is "
    "believed to be behind it, officials said. A raid in Aleppo the day before killed three ISIS members, "
    "and security forces arrested 12 ISIS suspects in a sweep on Tuesday.",
)
REPORT_2 = report_document(
    "",
    "State media said three security officers were killed and several wounded in the car bombing in "
    "al-Mayadeen on Monday.",
)
REPORT_3 = report_document(
    "Toll from al-Mayadeen bombing rises to seven",
    "The toll from Monday's al-Mayadeen bombing rose to seven. ISIS claimed the attack through its Amaq news agency.",
)


def headline(extraction: Extraction, kind: FigureKind) -> FigureClaim:
    """The first main-event claim of a kind (the module's documented headline)."""
    return next(f for f in extraction.figures if f.kind == kind and f.event_ref == 0)


def assert_spans_point_into(document: str, extraction: Extraction) -> None:
    for claim in extraction.claims():
        assert document[claim.span.start : claim.span.end] == claim.span.quote


class TestWorkedExample:
    def test_report_1_main_event_killed_is_a_lower_bound(self) -> None:
        extraction = extract(REPORT_1, TUESDAY)
        killed = headline(extraction, FigureKind.KILLED)
        assert (killed.low, killed.high, killed.qualifier) == (5, None, Qualifier.AT_LEAST)

    def test_report_1_other_events_are_kept_apart(self) -> None:
        extraction = extract(REPORT_1, TUESDAY)
        raid = [f for f in extraction.figures if f.kind == FigureKind.KILLED and f.event_ref != 0]
        sweep = [f for f in extraction.figures if f.kind == FigureKind.ARRESTED]
        assert [(f.low, f.event_ref) for f in raid] == [(3, 1)]
        assert [(f.low, f.event_ref) for f in sweep] == [(12, 2)]
        assert all(f.low != 3 for f in extraction.figures if f.event_ref == 0)

    def test_report_1_perpetrator_suspected(self) -> None:
        extraction = extract(REPORT_1, TUESDAY)
        main = extraction.perpetrators[0]
        assert (main.actor, main.status, main.event_ref) == ("Islamic State", AttributionStatus.SUSPECTED, 0)
        assert main.by == "officials"

    def test_report_1_place_and_date(self) -> None:
        extraction = extract(REPORT_1, TUESDAY)
        place = extraction.main_place()
        assert place is not None
        assert (place.admin1, place.country) == ("Deir ez Zor", "Syria")
        assert "Mayad" in place.name and place.lat is not None and place.lon is not None
        assert abs(place.lat - 35.0) < 0.2 and abs(place.lon - 40.45) < 0.2
        date = extraction.main_date()
        assert date is not None and (date.date, date.precision) == (MONDAY, DatePrecision.DAY)

    def test_report_1_event_types(self) -> None:
        extraction = extract(REPORT_1, TUESDAY)
        main = extraction.main_event_type()
        assert main is not None
        assert (main.event_type, main.sub_event_type) == ("Explosions/Remote violence", "Suicide bomb")
        sweep = next(e for e in extraction.event_types if e.event_ref == 2)
        assert (sweep.event_type, sweep.sub_event_type) == ("Strategic developments", "Arrests")

    def test_report_2_subgroup_and_second_hand(self) -> None:
        extraction = extract(REPORT_2, TUESDAY)
        killed = headline(extraction, FigureKind.KILLED)
        assert (killed.low, killed.subgroup, killed.quoted_source) == (3, "security forces", "State media")
        injured = headline(extraction, FigureKind.INJURED)
        assert injured.qualifier == Qualifier.VAGUE and injured.high is None

    def test_report_3_update_and_claim(self) -> None:
        extraction = extract(REPORT_3, WEDNESDAY)
        killed = headline(extraction, FigureKind.KILLED)
        assert (killed.low, killed.high, killed.is_update) == (7, 7, True)
        main = extraction.perpetrators[0]
        assert (main.actor, main.status) == ("Islamic State", AttributionStatus.CLAIMED)
        assert main.by is not None and "Amaq" in main.by

    @pytest.mark.parametrize("document", [REPORT_1, REPORT_2, REPORT_3])
    def test_spans_point_into_the_document(self, document: str) -> None:
        assert_spans_point_into(document, extract(document, TUESDAY))


@pytest.mark.parametrize(
    ("text", "kind", "low", "high"),
    [
        ("A man was shot and killed outside a bar on Friday night.", FigureKind.KILLED, 1, 1),
        ("Twenty-three people were wounded in the blast.", FigureKind.INJURED, 23, 23),
        ("Two people were shot, one fatally, near the park.", FigureKind.KILLED, 1, 1),
        ("Two people were shot, one fatally, near the park.", FigureKind.INJURED, 1, 1),
        ("No one was hurt in the fire.", FigureKind.INJURED, 0, 0),
        ("There were no injuries.", FigureKind.INJURED, 0, 0),
        ("A couple was found dead in their home.", FigureKind.KILLED, 2, 2),
        ("Gunmen killed between 10 and 15 villagers.", FigureKind.KILLED, 10, 15),
        ("More than 20 people were killed.", FigureKind.KILLED, 21, None),
        ("A farmer was shot and killed and his son was abducted.", FigureKind.KILLED, 1, 1),
        ("Two soldiers and three rebels were killed in the fighting.", FigureKind.KILLED, 5, 5),
        ("A gunman shot and killed his two neighbors before turning the gun on himself.", FigureKind.KILLED, 3, 3),
        ("The bombing left 4 dead and 11 injured.", FigureKind.INJURED, 11, 11),
        ("Police arrested five men after the clash.", FigureKind.ARRESTED, 5, 5),
        ("Eight fishermen remain missing after the attack.", FigureKind.MISSING, 8, 8),
    ],
)
def test_figures(text: str, kind: FigureKind, low: int, high: int | None) -> None:
    claim = headline(extract(text, None), kind)
    assert (claim.low, claim.high) == (low, high)


def test_vague_quantity_is_a_lower_bound() -> None:
    claim = headline(extract("Dozens of protesters were injured.", None), FigureKind.INJURED)
    assert (claim.low, claim.high, claim.qualifier) == (24, None, Qualifier.VAGUE)


def test_no_figure_when_none_stated() -> None:
    assert extract("Protesters gathered outside parliament to demand new elections.", None).figures == []


def test_earlier_events_do_not_count() -> None:
    text = "A man was shot dead on Main Street on Sunday. A year earlier, two people were killed at the same corner."
    extraction = extract(text, dt.date(2020, 6, 1))
    assert headline(extraction, FigureKind.KILLED).low == 1


@pytest.mark.parametrize(
    ("text", "actor", "status"),
    [
        (
            "The Earth Liberation Front claimed responsibility in a communique.",
            "Earth Liberation Front",
            AttributionStatus.CLAIMED,
        ),
        ("Police blamed Daesh for the blast.", "Islamic State", AttributionStatus.SUSPECTED),
        ("Al-Shabaab fighters attacked the base.", "al-Shabaab", AttributionStatus.ATTRIBUTED),
        ("The Taliban denied any involvement in the bombing.", "Taliban", AttributionStatus.DENIED),
    ],
)
def test_perpetrators(text: str, actor: str, status: AttributionStatus) -> None:
    main = extract(text, None).perpetrators[0]
    assert (main.actor, main.status) == (actor, status)


def test_named_suspect_is_attributed_and_search_is_unknown() -> None:
    arrested = extract("Police arrested Jordan Miller, 24, in connection with the shooting.", None).perpetrators
    assert [(p.actor, p.status) for p in arrested] == [("Jordan Miller", AttributionStatus.ATTRIBUTED)]
    searching = extract("Police are looking for a suspect who fled on foot.", None).perpetrators
    assert [p.status for p in searching] == [AttributionStatus.UNKNOWN]


@pytest.mark.parametrize(
    ("text", "published", "expected", "precision"),
    [
        ("The attack happened on Monday.", TUESDAY, MONDAY, DatePrecision.DAY),
        ("The attack happened on Tuesday.", TUESDAY, TUESDAY, DatePrecision.DAY),
        ("The attack happened yesterday.", WEDNESDAY, TUESDAY, DatePrecision.DAY),
        ("On 1 January 2022, protesters gathered.", None, dt.date(2022, 1, 1), DatePrecision.DAY),
        ("The shooting on January 28, 2014 left one dead.", None, dt.date(2014, 1, 28), DatePrecision.DAY),
        ("01/03/2000: A fire was set.", None, dt.date(2000, 1, 3), DatePrecision.DAY),
        ("Clashes continued last week.", WEDNESDAY, dt.date(2023, 12, 27), DatePrecision.WEEK),
        ("Around 5 March 2021 (month of), two men were detained.", None, dt.date(2021, 3, 5), DatePrecision.MONTH),
    ],
)
def test_dates(text: str, published: dt.date | None, expected: dt.date, precision: DatePrecision) -> None:
    date = extract(text, published).main_date()
    assert date is not None and (date.date, date.precision) == (expected, precision)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A photo caption's date, a birth date: history, so the event's own date comes next.
        (
            "In this April 27, 2001 photo, the gunman speaks at a council meeting. He opened fire on July 23, 2015.",
            dt.date(2015, 7, 24),
            dt.date(2015, 7, 23),
        ),
        ("Timothy Caston (DOB 07/19/98) was arrested on Sunday.", dt.date(2016, 10, 5), dt.date(2016, 10, 2)),
        # Nothing recent is told: no event date rather than an old one.
        ("On January 15, 1947, the remains of Elizabeth Short were found.", dt.date(2013, 4, 19), None),
        # A trial two years on still dates the crime it is about.
        ("He was sentenced for the shooting on March 30, 2013 in Atwater.", dt.date(2015, 5, 7), dt.date(2013, 3, 30)),
    ],
)
def test_a_date_a_decade_before_publication_is_not_the_event(
    text: str, published: dt.date, expected: dt.date | None
) -> None:
    date = extract(text, published).main_date()
    assert (date.date if date else None) == expected


@pytest.mark.parametrize(
    ("text", "name", "admin1", "country"),
    [
        ("A shooting in Tulsa, Oklahoma left two injured.", "Tulsa", "Oklahoma", "United States"),
        ("Shelling hit homes in Kharkiv on Friday.", "Kharkiv", "Kharkiv", "Ukraine"),
        ("Protesters marched in Recife (Pernambuco) on Sunday.", "Recife", "Pernambuco", "Brazil"),
        ("Airstrikes hit Idlib city in northwest Syria.", "Idlib", "Idleb", "Syria"),
    ],
)
def test_places(text: str, name: str, admin1: str, country: str) -> None:
    place = extract(text, None).main_place()
    assert place is not None and (place.name, place.admin1, place.country) == (name, admin1, country)


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        ("Hundreds of students protested peacefully in the capital.", "Protests", "Peaceful protest"),
        ("Police fired tear gas to disperse protesters.", "Protests", "Protest with intervention"),
        ("Rioters torched cars and threw stones at police during the demonstration.", "Riots", "Violent demonstration"),
        ("A drone strike hit a vehicle near the border.", "Explosions/Remote violence", "Air/drone strike"),
        ("Army troops clashed with rebels near the village.", "Battles", "Armed clash"),
        ("Gunmen abducted three farmers.", "Violence against civilians", "Abduction/forced disappearance"),
        ("Soldiers defused an IED found on the road.", "Strategic developments", "Disrupted weapons use"),
    ],
)
def test_event_types(text: str, event_type: str, sub_event_type: str) -> None:
    claim = extract(text, None).main_event_type()
    assert claim is not None and (claim.event_type, claim.sub_event_type) == (event_type, sub_event_type)
