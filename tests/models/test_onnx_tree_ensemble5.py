"""ONNX ``TreeEnsemble`` nodes (ai.onnx.ml opset 5) on the shared tree representation.

scikit-learn trees and forests are written by hand as opset-5 nodes (their
splits rewritten, at random but seeded, into each of the four ordered modes
with the same meaning), so the leaves found by routing in numpy can be checked
against onnx's reference evaluator, onnxruntime and scikit-learn itself, and the
inspection of the saved file against the inspection of the fitted model.
``BRANCH_EQ``, ``BRANCH_NEQ`` and ``BRANCH_MEMBER`` splits are checked on
hand-made trees against onnxruntime, which reads the membership sets in the
order of the nodes, as the operator's specification says (onnx 1.23's
reference evaluator reads them in the order it visits the nodes, and stops a
set at a member 0.0).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

import modelprivacy

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

from _onnx_routing import raw_score  # noqa: E402
from onnx import TensorProto, helper  # noqa: E402
from onnx.reference import ReferenceEvaluator  # noqa: E402

from modelprivacy.cli import main  # noqa: E402
from modelprivacy.errors import ModelLoadError  # noqa: E402
from modelprivacy.load import load_model  # noqa: E402
from modelprivacy.models.onnx import MalformedTreesError, OnnxModel  # noqa: E402
from modelprivacy.models.trees import UnsupportedTreesError, forest_of  # noqa: E402
from modelprivacy.singling import leaf_boxes  # noqa: E402

_F32_UP = np.float32(np.inf)


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Whole-number columns, and two planted people far from everyone else."""
    rng = np.random.default_rng(0)
    X = rng.integers(18, 80, size=(160, 4)).astype(np.float64)
    X[7] = [97.0, 96.0, 95.0, 99.0]
    X[42] = [3.0, 2.0, 1.0, 4.0]
    y = (X[:, 0] + rng.normal(scale=10, size=160) > 50).astype(int)
    target = X[:, 0] * 2.0 + X[:, 1]  # float32-exact targets
    return X, y, target


def _sklearn_trees(est: Any, seed: int, leaf_value: Any) -> dict[str, Any]:
    """The opset-5 attributes of a scikit-learn tree or forest (splits in random modes).

    Each split ``x <= t`` is written, at random, as itself, as ``x < next(t)``, or
    as ``x > t`` or ``x >= next(t)`` with the children swapped (``next``: the
    float32 after ``t``): the same leaves for every float32 input.
    """
    rng = np.random.default_rng(seed)
    members = getattr(est, "estimators_", [est])
    feats: list[int] = []
    splits: list[float] = []
    modes: list[int] = []
    tn: list[int] = []
    tl: list[int] = []
    fn: list[int] = []
    fl: list[int] = []
    weights: list[float] = []
    roots: list[int] = []
    for member in members:
        tree = member.tree_
        split = tree.children_left >= 0
        inner = np.cumsum(split) - 1 + len(feats)
        leaf = np.cumsum(~split) - 1 + len(weights)
        roots.append(int(inner[0]))
        for i in np.flatnonzero(split):
            t = np.float32(tree.threshold[i])
            lo, hi = int(tree.children_left[i]), int(tree.children_right[i])
            # x <= t, as x < next(t), or x > t and x >= next(t) with the children swapped
            mode = int(rng.integers(4))
            if mode in (1, 2):
                t = np.nextafter(t, _F32_UP)
            if mode in (2, 3):
                lo, hi = hi, lo
            feats.append(int(tree.feature[i]))
            splits.append(float(t))
            modes.append(mode)
            for child, ids, flags in ((lo, tn, tl), (hi, fn, fl)):
                flags.append(int(not split[child]))
                ids.append(int(leaf[child] if not split[child] else inner[child]))
        weights.extend(leaf_value(tree.value[~split]))
    n = len(feats)
    attrs = dict(
        nodes_featureids=feats,
        nodes_splits=helper.make_tensor("s", TensorProto.FLOAT, [n], splits),
        nodes_modes=helper.make_tensor("m", TensorProto.UINT8, [n], modes),
        nodes_truenodeids=tn,
        nodes_trueleafs=tl,
        nodes_falsenodeids=fn,
        nodes_falseleafs=fl,
        leaf_targetids=[0] * len(weights),
        leaf_weights=helper.make_tensor("w", TensorProto.FLOAT, [len(weights)], weights),
        tree_roots=roots,
        n_targets=1,
        aggregate_function=0,  # AVERAGE
        post_transform=0,
    )
    return attrs


