"""Figure rules (killed, injured, missing, kidnapped, arrested): claimed intervals in, {low, best, high} out.

Each stage is a small function so a decision can be explained stage by stage:

0. `set_aside_aggregates`: a period or area total ("47 were killed yesterday across Syria") is never one
   event's toll (scope.py judges that from the words after the number).
1. `report_leads`: a report speaks for one total, its headline figure; totals met in passing further down
   (an earlier shooting, a photo caption's "image 7 of 14", one victim named) do not speak for the event.
2. `supersede_own_figures`: a source's latest report replaces its own earlier figures; a later story about
   one victim ("a girl wounded in the shooting has gone home") is not a recount and replaces nothing.
3. `subgroup_floor`: a subgroup count, or a sum of disjoint subgroups from one report, bounds the total below;
   `subgroups_in_passing` leaves out groups a report names after it has stated its toll.
4. `unsupported_outliers`: a figure far from the rest needs independent support before it counts;
   `subgroups_above_every_total`: so does a subgroup count far above every credible total.
5. `rising_credible`: tolls rise as bodies are found, so a later, higher credible figure leads the estimate;
   a later, lower figure from another outlet is a partial account, not a correction.
   `wounded_apart_from_dead`: an injured figure that counts everyone shot gives way to a stated count of
   the wounded that leaves the event's dead out.
6. `pick_best`: the policy chooses which end of the interval is published as `best`.

Support is counted by *origin* (the quoted source if any, else the outlet), so a figure relayed from one
authority by many outlets is one piece of evidence, not many; `mark_echoes` gives a claim that repeats an
earlier outlet's wording word for word (a wire story reprinted) that outlet's origin (RULE_ECHO). Each origin
weighs what its source is worth (`Evidence.weight`: learned reliability, else a prior by source type), and
`adversary_losses` sets aside a party's count of its enemy's dead until someone else states it
(RULE_PARTY_ACCOUNT).
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from service.domain import FieldDecision, FigureClaim, FigureKind, Qualifier
from service.reconciliation.evidence import ChronoKey, Evidence, ids, iso, normalise
from service.reconciliation.policy import Policy
from service.reconciliation.reliability import UNKNOWN_TYPE_PRIOR
from service.reconciliation.scope import RULE_AGGREGATE, breaks_down, is_aggregate, number_at, written_after

Figure = Evidence[FigureClaim]

# A figure is an outlier when it is both RATIO times and GAP away from the median of the other origins;
# the gap keeps small tolls (1 against 4) from counting as outliers.
OUTLIER_RATIO = 3.0
OUTLIER_MIN_GAP = 5
# With fewer other origins than this there is no "rest" to be far from.
OUTLIER_MIN_OTHERS = 2
# The support an outlier needs before it may lead: the summed weight of two independent origins of
# unknown standing. Two wires suffice, one does not; nor do two parties to the conflict.
OUTLIER_MIN_SUPPORT = 2 * UNKNOWN_TYPE_PRIOR - 1e-9
# A claim repeats another's wording when their quotes share at least this many words, in order, and no
# other: short phrasings ("two killed in shooting") are written independently every day.
ECHO_MIN_WORDS = 8
# Sources that are a party to the conflict they report on, and the subgroups (normalised labels) that are
# their enemy's and their own.
PARTY_SOURCE_TYPES = ("state_media", "party")
ADVERSARY_SUBGROUPS = ("militants", "perpetrators")
OWN_SIDE_SUBGROUPS = ("security forces",)

# Labels that name a part of another label; summing "civilians" and "children" would count children twice.
NESTED_SUBGROUPS: Mapping[str, str] = {
    "children": "civilians",
    "minors": "civilians",
    "women": "civilians",
    "students": "civilians",
    "police": "security forces",
    "police officers": "security forces",
    "officers": "security forces",
    "soldiers": "security forces",
}

RULE_BY_POLICY: Mapping[Policy, str] = {
    Policy.BEST: "figure.rising_credible/v1",
    Policy.CONSERVATIVE: "figure.most_conservative_credible/v2",
    Policy.HIGH: "figure.highest_credible/v2",
}
RULE_SUBGROUP_FLOOR = "figure.subgroup_floor/v1"
RULE_VAGUE_FLOOR = "figure.vague_floor/v1"
RULE_TIGHTEST_AGGREGATE = "figure.tightest_aggregate/v1"
RULE_STATED_NUMBER = "figure.stated_number/v1"
RULE_PRECISE_OVER_APPROXIMATE = "figure.precise_over_approximate/v1"
RULE_SAME_DAY_UPDATE = "figure.same_day_update/v1"
RULE_SINGLED_OUT_VICTIM = "figure.singled_out_victim/v1"
RULE_SHOT_INCLUDES_DEAD = "figure.shot_includes_dead/v1"
RULE_WOUNDED_THEN_DIED = "figure.wounded_then_died/v1"
RULE_COMBINED_BOUND = "figure.combined_count_bound/v1"
RULE_NONE_REPORTED = "figure.none_reported/v1"
RULE_ECHO = "figure.echo_by_wording/v1"
RULE_PARTY_ACCOUNT = "figure.party_account/v1"
# Qualifiers whose number is a count the source made, not a rounding or a band.
STATED_COUNTS = (Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.MORE_THAN)


def origin(item: Figure) -> str:
    """Who the figure really comes from: the outlet whose words it repeats, else the quoted source if the
    outlet relays one, else the outlet."""
    return item.echo_origin or normalise(item.claim.quoted_source or item.sourced.source)


_WORD = re.compile(r"[^\W_]+")


def wording(claim: FigureClaim) -> str | None:
    """The quote's words, case and punctuation aside; None when too short to tell a copy from a coincidence."""
    words = _WORD.findall(claim.span.quote.casefold())
    return " ".join(words) if len(words) >= ECHO_MIN_WORDS else None


