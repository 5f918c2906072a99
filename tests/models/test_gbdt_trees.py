"""LightGBM and XGBoost trees on the shared representation, checked against the libraries.

Every expected count is recomputed here from the library's own leaf indices
(``predict(pred_leaf=True)``) and its own stored counts, not from our arrays.
"""

from __future__ import annotations

import lightgbm
import numpy as np
import pytest
import xgboost

import modelprivacy
from modelprivacy.findings import Confidence, Criterion
from modelprivacy.models.trees import forest_of, is_tree_model, node_boxes


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    X = np.round(rng.normal(size=(400, 4)), 2)
    y = (X[:, 0] + rng.normal(scale=0.8, size=400) > 0).astype(int)
    return X, y


def _s105(result: modelprivacy.InspectionResult) -> dict[str, modelprivacy.Finding]:
    return {f.title: f for f in result.findings if f.check_id == "MP-S105"}


def _lgbm(**kw: object) -> lightgbm.LGBMClassifier:
    params = {"n_estimators": 15, "min_child_samples": 1, "min_data_in_bin": 1, "verbose": -1}
    params.update(kw)
    return lightgbm.LGBMClassifier(random_state=0, **params)


def _lgbm_truth(model: lightgbm.LGBMClassifier, X: np.ndarray, y: np.ndarray) -> tuple:
    """People alone (LightGBM's own leaf indices, counted) and labels the step's sign gives."""
    leaves = model.booster_.predict(X, pred_leaf=True)
    alone, told = set(), set()
    for t in range(leaves.shape[1]):
        counts = np.bincount(leaves[:, t])
        one = np.flatnonzero(counts[leaves[:, t]] == 1)
        alone |= set(one.tolist())
        if t:
            value = np.array([model.booster_.get_leaf_output(t, int(j)) for j in leaves[one, t]])
            told |= set(one[(value > 0).astype(int) == y[one]].tolist())
    return alone, told


