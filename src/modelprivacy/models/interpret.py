"""interpret's Explainable Boosting Machines: what a fitted EBM stores of its training data.

An EBM (``ExplainableBoostingClassifier``/``Regressor`` and their
differentially private variants) is an additive model: one score table per
term (a feature, or a pair of features), indexed by the feature's bins. Its
fitted state, a scikit-learn estimator's ``__dict__``, keeps, per feature:

- ``bins_``: for a numeric feature, one array of cut points per binning level
  (main effects, then pairs). With fewer distinct values than ``max_bins``
  (1024 by default) there is a cut between every two adjacent distinct
  training values, at their exact midpoint, so the cut points and one known
  value (for whole numbers, the cut points alone) rebuild every value of the
  column. For a nominal or ordinal feature, a dict from every category string
  to its bin: every category, a one-person category included;
- ``feature_bounds_``: the exact minimum and maximum of every numeric feature
  (a differentially private EBM too, unless it is given ``privacy_bounds``);
- ``histogram_edges_``: equal-width edges from that minimum to that maximum;
- ``bin_weights_``: the training weight of every bin of every term, which is
  its row count unless sample weights were given (over all rows passed to
  ``fit``, the validation split included). A bin of weight 1 holds one person:
  it pins their value between two cut points (their category, for a nominal
  feature), and the bin's score was fitted to them alone;
- ``unique_val_counts_``: the number of distinct values of every feature.

The walk hook exposes them in the shapes the inspection checks read:
``feature_bounds_`` as a ``(2, d)`` array of minima and maxima (NaN for
categorical features), which MP-S103 matches column by column like a
MinMaxScaler's ``data_min_``; ``bin_thresholds_``, the cut points of every
level of each feature, which MP-S104 matches against midpoints of adjacent
training values as it does HistGradientBoosting's bin thresholds (a column is
rebuilt in full when it has one cut fewer than ``unique_val_counts_``); and
``categories_``, the category strings of each feature like an encoder's, which
MP-S106 counts against the training data and MP-S107 lists. MP-S106 reads
``bin_weights_`` through :func:`small_bins`.

EBM terms are lookup tables over bins, not trees: a term is not put on the
shared tree representation (:mod:`modelprivacy.models.trees`), whose leaf
checks would read a bin's score as a leaf's prediction; the bins are read here.

The sanitize rule ``ebm_bins`` (:mod:`modelprivacy.sanitizing.ebm`) removes
``feature_bounds_``, merges bins until each holds ``k`` records and moves the
cut points off the midpoints, with the same binning as :func:`small_bins`.

The file is validated before any of this is read
(:func:`modelprivacy.load.validate.validate_model`): cut points flat, finite
and increasing, category maps of text to bin numbers, tables shaped by the
bins. The hook still reads defensively and skips what it does not recognise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from modelprivacy.models._registry import Stored, register_walk_hook

__all__ = [
    "EBM_CLASSES",
    "BinGroups",
    "categories",
    "cut_points",
    "feature_ranges",
    "small_bins",
]

_TEST = "tests/models/test_ebm.py"

#: What interpret's EBMs store about the training data (``docs/libraries.md`` is generated from it).
STORES = (
    Stored(
        "feature_bounds_, histogram_edges_",
        "the fitted EBM (pickle or skops)",
        "the exact minimum and maximum of every numeric feature, differentially private EBMs "
        "included",
        "MP-S103",
        _TEST,
    ),
    Stored(
        "bins_ (cut points)",
        "every numeric feature",
        "midpoints of every two adjacent distinct training values while there are fewer than "
        "max_bins: with one known value, every value of the column",
        "MP-S104",
        _TEST,
    ),
    Stored(
        "bins_ (category maps)",
        "every nominal or ordinal feature",
        "every category string, a one-person category included",
        "MP-S106",
        _TEST,
    ),
    Stored(
        "bin_weights_",
        "every bin of every term",
        "the training rows of every bin (without sample weights): a bin of one person pins their "
        "value between two cut points, and its score was fitted to them alone",
        "MP-S106",
        _TEST,
    ),
)

_MODULE = "interpret.glassbox._ebm._ebm"
#: The EBM classes, by ``module.QualifiedName`` (the base first).
EBM_CLASSES = tuple(
    f"{_MODULE}.{name}"
    for name in (
        "EBMModel",
        "ExplainableBoostingClassifier",
        "ExplainableBoostingRegressor",
        "DPExplainableBoostingClassifier",
        "DPExplainableBoostingRegressor",
    )
)
_MISSING_KEY = "\x00missing"


def is_ebm(obj: Any) -> bool:
    """Whether ``obj`` is an EBM of interpret (without importing interpret).

    Parameters
    ----------
    obj : object
        Any object.

    Returns
    -------
    bool
        True for instances of :data:`EBM_CLASSES`.
    """
    return any(
        f"{klass.__module__}.{klass.__qualname__}" in EBM_CLASSES for klass in type(obj).__mro__
    )


def _state(ebm: Any) -> dict[str, Any]:
    state = getattr(ebm, "__dict__", None)
    return state if isinstance(state, dict) else {}


def _features(state: dict[str, Any]) -> list[tuple[str, list[Any]]] | None:
    """``(type, levels)`` of every feature, or None for an unfitted or unreadable EBM."""
    bins, kinds = state.get("bins_"), state.get("feature_types_in_")
    if not isinstance(bins, list) or not isinstance(kinds, list) or len(bins) != len(kinds):
        return None
    return [
        (str(kind), levels if isinstance(levels, list) else [])
        for kind, levels in zip(kinds, bins, strict=True)
    ]


def _is_cuts(level: Any) -> bool:
    return isinstance(level, np.ndarray) and level.ndim == 1 and level.dtype.kind == "f"


def feature_ranges(ebm: Any) -> np.ndarray | None:
    """The stored minimum and maximum of every numeric feature, as a ``(2, d)`` array.

    Parameters
    ----------
    ebm : EBM
        A fitted Explainable Boosting Machine.

    Returns
    -------
    ndarray or None
        Row 0 the minima, row 1 the maxima (``feature_bounds_`` transposed),
        NaN for categorical features; None when the EBM keeps no bounds.
    """
    bounds = _state(ebm).get("feature_bounds_")
    if not isinstance(bounds, np.ndarray) or bounds.ndim != 2 or bounds.shape[1] != 2:
        return None
    if bounds.dtype.kind != "f" or not np.isfinite(bounds).any():
        return None
    return np.ascontiguousarray(bounds.T, dtype=np.float64)


def cut_points(ebm: Any) -> list[np.ndarray] | None:
    """The cut points of every numeric feature, all binning levels together.

    Parameters
    ----------
    ebm : EBM
        A fitted Explainable Boosting Machine.

    Returns
    -------
    list of ndarray or None
        One sorted array of distinct cut points per feature (empty for
        categorical features); None when the EBM has none.
    """
    features = _features(_state(ebm))
    if features is None:
        return None
    out: list[np.ndarray] = []
    for kind, levels in features:
        cuts = [np.asarray(level, dtype=np.float64) for level in levels if _is_cuts(level)]
        joined = np.unique(np.concatenate(cuts)) if kind == "continuous" and cuts else None
        out.append(joined[np.isfinite(joined)] if joined is not None else np.empty(0))
    return out if any(c.size for c in out) else None


def categories(ebm: Any) -> list[np.ndarray] | None:
    """The category strings of every nominal or ordinal feature, like an encoder's ``categories_``.

    Parameters
    ----------
    ebm : EBM
        A fitted Explainable Boosting Machine.

    Returns
    -------
    list of ndarray or None
        One object array of the categories of each feature (all binning
        levels together; empty for numeric features); None when there are none.
    """
    features = _features(_state(ebm))
    if features is None:
        return None
    out: list[np.ndarray] = []
    for kind, levels in features:
        seen: dict[str, None] = {}
        if kind != "continuous":
            for level in levels:
                if isinstance(level, dict):
                    seen.update((key, None) for key in level if isinstance(key, str))
        out.append(np.asarray(list(seen), dtype=object))
    return out if any(c.size for c in out) else None


@register_walk_hook(*EBM_CLASSES)
def _walk_ebm(ebm: Any) -> Iterable[tuple[str, Any]]:
    """The EBM's bounds, cut points and categories in the shapes the checks read."""
    out: list[tuple[str, Any]] = []
    ranges = feature_ranges(ebm)
    if ranges is not None:
        # under the attribute's own path, so that the (d, 2) original is not read again
        out.append(("feature_bounds_", ranges))
    cuts = cut_points(ebm)
    if cuts is not None:
        out.append(("bin_thresholds_", cuts))
    cats = categories(ebm)
    if cats is not None:
        out.append(("categories_", cats))
    return out


