"""The fast paths of the membership audit give the same numbers as the plain computations."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

from modelprivacy import stats
from modelprivacy.attacks.api import FPRS, evaluate
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


def test_outlierness_samples_the_reference_records_before_the_pipeline_transforms_them() -> None:
    import pandas as pd
    from sklearn.compose import ColumnTransformer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder

    rng = np.random.default_rng(3)
    frame = pd.DataFrame(
        {
            "x": rng.normal(size=900),
            "z": rng.normal(size=900),
            "c": rng.choice(["a", "b", "c", "d"], size=900),
        }
    )
    pre = ColumnTransformer([("c", OneHotEncoder(), ["c"])], remainder="passthrough")
    model = make_pipeline(pre, DecisionTreeClassifier(max_depth=3, random_state=0))
    model.fit(frame.iloc[:300], frame["x"].iloc[:300] > 0)
    X_audit, X_ref = frame.iloc[:300], frame.iloc[300:]
    got = outlierness(model, X_audit, X_ref, max_reference=150, seed=5)
    # the plain computation: transform all reference records, then take the seeded sample
    R = np.asarray(model[:-1].transform(X_ref), dtype=np.float64)
    R = R[np.random.default_rng(5).choice(len(R), size=150, replace=False)]
    A = np.asarray(model[:-1].transform(X_audit), dtype=np.float64)
    scaler = StandardScaler().fit(R)
    dist, _ = (
        NearestNeighbors(n_neighbors=5).fit(scaler.transform(R)).kneighbors(scaler.transform(A))
    )
    assert got is not None
    np.testing.assert_allclose(got, dist.mean(axis=1), rtol=1e-12)


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


def _scores(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Members' and non-members' scores with ties, infinities and signed zeros."""
    rng = np.random.default_rng(seed)
    m = rng.normal(0.3, 1.0, size=int(rng.integers(1, 400)))
    n = rng.normal(0.0, 1.0, size=int(rng.integers(1, 400)))
    if seed % 2:
        m, n = np.round(m, 1), np.round(n, 1)
    m[: seed % 3] = np.inf
    n[: seed % 4] = -np.inf
    if seed % 5 == 0:
        m[-1], n[-1] = -0.0, 0.0
    return m, n


@pytest.mark.parametrize("seed", range(12))
def test_roc_counts_match_a_plain_count_at_every_distinct_score(seed: int) -> None:
    m, n = _scores(seed)
    tp, fp, thresholds = stats._roc_counts(m, n)
    distinct = np.unique(np.concatenate([m, n]))[::-1]
    np.testing.assert_array_equal(thresholds, np.r_[np.inf, distinct])
    np.testing.assert_array_equal(tp, [0, *[(m >= t).sum() for t in distinct]])
    np.testing.assert_array_equal(fp, [0, *[(n >= t).sum() for t in distinct]])


@pytest.mark.parametrize("seed", range(12))
def test_evaluate_gives_the_public_statistics(seed: int) -> None:
    m, n = _scores(seed)
    got = evaluate("loss", m, n, np.random.default_rng(seed))
    for f in FPRS:
        assert got.tpr_at_fpr[f] == stats.tpr_at_fpr_interval(m, n, fpr=f)
    assert got.advantage == stats.advantage(m, n)
    assert got.auc == stats.auc_interval_delong(m, n)


@pytest.mark.parametrize("frame", [False, True])
def test_outlierness_in_blocks_of_records_equals_one_pass(monkeypatch, frame: bool) -> None:
    import pandas as pd
    from sklearn.pipeline import make_pipeline

    import modelprivacy.attacks.exposure as exposure

    rng = np.random.default_rng(11)
    X = rng.normal(size=(700, 4))  # few features: the k-d tree's dual-tree search
    X[::50, 1] = np.nan
    data = pd.DataFrame(X, columns=list("abcd")) if frame else X
    audited = data.iloc[:500] if frame else data[:500]
    reference = data.iloc[500:] if frame else data[500:]
    fit_on = data.iloc[:300].fillna(0.0) if frame else np.nan_to_num(X[:300])
    model = make_pipeline(StandardScaler(), DecisionTreeClassifier(max_depth=3, random_state=0))
    model.fit(fit_on, X[:300, 0] > 0)
    whole = outlierness(model, audited, reference)
    monkeypatch.setattr(exposure, "_AUDIT_ROWS", 64)  # 8 blocks, the last of 52 records
    blocks = outlierness(model, audited, reference)
    assert whole is not None and blocks is not None and blocks.shape == (500,)
    np.testing.assert_array_equal(blocks, whole)
