"""The learned combination of the evidence, shipped as a small JSON file.

`train.py` writes the file; here it is only read. Two kinds of model can be read: boosted trees
(the default) and a logistic regression. Either way a probability is `sigmoid(bias + sum of
contributions)`, with one log-odds contribution per named term, so a decision can be read back
term by term:

- logistic regression: a term contributes `weight * (value - mean) / scale`;
- trees: each split on the path of the pair through a tree moves the expected log-odds from the
  node to its child, and that move is credited to the split's term (Saabas' attribution); the
  bias is the base score plus every tree's expected value at its root.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from service.matching.features import Vocabulary

MODEL_FILE = "match_model.json"


def model_terms(features: Mapping[str, float]) -> dict[str, float]:
    """The model's inputs: the raw features plus the interactions the evidence needs.

    `far_names` lets shared names carry a follow-up story months later, when time alone says no;
    `far_dense` lets the model discount text similarity between reports far apart in time.
    """
    terms = dict(features)
    # Agreement and contradiction weigh differently (many incidents share a city; few share a street).
    for name in ("place", "region", "killed", "injured", "years", "event_type"):
        terms[f"{name}_conflict"] = 1.0 if features[name] < 0 else 0.0
    terms["far_names"] = features["log_days"] * features["names"]
    terms["far_dense"] = features["log_days"] * features["dense"]
    terms["far_lexical"] = features["log_days"] * features["lexical"]
    terms["dense_x_lexical"] = features["dense"] * features["lexical"]
    # Without dates (or with them) the same similarity means different things.
    undated = 1.0 - features["date_known"]
    terms["undated_dense"] = undated * features["dense"]
    terms["undated_lexical"] = undated * features["lexical"]
    terms["undated_names"] = undated * features["names"]
    terms["dense_sq"] = features["dense"] ** 2
    terms["lexical_sq"] = features["lexical"] ** 2
    terms["names_x_lexical"] = features["names"] * features["lexical"]
    return terms


@dataclass(frozen=True, slots=True)
class Tree:
    """One regression tree over the terms; node 0 is the root, `feature` is -1 at a leaf.

    `value` is the leaf's log-odds at a leaf, and the training pairs' mean of it at an inner node.
    A pair goes left when its term is <= the threshold.
    """

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def to_json(self) -> list[list[float]]:
        return [list(self.feature), list(self.threshold), list(self.left), list(self.right), list(self.value)]

    @classmethod
    def from_json(cls, data: list[list[float]], terms: int) -> Tree:
        feature, threshold, left, right, value = data
        tree = cls(
            tuple(int(f) for f in feature),
            tuple(float(t) for t in threshold),
            tuple(int(i) for i in left),
            tuple(int(i) for i in right),
            tuple(float(v) for v in value),
        )
        nodes = len(tree.feature)
        if any(len(column) != nodes for column in data) or any(
            f >= terms or (f >= 0 and not (0 < tree.left[i] < nodes and 0 < tree.right[i] < nodes))
            for i, f in enumerate(tree.feature)
        ):
            raise ValueError("match model: malformed tree")
        return tree


@dataclass(frozen=True, slots=True)
class TreeArrays:
    """The trees as padded arrays, flattened tree by tree, so all pairs walk all trees in a few array
    steps. A node is addressed by its flat index `tree * nodes + node`; `left` and `right` hold flat
    indices too, so each step is a plain `take` instead of two-dimensional fancy indexing."""

    feature: npt.NDArray[np.int64]
    threshold: npt.NDArray[np.float64]
    left: npt.NDArray[np.int64]
    right: npt.NDArray[np.int64]
    value: npt.NDArray[np.float64]
    roots: npt.NDArray[np.int64]  # flat index of each tree's root
    depth: int
    terms: int

    @classmethod
    def of(cls, trees: Sequence[Tree], terms: int) -> TreeArrays:
        nodes = max((len(t.feature) for t in trees), default=1)

        def padded(column: str, fill: float, dtype: type) -> Any:
            return np.array(
                [list(getattr(t, column)) + [fill] * (nodes - len(t.feature)) for t in trees], dtype=dtype
            ).reshape(len(trees), nodes)

        roots = np.arange(len(trees), dtype=np.int64) * nodes
        return cls(
            feature=padded("feature", -1, np.int64).ravel(),
            threshold=padded("threshold", 0.0, np.float64).ravel(),
            left=(padded("left", 0, np.int64) + roots[:, None]).ravel(),
            right=(padded("right", 0, np.int64) + roots[:, None]).ravel(),
            value=padded("value", 0.0, np.float64).ravel(),
            roots=roots,
            depth=max((_depth(t) for t in trees), default=0),
            terms=terms,
        )

    def contributions(self, rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Per pair and term, the log-odds moves of the splits on that term (Saabas), summed over trees."""
        pairs = rows.shape[0]
        totals = np.zeros((pairs, self.terms))
        cells_of_pair = (np.arange(pairs, dtype=np.int64) * self.terms)[:, None]  # pair's first cell in totals
        flat_rows = rows.ravel()
        node = np.repeat(self.roots[None, :], pairs, axis=0)  # (pair, tree): flat index of the current node
        for _ in range(self.depth):
            feature = self.feature.take(node)
            inner = feature >= 0
            cell = cells_of_pair + np.where(inner, feature, 0)  # (pair, term) as an index into totals
            goes_left = flat_rows.take(cell) <= self.threshold.take(node)
            child = np.where(goes_left, self.left.take(node), self.right.take(node))
            moved = self.value.take(child) - self.value.take(node)
            # bincount adds per (pair, term) cell in input order, as np.add.at would, many times faster.
            totals += np.bincount(cell[inner], weights=moved[inner], minlength=pairs * self.terms).reshape(
                pairs, self.terms
            )
            node = np.where(inner, child, node)
        return totals