# -- bins of few people ------------------------------------------------------------------


@dataclass(frozen=True)
class BinGroups:
    """The bins of an EBM's terms that hold fewer than k training records.

    Attributes
    ----------
    bins : int
        Non-empty bins (cells, for pairs) over all terms.
    small : int
        Of those, bins of fewer than k records.
    single : int
        Of those, bins of one record.
    terms : dict
        Per term name with small bins, ``{"small": n, "single": n}``.
    positions : ndarray or None
        The training records in small bins, when the training data was given.
    from_data : bool
        Whether the counts are the training data's (else the stored weights').
    """

    bins: int
    small: int
    single: int
    terms: dict[str, dict[str, int]]
    positions: np.ndarray | None
    from_data: bool


def _column(X: Any, j: int, name: str) -> np.ndarray | None:
    if isinstance(X, pd.DataFrame):
        if name in X.columns:
            return X[name].to_numpy()
        return X.iloc[:, j].to_numpy() if j < X.shape[1] else None
    arr = np.asarray(X, dtype=object) if not hasattr(X, "toarray") else None
    if arr is None or arr.ndim != 2 or j >= arr.shape[1]:
        return None
    return arr[:, j]


def _key(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return _MISSING_KEY
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _bin_of(col: np.ndarray, kind: str, level: Any) -> np.ndarray | None:
    """Each record's bin at one binning level: 0 missing, then the bins, last for unseen values."""
    if kind == "continuous":
        if not _is_cuts(level):
            return None
        x = pd.to_numeric(pd.Series(col, dtype=object), errors="coerce").to_numpy(np.float64)
        out = np.searchsorted(level, x, side="right").astype(np.int64) + 1
        missing = pd.isna(pd.Series(col, dtype=object)).to_numpy()
        out[np.isnan(x) & ~missing] = level.size + 2  # not a number: the unseen bin
        out[missing] = 0
        return out
    if not isinstance(level, dict):
        return None
    unseen = max((int(v) for v in level.values()), default=0) + 1
    return np.asarray(
        [0 if (k := _key(v)) == _MISSING_KEY else int(level.get(k, unseen)) for v in col],
        dtype=np.int64,
    )


def _term_cells(ebm: Any, X: Any, features: tuple[int, ...]) -> np.ndarray | None:
    """Each record's cell of a term's table, as a flat index, or None."""
    state = _state(ebm)
    feats = _features(state)
    names = state.get("feature_names_in_")
    if feats is None or not isinstance(names, list):
        return None
    parts: list[np.ndarray] = []
    shape: list[int] = []
    for f in features:
        kind, levels = feats[f]
        if not levels:
            return None
        level = levels[min(len(levels), len(features)) - 1]
        col = _column(X, f, str(names[f]))
        b = _bin_of(col, kind, level) if col is not None else None
        if b is None:
            return None
        parts.append(b)
        if kind == "continuous":
            shape.append(level.size + 3)  # missing, the intervals, unseen
        else:
            shape.append(max((int(v) for v in level.values()), default=0) + 2)
    return np.ravel_multi_index(tuple(parts), tuple(shape), mode="clip")


def _term_name(state: dict[str, Any], t: int, features: tuple[int, ...]) -> str:
    names = state.get("term_names_")
    if isinstance(names, list) and t < len(names) and isinstance(names[t], str):
        return names[t]
    return " & ".join(f"x{f}" for f in features)


def small_bins(ebm: Any, k: int, X: Any = None) -> BinGroups | None:
    """The bins of fewer than ``k`` training records, from the data or the stored weights.

    With the training data ``X`` (the rows passed to ``fit``), every record is
    binned as the EBM bins it (missing values in bin 0, numbers by the cut
    points, categories by their map) and the records of each bin are counted.
    Without it, ``bin_weights_`` are the counts, provided they are whole
    numbers (sample weights make them weights, not people: then None).

    Parameters
    ----------
    ebm : EBM
        A fitted Explainable Boosting Machine.
    k : int
        The smallest group that singles no one out.
    X : table, optional
        The training data.

    Returns
    -------
    BinGroups or None
        None when the EBM has no readable bins, or its weights are not counts
        and no data was given.
    """
    state = _state(ebm)
    terms, weights = state.get("term_features_"), state.get("bin_weights_")
    if not isinstance(terms, list) or not terms:
        return None
    n_bins = n_small = n_single = 0
    per_term: dict[str, dict[str, int]] = {}
    exposed: list[np.ndarray] = []
    for t, features in enumerate(terms):
        features = tuple(int(f) for f in features)
        counts: np.ndarray | None = None
        cells = None
        if X is not None:
            cells = _term_cells(ebm, X, features)
            if cells is not None:
                counts = np.bincount(cells)
        if counts is None:
            if X is not None or not isinstance(weights, list) or t >= len(weights):
                return None
            w = weights[t]
            if not isinstance(w, np.ndarray) or w.dtype.kind != "f" or not np.isfinite(w).all():
                return None
            if not np.array_equal(w, np.round(w)):
                return None  # sample weights: not people
            counts = w.reshape(-1)
        small = (counts > 0) & (counts < k)
        n_bins += int((counts > 0).sum())
        if small.any():
            single = int((counts == 1).sum())
            n_small += int(small.sum())
            n_single += single
            per_term[_term_name(state, t, features)] = {"small": int(small.sum()), "single": single}
            if cells is not None:
                exposed.append(np.flatnonzero(small[cells]))
    positions = None
    if X is not None:
        positions = np.unique(np.concatenate(exposed)) if exposed else np.zeros(0, np.int64)
    return BinGroups(n_bins, n_small, n_single, per_term, positions, X is not None)
