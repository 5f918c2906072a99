"""Sanitising models of other libraries: planted data, inspection before and after, predictions.

Every rule of :mod:`modelprivacy.sanitizing.libraries` is proved the way the
scikit-learn rules are: the inspection finds the planted exposure before, does
not find it after, and predictions are identical where the rule says so.
"""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

from modelprivacy import inspect
from modelprivacy.errors import DataError
from modelprivacy.load import load_model
from modelprivacy.sanitizing import sanitize, save_model

K = 10
N = 500


def _ids(result, check):
    return [f for f in result.findings if f.check_id == check]


@pytest.fixture(scope="module")
def planted():
    """Numeric columns with one extreme person, a category column with two one-person categories."""
    rng = np.random.default_rng(0)
    X = pd.DataFrame(
        {
            "age": rng.integers(18, 90, N).astype(float),
            "income": rng.normal(50, 10, N),
            "city": pd.Categorical(rng.choice(["A", "B", "C"], N).tolist()),
        }
    )
    X["city"] = X["city"].cat.add_categories(["Zanzibar", "Tromso"])
    X.loc[1, "city"] = "Zanzibar"
    X.loc[2, "city"] = "Tromso"
    X.loc[0, "age"] = 117.0  # the oldest person: the stored maximum
    X.loc[3:5, "age"] = np.nan
    y = ((X.income + rng.normal(0, 5, N) > 50) ^ (X.city == "A")).astype(int).to_numpy()
    return X, y


def _odd_records():
    """Records the training data never had: missing values, extremes, removed and unseen categories."""
    return pd.DataFrame(
        {
            "age": [np.nan, -5.0, 200.0, 40.0, 117.0],
            "income": [50.0, 1e9, -1e9, np.nan, 50.0],
            "city": pd.Categorical(["Zanzibar", "Tromso", "Nowhere", None, "A"]),
        }
    )


# --------------------------------------------------------------------------- LightGBM


@pytest.fixture(scope="module")
def lgbm(planted):
    lightgbm = pytest.importorskip("lightgbm")
    X, y = planted
    return lightgbm.LGBMClassifier(
        n_estimators=20, min_child_samples=2, verbose=-1, n_jobs=1, random_state=0
    ).fit(X, y)


def test_lightgbm_file_rule_removes_ranges_and_unused_categories_bit_identically(planted, lgbm):
    X, y = planted
    before = inspect(lgbm, X, y, k=K)
    assert any(f.path.endswith("feature_infos") for f in _ids(before, "MP-S103"))
    assert _ids(before, "MP-S106")  # the one-person categories
    result = sanitize(lgbm, rules=["lightgbm_file"])
    assert {a.rule for a in result.actions} == {"lightgbm_file"}
    text = result.model.booster_.model_to_string()
    assert "117" not in text.split("Tree=0")[0]  # the header keeps no range
    assert "Zanzibar" not in text and "Tromso" not in text
    assert '"A"' in text  # categories the splits use are kept
    after = inspect(result.model, X, y, k=K)
    assert not _ids(after, "MP-S103")
    assert not _ids(after, "MP-S106")
    for data in (X, _odd_records()):
        old = lgbm.booster_.predict(data, raw_score=True)
        new = result.model.booster_.predict(data, raw_score=True)
        assert np.array_equal(old, new)
    assert lgbm.booster_.model_to_string() != text  # the input model is not modified


def test_lightgbm_refit_makes_every_leaf_hold_k_records(planted, lgbm):
    X, y = planted
    assert _ids(inspect(lgbm, X, y, k=K), "MP-S105")
    result = sanitize(lgbm, X, y, k=K)
    assert not result.refused
    refit = [a for a in result.actions if a.rule == "lightgbm_leaves"]
    assert refit and "checked by routing the training data" in refit[0].what
    leaves = result.model.booster_.predict(X, pred_leaf=True)
    assert min(np.bincount(leaves[:, t]).max(initial=0) for t in range(leaves.shape[1])) >= K
    for t in range(leaves.shape[1]):
        counts = np.bincount(leaves[:, t])
        assert counts[counts > 0].min() >= K
    after = inspect(result.model, X, y, k=K)
    assert not _ids(after, "MP-S105")
    assert not _ids(after, "MP-S103")
    assert result.model.get_params()["min_child_samples"] >= K


