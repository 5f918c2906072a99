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


def _value_match(
    m: np.ndarray, float32: bool, values: np.ndarray, column: int | None
) -> np.ndarray:
    """The definition: the groups whose value is one of ``values`` (in ``column``)."""
    g = _value_groups(m, float32)
    v = np.asarray(values, dtype=np.float64).reshape(-1)
    v = v[np.isfinite(v)]
    if float32:
        v = v.astype(np.float32).astype(np.float64)
    hit = np.isin(g["keys"], v)
    if column is not None:
        hit &= g["cols"] == column
    return np.flatnonzero(hit)


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
        # record numbers as int32 below 2**31 rows (half the memory of every cell)
        kind = np.int32 if name == "records" else np.asarray(want).dtype
        assert got.dtype == kind, name
        np.testing.assert_array_equal(got, want, err_msg=name)
    # the signs of zero keys too (a stored -0.0 is reported as the data has it)
    np.testing.assert_array_equal(
        np.signbit(index.keys), np.signbit(_value_groups(m, float32)["keys"])
    )


@pytest.mark.parametrize("float32", [False, True])
def test_value_look_ups_with_and_without_the_index_agree(float32: bool) -> None:
    m = _tricky(3)
    looks = [
        (np.array([1.0]), None),
        (np.array([1.0]), 2),
        (np.array([7.0, 9.0]), None),  # in no column
        (np.array([7.0, 2.0]), 4),
        (np.array([0.0]), 2),  # the data holds -0.0 and 0.0: one group
        (np.array([-0.0]), None),
        (np.array([np.nan, np.inf, -2.0]), 0),
        (np.array([1.0 + 1e-12]), 0),  # equal to 1.0 as float32 only
        (np.array([1.0]), 5),  # no such column
        (np.array([1.0]), -1),
        (np.arange(-2.0, 3.0).repeat(5), None),  # more values than are compared directly
    ]
    used = ValueIndex(m, [], float32)
    assert used.keys.size  # builds the index
    for values, column in looks:
        want = _value_match(m, float32, values, column)
        for index in (ValueIndex(m, [], float32), used):
            got = index.match(values, column=column)
            np.testing.assert_array_equal(got, want, err_msg=f"{values} {column}")


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
    queries += [m[[i]] for i in (0, 5, 6, 8, 10, 30)] + [m[[3, 3, 40, 41]], -m[:2]]
    for q in queries:
        want_rows, want_records = _row_match(m, float32, q)
        # a fresh index compares a few rows directly, the used one looks them up
        for fresh in (True, False):
            n_rows, records = (RowIndex(m, float32) if fresh else index).match(q)
            assert n_rows == want_rows
            assert records.dtype == np.int64
            np.testing.assert_array_equal(records, want_records)
    assert index.match(m[:5])[0] == 5  # found: not only nothing equals nothing
    n_rows, records = RowIndex(m, float32).match(m[10:12])  # duplicates: all ten records
    assert n_rows == 2
    np.testing.assert_array_equal(records, [*range(10, 20), 30])


def test_row_index_of_rows_of_another_width_matches_nothing() -> None:
    m = _tricky(0)
    index = RowIndex(m)
    assert index.match(m[:, :2])[0] == 0
    assert RowIndex(np.zeros((0, 3))).match(m[:, :3])[0] == 0
