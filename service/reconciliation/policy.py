"""The policies: one set of claims, three published views of each figure."""

from __future__ import annotations

from enum import StrEnum


class Policy(StrEnum):
    """Which figure leads `best`; `low` and `high` are the same under every policy."""

    CONSERVATIVE = "conservative"  # ACLED: code the most conservative credible figure
    BEST = "best"  # UCDP best estimate: the rising credible figure leads
    HIGH = "high"  # the highest credible figure, for upper-bound analyses
