"""Source reliability: the prior by type, moved by agreeing and conflicting claims."""

from __future__ import annotations

import pytest

from service.reconciliation.reliability import (
    PRIOR_WEIGHT,
    UNKNOWN_TYPE_PRIOR,
    ClaimRecord,
    prior_for,
    reliability,
)


def test_no_evidence_gives_the_type_prior() -> None:
    assert reliability(ClaimRecord(), "wire").value == prior_for("wire") > prior_for("party")
    assert reliability(ClaimRecord(), None).value == UNKNOWN_TYPE_PRIOR
    assert reliability(ClaimRecord(), "tabloid").value == UNKNOWN_TYPE_PRIOR


def test_agreement_raises_and_conflict_lowers() -> None:
    base = reliability(ClaimRecord(), "local").value
    assert reliability(ClaimRecord(agreed=10), "local").value > base
    assert reliability(ClaimRecord(conflicted=10), "local").value < base


def test_posterior_mean_is_exact() -> None:
    result = reliability(ClaimRecord(agreed=6, conflicted=2, superseded=5), "state_media")
    expected = (prior_for("state_media") * PRIOR_WEIGHT + 6) / (PRIOR_WEIGHT + 8)
    assert result.value == pytest.approx(expected, abs=1e-4)
    assert (result.agreed, result.conflicted, result.superseded) == (6, 2, 5)


def test_superseded_claims_do_not_count_against_a_source() -> None:
    assert (
        reliability(ClaimRecord(agreed=3, superseded=9), "wire").value
        == reliability(ClaimRecord(agreed=3), "wire").value
    )
