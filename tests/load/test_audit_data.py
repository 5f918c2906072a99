"""AuditData: the audit's tables validated once, before any check runs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression

from modelprivacy.errors import DataError
from modelprivacy.load.audit_data import AuditData


def _frame(n: int = 30, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "pid": [f"P{seed}-{i}" for i in range(n)],
            "who": [f"W{i % 7}" for i in range(n)],
            "a": rng.normal(size=n),
            "b": rng.normal(size=n),
            "y": rng.integers(0, 2, n),
        }
    )


def test_roles_are_split_off_every_table():
    train, holdout = _frame(), _frame(seed=1)
    d = AuditData.build(
        train, holdout, target="y", id_column="pid", subject_column="who", sensitive=["b"]
    )
    assert list(d.train.X.columns) == ["a", "b"] and d.train.y.tolist() == train["y"].tolist()
    assert list(d.holdout.X.columns) == ["a", "b"]  # the holdout's own ID columns dropped too
    assert d.ids == tuple(train["pid"]) and d.subjects == tuple(train["who"])
    assert d.n_train == 30 and d.holdout.n == 30 and d.sensitive == ("b",)


def test_the_holdout_gets_the_training_column_order():
    train, holdout = _frame(), _frame(seed=1)
    d = AuditData.build(train[["a", "b", "y"]], holdout[["y", "b", "a"]], target="y")
    assert list(d.holdout.X.columns) == ["a", "b"]
    assert d.holdout.X["a"].tolist() == holdout["a"].tolist()


def test_arrays_are_taken_without_column_roles():
    X = np.arange(12.0).reshape(6, 2)
    d = AuditData.build(X)
    assert d.train.X is X and d.train.y is None and d.ids is None
    with pytest.raises(DataError, match="need the training data as a table"):
        AuditData.build(X, target="y")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"holdout": "h"}, "--holdout needs --train"),
        ({"train": "t", "holdout": "h"}, "name the target column with --target"),
        ({"train": "t", "sensitive": ["a"]}, "--sensitive needs --train and --holdout"),
        ({"train": "t", "target": "y", "id_column": "y"}, "must be different columns"),
        ({"train": "t", "target": "label"}, "label"),
        ({"train": "dup", "id_column": "pid"}, "repeated values"),
        ({"train": "t", "holdout": "h_no_y", "target": "y"}, "'y'"),
        (
            {"train": "t", "holdout": "h_no_b", "target": "y"},
            "lacks column(s) of the training data: b",
        ),
        (
            {"train": "t", "holdout": "h", "target": "y", "sensitive": ["y"]},
            "is the target",
        ),
        (
            {"train": "t", "holdout": "h", "target": "y", "sensitive": ["c"]},
            "sensitive column 'c'",
        ),
        ({"train": "nan_y", "target": "y"}, "missing value"),
        ({"train": "empty"}, "has no rows"),
        ({"train": "t", "subject_column": "who_nan"}, "subject column 'who_nan' has missing"),
    ],
)
def test_bad_input_is_refused_with_one_line_naming_the_fix(kwargs, message):
    t = _frame()
    tables = {
        "t": t,
        "h": _frame(seed=1),
        "h_no_y": _frame(seed=1).drop(columns="y"),
        "h_no_b": _frame(seed=1).drop(columns="b"),
        "dup": t.assign(pid=["same"] * len(t)),
        "nan_y": t.assign(y=t["y"].astype(float).where(t.index != 3)),
        "empty": t.iloc[:0],
    }
    if kwargs.get("subject_column") == "who_nan":
        tables["t"] = t.assign(who_nan=[None] + ["x"] * (len(t) - 1))
    args = {k: tables.get(v, v) if k in ("train", "holdout") else v for k, v in kwargs.items()}
    with pytest.raises(DataError) as exc:
        AuditData.build(**args)
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_with_the_model_every_table_must_fit_it():
    train, holdout = _frame(), _frame(seed=1)
    model = LogisticRegression().fit(train[["a", "b"]], train["y"])
    AuditData.build(train, holdout, target="y", id_column="pid", subject_column="who", model=model)
    with pytest.raises(DataError, match="the holdout data lacks 1 column"):
        AuditData.build(
            train,
            holdout.drop(columns="b"),
            target="y",
            id_column="pid",
            subject_column="who",
            model=model,
        )
    with pytest.raises(DataError, match="not fitted on: who"):
        AuditData.build(train, holdout, target="y", id_column="pid", model=model)


def test_a_population_without_a_holdout_needs_no_labels():
    train, population = _frame(), _frame(seed=2)
    d = AuditData.build(
        train,
        population=population.drop(columns="y"),
        target="y",
        id_column="pid",
        subject_column="who",
    )
    assert d.population.y is None and list(d.population.X.columns) == ["a", "b"]
    d = AuditData.build(
        train, population=population, target="y", id_column="pid", subject_column="who"
    )
    assert d.population.y is None and "y" not in d.population.X.columns
    with pytest.raises(DataError, match="'y'"):  # with a holdout the attacks need its labels
        AuditData.build(
            train,
            _frame(seed=1),
            population.drop(columns="y"),
            target="y",
            id_column="pid",
            subject_column="who",
        )
