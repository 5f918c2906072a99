"""Matching stored numbers against the training data (shared by several checks)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from modelprivacy.inspection._base import Context
from modelprivacy.inspection.data import ValueIndex
from modelprivacy.inspection.knowledge import NOT_DATA
from modelprivacy.inspection.walker import Node

__all__ = ["ValueMatch", "is_candidate", "match_values", "target_index", "without_small_integers"]

_TREE_HOLDERS = frozenset({"Tree", "TreePredictor"})


def is_candidate(node: Node, arr: np.ndarray) -> bool:
    """Whether a numeric node may hold training values (floats, not structure)."""
    if node.attr in NOT_DATA or node.holder in _TREE_HOLDERS:
        return False
    if node.attr == "bin_thresholds_" or "_bin_mapper" in node.path:
        return False  # MP-S104 reads binning thresholds
    if "nodes[" in node.path and node.holder == "TreePredictor":
        return False
    if arr.dtype.kind != "f":
        return False
    # an array with no finite value (NaN placeholders) holds no training value
    return bool(arr.size) and bool(np.isfinite(arr).any())


def without_small_integers(values: np.ndarray) -> np.ndarray:
    """Drop whole numbers up to 1,000 in size from stored values.

    In an attribute that no table knows, small whole numbers are more likely
    counts or codes than training values, so they are not matched.
    """
    v = np.asarray(values, dtype=np.float64).reshape(-1)
    keep = ~((v == np.round(v)) & (np.abs(v) <= 1000))
    return v[keep]


@dataclass(frozen=True)
class ValueMatch:
    """Stored values of one node that equal training values.

    Attributes
    ----------
    n_values : int
        Distinct stored values that equal some training value.
    rare_values : int
        Of those, values held by fewer than k training records.
    unique_values : int
        Of those, values held by exactly one training record.
    positions : ndarray
        Training records holding a rare matched value.
    columns : tuple of str
        The columns those values come from.
    coverage : float
        The largest fraction of one column's distinct values that is stored.
    """

    n_values: int
    rare_values: int
    unique_values: int
    positions: np.ndarray
    columns: tuple[str, ...]
    coverage: float


def target_index(ctx: Context) -> ValueIndex | None:
    """A value index over a continuous target (class labels are not matched)."""
    if "target_index" not in ctx.cache:
        idx = None
        if ctx.data is not None and ctx.data.y is not None:
            y = np.asarray(ctx.data.y)
            if y.dtype.kind == "f" and y.size:
                m = y.reshape(len(y), -1).astype(np.float64)
                names = [f"target{i}" if m.shape[1] > 1 else "target" for i in range(m.shape[1])]
                idx = ValueIndex(m, names)
        ctx.cache["target_index"] = idx
    cached: ValueIndex | None = ctx.cache["target_index"]
    return cached


def match_values(
    ctx: Context,
    index: ValueIndex | None,
    values: np.ndarray,
    *,
    allowed: Sequence[int] | None = None,
    column: int | None = None,
    column_map: Sequence[int | None] | None = None,
) -> ValueMatch | None:
    """Look up stored values in a value index.

    Parameters
    ----------
    ctx : Context
        The check context (for ``k``).
    index : ValueIndex or None
        The training values.
    values : ndarray
        The stored values. Without ``allowed``, ``column`` or ``column_map``,
        when their last axis is as long as the data is wide, entry ``j`` is
        matched against column ``j`` only.
    allowed : sequence of int, optional
        Match only against these columns of the index.
    column : int, optional
        Every value belongs to this column of the index (one encoder's
        categories of one column).
    column_map : sequence of int or None, optional
        Entry ``j`` of the last axis belongs to column ``column_map[j]`` of the
        index; ``None`` entries are not matched.

    Returns
    -------
    ValueMatch or None
        ``None`` when no stored value equals a training value.
    """
    if index is None:
        return None
    values = np.asarray(values, dtype=np.float64)
    d = len(index.names)
    aligned = True
    if column is not None:
        groups = index.match(values, column=column)
    elif column_map is not None and values.ndim >= 1 and values.shape[-1] == len(column_map):
        parts = [
            index.match(values[..., j], column=c) for j, c in enumerate(column_map) if c is not None
        ]
        groups = np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)
    elif allowed is None and values.ndim >= 1 and values.shape[-1] == d and d > 1:
        # one entry per column (data_max_, quantiles_[:, j]): column j matches column j only
        parts = [index.match(values[..., j], column=j) for j in range(d)]
        groups = np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)
    else:
        groups = index.match(values)
        if allowed is not None and groups.size:
            groups = groups[np.isin(index.cols[groups], np.asarray(list(allowed), dtype=np.int64))]
        aligned = False
    if groups.size == 0:
        return None
    counts = index.counts[groups]
    rare = groups[counts < ctx.k]
    # count stored values, not (value, column) pairs: without alignment one value can
    # equal values of several columns
    n_rare = int(rare.size) if aligned else int(np.unique(index.keys[rare]).size)
    n_unique = (
        int((counts == 1).sum())
        if aligned
        else int(np.unique(index.keys[groups[counts == 1]]).size)
    )
    cols = sorted({index.names[c] for c in index.cols[rare]})
    per_col_total = np.bincount(index.cols, minlength=len(index.names))
    per_col_hit = np.bincount(index.cols[groups], minlength=len(index.names))
    with np.errstate(invalid="ignore", divide="ignore"):
        frac = np.where(per_col_total > 0, per_col_hit / np.maximum(per_col_total, 1), 0.0)
    return ValueMatch(
        n_values=int(np.unique(index.keys[groups]).size),
        rare_values=n_rare,
        unique_values=n_unique,
        positions=index.records_of(rare),
        columns=tuple(cols),
        coverage=float(frac.max()) if frac.size else 0.0,
    )
