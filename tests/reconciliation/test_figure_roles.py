"""Figure rules that weigh a claim by its role: a report's lead, a figure in passing, a rising toll, a
period or area total."""

from __future__ import annotations

from service.domain import FieldDecision, SourcedClaim
from service.extraction import extract
from service.reconciliation import Policy, reconcile

from .builders import MON, THU, TUE, WED, at_least, exact, sourced


def killed(claims: list[SourcedClaim], policy: Policy = Policy.BEST) -> FieldDecision:
    return reconcile(claims, policy)["killed"]


def test_the_headline_figure_speaks_for_the_report() -> None:
    claims = [
        sourced(1, 1, "Local TV", TUE, exact(3, quote="3 killed in drive-by shooting", at=0)),
        # Further down: one victim named, then a photo caption's count.
        sourced(2, 1, "Local TV", TUE, exact(1, quote="A 27-year-old woman was pronounced dead.", at=150)),
        sourced(3, 1, "Local TV", TUE, exact(14, quote="Image 7 of 14: the scene", at=900)),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 3, "best": 3, "high": 3}
    assert decision.supporting == (1,)
    # Figures in passing stay in the provenance, as disagreeing evidence, and never lead.
    assert decision.conflicting == (2, 3)
    assert decision.note is not None and "in passing" in decision.note


def test_the_lead_is_chosen_by_reading_order_not_by_claim_order() -> None:
    claims = [
        sourced(1, 1, "Local TV", TUE, exact(9, quote="The city has seen 9 deaths.", at=800)),
        sourced(2, 1, "Local TV", TUE, exact(2, quote="Two dead in shooting", at=0)),
    ]
    assert killed(claims).value == {"low": 2, "best": 2, "high": 2}


def test_an_explicit_update_leads_its_report_wherever_it_stands() -> None:
    claims = [
        sourced(1, 1, "Wire", WED, exact(5, quote="Five were killed on Monday", at=0)),
        sourced(2, 1, "Wire", WED, exact(7, quote="The toll rose to 7", at=300, is_update=True)),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 7, "best": 7, "high": 7}
    assert decision.superseded == (1,)


def test_a_later_lower_figure_from_another_outlet_does_not_lower_the_toll() -> None:
    claims = [
        sourced(1, 1, "Outlet A", MON, exact(4)),
        # The next day another outlet names one of the victims: a partial account, not a correction.
        sourced(2, 2, "Outlet B", TUE, exact(1)),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 1, "best": 4, "high": 4}
    assert decision.rule == "figure.rising_credible/v1"
    assert decision.conflicting == (2,)


def test_a_later_higher_figure_raises_the_toll() -> None:
    claims = [sourced(1, 1, "Outlet A", MON, exact(2)), sourced(2, 2, "Outlet B", TUE, exact(3))]
    assert killed(claims).value == {"low": 2, "best": 3, "high": 3}


def test_an_explicit_update_from_another_outlet_may_lower_the_toll() -> None:
    claims = [
        sourced(1, 1, "Outlet A", MON, exact(6)),
        sourced(2, 2, "Outlet B", TUE, exact(5, is_update=True)),  # "police revised the toll to 5"
    ]
    assert killed(claims).value == {"low": 5, "best": 5, "high": 6}


def test_a_later_lower_bound_never_lowers_the_toll() -> None:
    claims = [sourced(1, 1, "Outlet A", MON, exact(6)), sourced(2, 2, "Outlet B", TUE, at_least(2))]
    assert killed(claims).value == {"low": 2, "best": 6, "high": 6}


def test_a_subgroup_named_after_the_reports_toll_sets_no_floor() -> None:
    claims = [
        sourced(1, 1, "Local", TUE, exact(5, quote="Teen used a rifle to kill five", at=0)),
        sourced(
            2,
            1,
            "Local",
            TUE,
            exact(20, subgroup="children", quote="A month after a gunman killed 20 children elsewhere", at=1200),
        ),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 5, "best": 5, "high": 5}
    assert decision.note is not None and "subgroup floor" not in decision.note


def test_a_subgroup_stated_with_the_toll_still_sets_a_floor() -> None:
    sentence = "Three soldiers and two civilians were killed, police said, and one more died later"
    claims = [
        sourced(1, 1, "Local", TUE, exact(4, quote=sentence, at=0)),
        sourced(2, 1, "Local", TUE, exact(3, subgroup="soldiers", quote=sentence, at=0)),
        sourced(3, 1, "Local", TUE, exact(2, subgroup="civilians", quote=sentence, at=0)),
    ]
    assert killed(claims).value == {"low": 5, "best": 5, "high": 5}


ROUND_UP = "47 persons were killed yesterday including 4 members of the regime forces and 11 civilians"