def _graph(attrs: dict[str, Any], d: int, elem: int = TensorProto.FLOAT) -> Any:
    node = helper.make_node("TreeEnsemble", ["X"], ["Y"], domain="ai.onnx.ml", **attrs)
    n_targets = int(attrs.get("n_targets", 1))
    graph = helper.make_graph(
        [node],
        "trees",
        [helper.make_tensor_value_info("X", elem, [None, d])],
        [helper.make_tensor_value_info("Y", elem, [None, n_targets])],
    )
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 21), helper.make_opsetid("ai.onnx.ml", 5)]
    )
    model.ir_version = 10
    model.producer_name = "hand-written"
    return model


def _save(tmp_path: Path, proto: Any, name: str = "trees.onnx") -> Path:
    path = tmp_path / name
    path.write_bytes(proto.SerializeToString())
    return path


def _runtimes(proto: Any, X: np.ndarray, reference: bool = True) -> list[np.ndarray]:
    feed = {"X": X}
    options = ort.SessionOptions()
    options.log_severity_level = 4  # refusals come as exceptions
    session = ort.InferenceSession(
        proto.SerializeToString(), sess_options=options, providers=["CPUExecutionProvider"]
    )
    out = [session.run(None, feed)[0]]
    if reference:
        out.append(ReferenceEvaluator(proto).run(None, feed)[0])
    return out


def _regressor_value(value: np.ndarray) -> list[float]:
    return [float(v) for v in value[:, 0, 0]]


def _class_one_share(value: np.ndarray) -> list[float]:
    return [float(v) for v in value[:, 0, 1] / value[:, 0, :].sum(axis=1)]


def _fitted(data: tuple[np.ndarray, np.ndarray, np.ndarray]) -> list[tuple[str, Any, Any, Any]]:
    from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
    from sklearn.tree import DecisionTreeRegressor

    X, y, target = data
    return [
        ("tree", DecisionTreeRegressor(random_state=0).fit(X, target), _regressor_value, target),
        (
            "forest",
            RandomForestRegressor(5, bootstrap=False, max_features=2, random_state=0).fit(
                X, target
            ),
            _regressor_value,
            target,
        ),
        (
            "classifier",
            RandomForestClassifier(5, bootstrap=False, max_features=2, random_state=0).fit(X, y),
            _class_one_share,
            y,
        ),
    ]


