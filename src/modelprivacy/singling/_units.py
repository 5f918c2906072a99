"""Map box bounds from a tree's input space back to raw feature units.

A tree at the end of a Pipeline splits the preprocessed features. When every
preprocessing step is a per-column monotone increasing transform (scalers,
quantile and power transformers, or a ColumnTransformer of such transforms,
encoders and passthrough columns), a bound on a transformed column is a bound
on the raw column, and ``inverse_transform`` maps it back column by column.
One-hot and ordinal encoded columns stay in their encoded units (the box tells
the category).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any, Literal

import numpy as np

__all__ = ["Side", "inverse_map"]

Side = Literal["low", "high", "value"]
InverseMap = Callable[[np.ndarray, Side], np.ndarray]

_MONOTONE = frozenset(
    {
        "StandardScaler",
        "MinMaxScaler",
        "MaxAbsScaler",
        "RobustScaler",
        "QuantileTransformer",
        "PowerTransformer",
    }
)
_ENCODED = frozenset({"OneHotEncoder", "OrdinalEncoder"})
_BIG = 1e300


def _identity(Z: np.ndarray, side: Side) -> np.ndarray:
    return Z


def _monotone(step: Any) -> InverseMap:
    def inverse(Z: np.ndarray, side: Side) -> np.ndarray:
        finite = np.isfinite(Z)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            res = np.asarray(step.inverse_transform(np.where(finite, Z, 0.0)), dtype=np.float64)
            if side == "value":
                return np.where(finite, res, Z)
            sign = 1.0 if side == "high" else -1.0
            sat = np.asarray(
                step.inverse_transform(np.full((1, Z.shape[1]), sign * _BIG)), dtype=np.float64
            )[0]
        res = np.where(finite, res, Z)
        limit = np.isfinite(sat)
        if side == "high":
            # a bound at or beyond the transform's clipping point bounds nothing
            res = np.where(np.isnan(res) | (limit & (res >= sat)), np.inf, res)
        else:
            res = np.where(np.isnan(res) | (limit & (res <= sat)), -np.inf, res)
        return res

    return inverse


def _step_inverse(step: Any) -> InverseMap | None:
    if step is None or (isinstance(step, str) and step == "passthrough"):
        return _identity
    name = type(step).__name__
    if name in _MONOTONE:
        return _monotone(step)
    if name in _ENCODED:
        return _identity
    if name == "SimpleImputer":
        if getattr(step, "indicator_", None) is not None:
            return None
        try:
            n_out = len(step.get_feature_names_out())
        except Exception:
            return None
        return _identity if n_out == getattr(step, "n_features_in_", -1) else None
    if name == "FunctionTransformer":
        return _identity if getattr(step, "func", None) is None else None
    if name == "Pipeline":
        inverses = [_step_inverse(s) for _, s in step.steps]
        if any(inv is None for inv in inverses):
            return None
        chain = [inv for inv in inverses if inv is not None]

        def pipeline(Z: np.ndarray, side: Side) -> np.ndarray:
            for inv in reversed(chain):
                Z = inv(Z, side)
            return Z

        return pipeline
    if name == "ColumnTransformer":
        slices: list[tuple[slice, InverseMap]] = []
        out = getattr(step, "output_indices_", None)
        if out is None:
            return None
        for tname, trans, _ in step.transformers_:
            sl = out.get(tname)
            if sl is None or sl.stop <= sl.start:
                continue
            inv = _step_inverse(trans)
            if inv is None:
                return None
            slices.append((sl, inv))

        def columns(Z: np.ndarray, side: Side) -> np.ndarray:
            res = np.array(Z, dtype=np.float64, copy=True)
            for sl, inv in slices:
                res[:, sl] = inv(Z[:, sl], side)
            return res

        return columns
    return None


def inverse_map(preprocessing: Any) -> InverseMap | None:
    """Return a function mapping tree-space bounds to raw units, or ``None``.

    Parameters
    ----------
    preprocessing : estimator or None
        The fitted preprocessing (``pipeline[:-1]``), or ``None``.

    Returns
    -------
    callable or None
        ``f(Z, side)`` maps an array of shape (m, d) of lower bounds
        (``side="low"``), upper bounds (``"high"``) or values (``"value"``)
        in the tree's input space to raw units; infinite bounds stay
        infinite, and a bound beyond a transform's clipping point becomes
        infinite. ``None`` when a step is not a per-column monotone transform.
    """
    if preprocessing is None:
        return _identity
    return _step_inverse(preprocessing)
