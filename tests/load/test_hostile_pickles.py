"""Hostile pickles that name only allowlisted globals.

A red team built files that abuse what the allowlist lets through: calling an
allowlisted *instance* (a scorer, a bound method, a partial) during
unpickling, planting attributes, rebuilding classes, memory and hash bombs,
and compiled state that crashes numpy or scikit-learn. Each test builds such a
file from real objects (or opcode by opcode), asserts that the loader refuses
it with a one-line error, and that its side effect did not happen.
"""

from __future__ import annotations

import functools
import io
import pickle
import struct
import time
import zlib
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pytest
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, make_scorer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

from hostile import Reduce, WithState
from modelprivacy.errors import ModelLoadError, ModelPrivacyError, UnsafeModelError
from modelprivacy.load import find_untrusted_globals, load_model, restricted_loads


def _data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3))
    return X, (X[:, 0] > 0).astype(int)


def _refused(data: bytes, match: str, kind: type[Exception] = UnsafeModelError) -> Exception:
    with pytest.raises(kind, match=match) as info:
        restricted_loads(data)
    message = str(info.value)
    assert "\n" not in message
    return info.value


# -- calls during unpickling ---------------------------------------------------


def test_an_allowlisted_scorer_instance_is_never_called(tmp_path):
    # The red team's os.system: a _Scorer with response_method="fit" called by
    # REDUCE fits a Pipeline(memory=DIR), and joblib's cache writes in DIR.
    cache = tmp_path / "cache"
    X, y = _data()
    scorer = make_scorer(accuracy_score)
    scorer._response_method = "fit"
    pipe = Pipeline([("scale", StandardScaler()), ("lr", LogisticRegression())], memory=str(cache))
    data = pickle.dumps(Reduce(scorer, pipe, X, y))
    _refused(data, "calls a sklearn.metrics._scorer._Scorer object that it built itself")
    assert not cache.exists()


def test_a_bound_method_is_never_handed_out_or_called(tmp_path):
    # getattr(HashingVectorizer(input="filename"), "transform")([path]) reads path.
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    vectorizer = HashingVectorizer(input="filename")
    data = pickle.dumps(Reduce(vectorizer.transform, [str(secret)]))
    _refused(data, "calls a modelprivacy.load._unpickler.MethodRef object")


def test_getattr_gives_no_other_attribute():
    est = LogisticRegression()
    _refused(pickle.dumps(Reduce(getattr, est, "fit")), "not a prediction method")
    _refused(pickle.dumps(Reduce(getattr, est, "__class__")), "not a prediction method")


def test_a_partial_is_never_called_and_wraps_only_plain_arguments():
    from sklearn.utils.validation import check_array

    call = functools.partial(check_array, ensure_all_finite=False)
    _refused(pickle.dumps(Reduce(call, np.eye(2))), "calls a functools.partial object")
    gadget = functools.partial(check_array, make_scorer(accuracy_score))
    _refused(pickle.dumps(gadget), "passes a _Scorer to a function wrapped in functools.partial")


def test_numpy_functions_are_values_not_calls():
    _refused(pickle.dumps(Reduce(np.sum, np.arange(3))), "numpy.sum while loading")
    # ... but kept as a parameter they load (FunctionTransformer(func=np.log1p)).
    from sklearn.preprocessing import FunctionTransformer

    ft = FunctionTransformer(func=np.log1p).fit(np.ones((3, 2)))
    assert restricted_loads(pickle.dumps(ft)).func is np.log1p


def test_an_estimator_class_is_not_called_at_load():
    _refused(pickle.dumps(Reduce(LogisticRegression, 1.0)), "LogisticRegression while loading")


def test_a_zero_stride_array_cannot_be_built():
    # numpy.ndarray((10**14,), buffer=b"x" * 8, strides=(0,)) and then a sum.
    gadget = Reduce(np.ndarray, (10**14,), np.float64, b"x" * 8, 0, (0,))
    _refused(pickle.dumps(gadget), "numpy.ndarray while loading")


def test_bytearray_of_a_size_is_refused_without_allocating():
    start = time.perf_counter()
    _refused(pickle.dumps(Reduce(bytearray, 2**30)), "calls bytes or bytearray with a int")
    assert time.perf_counter() - start < 1


