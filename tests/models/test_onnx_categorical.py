"""Value splits of the older ONNX tree operators, and graphs with several tree ensembles.

onnxmltools writes a LightGBM categorical split ``x in {a, b, c}`` for
``TreeEnsembleClassifier``/``TreeEnsembleRegressor`` (which have no set split)
as a chain of ``BRANCH_EQ`` splits that all send their true branch to one
node. The chain is read as one set split, so the trees are trees again and
have LightGBM's leaves; routing is checked against onnxruntime on seeded
LightGBM exports and on hand-built graphs (``BRANCH_EQ``/``BRANCH_NEQ``
anywhere, chains with random missing-value flags), and the inspection of the
saved file against the inspection of the LightGBM model itself.

A graph with several tree ensembles (skl2onnx's export of a voting ensemble
of forests) has each read on its own, reported at ``<OpType>[<index>].trees``.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import modelprivacy

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
lightgbm = pytest.importorskip("lightgbm")
onnxmltools = pytest.importorskip("onnxmltools")
skl2onnx = pytest.importorskip("skl2onnx")

from _onnx_routing import raw_score  # noqa: E402
from onnx import TensorProto, helper  # noqa: E402

from modelprivacy.errors import ModelLoadError  # noqa: E402
from modelprivacy.load import load_model  # noqa: E402
from modelprivacy.models.onnx import OnnxModel  # noqa: E402
from modelprivacy.models.trees import UnsupportedTreesError, forest_of  # noqa: E402
from modelprivacy.singling import leaf_boxes  # noqa: E402

_MEMBER = 7  # OnnxTree.mode of a set split


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two category columns (12 and 40 codes), two whole-number columns; seeded."""
    rng = np.random.default_rng(0)
    n = 300
    X = np.column_stack(
        [
            rng.integers(0, 12, n),
            rng.integers(18, 80, n),
            rng.integers(0, 40, n),
            rng.integers(0, 30, n),
        ]
    ).astype(np.float64)
    y = ((X[:, 0] % 3 == 0) ^ (X[:, 1] > 50) ^ (X[:, 2] % 4 == 1)).astype(int)
    # whole numbers: float32-exact targets
    target = X[:, 1] + 3.0 * (X[:, 0] % 4) + (X[:, 2] % 5) + rng.integers(-30, 30, n)
    return X, y, target


_LGB = dict(
    n_estimators=20,
    num_leaves=8,
    min_child_samples=1,
    min_child_weight=1e-5,
    min_data_per_group=1,
    cat_smooth=1.0,
    cat_l2=1.0,
    max_cat_to_onehot=4,
    verbose=-1,
    random_state=0,
)


def _lightgbm(kind: str, X: np.ndarray, labels: np.ndarray) -> tuple[Any, Any]:
    """A LightGBM model on category columns 0 and 2, and its onnxmltools export."""
    from onnxmltools.convert.common.data_types import FloatTensorType

    cls = lightgbm.LGBMClassifier if kind == "classifier" else lightgbm.LGBMRegressor
    est = cls(**_LGB).fit(X, labels, categorical_feature=[0, 2])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        proto = onnxmltools.convert_lightgbm(
            est, initial_types=[("X", FloatTensorType([None, X.shape[1]]))], zipmap=False
        )
    return est, proto


def _session(proto: Any) -> Any:
    options = ort.SessionOptions()
    options.log_severity_level = 4  # refusals come as exceptions
    return ort.InferenceSession(
        proto.SerializeToString(), sess_options=options, providers=["CPUExecutionProvider"]
    )


def _probe_rows(X: np.ndarray, seed: int) -> np.ndarray:
    """The training rows, unseen and negative codes, fractions, and missing values."""
    rng = np.random.default_rng(seed)
    other = rng.integers(-2, 45, size=(400, X.shape[1])).astype(np.float64)
    fractions = rng.normal(20, 20, size=(200, X.shape[1]))
    rows = np.concatenate([X, other, fractions])
    rows[rng.random(rows.shape) < 0.1] = np.nan
    return rows.astype(np.float32)


