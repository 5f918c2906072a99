"""Oracle tests for MP-S110: leaf boxes of tree models, on small planted data."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.decomposition import PCA
from sklearn.ensemble import (
    BaggingClassifier,
    BaggingRegressor,
    ExtraTreesRegressor,
    GradientBoostingClassifier,
    HistGradientBoostingClassifier,
    HistGradientBoostingRegressor,
    IsolationForest,
    RandomForestClassifier,
)
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, QuantileTransformer, StandardScaler
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor, ExtraTreeRegressor
from threadpoolctl import threadpool_limits

from modelprivacy import Criterion, Severity
from modelprivacy.errors import DataError, ModelPrivacyError, NotFittedModelError
from modelprivacy.singling import SinglingOutResult, leaf_boxes, singling_out_finding
from modelprivacy.singling.boxes import _count_in_boxes


@pytest.fixture(autouse=True)
def _one_thread():
    # OpenMP threads of HistGradientBoosting spin for seconds on tiny data under pytest
    with threadpool_limits(1):
        yield


@pytest.fixture(scope="module")
def planted():
    """200 people around the origin, one outlier far out with a label nobody else has."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(201, 3))
    y = (X[:, 0] + rng.normal(scale=0.7, size=201) > 0).astype(int)
    X[200] = [9.0, 7.5, -8.25]
    y[200] = 2
    population = rng.normal(size=(300, 3))
    return X, y, population


@pytest.fixture(scope="module")
def regression():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(300, 4)) * [1.0, 10.0, 100.0, 0.1] + [0, 50, 0, 3]
    y = X[:, 0] + 0.01 * X[:, 1] + rng.normal(scale=0.3, size=300)
    return X, y


def test_outlier_is_singled_out_with_its_label(planted):
    X, y, population = planted
    tree = DecisionTreeClassifier(random_state=0).fit(X, y)
    r = leaf_boxes(tree, X, y, population=population)
    assert isinstance(r, SinglingOutResult)
    assert r.n_records == 201 and r.n_trees == 1 and r.units == "raw" and r.path == "tree_"
    assert r.small_leaf_trees[200] == 1 and r.alone_trees[200] == 1
    assert r.label_recovered[200]
    assert r.population_in_box[200] == 0 and r.singled_out[200]
    assert r.training_in_box[200] == 1
    assert r.pinned_exact[200] >= 1  # no other training value shares the outlier's side
    assert np.all((r.low[200] <= X[200]) & (X[200] <= r.high[200]))
    assert r.worst(1)[0] == 200
    f = singling_out_finding(r, ids=[f"p{i}" for i in range(201)])
    assert f.check_id == "MP-S110" and f.criterion is Criterion.SINGLING_OUT
    assert f.severity is Severity.HIGH and f.docs == "docs/singling.md#mp-s110"
    assert f.records.count == r.n_singled_out and "p200" in f.records.ids and f.records.of == 201
    assert "min_samples_leaf" in f.remedy
    for value in ("9.0", "7.5", "8.25"):
        assert value not in f.description
    json.dumps(f.to_dict())
    json.dumps(r.to_dict())
    assert "singled_out" in r.to_dict()["summary"] and "low" not in r.to_dict()


def test_large_leaves_single_out_nobody(planted):
    X, y, population = planted
    tree = DecisionTreeClassifier(min_samples_leaf=50, random_state=0).fit(X, y)
    r = leaf_boxes(tree, X, y, population=population)
    assert r.n_exposed == 0 and r.n_singled_out == 0 and not r.label_recovered.any()
    assert r.worst(5).size == 0
    f = singling_out_finding(r)
    assert f.severity is Severity.INFO and f.records.count == 0


def test_forest_in_bag_counts_match_hand_computation(planted):
    X, y, _ = planted
    rf = RandomForestClassifier(n_estimators=15, random_state=3).fit(X, y)
    r = leaf_boxes(rf, X, y, k=5)
    X32 = X.astype(np.float32)
    for i in (0, 17, 200):
        expected = 0
        for est, sample in zip(rf.estimators_, rf.estimators_samples_, strict=True):
            inbag = np.unique(sample)
            if i not in inbag:
                continue
            leaves = est.tree_.apply(X32)
            n_in_leaf = int(np.sum(leaves[inbag] == leaves[i]))
            assert n_in_leaf == est.tree_.n_node_samples[leaves[i]]
            expected += n_in_leaf < 5
        assert r.small_leaf_trees[i] == expected
    assert r.path == "estimators_[*].tree_" and r.labels


def _contains(r, data):
    return bool(np.all((r.low <= data) & (data <= r.high)))


