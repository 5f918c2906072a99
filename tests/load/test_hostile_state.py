"""Fitted state that C code or a regex reads unchecked after loading: refused at load.

Each file names only allowlisted globals and was accepted before; the crash or hang came
later, in the caller's process, when the model transformed or predicted (a second red-team
pass: a B-spline with too few coefficients, libsvm class counts, a hashing vectorizer of
zero columns, vocabulary column numbers beyond the matrix, a backtracking token pattern).
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap

import numpy as np
import pandas as pd
import pytest
import scipy.sparse
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import CountVectorizer, HashingVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import SplineTransformer
from sklearn.svm import SVC, SVR, NuSVC, OneClassSVM

from modelprivacy.errors import ModelLoadError
from modelprivacy.load import load_model

RNG = np.random.default_rng(0)
X = RNG.normal(size=(60, 2))
Y = (X[:, 0] > 0).astype(int)
DOCS = ["alice met bob", "bob saw carol", "carol and dave", "dave met alice"] * 3
LABELS = [0, 1, 0, 1] * 3


def _saved(tmp_path, model, name="model.pkl"):
    path = tmp_path / name
    path.write_bytes(pickle.dumps(model))
    return path


def _refused(tmp_path, model, *words):
    with pytest.raises(ModelLoadError) as info:
        load_model(_saved(tmp_path, model))
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert "\n" not in message
    return message


def _spline_pipe():
    return make_pipeline(SplineTransformer(), LogisticRegression()).fit(X, Y)


def test_a_b_spline_with_fewer_coefficients_than_its_knots_is_refused(tmp_path):
    pipe = _spline_pipe()
    for spline in pipe.steps[0][1].bsplines_:
        spline._t = np.arange(1000.0)
        spline._c = np.zeros((1, 10000))  # scipy would read 80 MB past the buffer
    _refused(tmp_path, pipe, "B-spline", "bsplines_[0]", "fewer coefficients")


@pytest.mark.parametrize(
    "attr, value, why",
    [
        ("_t", np.array([3.0, 2.0, 1.0, 0.0] * 3), "not in order"),
        ("k", -1, "degree"),
        ("_asarray", np.mean, "asarray"),
    ],
)
def test_b_spline_knots_degree_and_conversion_are_checked(tmp_path, attr, value, why):
    pipe = _spline_pipe()
    setattr(pipe.steps[0][1].bsplines_[0], attr, value)
    _refused(tmp_path, pipe, why)


def test_the_api_inspection_of_a_hostile_spline_ends_in_an_error_not_a_crash(tmp_path):
    """Before, the contained child loaded it, and the caller's process segfaulted."""
    pipe = _spline_pipe()
    for spline in pipe.steps[0][1].bsplines_:
        spline._t = np.arange(1000.0)
        spline._c = np.zeros((1, 10000))
    path = _saved(tmp_path, pipe)
    pd.DataFrame({"x0": X[:, 0], "x1": X[:, 1], "y": Y}).to_csv(tmp_path / "t.csv", index=False)
    code = textwrap.dedent(
        f"""
        import numpy as np, modelprivacy
        from modelprivacy.errors import ModelLoadError
        X = np.loadtxt({str(tmp_path / "t.csv")!r}, delimiter=",", skiprows=1)
        try:
            modelprivacy.inspect({str(path)!r}, X[:, :2], X[:, 2])
        except ModelLoadError as exc:
            print("refused:", exc)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (done.returncode, done.stderr[-500:])
    assert done.stdout.startswith("refused:")


def _svc():
    return SVC().fit(X, Y)


@pytest.mark.parametrize(
    "change, why",
    [
        (
            lambda m: setattr(m, "_n_support", np.array([10**8 + m.support_.size, -(10**8)])),
            "range",
        ),
        (lambda m: setattr(m, "_n_support", np.r_[m._n_support, np.zeros(49998, int)]), ""),
        (lambda m: setattr(m, "_n_support", m._n_support + 1), ""),
        (lambda m: setattr(m, "_dual_coef_", m._dual_coef_[:, :3]), "dual coefficients"),
        (lambda m: setattr(m, "_intercept_", np.zeros(7)), "intercepts"),
        (lambda m: setattr(m, "support_", m.support_ + 10**6), "training rows"),
        (lambda m: setattr(m, "_impl", "c_svc_fast"), "implementation"),
    ],
)
def test_libsvm_class_counts_and_coefficients_are_checked(tmp_path, change, why):
    model = _svc()
    change(model)
    _refused(tmp_path, model, "invalid SVC", why)


@pytest.mark.parametrize(
    "model",
    [
        SVC(kernel="linear"),
        NuSVC(),
        SVR(),
        OneClassSVM(),
    ],
    ids=lambda m: type(m).__name__,
)
@pytest.mark.parametrize("sparse", [False, True])
def test_fitted_libsvm_models_load_dense_and_sparse(tmp_path, model, sparse):
    Xs = scipy.sparse.csr_matrix(X) if sparse else X
    y3 = np.arange(60) % 3
    model.fit(
        Xs, None if isinstance(model, OneClassSVM) else (X[:, 0] if isinstance(model, SVR) else y3)
    )
    loaded = load_model(_saved(tmp_path, model)).estimator
    assert np.allclose(loaded.predict(Xs), model.predict(Xs))


@pytest.mark.parametrize("n", [0, -3, 2**40, 2.5])
@pytest.mark.parametrize("cls", [HashingVectorizer, FeatureHasher])
def test_a_hasher_of_no_or_too_many_columns_is_refused(tmp_path, cls, n):
    model = cls()
    model.n_features = n  # the hash is taken modulo n_features in C (SIGFPE at 0)
    _refused(tmp_path, model, "n_features")


@pytest.mark.parametrize("cls", [CountVectorizer, TfidfVectorizer])
def test_vocabulary_column_numbers_beyond_the_matrix_are_refused(tmp_path, cls):
    model = cls().fit(DOCS)
    model.vocabulary_ = {term: i + 10**8 for i, term in enumerate(model.vocabulary_)}
    _refused(tmp_path, model, "vocabulary_", "each once")
    twice = cls().fit(DOCS)
    twice.vocabulary_ = dict.fromkeys(twice.vocabulary_, 0)
    _refused(tmp_path, twice, "vocabulary_")


@pytest.mark.parametrize(
    "pattern, why",
    [
        (r"(?:.*?){1,40}(?:.*?){1,40}(?:.*?){1,40}\x00", "nested"),
        (r"(\w+)+$", "nested"),
        (r"(\w)\1", "back reference"),
        (r"a*b*c*d*e", "open-ended"),
        ("x" * 600, "500"),
    ],
)
def test_a_token_pattern_that_backtracks_without_bound_is_refused(tmp_path, pattern, why):
    model = make_pipeline(CountVectorizer(), LogisticRegression()).fit(DOCS, LABELS)
    model.steps[0][1].token_pattern = pattern
    _refused(tmp_path, model, "token_pattern", why)


@pytest.mark.parametrize(
    "pattern", [r"(?u)\b\w+\b", r"[a-zA-Z]{2,}", r"\S+", r"(?u)\b\w\w+\b|[^\w\s]"]
)
def test_ordinary_token_patterns_and_vocabularies_load(tmp_path, pattern):
    model = make_pipeline(CountVectorizer(token_pattern=pattern), LogisticRegression()).fit(
        DOCS, LABELS
    )
    loaded = load_model(_saved(tmp_path, model)).estimator
    assert list(loaded.predict(DOCS)) == list(model.predict(DOCS))
    fixed = CountVectorizer(vocabulary={"alice": 1, "bob": 0}).fit(DOCS)
    assert load_model(_saved(tmp_path, fixed, "fixed.pkl")).estimator.transform(DOCS).shape == (
        12,
        2,
    )


@pytest.mark.parametrize("model", [SVR(), OneClassSVM()], ids=lambda m: type(m).__name__)
def test_regression_and_one_class_counts_are_not_read_so_not_checked(tmp_path, model):
    """A sparse fit leaves their per-class counts uninitialised (libsvm reads them only for
    classifiers): whatever they hold, a benign model loads."""
    Xs = scipy.sparse.csr_matrix(X)
    model.fit(Xs, None if isinstance(model, OneClassSVM) else X[:, 0])
    model._n_support = np.array([10**9, -5], dtype=model._n_support.dtype)
    loaded = load_model(_saved(tmp_path, model)).estimator
    assert np.allclose(loaded.predict(Xs), model.predict(Xs))
    model._n_support = np.zeros(3, dtype=model._n_support.dtype)
    _refused(tmp_path, model, "out of range")
