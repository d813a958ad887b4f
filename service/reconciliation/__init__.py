"""Reconciliation: claims about one event -> canonical fields with provenance (pure: no I/O).

Every field is derived by a named, versioned rule and lists the claims it rests on, the claims that
disagree, and the claims a later statement of the same source replaced. The rules:

  figures.py      figure.rising_credible/v1, figure.most_conservative_credible/v2, figure.highest_credible/v2
                  (one per Policy), figure.subgroup_floor/v1, figure.vague_floor/v1,
                  figure.stated_number/v1, figure.tightest_aggregate/v1, figure.precise_over_approximate/v1,
                  figure.same_day_update/v1, figure.singled_out_victim/v1, figure.shot_includes_dead/v1,
                  figure.wounded_then_died/v1, figure.combined_count_bound/v1 (a combined count of dead and
                  wounded bounds the toll above and is never its best value)
  scope.py        figure.aggregate_toll/v4 (period, area and running totals and their parts are set aside, never a toll)
  attribution.py  perpetrator.strongest_attribution/v1
  place_time.py   place.most_specific_supported/v1, date.precise_supported_earliest/v1
  event_type.py   event_type.majority_sources/v1
"""

from service.reconciliation.pipeline import RULES_VERSION, reconcile
from service.reconciliation.policy import Policy

__all__ = ["RULES_VERSION", "Policy", "reconcile"]
