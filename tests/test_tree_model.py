"""The one tree representation (modelprivacy.models.trees), on real scikit-learn models."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.ensemble import (
    BaggingClassifier,
    ExtraTreesRegressor,
    GradientBoostingClassifier,
    HistGradientBoostingClassifier,
    HistGradientBoostingRegressor,
    RandomForestClassifier,
)
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier

import modelprivacy
import zoo
from modelprivacy.errors import ModelPrivacyError, NotFittedModelError
from modelprivacy.findings import Confidence
from modelprivacy.models.trees import (
    NotATreeModelError,
    UnsupportedTreesError,
    float32_edge,
    forest_of,
    is_tree_model,
    node_boxes,
)
from modelprivacy.singling import leaf_boxes, singling_out_finding


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 4))
    y = (X[:, 0] + rng.normal(scale=0.7, size=400) > 0).astype(int)
    return X, y


def _edge_points(estimator_trees: list, X: np.ndarray) -> np.ndarray:
    """Rows whose values sit exactly at, and one float32/float64 step around, split thresholds."""
    rows = [X]
    rng = np.random.default_rng(1)
    for t in estimator_trees:
        split = t.children_left >= 0
        for f, thr in zip(t.feature[split][:40], t.threshold[split][:40], strict=True):
            t32 = np.float32(thr)
            for v in (
                thr,
                float(t32),
                float(np.nextafter(t32, np.float32(np.inf))),
                float(np.nextafter(t32, np.float32(-np.inf))),
                float(np.nextafter(thr, np.inf)),
                float(float32_edge(np.array([thr]))[0]),
            ):
                row = X[rng.integers(len(X))].copy()
                row[f] = v
                rows.append(row[None, :])
    return np.vstack(rows)


@pytest.mark.parametrize(
    "model",
    [
        DecisionTreeClassifier(random_state=0),
        RandomForestClassifier(n_estimators=4, random_state=0),
        ExtraTreesRegressor(n_estimators=3, random_state=0),
        GradientBoostingClassifier(n_estimators=5, random_state=0),
    ],
    ids=lambda m: type(m).__name__,
)
def test_float32_routing_equals_apply_at_the_edges(data, model):
    X, y = data
    model.fit(X, y if not type(model).__name__.endswith("Regressor") else X[:, 0])
    forest = forest_of(model)
    Xe = _edge_points([t.source for t in forest.trees], X)
    expected = np.asarray(model.apply(Xe)).reshape(len(Xe), -1).astype(np.int64)
    got = np.full_like(expected, -1)
    for i, rows, leaf in forest.leaves(Xe, inbag=False):
        got[rows, i] = leaf
    assert np.array_equal(got, expected)
    # every row lies inside the box of its leaf (bounds are the float32 edges)
    x32 = Xe.astype(np.float32).astype(np.float64)
    for i, spec in enumerate(forest.trees):
        low, high = node_boxes(spec, Xe.shape[1])
        leaf = expected[:, i]
        assert np.all((x32 > low[leaf]) & (x32 <= high[leaf]))


@pytest.mark.parametrize("cls", [HistGradientBoostingClassifier, HistGradientBoostingRegressor])
def test_hist_binning_routing_equals_own_leaves(data, cls):
    X, y = data
    X = X.copy()
    X[::17, 1] = np.nan  # missing values follow each node's missing_go_to_left
    target = y if cls is HistGradientBoostingClassifier else X[:, 0] * 3.0 + np.nan_to_num(X[:, 2])
    model = cls(max_iter=15, min_samples_leaf=2, early_stopping=False, random_state=0).fit(
        X, target
    )
    thresholds = model._bin_mapper.bin_thresholds_
    Xe = X.copy()
    Xe[:30, 0] = thresholds[0][:30]  # exactly at bin edges
    forest = forest_of(model)
    raw = np.zeros(len(Xe))
    for i, rows, leaf in forest.leaves(Xe, inbag=False):
        raw[rows] += forest.trees[i].leaf_value[leaf]
    own = model._raw_predict(Xe)[:, 0] - model._baseline_prediction[0]
    assert np.allclose(raw, own)
    # the training counts the model stores are what the training data routes to
    matched = forest_of(model, n_rows=len(X))
    assert matched.matched
    for i, _, leaf in matched.leaves(X, inbag=False):
        spec = matched.trees[i]
        counts = np.bincount(leaf, minlength=spec.n_nodes)
        assert np.array_equal(counts[spec.is_leaf], spec.n_node_samples[spec.is_leaf])


def test_one_list_of_tree_models_agrees_with_the_adapter():
    checked = 0
    for case in zoo.cases():
        est = case.estimator
        if is_tree_model(est):
            try:
                forest = forest_of(est)
            except UnsupportedTreesError:
                continue
            assert forest.n_trees > 0, case.name
            checked += 1
        else:
            with pytest.raises(NotATreeModelError):
                forest_of(est)
    assert checked >= 14  # the scikit-learn tree classes of the zoo, and its extra tree cases
    assert not is_tree_model(BaggingClassifier(KNeighborsClassifier()))
    assert is_tree_model(BaggingClassifier()) and is_tree_model(RandomForestClassifier())
    with pytest.raises(NotFittedModelError):
        forest_of(RandomForestClassifier())
    with pytest.raises(NotATreeModelError):
        forest_of(LogisticRegression())


def test_forest_fitted_on_400_given_300_is_not_matched(data):
    X, y = data
    forest = RandomForestClassifier(n_estimators=10, random_state=0).fit(X, y)
    full = forest_of(forest, n_rows=400)
    assert full.matched and all(t.samples is not None for t in full.trees)
    part = forest_of(forest, n_rows=300)
    assert not part.matched and "fitted on 400" in part.reason
    assert all(t.samples is None for t in part.trees)

    # MP-S105: says so, and is not high confidence
    s105 = [
        f
        for f in modelprivacy.inspect(forest, X[:300], y[:300]).findings
        if f.check_id == "MP-S105"
    ]
    assert s105
    for f in s105:
        assert f.confidence is not Confidence.HIGH
        assert "could not be matched" in f.description and f.evidence["matched"] is False
    matched = [f for f in modelprivacy.inspect(forest, X, y).findings if f.check_id == "MP-S105"]
    assert matched and all(f.confidence is Confidence.HIGH for f in matched)

    # MP-S110: no DataError; the result and the finding say so
    boxes = leaf_boxes(forest, X[:300], y[:300])
    assert not boxes.matched and "fitted on 400" in boxes.match_reason
    finding = singling_out_finding(boxes)
    assert (
        finding.confidence is not Confidence.HIGH and "could not be matched" in finding.description
    )
    assert singling_out_finding(leaf_boxes(forest, X, y)).confidence is Confidence.HIGH

    # the sanitizer's tree rule says which counts it used
    result = modelprivacy.sanitize(forest, X[:300], y[:300], k=5)
    [prune] = [a for a in result.actions if "pruned" in a.what]
    assert "n_node_samples" in prune.what and "not matched" in prune.what
    result = modelprivacy.sanitize(forest, X, y, k=5)
    [prune] = [a for a in result.actions if "pruned" in a.what]
    assert "distinct in-bag training records" in prune.what


def test_single_tree_with_other_rows_is_not_matched(data):
    X, y = data
    tree = DecisionTreeClassifier(random_state=0).fit(X, y)
    assert forest_of(tree, n_rows=400).matched
    f = forest_of(tree, n_rows=399)
    assert not f.matched and "fitted on 400" in f.reason
    gb = GradientBoostingClassifier(n_estimators=3, subsample=0.5, random_state=0).fit(X, y)
    assert forest_of(gb, n_rows=400).matched  # the subsample of 200 from 400 rows
    assert not forest_of(gb, n_rows=300).matched


def test_split_thresholds_are_grouped_per_feature(data):
    X, y = data
    forest = RandomForestClassifier(n_estimators=5, random_state=0).fit(X, y)
    got = forest_of(forest).split_thresholds()
    for j, thr in got.items():
        expected = np.unique(
            np.concatenate([e.tree_.threshold[e.tree_.feature == j] for e in forest.estimators_])
        )
        assert np.array_equal(thr, expected)
    assert set(got) <= set(range(X.shape[1])) and got


def test_categorical_hist_gradient_boosting_is_a_tree_model_it_cannot_read():
    rng = np.random.default_rng(0)
    X = np.c_[rng.integers(0, 4, 200), rng.normal(size=200)]
    y = (X[:, 1] > 0).astype(int)
    hgb = HistGradientBoostingClassifier(max_iter=3, categorical_features=[0]).fit(X, y)
    assert is_tree_model(hgb)
    with pytest.raises(ModelPrivacyError, match="categorical"):
        forest_of(hgb)


def test_bagging_feature_subsets_are_routed_by_mp_s105(data):
    X, y = data
    bag = BaggingClassifier(
        DecisionTreeClassifier(random_state=0), n_estimators=4, max_features=2, random_state=0
    ).fit(X, y)
    findings = [f for f in modelprivacy.inspect(bag, X, y).findings if f.check_id == "MP-S105"]
    [alone] = [f for f in findings if f.title == "People alone in a tree leaf"]
    assert alone.confidence is Confidence.HIGH
    expected: set[int] = set()
    for est, rows, cols in zip(
        bag.estimators_, bag.estimators_samples_, bag.estimators_features_, strict=True
    ):
        rows = np.unique(rows)
        leaves = est.apply(X[rows][:, cols].astype(np.float32))
        counts = np.bincount(leaves, minlength=est.tree_.node_count)
        expected |= set(rows[counts[leaves] == 1].tolist())
    assert set(alone.records.ids) == expected


_HOSTILE_BINS = """
import sys, numpy as np, modelprivacy
from modelprivacy.load import load_model
m = load_model(sys.argv[1]).estimator
X = np.load(sys.argv[2]); y = X[:, 0]
result = modelprivacy.inspect(m, X, y)
print(sorted({f.check_id for f in result.findings}), [e.check_id for e in result.errors])
"""


@pytest.mark.parametrize("variant", ["no_is_categorical", "fewer_thresholds"])
def test_hgb_routing_never_runs_the_files_bin_mapper(tmp_path, variant):
    """The bin mapper's compiled transform crashes on state a file can set; routing bins in numpy."""
    import subprocess
    import sys

    import joblib
    from sklearn.ensemble import HistGradientBoostingRegressor

    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 3))
    model = HistGradientBoostingRegressor(max_iter=5, min_samples_leaf=1, random_state=0)
    model.fit(X, X[:, 0])
    model._bin_mapper.is_categorical_ = None
    if variant == "fewer_thresholds":
        model._bin_mapper.bin_thresholds_ = model._bin_mapper.bin_thresholds_[:1]
    joblib.dump(model, tmp_path / "m.joblib")
    np.save(tmp_path / "X.npy", X)
    proc = subprocess.run(
        [sys.executable, "-c", _HOSTILE_BINS, str(tmp_path / "m.joblib"), str(tmp_path / "X.npy")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]  # a crash would be a negative signal
    if variant == "no_is_categorical":  # the thresholds are sound: routed as before
        assert "MP-S105" in proc.stdout.split("]")[0], proc.stdout
    else:  # thresholds for 1 of 3 features: MP-S105 fails alone, with one line
        assert "['MP-S105']" in proc.stdout and "bins 1 features" in proc.stderr


def test_subsampled_boosting_is_consistent_not_exact_and_never_high_confidence(data):
    """The records each boosting tree saw cannot be regenerated: at most medium confidence."""
    from sklearn.ensemble import GradientBoostingClassifier

    import modelprivacy

    X, y = data
    model = GradientBoostingClassifier(
        n_estimators=10, subsample=0.5, max_depth=6, random_state=0
    ).fit(X, y)
    forest = forest_of(model, n_rows=len(X))
    assert forest.matched and not forest.exact and "cannot be regenerated" in forest.reason
    boxes = leaf_boxes(model, X, y)
    assert singling_out_finding(boxes).confidence == Confidence.MEDIUM
    found = [f for f in modelprivacy.inspect(model, X, y).findings if f.check_id == "MP-S105"]
    assert found and all(f.confidence == Confidence.MEDIUM for f in found)
    full = GradientBoostingClassifier(n_estimators=10, max_depth=6, random_state=0).fit(X, y)
    assert forest_of(full, n_rows=len(X)).exact


def test_inbag_masks_drawn_on_threads_equal_the_public_samples(data):
    """The threaded draw reproduces estimators_samples_ tree by tree (sample weights too)."""
    from modelprivacy.models.trees import _inbag_masks, _threaded_draw

    X, y = data
    weights = np.random.default_rng(2).uniform(0.5, 2.0, size=len(y))
    for kwargs in ({}, {"max_samples": 0.5}):
        for w in (None, weights):
            rf = RandomForestClassifier(n_estimators=7, random_state=3, **kwargs).fit(
                X, y, sample_weight=w
            )
            assert _threaded_draw(rf) is not None
            got = _inbag_masks(rf, len(X))
            for (packed, size), samples in zip(got, rf.estimators_samples_, strict=True):
                mask = np.zeros(len(X), dtype=bool)
                mask[samples] = True
                assert size == mask.sum()
                assert np.array_equal(np.unpackbits(packed)[: len(X)].astype(bool), mask)


def test_routing_skips_the_records_it_is_told_to(data):
    X, y = data
    rf = RandomForestClassifier(n_estimators=4, random_state=0).fit(X, y)
    forest = forest_of(rf, n_rows=len(X))
    skip = np.zeros(len(X), dtype=bool)
    skip[::3] = True
    for i, rows, leaf in forest.leaves(X, skip=skip):
        assert not skip[rows].any()
        inbag = forest.trees[i].inbag_mask()
        assert set(rows.tolist()) == set(np.flatnonzero(inbag & ~skip).tolist())
        assert np.array_equal(leaf, rf.estimators_[i].apply(X[rows].astype(np.float32)))
    everyone = np.ones(len(X), dtype=bool)
    assert all(rows.size == 0 for _, rows, _ in forest.leaves(X, skip=everyone))
    with pytest.raises(ValueError, match="boolean mask"):
        list(forest.leaves(X, skip=np.zeros(3, dtype=bool)))


@pytest.mark.parametrize("bootstrap", [True, False])
def test_early_termination_names_exactly_the_people_full_routing_does(data, bootstrap):
    """Records found alone stop being routed; the people named and counted do not change."""
    X, y = data
    rf = RandomForestClassifier(n_estimators=60, bootstrap=bootstrap, random_state=1).fit(X, y)
    alone: set[int] = set()
    small: set[int] = set()
    pairs = 0
    samples = rf.estimators_samples_
    for est, s in zip(rf.estimators_, samples, strict=True):
        s = np.unique(s)
        leaves = est.apply(X[s].astype(np.float32))
        size = est.tree_.n_node_samples[leaves]
        alone |= set(s[size == 1].tolist())
        small |= set(s[size < 10].tolist())
        pairs += int((size == 1).sum())
    found = [f for f in modelprivacy.inspect(rf, X, y).findings if f.check_id == "MP-S105"]
    by_title = {f.title: f for f in found}
    one = by_title["People alone in a tree leaf"]
    assert set(one.records.ids) == alone
    assert one.evidence["mean_trees_alone"] == round(pairs / len(alone), 2)
    assert one.evidence["records_in_small_leaves"] == len(small)
    rest = by_title.get("People in small tree leaves")
    assert set(rest.records.ids if rest else ()) == small - alone


@pytest.mark.parametrize("n_trees", [3, 12])
def test_rows_routed_in_the_first_trees_leaf_order_keep_their_positions(data, n_trees):
    """Routing reorders the rows (by the first tree's leaf from 8 trees on); every row keeps
    its own position and leaf, in-bag or not."""
    X, y = data
    rf = RandomForestClassifier(n_estimators=n_trees, random_state=1).fit(X, y)
    forest = forest_of(rf, n_rows=len(X))
    seen = 0
    for inbag in (True, False):
        for i, rows, leaf in forest.leaves(X, inbag=inbag):
            expected = np.flatnonzero(forest.trees[i].inbag_mask()) if inbag else np.arange(len(X))
            assert np.array_equal(np.sort(rows), expected)
            assert np.array_equal(leaf, rf.estimators_[i].apply(X[rows].astype(np.float32)))
            seen += 1
    assert seen == 2 * n_trees
    first = forest._first_leaf(np.ascontiguousarray(X, dtype=np.float32))
    assert np.array_equal(first, rf.estimators_[0].apply(X.astype(np.float32)))
