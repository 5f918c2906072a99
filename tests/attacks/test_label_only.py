"""Label-only attacks against real estimators: membership and attribute inference from labels."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin, clone
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from modelprivacy.attacks import membership_inference
from modelprivacy.attacks.api import MembershipResult
from modelprivacy.attacks.attribute import attribute_inference
from modelprivacy.attacks.label_only import (
    LabelOnlyError,
    Perturbation,
    label_only_attribute,
    label_only_membership,
    label_signals,
)
from modelprivacy.attacks.target import BlackBox, Target


@pytest.fixture(scope="module")
def cancer() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    X, y = load_breast_cancer(return_X_y=True)
    order = np.random.default_rng(0).permutation(len(y))
    m, n = order[: len(y) // 2], order[len(y) // 2 :]
    return X[m], y[m], X[n], y[n]


@pytest.fixture(scope="module")
def forest(cancer: Any) -> RandomForestClassifier:
    Xm, ym, _, _ = cancer
    # fully grown trees (no depth limit), as the default forest
    return RandomForestClassifier(n_estimators=50, random_state=0).fit(Xm, ym)


@pytest.fixture(scope="module")
def forest_labels(cancer: Any, forest: RandomForestClassifier) -> MembershipResult:
    Xm, ym, Xn, yn = cancer
    return label_only_membership(forest, Xm, Xn, y_train=ym, y_holdout=yn, seed=0)


class Counting(ClassifierMixin, BaseEstimator):
    """A fitted classifier's labels, counting the records it was asked about (no predict_proba)."""

    def __init__(self, model: Any = None) -> None:
        self.model = model
        self.asked = 0

    @property
    def classes_(self) -> np.ndarray:
        return np.asarray(self.model.classes_)

    @property
    def feature_names_in_(self) -> np.ndarray:
        names = getattr(self.model, "feature_names_in_", None)
        if names is None:
            raise AttributeError("fitted without column names")
        return np.asarray(names)

    def __sklearn_is_fitted__(self) -> bool:
        return True

    def fit(self, X: Any, y: Any) -> Counting:
        self.model = clone(self.model).fit(X, y)
        return self

    def predict(self, X: Any) -> np.ndarray:
        self.asked += len(X)
        return np.asarray(self.model.predict(X))


# membership


def test_forest_leaks_through_labels_less_than_through_scores(
    cancer: Any, forest: RandomForestClassifier, forest_labels: MembershipResult
) -> None:
    Xm, ym, Xn, yn = cancer
    best = max(forest_labels.metrics.values(), key=lambda m: m.auc.value)
    assert best.auc.low > 0.5  # above chance, with DeLong's interval
    scores = membership_inference(
        forest, Xm, Xn, y_train=ym, y_holdout=yn, reference_models=2, attacks=["loss"], seed=0
    )
    assert scores.metrics["loss"].auc.value > best.auc.value + 0.03
    assert set(forest_labels.metrics) == {
        "label_gap",
        "label_robustness",
        "label_boundary",
        "label_only",
    }
    # the gap attack's two scores tie: its 1% FPR is not resolved by any threshold
    assert not forest_labels.metrics["label_gap"].tpr_at_fpr[0.01].resolved
    assert forest_labels.k == 0 and forest_labels.skipped_attacks == {}


def test_result_renders_like_the_other_membership_attacks(forest_labels: MembershipResult) -> None:
    text = forest_labels.render("markdown")
    assert "label_only" in text
    d = forest_labels.to_dict()
    assert d["queries"] == forest_labels.queries and set(d["attacks"]) == set(forest_labels.metrics)
    assert forest_labels.exposure is not None and forest_labels.histogram is not None


def test_dummy_classifier_has_no_signal(cancer: Any) -> None:
    Xm, ym, Xn, yn = cancer
    dummy = DummyClassifier().fit(Xm, ym)
    r = label_only_membership(dummy, Xm, Xn, y_train=ym, y_holdout=yn, reference_models=2)
    assert set(r.metrics) >= {"label_only", "label_lira_offline", "label_lira_online"}
    for m in r.metrics.values():
        assert m.auc.low <= 0.5 <= m.auc.high, m.name
        for fpr, t in m.tpr_at_fpr.items():
            # either a tie leaves the FPR unresolved, or the TPR is no better than chance
            assert not t.resolved or t.low <= fpr, (m.name, fpr)


def test_same_seed_same_result_and_queries_counted(cancer: Any) -> None:
    Xm, ym, Xn, yn = cancer
    tree = DecisionTreeClassifier(random_state=0).fit(Xm, ym)
    runs = [
        label_only_membership(
            Counting(tree), Xm, Xn, y_train=ym, y_holdout=yn, seed=s, n_perturbations=4
        )
        for s in (0, 0, 1)
    ]
    a, b, c = runs
    for name in a.scores:
        np.testing.assert_array_equal(a.scores[name], b.scores[name])
    assert a.metrics == b.metrics and a.queries == b.queries
    assert not np.array_equal(a.scores["label_boundary"], c.scores["label_boundary"])
    # every record is labelled once, then 4 copies at each of 4 radii, then bisection steps
    n = len(ym) + len(yn)
    assert n * (1 + 4 * 4) <= a.queries <= n * (1 + 4 * (4 + 3))


