"""Round trip: every scikit-learn estimator loads back without --trust, unchanged.

Each class of ``sklearn.utils.all_estimators()`` that fits with default
parameters (meta-estimators get a small inner estimator) on tiny data is saved
as a pickle (protocols 2 and 5), a joblib file (plain and compressed) and a
skops file, loaded with ``load_model`` (no ``trust``), and must come back as
the same class giving identical outputs. A refusal here is a false positive of
the allowlist.
"""

from __future__ import annotations

import functools
import inspect
import io
import pickle
import warnings
from collections.abc import Callable
from typing import Any

import joblib
import numpy as np
import pytest
import scipy.sparse
from sklearn.base import ClassifierMixin, RegressorMixin, clone, is_regressor
from sklearn.utils import all_estimators

from modelprivacy.load import load_model, restricted_loads

SEED = 0
METHODS = (
    "predict",
    "predict_proba",
    "predict_log_proba",
    "decision_function",
    "transform",
    "score_samples",
)


@functools.cache
def _data() -> dict[str, Any]:
    rng = np.random.default_rng(SEED)
    X = rng.uniform(0.5, 5.0, size=(40, 4))
    y = (X[:, 0] + rng.normal(scale=0.5, size=40) > 2.75).astype(int)
    y_reg = X @ np.array([1.0, -0.5, 0.3, 0.8]) + rng.normal(scale=0.1, size=40)
    y_reg = y_reg - y_reg.min() + 1.0
    words = np.array(["alpha", "beta", "gamma", "delta", "eps"])
    text = [" ".join(rng.choice(words, 4)) for _ in range(40)]
    return {"X": X, "y": y, "y_reg": y_reg, "text": text}


# Inputs for classes that do not take a numeric X.
_TEXT = {"CountVectorizer", "TfidfVectorizer", "HashingVectorizer"}
_LABELS = {"LabelEncoder", "LabelBinarizer"}
# Classes that need another kind of input or a parameter without default.
_SKIP = {"MultiLabelBinarizer", "PatchExtractor", "FeatureHasher", "DictVectorizer"}
_PARAMS: dict[str, dict[str, Any]] = {
    "SparseCoder": {"dictionary": np.eye(4)},
    "TSNE": {"perplexity": 5.0, "max_iter": 250},
    "SpectralBiclustering": {"n_clusters": 2},
    "SpectralCoclustering": {"n_clusters": 2},
    "GaussianRandomProjection": {"n_components": 2},
    "SparseRandomProjection": {"n_components": 2},
    "QuantileTransformer": {"n_quantiles": 20},
    "RadiusNeighborsClassifier": {"radius": 10.0},
    "RadiusNeighborsRegressor": {"radius": 10.0},
    "MLPClassifier": {"max_iter": 30},
    "MLPRegressor": {"max_iter": 30},
    "RandomizedSearchCV": {"n_iter": 2},
    "PLSCanonical": {"n_components": 1},
    "CCA": {"n_components": 1},
    "PLSSVD": {"n_components": 1},
    "Isomap": {"n_neighbors": 5},
    "LocallyLinearEmbedding": {"n_neighbors": 8},
}


def _inner(kind: str) -> Any:
    from sklearn.linear_model import LinearRegression, LogisticRegression
    from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

    return {
        "classifier": DecisionTreeClassifier(max_depth=3, random_state=SEED),
        "regressor": DecisionTreeRegressor(max_depth=3, random_state=SEED),
        "linear_classifier": LogisticRegression(),
        "linear_regressor": LinearRegression(),
    }[kind]


def _required_params(cls: type, regressor: bool) -> dict[str, Any] | None:
    """Values for the parameters without default, or None if unknown."""
    from sklearn.decomposition import PCA
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    kind = "regressor" if regressor else "classifier"
    params: dict[str, Any] = {}
    for name, p in inspect.signature(cls.__init__).parameters.items():
        if name == "self" or p.default is not inspect.Parameter.empty:
            continue
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if name in ("estimator", "base_estimator"):
            params[name] = _inner(kind)
        elif name == "estimators":
            params[name] = [("lin", _inner(f"linear_{kind}")), ("tree", _inner(kind))]
        elif name in ("param_grid", "param_distributions"):
            params["estimator"] = _inner("classifier")
            params[name] = {"max_depth": [1, 3]}
        elif name == "steps":
            params[name] = [("scale", StandardScaler()), ("knn", KNeighborsClassifier(3))]
        elif name == "transformer_list":
            params[name] = [("pca", PCA(n_components=2)), ("minmax", MinMaxScaler())]
        elif name == "transformers":
            params[name] = [("minmax", MinMaxScaler(), [0, 1]), ("std", StandardScaler(), [2, 3])]
        elif name in _PARAMS.get(cls.__name__, {}):
            continue
        else:
            return None
    return params


