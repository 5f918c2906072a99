"""MP-S110 Singling out by the boxes of small tree leaves.

A decision tree's parameters are public to anyone holding the model file. The
thresholds on the path from the root to a leaf describe a box: a lower and an
upper bound per feature (a row goes left when ``x <= threshold``). A leaf that
holds fewer than ``k`` training records tells the attacker that fewer than
``k`` people lie in that box, and its value gives away their label (the
majority class) or target. A forest has one leaf box per tree around every
person; intersecting them (the maximum of the lower bounds and the minimum of
the upper bounds, per feature) pins the person down much more tightly than any
single tree.

For every training record :func:`leaf_boxes` routes the record through every
tree, counts the trees in which it sits in a leaf of fewer than ``k`` records
of that tree's own training sample (bootstrap samples are regenerated from the
ensemble's seeds), intersects its leaf boxes, and measures how tightly the
intersected box pins each feature. With population data (people who were not
in the training data, e.g. a holdout) it counts the population records that
fall inside each box: a person is *singled out* when they sit in a small leaf
of at least one tree and their box holds them and at most ``max_population``
population records. Without population data the other training records play
that role.

Severity of the MP-S110 finding (:func:`singling_out_finding`):

* **high** - at least one person is singled out by a box that holds no other
  record (no population record, or no other training record without
  population data), or the leaves give away the label or target of a person
  who sits alone in a leaf of one;
* **medium** - people sit in leaves of fewer than ``k`` records, but their
  boxes hold other records and no lone person's label is given away;
* **info** - nobody sits in a leaf of fewer than ``k`` records.

Remedy: refit with ``min_samples_leaf=k`` (or larger), or prune leaves with
fewer than ``k`` samples into their parent.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from modelprivacy.attacks.target import transform
from modelprivacy.errors import DataError
from modelprivacy.findings import Confidence, Criterion, Finding, RecordsExposed, Severity
from modelprivacy.inspection.data import numeric_matrix
from modelprivacy.models.trees import TreeSpec, UnsupportedTreesError, forest_of, node_boxes
from modelprivacy.singling._units import inverse_map

__all__ = ["CHECK_ID", "SinglingOutResult", "leaf_boxes", "singling_out_finding"]

CHECK_ID = "MP-S110"
DOCS = "docs/singling.md#mp-s110"
REMEDY = (
    "Refit with min_samples_leaf=k (e.g. min_samples_leaf=10) or larger, or prune leaves with "
    "fewer than k samples into their parent."
)
PINNED_FEATURES = 5  # "5 or more features pinned within 1%" in the description
_CELLS = 4_000_000  # booleans per chunk when counting records inside boxes


@dataclass(frozen=True, eq=False)
class SinglingOutResult:
    """How tightly the leaf boxes of a tree model pin down each training record.

    Attributes
    ----------
    n_records : int
        Number of training records.
    k : int
        Leaves of fewer than ``k`` in-bag training records single people out.
    n_trees : int
        Number of trees routed.
    units : {"raw", "transformed"}
        The space of the boxes and of the pinning measures: the raw input
        features, or the preprocessed features the trees split (when the
        preprocessing is not a per-column monotone transform).
    feature_names : tuple of str
        Names of the box columns.
    small_leaf_trees : ndarray of int
        Per record, the trees in which it sits in a leaf of fewer than ``k``
        of that tree's training records.
    alone_trees : ndarray of int
        Per record, the trees in which it sits alone in a leaf.
    pinned_exact, pinned_1pct, pinned_5pct : ndarray of int
        Per record, the features whose box (narrowed to the training values
        inside it) has width 0, at most 1% and at most 5% of the feature's
        range in the training data; features with fewer than three distinct
        values (binary, one-hot) are not counted.
    label_recovered : ndarray of bool
        Per record, whether its small leaves give away its label or target.
    population_in_box : ndarray of int
        Per record, the population records inside its box (``-1`` without
        population data).
    training_in_box : ndarray of int
        Per record, the training records inside its box, itself included
        (``-1`` where not computed).
    singled_out : ndarray of bool
        Per record, whether it sits in a small leaf and its box holds at most
        ``max_population`` other records.
    low, high : ndarray of shape (n_records, n_features)
        The intersected box of each record, in ``units`` (lower bound
        exclusive, upper bound inclusive; infinite when unbounded).
    model : str
        Class name of the tree model.
    path : str
        Attribute path of the trees.
    labels : bool
        Whether leaf values are labels or targets.
    max_population : int
        Most other records a box may hold and still single its person out.
    n_population : int or None
        Number of population records, ``None`` without population data.
    intersect : {"all", "small"}
        Which leaves were intersected.
    seed : int
        The seed given (the computation is deterministic).
    notes : tuple of str
        Caveats (units, in-bag records that could not be regenerated).
    matched : bool
        Whether the training data given was matched to the fit (its row count
        is the one the fit saw, and the in-bag samples were regenerated where
        the model bootstraps). When not, every record given is routed through
        every tree, the counts are estimates and the finding's confidence is
        low.
    match_reason : str
        How the data was matched, or why it could not be.
    exact : bool
        Whether the records each tree was grown on are known exactly (not
        for a subsample or a validation split that cannot be regenerated):
        otherwise the finding's confidence is at most medium.
    """

    n_records: int
    k: int
    n_trees: int
    units: str
    feature_names: tuple[str, ...]
    small_leaf_trees: np.ndarray = field(repr=False)
    alone_trees: np.ndarray = field(repr=False)
    pinned_exact: np.ndarray = field(repr=False)
    pinned_1pct: np.ndarray = field(repr=False)
    pinned_5pct: np.ndarray = field(repr=False)
    label_recovered: np.ndarray = field(repr=False)
    population_in_box: np.ndarray = field(repr=False)
    training_in_box: np.ndarray = field(repr=False)
    singled_out: np.ndarray = field(repr=False)
    low: np.ndarray = field(repr=False)
    high: np.ndarray = field(repr=False)
    model: str = ""
    path: str = ""
    labels: bool = False
    max_population: int = 0
    n_population: int | None = None
    intersect: str = "all"
    seed: int = 0
    notes: tuple[str, ...] = ()
    matched: bool = True
    exact: bool = True
    match_reason: str = ""

    @property
    def exposed(self) -> np.ndarray:
        """Per record, whether it sits in a leaf of fewer than ``k`` in at least one tree."""
        return np.asarray(self.small_leaf_trees > 0)

    @property
    def n_exposed(self) -> int:
        """Records in a leaf of fewer than ``k`` in at least one tree."""
        return int(self.exposed.sum())

    @property
    def n_singled_out(self) -> int:
        """Records singled out by their box."""
        return int(self.singled_out.sum())

    def _others(self) -> np.ndarray:
        """Per record, the other records in its box (population, else training; -1 unknown)."""
        if self.n_population is not None:
            return self.population_in_box
        return np.where(self.training_in_box >= 0, self.training_in_box - 1, -1)

    def summary(self) -> dict[str, Any]:
        """Return the summary counts (JSON-serialisable, no per-record values).

        Returns
        -------
        dict
            ``exposed`` (people in a leaf of fewer than ``k`` in some tree),
            ``alone`` (alone in a leaf in some tree), ``singled_out``,
            ``singled_out_alone_in_box`` (singled out by a box holding no
            other record), ``label_recovered`` (of the exposed),
            ``label_recovered_alone`` (of people alone in a leaf),
            ``median_small_leaf_trees`` (of the singled out),
            ``pinned_features`` (``m``: 5, or fewer when the model has fewer
            features), ``pinned_1pct_many`` (singled out with ``m`` or more
            features pinned within 1%), and ``pinned_exact_any``,
            ``pinned_1pct_any``, ``pinned_5pct_any`` (singled out with at least
            one feature pinned so).
        """
        exposed = self.exposed
        so = self.singled_out
        m = min(PINNED_FEATURES, len(self.feature_names))
        others = self._others()
        trees_so = self.small_leaf_trees[so]
        return {
            "exposed": int(exposed.sum()),
            "alone": int((self.alone_trees > 0).sum()),
            "singled_out": int(so.sum()),
            "singled_out_alone_in_box": int((so & (others == 0)).sum()),
            "label_recovered": int((self.label_recovered & exposed).sum()),
            "label_recovered_alone": int((self.label_recovered & (self.alone_trees > 0)).sum()),
            "median_small_leaf_trees": float(np.median(trees_so)) if trees_so.size else 0.0,
            "pinned_features": m,
            "pinned_1pct_many": int((so & (self.pinned_1pct >= m)).sum()),
            "pinned_exact_any": int((so & (self.pinned_exact > 0)).sum()),
            "pinned_1pct_any": int((so & (self.pinned_1pct > 0)).sum()),
            "pinned_5pct_any": int((so & (self.pinned_5pct > 0)).sum()),
        }

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict of the settings and summary counts.

        Returns
        -------
        dict
            No per-record values and no raw training values.
        """
        return {
            "check_id": CHECK_ID,
            "model": self.model,
            "path": self.path,
            "n_records": self.n_records,
            "n_population": self.n_population,
            "k": self.k,
            "max_population": self.max_population,
            "n_trees": self.n_trees,
            "n_features": len(self.feature_names),
            "units": self.units,
            "intersect": self.intersect,
            "labels": self.labels,
            "seed": self.seed,
            "notes": list(self.notes),
            "matched": self.matched,
            "exact": self.exact,
            "match_reason": self.match_reason,
            "summary": self.summary(),
        }

    def worst(self, n: int = 10) -> np.ndarray:
        """Return the positions of the most exposed records, most exposed first.

        Records are ordered by: singled out, features pinned exactly, within
        1%, within 5%, fewest other records in the box, most small-leaf
        trees, then position. Only records in at least one small leaf are
        returned.

        Parameters
        ----------
        n : int, default=10
            How many to return at most.

        Returns
        -------
        ndarray of int
            Record positions.
        """
        others = self._others().astype(np.float64)
        others = np.where(others < 0, np.inf, others)
        order = np.lexsort(
            (
                np.arange(self.n_records),
                -self.small_leaf_trees,
                others,
                -self.pinned_5pct,
                -self.pinned_1pct,
                -self.pinned_exact,
                -self.singled_out.astype(np.int64),
            )
        )
        order = order[self.exposed[order]]
        return order[: max(int(n), 0)]


