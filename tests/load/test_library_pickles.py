"""Pickles of XGBoost, LightGBM, CatBoost and statsmodels models, and payloads hidden in them."""

from __future__ import annotations

import copyreg
import os
import pickle
import struct
import warnings

import joblib
import numpy as np
import pytest

from modelprivacy.cli import main
from modelprivacy.errors import ModelLoadError, UnsafeModelError
from modelprivacy.load import is_allowed_global, load_model

xgb = pytest.importorskip("xgboost")
lgb = pytest.importorskip("lightgbm")
cb = pytest.importorskip("catboost")
sm = pytest.importorskip("statsmodels.api")


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(80, 3))
    y = (X[:, 0] + 0.3 * rng.normal(size=80) > 0).astype(int)
    return X, y, X[:, 0] * 2 + rng.normal(size=80)


def _fit(name, data):
    X, y, yr = data
    group = [10] * 8
    makers = {
        "XGBClassifier": lambda: xgb.XGBClassifier(n_estimators=3, max_depth=2, n_jobs=1).fit(X, y),
        "XGBRegressor": lambda: xgb.XGBRegressor(n_estimators=3, max_depth=2, n_jobs=1).fit(X, yr),
        "XGBRanker": lambda: xgb.XGBRanker(n_estimators=3, max_depth=2, n_jobs=1).fit(
            X, y, qid=np.repeat(np.arange(8), 10)
        ),
        "xgboost.Booster": lambda: (
            xgb.XGBRegressor(n_estimators=3, n_jobs=1).fit(X, yr).get_booster()
        ),
        "LGBMClassifier": lambda: lgb.LGBMClassifier(n_estimators=3, verbose=-1, n_jobs=1).fit(
            X, y
        ),
        "LGBMRegressor": lambda: lgb.LGBMRegressor(n_estimators=3, verbose=-1, n_jobs=1).fit(X, yr),
        "LGBMRanker": lambda: lgb.LGBMRanker(
            n_estimators=3, verbose=-1, n_jobs=1, min_child_samples=2
        ).fit(X, y, group=group),
        "lightgbm.Booster": lambda: (
            lgb.LGBMRegressor(n_estimators=3, verbose=-1, n_jobs=1).fit(X, yr).booster_
        ),
        "CatBoostClassifier": lambda: cb.CatBoostClassifier(
            iterations=3, depth=2, verbose=0, thread_count=1, allow_writing_files=False
        ).fit(X, y),
        "CatBoostRegressor": lambda: cb.CatBoostRegressor(
            iterations=3, depth=2, verbose=0, thread_count=1, allow_writing_files=False
        ).fit(X, yr),
        "CatBoost": lambda: cb.CatBoost(
            {
                "iterations": 3,
                "depth": 2,
                "verbose": 0,
                "thread_count": 1,
                "allow_writing_files": False,
            }
        ).fit(X, yr),
    }
    return makers[name]()


def _predict(model, X):
    if isinstance(model, xgb.Booster):
        return model.predict(xgb.DMatrix(X))
    return model.predict(X)


WRAPPERS = [
    "XGBClassifier",
    "XGBRegressor",
    "XGBRanker",
    "xgboost.Booster",
    "LGBMClassifier",
    "LGBMRegressor",
    "LGBMRanker",
    "lightgbm.Booster",
    "CatBoostClassifier",
    "CatBoostRegressor",
    "CatBoost",
]


@pytest.mark.parametrize("dump", ["pickle", "joblib"])
@pytest.mark.parametrize("name", WRAPPERS)
def test_wrapper_pickles_load_and_predict_the_same(name, dump, data, tmp_path):
    model = _fit(name, data)
    path = tmp_path / "m.pkl"
    if dump == "pickle":
        path.write_bytes(pickle.dumps(model))
    else:
        joblib.dump(model, path)
    loaded = load_model(path)
    assert type(loaded.estimator) is type(model)
    np.testing.assert_array_equal(_predict(loaded.estimator, data[0]), _predict(model, data[0]))


def _statsmodels(name, data):
    X, y, yr = data
    exog = sm.add_constant(X)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if name == "OLS":
            return sm.OLS(yr, exog).fit()
        if name == "Logit":
            return sm.Logit(y, exog).fit(disp=0)
        if name == "GLM-Binomial":
            return sm.GLM(y, exog, family=sm.families.Binomial()).fit()
        return sm.GLM(np.round(np.abs(yr)), exog, family=sm.families.Poisson()).fit()


