"""Perpetrator and attribution-state rules: named individuals, ideology categories, claims and doubt."""

from __future__ import annotations

from service.domain import AttributionStatus
from service.extraction import extract
from service.extraction.perpetrators import is_group_actor


def main_claims(text: str) -> list[tuple[str, AttributionStatus]]:
    return [(p.actor, p.status) for p in extract(text, None).perpetrators if p.event_ref == 0 and p.actor != "unknown"]


def first_group(text: str) -> str | None:
    """The first main-event group or category, as GTD would code the perpetrator."""
    return next((actor for actor, _ in main_claims(text) if is_group_actor(actor)), None)


def test_a_real_claim_outranks_a_claim_by_convention() -> None:
    text = (
        "Members of the Animal Liberation Front and the Earth Liberation Front burned a ranger station. "
        "Days later a communique claimed the arson in the name of the Earth Liberation Front."
    )
    assert first_group(text) == "Earth Liberation Front"


def test_a_perpetrator_named_in_apposition_lets_the_target_name_the_motive() -> None:
    text = "An assailant shot at two police officers in Dayton. The perpetrator, Mark Dorsey, was killed."
    assert first_group(text) == "Anti-Police extremists"


def test_an_individual_claiming_the_attack_is_named() -> None:
    text = "A gunman wounded a deputy in Dayton. Tom Reyes claimed responsibility for the shooting."
    assert ("Tom Reyes", AttributionStatus.CLAIMED) in main_claims(text)


def test_an_individual_carrying_out_the_attack_is_named() -> None:
    text = "Sam Lowe opened fire on a Republican Party office in Dayton, wounding a volunteer."
    assert ("Sam Lowe", AttributionStatus.ATTRIBUTED) in main_claims(text)
    assert first_group(text) == "Anti-Republican extremists"


def test_collective_subjects_are_not_individuals() -> None:
    assert all(actor != "Ukrainian Forces" for actor, _ in main_claims("Ukrainian Forces fired on the village."))


def test_a_mixed_case_acronym_matches_case() -> None:
    assert main_claims("Police let the man go after questioning him.") == []


def test_nobody_claiming_leaves_a_target_alone_unattributed() -> None:
    text = "Assailants set fire to a Planned Parenthood clinic in Dayton. No group claimed responsibility."
    assert first_group(text) is None


def test_a_doctor_who_performs_abortions_names_the_motive() -> None:
    text = "Unknown perpetrators set fire to the office of a doctor who performs abortions in Dayton."
    assert first_group(text) == "Anti-Abortion extremists"


def test_grievance_against_the_government_names_the_category() -> None:
    text = "Pipe bombs were left in mailboxes with notes that bemoaned the power of the government."
    assert first_group(text) == "Anti-Government extremists"


def test_a_motive_of_punishing_the_united_states_is_jihadi_inspired() -> None:
    text = "Police arrested Omar Hale. Prosecutors said he killed the guard to punish the United States for its wars."
    assert first_group(text) == "Jihadi-inspired extremists"


def test_a_lone_actor_referring_to_a_group_is_inspired_by_it() -> None:
    text = "A pipe bomb was found in a mailbox in Dayton. An attached note made a reference to al-Qaeda."
    assert first_group(text) == "Jihadi-inspired extremists"


def test_a_group_under_investigation_is_not_named() -> None:
    text = (
        "A fire destroyed a lumber yard. Investigators are examining whether the Earth Liberation Front was involved."
    )
    assert first_group(text) is None


def test_a_member_acting_for_a_movement_claims_nothing() -> None:
    text = "Dan Orr, acting on behalf of the Earth Liberation Front, planted two firebombs at a research lab."
    assert ("Earth Liberation Front", AttributionStatus.ATTRIBUTED) in main_claims(text)
    assert all(status != AttributionStatus.CLAIMED for _, status in main_claims(text))


