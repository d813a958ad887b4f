"""Monitor-style tolls, combined counts and shot-versus-wounded readings, on sentences written for these tests."""

from __future__ import annotations

import pytest

from service.domain import FigureClaim, FigureKind, Qualifier
from service.extraction import extract
from service.reconciliation.scope import is_aggregate


def main_claims(text: str, kind: FigureKind) -> list[FigureClaim]:
    return [f for f in extract(text, None).figures if f.kind == kind and f.event_ref == 0]


def headline(text: str, kind: FigureKind) -> FigureClaim | None:
    claims = main_claims(text, kind)
    return claims[0] if claims else None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("New deaths raise the death toll to 11 in the shelling of the market town.", 11),
        ("More casualties raise to 9, the number of people who were killed in the air raid on the village.", 9),
        ("The number of victims of the barrel bomb attack rises to 14.", 14),
        ("Victims' number in the northern suburb climbs to 8 after the strike.", 8),
        ("The discovery of two bodies brings to 17 the number of people killed in the raid.", 17),
    ],
)
def test_running_toll_is_an_update(text: str, killed: int) -> None:
    claim = headline(text, FigureKind.KILLED)
    assert claim is not None and claim.best == killed and claim.is_update


def test_running_toll_keeps_a_trailing_at_least() -> None:
    claim = headline("Fresh strikes raise the death toll to 25 at least in the valley.", FigureKind.KILLED)
    assert claim is not None and claim.low == 25 and claim.qualifier == Qualifier.AT_LEAST


def test_a_rise_in_something_else_is_no_toll() -> None:
    assert (
        headline("The rebels raise to 6 the number of villages they hold after the killing.", FigureKind.KILLED) is None
    )


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Eleven casualties in shelling on a village west of the river.", 11),
        ("Night raids leave 4 casualties and more than 10 injuries in the town.", 4),
        ("At least 30 martyrs in heavy bombardment of the old quarter.", 30),
        ("Soldiers find 12 corpses near the dam.", 12),
        ("Rocket fire claims the lives of 5 citizens in the eastern district.", 5),
        ("A massacre of 9 villagers shocks the valley.", 9),
        ("The armed group executes 6 prisoners in the main square.", 6),
        ("Artillery fire leaves 3 people from one family killed in the south.", 3),
        ("Two boys die and others are hurt in a strike on a school.", 2),
        ("An ambush kills 15 of its fighters near the border crossing.", 15),
        ("Eight group operatives killed in a depot explosion.", 8),
    ],
)
def test_conflict_monitor_phrasings(text: str, killed: int) -> None:
    claim = headline(text, FigureKind.KILLED)
    assert claim is not None and claim.best == killed


def test_casualties_at_least_after_the_number() -> None:
    claim = headline("7 casualties at least in an air raid on the bakery.", FigureKind.KILLED)
    assert claim is not None and claim.low == 7 and claim.qualifier == Qualifier.AT_LEAST


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("Shells kill and injure 14 people in the city centre.", 14),
        ("About 25 people were killed and injured in twin blasts at the station.", 25),
        ("Warplanes leave 18 casualties and wounded in the camp.", 18),
        ("9 casualties and injuries in raids on the river villages", 9),
        ("Air raid kills and wounds 12 civilians near the mill", 12),
        ("Massacre kills and injuries about 30 persons in a strike on the bakery", 30),
        ("6 were killed and injured in the car bomb blast at the roundabout", 6),
    ],
)
def test_a_combined_count_bounds_the_dead_and_counts_neither(text: str, bound: int) -> None:
    killed = main_claims(text, FigureKind.KILLED)
    assert [(c.best, c.bound_only) for c in killed] == [(bound, True)]
    assert main_claims(text, FigureKind.INJURED) == []


def test_a_combined_count_keeps_a_trailing_at_least() -> None:
    (claim,) = main_claims("Shelling kills and injures 11 persons at least in the old city", FigureKind.KILLED)
    assert claim.bound_only and claim.low == 11 and claim.qualifier == Qualifier.AT_LEAST


