"""Attributes that hold one record's value only under some settings (inspection/knowledge.py).

A median is one training value (for an odd count); a mean is not. Without the
training data, the inspection must tell them apart by the estimator's settings.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import GradientBoostingRegressor, HistGradientBoostingRegressor
from sklearn.neighbors import NearestCentroid

import modelprivacy

rng = np.random.default_rng(0)
X = rng.normal(size=(41, 3))
y = rng.normal(size=41)
labels = (X[:, 0] > 0).astype(int)


def _paths(model) -> set[str]:
    return {f.path for f in modelprivacy.inspect(model).findings if f.severity.value != "info"}


@pytest.mark.parametrize(
    ("stores", "model", "attr"),
    [
        (True, NearestCentroid(metric="manhattan").fit(X, labels), "centroids_"),
        (False, NearestCentroid().fit(X, labels), "centroids_"),
        (True, DummyRegressor(strategy="median").fit(X, y), "constant_"),
        (False, DummyRegressor(strategy="mean").fit(X, y), "constant_"),
        (
            True,
            GradientBoostingRegressor(loss="absolute_error", n_estimators=3).fit(X, y),
            "init_.constant_",
        ),
        (False, GradientBoostingRegressor(n_estimators=3).fit(X, y), "init_.constant_"),
        (
            True,
            HistGradientBoostingRegressor(loss="absolute_error", max_iter=3).fit(X, y),
            "_baseline_prediction",
        ),
        (False, HistGradientBoostingRegressor(max_iter=3).fit(X, y), "_baseline_prediction"),
    ],
)
def test_a_median_is_reported_and_a_mean_is_not(stores, model, attr):
    found = any(p == attr or p.endswith(f".{attr}") or p.startswith(attr) for p in _paths(model))
    assert found is stores, (type(model).__name__, _paths(model))