def _fit_default(name: str, cls: type) -> tuple[Any, Any] | None:
    """The fitted estimator and the input to query it with, or None to skip."""
    d = _data()
    if name in _SKIP:
        return None
    if name in _TEXT:
        return cls().fit(d["text"]), d["text"]
    if name in _LABELS:
        return cls().fit(d["y"]), d["y"]
    if name == "IsotonicRegression":
        return cls().fit(d["X"][:, 0], d["y_reg"]), d["X"][:, 0]
    regressor = issubclass(cls, RegressorMixin)
    params = _required_params(cls, regressor)
    if params is None:
        return None
    params.update(_PARAMS.get(name, {}))
    est = cls(**params)
    if "random_state" in est.get_params():
        est.set_params(random_state=SEED)
    X = d["X"]
    if is_regressor(est):
        try:
            return est.fit(X, d["y_reg"]), X
        except ValueError:
            return est.fit(X, np.c_[d["y_reg"], d["y_reg"] ** 0.5]), X
    if issubclass(cls, ClassifierMixin):
        return est.fit(X, d["y"]), X
    try:
        return est.fit(X, d["y"]), X
    except TypeError:
        return est.fit(X), X


def _extra_cases() -> dict[str, tuple[Any, Any]]:
    """Meta-estimators and compositions named in the loader's brief."""
    import pandas as pd
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
    from sklearn.ensemble import HistGradientBoostingClassifier, StackingClassifier
    from sklearn.frozen import FrozenEstimator
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.model_selection import GridSearchCV
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.multioutput import MultiOutputRegressor
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    d = _data()
    X, y, y_reg = d["X"], d["y"], d["y_reg"]
    frame = pd.DataFrame(
        {
            "age": X[:, 0],
            "income": X[:, 1],
            "city": np.array(["Lyon", "Oslo", "Rome", "Kyiv"])[(X[:, 2] * 10).astype(int) % 4],
        }
    )
    ct = ColumnTransformer(
        [("num", StandardScaler(), ["age", "income"]), ("city", OneHotEncoder(), ["city"])]
    )
    y3 = (X[:, 3] * 3).astype(int) % 3
    hgb_cat = HistGradientBoostingClassifier(max_iter=5, categorical_features=[0], random_state=0)
    X_cat = np.c_[(X[:, 0] * 2).astype(int) % 3, X[:, 1:]]
    return {
        "Pipeline(ColumnTransformer, LogisticRegression)": (
            make_pipeline(ct, LogisticRegression()).fit(frame, y),
            frame,
        ),
        "GridSearchCV(scoring=roc_auc)": (
            GridSearchCV(_inner("classifier"), {"max_depth": [1, 2]}, scoring="roc_auc").fit(X, y),
            X,
        ),
        "StackingClassifier(passthrough)": (
            StackingClassifier(
                [("lr", LogisticRegression()), ("knn", KNeighborsClassifier(3))], passthrough=True
            ).fit(X, y),
            X,
        ),
        "CalibratedClassifierCV(isotonic)": (
            CalibratedClassifierCV(LogisticRegression(), method="isotonic").fit(X, y),
            X,
        ),
        "MultiOutputRegressor": (
            MultiOutputRegressor(Ridge()).fit(X, np.c_[y_reg, -y_reg]),
            X,
        ),
        "OneVsRestClassifier(multiclass)": (
            OneVsRestClassifier(LogisticRegression()).fit(X, y3),
            X,
        ),
        "TransformedTargetRegressor(log, exp)": (
            TransformedTargetRegressor(Ridge(), func=np.log, inverse_func=np.exp).fit(X, y_reg),
            X,
        ),
        "FrozenEstimator": (FrozenEstimator(KNeighborsClassifier(3).fit(X, y)), X),
        "HistGradientBoostingClassifier(categorical)": (hgb_cat.fit(X_cat, y), X_cat),
        "HistGradientBoostingClassifier(early stopping on a scorer)": (
            HistGradientBoostingClassifier(
                max_iter=5, early_stopping=True, scoring="accuracy", random_state=0
            ).fit(X, y3),
            X,
        ),
    }