def test_lightgbm_native_file_round_trip(planted, lgbm, tmp_path):
    X, y = planted
    path = tmp_path / "model.txt"
    path.write_text(lgbm.booster_.model_to_string())
    booster = load_model(path).estimator
    no_data = sanitize(booster)
    assert [a.rule for a in no_data.actions if a.kind == "refused"] == ["lightgbm_leaves"]
    assert "needs the training data" in no_data.refused[0]
    result = sanitize(booster, X, y, k=K)
    assert type(result.model) is type(booster)
    assert not result.refused
    with pytest.raises(DataError, match="refusing to overwrite"):
        save_model(result.model, path, inputs=[path])
    out = save_model(result.model, tmp_path / "safer.txt", inputs=[path])
    assert out.read_text().startswith("tree")
    loaded = load_model(out).estimator
    assert np.array_equal(loaded.predict(X), result.model.predict(X))
    assert not _ids(inspect(loaded, X, y, k=K), "MP-S105")


# --------------------------------------------------------------------------- XGBoost


@pytest.fixture(scope="module")
def numeric(planted):
    X, y = planted
    return X[["age", "income"]], y


def _routed_min(booster, X):
    import xgboost

    leaves = booster.predict(xgboost.DMatrix(X), pred_leaf=True).astype(int)
    return min(np.bincount(c)[np.bincount(c) > 0].min() for c in leaves.T)


def test_xgboost_logistic_refit_guarantees_k_records_per_leaf(numeric, tmp_path):
    xgboost = pytest.importorskip("xgboost")
    X, y = numeric
    model = xgboost.XGBClassifier(
        n_estimators=15, max_depth=6, min_child_weight=0, n_jobs=1, random_state=0
    ).fit(X, y)
    assert _routed_min(model.get_booster(), X) < K
    assert _ids(inspect(model, X, y, k=K), "MP-S105")
    result = sanitize(model, X, y, k=K)
    assert not result.refused
    (action,) = [a for a in result.actions if a.rule == "xgboost_leaves"]
    assert "min_child_weight=2.5" in action.what  # k * 1/4 for binary:logistic
    assert "guarantees" in action.what
    assert _routed_min(result.model.get_booster(), X) >= K
    assert not _ids(inspect(result.model, X, y, k=K), "MP-S105")
    # a native booster comes back as a booster and is written as JSON or UBJSON
    native = sanitize(model.get_booster(), X, y, k=K).model
    assert isinstance(native, xgboost.Booster)
    for name in ("safer.json", "safer.ubj"):
        loaded = load_model(save_model(native, tmp_path / name)).estimator
        assert np.array_equal(
            loaded.predict(xgboost.DMatrix(X)), native.predict(xgboost.DMatrix(X))
        )
    assert (tmp_path / "safer.json").read_bytes().startswith(b"{")


def test_xgboost_squared_error_refit(numeric):
    xgboost = pytest.importorskip("xgboost")
    X, _ = numeric
    target = X["income"].to_numpy() * 2 + np.random.default_rng(1).normal(size=len(X))
    model = xgboost.XGBRegressor(n_estimators=10, max_depth=6, n_jobs=1, random_state=0)
    model.fit(X, target)
    result = sanitize(model, X, target, k=K)
    assert not result.refused
    assert _routed_min(result.model.get_booster(), X) >= K
    assert result.model.get_params()["min_child_weight"] == K


def test_xgboost_category_strings_are_refused_not_broken(planted):
    xgboost = pytest.importorskip("xgboost")
    X, y = planted
    model = xgboost.XGBClassifier(
        n_estimators=5, enable_categorical=True, n_jobs=1, random_state=0
    ).fit(X, y)
    result = sanitize(model, X, y, k=K)
    (reason,) = [r for r in result.refused if "cats" in r]
    assert "2 of its 5 stored category strings" in reason
    assert "group categories of fewer than 10 records before fitting" in reason


# --------------------------------------------------------------------------- CatBoost


def test_catboost_ctr_refused_and_leaves_pruned_to_k(planted):
    catboost = pytest.importorskip("catboost")
    X, y = planted
    model = catboost.CatBoostClassifier(
        iterations=20,
        depth=4,
        verbose=0,
        allow_writing_files=False,
        thread_count=1,
        random_seed=0,
        cat_features=[2],
    ).fit(X, y)
    pool = catboost.Pool(X, cat_features=[2])
    before = np.asarray(model.calc_leaf_indexes(pool))
    assert min(np.bincount(c)[np.bincount(c) > 0].min() for c in before.T) < K
    result = sanitize(model, X, y, k=K)
    ctr = [r for r in result.refused if "CTR" in r]
    assert ctr and "no supported way" in ctr[0]
    [leaves] = [a for a in result.actions if a.rule == "catboost_leaves"]
    assert leaves.kind == "prune" and "by routing the training data" in leaves.what
    # CatBoost's own routing of the training data (CTR splits included) through the pruned trees
    idx = np.asarray(result.model.calc_leaf_indexes(pool))
    assert min(np.bincount(c)[np.bincount(c) > 0].min() for c in idx.T) >= K
    assert not _ids(inspect(result.model, X, y), "MP-S105")
    # the input model is not modified
    assert model.get_all_params()["grow_policy"] == "SymmetricTree"
    assert np.array_equal(np.asarray(model.calc_leaf_indexes(pool)), before)