def mark_echoes(items: Sequence[Figure]) -> list[Figure]:
    """`items`, each claim that repeats the wording of an earlier claim from another outlet marked as its echo.

    A wire story reprinted by ten outlets, or one press release copied, is one account: its figure must not
    gain support by being printed again (RULE_ECHO). The earliest claim with the wording is the original.
    """
    first: dict[str, Figure] = {}
    echoes: dict[int, Figure] = {}
    for item in sorted(items, key=lambda item: item.when):
        key = wording(item.claim)
        if key is None:
            continue
        original = first.setdefault(key, item)
        if original.source != item.source:
            echoes[item.claim_id] = replace(item, echo_of=original.claim_id, echo_origin=origin(original))
    return [echoes.get(item.claim_id, item) for item in items]


def is_party_account(item: Figure) -> bool:
    """A figure told by a party to the conflict: state media, or a group's own channel."""
    return item.sourced.source_type in PARTY_SOURCE_TYPES


def is_vague(claim: FigureClaim) -> bool:
    """'several', 'dozens': a conventional floor, never a stated number."""
    return claim.qualifier == Qualifier.VAGUE


def is_open(claim: FigureClaim) -> bool:
    """True when the claim bounds the figure only from below."""
    return claim.high is None or is_vague(claim)


def floor_of(claim: FigureClaim) -> int:
    """The smallest figure the source stands behind.

    "Up to 10" is reported as the figure 10; taking its interval low (0) would let a hedge erase a toll.
    "More than 60" is coded as 60 (RULE_STATED_NUMBER), as ACLED and UCDP code the stated number: the source
    counted 60 and hedges that more may follow, it did not count 61.
    """
    if claim.qualifier == Qualifier.AT_MOST and claim.high is not None:
        return claim.high
    if claim.qualifier == Qualifier.MORE_THAN and claim.low > 0:
        return claim.low - 1
    return claim.low


def admits(claim: FigureClaim, value: int | None) -> bool:
    """Whether the claim is consistent with `value` as the total."""
    if value is None:
        return True
    if claim.subgroup is not None or is_open(claim):
        # A subgroup or a lower bound never caps the total.
        return claim.low <= value
    assert claim.high is not None  # closed, see is_open
    return claim.low <= value <= claim.high


def singles_out_one(claim: FigureClaim) -> bool:
    """'A boy was shot', 'the victim died': one person described, no count written (RULE_SINGLED_OUT_VICTIM).

    Such a figure is read from a story about a victim, not from a count of the victims: a follow-up about
    one of them says nothing about how many there were.
    """
    return (
        claim.subgroup is None
        and claim.qualifier in (Qualifier.EXACT, Qualifier.AT_LEAST)
        and claim.low == 1
        and number_at(claim) is None
    )


def _subgroup_key(claim: FigureClaim) -> str | None:
    return normalise(claim.subgroup) if claim.subgroup is not None else None


def _strength(item: Figure) -> tuple[bool, int, ChronoKey]:
    # Within one report an explicit update ("rose to 7") beats the figure it updates; then the larger.
    return (item.claim.is_update, item.claim.best, item.when)


def _position(item: Figure) -> tuple[int, int]:
    """Where in its report the claim was read; the id keeps claims read at one spot in extraction order."""
    return (item.claim.span.start, item.claim_id)


def _is_precise_total(item: Figure) -> bool:
    return item.claim.subgroup is None and not is_vague(item.claim)


@dataclass(frozen=True, slots=True)
class ReportLeads:
    """Each report's figures sorted by the part they play in it."""

    kept: list[Figure]  # the lead total of each report, and every subgroup count and vague word
    updated: list[Figure]  # totals the report's own update replaces ("rose to 7 from 5")
    in_passing: list[Figure]  # other totals further down the report


# How far into a report its opening runs: the headline and the first sentence or two.
OPENING_CHARS = 300


