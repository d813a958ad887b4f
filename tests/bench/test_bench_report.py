"""The comparison table's layout and the README's reference rows."""

from __future__ import annotations

from service.bench.metrics import dedup_scores
from service.bench.report import REFERENCE_ROWS, TableRow, format_table


def test_reference_rows_match_the_readme() -> None:
    by_key = {(row.dataset, row.method): row for row in REFERENCE_ROWS}
    gva_tfidf = by_key[("gva-dev", "TF-IDF cosine, 7-day window")]
    assert (gva_tfidf.b3_f1, gva_tfidf.pair_f1, gva_tfidf.events) == (0.890, 0.643, 2153)
    ecb_minilm = by_key[("ecbplus-dev", "all-MiniLM-L6-v2 cosine")]
    assert (ecb_minilm.b3_f1, ecb_minilm.pair_f1, ecb_minilm.events) == (0.802, 0.735, 48)
    assert len(REFERENCE_ROWS) == 4


def test_format_table() -> None:
    scores = dedup_scores({"a": 1, "b": 1, "c": 2}, {"a": "E", "b": "E", "c": "E"})
    table = format_table(
        [TableRow.from_scores("mine", scores), TableRow.from_reference(REFERENCE_ROWS[0])]
    ).splitlines()
    assert len(table) == 4
    assert table[0].split("|")[1].strip() == "method"
    assert len({len(line) for line in table}) == 1  # columns line up
    mine = [cell.strip() for cell in table[2].strip("|").split("|")]
    # 3 reports in one gold event split 2 + 1: B3 P 1, R (2*2/3 + 1/3)/3 = 5/9; pairs P 1, R 1/3.
    assert mine == ["mine", "1.000", "0.556", "0.714", "1.000", "0.333", "0.500", "2 (1)"]
    reference = [cell.strip() for cell in table[3].strip("|").split("|")]
    assert reference == [
        "reference: TF-IDF cosine, 7-day window",
        "-",
        "-",
        "0.890",
        "-",
        "-",
        "0.643",
        "2,153 (1,798)",
    ]
