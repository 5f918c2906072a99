"""Training data as the model saw it, indexed for matching.

With training data, every claim of an inspection check is confirmed against
the data and counted in distinct training records. A model inside a Pipeline or
ColumnTransformer did not see the raw columns: :func:`propagate_inputs` replays
the fitted preprocessing so that each nested estimator is matched against its
own input (for example the one-hot encoded, scaled rows a k-NN stores).
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from modelprivacy.inspection.walker import is_estimator

__all__ = ["RowIndex", "TrainingData", "ValueIndex", "propagate_inputs"]

_MAX_DENSE_CELLS = 20_000_000
# Look-ups of at most this many values, or rows, compare them with the data directly
# (a pass over it each) until an index is needed: cheaper than sorting the data
_DIRECT_VALUES = 16
_SPLIT_BLOCK = 1 << 20  # index cells split into record and column per block
_DIRECT_ROWS = 4


def _join(path: str, attr: str) -> str:
    return f"{path}.{attr}" if path else attr


def numeric_matrix(X: Any) -> tuple[np.ndarray | None, list[str]]:
    """Return the numeric columns of ``X`` as a float64 matrix, and their names.

    Parameters
    ----------
    X : DataFrame, ndarray, sparse matrix or sequence
        Data in any form an estimator accepts.

    Returns
    -------
    matrix : ndarray of shape (n, d) or None
        ``None`` when ``X`` has no numeric columns or is too large to densify.
    names : list of str
        Column names (``x0``, ``x1`` ... when ``X`` has none).
    """
    if isinstance(X, pd.DataFrame):
        num = X.select_dtypes(include=["number", "bool"])
        if num.shape[1] == 0:
            return None, []
        return num.to_numpy(dtype=np.float64, na_value=np.nan), [str(c) for c in num.columns]
    if isinstance(X, pd.Series):
        if pd.api.types.is_numeric_dtype(X):
            return X.to_numpy(dtype=np.float64, na_value=np.nan).reshape(-1, 1), [str(X.name)]
        return None, []
    if sp.issparse(X):
        if X.shape[0] * X.shape[1] > _MAX_DENSE_CELLS:
            return None, []
        X = X.toarray()
    try:
        arr = np.asarray(X)
    except Exception:
        return None, []
    if arr.dtype.kind not in "biuf" or arr.size == 0:
        if arr.dtype == object:
            try:
                arr = arr.astype(np.float64)
            except (TypeError, ValueError):
                return None, []
        else:
            return None, []
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    if arr.ndim != 2:
        return None, []
    return arr.astype(np.float64, copy=False), [f"x{i}" for i in range(arr.shape[1])]


@dataclass
class ValueIndex:
    """Every distinct value of every column, with the records that hold it.

    The index is built on first use; a look-up of a few values that the data
    does not hold (most of what a model stores) is answered by comparing them
    with the data, without building it.

    Parameters
    ----------
    matrix : ndarray of shape (n, d)
        The data, float64. NaNs are ignored.
    names : list of str
        Column names.
    float32 : bool, default=False
        Index the values as rounded to float32 (how trees and float32 models
        store them).
    """

    matrix: np.ndarray
    names: list[str]
    float32: bool = False
    _index: tuple[np.ndarray, ...] | None = field(default=None, init=False, repr=False)

    @property
    def keys(self) -> np.ndarray:
        """The distinct values, sorted; one per (value, column) group."""
        return self._built()[0]

    @property
    def cols(self) -> np.ndarray:
        """The column of each group."""
        return self._built()[1]

    @property
    def counts(self) -> np.ndarray:
        """How many records hold each group's value in its column."""
        return self._built()[2]

    @property
    def starts(self) -> np.ndarray:
        """Where each group's records start in :attr:`records`."""
        return self._built()[3]

    @property
    def records(self) -> np.ndarray:
        """The records of every group, group after group, each group's in row order."""
        return self._built()[4]

    def _built(self) -> tuple[np.ndarray, ...]:
        if self._index is None:
            self._index = self._build()
        return self._index

    def _build(self) -> tuple[np.ndarray, ...]:
        n = self.matrix.shape[0]
        # column by column (ordered by (column, record)): one copy of the data, rounded
        # in place to float32 where the model stores float32
        vals = self.matrix.ravel(order="F")
        if np.shares_memory(vals, self.matrix):
            vals = vals.copy()
        if self.float32:
            np.copyto(vals, vals.astype(np.float32))
        ok = ~np.isnan(vals)
        flat = np.flatnonzero(ok) if not ok.all() else None
        del ok
        if flat is not None:
            vals = vals[flat]
        # sorted by (value, column, record): a stable sort by value keeps the (column,
        # record) order of equal values, the order np.lexsort((recs, cols, vals)) gives
        order = np.argsort(vals, kind="stable")
        vals = vals[order]
        pos = order if flat is None else flat[order]
        del order, flat
        # position = column * n + record, split block by block into the records (int32
        # below 2**31 rows) and the columns, no further array of every cell at a time
        recs = np.empty(pos.size, dtype=np.int32 if n < 2**31 else np.int64)
        cols = np.empty(pos.size, dtype=np.int32)
        for a in range(0, pos.size, _SPLIT_BLOCK):
            cols[a : a + _SPLIT_BLOCK], recs[a : a + _SPLIT_BLOCK] = np.divmod(
                pos[a : a + _SPLIT_BLOCK], max(n, 1)
            )
        del pos
        if vals.size:
            new = np.r_[True, (vals[1:] != vals[:-1]) | (cols[1:] != cols[:-1])]
        else:
            new = np.zeros(0, dtype=bool)
        starts = np.flatnonzero(new)
        counts = np.diff(np.r_[starts, vals.size])
        return vals[starts], cols[starts], counts, starts, recs

    def _rounded(self, m: np.ndarray) -> np.ndarray:
        return m.astype(np.float32).astype(np.float64) if self.float32 else m

    def _holds(self, values: np.ndarray, column: int | None) -> bool:
        """Whether the data holds any of ``values`` (distinct, finite) in ``column`` (or any)."""
        m = self.matrix
        if column is not None:
            if not 0 <= column < m.shape[1]:
                return False
            m = m[:, column]
        return bool(np.isin(self._rounded(m), values).any())

    def match(self, values: np.ndarray, column: int | None = None) -> np.ndarray:
        """Return the positions of index groups equal to any of ``values``.

        Parameters
        ----------
        values : ndarray
            Stored values to look up (NaNs and infinities never match).
        column : int, optional
            Restrict to this column of the data.

        Returns
        -------
        ndarray of int
            Group positions into ``keys``/``cols``/``counts`` (each a
            (value, column) pair), distinct and sorted.
        """
        v = np.asarray(values, dtype=np.float64).reshape(-1)
        v = v[np.isfinite(v)]
        if self.float32:
            v = v.astype(np.float32).astype(np.float64)
        none = np.zeros(0, dtype=np.int64)
        if v.size == 0:
            return none
        v = np.unique(v)
        # a few values are compared with the data (one pass each) before the index is built
        if self._index is None and v.size <= _DIRECT_VALUES and not self._holds(v, column):
            return none
        if self.keys.size == 0:
            return none
        lo = np.searchsorted(self.keys, v, side="left")
        hi = np.searchsorted(self.keys, v, side="right")
        hit = hi > lo
        if not hit.any():
            return np.zeros(0, dtype=np.int64)
        groups = np.concatenate([np.arange(a, b) for a, b in zip(lo[hit], hi[hit], strict=True)])
        if column is not None:
            groups = groups[self.cols[groups] == column]
        return groups

    def records_of(self, groups: Iterable[int]) -> np.ndarray:
        """Return the distinct record positions holding the given groups."""
        parts = [self.records[self.starts[g] : self.starts[g] + self.counts[g]] for g in groups]
        if not parts:
            return np.zeros(0, dtype=np.int64)
        return np.unique(np.concatenate(parts)).astype(np.int64, copy=False)