def _opening_total(report_totals: Sequence[Figure]) -> Figure:
    """The first total in reading order, unless it is a single victim and the opening states more.

    "Police identify man killed in double shooting" then "Two people are dead after ...": the headline's
    one, read from a singular with no number written, is the victim it singles out; the opening sentence
    states the toll.
    """
    first = min(report_totals, key=_position)
    singled_out = (
        first.claim.qualifier == Qualifier.EXACT
        and first.claim.best == 1
        and first.claim.span.start < OPENING_CHARS
        # "1 dead, 3 wounded" states a count; "man killed" names a victim.
        and number_at(first.claim) is None
    )
    if not singled_out:
        return first
    opening = [
        item
        for item in report_totals
        if item.claim.span.start < OPENING_CHARS and item.claim.qualifier == Qualifier.EXACT and item.claim.best > 1
    ]
    return min(opening, key=_position) if opening else first


def report_leads(items: Sequence[Figure]) -> ReportLeads:
    """Reduce each report's precise totals to its lead figure.

    A news report states its toll in the headline or the first lines; totals further down are usually about
    something else (an earlier shooting, a city's yearly count, a photo gallery's "image 7 of 14") or about
    part of the event (one victim named). So the lead is the report's explicit update if it has one ("the
    toll rose to 7"), else its first total in reading order. Subgroups and vague words are kept: later
    stages weigh them as bounds.
    """
    totals: dict[int, list[Figure]] = defaultdict(list)
    leads = ReportLeads([], [], [])
    for item in items:
        (totals[item.report_id] if _is_precise_total(item) else leads.kept).append(item)
    for report_totals in totals.values():
        updates = [item for item in report_totals if item.claim.is_update]
        lead = max(updates, key=_strength) if updates else _opening_total(report_totals)
        leads.kept.append(lead)
        others = [item for item in report_totals if item is not lead]
        (leads.updated if updates else leads.in_passing).extend(others)
    return leads


# "rose from 5 to 7": the earlier count is the old figure, not a part of the new one.
_REVISED_FROM = re.compile(r"^[\s\w]{0,15}\bto\s*$")


def _adds_to(update: Figure, count: Figure) -> bool:
    """Whether `update` is written after the smaller `count` as the total it adds to: in the count's own
    sentence, or further on in the report when it is far larger (a toll three times the attack's own)."""
    if update.report_id != count.report_id or count.claim.best >= update.claim.best:
        return False
    between = written_after(update.claim, count.claim)
    if between is not None:
        return not _REVISED_FROM.search(between)
    at, count_at = number_at(update.claim), number_at(count.claim)
    return at is not None and count_at is not None and count_at < at and _far(update.claim.best, count.claim.best)


def running_totals(items: Sequence[Figure]) -> set[int]:
    """Claim ids of updates that carry the event's own count into a larger running total.

    "Shelling kills 11 people, raising the toll to 62": the sentence states this attack's count first, then
    the total it adds to (of the day, the offensive, the city). The update is the larger count over many
    events; the count read before it in the same sentence is this event's toll. The same holds for a second
    update after a first ("raises to 41 the massacre's toll, raising in turn the day's toll to 53"), but not
    for a revision ("rose from 5 to 7").
    """
    counts = [item for item in items if not is_vague(item.claim)]
    return {
        update.claim_id
        for update in items
        if update.claim.is_update and any(_adds_to(update, count) for count in counts if count is not update)
    }


def set_aside_aggregates(items: Sequence[Figure]) -> tuple[list[Figure], list[Figure], Figure | None]:
    """Split into (specific, aggregates, stand-in): period and area totals never stand for one event's toll.

    Aggregates are the period and area totals scope.py recognises and the running totals an event's own
    count is added to; a number written after an aggregate in its sentence breaks it down or extends it
    ("including 40 soldiers", "out of 470"), so it is part of the aggregate, not a toll of its own.

    When the event's only stated numbers are aggregates, the figure is not silently dropped: every aggregate
    counts this event and others, so each bounds it above, and the smallest one, the tightest bound, is kept
    to stand for it (RULE_TIGHTEST_AGGREGATE); a part of a round-up ("including 11 civilians") is often the
    event itself.

    A combined count of the dead and the wounded ("10 casualties and injuries", claims the extractor marks
    bound-only) is set aside the same way (RULE_COMBINED_BOUND): the dead are at most that many, so it bounds
    the toll above, is never a candidate for it, and stands in only when nothing else is stated and it is
    closed ("at least 8 killed or wounded" bounds nothing).
    """
    running = running_totals(items)
    totals = [item for item in items if item.claim.bound_only or is_aggregate(item.claim) or item.claim_id in running]
    parts = [
        item
        for item in items
        if any(item.report_id == total.report_id and breaks_down(item.claim, total.claim) for total in totals)
    ]
    aside = {item.claim_id for item in (*totals, *parts)}
    aggregates = [item for item in items if item.claim_id in aside]
    specific = [item for item in items if item.claim_id not in aside]
    # "At least 8 killed or wounded" is open above: it bounds nothing, so it never stands in.
    stated = [
        item for item in aggregates if not (is_vague(item.claim) or (item.claim.bound_only and is_open(item.claim)))
    ]
    if not stated or any(not is_vague(item.claim) for item in specific):
        return specific, aggregates, None
    tightest = min(stated, key=lambda item: (item.claim.best, item.when))
    aggregates.remove(tightest)
    return [*specific, tightest], aggregates, tightest


