"""Killed and injured counts in the phrasings of local crime news and incident summaries.

Every sentence here is written for the test. A person "shot" whose fate is not told is counted
among the injured unless a death is reported; "injured" is the wounded who survived.
"""

from __future__ import annotations

import pytest

from service.domain import FigureKind
from service.extraction import extract


def headline(text: str, kind: FigureKind) -> int | None:
    claim = next((f for f in extract(text, None).figures if f.kind == kind and f.event_ref == 0), None)
    return claim.best if claim is not None else None


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # "shot at" a place or a time is hit; "shot at" with nothing after, or by an active subject, is aimed.
        ("Six people were shot at a birthday party on Elm Street late Saturday.", 6),
        ("A cyclist was shot at about 9 p.m. near the river.", 1),
        ("Two men were shot at Riverside Park on Sunday.", 2),
        # A place phrase after the count never reaches over "and" to another count.
        ("There were about 300 guests at the hall and three of them were shot.", 3),
        # Wounds and hospitals.
        ("Two others sustained non-fatal bullet wounds.", 2),
        ("Lee Park, 31, sustained a gunshot wound to the arm.", 1),
        ("Four women were struck by gunfire outside the club.", 4),
        ("A girl was grazed by a bullet while she slept.", 1),
        ("The gunfire sent six people to the hospital.", 6),
        ("Three females and two males were taken to Mercy Hospital.", 5),
        # One person injured, told without a number.
        ("Another man in the car was wounded.", 1),
        ("The robber killed a clerk and critically injured a customer.", 1),
        ("It was a shooting that injured a 7-year-old boy.", 1),
        ("Police said the man accidentally shot his nephew while cleaning a rifle.", 1),
        ("A 6-year-old girl and a 30-year-old man were injured in the crossfire.", 2),
        ("One person died and one other was hurt in the crash.", 1),
        # The count is in the adjective.
        ("Police are investigating a triple shooting on Oak Avenue.", 3),
    ],
)
def test_injured_phrasings(text: str, injured: int) -> None:
    assert headline(text, FigureKind.INJURED) == injured


@pytest.mark.parametrize(
    "text",
    [
        "Two masked men shot at a delivery van on Main Street.",
        "The officer was shot at but not hit.",
        "A farmer shot at the intruders from his porch.",
        "Teen Shot To Death In Northside Park",
    ],
)
def test_no_one_injured(text: str) -> None:
    assert not headline(text, FigureKind.INJURED)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # The dead are among those said to be wounded or shot.
        ("All four victims suffered gunshot wounds; two of them died at the scene.", 2, 2),
        ("He shot his stepbrother, killing him instantly.", None, None),
        ("Two men died in a quadruple shooting near the stadium.", 2, 2),
        # "others" are told apart from the dead just counted.
        ("One man was killed. Three others were shot.", 1, 3),
        # A wound called fatal is no injury.
        ("The boy was mishandling a rifle when it fired, fatally wounding his younger brother.", None, None),
    ],
)
def test_the_dead_among_the_shot(text: str, killed: int | None, injured: int | None) -> None:
    assert headline(text, FigureKind.INJURED) == injured
    if killed is not None:
        assert headline(text, FigureKind.KILLED) == killed


@pytest.mark.parametrize(
    "text",
    [
        "4 Dead, 19 Wounded In Weekend Shootings",
        "Eleven people were wounded across the city overnight.",
        "Two teens and a woman were hurt Saturday in three separate shootings.",
        "At least five people have been shot in Northside since Friday.",
    ],
)
def test_a_tally_of_many_shootings_is_not_the_event_count(text: str) -> None:
    assert headline(text, FigureKind.INJURED) is None
    assert headline(text, FigureKind.KILLED) is None


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # Clock times and ages are not counts.
        ("About 10:30 p.m. A 25-year-old woman was shot in the hip.", 1),
        ("At 2:15 a.m. Three men were wounded outside a bar.", 3),
        ("Officers said four men between the ages of 19 and 44 were shot.", 4),
        ("Officers found three victims, ages 17 to 22, suffering gunshot wounds.", 3),
        # A second number between a count and its noun is the count.
        ("KXYZ 7 News Two sisters, ages 9 and 12, were shot inside their home.", 2),
    ],
)
def test_times_and_ages_are_not_counts(text: str, injured: int) -> None:
    assert headline(text, FigureKind.INJURED) == injured


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # A killer's own death counts with the victims he is told apart from.
        ("Deputies say a man killed his wife, 3 daughters, then himself.", 5),
        ("Police said a father shot his 9-year-old son to death and then killed himself.", 2),
        ("The gunman and two bystanders were killed in the exchange of fire.", 3),
        # "Image 2 of 9 A man ...": a photo caption's number is not a count.
        ("Image 2 of 9 A man died Friday after a shooting on Pine Street.", 1),
    ],
)
def test_killed_phrasings(text: str, killed: int) -> None:
    assert headline(text, FigureKind.KILLED) == killed


