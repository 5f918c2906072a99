"""Loading model files: good files load unchanged, bad files give clear errors."""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from modelprivacy.errors import ModelLoadError, ModelPrivacyError, UnsafeModelError
from modelprivacy.load import LoadedModel, is_model_like, load_model

RNG = np.random.default_rng(0)
X = RNG.normal(size=(60, 4))
Y = (X[:, 0] + X[:, 1] > 0).astype(int)
FRAME = pd.DataFrame(
    {
        "age": X[:, 0],
        "income": X[:, 1],
        "city": np.array(["Lyon", "Oslo", "Rome"])[np.arange(60) % 3],
    }
)


def _models() -> dict[str, tuple[Any, Any]]:
    ct = ColumnTransformer(
        [
            ("num", StandardScaler(), ["age", "income"]),
            ("city", OneHotEncoder(handle_unknown="ignore"), ["city"]),
        ]
    )
    return {
        "RandomForest": (RandomForestClassifier(10, random_state=0).fit(X, Y), X),
        "Pipeline(OneHotEncoder, LogisticRegression)": (
            make_pipeline(ct, LogisticRegression()).fit(FRAME, Y),
            FRAME,
        ),
        "KNN": (KNeighborsClassifier(3).fit(X, Y), X),
        "HistGradientBoosting": (
            HistGradientBoostingClassifier(max_iter=10, random_state=0).fit(X, Y),
            X,
        ),
    }


MODELS = _models()


def _save_skops(est: Any, path: Path) -> None:
    import skops.io

    skops.io.dump(est, path)


SAVERS: dict[str, tuple[str, str, Callable[[Any, Path], None]]] = {
    # name: (file name, expected format, save)
    "pickle": ("model.pkl", "pickle", lambda e, p: p.write_bytes(pickle.dumps(e))),
    "pickle-p2": ("model.pickle", "pickle", lambda e, p: p.write_bytes(pickle.dumps(e, 2))),
    "joblib": ("model.joblib", "joblib", lambda e, p: joblib.dump(e, p)),
    "joblib-zlib": ("model.joblib", "joblib", lambda e, p: joblib.dump(e, p, compress=3)),
    "joblib-gzip": ("model.jbl", "joblib", lambda e, p: joblib.dump(e, p, compress=("gzip", 3))),
    "joblib-bz2": ("model.joblib", "joblib", lambda e, p: joblib.dump(e, p, compress=("bz2", 3))),
    "joblib-xz": ("model.joblib", "joblib", lambda e, p: joblib.dump(e, p, compress=("xz", 3))),
    "joblib-lzma": ("model.pkl", "joblib", lambda e, p: joblib.dump(e, p, compress=("lzma", 3))),
    "skops": ("model.skops", "skops", _save_skops),
    "joblib, odd extension": ("model.bin", "joblib", lambda e, p: joblib.dump(e, p, compress=3)),
    "skops, no extension": ("model", "skops", _save_skops),
}


@pytest.mark.parametrize("fmt", list(SAVERS))
@pytest.mark.parametrize("name", list(MODELS))
def test_good_model_loads_with_identical_predictions(name, fmt, tmp_path):
    est, data = MODELS[name]
    filename, expected_format, save = SAVERS[fmt]
    path = tmp_path / filename
    save(est, path)
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns

    loaded = load_model(path)

    assert isinstance(loaded, LoadedModel)
    assert type(loaded.estimator) is type(est)
    assert loaded.format == expected_format
    assert loaded.path == str(path)
    assert loaded.sha256 == hashlib.sha256(before).hexdigest()
    assert loaded.untrusted_types == ()
    np.testing.assert_array_equal(loaded.estimator.predict(data), est.predict(data))
    np.testing.assert_array_equal(loaded.estimator.predict_proba(data), est.predict_proba(data))
    # The input file is only read.
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime


def test_loaded_model_is_frozen(tmp_path):
    path = tmp_path / "m.pkl"
    path.write_bytes(pickle.dumps(MODELS["KNN"][0]))
    loaded = load_model(path)
    with pytest.raises(AttributeError):
        loaded.path = "elsewhere"  # type: ignore[misc]


def test_trust_loads_an_ordinary_model_too(tmp_path):
    est, data = MODELS["RandomForest"]
    path = tmp_path / "m.joblib"
    joblib.dump(est, path, compress=3)
    loaded = load_model(path, trust=True)
    assert loaded.untrusted_types == ()
    np.testing.assert_array_equal(loaded.estimator.predict(data), est.predict(data))


def test_accepts_str_and_pathlike(tmp_path):
    path = tmp_path / "m.pkl"
    path.write_bytes(pickle.dumps(MODELS["KNN"][0]))
    assert load_model(str(path)).path == str(path)
    assert load_model(path).sha256 == load_model(str(path)).sha256


# -- bad inputs --------------------------------------------------------------------


def _truncated_pickle(path: Path) -> None:
    path.write_bytes(pickle.dumps(MODELS["RandomForest"][0])[:500])


def _truncated_joblib(path: Path) -> None:
    buffer = io.BytesIO()
    joblib.dump(MODELS["RandomForest"][0], buffer, compress=3)
    path.write_bytes(buffer.getvalue()[:300])


def _truncated_plain_joblib(path: Path) -> None:
    buffer = io.BytesIO()
    joblib.dump(MODELS["RandomForest"][0], buffer)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) // 2])


def _truncated_skops(path: Path) -> None:
    buffer = io.BytesIO()
    import skops.io

    skops.io.dump(MODELS["KNN"][0], buffer)
    path.write_bytes(buffer.getvalue()[:200])


