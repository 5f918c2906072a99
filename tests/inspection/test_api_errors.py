"""Bad input to the Python API: clear errors naming the problem and the fix."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.ensemble import RandomForestClassifier
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import modelprivacy
from modelprivacy import DataError, ModelPrivacyError, NotFittedModelError


@pytest.fixture
def frame():
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {"a": rng.normal(size=50), "b": rng.normal(size=50), "label": np.arange(50) % 2}
    )


def test_unfitted_estimator(frame):
    with pytest.raises(NotFittedModelError, match=r"not been fitted.*after calling fit"):
        modelprivacy.inspect(RandomForestClassifier())
    with pytest.raises(NotFittedModelError):
        modelprivacy.inspect(make_pipeline(StandardScaler(), KNeighborsClassifier()))


def test_not_a_model():
    with pytest.raises(ModelPrivacyError, match=r"not a model"):
        modelprivacy.inspect({"a": 1})


def test_missing_target_column(frame):
    knn = KNeighborsClassifier().fit(frame[["a", "b"]], frame["label"])
    with pytest.raises(
        DataError,
        match=r"target column 'income' is not in the training data; its 3 columns are: 'a', 'b', 'label'",
    ):
        modelprivacy.inspect(knn, frame, target="income")


def test_missing_and_extra_columns(frame):
    knn = KNeighborsClassifier().fit(frame[["a", "b"]], frame["label"])
    with pytest.raises(DataError, match=r"lacks 1 column.*: b"):
        modelprivacy.inspect(knn, frame[["a", "label"]], target="label")
    with pytest.raises(
        DataError, match=r"not fitted on: label; name the label column with --target"
    ):
        modelprivacy.inspect(knn, frame)


def test_wrong_number_of_columns(frame):
    knn = KNeighborsClassifier().fit(frame[["a", "b"]].to_numpy(), frame["label"])
    with pytest.raises(DataError, match=r"has 3 columns but the model was fitted on 2"):
        modelprivacy.inspect(knn, frame.to_numpy())


def test_nan_in_target_and_in_features(frame):
    knn = KNeighborsClassifier().fit(frame[["a", "b"]], frame["label"])
    bad = frame.assign(label=frame["label"].astype(float))
    bad.loc[3, "label"] = np.nan
    with pytest.raises(DataError, match=r"1 missing value.s. in the training data .first rows: 3."):
        modelprivacy.inspect(knn, bad, target="label")
    bad = frame.copy()
    bad.loc[5, "a"] = np.nan
    with pytest.raises(
        DataError,
        match=r"missing values .NaN. in column.s. a, and the KNeighborsClassifier refuses them",
    ):
        modelprivacy.inspect(knn, bad, target="label")


def test_empty_data(frame):
    knn = KNeighborsClassifier().fit(frame[["a", "b"]], frame["label"])
    with pytest.raises(DataError, match=r"no rows"):
        modelprivacy.inspect(knn, frame.iloc[:0], target="label")


def test_bad_k(frame):
    knn = KNeighborsClassifier().fit(frame[["a", "b"]], frame["label"])
    with pytest.raises(
        ValueError, match=r"The 'k' parameter of inspect must be an int >= 2. Got 1 instead."
    ):
        modelprivacy.inspect(knn, k=1)


def test_failing_check_does_not_abort(frame, monkeypatch):
    from modelprivacy.inspection._base import CHECKS, Check

    def boom(ctx):
        raise RuntimeError("kaboom")

    old = CHECKS["MP-S104"]
    monkeypatch.setitem(
        CHECKS, "MP-S104", Check(old.id, old.title, old.criterion, old.remedy, boom)
    )
    knn = KNeighborsClassifier().fit(frame[["a", "b"]], frame["label"])
    result = modelprivacy.inspect(knn, frame, target="label")
    assert [e.check_id for e in result.errors] == ["MP-S104"] and "kaboom" in result.errors[
        0
    ].message
    assert any(f.check_id == "MP-S101" for f in result.findings)
    with pytest.raises(RuntimeError):
        modelprivacy.inspect(knn, frame, target="label", debug=True)
