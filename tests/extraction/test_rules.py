"""Unit rules of the extraction module, on sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from service.domain import AttributionStatus, FigureKind, Qualifier
from service.extraction import extract
from service.extraction.numbers import QUANTITY, acled_convention, parse_cardinal, quantity_from_match
from service.extraction.perpetrators import alias_table, is_group_actor
from service.extraction.places import gazetteer, normalise


@pytest.mark.parametrize(
    ("text", "value"),
    [("23", 23), ("2,500", 2500), ("twenty-three", 23), ("one hundred and five", 105), ("a dozen", 12), ("Nine", 9)],
)
def test_parse_cardinal(text: str, value: int) -> None:
    assert parse_cardinal(text) == value


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("at least five", 5, None, Qualifier.AT_LEAST),
        ("more than 20", 21, None, Qualifier.MORE_THAN),
        ("up to 10", 0, 10, Qualifier.AT_MOST),
        ("about 30", 27, 33, Qualifier.ABOUT),
        ("15 to 20", 15, 20, Qualifier.RANGE),
        ("twenty-three", 23, 23, Qualifier.EXACT),
        ("several", 3, None, Qualifier.VAGUE),
    ],
)
def test_quantities(text: str, low: int, high: int | None, qualifier: Qualifier) -> None:
    match = re.fullmatch(QUANTITY, text, re.IGNORECASE)
    assert match is not None
    quantity = quantity_from_match(match)
    assert quantity is not None and (quantity.low, quantity.high, quantity.qualifier) == (low, high, qualifier)


def test_acled_convention_for_vague_words() -> None:
    assert (acled_convention("several"), acled_convention("dozens"), acled_convention("hundreds")) == (10, 12, 100)


def killed(text: str) -> int | None:
    claim = next((f for f in extract(text, None).figures if f.kind == FigureKind.KILLED and f.event_ref == 0), None)
    return claim.best if claim is not None else None


def test_writer_summary_outranks_counts_in_the_narrative() -> None:
    text = "On 3 May 2021, three gunmen shot and killed a shopkeeper and wounded his nephew in Kano. 1 fatality."
    assert killed(text) == 1


def test_death_that_a_protest_is_about_is_another_event() -> None:
    text = "On 2 June 2021, residents protested in Lagos to demand justice for a trader who was shot dead by police."
    extraction = extract(text, None)
    assert killed(text) is None
    assert [f.event_ref for f in extraction.figures if f.kind == FigureKind.KILLED] == [1]


def test_party_claims_rank_below_neutral_counts() -> None:
    text = "Four soldiers were killed in the ambush. The rebels claimed they killed 40 soldiers."
    assert killed(text) == 4


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The assailant, identified as Jon Roe, was shot and killed by a deputy.", 1),
        ("Maria Lopez was killed and her brother was injured.", 1),
        ("Five people, including the gunman, were killed.", 5),
        ("Five people died in what police called a murder-suicide.", 5),
        ("A man killed his wife and then himself, police said.", 2),
        ("The father and his young son were found dead in the house.", 2),
        ("Police arrested a man in the fatal shooting of a 12-year-old boy.", 1),
        ("Gunmen killed between 16 and 25 people.", 20),
    ],
)
def test_killed_counts(text: str, value: int) -> None:
    assert killed(text) == value


def test_self_inflicted_accident_is_an_injury() -> None:
    figures = extract("A 6-year-old boy accidentally shot himself in the hand.", None).figures
    assert [(f.kind, f.low) for f in figures] == [(FigureKind.INJURED, 1)]


def test_alias_table_normalises_group_names() -> None:
    table = alias_table()
    assert table.canonical("Daesh") == table.canonical("ISIL") == "Islamic State"
    assert is_group_actor("Taliban") and not is_group_actor("Jordan Miller")


def test_group_named_only_through_its_claims_is_claimed() -> None:
    main = extract("Members of the Animal Liberation Front set fire to a mink farm.", None).perpetrators[0]
    assert (main.actor, main.status) == ("Animal Liberation Front", AttributionStatus.CLAIMED)


def test_lone_attacker_inspired_by_a_group() -> None:
    text = "The attacker, who had pledged allegiance to ISIS, opened fire at a mall."
    assert extract(text, None).perpetrators[0].actor == "Jihadi-inspired extremists"


def test_gazetteer_is_built_once() -> None:
    assert gazetteer() is gazetteer()
    assert normalise("Deir ez-Zor") == "deir ez zor"


def test_ordinary_words_are_not_regions() -> None:
    place = extract("Workers demonstrated in Lyon at the call of unions (CGT, FO, Sud, FSU).", None).main_place()
    assert place is not None and (place.name, place.admin1, place.country) == ("Lyon", "Auvergne-Rhone-Alpes", "France")


def test_counts_far_below_the_lead_do_not_override_it() -> None:
    filler = "Neighbours said the street is usually quiet and the shop opens early every day. " * 30
    text = "A man was shot and killed outside a shop on Friday. " + filler + "Related: 12 killed in a bus crash."
    assert killed(text) == 1
