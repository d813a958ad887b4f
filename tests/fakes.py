"""A small deterministic encoder: hashed bag of words, so texts sharing words are similar."""

from __future__ import annotations

import hashlib
import re

import numpy as np

from embeddings.encoder import Vectors

WORD = re.compile(r"[a-z0-9]+")


class HashingEncoder:
    fingerprint = "test/hashing|float32|normalized"
    dimension = 64

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: list[str], *, show_progress: bool = False) -> Vectors:
        self.calls += 1
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in WORD.findall(text.lower()):
                if len(word) > 3:
                    bucket = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "big")
                    vectors[row, bucket % self.dimension] += 1.0
            norm = float(np.linalg.norm(vectors[row]))
            vectors[row] = vectors[row] / norm if norm else vectors[row]
            if not norm:
                vectors[row, 0] = 1.0
        return vectors
