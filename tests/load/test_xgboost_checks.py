"""The XGBoost model validator, which checks all trees at once in numpy.

Each crafted problem is one change to a real model's JSON (categorical,
numeric and multi-output trees) and must be refused with its own message;
trees deeper than the levels checked in bulk go node by node and are refused
alike. A valid file loads without its model being dumped and parsed again.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import xgboost

import modelprivacy
from modelprivacy.load.formats import xgboost as fmt
from modelprivacy.load.formats._checks import FormatError, check_binary_tree
from modelprivacy.models import xgboost as adapter

Doc = dict[str, Any]


def _doc(booster: xgboost.Booster) -> Doc:
    return json.loads(bytes(booster.save_raw("json")))


@pytest.fixture(scope="module")
def categorical() -> Doc:
    rng = np.random.default_rng(0)
    n = 200
    df = pd.DataFrame(
        {
            "a": rng.normal(size=n),
            "c": pd.Categorical(rng.choice(list("abcdef"), n)),
            "b": rng.normal(size=n),
        }
    )
    y = ((df["a"] > 0) ^ df["c"].isin(["b", "e"])).astype(int)
    params = {"max_depth": 4, "max_cat_to_onehot": 1, "objective": "binary:logistic", "nthread": 1}
    booster = xgboost.train(params, xgboost.DMatrix(df, y, enable_categorical=True), 4)
    doc = _doc(booster)
    assert 1 in _trees(doc)[1]["split_type"]  # the tree every problem is planted in
    return doc


@pytest.fixture(scope="module")
def vector() -> Doc:
    rng = np.random.default_rng(1)
    X = rng.normal(size=(200, 3))
    model = xgboost.XGBRegressor(
        n_estimators=2,
        max_depth=3,
        tree_method="hist",
        multi_strategy="multi_output_tree",
        n_jobs=1,
    ).fit(X, np.column_stack([X[:, 0], X[:, 1]]))
    doc = _doc(model.get_booster())
    assert int(_trees(doc)[0]["tree_param"]["size_leaf_vector"]) == 2
    return doc


def _trees(doc: Doc) -> list[Doc]:
    return doc["learner"]["gradient_booster"]["model"]["trees"]


def _internal(tree: Doc) -> list[int]:
    return [i for i, c in enumerate(tree["left_children"]) if c != -1]


def _leaves(tree: Doc) -> list[int]:
    return [i for i, c in enumerate(tree["left_children"]) if c == -1]


def _categorical_node(tree: Doc) -> int:
    return next(i for i in _internal(tree) if tree["split_type"][i] == 1)


def _numeric_node(tree: Doc) -> int:
    return next(i for i in _internal(tree) if tree["split_type"][i] == 0)


def _set(key: str, pick: Any, value: Any) -> Any:
    def change(doc: Doc) -> None:
        tree = _trees(doc)[1]
        tree[key][pick(tree)] = value

    return change


def _shared_child(doc: Doc) -> None:
    tree = _trees(doc)[1]
    a, b = _internal(tree)[:2]
    tree["right_children"][b] = tree["left_children"][a]


def _back_to_parent(doc: Doc) -> None:
    tree = _trees(doc)[1]
    inner = next(i for i in _internal(tree) if tree["parents"][i] in _internal(tree)[1:])
    tree["left_children"][inner] = tree["parents"][inner]  # back up to its own parent


def _unreached(doc: Doc) -> None:
    tree = _trees(doc)[1]
    node = _internal(tree)[-1]
    tree["left_children"][node] = tree["right_children"][node] = -1  # its children now orphans


def _segment_overflow(doc: Doc) -> None:
    tree = _trees(doc)[1]
    tree["categories_segments"][0] = 2**62
    tree["categories_sizes"][0] = 2**62


def _unlisted(doc: Doc) -> None:
    tree = _trees(doc)[1]
    for key in ("categories_nodes", "categories_segments", "categories_sizes"):
        tree[key].pop()


PROBLEMS = {
    "bool child": (_set("left_children", lambda t: 0, True), "holds 'True', not an integer"),
    "float feature": (_set("split_indices", lambda t: 0, 0.5), "holds '0.5', not an integer"),
    "text hessian": (_set("sum_hessian", lambda t: 2, "1"), "sum_hessian holds '1', not a number"),
    "null base weight": (_set("base_weights", lambda t: 0, None), "base_weights holds 'None'"),
    "huge default_left": (
        _set("default_left", lambda t: 0, 2**70),
        "default_left holds an integer beyond 64 bits",
    ),
    "right child of a leaf": (
        _set("right_children", lambda t: _leaves(t)[0], 1),
        "with only a right child",
    ),
    "split type 2": (_set("split_type", lambda t: 3, 2), "has the split type 2 at node 3"),
    "feature beyond": (
        _set("split_indices", lambda t: _internal(t)[0], 3),
        "on feature 3, the model has 3",
    ),
    "child out of range": (
        _set("left_children", lambda t: _internal(t)[0], 999),
        "has a child index 999 out of range",
    ),
    "child back at the root": (
        _set("right_children", lambda t: _internal(t)[-1], 0),
        "points back at node 0",
    ),
    "shared child": (_shared_child, "twice (a cycle or a shared child)"),
    "loop to an ancestor": (_back_to_parent, "twice (a cycle or a shared child)"),
    "unreached nodes": (_unreached, "nodes that node 0 does not reach"),
    "root with a parent": (_set("parents", lambda t: 0, 3), "gives the root the parent 3"),
    "wrong parent": (_set("parents", lambda t: 1, 2), "gives node 1 the parent 2"),
    "categories of a numeric split": (
        _set("categories_nodes", lambda t: 0, None),  # replaced below per document
        "",
    ),
    "segment beyond": (_segment_overflow, "category segment"),
    "negative category": (_set("categories", lambda t: 0, -1), "category code out of range"),
    "categorical split without categories": (_unlisted, "without its categories"),
    "tree_info group": (
        lambda d: d["learner"]["gradient_booster"]["model"]["tree_info"].__setitem__(2, 5),
        "tree_info names an output group outside 0..0",
    ),
    "iteration_indptr backwards": (
        lambda d: d["learner"]["gradient_booster"]["model"]["iteration_indptr"].__setitem__(2, 0),
        "iteration_indptr does not count",
    ),
}
PROBLEMS["categories of a numeric split"] = (
    lambda d: _trees(d)[1]["categories_nodes"].__setitem__(0, _numeric_node(_trees(d)[1])),
    "not a categorical split",
)


@pytest.mark.parametrize("name", list(PROBLEMS))
def test_every_problem_is_refused_with_its_message(categorical: Doc, name: str) -> None:
    fmt.check_model(copy.deepcopy(categorical))  # the real model passes
    doc = copy.deepcopy(categorical)
    change, message = PROBLEMS[name]
    change(doc)
    with pytest.raises(FormatError, match=r"tree 1|tree_info|iteration_indptr") as err:
        fmt.check_model(doc)
    assert message in str(err.value)


def test_vector_leaves_point_at_their_rows(vector: Doc) -> None:
    fmt.check_model(copy.deepcopy(vector))
    doc = copy.deepcopy(vector)
    tree = _trees(doc)[1]
    leaf = _leaves(tree)[0]
    tree["right_children"][leaf] = 10**6
    with pytest.raises(FormatError, match=f"tree 1 has a leaf {leaf} with the leaf row 1000000"):
        fmt.check_model(doc)
    doc = copy.deepcopy(vector)
    _trees(doc)[0]["leaf_weights"].pop()
    with pytest.raises(FormatError, match="leaf_weights, not rows of 2"):
        fmt.check_model(doc)


def _chain(depth: int) -> Doc:
    """One tree of ``depth`` splits in a chain: node k splits into node k + 1 and a leaf."""
    n = 2 * depth + 1
    left = [*range(1, depth), depth] + [-1] * (depth + 1)
    right = [depth + 1 + k for k in range(depth)] + [-1] * (depth + 1)
    parents = [2147483647, *range(depth - 1), depth - 1, *range(depth)]
    return {
        "tree_param": {"num_nodes": str(n), "num_deleted": "0", "num_feature": "1"},
        "id": 0,
        "left_children": left,
        "right_children": right,
        "parents": parents,
        "split_indices": [0] * n,
        "split_conditions": [0.5] * n,
        "split_type": [0] * n,
        "default_left": [0] * n,
        "loss_changes": [0.0] * n,
        "sum_hessian": [1.0] * n,
        "base_weights": [0.0] * n,
        "categories": [],
        "categories_nodes": [],
        "categories_segments": [],
        "categories_sizes": [],
    }


def _with_trees(doc: Doc, trees: list[Doc]) -> Doc:
    doc = copy.deepcopy(doc)
    model = doc["learner"]["gradient_booster"]["model"]
    doc["learner"]["learner_model_param"]["num_feature"] = "3"
    for i, tree in enumerate(trees):
        tree["id"] = i
    model["trees"] = trees
    model["tree_info"] = [0] * len(trees)
    model["iteration_indptr"] = list(range(len(trees) + 1))
    model["gbtree_model_param"]["num_trees"] = str(len(trees))
    return doc


@pytest.mark.parametrize("depth", [fmt._BULK_LEVELS - 1, fmt._BULK_LEVELS + 30])
def test_deep_trees_get_every_check(
    categorical: Doc, depth: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    walked: list[str] = []

    def node_by_node(left: list[int], right: list[int], what: str, **kw: Any) -> list[int]:
        walked.append(what)
        return check_binary_tree(left, right, what, **kw)

    monkeypatch.setattr(fmt, "check_binary_tree", node_by_node)
    shallow = copy.deepcopy(_trees(categorical)[0])
    fmt.check_model(_with_trees(categorical, [shallow, _chain(depth)]))
    assert walked == (["tree 1"] if depth > fmt._BULK_LEVELS else [])
    for key, node, value, message in (
        ("left_children", depth - 2, 3, "reaches node 3 twice"),
        ("right_children", depth - 1, 5 * depth, "out of range"),
        ("parents", depth - 1, 0, f"gives node {depth - 1} the parent 0"),
    ):
        bad = _chain(depth)
        bad[key][node] = value
        with pytest.raises(FormatError, match="tree 1") as err:
            fmt.check_model(_with_trees(categorical, [copy.deepcopy(shallow), bad]))
        assert message in str(err.value)


def _as_float32(doc: Any) -> Any:
    """``doc`` with every float rounded to float32, as XGBoost stores its numbers."""
    if isinstance(doc, dict):
        return {k: _as_float32(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_as_float32(v) for v in doc]
    if isinstance(doc, float):
        return float(np.float32(doc))
    return doc


@pytest.mark.parametrize("suffix", [".json", ".ubj"])
def test_a_json_file_of_this_xgboost_is_not_dumped_again(tmp_path: Path, suffix: str) -> None:
    rng = np.random.default_rng(2)
    X = rng.normal(size=(100, 3))
    model = xgboost.XGBRegressor(n_estimators=3, max_depth=3, n_jobs=1).fit(X, X[:, 0])
    path = tmp_path / f"m{suffix}"
    model.get_booster().save_model(str(path))
    booster = modelprivacy.load_model(path, contain=False).estimator
    assert booster in adapter._JSON  # the file's own document, parsed once
    if suffix == ".json":  # what save_raw("json") gives
        assert adapter._JSON[booster] == _doc(booster)
    else:  # UBJSON keeps float32 exactly, JSON the shortest decimals of the same float32
        assert _as_float32(adapter._JSON[booster]) == _as_float32(_doc(booster))
        assert adapter._JSON[booster] != _doc(booster)  # not a dump: the numbers differ
    assert adapter.model_json(booster) is adapter._JSON[booster]
    assert not fmt._written_by({"version": [1, 7, 6]}, xgboost.__version__)
    assert not fmt._written_by({"version": [3, 2, 0]}, "3.2.0rc1")