@pytest.mark.parametrize("kind", ["classifier", "regressor"])
def test_lightgbm_category_sets_route_as_onnxruntime(
    kind: str, data: tuple[np.ndarray, np.ndarray, np.ndarray]
) -> None:
    X, y, target = data
    est, proto = _lightgbm(kind, X, y if kind == "classifier" else target)
    node = next(n for n in proto.graph.node if n.op_type.startswith("TreeEnsemble"))
    modes = [m for a in node.attribute if a.name == "nodes_modes" for m in a.strings]
    assert modes.count(b"BRANCH_EQ") > 20  # the chains the export writes
    model = OnnxModel(proto)
    (ensemble,) = model.tree_ensembles()
    assert sum(int((t.mode == _MEMBER).sum()) for t in ensemble.trees) > 5  # read as sets
    # one ONNX leaf per LightGBM leaf: the chains no longer share nodes
    n_leaves = sum(int((t.true < 0).sum()) for t in ensemble.trees)
    assert n_leaves == sum(t["num_leaves"] for t in est.booster_.dump_model()["tree_info"])
    forest = forest_of(model)
    assert any("one set split" in note for note in forest.notes)
    rows = _probe_rows(X, 1)
    score = raw_score(model, rows)[:, 0]
    theirs = model.run(rows)
    if kind == "classifier":
        np.testing.assert_allclose(1.0 / (1.0 + np.exp(-score)), theirs[1][:, 1], atol=1e-6)
    else:
        np.testing.assert_allclose(score, theirs[0][:, 0], rtol=1e-5, atol=1e-4)
    # on the training rows the export is the model
    expected = est.predict_proba(X)[:, 1] if kind == "classifier" else est.predict(X)
    got = model.predict_proba(X)[:, 1] if kind == "classifier" else model.predict(X)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


def _counts(result: Any, check: str) -> dict[str, Any]:
    found = [f for f in result.findings if f.check_id == check]
    assert found, check
    keys = ("records_alone", "records_in_small_leaves", "label_recovered")
    return {k: found[0].evidence[k] for k in keys if k in found[0].evidence}


@pytest.mark.parametrize("kind", ["classifier", "regressor"])
def test_inspection_of_the_saved_export_counts_as_lightgbm(
    kind: str, tmp_path: Path, data: tuple[np.ndarray, np.ndarray, np.ndarray]
) -> None:
    """The same people alone and in small leaves as in the LightGBM model itself.

    The leaves are LightGBM's (one ONNX leaf per LightGBM leaf, once the
    chains are sets) and the training codes are whole numbers, which both
    route alike, so the counts are equal. The file stores no row counts, so
    its finding has no ``leaves_of_one`` from the model, only from routing.
    """
    X, y, target = data
    labels = y if kind == "classifier" else target
    est, proto = _lightgbm(kind, X, labels)
    path = tmp_path / f"lgbm_{kind}.onnx"
    path.write_bytes(proto.SerializeToString())
    loaded = load_model(path, contain=False)
    assert loaded.format == "onnx" and isinstance(loaded.estimator, OnnxModel)
    ours = modelprivacy.inspect(path, X, labels)
    theirs = modelprivacy.inspect(est, X, labels)
    leaves = [f for f in ours.findings if f.check_id == "MP-S105"]
    assert leaves and leaves[0].path.startswith("TreeEnsemble")
    mine, native = _counts(ours, "MP-S105"), _counts(theirs, "MP-S105")
    assert mine == native
    assert mine["records_alone"] > 0
    alone = next(f for f in ours.findings if f.title == "People alone in a tree leaf")
    native_alone = next(f for f in theirs.findings if f.title == "People alone in a tree leaf")
    assert alone.records == native_alone.records
    # the numeric column's thresholds locate as many values; the category columns none
    ours_cols, native_cols = (
        next(f for f in r.findings if f.check_id == "MP-S104").evidence["columns"]
        for r in (ours, theirs)
    )
    assert ours_cols == native_cols


def test_category_sets_leave_the_boxes_open(
    data: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    X, y, _ = data
    _, proto = _lightgbm("classifier", X, y)
    forest = forest_of(OnnxModel(proto))
    for tree in forest.trees:
        split = tree.left >= 0
        source = tree.source
        is_set = np.isin(source.mode, (4, 5, _MEMBER)) & split
        assert np.isnan(tree.threshold[is_set]).all()
        assert np.isfinite(tree.threshold[split & ~is_set]).all()
    located = {j for j, t in forest.split_thresholds().items() if np.isfinite(t).any()}
    assert located == {1, 3}  # the numeric columns only


# --------------------------------------------------------------------------- hand-built graphs


def _old_graph(
    attrs: dict[str, Any], d: int, elem: int = TensorProto.FLOAT, ml_opset: int = 3
) -> Any:
    node = helper.make_node("TreeEnsembleRegressor", ["X"], ["Y"], domain="ai.onnx.ml", **attrs)
    graph = helper.make_graph(
        [node],
        "trees",
        [helper.make_tensor_value_info("X", elem, [None, d])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [None, 1])],
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("ai.onnx.ml", ml_opset)],
    )
    model.ir_version = 8
    model.producer_name = "hand-written"
    return model


