"""Figure and attribution phrasings, on sentences written for these tests."""

from __future__ import annotations

import pytest

from service.domain import AttributionStatus, FigureKind
from service.extraction import extract


def headline(text: str, kind: FigureKind) -> int | None:
    claim = next((f for f in extract(text, None).figures if f.kind == kind and f.event_ref == 0), None)
    return claim.best if claim is not None else None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Armed with two rifles, the gunman shot and killed nine people at the school.", 9),
        ("Twelve people, including eight passengers, two pilots, and two guards, were killed.", 12),
        ("Jane Roe and John Q. Public were killed in the attack on the office.", 2),
        ("One man, identified as Tom R. Doe, was killed in the blast.", 1),
        ("Police chased the gunman to a parking lot, where he was shot and killed.", 1),
    ],
)
def test_killed_phrasings(text: str, killed: int) -> None:
    assert headline(text, FigureKind.KILLED) == killed


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("One deputy was killed and another was wounded in the ambush.", 1),
        ("Three firefighters were injured while fighting the blaze.", 3),
        ("Ann Lee was killed and Bob Kay was injured in the attack.", 1),
        ("Two men attacked a cyclist at the park, seriously injuring the man.", 1),
        ("A gunman shot and injured police officer Sam Diaz outside the station.", 1),
    ],
)
def test_injured_phrasings(text: str, injured: int) -> None:
    assert headline(text, FigureKind.INJURED) == injured


def perpetrator(text: str) -> tuple[str, AttributionStatus] | None:
    claims = [p for p in extract(text, None).perpetrators if p.event_ref == 0 and p.actor != "unknown"]
    return (claims[0].actor, claims[0].status) if claims else None


def test_a_joint_action_of_both_fronts_is_coded_to_the_earth_front() -> None:
    text = "Members of the Animal and Earth Liberation Fronts set fire to a ranger station in Oregon."
    found = perpetrator(text)
    assert found is not None and found[0] == "Earth Liberation Front"


def test_an_abortion_clinic_names_the_motive_with_nobody_identified() -> None:
    text = "Unknown perpetrators set fire to an abortion clinic in Dayton, Ohio. Nobody was hurt."
    found = perpetrator(text)
    assert found is not None and found[0] == "Anti-Abortion extremists"


def test_a_mosque_alone_names_no_perpetrator() -> None:
    assert perpetrator("Unknown perpetrators set fire to a mosque in Dayton, Ohio. Nobody was hurt.") is None


def test_anti_government_wording_names_the_category() -> None:
    text = "A lone man left pipe bombs in mailboxes with notes railing against the government."
    found = perpetrator(text)
    assert found is not None and found[0] == "Anti-Government extremists"


def test_an_unconfirmed_group_claim_is_an_inspiration() -> None:
    text = (
        "An attacker stabbed four shoppers in Dayton. The Islamic State claimed the stabbing; however, "
        "the attacker's connection to ISIS could not be confirmed."
    )
    found = perpetrator(text)
    assert found is not None and found[0] == "Jihadi-inspired extremists"


def test_sources_suspecting_a_group_is_a_suspicion() -> None:
    text = (
        "Vandals burned a church. No group claimed the arson; however, sources suspected "
        "the involvement of the Ku Klux Klan."
    )
    assert perpetrator(text) == ("Ku Klux Klan", AttributionStatus.SUSPECTED)


def test_attackers_naming_themselves_in_a_note_is_a_claim() -> None:
    text = (
        "In a note and graffiti left at the scene, the attackers identified themselves as members of the Ku Klux Klan."
    )
    assert perpetrator(text) == ("Ku Klux Klan", AttributionStatus.CLAIMED)
