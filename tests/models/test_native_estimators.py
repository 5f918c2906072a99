"""Boosters loaded from their own files, attacked: queried by the library, refit from the file.

A ``lightgbm.Booster`` or ``xgboost.Booster`` read from a model file has no
``predict_proba``, ``classes_`` or ``fit``. The attacks query it through
:class:`~modelprivacy.models._native.NativeModel` and train reference models
with the parameters the file stores (allowlisted). These tests check the
answers against the library's own ``predict`` and the refit against a model
trained by hand with the same parameters.
"""

from __future__ import annotations

import os
from pathlib import Path

import lightgbm
import numpy as np
import pandas as pd
import pytest
import xgboost
from sklearn.base import clone

import modelprivacy
from modelprivacy.attacks.target import Target
from modelprivacy.errors import ModelPrivacyError
from modelprivacy.models._registry import as_estimator


@pytest.fixture(scope="module")
def frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(0)
    X = pd.DataFrame(np.round(rng.normal(size=(360, 4)), 2), columns=["a", "b", "c", "d"])
    X["label"] = (X["a"] + rng.normal(scale=0.7, size=len(X)) > 0).astype(int)
    return X.iloc[:180].reset_index(drop=True), X.iloc[180:].reset_index(drop=True)


_LGB = {"objective": "binary", "num_leaves": 7, "learning_rate": 0.07, "min_data_in_leaf": 3}


def _lgb_file(tmp_path: Path, train: pd.DataFrame, params: dict, rounds: int = 12) -> Path:
    X, y = train.drop(columns="label"), train["label"]
    booster = lightgbm.train({**params, "verbosity": -1}, lightgbm.Dataset(X, y), rounds)
    path = tmp_path / "model.txt"
    booster.save_model(str(path))
    return path


def test_lightgbm_file_is_queried_by_lightgbm_and_refit_with_its_own_parameters(tmp_path, frames):
    train, _ = frames
    X, y = train.drop(columns="label"), train["label"]
    path = _lgb_file(tmp_path, train, _LGB)
    booster = modelprivacy.load_model(path).estimator
    assert isinstance(booster, lightgbm.Booster)
    model = as_estimator(booster)
    assert model.booster_ is booster and list(model.classes_) == [0, 1]
    assert model.rounds == 12
    assert {k: model.params[k] for k in _LGB} == _LGB
    p = model.predict_proba(X)
    np.testing.assert_array_equal(p[:, 1], booster.predict(X))
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    # a reference model fitted on the same rows is the same model: same parameters, same seed
    refit = clone(model).fit(X, y)
    assert refit.booster_ is not booster
    np.testing.assert_allclose(refit.predict_proba(X), p, rtol=1e-12)


def test_lightgbm_multiclass_and_regression_files(tmp_path, frames):
    train, _ = frames
    X = train.drop(columns="label")
    y3 = np.digitize(X["b"], [-0.5, 0.5])
    multi = lightgbm.train(
        {"objective": "multiclass", "num_class": 3, "verbosity": -1}, lightgbm.Dataset(X, y3), 5
    )
    model = as_estimator(multi)
    assert (model.task, list(model.classes_)) == ("multiclass", [0, 1, 2])
    np.testing.assert_array_equal(model.predict_proba(X), multi.predict(X))
    reg = lightgbm.train({"objective": "huber", "verbosity": -1}, lightgbm.Dataset(X, X["c"]), 5)
    target = Target(reg)
    assert target.output == "regression"
    np.testing.assert_array_equal(target.estimator.predict(X), reg.predict(X))
    rank = lightgbm.train(
        {"objective": "lambdarank", "verbosity": -1},
        lightgbm.Dataset(X, y3, group=[len(X)]),
        2,
    )
    with pytest.raises(ModelPrivacyError, match="ranking models are not attacked"):
        as_estimator(rank)