def test_routing_matches_reference_onnxruntime_and_sklearn(
    data: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    X, _, _ = data
    rows = np.concatenate([X, X + 0.5, X - 0.5]).astype(np.float32)  # at, above, below midpoints
    for seed, (name, est, leaf_value, _) in enumerate(_fitted(data)):
        attrs = _sklearn_trees(est, seed, leaf_value)
        modes = onnx.numpy_helper.to_array(attrs["nodes_modes"])
        assert set(modes.tolist()) == {0, 1, 2, 3}, name  # every ordered mode is used
        proto = _graph(attrs, X.shape[1])
        model = OnnxModel(proto)
        forest = forest_of(model)
        assert forest.kind == "onnx" and forest.path == "TreeEnsemble[0]" and forest.float32
        assert forest.n_trees == len(getattr(est, "estimators_", [est]))
        ours = raw_score(model, rows)
        for theirs in _runtimes(proto, rows):
            np.testing.assert_allclose(ours, theirs, rtol=1e-5, atol=1e-6, err_msg=name)
        # the same leaves as scikit-learn's, tree by tree (their order differs)
        members = getattr(est, "estimators_", [est])
        for i, got_rows, leaf in forest.leaves(rows, inbag=False, workers=1):
            expected = members[i].apply(rows)
            pairs = np.unique(np.stack([leaf, expected[got_rows]]), axis=1)
            assert np.unique(pairs[0]).size == np.unique(pairs[1]).size == pairs.shape[1]


def test_missing_values_follow_the_flag(data: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    X, _, _ = data
    _, est, leaf_value, _ = _fitted(data)[1]
    attrs = _sklearn_trees(est, 5, leaf_value)
    flags = np.random.default_rng(3).integers(0, 2, size=len(attrs["nodes_featureids"]))
    attrs["nodes_missing_value_tracks_true"] = flags.tolist()
    proto = _graph(attrs, X.shape[1])
    holes = X.astype(np.float32)
    holes[::3, 0] = np.nan
    holes[1::4, 2] = np.nan
    ours = raw_score(OnnxModel(proto), holes)
    for theirs in _runtimes(proto, holes):
        np.testing.assert_allclose(ours, theirs, rtol=1e-5, atol=1e-6)


def test_double_trees_compare_in_float64(data: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    from sklearn.tree import DecisionTreeRegressor

    X, _, target = data
    X = X + np.random.default_rng(1).normal(scale=1e-3, size=X.shape)
    tree = DecisionTreeRegressor(max_depth=6, random_state=0).fit(X, target)
    split = tree.tree_.children_left >= 0
    attrs = _sklearn_trees(tree, 0, _regressor_value)
    # scikit-learn's float64 thresholds, all as x <= t
    n = int(split.sum())
    attrs["nodes_splits"] = helper.make_tensor(
        "s", TensorProto.DOUBLE, [n], tree.tree_.threshold[split]
    )
    attrs["nodes_modes"] = helper.make_tensor("m", TensorProto.UINT8, [n], [0] * n)
    attrs["nodes_truenodeids"], attrs["nodes_falsenodeids"] = _ordered_children(tree)
    attrs["nodes_trueleafs"], attrs["nodes_falseleafs"] = _ordered_flags(tree)
    values = tree.tree_.value[~split, 0, 0]
    attrs["leaf_weights"] = helper.make_tensor("w", TensorProto.DOUBLE, [values.size], values)
    proto = _graph(attrs, X.shape[1], TensorProto.DOUBLE)
    model = OnnxModel(proto)
    assert not forest_of(model).float32
    t, f = float(tree.tree_.threshold[0]), int(tree.tree_.feature[0])
    edge = np.repeat(X[:2], 2, axis=0)
    edge[:, f] = [t, np.nextafter(t, np.inf)] * 2  # float32 would round both alike
    rows = np.concatenate([X, edge])
    for theirs in _runtimes(proto, rows):
        np.testing.assert_allclose(raw_score(model, rows), theirs, rtol=1e-9)
    ours = raw_score(model, rows)[:, 0]
    np.testing.assert_allclose(ours[: X.shape[0]], tree.predict(X), rtol=1e-9)
    assert ours[-4] != ours[-3]  # the threshold and 1 ulp above it part in float64


def _ordered_children(tree: Any) -> tuple[list[int], list[int]]:
    split = tree.tree_.children_left >= 0
    inner, leaf = np.cumsum(split) - 1, np.cumsum(~split) - 1
    out: tuple[list[int], list[int]] = ([], [])
    for i in np.flatnonzero(split):
        for side, child in zip(out, (tree.tree_.children_left[i], tree.tree_.children_right[i])):
            side.append(int(inner[child] if split[child] else leaf[child]))
    return out


def _ordered_flags(tree: Any) -> tuple[list[int], list[int]]:
    split = tree.tree_.children_left >= 0
    left = tree.tree_.children_left[split]
    right = tree.tree_.children_right[split]
    return [int(not split[c]) for c in left], [int(not split[c]) for c in right]


def _set_tree(membership: list[float], missing: list[int] | None = None) -> Any:
    """Node 0 ``x0 <= 5`` sends its true branch to node 2, its false branch to node 1.

    Node 1 tests x1 for membership (true: leaf 0), then node 3 ``x0 == 7`` (leaf 1 /
    leaf 2); node 2 tests x1 for membership (leaf 3 / node 4), and node 4
    ``x0 != 2`` (leaf 4 / leaf 5). Each leaf adds 10**leaf to target 0.
    """
    attrs: dict[str, Any] = dict(
        nodes_featureids=[0, 1, 1, 0, 0],
        nodes_splits=helper.make_tensor("s", TensorProto.FLOAT, [5], [5, np.nan, 0, 7, 2]),
        nodes_modes=helper.make_tensor("m", TensorProto.UINT8, [5], [0, 6, 6, 4, 5]),
        nodes_truenodeids=[2, 0, 3, 1, 4],
        nodes_trueleafs=[0, 1, 1, 1, 1],
        nodes_falsenodeids=[1, 3, 4, 2, 5],
        nodes_falseleafs=[0, 0, 0, 1, 1],
        leaf_targetids=[0] * 6,
        leaf_weights=helper.make_tensor("w", TensorProto.FLOAT, [6], [10.0**k for k in range(6)]),
        membership_values=helper.make_tensor("v", TensorProto.FLOAT, [len(membership)], membership),
        tree_roots=[0],
        n_targets=1,
    )
    if missing is not None:
        attrs["nodes_missing_value_tracks_true"] = missing
    return _graph(attrs, 2)


def _grid() -> np.ndarray:
    x0 = np.asarray([1, 2, 3, 5, 6, 7, 8, np.nan], dtype=np.float32)
    x1 = np.asarray([0, 1, 2, 2.5, 3, 4, 9, np.nan], dtype=np.float32)
    return np.stack(np.meshgrid(x0, x1), axis=-1).reshape(-1, 2)


@pytest.mark.parametrize("missing", [None, [1, 1, 0, 1, 0], [0, 0, 1, 0, 1]])
def test_value_and_set_splits_route_as_onnxruntime(missing: list[int] | None) -> None:
    # node 1's set {0, 2.5, 9}, node 2's set {1, 3}: in the order of the nodes
    proto = _set_tree([0.0, 2.5, 9.0, np.nan, 1.0, 3.0, np.nan], missing)
    model = OnnxModel(proto)
    rows = _grid()
    ours = raw_score(model, rows)
    (theirs,) = _runtimes(proto, rows, reference=False)
    np.testing.assert_array_equal(ours, theirs)
    assert np.unique(ours).size >= 6  # every leaf is reached
    forest = forest_of(model)
    assert any("BRANCH_MEMBER" in note for note in forest.notes)
    tree = forest.trees[0]
    split = tree.left >= 0
    # value and set splits have no threshold on the shared representation: open boxes
    assert np.isnan(tree.threshold[split]).sum() == 4 and np.isfinite(tree.edge[0])
    assert set(forest.split_thresholds()) <= {0, 1}


def test_set_splits_agree_with_the_reference_where_it_follows_the_spec() -> None:
    # no member 0.0, and a set order the reference evaluator's visit order also gives: the
    # reference reads node 2's set first (the true branch of the root), so swap them there
    spec = _set_tree([4.0, 2.5, 9.0, np.nan, 1.0, 3.0, np.nan])
    swapped = _set_tree([1.0, 3.0, np.nan, 4.0, 2.5, 9.0, np.nan])
    rows = _grid()
    rows = rows[~np.isnan(rows).any(axis=1)]
    np.testing.assert_array_equal(
        raw_score(OnnxModel(spec), rows), ReferenceEvaluator(swapped).run(None, {"X": rows})[0]
    )


def test_tree_of_one_leaf_and_several_targets() -> None:
    """A root whose two branches are one leaf is a tree of one leaf; leaves go to their target."""
    attrs: dict[str, Any] = dict(
        nodes_featureids=[0, 0, 1],
        nodes_splits=helper.make_tensor("s", TensorProto.FLOAT, [3], [0.5, 0.0, 1.5]),
        nodes_modes=helper.make_tensor("m", TensorProto.UINT8, [3], [0, 0, 3]),
        nodes_truenodeids=[0, 2, 1],
        nodes_trueleafs=[1, 1, 1],
        nodes_falsenodeids=[2, 2, 3],
        nodes_falseleafs=[0, 1, 1],
        leaf_targetids=[0, 1, 2, 0],
        leaf_weights=helper.make_tensor("w", TensorProto.FLOAT, [4], [1.0, 2.0, 4.0, 8.0]),
        tree_roots=[0, 1],  # node 1: a tree of one leaf (leaf 2), whatever its split says
        n_targets=3,
        aggregate_function=1,
    )
    proto = _graph(attrs, 2)
    model = OnnxModel(proto)
    (ensemble,) = model.tree_ensembles()
    assert [t.n_nodes for t in ensemble.trees] == [5, 1]
    rows = np.asarray([[0, 0], [0, 2], [1, 1], [np.nan, np.nan]], dtype=np.float32)
    (theirs,) = _runtimes(proto, rows, reference=False)
    np.testing.assert_array_equal(raw_score(model, rows), theirs)


def _counts(result: Any, check: str) -> dict[str, Any]:
    found = [f for f in result.findings if f.check_id == check]
    assert found, check
    keys = ("records_alone", "records_in_small_leaves", "label_recovered", "leaves_of_one")
    return {k: found[0].evidence[k] for k in keys if k in found[0].evidence}


def test_inspection_of_the_file_finds_the_people_alone(
    tmp_path: Path, data: tuple[np.ndarray, np.ndarray, np.ndarray]
) -> None:
    X, _, _ = data
    for seed, (name, est, leaf_value, labels) in enumerate(_fitted(data)):
        attrs = _sklearn_trees(est, seed, leaf_value)
        path = _save(tmp_path, _graph(attrs, X.shape[1]), f"{name}.onnx")
        loaded = load_model(path, contain=False)
        assert loaded.format == "onnx" and isinstance(loaded.estimator, OnnxModel)
        ours = modelprivacy.inspect(path, X, labels)
        theirs = modelprivacy.inspect(est, X, labels)
        (leaves, *_) = [f for f in ours.findings if f.check_id == "MP-S105"]
        assert leaves.path.startswith("TreeEnsemble[0]"), name
        mine, sk = _counts(ours, "MP-S105"), _counts(theirs, "MP-S105")
        assert mine["records_alone"] == sk["records_alone"] > 0, name
        assert mine["records_in_small_leaves"] == sk["records_in_small_leaves"], name
        if name != "classifier":  # regressors' leaves are their targets, as in scikit-learn
            assert mine["label_recovered"] == sk["label_recovered"] > 0, name
            stored = [f.path for f in ours.findings if f.check_id == "MP-S108"]
            assert stored == ["TreeEnsemble[0].leaf_weights_"], name
        boxes = leaf_boxes(loaded.estimator, X, labels)
        expected = leaf_boxes(est, X, labels)
        for field in ("small_leaf_trees", "alone_trees", "singled_out"):
            np.testing.assert_array_equal(getattr(boxes, field), getattr(expected, field))
        if name != "classifier":  # the two planted people are alone in a leaf of every tree
            assert (boxes.alone_trees[[7, 42]] == forest_of(est).n_trees).all(), name
        # the same thresholds in float32 (some 1 ulp up, as BRANCH_LT/GTE): as many located
        ours_cols, theirs_cols = (
            next(f for f in r.findings if f.check_id == "MP-S104").evidence["columns"]
            for r in (ours, theirs)
        )
        assert ours_cols.keys() == theirs_cols.keys(), name
        for column, counts in theirs_cols.items():
            assert ours_cols[column]["located_values"] >= counts["located_values"] > 0, name


def test_regularised_forest_is_not_accused(
    data: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    from sklearn.ensemble import RandomForestRegressor

    X, _, target = data
    est = RandomForestRegressor(4, min_samples_leaf=20, random_state=0).fit(X, target)
    attrs = _sklearn_trees(est, 0, _regressor_value)
    model = OnnxModel(_graph(attrs, X.shape[1]))
    assert leaf_boxes(model, X, target).alone_trees.sum() == 0
    assert not [
        f for f in modelprivacy.inspect(model, X, target).findings if f.check_id == "MP-S105"
    ]


# --------------------------------------------------------------------------- malformed files


@pytest.fixture(scope="module")
def small() -> dict[str, Any]:
    """The opset-5 attributes of a depth-3 scikit-learn tree."""
    from sklearn.tree import DecisionTreeRegressor

    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3))
    tree = DecisionTreeRegressor(max_depth=3, random_state=0).fit(X, X[:, 0])
    attrs = _sklearn_trees(tree, 0, _regressor_value)
    return attrs


def _refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], attrs: dict[str, Any], *words: str
) -> None:
    path = _save(tmp_path, _graph(attrs, 3))
    with pytest.raises(ModelLoadError) as info:
        load_model(path, contain=False)
    message = str(info.value)
    assert "\n" not in message and "malformed tree ensemble" in message
    for word in words:
        assert word in message, message
    assert main(["inspect", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "malformed tree ensemble" in err


def _changed(attrs: dict[str, Any], **changes: Any) -> dict[str, Any]:
    out = dict(attrs)
    out.update(changes)
    return {k: v for k, v in out.items() if v is not None}


def _floats(attrs: dict[str, Any], name: str) -> list[float]:
    return [float(v) for v in onnx.numpy_helper.to_array(attrs[name])]


def test_valid_file_loads(tmp_path: Path, small: dict[str, Any]) -> None:
    loaded = load_model(_save(tmp_path, _graph(small, 3)), contain=False)
    (ensemble,) = loaded.estimator.tree_ensembles()
    assert ensemble.op_type == "TreeEnsemble" and ensemble.n_trees == 1
    assert ensemble.trees[0].depth == 3 and ensemble.aggregate == "AVERAGE"


def test_ids_out_of_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small: dict[str, Any]
) -> None:
    true = list(small["nodes_truenodeids"])
    true[0] = 10**12
    _refused(tmp_path, capsys, _changed(small, nodes_truenodeids=true), "true child id")
    false = list(small["nodes_falsenodeids"])
    leaf = small["nodes_falseleafs"].index(1)
    false[leaf] = len(small["leaf_targetids"])  # one past the last leaf
    _refused(tmp_path, capsys, _changed(small, nodes_falsenodeids=false), "false child id", "leaf")
    _refused(tmp_path, capsys, _changed(small, tree_roots=[-1]), "tree root")
    _refused(tmp_path, capsys, _changed(small, tree_roots=[0, 0]), "same root")
    targets = list(small["leaf_targetids"])
    targets[-1] = 1
    _refused(tmp_path, capsys, _changed(small, leaf_targetids=targets), "target beyond")
    _refused(tmp_path, capsys, _changed(small, n_targets=0), "targets")
    feats = list(small["nodes_featureids"])
    feats[0] = -3
    _refused(tmp_path, capsys, _changed(small, nodes_featureids=feats), "negative feature")
    n = len(feats)
    modes = helper.make_tensor("m", TensorProto.UINT8, [n], [7] + [0] * (n - 1))
    _refused(tmp_path, capsys, _changed(small, nodes_modes=modes), "mode 7")
    flags = list(small["nodes_trueleafs"])
    flags[0] = 2
    _refused(tmp_path, capsys, _changed(small, nodes_trueleafs=flags), "other than 0 and 1")
    _refused(tmp_path, capsys, _changed(small, aggregate_function=9), "aggregate_function")


def test_cycles_and_shared_nodes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small: dict[str, Any]
) -> None:
    true, false = list(small["nodes_truenodeids"]), list(small["nodes_falsenodeids"])
    inner = [i for i, f in enumerate(small["nodes_trueleafs"]) if not f]
    assert inner, "the tree has an interior true child"
    back = list(true)
    back[inner[-1]] = 0  # an interior node sends rows back to the root
    _refused(tmp_path, capsys, _changed(small, nodes_truenodeids=back), "cycle")
    shared = list(false)
    at = small["nodes_falseleafs"].index(0)  # an interior false child ...
    shared[at] = true[inner[0]]  # ... that is also another node's true child
    shared_flags = list(small["nodes_falseleafs"])
    _refused(
        tmp_path,
        capsys,
        _changed(small, nodes_falsenodeids=shared, nodes_falseleafs=shared_flags),
        "two branches",
    )
    # a second tree rooted inside the first
    _refused(tmp_path, capsys, _changed(small, tree_roots=[0, true[0]]), "root node")


