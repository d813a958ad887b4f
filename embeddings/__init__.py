"""Sentence embeddings and the vector index: the only code that touches torch and FAISS."""

import os

# The model's OpenMP threads share two cores with the Python stages (extraction, matching, writing). By
# default they spin while waiting for work, so each time Python runs, a spinning thread holds a core the
# other model thread needs: replay of 1,500 gva-dev reports took 95.8 s against 84.4 s with passive
# waiting, the encoder alone the same 65 s. Read by OpenMP when torch loads, so set before any import of
# torch; an OMP_WAIT_POLICY set by the operator wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