def test_parameters_that_name_files_or_threads_never_reach_a_refit(tmp_path, frames):
    train, _ = frames
    X, y = train.drop(columns="label"), train["label"]
    path = _lgb_file(tmp_path, train, _LGB)
    planted = tmp_path / "written_by_the_file.txt"
    text = path.read_text()
    hostile = text.replace(
        "[num_leaves: 7]",
        f"[num_leaves: 7]\n[output_model: {planted}]\n[num_threads: 100000]\n"
        f"[forcedsplits_filename: {tmp_path / 'nope.json'}]",
    )
    assert hostile != text
    path.write_text(hostile)
    booster = lightgbm.Booster(model_file=str(path))
    model = as_estimator(booster)
    for key in ("output_model", "num_threads", "forcedsplits_filename"):
        assert key not in model.params
    clone(model).fit(X, y)
    assert not planted.exists()
    assert not (tmp_path / "nope.json").exists()


def test_out_of_bounds_parameters_are_dropped_with_a_note(tmp_path, frames):
    train, _ = frames
    path = _lgb_file(tmp_path, train, _LGB)
    text = path.read_text().replace("[num_leaves: 7]", "[num_leaves: 99999999999]")
    path.write_text(text)
    model = as_estimator(lightgbm.Booster(model_file=str(path)))
    assert "num_leaves" not in model.params
    assert any("num_leaves" in n and "default" in n for n in model.refit_notes)


def test_labels_other_than_codes_get_a_clear_error(frames):
    train, _ = frames
    X, y = train.drop(columns="label"), train["label"]
    model = as_estimator(lightgbm.train({**_LGB, "verbosity": -1}, lightgbm.Dataset(X, y), 3))
    with pytest.raises(ModelPrivacyError, match="takes labels 0 to 1"):
        clone(model).fit(X, np.where(y == 1, "yes", "no"))


def test_xgboost_files_keep_the_objective_and_say_what_they_do_not_store(tmp_path, frames):
    train, _ = frames
    X, y = train.drop(columns="label"), train["label"]
    booster = xgboost.train(
        {"objective": "binary:logistic", "max_depth": 3}, xgboost.DMatrix(X, y), 8
    )
    path = tmp_path / "model.ubj"
    booster.save_model(str(path))
    loaded = modelprivacy.load_model(path).estimator
    model = as_estimator(loaded)
    assert (model.task, model.rounds, model.params["objective"]) == ("binary", 8, "binary:logistic")
    assert any("do not store the training parameters" in n for n in model.refit_notes)
    np.testing.assert_allclose(model.predict_proba(X)[:, 1], loaded.predict(xgboost.DMatrix(X)))
    refit = clone(model).fit(X, y)
    assert refit.predict_proba(X).shape == (len(X), 2)
    # softmax: XGBoost itself predicts labels; the attacks get its softmax of the margins
    y3 = np.digitize(X["b"], [-0.5, 0.5])
    soft = xgboost.train({"objective": "multi:softmax", "num_class": 3}, xgboost.DMatrix(X, y3), 4)
    m3 = as_estimator(soft)
    proba = m3.predict_proba(X)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    np.testing.assert_array_equal(m3.predict(X), soft.predict(xgboost.DMatrix(X)))
    with pytest.raises(ModelPrivacyError, match="ranking, survival and hinge"):
        as_estimator(xgboost.train({"objective": "rank:pairwise"}, xgboost.DMatrix(X, y), 1))


def test_xgboost_refit_grows_as_many_trees_per_round_as_the_file(frames):
    train, _ = frames
    X, y = train.drop(columns="label"), train["label"]
    forest = xgboost.train(
        {"objective": "binary:logistic", "num_parallel_tree": 4, "subsample": 0.8},
        xgboost.DMatrix(X, y),
        3,
    )
    model = as_estimator(forest)
    assert (model.params["num_parallel_tree"], model.rounds) == (4, 3)
    assert clone(model).fit(X, y).booster_.num_boosted_rounds() == 3
    assert len(clone(model).fit(X, y).booster_.get_dump()) == 12


