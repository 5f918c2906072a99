"""Models' methods called on blocks of rows: the same answers, bounded calls."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

from modelprivacy.attacks.target import in_blocks, query


@pytest.fixture(scope="module")
def frame():
    rng = np.random.default_rng(0)
    n = 5_000
    return pd.DataFrame(
        {
            "age": rng.integers(17, 90, n).astype(float),
            "job": pd.Series(rng.choice(["a", "b", "c", "dd"], n), dtype="str"),
            "city": rng.choice(["x", "y", "z"], n).astype(object),
        }
    )


class _Counting:
    """Wraps a method and records the rows of every call."""

    def __init__(self, method):
        self.method = method
        self.rows: list[int] = []

    def __call__(self, X):
        self.rows.append(X.shape[0])
        return self.method(X)


@pytest.mark.parametrize("output", ["dense", "sparse", "pandas"])
def test_a_transform_in_blocks_equals_one_call(frame, output):
    cats = OneHotEncoder(handle_unknown="ignore") if output == "sparse" else OrdinalEncoder()
    pre = ColumnTransformer(
        [("num", StandardScaler(), ["age"]), ("cat", cats, ["job", "city"])],
        sparse_threshold=1.0 if output == "sparse" else 0.0,
    )
    if output == "pandas":
        pre.set_output(transform="pandas")
    pre.fit(frame)
    once = pre.transform(frame)
    calls = _Counting(pre.transform)
    blocked = in_blocks(calls, frame, n_threads=2, block_rows=1_000)
    assert max(calls.rows) <= 1_000 and sum(calls.rows) == len(frame)
    assert type(blocked) is type(once)
    if output == "sparse":
        assert sp.issparse(blocked) and blocked.format == once.format
        assert (blocked != once).nnz == 0
    elif output == "pandas":
        pd.testing.assert_frame_equal(blocked, once)
    else:
        np.testing.assert_array_equal(blocked, once)


def test_answers_in_blocks_equal_one_call(frame):
    X = OrdinalEncoder().fit_transform(frame[["job", "city"]])
    X = np.c_[frame["age"].to_numpy(), X]
    y = (frame["age"].to_numpy() > 40).astype(int)
    model = HistGradientBoostingClassifier(max_iter=20, random_state=0).fit(X, y)
    once = model.predict_proba(X)
    calls = _Counting(model.predict_proba)
    np.testing.assert_array_equal(in_blocks(calls, X, n_threads=1, block_rows=512), once)
    assert len(calls.rows) == -(-len(X) // 512) and max(calls.rows) <= 512
    # the default: one call up to BLOCK_ROWS rows on one thread
    np.testing.assert_array_equal(query(model.predict_proba, X, n_threads=1), once)


def test_a_table_smaller_than_a_block_is_one_call(frame):
    calls = _Counting(lambda X: np.asarray(X.shape[0] * [0.0]))
    in_blocks(calls, frame, n_threads=1, block_rows=10_000)
    assert calls.rows == [len(frame)]
