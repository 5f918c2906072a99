"""interpret's Explainable Boosting Machines: loading, what they store, and attacks on them."""

from __future__ import annotations

import copyreg
import os
import pickle
import warnings

import joblib
import numpy as np
import pandas as pd
import pytest

import modelprivacy
from modelprivacy.cli import main
from modelprivacy.errors import ModelLoadError, UnsafeModelError
from modelprivacy.load import is_allowed_global, load_model

interpret_glassbox = pytest.importorskip("interpret.glassbox")
EBC = interpret_glassbox.ExplainableBoostingClassifier
EBR = interpret_glassbox.ExplainableBoostingRegressor

from modelprivacy.models import interpret as ebm_adapter  # noqa: E402

OUTLIER_ROW, LONER_ROW = 5, 7
FAST = {"outer_bags": 1, "interactions": 0, "random_state": 0, "n_jobs": 1, "max_rounds": 200}


def _fit(model, X, y, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # interpret warns about its own settings
        return model.fit(X, y, **kwargs)


@pytest.fixture(scope="module")
def planted():
    """An income outlier in one row, a one-person city in another."""
    rng = np.random.default_rng(0)
    n = 200
    X = pd.DataFrame(
        {
            "age": rng.integers(20, 60, n).astype(float),
            "income": rng.normal(50_000, 1_000, n).round(2),
            "city": rng.choice(["Lyon", "Nantes", "Lille"], n),
        }
    )
    X.loc[OUTLIER_ROW, "income"] = 987_654.32
    X.loc[LONER_ROW, "city"] = "Zyxwvutsrq"
    y = (X["age"] > 40).astype(int).to_numpy()
    return X, y, _fit(EBC(**FAST), X, y)


@pytest.fixture(scope="module")
def coarse():
    """Whole-number columns of many people per value, binned coarsely: no value of one person."""
    rng = np.random.default_rng(1)
    n = 1500
    X = pd.DataFrame(
        {
            "age": rng.integers(20, 60, n).astype(float),
            "hours": rng.integers(1, 9, n).astype(float) * 5,
            "city": rng.choice(["Lyon", "Nantes", "Lille"], n),
        }
    )
    y = (X["age"] + rng.normal(0, 10, n) > 40).astype(int).to_numpy()
    return X, y, _fit(EBC(**{**FAST, "max_bins": 8}), X, y)


def _by_check(result, check_id, path=None):
    return [
        f for f in result.findings if f.check_id == check_id and (path is None or f.path == path)
    ]


# --------------------------------------------------------------------------
# What the fitted state stores (planted data)
# --------------------------------------------------------------------------


def test_the_state_is_what_the_adapter_says(planted):
    X, _, ebm = planted
    bounds = ebm_adapter.feature_ranges(ebm)
    assert bounds is not None and bounds.shape == (2, 3)
    assert bounds[1, 1] == 987_654.32 and bounds[0, 0] == X["age"].min()
    assert np.isnan(bounds[:, 2]).all()
    cuts = ebm_adapter.cut_points(ebm)
    assert cuts is not None
    for j, col in enumerate(("age", "income")):
        d = np.unique(X[col])
        np.testing.assert_array_equal(cuts[j], d[:-1] / 2 + d[1:] / 2)  # every midpoint, exactly
    assert cuts[2].size == 0
    cats = ebm_adapter.categories(ebm)
    assert cats is not None and "Zyxwvutsrq" in set(cats[2]) and cats[0].size == 0
    # bin weights are row counts, over every row given to fit (the validation split too)
    assert all(float(w.sum()) == len(X) for w in ebm.bin_weights_)


def test_the_bins_are_counted_as_the_ebm_counts_them():
    rng = np.random.default_rng(2)
    n = 150
    X = pd.DataFrame(
        {
            "a": rng.integers(0, 30, n).astype(float),
            "b": rng.normal(size=n),
            "c": rng.choice(["p", "q", "r"], n),
        }
    )
    X.loc[3, "a"] = np.nan
    y = rng.integers(0, 2, n)
    ebm = _fit(EBC(**{**FAST, "interactions": 2, "max_bins": 16}), X, y)
    assert any(len(t) == 2 for t in ebm.term_features_)
    for t, features in enumerate(ebm.term_features_):
        cells = ebm_adapter._term_cells(ebm, X, tuple(features))
        assert cells is not None
        counts = np.bincount(cells, minlength=ebm.bin_weights_[t].size)
        np.testing.assert_array_equal(counts, ebm.bin_weights_[t].reshape(-1))


def test_a_planted_outlier_is_reported_from_feature_bounds(planted):
    X, _, ebm = planted
    alone = modelprivacy.inspect(ebm)
    [finding] = _by_check(alone, "MP-S103", "feature_bounds_")
    assert finding.evidence["values"] == 6  # min and max of 3 features (NaN for the category)
    with_data = modelprivacy.inspect(ebm, X)
    [finding] = _by_check(with_data, "MP-S103", "feature_bounds_")
    assert finding.evidence["unique_values"] >= 1
    assert OUTLIER_ROW in set(finding.records.ids)
    assert "income" in finding.evidence["columns"]


def test_cut_points_rebuild_every_value_of_the_columns(planted):
    X, _, ebm = planted
    [alone] = _by_check(modelprivacy.inspect(ebm), "MP-S104")
    assert alone.evidence["columns_fully_located"] == 2
    assert alone.evidence["distinct_values_rebuilt"] == {
        "age": X["age"].nunique(),
        "income": X["income"].nunique(),
    }
    [found] = _by_check(modelprivacy.inspect(ebm, X), "MP-S104")
    for col in ("age", "income"):
        per = found.evidence["columns"][col]
        assert per["located_values"] == per["distinct_values"] == X[col].nunique()
    assert OUTLIER_ROW in set(found.records.ids)


def test_a_one_person_category_is_reported_and_counted(planted):
    X, _, ebm = planted
    result = modelprivacy.inspect(ebm, X)
    [category] = _by_check(result, "MP-S106", "categories_")
    assert list(category.records.ids) == [LONER_ROW]
    assert category.evidence["single_person_categories"] == 1
    [bins] = _by_check(result, "MP-S106", "bin_weights_")
    assert bins.evidence["terms"]["city"] == {"small": 1, "single": 1}
    assert {OUTLIER_ROW, LONER_ROW} <= set(bins.records.ids)
    # without the data the stored bin weights say the same, at lower confidence
    [alone] = _by_check(modelprivacy.inspect(ebm), "MP-S106", "bin_weights_")
    assert alone.evidence["terms"]["city"] == {"small": 1, "single": 1}
    assert alone.confidence < bins.confidence


def test_a_coarse_ebm_is_not_accused_of_single_values(coarse):
    X, _, ebm = coarse
    with_data = modelprivacy.inspect(ebm, X)
    for check_id in ("MP-S103", "MP-S104", "MP-S106"):
        worst = [f for f in _by_check(with_data, check_id) if f.severity.value != "info"]
        assert not worst, [(f.check_id, f.path, f.description) for f in worst]
    assert _by_check(with_data, "MP-S104")  # the cut points are read, and found harmless
    alone = modelprivacy.inspect(ebm)
    assert not _by_check(alone, "MP-S106")  # every bin holds at least k people
    [thresholds] = _by_check(alone, "MP-S104")
    assert "columns_fully_located" not in thresholds.evidence  # 7 cuts, 40 ages: not rebuilt


def test_sample_weights_are_not_counted_as_people(planted):
    X, y, _ = planted
    weights = np.random.default_rng(3).uniform(0.5, 2.0, len(y))
    ebm = _fit(EBC(**FAST), X, y, sample_weight=weights)
    assert not _by_check(modelprivacy.inspect(ebm), "MP-S106", "bin_weights_")
    # with the data the people are counted, whatever the weights
    assert _by_check(modelprivacy.inspect(ebm, X), "MP-S106", "bin_weights_")


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def test_ebm_classes_are_allowlisted_and_nothing_else_of_interpret():
    for name in ("ExplainableBoostingClassifier", "ExplainableBoostingRegressor"):
        assert is_allowed_global(f"interpret.glassbox._ebm._ebm.{name}")
    for name in (
        "interpret.glassbox._ebm._ebm.EBMModel",
        "interpret.glassbox._ebm._ebm.EBMExplanation",
        "interpret.glassbox._ebm._bin.eval_terms",
        "interpret.utils._native.Native",
        "interpret.glassbox.ExplainableBoostingClassifier",  # not the canonical name
    ):
        assert not is_allowed_global(name), name


@pytest.mark.parametrize("fmt", ["pickle", "joblib", "skops"])
def test_saved_ebms_load_and_predict_the_same(planted, fmt, tmp_path):
    X, _, clf = planted
    reg = _fit(EBR(**FAST), X[["age", "income"]], X["income"].to_numpy() / 1000)
    for model, name in ((clf, "c"), (reg, "r")):
        path = tmp_path / f"{name}.{fmt}"
        if fmt == "pickle":
            path.write_bytes(pickle.dumps(model, protocol=5))
        elif fmt == "joblib":
            joblib.dump(model, path)
        else:
            import skops.io as sio

            sio.dump(model, path)
        loaded = load_model(path)
        assert type(loaded.estimator) is type(model)
        cols = X if name == "c" else X[["age", "income"]]
        np.testing.assert_array_equal(loaded.estimator.predict(cols), model.predict(cols))


def test_cli_inspect_of_a_pickled_ebm(planted, coarse, tmp_path, capsys):
    path = tmp_path / "ebm.pkl"
    path.write_bytes(pickle.dumps(planted[2]))
    assert main(["inspect", str(path)]) == 1  # one-person bins are high
    out = capsys.readouterr().out
    assert "MP-S104" in out and "MP-S106" in out
    path.write_bytes(pickle.dumps(coarse[2]))
    assert main(["inspect", str(path)]) == 0
    capsys.readouterr()


class _Eval:
    def __reduce__(self):
        return (eval, ("__import__('os').getpid()",))


def _forged(instance, state, path):
    """A pickle of ``instance`` whose BUILD gets ``state`` instead of its own."""

    class Pickler(pickle.Pickler):
        def reducer_override(self, obj):
            if obj is instance:
                return (copyreg.__newobj__, (type(obj),), state)
            return NotImplemented

    with open(path, "wb") as f:
        Pickler(f, protocol=4).dump(instance)
    return path


def test_payloads_inside_an_ebm_pickle_are_refused(planted, tmp_path, capsys):
    ebm = planted[2]
    state = dict(vars(ebm))
    path = _forged(ebm, {**state, "bins_": _Eval()}, tmp_path / "eval.pkl")
    with pytest.raises(UnsafeModelError, match=r"builtins\.eval"):
        load_model(path)
    assert main(["inspect", str(path)]) == 2
    assert "builtins.eval" in capsys.readouterr().err
    path = _forged(ebm, {**state, "callback": os.system}, tmp_path / "callback.pkl")
    with pytest.raises(UnsafeModelError, match="system"):
        load_model(path)
    path = _forged(ebm, {**state, "__class__": dict}, tmp_path / "dunder.pkl")
    with pytest.raises(UnsafeModelError):
        load_model(path)


def _corrupt_states(state):
    cuts = state["bins_"][0][0]
    yield "increasing", {**state, "bins_": [[cuts[::-1].copy()], *state["bins_"][1:]]}
    yield "float64", {**state, "bins_": [[cuts.astype(np.float32)], *state["bins_"][1:]]}
    yield "bin numbers", {**state, "bins_": [*state["bins_"][:2], [{"Lyon": 99}]]}
    yield "features", {**state, "term_features_": [(0,), (1,), (7,)]}
    scores = list(state["term_scores_"])
    scores[0] = scores[0][:-2].copy()
    yield "shape", {**state, "term_scores_": scores}
    yield "feature bounds", {**state, "feature_bounds_": np.zeros((2, 3))}


def test_an_ebm_whose_bins_do_not_fit_its_tables_is_refused(planted, tmp_path):
    ebm = planted[2]
    for i, (problem, state) in enumerate(_corrupt_states(dict(vars(ebm)))):
        path = _forged(ebm, state, tmp_path / f"bad{i}.pkl")
        with pytest.raises(ModelLoadError, match="Explainable Boosting Machine") as err:
            load_model(path)
        assert problem in str(err.value), (problem, str(err.value))


# --------------------------------------------------------------------------
# Attacks
# --------------------------------------------------------------------------


def test_membership_and_attribute_inference_run_on_an_ebm():
    rng = np.random.default_rng(4)
    n = 240
    df = pd.DataFrame(
        {
            "age": rng.integers(20, 60, n).astype(float),
            "income": rng.normal(50, 10, n).round(1),
            "sex": rng.choice(["f", "m"], n),
        }
    )
    df["y"] = (df["age"] + rng.normal(0, 8, n) > 40).astype(int)
    train, holdout = df.iloc[:120], df.iloc[120:]
    ebm = _fit(EBC(**FAST), train.drop(columns="y"), train["y"])
    result = modelprivacy.audit(
        ebm,
        train=train,
        holdout=holdout,
        target="y",
        sensitive=["sex"],
        reference_models=2,
        n_jobs=1,
        seed=0,
    )
    [membership] = _by_check(result, "MP-L201")
    attacks = membership.evidence["attacks"]
    assert {"loss", "rmia_online"} <= set(attacks)  # reference models were refit
    assert all(0.0 <= a["auc"]["value"] <= 1.0 for a in attacks.values() if "auc" in a)
    assert membership.evidence["n_members"] == 120
    assert _by_check(result, "MP-I301")
    assert _by_check(result, "MP-S104")  # and the inspection runs in the same audit