def test_copyreg_reconstructor_only_rebuilds_named_classes():
    import copyreg

    _refused(
        pickle.dumps(Reduce(copyreg._reconstructor, LogisticRegression, list, [1])),
        "on the base builtins.list",
    )


# -- BUILD ---------------------------------------------------------------------


def test_a_planted_sklearn_is_fitted_is_refused(tmp_path):
    est = LogisticRegression().fit(*_data())
    est.__dict__["__sklearn_is_fitted__"] = make_scorer(accuracy_score)
    _refused(pickle.dumps(est), "plants the special attribute '__sklearn_is_fitted__'")


def _opcodes(*parts: bytes) -> bytes:
    return b"\x80\x04" + b"".join(parts) + b"."


def _unicode(text: str) -> bytes:
    raw = text.encode()
    return b"\x8c" + bytes([len(raw)]) + raw


def _global(module: str, name: str) -> bytes:
    return _unicode(module) + _unicode(name) + b"\x93"


def test_build_never_changes_a_class():
    # BUILD on the class LogisticRegression with {"predict": ...}: every
    # LogisticRegression in the process would predict with the file's object.
    before = LogisticRegression.predict
    data = _opcodes(
        _global("sklearn.linear_model", "LogisticRegression"),
        b"}",  # EMPTY_DICT
        _unicode("predict"),
        b"N",  # None
        b"s",  # SETITEM
        b"b",  # BUILD
    )
    _refused(data, "changes the state of")
    assert LogisticRegression.predict is before


def test_build_never_sets_a_state_twice():
    data = _opcodes(
        _global("sklearn.linear_model", "LogisticRegression"),
        b")\x81",  # EMPTY_TUPLE, NEWOBJ
        b"\x94",  # MEMOIZE
        b"}b",  # EMPTY_DICT, BUILD
        b"0h\x00}b",  # POP, BINGET 0, EMPTY_DICT, BUILD
    )
    _refused(data, "sets the state of the same LogisticRegression twice")


def test_build_uses_the_types_setstate_only():
    # A second BUILD would call an instance's own __setstate__; and a state
    # dict can carry "__setstate__" into the instance dict: both refused.
    data = pickle.dumps(WithState(Reduce, (), {"__setstate__": 1}))
    with pytest.raises(UnsafeModelError):
        restricted_loads(data)


# -- bombs and hangs -------------------------------------------------------------


def test_a_huge_memo_index_is_refused():
    # LONG_BINPUT 2**27: the C unpickler would allocate a 1 GiB memo.
    data = _opcodes(b"N", b"r" + struct.pack("<I", 2**27), b"0N")
    _refused(data, "memo index 134217728", ModelLoadError)


def test_a_tuple_dag_used_as_a_key_is_refused_quickly():
    # 931 bytes whose hash would take 2**200 steps.
    key: Any = ()
    for _ in range(200):
        key = (key, key)
    body = pickle.dumps(key, protocol=2)[2:-1]  # the DAG, memoised, without PROTO and STOP
    as_dict_key = b"\x80\x02}" + body + b"K\x01s."  # {key: 1}
    as_set_item = b"\x80\x02\x8f(" + body + b"\x90."  # {key}
    assert len(as_dict_key) < 2000
    start = time.perf_counter()
    _refused(as_dict_key, "nested tuples with more than")
    _refused(as_set_item, "nested tuples with more than")
    assert time.perf_counter() - start < 2


def test_object_arrays_nested_too_deep_are_refused():
    inner = np.empty(1, dtype=object)
    inner[0] = 1
    for _ in range(150):
        outer = np.empty(1, dtype=object)
        outer[0] = inner
        inner = outer
    _refused(pickle.dumps(inner), "nests object arrays more than 100 deep")


def test_deep_mark_nesting_is_refused():
    data = b"\x80\x04" + b"(" * 2000 + b"t" * 2000 + b"."
    _refused(data, "nests containers more than 1000 levels", ModelLoadError)


