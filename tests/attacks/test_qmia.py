"""QMIA: a quantile regressor on non-members, no reference models, never scoring what it saw."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.tree import DecisionTreeClassifier

from modelprivacy.attacks import membership_inference
from modelprivacy.attacks.membership import qmia, qmia_features
from modelprivacy.attacks.target import Target
from modelprivacy.stats import auc


def _noisy(n: int = 600, seed: int = 0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4))
    y = ((X[:, 0] + X[:, 1] > 0) ^ (rng.random(n) < 0.25)).astype(int)
    return X, y


def test_overfit_tree_is_caught_without_reference_models():
    X, y = _noisy()
    tree = DecisionTreeClassifier(random_state=0).fit(X[:300], y[:300])
    result = membership_inference(
        tree, X[:300], X[300:], y_train=y[:300], y_holdout=y[300:], attacks=["qmia"], seed=0
    )
    assert result.metrics["qmia"].auc.value > 0.6
    assert result.metrics["qmia"].auc.low > 0.55
    assert np.all(np.isfinite(result.scores["qmia"]))  # every audited record is scored


def test_no_record_is_scored_by_a_regressor_fitted_on_it():
    X, y = _noisy(400, seed=1)
    tree = DecisionTreeClassifier(random_state=0).fit(X[:200], y[:200])
    signal = Target(tree).signal(X, y)
    member = np.arange(400) < 200
    res = qmia(qmia_features(X, y), signal, ~member, np.ones(400, dtype=bool), seed=0)
    assert res.fitted_on.shape == (2, 400)
    assert not (res.fitted_on & member).any()  # members never fit a regressor
    for j, fit in enumerate(res.fitted_on):
        assert fit.sum() == 100 and not (fit & (res.scored_by == j)).any()
    assert set(np.unique(res.scored_by)) == {0, 1} and np.all(np.isfinite(res.scores))
    # known non-members outside the scored set (population) fit one regressor
    scored = np.arange(400) < 300
    res = qmia(qmia_features(X, y), signal, ~scored, scored, seed=0)
    assert res.fitted_on.shape == (1, 400) and not (res.fitted_on[0] & scored).any()
    assert np.all(np.isnan(res.scores[~scored])) and np.all(np.isfinite(res.scores[scored]))


def test_same_seed_same_scores_and_other_seed_other_split():
    X, y = _noisy(300, seed=2)
    signal = Target(DecisionTreeClassifier(random_state=0).fit(X[:150], y[:150])).signal(X, y)
    F, known, scored = qmia_features(X, y), np.arange(300) >= 150, np.ones(300, dtype=bool)
    a = qmia(F, signal, known, scored, seed=5)
    b = qmia(F, signal, known, scored, seed=5)
    c = qmia(F, signal, known, scored, seed=6)
    np.testing.assert_array_equal(a.scores, b.scores)
    assert not np.array_equal(a.scored_by, c.scored_by)


def test_population_records_fit_the_regressor_and_dataframes_are_encoded():
    X, y = _noisy(900, seed=3)
    df = pd.DataFrame(X, columns=list("abcd")).assign(
        colour=np.where(X[:, 2] > 0, "red", "blue"), y=y
    )
    tree = DecisionTreeClassifier(random_state=0).fit(
        pd.get_dummies(df.drop(columns="y"))[:300], y[:300]
    )
    F = qmia_features(df.drop(columns="y"), y)
    assert F.shape == (900, 6) and set(np.unique(F[:, 4])) == {0.0, 1.0}
    signal = Target(tree).signal(pd.get_dummies(df.drop(columns="y")), y)
    scored = np.arange(900) < 600
    res = qmia(F, signal, ~scored, scored, seed=0)
    member = np.arange(900) < 300
    assert auc(res.scores[member], res.scores[scored & ~member]) > 0.6
