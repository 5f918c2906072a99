"""Sanitisation rules for models of other libraries (LightGBM, XGBoost, CatBoost, statsmodels, ONNX).

Each rule is a :class:`~modelprivacy.sanitizing.rules.Rule` registered in
:data:`~modelprivacy.sanitizing.rules.RULES`, so :func:`~modelprivacy.sanitizing.sanitize`
applies it wherever the model sits (alone, last in a Pipeline, a member of an
ensemble). A model loaded from the library's own file (a ``lightgbm.Booster``,
an ``xgboost.Booster``, a ``catboost.CatBoost``) is wrapped by its registered
estimator (:func:`modelprivacy.models._registry.as_estimator`) while the rules
run and unwrapped afterwards, so the result is of the type given.

- ``lightgbm_file``: the text model is edited as data
  (``model_to_string`` -> edit -> ``Booster(model_str=...)``): every numeric
  ``feature_infos`` entry (a feature's exact minimum and maximum) becomes
  ``none``, and every ``pandas_categorical`` entry that no split uses becomes
  a placeholder (trailing ones are dropped). Raw scores are bit-identical.
- ``lightgbm_leaves``, ``xgboost_leaves``: refit with a minimum leaf size,
  checked by routing the training data through the refit trees (the
  libraries' own ``pred_leaf``); the parameter is raised until every leaf
  holds at least ``k`` training records.
- ``catboost_leaves``: CatBoost has no minimum child size
  (``min_data_in_leaf`` only stops leaves of fewer records from being split),
  so the trees are pruned and the model rebuilt from its own JSON, then
  checked by routing the training data with ``calc_leaf_indexes``.
- ``xgboost_categories``, ``catboost_ctr``: refused, with why (the library
  offers no way to drop a stored category without changing predictions).
- ``statsmodels_data``: ``remove_data()``, plus the formula frame, the
  original ``exog``/``endog`` frames, the row labels, the rows dropped for
  missing values and every per-record array of the results' cache.
- ``onnx_stored_data``: ONNX graphs of k-NN, Gaussian processes and SVMs are
  their training data; an ONNX graph cannot be refit, so they are refused
  (``--replace`` included).

The documentation of every rule is in ``docs/sanitize.md`` ("Models of other
libraries").
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import partial
from typing import Any, ClassVar

import numpy as np

from modelprivacy.sanitizing.rules import NEEDS_DATA, Rule, RuleContext, RuleOutcome, class_names

__all__ = [
    "LIBRARY_RULES",
    "CatBoostCtrRule",
    "CatBoostLeavesRule",
    "LightGBMFileRule",
    "LightGBMLeavesRule",
    "OnnxStoredDataRule",
    "StatsmodelsDataRule",
    "XGBoostCategoriesRule",
    "XGBoostLeavesRule",
    "edit_lightgbm_text",
    "is_library_model",
    "unwrap",
    "wrap",
]

#: Refits a leaf-size rule tries before it gives up (each raises the parameter).
MAX_REFITS = 8
#: Refits spent narrowing an overshooting value down (bisection).
BISECTIONS = 3


def _module(obj: Any) -> str:
    return str(getattr(type(obj), "__module__", "")).split(".", 1)[0]


def _qualnames(obj: Any) -> set[str]:
    return {f"{c.__module__}.{c.__qualname__}" for c in type(obj).__mro__}


def is_library_model(obj: Any) -> bool:
    """Whether ``obj`` is a model of another library that the rules handle.

    Parameters
    ----------
    obj : object
        Anything.

    Returns
    -------
    bool
        True for LightGBM and XGBoost boosters, CatBoost models, statsmodels
        results and ONNX models (:class:`modelprivacy.models.onnx.OnnxModel`).
    """
    if isinstance(obj, type):
        return False
    names = _qualnames(obj)
    return bool(
        names
        & {
            "lightgbm.basic.Booster",
            "xgboost.core.Booster",
            "catboost.core.CatBoost",
            "statsmodels.base.wrapper.ResultsWrapper",
            "statsmodels.base.model.Results",
            "modelprivacy.models.onnx.OnnxModel",
        }
    )


def wrap(model: Any) -> tuple[Any, Callable[[Any], Any]]:
    """A native booster as the estimator the rules refit, and how to get the booster back.

    Parameters
    ----------
    model : object
        The model to sanitise (already a copy).

    Returns
    -------
    estimator
        A :class:`~modelprivacy.models._native.NativeModel` for a
        ``lightgbm.Booster`` or ``xgboost.Booster`` (its ``booster_`` is
        ``model``); ``model`` itself otherwise.
    callable
        Maps the sanitised estimator back to the type given.
    """
    names = _qualnames(model)
    if names & {"lightgbm.basic.Booster", "xgboost.core.Booster"}:
        from modelprivacy.models._registry import as_estimator

        return as_estimator(model), unwrap
    return model, lambda est: est


def unwrap(est: Any) -> Any:
    """The library's model of a :class:`~modelprivacy.models._native.NativeModel` wrapper."""
    booster = getattr(est, "booster_", None)
    return est if booster is None else booster


def _is_native_wrapper(est: Any, library: str) -> bool:
    return "NativeModel" in class_names(est) and getattr(est, "library", "") == library


def _quiet(func: Callable[[], Any]) -> Any:
    from modelprivacy.sanitizing.rules import quiet

    return quiet(func)


def _rows(X: Any) -> int:
    return int(X.shape[0]) if hasattr(X, "shape") else len(X)


def _min_leaf_rows(leaves: np.ndarray) -> int:
    """The fewest training records in a non-empty leaf, from a ``(n, n_trees)`` leaf matrix."""
    leaves = np.asarray(leaves).reshape(leaves.shape[0], -1).astype(np.int64)
    if leaves.size == 0:
        return 0
    fewest = leaves.shape[0]
    for t in range(leaves.shape[1]):
        counts = np.bincount(leaves[:, t] - leaves[:, t].min())
        fewest = min(fewest, int(counts[counts > 0].min()))
    return fewest


