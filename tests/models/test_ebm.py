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
    # every member scored, or fewer for the same class mix as the holdout's, and said so
    n = membership.evidence["n_members"]
    assert n <= 120 and (n == 120) == ("class_balance" not in membership.evidence)
    assert _by_check(result, "MP-I301")
    assert _by_check(result, "MP-S104")  # and the inspection runs in the same audit


# --------------------------------------------------------------------------
# Sanitize (rule ebm_bins)
# --------------------------------------------------------------------------


def _people(n, seed):
    rng = np.random.default_rng(seed)
    X = pd.DataFrame(
        {
            "age": rng.integers(20, 60, n).astype(float),
            "income": rng.normal(50_000, 1_000, n).round(2),
            "city": rng.choice(["Lyon", "Nantes", "Lille"], n),
        }
    )
    y = ((X["age"] + rng.normal(0, 5, n)) > 40).astype(int).to_numpy()
    return X, y


@pytest.fixture(scope="module")
def people():
    """400 members (an income outlier, a one-person city), 400 non-members, an EBM with pairs."""
    X, y = _people(400, 0)
    X.loc[OUTLIER_ROW, "income"] = 987_654.32
    X.loc[LONER_ROW, "city"] = "Zyxwvutsrq"
    Xh, yh = _people(400, 1)
    ebm = _fit(EBC(**{**FAST, "interactions": 2}), X, y)
    assert any(len(t) == 2 for t in ebm.term_features_)
    return X, y, Xh, yh, ebm


def _serious(result, check_id):
    return [f for f in _by_check(result, check_id) if f.severity.value != "info"]


def test_sanitized_ebm_keeps_no_extreme_small_bin_or_rare_category(people):
    X, y, Xh, _, ebm = people
    before = modelprivacy.inspect(ebm, X)
    for check_id in ("MP-S103", "MP-S104", "MP-S106"):
        assert _serious(before, check_id), check_id
    result = modelprivacy.sanitize(ebm, X, y, k=10)
    assert result.refused == ()
    assert {a.rule for a in result.actions} == {"ebm_bins"}
    assert {a.kind for a in result.actions} == {"strip", "prune", "clip"}
    model = result.model
    assert type(model) is type(ebm) and ebm.feature_bounds_[1, 1] == 987_654.32  # input intact
    assert not hasattr(model, "feature_bounds_")
    assert model.histogram_edges_ == [None] * 3 and model.histogram_weights_ == [None] * 3
    # every non-empty bin of every term holds at least k training records, counted on the data
    for t, features in enumerate(model.term_features_):
        cells = ebm_adapter._term_cells(model, X, tuple(features))
        counts = np.bincount(cells, minlength=model.bin_weights_[t].size)
        assert counts[counts > 0].min() >= 10, model.term_names_[t]
        np.testing.assert_array_equal(counts, model.bin_weights_[t].reshape(-1))
    after = modelprivacy.inspect(model, X)
    assert not _serious(after, "MP-S103") and not _serious(after, "MP-S106")
    # MP-S104 is gone: every cut point lies strictly between the two adjacent training values
    # it separated (the data is binned as before) and is not their midpoint (ages 41 and 42:
    # 41.4, not 41.5)
    [s104_before] = _by_check(before, "MP-S104")
    assert s104_before.evidence["columns"]["income"]["located_values"] > 100
    assert not _by_check(after, "MP-S104")
    for j, name in enumerate(X.columns):
        if model.feature_types_in_[j] != "continuous":
            continue
        values = np.unique(X[name].to_numpy(dtype=float))
        mids = values[:-1] / 2 + values[1:] / 2
        for cuts in model.bins_[j]:
            at = np.searchsorted(values, cuts)  # the first value above each cut
            assert ((at > 0) & (at < values.size)).all(), name
            assert (values[at - 1] < cuts).all() and (cuts < values[at]).all(), name
            assert (np.abs(cuts - mids[at - 1]) > np.spacing(mids[at - 1])).all(), name
    [moved] = [a for a in result.actions if a.kind == "clip"]
    assert "moved" in moved.what and "still the midpoint" not in moved.what
    saved = pickle.dumps(model)
    assert b"Zyxwvutsrq" not in saved and np.float64(987_654.32).tobytes() not in saved
    # predictions: merged bins take the weighted average of their scores, so the mean score
    # over the training data is kept, no holdout label changes and no probability moves by
    # more than 0.2 (measured: 0.09 on the holdout, median 0.004 on the training data)
    np.testing.assert_allclose(
        model.decision_function(X).mean(), ebm.decision_function(X).mean(), atol=1e-9
    )
    assert (model.predict(Xh) == ebm.predict(Xh)).mean() >= 0.99
    assert np.abs(model.predict_proba(Xh) - ebm.predict_proba(Xh)).max() < 0.2
    # a removed category (and any unknown one) goes to the unknown-category bin, not an error
    unknown = Xh.iloc[:3].assign(city="Zyxwvutsrq")
    assert model.predict_proba(unknown).shape == (3, 2)
    model.explain_global().data(0)  # interpret's explanations still work


