"""statsmodels results: what a fitted results object keeps of its training data.

A results object (``OLS(...).fit()``, ``Logit``, ``GLM``, and the formula
models of ``statsmodels.formula.api``) is a wrapper whose ``_results`` holds the
fitted model, whose ``data`` keeps:

- ``exog`` and ``endog``: the whole design matrix and target, one row per
  training record (also ``wexog``/``wendog``, the same for unweighted models);
- for formula models, ``frame``: the whole DataFrame passed to the formula,
  with its index and the columns the formula does not use. It stays after
  ``remove_data()``, as do ``orig_exog`` and ``orig_endog``;
- ``row_labels``: the DataFrame's index, often record IDs.

and whose ``_cache`` fills with per-record arrays as they are asked for
(``resid``, ``fittedvalues``, ``resid_pearson``, influence measures).

The walker reaches all of them through ``__dict__``; two walk hooks make them
readable by the checks:

- on ``statsmodels.base.data.ModelData``: ``frame_features``, the numeric
  columns of the formula frame other than the target, in the frame's order
  (so ``inspect(results, df, target="y")`` matches them row by row, MP-S101),
  ``frame_target``, the target column(s) of the frame (MP-S108), and
  ``row_labels`` as an array (MP-S102);
- on ``statsmodels.base.model.Results``: every array of ``_cache`` under its
  own name (``resid``, ``fittedvalues``), so MP-S102 names what it is.

The knowledge tables (:mod:`modelprivacy.inspection.knowledge`) describe them;
``exog`` of a formula model (the design matrix with its intercept and
encodings, not the table as given) is reported from the frame instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from modelprivacy.models._registry import register_walk_hook

__all__ = ["FRAME_FEATURES", "FRAME_TARGET", "is_formula_model"]

#: Name of the hook's matrix of the formula frame's numeric feature columns.
FRAME_FEATURES = "frame_features"
#: Name of the hook's array of the formula frame's target column(s).
FRAME_TARGET = "frame_target"


def is_formula_model(model: object) -> bool:
    """Whether a statsmodels model was built from a formula (it keeps the whole frame).

    Parameters
    ----------
    model : object
        A statsmodels model (``results.model``).

    Returns
    -------
    bool
        True when the model records a formula.
    """
    try:
        state = vars(model)
    except TypeError:
        return False
    return isinstance(state.get("formula"), str)


def _endog_names(data: Any) -> list[str]:
    try:
        names = data.ynames  # statsmodels' own property, from orig_endog
    except Exception:
        return []
    if isinstance(names, str):
        return [names]
    if isinstance(names, (list, tuple)):
        return [str(n) for n in names]
    return []


@register_walk_hook("statsmodels.base.data.ModelData")
def _data_hook(data: Any) -> Iterable[tuple[str, Any]]:
    import pandas as pd

    state = getattr(data, "__dict__", {})
    out: list[tuple[str, Any]] = []
    frame = state.get("frame")
    if isinstance(frame, pd.DataFrame) and frame.shape[0]:
        targets = [c for c in _endog_names(data) if c in frame.columns]
        numeric = frame.select_dtypes(include=["number", "bool"])
        features = numeric.drop(columns=[c for c in targets if c in numeric.columns])
        if features.shape[1]:
            out.append((FRAME_FEATURES, features.to_numpy(dtype=np.float64, na_value=np.nan)))
        if targets:
            out.append((FRAME_TARGET, frame[targets].to_numpy().reshape(frame.shape[0], -1)))
    cache = state.get("_cache")
    labels = cache.get("row_labels") if isinstance(cache, dict) else None
    if isinstance(labels, pd.Index) and len(labels):
        out.append(("row_labels", labels.to_numpy()))
    return out


@register_walk_hook("statsmodels.base.model.Results")
def _results_hook(results: Any) -> Iterable[tuple[str, Any]]:
    cache = getattr(results, "__dict__", {}).get("_cache")
    if not isinstance(cache, dict):
        return []
    return [
        (str(name), value)
        for name, value in cache.items()
        if isinstance(name, str) and isinstance(value, np.ndarray) and value.size
    ]