def _latest_word(pool: Sequence[Figure]) -> Figure:
    """A source's latest figure, `pool` in time order (RULE_SAME_DAY_UPDATE).

    Publication dates are days: the order of one source's reports within a day is not known, so on the
    latest day an explicit update ("raise to 53 the number of victims") is the latest word over a plain
    figure of that day ("26 killed by bombardment"), which may have been written before it, unless that
    figure is higher.
    """
    latest = pool[-1]
    updates = [item for item in pool if item.when[0] == latest.when[0] and item.claim.is_update]
    if not updates or floor_of(latest.claim) > floor_of(updates[-1].claim):
        # Tolls rise: a higher figure later that day is news even without the word "update".
        return latest
    return updates[-1]


def _without_follow_ups(pool: Sequence[Figure]) -> list[Figure]:
    """`pool` without victim stories published after the day of its latest count (RULE_SINGLED_OUT_VICTIM).

    "Four people were shot" then, days later, "a girl wounded in the shooting has gone home": the follow-up
    is about one victim, not a recount, so it does not replace the source's own count. Within a day the
    order of a source's reports is not known, and the same-day rule decides.
    """
    counted_on = [item.when[0] for item in pool if not singles_out_one(item.claim)]
    if not counted_on:
        return list(pool)
    last_count = max(counted_on)
    return [item for item in pool if not (singles_out_one(item.claim) and item.when[0] > last_count)]


def supersede_own_figures(items: Sequence[Figure]) -> tuple[list[Figure], list[Figure]]:
    """Split into (active, superseded): a source's later figure replaces its own earlier one.

    Keyed by (source, subgroup), so a source's subgroup count never replaces its total. Within the latest
    report, one claim per origin is kept (two authorities quoted side by side are both evidence). A vague
    word never replaces a number: "several killed" after "7 killed" adds nothing to the count.
    """
    groups: dict[tuple[str, str | None], list[Figure]] = defaultdict(list)
    for item in items:
        groups[(item.source, _subgroup_key(item.claim))].append(item)
    active: list[Figure] = []
    superseded: list[Figure] = []
    for group in groups.values():
        group.sort(key=lambda item: item.when)
        stated = [item for item in group if not is_vague(item.claim)]
        pool = _without_follow_ups(stated) or group
        latest_report = _latest_word(pool).report_id
        current = [item for item in pool if item.report_id == latest_report]
        # Report-level time: claims of one report are said at once, whatever their ids.
        current_time = current[0].when[:3]
        by_origin: dict[str, list[Figure]] = defaultdict(list)
        for item in current:
            by_origin[origin(item)].append(item)
        for same in by_origin.values():
            keep = max(same, key=_strength)
            active.append(keep)
            superseded.extend(item for item in same if item is not keep)
        for item in group:
            if item in current:
                continue
            # Only what came before the replacing report is replaced, or on its day (see _latest_word); a
            # later vague word stays as evidence.
            replaced = item.when[:3] < current_time or (item in pool and item.when[0] == current_time[0])
            (superseded if replaced else active).append(item)
    return active, superseded


def subgroup_floor(subgroups: Iterable[Figure]) -> tuple[int, tuple[int, ...]]:
    """The largest lower bound on the total implied by subgroup counts, and the claims behind it.

    Any one subgroup count bounds the total. Distinct labels from one report describe disjoint groups
    ("3 soldiers and 2 civilians"), so their sum bounds it too; across reports they may count the same
    people, so they are never added. Vague subgroup words set no floor: a convention must not raise a count.
    """
    best: tuple[int, tuple[int, ...]] = (0, ())
    by_report: dict[int, dict[str, Figure]] = defaultdict(dict)
    for item in subgroups:
        if is_vague(item.claim):
            continue
        best = max(best, (floor_of(item.claim), (item.claim_id,)))
        label = _subgroup_key(item.claim)
        assert label is not None
        held = by_report[item.report_id].get(label)
        if held is None or floor_of(item.claim) > floor_of(held.claim):
            by_report[item.report_id][label] = item
    for labels in by_report.values():
        disjoint = [item for label, item in labels.items() if NESTED_SUBGROUPS.get(label) not in labels]
        if len(disjoint) > 1:
            best = max(best, (sum(floor_of(item.claim) for item in disjoint), ids(disjoint)))
    return best


