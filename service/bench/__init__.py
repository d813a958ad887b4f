"""Benchmarks on the evaluation data (read from a path, never stored in the repository)."""