@pytest.mark.parametrize(
    "model",
    [
        RandomForestClassifier(n_estimators=10, random_state=0),
        BaggingClassifier(
            DecisionTreeClassifier(),
            n_estimators=6,
            max_features=2,
            bootstrap_features=True,
            random_state=0,
        ),
        GradientBoostingClassifier(n_estimators=10, max_depth=4, random_state=0),
    ],
    ids=["rf", "bagging", "gb"],
)
def test_box_contains_its_record_classifiers(planted, model):
    X, y, _ = planted
    r = leaf_boxes(model.fit(X, y), X, y)
    assert _contains(r, X)


@pytest.mark.parametrize(
    "model",
    [
        ExtraTreesRegressor(n_estimators=10, random_state=0),
        HistGradientBoostingRegressor(max_iter=10, min_samples_leaf=3, random_state=0),
        IsolationForest(n_estimators=10, random_state=0),
        make_pipeline(StandardScaler(), DecisionTreeRegressor(random_state=0)),
        make_pipeline(QuantileTransformer(n_quantiles=50), ExtraTreesRegressor(5, random_state=0)),
    ],
    ids=["extra-trees", "hgb", "isolation", "scaler-pipe", "quantile-pipe"],
)
def test_box_contains_its_record_in_raw_units(regression, model):
    X, y = regression
    r = leaf_boxes(model.fit(X, y), X, y)
    assert r.units == "raw"
    assert _contains(r, X)
    assert r.n_exposed > 0


def test_regressor_target_recovered_and_label_free_models(regression):
    X, y = regression
    r = leaf_boxes(DecisionTreeRegressor(random_state=0).fit(X, y), X, y)
    assert r.labels and r.label_recovered.sum() > 250
    gb = HistGradientBoostingRegressor(max_iter=5, min_samples_leaf=2).fit(X, y)
    r = leaf_boxes(gb, X, y)
    assert not r.labels and not r.label_recovered.any()
    assert r.path == "_predictors[*][*].nodes"


def test_pipeline_bounds_in_raw_units_match_transformed_space(regression):
    X, y = regression
    pipe = make_pipeline(StandardScaler(), DecisionTreeRegressor(max_depth=3, random_state=0))
    pipe.fit(X, y)
    r = leaf_boxes(pipe, X, y)
    tree = pipe[-1].tree_
    scaler = pipe[0]
    # the root split's threshold, mapped back, bounds every record in raw units
    f, t = tree.feature[0], tree.threshold[0]
    raw_t = t * scaler.scale_[f] + scaler.mean_[f]
    left = pipe[:-1].transform(X)[:, f].astype(np.float32) <= t
    assert np.all(r.high[left, f] <= raw_t + 1e-9) and np.all(r.low[~left, f] >= raw_t - 1e-9)
    assert r.path == "steps[1].tree_"


def test_column_transformer_with_one_hot_and_passthrough():
    rng = np.random.default_rng(2)
    df = pd.DataFrame(
        {
            "age": rng.integers(18, 90, 150),
            "hours": rng.integers(1, 80, 150).astype(float),
            "job": rng.choice(["a", "b", "c"], 150),
        }
    )
    y = rng.integers(0, 2, 150)
    ct = ColumnTransformer(
        [("num", StandardScaler(), ["age"]), ("cat", OneHotEncoder(), ["job"])],
        remainder="passthrough",
    )
    pipe = make_pipeline(ct, RandomForestClassifier(n_estimators=5, random_state=0)).fit(df, y)
    r = leaf_boxes(pipe, df, y)
    assert r.units == "raw" and len(r.feature_names) == 5
    raw = np.column_stack([df["age"], pd.get_dummies(df["job"]).to_numpy(dtype=float), df["hours"]])
    assert _contains(r, raw)


def test_non_monotone_preprocessing_stays_transformed(regression):
    X, y = regression
    pipe = make_pipeline(PCA(n_components=3), DecisionTreeRegressor(random_state=0)).fit(X, y)
    r = leaf_boxes(pipe, X, y)
    assert r.units == "transformed" and r.low.shape == (300, 3)
    assert any("transformed" in note for note in r.notes)
    assert "preprocessed" in singling_out_finding(r).description


def _brute_force(r, population):
    pts = np.asarray(population, dtype=np.float64)
    counts = np.full(r.n_records, -2)
    for i in np.flatnonzero(r.exposed):
        inside = np.all((pts > r.low[i]) & (pts <= r.high[i]), axis=1)
        counts[i] = int(inside.sum())
    return counts


@pytest.mark.parametrize("intersect", ["all", "small"])
def test_population_counts_match_brute_force(planted, intersect):
    X, y, population = planted
    population = np.vstack([population, X[:40] + 1e-3])  # some near-copies of members
    rf = RandomForestClassifier(n_estimators=8, max_depth=6, random_state=0).fit(X, y)
    r = leaf_boxes(rf, X, y, population=population, k=20, intersect=intersect, max_population=1)
    expected = _brute_force(r, population)
    exposed = r.exposed
    assert exposed.sum() > 20
    assert np.array_equal(r.population_in_box[exposed], expected[exposed])
    assert np.array_equal(r.singled_out, exposed & (r.population_in_box <= 1))
    assert r.n_population == population.shape[0] and r.intersect == intersect