def test_a_headline_singling_out_one_victim_gives_way_to_the_opening_toll() -> None:
    headline = "Police name woman killed in double shooting"
    claims = [
        sourced(1, 1, "Local TV", TUE, exact(1, quote=headline, at=0)),
        sourced(2, 1, "Local TV", TUE, exact(2, quote="Two people died after a gunman opened fire on Friday", at=60)),
    ]
    assert killed(claims).value == {"low": 2, "best": 2, "high": 2}
    # A one written as a number is a count the headline states.
    counted = [
        sourced(1, 1, "Local TV", TUE, exact(1, quote="1 dead, 3 wounded in shooting", at=0)),
        sourced(2, 1, "Local TV", TUE, exact(4, quote="A man shot four people on Friday", at=40)),
    ]
    assert killed(counted).value == {"low": 1, "best": 1, "high": 1}


def test_a_daily_round_up_never_stands_for_the_event() -> None:
    claims = [
        sourced(1, 1, "Monitor", TUE, exact(6, quote="Aerial bombardment kills 6 in Kafr Nabl")),
        sourced(2, 2, "Monitor", WED, exact(47, quote=ROUND_UP)),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 6, "best": 6, "high": 6}
    # A total over many events bounds this one above: it supports the 6 rather than contradicting it.
    assert decision.supporting == (1, 2)
    assert decision.note is not None and "figure.aggregate_toll/v4" in decision.note


def test_a_round_up_is_kept_when_it_is_the_only_number() -> None:
    claims = [sourced(1, 1, "Monitor", WED, exact(47, quote=ROUND_UP))]
    decision = killed(claims)
    assert decision.value == {"low": 47, "best": 47, "high": 47}


def test_the_parts_of_a_round_up_are_set_aside_with_it() -> None:
    claims = [
        sourced(1, 1, "Monitor", TUE, exact(6, subgroup="civilians", quote="Warplanes kill 6 civilians in Kafr Nabl")),
        sourced(2, 2, "Monitor", WED, exact(47, quote=ROUND_UP)),
        # "... and 11 civilians": the day's civilians across the country, not a later count of these six.
        sourced(3, 2, "Monitor", WED, exact(11, subgroup="civilians", quote=ROUND_UP)),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 6, "best": 6, "high": None}
    assert decision.superseded == ()


def test_when_only_totals_over_many_events_are_stated_the_tightest_stands_in() -> None:
    # Each total counts this event and others, so each bounds it above; the smallest bounds it best.
    claims = [
        sourced(1, 1, "Monitor", WED, exact(47, quote=ROUND_UP)),
        sourced(2, 1, "Monitor", WED, exact(11, subgroup="civilians", quote=ROUND_UP)),
        sourced(3, 2, "Monitor", THU, exact(130, quote="130 were killed since the start of the week")),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 11, "best": 11, "high": None}
    assert decision.note is not None and "figure.tightest_aggregate/v1" in decision.note


def test_an_update_after_the_attacks_own_count_is_a_running_total() -> None:
    sentence = "An air strike kills 9 people in the market, raising the death toll of the offensive to 140"
    claims = [
        sourced(1, 1, "Monitor", TUE, exact(9, quote=sentence)),
        sourced(2, 1, "Monitor", TUE, exact(140, quote=sentence, is_update=True)),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 9, "best": 9, "high": 9}


def test_a_far_larger_update_further_on_is_a_running_total() -> None:
    # Read from two sentences of one report: the strike's own count, then the campaign's running toll.
    claims = [
        sourced(1, 1, "Monitor", TUE, exact(12, subgroup="children", quote="the strike killed 12 children", at=20)),
        sourced(2, 1, "Monitor", TUE, exact(640, quote="raising the death toll to 640", at=140, is_update=True)),
    ]
    assert killed(claims).value == {"low": 12, "best": 12, "high": None}
    # Two more deaths raising a toll of 3 to 5 is the event's own toll rising.
    rising = [
        sourced(1, 1, "Wire", TUE, exact(3, quote="Three people were killed in the blast", at=0)),
        sourced(2, 1, "Wire", TUE, exact(5, quote="raising the death toll to 5", at=120, is_update=True)),
    ]
    assert killed(rising).value == {"low": 5, "best": 5, "high": 5}


def test_a_second_update_in_turn_is_a_running_total() -> None:
    sentence = "The market bombing's toll rises to 12, raising in turn the day's death toll across the province to 30"
    claims = [
        sourced(1, 1, "Monitor", TUE, exact(12, quote=sentence, is_update=True)),
        sourced(2, 1, "Monitor", TUE, exact(30, quote=sentence, is_update=True)),
    ]
    assert killed(claims).value == {"low": 12, "best": 12, "high": 12}


def test_a_revision_from_an_old_figure_is_not_a_running_total() -> None:
    sentence = "The toll from the bombing rose from 5 to 7 overnight"
    claims = [
        sourced(1, 1, "Wire", WED, exact(5, quote=sentence)),
        sourced(2, 1, "Wire", WED, exact(7, quote=sentence, is_update=True)),
    ]
    assert killed(claims).value == {"low": 7, "best": 7, "high": 7}