def test_xgboost_refit_grows_trees_as_deep_as_the_files_deepest(frames):
    train, _ = frames
    X = train.drop(columns="label")
    noise = np.random.default_rng(1).normal(size=len(X))  # nothing to learn: trees grow deep
    deep = xgboost.train(
        {"objective": "reg:squarederror", "max_depth": 10, "lambda": 0},
        xgboost.DMatrix(X, noise),
        3,
    )
    raw = deep.save_raw("json")
    loaded = xgboost.Booster()
    loaded.load_model(bytearray(raw))  # the configuration is lost: XGBoost reports max_depth 6
    model = as_estimator(loaded)
    assert model.task == "regression" and model.params["max_depth"] == 10
    assert any("as deep as the model's deepest tree" in n for n in model.refit_notes)


@pytest.mark.parametrize("suffix", ["txt", "json"])
def test_audit_of_a_native_file_runs_membership_inference(tmp_path, frames, suffix):
    train, holdout = frames
    X, y = train.drop(columns="label"), train["label"]
    path = tmp_path / f"model.{suffix}"
    if suffix == "txt":
        lightgbm.train(
            {"objective": "binary", "min_data_in_leaf": 2, "verbosity": -1},
            lightgbm.Dataset(X, y),
            30,
        ).save_model(str(path))
    else:
        xgboost.train({"objective": "binary:logistic"}, xgboost.DMatrix(X, y), 30).save_model(
            str(path)
        )
    result = modelprivacy.audit(
        str(path), train=train, holdout=holdout, target="label", reference_models=2, seed=0
    )
    assert result.membership is not None
    m = result.membership
    # every member scored, or fewer for the same class mix as the holdout's, and said so
    assert m.k == 2 and m.n_members <= len(train)
    assert (m.n_members == len(train)) == (not m.class_balance)
    assert "rmia_offline" in result.membership.metrics
    criteria = {c.value: v for c, v in result.verdict.criteria.items()}
    assert criteria["linkability"].assessed == "yes"
    if suffix == "json":
        assert any("do not store" in n for n in result.membership.refit_notes)
    assert not any(Path(p).suffix == ".txt" for p in os.listdir(tmp_path) if p != path.name)


def test_statsmodels_results_are_queried_by_predict_and_refit_by_their_model_class(frames):
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    train, holdout = frames
    cols = ["a", "b", "c", "d"]
    X, y = train[cols], train["label"]
    logit = sm.Logit(y, sm.add_constant(X)).fit(disp=0)
    model = as_estimator(logit)
    assert (model.task, list(model.classes_)) == ("binary", [0, 1])
    # the records come without the intercept column that add_constant put in the design
    np.testing.assert_allclose(model.predict_proba(X)[:, 1], logit.predict(sm.add_constant(X)))
    other = holdout[cols]
    refit = clone(model).fit(other, holdout["label"])
    by_hand = sm.Logit(holdout["label"], sm.add_constant(other)).fit(disp=0)
    np.testing.assert_allclose(refit.booster_.params, by_hand.params, rtol=1e-6)
    glm = sm.GLM(y, sm.add_constant(X), family=sm.families.Binomial()).fit()
    assert as_estimator(glm).task == "binary"
    ols = sm.OLS(X["d"], X[["a", "b"]]).fit()
    m_ols = as_estimator(ols)
    assert m_ols.task == "regression" and Target(ols).output == "regression"
    np.testing.assert_allclose(m_ols.predict(X[["a", "b"]]), ols.predict(X[["a", "b"]]))
    formula = smf.logit("label ~ a + b", data=train).fit(disp=0)
    m_f = clone(as_estimator(formula)).fit(holdout[cols], holdout["label"])
    by_formula = smf.logit("label ~ a + b", data=holdout).fit(disp=0)
    np.testing.assert_allclose(m_f.booster_.params, by_formula.params, rtol=1e-6)
    weighted = sm.GLM(
        y, sm.add_constant(X), family=sm.families.Poisson(), exposure=X["a"].abs() + 1
    )
    notes = as_estimator(weighted.fit()).refit_notes
    assert any("exposure" in n for n in notes)
    quantile = sm.QuantReg(X["d"], X[["a", "b"]]).fit()
    with pytest.raises(ModelPrivacyError, match="not a model the attacks know"):
        as_estimator(quantile)


