"""ONNX files: detected from their bytes, loaded as data, bad files refused in one line."""

from __future__ import annotations

import math
import pickle
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
onnx = pytest.importorskip("onnx")
skl2onnx = pytest.importorskip("skl2onnx")

from modelprivacy.cli import main  # noqa: E402
from modelprivacy.errors import ModelLoadError  # noqa: E402
from modelprivacy.load import load_model  # noqa: E402
from modelprivacy.load.formats import detect_format  # noqa: E402
from modelprivacy.load.formats.onnx import detect  # noqa: E402
from modelprivacy.models.onnx import OnnxModel  # noqa: E402


@pytest.fixture(scope="module")
def fitted() -> tuple[object, np.ndarray, object]:
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 3)).astype(np.float32)
    y = (X[:, 0] > 0).astype(int)
    lr = LogisticRegression().fit(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        proto = skl2onnx.to_onnx(lr, X[:1])
    return lr, X, proto


def _write(tmp_path: Path, data: bytes, name: str = "m.onnx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_round_trip(tmp_path: Path, fitted: tuple[object, np.ndarray, object]) -> None:
    lr, X, proto = fitted
    path = _write(tmp_path, proto.SerializeToString(), "model.bin")  # extension does not matter
    loaded = load_model(path, contain=False)
    assert loaded.format == "onnx" and isinstance(loaded.estimator, OnnxModel)
    np.testing.assert_allclose(loaded.estimator.predict_proba(X), lr.predict_proba(X), atol=1e-5)
    assert (loaded.estimator.predict(X) == lr.predict(X)).all()
    clone = pickle.loads(pickle.dumps(loaded.estimator))
    np.testing.assert_allclose(clone.predict_proba(X), lr.predict_proba(X), atol=1e-5)


def test_detection_is_strict(fitted: tuple[object, np.ndarray, object]) -> None:
    _, _, proto = fitted
    data = proto.SerializeToString()
    assert detect(data) and detect_format(data) is not None
    assert detect_format(data).name == "onnx"  # type: ignore[union-attr]
    for other in (
        pickle.dumps({"a": 1}),
        b'{"learner": {}}',
        b"PK\x03\x04rest",
        b"tree\nversion=v4",
    ):
        assert not detect(other)


def _refused(tmp_path: Path, data: bytes, capsys: pytest.CaptureFixture[str], *words: str) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(ModelLoadError) as info:
        load_model(path, contain=False)
    message = str(info.value)
    assert "\n" not in message
    for word in words:
        assert word in message
    assert main(["inspect", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and words[0] in err


def test_truncated(tmp_path: Path, capsys: pytest.CaptureFixture[str], fitted: tuple) -> None:
    data = fitted[2].SerializeToString()
    _refused(tmp_path, data[: len(data) // 2], capsys, "truncated")


def _external(name: str, shape: list[int], location: str) -> Any:
    """A float tensor whose data lies in a file named by ``location``."""
    from onnx import TensorProto, helper

    tensor = helper.make_tensor(name, TensorProto.FLOAT, shape, [0.0] * math.prod(shape))
    tensor.data_location = TensorProto.EXTERNAL
    del tensor.float_data[:]
    entry = tensor.external_data.add()
    entry.key, entry.value = "location", location
    return tensor


def _matmul_model(weight: Any) -> Any:
    """``Y = X @ W``, for three input columns."""
    from onnx import TensorProto, helper

    graph = helper.make_graph(
        [helper.make_node("MatMul", ["X", "W"], ["Y"])],
        "g",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, 3])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [None, 1])],
        [weight],
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def test_external_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = _matmul_model(_external("W", [3, 1], "../../etc/passwd"))
    _refused(tmp_path, model.SerializeToString(), capsys, "external data")


def test_external_data_in_a_training_graph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The graphs of ``training_info`` are checked like the inference graph."""
    from onnx import TensorProto, helper

    model = _matmul_model(helper.make_tensor("W", TensorProto.FLOAT, [3, 1], [0.0, 0.0, 0.0]))
    hidden = _external("H", [1], "../../../../etc/passwd")
    info = model.training_info.add()
    info.initialization.CopyFrom(helper.make_graph([], "init", [], [], [hidden]))
    _refused(tmp_path, model.SerializeToString(), capsys, "external data", "training")


def test_unknown_domain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from onnx import TensorProto, helper

    graph = helper.make_graph(
        [helper.make_node("Pwn", ["X"], ["Y"], domain="evil.custom")],
        "g",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, 3])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [None, 3])],
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("evil.custom", 1)],
    )
    _refused(tmp_path, model.SerializeToString(), capsys, "evil.custom")


def test_inspect_file_from_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fitted: tuple
) -> None:
    path = _write(tmp_path, fitted[2].SerializeToString())
    assert main(["inspect", str(path)]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err


@pytest.fixture(scope="module")
def tree_proto() -> object:
    from sklearn.tree import DecisionTreeRegressor

    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3)).astype(np.float32)
    tree = DecisionTreeRegressor(max_depth=3, random_state=0).fit(X, X[:, 0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return skl2onnx.to_onnx(tree, X[:1])


def _with(proto: object, **changes: list) -> bytes:
    """The tree export with some node attributes replaced (lists of ints or floats)."""
    from onnx import helper

    copy = onnx.ModelProto()
    copy.CopyFrom(proto)
    node = copy.graph.node[0]
    for name, value in changes.items():
        (old,) = [a for a in node.attribute if a.name == name]
        node.attribute.remove(old)
        node.attribute.append(helper.make_attribute(name, value))
    return copy.SerializeToString()


def _ints(proto: object, name: str) -> list[int]:
    (attr,) = [a for a in proto.graph.node[0].attribute if a.name == name]  # type: ignore[attr-defined]
    return list(attr.ints)


def test_valid_tree_loads(tmp_path: Path, tree_proto: object) -> None:
    loaded = load_model(_write(tmp_path, tree_proto.SerializeToString()), contain=False)  # type: ignore[attr-defined]
    (ensemble,) = loaded.estimator.tree_ensembles()
    assert ensemble.n_trees == 1 and ensemble.trees[0].depth == 3


def test_tree_with_a_cycle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tree_proto: object
) -> None:
    false = _ints(tree_proto, "nodes_falsenodeids")
    false[1] = 0  # a split sends rows back to the root
    _refused(tmp_path, _with(tree_proto, nodes_falsenodeids=false), capsys, "malformed tree")
    true = _ints(tree_proto, "nodes_truenodeids")
    true[1] = false[0] = _ints(tree_proto, "nodes_falsenodeids")[0]  # one child, two parents
    data = _with(tree_proto, nodes_truenodeids=true)
    _refused(tmp_path, data, capsys, "malformed tree", "child of two splits")


def test_tree_with_ids_out_of_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tree_proto: object
) -> None:
    true = _ints(tree_proto, "nodes_truenodeids")
    true[0] = 10**12
    _refused(
        tmp_path, _with(tree_proto, nodes_truenodeids=true), capsys, "malformed tree", "child id"
    )
    leaves = _ints(tree_proto, "target_nodeids")
    leaves[0] = 999
    _refused(
        tmp_path, _with(tree_proto, target_nodeids=leaves), capsys, "malformed tree", "leaf weight"
    )
    leaves[0] = 0  # the root is a split
    _refused(tmp_path, _with(tree_proto, target_nodeids=leaves), capsys, "not a leaf")
    short = _ints(tree_proto, "nodes_featureids")[:-1]
    _refused(tmp_path, _with(tree_proto, nodes_featureids=short), capsys, "malformed tree")


def test_very_deep_tree_is_refused_quickly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import time

    from onnx import TensorProto, helper

    from modelprivacy.models.onnx import MAX_TREE_DEPTH

    depth = MAX_TREE_DEPTH + 5  # a chain: each split's true child a leaf, its false child a split
    n = 2 * depth + 1
    ids = np.arange(n)
    split = ids < 2 * depth
    split &= ids % 2 == 0
    modes = ["BRANCH_LEQ" if s else "LEAF" for s in split]
    node = helper.make_node(
        "TreeEnsembleRegressor",
        ["X"],
        ["Y"],
        domain="ai.onnx.ml",
        n_targets=1,
        nodes_treeids=[0] * n,
        nodes_nodeids=ids.tolist(),
        nodes_featureids=[0] * n,
        nodes_modes=modes,
        nodes_values=[0.0] * n,
        nodes_truenodeids=np.where(split, ids + 1, 0).tolist(),
        nodes_falsenodeids=np.where(split, ids + 2, 0).tolist(),
        target_treeids=[0],
        target_nodeids=[1],
        target_ids=[0],
        target_weights=[1.0],
    )
    graph = helper.make_graph(
        [node],
        "g",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, 1])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [None, 1])],
    )
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("ai.onnx.ml", 1)]
    )
    start = time.perf_counter()
    _refused(tmp_path, model.SerializeToString(), capsys, "malformed tree", "deeper than")
    assert time.perf_counter() - start < 20


def test_malformed_trees_built_in_memory_are_not_read(tree_proto: object) -> None:
    from modelprivacy.models.trees import UnsupportedTreesError, forest_of

    false = _ints(tree_proto, "nodes_falsenodeids")
    false[1] = 0
    proto = onnx.load_model_from_string(_with(tree_proto, nodes_falsenodeids=false))
    with pytest.raises(UnsupportedTreesError, match=r"cycle|two splits"):
        forest_of(OnnxModel(proto))