def subgroups_in_passing(subgroups: Sequence[Figure], leads: Sequence[Figure]) -> set[int]:
    """Claim ids of subgroup counts read after their report's lead total.

    A report that has stated its toll and names a group further down is either breaking that toll down
    (already counted) or recalling something else ("20 children" of another massacre): neither bounds this
    event's total. A subgroup stated with or before the lead, or in a report with no total, does.
    """
    lead_at = {item.report_id: _position(item) for item in leads if _is_precise_total(item)}
    return {
        item.claim_id
        for item in subgroups
        if item.report_id in lead_at and item.claim.span.start > lead_at[item.report_id][0]
    }


def _far(value: float, centre: float) -> bool:
    small, large = sorted((value, centre))
    return large - small >= OUTLIER_MIN_GAP and large >= OUTLIER_RATIO * max(small, 1.0)


def _origin_weights(items: Iterable[Figure]) -> dict[str, float]:
    """Each origin's weight: the most its sources are worth (an echo weighs as its original's outlet)."""
    weights: dict[str, float] = {}
    for item in items:
        key = origin(item)
        weights[key] = max(weights.get(key, 0.0), item.weight)
    return weights


def unsupported_outliers(totals: Sequence[Figure]) -> set[int]:
    """Claim ids of figures far from the rest that lack independent support.

    "The rest" is the median over origins (one figure per origin and value, so an echoed wire figure
    weighs once). Support is the summed weight of the distinct origins stating the same interval: a far
    figure stated independently twice is news, not noise.
    """
    units: dict[tuple[str, int, int | None], int] = {}
    for item in totals:
        units[(origin(item), item.claim.low, item.claim.high)] = item.claim.best
    if len(units) - 1 < OUTLIER_MIN_OTHERS:
        return set()
    weights = _origin_weights(totals)
    centre = statistics.median(units.values())
    support: dict[tuple[int, int | None], float] = defaultdict(float)
    points: dict[tuple[int, int | None], int] = {}
    for (source, low, high), point in units.items():
        support[(low, high)] += weights[source]
        points[(low, high)] = point
    outlying = {
        value for value, weight in support.items() if weight < OUTLIER_MIN_SUPPORT and _far(points[value], centre)
    }
    return {item.claim_id for item in totals if (item.claim.low, item.claim.high) in outlying}


def subgroups_above_every_total(subgroups: Sequence[Figure], credible: Sequence[Figure]) -> set[int]:
    """Claim ids of subgroup counts far above every credible total that lack independent support.

    A part is never larger than the whole: "164 civilians" beside tolls of 10 and 44 counts a wider area or
    a longer period than the event, so on a single origin's word it sets no floor.
    """
    top = max((floor_of(item.claim) if is_open(item.claim) else item.claim.best for item in credible), default=0)
    if top < 2:
        # A toll of one is as often one victim singled out ("a child was among the dead") as the toll.
        return set()
    support: dict[int, set[str]] = defaultdict(set)
    for item in subgroups:
        support[floor_of(item.claim)].add(origin(item))
    weights = _origin_weights(subgroups)
    return {
        item.claim_id
        for item in subgroups
        if (value := floor_of(item.claim)) > top
        and _far(value, top)
        and sum(weights[source] for source in support[value]) < OUTLIER_MIN_SUPPORT
    }


def adversary_losses(subgroups: Sequence[Figure]) -> set[int]:
    """Claim ids of a party's count of its enemy's dead that no one outside the conflict states (RULE_PARTY_ACCOUNT).

    State media announcing "30 terrorists killed", or a group claiming the soldiers it killed, tell of the
    other side's losses, which parties inflate: such a count bounds the toll only once a source that is not a
    party states the same count. A party's count of its own losses ("three security officers killed" in
    state media) stays a floor: parties understate those, so it never caps the total.
    """
    told_by_others = {
        (_subgroup_key(item.claim), floor_of(item.claim)) for item in subgroups if not is_party_account(item)
    }
    return {
        item.claim_id
        for item in subgroups
        if is_party_account(item)
        and _subgroup_key(item.claim) in ADVERSARY_SUBGROUPS
        and (_subgroup_key(item.claim), floor_of(item.claim)) not in told_by_others
    }


def own_side_losses(subgroups: Sequence[Figure]) -> list[Figure]:
    """A party's counts of its own side's dead: floors, never caps (RULE_PARTY_ACCOUNT)."""
    return [item for item in subgroups if is_party_account(item) and _subgroup_key(item.claim) in OWN_SIDE_SUBGROUPS]


def _replaces(item: Figure, estimate: int | None, leader: Figure) -> bool:
    """Whether a figure read after `leader` takes over the running estimate."""
    if estimate is None:
        return True
    value = item.claim.best if not is_open(item.claim) else floor_of(item.claim)
    if value > estimate:
        # Tolls rise: a higher figure (or lower bound) later on is the news.
        return True
    # A lower stated figure corrects the estimate only when its author says so: the same outlet revising
    # its own count, or an explicit update. From anyone else it is a partial account (one victim named,
    # one hospital's count), not a correction.
    said_by_leader = item.source == leader.source and not singles_out_one(item.claim)
    return not is_open(item.claim) and value < estimate and (said_by_leader or item.claim.is_update)


