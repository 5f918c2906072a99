"""Leaf boxes count the same cells however often their numbers are compacted.

The cell of the forest's partition a record falls in is numbered by its leaves
in every tree, compacted to ranks only before the number could overflow; with
a compaction after every tree (a limit of 1) the counts must be the same. The
next tree is routed on a thread while the last one is counted: the result is
that of the trees in order.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.ensemble import ExtraTreesClassifier, RandomForestRegressor

import modelprivacy.singling.boxes as boxes
from modelprivacy.singling import leaf_boxes

FIELDS = (
    "small_leaf_trees",
    "alone_trees",
    "label_recovered",
    "population_in_box",
    "training_in_box",
    "singled_out",
    "low",
    "high",
)


def _data(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 3, size=(600, 5)).astype(np.float64)  # records that share cells
    y = (X[:, 0] + rng.normal(size=600) > 0).astype(int)
    return X[:400], y[:400], X[400:]


@pytest.mark.parametrize(
    "model",
    [
        ExtraTreesClassifier(n_estimators=12, min_samples_leaf=2, random_state=0),
        RandomForestRegressor(n_estimators=9, max_depth=6, random_state=1),
    ],
)
@pytest.mark.parametrize("with_population", [False, True])
def test_cells_compacted_once_or_after_every_tree_are_the_same(
    model: object, with_population: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    X, y, P = _data(0)
    model.fit(X, y)  # type: ignore[attr-defined]
    population = P if with_population else None
    once = leaf_boxes(model, X, y, population=population, k=5)
    monkeypatch.setattr(boxes, "_SIGNATURE_LIMIT", 1)
    every = leaf_boxes(model, X, y, population=population, k=5)
    for name in FIELDS:
        np.testing.assert_array_equal(getattr(once, name), getattr(every, name), err_msg=name)
    counted = once.population_in_box if with_population else once.training_in_box
    assert counted.min() >= 0 and (counted > 1).any()  # real cells, some shared


def test_trees_routed_ahead_give_the_leaves_in_order() -> None:
    X, y, P = _data(1)
    model = ExtraTreesClassifier(n_estimators=6, random_state=0).fit(X, y)
    forest = boxes.forest_of(model)
    Xr, Pr = forest.prepare(X), forest.prepare(P)
    routed = list(boxes._routed(forest.trees, Xr, Pr))
    assert len(routed) == len(forest.trees)
    for tree, (leaf, pop_leaf) in zip(forest.trees, routed, strict=True):
        want, want_pop = boxes._apply(tree, Xr, Pr)
        np.testing.assert_array_equal(leaf, want)
        assert pop_leaf is not None and want_pop is not None
        np.testing.assert_array_equal(pop_leaf, want_pop)
    assert next(iter(boxes._routed(forest.trees[:1], Xr, None)))[1] is None