def _dense_count(low, high, points):
    """The dense count every box against every point (the quadratic path it replaced)."""
    out = np.zeros(low.shape[0], dtype=np.int64)
    for i in range(low.shape[0]):
        lo, hi = low[i], high[i]
        with np.errstate(invalid="ignore"):
            inside = ((points > lo) | np.isneginf(lo)) & ((points <= hi) | np.isposinf(hi))
        out[i] = int(inside.all(axis=1).sum())
    return out


@pytest.mark.parametrize("cells", [1, 7, 4_000_000])
def test_count_in_boxes_equals_the_dense_count(cells):
    # boxes tested on their most selective feature only give the dense counts, with missing
    # and infinite values, unbounded sides and boxes, ties at the bounds and empty boxes
    rng = np.random.default_rng(3)
    points = rng.integers(0, 6, size=(300, 4)).astype(np.float64)
    points[rng.random(points.shape) < 0.1] = np.nan
    points[0, 0], points[1, 1], points[2, 2] = -np.inf, np.inf, -np.inf
    centre = rng.integers(0, 6, size=(120, 4)).astype(np.float64)
    low = centre - rng.integers(0, 3, size=centre.shape) - 0.5 * rng.integers(0, 2, centre.shape)
    high = centre + rng.integers(0, 3, size=centre.shape)
    low[rng.random(low.shape) < 0.3] = -np.inf
    high[rng.random(high.shape) < 0.3] = np.inf
    low[:3], high[:3] = -np.inf, np.inf  # unbounded boxes hold every point, missing or not
    low[3], high[3] = 4.0, 2.0  # an empty box
    expected = _dense_count(low, high, points)
    assert expected[0] == 300 and expected[3] == 0 and 0 < expected[4:].max() < 300
    assert np.array_equal(_count_in_boxes(low, high, points, cells=cells), expected)


def test_small_leaf_boxes_count_population_like_the_dense_count(planted):
    X, y, population = planted
    rf = RandomForestClassifier(n_estimators=8, random_state=0).fit(X, y)
    r = leaf_boxes(rf, X, y, population=population, k=20, intersect="small")
    who = np.flatnonzero(r.exposed)
    assert who.size > 20
    expected = _dense_count(r.low[who], r.high[who], np.asarray(population, dtype=np.float64))
    assert np.array_equal(r.population_in_box[who], expected)


def test_without_population_other_training_records_count(planted):
    X, y, _ = planted
    rf = RandomForestClassifier(n_estimators=8, max_depth=6, random_state=0).fit(X, y)
    a = leaf_boxes(rf, X, y, k=20)
    b = leaf_boxes(rf, X, y, k=20, intersect="small")
    assert (a.population_in_box == -1).all() and a.n_population is None
    exposed = b.exposed
    expected = _brute_force(b, X)
    assert np.array_equal(b.training_in_box[exposed], expected[exposed])
    assert np.array_equal(a.singled_out, a.exposed & (a.training_in_box == 1))
    # boxes of all leaves are never wider than those of the small leaves only
    assert np.all(a.low >= b.low) and np.all(a.high <= b.high)


def test_same_seed_same_result(planted):
    X, y, population = planted
    rf = RandomForestClassifier(n_estimators=10, random_state=0).fit(X, y)
    a = leaf_boxes(rf, X, y, population=population, seed=7)
    b = leaf_boxes(rf, X, y, population=population, seed=7)
    assert a.to_dict() == b.to_dict()
    for name in ("small_leaf_trees", "pinned_1pct", "population_in_box", "singled_out", "low"):
        assert np.array_equal(getattr(a, name), getattr(b, name))
    assert np.array_equal(a.worst(20), b.worst(20))


def test_dataframe_columns_are_matched_by_name(planted):
    X, y, _ = planted
    df = pd.DataFrame(X, columns=["a", "b", "c"])
    tree = DecisionTreeClassifier(random_state=0).fit(df, y)
    r = leaf_boxes(tree, df[["c", "a", "b"]].assign(extra=1.0), y)
    assert r.feature_names == ("a", "b", "c") and r.singled_out[200]
    with pytest.raises(DataError, match="lacks 1 column"):
        leaf_boxes(tree, df[["a", "b"]], y)