def _feature_check(estimator: Any, X: Any, what: str) -> Any:
    """Select and order the columns the model was fitted on, or raise DataError."""
    names = getattr(estimator, "feature_names_in_", None)
    n_in = getattr(estimator, "n_features_in_", None)
    if isinstance(X, pd.DataFrame) and names is not None:
        missing = [str(c) for c in names if c not in X.columns]
        if missing:
            shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
            raise DataError(
                f"{what} lacks {len(missing)} column(s) the model was fitted on: {shown}; "
                "pass the data with the same columns as in fit"
            )
        return X[list(names)]
    width = X.shape[1] if hasattr(X, "shape") and len(X.shape) == 2 else None
    if n_in is not None and width is not None and width != n_in:
        raise DataError(
            f"{what} has {width} columns but the model was fitted on {n_in}; pass the data "
            "with the same columns, in the same order, as in fit"
        )
    return X


def _model_input(
    model: Any, pre: Any, final: Any, X: Any, what: str, forest: Any = None
) -> np.ndarray:
    """The trees' input for ``X`` as a dense float64 matrix."""
    if not hasattr(X, "shape"):
        X = np.asarray(X)
    X = _feature_check(model, X, what)
    if pre is not None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                X = transform(pre, X)  # in blocks of rows: bounded temporaries
        except Exception as exc:
            raise DataError(
                f"the model's preprocessing could not transform {what} ({type(exc).__name__}: "
                f"{exc}); pass the raw data with the columns and types used in fit"
            ) from exc
    if forest is not None and forest.raw_input:
        try:
            return np.ascontiguousarray(forest.prepare(X), dtype=np.float64)
        except UnsupportedTreesError as exc:
            raise DataError(f"{what} does not fit the model's trees: {exc}") from exc
    if sp.issparse(X):
        X = X.toarray()
    m, _ = numeric_matrix(X)
    n_in = getattr(final, "n_features_in_", None)
    if m is None or (n_in is not None and m.shape[1] != n_in):
        raise DataError(
            f"{what} does not give the trees their {n_in} numeric input features; pass the "
            "data as given to fit (raw data for a Pipeline), with numeric columns"
        )
    return np.ascontiguousarray(m, dtype=np.float64)


