"""The fast paths of the membership audit give the same numbers as the plain computations."""

from __future__ import annotations

import numpy as np
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

from modelprivacy.attacks.exposure import outlierness


def test_outlierness_equals_a_plain_nearest_neighbour_search() -> None:
    rng = np.random.default_rng(7)
    X_ref = rng.normal(size=(600, 6))
    X_audit = np.vstack([rng.normal(size=(400, 6)), X_ref[:50], X_ref[:5] * 4.0])
    model = DecisionTreeClassifier(max_depth=3, random_state=0).fit(X_ref, X_ref[:, 0] > 0)
    got = outlierness(model, X_audit, X_ref)
    scaler = StandardScaler().fit(X_ref)
    dist, _ = (
        NearestNeighbors(n_neighbors=5)
        .fit(scaler.transform(X_ref))
        .kneighbors(scaler.transform(X_audit))
    )
    assert got is not None
    np.testing.assert_array_equal(got, dist.mean(axis=1))
    assert np.all(got[400:450] < got[450:].min())  # records of the reference set are near it
