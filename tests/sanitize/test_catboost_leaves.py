"""The CatBoost leaf-size rule: pruned trees whose leaves CatBoost itself routes k records to.

``min_data_in_leaf`` cannot do it (it only stops CatBoost from splitting leaves
of fewer records): measured here first, so the test fails if a CatBoost release
changes that. Every count is CatBoost's own (``calc_leaf_indexes`` of the
training data, ``get_leaf_weights``), never the rule's arrays.
"""

from __future__ import annotations

import catboost
import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import load_breast_cancer

from modelprivacy import inspect
from modelprivacy.load import load_model
from modelprivacy.sanitizing import sanitize, save_model

K = 10


def _fit(X, y, cls=catboost.CatBoostClassifier, **kw):
    params = {
        "iterations": 15,
        "depth": 5,
        "random_seed": 0,
        "verbose": False,
        "thread_count": 1,
        "allow_writing_files": False,
    }
    params.update(kw)
    return cls(**params).fit(X, y)


@pytest.fixture(scope="module")
def cancer() -> tuple[pd.DataFrame, np.ndarray]:
    X, y = load_breast_cancer(return_X_y=True, as_frame=True)
    return X.iloc[:, :8], y.to_numpy()


def _fewest(model, X) -> int:
    """The fewest training records CatBoost routes to a non-empty leaf of any tree."""
    leaves = np.asarray(model.calc_leaf_indexes(X))
    return min(int(np.bincount(c)[np.bincount(c) > 0].min()) for c in leaves.T)


def _s105(result):
    return [f for f in result.findings if f.check_id == "MP-S105"]


def test_min_data_in_leaf_does_not_bound_leaf_sizes(cancer):
    X, y = cancer
    for policy in ("Depthwise", "Lossguide"):
        model = _fit(X, y, grow_policy=policy, min_data_in_leaf=50, bootstrap_type="No")
        assert _fewest(model, X) < K  # leaves of fewer than 10 despite a minimum of 50


@pytest.mark.parametrize("policy", ["SymmetricTree", "Depthwise", "Lossguide"])
def test_pruned_leaves_hold_k_training_records(cancer, policy, tmp_path):
    X, y = cancer
    model = _fit(X, y, grow_policy=policy)
    assert _fewest(model, X) < K and _s105(inspect(model, X, y))
    before = model.predict_proba(X)
    result = sanitize(model, X, y, k=K)
    assert not result.refused
    [action] = [a for a in result.actions if a.rule == "catboost_leaves"]
    assert action.kind == "prune" and "by routing the training data" in action.what
    pruned = result.model
    assert type(pruned) is type(model) and list(pruned.classes_) == list(model.classes_)
    assert _fewest(pruned, X) >= K
    # the stored leaf weights are the records routed there, as in a fitted model
    leaves = np.asarray(pruned.calc_leaf_indexes(X))
    bounds = np.r_[0, np.cumsum(pruned.get_tree_leaf_counts())]
    weights = np.asarray(pruned.get_leaf_weights())
    for t in range(leaves.shape[1]):
        counts = np.bincount(leaves[:, t], minlength=bounds[t + 1] - bounds[t])
        assert np.array_equal(counts, weights[bounds[t] : bounds[t + 1]])
    # the re-audit, with and without the data: no one alone or in a small leaf
    assert not _s105(inspect(pruned, X, y))
    assert not _s105(inspect(pruned))
    # a model still useful; the input untouched
    accuracy = (pruned.predict(X).astype(int) == y).mean()
    assert accuracy >= (model.predict(X).astype(int) == y).mean() - 0.05
    assert np.array_equal(model.predict_proba(X), before) and _fewest(model, X) < K
    # written and read back as CatBoost's own file
    path = save_model(pruned, tmp_path / "pruned.cbm")
    loaded = load_model(path).estimator
    assert _fewest(loaded, X) >= K
    assert np.allclose(loaded.predict(X, prediction_type="Probability"), pruned.predict_proba(X))


def test_regressor_is_pruned_too(cancer):
    X, _ = cancer
    target = X.iloc[:, 0].to_numpy() * 3 + X.iloc[:, 1].to_numpy()
    model = _fit(X, target, cls=catboost.CatBoostRegressor, grow_policy="Lossguide")
    assert _fewest(model, X) < K
    result = sanitize(model, X, target, k=K)
    assert not result.refused and _fewest(result.model, X) >= K
    assert not _s105(inspect(result.model, X, target))


def test_without_data_the_leaf_weights_are_the_counts(cancer):
    X, y = cancer
    model = _fit(X, y, grow_policy="Depthwise")
    result = sanitize(model, k=K)
    [action] = [a for a in result.actions if a.rule == "catboost_leaves"]
    assert action.kind == "prune" and "leaf weights" in action.what
    assert np.asarray(result.model.get_leaf_weights()).min() >= K
    assert _fewest(result.model, X) >= K  # CatBoost's routing agrees with the stored weights


def test_sample_weights_need_the_data(cancer):
    X, y = cancer
    weights = np.where(np.arange(len(y)) % 2, 0.5, 1.5)
    model = catboost.CatBoostClassifier(
        iterations=5, depth=4, verbose=0, allow_writing_files=False, thread_count=1
    ).fit(X, y, sample_weight=weights)
    result = sanitize(model, k=K)
    [reason] = [r for r in result.refused if "catboost_leaves" in r or "sample weights" in r]
    assert "sums of sample weights" in reason and "training data" in reason
    with_data = sanitize(model, X, y, k=K)
    assert not with_data.refused and _fewest(with_data.model, X) >= K


def test_fewer_records_than_k_is_refused(cancer):
    X, y = cancer
    X, y = X.iloc[::40], y[::40]  # 15 records, both classes
    model = _fit(X, y, iterations=3, depth=3)
    result = sanitize(model, X, y, k=20)
    [reason] = [r for r in result.refused if "fewer than k=20" in r]
    assert "fewer than 20 training records" in reason
