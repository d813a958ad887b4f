"""Evidence extraction and pairwise features, on hand-written reports."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from service.matching.features import (
    ReportEvidence,
    Vocabulary,
    article_start,
    event_lead,
    evidence_from_text,
    headline_of,
    names_in,
    numbers_in,
    pair_features,
    persons_in,
    streets_in,
    tfidf_terms,
)

COMMON = Vocabulary(
    idf={"police": 1.5, "shooting": 1.6, "shot": 1.7, "man": 1.4, "monday": 2.0, "killed": 1.8, "city": 2.1},
    rare_idf=8.0,
)
BOILERPLATE = "Sign in using your account.\n\nBy registering you agree to our Terms of Service and Privacy Policy."


def test_article_starts_at_the_paragraph_that_echoes_the_headline() -> None:
    text = f"{BOILERPLATE}\n\nA man was shot in Tulsa on Monday, police said.\n\nMore news."
    start = article_start("Man shot in Tulsa", text)
    assert start == text.index("A man was shot")
    assert event_lead("Man shot in Tulsa", text, 40) == "Man shot in Tulsa. A man was shot in Tulsa on Monday, polic"


def test_a_page_of_boilerplate_leaves_the_headline_alone() -> None:
    assert article_start("Man shot in Tulsa", BOILERPLATE) is None
    assert event_lead("Man shot in Tulsa", BOILERPLATE, 600) == "Man shot in Tulsa"
    assert event_lead("", "Body only.", 600) == "Body only."


def test_tfidf_terms_are_unit_length_and_weight_rare_words_up() -> None:
    terms = tfidf_terms("Police said the man was shot in Okmulgee", COMMON)
    assert math.isclose(sum(v * v for v in terms.values()), 1.0)
    assert "the" not in terms and terms["okmulgee"] > terms["police"]


def test_names_are_rare_capitalised_words_without_possessive() -> None:
    names = names_in("Police in DeKalb said Laylah's grandfather McDonald was shot, AP reported.", COMMON)
    assert names == {"dekalb", "laylah", "mcdonald"}


def test_numbers_keep_decimals_and_thousands_and_drop_single_digits() -> None:
    assert numbers_in("A magnitude 5.9 quake, 1,200 homes, 3 dead, 45, 2013.") == {"5.9", "1200", "45", "2013"}


def evidence(title: str, text: str, **fields: object) -> ReportEvidence:
    return evidence_from_text(title, text, COMMON, **fields)  # type: ignore[arg-type]


def test_follow_up_story_shares_names_and_numbers() -> None:
    first = evidence(
        "Man shot dead on Elmwood Avenue",
        "Darnell Whitcombe, 34, was shot and killed on the 1400 block of Elmwood Avenue on Monday, police said.",
        event_date=dt.date(2015, 3, 2),
        killed=1,
    )
    trial = evidence(
        "Trial opens in Elmwood Avenue killing",
        "The trial of the man accused of killing Darnell Whitcombe, 34, on Elmwood Avenue opened on Tuesday.",
        event_date=dt.date(2015, 11, 10),
        killed=1,
    )
    other = evidence(
        "Woman wounded in Riverside shooting",
        "A woman, 52, was wounded in a shooting on Kessler Road in Riverside on Monday, police said.",
        event_date=dt.date(2015, 3, 2),
        killed=6,
    )
    same = pair_features(trial, first, 0.6, COMMON)
    different = pair_features(other, first, 0.6, COMMON)
    assert same["names"] == pytest.approx(1.0)  # every name of the shorter side is shared
    assert same["numbers"] == pytest.approx(1.0)
    assert same["log_days"] == pytest.approx(math.log1p(253))
    assert same["killed"] == 1.0 and same["date_known"] == 1.0
    assert different["names"] == 0.0 and different["log_days"] == 0.0
    assert different["killed"] == -1.0
    assert same["lexical"] > different["lexical"]


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ({"place_name": "Tulsa", "country": "US"}, {"place_name": "tulsa", "country": "US"}, 1.0),
        ({"place_name": "Tulsa", "country": "US"}, {"place_name": "Dallas", "country": "US"}, -1.0),
        ({"country": "Syria"}, {"place_name": "Mosul", "country": "Iraq"}, -1.0),
        ({"place_name": "Tulsa"}, {}, 0.0),
    ],
)
def test_place_agreement_at_the_finest_level_both_know(
    left: dict[str, str], right: dict[str, str], expected: float
) -> None:
    features = pair_features(ReportEvidence(**left), ReportEvidence(**right), 0.5, COMMON)  # type: ignore[arg-type]
    assert features["place"] == expected


@pytest.mark.parametrize(("left", "right", "expected"), [(5, 5, 1.0), (5, 7, 0.0), (3, 40, -1.0), (None, 4, 0.0)])
def test_a_toll_that_rose_is_not_a_contradiction(left: int | None, right: int | None, expected: float) -> None:
    features = pair_features(ReportEvidence(killed=left), ReportEvidence(killed=right), 0.5, COMMON)
    assert features["killed"] == expected


def test_years_in_the_text_separate_look_alike_events() -> None:
    quake_2005 = evidence("Quake hits Qeshm island", "The November 2005 quake destroyed villages on Qeshm island.")
    quake_2008 = evidence("Quake hits Qeshm island", "The September 2008 quake injured three on Qeshm island.")
    assert pair_features(quake_2005, quake_2008, 0.9, COMMON)["years"] == -1.0
    assert pair_features(quake_2005, quake_2005, 1.0, COMMON)["years"] == 1.0


def test_numbers_none_in_common_are_a_conflict_and_no_numbers_are_unknown() -> None:
    robbery_2008 = evidence(
        "Paris jewellers robbed", "Paris jewellers lost diamonds worth 85 million euros ($108 million)."
    )
    robbery_2013 = evidence("Paris jewellers robbed", "Paris jewellers lost jewellery worth $2.5 million.")
    no_numbers = evidence("Paris jewellers robbed", "Paris jewellers lost jewellery to thieves.")
    assert pair_features(robbery_2008, robbery_2013, 0.9, COMMON)["numbers"] == -1.0
    assert pair_features(robbery_2008, no_numbers, 0.9, COMMON)["numbers"] == 0.0
    assert pair_features(robbery_2008, robbery_2008, 1.0, COMMON)["numbers"] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("2 killed, 2 injured in shooting - WKRN News 2 - Nashville, Tennessee", "2 killed, 2 injured in shooting"),
        (
            "Man in jail after accidental shooting | Tri-County News, Weather & Sports",
            "Man in jail after accidental shooting",
        ),
        ("Shooting - 2 dead", "Shooting - 2 dead"),  # too little would be left
    ],
)
def test_the_outlet_name_after_a_headline_is_not_compared(title: str, headline: str) -> None:
    assert headline_of(title) == headline


def test_two_stories_of_one_outlet_do_not_share_its_name() -> None:
    suffix = " - WKRN News 2 - Nashville, Tennessee"
    left = evidence("Teen wounded near school" + suffix, "A teen was wounded near a school on Monday.")
    right = evidence("Woman killed in home invasion" + suffix, "A woman was killed in her home on Friday.")
    assert pair_features(left, right, 0.5, COMMON)["names"] == 0.0


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [("Tennessee", "Tennessee", 1.0), ("Tennessee", "Kentucky", -1.0), (None, "Kentucky", 0.0)],
)
def test_region_agreement_stands_apart_from_the_town(left: str | None, right: str | None, expected: float) -> None:
    features = pair_features(
        ReportEvidence(place_name="Nashville", admin1=left),
        ReportEvidence(place_name="Memphis", admin1=right),
        0.5,
        COMMON,
    )
    assert features["region"] == expected and features["place"] == -1.0


@pytest.mark.parametrize(
    ("text", "streets"),
    [
        ("shot in the 2500 block of East 75th Street, police said", {"75th"}),
        ("found along the 2300 block of West St. Gertrude Place.", {"gertrude"}),
        ("on the 9500 block of Oakland. Police said", {"oakland"}),
        ("in the 2000 block of Mead St. The man", {"mead"}),
        ("at 1750 Almeda-Genoa Road early Saturday", {"almeda-genoa"}),
        ("at the intersection of Raitt Street and West Glenwood Place", {"raitt", "glenwood"}),
        ("at 702 E. Fourth St. near 7th Avenue", {"4th", "7th"}),
        # Where a victim lives is not where it happened.
        ("Josh Williams, 20, of Woodbine Avenue, died. He lived in the 3600 block of West Grenshaw.", set()),
        ("The Main Street program and Wall Street", set()),
    ],
)
def test_streets_are_read_from_addresses_and_street_names(text: str, streets: set[str]) -> None:
    assert streets_in(text) == streets


def story(text: str) -> ReportEvidence:
    """A report whose headline is its first sentence (so the body is read as the article)."""
    return evidence(text.split(".")[0], text)


def test_two_shootings_in_one_city_on_two_streets_disagree_on_the_address() -> None:
    first = story("A man was shot in the 1000 block of North Delaware Place on Thursday.")
    follow_up = story("The man shot on the 1000 block of Delaware Place has died.")
    nearby = story("The man was shot at 1140 N. Delaware Place, police said.")
    other = story("A woman was shot near 21st Street and Sheridan Road on Thursday.")
    across = story("One on Delaware Place, the other in the 600 block of Sheridan Road.")
    assert pair_features(follow_up, first, 0.5, COMMON)["street"] == 1.0
    assert pair_features(nearby, first, 0.5, COMMON)["street"] == 1.0
    assert pair_features(other, first, 0.5, COMMON)["street"] == -1.0
    assert pair_features(across, other, 0.5, COMMON)["street"] == 1.0  # a round-up names both
    assert pair_features(first, story("A man was shot on Thursday."), 0.5, COMMON)["street"] == 0.0
    # A street named by one and only mentioned in passing by the other is no contradiction.
    mention = story("Police closed Delaware near 11th Street after the shooting.")
    assert pair_features(mention, first, 0.5, COMMON)["street"] == 0.0


def test_people_named_with_an_age_are_victims_and_suspects() -> None:
    text = (
        "Antonio Newsom, 15, was found by Officer Jane Doe. Police found 25-year-old Rolandreon Marquis "
        "Fischer. Joseph M. Jenkins Jr., 38, was charged. Harris County, 12, and Sgt. Tony Diaz said."
    )
    assert persons_in(text) == {("antonio", "newsom"), ("rolandreon", "fischer"), ("joseph", "jenkins")}


def test_a_victim_named_in_both_agrees_and_two_different_victims_disagree() -> None:
    first = story("Antonio Newsom, 15, was found fatally shot on Sunday, police said.")
    same = story("Classmates mourned Antonio Newsom on Monday.")
    other = story("Police found 25-year-old Rolandreon Fischer shot on Sunday.")
    unnamed = story("A man was found shot on Sunday.")
    assert pair_features(same, first, 0.5, COMMON)["person"] == 1.0
    assert pair_features(other, first, 0.5, COMMON)["person"] == -1.0
    assert pair_features(unnamed, first, 0.5, COMMON)["person"] == 0.0