@pytest.mark.parametrize("remove_data", [False, True])
@pytest.mark.parametrize("name", ["OLS", "Logit", "GLM-Binomial", "GLM-Poisson"])
def test_statsmodels_results_save_loads_and_predicts_the_same(name, remove_data, data, tmp_path):
    results = _statsmodels(name, data)
    exog = sm.add_constant(data[0])
    expected = results.predict(exog)
    if remove_data:
        results.remove_data()
    path = tmp_path / "results.pickle"
    results.save(str(path))
    loaded = load_model(path)
    assert type(loaded.estimator) is type(results)
    np.testing.assert_allclose(loaded.estimator.predict(exog), expected)
    np.testing.assert_array_equal(loaded.estimator.params, results.params)
    if not remove_data:
        np.testing.assert_array_equal(loaded.estimator.model.exog, exog)


def test_formula_models_are_refused_in_one_line(data, tmp_path):
    import pandas as pd
    import statsmodels.formula.api as smf

    X, _, yr = data
    frame = pd.DataFrame({"a": X[:, 0], "b": X[:, 1], "y": yr})
    path = tmp_path / "formula.pickle"
    smf.ols("y ~ a + b", data=frame).fit().save(str(path))
    with pytest.raises(UnsafeModelError) as info:
        load_model(path)
    assert "\n" not in str(info.value) and "pandas" in str(info.value)


def test_a_data_object_that_would_re_evaluate_a_formula_is_refused(data, tmp_path):
    results = _statsmodels("OLS", data)
    # What a formula model pickles: ModelData.__setstate__ then evaluates d["formula"].
    vars(results.model.data)["restore_model_spec"] = True
    vars(results.model.data)["formula"] = "y ~ __import__('os').getpid()"
    path = tmp_path / "results.pickle"
    results.save(str(path))
    with pytest.raises(UnsafeModelError, match="re-evaluates its formula"):
        load_model(path)


def test_library_classes_are_allowed_in_pickles_only():
    for name in (
        "xgboost.core.Booster",
        "lightgbm.basic.Booster",
        "catboost.core.CatBoostClassifier",
        "statsmodels.base.data.ModelData",
    ):
        assert not is_allowed_global(name)  # a skops file would run their __setstate__ unchecked


# --------------------------------------------------------------------------
# Payloads
# --------------------------------------------------------------------------


def _forged(instance, state, tmp_path, name="evil.pkl"):
    """A pickle of ``instance`` whose BUILD gets ``state`` instead of its own."""

    class Pickler(pickle.Pickler):
        def reducer_override(self, obj):
            if obj is instance:
                return (copyreg.__newobj__, (type(obj),), state)
            return NotImplemented

    path = tmp_path / name
    with open(path, "wb") as f:
        Pickler(f, protocol=4).dump(instance)
    return path


class _Eval:
    def __reduce__(self):
        return (eval, ("__import__('os').getpid()",))


_LGB_TEXT = """tree
version=v4
num_class=1
num_tree_per_iteration=1
label_index=0
max_feature_idx=0
objective=regression
feature_names=x
feature_infos=none

Tree=0
num_leaves=1
num_cat=0
split_feature=
split_gain=
threshold=
decision_type=
left_child=
right_child=
leaf_value=0.5
leaf_weight=
leaf_count=10
internal_value=
internal_weight=
internal_count=
is_linear=0
shrinkage=1


end of trees

pandas_categorical:null
"""


def _custom_objective(y_true, y_pred):  # pragma: no cover - never called
    return y_true, y_pred


def _dump(obj, tmp_path, name="evil.pkl"):
    path = tmp_path / name
    path.write_bytes(pickle.dumps(obj, protocol=4))
    return path


def test_os_system_as_a_custom_objective_is_refused(data, tmp_path):
    model = _fit("XGBClassifier", data)
    model.objective = os.system
    with pytest.raises(UnsafeModelError, match="system"):
        load_model(_dump(model, tmp_path))


def test_callbacks_and_custom_objectives_stay_refused(data, tmp_path):
    xgb_model = _fit("XGBRegressor", data)
    xgb_model.callbacks = [print]
    with pytest.raises(UnsafeModelError, match=r"builtins\.print"):
        load_model(_dump(xgb_model, tmp_path, "x.pkl"))
    lgb_model = _fit("LGBMRegressor", data)
    lgb_model.objective = _custom_objective
    with pytest.raises(UnsafeModelError, match="_custom_objective"):
        load_model(_dump(lgb_model, tmp_path, "l.pkl"))
    cb_model = _fit("CatBoostRegressor", data)
    cb_model._init_params["loss_function"] = os.system
    with pytest.raises(UnsafeModelError, match="system"):
        load_model(_dump(cb_model, tmp_path, "c.pkl"))


