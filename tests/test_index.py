"""The vector index: search, id filters, persistence, refusal to load a mismatched index."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from embeddings.index import IndexMismatch, VectorIndex
from service.config import Settings
from tests.fakes import HashingEncoder


def _unit(rows: list[list[float]]) -> np.ndarray:
    matrix = np.asarray(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_search_returns_nearest_first_and_respects_allowed_ids() -> None:
    index = VectorIndex(3, "fp")
    index.add([10, 20, 30], _unit([[1, 0, 0], [0.9, 0.1, 0], [0, 0, 1]]))
    query = _unit([[1, 0, 0]])[0]
    assert [i for i, _ in index.search(query, 2)] == [10, 20]
    assert [i for i, _ in index.search(query, 5, allowed_ids=[20, 30])] == [20, 30]
    assert index.search(query, 5, allowed_ids=[]) == []
    index.remove([10])
    assert [i for i, _ in index.search(query, 1)] == [20]


def test_vectors_are_read_back_by_id_and_unknown_ids_left_out() -> None:
    index = VectorIndex(4, "test")
    vectors = np.eye(4, dtype=np.float32)
    index.add([3, 9], vectors[:2])
    found = index.vectors([9, 5, 3])
    assert sorted(found) == [3, 9]
    np.testing.assert_array_equal(found[9], vectors[1])
    index.remove([9])
    assert list(index.vectors([9])) == []


def test_add_rejects_wrong_shape() -> None:
    with pytest.raises(ValueError, match="dimension 3"):
        VectorIndex(3, "fp").add([1], np.zeros((1, 4), dtype=np.float32))


def test_save_and_load_round_trip_and_mismatch(tmp_path: Path) -> None:
    index = VectorIndex(3, "model-a|float32")
    index.add([1, 2], _unit([[1, 0, 0], [0, 1, 0]]))
    index.save(tmp_path)
    loaded = VectorIndex.load(tmp_path, 3, "model-a|float32")
    assert len(loaded) == 2 and loaded.max_id == 2
    with pytest.raises(IndexMismatch, match="model-a"):
        VectorIndex.load(tmp_path, 3, "model-a|bfloat16")
    with pytest.raises(IndexMismatch, match="no index"):
        VectorIndex.load(tmp_path / "missing", 3, "model-a|float32")


def _post_some(client: TestClient, count: int) -> None:
    for n in range(count):
        answer = client.post(
            "/v1/reports", json={"id": str(n), "source": "s.com", "text": f"Shooting number {n} in town {n}."}
        )
        assert answer.status_code == 201


def test_index_is_rebuilt_from_the_database_when_missing_or_stale(
    make_client: Callable[..., TestClient], settings: Settings
) -> None:
    client = make_client()
    _post_some(client, 3)
    client.__exit__(None, None, None)  # shutdown saves the index
    assert (settings.index_path / "vectors.faiss").exists()

    for path in settings.index_path.iterdir():
        path.unlink()
    encoder = HashingEncoder()
    restarted = make_client(encoder)
    assert restarted.get("/readyz").json()["indexed_reports"] == 3
    assert encoder.calls == 0  # rebuilt from stored vectors, nothing re-encoded

    # A stale index (saved before more reports arrived) is noticed and rebuilt too.
    stale = VectorIndex(encoder.dimension, encoder.fingerprint)
    stale.save(settings.index_path)
    restarted.__exit__(None, None, None)
    stale.save(settings.index_path)
    again = make_client(encoder)
    assert again.get("/readyz").json()["indexed_reports"] == 3


def test_changing_the_encoder_reencodes_every_report(
    make_client: Callable[..., TestClient], settings: Settings
) -> None:
    client = make_client()
    _post_some(client, 2)
    client.__exit__(None, None, None)

    class OtherEncoder(HashingEncoder):
        fingerprint = "test/other|float32|normalized"

    other = OtherEncoder()
    restarted = make_client(other)
    assert restarted.get("/readyz").json()["indexed_reports"] == 2
    assert other.calls >= 1
    assert VectorIndex.load(settings.index_path, other.dimension, other.fingerprint).fingerprint == other.fingerprint