def test_wrong_sizes_and_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small: dict[str, Any]
) -> None:
    short = list(small["nodes_featureids"])[:-1]
    _refused(tmp_path, capsys, _changed(small, nodes_featureids=short), "nodes_featureids")
    w = _floats(small, "leaf_weights")
    fewer = helper.make_tensor("w", TensorProto.FLOAT, [len(w) - 1], w[:-1])
    _refused(tmp_path, capsys, _changed(small, leaf_weights=fewer), "leaf_weights")
    s = _floats(small, "nodes_splits")
    nan = helper.make_tensor("s", TensorProto.FLOAT, [len(s)], [np.nan, *s[1:]])
    _refused(tmp_path, capsys, _changed(small, nodes_splits=nan), "NaN split")
    inf = helper.make_tensor("w", TensorProto.FLOAT, [len(w)], [np.inf, *w[1:]])
    _refused(tmp_path, capsys, _changed(small, leaf_weights=inf), "not finite")
    ints = helper.make_tensor("s", TensorProto.INT64, [len(s)], [0] * len(s))
    _refused(tmp_path, capsys, _changed(small, nodes_splits=ints), "not a float tensor")
    for dims, data, words in (([10**9], 8, "more than"), ([len(s)], 3, "cannot be decoded")):
        lying = TensorProto(name="s", data_type=TensorProto.FLOAT, dims=dims)
        lying.raw_data = b"\0" * data  # the shape claims more than the bytes hold
        proto = _graph(_changed(small, nodes_splits=lying), 3)
        # onnx's checker refuses the file first; a graph built in memory reaches the parser
        with pytest.raises(ModelLoadError, match="invalid ONNX model"):
            load_model(_save(tmp_path, proto), contain=False)
        with pytest.raises(MalformedTreesError, match=words):
            OnnxModel(proto).tree_ensembles()
    _refused(tmp_path, capsys, _changed(small, n_targets=None), "no n_targets")


