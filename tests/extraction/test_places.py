"""Place resolution rules, on sentences written for these tests."""

from __future__ import annotations

import pytest

from service.extraction import extract


def place_of(text: str) -> tuple[str | None, str | None]:
    place = extract(text, None).main_place()
    return (place.country, place.admin1) if place is not None else (None, None)


def test_a_country_the_protest_is_about_is_not_its_venue() -> None:
    text = "On 3 May 2022, about 80 people marched in Lyon to denounce the invasion of Ukraine."
    assert place_of(text) == ("France", "Auvergne-Rhone-Alpes")


def test_a_part_of_town_adjective_keeps_the_anchor() -> None:
    assert place_of("Hundreds of teachers rallied in central Tirana on Monday.")[0] == "Albania"


def test_a_lead_that_mentions_an_older_event_still_places_the_report() -> None:
    text = "On 4 June 2022, residents gathered in Riga, Latvia to remember a killing five years ago."
    assert place_of(text)[0] == "Latvia"


def test_a_second_level_subdivision_names_its_region() -> None:
    text = "On 2 March 2022, militants burned a school in the village of Kari (Diapaga, Tapoa)."
    assert place_of(text) == ("Burkina Faso", "Est")


def test_a_district_from_the_maintained_table_names_its_province() -> None:
    text = "On 5 May 2022, farmers blocked the highway in Gaur municipality (Rautahat district)."
    assert place_of(text) == ("Nepal", "Madhesh")


def test_a_weak_region_name_followed_by_its_unit_word_is_a_place() -> None:
    text = "On 9 May 2022, in Ye town (Ye township, Mawlamyine district, Mon state), soldiers raided a school."
    assert place_of(text) == ("Myanmar", "Mon")


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        ("Teachers marched in central Thessaloniki on Monday.", "Greece", "Macedonia-Thrace"),
        ("Nurses protested outside the hospital in Tampere.", "Finland", "Pirkanmaa"),
    ],
)
def test_a_city_gets_its_region_from_the_admin1_code_table(text: str, country: str, admin1: str) -> None:
    assert place_of(text) == (country, admin1)


def test_several_namesakes_in_one_country_cast_one_vote() -> None:
    text = "On 1 June 2022, metal workers held a protest in Santander (Cantabria) before the parliament."
    assert place_of(text) == ("Spain", "Cantabria")


def place_name_of(text: str) -> tuple[str | None, str | None]:
    place = extract(text, None).main_place()
    return (place.name, place.admin1) if place is not None else (None, None)


def test_a_street_named_after_a_town_is_not_the_venue() -> None:
    text = "Police were called to the 1200 block of Cleveland Avenue in Lansing after two men were shot."
    assert place_name_of(text) == ("Lansing", "Michigan")


def test_a_title_case_headline_anchors_its_town() -> None:
    assert place_name_of("Two Teens Wounded In Tulsa Shooting\n\nOfficers said the victims were treated.") == (
        "Tulsa",
        "Oklahoma",
    )


def test_a_town_named_by_its_police_or_residents_is_the_venue() -> None:
    text = "The Kalamazoo Police Department said a teenager was wounded early Sunday."
    assert place_name_of(text) == ("Kalamazoo", "Michigan")


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("A man was shot in Columbia, Mo. on Friday night.", "Missouri"),
        ("A man was shot in Columbia, TN on Friday night.", "Tennessee"),
    ],
)
def test_a_state_abbreviation_after_the_town_picks_the_namesake(text: str, admin1: str) -> None:
    assert place_name_of(text) == ("Columbia", admin1)


def test_a_postal_code_alone_is_no_state() -> None:
    # "OR" in capitals is a word, not Oregon, unless it follows a town.
    assert place_of("WITNESSES SAW TWO MEN FLEE OR HIDE in Boise.")[1] == "Idaho"


def test_saint_after_a_town_is_no_street() -> None:
    text = "Worshippers gathered outside Seoul St. Mary's Hospital (Seoul City) on Sunday."
    assert place_of(text) == ("South Korea", "Seoul Special City")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Toddler Wounded In North Philadelphia\n\nThe boy is stable.", ("Philadelphia", "Pennsylvania")),
        ("A father was shot in Southwest Baltimore on Sunday.", ("Baltimore", "Maryland")),
        ("Protesters marched in North Carolina on Sunday.", ("North Carolina", "North Carolina")),
    ],
)
def test_a_compass_word_is_the_part_of_town(text: str, place: tuple[str, str]) -> None:
    assert place_name_of(text) == place


