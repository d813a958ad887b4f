"""Keep the FAISS index in step with the database, which is the source of truth."""

from __future__ import annotations

import logging

from sqlalchemy import Engine
from sqlmodel import Session
from tqdm import tqdm

from embeddings.encoder import TextEncoder
from embeddings.index import IndexMismatch, VectorIndex
from service.config import Settings
from service.ingest import event_description
from service.repositories import reports as report_repo

log = logging.getLogger(__name__)


def load_or_rebuild(engine: Engine, encoder: TextEncoder, settings: Settings) -> VectorIndex:
    """The saved index when it matches the database exactly, else a fresh one built from it."""
    with Session(engine) as session:
        count, max_id = report_repo.vector_stats(session, encoder.fingerprint)
        missing = len(report_repo.reports_without_vector(session, encoder.fingerprint))
    try:
        index = VectorIndex.load(settings.index_path, encoder.dimension, encoder.fingerprint)
        if missing == 0 and len(index) == count and index.max_id == max_id:
            return index
        log.warning(
            "index holds %d vectors (max id %d), database %d (max id %d), %d reports unencoded: rebuilding",
            len(index),
            index.max_id,
            count,
            max_id,
            missing,
        )
    except IndexMismatch as mismatch:
        log.warning("rebuilding the vector index: %s", mismatch)
    return rebuild(engine, encoder, settings)


def rebuild(engine: Engine, encoder: TextEncoder, settings: Settings, *, show_progress: bool = False) -> VectorIndex:
    """Encode reports that lack a vector for this encoder, then index every stored vector."""
    index = VectorIndex(encoder.dimension, encoder.fingerprint)
    with Session(engine) as session:
        report_repo.delete_vectors_not_matching(session, encoder.fingerprint)
        pending = report_repo.reports_without_vector(session, encoder.fingerprint)
        batch = 256
        for start in tqdm(range(0, len(pending), batch), desc="encoding", disable=not show_progress or not pending):
            chunk = pending[start : start + batch]
            vectors = encoder.encode([event_description(r.title, r.text) for r in chunk])
            for report, vector in zip(chunk, vectors, strict=True):
                assert report.id is not None
                report_repo.store_vector(session, report.id, encoder.fingerprint, vector)
        session.commit()
        for ids, vectors in report_repo.iter_vectors(session, encoder.fingerprint):
            index.add(ids, vectors)
    index.save(settings.index_path)
    return index
