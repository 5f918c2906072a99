"""The serving wrapper: what it answers, its skops file, the safe loader and the inspection."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
import skops.io as sio
from sklearn.base import clone
from sklearn.datasets import load_iris, make_classification, make_regression
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LinearRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

import modelprivacy
from modelprivacy.attacks.target import Target
from modelprivacy.errors import DataError, ModelPrivacyError, UnsafeModelError
from modelprivacy.load import load_model
from modelprivacy.release import ReleaseMode, ReleaseModeError
from modelprivacy.sanitizing.release import NOTICE, ReleasedModel, lock_away, wrapper_notice


@pytest.fixture(scope="module")
def knn_data():
    X, y = make_classification(
        n_samples=120, n_features=4, n_informative=3, n_redundant=1, random_state=0
    )
    X = pd.DataFrame(X, columns=["age", "income", "height", "weight"])
    return KNeighborsClassifier(n_neighbors=3).fit(X, y), X, y


@pytest.fixture(scope="module")
def iris_forest():
    X, y = load_iris(return_X_y=True)
    return RandomForestClassifier(n_estimators=15, random_state=0).fit(X, y), X, y


def test_labels_mode_serves_predict_only(knn_data) -> None:
    knn, X, _ = knn_data
    served = ReleasedModel(knn, release="labels")
    np.testing.assert_array_equal(served.predict(X), knn.predict(X))
    assert not hasattr(served, "predict_proba")
    assert not hasattr(served, "decision_function")
    with pytest.raises(AttributeError):
        served.predict_proba(X)
    np.testing.assert_array_equal(served.classes_, knn.classes_)
    assert served.n_features_in_ == 4
    assert list(served.feature_names_in_) == list(X.columns)
    assert not hasattr(served, "predict_log_proba") and not hasattr(served, "kneighbors")


def test_rounded_and_top_serve_filtered_scores(iris_forest) -> None:
    forest, X, _ = iris_forest
    rounded = ReleasedModel(forest, release="rounded:1")
    np.testing.assert_array_equal(rounded.predict_proba(X), np.round(forest.predict_proba(X), 1))
    np.testing.assert_array_equal(rounded.predict(X), forest.predict(X))
    top = ReleasedModel(forest, release="top:1")
    proba = top.predict_proba(X)
    assert np.all((proba > 0).sum(axis=1) == 1)
    rows = np.arange(len(X))
    best = forest.predict_proba(X).argmax(axis=1)
    np.testing.assert_array_equal(proba[rows, best], forest.predict_proba(X)[rows, best])
    # multi-class decision values cannot be cut to the top K; rounded they can
    svm = LinearSVC(random_state=0, max_iter=5000).fit(X, load_iris().target)
    assert not hasattr(ReleasedModel(svm, release="top:1"), "decision_function")
    rounded_svm = ReleasedModel(svm, release="rounded:0")
    np.testing.assert_array_equal(
        rounded_svm.decision_function(X), np.round(svm.decision_function(X))
    )
    assert (
        ReleasedModel(forest, release="scores").predict_proba(X).tolist()
        == forest.predict_proba(X).tolist()
    )


def test_regressor_is_rounded_and_refuses_top_k() -> None:
    X, y = make_regression(n_samples=40, n_features=3, noise=1.0, random_state=0)
    reg = LinearRegression().fit(X, y)
    served = ReleasedModel(reg, release="rounded:0")
    np.testing.assert_array_equal(served.predict(X), np.round(reg.predict(X)))
    with pytest.raises(ReleaseModeError, match="regressor"):
        ReleasedModel(reg, release="top:1").predict(X)
    from sklearn.base import is_classifier, is_regressor

    assert is_regressor(served) and not is_classifier(served)


def test_bad_mode_and_file_mode_are_refused(knn_data) -> None:
    knn, X, _ = knn_data
    with pytest.raises(ReleaseModeError, match="model file itself"):
        ReleasedModel(knn, release="file").predict(X)
    with pytest.raises(ReleaseModeError, match="unknown release mode"):
        ReleasedModel(knn, release="everything").predict(X)


def test_clone_and_fit_train_a_model_served_the_same_way(knn_data) -> None:
    knn, X, y = knn_data
    fresh = clone(ReleasedModel(knn, release="labels"))
    assert not fresh.__sklearn_is_fitted__()
    fitted = fresh.fit(X, y)
    assert fitted is fresh and fresh.__sklearn_is_fitted__()
    np.testing.assert_array_equal(fresh.predict(X), knn.predict(X))
    assert not hasattr(fresh, "predict_proba")
    assert knn.__dict__ is not fresh.model.__dict__


def test_round_trip_through_skops_and_the_safe_loader(knn_data, tmp_path) -> None:
    knn, X, _ = knn_data
    done = lock_away(knn, "labels", tmp_path / "served.skops")
    assert done.path == tmp_path / "served.skops" and done.mode == ReleaseMode("labels")
    assert "not what the file holds" in done.notice
    data = done.path.read_bytes()
    assert "modelprivacy.sanitizing.release.ReleasedModel" in sio.get_untrusted_types(data=data)
    plain = sio.loads(data, trusted=sio.get_untrusted_types(data=data))
    np.testing.assert_array_equal(plain.predict(X), knn.predict(X))
    loaded = load_model(done.path)  # no trust needed
    served = loaded.estimator
    assert isinstance(served, ReleasedModel) and served.release == "labels"
    np.testing.assert_array_equal(served.predict(X), knn.predict(X))
    assert not hasattr(served, "predict_proba")
    assert any("anyone who holds the file can unwrap it" in w for w in loaded.warnings)
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file is gone


def test_top_k_file_loads_with_filtered_scores(iris_forest, tmp_path) -> None:
    forest, X, _ = iris_forest
    done = lock_away(forest, "top:2", tmp_path / "top.skops")
    served = load_model(done.path).estimator
    np.testing.assert_array_equal(served.predict_proba(X), done.model.predict_proba(X))
    assert np.all((served.predict_proba(X) > 0).sum(axis=1) <= 2)


def test_pickled_wrapper_is_still_refused(knn_data, tmp_path) -> None:
    knn, _, _ = knn_data
    path = tmp_path / "served.pkl"
    path.write_bytes(pickle.dumps(ReleasedModel(knn, release="labels")))
    with pytest.raises(UnsafeModelError, match="ReleasedModel"):
        load_model(path)


def test_a_wrapper_whose_state_shadows_its_methods_is_refused(knn_data, tmp_path) -> None:
    knn, _, _ = knn_data
    hostile = ReleasedModel(knn, release="labels")
    hostile.__dict__["mode"] = "scores"  # would shadow the property that enforces the mode
    path = tmp_path / "hostile.skops"
    path.write_bytes(sio.dumps(hostile))
    with pytest.raises(UnsafeModelError, match="mode"):
        load_model(path)


def test_lock_away_refusals(knn_data, tmp_path) -> None:
    knn, X, y = knn_data
    source = tmp_path / "model.skops"
    sio.dump(knn, source)
    before = source.read_bytes()
    with pytest.raises(DataError, match="overwrite the input"):
        lock_away(knn, "labels", source, inputs=[source])
    assert source.read_bytes() == before
    with pytest.raises(DataError, match="skops"):
        lock_away(knn, "labels", tmp_path / "served.pkl")
    with pytest.raises(DataError, match="does not exist"):
        lock_away(knn, "labels", tmp_path / "missing" / "served.skops")
    for mode in ("file", "scores"):
        with pytest.raises(ReleaseModeError, match="nothing to lock away"):
            lock_away(knn, mode, tmp_path / "served.skops")
    with pytest.raises(ReleaseModeError, match="already a ReleasedModel"):
        lock_away(ReleasedModel(knn), "labels", tmp_path / "served.skops")
    with pytest.raises(ModelPrivacyError, match="not been fitted"):
        lock_away(KNeighborsClassifier(), "labels", tmp_path / "served.skops")
    reg = LinearRegression().fit(X, y)
    with pytest.raises(ReleaseModeError, match="regressor"):
        lock_away(reg, "top:1", tmp_path / "served.skops")
    assert not (tmp_path / "served.skops").exists()
    assert not list(tmp_path.glob(".*.tmp"))


def test_inspection_of_the_wrapper_reports_the_wrapped_knn(knn_data, tmp_path) -> None:
    knn, X, y = knn_data
    plain = modelprivacy.inspect(knn, X, y)
    done = lock_away(knn, "labels", tmp_path / "served.skops")
    for wrapped in (done.model, str(done.path)):
        result = modelprivacy.inspect(wrapped, X, y)
        ids = sorted(f.check_id for f in result.findings)
        assert ids == sorted(f.check_id for f in plain.findings)
        rows = next(f for f in result.findings if f.check_id == "MP-S101")
        assert rows.path == "model._fit_X" and rows.estimator == "KNeighborsClassifier"
        assert rows.records == next(f for f in plain.findings if f.check_id == "MP-S101").records
    assert wrapper_notice(done.model) == NOTICE.format(mode="labels")
    assert wrapper_notice(knn) is None


def test_inspection_replays_a_wrapped_pipeline() -> None:
    X, y = make_classification(n_samples=200, n_features=4, random_state=1)
    pipe = make_pipeline(StandardScaler(), RandomForestClassifier(n_estimators=5, random_state=0))
    pipe.fit(X, y)
    plain = sorted(f.check_id for f in modelprivacy.inspect(pipe, X, y).findings)
    wrapped = sorted(f.check_id for f in modelprivacy.inspect(ReleasedModel(pipe), X, y).findings)
    assert "MP-S104" in plain and wrapped == plain


def test_target_unwraps_the_wrapper_into_its_mode(iris_forest) -> None:
    forest, X, _ = iris_forest
    tgt = Target(ReleasedModel(forest, release="rounded:1"))
    assert tgt.estimator is forest and str(tgt.mode) == "rounded:1"
    np.testing.assert_array_equal(tgt.answers(X), np.round(forest.predict_proba(X), 1))
    labels = Target(ReleasedModel(forest, release="labels"))
    assert labels.output == "label"
    # the file holds the whole model: in file mode the wrapper hides nothing
    whole = Target(ReleasedModel(forest, release="labels"), release="file")
    assert whole.output == "proba"
    np.testing.assert_array_equal(whole.answers(X), forest.predict_proba(X))