def test_a_suicide_years_later_is_not_a_death_of_the_event() -> None:
    text = "Letters laced with a toxin sickened two clerks. The suspect committed suicide in 2011, before any trial."
    assert not headline(text, FigureKind.KILLED)


def test_one_person_and_a_count_make_one_more() -> None:
    assert headline("A man and four teenagers were wounded at the park.", FigureKind.INJURED) == 5


def test_a_series_total_is_not_the_count_of_one_of_its_attacks() -> None:
    text = (
        "Over two weeks, nine parcel bombs were mailed to offices in four states, collectively injuring five people. "
        "In this incident, the parcel was defused and no one was injured."
    )
    assert headline(text, FigureKind.INJURED) == 0


def test_the_auxiliary_left_out_after_and() -> None:
    text = "Both gunmen were killed and a police officer wounded in the exchange."
    assert headline(text, FigureKind.INJURED) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The boy was rushed to a hospital, but doctors were unable to save him.",
        "A 40-year-old woman passed away Sunday night.",
    ],
)
def test_deaths_told_without_died(text: str) -> None:
    assert headline(text, FigureKind.KILLED) == 1
    assert not headline(text, FigureKind.INJURED)


def test_a_victim_who_did_not_survive_is_not_injured() -> None:
    assert not headline("A teen was shot in the back and did not survive.", FigureKind.INJURED)


@pytest.mark.parametrize(
    "text",
    [
        "A cyclist was shot twice and later died at the hospital.",
        "The girl was taken to a hospital where she died.",
    ],
)
def test_the_one_shot_who_dies_is_one_dead(text: str) -> None:
    assert headline(text, FigureKind.KILLED) == 1
    assert not headline(text, FigureKind.INJURED)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("Her 12-year-old son was shot in the arm.", 1),
        ("A 30-year-old man and a 41-year-old woman in the car with him were also hit by gunfire.", 2),
        ("A teen was killed in the shooting. Another teen in the back seat was also shot.", 1),
        ("A woman was also struck in the shoulder during the shooting.", 1),
        ("A girl was taken to a hospital after her cousin accidentally shot her in the hand.", 1),
    ],
)
def test_one_or_two_wounded_told_without_a_count(text: str, injured: int) -> None:
    assert headline(text, FigureKind.INJURED) == injured


def test_the_shooter_of_an_active_sentence_is_not_shot() -> None:
    text = "A boy was killed Monday after another boy accidentally shot him with a rifle."
    assert not headline(text, FigureKind.INJURED)
    assert headline(text, FigureKind.KILLED) == 1


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The standoff ended in the death of Carl Mendez.", 1),
        ("A neighbor was arrested in the killing of Dana Ruiz, police said.", 1),
    ],
)
def test_the_death_of_a_named_person(text: str, killed: int) -> None:
    assert headline(text, FigureKind.KILLED) == killed


def test_the_death_of_two_named_people_is_not_one() -> None:
    assert headline("Police are investigating the death of Carl Mendez and Dana Ruiz.", FigureKind.KILLED) != 1


def test_a_place_phrase_may_join_two_parties_with_and() -> None:
    text = "18 members of the border guard and their allied fighters were killed in the clashes."
    assert headline(text, FigureKind.KILLED) == 18


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("Teen injured in accidental shooting\n\nPolice are looking into what happened on Elm Street.", 1),
        ("Girl, 6, shot by her brother at a birthday party\n\nDeputies were called to the house.", 1),
        ("Update: Toddler grazed by bullet during drive-by\n\nThe family was asleep.", 1),
        ("Woman, 2-year-old boy wounded in shooting\n\nOfficers found them on the porch.", 2),
        ("Cyclist struck by stray bullet near the river\n\nNo arrests were made.", 1),
    ],
)
def test_a_headline_leaves_out_the_auxiliary(text: str, injured: int) -> None:
    assert headline(text, FigureKind.INJURED) == injured