def test_a_group_missing_from_the_table_is_named_by_its_shape() -> None:
    text = (
        "A bomb was left at a clinic in Dayton. No group claimed responsibility; however, sources "
        "attributed the attack to the Northern Patriot Freedom Militia."
    )
    assert main_claims(text)[0] == ("Northern Patriot Freedom Militia", AttributionStatus.ATTRIBUTED)
    assert is_group_actor("Northern Patriot Freedom Militia")


def test_doubt_over_the_evidence_makes_the_attribution_a_suspicion() -> None:
    text = (
        "Letters laced with a toxin were mailed to two offices. The FBI identified chemist Dr. Paul Kerr as the sole "
        "perpetrator. A later review found the evidence inconclusive."
    )
    assert ("Paul Kerr", AttributionStatus.SUSPECTED) in main_claims(text)


def test_a_written_claim_of_responsibility_is_a_claim() -> None:
    text = "A gunman wounded two guards. The gunman, Carl Ames, had written a claim of responsibility on a wall."
    assert ("Carl Ames", AttributionStatus.CLAIMED) in main_claims(text)


def test_a_signed_letter_is_a_claim() -> None:
    text = "A letter laced with poison reached the governor's office. The letter was signed by 'Night Rider'."
    assert any(p.status == AttributionStatus.CLAIMED for p in extract(text, None).perpetrators)


def test_a_lone_actor_watching_group_videos_is_inspired_by_it() -> None:
    text = "A gunman opened fire at a bus station. Lee Carr said he had watched Islamic State (ISIS) videos for months."
    assert first_group(text) == "Jihadi-inspired extremists"


def test_claiming_authorship_for_the_attack_is_a_claim() -> None:
    text = "A gunman wounded a guard. The gunman, Carl Ames, had claimed authorship for the attack on a forum."
    assert ("Carl Ames", AttributionStatus.CLAIMED) in main_claims(text)


def test_writing_on_social_media_is_a_personal_claim() -> None:
    text = (
        "An attacker stabbed two students. The attacker, Ray Tull, wrote on his Facebook page that he wanted revenge."
    )
    assert ("Ray Tull", AttributionStatus.CLAIMED) in main_claims(text)


def test_a_plea_of_not_guilty_leaves_a_suspicion() -> None:
    text = "Police arrested Joe Vance in connection with the shooting. He pleaded not guilty in March."
    assert ("Joe Vance", AttributionStatus.SUSPECTED) in main_claims(text)


def test_a_group_claim_for_an_attacker_of_unconfirmed_ties_is_no_claim() -> None:
    text = (
        "An attacker stabbed four shoppers in Dayton. The Islamic State claimed the stabbing; however, "
        "the attacker's connection to ISIS could not be confirmed."
    )
    assert main_claims(text)[0] == ("Jihadi-inspired extremists", AttributionStatus.ATTRIBUTED)


def test_a_witness_statement_is_no_claim_when_nobody_is_identified() -> None:
    text = "A barn was set on fire in Dayton. The owner of the farm stated that he had received threats."
    assert all(p.status != AttributionStatus.CLAIMED for p in extract(text, None).perpetrators)


def test_police_who_shoot_the_attacker_are_not_the_target() -> None:
    text = (
        "A man opened fire in a mall before he was shot by police officers. Police identified the gunman as Ron Pike."
    )
    assert first_group(text) is None


def test_officials_and_officers_firing_back_are_not_suspects() -> None:
    text = "Deputy Ann Cole fired at the suspected gunman, who fled."
    assert all(actor != "Deputy Ann Cole" for actor, _ in main_claims(text))


def test_members_of_an_unlisted_group_who_are_shot_at_are_victims() -> None:
    text = "A gunman opened fire on members of the Riverside Tenant Alliance during a rally in Dayton."
    assert first_group(text) is None


def test_a_suicide_note_is_a_personal_claim() -> None:
    text = "A gunman killed two clerks at a store. The gunman, Paul Kerr, explained the attack in a suicide note."
    assert ("Paul Kerr", AttributionStatus.CLAIMED) in main_claims(text)
