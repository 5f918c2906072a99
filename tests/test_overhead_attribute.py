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


class _CountingQuery(attribute._Query):
    """The target's answers, counting the records asked about."""

    asked = 0

    def outputs(self, X: pd.DataFrame) -> np.ndarray:
        self.asked += len(X)
        return super().outputs(X)


@pytest.mark.parametrize(("column", "with_label"), [("g", True), ("age", True), ("g", False)])
def test_records_holding_the_candidate_are_not_asked_again(
    setting: tuple[Any, pd.DataFrame, pd.DataFrame], column: str, with_label: bool
) -> None:
    model, train, _ = setting
    X = train.drop(columns="y").reset_index(drop=True)
    y = train["y"].to_numpy() if with_label else None
    if column == "g":
        candidates = np.array(["a", "b", "c", "d"], dtype=object)
    else:  # whole ages as floats: equal to the column's values, and of its dtype
        candidates = np.array([20.0, 35.0, 50.0, 65.0])
    prior = np.array([0.4, 0.3, 0.2, 0.1])
    answers = {}
    for reuse in (False, True):
        query = _CountingQuery(model, list(X.columns), as_frame=True)
        observed = query.outputs(X)
        query.asked = 0
        idx, margin = attribute._model_attack(
            query, X, y, observed, column, candidates, prior, reuse
        )
        answers[reuse] = (idx, margin, query.asked)
    np.testing.assert_array_equal(answers[True][0], answers[False][0])
    np.testing.assert_array_equal(answers[True][1], answers[False][1])
    assert answers[False][2] == len(candidates) * len(X)
    holding = int(X[column].isin(candidates).sum())
    assert holding > 0
    assert answers[True][2] == len(candidates) * len(X) - holding


def test_only_identical_cells_count_as_the_same() -> None:
    same = attribute._same_cells
    s = pd.Series(["a", "b", None, "a"], dtype=object)
    np.testing.assert_array_equal(
        same(s, pd.Series(["a"] * 4, dtype=object)), [True, False, False, True]
    )
    assert not same(pd.Series([1, True], dtype=object), pd.Series([True, 1], dtype=object)).any()
    f = pd.Series([0.0, -0.0, 1.5, np.nan])
    np.testing.assert_array_equal(same(f, pd.Series([0.0] * 4)), [True, False, False, False])
    # another dtype after the change (an int column set to a float) is never the same
    assert not same(pd.Series([1, 2]), pd.Series([1.0, 2.0])).any()
    cat = pd.Series(pd.Categorical(["x", "y", None], categories=["x", "y"]))
    changed = pd.Series(pd.Categorical(["x"] * 3, dtype=cat.dtype))
    np.testing.assert_array_equal(same(cat, changed), [True, False, False])
    np.testing.assert_array_equal(
        same(pd.Series([3, 4], dtype=np.int64), pd.Series([3, 3])), [True, False]
    )
    assert not same(pd.Series([1, 2], dtype="Int64"), pd.Series([1, 2], dtype="Int64")).any()


def test_a_text_column_set_to_a_candidate_keeps_its_dtype() -> None:
    for dtype in (object, pd.StringDtype(na_value=np.nan)):
        X = pd.DataFrame({"g": pd.Series(["a", "b", None], dtype=dtype), "n": [1, 2, 3]})
        changed = attribute._with_value(X, "g", "b")
        assert changed["g"].dtype == X["g"].dtype
        assert changed["g"].tolist() == ["b", "b", "b"]
        np.testing.assert_array_equal(
            attribute._same_cells(X["g"], changed["g"]), [False, True, False]
        )


def test_the_baseline_is_shared_by_attacks_on_the_same_records(
    setting: tuple[Any, pd.DataFrame, pd.DataFrame], monkeypatch: pytest.MonkeyPatch
) -> None:
    model, train, holdout = setting
    # another model of the same records: its attacks differ, its baseline is the same
    other = make_pipeline(
        ColumnTransformer([("cat", OneHotEncoder(), ["g", "town"])], remainder="passthrough"),
        LogisticRegression(C=0.01, max_iter=500),
    ).fit(train.drop(columns="y"), train["y"])
    fits = []
    fit = attribute._fit_predict

    def counted(*args: Any) -> Any:
        fits.append(args[-1])  # confidence: True for the learned attack, False for the baseline
        return fit(*args)

    monkeypatch.setattr(attribute, "_fit_predict", counted)
    with attribute.shared_baselines():  # as an audit shares them between its release modes
        _run((model, train, holdout))
        assert fits.count(False) == 2  # one baseline per sensitive column
        shared = _run((other, train, holdout))
        assert fits.count(False) == 2 and fits.count(True) == 4
    with attribute.shared_baselines() as kept:
        alone = _run((other, train, holdout))
        assert fits.count(False) == 4
        _same(shared, alone)
        assert shared.to_dict() != _run((model, train, holdout)).to_dict()
        # other records, or another seed: fitted again
        _run((model, train.iloc[:-1], holdout))
        assert fits.count(False) == 6
        attribute_inference(
            model, train, holdout, target="y", sensitive=["g", "age"], grid=12, seed=4
        )
        assert fits.count(False) == 8
        assert len(kept) <= attribute._BASELINES_KEPT
    # outside a block nothing is kept: the features are people's records
    _run((other, train, holdout))
    assert fits.count(False) == 10 and attribute._BASELINES.get() is None