# --------------------------------------------------------------------------- statsmodels


@pytest.fixture(scope="module")
def frame():
    rng = np.random.default_rng(0)
    n = 200
    df = pd.DataFrame(
        {
            "x1": rng.normal(size=n),
            "x2": rng.normal(size=n),
            "unused": rng.integers(10**8, 10**9, n).astype(float),  # not in the formula
            "city": rng.choice(["A", "B", "C"], n),
        }
    )
    df["y"] = 1 + 2 * df.x1 - df.x2 + rng.normal(size=n)
    df.loc[3, "x2"] = np.nan
    df.index = [f"person-{i}" for i in range(n)]
    return df


def _reload(model):
    """A pickle round trip (statsmodels 0.15 cannot unpickle formula results at module level)."""
    return pickle.loads(pickle.dumps(model))


def test_statsmodels_formula_results_keep_no_training_data(frame, tmp_path):
    smf = pytest.importorskip("statsmodels.formula.api")
    results = smf.ols("y ~ x1 + x2 + C(city)", data=frame).fit()
    _ = results.resid, results.fittedvalues
    new = frame.iloc[:7][["x1", "x2", "city"]].assign(x1=np.linspace(-2, 2, 7))
    expected = np.asarray(results.predict(new))
    train = frame.dropna()
    before = inspect(results, train, target="y", k=K)
    assert _ids(before, "MP-S101") and _ids(before, "MP-S108")
    result = sanitize(results)
    assert not result.refused
    (action,) = result.actions
    assert "model.data.frame" in action.what and "row_labels" in action.what
    loaded = _reload(result.model)
    after = inspect(loaded, train, target="y", k=K)
    assert [f.check_id for f in after.findings if f.severity.name != "INFO"] == []
    assert np.array_equal(np.asarray(loaded.predict(new)), expected, equal_nan=True)
    assert np.array_equal(np.asarray(result.model.predict(new)), expected, equal_nan=True)
    assert np.allclose(loaded.bse, results.bse)  # aggregates computed before the removal
    assert results.model.data.frame is not None  # the input is not modified
    with pytest.raises(DataError, match="saved as a pickle"):
        save_model(result.model, tmp_path / "safer.skops")
    out = save_model(result.model, tmp_path / "safer.pkl")
    import joblib

    reloaded = (lambda: joblib.load(out))()  # our own file (see _reload)
    assert np.array_equal(np.asarray(reloaded.predict(new)), expected, equal_nan=True)


def test_statsmodels_stateful_formula_is_refused(frame):
    smf = pytest.importorskip("statsmodels.formula.api")
    results = smf.ols("y ~ center(x1)", data=frame).fit()
    result = sanitize(results)
    (reason,) = result.refused
    assert "model.data.frame" in reason and "stateful transform" in reason
    assert result.model.model.data.frame is not None and len(result.model.model.data.frame)


def test_statsmodels_array_model(frame):
    sm = pytest.importorskip("statsmodels.api")
    data = frame.dropna()
    exog = sm.add_constant(data[["x1", "x2"]])
    results = sm.OLS(data["y"], exog).fit()
    new = sm.add_constant(pd.DataFrame({"x1": [0.0, 1.0], "x2": [2.0, -1.0]}))
    result = sanitize(results)
    assert not result.refused
    assert np.array_equal(np.asarray(result.model.predict(new)), np.asarray(results.predict(new)))
    after = inspect(result.model, data, target="y", k=K)
    assert [f.check_id for f in after.findings if f.severity.name != "INFO"] == []


# --------------------------------------------------------------------------- ONNX


@pytest.mark.parametrize("kind", ["knn", "svm", "logistic"])
def test_onnx_models_that_are_their_data_are_refused(kind):
    pytest.importorskip("onnxruntime")
    from skl2onnx import to_onnx
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.svm import SVC

    from modelprivacy.models.onnx import OnnxModel

    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 3)).astype(np.float32)
    y = (X[:, 0] > 0).astype(int)
    est = {"knn": KNeighborsClassifier(3), "svm": SVC(), "logistic": LogisticRegression()}[kind]
    model = OnnxModel(to_onnx(est.fit(X, y), X[:1]))
    for replace in (False, True):
        result = sanitize(model, replace=replace)
        if kind == "logistic":
            assert not result.refused
            continue
        (reason,) = result.refused
        assert "is its training data" in reason
        assert "--replace" in reason and "cannot be refit" in reason
