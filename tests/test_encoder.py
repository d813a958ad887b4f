"""Pin the shipped model: its weights and a few golden vector values."""

from __future__ import annotations

import numpy as np
import pytest

from embeddings.encoder import (
    DIMENSION,
    TextEncoder,
    bundled_model_path,
    cpu_has_amx_bf16,
    resolve_dtype,
    weights_sha256,
)

WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
GOLDEN = {
    "A suicide car bomb hit a police station in al-Mayadeen.": [
        -0.00696,
        0.12696,
        -0.04013,
        0.04439,
        -0.02869,
        0.01121,
    ],
    "Protesters marched in Paris.": [0.10833, 0.03025, -0.00625, -0.06961, 0.10344, 0.03579],
}


def test_weights_are_the_pinned_ones() -> None:
    assert weights_sha256(bundled_model_path()) == WEIGHTS_SHA256


@pytest.mark.model
def test_golden_vectors(real_encoder: TextEncoder) -> None:
    texts = list(GOLDEN)
    vectors = real_encoder.encode(texts)
    assert vectors.shape == (2, DIMENSION) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    tolerance = 2e-3 if "bfloat16" in real_encoder.fingerprint else 2e-4
    for row, text in enumerate(texts):
        np.testing.assert_allclose(vectors[row, :6], GOLDEN[text], atol=tolerance)
    assert float(vectors[0] @ vectors[1]) < 0.3


def test_empty_input_gives_empty_matrix(real_encoder: TextEncoder) -> None:
    assert real_encoder.encode([]).shape == (0, DIMENSION)


def test_dtype_resolution(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert resolve_dtype("float32") == "float32"
    assert resolve_dtype("bfloat16") == "bfloat16"
    assert resolve_dtype("auto") == ("bfloat16" if cpu_has_amx_bf16() else "float32")
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("flags : fpu sse amx_bf16 amx_tile\n")
    assert cpu_has_amx_bf16(cpuinfo)
    cpuinfo.write_text("flags : fpu sse avx2\n")
    assert not cpu_has_amx_bf16(cpuinfo)