def test_only_the_same_cells_make_the_same_features() -> None:
    F = pd.DataFrame({"f0": np.array(["a", np.nan, "b"], dtype=object), "f1": [0.0, 1.0, 2.0]})
    assert attribute._same_frame(F, F.copy())
    changed = F.copy()
    changed.loc[2, "f0"] = "c"
    assert not attribute._same_frame(F, changed)
    signed = F.copy()
    signed["f1"] = [-0.0, 1.0, 2.0]
    assert not attribute._same_frame(F, signed)
    assert not attribute._same_frame(F, F[["f1", "f0"]])
    assert not attribute._same_frame(F, F.iloc[:2])


@pytest.mark.parametrize("n_classes", [2, 3, 5])
def test_one_pass_over_the_trees_answers_what_predict_and_predict_proba_answer(
    n_classes: int,
) -> None:
    rng = np.random.default_rng(n_classes)
    n = 600
    F = pd.DataFrame(
        {
            "f0": rng.choice(np.array(["a", "b", "c"], dtype=object), n),
            "f1": rng.normal(size=n),
            "f2": np.round(rng.normal(size=n), 1),  # ties in the sums of the leaves
        }
    )
    target = (rng.integers(0, n_classes, n) + (F["f1"] > 0.5)) % n_classes
    learned = attribute._Learned(regress=False, seed=0).fit(F.iloc[:400], target[:400])
    rest = F.iloc[400:]
    guess, confidence = learned.predict_with_confidence(rest)
    assert guess.dtype == learned.predict(rest).dtype
    np.testing.assert_array_equal(guess, learned.predict(rest))
    np.testing.assert_array_equal(confidence, learned.confidence(rest))
    # a regressor has no confidence: its guesses, and zeros
    numeric = attribute._Learned(regress=True, seed=0).fit(F.iloc[:400], F["f1"].iloc[:400])
    guess, confidence = numeric.predict_with_confidence(rest)
    np.testing.assert_array_equal(guess, numeric.predict(rest))
    assert not confidence.any()


def test_missing_cells_of_another_kind_are_not_the_same() -> None:
    def frame(cells: list[Any]) -> pd.DataFrame:
        return pd.DataFrame({"f0": pd.Series(cells, dtype=object)})

    F = frame(["a", np.nan, "b"])
    assert attribute._same_frame(F, frame(["a", np.nan, "b"]))
    assert not attribute._same_frame(F, frame(["a", None, "b"]))
    # cells that are neither strings nor NaN: never taken for the same (a fit again)
    assert not attribute._same_frame(frame(["a", np.nan, 1]), frame(["a", np.nan, 1]))
    # pandas' own string dtype, as the attacker's features have it
    text = pd.DataFrame(
        {"f0": pd.Series(["a", np.nan, "b"], dtype=pd.StringDtype(na_value=np.nan))}
    )
    assert attribute._same_frame(text, text.copy())
    assert not attribute._same_frame(text, F)


def test_records_that_all_hold_the_candidates_need_no_query(
    setting: tuple[Any, pd.DataFrame, pd.DataFrame],
) -> None:
    model, train, _ = setting
    X = train.drop(columns="y").reset_index(drop=True).iloc[:50]
    X = X.assign(g=pd.Series(["a"] * 50, dtype=X["g"].dtype))
    query = _CountingQuery(model, list(X.columns), as_frame=True)
    observed = query.outputs(X)
    query.asked = 0
    for reuse in (False, True):
        idx, margin = attribute._model_attack(
            query,
            X,
            train["y"].to_numpy()[:50],
            observed,
            "g",
            np.array(["a"], dtype=object),
            np.array([1.0]),
            reuse,
        )
        np.testing.assert_array_equal(idx, np.zeros(50))
        np.testing.assert_array_equal(margin, np.zeros(50))
    assert query.asked == 50  # without reuse only
