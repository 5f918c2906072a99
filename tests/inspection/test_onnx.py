"""ONNX exports of real scikit-learn models: what the graph stores is reported."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import modelprivacy

pytest.importorskip("onnxruntime")
skl2onnx = pytest.importorskip("skl2onnx")

from skl2onnx.common.data_types import StringTensorType  # noqa: E402

from modelprivacy.models.onnx import OnnxModel  # noqa: E402


def _onnx(model: object, X: np.ndarray, **kw: object) -> OnnxModel:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return OnnxModel(skl2onnx.to_onnx(model, X[:1].astype(np.float32), **kw))


def _checks(result: object, check: str) -> list[object]:
    return [f for f in result.findings if f.check_id == check]  # type: ignore[attr-defined]


@pytest.fixture
def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 3)).astype(np.float32).astype(np.float64)
    y = (X[:, 0] + 0.5 * rng.normal(size=60) > 0).astype(int)
    return X, y


def test_knn_rows_found_and_confirmed(data: tuple[np.ndarray, np.ndarray]) -> None:
    from sklearn.neighbors import KNeighborsClassifier

    X, y = data
    knn = KNeighborsClassifier(3).fit(X, y)
    model = _onnx(knn, X)
    assert np.abs(model.predict_proba(X) - knn.predict_proba(X)).max() < 1e-5
    rows = _checks(modelprivacy.inspect(model), "MP-S101")
    assert len(rows) == 1 and rows[0].path.startswith("Scan[")
    assert rows[0].evidence["rows"] == 60
    confirmed = modelprivacy.inspect(model, X, y)
    rows = _checks(confirmed, "MP-S101")
    assert rows[0].confidence.name == "HIGH" and rows[0].records.count == 60
    labels = _checks(confirmed, "MP-S108")
    assert labels and labels[0].records.count == 60


def test_svc_support_vectors(data: tuple[np.ndarray, np.ndarray]) -> None:
    from sklearn.svm import SVC

    X, y = data
    svc = SVC().fit(X, y)
    model = _onnx(svc, X, options={"zipmap": False})
    rows = _checks(modelprivacy.inspect(model, X, y), "MP-S101")
    assert len(rows) == 1 and rows[0].path.endswith("support_vectors_")
    assert rows[0].records.count == len(svc.support_)


def test_minmax_extremes_of_one_person(data: tuple[np.ndarray, np.ndarray]) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import MinMaxScaler

    X, y = data
    X = X.copy()
    X[7, 1] = 40.0  # one extreme person
    pipe = make_pipeline(MinMaxScaler(), LogisticRegression()).fit(X, y)
    model = _onnx(pipe, X)
    assert np.abs(model.predict_proba(X) - pipe.predict_proba(X)).max() < 1e-5
    alone = _checks(modelprivacy.inspect(model), "MP-S103")
    assert {f.path.split(".")[-1] for f in alone} == {"implied_min_", "implied_max_"}
    found = _checks(modelprivacy.inspect(model, X, y), "MP-S103")
    exposed = set().union(*(set(f.records.ids) for f in found))
    assert 7 in exposed
    assert {int(np.argmin(X[:, j])) for j in range(3)} <= exposed


def test_one_hot_rare_category() -> None:
    from sklearn.preprocessing import OneHotEncoder

    cities = np.array([["Paris"]] * 12 + [["Lyon"]] * 12 + [["Tulle"]], dtype=object)
    enc = OneHotEncoder().fit(cities)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        proto = skl2onnx.to_onnx(enc, initial_types=[("city", StringTensorType([None, 1]))])
    model = OnnxModel(proto)
    groups = _checks(modelprivacy.inspect(model, pd.DataFrame({"city": cities[:, 0]})), "MP-S106")
    assert len(groups) == 1 and groups[0].records.ids == (24,)
    assert any(
        "3 strings" in f.description for f in _checks(modelprivacy.inspect(model), "MP-S107")
    )


def test_tfidf_token_of_one_document() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = np.array(["the cat sat", "the dog sat", "a cat ran"] * 4 + ["zebracorn flew"])
    tf = TfidfVectorizer().fit(docs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        proto = skl2onnx.to_onnx(tf, initial_types=[("text", StringTensorType([None, 1]))])
    model = OnnxModel(proto)
    alone = _checks(modelprivacy.inspect(model), "MP-S106")
    assert alone and alone[0].evidence["single_document_tokens"] == 2
    try:
        model.predict(docs[:1].reshape(-1, 1))
    except Exception as exc:  # StringNormalizer needs the en_US.UTF-8 locale installed
        pytest.skip(f"onnxruntime cannot run the TF-IDF graph here: {str(exc)[:80]}")
    found = _checks(modelprivacy.inspect(model, docs.reshape(-1, 1)), "MP-S106")
    assert found[0].confidence.name == "HIGH" and found[0].records.ids == (12,)


def test_tree_leaf_targets(data: tuple[np.ndarray, np.ndarray]) -> None:
    from sklearn.ensemble import RandomForestRegressor
    from sklearn.tree import DecisionTreeRegressor

    X, _ = data
    y = X[:, 0] * 2  # float32-exact targets, as float32 leaves store them
    forest = RandomForestRegressor(3, bootstrap=False, random_state=0).fit(X, y)
    model = _onnx(forest, X)
    assert np.abs(model.predict(X) - forest.predict(X)).max() < 1e-4
    leaves = _checks(modelprivacy.inspect(model), "MP-S108")
    assert len(leaves) == 1 and leaves[0].path.endswith("target_weights_")
    # a forest's leaves are divided by the number of trees; one tree's are the targets
    tree = _onnx(DecisionTreeRegressor(random_state=0).fit(X, y), X)
    leaves = _checks(modelprivacy.inspect(tree, X, y), "MP-S108")
    assert leaves[0].path.endswith("target_weights_")
    assert leaves[0].records.count == 60  # fully grown: every leaf holds one person's target


def test_regularised_logistic_regression_is_not_accused(
    data: tuple[np.ndarray, np.ndarray],
) -> None:
    from sklearn.linear_model import LogisticRegression

    X, y = data
    lr = LogisticRegression(C=0.1).fit(X, y)
    model = _onnx(lr, X, options={"zipmap": False})
    assert np.abs(model.predict_proba(X) - lr.predict_proba(X)).max() < 1e-5
    for result in (modelprivacy.inspect(model), modelprivacy.inspect(model, X, y)):
        serious = [f for f in result.findings if f.severity.name in ("HIGH", "MEDIUM")]
        assert serious == []