def rising_credible(credible: Sequence[Figure]) -> tuple[int, Figure]:
    """The running estimate after reading the credible figures in time order, and the claim that set it."""
    estimate: int | None = None
    leader = credible[0]
    for item in credible:
        if _replaces(item, estimate, leader):
            estimate = item.claim.best if not is_open(item.claim) else floor_of(item.claim)
            leader = item
    assert estimate is not None  # credible is never empty
    return estimate, leader


def upper_end(credible: Sequence[Figure]) -> int | None:
    """The highest credible figure, or None when the highest figure is itself only a lower bound."""
    closed = [item.claim.high for item in credible if item.claim.high is not None and not is_open(item.claim)]
    if not closed:
        return None
    top = max(closed)
    open_lows = [floor_of(item.claim) for item in credible if is_open(item.claim)]
    return None if open_lows and max(open_lows) > top else top


def pick_best(policy: Policy, low: int, estimate: int, high: int | None, credible: Sequence[Figure]) -> int:
    """The published `best`: same evidence, the policy only chooses the view."""
    if policy == Policy.CONSERVATIVE:
        return low
    if policy == Policy.HIGH:
        return high if high is not None else max(estimate, *(item.claim.best for item in credible))
    return estimate


@dataclass(frozen=True, slots=True)
class Interval:
    """A reconciled figure before provenance: `estimate` is the policy-free central value."""

    low: int
    estimate: int | None
    best: int | None
    high: int | None
    rule: str
    note: str


def precise_within(leader: Figure, credible: Sequence[Figure], floor: int) -> int | None:
    """A precise count inside the band of an approximate leading figure, which is then taken over it.

    "About 20 killed" beside "19 civilians killed" is the same toll rounded: the precise count is what the
    rounding came from. Among several, the largest, since tolls rise.
    """
    claim = leader.claim
    if claim.qualifier != Qualifier.ABOUT or claim.high is None:
        return None
    counts = [item.claim.best for item in credible if item.claim.qualifier == Qualifier.EXACT]
    inside = [value for value in (*counts, floor) if claim.low <= value <= claim.high and value > 0]
    return max(inside) if inside else None


# "5 people shot", "the shooting of four", "sustained gunshot wounds": everyone hit, the dead included.
_EVERYONE_HIT = re.compile(r"\b(?:shot|shooting of|gunshot wounds?)\b", re.IGNORECASE)
_WOUNDED = re.compile(r"\b(?:wounded|wounding|injured|injuring|injuries|hurt)\b", re.IGNORECASE)


def wounded_apart_from_dead(leader: Figure, credible: Sequence[Figure], dead: int) -> Figure | None:
    """A count of the wounded alone, when the leading injured figure counts everyone shot (RULE_SHOT_INCLUDES_DEAD).

    "5 people shot" beside another report's "1 killed, 4 wounded", with one dead in the event: the five are
    everyone hit, the dead among them, and the four are the wounded. Both figures are needed, so a count of
    people shot is never split on the strength of the death toll alone.
    """
    quote = leader.claim.span.quote
    if dead <= 0 or not _EVERYONE_HIT.search(quote) or _WOUNDED.search(quote):
        return None
    apart = leader.claim.best - dead
    return next(
        (
            item
            for item in credible
            if item.claim.qualifier == Qualifier.EXACT
            and item.claim.best == apart > 0
            and not singles_out_one(item.claim)
            and _WOUNDED.search(item.claim.span.quote)
        ),
        None,
    )


def from_stated_figures(
    credible: Sequence[Figure], floor: int, policy: Policy, *, counted_floor: bool, dead: int = 0
) -> Interval:
    """Stated totals exist: low is the most conservative, the rising credible figure leads the estimate.

    `dead` is the event's death toll when the figure is the injured, else 0.
    """
    low = max(min(floor_of(item.claim) for item in credible), floor)
    high = upper_end(credible)
    estimate, leader = rising_credible(credible)
    hit = leader
    wounded = wounded_apart_from_dead(leader, credible, dead)
    if wounded is not None:
        estimate, leader = wounded.claim.best, wounded
    estimate = max(estimate, floor)
    counted = precise_within(leader, credible, floor if counted_floor else 0)
    if counted is not None:
        estimate = counted
    value_key = (leader.claim.low, leader.claim.high)
    origins = {origin(item) for item in credible if (item.claim.low, item.claim.high) == value_key}
    note = (
        f"rising credible figure: claim {leader.claim_id} ({leader.sourced.source}, "
        f"{iso(leader.sourced.published_at)}), {len(origins)} independent origin(s)"
    )
    if leader.claim.qualifier == Qualifier.MORE_THAN:
        note += f", coded as the number stated ({RULE_STATED_NUMBER})"
    if counted is not None:
        note += f"; the count {counted} inside its approximate band is taken over it ({RULE_PRECISE_OVER_APPROXIMATE})"
    if wounded is not None:
        note += f"; claim {hit.claim_id} counts everyone shot, the {dead} dead included ({RULE_SHOT_INCLUDES_DEAD})"
    best = pick_best(policy, low, estimate, high, credible)
    return Interval(low, estimate, best, high, RULE_BY_POLICY[policy], note)