@dataclass
class RowIndex:
    """Training rows by their bytes, to find rows stored verbatim.

    A few stored rows are compared with every training row; more are looked
    up in an index of the distinct rows, built on first need.

    Parameters
    ----------
    matrix : ndarray of shape (n, d)
        The data, float64.
    float32 : bool, default=False
        Index the rows as rounded to float32.
    """

    matrix: np.ndarray
    float32: bool = False
    _rows: np.ndarray = field(init=False, repr=False)
    _keep: np.ndarray = field(init=False, repr=False)
    _index: tuple[np.ndarray, np.ndarray, np.ndarray] | None = field(
        default=None, init=False, repr=False
    )

    def __post_init__(self) -> None:
        m = self.matrix.astype(np.float32) if self.float32 else np.ascontiguousarray(self.matrix)
        self._rows = np.ascontiguousarray(m)
        self._keep = np.zeros(0, dtype=bool)
        if self._rows.ndim == 2 and self._rows.size:
            # an empty (all NaN) or all-zero row identifies nobody (NaN counts as non-zero)
            m = self._rows
            self._keep = ~(np.isnan(m).all(axis=1) | ~m.any(axis=1))

    def _built(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The distinct kept rows (sorted bytes), the kept rows' positions and distinct row."""
        if self._index is None:
            kept = np.flatnonzero(self._keep).astype(np.int64)
            keys, inverse = np.unique(_row_bytes(self._rows[kept]), return_inverse=True)
            self._index = (keys, kept, inverse.reshape(-1))
        return self._index

    def match(self, stored: np.ndarray) -> tuple[int, np.ndarray]:
        """Count stored rows equal to training rows.

        Parameters
        ----------
        stored : ndarray of shape (m, d)
            The rows found in the model.

        Returns
        -------
        n_rows : int
            How many stored rows are training rows.
        records : ndarray of int
            The distinct training records those rows are (duplicates included).
        """
        dtype = np.float32 if self.float32 else np.float64
        s = np.ascontiguousarray(np.asarray(stored, dtype=dtype))
        if s.ndim == 0:
            raise TypeError("iteration over a 0-d array")
        none = (0, np.zeros(0, dtype=np.int64))
        m = self._rows
        if not len(s) or not self._keep.any() or s[0].nbytes != m.shape[1] * m.itemsize:
            return none
        s = s.reshape(len(s), -1)
        if len(s) <= _DIRECT_ROWS and self._index is None:
            data = _row_bytes(m)
            found = np.zeros(len(m), dtype=bool)
            n_rows = 0
            for row in _row_bytes(s):
                same = (data == row) & self._keep
                if same.any():
                    n_rows += 1
                    found |= same
            return n_rows, np.flatnonzero(found).astype(np.int64)
        keys, kept, groups = self._built()
        rows = _row_bytes(s)
        pos = np.minimum(np.searchsorted(keys, rows), len(keys) - 1)
        hit = keys[pos] == rows
        if not hit.any():
            return none
        matched = np.zeros(len(keys), dtype=bool)
        matched[pos[hit]] = True
        return int(hit.sum()), kept[matched[groups]]


def _row_bytes(m: np.ndarray) -> np.ndarray:
    """The rows of a 2-D array as a 1-D array of opaque byte strings (``np.void``)."""
    m = np.ascontiguousarray(m)
    return m.view(np.dtype((np.void, m.shape[1] * m.itemsize))).reshape(-1)


def _attr(obj: Any, name: str) -> Any:
    """An attribute of ``obj`` from its ``__dict__`` (no properties, nothing that can raise)."""
    state = _state(obj)
    return state.get(name) if state is not None else None


def _state(obj: Any) -> dict[str, Any] | None:
    try:
        state = getattr(obj, "__dict__", None)
    except Exception:
        return None
    return state if isinstance(state, dict) else None


def _select_columns(X: Any, cols: Any) -> Any:
    from sklearn.utils import _safe_indexing

    if callable(cols):
        cols = cols(X)
    if isinstance(cols, str) and isinstance(X, pd.DataFrame):
        return X[cols]
    return _safe_indexing(X, cols, axis=1)


def propagate_inputs(
    estimator: Any,
    X: Any,
    path: str = "",
    y: Any = None,
    column_names: dict[int, list[str]] | None = None,
) -> dict[str, Any]:
    """Map each nested estimator's path to the data it was fitted on.

    The fitted preprocessing of Pipelines, ColumnTransformers and
    FeatureUnions is replayed on ``X``; bagging ensembles pass their feature
    subsets; any other nested estimator is assumed to have seen its parent's
    input.

    Parameters
    ----------
    estimator : estimator
        The fitted root estimator.
    X : array-like
        The raw training data, as given to ``estimator.fit``.
    path : str, default=""
        Path of ``estimator`` (as the walker writes it).
    y : array-like, optional
        The training target; classifier and regressor chains append earlier
        targets to the input of later links.
    column_names : dict, optional
        Filled with ``{id(matrix): names}`` for the outputs of pipeline steps
        that know their feature names.

    Returns
    -------
    dict
        ``{estimator_path: input_data}``.
    """
    # in blocks of rows for scikit-learn steps (the import here: attacks imports inspection)
    from modelprivacy.attacks.target import transform

    out: dict[str, Any] = {}
    seen: set[int] = set()
    names = column_names if column_names is not None else {}

    def visit(est: Any, X_in: Any, p: str, depth: int) -> None:
        if depth > 50 or id(est) in seen or X_in is None:
            return
        seen.add(id(est))
        out[p] = X_in
        state = _state(est)
        if state is None:
            return
        steps = _attr(est, "steps")
        if isinstance(steps, list) and type(est).__name__ == "Pipeline":
            Xi = X_in
            for i, (_, step) in enumerate(steps):
                if step is None or isinstance(step, str):
                    continue
                visit(step, Xi, f"{_join(p, 'steps')}[{i}]", depth + 1)
                if i < len(steps) - 1:
                    try:
                        with warnings.catch_warnings():
                            warnings.simplefilter(
                                "ignore"
                            )  # replaying fit-time data, as fit saw it
                            Xi = transform(step, Xi)
                    except Exception:
                        return
                    with contextlib.suppress(Exception):
                        names[id(Xi)] = [str(c) for c in step.get_feature_names_out()]
            return
        transformers = _attr(est, "transformers_")
        if isinstance(transformers, list):
            for i, item in enumerate(transformers):
                _, trans, cols = item
                if isinstance(trans, str):
                    continue
                try:
                    sub = _select_columns(X_in, cols)
                except Exception:
                    continue
                visit(trans, sub, f"{_join(p, 'transformers_')}[{i}]", depth + 1)
            return
        tlist = _attr(est, "transformer_list")
        if isinstance(tlist, list) and type(est).__name__ == "FeatureUnion":
            for i, (_, trans) in enumerate(tlist):
                if not isinstance(trans, str):
                    visit(trans, X_in, f"{_join(p, 'transformer_list')}[{i}]", depth + 1)
            return
        order = _attr(est, "order_")
        chain = _attr(est, "estimators_")
        if (
            order is not None
            and isinstance(chain, list)
            and y is not None
            and type(est).__name__.endswith("Chain")
        ):
            m, _ = numeric_matrix(X_in)
            Y = np.asarray(y, dtype=np.float64).reshape(len(y), -1)
            if m is not None and Y.shape[1] == len(chain):
                for i, link in enumerate(chain):
                    visit(
                        link,
                        np.hstack([m, Y[:, list(order[:i])]]),
                        f"{_join(p, 'estimators_')}[{i}]",
                        depth + 1,
                    )
            return
        binner = _attr(est, "_bin_mapper")
        pre = _attr(est, "_preprocessor")
        if type(est).__name__.startswith("HistGradientBoosting") and binner is not None:
            # the bins were fitted on the internal preprocessor's output (categorical columns
            # first), not on the booster's own input
            if pre is not None:
                visit(pre, X_in, _join(p, "_preprocessor"), depth + 1)
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        X_binned = transform(pre, X_in)
                except Exception:
                    X_binned = None
                if X_binned is None:
                    seen.add(id(binner))  # its input is unknown: not the booster's input
                visit(binner, X_binned, _join(p, "_bin_mapper"), depth + 1)
            else:
                visit(binner, X_in, _join(p, "_bin_mapper"), depth + 1)
        features = _attr(est, "estimators_features_")
        for name, value in list(state.items()):
            if name in (
                "final_estimator_",
                "final_estimator",
                "estimator",
                "estimators",
                "base_estimator",
            ):
                continue
            child_path = _join(p, name)
            if is_estimator(value) and not isinstance(value, type):
                visit(value, X_in, child_path, depth + 1)
            elif isinstance(value, (list, tuple, np.ndarray)):
                flat = (
                    np.asarray(value, dtype=object).reshape(-1)
                    if isinstance(value, np.ndarray)
                    else value
                )
                if isinstance(value, np.ndarray) and value.dtype != object:
                    continue
                for i, item in enumerate(flat):
                    if isinstance(value, np.ndarray) and value.ndim == 2:
                        r, c = divmod(i, value.shape[1])
                        item_path = f"{child_path}[{r}, {c}]"
                    else:
                        item_path = f"{child_path}[{i}]"
                    if isinstance(item, tuple) and len(item) >= 2 and isinstance(item[0], str):
                        item = item[1]
                    if not is_estimator(item):
                        continue
                    X_item = X_in
                    if name == "estimators_" and features is not None and i < len(features):
                        try:
                            X_item = _select_columns(X_in, np.asarray(features[i]))
                        except Exception:
                            X_item = X_in
                    visit(item, X_item, item_path, depth + 1)

    visit(estimator, X, path, 0)
    return out


@dataclass
class TrainingData:
    """The training data of the inspected model, indexed for the checks.

    Parameters
    ----------
    X : DataFrame or array-like
        Training features exactly as given to ``fit``.
    y : ndarray, optional
        Training target.
    ids : ndarray, optional
        Record IDs (row positions when not given).
    """

    X: Any
    y: np.ndarray | None = None
    ids: np.ndarray | None = None
    inputs: dict[str, Any] = field(default_factory=dict, repr=False)
    _value_cache: dict[tuple[int, bool], ValueIndex | None] = field(
        default_factory=dict, repr=False
    )
    _row_cache: dict[tuple[int, bool], RowIndex | None] = field(default_factory=dict, repr=False)
    _num_cache: dict[int, tuple[np.ndarray | None, list[str]]] = field(
        default_factory=dict, repr=False
    )
    _names: dict[int, list[str]] = field(default_factory=dict, repr=False)

    @property
    def n(self) -> int:
        """Number of training records."""
        return int(self.X.shape[0]) if hasattr(self.X, "shape") else len(self.X)

    def bind(self, estimator: Any) -> None:
        """Replay the estimator's preprocessing to know each part's input."""
        self.inputs = propagate_inputs(estimator, self.X, y=self.y, column_names=self._names)

    def input_for(self, owner_path: str) -> Any:
        """The data the estimator at ``owner_path`` was fitted on."""
        p = owner_path
        while True:
            if p in self.inputs:
                return self.inputs[p]
            if not p:
                return self.X
            cut = max(p.rfind("."), p.rfind("["))
            p = p[:cut] if cut > 0 else ""

    def numeric(self, X: Any) -> tuple[np.ndarray | None, list[str]]:
        """Cached :func:`numeric_matrix` of one input."""
        key = id(X)
        if key not in self._num_cache:
            m, names = numeric_matrix(X)
            known = self._names.get(key)
            if m is not None and known is not None and len(known) == m.shape[1]:
                names = known
            self._num_cache[key] = (m, names)
        return self._num_cache[key]

    def positions(self, X: Any) -> list[int]:
        """Where each column of :meth:`numeric` lies among the columns of ``X``."""
        m, _ = self.numeric(X)
        if m is None:
            return []
        if isinstance(X, pd.DataFrame):
            kept = set(X.select_dtypes(include=["number", "bool"]).columns)
            return [i for i, c in enumerate(X.columns) if c in kept]
        return list(range(m.shape[1]))

    def values(self, X: Any, float32: bool = False) -> ValueIndex | None:
        """Cached :class:`ValueIndex` of one input's numeric columns."""
        key = (id(X), float32)
        if key not in self._value_cache:
            m, names = self.numeric(X)
            self._value_cache[key] = None if m is None else ValueIndex(m, names, float32)
        return self._value_cache[key]

    def rows(self, X: Any, float32: bool = False) -> RowIndex | None:
        """Cached :class:`RowIndex` of one input's numeric columns."""
        key = (id(X), float32)
        if key not in self._row_cache:
            m, _ = self.numeric(X)
            self._row_cache[key] = None if m is None else RowIndex(m, float32)
        return self._row_cache[key]

    def inputs_to_match(self, owner_path: str) -> list[Any]:
        """The estimator's own input, then the raw data if that is another object."""
        own = self.input_for(owner_path)
        return [own] if own is self.X else [own, self.X]

    def y_numeric(self) -> np.ndarray | None:
        """The target as float64 (2-D targets flattened), or None if not numeric."""
        if self.y is None:
            return None
        arr = np.asarray(self.y)
        if arr.dtype.kind not in "biuf":
            return None
        return arr.astype(np.float64)

    def record_ids(self, positions: Iterable[int]) -> tuple[int | str, ...]:
        """Map record positions to record IDs."""
        pos = np.asarray(sorted(set(int(p) for p in positions)), dtype=np.int64)
        if self.ids is None:
            return tuple(int(p) for p in pos)
        out: list[int | str] = []
        for v in np.asarray(self.ids, dtype=object)[pos]:
            out.append(int(v) if isinstance(v, (int, np.integer)) else str(v))
        return tuple(out)