def _split(model: Any) -> tuple[Any, Any, str]:
    """Return (preprocessing or None, final estimator, path prefix)."""
    steps = getattr(model, "steps", None)
    if type(model).__name__ == "Pipeline" and isinstance(steps, list) and steps:
        final = steps[-1][1]
        pre = model[:-1] if len(steps) > 1 else None
        return pre, final, f"steps[{len(steps) - 1}]."
    return None, model, ""


def _feature_names(pre: Any, final: Any, d: int) -> tuple[str, ...]:
    """Names of the trees' input columns (``x0``, ``x1`` ... when unknown)."""
    names: Any = None
    try:
        names = pre.get_feature_names_out() if pre is not None else final.feature_names_in_
    except Exception:
        names = None
    if names is not None and len(names) == d:
        return tuple(str(c) for c in names)
    return tuple(f"x{i}" for i in range(d))


def _count_in_boxes(
    low: np.ndarray, high: np.ndarray, points: np.ndarray, cells: int = _CELLS
) -> np.ndarray:
    """Count, for each box, the points with ``low < x <= high`` in every feature.

    A missing value counts as inside a side of the box that is unbounded.
    Each box is tested only against the points inside it on one feature, the
    bounded feature with the fewest (found by binary search in that feature's
    sorted values), instead of against every point: far fewer candidates
    than points when boxes are small, as the boxes of small leaves are (the
    worst case, boxes wide in every feature, is the dense test's number of
    comparisons). The candidates are tested on every feature with the
    same comparisons as a dense test of all points, so the counts are the
    same. At most ``cells`` candidate pairs are held at once.
    """
    m, d = low.shape
    out = np.zeros(m, dtype=np.int64)
    n_points = points.shape[0]
    if m == 0 or n_points == 0:
        return out
    unlimited = np.iinfo(np.int64).max
    start = np.zeros((m, d), dtype=np.int64)
    width = np.full((m, d), unlimited, dtype=np.int64)
    sorted_rows: list[np.ndarray] = []
    for j in range(d):
        col = points[:, j]
        rows = np.flatnonzero(~np.isnan(col))
        rows = rows[np.argsort(col[rows], kind="stable")]
        values = col[rows]
        lo, hi = low[:, j], high[:, j]
        # a point inside on feature j is a non-missing value in (lo, hi] (any value when lo is
        # -inf), unless the box is unbounded on both sides, where missing values are inside too
        a = np.where(np.isneginf(lo), 0, np.searchsorted(values, lo, side="right"))
        b = np.maximum(np.searchsorted(values, hi, side="right"), a)
        bounded = ~(np.isneginf(lo) & np.isposinf(hi))
        start[:, j] = a + sum(len(r) for r in sorted_rows)
        width[:, j] = np.where(bounded, b - a, unlimited)
        sorted_rows.append(rows)
    flat = np.concatenate(sorted_rows)
    pivot = np.argmin(width, axis=1)
    boxes = np.arange(m)
    count = width[boxes, pivot]
    everywhere = count == unlimited  # unbounded in every feature: every point is inside
    out[everywhere] = n_points
    todo = np.flatnonzero(~everywhere & (count > 0))
    if todo.size == 0:
        return out
    lengths = count[todo]
    first = start[todo, pivot[todo]]
    ends = np.cumsum(lengths)
    i = 0
    while i < todo.size:
        before = ends[i] - lengths[i]
        stop = max(int(np.searchsorted(ends, before + cells, side="right")), i + 1)
        chunk, length = todo[i:stop], lengths[i:stop]
        which = np.repeat(np.arange(chunk.size), length)
        offsets = np.cumsum(length) - length
        candidates = flat[np.repeat(first[i:stop] - offsets, length) + np.arange(length.sum())]
        lo_c, hi_c = low[chunk], high[chunk]
        inside = np.ones(candidates.size, dtype=bool)
        for j in range(d):
            lo_j, hi_j = lo_c[which, j], hi_c[which, j]
            col = points[candidates, j]
            with np.errstate(invalid="ignore"):
                inside &= ((col > lo_j) | np.isneginf(lo_j)) & ((col <= hi_j) | np.isposinf(hi_j))
        out[chunk] = np.bincount(which[inside], minlength=chunk.size)
        i = stop
    return out


