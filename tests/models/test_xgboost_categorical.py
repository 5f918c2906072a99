"""XGBoost trees with categorical splits (``enable_categorical=True``), read and confirmed.

A categorical split sends a set of categories one way: it has no threshold,
so the adapter gives it NaN (MP-S104 skips it, MP-S110 leaves the box open on
that feature) and routes records through XGBoost itself. Every expected count
here comes from XGBoost's own leaf indices (``predict(pred_leaf=True)`` on
the frame, which XGBoost 3 re-codes to the categories of the fit) and its own
``sum_hessian``, not from our arrays.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xgboost

import modelprivacy
from modelprivacy.findings import Confidence, Criterion
from modelprivacy.models.trees import forest_of
from modelprivacy.singling import leaf_boxes

N = 240
RARE = "Zzyzx"  # the town of two people


@pytest.fixture(scope="module")
def frame() -> tuple[pd.DataFrame, np.ndarray]:
    """Numeric columns, two category columns, a rare category and an unused one."""
    rng = np.random.default_rng(5)
    df = pd.DataFrame(
        {
            "a": np.round(rng.normal(size=N), 2),
            "city": rng.choice(["Oslo", "Rome", "Paris", "Lima", "Kiev"], N).astype(object),
            "b": rng.integers(0, 60, N).astype(float),
            "job": rng.choice(["cook", "pilot", "nurse"], N).astype(object),
        }
    )
    df.loc[[3, 4], "city"] = RARE
    df["city"] = pd.Categorical(df["city"]).add_categories(["Unused"])
    df["job"] = pd.Categorical(df["job"])
    y = (df["city"].isin(["Rome", "Lima"]) ^ (df["job"] == "pilot")).to_numpy().astype(int)
    y[3], y[4] = 1, 0  # the two people of the rare town disagree: grown trees split them apart
    return df, y


_GROWN = {
    "n_estimators": 8,
    "max_depth": 6,
    "min_child_weight": 0,
    "reg_lambda": 0.01,
    "max_cat_to_onehot": 1,  # partition splits (category sets)
    "tree_method": "hist",
    "enable_categorical": True,
    "n_jobs": 1,
    "random_state": 0,
}


def _classifier(df: pd.DataFrame, y: np.ndarray) -> xgboost.XGBClassifier:
    return xgboost.XGBClassifier(**_GROWN).fit(df, y)


def _target(df: pd.DataFrame, y: np.ndarray) -> np.ndarray:
    return np.round(df["a"].to_numpy() * 3 + df["b"].to_numpy() + 5 * y, 2)


def _own_leaves(booster: xgboost.Booster, df: pd.DataFrame) -> np.ndarray:
    dm = xgboost.DMatrix(df, enable_categorical=True)
    return np.asarray(booster.predict(dm, pred_leaf=True), dtype=np.int64).reshape(len(df), -1)


def _truth(booster: xgboost.Booster, df: pd.DataFrame, y: np.ndarray, *, signs: bool) -> tuple:
    """People alone in a leaf of some tree (XGBoost's leaves) and the labels the step gives."""
    leaves = _own_leaves(booster, df)
    trees = json.loads(bytes(booster.save_raw("json")))["learner"]["gradient_booster"]
    trees = trees["model"]["trees"]
    alone, told = set(), set()
    for t in range(leaves.shape[1]):
        one = np.flatnonzero(np.bincount(leaves[:, t])[leaves[:, t]] == 1)
        alone |= set(one.tolist())
        if signs:
            value = np.asarray(trees[t]["split_conditions"])[leaves[one, t]]
            told |= set(one[(value > 0).astype(int) == y[one]].tolist())
    return alone, told


def _categorical_nodes(booster: xgboost.Booster) -> list[np.ndarray]:
    trees = json.loads(bytes(booster.save_raw("json")))["learner"]["gradient_booster"]
    return [
        (np.asarray(t["split_type"]) == 1) & (np.asarray(t["left_children"]) >= 0)
        for t in trees["model"]["trees"]
    ]


def _s105(result: modelprivacy.InspectionResult) -> dict[str, modelprivacy.Finding]:
    return {f.title: f for f in result.findings if f.check_id == "MP-S105"}


def _rare(result: modelprivacy.InspectionResult) -> set[int]:
    return {i for f in result.findings if f.check_id == "MP-S106" for i in f.records.ids}


def test_categorical_splits_have_no_threshold_and_route_as_xgboost(frame):
    df, y = frame
    model = _classifier(df, y)
    booster = model.get_booster()
    categorical = _categorical_nodes(booster)
    assert sum(int(c.sum()) for c in categorical) > 3  # the trees do split on category sets
    forest = forest_of(model, n_rows=N)
    assert forest.raw_input and forest.matched
    assert any("categorical splits" in note for note in forest.notes)
    for spec, cat in zip(forest.trees, categorical, strict=True):
        assert np.isnan(spec.threshold[cat]).all()
        numeric = (spec.left >= 0) & ~cat
        assert np.isfinite(spec.threshold[numeric]).all()
    own = _own_leaves(booster, df)
    for i, rows, leaf in forest.leaves(df, inbag=False):
        assert np.array_equal(leaf[np.argsort(rows)], own[:, i])
    # a frame with the categories in another order and a missing value
    other = df.head(30).copy()
    other["city"] = other["city"].astype(object)
    other.loc[other.index[1], "city"] = None
    order = sorted(set(other["city"].dropna()))[::-1]
    other["city"] = pd.Categorical(other["city"], categories=order)
    other["job"] = other["job"].cat.reorder_categories(["pilot", "nurse", "cook"])
    mine = {i: leaf[np.argsort(rows)] for i, rows, leaf in forest.leaves(other, inbag=False)}
    theirs = _own_leaves(booster, other)
    assert all(np.array_equal(mine[i], theirs[:, i]) for i in mine)


def test_classifier_people_alone_with_their_labels_and_rare_category(frame):
    df, y = frame
    model = _classifier(df, y)
    alone, told = _truth(model.get_booster(), df, y, signs=True)
    result = modelprivacy.inspect(model, df, y)
    found = _s105(result)["People alone in a tree leaf"]
    assert set(found.records.ids) == alone and {3, 4} <= alone
    assert found.evidence["label_recovered"] == len(told) > 0
    assert found.confidence is Confidence.HIGH and found.criterion is Criterion.SINGLING_OUT
    assert {3, 4} <= _rare(result)  # MP-S106 from cats.enc
    assert not result.errors and not result.skipped


def test_regressor_counts_are_the_stored_hessians(frame):
    df, y = frame
    target = _target(df, y)
    model = xgboost.XGBRegressor(**_GROWN).fit(df, target)
    booster = model.get_booster()
    forest = forest_of(model, n_rows=N)
    own = _own_leaves(booster, df)
    for i, spec in enumerate(forest.trees):  # squared error: sum_hessian is the row count
        counts = np.bincount(own[:, i], minlength=spec.n_nodes)
        assert np.array_equal(counts[spec.is_leaf], spec.n_node_samples[spec.is_leaf])
    alone, _ = _truth(booster, df, y, signs=False)
    found = _s105(modelprivacy.inspect(model, df, target))["People alone in a tree leaf"]
    assert set(found.records.ids) == alone and len(alone) > 5
    assert found.evidence["matched"]
    # without data: the stored counts alone, XGBoost's own sum_hessian of one
    trees = json.loads(bytes(booster.save_raw("json")))["learner"]["gradient_booster"]
    ones = sum(
        int(((np.asarray(t["left_children"]) < 0) & np.isclose(t["sum_hessian"], 1.0)).sum())
        for t in trees["model"]["trees"]
    )
    model_only = _s105(modelprivacy.inspect(model))
    assert [f.evidence["leaves_of_one"] for f in model_only.values()] == [ones]
    assert ones > 0 and all(f.records.count is None for f in model_only.values())


def test_leaf_boxes_single_out_with_a_note_on_category_features(frame):
    df, y = frame
    model = _classifier(df, y)
    result = leaf_boxes(model, df, y, k=10)
    assert any("categorical splits" in note for note in result.notes)
    assert result.matched
    assert {3, 4} <= set(np.flatnonzero(result.singled_out).tolist())
    # the numeric features are bounded by the thresholds of their splits
    assert (np.isfinite(result.low[:, 0]) | np.isfinite(result.high[:, 0])).any()


def test_leaf_boxes_are_open_on_category_features(frame):
    df, y = frame
    result = leaf_boxes(_classifier(df, y), df, y, k=10)
    for j in (1, 3):  # city, job: only category sets split them
        assert np.isneginf(result.low[:, j]).all() and np.isposinf(result.high[:, j]).all()


@pytest.mark.parametrize("suffix", [".json", ".ubj"])
def test_native_booster_file_is_read_and_audited(frame, tmp_path: Path, suffix: str):
    df, y = frame
    params = {
        "objective": "binary:logistic",
        "max_depth": 6,
        "min_child_weight": 0,
        "lambda": 0.01,
        "max_cat_to_onehot": 1,
        "nthread": 1,
        "seed": 0,
    }
    booster = xgboost.train(params, xgboost.DMatrix(df, y, enable_categorical=True), 8)
    path = tmp_path / f"model{suffix}"
    booster.save_model(str(path))
    if suffix == ".json":  # the category bytes are written as numbers (UBJSON: a uint8 array)
        assert RARE.encode() not in path.read_bytes()
    loaded = modelprivacy.load_model(path).estimator
    alone, told = _truth(booster, df, y, signs=True)
    result = modelprivacy.inspect(str(path), df, y)
    found = _s105(result)["People alone in a tree leaf"]
    assert set(found.records.ids) == alone and {3, 4} <= alone
    assert found.evidence["label_recovered"] == len(told)
    assert {3, 4} <= _rare(result)
    assert (
        set(_s105(modelprivacy.inspect(loaded, df, y))["People alone in a tree leaf"].records.ids)
        == alone
    )

    audit = modelprivacy.audit(
        str(path), train=df.assign(label=y), target="label", reference_models=2
    )
    so = audit.verdict.criteria[Criterion.SINGLING_OUT]
    assert (so.risk, so.assessed, so.reason) == ("high", "yes", "")
    assert {"MP-S105", "MP-S106", "MP-S110"} <= set(so.checks)
    boxes = [f for f in audit.findings if f.check_id == "MP-S110"]
    assert boxes and boxes[0].records.count and {3, 4} & set(boxes[0].records.ids)


def test_numeric_categories_are_coded_as_xgboost_codes_them():
    rng = np.random.default_rng(8)
    n = 200
    df = pd.DataFrame(
        {
            "a": np.round(rng.normal(size=n), 2),
            "code": pd.Categorical(rng.choice([3, 7, 11, 20, 41], n)),
        }
    )
    y = df["code"].isin([7, 20]).to_numpy().astype(int)
    model = _classifier(df, y)
    doc = json.loads(bytes(model.get_booster().save_raw("json")))
    enc = doc["learner"]["gradient_booster"]["model"]["cats"]["enc"]
    assert "offsets" not in enc[1]  # numbers, not strings
    forest = forest_of(model, n_rows=n)
    shuffled = df.copy()
    shuffled["code"] = shuffled["code"].cat.reorder_categories([41, 20, 11, 7, 3])
    own = _own_leaves(model.get_booster(), shuffled)
    for i, rows, leaf in forest.leaves(shuffled, inbag=False):
        assert np.array_equal(leaf[np.argsort(rows)], own[:, i])