def test_towns_named_in_passing_say_which_country_the_story_is_in() -> None:
    text = "Teen wounded in Charlotte\n\nThe victim attended Huntersville Elementary and Mooresville High."
    assert place_of(text) == ("United States", "North Carolina")


def test_a_headline_opening_with_man_names_no_place() -> None:
    assert place_of("Man hospitalized after accidental shooting\n\nThe victim was treated overnight.") == (None, None)


def test_a_county_names_the_states_that_have_one_and_the_town_breaks_the_tie() -> None:
    # Logan County exists in several states; the town in the same story (Russellville) decides.
    text = (
        "A man was shot Tuesday in rural Logan County, the sheriff said.\n"
        "Deputies were called to a home outside Russellville, Ky. around 1 a.m."
    )
    assert place_of(text) == ("United States", "Kentucky")


def test_a_county_is_not_a_town_of_the_same_name_elsewhere() -> None:
    text = "Deputies of the Montgomery County Sheriff's Office in Dayton, Ohio found the man shot."
    assert place_of(text) == ("United States", "Ohio")


def test_a_state_abbreviation_needs_its_dot() -> None:
    text = "A man was shot near Del Amo Boulevard in Torrance, California on Sunday."
    assert place_of(text) == ("United States", "California")


@pytest.mark.parametrize(
    "text",
    [
        "A 27-year-old man was charged in Cincinnati, Ohio. Cortez Reed was charged after his son was shot.",
        "A man was shot in Cincinnati, Ohio, police said. His mother, Natalie Howard, organised a rally.",
    ],
)
def test_a_town_that_opens_or_closes_a_persons_name_is_not_a_place(text: str) -> None:
    assert place_of(text) == ("United States", "Ohio")


def test_the_town_where_it_happened_outweighs_a_state_named_in_passing() -> None:
    text = "A man was shot and killed in Chicago on Sunday. He had just moved there, his Indiana relatives said."
    assert place_of(text) == ("United States", "Illinois")


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("One dead in shooting in Bristol\n\nBRISTOL, Tenn. - Police said one man was killed.", "Tennessee"),
        ("Police: teen shot in Birmingham\n\nA teen was shot in Birmingham, Alabama, on Sunday.", "Alabama"),
    ],
)
def test_a_town_is_the_namesake_in_the_region_the_text_names(text: str, admin1: str) -> None:
    assert place_of(text) == ("United States", admin1)


def test_a_region_inside_another_name_picks_no_namesake() -> None:
    text = "A man was shot in Bristol on Sunday, hours after the Tennessee Titans game."
    assert place_of(text) == ("United Kingdom", "England")


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("KANSAS CITY, Mo. - A man was shot and killed on the city's east side.", "Missouri"),
        ("A girl was killed in a drive-by shooting in Kansas City, Kan., on Sunday.", "Kansas"),
    ],
)
def test_a_city_named_after_a_state_is_not_that_state(text: str, admin1: str) -> None:
    assert place_of(text) == ("United States", admin1)


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        ("A man was shot in Washington, D.C., on Monday.", "United States", "District of Columbia"),
        ("Two men were wounded in Southeast D.C. on Sunday.", "United States", "District of Columbia"),
        (
            "On 4 January 2022, in Bogota - San Cristobal (Bogota, D.C.), two women were beaten.",
            "Colombia",
            "Bogota, D.C.",
        ),
    ],
)
def test_a_region_whose_name_holds_a_comma_is_read_whole(text: str, country: str, admin1: str) -> None:
    assert place_of(text) == (country, admin1)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # "Washington" is also a state: only another mention's region can pick its namesake.
        ("A man was shot in Washington on Monday, D.C. police said.", "District of Columbia"),
        ("A man was shot in Spokane, Washington on Monday.", "Washington"),
    ],
)
def test_a_town_that_is_also_a_region_takes_the_region_another_mention_names(text: str, admin1: str) -> None:
    assert place_of(text) == ("United States", admin1)