def test_a_compression_bomb_is_refused_with_bounded_memory(tmp_path):
    import tracemalloc

    bomb = zlib.compress(pickle.dumps(b"\0" * (300 * 2**20), protocol=4), 9)
    path = tmp_path / "bomb.joblib"
    path.write_bytes(bomb)
    tracemalloc.start()
    with pytest.raises(ModelLoadError, match="decompresses to more than 256 MiB"):
        load_model(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 600 * 2**20


def test_a_joblib_array_larger_than_its_file_is_refused_before_allocating(tmp_path):
    buffer = io.BytesIO()
    joblib.dump(np.arange(10.0), buffer)
    data = buffer.getvalue()
    # Patch the shape (10,) to (10**12,) in the wrapper's header.
    patched = data.replace(b"K\n\x85", b"\x8a\x06\x00\x10\xa5\xd4\xe8\x00\x85", 1)
    assert patched != data
    with pytest.raises(ModelLoadError, match="truncated or corrupted"):
        restricted_loads(patched)


# -- compiled state checked as it is set -------------------------------------------


def test_a_dtype_with_fields_beyond_its_size_is_refused():
    state = (3, "|", None, ("a",), {"a": (np.dtype("<f8"), 100)}, 8, 1, 16)
    _refused(
        pickle.dumps(WithState(np.dtype, ("V8", False, True), state)), "numpy dtype", ModelLoadError
    )


def test_a_dtype_that_lies_about_holding_objects_is_refused():
    good = np.dtype([("a", "<f8")])
    state = list(good.__reduce__()[2])
    state[-1] |= 1  # NPY_ITEM_REFCOUNT: numpy would decref raw bytes as objects
    _refused(
        pickle.dumps(WithState(np.dtype, ("V8", False, True), tuple(state))),
        "numpy dtype",
        ModelLoadError,
    )


def test_an_mt19937_position_outside_its_key_is_refused():
    from numpy.random import _pickle

    bitgen = np.random.MT19937(0)
    state, seed_seq = bitgen.__reduce__()[2]
    state["state"]["pos"] = 10**6
    gadget = WithState(
        vars(_pickle)["__bit_generator_ctor"], (np.random.MT19937,), (state, seed_seq)
    )
    _refused(pickle.dumps(gadget), "MT19937 random generator", ModelLoadError)
    legacy = np.random.RandomState(0)
    rs_state = legacy.__reduce__()[2]
    rs_state["state"]["pos"] = -5
    gadget = WithState(vars(_pickle)["__randomstate_ctor"], ("MT19937",), rs_state)
    _refused(pickle.dumps(gadget), "RandomState whose state is impossible", ModelLoadError)


def test_a_tree_whose_node_count_exceeds_its_nodes_is_refused():
    tree = DecisionTreeClassifier(random_state=0).fit(*_data()).tree_
    cls, args, state = tree.__reduce__()
    state = dict(state, node_count=state["node_count"] + 1000)
    _refused(pickle.dumps(WithState(cls, args, state)), "node count", ModelLoadError)
    bad_args = (args[0], np.array([2, 2]), 1)  # n_classes longer than n_outputs
    _refused(
        pickle.dumps(WithState(cls, bad_args, tree.__reduce__()[2])),
        "impossible sizes",
        ModelLoadError,
    )


# -- never execute a refused file ------------------------------------------------


def test_every_refused_name_is_listed_statically_even_after_arrays(tmp_path):
    import os

    payload = [np.arange(1000.0), Reduce(os.system, "true"), np.ones((50, 3)), Reduce(eval, "1")]
    buffer = io.BytesIO()
    joblib.dump(payload, buffer)
    names = find_untrusted_globals(io.BytesIO(buffer.getvalue()))
    assert f"{os.system.__module__}.system" in names
    assert "builtins.eval" in names
    path = tmp_path / "m.joblib"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UnsafeModelError) as info:
        load_model(path)
    assert "builtins.eval" in str(info.value) and "system" in str(info.value)


def test_a_refused_file_runs_nothing_at_all(tmp_path):
    # The allowlisted part before the refused global is not built either: the
    # scan refuses the file before the unpickler starts. The first object
    # would fail the load if it were built (a tree with impossible sizes).
    tree = DecisionTreeClassifier(random_state=0).fit(*_data()).tree_
    cls, args, state = tree.__reduce__()
    broken = WithState(cls, (args[0], np.array([2, 2]), 1), state)
    import os

    data = pickle.dumps([broken, Reduce(os.system, "true")])
    error = _refused(data, "outside the allowlist")
    assert isinstance(error, ModelPrivacyError)


def test_extension_opcodes_are_refused_even_when_unregistered():
    data = _opcodes(b"\x82\x01", b")R")  # EXT1 code 1, EMPTY_TUPLE, REDUCE
    _refused(data, "extension registry")


