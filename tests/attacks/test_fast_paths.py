"""The fast paths of the membership audit give the same numbers as the plain computations."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

from modelprivacy import stats
from modelprivacy.attacks.exposure import outlierness
from modelprivacy.attacks.membership import attack_scores, choose_rmia_offline_a
from modelprivacy.attacks.reference import ReferenceSignals


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


def _choose_a_plainly(ref: ReferenceSignals, n_targets: int = 4) -> float:
    """choose_rmia_offline_a as first written: RMIA's scores of each model, for each a."""
    best_a, best_auc = 1.0, -np.inf
    for a in np.linspace(0.0, 1.0, 11):
        aucs = []
        for j in range(min(n_targets, ref.k)):
            others = np.delete(np.arange(ref.k), j)
            sub = ReferenceSignals(ref.membership[others], ref.signals[others])
            scores = attack_scores("rmia_offline", ref.signals[j], sub, a=float(a))
            member = ref.membership[j]
            aucs.append(stats.auc(scores[member], scores[~member]))
        if float(np.mean(aucs)) > best_auc + 1e-12:
            best_a, best_auc = float(a), float(np.mean(aucs))
    return best_a


@pytest.mark.parametrize("seed", range(6))
def test_rmia_offline_a_is_the_one_the_plain_search_chooses(seed: int) -> None:
    rng = np.random.default_rng(seed)
    k, n = int(rng.integers(3, 9)), 500
    membership = rng.random((k, n)) < 0.5
    # members get a higher logit; some records tie (rounded signals) and some saturate
    signals = rng.normal(size=(k, n)) + membership * rng.uniform(0.0, 2.0) + rng.normal(size=n)
    signals = np.round(signals, 1) if seed % 2 else signals
    signals[:, :10] = 40.0
    ref = ReferenceSignals(membership, signals)
    assert choose_rmia_offline_a(ref) == _choose_a_plainly(ref)