def test_queries_are_the_records_the_model_labels(cancer: Any) -> None:
    Xm, ym, Xn, yn = cancer
    model = Counting(make_pipeline(StandardScaler(), LogisticRegression()).fit(Xm, ym))
    r = label_only_membership(model, Xm, Xn, y_train=ym, y_holdout=yn, n_perturbations=3)
    assert r.queries == model.asked > 0
    assert not hasattr(model, "predict_proba")  # labels were all it could answer


def test_reference_models_calibrate_per_record(cancer: Any) -> None:
    Xm, ym, Xn, yn = cancer
    tree = DecisionTreeClassifier(random_state=0).fit(Xm, ym)
    target = Target(tree)
    r = label_only_membership(
        target, Xm, Xn, y_train=ym, y_holdout=yn, reference_models=4, n_perturbations=4
    )
    assert r.k == 4 and {"label_lira_offline", "label_lira_online"} <= set(r.metrics)
    # the target's queries only: the reference models' are not the audited model's
    plain = label_only_membership(tree, Xm, Xn, y_train=ym, y_holdout=yn, n_perturbations=4)
    assert r.queries == plain.queries
    np.testing.assert_array_equal(r.scores["label_only"], plain.scores["label_only"])


def test_black_box_without_refit_skips_reference_attacks(cancer: Any, forest: Any) -> None:
    Xm, ym, Xn, yn = cancer
    box = BlackBox(predict_proba=forest.predict_proba)
    r = label_only_membership(
        box, Xm, Xn, y_train=ym, y_holdout=yn, reference_models=2, n_perturbations=2
    )
    assert set(r.skipped_attacks) == {"label_lira_offline", "label_lira_online"}
    assert "label_only" in r.metrics and r.k == 0
    assert box.n_queries >= r.queries > 0  # the box also counts its probe


def test_bad_input_is_refused(cancer: Any, forest: Any) -> None:
    Xm, ym, Xn, yn = cancer
    reg = DecisionTreeRegressor().fit(Xm, ym)
    with pytest.raises(LabelOnlyError, match="need a classifier"):
        label_only_membership(reg, Xm, Xn, y_train=ym, y_holdout=yn)
    with pytest.raises(LabelOnlyError, match="reference_models"):
        label_only_membership(forest, Xm, Xn, y_train=ym, y_holdout=yn, reference_models=1)
    with pytest.raises(LabelOnlyError, match="increasing"):
        label_only_membership(forest, Xm, Xn, y_train=ym, y_holdout=yn, radii=(0.3, 0.1))
    with pytest.raises(LabelOnlyError, match="n_perturbations"):
        label_only_membership(forest, Xm, Xn, y_train=ym, y_holdout=yn, n_perturbations=0)


def test_perturbation_kinds_of_columns() -> None:
    rng = np.random.default_rng(0)
    n = 200
    colour = rng.choice(["red", "green", "blue"], n)
    onehot = np.eye(3)[rng.integers(0, 3, n)]
    df = pd.DataFrame(
        {
            "x": rng.normal(size=n),
            "colour": colour,
            "flag": rng.integers(0, 2, n),
            "h0": onehot[:, 0],
            "h1": onehot[:, 1],
            "h2": onehot[:, 2],
            "const": np.ones(n),
        }
    )
    p = Perturbation.fit(df)
    assert p.numeric.tolist() == [0]
    # colour and flag are resampled alone; the adjacent 0/1 columns h0..h2 sum to 1 on every
    # row (one-hot) and are resampled together; a constant column is left alone
    assert (1,) in p.units and (3, 4, 5) in p.units and (2,) in p.units
    d = p.directions(n, 4, 0)
    rows, dirs = np.repeat(np.arange(n), 4), np.tile(np.arange(4), n)
    out = p.copies(df, rows, dirs, d, np.full(n * 4, 1.0))
    assert set(out["colour"]) <= set(colour)
    np.testing.assert_array_equal(out[["h0", "h1", "h2"]].sum(axis=1), 1.0)
    assert out["x"].between(df["x"].min(), df["x"].max()).all()
    assert (out["const"] == 1).all()
    small = p.copies(df, rows, dirs, d, np.full(n * 4, 1e-9))
    np.testing.assert_array_equal(small["colour"], df["colour"].to_numpy()[rows])


def test_label_signals_monotone_in_the_radius(cancer: Any, forest: Any) -> None:
    Xm, ym, Xn, _ = cancer
    p = Perturbation.fit(Xn)
    s = label_signals(forest, Xm[:60], ym[:60], p, radii=(0.01,), n_perturbations=8, bisection=0)
    big = label_signals(forest, Xm[:60], ym[:60], p, radii=(3.0,), n_perturbations=8, bisection=0)
    assert s.robustness.mean() >= big.robustness.mean()
    assert s.queries == big.queries == 60 * (1 + 8)
    assert np.all((s.boundary >= 0) & (s.boundary <= 1))