# -- benign files still load ---------------------------------------------------


@pytest.mark.parametrize("protocol", [0, 2, 4, 5])
def test_ordinary_models_load_under_every_protocol(protocol, tmp_path):
    X, y = _data()
    model = Pipeline(
        [("scale", StandardScaler()), ("tree", DecisionTreeClassifier(random_state=0))]
    ).fit(X, y)
    loaded = restricted_loads(pickle.dumps(model, protocol=protocol))
    np.testing.assert_array_equal(loaded.predict_proba(X), model.predict_proba(X))


def test_an_ordinary_compressed_joblib_file_loads(tmp_path):
    X, y = _data()
    model = LogisticRegression().fit(X, y)
    path = tmp_path / "m.joblib"
    joblib.dump(model, path, compress=("zlib", 3))
    np.testing.assert_array_equal(load_model(Path(path)).estimator.predict(X), model.predict(X))


def test_slices_hold_only_integers():
    # slice(slice(slice(...))) nested deep enough overflows the C stack when freed.
    data = pickle.dumps(Reduce(slice, Reduce(slice, 1, 2), None))
    _refused(data, "builds a slice of something other than integers")


# -- found by review after the first version -----------------------------------


def _global_op(module: str, name: str) -> bytes:
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def _int_op(n: int) -> bytes:
    return b"J" + struct.pack("<i", n)


def test_a_compiled_type_is_never_made_without_its_constructor():
    # NEWOBJ PCG64: its C state pointer stays NULL; reading or setting its
    # state then segfaults. Only its own reducer may create one.
    lr = _global_op("sklearn.linear_model._logistic", "LogisticRegression") + b")\x81"
    for name in ("_pcg64 PCG64", "_pcg64 PCG64DXSM", "_philox Philox"):
        module, cls = name.split()
        data = _opcodes(
            lr, b"}", _unicode("x_"), _global_op(f"numpy.random.{module}", cls), b")\x81sb"
        )
        _refused(data, f"creates a compiled numpy.random.{module}.{cls} without its constructor")


def test_one_tuple_dag_hashed_again_and_again_is_refused():
    # Each key is under the per-key bound, but CPython caches no tuple hash:
    # the same 6-million-element key inserted 2,000 times takes minutes.
    body = _int_op(1) + b"\x85" + b"r" + struct.pack("<I", 0)
    for k in range(21):
        body += (
            b"j"
            + struct.pack("<I", k)
            + b"j"
            + struct.pack("<I", k)
            + b"\x86r"
            + struct.pack("<I", k + 1)
        )
    body += b"0}(" + (b"j" + struct.pack("<I", 21) + _int_op(0)) * 2000 + b"u"
    start = time.perf_counter()
    _refused(b"\x80\x04" + body + b".", "hashes keys of nested tuples")
    assert time.perf_counter() - start < 5


def test_keys_whose_hashes_collide_by_design_are_refused():
    modulus = (1 << 61) - 1
    keys = {i * modulus: None for i in range(1, 50)}
    _refused(pickle.dumps(keys), "numbers beyond 2\\*\\*61 as keys")


def test_reconstruct_takes_no_dtype_from_the_file():
    # numpy _reconstruct(ndarray, (1,), "(268000000,)O"): one element, 2 GB of pointers.
    rec = (
        _global_op("numpy._core.multiarray", "_reconstruct")
        + _global_op("numpy", "ndarray")
        + _int_op(1)
        + b"\x85"
        + _unicode("(268000000,)O")
        + b"\x87R"
    )
    _refused(_opcodes(rec), "reconstructs an array of dtype")
    huge = pickle.dumps(
        WithState(
            np.dtype, ("V999999999", False, True), (3, "|", None, None, None, 999999999, 1, 0)
        )
    )
    _refused(huge, "bytes per element")


def test_a_dotted_name_is_listed_by_the_static_scan():
    # GLOBAL "sklearn.datasets._base" "os.system": the scan keeps module and
    # name apart, so the refusal happens before anything runs, not at the load.
    data = b"csklearn.datasets._base\nos.system\n(S'true'\ntR."
    assert find_untrusted_globals(io.BytesIO(data)) == ("sklearn.datasets._base.os.system",)