def _tree_attrs(trees: list[dict[str, list[Any]]], double: bool = False) -> dict[str, Any]:
    """Old-operator attributes of trees given as per-node lists (leaf k adds 2**k)."""
    attrs: dict[str, list[Any]] = {
        k: []
        for k in (
            "nodes_treeids",
            "nodes_nodeids",
            "nodes_featureids",
            "nodes_modes",
            "nodes_values",
            "nodes_truenodeids",
            "nodes_falsenodeids",
            "nodes_missing_value_tracks_true",
            "target_treeids",
            "target_nodeids",
            "target_ids",
            "target_weights",
        )
    }
    k = 0
    for t, tree in enumerate(trees):
        for i, mode in enumerate(tree["modes"]):
            attrs["nodes_treeids"].append(t)
            attrs["nodes_nodeids"].append(i)
            attrs["nodes_featureids"].append(int(tree["features"][i]))
            attrs["nodes_modes"].append(mode)
            attrs["nodes_values"].append(float(tree["values"][i]))
            attrs["nodes_truenodeids"].append(int(tree["true"][i]))
            attrs["nodes_falsenodeids"].append(int(tree["false"][i]))
            attrs["nodes_missing_value_tracks_true"].append(int(tree["missing"][i]))
            if mode == "LEAF":
                attrs["target_treeids"].append(t)
                attrs["target_nodeids"].append(i)
                attrs["target_ids"].append(0)
                attrs["target_weights"].append(float(2 ** (k % 20)))
                k += 1
    out: dict[str, Any] = dict(attrs, n_targets=1, aggregate_function="SUM")
    if double:
        for name in ("nodes_values", "target_weights"):
            values = out.pop(name)
            out[f"{name}_as_tensor"] = helper.make_tensor(
                name, TensorProto.DOUBLE, [len(values)], values
            )
    return out


def _random_tree(rng: np.random.Generator, n_splits: int, d: int) -> dict[str, list[Any]]:
    """A random tree whose splits are of every mode; some value splits are chains.

    A chain ``x == a, else x == b, ...`` on one feature sends every true branch
    to the same node, as onnxmltools writes category sets.
    """
    modes: list[str] = []
    features: list[int] = []
    values: list[float] = []
    true: list[int] = []
    false: list[int] = []
    missing: list[int] = []

    def new(mode: str, feature: int = 0, value: float = 0.0) -> int:
        modes.append(mode)
        features.append(feature)
        values.append(value)
        true.append(0)
        false.append(0)
        missing.append(int(rng.integers(2)))
        return len(modes) - 1

    def grow(budget: int) -> int:
        if budget <= 0:
            return new("LEAF")
        f = int(rng.integers(d))
        kind = int(rng.integers(4))
        if kind == 0:  # an ordered split
            mode = str(rng.choice(["BRANCH_LEQ", "BRANCH_LT", "BRANCH_GTE", "BRANCH_GT"]))
            at = new(mode, f, float(rng.integers(0, 6)) + 0.5 * int(rng.integers(2)))
        elif kind == 1:
            at = new(str(rng.choice(["BRANCH_EQ", "BRANCH_NEQ"])), f, float(rng.integers(0, 6)))
        else:  # a chain of 2 to 4 BRANCH_EQ on one feature, one shared true branch
            # codes 1 to 32 form one set in onnxruntime, 0 and 40 do not
            cats = rng.choice([0, 1, 2, 3, 4, 5, 40], size=int(rng.integers(2, 5)), replace=False)
            links = [new("BRANCH_EQ", f, float(c)) for c in cats]
            left = budget // 2
            shared = grow(left - 1)
            for a, b in zip(links, [*links[1:], grow(budget - left - 1)], strict=True):
                true[a] = shared
                false[a] = b
            return links[0]
        left = budget // 2
        true[at] = grow(left - 1 + int(rng.integers(2)))
        false[at] = grow(budget - left - 1)
        return at

    grow(n_splits)
    return dict(
        modes=modes, features=features, values=values, true=true, false=false, missing=missing
    )