def test_membership_values_must_match_the_member_nodes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small: dict[str, Any]
) -> None:
    n = len(small["nodes_featureids"])
    members = helper.make_tensor("m", TensorProto.UINT8, [n], [6] * 2 + [0] * (n - 2))
    one_set = helper.make_tensor("v", TensorProto.FLOAT, [3], [1.0, 2.0, np.nan])
    _refused(tmp_path, capsys, _changed(small, nodes_modes=members), "no membership_values")
    _refused(
        tmp_path,
        capsys,
        _changed(small, nodes_modes=members, membership_values=one_set),
        "1 NaN-ended sets for 2",
    )
    tail = helper.make_tensor("v", TensorProto.FLOAT, [4], [1.0, np.nan, np.nan, 2.0])
    _refused(
        tmp_path, capsys, _changed(small, nodes_modes=members, membership_values=tail), "after"
    )
    empty = helper.make_tensor("v", TensorProto.FLOAT, [3], [1.0, np.nan, np.nan])
    _refused(
        tmp_path, capsys, _changed(small, nodes_modes=members, membership_values=empty), "empty"
    )


def test_very_deep_tree_is_refused_quickly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import time

    from modelprivacy.models.onnx import MAX_TREE_DEPTH

    n = MAX_TREE_DEPTH + 5  # a chain: each node's true child a leaf, its false child the next
    ids = np.arange(n)
    attrs = dict(
        nodes_featureids=[0] * n,
        nodes_splits=helper.make_tensor("s", TensorProto.FLOAT, [n], [0.0] * n),
        nodes_modes=helper.make_tensor("m", TensorProto.UINT8, [n], [0] * n),
        nodes_truenodeids=ids.tolist(),
        nodes_trueleafs=[1] * n,
        nodes_falsenodeids=np.where(ids < n - 1, ids + 1, n).tolist(),
        nodes_falseleafs=[0] * (n - 1) + [1],
        leaf_targetids=[0] * (n + 1),
        leaf_weights=helper.make_tensor("w", TensorProto.FLOAT, [n + 1], [1.0] * (n + 1)),
        tree_roots=[0],
        n_targets=1,
    )
    start = time.perf_counter()
    _refused(tmp_path, capsys, attrs, "deeper than")
    assert time.perf_counter() - start < 20


