"""Hostile model files are refused before anything in them runs.

Each payload would create a marker file (or delete a directory) if it ran. The
tests assert three things: ``UnsafeModelError`` is raised, its message and its
``untrusted`` attribute name the refused global, and the side effect did not
happen. ``test_the_payloads_are_live`` shows that the same bytes do run under
plain ``pickle.loads``, so a passing test means the loader stopped them.
"""

from __future__ import annotations

import copyreg
import functools
import io
import os
import pickle
import shlex
import shutil
import subprocess
import zlib
from fractions import Fraction
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from hostile import Reduce
from modelprivacy.errors import ModelLoadError, UnsafeModelError
from modelprivacy.load import find_untrusted_globals, load_model, restricted_loads

SYSTEM = f"{os.system.__module__}.system"  # posix.system (nt.system on Windows)


@pytest.fixture
def marker(tmp_path: Path) -> Path:
    return tmp_path / "PWNED"


def _touch(marker: Path) -> str:
    return f"touch {shlex.quote(str(marker))}"


def _python_touch(marker: Path) -> str:
    return f"open({str(marker)!r}, 'w').close()"


def _fitted() -> LogisticRegression:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 3))
    return LogisticRegression().fit(X, (X[:, 0] > 0).astype(int))


def _assert_refused(data: bytes, expected: str, marker: Path, tmp_path: Path) -> None:
    """Refused by the bytes API and by load_model, naming ``expected``, with no side effect."""
    with pytest.raises(UnsafeModelError) as bytes_error:
        restricted_loads(data)
    # Substrings: protocols 0-2 write Python 2 names (``pickle`` for ``_pickle``).
    assert expected in str(bytes_error.value)
    assert any(expected in name for name in bytes_error.value.untrusted)
    path = tmp_path / "model.pkl"
    path.write_bytes(data)
    with pytest.raises(UnsafeModelError) as file_error:
        load_model(path)
    message = str(file_error.value)
    assert expected in message
    assert any(expected in name for name in file_error.value.untrusted)
    assert str(path) in message and "--trust" in message and "trusted source" in message
    assert "\n" not in message
    assert not marker.exists(), "the payload ran"


# -- payloads built with __reduce__, at every protocol --------------------------


def _payloads(marker: Path, tmp_path: Path) -> dict[str, tuple[Any, str]]:
    """name -> (object to pickle, the global the loader must refuse)."""
    from numpy.testing._private.utils import runstring
    from sklearn.datasets import fetch_openml
    from sklearn.utils._testing import assert_run_python_script_without_output

    victim = tmp_path / "victim"
    command = _touch(marker)
    python = _python_touch(marker)
    inner = pickle.dumps(Reduce(os.system, command), protocol=2)
    return {
        "os.system": (Reduce(os.system, command), SYSTEM),
        "subprocess.Popen": (Reduce(subprocess.Popen, ["touch", str(marker)]), "subprocess.Popen"),
        "subprocess.check_call": (
            Reduce(subprocess.check_call, ["touch", str(marker)]),
            "subprocess.check_call",
        ),
        "eval": (Reduce(eval, python), "builtins.eval"),
        "exec": (Reduce(exec, python), "builtins.exec"),
        "compile": (Reduce(compile, python, "x", "exec"), "builtins.compile"),
        "getattr(__import__('os'), 'system')": (
            Reduce(Reduce(getattr, Reduce(__import__, "os"), "system"), command),
            "builtins.__import__",
        ),
        "getattr(object, '__subclasses__')": (
            Reduce(Reduce(getattr, object, "__subclasses__")),
            "builtins.getattr",
        ),
        "getattr(estimator, '__class__')": (
            Reduce(getattr, LogisticRegression(), "__class__"),
            "builtins.getattr",
        ),
        "getattr(estimator, 'set_params')": (
            Reduce(getattr, LogisticRegression(), "set_params"),
            "builtins.getattr",
        ),
        "globals": (Reduce(globals), "builtins.globals"),
        "builtins.open": (Reduce(open, str(marker), "w"), "io.open"),
        "pickle.loads wrapping a payload": (Reduce(pickle.loads, inner), "pickle.loads"),
        "functools.partial(os.system)": (
            Reduce(functools.partial(os.system, command)),
            SYSTEM,
        ),
        "shutil.rmtree": (Reduce(shutil.rmtree, str(victim)), "shutil.rmtree"),
        "numpy.load(allow_pickle=True)": (
            Reduce(np.load, str(tmp_path / "x.npy"), None, True),
            "numpy.load",
        ),
        "numpy.save": (Reduce(np.save, str(marker), np.zeros(1)), "numpy.save"),
        "numpy.testing runstring (exec)": (
            Reduce(runstring, python, {}),
            "numpy.testing._private.utils.runstring",
        ),
        "joblib.load": (Reduce(joblib.load, str(tmp_path / "x.pkl")), "joblib.numpy_pickle.load"),
        "sklearn test helper that runs a script": (
            Reduce(assert_run_python_script_without_output, python),
            "sklearn.utils._testing.assert_run_python_script_without_output",
        ),
        "sklearn dataset fetcher": (
            Reduce(fetch_openml, "adult"),
            "sklearn.datasets._openml.fetch_openml",
        ),
        "legacy joblib NDArrayWrapper": (
            Reduce(joblib.numpy_pickle_compat.NDArrayWrapper, "../../elsewhere.npy", np.ndarray),
            "joblib.numpy_pickle_compat.NDArrayWrapper",
        ),
    }