def from_subgroups(floor: int, behind: Sequence[Figure], policy: Policy) -> Interval:
    """Only subgroup counts: the total is at least their floor, and nothing bounds it above.

    The estimate takes an approximate count at its stated value: "about 25 soldiers killed" bounds the
    total below by 23 (the band's low end) but its best estimate is 25.
    """
    stated = sum(
        item.claim.best if item.claim.qualifier == Qualifier.ABOUT else floor_of(item.claim) for item in behind
    )
    estimate = max(floor, stated)
    note = "no total stated: the subgroup counts give a lower bound only"
    best = floor if policy == Policy.CONSERVATIVE else estimate
    return Interval(floor, estimate, best, None, RULE_SUBGROUP_FLOOR, note)


def from_vague_words(active: Sequence[Figure], policy: Policy) -> Interval:
    """Only vague words: `low` keeps the extractor's conventional floor and no best estimate is made up.

    The conservative (ACLED-style) view is the exception: by definition it publishes the floor.
    """
    low = min(item.claim.low for item in active)
    best = low if policy == Policy.CONSERVATIVE else None
    note = "only vague wording: low is the conventional floor, no number was stated"
    return Interval(low, None, best, None, RULE_VAGUE_FLOOR, note)


def _listed(items: Sequence[Figure]) -> str:
    return ", ".join(map(str, ids(items)))


def reconcile_figure(kind: FigureKind, items: Sequence[Figure], policy: Policy, *, dead: int = 0) -> FieldDecision:
    """Reconcile every claim of one figure kind into {low, best, high} with provenance.

    `dead` is the event's reconciled death toll, given when `kind` is the injured.
    """
    items = mark_echoes(items)
    specific, aggregates, stand_in = set_aside_aggregates(items)
    leads = report_leads(specific)
    in_passing = leads.in_passing
    active, superseded = supersede_own_figures(leads.kept)
    superseded += leads.updated
    active.sort(key=lambda item: item.when)
    totals = [item for item in active if item.claim.subgroup is None]
    subgroups = [item for item in active if item.claim.subgroup is not None]
    passing_subgroups = subgroups_in_passing(subgroups, leads.kept)
    precise = [item for item in totals if not is_vague(item.claim)]
    outliers = unsupported_outliers(precise)
    credible = [item for item in precise if item.claim_id not in outliers]
    if not credible:
        # Every figure looks far from every other: there is no "rest", so nothing is an outlier.
        credible, outliers = precise, set()
    outliers |= subgroups_above_every_total(subgroups, credible)
    adversary = adversary_losses(subgroups)
    floor, floor_ids = subgroup_floor(
        item
        for item in subgroups
        if item.claim_id not in passing_subgroups and item.claim_id not in outliers and item.claim_id not in adversary
    )

    if credible:
        # A floor from stated counts is itself a count; "about 950 civilians" gives only a bound.
        counted_floor = all(item.claim.qualifier in STATED_COUNTS for item in subgroups if item.claim_id in floor_ids)
        interval = from_stated_figures(credible, floor, policy, counted_floor=counted_floor, dead=dead)
    elif floor_ids:
        interval = from_subgroups(floor, [item for item in subgroups if item.claim_id in floor_ids], policy)
    elif active:
        interval = from_vague_words(active, policy)
    else:
        # Only bounds that bound nothing ("at least 8 killed or wounded") or vague totals over many events.
        note = "no claim states this event's figure, only bounds and totals set aside; 0 by convention, open above"
        interval = Interval(0, 0, 0, None, RULE_NONE_REPORTED, note)
    low, best, high = interval.low, interval.best, interval.high
    if best is not None:
        best = max(best, low)
        if high is not None:
            high = max(high, best)

    notes = [interval.note]
    if floor_ids:
        notes.append(f"subgroup floor {floor} from claim(s) {', '.join(map(str, floor_ids))}")
    if outliers:
        notes.append(f"outlier(s) without independent support: {', '.join(map(str, sorted(outliers)))}")
    if adversary:
        notes.append(
            f"a party's count of its enemy's dead, told by no one else, sets no floor ({RULE_PARTY_ACCOUNT}): "
            f"{', '.join(map(str, sorted(adversary)))}"
        )
    if own := own_side_losses(subgroups):
        notes.append(f"a party's count of its own losses, a floor only ({RULE_PARTY_ACCOUNT}): {_listed(own)}")
    if echoes := [item for item in items if item.echo_of is not None]:
        notes.append(
            f"echo(es) repeating an earlier outlet's words count once, as their original ({RULE_ECHO}): "
            + ", ".join(f"{item.claim_id} of {item.echo_of}" for item in sorted(echoes, key=lambda i: i.when))
        )
    if superseded:
        notes.append(
            f"{len(superseded)} claim(s) replaced by a later figure of the same source "
            f"(within a day, by its explicit update: {RULE_SAME_DAY_UPDATE})"
        )
    singled_out = [
        item for item in active if singles_out_one(item.claim) and (interval.estimate or 0) > floor_of(item.claim)
    ]
    if singled_out:
        notes.append(
            f"victim(s) singled out without a count, not read as the toll ({RULE_SINGLED_OUT_VICTIM}): "
            f"{_listed(singled_out)}"
        )
    bounds = [item for item in aggregates if item.claim.bound_only]
    if bounds:
        notes.append(f"combined count(s) of dead and wounded, bounds only ({RULE_COMBINED_BOUND}): {_listed(bounds)}")
    if period_totals := [item for item in aggregates if not item.claim.bound_only]:
        notes.append(f"period or area total(s) set aside ({RULE_AGGREGATE}): {_listed(period_totals)}")
    if stand_in is not None and stand_in.claim.bound_only:
        notes.append(
            f"only bounds are stated: the tightest, claim {stand_in.claim_id}, a combined count of dead and "
            f"wounded, stands in ({RULE_COMBINED_BOUND}, {RULE_TIGHTEST_AGGREGATE})"
        )
    elif stand_in is not None:
        notes.append(
            f"only totals over many events are stated: the tightest, claim {stand_in.claim_id}, stands in "
            f"({RULE_TIGHTEST_AGGREGATE})"
        )
    if in_passing:
        notes.append(f"{len(in_passing)} figure(s) in passing, not a report's lead: {_listed(in_passing)}")

    supporting: list[Figure] = []
    conflicting: list[Figure] = []
    # Judged against the estimate, not the published `best`: the evidence reads the same under any policy.
    for item in (*active, *in_passing):
        agrees = item.claim_id not in outliers and admits(item.claim, interval.estimate)
        (supporting if agrees else conflicting).append(item)
    for item in aggregates:
        # A total over many events bounds each of them above, and says nothing more.
        agrees = interval.estimate is None or interval.estimate <= floor_of(item.claim)
        (supporting if agrees else conflicting).append(item)
    return FieldDecision(
        field=kind.value,
        value={"low": low, "best": best, "high": high},
        rule=interval.rule,
        supporting=ids(supporting),
        conflicting=ids(conflicting),
        superseded=ids(superseded),
        note="; ".join(notes),
    )