# regressors with rounded outputs: the existing loss signal


class Rounded(RegressorMixin, BaseEstimator):
    """A regressor whose predictions are served rounded to ``decimals`` (refittable)."""

    def __init__(self, estimator: Any = None, decimals: int = 0) -> None:
        self.estimator = estimator
        self.decimals = decimals

    def fit(self, X: Any, y: Any) -> Rounded:
        self.estimator_ = clone(self.estimator).fit(X, y)
        self.n_features_in_ = self.estimator_.n_features_in_
        return self

    def predict(self, X: Any) -> np.ndarray:
        return np.round(self.estimator_.predict(X), self.decimals)


def test_rounded_regressor_keeps_honest_ties() -> None:
    X, y = load_diabetes(return_X_y=True)
    order = np.random.default_rng(0).permutation(len(y))
    m, n = order[:221], order[221:]
    model = Rounded(DecisionTreeRegressor(max_depth=4, random_state=0), decimals=-2).fit(X[m], y[m])
    assert len(np.unique(model.predict(X))) <= 4  # outputs rounded to hundreds
    args = {"y_train": y[m], "y_holdout": y[n], "reference_models": 2, "seed": 0}
    r = membership_inference(model, X[m], X[n], attacks=["loss", "lira_offline"], **args)
    again = membership_inference(model, X[m], X[n], attacks=["loss", "lira_offline"], **args)
    assert r.metrics == again.metrics
    for metric in r.metrics.values():
        assert 0.0 <= metric.auc.value <= 1.0 and np.isfinite(metric.auc.low)
        for t in metric.tpr_at_fpr.values():
            # an unresolved target carries the tie that straddles it; never a split tie
            assert t.resolved == (t.tie is None)
            assert t.fp <= t.fpr * t.n_nonmembers
    with pytest.raises(LabelOnlyError, match="need a classifier"):
        label_only_membership(model, X[m], X[n], y_train=y[m], y_holdout=y[n])


# attribute inference from labels


def planted(seed: int = 0, n: int = 800) -> pd.DataFrame:
    """Label = noisy function of the binary sensitive column ``s`` and feature ``a``."""
    rng = np.random.default_rng(seed)
    s = rng.integers(0, 2, n)
    X = rng.normal(size=(n, 3))
    y = ((2 * s - 1) + 0.5 * X[:, 0] > 0).astype(int)
    y = np.where(rng.random(n) < 0.2, 1 - y, y)
    return pd.DataFrame({"s": s, "a": X[:, 0], "b": X[:, 1], "c": X[:, 2], "y": y})


def test_attribute_from_labels_beats_the_baseline() -> None:
    df = planted(0)
    tr, ho = df.iloc[:200], df.iloc[200:]
    tree = DecisionTreeClassifier(random_state=0).fit(tr.drop(columns="y"), tr["y"])
    model = Counting(tree)
    r = label_only_attribute(model, tr, ho, target="y", sensitive=["s"], seed=0)
    assert r.output == "label" and r.queries == model.asked > 0
    o = r.columns["s"].outcomes["model"]
    assert o.advantage.low > 0  # beyond an attacker without the model
    assert o.members.value > o.control.value
    again = label_only_attribute(Counting(tree), tr, ho, target="y", sensitive=["s"], seed=0)
    assert again.to_dict() == r.to_dict()
    # the labels alone (no copies) through the existing attack give the same kind of evidence
    bare = label_only_attribute(tree, tr, ho, target="y", sensitive=["s"], n_perturbations=0)
    assert bare.columns["s"].outcomes["model"].advantage.low > 0


def test_attribute_from_labels_of_a_blind_model_is_not_accused() -> None:
    df = planted(1)
    df["s"] = np.random.default_rng(5).integers(0, 2, len(df))  # s independent of everything
    tr, ho = df.iloc[:200], df.iloc[200:]
    tree = DecisionTreeClassifier(random_state=0).fit(tr.drop(columns=["y", "s"]), tr["y"])
    r = label_only_attribute(tree, tr, ho, target="y", sensitive=["s"], seed=0)
    col = r.columns["s"]
    assert "model" in col.skipped  # not a model input: only the learned attack runs
    assert all(not o.advantage.low > 0 for o in col.outcomes.values())
    probs = attribute_inference(tree, tr, ho, target="y", sensitive=["s"], seed=0)
    assert set(probs.columns["s"].outcomes) == set(col.outcomes)


def test_a_target_released_as_labels_gives_the_same_attack(cancer: Any) -> None:
    pytest.importorskip("modelprivacy.release")
    Xm, ym, Xn, yn = cancer
    tree = DecisionTreeClassifier(random_state=0).fit(Xm, ym)
    args = {"y_train": ym, "y_holdout": yn, "n_perturbations": 2, "reference_models": 2}
    plain = label_only_membership(Target(tree), Xm, Xn, **args)
    served = label_only_membership(Target(tree, release="labels"), Xm, Xn, **args)
    for name in plain.scores:
        np.testing.assert_array_equal(plain.scores[name], served.scores[name])