@pytest.mark.parametrize(
    "text",
    [
        # A victim who dies is among the dead, not the wounded.
        "Man shot in the leg dies at the hospital\n\nThe shooting happened Sunday.",
        # Prose keeps its auxiliary: without one, "shot at" aims.
        "A farmer shot at the intruders from his porch.",
        # In the body, a line in headline grammar is more often a link to another story.
        "Police are looking for a gunman.\n\nRelated: Teen injured in accidental shooting",
    ],
)
def test_headline_grammar_only_in_the_headline(text: str) -> None:
    assert headline(text, FigureKind.INJURED) in (None, 0)


def test_title_case_words_are_not_a_second_victim() -> None:
    # "Recovering After" looks like a name in a title-case headline; only the boy was shot.
    text = "Police: Boy, 10, Recovering After Being Accidentally Shot By His Brother\n\nHe is in stable condition."
    assert headline(text, FigureKind.INJURED) != 2


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # One victim's wounding and another's death in one headline.
        ("State trooper wounded, one suspect dead in shootout\n\nThe trooper was hit in the arm.", 1),
        ("Careless shooting hurts Elmwood child\n\nThe boy is expected to recover.", 1),
        ("A stray round sent a 9-year-old girl to the hospital.", 1),
        ("Two people are dead and another hospitalized after the attack on the farm.", 1),
        ("Deputies found another man suffering from gunshot wounds.", 1),
        ("Officers found two women suffering from gunshot wounds.", 2),
        ("A neighbor was charged in connection with the shooting of a 12-year-old boy.", 1),
    ],
)
def test_wounded_told_in_passing(text: str, injured: int) -> None:
    assert headline(text, FigureKind.INJURED) == injured


@pytest.mark.parametrize(
    "text",
    [
        "A 9-year-old boy was wounded after shooting himself in the hand.",
        "The toddler underwent surgery Monday after shooting himself in the stomach.",
        "I could have been killed.",
        "Officers could not say if the man had died.",
    ],
)
def test_no_death_told(text: str) -> None:
    assert headline(text, FigureKind.KILLED) in (None, 0)


def test_shooting_himself_after_a_killing_is_a_death() -> None:
    assert headline("He killed his wife before shooting himself.", FigureKind.KILLED) == 2


_FILLER = " Officers closed the street for several hours while detectives searched for shell casings." * 3


def test_a_death_deep_in_a_story_of_the_wounded_is_another_event() -> None:
    text = (
        "Five wounded in shooting outside a nightclub\n\nFive people were wounded early Sunday outside the club."
        + _FILLER
        + " A security guard was fatally shot at the same club in July."
    )
    assert headline(text, FigureKind.KILLED) in (None, 0)
    assert headline(text, FigureKind.INJURED) == 5


@pytest.mark.parametrize(
    "tail",
    [
        # Told in full, with its own count: the event's own toll.
        " Jane Roe was slain and four others were wounded on Elm Street.",
        # The gunman's death is told apart from the victims' count.
        " The suspect was pronounced dead at the scene from an apparent gunshot wound.",
    ],
)
def test_a_death_told_with_the_count_or_of_the_gunman_stays(tail: str) -> None:
    text = "Four wounded in shooting spree\n\nFour people were wounded on Sunday." + _FILLER + tail
    assert headline(text, FigureKind.KILLED) == 1


@pytest.mark.parametrize(
    "text",
    [
        # Headline grammar, with the auxiliary left out or an object without its article.
        "Hillside teen shot to death; girl in custody\n\nDeputies were called Sunday.",
        "Juvenile Dies After Neighbor Mishandles Handgun\n\nThe sheriff said the gun went off.",
        "8-year-old fatally shoots grandfather\n\nThe rifle had been left loaded.",
        "Drive-by shooting kills teen girl on porch\n\nNo arrests were made.",
        # One victim told with the verb's object or an apposition.
        "Deputies found a 5-year-old boy dead inside the apartment.",
        "The careless shooting left his 15-year-old cousin dead.",
        "They found a 15-year-old boy, who had been shot once in the head and died.",
        "A misfire claimed the life of 4-year-old Ana Ruiz on Saturday.",
        "He fired into the car, striking and killing Mr. Doe.",
    ],
)
def test_one_death_told_of_its_victim(text: str) -> None:
    assert headline(text, FigureKind.KILLED) == 1