PAYLOAD_NAMES = list(_payloads(Path("/nonexistent"), Path("/nonexistent")))


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
@pytest.mark.parametrize("name", PAYLOAD_NAMES)
def test_reduce_payload_is_refused(name, protocol, marker, tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    payload, expected = _payloads(marker, tmp_path)[name]
    _assert_refused(pickle.dumps(payload, protocol=protocol), expected, marker, tmp_path)
    assert victim.is_dir()


# -- payloads written opcode by opcode -----------------------------------------


def _raw_payloads(marker: Path) -> dict[str, tuple[bytes, str]]:
    cmd = _touch(marker).encode()
    q = repr(_touch(marker)).encode()  # a quoted string for the S opcode
    return {
        "GLOBAL+REDUCE (protocol 0)": (b"cos\nsystem\n(" + b"S" + q + b"\ntR.", "os.system"),
        "posix.system": (b"cposix\nsystem\n(S" + q + b"\ntR.", "posix.system"),
        "nt.system": (b"cnt\nsystem\n(S" + q + b"\ntR.", "nt.system"),
        "INST (protocol 0)": (b"(S" + q + b"\nios\nsystem\n.", "os.system"),
        "OBJ (protocol 1)": (b"(cos\nsystem\nS" + q + b"\no.", "os.system"),
        "STACK_GLOBAL (protocol 4)": (
            b"\x80\x04\x95\x00\x00\x00\x00\x00\x00\x00\x00"
            + b"\x8c\x02os\x8c\x06system\x93"
            + b"\x8c"
            + bytes([len(cmd)])
            + cmd
            + b"\x85R.",
            "os.system",
        ),
        "builtins.eval (protocol 2)": (
            b"\x80\x02cbuiltins\neval\nX"
            + len(_python_touch(marker)).to_bytes(4, "little")
            + _python_touch(marker).encode()
            + b"\x85R.",
            "builtins.eval",
        ),
        "__builtin__.eval (Python 2 name)": (
            b"c__builtin__\neval\n(S" + repr(_python_touch(marker)).encode() + b"\ntR.",
            "builtins.eval",
        ),
        "sklearn module attribute chain": (
            b"csklearn.datasets._base\nos.system\n(S" + q + b"\ntR.",
            "sklearn.datasets._base.os.system",
        ),
        "dunder on an allowed class": (
            b"csklearn.base\nBaseEstimator.__init_subclass__\n(tR.",
            "sklearn.base.BaseEstimator.__init_subclass__",
        ),
        "numpy _ufunc_reconstruct to os.system": (
            b"cnumpy.core\n_ufunc_reconstruct\n(S'os'\nS'system'\ntR(S" + q + b"\ntR.",
            "os.system",
        ),
        "_codecs.encode with another codec": (
            b"c_codecs\nencode\n(S'abc'\nS'rot13'\ntR.",
            "_codecs.encode",
        ),
    }


RAW_NAMES = list(_raw_payloads(Path("/nonexistent")))


@pytest.mark.parametrize("name", RAW_NAMES)
def test_raw_opcode_payload_is_refused(name, marker, tmp_path):
    data, expected = _raw_payloads(marker)[name]
    _assert_refused(data, expected, marker, tmp_path)


def test_the_payloads_are_live(marker):
    # The raw os.system payload does run under plain pickle: the refusals above
    # are the loader's doing, not a broken payload.
    data, _ = _raw_payloads(marker)["GLOBAL+REDUCE (protocol 0)"]
    pickle.loads(data)  # running it is the point of this test
    assert marker.exists()


def test_extension_registry_payload_is_refused(marker, tmp_path):
    # EXT1/EXT2/EXT4 opcodes name a global through copyreg's extension registry.
    code = 0x7FF0
    copyreg.add_extension(os.system.__module__, "system", code)
    try:
        data = pickle.dumps(Reduce(os.system, _touch(marker)), protocol=2)
        assert pickle.EXT2 in data
        _assert_refused(data, SYSTEM, marker, tmp_path)
    finally:
        copyreg.remove_extension(os.system.__module__, "system", code)


def test_persistent_id_is_not_resolved(tmp_path):
    data = b"\x80\x02P" + b"anything\n."
    path = tmp_path / "model.pkl"
    path.write_bytes(data)
    with pytest.raises(ModelLoadError):
        load_model(path)


# -- payloads hidden inside real models and joblib files ------------------------


def _with_payload_attribute(marker: Path) -> LogisticRegression:
    est = _fitted()
    est.note_ = {"x": [Reduce(os.system, _touch(marker))]}
    return est


def _with_payload_object_array(marker: Path) -> LogisticRegression:
    # An object array: joblib writes it as a nested pickle after the wrapper,
    # which the restricted loader must read with the same allowlist.
    est = _fitted()
    est.classes_ = np.array([Reduce(os.system, _touch(marker)), "b"], dtype=object)
    return est


COMPRESSIONS = [0, 3, ("gzip", 3), ("bz2", 3), ("xz", 3), ("lzma", 3)]


@pytest.mark.parametrize("compress", COMPRESSIONS, ids=str)
@pytest.mark.parametrize("build", [_with_payload_attribute, _with_payload_object_array])
def test_payload_inside_a_joblib_model_is_refused(build, compress, marker, tmp_path):
    buffer = io.BytesIO()
    joblib.dump(build(marker), buffer, compress=compress)
    _assert_refused(buffer.getvalue(), SYSTEM, marker, tmp_path)


@pytest.mark.parametrize("protocol", [0, 2, 5])
def test_payload_inside_a_pickled_model_is_refused(protocol, marker, tmp_path):
    data = pickle.dumps(_with_payload_attribute(marker), protocol=protocol)
    _assert_refused(data, SYSTEM, marker, tmp_path)


def test_scipy_distributions_are_refused(tmp_path, marker):
    # rv_generic.__setstate__ runs exec() on a pickled string: an RCE gadget.
    import scipy.stats

    data = pickle.dumps(scipy.stats.loguniform(1e-3, 1.0))
    with pytest.raises(UnsafeModelError) as error:
        restricted_loads(data)
    assert any(name.startswith("scipy.stats.") for name in error.value.untrusted)


def test_every_refused_global_is_listed(marker, tmp_path):
    est = _fitted()
    est.note_ = [
        Reduce(os.system, _touch(marker)),
        Reduce(subprocess.Popen, ["touch", str(marker)]),
    ]
    data = pickle.dumps(est)
    assert find_untrusted_globals(io.BytesIO(data)) == (SYSTEM, "subprocess.Popen")
    path = tmp_path / "model.pkl"
    path.write_bytes(data)
    with pytest.raises(UnsafeModelError) as error:
        load_model(path)
    assert error.value.untrusted == (SYSTEM, "subprocess.Popen")
    assert SYSTEM in str(error.value) and "subprocess.Popen" in str(error.value)
    assert not marker.exists()


def test_legacy_joblib_format_is_refused(tmp_path):
    # joblib < 0.10 ("ZF" files) loads arrays from companion files with
    # numpy.load(allow_pickle=True), outside any allowlist.
    body = zlib.compress(pickle.dumps({"a": 1}, protocol=2))
    data = b"ZF0x" + format(len(body), "x").encode().ljust(17) + body
    path = tmp_path / "old.pkl"
    path.write_bytes(data)
    with pytest.raises(ModelLoadError, match=r"older than 0\.10"):
        load_model(path)


# -- skops files -----------------------------------------------------------------


def test_skops_file_with_an_untrusted_function_is_refused(tmp_path, marker):
    import skops.io
    from sklearn.preprocessing import FunctionTransformer

    path = tmp_path / "model.skops"
    skops.io.dump(FunctionTransformer(func=eval).fit(np.zeros((2, 1))), path)
    with pytest.raises(UnsafeModelError) as error:
        load_model(path)
    assert "builtins.eval" in error.value.untrusted
    assert "builtins.eval" in str(error.value) and "--trust" in str(error.value)


def test_skops_file_with_an_untrusted_type_is_refused_then_trusted(tmp_path):
    import skops.io

    est = _fitted()
    est.note_ = Fraction(1, 3)
    path = tmp_path / "model.skops"
    skops.io.dump(est, path)
    with pytest.raises(UnsafeModelError) as error:
        load_model(path)
    assert error.value.untrusted == ("fractions.Fraction",)
    loaded = load_model(path, trust=True)
    assert loaded.estimator.note_ == Fraction(1, 3)
    assert loaded.untrusted_types == ("fractions.Fraction",)


# -- trust=True ------------------------------------------------------------------


@pytest.mark.parametrize("compress", [None, 0, 3])
def test_trust_loads_a_benign_non_allowlisted_class(compress, tmp_path):
    est = _fitted()
    est.note_ = Fraction(1, 3)
    path = tmp_path / "model.bin"
    if compress is None:
        path.write_bytes(pickle.dumps(est))
    else:
        joblib.dump(est, path, compress=compress)
    with pytest.raises(UnsafeModelError) as error:
        load_model(path)
    assert error.value.untrusted == ("fractions.Fraction",)
    loaded = load_model(path, trust=True)
    assert loaded.estimator.note_ == Fraction(1, 3)
    assert loaded.untrusted_types == ("fractions.Fraction",)
    X = np.eye(3)
    np.testing.assert_array_equal(loaded.estimator.predict(X), est.predict(X))


def test_getattr_hands_out_no_method():
    # Pickle stores bound methods as getattr(obj, name). A bound method is a
    # callable that the file could make the loader (or the audit) call: the
    # guarded getattr returns an inert marker, which is refused anywhere but
    # in the one place a model keeps such a method.
    est = _fitted()
    data = pickle.dumps(Reduce(getattr, est, "predict"))
    with pytest.raises(UnsafeModelError, match="stores the method 'predict'"):
        restricted_loads(data)


def test_histgradientboosting_keeps_its_class_method_after_loading():
    # HistGradientBoosting with early stopping on a scorer stores
    # ``self._raw_predict`` bound to itself; the loader drops that instance
    # attribute, so the class's own method answers, with the same predictions.
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = (X[:, 0] > 0).astype(int)
    est = HistGradientBoostingClassifier(
        max_iter=5, early_stopping=True, scoring="accuracy", random_state=0
    ).fit(X, y)
    assert "_raw_predict" in vars(est)
    loaded = restricted_loads(pickle.dumps(est))
    assert "_raw_predict" not in vars(loaded)
    np.testing.assert_array_equal(loaded.predict_proba(X), est.predict_proba(X))
