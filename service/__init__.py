"""Concord: multi-source event deduplication and reconciliation API."""