def _zip_without_schema(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")


def _instance_of(module: str, name: str) -> bytes:
    """A protocol 4 pickle of ``module.name.__new__(module.name)``, written by hand."""
    m, n = module.encode(), name.encode()
    return b"\x80\x04\x8c" + bytes([len(m)]) + m + b"\x8c" + bytes([len(n)]) + n + b"\x93)\x81."


def _pickle_of(obj: Any) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(pickle.dumps(obj))


BAD_FILES: dict[str, tuple[str, Callable[[Path], None], tuple[str, ...]]] = {
    # name: (file name, writer, fragments the message must contain)
    "empty": ("model.pkl", lambda p: p.write_bytes(b""), ("empty", "0 bytes", "save the model")),
    "truncated pickle": ("model.pkl", _truncated_pickle, ("truncated or corrupted",)),
    "truncated compressed joblib": (
        "model.joblib",
        _truncated_joblib,
        ("truncated or corrupted",),
    ),
    "truncated plain joblib": (
        "model.joblib",
        _truncated_plain_joblib,
        ("truncated or corrupted",),
    ),
    "truncated protocol 0 pickle": (
        "model.pkl",
        lambda p: p.write_bytes(pickle.dumps({"a": 1}, protocol=0)[:-3]),
        ("truncated or corrupted",),
    ),
    "truncated skops": ("model.skops", _truncated_skops, ("cannot be read", "save the model")),
    "csv": (
        "model.pkl",
        lambda p: p.write_text("age,income\n31,52000\n44,61000\n"),
        ("not a pickle, joblib or skops file", "CSV", "--train"),
    ),
    "csv starting with a pickle opcode": (
        "model.bin",
        lambda p: p.write_text("city,age\nLyon,31\n"),
        ("not a pickle, joblib or skops file", "CSV"),
    ),
    "random bytes": (
        "model.bin",
        lambda p: p.write_bytes(bytes(range(7, 256)) * 3),
        ("not a pickle, joblib or skops file", "supported model files"),
    ),
    "numpy array file": (
        "model.npy",
        lambda p: np.save(p, np.zeros(3)),
        ("numpy .npy array file",),
    ),
    ".skops that is a pickle": (
        "model.skops",
        _pickle_of(MODELS["KNN"][0]),
        ("not a skops file", "skops.io.dump"),
    ),
    "zip that is not skops": ("model.skops", _zip_without_schema, ("not a skops file",)),
    "future pickle protocol": (
        "model.pkl",
        lambda p: p.write_bytes(b"\x80\x06" + pickle.dumps({"a": 1}, 5)[2:]),
        ("protocol 6", "protocol=5"),
    ),
    "dict": ("model.pkl", _pickle_of({"coef": [1.0, 2.0]}), ("a dict object, not a model",)),
    "list": ("model.pkl", _pickle_of([1, 2, 3]), ("a list object, not a model",)),
    "array": (
        "model.joblib",
        lambda p: joblib.dump(np.arange(3), p),
        ("numpy.ndarray object, not a model", "fitted estimator itself"),
    ),
    "class instead of instance": (
        "model.pkl",
        _pickle_of(LogisticRegression),
        ("the class sklearn.linear_model._logistic.LogisticRegression", "fitted instance"),
    ),
    "text": (
        "model.txt",
        lambda p: p.write_text("hello world, this is not a model"),
        ("not a pickle, joblib or skops file", "text file"),
    ),
    "class missing from this sklearn": (
        "model.pkl",
        lambda p: p.write_bytes(_instance_of("sklearn.linear_model._logistic", "NoSuchModel")),
        ("sklearn.linear_model._logistic.NoSuchModel", "does not have", "version"),
    ),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_gives_a_clear_error(name, tmp_path):
    filename, write, fragments = BAD_FILES[name]
    path = tmp_path / filename
    write(path)
    before = path.read_bytes()
    with pytest.raises(ModelLoadError) as error:
        load_model(path)
    assert not isinstance(error.value, UnsafeModelError)
    message = str(error.value)
    assert "\n" not in message
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message, message
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["truncated pickle", "csv", "dict", "random bytes"])
def test_bad_file_with_trust_gives_the_same_kind_of_error(name, tmp_path):
    filename, write, fragments = BAD_FILES[name]
    path = tmp_path / filename
    write(path)
    with pytest.raises(ModelLoadError) as error:
        load_model(path, trust=True)
    assert fragments[0] in str(error.value)


def test_missing_file(tmp_path):
    path = tmp_path / "nope.pkl"
    with pytest.raises(ModelLoadError, match="does not exist; check the path") as error:
        load_model(path)
    assert str(path) in str(error.value)
    assert isinstance(error.value, ModelPrivacyError) and isinstance(error.value, ValueError)


def test_directory(tmp_path):
    with pytest.raises(ModelLoadError, match="is a directory, not a model file"):
        load_model(tmp_path)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path):
    path = tmp_path / "m.pkl"
    path.write_bytes(pickle.dumps(MODELS["KNN"][0]))
    path.chmod(0)
    with pytest.raises(ModelLoadError, match="permission denied"):
        load_model(path)


def test_missing_module_with_trust(tmp_path):
    data = _instance_of("no_such_module_xyz", "Model")
    path = tmp_path / "m.pkl"
    path.write_bytes(data)
    with pytest.raises(UnsafeModelError, match=r"no_such_module_xyz\.Model"):
        load_model(path)
    with pytest.raises(ModelLoadError, match="needs the module 'no_such_module_xyz'"):
        load_model(path, trust=True)


def test_is_model_like():
    assert is_model_like(LogisticRegression())
    assert is_model_like(StandardScaler())
    assert not is_model_like(LogisticRegression)
    assert not is_model_like({"fit": 1})
    assert not is_model_like([1])

    class Predictor:
        def predict(self, X):
            return X

    assert is_model_like(Predictor())