@pytest.mark.parametrize("seed", range(6))
def test_random_value_splits_and_chains_route_as_onnxruntime(seed: int) -> None:
    rng = np.random.default_rng(seed)
    trees = [_random_tree(rng, int(rng.integers(4, 14)), 3) for _ in range(3)]
    double = seed % 3 == 2  # opset 3: double values, a double input compared in float64
    proto = _old_graph(
        _tree_attrs(trees, double), 3, TensorProto.DOUBLE if double else TensorProto.FLOAT
    )
    model = OnnxModel(proto)
    rows = rng.integers(-1, 7, size=(600, 3)).astype(np.float64)
    rows[rng.random(rows.shape) < 0.15] = np.nan
    rows = rows if double else rows.astype(np.float32)
    theirs = _session(proto).run(None, {"X": rows})[0][:, 0]
    np.testing.assert_allclose(raw_score(model, rows)[:, 0], theirs, rtol=1e-6)
    (ensemble,) = model.tree_ensembles()
    if any("BRANCH_EQ" in t["modes"] for t in trees):
        assert any((t.mode == 4).any() or (t.mode == _MEMBER).any() for t in ensemble.trees)


@pytest.mark.parametrize("double", [False, True])
@pytest.mark.parametrize(
    "values", [[1.0, 2.0, 3.0], [0.0, 1.0, 2.0], [2.0, 0.0, 1.0, 3.0], [1.0, 40.0, 3.0], [1.5, 2.0]]
)
def test_chain_missing_values_route_as_onnxruntime(values: list[float], double: bool) -> None:
    """x0 in values (a chain) -> leaf 0, else leaf 1, under every pattern of missing flags.

    onnxruntime reads a run of links on whole numbers 1 to 32 as one set that
    follows its first link's flag (``[1, 2, 3]`` with flags ``[0, 1, 0]``
    sends NaN to leaf 1, where the links one by one would send it to leaf 0);
    other links count one by one. Comparing in float64 (a double input), its
    runs take whole numbers 1 to 64, so 40 joins them there.
    """
    import itertools

    k = len(values)
    rows = np.asarray(
        [[v] for v in [*values, 4.0, 0.0, -0.0, -1.0, 2.5, 33.0, 65.0, 1e10, np.inf, np.nan]],
        dtype=np.float64 if double else np.float32,
    )
    for flags in itertools.product([0, 1], repeat=k):
        tree = dict(
            modes=["BRANCH_EQ"] * k + ["LEAF", "LEAF"],
            features=[0] * (k + 2),
            values=[*values, 0.0, 0.0],
            true=[k] * k + [0, 0],
            false=[*range(1, k), k + 1, 0, 0],
            missing=[*flags, 0, 0],
        )
        proto = _old_graph(
            _tree_attrs([tree], double), 1, TensorProto.DOUBLE if double else TensorProto.FLOAT
        )
        model = OnnxModel(proto)
        (ensemble,) = model.tree_ensembles()
        (only,) = ensemble.trees
        assert only.n_nodes == 3 and only.mode[0] == _MEMBER  # one set split, two leaves
        ours = raw_score(model, rows)[:, 0]
        np.testing.assert_array_equal(
            ours, _session(proto).run(None, {"X": rows})[0][:, 0], err_msg=str(flags)
        )
        if values == [1.0, 2.0, 3.0]:
            assert ours[-1] == (1.0 if flags[0] else 2.0)


def _refused(tmp_path: Path, tree: dict[str, list[Any]], *words: str) -> None:
    path = tmp_path / "bad.onnx"
    path.write_bytes(_old_graph(_tree_attrs([tree]), 2).SerializeToString())
    with pytest.raises(ModelLoadError) as info:
        load_model(path, contain=False)
    message = str(info.value)
    assert "\n" not in message and "malformed tree ensemble" in message
    for word in words:
        assert word in message, message