def test_eval_inside_the_booster_state_is_refused(tmp_path):
    for instance, key in ((xgb.Booster(), "handle"), (lgb.Booster(model_str=_LGB_TEXT), "_handle")):
        with pytest.raises(UnsafeModelError, match=r"builtins\.eval"):
            load_model(_forged(instance, {key: _Eval()}, tmp_path))


def _ubj(value):
    """A small UBJSON encoder (as XGBoost writes it), for forged boosters."""
    if isinstance(value, dict):
        out = b"{"
        for key, item in value.items():
            raw = key.encode()
            out += b"L" + struct.pack(">q", len(raw)) + raw + _ubj(item)
        return out + b"}"
    if isinstance(value, list):
        return b"[" + b"".join(_ubj(v) for v in value) + b"]"
    if isinstance(value, bool):
        return b"T" if value else b"F"
    if isinstance(value, int):
        return b"L" + struct.pack(">q", value)
    if isinstance(value, float):
        return b"D" + struct.pack(">d", value)
    if value is None:
        return b"Z"
    raw = str(value).encode()
    return b"SL" + struct.pack(">q", len(raw)) + raw


def test_corrupted_xgboost_booster_bytes_give_a_load_error(data, tmp_path, capsys):
    from modelprivacy.load.formats._ubjson import decode

    booster = _fit("xgboost.Booster", data)
    raw = booster.__getstate__()["handle"]
    doc = decode(raw)
    tree = doc["Model"]["learner"]["gradient_booster"]["model"]["trees"][0]
    tree["left_children"][0] = 10**6
    cases = {
        "truncated": (bytearray(raw[: len(raw) // 2]), "truncated"),
        "garbage": (bytearray(b"binf" + bytes(200)), "not XGBoost's UBJSON"),
        "child out of range": (bytearray(_ubj(doc)), "child index 1000000 out of range"),
    }
    for name, (handle, expected) in cases.items():
        path = _forged(booster, {"handle": handle}, tmp_path, f"{name}.pkl")
        with pytest.raises(ModelLoadError) as info:
            load_model(path)
        assert expected in str(info.value) and "\n" not in str(info.value), name
    assert main(["inspect", str(path)]) == 2
    _, err = capsys.readouterr()
    assert "child index 1000000" in err and "Traceback" not in err
    with pytest.raises(UnsafeModelError, match="as its model bytes"):
        load_model(_forged(booster, {"handle": "text"}, tmp_path))


def test_corrupted_lightgbm_and_catboost_state_give_a_load_error(data, tmp_path):
    booster = _fit("lightgbm.Booster", data)
    state = booster.__getstate__()
    text = state["_handle"]
    state["_handle"] = text.replace("right_child=", "right_child=99 ", 1).replace(
        "tree_sizes=", "tree_size="
    )
    with pytest.raises(ModelLoadError, match=r"lightgbm\.Booster holds a model text"):
        load_model(_forged(booster, state, tmp_path, "l.pkl"))
    model = _fit("CatBoostRegressor", data)
    cb_state = model.__getstate__()
    cb_state["__model"] = b"CBM1" + struct.pack("<I", 2**31) + cb_state["__model"][8:]
    with pytest.raises(ModelLoadError, match="declares"):
        load_model(_forged(model, cb_state, tmp_path, "c.pkl"))


def test_thread_counts_and_file_parameters_are_reset_with_notes(data, tmp_path):
    X, y, _ = data
    xgb_model = xgb.XGBClassifier(n_estimators=2, max_depth=2, n_jobs=512).fit(X, y)
    notes = load_model(_dump(xgb_model, tmp_path, "x.pkl")).notes
    assert any("XGBClassifier.n_jobs" in n for n in notes)
    assert any("xgboost.Booster.nthread" in n for n in notes)
    lgb_model = lgb.LGBMClassifier(n_estimators=2, verbose=-1, num_threads=512).fit(X, y)
    lgb_model.set_params(forcedsplits_filename="/nonexistent/splits.json")
    loaded = load_model(_dump(lgb_model, tmp_path, "l.pkl"))
    assert loaded.estimator.get_params()["forcedsplits_filename"] == ""
    assert any("num_threads" in n for n in loaded.notes)
    cb_model = cb.CatBoostClassifier(
        iterations=2, depth=2, verbose=0, thread_count=512, train_dir=str(tmp_path / "info")
    ).fit(X, y)
    loaded = load_model(_dump(cb_model, tmp_path, "c.pkl"))
    params = loaded.estimator.get_params()
    assert params["thread_count"] == (os.cpu_count() or 1) and "train_dir" not in params
    assert len(loaded.notes) == 2