def test_two_named_victims_with_their_ages() -> None:
    text = "Jane Roe, 33, and Mary Poe, 28, were killed, and two others were injured."
    assert headline(text, FigureKind.KILLED) == 2


def test_leaving_two_dead_is_not_one() -> None:
    text = "The gunman fled, leaving a mother and a grandmother dead."
    assert headline(text, FigureKind.KILLED) != 1


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("Two men were in critical condition after the shooting on Elm Street.", 2),
        ("A woman was in serious but stable condition Sunday.", 1),
        ("Four people are in stable or good condition, the chief said.", 4),
        ("The gunman fired, injuring Jane Roe and John Doe.", 2),
        ("Three others received gunshot wounds, two with minor injuries and one who was in critical condition.", 3),
        # A headline drops the auxiliary: the six were hit, they did not aim.
        ("Six Shot At The Spot Nightclub\n\nPolice were called at 2 a.m.", 6),
    ],
)
def test_the_wounded_told_by_their_condition_or_names(text: str, injured: int) -> None:
    assert headline(text, FigureKind.INJURED) == injured


def test_another_hurt_and_a_named_death_is_one_wounded() -> None:
    assert headline("Another 5-year-old was hurt and Jane Roe was killed.", FigureKind.INJURED) == 1


def test_an_age_in_abbreviated_years_is_not_a_count() -> None:
    assert headline("A 26 yr old man in critical condition was in the backseat.", FigureKind.INJURED) != 26


def test_a_first_sentence_in_prose_keeps_its_auxiliary() -> None:
    # Ends with a full stop: prose, so "shot at" aims.
    assert headline("Two men shot at a passing car.", FigureKind.INJURED) in (None, 0)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # Headline predicates without the auxiliary, and after a comma.
        ("Husband and wife dead, daughter in hospital after murder-suicide\n\nDeputies found them Sunday.", 1),
        ("Child in critical condition after parents' murder-suicide\n\nThe girl was flown to a trauma center.", 1),
        ("Girl killed, father critical after drive-by\n\nNeighbors heard several shots.", 1),
        ("Teen accidentally shoots 5-year-old boy in leg\n\nThe boy is expected to recover.", 1),
        ("Gunshot wounds Elmwood teen\n\nThe teen was hit in the arm.", 1),
        ("Man shoots 4 relatives, killing 2\n\nThe gunman fled.", 2),
        # Alive and hurt, told by the state they are in.
        ("Her father is listed in critical condition.", 1),
        ("Three juveniles are recovering after being hit by buckshot.", 3),
        ("An 18-year-old woman was also hit during the shooting.", 1),
        ("Eva Roe was taken by helicopter to Savannah Memorial Hospital.", 1),
    ],
)
def test_the_wounded_told_by_their_state(text: str, injured: int) -> None:
    assert headline(text, FigureKind.INJURED) == injured


def test_one_of_a_group_already_counted_is_not_the_count() -> None:
    text = "Four people were injured in the shooting. The fourth person is still in critical condition."
    assert headline(text, FigureKind.INJURED) == 4


def test_a_count_that_shoots_a_named_person_is_the_shooters() -> None:
    text = "The five officers accidentally shot Christopher Doe, 57, outside his home."
    assert headline(text, FigureKind.INJURED) != 5


def test_neither_denies_the_wound_it_names() -> None:
    assert headline("Neither the driver nor the other passenger was injured.", FigureKind.INJURED) in (None, 0)
    assert headline("Neither man was hurt, but a woman was shot in the leg.", FigureKind.INJURED) == 1


def test_fatally_shoots_herself_is_a_death() -> None:
    assert headline("Woman fatally shoots herself after target practice\n\nShe died.", FigureKind.KILLED) == 1
    assert headline("Woman fatally shoots herself after target practice\n\nShe died.", FigureKind.INJURED) in (None, 0)


def test_a_video_in_the_playlist_is_another_story() -> None:
    text = (
        "Man charged after brother shot with rifle\n\nPolice said the brothers were playing with the gun.\n"
        "1:08 After triple murder, victim's family asks for help\n"
        "3:50 Defendant in deaths of six firefighters resentenced"
    )
    assert headline(text, FigureKind.KILLED) in (None, 0)


