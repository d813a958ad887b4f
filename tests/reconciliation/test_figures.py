"""Figure rules: supersession, subgroups, conflicts, outliers, echoes, vague words, policies."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from service.domain import FieldDecision, FigureClaim, FigureKind, Qualifier, SourcedClaim
from service.reconciliation import Policy, reconcile
from service.reconciliation.evidence import main_story, select
from service.reconciliation.figures import subgroup_floor, supersede_own_figures

from .builders import MON, THU, TUE, WED, at_least, exact, figure, sourced, vague, worked_example


def killed(claims: list[SourcedClaim], policy: Policy = Policy.BEST) -> FieldDecision:
    return reconcile(claims, policy)["killed"]


def test_source_replaces_its_own_earlier_figure() -> None:
    claims = [
        sourced(1, 1, "Outlet A", TUE, exact(5)),
        sourced(2, 2, "Outlet B", TUE, exact(4)),
        sourced(3, 3, "outlet a", WED, exact(9)),  # same outlet, spelled differently
    ]
    decision = killed(claims)
    assert decision.superseded == (1,)
    assert decision.value == {"low": 4, "best": 9, "high": 9}
    # Outlet B's 4 is another source's figure: not superseded, and it disagrees with 9.
    assert decision.conflicting == (2,)
    assert decision.supporting == (3,)


def test_within_a_day_a_sources_explicit_update_is_its_latest_word() -> None:
    # Dates are days: the plain 26 may have been written before "the toll rose to 53" that same day.
    claims = [
        sourced(1, 1, "Monitor", TUE, exact(53, is_update=True)),
        sourced(2, 2, "Monitor", TUE, exact(26)),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 53, "best": 53, "high": 53}
    assert decision.superseded == (2,)
    # A higher figure later that day is news all the same, and a later day's figure replaces the update.
    higher = [sourced(1, 1, "Monitor", TUE, exact(38, is_update=True)), sourced(2, 2, "Monitor", TUE, exact(43))]
    assert killed(higher).value["best"] == 43
    next_day = [sourced(1, 1, "Monitor", TUE, exact(53, is_update=True)), sourced(2, 2, "Monitor", WED, exact(26))]
    assert killed(next_day).value["best"] == 26


def test_a_downward_correction_by_the_same_source_still_replaces() -> None:
    claims = [sourced(1, 1, "Wire", TUE, exact(10)), sourced(2, 2, "Wire", WED, exact(8))]
    decision = killed(claims)
    assert decision.value == {"low": 8, "best": 8, "high": 8}
    assert decision.superseded == (1,)


def test_a_subgroup_count_does_not_replace_the_same_sources_total() -> None:
    claims = [
        sourced(1, 1, "Wire", TUE, exact(7)),
        sourced(2, 2, "Wire", WED, exact(3, subgroup="civilians")),
    ]
    decision = killed(claims)
    assert decision.superseded == ()
    assert decision.value == {"low": 7, "best": 7, "high": 7}
    assert decision.supporting == (1, 2)


def test_a_vague_word_does_not_replace_a_number() -> None:
    claims = [sourced(1, 1, "Wire", TUE, exact(12)), sourced(2, 2, "Wire", WED, vague(3))]
    decision = killed(claims)
    assert decision.superseded == ()
    assert decision.value == {"low": 12, "best": 12, "high": 12}
    assert decision.supporting == (1, 2)


def test_an_update_in_the_same_report_replaces_the_old_figure() -> None:
    claims = [
        sourced(1, 1, "Wire", WED, exact(7, is_update=True)),
        sourced(2, 1, "Wire", WED, exact(5)),  # "... rose to 7 from 5"
    ]
    decision = killed(claims)
    assert decision.value == {"low": 7, "best": 7, "high": 7}
    assert decision.superseded == (2,)


def test_an_approximate_subgroup_count_alone_is_estimated_at_its_stated_value() -> None:
    # "About 25 soldiers killed": at least 23 (the band's low end), best estimate 25.
    claims = [sourced(1, 1, "Monitor", TUE, figure(23, 27, Qualifier.ABOUT, subgroup="soldiers"))]
    assert killed(claims).value == {"low": 23, "best": 25, "high": None}
    assert killed(claims, Policy.CONSERVATIVE).value == {"low": 23, "best": 23, "high": None}


def test_subgroup_count_is_consistent_with_a_larger_total() -> None:
    claims = [
        sourced(1, 1, "State Media", TUE, exact(3, subgroup="security forces")),
        sourced(2, 2, "Wire", WED, exact(7)),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 7, "best": 7, "high": 7}
    assert decision.conflicting == ()
    assert decision.supporting == (1, 2)


def test_subgroups_alone_give_an_open_lower_bound() -> None:
    claims = [sourced(1, 1, "State Media", TUE, exact(3, subgroup="security forces"))]
    decision = killed(claims)
    assert decision.rule == "figure.subgroup_floor/v1"
    assert decision.value == {"low": 3, "best": 3, "high": None}


def test_disjoint_subgroups_of_one_report_add_up_to_a_floor() -> None:
    claims = [
        sourced(1, 1, "Local", TUE, exact(4, subgroup="soldiers")),
        sourced(2, 1, "Local", TUE, exact(3, subgroup="civilians")),
        sourced(3, 2, "Wire", TUE, exact(5)),
    ]
    decision = killed(claims)
    # 4 soldiers + 3 civilians: the total is at least 7, so a total of 5 cannot stand.
    assert decision.value == {"low": 7, "best": 7, "high": 7}
    assert decision.conflicting == (3,)
    assert decision.note is not None and "subgroup floor 7" in decision.note


def test_nested_subgroups_are_not_added_twice() -> None:
    claims = [
        sourced(1, 1, "Local", TUE, exact(6, subgroup="civilians")),
        sourced(2, 1, "Local", TUE, exact(4, subgroup="children")),
    ]
    floor, floor_ids = subgroup_floor(select(main_story(claims), FigureClaim))
    assert (floor, floor_ids) == (6, (1,))


def test_subgroups_from_different_reports_are_not_added() -> None:
    claims = [
        sourced(1, 1, "Local", TUE, exact(4, subgroup="soldiers")),
        sourced(2, 2, "Wire", TUE, exact(3, subgroup="civilians")),
    ]
    assert killed(claims).value == {"low": 4, "best": 4, "high": None}


def test_a_conflicting_exact_figure_is_listed() -> None:
    claims = [*worked_example(), sourced(30, 4, "Local TV", TUE, exact(4))]
    decision = killed(claims)
    assert decision.conflicting == (30,)
    assert decision.supporting == (1, 10, 14)
    # The most conservative credible figure is now 4.
    assert decision.value == {"low": 4, "best": 7, "high": 7}
    assert killed(claims, Policy.CONSERVATIVE).value == {"low": 4, "best": 4, "high": 7}


def test_a_later_lower_bound_does_not_pull_the_best_down() -> None:
    claims = [sourced(1, 1, "Wire", TUE, exact(7)), sourced(2, 2, "Local", WED, at_least(5))]
    decision = killed(claims)
    assert decision.value == {"low": 5, "best": 7, "high": 7}
    assert decision.conflicting == ()


def test_an_open_highest_figure_leaves_high_open() -> None:
    claims = [sourced(1, 1, "Wire", TUE, exact(7)), sourced(2, 2, "Local", WED, at_least(20))]
    assert killed(claims).value == {"low": 7, "best": 20, "high": None}
    assert killed(claims, Policy.HIGH).value == {"low": 7, "best": 20, "high": None}
    assert killed(claims, Policy.CONSERVATIVE).value == {"low": 7, "best": 7, "high": None}


def test_ranges_and_up_to() -> None:
    ranged = [sourced(1, 1, "Wire", TUE, figure(15, 20, Qualifier.RANGE))]
    assert killed(ranged).value == {"low": 15, "best": 17, "high": 20}
    assert killed(ranged, Policy.HIGH).value == {"low": 15, "best": 20, "high": 20}
    # "Up to 10" is reported as the figure 10, not as "possibly nobody".
    capped = [sourced(1, 1, "Wire", TUE, figure(0, 10, Qualifier.AT_MOST))]
    assert killed(capped).value == {"low": 10, "best": 10, "high": 10}


def test_more_than_is_coded_as_the_number_stated() -> None:
    # "More than 40 killed": the source counted 40 and hedges; monitors code 40, not 41.
    claims = [sourced(1, 1, "Wire", TUE, figure(41, None, Qualifier.MORE_THAN))]
    decision = killed(claims)
    assert decision.value == {"low": 40, "best": 40, "high": None}
    assert decision.note is not None and "figure.stated_number/v1" in decision.note
    soldiers = [sourced(1, 1, "Wire", TUE, figure(13, None, Qualifier.MORE_THAN, subgroup="soldiers"))]
    assert killed(soldiers).value == {"low": 12, "best": 12, "high": None}


def test_a_subgroup_far_above_every_total_sets_no_floor() -> None:
    # "80 civilians" beside tolls of 10 and 12 counts a wider area or a longer period than the event.
    claims = [
        sourced(1, 1, "A", TUE, exact(10)),
        sourced(2, 2, "B", TUE, exact(12)),
        sourced(3, 3, "C", WED, exact(80, subgroup="civilians")),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 10, "best": 12, "high": 12}
    assert 3 in decision.conflicting
    # Two independent origins make it news, and a toll of one may be a single victim singled out.
    supported = [*claims, sourced(4, 4, "D", WED, exact(80, subgroup="civilians"))]
    assert killed(supported).value["best"] == 80
    singled_out = [sourced(1, 1, "A", TUE, exact(1)), sourced(3, 3, "C", WED, exact(80, subgroup="civilians"))]
    assert killed(singled_out).value["best"] == 80


def about(value: int, spread: int) -> FigureClaim:
    return figure(value - spread, value + spread, Qualifier.ABOUT)


def test_a_precise_count_inside_an_approximate_band_is_taken_over_it() -> None:
    # "About 30 killed" after "28 killed" is the same toll rounded, not a rise to 30.
    claims = [sourced(1, 1, "Wire", TUE, exact(28)), sourced(2, 2, "Local", WED, about(30, 3))]
    decision = killed(claims)
    assert decision.value == {"low": 27, "best": 28, "high": 33}
    assert decision.note is not None and "figure.precise_over_approximate/v1" in decision.note
    # So is a subgroup count, but not the bound an approximate subgroup gives.
    counted = [sourced(1, 1, "Wire", TUE, exact(28, subgroup="civilians")), sourced(2, 2, "Local", WED, about(30, 3))]
    assert killed(counted).value["best"] == 28
    rounded = [
        sourced(1, 1, "Wire", TUE, figure(25, 31, Qualifier.ABOUT, subgroup="civilians")),
        sourced(2, 2, "Local", WED, about(30, 3)),
    ]
    assert killed(rounded).value["best"] == 30
    # A count outside the band is an earlier toll that rose.
    rose = [sourced(1, 1, "Wire", TUE, exact(12)), sourced(2, 2, "Local", WED, about(30, 3))]
    assert killed(rose).value["best"] == 30


def _tolls_with_a_far_figure(extra_origin: bool) -> list[SourcedClaim]:
    claims = [
        sourced(1, 1, "A", MON, exact(10)),
        sourced(2, 2, "B", TUE, exact(12)),
        sourced(3, 3, "C", TUE, exact(11)),
        # Three outlets relaying the same governor's 80: one piece of evidence.
        sourced(4, 4, "D", WED, exact(80, quoted_source="the governor")),
        sourced(5, 5, "E", WED, exact(80, quoted_source="The Governor")),
        sourced(6, 6, "F", WED, exact(80, quoted_source="the governor")),
    ]
    if extra_origin:
        claims.append(sourced(7, 7, "G", THU, exact(80)))
    return claims


def test_an_echoed_outlier_counts_once_and_cannot_lead() -> None:
    decision = killed(_tolls_with_a_far_figure(extra_origin=False))
    # Without the 80s the toll rose from 10 to 12; C's later 11 is another outlet's lower count.
    assert decision.value == {"low": 10, "best": 12, "high": 12}
    assert decision.conflicting == (1, 3, 4, 5, 6)
    assert decision.note is not None and "outlier" in decision.note


def test_an_outlier_with_independent_support_leads() -> None:
    decision = killed(_tolls_with_a_far_figure(extra_origin=True))
    assert decision.value == {"low": 10, "best": 80, "high": 80}
    assert decision.supporting == (4, 5, 6, 7)


def test_vague_words_alone_give_no_best_estimate() -> None:
    claims = [
        sourced(1, 1, "State Media", TUE, vague(3, kind=FigureKind.INJURED)),
        sourced(2, 2, "Local", TUE, vague(2, kind=FigureKind.INJURED)),
    ]
    decision = reconcile(claims)["injured"]
    assert decision.value == {"low": 2, "best": None, "high": None}
    assert decision.rule == "figure.vague_floor/v1"
    assert decision.conflicting == ()
    assert reconcile(claims, Policy.HIGH)["injured"].value == {"low": 2, "best": None, "high": None}


def test_a_vague_word_next_to_a_number_is_only_support() -> None:
    claims = [
        sourced(1, 1, "State Media", TUE, vague(3, kind=FigureKind.INJURED)),
        sourced(2, 2, "Wire", WED, exact(12, kind=FigureKind.INJURED)),
        sourced(3, 3, "Local", THU, vague(10, kind=FigureKind.INJURED)),
    ]
    decision = reconcile(claims)["injured"]
    assert decision.value == {"low": 12, "best": 12, "high": 12}
    assert decision.supporting == (1, 2, 3)


def test_empty_input_gives_no_fields() -> None:
    assert reconcile([]) == {}


def test_other_events_never_reach_the_figures() -> None:
    claims = [
        sourced(1, 1, "Outlet", TUE, exact(3, subgroup="militants", event_ref=1)),
        sourced(2, 1, "Outlet", TUE, exact(12, kind=FigureKind.ARRESTED, event_ref=2)),
    ]
    assert reconcile(claims) == {}


def test_undated_claims_never_count_as_the_latest_word() -> None:
    # The wire's dated 7 is its latest word, so it replaces its own undated 40, whatever the arrival order.
    claims = [sourced(1, 9, "Wire", None, exact(40)), sourced(2, 1, "Wire", dt.date(2026, 1, 1), exact(7))]
    decision = killed(claims)
    assert decision.value == {"low": 7, "best": 7, "high": 7}
    assert decision.superseded == (1,)


def test_supersession_splits_active_and_superseded() -> None:
    claims = [sourced(1, 1, "Wire", TUE, exact(5)), sourced(2, 2, "Wire", WED, exact(7))]
    active, superseded = supersede_own_figures(select(main_story(claims), FigureClaim))
    assert [item.claim_id for item in active] == [2]
    assert [item.claim_id for item in superseded] == [1]


def test_a_vague_word_in_the_replacing_report_stays_evidence_whatever_its_id() -> None:
    for vague_id in (1, 9):
        claims = [
            sourced(5, 1, "Wire", TUE, exact(4)),
            sourced(vague_id, 2, "Wire", WED, vague(3)),
            sourced(7, 2, "Wire", WED, exact(7)),
        ]
        decision = killed(claims)
        assert decision.superseded == (5,)
        assert set(decision.supporting) == {vague_id, 7}


def test_none_reported_is_zero_open_above() -> None:
    from service.domain import FigureKind
    from service.reconciliation.figures import RULE_NONE_REPORTED, none_reported

    decision = none_reported(FigureKind.KILLED)
    assert decision.value == {"low": 0, "best": 0, "high": None}
    assert decision.rule == RULE_NONE_REPORTED and decision.supporting == ()


def test_a_later_story_about_one_victim_does_not_replace_the_sources_count() -> None:
    # figure.singled_out_victim/v1: "a woman hurt in the shooting" names one victim, it does not recount them.
    claims = [
        sourced(1, 1, "Local TV", TUE, exact(4, kind=FigureKind.INJURED, quote="Four people were shot at a party")),
        sourced(
            2,
            2,
            "Local TV",
            WED,
            exact(1, kind=FigureKind.INJURED, quote="A woman who was wounded at the party has gone home"),
        ),
    ]
    decision = reconcile(claims)["injured"]
    assert decision.value == {"low": 1, "best": 4, "high": 4}
    assert decision.superseded == ()
    assert decision.note is not None and "figure.singled_out_victim/v1" in decision.note


def test_a_later_story_about_one_victim_does_not_override_the_leading_count() -> None:
    # Another outlet's earlier count leads; the first outlet's later victim story must not pull it down.
    claims = [
        sourced(1, 1, "Paper", TUE, exact(3, quote="Gunfire at a bus stop left 3 dead")),
        sourced(2, 2, "Wire", TUE, exact(2, quote="Two people were killed at a bus stop")),
        sourced(3, 3, "Paper", WED, exact(1, quote="The man killed at the bus stop was a teacher")),
    ]
    assert killed(claims).value["best"] == 3


def test_a_written_count_of_one_still_corrects_the_sources_figure() -> None:
    claims = [
        sourced(1, 1, "Paper", TUE, exact(3, quote="Gunfire at a bus stop left 3 dead")),
        sourced(2, 2, "Paper", WED, exact(1, quote="Police now say one person died, not three")),
    ]
    assert killed(claims).value["best"] == 1


def _injured(claims: list[SourcedClaim]) -> FieldDecision:
    return reconcile(claims)["injured"]


def test_a_count_of_people_shot_includes_the_dead() -> None:
    # figure.shot_includes_dead/v1: "5 shot" is everyone hit; beside one dead, "four wounded" is the injured.
    wounded = FigureKind.INJURED
    claims = [
        sourced(1, 1, "Paper", TUE, exact(4, kind=wounded, quote="One man died and four were wounded at a party")),
        sourced(2, 1, "Paper", TUE, exact(1, quote="One man died and four were wounded at a party")),
        sourced(3, 2, "Radio", WED, exact(5, kind=wounded, quote="Police: 5 people shot at block party")),
    ]
    decision = _injured(claims)
    assert decision.value["best"] == 4
    assert decision.note is not None and "figure.shot_includes_dead/v1" in decision.note


def test_a_count_of_people_shot_is_not_split_on_the_death_toll_alone() -> None:
    wounded = FigureKind.INJURED
    alone = [
        sourced(1, 1, "Paper", TUE, exact(1, quote="One man died at a block party")),
        sourced(2, 2, "Radio", WED, exact(5, kind=wounded, quote="Police: 5 people shot at block party")),
    ]
    assert _injured(alone).value["best"] == 5
    # Nor is a count of the wounded: "5 wounded" already leaves the dead out.
    stated = [
        sourced(1, 1, "Paper", TUE, exact(4, kind=wounded, quote="One man died and four were wounded at a party")),
        sourced(2, 1, "Paper", TUE, exact(1, quote="One man died and four were wounded at a party")),
        sourced(3, 2, "Radio", WED, exact(5, kind=wounded, quote="Police: 5 people wounded at block party")),
    ]
    assert _injured(stated).value["best"] == 5


def test_a_victim_reported_wounded_then_dead_is_not_also_injured() -> None:
    # figure.wounded_then_died/v1: Tuesday "a teen was shot", Wednesday "the teen has died": one victim.
    wounded = FigureKind.INJURED
    claims = [
        sourced(1, 1, "Paper", TUE, exact(1, kind=wounded, quote="A teen was shot near the park")),
        sourced(2, 2, "Radio", WED, exact(1, quote="The teen shot near the park has died")),
    ]
    decision = _injured(claims)
    assert decision.value == {"low": 0, "best": 0, "high": 1}
    assert decision.rule == "figure.wounded_then_died/v1"
    assert decision.superseded == (1,) and decision.supporting == (2,)


def test_a_wounded_victim_beside_the_dead_one_stays_injured() -> None:
    wounded = FigureKind.INJURED
    # The report that tells of the death also tells of the wounded: two victims.
    beside = [
        sourced(1, 1, "Paper", TUE, exact(1, quote="A man was killed and his brother wounded")),
        sourced(2, 1, "Paper", TUE, exact(1, kind=wounded, quote="A man was killed and his brother wounded")),
    ]
    assert _injured(beside).value["best"] == 1
    # A wounded victim first told of after the death is someone else.
    after = [
        sourced(1, 1, "Paper", TUE, exact(1, quote="A man was killed outside a bar")),
        sourced(2, 2, "Radio", WED, exact(1, kind=wounded, quote="A woman hurt outside the bar is recovering")),
    ]
    assert _injured(after).value["best"] == 1
    # A stated count of the wounded is not one victim.
    counted = [
        sourced(1, 1, "Paper", TUE, exact(2, kind=wounded, quote="Two people were shot near the park")),
        sourced(2, 2, "Radio", WED, exact(1, quote="One of the two shot near the park has died")),
    ]
    assert _injured(counted).value["best"] == 2


WIRE_SENTENCE = "At least 80 people were killed when the market was shelled on Monday, officials said."


def _wire_story_reprinted(reprints: int) -> list[SourcedClaim]:
    """Tolls near 10, and one wire sentence with 80 printed by `reprints` more outlets word for word."""
    claims = [
        sourced(1, 1, "A", MON, exact(10)),
        sourced(2, 2, "B", TUE, exact(12)),
        sourced(3, 3, "C", TUE, exact(11)),
        sourced(4, 4, "Wire", WED, exact(80, quote=WIRE_SENTENCE)),
    ]
    for number in range(reprints):
        # Case and punctuation change in reprints; the words do not.
        claims.append(sourced(5 + number, 5 + number, f"Reprint {number}", THU, exact(80, quote=WIRE_SENTENCE.upper())))
    return claims


def test_a_wire_story_reprinted_word_for_word_counts_once() -> None:
    decision = killed(_wire_story_reprinted(reprints=3))
    assert decision.value == {"low": 10, "best": 12, "high": 12}  # the 80 stays an outlier of one origin
    assert decision.note is not None and "figure.echo_by_wording/v1" in decision.note
    assert "5 of 4" in decision.note  # each reprint names the claim it repeats


def test_the_same_figure_in_other_words_is_independent_support() -> None:
    claims = _wire_story_reprinted(reprints=0)
    claims.append(
        sourced(9, 9, "Other outlet", THU, exact(80, quote="The market attack left 80 people dead, a doctor said."))
    )
    assert killed(claims).value == {"low": 10, "best": 80, "high": 80}


def test_short_quotes_alike_are_not_echoes() -> None:
    # "Two killed in shooting" is written independently every day: too short to be a copy.
    claims = [
        sourced(1, 1, "A", MON, exact(2, quote="Two killed in shooting")),
        sourced(2, 2, "B", MON, exact(2, quote="two killed in shooting")),
    ]
    assert "echo" not in (killed(claims).note or "")


def typed(
    claim_id: int, report_id: int, source: str, source_type: str, day: dt.date, claim: FigureClaim
) -> SourcedClaim:
    return replace(sourced(claim_id, report_id, source, day, claim), source_type=source_type)


def test_an_outlier_backed_by_two_parties_to_the_conflict_still_needs_support() -> None:
    base = _tolls_with_a_far_figure(extra_origin=False)[:3]
    two_parties = [
        *base,
        typed(4, 4, "State TV", "state_media", WED, exact(80)),
        typed(5, 5, "Rebel channel", "party", WED, exact(80)),
    ]
    assert killed(two_parties).value == {"low": 10, "best": 12, "high": 12}
    party_and_wire = [
        *base,
        typed(4, 4, "State TV", "state_media", WED, exact(80)),
        typed(5, 5, "Wire", "wire", WED, exact(80)),
    ]
    assert killed(party_and_wire).value == {"low": 10, "best": 80, "high": 80}


def test_a_learned_reliability_outweighs_the_prior_of_the_type() -> None:
    base = _tolls_with_a_far_figure(extra_origin=False)[:3]
    trusted = [
        *base,
        replace(typed(4, 4, "State TV", "state_media", WED, exact(80)), reliability=0.9),
        replace(typed(5, 5, "Rebel channel", "party", WED, exact(80)), reliability=0.9),
    ]
    assert killed(trusted).value == {"low": 10, "best": 80, "high": 80}


def test_a_partys_count_of_its_enemys_dead_sets_no_floor_on_its_own_word() -> None:
    claims = [
        sourced(1, 1, "Local", TUE, at_least(5)),
        typed(2, 2, "State TV", "state_media", TUE, exact(12, subgroup="militants")),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 5, "best": 5, "high": None}
    assert decision.note is not None and "figure.party_account/v1" in decision.note
    # Stated by an outlet that is not a party, the same count is a floor again.
    confirmed = [*claims, sourced(3, 3, "Wire", WED, exact(12, subgroup="militants"))]
    assert killed(confirmed).value == {"low": 12, "best": 12, "high": None}


def test_a_partys_count_of_its_own_losses_is_a_floor_not_a_cap() -> None:
    claims = [
        typed(1, 1, "State TV", "state_media", TUE, exact(3, subgroup="security forces")),
        sourced(2, 2, "Wire", WED, exact(7)),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 7, "best": 7, "high": 7}
    assert 1 in decision.supporting  # three of the seven: no conflict
    assert decision.note is not None and "own losses" in decision.note