def test_errors(planted):
    X, y, population = planted
    with pytest.raises(ModelPrivacyError, match="holds no decision trees"):
        leaf_boxes(LogisticRegression().fit(X, y), X, y)
    with pytest.raises(NotFittedModelError):
        leaf_boxes(RandomForestClassifier(), X, y)
    rf = RandomForestClassifier(n_estimators=3, random_state=0).fit(X, y)
    with pytest.raises(DataError, match="columns"):
        leaf_boxes(rf, X[:, :2], y)
    with pytest.raises(DataError, match="population"):
        leaf_boxes(rf, X, y, population=population[:, :2])
    # rows that cannot be matched to the fit are reported, not raised (issue 12)
    unmatched = leaf_boxes(rf, X[:100], y[:100])
    assert not unmatched.matched and "fitted on 201" in unmatched.match_reason
    finding = singling_out_finding(unmatched)
    assert finding.confidence.value != "high" and "could not be matched" in finding.description
    with pytest.raises(DataError, match="y has"):
        leaf_boxes(rf, X, y[:10])
    pipe = make_pipeline(StandardScaler(), DecisionTreeClassifier()).fit(
        pd.DataFrame(X, columns=["a", "b", "c"]), y
    )
    with pytest.raises(DataError, match="lacks"):
        leaf_boxes(pipe, pd.DataFrame(X[:, :2], columns=["a", "b"]), y)


def test_bagging_feature_subsets_population_brute_force(regression):
    X, y = regression
    bag = BaggingRegressor(
        ExtraTreeRegressor(random_state=0),
        n_estimators=6,
        max_features=2,
        bootstrap_features=True,
        random_state=0,
    ).fit(X, y)
    population = np.vstack([X[:50] + 0.05, X[50:100] * 1.01])
    r = leaf_boxes(bag, X, y, population=population)
    assert _contains(r, X)
    expected = _brute_force(r, population)
    assert np.array_equal(r.population_in_box[r.exposed], expected[r.exposed])


def test_quantile_transformer_clipping_keeps_records_inside(regression):
    rng = np.random.default_rng(5)
    X = rng.lognormal(size=(1500, 2))
    y = (X[:, 0] > 1).astype(int)
    qt = QuantileTransformer(n_quantiles=50, subsample=200, random_state=0)
    pipe = make_pipeline(qt, RandomForestClassifier(n_estimators=5, random_state=0)).fit(X, y)
    r = leaf_boxes(pipe, X, y)
    assert r.units == "raw" and _contains(r, X)


def test_categorical_hist_gradient_boosting_is_refused():
    rng = np.random.default_rng(3)
    df = pd.DataFrame(
        {"a": rng.normal(size=120), "c": pd.Categorical(rng.choice(list("xyz"), 120))}
    )
    hgb = HistGradientBoostingClassifier(max_iter=2).fit(df, rng.integers(0, 2, 120))
    with pytest.raises(ModelPrivacyError, match="categorical"):
        leaf_boxes(hgb, df)


@pytest.mark.parametrize(
    "final",
    [
        RandomForestClassifier(n_estimators=4, random_state=0),
        HistGradientBoostingClassifier(max_iter=5, random_state=0),
    ],
)
@pytest.mark.parametrize("intersect", ["all", "small"])
def test_raw_units_block_by_block_equal_one_block(final, intersect, monkeypatch):
    import modelprivacy.singling.boxes as boxes

    rng = np.random.default_rng(4)
    n = 300
    df = pd.DataFrame(
        {
            "age": rng.integers(18, 90, n).astype(float),
            "hours": rng.normal(40, 12, n),
            "job": pd.Series(rng.choice(["a", "b", "c", "dd"], n), dtype="str"),
        }
    )
    y = rng.integers(0, 2, n)
    ct = ColumnTransformer(
        [("num", StandardScaler(), ["age", "hours"]), ("cat", OneHotEncoder(), ["job"])],
        sparse_threshold=0.0,
    )
    pipe = make_pipeline(ct, final).fit(df, y)
    population = df.sample(80, random_state=1).reset_index(drop=True)
    whole = leaf_boxes(pipe, df, y, population=population, intersect=intersect)
    monkeypatch.setattr(boxes, "_UNITS_ROWS", 7)  # 43 blocks, the last one short
    monkeypatch.setattr(boxes, "_INTERSECT_ROWS", 11)
    blocked = leaf_boxes(pipe, df, y, population=population, intersect=intersect)
    assert whole.units == blocked.units == "raw"
    for name in ("low", "high", "pinned_exact", "pinned_1pct", "pinned_5pct", "singled_out"):
        np.testing.assert_array_equal(getattr(blocked, name), getattr(whole, name), err_msg=name)
    # every record lies in its own box, in raw units
    raw = np.column_stack([df["age"], df["hours"], pd.get_dummies(df["job"]).to_numpy(float)])
    assert np.all((blocked.low <= raw + 1e-9) & (raw <= blocked.high + 1e-9))