def test_an_onnx_network_names_its_classes_and_is_attacked_with_fit_fn(tmp_path, frames):
    from skl2onnx import to_onnx
    from sklearn.neural_network import MLPClassifier

    train, _ = frames
    cols = ["a", "b", "c", "d"]
    labels = np.where(train["label"] == 1, "yes", "no")
    net = MLPClassifier((8,), max_iter=2000, random_state=0).fit(
        train[cols].to_numpy(np.float32), labels
    )
    graph = to_onnx(net, train[cols].to_numpy(np.float32)[:1], options={"zipmap": False})
    path = tmp_path / "net.onnx"
    path.write_bytes(graph.SerializeToString())
    loaded = modelprivacy.load_model(path).estimator
    assert list(loaded.classes_) == ["no", "yes"]
    target = Target(loaded)
    assert target.output == "proba"
    np.testing.assert_allclose(
        loaded.predict_proba(train[cols]),
        net.predict_proba(train[cols].to_numpy(np.float32)),
        atol=1e-5,
    )
    assert target.refit_reason()  # a graph cannot be refitted


def test_catboost_file_with_a_category_column_is_queried_refit_and_boxed(tmp_path):
    import catboost

    rng = np.random.default_rng(5)
    n = 240
    df = pd.DataFrame(
        {
            "a": np.round(rng.normal(size=n), 2),
            "city": rng.choice(["Oslo", "Rome", "Paris"], n),
            "b": np.round(rng.normal(size=n), 2),
        }
    )
    df["y"] = np.where(df["a"] + rng.normal(scale=0.5, size=n) > 0, "yes", "no")
    train, holdout = df.iloc[:120].reset_index(drop=True), df.iloc[120:].reset_index(drop=True)
    X, y = train.drop(columns="y"), train["y"]
    fitted = catboost.CatBoostClassifier(
        iterations=20,
        depth=4,
        random_seed=0,
        verbose=0,
        allow_writing_files=False,
        cat_features=["city"],
    ).fit(X, y)
    path = tmp_path / "model.cbm"
    fitted.save_model(str(path))
    loaded = modelprivacy.load_model(path).estimator
    model = as_estimator(loaded)
    assert list(model.classes_) == ["no", "yes"] and model.params["cat_features"] == [1]
    assert model.rounds == 20 and model.params["depth"] == 4
    np.testing.assert_allclose(model.predict_proba(X), fitted.predict_proba(X))
    refit = clone(model).fit(X, y)  # same parameters, same seed, same rows: the same model
    np.testing.assert_allclose(refit.predict_proba(X), fitted.predict_proba(X), rtol=1e-9)
    assert not any(p.name == "catboost_info" for p in Path.cwd().iterdir())
    result = modelprivacy.audit(
        str(path), train=train, holdout=holdout, target="y", reference_models=2, seed=0
    )
    assert not result.errors, result.errors
    m = result.membership
    assert m is not None and m.n_members <= len(train)
    assert (m.n_members == len(train)) == (not m.class_balance)
    assert any(f.check_id == "MP-S110" for f in result.findings)


def test_an_unpickled_catboost_model_knows_its_features(tmp_path, frames):
    import pickle

    import catboost
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    train, _ = frames
    X, y = train.drop(columns="label"), train["label"]
    model = catboost.CatBoostClassifier(iterations=5, verbose=0, allow_writing_files=False)
    for obj in (model.fit(X, y), make_pipeline(StandardScaler(), model).fit(X, y)):
        path = tmp_path / "model.pkl"
        path.write_bytes(pickle.dumps(obj))
        loaded = modelprivacy.load_model(path).estimator
        final = loaded.steps[-1][1] if hasattr(loaded, "steps") else loaded
        assert final.n_features_in_ == X.shape[1]  # CatBoost itself says 0 after unpickling