def test_float16_trees_are_read_but_not_routed() -> None:
    attrs: dict[str, Any] = dict(
        nodes_featureids=[0],
        nodes_splits=helper.make_tensor("s", TensorProto.FLOAT16, [1], [0.5]),
        nodes_modes=helper.make_tensor("m", TensorProto.UINT8, [1], [0]),
        nodes_truenodeids=[0],
        nodes_trueleafs=[1],
        nodes_falsenodeids=[1],
        nodes_falseleafs=[1],
        leaf_targetids=[0, 0],
        leaf_weights=helper.make_tensor("w", TensorProto.FLOAT16, [2], [1.0, 2.0]),
        tree_roots=[0],
        n_targets=1,
    )
    model = OnnxModel(_graph(attrs, 1, TensorProto.FLOAT16))
    (ensemble,) = model.tree_ensembles()
    assert ensemble.precision == "float16"
    with pytest.raises(UnsupportedTreesError, match="float16"):
        forest_of(model)


def test_too_many_leaf_values_are_not_held(
    data: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    """Nodes times targets beyond the dense bound: the graph is valid, its trees are not read."""
    from modelprivacy.models.onnx import _MAX_LEAF_CELLS, _MAX_OUTPUTS

    _, est, leaf_value, _ = _fitted(data)[1]
    attrs = _sklearn_trees(est, 0, leaf_value)
    model = OnnxModel(_graph(_changed(attrs, n_targets=_MAX_OUTPUTS), data[0].shape[1]))
    (ensemble,) = model.tree_ensembles()
    assert sum(t.n_nodes for t in ensemble.trees) * _MAX_OUTPUTS > _MAX_LEAF_CELLS
    with pytest.raises(UnsupportedTreesError, match="leaf values"):
        forest_of(model)


def test_random_corruptions_load_or_are_refused(tmp_path: Path, small: dict[str, Any]) -> None:
    """Seeded corruptions of the integer lists: each file loads and routes, or is refused.

    Where it loads and onnxruntime runs it too, the leaves give onnxruntime's output.
    """
    rng = np.random.default_rng(11)
    names = [k for k, v in small.items() if isinstance(v, list)]
    rows = np.random.default_rng(12).normal(size=(50, 3)).astype(np.float32)
    outcomes = {"loaded": 0, "refused": 0}
    for trial in range(150):
        attrs = dict(small)
        for name in rng.choice(names, size=int(rng.integers(1, 3)), replace=False):
            values = list(attrs[name])
            at = int(rng.integers(len(values)))
            values[at] = int(rng.choice([-1, 0, 1, 2, len(values), values[at] + 1, 2**40]))
            attrs[name] = values
        path = _save(tmp_path, _graph(attrs, 3), f"c{trial}.onnx")
        try:
            loaded = load_model(path, contain=False)
        except ModelLoadError as exc:
            assert "\n" not in str(exc)
            outcomes["refused"] += 1
            continue
        outcomes["loaded"] += 1
        try:  # a feature id beyond the input is refused when the data is routed
            forest = forest_of(loaded.estimator)
            routed = list(forest.leaves(rows, inbag=False, workers=1))
        except UnsupportedTreesError as exc:
            assert "\n" not in str(exc)
            continue
        for i, _, leaf in routed:
            assert (forest.trees[i].left[leaf] < 0).all()
        try:
            (theirs,) = _runtimes(_graph(attrs, 3), rows, reference=False)
        except Exception:  # onnxruntime refuses some files that load (its own checks)
            continue
        np.testing.assert_allclose(raw_score(loaded.estimator, rows), theirs, rtol=1e-5, atol=1e-6)
        outcomes["matched"] = outcomes.get("matched", 0) + 1
    assert outcomes["refused"] > 0 and outcomes.get("matched", 0) > 0, outcomes


@pytest.mark.parametrize("seed", range(4))
def test_random_value_and_set_splits_route_as_onnxruntime(seed: int) -> None:
    """A fully grown tree on small whole numbers, a third of its splits made EQ, NEQ or MEMBER."""
    from sklearn.tree import DecisionTreeRegressor

    rng = np.random.default_rng(seed)
    X = rng.integers(0, 6, size=(300, 3)).astype(np.float64)
    tree = DecisionTreeRegressor(random_state=seed).fit(X, rng.normal(size=300))
    attrs = _sklearn_trees(tree, seed, _regressor_value)
    n = len(attrs["nodes_featureids"])
    modes = onnx.numpy_helper.to_array(attrs["nodes_modes"]).copy()
    splits = onnx.numpy_helper.to_array(attrs["nodes_splits"]).copy()
    change = rng.random(n) < 1 / 3
    modes[change] = rng.integers(4, 7, size=int(change.sum()))
    splits[change & (modes != 6)] = rng.integers(0, 6, size=int((change & (modes != 6)).sum()))
    sets: list[float] = []
    for _ in range(int((modes == 6).sum())):  # sets of 1 to 3 values, 0.0 among them at times
        sets.extend(rng.choice(6, size=int(rng.integers(1, 4)), replace=False).tolist())
        sets.append(np.nan)
    attrs["nodes_modes"] = helper.make_tensor("m", TensorProto.UINT8, [n], modes)
    attrs["nodes_splits"] = helper.make_tensor("s", TensorProto.FLOAT, [n], splits)
    attrs["nodes_missing_value_tracks_true"] = rng.integers(0, 2, size=n).tolist()
    if sets:
        attrs["membership_values"] = helper.make_tensor("v", TensorProto.FLOAT, [len(sets)], sets)
    proto = _graph(attrs, 3)
    rows = rng.integers(-1, 7, size=(400, 3)).astype(np.float32)
    rows[rng.random(rows.shape) < 0.1] = np.nan
    (theirs,) = _runtimes(proto, rows, reference=False)
    np.testing.assert_allclose(raw_score(OnnxModel(proto), rows), theirs, rtol=1e-6)