def test_a_combined_count_never_heads_the_report() -> None:
    # The stated toll is the headline; the combined count after it is a bound kept for reconciliation.
    claims = main_claims("Two killed as shells kill and injure 14 people in the city centre.", FigureKind.KILLED)
    assert [(c.best, c.bound_only) for c in claims] == [(2, False), (14, True)]


def test_separate_counts_of_dead_and_wounded_are_no_bound() -> None:
    killed = main_claims("Two people were killed and 5 injured in the attack on the market.", FigureKind.KILLED)
    assert [(c.best, c.bound_only) for c in killed] == [(2, False)]


def test_no_one_killed_or_injured_still_reads_as_zero() -> None:
    claim = headline("No one was killed or injured in the fire.", FigureKind.KILLED)
    assert claim is not None and claim.best == 0


def test_a_stated_number_beats_the_one_person_reading() -> None:
    claim = headline("Monitor says 22 killed in a strike on the convoy", FigureKind.KILLED)
    assert claim is not None and claim.best == 22


def test_the_number_of_people_is_not_a_person() -> None:
    claims = main_claims("Officials did not give the number of people killed in the blast.", FigureKind.KILLED)
    assert all(c.best != 1 for c in claims)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Gunfire at the party left five people wounded -- one mortally, police said.", 1, 4),
        ("Seven people were wounded, two of them fatally.", 2, 5),
        ("2 Killed, 3 Wounded In Downtown Shooting", 2, 3),
    ],
)
def test_wounded_counts_that_include_the_dead(text: str, killed: int, injured: int) -> None:
    dead, hurt = headline(text, FigureKind.KILLED), headline(text, FigureKind.INJURED)
    assert dead is not None and dead.best == killed
    assert hurt is not None and hurt.best == injured


def test_wounded_count_beside_the_dead_leads() -> None:
    text = (
        "A gunman opened fire outside a bar, killing one man and injuring three others. "
        "Four people were taken to the hospital."
    )
    claim = headline(text, FigureKind.INJURED)
    assert claim is not None and claim.best == 3


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("A 34 year old man was shot in the leg on Elm Street.", 1),
        ("Police say a teenager was shot multiple times near the park.", 1),
    ],
)
def test_ages_and_shot_counts_are_not_victim_counts(text: str, injured: int) -> None:
    claim = headline(text, FigureKind.INJURED)
    assert claim is not None and claim.best == injured


def test_an_animal_is_not_a_victim() -> None:
    text = "The rifle went off, killing the boy and injuring one of the farm dogs."
    assert main_claims(text, FigureKind.INJURED) == []


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # A bare count followed by a participle: "kill 9 leaving".
        ("Air raids kill 9 fleeing the besieged village, a monitor said.", 9),
        ("Gunmen assassinate 3 engineers working at the power plant.", 3),
        # A force named by its acronym.
        ("17 YPG killed in clashes near the dam.", 17),
        # A partitive count after a comma is a count, not an age.
        ("The fighting resumed near the bridge, 28 of both sides were killed overnight.", 28),
        # The whole the part is taken from.
        ("The car bomb kills 5 children out of 23 civilians at the market.", 23),
    ],
)
def test_monitor_headline_counts(text: str, killed: int) -> None:
    claim = headline(text, FigureKind.KILLED)
    assert claim is not None and claim.best == killed


def test_one_of_whom_after_a_comma_is_not_a_new_count() -> None:
    text = "Police said the gunfire grazed two bystanders, one of whom was a boy who was taken to a hospital."
    assert all(c.best < 3 for c in main_claims(text, FigureKind.INJURED))
    dead = headline("The clash injured 2 students, 1 of whom later died.", FigureKind.KILLED)
    assert dead is not None and dead.best == 1


def test_an_earlier_event_after_the_toll_is_not_the_main_event() -> None:
    text = "Shelling kills 12 civilians in the old town two days after air raids that killed 30 people in the suburbs"
    claims = main_claims(text, FigureKind.KILLED)
    assert [c.best for c in claims] == [12]


