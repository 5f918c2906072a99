"""ONNX files: detected from their bytes, loaded as data, bad files refused in one line."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

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


def test_external_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from onnx import TensorProto, helper

    weight = helper.make_tensor("W", TensorProto.FLOAT, [3, 1], [0.0, 0.0, 0.0])
    weight.data_location = TensorProto.EXTERNAL
    del weight.float_data[:]
    entry = weight.external_data.add()
    entry.key, entry.value = "location", "../../etc/passwd"
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["X", "W"], ["Y"])],
        "g",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, 3])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [None, 1])],
        [weight],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    _refused(tmp_path, model.SerializeToString(), capsys, "external data")


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
