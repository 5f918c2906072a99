"""Attribute inference gives the same result however its queries are batched.

The model-based attack asks about several candidate values in one query, and
the outputs of the three roles (attacker, members, control) come from one
query: each must leave every number and every per-record array exactly as one
query per candidate value and per role gives them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

import modelprivacy.attacks.attribute as attribute
from modelprivacy.attacks.attribute import AttributeResult, attribute_inference


def _people(seed: int, n: int) -> pd.DataFrame:
    """A categorical sensitive column ``g`` (4 values), a numeric one ``age``, a label."""
    rng = np.random.default_rng(seed)
    g = rng.choice(np.array(["a", "b", "c", "d"], dtype=object), n)
    age = rng.integers(18, 80, n).astype(np.float64)
    x = rng.normal(size=n)
    town = rng.choice(np.array(["n", "s", "e"], dtype=object), n)
    y = ((g == "a") * 1.5 + 0.03 * (age - 40) + x + rng.normal(size=n) > 0.5).astype(int)
    return pd.DataFrame({"g": g, "age": age, "x": x, "town": town, "y": y})


@pytest.fixture(scope="module")
def setting() -> tuple[Any, pd.DataFrame, pd.DataFrame]:
    df = _people(0, 1200)
    train, holdout = df.iloc[:500], df.iloc[500:]
    pre = ColumnTransformer(
        [("num", StandardScaler(), ["age", "x"]), ("cat", OneHotEncoder(), ["g", "town"])]
    )
    model = make_pipeline(pre, LogisticRegression(max_iter=500))
    model.fit(train.drop(columns="y"), train["y"])
    return model, train, holdout


def _run(setting: tuple[Any, pd.DataFrame, pd.DataFrame]) -> AttributeResult:
    model, train, holdout = setting
    return attribute_inference(
        model, train, holdout, target="y", sensitive=["g", "age"], grid=12, seed=3
    )


def _same(a: AttributeResult, b: AttributeResult) -> None:
    assert a.to_dict() == b.to_dict()
    for column, col in a.columns.items():
        other = b.columns[column]
        assert set(col.outcomes) == set(other.outcomes) == {"model", "learned"}
        for name, o in col.outcomes.items():
            p = other.outcomes[name]
            for field in ("member_success", "baseline_success", "member_index"):
                np.testing.assert_array_equal(getattr(o, field), getattr(p, field))
            assert o.member_confidence is not None and p.member_confidence is not None
            np.testing.assert_array_equal(o.member_confidence, p.member_confidence)


@pytest.fixture(scope="module")
def one_at_a_time(setting: tuple[Any, pd.DataFrame, pd.DataFrame]) -> AttributeResult:
    """One query per candidate value."""
    patch = pytest.MonkeyPatch()
    patch.setattr(attribute, "_QUERY_ROWS", 1)
    try:
        return _run(setting)
    finally:
        patch.undo()


@pytest.mark.parametrize("rows", [700, 2000, 10**9])
def test_candidates_batched_in_queries_give_what_one_query_each_gives(
    setting: tuple[Any, pd.DataFrame, pd.DataFrame],
    one_at_a_time: AttributeResult,
    monkeypatch: pytest.MonkeyPatch,
    rows: int,
) -> None:
    # 700 rows: one candidate per query for 400 attacked rows, 2000: some per query, then all
    monkeypatch.setattr(attribute, "_QUERY_ROWS", rows)
    result = _run(setting)
    _same(result, one_at_a_time)
    assert result.columns["age"].n_candidates > 2  # a numeric column: several per query


def test_frames_of_other_types_are_asked_separately(
    setting: tuple[Any, pd.DataFrame, pd.DataFrame],
) -> None:
    model, train, _ = setting
    X = train.drop(columns="y")
    query = attribute._Query(model, list(X.columns), as_frame=True)
    as_int = X.assign(age=X["age"].astype(np.int64))  # stacking would make it float
    frames = [X.iloc[:100], as_int.iloc[100:250], X.iloc[250:260]]
    outs = attribute._outputs_of(query, frames)
    assert [len(o) for o in outs] == [100, 150, 10]
    for frame, out in zip(frames, outs, strict=True):
        np.testing.assert_array_equal(out, query.outputs(frame))
    stacked = attribute._outputs_of(query, [X.iloc[:100], X.iloc[100:250]])
    np.testing.assert_array_equal(np.vstack(stacked), query.outputs(X.iloc[:250]))