def test_a_follow_up_keeps_the_event_it_follows() -> None:
    text = "Three weeks after a shooting in which four people were killed, police have arrested a suspect."
    claim = headline(text, FigureKind.KILLED)
    assert claim is not None and claim.best == 4


def test_a_partitive_subject_with_are() -> None:
    claim = headline("At least 6 of the guards and their drivers are killed in the ambush.", FigureKind.KILLED)
    assert claim is not None and claim.low == 6


LONG_ROUND_UP = (
    "53 people were killed yesterday, including 10 members of the armed forces and gunmen loyal to them, and "
    "about 35 people were killed in shelling by warplanes, the fall of shells, shelling by artillery and other "
    "circumstances across the northern and eastern provinces of the country"
)


def test_a_long_clause_quotes_the_words_after_the_number() -> None:
    # Cut at the verb, the quote would hide that the 53 are a day's round-up of many events.
    assert len(LONG_ROUND_UP) > 240
    claim = headline(LONG_ROUND_UP, FigureKind.KILLED)
    assert claim is not None and claim.best == 53
    assert claim.span.quote.startswith("53 people were killed yesterday, including 10 members")
    assert is_aggregate(claim)


def test_a_long_clause_quote_stops_at_its_clause() -> None:
    text = "x " * 130 + "Four were killed in the raid; the rest of the page is about something else entirely."
    claim = headline(text, FigureKind.KILLED)
    assert claim is not None and claim.span.quote == "Four were killed in the raid"


def killed_parts(text: str) -> list[tuple[int, str | None]]:
    return [(c.best, c.subgroup) for c in main_claims(text, FigureKind.KILLED)]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "61 were killed yesterday including 7 members of the armed forces and militiamen loyal to them "
            "and 20 other civilians",
            [(61, None), (7, "security forces"), (20, "civilians")],
        ),
        (
            "90 persons were killed yesterday including 12 members of the regime forces and 3 other people",
            [(90, None), (12, "security forces"), (3, None)],
        ),
        ("Nine killed including 4 children in a strike on the bakery", [(9, None), (4, "children")]),
        (
            "72 people were killed yesterday, including 30 soldiers and about 18 citizens in shelling",
            [(72, None), (30, "security forces"), (18, "civilians")],
        ),
    ],
)
def test_the_parts_listed_after_a_count_are_counts_of_their_own(text: str, parts: list[tuple[int, str | None]]) -> None:
    assert killed_parts(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "Six were killed including in the market square",  # no number after "including"
        "Six were killed, including 3 days of shelling on the town",  # not people
        "Six were killed, including dozens of fighters",  # a vague word is no count
        "Six were killed including 14 members of the guard",  # a part is never as large as the whole
    ],
)
def test_what_is_not_a_listed_part(text: str) -> None:
    assert killed_parts(text) == [(6, None)]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("17 civilians and fighters were killed in shelling on the northern villages", 17),
        ("At least 9 villagers and militia members were killed in a depot explosion", 9),
        ("About 60 soldiers and rebel fighters were killed in two days of fighting", 60),
    ],
)
def test_a_mixed_group_is_one_count_of_no_single_subgroup(text: str, killed: int) -> None:
    claim = headline(text, FigureKind.KILLED)
    assert claim is not None and claim.best == killed and claim.subgroup is None


def test_a_coordinated_second_count_is_still_a_part_of_its_own() -> None:
    assert killed_parts("4 soldiers and 6 militants were killed at the checkpoint") == [
        (10, None),
        (4, "security forces"),
        (6, "militants"),
    ]


def test_a_subject_list_may_run_on_after_commas() -> None:
    claim = headline(
        "At least 31 members of the army, its allies, and the militias have been killed", FigureKind.KILLED
    )
    assert claim is not None and claim.low == 31


def test_a_running_toll_may_name_a_long_scene_before_its_number() -> None:
    text = (
        "A wounded man dies in hospital, raises the number of people killed in a car bomb in the areas "
        "held by the northern factions to 6"
    )
    claim = headline(text, FigureKind.KILLED)
    assert claim is not None and claim.best == 6 and claim.is_update
