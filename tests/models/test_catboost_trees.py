"""CatBoost trees on the shared representation, checked against CatBoost itself.

Every expected count is recomputed here from CatBoost's own leaf indices
(``calc_leaf_indexes``) and its own ``get_leaf_weights``/``get_leaf_values``,
not from our arrays.
"""

from __future__ import annotations

import json

import catboost
import numpy as np
import pandas as pd
import pytest

import modelprivacy
from modelprivacy import cli
from modelprivacy.findings import Confidence
from modelprivacy.models.catboost import ctr_tables
from modelprivacy.models.trees import forest_of, is_tree_model


def _fit(X, y, cls=catboost.CatBoostClassifier, **kw):
    params = {
        "iterations": 12,
        "depth": 6,
        "random_seed": 0,
        "verbose": False,
        "thread_count": 1,
        "allow_writing_files": False,
    }
    params.update(kw)
    return cls(**params).fit(X, y)


@pytest.fixture(scope="module")
def data() -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(0)
    X = pd.DataFrame(np.round(rng.normal(size=(300, 4)), 2), columns=["a", "b", "c", "d"])
    y = (X["a"] + rng.normal(scale=0.8, size=300) > 0).astype(int).to_numpy()
    return X, y


def _truth(model, X, y=None, weights=True):
    """People alone (CatBoost's leaf indices, counted), and what their leaves say."""
    leaves = model.calc_leaf_indexes(X)
    bounds = np.r_[0, np.cumsum(model.get_tree_leaf_counts())]
    values = np.asarray(model.get_leaf_values())
    # CatBoost 1.2's get_leaf_weights fails for multiclass models ("wrong number")
    stored = np.asarray(model.get_leaf_weights()) if weights else None
    alone, told, n_single = set(), set(), 0
    for t in range(leaves.shape[1]):
        v = values[bounds[t] : bounds[t + 1]]
        counts = np.bincount(leaves[:, t], minlength=bounds[t + 1] - bounds[t])
        if stored is not None:
            w = stored[bounds[t] : bounds[t + 1]]
            n_single += int((w == 1).sum())
            assert np.array_equal(counts, w)  # leaf weights are the rows CatBoost routes there
        one = np.flatnonzero(counts[leaves[:, t]] == 1)
        alone |= set(one.tolist())
        if y is not None:
            step = v[leaves[one, t]]
            told |= set(one[(step > 0).astype(int) == y[one]].tolist())
    return alone, told, n_single


def _s105(result):
    return {f.title: f for f in result.findings if f.check_id == "MP-S105"}


@pytest.mark.parametrize("bootstrap", ["MVS", "Bayesian", "No"])
def test_people_alone_are_named_with_their_labels(data, bootstrap):
    X, y = data
    model = _fit(X, y, bootstrap_type=bootstrap)
    assert is_tree_model(model)
    alone, told, n_single = _truth(model, X, y)
    forest = forest_of(model, n_rows=len(X))
    assert (forest.kind, forest.matched, forest.exact) == ("catboost", True, True)
    own = model.calc_leaf_indexes(X)
    for i, rows, leaf in forest.leaves(X):
        spec = forest.trees[i]
        # our node of each row holds the same rows as CatBoost's leaf, with its stored count
        counts = np.bincount(leaf, minlength=spec.n_nodes)
        assert np.array_equal(counts[leaf], np.bincount(own[:, i])[own[rows, i]])
        assert spec.n_node_samples[0] == len(X)
    found = _s105(modelprivacy.inspect(model, X, y))["People alone in a tree leaf"]
    assert set(found.records.ids) == alone and len(alone) > 10
    assert found.evidence["label_recovered"] == len(told) == len(alone)  # every sign is right
    assert found.confidence is Confidence.HIGH
    [model_only] = _s105(modelprivacy.inspect(model)).values()
    assert model_only.evidence["leaves_of_one"] == n_single > 0


def test_regression_leaf_of_one_gives_the_target_back(data):
    X, _ = data
    target = np.round(X["a"].to_numpy() * 10 + 50 + X["b"].to_numpy(), 2)
    model = _fit(X, target, cls=catboost.CatBoostRegressor)
    alone, _, _ = _truth(model, X)
    found = _s105(modelprivacy.inspect(model, X, target))["People alone in a tree leaf"]
    assert set(found.records.ids) == alone
    assert found.evidence["label_recovered"] == len(alone) > 10


def test_multiclass_leaf_of_one_gives_the_class(data):
    X, _ = data
    y = np.digitize(X["a"].to_numpy(), [-0.5, 0.5])
    model = _fit(X, y, loss_function="MultiClass")
    alone, _, _ = _truth(model, X, weights=False)
    found = _s105(modelprivacy.inspect(model, X, y))["People alone in a tree leaf"]
    assert set(found.records.ids) == alone
    assert 0.9 * len(alone) <= found.evidence["label_recovered"] <= len(alone)