@functools.cache
def _cases() -> dict[str, tuple[Any, Any]]:
    cases: dict[str, tuple[Any, Any]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, cls in all_estimators():
            try:
                fitted = _fit_default(name, cls)
            except Exception:
                continue  # does not fit with defaults on this data
            if fitted is not None:
                cases[name] = fitted
        cases.update(_extra_cases())
    return cases


def _outputs(est: Any, X: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for method in METHODS:
            func = getattr(est, method, None) if hasattr(est, method) else None
            if func is None:
                continue
            try:
                result = func(X)
            except Exception:
                continue
            out[method] = result.toarray() if scipy.sparse.issparse(result) else result
    return out


def _assert_same(got: Any, expected: Any, what: str) -> None:
    got, expected = np.asarray(got), np.asarray(expected)
    if got.dtype.kind in "fc" and expected.dtype.kind in "fc":
        # Not always bit-identical: LabelPropagation's probabilities differ by
        # ~1e-27 after any unpickling (plain pickle.loads too).
        np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-12, err_msg=what)
    else:
        np.testing.assert_array_equal(got, expected, err_msg=what)


def _save_pickle(protocol: int) -> Callable[[Any, Any], None]:
    def save(est: Any, path: Any) -> None:
        path.write_bytes(pickle.dumps(est, protocol=protocol))

    return save


def _save_joblib(compress: Any) -> Callable[[Any, Any], None]:
    def save(est: Any, path: Any) -> None:
        joblib.dump(est, path, compress=compress)

    return save


def _save_skops(est: Any, path: Any) -> None:
    import skops.io

    skops.io.dump(est, path)


# Outputs are compared for these formats; the other protocols and plain joblib
# are checked more cheaply by test_other_formats_load.
SAVERS: dict[str, tuple[str, Callable[[Any, Any], None]]] = {
    "pickle-p2": (".pkl", _save_pickle(2)),
    "joblib-zlib": (".joblib", _save_joblib(3)),
    "skops": (".skops", _save_skops),
}


@functools.cache
def _expected(name: str) -> dict[str, Any]:
    est, X = _cases()[name]
    return _outputs(est, X)


def _names() -> list[str]:
    return sorted(_cases())


def test_the_round_trip_set_is_large():
    # Guards against a refactor that silently skips most estimators.
    assert len(_cases()) > 170


@pytest.mark.parametrize("fmt", list(SAVERS))
@pytest.mark.parametrize("name", _names())
def test_round_trip_without_trust(name, fmt, tmp_path):
    est, X = _cases()[name]
    suffix, save = SAVERS[fmt]
    path = tmp_path / f"model{suffix}"
    try:
        save(est, path)
    except Exception as exc:
        if fmt == "skops":
            pytest.skip(f"skops cannot save {name}: {exc}")
        raise
    loaded = load_model(path)
    assert loaded.untrusted_types == ()
    assert type(loaded.estimator) is type(est)
    expected = _expected(name)
    got = _outputs(loaded.estimator, X)
    assert got.keys() == expected.keys()
    for method, value in expected.items():
        _assert_same(got[method], value, f"{name}.{method}")


@pytest.mark.parametrize("name", _names())
def test_other_formats_load(name):
    # Protocols 0 and 1 use other opcodes (INST, copyreg._reconstructor, text
    # bytes); protocol 5 uses out-of-band-capable buffers; plain joblib has
    # the array bytes uncompressed after each wrapper.
    est, _ = _cases()[name]
    buffer = io.BytesIO()
    joblib.dump(est, buffer)
    blobs = [pickle.dumps(est, protocol=p) for p in (0, 1, 5)] + [buffer.getvalue()]
    for blob in blobs:
        assert type(restricted_loads(blob)) is type(est)


def test_a_clone_of_a_loaded_estimator_refits():
    est, X = _cases()["Pipeline(ColumnTransformer, LogisticRegression)"]
    buffer = io.BytesIO()
    joblib.dump(est, buffer)
    loaded = restricted_loads(buffer.getvalue())
    refit = clone(loaded).fit(X, _data()["y"])
    np.testing.assert_array_equal(refit.predict(X), est.predict(X))
