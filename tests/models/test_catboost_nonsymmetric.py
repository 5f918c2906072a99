"""CatBoost's Depthwise and Lossguide trees on the shared representation, checked against CatBoost.

Every expected count comes from CatBoost's own leaf indices (``calc_leaf_indexes``)
and ``get_leaf_weights``/``get_leaf_values`` (which follow the same leaf numbering),
never from our arrays; the borders from the training values themselves.
"""

from __future__ import annotations

import json
import pickle

import catboost
import numpy as np
import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import StackingClassifier, VotingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import modelprivacy
from modelprivacy import cli
from modelprivacy.findings import Confidence
from modelprivacy.load import load_model
from modelprivacy.load.formats._checks import FormatError
from modelprivacy.load.formats.catboost import check_json
from modelprivacy.models.catboost import model_json
from modelprivacy.models.trees import forest_of
from modelprivacy.singling.boxes import leaf_boxes

POLICIES = {
    "Depthwise": {"grow_policy": "Depthwise", "depth": 5},
    "Lossguide": {"grow_policy": "Lossguide", "max_leaves": 24},
}


def _fit(X, y, cls=catboost.CatBoostClassifier, **kw):
    params = {
        "iterations": 8,
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


def _per_tree(model, X):
    """CatBoost's leaf of every row per tree, and the rows of each leaf."""
    leaves = np.asarray(model.calc_leaf_indexes(X))
    bounds = np.r_[0, np.cumsum(model.get_tree_leaf_counts())]
    counts = [
        np.bincount(leaves[:, t], minlength=bounds[t + 1] - bounds[t])
        for t in range(leaves.shape[1])
    ]
    return leaves, bounds, counts


def _alone(model, X, y=None):
    """People alone in a leaf (CatBoost's own indices), and whose leaf step has their label's sign."""
    leaves, bounds, counts = _per_tree(model, X)
    values = np.asarray(model.get_leaf_values())
    alone, told = set(), set()
    for t, c in enumerate(counts):
        one = np.flatnonzero(c[leaves[:, t]] == 1)
        alone |= set(one.tolist())
        if y is not None:
            step = values[bounds[t] : bounds[t + 1]][leaves[one, t]]
            told |= set(one[(step > 0).astype(int) == y[one]].tolist())
    return alone, told


def _s105(result):
    return {f.title: f for f in result.findings if f.check_id == "MP-S105"}


@pytest.mark.parametrize("policy", list(POLICIES))
@pytest.mark.parametrize("bootstrap", ["MVS", "Bayesian", "No"])
def test_nonsymmetric_leaves_are_catboosts_own(cancer, policy, bootstrap):
    X, y = cancer
    model = _fit(X, y, bootstrap_type=bootstrap, **POLICIES[policy])
    assert "trees" in model_json(model) and "oblivious_trees" not in model_json(model)
    leaves, bounds, counts = _per_tree(model, X)
    stored = np.asarray(model.get_leaf_weights())
    for t, c in enumerate(counts):  # the leaf weights are the rows CatBoost routes there
        assert np.array_equal(c, stored[bounds[t] : bounds[t + 1]])
    forest = forest_of(model, n_rows=len(X))
    assert (forest.kind, forest.path, forest.matched, forest.exact) == (
        "catboost",
        "trees",
        True,
        True,
    )
    F = X.to_numpy(dtype=np.float32)
    for i, rows, leaf in forest.leaves(X):
        spec = forest.trees[i]
        is_leaf = spec.left < 0
        assert is_leaf.sum() == bounds[i + 1] - bounds[i]
        # the same partition as CatBoost's, with CatBoost's counts at our leaves
        ours = np.bincount(leaf, minlength=spec.n_nodes)
        assert np.array_equal(ours[leaf], counts[i][leaves[rows, i]])
        assert np.array_equal(np.sort(spec.n_node_samples[is_leaf]), np.sort(counts[i]))
        assert spec.n_node_samples[0] == len(X)
        # and our own thresholds send every row to the node CatBoost names
        node = np.zeros(len(X), dtype=np.int64)
        for _ in range(spec.n_nodes):
            inner = spec.left[node] >= 0
            if not inner.any():
                break
            go = F[np.arange(len(X)), np.maximum(spec.feature[node], 0)] > spec.threshold[node]
            node = np.where(inner, np.where(go, spec.right[node], spec.left[node]), node)
        assert np.array_equal(node[rows], leaf)


@pytest.mark.parametrize("policy", list(POLICIES))
def test_people_alone_with_their_labels(cancer, policy):
    X, y = cancer
    model = _fit(X, y, **POLICIES[policy])
    alone, told = _alone(model, X, y)
    found = _s105(modelprivacy.inspect(model, X, y))["People alone in a tree leaf"]
    assert set(found.records.ids) == alone and len(alone) >= 5
    assert found.evidence["label_recovered"] == len(told) == len(alone)
    assert found.confidence is Confidence.HIGH
    weights = np.asarray(model.get_leaf_weights())
    [model_only] = _s105(modelprivacy.inspect(model)).values()
    assert model_only.evidence["leaves_of_one"] == int((weights == 1).sum()) > 0


@pytest.mark.parametrize("policy", list(POLICIES))
def test_regression_leaf_of_one_gives_the_target_back(cancer, policy):
    X, _ = cancer
    target = np.round(X.iloc[:, 0].to_numpy() * 3 + X.iloc[:, 1].to_numpy(), 2)
    model = _fit(X, target, cls=catboost.CatBoostRegressor, **POLICIES[policy])
    alone, _ = _alone(model, X)
    found = _s105(modelprivacy.inspect(model, X, target))["People alone in a tree leaf"]
    assert set(found.records.ids) == alone
    assert found.evidence["label_recovered"] == len(alone) >= 5


def test_multiclass_lossguide_leaf_of_one_gives_the_class(cancer):
    X, _ = cancer
    y = np.digitize(X.iloc[:, 0].to_numpy(), [12.0, 15.0])
    model = _fit(X, y, loss_function="MultiClass", **POLICIES["Lossguide"])
    alone, _ = _alone(model, X)
    found = _s105(modelprivacy.inspect(model, X, y))["People alone in a tree leaf"]
    assert set(found.records.ids) == alone
    assert 0.9 * len(alone) <= found.evidence["label_recovered"] <= len(alone)


@pytest.mark.parametrize("policy", list(POLICIES))
def test_borders_are_float32_midpoints(cancer, policy):
    X, y = cancer
    model = _fit(X, y, **POLICIES[policy])
    located_by_hand = 0
    for j, thr in forest_of(model).split_thresholds().items():
        col = np.unique(X.iloc[:, j].to_numpy().astype(np.float32)).astype(np.float64)
        mids = ((col[:-1] + col[1:]) / 2).astype(np.float32)
        assert np.isin(thr.astype(np.float32), mids).all()
        hit = np.isin(mids, thr.astype(np.float32))
        located = np.zeros(col.size, dtype=bool)
        located[:-1] |= hit
        located[1:] |= hit
        located_by_hand += int(located.sum())
    [found] = [f for f in modelprivacy.inspect(model, X, y).findings if f.check_id == "MP-S104"]
    columns = found.evidence["columns"]
    assert sum(c["located_values"] for c in columns.values()) == located_by_hand > 0


@pytest.mark.parametrize("policy", list(POLICIES))
def test_leaf_boxes_cover_nonsymmetric_trees(cancer, policy):
    X, y = cancer
    model = _fit(X, y, **POLICIES[policy])
    leaves, _, counts = _per_tree(model, X)
    small = np.zeros(len(X), dtype=bool)
    for t, c in enumerate(counts):
        small |= c[leaves[:, t]] < 10
    result = leaf_boxes(model, X, y, k=10)
    assert np.array_equal(result.exposed, small) and small.sum() > 0
    F = X.to_numpy(dtype=np.float64)
    inside = (result.low <= F) & (result.high >= F)  # every record's box holds the record
    assert inside[small].all()


@pytest.mark.parametrize("fmt", ["cbm", "json"])
def test_loaded_nonsymmetric_model_is_read_alike(cancer, fmt, tmp_path):
    X, y = cancer
    model = _fit(X, y, **POLICIES["Lossguide"])
    path = tmp_path / f"model.{fmt}"
    model.save_model(str(path), format=fmt)
    loaded = load_model(path).estimator
    alone, _ = _alone(loaded, X)
    assert alone == _alone(model, X)[0]
    found = _s105(modelprivacy.inspect(loaded, X, y))["People alone in a tree leaf"]
    assert set(found.records.ids) == alone


def test_bad_nested_trees_are_refused(cancer, tmp_path):
    X, y = cancer
    doc = model_json(_fit(X, y, **POLICIES["Depthwise"]))
    check_json(doc)
    bad = json.loads(json.dumps(doc))
    leaf = bad["trees"][0]
    while "split" in leaf["left"]:
        leaf = leaf["left"]
    leaf["left"]["value"] = "x"
    with pytest.raises(FormatError, match="not a number"):
        check_json(bad)
    bad = json.loads(json.dumps(doc))
    bad["trees"][0]["split"]["float_feature_index"] = 99
    with pytest.raises(FormatError):
        check_json(bad)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    assert cli.main(["inspect", str(path)]) == 2


# --------------------------------------------------------------------------- feature counts


def _cb(**kw):
    return catboost.CatBoostClassifier(
        iterations=5, depth=3, verbose=0, allow_writing_files=False, thread_count=1, **kw
    )


def _catboosts(obj):
    """The CatBoost models of the estimators built below (by hand, not by the walk)."""
    if isinstance(obj, catboost.CatBoost):
        return [obj]
    if hasattr(obj, "steps"):
        return [m for _, s in obj.steps for m in _catboosts(s)]
    out = []
    for name in ("estimators_", "final_estimator_"):
        members = getattr(obj, name, None)
        members = members if isinstance(members, list) else [members]
        out += [m for s in members if s is not None for m in _catboosts(s)]
    return out


def test_nested_catboost_models_get_their_feature_count(cancer, tmp_path):
    X, y = cancer
    X, y = X.iloc[:200], y[:200]
    vote = make_pipeline(
        ColumnTransformer([("num", StandardScaler(), list(X.columns))]),
        VotingClassifier(
            [("cb", _cb(grow_policy="Depthwise")), ("lr", LogisticRegression(max_iter=500))],
            voting="soft",
        ),
    ).fit(X, y)
    stack = StackingClassifier(
        [("cb", _cb()), ("lr", LogisticRegression(max_iter=500))], final_estimator=_cb(), cv=2
    ).fit(X, y)
    for model, widths in ((vote, [X.shape[1]]), (stack, [X.shape[1], 2])):
        blob = pickle.dumps(model)
        assert all(m.n_features_in_ == 0 for m in _catboosts(pickle.loads(blob)))  # CatBoost's own
        path = tmp_path / "model.pkl"
        path.write_bytes(blob)
        loaded = load_model(path).estimator
        found = _catboosts(loaded)
        assert sorted(m.n_features_in_ for m in found) == sorted(widths)
        named = getattr(loaded[-1] if hasattr(loaded, "steps") else loaded, "named_estimators_")
        assert named["cb"].n_features_in_ == X.shape[1]  # the same object as in estimators_
        result = modelprivacy.inspect(loaded, X, y)
        assert any(f.check_id == "MP-S105" for f in result.findings)
