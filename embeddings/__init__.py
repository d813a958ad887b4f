"""Sentence embeddings and the vector index: the only code that touches torch and FAISS."""