def test_sanitized_ebm_round_trips_and_re_audits(people, tmp_path):
    from modelprivacy.sanitizing.prove import sanitize_and_audit

    X, y, Xh, yh, ebm = people
    train, holdout = X.assign(y=y), Xh.assign(y=yh)
    report = sanitize_and_audit(
        ebm, train, holdout, target="y", k=10, reference_models=2, n_jobs=1, seed=0
    )
    assert report.predictions_changed is not None and report.predictions_changed <= 0.01
    assert report.after is not None and report.before is not None
    for check_id in ("MP-S103", "MP-S106"):
        assert _serious(report.before, check_id) and not _serious(report.after, check_id)
    assert not report.warnings
    for suffix in (".skops", ".pkl"):
        path = tmp_path / f"safer{suffix}"
        modelprivacy.save_model(report.sanitized.model, path)
        loaded = load_model(path).estimator
        np.testing.assert_array_equal(
            loaded.predict_proba(Xh), report.sanitized.model.predict_proba(Xh)
        )


def test_sanitized_ebm_without_data_merges_by_bin_weights_and_says_what_remains(people):
    X, _, _, _, ebm = people
    result = modelprivacy.sanitize(ebm, k=10)
    assert len(result.refused) == 1 and "MP-S104" in result.refused[0]  # cuts stay midpoints
    [prune] = [a for a in result.actions if a.kind == "prune"]
    assert "read from bin_weights_" in prune.what
    alone = modelprivacy.inspect(result.model)
    assert not _by_check(alone, "MP-S103") and not _by_check(alone, "MP-S106")
    assert not _serious(modelprivacy.inspect(result.model, X), "MP-S106")
    np.testing.assert_allclose(
        result.model.decision_function(X).mean(), ebm.decision_function(X).mean(), atol=1e-9
    )


def test_sanitize_ebm_refuses_what_it_cannot_merge():
    rng = np.random.default_rng(5)
    n = 300
    X = pd.DataFrame({"a": rng.integers(0, 30, n).astype(float), "b": rng.normal(size=n).round(3)})
    X.loc[:2, "b"] = np.nan  # three records with a missing value: a bin no cut separates
    y = rng.integers(0, 3, n)  # three classes: score tables with a class axis
    ebm = _fit(EBC(**{**FAST, "outer_bags": 2, "interactions": 1}), X, y)
    result = modelprivacy.sanitize(ebm, X, y, k=10)
    [refusal] = result.refused
    assert "cannot be merged" in refusal and "missing values" in refusal
    np.testing.assert_allclose(
        result.model.decision_function(X).mean(axis=0),
        ebm.decision_function(X).mean(axis=0),
        atol=1e-9,
    )
    # sample weights: the stored bin weights are not people, so nothing is merged without data
    weighted = _fit(EBC(**FAST), X, y, sample_weight=rng.uniform(0.5, 2.0, n))
    alone = modelprivacy.sanitize(weighted, k=10)
    assert any("sample weights" in r for r in alone.refused)
    assert alone.model.bins_[0][0].size == weighted.bins_[0][0].size  # nothing merged
    assert not [r for r in modelprivacy.sanitize(weighted, X, y, k=10).refused if "weights" in r]


