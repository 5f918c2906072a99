"""LightGBM trees read from the model's text, checked against LightGBM's own JSON dump.

The adapter reads the text that the loader validates (``check_model_text``)
instead of ``Booster.dump_model()``. Here the dump is the reference: every
tree's children, features, thresholds, counts and values are rebuilt from it
with the dump's own node numbering, and must be the adapter's arrays exactly.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import lightgbm
import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import load_diabetes, load_iris

import modelprivacy
from modelprivacy.load.formats.lightgbm import check_model_text, parse_model_text
from modelprivacy.models import lightgbm as adapter
from modelprivacy.models.trees import forest_of


def _from_dump(info: dict[str, Any]) -> dict[str, np.ndarray]:
    """One tree of ``dump_model()`` as node arrays: split ``i`` is node ``i``, leaf ``j`` node ``L-1+j``."""
    leaves = int(info["num_leaves"])
    n = 2 * leaves - 1
    out = {
        "left": np.full(n, -1),
        "right": np.full(n, -1),
        "feature": np.full(n, -2),
        "threshold": np.full(n, np.nan),
        "count": np.zeros(n, dtype=np.int64),
        "value": np.zeros(n),
    }

    def node(d: dict[str, Any]) -> int:
        return (
            int(d["split_index"])
            if "split_index" in d
            else leaves - 1 + int(d.get("leaf_index", 0))
        )

    stack = [info["tree_structure"]]
    while stack:
        d = stack.pop()
        i = node(d)
        if "split_index" in d:
            out["left"][i], out["right"][i] = node(d["left_child"]), node(d["right_child"])
            out["feature"][i] = d["split_feature"]
            if d["decision_type"] == "<=":
                out["threshold"][i] = d["threshold"]
            out["count"][i] = d["internal_count"]
            out["value"][i] = d["internal_value"]
            stack += [d["left_child"], d["right_child"]]
        else:
            out["count"][i] = d.get("leaf_count", 0)
            out["value"][i] = d["leaf_value"]
    return out


def _models() -> dict[str, Any]:
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "age": rng.integers(18, 90, 300),
            "job": pd.Categorical(rng.choice(["a", "b", "c", "d", "e"], 300)),
            "hours": np.round(rng.normal(40, 8, 300), 1),
        }
    )
    label = (frame["age"] > 45).astype(int) ^ (frame["job"] == "c").astype(int)
    Xi, yi = load_iris(return_X_y=True)
    Xd, yd = load_diabetes(return_X_y=True)
    small = {"min_child_samples": 2, "verbose": -1, "random_state": 0}
    return {
        "binary, pandas categories": lightgbm.LGBMClassifier(
            n_estimators=12, min_data_per_group=5, cat_smooth=1.0, **small
        ).fit(frame, label),
        "frame": (frame, label),
        "multiclass": lightgbm.LGBMClassifier(n_estimators=8, **small).fit(Xi, yi),
        "regression": lightgbm.LGBMRegressor(n_estimators=10, **small).fit(Xd, yd),
        "single-leaf trees": lightgbm.LGBMRegressor(
            n_estimators=4, min_child_samples=1000, verbose=-1
        ).fit(Xd, yd),
        "linear trees": lightgbm.LGBMRegressor(n_estimators=5, linear_tree=True, **small).fit(
            Xd, yd
        ),
    }


@pytest.fixture(scope="module")
def models() -> dict[str, Any]:
    return _models()


@pytest.mark.parametrize(
    "name",
    ["binary, pandas categories", "multiclass", "regression", "single-leaf trees", "linear trees"],
)
def test_the_trees_read_from_the_text_are_the_trees_of_the_dump(models, name):
    model = models[name]
    forest = forest_of(model)
    dump = model.booster_.dump_model()
    assert forest.n_trees == len(dump["tree_info"]) == model.booster_.num_trees()
    for spec, info in zip(forest.trees, dump["tree_info"], strict=True):
        ref = _from_dump(info)
        np.testing.assert_array_equal(spec.left, ref["left"])
        np.testing.assert_array_equal(spec.right, ref["right"])
        np.testing.assert_array_equal(spec.feature, ref["feature"])
        np.testing.assert_array_equal(spec.threshold, ref["threshold"])  # NaN: category sets
        counted = ref["count"] > 0  # the dump leaves out a single leaf's count
        np.testing.assert_array_equal(spec.n_node_samples[counted], ref["count"][counted])
        # the dump prints internal values with 6 significant digits, leaf values in full
        np.testing.assert_allclose(spec.leaf_value, ref["value"], rtol=1e-5, atol=1e-12)
        leaves = spec.left < 0
        np.testing.assert_array_equal(spec.leaf_value[leaves], ref["value"][leaves])
    if name == "single-leaf trees":
        assert all(t.n_nodes == 1 for t in forest.trees)
        assert all(t.n_node_samples[0] == 442 for t in forest.trees)  # the text counts them
    if name == "binary, pandas categories":
        assert any(np.isnan(t.threshold[t.left >= 0]).any() for t in forest.trees)


def test_the_stored_extremes_are_read_exactly_where_the_dump_rounds_them():
    X, y = load_diabetes(return_X_y=True)
    booster = lightgbm.LGBMRegressor(n_estimators=3, verbose=-1).fit(X, y).booster_
    ranges = adapter.feature_ranges(adapter.text_of(booster))
    assert ranges is not None
    np.testing.assert_array_equal(ranges, np.vstack([X.min(axis=0), X.max(axis=0)]))
    dump = booster.dump_model()["feature_infos"]
    rounded = [
        j
        for j, info in enumerate(dump.values())
        if (info["min_value"], info["max_value"]) != (X[:, j].min(), X[:, j].max())
    ]
    assert rounded  # the dump's numbers would have missed these columns' extremes


def test_categorical_features_get_their_pandas_categories(models):
    model = models["binary, pandas categories"]
    parsed = adapter.text_of(model.booster_)
    ranges = adapter.feature_ranges(parsed)
    assert ranges is not None and np.isnan(ranges[:, 1]).all() and np.isfinite(ranges[:, 0]).all()
    cats = adapter.pandas_categories(parsed, model.booster_.pandas_categorical)
    assert cats is not None
    assert [c.tolist() for c in cats] == [[], ["a", "b", "c", "d", "e"], []]


def test_a_loaded_text_is_read_once(tmp_path: Path, models):
    path = tmp_path / "model.txt"
    models["regression"].booster_.save_model(path)
    booster = modelprivacy.load_model(path, contain=False).estimator
    parsed = adapter._TEXTS[booster]  # handed over by the loader, which validated it
    assert adapter.text_of(booster) is parsed
    assert len(parsed.trees) == booster.num_trees()
    assert parsed.trees == check_model_text(path.read_text()).trees


def test_a_pickled_booster_reuses_the_validation_of_its_model_string(tmp_path: Path, models):
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(models["multiclass"]))
    model = modelprivacy.load_model(path, contain=False).estimator
    text = model.booster_.model_to_string()
    assert parse_model_text(text) is adapter.text_of(model.booster_)
    assert forest_of(model).n_trees == 8 * 3


def test_inspection_finds_the_same_with_a_file_and_in_memory(tmp_path: Path, models):
    model = models["binary, pandas categories"]
    frame, label = models["frame"]
    path = tmp_path / "model.txt"
    model.booster_.save_model(path)
    from_file = modelprivacy.inspect(path, frame, label)
    in_memory = modelprivacy.inspect(model.booster_, frame, label)

    def seen(result: modelprivacy.InspectionResult) -> list[tuple[str, str, int]]:
        return sorted((f.check_id, f.title, f.records.count) for f in result.findings)

    assert seen(from_file) == seen(in_memory)
    assert {"MP-S103", "MP-S105"} <= {f.check_id for f in from_file.findings}
