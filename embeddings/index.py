"""The FAISS index behind a small interface, with a metadata file that guards against mixing.

Inner product over unit vectors (= cosine), int64 ids (report ids). The index is derived state:
the database holds every vector, so a missing or mismatched index is rebuilt, never trusted.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import faiss
import numpy as np

from embeddings.encoder import Vectors

# Searches here are one query over a flat index: too little work to share between threads, and FAISS's
# OpenMP team spinning beside the model's own threads cost 25 ms a search on 2 cores (measured in replay).
faiss.omp_set_num_threads(1)


class IndexMismatch(Exception):
    """The index on disk was built with other settings, or is not there."""


@dataclass(frozen=True)
class IndexMeta:
    fingerprint: str
    dimension: int
    count: int
    max_id: int
    built_at: str


class VectorIndex:
    """Thread-safe add / search / save / load over a FAISS IndexIDMap2(IndexFlatIP)."""

    def __init__(self, dimension: int, fingerprint: str) -> None:
        self.dimension = dimension
        self.fingerprint = fingerprint
        self._index: faiss.Index = faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
        self._lock = threading.Lock()
        self._max_id = 0

    def __len__(self) -> int:
        return int(self._index.ntotal)

    @property
    def max_id(self) -> int:
        return self._max_id

    def add(self, ids: Sequence[int], vectors: Vectors) -> None:
        if len(ids) == 0:
            return
        if vectors.shape != (len(ids), self.dimension):
            raise ValueError(f"expected {len(ids)} vectors of dimension {self.dimension}, got {vectors.shape}")
        with self._lock:
            self._index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64))
            self._max_id = max(self._max_id, max(ids))

    def remove(self, ids: Iterable[int]) -> None:
        with self._lock:
            self._index.remove_ids(faiss.IDSelectorBatch(np.asarray(list(ids), dtype=np.int64)))

    def search(self, vector: Vectors, k: int, allowed_ids: Sequence[int] | None = None) -> list[tuple[int, float]]:
        """The k nearest (id, cosine) pairs, optionally restricted to `allowed_ids`."""
        if len(self) == 0 or k <= 0 or (allowed_ids is not None and len(allowed_ids) == 0):
            return []
        query = np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32)
        params = None
        if allowed_ids is not None:
            params = faiss.SearchParameters()
            params.sel = faiss.IDSelectorBatch(np.asarray(allowed_ids, dtype=np.int64))
            k = min(k, len(allowed_ids))
        with self._lock:
            scores, ids = self._index.search(query, min(k, len(self)), params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def vectors(self, ids: Iterable[int]) -> dict[int, np.ndarray]:
        """The stored vectors of these ids (ids not in the index are left out)."""
        found: dict[int, np.ndarray] = {}
        with self._lock:
            for i in ids:
                try:
                    found[int(i)] = np.asarray(self._index.reconstruct(int(i)))
                except RuntimeError:  # not in the index
                    continue
        return found

    def meta(self) -> IndexMeta:
        return IndexMeta(
            fingerprint=self.fingerprint,
            dimension=self.dimension,
            count=len(self),
            max_id=self._max_id,
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )

    def save(self, directory: Path) -> None:
        """Write index and metadata atomically (temp file + rename), so a crash never leaves half a file."""
        directory.mkdir(parents=True, exist_ok=True)
        with self._lock:
            tmp_index = directory / "vectors.faiss.tmp"
            faiss.write_index(self._index, str(tmp_index))
            meta = self.meta()
        tmp_meta = directory / "meta.json.tmp"
        tmp_meta.write_text(json.dumps(asdict(meta), indent=2))
        tmp_index.replace(directory / "vectors.faiss")
        tmp_meta.replace(directory / "meta.json")

    @classmethod
    def load(cls, directory: Path, dimension: int, fingerprint: str) -> VectorIndex:
        """Load the index, refusing one built with another model, dtype or dimension."""
        meta_path, index_path = directory / "meta.json", directory / "vectors.faiss"
        if not meta_path.exists() or not index_path.exists():
            raise IndexMismatch(f"no index at {directory}")
        meta = IndexMeta(**json.loads(meta_path.read_text()))
        if meta.fingerprint != fingerprint or meta.dimension != dimension:
            raise IndexMismatch(
                f"index built with {meta.fingerprint} (dim {meta.dimension}), "
                f"service runs {fingerprint} (dim {dimension})"
            )
        index = cls(dimension, fingerprint)
        index._index = faiss.read_index(str(index_path))
        if index._index.ntotal != meta.count:
            raise IndexMismatch(f"index holds {index._index.ntotal} vectors, metadata says {meta.count}")
        index._max_id = meta.max_id
        return index