def test_borders_are_float32_midpoints_of_adjacent_values(data):
    X, y = data
    model = _fit(X, y)
    forest = forest_of(model)
    located_by_hand = 0
    for j, thr in forest.split_thresholds().items():
        col = np.unique(X.iloc[:, j].to_numpy().astype(np.float32)).astype(np.float64)
        mids = ((col[:-1] + col[1:]) / 2).astype(np.float32)
        assert np.isin(thr.astype(np.float32), mids).all()  # every border is one
        hit = np.isin(mids, thr.astype(np.float32))
        located = np.zeros(col.size, dtype=bool)
        located[:-1] |= hit
        located[1:] |= hit
        located_by_hand += int(located.sum())
    [found] = [f for f in modelprivacy.inspect(model, X, y).findings if f.check_id == "MP-S104"]
    columns = found.evidence["columns"]
    assert sum(c["located_values"] for c in columns.values()) == located_by_hand > 0


@pytest.fixture(scope="module")
def categorical() -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(1)
    n = 300
    df = pd.DataFrame(
        {
            "a": np.round(rng.normal(size=n), 2),
            "city": rng.choice(["Oslo", "Rome", "Paris", "Lima", "Kyiv"], n).astype(object),
        }
    )
    y = ((df["a"] > 0) ^ df["city"].isin(["Oslo", "Rome"])).astype(int).to_numpy().copy()
    df.loc[7, "city"] = "Jane Q. Smith"  # one person's category
    y[7] = 1
    return df, y


def test_one_person_category_gives_away_its_label(categorical, tmp_path):
    df, y = categorical
    pool = catboost.Pool(df, y, cat_features=["city"])
    model = _fit(pool, None, depth=3)
    path = tmp_path / "model.json"
    model.save_model(str(path), format="json", pool=pool)
    assert b"Jane Q. Smith" in path.read_bytes()
    loaded = modelprivacy.load_model(path).estimator
    for m, strings in ((model, False), (loaded, True)):
        tables = ctr_tables(m)
        per_class = [t for t in tables if t.per_class]
        assert per_class and all(t.features == (1,) for t in tables)
        for t in per_class:  # the one bucket of one row holds the label of record 7
            [single] = np.flatnonzero(t.totals == 1)
            assert t.counts[single].tolist() == [0, 1]
            assert t.strings[single] == ("Jane Q. Smith" if strings else None)
    # the file's strings reach the checks: MP-S107 without data, MP-S106 with it
    alone = modelprivacy.inspect(loaded)
    assert any(f.check_id == "MP-S107" for f in alone.findings), [f.title for f in alone.findings]
    result = modelprivacy.inspect(loaded, df, y)
    rare = [f for f in result.findings if f.check_id == "MP-S106"]
    assert 7 in {i for f in rare for i in f.records.ids}
    # the CTR tables themselves: a one-row bucket with its label, from the structure alone (.cbm
    # keeps only hashes) and confirmed on the training rows where the strings are stored
    binary = tmp_path / "model.cbm"
    model.save_model(str(binary))
    ctr = [
        f
        for f in modelprivacy.inspect(modelprivacy.load_model(binary).estimator).findings
        if f.check_id == "MP-S106" and "CTR" in f.description
    ]
    assert ctr and ctr[0].evidence["labels_readable"] >= 1
    assert ctr[0].confidence.name == "MEDIUM"
    confirmed = [f for f in rare if "CTR" in f.description]
    assert confirmed and 7 in confirmed[0].records.ids
    # the trees are routed by CatBoost with the category column as given
    found = _s105(result)
    assert found and all(f.evidence["matched"] for f in found.values())


@pytest.mark.parametrize("fmt", ["cbm", "json"])
def test_round_trip_through_load_model_and_the_cli(data, fmt, tmp_path, capsys):
    X, y = data
    model = _fit(X, y)
    path = tmp_path / f"model.{fmt}"
    model.save_model(str(path), format=fmt)
    loaded = modelprivacy.load_model(path).estimator
    assert loaded.n_features_in_ == X.shape[1]  # CatBoost itself says 0 after loading
    alone, told, _ = _truth(model, X, y)
    found = _s105(modelprivacy.inspect(loaded, X, y))["People alone in a tree leaf"]
    assert set(found.records.ids) == alone
    assert found.evidence["label_recovered"] == len(told)
    train = tmp_path / "train.csv"
    X.assign(target=y).to_csv(train, index=False)
    code = cli.main(["inspect", str(path), "--train", str(train), "--target", "target"])
    out = capsys.readouterr().out
    assert code in (0, 1) and "People alone in a tree leaf" in out and "MP-S104" in out
    code = cli.main(["inspect", str(path), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert any(f["check_id"] == "MP-S105" for f in doc["findings"])


def test_regularised_catboost_is_not_accused():
    rng = np.random.default_rng(2)
    X = pd.DataFrame(rng.integers(0, 5, size=(3000, 3)).astype(float), columns=["a", "b", "c"])
    y = (X["a"] + rng.normal(size=3000) > 2).astype(int).to_numpy()
    model = _fit(X, y, depth=2, iterations=10)
    weights = np.asarray(model.get_leaf_weights())
    assert weights[weights > 0].min() >= 10  # the oracle: every leaf holds many people
    assert not _s105(modelprivacy.inspect(model, X, y))
    assert not _s105(modelprivacy.inspect(model))
