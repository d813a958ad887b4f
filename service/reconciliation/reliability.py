"""Source reliability from how a source's figure claims held up against the reconciled values.

A Beta-binomial estimate: each source starts from a prior by its type, worth PRIOR_WEIGHT claims,
and moves with every claim that agreed (supported the reconciled figure) or disagreed (conflicted
with it). Superseded claims (replaced by the source's own later figure) count for nothing: revising
a toll is what a careful outlet does. This is the first, transparent step toward truth discovery
in the CRH / Gaussian-truth style, where reliabilities in turn weight the reconciliation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from service.domain import SourcedClaim

RELIABILITY_RULE = "source.beta_agreement/v1"

# Priors by source type: wires and NGOs that document casualties carry more weight by default than a
# party to the conflict or social media. These are starting points that evidence overrides.
TYPE_PRIORS: Mapping[str, float] = {
    "wire": 0.80,
    "ngo": 0.75,
    "national": 0.70,
    "local": 0.70,
    "state_media": 0.55,
    "party": 0.45,
    "social_media": 0.50,
    "other": 0.60,
}
UNKNOWN_TYPE_PRIOR = 0.60
PRIOR_WEIGHT = 4.0  # the prior counts as this many claims


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """How one source's figure claims fared: counts of agreeing, conflicting, superseded claims."""

    agreed: int = 0
    conflicted: int = 0
    superseded: int = 0


@dataclass(frozen=True, slots=True)
class Reliability:
    value: float
    prior: float
    agreed: int
    conflicted: int
    superseded: int
    rule: str = RELIABILITY_RULE


def prior_for(source_type: str | None) -> float:
    return TYPE_PRIORS.get(source_type or "", UNKNOWN_TYPE_PRIOR)


def weight_of(sourced: SourcedClaim) -> float:
    """The weight a claim's source carries in reconciliation: its learned reliability when one has been
    estimated, else the prior for its type."""
    return sourced.reliability if sourced.reliability is not None else prior_for(sourced.source_type)


def reliability(record: ClaimRecord, source_type: str | None) -> Reliability:
    """Posterior mean of the share of a source's claims that hold up."""
    prior = prior_for(source_type)
    value = (prior * PRIOR_WEIGHT + record.agreed) / (PRIOR_WEIGHT + record.agreed + record.conflicted)
    return Reliability(round(value, 4), prior, record.agreed, record.conflicted, record.superseded)