def test_shared_nodes_that_are_no_category_set_are_refused(tmp_path: Path) -> None:
    base = dict(
        modes=["BRANCH_EQ", "BRANCH_EQ", "LEAF", "LEAF"],
        features=[0, 0, 0, 0],
        values=[1.0, 2.0, 0.0, 0.0],
        true=[2, 2, 0, 0],
        false=[1, 3, 0, 0],
        missing=[0, 0, 0, 0],
    )
    # the second link tests another feature: "x0 == 1 or x1 == 2" is no set of one feature
    _refused(tmp_path, dict(base, features=[0, 1, 0, 0]), "child of two splits")
    # a BRANCH_NEQ link
    _refused(tmp_path, dict(base, modes=["BRANCH_EQ", "BRANCH_NEQ", "LEAF", "LEAF"]), "two splits")
    # a cycle through the false children
    _refused(tmp_path, dict(base, false=[1, 0, 0, 0], true=[2, 2, 0, 0]), "cycle")
    # BRANCH_MEMBER is a mode of the opset-5 TreeEnsemble only
    _refused(
        tmp_path,
        dict(base, modes=["BRANCH_MEMBER", "BRANCH_EQ", "LEAF", "LEAF"], true=[2, 3, 0, 0]),
        "BRANCH_MEMBER",
        "opset-5",
    )
    # a valid chain loads
    path = tmp_path / "good.onnx"
    path.write_bytes(_old_graph(_tree_attrs([base]), 2).SerializeToString())
    assert isinstance(load_model(path, contain=False).estimator, OnnxModel)


# --------------------------------------------------------------------------- several ensembles


def _voting(kind: str, X: np.ndarray, labels: np.ndarray) -> tuple[Any, Any]:
    from sklearn.ensemble import (
        RandomForestClassifier,
        RandomForestRegressor,
        VotingClassifier,
        VotingRegressor,
    )
    from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

    if kind == "classifier":
        est: Any = VotingClassifier(
            [
                (
                    "forest",
                    RandomForestClassifier(4, bootstrap=False, max_features=2, random_state=0),
                ),
                ("tree", DecisionTreeClassifier(max_depth=6, random_state=0)),
            ],
            voting="soft",
            flatten_transform=False,
        )
    else:  # two TreeEnsembleRegressor nodes whose outputs are averaged
        est = VotingRegressor(
            [
                (
                    "forest",
                    RandomForestRegressor(3, bootstrap=False, max_features=2, random_state=0),
                ),
                ("tree", DecisionTreeRegressor(max_depth=6, random_state=0)),
            ]
        )
    est.fit(X, labels)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        proto = skl2onnx.to_onnx(est, X[:1].astype(np.float32))
    return est, proto


@pytest.mark.parametrize("kind", ["classifier", "regressor"])
def test_each_tree_ensemble_of_a_graph_is_reported_at_its_path(
    kind: str, tmp_path: Path, data: tuple[np.ndarray, np.ndarray, np.ndarray]
) -> None:
    X, y, target = data
    X = X[:, [1, 3]]  # numeric columns: scikit-learn's trees
    labels = y if kind == "classifier" else target
    est, proto = _voting(kind, X, labels)
    op = f"TreeEnsemble{kind.capitalize()}"
    nodes = [i for i, n in enumerate(proto.graph.node) if n.op_type == op]
    assert len(nodes) == 2
    path = tmp_path / "voting.onnx"
    path.write_bytes(proto.SerializeToString())
    model = load_model(path, contain=False).estimator
    # one forest is needed for leaf boxes: refused, naming both ensembles
    with pytest.raises(UnsupportedTreesError, match="2 tree ensembles") as info:
        forest_of(model)
    assert all(f"{op}[{i}]" in str(info.value) for i in nodes)
    with pytest.raises(UnsupportedTreesError, match="2 tree ensembles"):
        leaf_boxes(model, X, labels)
    ours = modelprivacy.inspect(path, X, labels)
    for i, member in zip(nodes, est.estimators_, strict=True):
        where = f"{op}[{i}].trees"
        found = [f for f in ours.findings if f.check_id == "MP-S105" and f.path == where]
        assert found, where
        theirs = modelprivacy.inspect(member, X, labels)
        native = next(f for f in theirs.findings if f.check_id == "MP-S105")
        keys = ("records_alone", "records_in_small_leaves")
        assert {k: found[0].evidence[k] for k in keys} == {k: native.evidence[k] for k in keys}
        assert found[0].evidence["records_alone"] > 0
        assert any(
            f.check_id == "MP-S104" and f.path == f"{where}.threshold" for f in ours.findings
        )
    # the ensembles are not also read as one model
    assert not [f for f in ours.findings if f.check_id == "MP-S105" and f.path == op]