def test_an_update_of_the_events_own_toll_still_leads() -> None:
    claims = [
        sourced(1, 1, "Wire", TUE, exact(5, quote="Five people were killed in the bombing")),
        sourced(2, 2, "Agency", WED, exact(7, quote="The toll from the bombing rose to 7", is_update=True)),
    ]
    assert killed(claims).value == {"low": 5, "best": 7, "high": 7}


def test_a_running_total_gives_way_to_the_attacks_own_toll() -> None:
    sentence = "Shelling kills 14 citizens and raises to 225, the number of people killed since the offensive"
    claims = [
        sourced(1, 1, "Monitor", TUE, exact(225, quote=sentence)),
        sourced(2, 1, "Monitor", TUE, exact(14, quote=sentence)),
        sourced(3, 2, "Wire", THU, exact(14)),
    ]
    decision = killed(claims)
    assert decision.value == {"low": 14, "best": 14, "high": 14}
    assert 1 in decision.supporting


COMBINED = "Warplanes kill and wound 12 people in the village"


def test_a_combined_count_of_dead_and_wounded_is_no_candidate_for_the_toll() -> None:
    claims = [
        sourced(1, 1, "Monitor", TUE, exact(12, quote=COMBINED, bound_only=True)),
        sourced(2, 2, "Wire", TUE, exact(4, quote="Air strike kills 4 in the village")),
    ]
    decision = killed(claims)
    # Taken as a count, the 12 would lead as the later, higher figure; as a bound it only caps the 4.
    assert decision.value == {"low": 4, "best": 4, "high": 4}
    assert decision.supporting == (1, 2)
    assert decision.note is not None and "figure.combined_count_bound/v1" in decision.note


def test_a_combined_count_beyond_the_toll_disagrees_with_it() -> None:
    claims = [
        sourced(1, 1, "Monitor", TUE, exact(3, quote="3 killed and injured in the shelling", bound_only=True)),
        sourced(2, 2, "Wire", WED, exact(5, quote="Shelling kills 5 in the village")),
    ]
    decision = killed(claims)
    assert decision.value is not None and decision.value["best"] == 5
    assert decision.conflicting == (1,)


def test_when_only_a_combined_count_is_stated_it_stands_in() -> None:
    decision = killed([sourced(1, 1, "Monitor", TUE, exact(12, quote=COMBINED, bound_only=True))])
    # Better than no figure at all: the dead are at most 12, and the count is all that was said.
    assert decision.value == {"low": 12, "best": 12, "high": 12}
    assert decision.note is not None and "figure.combined_count_bound/v1" in decision.note


def test_the_tightest_of_a_combined_count_and_a_round_up_stands_in() -> None:
    claims = [
        sourced(1, 1, "Monitor", TUE, exact(12, quote=COMBINED, bound_only=True)),
        sourced(2, 2, "Monitor", WED, exact(47, quote=ROUND_UP)),
    ]
    assert killed(claims).value == {"low": 12, "best": 12, "high": 12}


def test_a_combined_count_open_above_bounds_nothing_and_never_stands_in() -> None:
    claim = at_least(8, quote="At least 8 children were wounded or killed this year", bound_only=True)
    decision = killed([sourced(1, 1, "Daily", TUE, claim)])
    # As if nothing were stated: 0 by convention, open above, and the claim kept as evidence.
    assert decision.value == {"low": 0, "best": 0, "high": None}
    assert decision.rule == "figure.none_reported/v1"
    assert decision.supporting == (1,)


def extracted(report_id: int, text: str, first_id: int) -> list[SourcedClaim]:
    figures = [f for f in extract(text, None).figures if f.event_ref == 0]
    return [sourced(first_id + i, report_id, "Monitor", WED, f) for i, f in enumerate(figures)]


def test_a_round_ups_listed_parts_stand_in_for_the_event_when_nothing_else_is_stated() -> None:
    # The extractor reads the day's total and its parts; the parts are set aside with the round-up, and
    # the smallest stated count, the one likeliest to be this event's own, stands in.
    text = "58 were killed yesterday including 6 members of the regime forces and 21 other civilians"
    decision = killed(extracted(1, text, 1))
    assert decision.value == {"low": 6, "best": 6, "high": None}
    assert decision.note is not None and "figure.tightest_aggregate/v1" in decision.note


def test_a_round_ups_parts_do_not_displace_the_events_own_count() -> None:
    claims = [
        sourced(1, 1, "Monitor", TUE, exact(9, quote="Shelling kills 9 people in the market of the town")),
        *extracted(2, "58 were killed yesterday including 6 members of the regime forces and 21 other civilians", 2),
    ]
    assert killed(claims).value == {"low": 9, "best": 9, "high": 9}