def test_police_kill_a_gunman_in_a_headline() -> None:
    text = "Police kill gunman after shooting rampage injures three\n\nThe gunman fired at a crowd."
    assert headline(text, FigureKind.KILLED) == 1
    assert headline(text, FigureKind.INJURED) == 3


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # Attackers killed by others are counted on top of their victims, as GTD and GVA count the dead.
        ("At least 12 people were killed and 20 injured before the assailant was killed by police officers.", 13),
        # "The assailants": as many as the report said attacked.
        ("Two assailants opened fire on a cafe in Dayton. The assailants were killed and a guard was wounded.", 2),
        ("Three gunmen stormed a bank, killing four clerks. The gunmen were later shot dead by police.", 7),
        (
            "Two assailants opened fire on a party. Nine people were killed. Both assailants fled the scene "
            "but were located and killed in a shootout with police.",
            11,
        ),
        # A named attacker who dies: by the full name or the surname the report gave him.
        ("Carl Ames, a former clerk, opened fire at the depot, killing two people. Ames was killed by a guard.", 3),
        ("Paul Kerr flew his plane into the tax office. Kerr died on impact. Two workers were killed.", 3),
        ("An assailant, identified as Tom Reyes, killed three people. Reyes was shot dead by deputies.", 4),
        # Police killing the attacker is one death, the attacker's, however many ways it is read.
        ("A tactical team stormed the house and fatally shot the gunman.", 1),
    ],
)
def test_attackers_who_die_are_counted_with_the_dead(text: str, killed: int) -> None:
    assert headline(text, FigureKind.KILLED) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # The named killer is not the one who died.
        ("Police said Kyle Moss shot and killed Regula inside a home. Moss was arrested on Friday.", 1),
        # A headline's tally of the dead holds the gunman.
        ("3 dead in courthouse shooting\n\nThe gunman was shot and killed by courthouse police.", 3),
        # A suicide told apart is inside the count ("four dead in a murder-suicide").
        ("Four people were killed in the home. The gunman then killed himself.", 4),
    ],
)
def test_attacker_deaths_already_in_the_count(text: str, killed: int) -> None:
    assert headline(text, FigureKind.KILLED) == killed


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("The gunman opened fire, killing 3 and wounding 11 others. Military police shot the gunman.", 12),
        ("An assailant shot and injured a clerk. The clerk returned fire and injured the assailant.", 2),
    ],
)
def test_attackers_wounded_in_the_act_are_counted_with_the_injured(text: str, injured: int) -> None:
    assert headline(text, FigureKind.INJURED) == injured


def test_an_attacker_shot_who_then_died_is_not_among_the_injured() -> None:
    text = "The gunman wounded 4 people. Police shot the gunman. The gunman was pronounced dead at the hospital."
    assert headline(text, FigureKind.INJURED) == 4


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # Cases of a poisoning or an infection, one sentence at a time, add up when no count is stated.
        (
            "Jane Roe, an aide at the studio, was diagnosed with skin anthrax after she opened a letter. "
            "A second employee was later diagnosed with anthrax. "
            "Three postal workers, who sorted the mail, also contracted skin anthrax.",
            5,
        ),
        ("A baby boy who had visited the newsroom tested positive for anthrax.", 1),
        ("His assistant, Mary Poe, contracted the skin form of anthrax after she opened the letter.", 1),
        # A stated count of the hurt stands.
        ("Two clerks tested positive for anthrax. Seven people were injured in the attack.", 7),
        # A denial counts no case, and a case who died is among the dead.
        ("No employees were diagnosed with anthrax.", None),
        ("Tom Roe contracted inhalation anthrax and died of the disease.", None),
        # One person hurt, told by the wound.
        ("The package ignited and burned the clerk's fingers.", 1),
        # A count whose subject runs on through a place with its state and country.
        ("Three employees at a tax office in Ogden, Utah, U.S.A. were injured when they opened a letter.", 3),
    ],
)
def test_the_hurt_told_without_a_shooting(text: str, injured: int | None) -> None:
    assert headline(text, FigureKind.INJURED) == injured


def test_a_subject_never_runs_on_through_a_verb_or_a_number() -> None:
    text = "Two officers in Louisiana are facing charges after a boy was shot to death."
    assert headline(text, FigureKind.KILLED) == 1