def wounded_then_died(wounded: Sequence[Figure], deaths: Sequence[Figure], dead: int) -> bool:
    """Whether the one victim reported wounded is the one later reported dead (RULE_WOUNDED_THEN_DIED).

    "A boy was shot on Main Street" on Monday, then "the boy shot on Monday has died": one victim, first
    wounded, then dead. So when the event has one death, told of one victim at a time, and every wounded
    figure is a single victim described in a report that tells of no death and came no later than the first
    death was told, the wounded victim is the dead one, and no one else was hurt.
    """
    if dead != 1 or not wounded or not deaths:
        return False
    if not all(item.claim.best == 1 for item in deaths):
        return False
    first_death = min(item.when[0] for item in deaths)
    death_reports = {item.report_id for item in deaths}
    return all(
        singles_out_one(item.claim) and item.report_id not in death_reports and item.when[0] <= first_death
        for item in wounded
    )


def died_of_wounds(kind: FigureKind, wounded: Sequence[Figure], deaths: Sequence[Figure]) -> FieldDecision:
    """The injured figure when its one wounded victim is the event's one death: 0, and at most that one."""
    return FieldDecision(
        kind.value,
        {"low": 0, "best": 0, "high": 1},
        RULE_WOUNDED_THEN_DIED,
        supporting=ids(deaths),
        superseded=ids(wounded),
        note=(
            f"the victim reported wounded ({_listed(wounded)}) is the one later reported dead "
            f"({RULE_WOUNDED_THEN_DIED})"
        ),
    )


# The figures every event reports; the others (missing, kidnapped, arrested) appear only when stated.
ALWAYS_REPORTED = (FigureKind.KILLED, FigureKind.INJURED)


def none_reported(kind: FigureKind) -> FieldDecision:
    """No report of the event states this figure: code 0, as ACLED codes fatalities none reported,
    but leave the interval open above, since silence is not a count."""
    return FieldDecision(
        kind.value,
        {"low": 0, "best": 0, "high": None},
        RULE_NONE_REPORTED,
        note="no report of this event states the figure; 0 by convention, open above",
    )