def test_cut_points_move_to_the_shortest_decimal_between_two_values():
    from modelprivacy.sanitizing.ebm import round_between

    assert round_between(49_987.13, 50_012.55) == 50_000.0
    assert round_between(53_112.0, 987_654.32) == 500_000.0
    # the shortest decimal inside is the midpoint, which gives both values away: its neighbour
    assert round_between(41.0, 42.0) == 41.4
    assert round_between(0.1, 0.2) == 0.14
    assert round_between(-3.0, -2.0) == -2.6  # the neighbour below the midpoint -2.5 in value
    assert 0.1234 < round_between(0.1234, 0.1235) < 0.1235
    assert round_between(0.1234, 0.1235) != 0.1234 / 2 + 0.1235 / 2
    tiny = np.nextafter(1.0, 2.0)  # 1 and the next double: nothing but them, no midpoint either
    assert round_between(1.0, np.nextafter(tiny, 2.0)) == tiny


# --------------------------------------------------------------------------
# Files of other interpret versions, and interpret missing
# --------------------------------------------------------------------------


def _ebm_pickle(module: str, name: str, extra: bytes = b"") -> bytes:
    """A protocol-2 pickle of an empty object of ``module.name`` (GLOBAL, NEWOBJ, BUILD)."""
    return (
        b"\x80\x02" + b"c" + module.encode() + b"\n" + name.encode() + b"\n)\x81}" + extra + b"b."
    )


@pytest.mark.parametrize(
    ("module", "name", "says"),
    [
        ("interpret.glassbox.ebm.ebm", "ExplainableBoostingClassifier", "0.3.2 or older"),
        ("interpret.glassbox.ebm.ebm", "DPExplainableBoostingRegressor", "0.3.2 or older"),
        ("interpret.glassbox._ebm", "EBMClassifier", "development version of interpret"),
        ("interpret.privacy._dpebm", "DPEBMClassifier", "development version of interpret"),
    ],
)
def test_an_ebm_of_another_interpret_version_names_it(module, name, says, tmp_path, capsys):
    path = tmp_path / "old.pkl"
    path.write_bytes(_ebm_pickle(module, name))
    with pytest.raises(ModelLoadError, match=says) as err:
        load_model(path)
    message = str(err.value)
    assert f"{module}.{name}" in message and "refit the model with interpret" in message
    assert "\n" not in message and "--trust" not in message
    assert main(["inspect", str(path)]) == 2
    captured = capsys.readouterr()
    assert says in captured.err and len(captured.err.strip().splitlines()) == 1
    with pytest.raises(ModelLoadError, match=says):  # skops files name their types the same way
        is_allowed_global(f"{module}.{name}")


def test_a_payload_beside_an_old_ebm_class_is_still_refused(tmp_path):
    # the old class does not hide a call: the scan refuses builtins.eval before anything runs
    payload = b"cbuiltins\neval\n(X\x04\x00\x00\x001+1tR"
    path = tmp_path / "old_eval.pkl"
    path.write_bytes(
        _ebm_pickle("interpret.glassbox.ebm.ebm", "ExplainableBoostingClassifier", payload)[:-2]
        + b"0b."
    )
    with pytest.raises(UnsafeModelError, match=r"builtins\.eval"):
        load_model(path)


_BLOCK_INTERPRET = """
import sys

class _NoInterpret:
    def find_spec(self, name, path=None, target=None):
        if name == "interpret" or name.startswith("interpret."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, _NoInterpret())
from modelprivacy.cli import main
from modelprivacy.errors import ModelLoadError
from modelprivacy.load import load_model

try:
    load_model(sys.argv[1])
except ModelLoadError as exc:
    print("load_model:", exc)
sys.exit(main(["inspect", sys.argv[1]]))
"""


@pytest.mark.parametrize("fmt", ["pickle", "skops"])
def test_an_ebm_without_interpret_installed_names_the_extra(planted, fmt, tmp_path):
    import subprocess
    import sys

    path = tmp_path / f"ebm.{fmt}"
    if fmt == "pickle":
        path.write_bytes(pickle.dumps(planted[2]))
    else:
        import skops.io as sio

        sio.dump(planted[2], path)
    script = tmp_path / "no_interpret.py"
    script.write_text(_BLOCK_INTERPRET)
    done = subprocess.run(
        [sys.executable, str(script), str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2, done.stderr
    extra = 'pip install "modelprivacy[interpret]"'
    assert done.stdout.startswith("load_model:") and extra in done.stdout
    [line] = done.stderr.strip().splitlines()
    assert extra in line and "Explainable Boosting Machine" in line and "--trust" not in line
