"""XGBoost models: their trees on the shared representation.

An XGBoost model (``xgboost.Booster``, or the booster of an
``XGBClassifier``/``XGBRegressor``/``XGBRanker``) stores, per tree node, the
split feature and ``split_conditions`` (a row goes left when ``x <
condition``, compared in float32; missing values follow ``default_left``),
and ``sum_hessian``: the sum of the rows' second derivatives. For squared
error every row's hessian is one, so ``sum_hessian`` is the row count of every
node; for a binary logistic model every row has the same hessian in the first
tree, ``p0 (1 - p0)`` with ``p0`` the base score, so its counts follow too.
Elsewhere the counts are not stored, and are taken from routing the training
data.

With the default ``hist`` method the split conditions are training values
themselves (bin edges at observed values), with ``exact`` midpoints.

Trees are read from the model's own JSON (``Booster.save_raw("json")``,
parsed as data); records are routed by XGBoost itself
(``predict(pred_leaf=True)``, all trees at once, cached for the input).
"""

from __future__ import annotations

import contextlib
import json
import math
import threading
import weakref
from typing import Any

import numpy as np

from modelprivacy.errors import NotFittedModelError
from modelprivacy.models.trees import Forest, TreeSpec, UnsupportedTreesError, register_adapter

__all__ = ["booster_of", "model_json"]

_JSON: weakref.WeakKeyDictionary[Any, dict[str, Any]] = weakref.WeakKeyDictionary()
# objectives whose rows all have a hessian of one (times their weight)
_UNIT_HESSIAN = (
    "reg:squarederror",
    "reg:absoluteerror",
    "reg:pseudohubererror",
    "reg:quantileerror",
)


def booster_of(model: Any) -> Any:
    """The ``xgboost.Booster`` of a Booster or a fitted scikit-learn wrapper.

    Parameters
    ----------
    model : xgboost.Booster or xgboost.XGBModel
        The model.

    Returns
    -------
    xgboost.Booster
        Its booster.

    Raises
    ------
    NotFittedModelError
        If the wrapper is not fitted.
    """
    import xgboost

    if isinstance(model, xgboost.Booster):
        return model
    try:
        return model.get_booster()
    except Exception as exc:  # NotFittedError of the wrapper
        raise NotFittedModelError(
            f"this {type(model).__name__} is not fitted yet: fit it (or load the fitted model) "
            "before auditing it"
        ) from exc


def model_json(booster: Any) -> dict[str, Any]:
    """The model's own JSON, parsed once per booster.

    Parameters
    ----------
    booster : xgboost.Booster
        The booster.

    Returns
    -------
    dict
        ``json.loads(booster.save_raw("json"))``.
    """
    try:
        return _JSON[booster]
    except (KeyError, TypeError):
        pass
    doc = json.loads(bytes(booster.save_raw("json")))
    with contextlib.suppress(TypeError):
        _JSON[booster] = doc
    return doc


def _float(text: Any) -> float:
    """XGBoost writes some numbers as strings, some as ``"[0.5]"`` vectors."""
    if isinstance(text, str):
        text = text.strip().strip("[]").split(",")[0]
    return float(text)


def _hessian_of_first_trees(learner: dict[str, Any]) -> float | None:
    """The one hessian every row has in the first tree(s), where the objective fixes it."""
    objective = str(learner.get("objective", {}).get("name", ""))
    if objective in _UNIT_HESSIAN:
        return 1.0
    params = learner.get("learner_model_param", {})
    if objective in ("binary:logistic", "binary:logitraw", "reg:logistic"):
        p0 = _float(params.get("base_score", 0.5))
        if objective == "binary:logitraw":
            p0 = 1.0 / (1.0 + math.exp(-p0))
        h = p0 * (1.0 - p0)
        return h if h > 1e-6 else None
    if objective in ("multi:softprob", "multi:softmax"):
        k = int(_float(params.get("num_class", 0)))
        if k >= 2:
            p = 1.0 / k
            return 2.0 * p * (1.0 - p)
    return None


