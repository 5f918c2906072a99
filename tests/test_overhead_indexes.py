"""The inspection's value and row indexes give what their plain definitions give.

``ValueIndex`` sorts every value by (value, column, record) with one stable
sort, and ``RowIndex`` groups rows by their bytes with ``np.unique``: both are
checked here against the direct definitions (a three-key ``np.lexsort``, a
dict of row bytes) on data with NaNs, signed zeros, duplicates, all-zero and
all-NaN rows and values that round together to float32.
"""

from __future__ import annotations

import numpy as np
import pytest

from modelprivacy.inspection.data import RowIndex, ValueIndex


def _tricky(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    m = rng.integers(-2, 3, size=(400, 5)).astype(np.float64)
    m[rng.random(m.shape) < 0.1] = np.nan
    m[m == 0] = -0.0
    m[::7, 2] = 0.0
    m[5] = np.nan  # an all-NaN row
    m[6] = 0.0  # an all-zero row
    m[8] = -0.0
    m[9, 0] = 1.0 + 1e-12  # the same float32 as 1.0
    m[10:20] = m[30]  # duplicate rows
    return m


def _value_groups(m: np.ndarray, float32: bool) -> dict[str, np.ndarray]:
    """The definition: every non-NaN value with its column and record, lexsorted."""
    if float32:
        m = m.astype(np.float32).astype(np.float64)
    n, d = m.shape
    vals = m.T.reshape(-1)
    cols = np.repeat(np.arange(d, dtype=np.int32), n)
    recs = np.tile(np.arange(n, dtype=np.int64), d)
    ok = ~np.isnan(vals)
    vals, cols, recs = vals[ok], cols[ok], recs[ok]
    order = np.lexsort((recs, cols, vals))
    vals, cols, recs = vals[order], cols[order], recs[order]
    new = np.r_[True, (vals[1:] != vals[:-1]) | (cols[1:] != cols[:-1])] if vals.size else []
    starts = np.flatnonzero(new)
    return {
        "keys": vals[starts],
        "cols": cols[starts],
        "counts": np.diff(np.r_[starts, vals.size]),
        "starts": starts,
        "records": recs,
    }


def _row_match(m: np.ndarray, float32: bool, stored: np.ndarray) -> tuple[int, np.ndarray]:
    """The definition: a dict from each kept row's bytes to its positions."""
    m = np.ascontiguousarray(m.astype(np.float32) if float32 else m)
    keep = ~(np.isnan(m).all(axis=1) | ~m.any(axis=1))
    rows: dict[bytes, list[int]] = {}
    for i in np.flatnonzero(keep):
        rows.setdefault(m[i].tobytes(), []).append(int(i))
    s = np.ascontiguousarray(np.asarray(stored, dtype=np.float32 if float32 else np.float64))
    hits = [rows.get(r.tobytes()) for r in s]
    recs = sorted({i for h in hits if h for i in h})
    return sum(1 for h in hits if h), np.array(recs, dtype=np.int64)


@pytest.mark.parametrize("float32", [False, True])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_value_index_is_the_lexsorted_definition(seed: int, float32: bool) -> None:
    m = _tricky(seed)
    index = ValueIndex(m, [f"c{j}" for j in range(m.shape[1])], float32)
    for name, want in _value_groups(m, float32).items():
        got = getattr(index, name)
        assert got.dtype == np.asarray(want).dtype, name
        np.testing.assert_array_equal(got, want, err_msg=name)
    # the signs of zero keys too (a stored -0.0 is reported as the data has it)
    np.testing.assert_array_equal(
        np.signbit(index.keys), np.signbit(_value_groups(m, float32)["keys"])
    )


@pytest.mark.parametrize("shape", [(0, 3), (4, 0), (3, 2)])
def test_value_index_of_empty_and_all_nan_data_is_empty(shape: tuple[int, int]) -> None:
    m = np.full(shape, np.nan)
    index = ValueIndex(m, [])
    assert index.keys.size == index.records.size == 0
    assert index.match(np.array([1.0, np.nan])).size == 0


@pytest.mark.parametrize("float32", [False, True])
@pytest.mark.parametrize("seed", [0, 1])
def test_row_index_matches_like_a_dict_of_row_bytes(seed: int, float32: bool) -> None:
    m = _tricky(seed)
    rng = np.random.default_rng(seed + 10)
    index = RowIndex(m, float32)
    queries = [
        m[:1],
        m[:50],
        m[rng.integers(0, len(m), 100)] + (rng.random((100, m.shape[1])) < 0.5),
        m,
        m[:0],
        -m[:30],  # signed zeros differ in their bytes
        np.nan_to_num(m[:40]),
        m[:20].astype(np.float32),
        m[[6, 8, 5]],  # all-zero and all-NaN rows identify nobody
    ]
    for q in queries:
        n_rows, records = index.match(q)
        want_rows, want_records = _row_match(m, float32, q)
        assert n_rows == want_rows
        assert records.dtype == np.int64
        np.testing.assert_array_equal(records, want_records)
    assert index.match(m[:5])[0] == 5  # found: not only nothing equals nothing


def test_row_index_of_rows_of_another_width_matches_nothing() -> None:
    m = _tricky(0)
    index = RowIndex(m)
    assert index.match(m[:, :2])[0] == 0
    assert RowIndex(np.zeros((0, 3))).match(m[:, :3])[0] == 0