class _LeavesRule(Rule):
    """Refit with a minimum leaf size until every leaf holds ``k`` training records.

    Subclasses say how to read the current minimum (:meth:`stored_min`), route
    the training data (:meth:`routed_min`), and refit with a parameter value
    (:meth:`refit_with`), and name the parameter.
    """

    phase: ClassVar[Any] = "inplace"
    library: ClassVar[str] = ""
    parameter: ClassVar[str] = ""

    #: Whether the parameter is a whole number of records.
    integer: ClassVar[bool] = True

    def _round(self, value: float) -> float:
        return float(math.ceil(value - 1e-9)) if self.integer else float(f"{value:.4g}")

    def stored_min(self, est: Any) -> int | None:
        """The fewest records in a leaf that the model stores, or None when it stores no counts."""
        return None

    def routed_min(self, est: Any, X: Any) -> int:
        """The fewest training records routed to a leaf."""
        raise NotImplementedError

    def start(self, est: Any, k: int) -> tuple[float, str]:
        """The first value to refit with, and what it guarantees."""
        return float(k), ""

    def current(self, est: Any) -> float | None:
        """The parameter's value in the model, when known."""
        return None

    def refit_with(self, est: Any, value: float, X: Any, y: Any) -> None:
        """Set the parameter to ``value`` and refit ``est`` in place on ``(X, y)``."""
        raise NotImplementedError

    def why_not(self, est: Any) -> str | None:
        """Why the model cannot be refitted by this rule (None when it can)."""
        return None

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Check the leaves; refit with a larger minimum leaf size until none holds fewer than k."""
        k = ctx.k
        if ctx.X is not None:
            fewest: int | None = self.routed_min(estimator, ctx.X)
            how = "by routing the training data"
        else:
            fewest = self.stored_min(estimator)
            how = "by the model's own counts"
        if fewest is not None and fewest >= k:
            return RuleOutcome()
        found = (
            f"a leaf holds {fewest} record{'' if fewest == 1 else 's'} {how}"
            if fewest is not None
            else f"the {self.library} file stores no leaf sizes"
        )
        reason = self.why_not(estimator)
        if reason is not None:
            ctx.refuse(self.name, ctx.where(), f"{found}; {reason}")
            return RuleOutcome()
        if not ctx.can_refit or ctx.X is None or ctx.y is None:
            under = "" if fewest is None else f" (fewer than k={k})"
            ctx.refuse(
                self.name,
                ctx.where(),
                f"{found}{under}; a refit with a larger {self.parameter} {NEEDS_DATA}",
            )
            return RuleOutcome()
        value, guarantee = self.start(estimator, k)
        value = self._round(value)
        before = self.current(estimator)
        n = _rows(ctx.X)
        tried: list[str] = []
        low: float | None = None  # the largest value tried that left a small leaf
        fewest = 0
        for _ in range(MAX_REFITS):
            self.refit_with(estimator, value, ctx.X, ctx.y)
            fewest = self.routed_min(estimator, ctx.X)
            fitted_at = value
            tried.append(f"{_show(value)} (fewest {fewest})")
            if fewest >= k:
                break
            low = value
            value = self._round(max(value * k / max(fewest, 1), value * 1.5))
            if value > n / 2:
                break
        if fewest >= k and low is not None:
            # the jump may overshoot: bisect between the last failing and the passing value
            high = value
            for _ in range(BISECTIONS):
                mid = self._round((low + high) / 2)
                if mid in (low, high):
                    break
                self.refit_with(estimator, mid, ctx.X, ctx.y)
                fitted_at = mid
                got = self.routed_min(estimator, ctx.X)
                tried.append(f"{_show(mid)} (fewest {got})")
                if got >= k:
                    high, fewest = mid, got
                else:
                    low = mid
            if fitted_at != high:  # the last bisection failed: back to the passing value
                self.refit_with(estimator, high, ctx.X, ctx.y)
                fewest = self.routed_min(estimator, ctx.X)
            value = high
        if fewest < k:
            ctx.refuse(
                self.name,
                ctx.where(),
                f"refitted with {self.parameter} = {', '.join(tried)}: a leaf still holds "
                f"{fewest} training records (fewer than k={k}); group or drop the rare records "
                "before fitting",
            )
            return RuleOutcome(changed=True)
        was = "" if before is None else f", was {_show(before)}"
        steps = "" if len(tried) == 1 else f" (tried {', '.join(tried)})"
        ctx.record(
            self.name,
            ctx.where(),
            f"refitted with {self.parameter}={_show(value)}{was}{steps}: every leaf holds at "
            f"least {k} training records (fewest {fewest}), checked by routing the training "
            f"data through every tree{guarantee}",
            "refit",
        )
        return RuleOutcome(changed=True)


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.4g}"


# --------------------------------------------------------------------------- LightGBM


def _lgb_booster(est: Any) -> Any:
    if _is_native_wrapper(est, "LightGBM"):
        return est.booster_
    return getattr(est, "_Booster", None)


def _lgb_set_booster(est: Any, booster: Any) -> None:
    if _is_native_wrapper(est, "LightGBM"):
        est.booster_ = booster
    else:
        est._Booster = booster


def _is_lightgbm(est: Any) -> bool:
    if _is_native_wrapper(est, "LightGBM"):
        return True
    return "LGBMModel" in class_names(est) and getattr(est, "_Booster", None) is not None


def _used_categories(dump: dict[str, Any]) -> dict[int, set[int]]:
    """Feature index -> the category codes that some categorical split of the dump tests."""
    used: dict[int, set[int]] = {}
    stack = [t.get("tree_structure", {}) for t in dump.get("tree_info", [])]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict) or "split_index" not in node:
            continue
        if node.get("decision_type") == "==":
            codes = {int(c) for c in str(node.get("threshold", "")).split("||") if c.strip()}
            used.setdefault(int(node["split_feature"]), set()).update(codes)
        stack.extend((node.get("left_child"), node.get("right_child")))
    return used


def _categorical_features(text: str, infos: list[str], n_lists: int) -> list[int] | None:
    """The feature index of each ``pandas_categorical`` list, in order; None when unclear."""
    for line in text.split("\n"):
        if line.startswith("[categorical_feature: ") and line.endswith("]"):
            body = line[len("[categorical_feature: ") : -1].strip()
            try:
                idx = sorted({int(v) for v in body.split(",") if v.strip()})
            except ValueError:
                idx = []
            if len(idx) == n_lists and all(0 <= i < len(infos) for i in idx):
                return idx
            break
    listed = [j for j, info in enumerate(infos) if info != "none" and not info.startswith("[")]
    return listed if len(listed) == n_lists else None


def edit_lightgbm_text(text: str, dump: dict[str, Any]) -> tuple[str, int, int, str | None]:
    """Remove the feature ranges and unused category strings from a LightGBM text model.

    The text is edited line by line as data: the ``feature_infos`` line of the
    header and the ``pandas_categorical:`` line at the end. Numeric entries
    ``[min:max]`` become ``none`` (prediction does not read them). A category
    that no categorical split uses is replaced by a placeholder
    (``"(unused 1)"``, ...), and trailing placeholders are dropped: the codes
    of the kept categories stay the same, and a record holding a removed
    category is coded as missing, which LightGBM sends the same way as a
    category outside every split's set (to the right).

    Parameters
    ----------
    text : str
        ``Booster.model_to_string()``.
    dump : dict
        ``Booster.dump_model()`` of the same model (for the categories splits use).

    Returns
    -------
    str
        The edited text.
    int
        Numeric feature ranges removed.
    int
        Category strings removed.
    str or None
        Why the categories were left as they are, when they were.
    """
    lines = text.split("\n")
    header_end = next((i for i, line in enumerate(lines) if line.startswith("Tree=")), len(lines))
    infos: list[str] = []
    ranges = 0
    for i in range(header_end):
        if lines[i].startswith("feature_infos="):
            infos = lines[i][len("feature_infos=") :].split(" ")
            ranges = sum(1 for v in infos if v.startswith("["))
            new = ["none" if v.startswith("[") else v for v in infos]
            lines[i] = "feature_infos=" + " ".join(new)
            break
    removed = 0
    note: str | None = None
    for i in range(len(lines) - 1, header_end - 1, -1):
        if not lines[i].startswith("pandas_categorical:"):
            continue
        stored = json.loads(lines[i][len("pandas_categorical:") :])
        if not isinstance(stored, list) or not stored:
            break
        features = _categorical_features(text, infos, len(stored))
        if features is None or not all(isinstance(c, list) for c in stored):
            note = (
                "pandas_categorical was left as it is: the model does not say which feature "
                "each list of categories belongs to"
            )
            break
        used = _used_categories(dump)
        new_lists = []
        for feature, cats in zip(features, stored, strict=True):
            keep = used.get(feature, set())
            out: list[Any] = []
            n = 0
            for code, cat in enumerate(cats):
                if code in keep:
                    out.append(cat)
                else:
                    n += 1
                    out.append(f"(unused {n})")
            while out and _placeholder(out[-1]) and (len(out) - 1) not in keep:
                out.pop()
            removed += sum(
                1 for code, cat in enumerate(cats) if code not in keep and not _placeholder(cat)
            )
            new_lists.append(out)
        lines[i] = "pandas_categorical:" + json.dumps(new_lists)
        break
    return "\n".join(lines), ranges, removed, note


def _placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("(unused ") and value.endswith(")")


class LightGBMFileRule(Rule):
    """Remove LightGBM's feature ranges and unused category strings; predictions bit-identical.

    ``feature_infos`` holds the exact minimum and maximum of every numeric
    feature (the oldest person's age) and ``pandas_categorical`` every
    category of every pandas category column, used in a split or not. The
    model string is edited as data (``model_to_string``, edit,
    ``Booster(model_str=...)``): ranges become ``none``, categories no split
    uses become placeholders (trailing ones are dropped), so the codes of the
    others do not move. LightGBM's prediction reads neither: raw scores are
    bit-identical (tested, with missing values and unseen categories).
    """

    name = "lightgbm_file"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted LightGBM model (wrapper or booster)."""
        return _is_lightgbm(estimator)

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Edit the model string and load it back."""
        import lightgbm

        booster = _lgb_booster(estimator)
        text = booster.model_to_string()
        new, ranges, removed, note = edit_lightgbm_text(text, booster.dump_model())
        if note is not None:
            ctx.refuse(self.name, ctx.where("pandas_categorical"), note)
        if new == text:
            return RuleOutcome()
        edited = lightgbm.Booster(model_str=new)
        params = getattr(booster, "params", None)
        if isinstance(params, dict):
            edited.params = dict(params)
        best = getattr(booster, "best_iteration", None)
        if best is not None:
            edited.best_iteration = best
        _lgb_set_booster(estimator, edited)
        at = "_Booster." if not _is_native_wrapper(estimator, "LightGBM") else ""
        if ranges:
            ctx.record(
                self.name,
                ctx.where(at + "feature_infos"),
                f"replaced the stored minimum and maximum of {ranges} numeric feature(s) by "
                "'none' (predictions bit-identical)",
                "strip",
            )
        if removed:
            ctx.record(
                self.name,
                ctx.where(at + "pandas_categorical"),
                f"removed {removed} category string(s) that no split uses (placeholders keep "
                "the codes of the others; predictions bit-identical)",
                "strip",
            )
        return RuleOutcome()


_LGB_MIN_LEAF_ALIASES = (
    "min_child_samples",
    "min_data_in_leaf",
    "min_data_per_leaf",
    "min_data",
)


class LightGBMLeavesRule(_LeavesRule):
    """Refit LightGBM with ``min_child_samples`` until every leaf holds ``k`` training records.

    LightGBM enforces ``min_data_in_leaf`` on counts it estimates from the
    hessians, so for a binary objective ``min_child_samples=10`` still leaves
    leaves of 3 records. The model is refitted with ``min_child_samples=k``,
    the training data is routed through every tree (``pred_leaf``), and the
    value is raised and the model refitted until no leaf holds fewer than
    ``k`` records. scikit-learn wrappers are refitted with ``set_params`` and
    ``fit``; a Booster from a model file with the file's own parameters
    (``lightgbm.train``). Without the training data the model is refused.
    """

    name = "lightgbm_leaves"
    library = "LightGBM"
    parameter = "min_child_samples"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted LightGBM model."""
        return _is_lightgbm(estimator)

    def stored_min(self, est: Any) -> int | None:
        """The smallest ``leaf_count`` of the model."""
        counts: list[int] = []
        for tree in _lgb_booster(est).dump_model().get("tree_info", []):
            stack = [tree.get("tree_structure", {})]
            while stack:
                node = stack.pop()
                if "split_index" in node:
                    stack.extend((node["left_child"], node["right_child"]))
                elif "leaf_count" in node:
                    counts.append(int(node["leaf_count"]))
        return min(counts) if counts else None

    def routed_min(self, est: Any, X: Any) -> int:
        """Route ``X`` with LightGBM's ``pred_leaf``."""
        leaves = _lgb_booster(est).predict(X, pred_leaf=True, validate_features=False)
        return _min_leaf_rows(np.asarray(leaves).reshape(_rows(X), -1))

    def current(self, est: Any) -> float | None:
        """``min_child_samples`` (or its alias) of the model."""
        if _is_native_wrapper(est, "LightGBM"):
            value = (est.params or {}).get("min_data_in_leaf")
            return None if value is None else float(value)
        return float(est.get_params().get("min_child_samples", 20))

    def refit_with(self, est: Any, value: float, X: Any, y: Any) -> None:
        """Refit with ``min_child_samples=value`` (every alias set alike)."""
        m = math.ceil(value)
        if _is_native_wrapper(est, "LightGBM"):
            params = {k: v for k, v in (est.params or {}).items() if k not in _LGB_MIN_LEAF_ALIASES}
            params["min_data_in_leaf"] = m
            est.set_params(params=params)
        else:
            own = est.get_params(deep=False)
            est.set_params(
                **{a: m for a in _LGB_MIN_LEAF_ALIASES if a in own or a == "min_child_samples"}
            )
        _quiet(lambda: est.fit(X, y))


# --------------------------------------------------------------------------- XGBoost


def _xgb_booster(est: Any) -> Any:
    if _is_native_wrapper(est, "XGBoost"):
        return est.booster_
    return est.get_booster()


def _is_xgboost(est: Any) -> bool:
    if _is_native_wrapper(est, "XGBoost"):
        return True
    return "XGBModel" in class_names(est) and getattr(est, "_Booster", None) is not None


def _xgb_objective(est: Any) -> tuple[str, float]:
    """The objective and its ``scale_pos_weight``, from the booster's configuration."""
    config = json.loads(_xgb_booster(est).save_config())["learner"]
    name = str(config.get("objective", {}).get("name", ""))
    spw = 1.0
    for section in config.get("objective", {}).values():
        if isinstance(section, dict) and "scale_pos_weight" in section:
            try:
                spw = float(section["scale_pos_weight"])
            except (TypeError, ValueError):
                spw = 1.0
    return name, spw


#: The largest hessian one record adds, per XGBoost objective (unit weight).
XGB_MAX_HESSIAN: dict[str, float] = {
    "reg:squarederror": 1.0,
    "reg:absoluteerror": 1.0,
    "reg:quantileerror": 1.0,
    "reg:pseudohubererror": 1.0,
    "binary:logistic": 0.25,
    "reg:logistic": 0.25,
    "binary:logitraw": 0.25,
    "multi:softprob": 0.5,
    "multi:softmax": 0.5,
}


def _xgb_matrix(X: Any) -> Any:
    import xgboost

    dtypes = getattr(X, "dtypes", None)
    categorical = dtypes is not None and any(str(t) == "category" for t in dtypes)
    return xgboost.DMatrix(X, missing=np.nan, enable_categorical=categorical)


class XGBoostLeavesRule(_LeavesRule):
    """Refit XGBoost with ``min_child_weight`` so that every leaf holds ``k`` training records.

    ``min_child_weight`` bounds a leaf's sum of hessians, not its records. A
    record adds at most ``h`` to the sum: 1 for squared, absolute, quantile
    and pseudo-Huber error, ``p(1 - p) <= 1/4`` for logistic objectives
    (times ``scale_pos_weight`` when above 1), ``2p(1 - p) <= 1/2`` for
    softmax. The refit starts at ``min_child_weight = k * h``, which
    guarantees ``k`` in-bag records per leaf for these objectives; the
    training data is then routed through every tree (``pred_leaf``) and, for
    other objectives, the value is raised until no leaf holds fewer than
    ``k``. Without the training data the model is refused.
    """

    name = "xgboost_leaves"
    library = "XGBoost"
    parameter = "min_child_weight"
    integer = False

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted XGBoost model."""
        return _is_xgboost(estimator)

    def routed_min(self, est: Any, X: Any) -> int:
        """Route ``X`` with XGBoost's ``pred_leaf``."""
        leaves = _xgb_booster(est).predict(_xgb_matrix(X), pred_leaf=True)
        return _min_leaf_rows(np.asarray(leaves).reshape(_rows(X), -1))

    def stored_min(self, est: Any) -> int | None:
        """``sum_hessian`` of the leaves, a record count only for unit-hessian objectives."""
        name, _ = _xgb_objective(est)
        if XGB_MAX_HESSIAN.get(name) != 1.0:
            return None
        doc = json.loads(bytes(_xgb_booster(est).save_raw("json")))
        model = doc["learner"]["gradient_booster"].get("model", {})
        fewest: int | None = None
        for t in model.get("trees", []):
            left = np.asarray(t.get("left_children", []))
            hess = np.asarray(t.get("sum_hessian", []), dtype=np.float64)
            if left.size and hess.size == left.size:
                low = int(np.floor(hess[left == -1].min() + 1e-6))
                fewest = low if fewest is None else min(fewest, low)
        return fewest

    def start(self, est: Any, k: int) -> tuple[float, str]:
        """``k`` times the largest hessian of one record."""
        name, spw = _xgb_objective(est)
        h = XGB_MAX_HESSIAN.get(name)
        if h is None:
            return float(k), ""
        if name in ("binary:logistic", "reg:logistic", "binary:logitraw"):
            h *= max(spw, 1.0)
        return k * h, (
            f"; for {name} a record adds at most {_show(h)} to a leaf's hessian sum, so "
            f"min_child_weight={_show(k * h)} alone guarantees {k} in-bag records per leaf"
        )

    def current(self, est: Any) -> float | None:
        """``min_child_weight`` of the model."""
        if _is_native_wrapper(est, "XGBoost"):
            value = (est.params or {}).get("min_child_weight")
        else:
            value = est.get_params().get("min_child_weight")
        return 1.0 if value is None else float(value)

    def refit_with(self, est: Any, value: float, X: Any, y: Any) -> None:
        """Refit with ``min_child_weight=value``."""
        if _is_native_wrapper(est, "XGBoost"):
            est.set_params(params={**(est.params or {}), "min_child_weight": float(value)})
        else:
            est.set_params(min_child_weight=float(value))
        _quiet(lambda: est.fit(X, y))


class XGBoostCategoriesRule(Rule):
    """Refuse XGBoost models that keep category strings of fewer than ``k`` records.

    XGBoost 3 keeps every category of every pandas category column
    (``cats.enc``, UTF-8 bytes written as integers), and needs them: at
    prediction it re-codes the data by these strings, and its partition
    splits put rare categories into their sets. What it does with a category
    it does not store differs (measured with XGBoost 3.2: it raises "Found a
    category not in the training set" for one model and predicts for
    another), so a stored category cannot be removed or renamed with
    predictions guaranteed unchanged. The model is refused when (with the
    training data) a stored category is held by fewer than ``k`` records, or
    (without) it stores any. Group rare categories before fitting.
    """

    name = "xgboost_categories"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted XGBoost model that stores category strings."""
        return _is_xgboost(estimator) and bool(self._stored(estimator))

    def _stored(self, est: Any) -> list[np.ndarray]:
        from modelprivacy.models.xgboost import categories, model_json

        found = categories(model_json(_xgb_booster(est)))
        return [c for c in found or [] if len(c)]

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Refuse, with the number of rare categories when the data is given."""
        from modelprivacy.models.xgboost import categories, model_json

        per_feature = categories(model_json(_xgb_booster(estimator))) or []
        total = sum(len(c) for c in per_feature)
        if ctx.X is not None and hasattr(ctx.X, "iloc"):
            rare = 0
            for j, cats in enumerate(per_feature):
                if not len(cats) or j >= ctx.X.shape[1]:
                    continue
                counts = ctx.X.iloc[:, j].astype(object).value_counts()
                rare += sum(1 for c in cats if int(counts.get(c, 0)) < ctx.k)
            if not rare:
                return RuleOutcome()
            found = f"{rare} of its {total} stored category strings are held by fewer than {ctx.k}"
            found += " training records"
        else:
            found = (
                f"it stores {total} category strings (counting their holders needs the "
                "training data)"
            )
        ctx.refuse(
            self.name,
            ctx.where("cats"),
            f"{found}; XGBoost re-codes the data by every stored category to predict (a "
            "category it does not store raises or is coded unpredictably, and its splits use "
            "rare ones), so none can be removed: group "
            f"categories of fewer than {ctx.k} records before fitting",
        )
        return RuleOutcome()


# --------------------------------------------------------------------------- CatBoost


def _is_catboost(est: Any) -> bool:
    if _is_native_wrapper(est, "CatBoost"):
        return True
    return "CatBoost" in class_names(est) and bool(getattr(est, "is_fitted", lambda: False)())


def _cb_model(est: Any) -> Any:
    return est.booster_ if _is_native_wrapper(est, "CatBoost") else est


def _cb_params(est: Any) -> dict[str, Any]:
    if _is_native_wrapper(est, "CatBoost"):
        return dict(est.params or {})
    return dict(est.get_params())


def _cb_grow_policy(est: Any) -> str:
    model = _cb_model(est)
    try:
        value = model.get_all_params().get("grow_policy")
    except Exception:
        value = _cb_params(est).get("grow_policy")
    return str(value or "SymmetricTree")


def _node_counts(spec: Any, rows: np.ndarray | None) -> np.ndarray:
    """Records per node of a tree whose nodes are numbered parents first: leaves, then sums."""
    if rows is None:
        return np.asarray(spec.n_node_samples, dtype=np.int64)
    counts = np.bincount(rows, minlength=spec.n_nodes).astype(np.int64)
    for node in range(spec.n_nodes - 1, -1, -1):
        if spec.left[node] >= 0:
            counts[node] = counts[spec.left[node]] + counts[spec.right[node]]
    return counts


def _merge_plan(
    left: np.ndarray, right: np.ndarray, counts: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Like :func:`~modelprivacy.sanitizing._prune.keep_plan`, merging only.

    Bottom-up, a split with a child of fewer than ``k`` records becomes a
    leaf (its records all stay in it), so the records of every kept leaf are
    known from the stored counts alone.
    """
    n = left.size
    leaf = left < 0
    small = counts < k
    post: list[int] = []
    stack = [0]
    while stack:
        node = stack.pop()
        post.append(node)
        if not leaf[node]:
            stack += [int(left[node]), int(right[node])]
    make_leaf = np.zeros(n, dtype=bool)
    for node in reversed(post):  # children first: a kept subtree has only leaves of k or more
        if leaf[node]:
            continue
        lc, rc = int(left[node]), int(right[node])
        if any((leaf[c] or make_leaf[c]) and small[c] for c in (lc, rc)):
            make_leaf[node] = True
    order: list[int] = []
    kids: list[tuple[int, int]] = []
    position: dict[int, int] = {}
    stack = [0]
    while stack:
        node = stack.pop()
        position[node] = len(order)
        order.append(node)
        if leaf[node] or make_leaf[node]:
            kids.append((-1, -1))
            continue
        kids.append((int(left[node]), int(right[node])))
        stack += [int(right[node]), int(left[node])]
    new_left = np.asarray([position[a] if a >= 0 else -1 for a, _ in kids], dtype=np.int64)
    new_right = np.asarray([position[b] if b >= 0 else -1 for _, b in kids], dtype=np.int64)
    return np.asarray(order, dtype=np.int64), new_left, new_right


def _leaf_mean(spec: Any, counts: np.ndarray, node: int) -> Any:
    """The count-weighted mean of the values of the original leaves below ``node``."""
    values = np.asarray(spec.leaf_value, dtype=np.float64)
    total = np.zeros_like(values[node])
    weight = 0.0
    stack = [node]
    while stack:
        n = stack.pop()
        if spec.left[n] < 0:
            total = total + counts[n] * values[n]
            weight += float(counts[n])
        else:
            stack += [int(spec.left[n]), int(spec.right[n])]
    return total / weight if weight > 0 else values[node]


def _nested_tree(
    spec: Any, splits: list[Any], counts: np.ndarray, plan: tuple[np.ndarray, ...]
) -> dict[str, Any]:
    """A pruned tree as CatBoost's nested JSON (nodes in the plan's preorder)."""
    order, new_left, new_right = plan
    nodes: list[dict[str, Any]] = []
    for i, old in enumerate(order.tolist()):
        if new_left[i] < 0:
            value = _leaf_mean(spec, counts, old)
            shown = float(value) if np.ndim(value) == 0 else [float(v) for v in value]
            nodes.append({"value": shown, "weight": float(counts[old])})
        else:
            nodes.append({"split": dict(splits[old])})
    for i in range(len(nodes)):
        if new_left[i] >= 0:
            nodes[i]["left"] = nodes[int(new_left[i])]
            nodes[i]["right"] = nodes[int(new_right[i])]
    return nodes[0]


def _cb_pool(model: Any, X: Any) -> Any:
    import catboost

    cat = model.get_cat_feature_indices()
    return catboost.Pool(X, cat_features=cat or None)


def _cb_routed(model: Any, X: Any) -> list[np.ndarray]:
    """Per tree, the node of the adapter's numbering that every row of ``X`` falls in."""
    from modelprivacy.models.trees import forest_of

    forest = forest_of(model)
    out: list[np.ndarray] = [np.zeros(0, dtype=np.int64)] * forest.n_trees
    n = _rows(X)
    for i, rows, leaf in forest.leaves(X, inbag=False):
        nodes = np.empty(n, dtype=np.int64)
        nodes[rows] = leaf
        out[i] = nodes
    return out


class CatBoostLeavesRule(Rule):
    """Prune CatBoost's trees until every leaf holds ``k`` training records.

    CatBoost has no minimum *child* size: ``min_data_in_leaf`` (Depthwise and
    Lossguide only) stops it from splitting a leaf of fewer records, but a
    split of a larger leaf may still send one record to a side (measured
    with CatBoost 1.2.10: ``min_data_in_leaf`` 10 or 50 leaves leaves of 1 of
    400 records, whatever the bootstrap), so a refit with it never
    guarantees ``k``. The trees are therefore pruned, as scikit-learn's
    gradient boosting is (:class:`~modelprivacy.sanitizing.rules.TreeRule`):
    with the training data, records are counted by routing it through every
    tree (``calc_leaf_indexes``); bottom-up, a split whose children both hold
    ``k`` is kept, a split with one small child is replaced by the other
    child's subtree, and a split of two small children becomes a leaf whose
    value is the count-weighted mean of the leaf values it replaces. Without
    the data, the stored ``leaf_weights`` (every training row, whatever the
    bootstrap) are the counts, and a split with a small child becomes a leaf.
    The model is rebuilt from its own JSON with the pruned trees (symmetric
    trees become non-symmetric, as CatBoost's Depthwise trees are), the leaf
    weights recounted, and the result checked by routing the data again.
    Models fitted with sample weights (leaf weights that are not row counts)
    need the training data.
    """

    name = "catboost_leaves"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted CatBoost model."""
        return _is_catboost(estimator)

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Prune every tree so that no leaf holds fewer than ``k`` training records."""
        from modelprivacy.errors import ModelPrivacyError
        from modelprivacy.models.catboost import load_json_doc, model_json, node_splits
        from modelprivacy.models.trees import forest_of
        from modelprivacy.sanitizing._prune import keep_plan

        k = ctx.k
        model = _cb_model(estimator)
        try:
            forest = forest_of(model)
        except ModelPrivacyError as exc:  # text or embedding features, another layout
            ctx.refuse(self.name, ctx.where(), f"its trees cannot be pruned: {exc}")
            return RuleOutcome()
        routed: list[np.ndarray] | None = None
        how = "by the model's own leaf weights"
        if ctx.X is not None:
            n = _rows(ctx.X)
            forest.match(n)
            if forest.matched:
                routed = _cb_routed(model, ctx.X)
                how = "by routing the training data"
            else:
                how = f"by the model's own leaf weights (the data given does not match: {forest.reason})"
        counted = all(np.all(t.n_node_samples >= 0) for t in forest.trees) and bool(
            forest.trees and forest.trees[0].n_node_samples[0] > 0
        )
        if routed is None and not counted:
            ctx.refuse(
                self.name,
                ctx.where(),
                "its leaf weights are sums of sample weights, not records; pruning the leaves "
                f"to {k} records {NEEDS_DATA}",
            )
            return RuleOutcome()
        counts = [
            _node_counts(t, None if routed is None else routed[i])
            for i, t in enumerate(forest.trees)
        ]
        leaves_before = [int((t.left < 0).sum()) for t in forest.trees]
        nonempty = [c[(t.left < 0) & (c > 0)] for t, c in zip(forest.trees, counts, strict=True)]
        fewest_before = min((int(c.min()) for c in nonempty if c.size), default=k)
        if fewest_before >= k:  # empty leaves hold no one
            return RuleOutcome()
        doc = model_json(model)
        trees = []
        for i, spec in enumerate(forest.trees):
            splits = node_splits(spec)
            if routed is not None:
                plan = keep_plan(spec.left, spec.right, counts[i], k)
            else:
                plan = _merge_plan(spec.left, spec.right, counts[i], k)
            trees.append(_nested_tree(spec, splits, counts[i], plan))
        doc.pop("oblivious_trees", None)
        doc["trees"] = trees
        policy = _cb_grow_policy(estimator)
        try:
            pruned = load_json_doc(doc, model)
            if routed is not None:  # the small children's records now follow their siblings
                for i, nodes in enumerate(_cb_routed(pruned, ctx.X)):
                    _set_weights(trees[i], np.bincount(nodes, minlength=1))
                pruned = load_json_doc(doc, model)
        except ModelPrivacyError as exc:
            ctx.refuse(self.name, ctx.where(), f"{fewest_before} records in a leaf; {exc}")
            return RuleOutcome()
        after = forest_of(pruned)
        leaves_after = [int((t.left < 0).sum()) for t in after.trees]
        if routed is not None:
            fewest = _min_leaf_rows(
                np.asarray(pruned.calc_leaf_indexes(_cb_pool(pruned, ctx.X))).reshape(
                    _rows(ctx.X), -1
                )
            )
        else:
            fewest = min(int(t.n_node_samples[t.left < 0].min()) for t in after.trees if t.n_nodes)
        if fewest < k:
            ctx.refuse(
                self.name,
                ctx.where(),
                f"pruned, a leaf still holds {fewest} training records (fewer than k={k}): the "
                f"model has fewer than {k} training records",
            )
            return RuleOutcome()
        _cb_take(estimator, pruned)
        n_pruned = sum(a != b for a, b in zip(leaves_before, leaves_after, strict=True))
        shape = (
            "; its symmetric trees are now non-symmetric (CatBoost predicts them alike)"
            if policy not in ("Depthwise", "Lossguide")
            else ""
        )
        ctx.record(
            self.name,
            ctx.where("trees"),
            f"pruned {n_pruned} of {len(forest.trees)} tree(s) so that every leaf holds at least "
            f"{k} training records ({sum(leaves_before):,} leaves -> {sum(leaves_after):,}, fewest "
            f"{fewest}), counted {how}; merged leaves take the count-weighted mean of the values "
            f"they replace, so predictions change for the records in them{shape}. CatBoost's "
            "min_data_in_leaf cannot do this: it only stops leaves of fewer records from being "
            "split further",
            "prune",
        )
        return RuleOutcome(changed=True)


def _set_weights(tree: dict[str, Any], counts: np.ndarray) -> None:
    """Write the records of every leaf (by preorder node) into a nested JSON tree."""
    stack = [tree]
    node = 0
    while stack:
        item = stack.pop()
        if "split" in item:
            stack += [item["right"], item["left"]]
        else:
            item["weight"] = float(counts[node]) if node < counts.size else 0.0
        node += 1


def _cb_take(est: Any, pruned: Any) -> None:
    """Give ``est`` the pruned model's state (a fitted CatBoost model refuses set_params)."""
    from modelprivacy.models.catboost import forget

    if _is_native_wrapper(est, "CatBoost"):
        est.booster_ = pruned
        return
    forget(est)
    params = dict(getattr(est, "_init_params", {}) or {})
    vars(est).clear()
    vars(est).update(vars(pruned))
    if params and hasattr(est, "_init_params"):
        est._init_params = params


class CatBoostCtrRule(Rule):
    """Refuse CatBoost models whose CTR tables hold categories of fewer than ``k`` records.

    ``ctr_data`` stores, for every category seen in training, its per-class
    counts: a category of one person gives away that person's label. CatBoost
    offers no supported way to remove entries of a fitted model's CTR tables
    (editing the JSON and loading it back is not a documented model format
    for categorical features), so the model is refused rather than corrupted.
    Group rare categories (fewer than ``k`` records) before fitting.
    """

    name = "catboost_ctr"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted CatBoost model with CTR tables."""
        if not _is_catboost(estimator):
            return False
        return bool(self._tables(estimator))

    def _tables(self, est: Any) -> list[Any]:
        from modelprivacy.models.catboost import ctr_tables

        try:
            return list(ctr_tables(_cb_model(est)))
        except Exception:
            return []

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Refuse when some CTR entry counts fewer than ``k`` records."""
        rare = 0
        entries = 0
        for table in self._tables(estimator):
            counts = np.asarray(getattr(table, "totals", getattr(table, "counts", [])))
            counts = counts.reshape(counts.shape[0], -1).sum(axis=1) if counts.size else counts
            entries += int(counts.size)
            rare += int((counts < ctx.k).sum())
        if entries and not rare:
            return RuleOutcome()
        what = (
            f"{rare} of {entries} CTR entries count fewer than {ctx.k} training records"
            if entries
            else "its CTR tables store per-category counts"
        )
        ctx.refuse(
            self.name,
            ctx.where("ctr_data"),
            f"{what} (a one-person category gives away its member's label); CatBoost offers no "
            "supported way to drop CTR statistics from a fitted model, so it is not edited: "
            f"group categories of fewer than {ctx.k} records before fitting",
        )
        return RuleOutcome()


# --------------------------------------------------------------------------- statsmodels


def _is_statsmodels(est: Any) -> bool:
    return _module(est) == "statsmodels" and bool(
        _qualnames(est)
        & {"statsmodels.base.wrapper.ResultsWrapper", "statsmodels.base.model.Results"}
    )


def _empty_like(value: Any) -> Any:
    """A frame or series with no rows (names kept), or None for anything else."""
    if hasattr(value, "iloc"):
        return value.iloc[:0].copy()
    return None


#: Aggregate statistics computed (and cached) before the data is removed, so they still work.
_STATSMODELS_SUMMARY = (
    "scale",
    "bse",
    "tvalues",
    "pvalues",
    "llf",
    "llnull",
    "aic",
    "bic",
    "rsquared",
    "rsquared_adj",
    "prsquared",
    "fvalue",
    "f_pvalue",
    "ssr",
    "ess",
    "centered_tss",
    "uncentered_tss",
    "mse_model",
    "mse_resid",
    "mse_total",
    "deviance",
    "pearson_chi2",
    "condition_number",
)


def _stand_in_frame(frame: Any) -> Any:
    """A frame of no rows from which the formula's design is rebuilt alike.

    statsmodels pickles a formula model without its design (patsy's design
    objects do not pickle) and rebuilds it from ``data.frame`` when loaded.
    The stand-in has the frame's columns and no row: numeric columns keep
    their dtype, the others become categoricals of the levels patsy finds in
    them (its sorted distinct values, or a categorical's categories), so the
    rebuilt design has the same columns.
    """
    import pandas as pd

    out: dict[str, Any] = {}
    for col in frame.columns:
        series = frame[col]
        if isinstance(series.dtype, pd.CategoricalDtype):
            out[col] = pd.Categorical([], categories=series.cat.categories)
        elif series.dtype.kind in "biufc":
            out[col] = np.zeros(0, dtype=series.dtype)
        else:
            values = pd.unique(series.dropna())
            try:
                levels = sorted(values)
            except TypeError:
                levels = list(values)
            out[col] = pd.Categorical([], categories=levels)
    return pd.DataFrame(out, columns=frame.columns)


def _same_design(results: Any, frame: Any, stand_in: Any) -> bool:
    """Whether the results, loaded with ``stand_in`` as their frame, predict ``frame`` alike."""
    import copy
    import pickle

    try:
        probe = copy.copy(results)
        inner = copy.copy(getattr(results, "_results", results))
        inner.model = copy.copy(inner.model)
        inner.model.data = copy.copy(inner.model.data)
        vars(inner.model.data)["frame"] = stand_in
        if hasattr(probe, "_results"):
            probe._results = inner
        else:
            probe = inner
        loaded = _quiet(lambda: pickle.loads(pickle.dumps(probe)))  # our own bytes
        before = np.asarray(_quiet(lambda: results.predict(frame)), dtype=np.float64)
        after = np.asarray(_quiet(lambda: loaded.predict(frame)), dtype=np.float64)
    except Exception:
        return False
    return before.shape == after.shape and bool(np.array_equal(before, after, equal_nan=True))


class StatsmodelsDataRule(Rule):
    """Remove every training record from statsmodels results; predictions unchanged.

    ``remove_data()`` drops ``exog``, ``endog``, weights and the cached
    per-record arrays (residuals, fitted values), but keeps the formula
    model's ``data.frame`` (the whole DataFrame passed, its index and unused
    columns included), ``orig_exog`` and ``orig_endog`` (the design and target
    as frames) and the row labels. The rule also replaces ``frame`` by
    ``None``, the original frames by frames of no rows (their column names
    are the parameter names), and drops the row labels, the positions of the
    rows dropped for missing values and every per-record array left in the
    results' cache. ``predict`` on new data needs none of them (tested).
    statsmodels rebuilds a formula's design from ``frame`` when the results
    are loaded, so the frame is replaced by a stand-in of no one's values
    (zeros, and each category column's levels), checked to rebuild the same
    design (the loaded copy predicts the training frame identically); a
    formula whose design depends on the values (``center``, ``standardize``,
    splines) is refused.
    Aggregate statistics (standard errors, p-values, log-likelihood, R2, ...)
    are computed before the data is removed, so they keep working.
    """

    name = "statsmodels_data"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a statsmodels results object."""
        return _is_statsmodels(estimator)

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Remove the data."""
        results = getattr(estimator, "_results", estimator)
        model = results.model
        nobs = int(getattr(model, "nobs", 0) or 0)
        removed: list[str] = []
        had = [a for a in ("exog", "endog") if getattr(model, a, None) is not None]
        for attr in _STATSMODELS_SUMMARY:  # aggregates, computed while the data is there
            try:
                _quiet(partial(getattr, results, attr))
            except Exception:  # not defined for this model
                continue
        _quiet(results.remove_data)
        removed += [f"model.{a}" for a in had]
        data = model.data
        frame = vars(data).get("frame")
        if frame is not None and len(frame):
            stand_in = _stand_in_frame(frame)
            if not _same_design(estimator, frame, stand_in):
                ctx.refuse(
                    self.name,
                    ctx.where("model.data.frame"),
                    "the formula frame (the whole DataFrame passed, one row per training "
                    "record) is kept: statsmodels rebuilds the formula's design from it when the "
                    "results are loaded, and this formula's design (a stateful transform such "
                    "as center(), standardize() or splines) depends on the training values; "
                    "refit without a formula (design matrix built beforehand) to remove it",
                )
            else:
                vars(data)["frame"] = stand_in
                removed.append("model.data.frame")
        for attr in ("orig_exog", "orig_endog"):
            value = vars(data).get(attr)
            if value is not None and len(value):
                vars(data)[attr] = _empty_like(value)
                removed.append(f"model.data.{attr}")
        cache = vars(data).get("_cache")
        if isinstance(cache, dict) and cache.pop("row_labels", None) is not None:
            removed.append("model.data.row_labels")
        if vars(data).get("missing_row_idx"):
            data.missing_row_idx = None
            removed.append("model.data.missing_row_idx")
        for owner, label in ((results, ""), (model, "model.")):
            store = vars(owner).get("_cache")
            if not isinstance(store, dict):
                continue
            for key in list(store):
                value = store[key]
                if nobs and np.ndim(value) >= 1 and np.shape(value)[0] == nobs:
                    store[key] = None
                    removed.append(f"{label}{key}")
            for key, value in list(vars(owner).items()):
                if key.startswith("__") or key in ("_cache", "params"):
                    continue
                if (
                    nobs > 1
                    and isinstance(value, np.ndarray)
                    and value.ndim >= 1
                    and value.shape[0] == nobs
                ):
                    setattr(owner, key, None)
                    removed.append(f"{label}{key}")
        if removed:
            ctx.record(
                self.name,
                ctx.where(),
                f"removed the training data ({', '.join(dict.fromkeys(removed))}); predictions "
                "on new data unchanged",
                "strip",
            )
        return RuleOutcome()


# --------------------------------------------------------------------------- ONNX


class OnnxStoredDataRule(Rule):
    """Refuse ONNX graphs of k-NN, Gaussian processes and SVMs: the model is the data.

    A k-NN or Gaussian-process export keeps every training row in an
    initializer (the distance loop's input), an SVM its support vectors. They
    cannot be removed without removing the model, and an ONNX graph cannot be
    refit, so ``--replace`` (``replace=True``) cannot replace it either: the
    model is refused. Replace the original model before exporting it
    (``modelprivacy sanitize --replace`` on the scikit-learn model), or share
    only predictions.
    """

    name = "onnx_stored_data"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is an ONNX model that stores training rows or support vectors."""
        return "modelprivacy.models.onnx.OnnxModel" in _qualnames(estimator) and bool(
            self._stored(estimator)
        )

    def _stored(self, est: Any) -> list[str]:
        from modelprivacy.models.onnx import graph_data

        out = []
        for where, view in graph_data(est):
            for attr in ("training_rows_", "support_vectors_"):
                if attr in vars(view):
                    out.append(f"{where}.{attr}")
        return out

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Refuse, naming what the graph stores and why ``--replace`` does not apply."""
        stored = self._stored(estimator)
        ctx.refuse(
            self.name,
            ctx.where(stored[0]),
            f"this ONNX graph is its training data ({', '.join(stored[:3])}: training rows or "
            "support vectors that its predictions are computed from), so it cannot be made "
            "anonymous in place; --replace (replace=True) cannot replace it either, as an ONNX "
            "graph cannot be refit: run modelprivacy sanitize --replace on the original model "
            "and export the replacement, or share only predictions",
        )
        return RuleOutcome()


#: The rules of this module, registered in :data:`~modelprivacy.sanitizing.rules.RULES`.
LIBRARY_RULES: tuple[Rule, ...] = (
    LightGBMLeavesRule(),
    LightGBMFileRule(),
    XGBoostLeavesRule(),
    XGBoostCategoriesRule(),
    CatBoostLeavesRule(),
    CatBoostCtrRule(),
    StatsmodelsDataRule(),
    OnnxStoredDataRule(),
)