def _depth(tree: Tree, node: int = 0) -> int:
    if tree.feature[node] < 0:
        return 0
    return 1 + max(_depth(tree, tree.left[node]), _depth(tree, tree.right[node]))


@dataclass(frozen=True, slots=True)
class MatchModel:
    """The learned model (trees, or linear weights) and the vocabulary statistics it was trained with."""

    version: str
    bias: float
    weights: Mapping[str, float] = field(default_factory=dict)  # linear: per term
    means: Mapping[str, float] = field(default_factory=dict)
    scales: Mapping[str, float] = field(default_factory=dict)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    join: float = 0.9
    review: float = 0.5
    tree_terms: tuple[str, ...] = ()  # trees: the term of each feature index
    trees: tuple[Tree, ...] = ()
    _ensemble: TreeArrays = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ensemble", TreeArrays.of(self.trees, len(self.tree_terms)))

    @property
    def terms(self) -> tuple[str, ...]:
        """The names of the terms that get a contribution."""
        return self.tree_terms if self.trees else tuple(self.weights)

    def contributions(self, features: Mapping[str, float]) -> dict[str, float]:
        """Log-odds contribution of every term (zero ones included, for the record)."""
        return self.probabilities([features])[1][0]

    def probability(self, features: Mapping[str, float]) -> tuple[float, dict[str, float]]:
        """(probability that the pair is one event, the log-odds contributions)."""
        probabilities, contributions = self.probabilities([features])
        return probabilities[0], contributions[0]

    def probabilities(self, pairs: Sequence[Mapping[str, float]]) -> tuple[list[float], list[dict[str, float]]]:
        """`probability` of many pairs at once: one pass of array arithmetic instead of a loop per pair."""
        if not pairs:
            return [], []
        names = self.terms
        rows = np.array([[terms[name] for name in names] for terms in map(model_terms, pairs)], dtype=np.float64)
        if self.trees:
            totals = self._ensemble.contributions(rows)
        else:
            weights = np.array([self.weights[n] for n in names])
            means = np.array([self.means[n] for n in names])
            scales = np.array([self.scales[n] for n in names])
            totals = weights * (rows - means) / scales
        rounded = np.round(totals, 4)
        logits = np.clip(self.bias + rounded.sum(axis=1), -30.0, 30.0)
        probabilities = 1.0 / (1.0 + np.exp(-logits))
        contributions = [dict(zip(names, row, strict=True)) for row in rounded.tolist()]
        return probabilities.tolist(), contributions

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "version": self.version,
            "bias": self.bias,
            "thresholds": {"join": self.join, "review": self.review},
            "vocabulary": {"rare_idf": self.vocabulary.rare_idf, "idf": dict(self.vocabulary.idf)},
        }
        if self.trees:
            data["terms"] = list(self.tree_terms)
            data["trees"] = [tree.to_json() for tree in self.trees]
        else:
            data.update(weights=dict(self.weights), means=dict(self.means), scales=dict(self.scales))
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> MatchModel:
        tree_terms = tuple(str(t) for t in data.get("terms", ()))
        trees = tuple(Tree.from_json(t, len(tree_terms)) for t in data.get("trees", ()))
        weights = {str(k): float(v) for k, v in data.get("weights", {}).items()}
        scales = {str(k): float(v) for k, v in data.get("scales", {}).items()}
        if not trees and (set(weights) != set(scales) or any(s <= 0 for s in scales.values())):
            raise ValueError("match model: every weight needs a positive scale")
        vocabulary = data.get("vocabulary", {})
        return cls(
            version=str(data["version"]),
            weights=weights,
            means={str(k): float(v) for k, v in data.get("means", {}).items()},
            scales=scales,
            tree_terms=tree_terms,
            trees=trees,
            bias=float(data["bias"]),
            vocabulary=Vocabulary(
                idf={str(k): float(v) for k, v in vocabulary.get("idf", {}).items()},
                rare_idf=float(vocabulary.get("rare_idf", 8.0)),
            ),
            join=float(data.get("thresholds", {}).get("join", 0.9)),
            review=float(data.get("thresholds", {}).get("review", 0.5)),
        )


@lru_cache(maxsize=1)
def shipped_model() -> MatchModel:
    """The model file shipped next to this module."""
    text = resources.files("service.matching").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return MatchModel.from_json(json.loads(text))
