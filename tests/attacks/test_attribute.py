"""Attribute inference against real estimators on small planted data, with seeds."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import RidgeClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from modelprivacy.attacks.attribute import (
    AttributeResult,
    attribute_finding,
    attribute_inference,
)
from modelprivacy.errors import DataError
from modelprivacy.findings import Criterion, Severity


def planted(seed: int = 0, n: int = 800, noise_s: bool = False) -> pd.DataFrame:
    """Label = noisy function of the binary sensitive column ``s`` and feature ``a``."""
    rng = np.random.default_rng(seed)
    s = rng.integers(0, 2, n)
    X = rng.normal(size=(n, 3))
    y = ((2 * s - 1) + 0.5 * X[:, 0] > 0).astype(int)
    y = np.where(rng.random(n) < 0.2, 1 - y, y)
    if noise_s:  # s independent of everything
        s = rng.integers(0, 2, n)
    return pd.DataFrame({"s": s, "a": X[:, 0], "b": X[:, 1], "c": X[:, 2], "y": y})


@pytest.fixture(scope="module")
def leaky() -> AttributeResult:
    df = planted(0)
    tr, ho = df.iloc[:200], df.iloc[200:]
    model = DecisionTreeClassifier(random_state=0).fit(tr.drop(columns="y"), tr["y"])
    return attribute_inference(model, tr, ho, target="y", sensitive=["s"], seed=0)


@pytest.fixture(scope="module")
def blind() -> AttributeResult:
    df = planted(1, noise_s=True)
    tr, ho = df.iloc[:200], df.iloc[200:]
    # the model never sees s, which is independent noise
    model = DecisionTreeClassifier(random_state=0).fit(tr.drop(columns=["y", "s"]), tr["y"])
    return attribute_inference(model, tr, ho, target="y", sensitive=["s"], seed=0)


# (a) a tree that uses s and memorises a small training set leaks it


def test_memorising_tree_leaks_the_sensitive_column(leaky: AttributeResult) -> None:
    col = leaky.columns["s"]
    assert col.kind == "categorical" and col.in_model and col.n_candidates == 2
    o = col.outcomes["model"]
    assert o.n_members == o.n_control == 200  # 300 control records sampled down to 200 members
    assert o.residual_risk.low > 0
    assert o.members.value > o.control.value
    assert o.advantage.value > 0
    assert o.member_success.dtype == bool and o.member_success.shape == (o.n_members,)
    assert o.member_index.shape == (o.n_members,) and np.all(np.diff(o.member_index) > 0)
    assert set(col.outcomes) == {"model", "learned"}


def test_finding_for_a_leak_is_at_least_medium(leaky: AttributeResult) -> None:
    f = attribute_finding(leaky, "s")
    assert f.check_id == "MP-I301" and f.title == "Attribute inference: s"
    assert f.criterion is Criterion.INFERENCE and f.path == "(predictions)"
    assert f.severity >= Severity.MEDIUM
    assert f.docs == "docs/attribute.md#mp-i301"
    best = leaky.best("s")
    candidates = set(best.member_index[best.member_success & ~best.baseline_success].tolist())
    # counted beyond the baseline: attack successes minus baseline successes, not every
    # record the attack recovers and the baseline misses
    beyond = int(best.member_success.sum()) - int(best.baseline_success.sum())
    assert f.records.count == beyond == len(f.records.ids) > 0
    assert len(candidates) > beyond
    assert set(f.records.ids) <= candidates
    assert f.records.of == best.n_members
    assert f"{beyond:,} records beyond the baseline" in f.description
    json.dumps(f.to_dict())
    assert f.evidence["column"] == "s" and "attacks" in f.evidence


def test_finding_maps_record_ids(leaky: AttributeResult) -> None:
    ids = np.array([f"p{i}" for i in range(200)])
    f = attribute_finding(leaky, "s", ids=ids)
    assert all(isinstance(i, str) and i.startswith("p") for i in f.records.ids)


# (b) a model that never sees s nor its correlates does not leak it


def test_blind_model_is_not_accused(blind: AttributeResult) -> None:
    col = blind.columns["s"]
    assert not col.in_model
    assert "model" in col.skipped and set(col.outcomes) == {"learned"}
    o = col.outcomes["learned"]
    assert o.residual_risk.contains(0.0)
    assert o.no_better_than_baseline
    assert any("no better than the baseline" in w for w in col.warnings)
    f = attribute_finding(blind, "s")
    assert f.severity <= Severity.LOW
    assert "no better than the baseline" in f.description
    assert "skipped" in f.description


def test_dummy_model_is_not_accused() -> None:
    df = planted(2, noise_s=True)
    tr, ho = df.iloc[:200], df.iloc[200:]
    model = DummyClassifier(strategy="prior").fit(tr.drop(columns="y"), tr["y"])
    r = attribute_inference(model, tr, ho, target="y", sensitive=["s"], seed=0)
    for name, o in r.columns["s"].outcomes.items():
        assert o.residual_risk.contains(0.0), name
        assert o.no_better_than_baseline, name
    assert attribute_finding(r, "s").severity <= Severity.LOW


# (c) reproducible


def test_same_seed_same_numbers() -> None:
    df = planted(3)
    tr, ho = df.iloc[:200], df.iloc[200:]
    model = DecisionTreeClassifier(random_state=0).fit(tr.drop(columns="y"), tr["y"])
    kw = {"target": "y", "sensitive": ["s", "a"], "seed": 7}
    r1 = attribute_inference(model, tr, ho, **kw)
    r2 = attribute_inference(model, tr, ho, **kw)
    assert r1.to_dict() == r2.to_dict()
    for c in ("s", "a"):
        for name in r1.columns[c].outcomes:
            o1, o2 = r1.columns[c].outcomes[name], r2.columns[c].outcomes[name]
            assert np.array_equal(o1.member_success, o2.member_success)
            assert np.array_equal(o1.member_index, o2.member_index)
    json.dumps(r1.to_dict())


# (d) numeric sensitive column with a tolerance


def test_numeric_sensitive_column_uses_tolerance() -> None:
    rng = np.random.default_rng(4)
    n = 600
    income = rng.lognormal(3.0, 0.5, n)
    a = rng.normal(size=n)
    y = (np.log(income) - 3.0 + 0.3 * a + rng.normal(0, 0.3, n) > 0).astype(int)
    df = pd.DataFrame({"income": income, "a": a, "y": y})
    tr, ho = df.iloc[:200], df.iloc[200:]
    model = DecisionTreeClassifier(random_state=0).fit(tr.drop(columns="y"), tr["y"])
    kw = {"target": "y", "sensitive": ["income"], "seed": 0, "grid": 10}
    narrow = attribute_inference(model, tr, ho, tolerance=0.05, **kw)
    wide = attribute_inference(model, tr, ho, tolerance=0.3, **kw)
    col = narrow.columns["income"]
    assert col.kind == "numeric" and col.tolerance == 0.05 and 2 <= col.n_candidates <= 10
    for name in ("model", "learned"):
        n_o, w_o = col.outcomes[name], wide.columns["income"].outcomes[name]
        # the same guesses, judged more leniently
        assert np.all(w_o.member_success >= n_o.member_success), name
        assert w_o.members.value > n_o.members.value, name
    f = attribute_finding(narrow, "income")
    assert "within 5%" in f.description


# (e) Pipeline with a ColumnTransformer and a string sensitive column


def test_pipeline_with_one_hot_string_column() -> None:
    rng = np.random.default_rng(5)
    n = 600
    colour = rng.choice(["red", "green", "blue"], size=n, p=[0.5, 0.3, 0.2])
    a = rng.normal(size=n)
    y = ((colour == "red").astype(float) + 0.5 * a + rng.normal(0, 0.5, n) > 0.5).astype(int)
    df = pd.DataFrame({"colour": colour, "a": a, "b": rng.normal(size=n), "y": y})
    tr, ho = df.iloc[:200], df.iloc[200:]
    pre = ColumnTransformer(
        [("cat", OneHotEncoder(handle_unknown="ignore"), ["colour"])], remainder="passthrough"
    )
    model = make_pipeline(pre, DecisionTreeClassifier(random_state=0))
    model.fit(tr.drop(columns="y"), tr["y"])
    r = attribute_inference(model, tr, ho, target="y", sensitive=["colour"], seed=0)
    col = r.columns["colour"]
    assert col.in_model and col.kind == "categorical" and col.n_candidates == 3
    assert set(col.outcomes) == {"model", "learned"}
    o = col.outcomes["model"]
    assert o.members.value > 1 / 3 and o.residual_risk.value > 0
    f = attribute_finding(r, "colour")
    text = f.description + f.title + json.dumps(f.to_dict())
    for value in ("red", "green", "blue"):
        assert re.search(rf"\b{value}\b", text) is None


# (f) regressor target


def test_regressor_target() -> None:
    rng = np.random.default_rng(6)
    n = 600
    s = rng.integers(0, 2, n)
    a = rng.normal(size=n)
    y = 2.0 * s + a + rng.normal(0, 1.0, n)
    X = np.c_[s, a, rng.normal(size=n)]
    model = DecisionTreeRegressor(random_state=0).fit(X[:200], y[:200])
    r = attribute_inference(
        model, X[:200], X[200:], y_train=y[:200], y_holdout=y[200:], sensitive=[0], seed=0
    )
    assert r.output == "regression"
    col = r.columns[0]
    assert col.in_model and col.kind == "categorical"
    o = col.outcomes["model"]
    assert o.residual_risk.low > 0 and o.members.value > o.control.value
    assert attribute_finding(r, 0).title == "Attribute inference: column 0"


# other query modes and inputs


class LabelOnly(ClassifierMixin, BaseEstimator):
    """A classifier that answers labels only."""

    def __init__(self, estimator=None):
        self.estimator = estimator

    def fit(self, X, y):
        self.estimator_ = DecisionTreeClassifier(random_state=0).fit(X, y)
        self.classes_ = self.estimator_.classes_
        self.n_features_in_ = self.estimator_.n_features_in_
        return self

    def predict(self, X):
        return self.estimator_.predict(X)


def test_array_input_decision_and_label_only() -> None:
    df = planted(7)
    X, y = df.drop(columns="y").to_numpy(), df["y"].to_numpy()
    for model, output in (
        (RidgeClassifier().fit(X[:200], y[:200]), "decision"),
        (LabelOnly().fit(X[:200], y[:200]), "label"),
    ):
        r = attribute_inference(
            model, X[:200], X[200:], y_train=y[:200], y_holdout=y[200:], sensitive=[0], seed=0
        )
        assert r.output == output
        assert set(r.columns[0].outcomes) == {"model", "learned"}
        assert r.columns[0].outcomes["model"].members.value > 0.5
    # label-only memorising tree still leaks through the labels
    assert r.columns[0].outcomes["model"].residual_risk.value > 0


def test_array_sensitive_column_outside_the_model() -> None:
    df = planted(8)
    X, y = df.drop(columns="y").to_numpy(), df["y"].to_numpy()
    model = DecisionTreeClassifier(random_state=0).fit(X[:200, 1:], y[:200])
    r = attribute_inference(
        model, X[:200], X[200:], y_train=y[:200], y_holdout=y[200:], sensitive=[0], seed=0
    )
    assert not r.columns[0].in_model and set(r.columns[0].outcomes) == {"learned"}


def test_unknown_label_population_and_max_records() -> None:
    df = planted(9, n=900)
    tr, ho, pop = df.iloc[:200], df.iloc[200:400], df.iloc[400:]
    model = DecisionTreeClassifier(random_state=0).fit(tr.drop(columns="y"), tr["y"])
    r = attribute_inference(
        model,
        tr.drop(columns="y"),
        ho.drop(columns="y"),
        population=pop.drop(columns="y"),
        sensitive=["s"],
        known_label=False,
        max_records=80,
        seed=0,
    )
    assert not r.known_label and r.n_attacker == 160  # the population, capped at twice max_records
    for o in r.columns["s"].outcomes.values():
        assert o.n_members == o.n_control == 80
    assert "no label" in attribute_finding(r, "s").description


def test_missing_sensitive_values_are_left_out() -> None:
    df = planted(10, noise_s=True)
    df["s"] = df["s"].astype(float)
    df.loc[df.index % 7 == 0, "s"] = np.nan
    tr, ho = df.iloc[:200], df.iloc[200:]
    model = DecisionTreeClassifier(random_state=0).fit(tr.drop(columns=["y", "s"]), tr["y"])
    r = attribute_inference(model, tr, ho, target="y", sensitive=["s"], seed=0)
    o = r.columns["s"].outcomes["learned"]
    assert 0 < o.n_members < 200 and not np.isnan(tr["s"].to_numpy()[o.member_index]).any()


# (g) errors name the problem and the fix


def test_errors() -> None:
    df = planted(11, n=300)
    tr, ho = df.iloc[:200], df.iloc[200:]
    model = DecisionTreeClassifier(random_state=0).fit(tr.drop(columns="y"), tr["y"])
    with pytest.raises(
        DataError, match=r"'income' is not in the training data; its .* columns are"
    ):
        attribute_inference(model, tr, ho, target="y", sensitive=["income"])
    with pytest.raises(DataError, match=r"'y' is the target.*pass a feature column"):
        attribute_inference(model, tr, ho, target="y", sensitive=["y"])
    with pytest.raises(DataError, match=r"only 5 control records.*at least 10"):
        attribute_inference(model, tr, ho.iloc[:10], target="y", sensitive=["s"])
    empty = df.assign(s=np.nan)
    with pytest.raises(DataError, match="only missing values"):
        attribute_inference(model, empty.iloc[:200], empty.iloc[200:], target="y", sensitive=["s"])
    with pytest.raises(DataError, match="integer column indices"):
        X = tr.drop(columns="y").to_numpy()
        attribute_inference(model, X, X, y_train=tr["y"], y_holdout=tr["y"], sensitive=["s"])
    with pytest.raises(DataError, match="no label"):
        attribute_inference(model, tr.drop(columns="y"), ho.drop(columns="y"), sensitive=["s"])
    with pytest.raises(ValueError, match="unknown attack"):
        attribute_inference(model, tr, ho, target="y", sensitive=["s"], attacks=["oracle"])
    r = attribute_inference(model, tr, ho, target="y", sensitive=["s"], attacks=["learned"])
    with pytest.raises(KeyError, match="attacked columns"):
        r.best("a")


def _with_missing_values():
    import pandas as pd

    rng = np.random.default_rng(5)
    df = pd.DataFrame(rng.normal(size=(400, 3)), columns=list("abc"))
    df.loc[rng.random(400) < 0.2, "b"] = np.nan
    df["empty"] = np.nan
    df["y"] = (df["a"] > 0).astype(int)
    return df


def test_models_that_take_missing_values_are_not_refused():
    # Every Pipeline whose first step imputes, and every DummyClassifier, was
    # refused ("a Pipeline cannot be fitted on missing values"): the tags say
    # so for any Pipeline. The model is asked instead.
    from sklearn.compose import ColumnTransformer
    from sklearn.dummy import DummyClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    from modelprivacy.attacks import membership_inference

    df = _with_missing_values()
    X, y = df.drop(columns="y"), df["y"]
    imputed = Pipeline(
        [
            ("keep", ColumnTransformer([("abc", "passthrough", ["a", "b", "c"])])),
            ("impute", SimpleImputer()),
            ("lr", LogisticRegression()),
        ]
    ).fit(X.iloc[:200], y.iloc[:200])
    for model in (imputed, DummyClassifier().fit(X.iloc[:200], y.iloc[:200])):
        result = membership_inference(
            model, df.iloc[:200], df.iloc[200:], target="y", reference_models=2, seed=0
        )
        assert result.n_members > 0
    # A model that really refuses NaN gets a true message.
    plain = LogisticRegression().fit(X[["a", "c"]].iloc[:200], y.iloc[:200])
    with_nan = df[["a", "b", "y"]].rename(columns={"b": "c"})
    with pytest.raises(
        DataError,
        match=r"missing values \(NaN\) in column\(s\) c, and the LogisticRegression refuses",
    ):
        membership_inference(
            plain, with_nan.iloc[:200], with_nan.iloc[200:], target="y", reference_models=2
        )


def test_a_column_without_any_value_is_left_out_of_the_learned_attack():
    # "window shape cannot be larger than input array shape" from the learned
    # attack's HistGradientBoosting, on a column that is NaN everywhere.
    from sklearn.compose import ColumnTransformer
    from sklearn.pipeline import Pipeline

    df = _with_missing_values()
    model = Pipeline(
        [
            ("keep", ColumnTransformer([("ac", "passthrough", ["a", "c"])])),
            ("tree", DecisionTreeClassifier(max_depth=3, random_state=0)),
        ]
    ).fit(df.drop(columns="y").iloc[:200], df["y"].iloc[:200])
    result = attribute_inference(
        model, df.iloc[:200], df.iloc[200:], target="y", sensitive=["c"], seed=0
    )
    [column] = result.columns.values()
    assert any("'empty'" in w and "left out of the learned attacks" in w for w in column.warnings)