@register_adapter("xgboost.core.Booster", "XGBModel")
def _xgboost(model: Any) -> Forest:
    """Read the trees of an XGBoost booster or scikit-learn wrapper."""
    booster = booster_of(model)
    doc = model_json(booster)
    learner = doc["learner"]
    gb = learner["gradient_booster"]
    if gb.get("name") not in ("gbtree", "dart"):
        raise UnsupportedTreesError(
            f"this XGBoost model is a {gb.get('name')} booster, not trees: its tree checks do "
            "not apply"
        )
    gbm = gb["model"] if gb.get("name") == "gbtree" else gb["gbtree"]["model"]
    objective = str(learner.get("objective", {}).get("name", ""))
    h_first = _hessian_of_first_trees(learner)
    unit = objective in _UNIT_HESSIAN
    per_iteration = max(int(_float(gbm["gbtree_model_param"].get("num_parallel_tree", 1))), 1)
    n_groups = max(int(_float(learner["learner_model_param"].get("num_class", 0))), 1)
    first = per_iteration * n_groups  # the trees fitted before any row's prediction moved
    cache = _LeafCache(booster)
    trees = [
        _tree_spec(t, i, cache, model, h_first if (unit or i < first) else None)
        for i, t in enumerate(gbm["trees"])
    ]
    params = json.loads(booster.save_config())["learner"]
    train = params.get("gradient_booster", {}).get("tree_train_param", {}) or {}
    sub = _float(train.get("subsample", 1.0)) if train else 1.0

    def expected(n: int) -> tuple[int, str]:
        if sub < 1.0:
            return -1, " after its row subsampling"
        return n, ""

    classes = getattr(model, "classes_", None)
    pair = np.asarray(classes) if classes is not None and len(classes) == 2 else np.array([0, 1])
    binary = objective in ("binary:logistic", "binary:logitraw") and n_groups == 1

    def said(index: int, leaves: np.ndarray) -> np.ndarray | None:
        value = np.asarray(trees[index].leaf_value)[leaves]
        return np.where(value > 0, pair[1], pair[0])

    return Forest(
        trees,
        "trees",
        "none",  # leaf values are gradient steps, not labels
        float32=True,
        kind="xgboost",
        model=model,
        prepare_input=_prepare,
        expected_root=expected,
        leaf_label=said if binary else None,
    )


class _LeafCache:
    """``predict(pred_leaf=True)`` for all trees, once per input (XGBoost routes all at once)."""

    def __init__(self, booster: Any) -> None:
        self.booster = booster
        self.lock = threading.Lock()
        self.X: Any = None
        self.leaves: np.ndarray | None = None

    def column(self, X: Any, index: int) -> np.ndarray:
        import xgboost

        with self.lock:
            if self.X is not X or self.leaves is None:
                leaves = self.booster.predict(
                    xgboost.DMatrix(X, missing=np.nan), pred_leaf=True, validate_features=False
                )
                self.X, self.leaves = X, np.asarray(leaves).reshape(X.shape[0], -1)
            return self.leaves[:, index].astype(np.int64)


def _tree_spec(
    t: dict[str, Any], index: int, cache: _LeafCache, owner: Any, hessian: float | None
) -> TreeSpec:
    left = np.asarray(t["left_children"], dtype=np.int64)
    right = np.asarray(t["right_children"], dtype=np.int64)
    if (np.asarray(t.get("split_type", []), dtype=np.int64) != 0).any():
        raise UnsupportedTreesError(
            "XGBoost trees with categorical splits are not supported yet: their splits are "
            "category sets, not thresholds"
        )
    cond = np.asarray(t["split_conditions"], dtype=np.float64)
    split = left >= 0
    feature = np.where(split, np.asarray(t["split_indices"], dtype=np.int64), -2)
    hess = np.asarray(t["sum_hessian"], dtype=np.float64)
    counts = (
        np.rint(hess / hessian).astype(np.int64)
        if hessian is not None
        else np.zeros(left.size, dtype=np.int64)  # not stored: counted by routing
    )

    def route(X: Any) -> np.ndarray:
        if X.shape[0] == 0:
            return np.zeros(0, dtype=np.int64)
        return cache.column(X, index)

    return TreeSpec(
        left=np.where(split, left, -1),
        right=np.where(split, right, -1),
        feature=feature,
        threshold=np.where(split, cond, np.nan),
        n_node_samples=counts,
        route=route,
        leaf_value=np.where(split, 0.0, cond),
        source=t,
        owner=owner,
        edge_of=_strict_float32_edge,
    )


def _strict_float32_edge(threshold: np.ndarray) -> np.ndarray:
    """Float64 bounds of XGBoost's ``float32(x) < float32(threshold)``: ``x <= edge``.

    ``x32 < t32`` holds exactly when ``x32 <= prev(t32)``, the float32 just
    below; :func:`~modelprivacy.models.trees.float32_edge` turns that into the
    largest float64 whose float32 rounding does not exceed it.
    """
    from modelprivacy.models.trees import float32_edge

    t32 = np.asarray(threshold, dtype=np.float64).astype(np.float32)
    below = np.nextafter(t32, np.float32(-np.inf)).astype(np.float64)
    return np.where(np.isfinite(threshold), float32_edge(below), threshold)


def _prepare(X: Any) -> Any:
    """XGBoost compares float32: the input as a float32 array."""
    import scipy.sparse as sp

    if sp.issparse(X):
        return sp.csr_matrix(X, dtype=np.float32)
    return np.ascontiguousarray(X, dtype=np.float32)