def _pinning(
    low: np.ndarray, high: np.ndarray, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features pinned exactly, within 1% and within 5% of their range, per record.

    Each box side is narrowed to the training values it holds in that
    feature (the smallest value above the lower bound, the largest at or
    below the upper bound), and always spans the record's own value.
    Features with fewer than three distinct training values (constant,
    binary, one-hot columns) are not counted: a box on them only tells the
    category.
    """
    n, d = values.shape
    exact = np.zeros(n, dtype=np.int64)
    p1 = np.zeros(n, dtype=np.int64)
    p5 = np.zeros(n, dtype=np.int64)
    for j in range(d):
        col = values[:, j]
        u = np.unique(col[np.isfinite(col)])
        if u.size < 3:
            continue  # constant, binary or one-hot: the box only tells the category
        rng = u[-1] - u[0]
        for a in range(0, n, _UNITS_ROWS):  # a block of records at a time: few temporaries
            b = min(a + _UNITS_ROWS, n)
            c = col[a:b]
            lo_i = np.clip(np.searchsorted(u, low[a:b, j], side="right"), 0, u.size - 1)
            hi_i = np.clip(np.searchsorted(u, high[a:b, j], side="right") - 1, 0, u.size - 1)
            width = np.maximum(np.fmax(u[hi_i], c) - np.fmin(u[lo_i], c), 0.0)
            ok = ~np.isnan(c)
            exact[a:b] += ok & (width == 0)
            p1[a:b] += ok & (width <= 0.01 * rng)
            p5[a:b] += ok & (width <= 0.05 * rng)
    return exact, p1, p5


_SIGNATURE_LIMIT = 2**62  # cell numbers stay below this (int64)
_INTERSECT_ROWS = 65_536  # records whose leaf boxes are looked up at once
_UNITS_ROWS = 65_536  # records converted to raw units at once


def _compact(keys: np.ndarray) -> np.ndarray:
    """Replace keys by dense codes 0..m-1 (same key, same code)."""
    return np.unique(keys, return_inverse=True)[1].reshape(-1).astype(np.int64)


def leaf_boxes(
    model: Any,
    X: Any,
    y: Any = None,
    *,
    population: Any = None,
    k: int = 10,
    max_population: int = 0,
    seed: int = 0,
    intersect: Literal["all", "small"] = "all",
) -> SinglingOutResult:
    """Reconstruct the leaf boxes of a tree model and measure how they single people out.

    Parameters
    ----------
    model : estimator
        A fitted decision tree, random forest, extra trees, bagging of trees,
        gradient boosting, HistGradientBoosting (numeric splits) or isolation
        forest, alone or as the last step of a Pipeline.
    X : DataFrame or array-like of shape (n, d)
        The training data exactly as given to ``fit`` (raw data for a
        Pipeline; it is transformed with ``model[:-1]``).
    y : array-like of shape (n,), optional
        The training labels or targets, to tell whether the leaves give them
        away.
    population : DataFrame or array-like, optional
        Records of people who were not in the training data (a holdout, or a
        wider population), with the columns of ``X``. Their count inside each
        box decides who is singled out; without it, the other training
        records are counted instead.
    k : int, default=10
        Leaves of fewer than ``k`` training records single people out.
    max_population : int, default=0
        Most other records a box may hold and still single its person out.
    seed : int, default=0
        Recorded in the result; the computation is deterministic (bootstrap
        samples come from the ensemble's own seeds).
    intersect : {"all", "small"}, default="all"
        Intersect the boxes of every leaf a record falls in (every tree: the
        stronger attacker, who can compute every cell of the forest's
        partition), or only of the small leaves it was trained in.

    Returns
    -------
    SinglingOutResult
        Per-record counts and the summary.

    Raises
    ------
    DataError
        If ``X``, ``y`` or ``population`` do not match the model's columns.
        Rows that cannot be matched to the fit (another row count than the
        fit saw) do not raise: the result says so (``matched``,
        ``match_reason``) and the finding's confidence is low.
    ModelPrivacyError
        If the model holds no decision trees.
    """
    if int(k) < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if int(max_population) < 0:
        raise ValueError(f"max_population must be at least 0, got {max_population}")
    if intersect not in ("all", "small"):
        raise ValueError(f"intersect must be 'all' or 'small', got {intersect!r}")
    k = int(k)
    from sklearn.utils import _safe_indexing

    pre, final, prefix = _split(model)
    forest = forest_of(final)
    Xt = _model_input(model, pre, final, X, "X", forest)
    n, d = Xt.shape
    forest.match(n)
    y_arr: np.ndarray | None = None
    if y is not None:
        y_arr = np.asarray(y)
        if y_arr.shape[0] != n:
            raise DataError(
                f"y has {y_arr.shape[0]:,} values but X has {n:,} rows; pass the training "
                "labels in the order of X"
            )
        if y_arr.ndim > 1:
            y_arr = y_arr[:, 0] if y_arr.shape[1] == 1 else None
    P: np.ndarray | None = None
    if population is not None:
        P = _model_input(model, pre, final, population, "population", forest)

    dtype = np.float32 if forest.float32 else np.float64
    n_population = None if P is None else int(P.shape[0])
    coded = forest.raw_input  # prepared from the raw input already: what the trees route
    X_route = Xt if coded else forest.prepare(Xt)
    inverse = inverse_map(pre)
    # the records in raw units are recomputed block by block after the trees: not held
    # as another record-by-feature array while the boxes are intersected
    kept: np.ndarray | None = Xt
    del Xt
    if intersect == "all" and not coded and inverse is not None:
        kept = None
    P_route = P if P is None or coded else forest.prepare(P)
    if intersect == "all":
        P = None  # the population as the trees read it is all that its counts need
    low = np.full((n, d), -np.inf)
    high = np.full((n, d), np.inf)
    small_trees = np.zeros(n, dtype=np.int64)
    alone_trees = np.zeros(n, dtype=np.int64)
    votes = (
        np.zeros((n, len(forest.classes)))
        if forest.labels == "classifier" and forest.classes is not None
        else None
    )
    hit = np.zeros(n, dtype=bool)
    signature = np.zeros(n + (n_population or 0), dtype=np.int64)
    # the cell of the partition every record is in: its leaves so far, as one mixed-radix
    # number below ``bound``, compacted to ranks 0..m-1 only before it could overflow (the
    # ranks of the leaf tuples in lexicographic order, whenever it is compacted)
    bound = 1
    everyone = np.ones(n, dtype=bool)
    for tree, (leaf, pop_leaf) in zip(
        forest.trees, _routed(forest.trees, X_route, P_route), strict=True
    ):
        mask = tree.inbag_mask()
        inbag = everyone if mask is None else mask
        size = np.bincount(leaf[inbag], minlength=tree.n_nodes)[leaf]
        small = inbag & (size < k)
        small_trees += small
        alone_trees += inbag & (size == 1)
        if tree.value is not None and y_arr is not None:
            if votes is not None:
                votes[small] += tree.value[leaf[small]]
            elif y_arr.dtype.kind in "biuf":
                v = tree.value[leaf[small]]
                hit[small] |= np.isclose(v, y_arr[small].astype(np.float64), rtol=1e-6, atol=1e-9)
        n_tree_features = tree.features.size if tree.features is not None else d
        nl, nh = node_boxes(tree, n_tree_features)
        rows = slice(None) if intersect == "all" else np.flatnonzero(small)
        _intersect(low, high, nl, nh, leaf[rows], rows, tree.features)
        if intersect == "all":
            both = leaf if pop_leaf is None else np.concatenate([leaf, pop_leaf])
            if bound * tree.n_nodes > _SIGNATURE_LIMIT:
                signature = _compact(signature)
                bound = int(signature.max(initial=0)) + 1
            signature = signature * tree.n_nodes + both
            bound *= tree.n_nodes

    if intersect == "all":
        signature = _compact(signature)
        del X_route, P_route  # the records as the trees read them: not needed any more
    exposed = small_trees > 0
    recovered = np.zeros(n, dtype=bool)
    if y_arr is not None and forest.labels != "none":
        if votes is not None and forest.classes is not None:
            pred = forest.classes[np.argmax(votes, axis=1)]
            try:
                same = np.asarray(pred.astype(object) == y_arr.astype(object), dtype=bool)
            except (TypeError, ValueError):
                same = np.zeros(n, dtype=bool)
            recovered = exposed & same
        else:
            recovered = exposed & hit

    population_in_box = np.full(n, -1, dtype=np.int64)
    training_in_box = np.full(n, -1, dtype=np.int64)
    if intersect == "all":
        codes = signature[:n]
        training_in_box = np.bincount(codes, minlength=signature.max(initial=0) + 1)[codes]
        if n_population is not None:
            pop_codes = signature[n:]
            population_in_box = np.bincount(pop_codes, minlength=signature.max(initial=0) + 1)[
                codes
            ]
    else:
        # the records in the trees' precision (float32 thresholds), as float64 for the counts
        who = np.flatnonzero(exposed)
        if P is not None:
            population_in_box[:] = P.shape[0]
            points = P.astype(dtype).astype(np.float64)
            population_in_box[who] = _count_in_boxes(low[who], high[who], points)
            del points
        else:
            training_in_box[:] = n
            assert kept is not None
            points = kept.astype(dtype).astype(np.float64)
            training_in_box[who] = _count_in_boxes(low[who], high[who], points)
            del points
    del P
    others = population_in_box if n_population is not None else training_in_box - 1
    singled_out = exposed & (others >= 0) & (others <= int(max_population))

    notes = list(forest.notes)
    if not forest.matched:
        notes.append(f"training data not matched to the fit: {forest.reason}")
    if inverse is None:
        units = "transformed"
        assert kept is not None
        values, low_u, high_u = kept, low, high
        notes.append(
            "the preprocessing is not a per-column monotone transform: boxes and pinning are in "
            "the transformed features the trees split"
        )
    else:
        # block by block: the boxes converted in place, the records into one new array
        units = "raw"
        values = np.empty((n, d))
        for start in range(0, n, _UNITS_ROWS):
            stop = min(start + _UNITS_ROWS, n)
            if kept is None:
                block = _safe_indexing(X, slice(start, stop))
                values[start:stop] = inverse(
                    _model_input(model, pre, final, block, "X", forest), "value"
                )
            else:
                values[start:stop] = inverse(kept[start:stop], "value")
            low[start:stop] = inverse(low[start:stop], "low")
            high[start:stop] = inverse(high[start:stop], "high")
        del kept
        low_u, high_u = low, high
    exact, p1, p5 = _pinning(low_u, high_u, values)
    del values

    arrays = {
        "small_leaf_trees": small_trees,
        "alone_trees": alone_trees,
        "pinned_exact": exact,
        "pinned_1pct": p1,
        "pinned_5pct": p5,
        "label_recovered": recovered,
        "population_in_box": population_in_box,
        "training_in_box": training_in_box,
        "singled_out": singled_out,
        "low": low_u,
        "high": high_u,
    }
    for a in arrays.values():
        a.setflags(write=False)
    return SinglingOutResult(
        n_records=n,
        k=k,
        n_trees=len(forest.trees),
        units=units,
        feature_names=_feature_names(pre, final, d),
        model=type(final).__name__,
        path=prefix + forest.path,
        labels=forest.labels != "none",
        max_population=int(max_population),
        n_population=n_population,
        intersect=intersect,
        seed=int(seed),
        notes=tuple(notes),
        matched=forest.matched,
        exact=forest.exact,
        match_reason=forest.reason,
        **arrays,
    )


def _routed(
    trees: list[TreeSpec], X: np.ndarray, P: np.ndarray | None
) -> Iterator[tuple[np.ndarray, np.ndarray | None]]:
    """:func:`_apply` of each tree in turn, the next tree routed on a thread meanwhile.

    Routing releases the GIL (scikit-learn's ``Tree.apply``), so it overlaps the
    counting and the intersection of boxes of the tree before; a tree's leaves do
    not depend on where it was routed.
    """
    if len(trees) < 2:
        for tree in trees:
            yield _apply(tree, X, P)
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="modelprivacy-boxes") as pool:
        ahead = pool.submit(_apply, trees[0], X, P)
        for i in range(len(trees)):
            done = ahead.result()
            if i + 1 < len(trees):
                ahead = pool.submit(_apply, trees[i + 1], X, P)
            yield done


def _apply(
    tree: TreeSpec, X: np.ndarray, P: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray | None]:
    """Route the training and population rows through one tree."""
    if tree.features is not None:
        X = X[:, tree.features]
        P = None if P is None else P[:, tree.features]
    leaf = tree.route(np.ascontiguousarray(X))
    return leaf, None if P is None else tree.route(np.ascontiguousarray(P))


def _intersect(
    low: np.ndarray,
    high: np.ndarray,
    node_low: np.ndarray,
    node_high: np.ndarray,
    leaf: np.ndarray,
    rows: slice | np.ndarray,
    features: np.ndarray | None,
) -> None:
    """Intersect the records' boxes with the boxes of their leaves, in place.

    Over all rows, in blocks of :data:`_INTERSECT_ROWS`: the leaves' boxes looked up for
    every record at once would be another record-by-feature array per tree.
    """
    if features is None:
        if isinstance(rows, slice):
            for a in range(0, len(leaf), _INTERSECT_ROWS):
                b = a + _INTERSECT_ROWS
                np.maximum(low[a:b], node_low[leaf[a:b]], out=low[a:b])
                np.minimum(high[a:b], node_high[leaf[a:b]], out=high[a:b])
        else:
            low[rows] = np.maximum(low[rows], node_low[leaf])
            high[rows] = np.minimum(high[rows], node_high[leaf])
        return
    for j, col in enumerate(features):  # bootstrap features may repeat a column
        low[rows, col] = np.maximum(low[rows, col], node_low[leaf, j])
        high[rows, col] = np.minimum(high[rows, col], node_high[leaf, j])


def singling_out_finding(result: SinglingOutResult, ids: Any = None) -> Finding:
    """Turn a :class:`SinglingOutResult` into the MP-S110 finding.

    Parameters
    ----------
    result : SinglingOutResult
        The result of :func:`leaf_boxes`.
    ids : array-like of shape (n_records,), optional
        Record IDs, reported instead of row positions.

    Returns
    -------
    Finding
        Severity per the thresholds in this module's docstring; the records
        exposed are the singled-out people. The description holds counts
        only, never raw values.

    Raises
    ------
    DataError
        If ``ids`` does not have one ID per record.
    """
    n, k, T = result.n_records, result.k, result.n_trees
    s = result.summary()
    exposed = result.exposed
    so = result.singled_out
    n_so = int(so.sum())
    if ids is not None:
        id_arr = np.asarray(ids, dtype=object).reshape(-1)
        if id_arr.shape[0] != n:
            raise DataError(
                f"ids has {id_arr.shape[0]:,} values for {n:,} records; pass one per record"
            )
        picked = tuple(int(v) if isinstance(v, (int, np.integer)) else str(v) for v in id_arr[so])
    else:
        picked = tuple(int(i) for i in np.flatnonzero(so))
    others = result._others()
    lone_label = result.labels and s["label_recovered_alone"] > 0
    if not exposed.any():
        severity = Severity.INFO
    elif (so & (others == 0)).any() or lone_label:
        severity = Severity.HIGH
    else:
        severity = Severity.MEDIUM

    where = "a leaf" if T == 1 else "leaves"
    reference = (
        "population records" if result.n_population is not None else "other training records"
    )
    of_population = f" (of {result.n_population:,})" if result.n_population is not None else ""
    mp = result.max_population
    if not exposed.any():
        description = (
            f"No training record sits in a leaf of fewer than {k} training records in "
            + ("the tree." if T == 1 else f"any of the {T:,} trees.")
        )
    else:
        lead = f"{n_so:,} of {n:,} people are singled out by {where} of fewer than {k} people"
        if T > 1 and n_so:
            lead += (
                f" (half of them in {s['median_small_leaf_trees']:.0f} or more of the {T:,} trees)"
            )
        box = (
            f"; each one's box holds no {reference}{of_population}"
            if mp == 0
            else f"; each one's box holds at most {mp:,} {reference}{of_population}"
        )
        parts = [lead + (box if n_so else "")]
        m = s["pinned_features"]
        if n_so and m:
            parts.append(
                f"{s['pinned_1pct_many']:,} have {m} or more features pinned within 1% "
                f"of their range, {s['pinned_exact_any']:,} at least one feature pinned exactly"
            )
        if n_so < s["exposed"]:
            rest = s["exposed"] - n_so
            parts.append(
                f"{rest:,} {'more ' if n_so else ''}{'person sits' if rest == 1 else 'people sit'} "
                f"in a leaf of fewer than {k}, but their boxes hold "
                + (f"more than {mp:,} " if mp else "")
                + reference
            )
        if result.labels:
            parts.append(
                f"the leaves give away the label or target of {s['label_recovered']:,} of the "
                f"people in small leaves ({s['label_recovered_alone']:,} alone in a leaf)"
            )
        description = "; ".join(parts) + "."
    if result.units == "transformed":
        description += " Boxes are in the preprocessed features the trees split."
    if not result.matched:
        description += (
            f" The training data given could not be matched to the fit ({result.match_reason}):"
            " the counts are estimates, and the people named may not be the ones the leaves hold."
        )
    evidence = {
        "n_trees": T,
        "k": k,
        "units": result.units,
        "intersect": result.intersect,
        "n_population": result.n_population,
        "max_population": result.max_population,
        "matched": result.matched,
        **s,
    }
    return Finding(
        check_id=CHECK_ID,
        title="People singled out by the boxes of small tree leaves",
        criterion=Criterion.SINGLING_OUT,
        severity=severity,
        confidence=(
            Confidence.LOW
            if not result.matched
            else Confidence.HIGH
            if result.exact
            else Confidence.MEDIUM
        ),
        path=result.path,
        estimator=result.model,
        description=description,
        records=RecordsExposed(count=n_so, ids=picked, of=n),
        remedy=REMEDY,
        docs=DOCS,
        evidence=evidence,
    )