def test_lightgbm_adapter_reads_the_libraries_own_counts_and_leaves(data):
    X, y = data
    model = _lgbm().fit(X, y)
    assert is_tree_model(model) and is_tree_model(model.booster_)
    forest = forest_of(model, n_rows=len(X))
    assert (forest.kind, forest.matched, forest.exact) == ("lightgbm", True, True)
    own = model.booster_.predict(X, pred_leaf=True)
    for i, rows, leaf in forest.leaves(X):
        spec = forest.trees[i]
        order = np.argsort(rows)
        # our node of each row is LightGBM's leaf, offset past the internal nodes
        assert np.array_equal(leaf[order] - (spec.n_nodes - 1) // 2, own[:, i])
        counts = np.bincount(leaf, minlength=spec.n_nodes)
        assert np.array_equal(counts[spec.is_leaf], spec.n_node_samples[spec.is_leaf])


def test_lightgbm_people_alone_are_named_with_their_labels(data):
    X, y = data
    model = _lgbm().fit(X, y)
    alone, told = _lgbm_truth(model, X, y)
    found = _s105(modelprivacy.inspect(model, X, y))["People alone in a tree leaf"]
    assert set(found.records.ids) == alone and len(alone) > 10
    assert found.evidence["label_recovered"] == len(told) > 0
    assert found.confidence is Confidence.HIGH and found.criterion is Criterion.SINGLING_OUT
    # the same through the bare booster
    booster = _s105(modelprivacy.inspect(model.booster_, X, y))["People alone in a tree leaf"]
    assert set(booster.records.ids) == alone
    # without data: the stored counts alone
    [model_only] = _s105(modelprivacy.inspect(model)).values()
    ones = sum(
        int(
            (forest_of(model).trees[i].n_node_samples[forest_of(model).trees[i].is_leaf] == 1).sum()
        )
        for i in range(15)
    )
    assert model_only.evidence["leaves_of_one"] == ones > 0 and model_only.records.count is None


def test_lightgbm_feature_ranges_are_reported_as_stored_extremes(data):
    X, y = data
    X = X.copy()
    X[7, 2] = 9.5  # one person's extreme value, kept in feature_infos
    model = _lgbm(min_child_samples=40).fit(X, y)
    result = modelprivacy.inspect(model, X, y)
    assert not _s105(result)  # leaves of at least 40: nobody alone
    stored = [f for f in result.findings if f.check_id == "MP-S103"]
    assert stored and 7 in set(stored[0].records.ids)


def test_lightgbm_bagging_is_consistent_not_exact(data):
    X, y = data
    model = _lgbm(subsample=0.5, subsample_freq=1).fit(X, y)
    forest = forest_of(model, n_rows=len(X))
    assert forest.matched and not forest.exact and "bagging" in forest.reason
    for f in _s105(modelprivacy.inspect(model, X, y)).values():
        assert f.confidence is Confidence.MEDIUM


def test_regularised_lightgbm_is_not_accused(data):
    X, y = data
    model = lightgbm.LGBMClassifier(n_estimators=15, min_child_samples=30, verbose=-1).fit(X, y)
    assert not _s105(modelprivacy.inspect(model, X, y))
    assert not _s105(modelprivacy.inspect(model))


def _xgb_truth(model: object, X: np.ndarray) -> set[int]:
    leaves = model.get_booster().predict(xgboost.DMatrix(X), pred_leaf=True)  # type: ignore[attr-defined]
    alone: set[int] = set()
    for t in range(leaves.shape[1]):
        counts = np.bincount(leaves[:, t].astype(int))
        alone |= set(np.flatnonzero(counts[leaves[:, t].astype(int)] == 1).tolist())
    return alone


def test_xgboost_regressor_counts_are_its_hessian_sums(data):
    X, _y = data
    target = X[:, 0] + 0.1 * X[:, 1]
    model = xgboost.XGBRegressor(n_estimators=10, random_state=0).fit(X, target)
    forest = forest_of(model, n_rows=len(X))
    assert (forest.kind, forest.matched, forest.exact) == ("xgboost", True, True)
    for i, _, leaf in forest.leaves(X, inbag=False):
        spec = forest.trees[i]
        counts = np.bincount(leaf, minlength=spec.n_nodes)
        assert np.array_equal(counts[spec.is_leaf], spec.n_node_samples[spec.is_leaf])
    found = _s105(modelprivacy.inspect(model, X, target))["People alone in a tree leaf"]
    assert set(found.records.ids) == _xgb_truth(model, X)


def test_xgboost_multi_output_tree_counts_are_hessian_sums_over_targets(data):
    X, _y = data
    targets = np.column_stack([X[:, 0], X[:, 1] - X[:, 2]])
    model = xgboost.XGBRegressor(
        n_estimators=4, tree_method="hist", multi_strategy="multi_output_tree", random_state=0
    ).fit(X, targets)
    forest = forest_of(model, n_rows=len(X))
    assert forest.matched, forest.reason  # the root holds the rows, not rows times targets
    for i, _, leaf in forest.leaves(X, inbag=False):
        spec = forest.trees[i]
        counts = np.bincount(leaf, minlength=spec.n_nodes)
        assert np.array_equal(counts[spec.is_leaf], spec.n_node_samples[spec.is_leaf])
    found = _s105(modelprivacy.inspect(model, X, targets))["People alone in a tree leaf"]
    assert set(found.records.ids) == _xgb_truth(model, X)


def test_xgboost_classifier_first_tree_counts_follow_from_the_base_score(data):
    X, y = data
    model = xgboost.XGBClassifier(n_estimators=10, min_child_weight=0.01, random_state=0).fit(X, y)
    forest = forest_of(model, n_rows=len(X))
    first = forest.trees[0]
    assert first.n_node_samples[0] == len(X)
    assert all(t.n_node_samples[0] == 0 for t in forest.trees[1:])  # not stored: routed
    found = _s105(modelprivacy.inspect(model, X, y))["People alone in a tree leaf"]
    assert set(found.records.ids) == _xgb_truth(model, X)
    assert found.evidence["label_recovered"] == found.records.count  # the sign of one row's step
    # the default min_child_weight=1 cannot isolate one row of a logistic model (hessian <= 1/4)
    default = xgboost.XGBClassifier(n_estimators=10, random_state=0).fit(X, y)
    assert "People alone in a tree leaf" not in _s105(modelprivacy.inspect(default, X, y))


def test_xgboost_boxes_hold_rows_exactly_at_the_split_conditions(data):
    X, _y = data
    model = xgboost.XGBRegressor(n_estimators=3, random_state=0).fit(X, X[:, 0])
    forest = forest_of(model)
    rows = np.repeat(X[:1], 60, axis=0)
    spec = forest.trees[0]
    split = np.flatnonzero(spec.left >= 0)[:60]
    for k, node in enumerate(split):
        rows[k, spec.feature[node]] = spec.threshold[node]  # x == condition goes right
    low, high = node_boxes(spec, X.shape[1])
    leaf = model.get_booster().predict(xgboost.DMatrix(rows), pred_leaf=True)[:, 0].astype(int)
    assert ((rows > low[leaf]) & (rows <= high[leaf])).all()


def _thresholds_by_feature(model: object) -> dict[int, np.ndarray]:
    """Split thresholds read from the library's own dump (not our arrays)."""
    out: dict[int, list[float]] = {}
    if isinstance(model, lightgbm.LGBMClassifier):
        for info in model.booster_.dump_model()["tree_info"]:
            stack = [info["tree_structure"]]
            while stack:
                node = stack.pop()
                if "split_index" in node:
                    out.setdefault(node["split_feature"], []).append(node["threshold"])
                    stack += [node["left_child"], node["right_child"]]
    else:
        frame = model.get_booster().trees_to_dataframe()  # type: ignore[attr-defined]
        split = frame[frame["Feature"] != "Leaf"]
        for f, thr in zip(split["Feature"], split["Split"], strict=True):
            out.setdefault(int(str(f).lstrip("f")), []).append(thr)
    return {j: np.asarray(v) for j, v in out.items()}


@pytest.mark.parametrize("library", ["lightgbm", "xgboost"])
def test_thresholds_locate_the_training_values_beside_them(data, library):
    X, y = data
    X = np.round(X * 50)  # whole numbers: adjacent values are 1 apart
    model = (
        _lgbm().fit(X, y)
        if library == "lightgbm"
        else xgboost.XGBClassifier(n_estimators=10, random_state=0).fit(X, y)
    )
    [found] = [f for f in modelprivacy.inspect(model, X, y).findings if f.check_id == "MP-S104"]
    for j, thr in _thresholds_by_feature(model).items():
        distinct = np.unique(X[:, j])
        mids = (distinct[:-1] + distinct[1:]) / 2
        if library == "lightgbm":  # 1 ulp above the midpoint
            hit = np.isin(np.nextafter(mids, np.inf), thr) | np.isin(mids, thr)
            located = np.zeros(distinct.size, dtype=bool)
        else:  # hist: the split conditions are training values themselves
            thr32 = thr.astype(np.float32)
            hit = np.isin(mids.astype(np.float32), thr32)
            located = np.isin(distinct.astype(np.float32), thr32)
        located[:-1] |= hit
        located[1:] |= hit
        assert found.evidence["columns"][f"x{j}"]["located_values"] == located.sum() > 0


@pytest.mark.parametrize("library", ["lightgbm", "xgboost"])
def test_every_pandas_category_is_kept_and_a_rare_one_is_reported(library, tmp_path):
    import pandas as pd

    rng = np.random.default_rng(3)
    n = 300
    df = pd.DataFrame(
        {
            "a": np.round(rng.normal(size=n), 2),
            "city": rng.choice(["Oslo", "Rome", "Paris"], n).astype(object),
            "job": rng.choice(["cook", "pilot"], n).astype(object),
        }
    )
    df.loc[7, "city"] = "Zzyzx"  # one person's town; no split uses it
    df["city"] = df["city"].astype("category")
    df["job"] = df["job"].astype("category")
    y = (df["a"] > 0).astype(int)
    if library == "lightgbm":
        booster = lightgbm.train({"objective": "binary", "verbose": -1}, lightgbm.Dataset(df, y), 3)
        path = tmp_path / "model.txt"
    else:
        booster = xgboost.train(
            {"objective": "binary:logistic"}, xgboost.DMatrix(df, y, enable_categorical=True), 3
        )
        path = tmp_path / "model.json"
        assert b"Zzyzx" not in booster.save_raw("json")  # bytes written as integers
    booster.save_model(str(path))
    loaded = modelprivacy.load_model(path).estimator
    result = modelprivacy.inspect(loaded, df, y)
    rare = [f for f in result.findings if f.check_id == "MP-S106"]
    assert rare, [f.title for f in result.findings]
    assert 7 in {i for f in rare for i in f.records.ids}


def test_regularised_xgboost_is_not_accused(data):
    X, _ = data
    target = X[:, 1] + np.random.default_rng(4).normal(scale=0.1, size=len(X))
    model = xgboost.XGBRegressor(n_estimators=15, max_depth=3, min_child_weight=30).fit(X, target)
    with_data = _s105(modelprivacy.inspect(model, X, target))
    assert not with_data, list(with_data)
    assert not _s105(modelprivacy.inspect(model))
    grown = xgboost.XGBRegressor(n_estimators=15, max_depth=8, min_child_weight=1).fit(X, target)
    assert _s105(modelprivacy.inspect(grown, X, target))  # the same check does accuse a grown one


def test_lightgbm_with_pandas_category_columns_is_routed_and_confirmed():
    import pandas as pd

    rng = np.random.default_rng(6)
    n = 400
    df = pd.DataFrame(
        {
            "a": np.round(rng.normal(size=n), 2),
            "city": pd.Categorical(rng.choice(["Oslo", "Rome", "Paris", "Lima"], n)),
            "b": np.round(rng.normal(size=n), 2),
        }
    )
    y = ((df["a"] > 0) ^ (df["city"] == "Rome")).astype(int).to_numpy()
    model = _lgbm(n_estimators=20, min_child_samples=2).fit(df, y)
    alone, _ = _lgbm_truth(model, df, y)  # LightGBM's own leaves, on the frame itself
    found = _s105(modelprivacy.inspect(model, df, y))
    assert found["People alone in a tree leaf"].evidence["matched"]
    assert set(found["People alone in a tree leaf"].records.ids) == alone
    # the leaf boxes and the attacks work on the same input
    half = _lgbm(n_estimators=20, min_child_samples=2).fit(df.iloc[:200], y[:200])
    table = df.assign(y=y)
    result = modelprivacy.audit(
        half, train=table.iloc[:200], holdout=table.iloc[200:], target="y", reference_models=2
    )
    assert not result.errors, result.errors
    assert any(f.check_id == "MP-S110" for f in result.findings)
