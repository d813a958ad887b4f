"""Which thresholds ingest decides with: the model's own, unless the operator sets them."""

from __future__ import annotations

from pathlib import Path

import pytest

from embeddings.index import VectorIndex
from service.config import Settings
from service.db import make_engine
from service.ingest import Pipeline
from service.matching.model import shipped_model
from tests.fakes import HashingEncoder


def pipeline(tmp_path: Path, **thresholds: float) -> Pipeline:
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'c.db'}", **thresholds)
    encoder = HashingEncoder()
    return Pipeline(make_engine(settings.resolved_database_url), encoder, VectorIndex(encoder.dimension, "t"), settings)


def test_unset_thresholds_are_the_ones_chosen_with_the_shipped_model(tmp_path: Path) -> None:
    model = shipped_model()
    chosen = pipeline(tmp_path).thresholds
    assert (chosen.join, chosen.review) == (model.join, model.review)


def test_the_operator_sets_either_threshold(tmp_path: Path) -> None:
    chosen = pipeline(tmp_path, review_threshold=0.3).thresholds
    assert (chosen.join, chosen.review) == (shipped_model().join, 0.3)


def test_thresholds_out_of_order_stop_the_start(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="review"):
        pipeline(tmp_path, join_threshold=0.2, review_threshold=0.6)


def test_a_threshold_outside_zero_to_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="join_threshold"):
        Settings(data_dir=tmp_path, join_threshold=1.5)
