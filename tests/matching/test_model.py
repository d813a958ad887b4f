"""The learned model: its file format, and that the shipped weights say what evidence should say."""

from __future__ import annotations

import datetime as dt
import json
import math
from importlib import resources

import pytest

from service.matching import MatchModel, ReportEvidence, Thresholds, shipped_model
from service.matching.features import evidence_from_text, pair_features
from service.matching.model import MODEL_FILE

MONDAY = dt.date(2016, 5, 2)


def test_model_file_round_trips() -> None:
    model = shipped_model()
    again = MatchModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again == model


def test_model_file_is_small_and_thresholds_are_ordered() -> None:
    size = len(resources.files("service.matching").joinpath(MODEL_FILE).read_bytes())
    assert size < 250_000  # a few hundred trees of eight leaves, and the common words' IDF
    model = shipped_model()
    Thresholds(join=model.join, review=model.review)  # raises when out of order


def test_a_linear_weight_without_scale_is_refused() -> None:
    data = {"version": "t", "bias": 0.0, "weights": {"dense": 1.0}, "means": {"dense": 0.0}, "scales": {}}
    with pytest.raises(ValueError, match="scale"):
        MatchModel.from_json(data)


def test_a_tree_pointing_outside_itself_is_refused() -> None:
    data = {
        "version": "t",
        "bias": 0.0,
        "terms": ["dense"],
        "trees": [[[0, -1, -1], [0.5, 0, 0], [1, 0, 0], [7, 0, 0], [0, -1, 1]]],
    }
    with pytest.raises(ValueError, match="malformed"):
        MatchModel.from_json(data)


def test_tree_contributions_credit_each_split_to_its_term() -> None:
    # dense <= 0.5 ? (names <= 0.2 ? -2 : 0) : 1.5; inner expected values 0 (root) and -1 (left child).
    tree = [[0, 1, -1, -1, -1], [0.5, 0.2, 0, 0, 0], [1, 3, 0, 0, 0], [2, 4, 0, 0, 0], [0.0, -1.0, 1.5, -2.0, 0.0]]
    model = MatchModel.from_json({"version": "t", "bias": -0.5, "terms": ["dense", "names"], "trees": [tree]})
    features = pair_features(ReportEvidence(), ReportEvidence(), 0.3, model.vocabulary)
    probability, contributions = model.probability(features)
    assert contributions == {"dense": -1.0, "names": -1.0}  # root 0 -> -1 (dense), -1 -> -2 (names)
    assert probability == pytest.approx(1 / (1 + math.exp(2.5)))
    high, contributions = model.probability({**features, "dense": 0.9})
    assert contributions == {"dense": 1.5, "names": 0.0} and high == pytest.approx(1 / (1 + math.exp(-1.0)))


def test_probability_is_the_sigmoid_of_bias_and_contributions() -> None:
    model = shipped_model()
    features = pair_features(ReportEvidence(), ReportEvidence(), 0.5, model.vocabulary)
    probability, contributions = model.probability(features)
    assert probability == pytest.approx(1 / (1 + math.exp(-(model.bias + sum(contributions.values())))), abs=1e-9)


def shipped_evidence(title: str, text: str, date: dt.date) -> ReportEvidence:
    return evidence_from_text(title, text, shipped_model().vocabulary, event_date=date, published_at=date)


FIRST = shipped_evidence(
    "Man shot dead outside Brookhaven grocery store",
    "Terrence Ashworth, 27, was shot and killed outside a grocery store on the 2300 block of Larkspur "
    "Avenue in Brookhaven on Monday night, police said. No arrests have been made.",
    MONDAY,
)
SAME_NEXT_DAY = shipped_evidence(
    "Police identify man killed outside Brookhaven store",
    "Police on Tuesday identified the man shot and killed outside a grocery store on Larkspur Avenue "
    "in Brookhaven as Terrence Ashworth, 27. Investigators are looking for a gunman who fled on foot.",
    MONDAY + dt.timedelta(days=1),
)
ARREST_MONTHS_LATER = shipped_evidence(
    "Arrest made in killing of Terrence Ashworth",
    "A 19-year-old man was charged with murder in the February shooting death of Terrence Ashworth, 27, "
    "outside a grocery store on Larkspur Avenue in Brookhaven, police said.",
    MONDAY + dt.timedelta(days=150),
)
OTHER_SHOOTING = shipped_evidence(
    "Woman wounded in drive-by shooting in Millbrook",
    "A 45-year-old woman was wounded when someone fired shots into her car on Quarry Road in Millbrook "
    "on Monday, police said. She is expected to survive.",
    MONDAY,
)


@pytest.mark.parametrize(
    ("report", "other", "dense", "low", "high"),
    [
        (SAME_NEXT_DAY, FIRST, 0.80, 0.80, 1.0),
        (ARREST_MONTHS_LATER, FIRST, 0.70, 0.50, 1.0),
        (OTHER_SHOOTING, FIRST, 0.55, 0.0, 0.20),
    ],
)
def test_shipped_model_on_written_reports(
    report: ReportEvidence, other: ReportEvidence, dense: float, low: float, high: float
) -> None:
    model = shipped_model()
    probability, _ = model.probability(pair_features(report, other, dense, model.vocabulary))
    assert low <= probability <= high


def test_shared_names_carry_a_follow_up_that_time_alone_would_reject() -> None:
    model = shipped_model()
    nameless = ReportEvidence(
        terms=ARREST_MONTHS_LATER.terms,
        title_terms=ARREST_MONTHS_LATER.title_terms,
        event_date=ARREST_MONTHS_LATER.event_date,
    )
    with_names, _ = model.probability(pair_features(ARREST_MONTHS_LATER, FIRST, 0.7, model.vocabulary))
    without, _ = model.probability(pair_features(nameless, FIRST, 0.7, model.vocabulary))
    assert with_names > without
