"""Plain-text comparison tables of dedup scores, with the data README's reference rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.bench.metrics import DedupScores


@dataclass(frozen=True, slots=True)
class ReferenceRow:
    """One row of the README's reference table (only F1 and event counts were published)."""

    dataset: str
    method: str
    b3_f1: float
    pair_f1: float
    events: int
    gold_events: int


# "Reference points measured on these dev sets" in the data README: naive online dedup with the
# threshold tuned on the same set.
REFERENCE_ROWS: tuple[ReferenceRow, ...] = (
    ReferenceRow("gva-dev", "TF-IDF cosine, 7-day window", 0.890, 0.643, 2153, 1798),
    ReferenceRow("gva-dev", "all-MiniLM-L6-v2 cosine, 7-day window", 0.854, 0.516, 2309, 1798),
    ReferenceRow("ecbplus-dev", "TF-IDF cosine", 0.840, 0.802, 97, 50),
    ReferenceRow("ecbplus-dev", "all-MiniLM-L6-v2 cosine", 0.802, 0.735, 48, 50),
)


@dataclass(frozen=True, slots=True)
class TableRow:
    """One method's line in the table; None prints as a dash (unpublished for the reference)."""

    method: str
    b3_precision: float | None
    b3_recall: float | None
    b3_f1: float
    pair_precision: float | None
    pair_recall: float | None
    pair_f1: float
    events: int
    gold_events: int

    @classmethod
    def from_scores(cls, method: str, scores: DedupScores) -> TableRow:
        """A measured row."""
        return cls(
            method=method,
            b3_precision=scores.b3_precision,
            b3_recall=scores.b3_recall,
            b3_f1=scores.b3_f1,
            pair_precision=scores.pair_precision,
            pair_recall=scores.pair_recall,
            pair_f1=scores.pair_f1,
            events=scores.predicted_events,
            gold_events=scores.gold_events,
        )

    @classmethod
    def from_reference(cls, reference: ReferenceRow) -> TableRow:
        """A README reference row, marked as such in the method column."""
        return cls(
            method=f"reference: {reference.method}",
            b3_precision=None,
            b3_recall=None,
            b3_f1=reference.b3_f1,
            pair_precision=None,
            pair_recall=None,
            pair_f1=reference.pair_f1,
            events=reference.events,
            gold_events=reference.gold_events,
        )


HEADER = ("method", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1", "events (gold)")


def format_table(rows: Sequence[TableRow]) -> str:
    """A Markdown table: one line per method, scores to three decimals."""
    cells = [HEADER] + [
        (
            row.method,
            _score(row.b3_precision),
            _score(row.b3_recall),
            _score(row.b3_f1),
            _score(row.pair_precision),
            _score(row.pair_recall),
            _score(row.pair_f1),
            f"{row.events:,} ({row.gold_events:,})",
        )
        for row in rows
    ]
    widths = [max(len(line[column]) for line in cells) for column in range(len(HEADER))]

    def render(line: Sequence[str]) -> str:
        # Method left-aligned, numbers right-aligned so decimals line up.
        padded = [
            text.ljust(width) if column == 0 else text.rjust(width)
            for column, (text, width) in enumerate(zip(line, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = (
        "|" + "|".join("-" * (width + 1) + ("-" if column == 0 else ":") for column, width in enumerate(widths)) + "|"
    )
    return "\n".join([render(cells[0]), rule, *(render(line) for line in cells[1:])])


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
