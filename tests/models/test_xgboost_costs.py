"""What an XGBoost inspection or audit pays once per model, not once per tree or per query.

XGBoost routes all trees at once (``predict(pred_leaf=True)``): the leaf
boxes route the training records and the population tree by tree, so each
input must go through XGBoost once, not once per tree. The depth of the
deepest tree, which the reference models are grown to, is computed once per
booster.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pytest
import xgboost

from modelprivacy.models import xgboost as adapter
from modelprivacy.singling import leaf_boxes


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    X = np.round(rng.normal(size=(300, 4)), 2)
    return X, (X[:, 0] + rng.normal(scale=0.5, size=300) > 0).astype(int)


def _counting(booster: xgboost.Booster) -> list[int]:
    """Count the booster's own leaf predictions (rows of each call)."""
    calls: list[int] = []
    predict = booster.predict

    def counted(data: xgboost.DMatrix, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("pred_leaf"):
            calls.append(data.num_row())
        return predict(data, *args, **kwargs)

    booster.predict = counted  # type: ignore[method-assign]
    return calls


def test_boxes_route_training_and_population_through_xgboost_once_each(data):
    X, y = data
    model = xgboost.XGBClassifier(
        n_estimators=30, max_depth=6, min_child_weight=0, n_jobs=1, random_state=0
    )
    model.fit(X[:200], y[:200])
    calls = _counting(model.get_booster())
    result = leaf_boxes(model, X[:200], y[:200], population=X[200:], k=5)
    assert sorted(calls) == [100, 200]  # 30 trees, two inputs, two predictions
    # the boxes of XGBoost's own leaves: records and outsiders with the same leaf in every tree
    own = model.get_booster().predict(xgboost.DMatrix(X[:200]), pred_leaf=True).astype(int)
    outside = model.get_booster().predict(xgboost.DMatrix(X[200:]), pred_leaf=True).astype(int)
    signature = [tuple(row) for row in own]
    inside, outsiders = Counter(signature), Counter(tuple(row) for row in outside)
    assert result.training_in_box.tolist() == [inside[s] for s in signature]
    assert result.population_in_box.tolist() == [outsiders[s] for s in signature]
    assert 0 < int(result.singled_out.sum()) < 200


def test_leaf_cache_keeps_the_last_inputs():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(50, 2)).astype(np.float32)
    booster = xgboost.train({"max_depth": 2, "nthread": 1}, xgboost.DMatrix(X, X[:, 0]), 3)
    calls = _counting(booster)
    cache = adapter._LeafCache(booster)
    inputs = [np.ascontiguousarray(X[i : i + 10]) for i in range(0, 50, 10)]
    own = [booster.predict(xgboost.DMatrix(a), pred_leaf=True).astype(int) for a in inputs]
    calls.clear()
    for tree in range(3):
        for a, leaves in zip(inputs[:3], own[:3], strict=True):
            assert np.array_equal(cache.column(a, tree), leaves[:, tree])
    assert len(calls) == 3  # three inputs, kept together
    cache.column(inputs[3], 0)
    cache.column(inputs[0], 0)  # pushed out by the fourth
    assert len(calls) == 5


def _naive_depth(gb: dict[str, Any]) -> int:
    deepest = 0
    for t in adapter._trees_model(gb).get("trees", []):
        left, right = t["left_children"], t["right_children"]
        depth = [0] * len(left)
        for i in range(len(left)):
            for c in (left[i], right[i]):
                if i < c < len(left):
                    depth[c] = depth[i] + 1
        deepest = max(deepest, max(depth))
    return deepest


@pytest.mark.parametrize(
    "params",
    [
        {"max_depth": 1},
        {"max_depth": 7},
        {"grow_policy": "lossguide", "max_leaves": 40, "max_depth": 0},
    ],
)
def test_deepest_tree_is_measured_once_per_booster(data, params, monkeypatch):
    X, _ = data
    target = X[:, 0] ** 3 + X[:, 1]
    model = xgboost.XGBRegressor(n_estimators=6, tree_method="hist", n_jobs=1, **params)
    booster = model.fit(X, target).get_booster()
    gb = adapter.model_json(booster)["learner"]["gradient_booster"]
    assert adapter._deepest(gb) == _naive_depth(gb) >= 1
    measured: list[int] = []
    deepest = adapter._deepest

    def counted(section: Any) -> int:
        measured.append(1)
        return deepest(section)

    monkeypatch.setattr(adapter, "_deepest", counted)
    first = adapter.as_estimator(booster)
    second = adapter.as_estimator(booster)
    assert len(measured) == 1
    assert first.params["max_depth"] == second.params["max_depth"]
    if params.get("grow_policy") != "lossguide":
        assert first.params["max_depth"] >= _naive_depth(gb)
