"""LightGBM models: their trees on the shared representation, and what else they store.

A LightGBM model (``lightgbm.Booster``, or the ``booster_`` of an
``LGBMClassifier``/``LGBMRegressor``/``LGBMRanker``) stores, per tree:

- every split's feature and threshold, a double 1 ulp above the midpoint of
  two adjacent training values (LightGBM's ``GetDoubleUpperBound``): a row goes
  left when ``x <= threshold``;
- ``leaf_count`` and ``internal_count``: the training rows of every node. Even
  ``min_child_samples=2`` leaves one-row leaves when the data allows, and a
  leaf of one row gives away that person's gradient step;

and, for the whole model, ``feature_infos``: the exact minimum and maximum of
every feature over the training rows (or every category value), and
``pandas_categorical``: every category of every pandas category column, used
in a split or not.

The trees are read from the model's text (``Booster.model_to_string()``, as
:func:`~modelprivacy.load.formats.lightgbm.check_model_text` validates and
reads it; a text validated by the loader is not read twice) into
:class:`~modelprivacy.models.trees.TreeSpec` arrays: internal node ``i`` is
node ``i``, leaf ``j`` is node ``num_leaves - 1 + j``. ``Booster.dump_model()``
gives the same trees as JSON, at about ten times the cost. Records are
routed by LightGBM itself (``predict(pred_leaf=True)`` one iteration at a
time), so missing values, zero-as-missing and categorical splits follow the
model's own semantics exactly.

The walk hook exposes ``feature_infos`` to the inspection as a ``(2, d)``
array of the stored minima and maxima (:data:`FEATURE_INFOS`), which MP-S103
matches against the training columns like a MinMaxScaler's ``data_min_``.
"""

from __future__ import annotations

import contextlib
import math
import threading
import weakref
from collections.abc import Iterable
from typing import Any

import numpy as np

from modelprivacy._text import printable
from modelprivacy.errors import ModelPrivacyError, NotFittedModelError
from modelprivacy.load.formats._checks import FormatError
from modelprivacy.load.formats.lightgbm import ModelText, parse_model_text
from modelprivacy.models._native import NativeModel, Task, allowed_params
from modelprivacy.models._registry import Stored, register_estimator, register_walk_hook
from modelprivacy.models.trees import Forest, TreeSpec, register_adapter

__all__ = [
    "FEATURE_INFOS",
    "LightGBMModel",
    "as_estimator",
    "booster_of",
    "feature_ranges",
    "pandas_categories",
    "text_of",
]

#: What LightGBM files store about the training data (``docs/libraries.md`` is generated from it).
STORES = (
    Stored(
        "leaf_count, internal_count",
        "every tree of the text model",
        "the training rows of every node: people alone or in small leaves, even with "
        "min_child_samples=2; a one-row leaf's step gives away its label by its sign",
        "MP-S105",
        "tests/models/test_gbdt_trees.py",
    ),
    Stored(
        "leaf boxes",
        "split features and thresholds of every tree",
        "the box of a small leaf pins down who is in it, among population records",
        "MP-S110",
        "tests/models/test_gbdt_trees.py",
    ),
    Stored(
        "threshold",
        "every split",
        "1 ulp above the midpoint of two adjacent training values: both values located",
        "MP-S104",
        "tests/models/test_gbdt_trees.py",
    ),
    Stored(
        "feature_infos",
        "the model's header",
        "the exact minimum and maximum of every feature",
        "MP-S103",
        "tests/models/test_gbdt_trees.py",
    ),
    Stored(
        "pandas_categorical",
        "the end of the text model",
        "every category of every pandas category column, used in a split or not",
        "MP-S106",
        "tests/models/test_gbdt_trees.py",
    ),
    Stored(
        "parameters",
        "the text model's parameters section",
        "the training parameters: reference models are refit with them (allowlisted)",
        "MP-L201",
        "tests/models/test_native_estimators.py",
    ),
)


#: Name of the walk hook's attribute holding the stored minimum and maximum of every feature.
FEATURE_INFOS = "feature_infos"
_MAX_NODES = 1 << 24  # a tree of more nodes than this is not read
_TEXTS: weakref.WeakKeyDictionary[Any, ModelText] = weakref.WeakKeyDictionary()


def booster_of(model: Any) -> Any:
    """The ``lightgbm.Booster`` of a Booster or a fitted scikit-learn wrapper.

    Parameters
    ----------
    model : lightgbm.Booster or lightgbm.LGBMModel
        The model.

    Returns
    -------
    lightgbm.Booster
        Its booster.

    Raises
    ------
    NotFittedModelError
        If the wrapper is not fitted.
    """
    import lightgbm

    if isinstance(model, lightgbm.Booster):
        return model
    booster = getattr(model, "_Booster", None)
    if booster is None:
        raise NotFittedModelError(
            f"this {type(model).__name__} is not fitted yet: fit it (or load the fitted model) "
            "before auditing it"
        )
    return booster


def text_of(booster: Any) -> ModelText:
    """The model's text as read and validated, once per booster.

    Parameters
    ----------
    booster : lightgbm.Booster
        The booster.

    Returns
    -------
    ModelText
        The header, the trees' arrays and the pandas categories of
        ``booster.model_to_string()`` (not written again for a text the
        loader validated lately).

    Raises
    ------
    ValueError
        LightGBM's own text of the model does not validate.
    """
    try:
        return _TEXTS[booster]
    except (KeyError, TypeError):
        pass
    try:
        parsed = parse_model_text(booster.model_to_string())
    except FormatError as exc:
        raise ValueError(f"this LightGBM model's own text does not read back: {exc}") from None
    with contextlib.suppress(TypeError):  # cached beside the booster, never on it
        _TEXTS[booster] = parsed
    return parsed


def adopt_text(booster: Any, parsed: ModelText) -> None:
    """Remember ``parsed`` as the text of ``booster``, which was built from it.

    Parameters
    ----------
    booster : lightgbm.Booster
        The booster the loader built from the validated text.
    parsed : ModelText
        What validation read from that text.
    """
    with contextlib.suppress(TypeError):
        _TEXTS[booster] = parsed


def _infos(parsed: ModelText) -> list[str] | None:
    """``feature_infos``, one entry per feature: ``[min:max]``, ``a:b:c`` (categories), ``none``."""
    infos = parsed.header.get("feature_infos")
    names = parsed.header.get("feature_names")
    if infos is None or names is None:
        return None
    out = infos.split(" ")
    return out if out and len(out) == len(names.split(" ")) else None


def _is_categorical(info: str) -> bool:
    return info != "none" and not info.startswith("[")


def feature_ranges(parsed: ModelText) -> np.ndarray | None:
    """The stored minimum and maximum of every numeric feature, as a ``(2, d)`` array.

    Parameters
    ----------
    parsed : ModelText
        The model's text (:func:`text_of`).

    Returns
    -------
    ndarray or None
        Row 0 the minima, row 1 the maxima, NaN for categorical features (or
        features without a range, ``none``); None when the model has none.
    """
    infos = _infos(parsed)
    if not infos:
        return None
    out = np.full((2, len(infos)), np.nan)
    for j, info in enumerate(infos):
        if not (info.startswith("[") and info.endswith("]")):
            continue  # "none", or a categorical feature's values
        lo_text, sep, hi_text = info[1:-1].partition(":")
        try:
            lo, hi = float(lo_text), float(hi_text)
        except ValueError:
            continue
        if sep and math.isfinite(lo) and math.isfinite(hi):
            out[0, j], out[1, j] = lo, hi
    return out if np.isfinite(out).any() else None


_PREDICT_LOCKS: weakref.WeakKeyDictionary[Any, threading.Lock] = weakref.WeakKeyDictionary()
_ANY_BOOSTER = threading.Lock()
_LOCKS_LOCK = threading.Lock()


def _lock_of(booster: Any) -> threading.Lock:
    """The one lock of a booster: its ``predict`` is not safe from several threads at once.

    The tree routing and the attacks' queries of the same booster share it.
    """
    with _LOCKS_LOCK:
        try:
            return _PREDICT_LOCKS.setdefault(booster, threading.Lock())
        except TypeError:  # not weakly referable: one lock for all such boosters
            return _ANY_BOOSTER


class _LeafCache:
    """LightGBM's leaf indices of the records, for one iteration or all at once.

    The first query of an input predicts one iteration, as a caller routing
    different rows through each tree needs; a second query of the same input
    predicts every iteration in one call and keeps them (when they fit in
    :data:`_MAX_CACHED` entries), since the caller routes it through all trees.
    """

    def __init__(self, booster: Any, per_iteration: int) -> None:
        self.booster = booster
        self.per_iteration = per_iteration
        self.lock = _lock_of(booster)
        self.X: Any = None
        self.all: np.ndarray | None = None

    def _predict(self, X: Any, start: int, count: int) -> np.ndarray:
        leaf = self.booster.predict(
            X, pred_leaf=True, start_iteration=start, num_iteration=count, validate_features=False
        )
        return np.asarray(leaf).reshape(X.shape[0], -1)

    def leaves(self, X: Any, iteration: int, column: int) -> np.ndarray:
        with self.lock:
            if self.X is X and self.all is not None:
                return self.all[:, iteration * self.per_iteration + column]
            if self.X is X:
                n_trees = self.booster.num_trees()
                if X.shape[0] * n_trees <= _MAX_CACHED:
                    self.all = self._predict(X, 0, -1)
                    return self.all[:, iteration * self.per_iteration + column]
            self.X, self.all = X, None
            return self._predict(X, iteration, 1)[:, column]


#: Leaf indices (records times trees) a forest keeps for one input: 256 MiB of int32.
_MAX_CACHED = 1 << 26


def _tree_spec(
    info: dict[str, Any],
    iteration: int,
    column: int,
    owner: Any,
    cache: _LeafCache,
) -> TreeSpec:
    """One tree of the model's text as node arrays; routed by the booster itself."""
    num_leaves = int(info.get("num_leaves", 1))
    if not 1 <= num_leaves <= _MAX_NODES:
        raise ValueError(f"a LightGBM tree declares {num_leaves} leaves")
    internal = num_leaves - 1
    n_nodes = 2 * num_leaves - 1
    left = np.full(n_nodes, -1, dtype=np.int64)
    right = np.full(n_nodes, -1, dtype=np.int64)
    feature = np.full(n_nodes, -2, dtype=np.int64)
    threshold = np.full(n_nodes, np.nan)
    count = np.zeros(n_nodes, dtype=np.int64)
    value = np.zeros(n_nodes)

    def array(key: str, size: int, dtype: Any) -> np.ndarray | None:
        values = info.get(key)
        if values is None or len(values) != size:
            return None
        return np.asarray(values, dtype=dtype)

    if internal:
        lc = array("left_child", internal, np.int64)
        rc = array("right_child", internal, np.int64)
        split = array("split_feature", internal, np.int64)
        thr = array("threshold", internal, np.float64)
        decision = array("decision_type", internal, np.int64)
        if lc is None or rc is None or split is None or thr is None or decision is None:
            raise ValueError("a LightGBM tree lacks the arrays of its splits")
        # a child c < 0 is leaf ~c, node internal + ~c
        left[:internal] = np.where(lc >= 0, lc, internal + ~lc)
        right[:internal] = np.where(rc >= 0, rc, internal + ~rc)
        feature[:internal] = split
        # decision_type bit 0: a set of categories (no threshold); else x <= threshold
        threshold[:internal] = np.where(decision & 1, np.nan, thr)
        for key, into in (("internal_count", count), ("internal_value", value)):
            stored = array(key, internal, into.dtype)
            if stored is not None:
                into[:internal] = stored
    for key, into in (("leaf_count", count), ("leaf_value", value)):
        stored = array(key, num_leaves, into.dtype)
        if stored is not None:
            into[internal:] = stored

    offset = num_leaves - 1

    def route(X: Any) -> np.ndarray:
        if X.shape[0] == 0:
            return np.zeros(0, dtype=np.int64)
        leaf = cache.leaves(X, iteration, column)
        return leaf.astype(np.int64) + (offset if num_leaves > 1 else 0)

    return TreeSpec(
        left=left,
        right=right,
        feature=feature,
        threshold=threshold,
        n_node_samples=count,
        route=route,
        leaf_value=value,
        source=info,
        owner=owner,
    )


def _expected_root(params: dict[str, Any]) -> Any:
    """Rows at each tree's root for ``n`` training rows, given the booster's parameters."""

    def get(*names: str, default: Any = None) -> Any:
        for name in names:
            if name in params and params[name] is not None:
                return params[name]
        return default

    fraction = float(get("bagging_fraction", "subsample", "bagging", default=1.0))
    freq = int(get("bagging_freq", "subsample_freq", default=0))
    boosting = str(get("boosting", "boosting_type", default="gbdt"))
    strategy = str(get("data_sample_strategy", default="bagging"))

    def expected(n: int) -> tuple[int, str]:
        if boosting == "goss" or strategy == "goss":
            return -1, " after its gradient-based one-side sampling (GOSS)"  # any count up to n
        if boosting == "rf" or (fraction < 1.0 and freq > 0):
            return -1, " after its bagging"  # LightGBM rounds per thread block
        return n, ""

    return expected


@register_adapter("lightgbm.basic.Booster", "LGBMModel")
def _lightgbm(model: Any) -> Forest:
    """Read the trees of a LightGBM booster or scikit-learn wrapper."""
    booster = booster_of(model)
    parsed = text_of(booster)
    per_iteration = _header_int(parsed, "num_tree_per_iteration")
    cache = _LeafCache(booster, per_iteration)
    trees = [
        _tree_spec(info, i // per_iteration, i % per_iteration, model, cache)
        for i, info in enumerate(parsed.trees)
    ]
    params = dict(getattr(booster, "params", {}) or {})
    forest = Forest(
        trees,
        "booster_.trees" if booster is not model else "trees",
        "none",  # leaf values are gradient steps, not labels
        float32=False,
        kind="lightgbm",
        model=model,
        prepare_input=_prepare_for(booster, parsed),
        expected_root=_expected_root(params),
        routed_together=True,  # one predict(pred_leaf) call for all trees
    )
    forest.leaf_label = _binary_sign(model, parsed, trees)
    # pandas category columns: coded as LightGBM codes them, from the data as given
    forest.raw_input = (
        pandas_categories(parsed, getattr(booster, "pandas_categorical", None)) is not None
    )
    if any(np.isnan(t.threshold[t.left >= 0]).any() for t in trees):
        forest.notes.append(
            "categorical splits (sets of categories) have no threshold: their boxes are open "
            "on those features"
        )
    return forest


def _header_int(parsed: ModelText, key: str) -> int:
    """A count of the header (``num_class``, ``num_tree_per_iteration``), at least 1."""
    try:
        return max(int(parsed.header.get(key, "1").strip()), 1)
    except ValueError:
        return 1


def _objective(parsed: ModelText) -> str:
    """The objective's name (``objective=binary sigmoid:1`` gives ``binary``)."""
    return parsed.header.get("objective", "").strip().split(" ", 1)[0]


def _binary_sign(model: Any, parsed: ModelText, trees: list[TreeSpec]) -> Any:
    """What a leaf of one row says of its label, for a binary objective; else None.

    A leaf's value is its rows' Newton step ``-sum(g) / (sum(h) + lambda)``
    times the learning rate, with ``g = p - y``: for one row it is positive
    exactly when the label is the positive class. The first tree is left out,
    as LightGBM adds the initial score (``boost_from_average``) to its leaves.
    """
    objective = _objective(parsed)
    if objective not in ("binary", "cross_entropy") or _header_int(parsed, "num_class") != 1:
        return None
    classes = getattr(model, "classes_", None)
    pair = np.asarray(classes) if classes is not None and len(classes) == 2 else np.array([0, 1])

    def said(index: int, leaves: np.ndarray) -> np.ndarray | None:
        if index == 0:
            return None
        value = np.asarray(trees[index].leaf_value)[leaves]
        out = np.where(value > 0, pair[1], pair[0])
        if (value == 0).any():  # a zero step says nothing: matches no label
            out = out.astype(object)
            out[value == 0] = None
        return out

    return said


def _prepare_for(booster: Any, parsed: ModelText) -> Any:
    """The input as LightGBM compares it, pandas category columns coded as LightGBM codes them.

    A frame's category (or text) columns become the position of each value in
    the model's ``pandas_categorical``, NaN for a missing or unseen value, as
    LightGBM's own pandas conversion does; a numeric matrix routes the same.
    """
    cats = pandas_categories(parsed, getattr(booster, "pandas_categorical", None))

    def prepare(X: Any) -> Any:
        import pandas as pd

        if cats is None or not isinstance(X, pd.DataFrame) or X.shape[1] != len(cats):
            return _prepare(X)
        columns = []
        for j, categories in enumerate(cats):
            col = X.iloc[:, j]
            if categories.size:
                codes = _category_codes(pd.Index(list(categories)), col.astype(object))
                columns.append(np.where(codes < 0, np.nan, codes.astype(np.float64)))
            else:
                columns.append(pd.to_numeric(col, errors="coerce").to_numpy(dtype=np.float64))
        return np.ascontiguousarray(np.column_stack(columns), dtype=np.float64)

    return prepare


def _category_codes(categories: Any, values: Any) -> np.ndarray:
    """Position of each value among ``categories`` (-1: missing or not a category).

    ``Index.get_indexer`` rather than ``pd.Categorical(values, categories=...)``,
    which warns about values outside the categories; a file's repeated
    categories keep their first position.
    """
    if categories.is_unique:
        return np.asarray(categories.get_indexer(values), dtype=np.int64)
    first: dict[Any, int] = {}
    for i, c in enumerate(categories.tolist()):
        first.setdefault(c, i)
    return np.asarray([first.get(v, -1) for v in values.tolist()], dtype=np.int64)


def _prepare(X: Any) -> Any:
    """LightGBM compares doubles: the input as a float64 array."""
    import scipy.sparse as sp

    if sp.issparse(X):
        return sp.csr_matrix(X, dtype=np.float64)
    return np.ascontiguousarray(X, dtype=np.float64)


@register_walk_hook("lightgbm.basic.Booster")
def _walk_booster(booster: Any) -> Iterable[tuple[str, Any]]:
    """What a booster's model string holds beyond its ``__dict__``: the features' ranges."""
    parsed = text_of(booster)
    out: list[tuple[str, Any]] = []
    ranges = feature_ranges(parsed)
    if ranges is not None:
        out.append((FEATURE_INFOS, ranges))
    categories = pandas_categories(parsed, getattr(booster, "pandas_categorical", None))
    if categories is not None:
        out.append(("categories_", categories))
    return out


def pandas_categories(parsed: ModelText, stored: Any) -> list[np.ndarray] | None:
    """``pandas_categorical`` as one array of categories per feature, like an encoder's ``categories_``.

    LightGBM keeps every category of every pandas category column, used in a
    split or not, in the order of the category columns. They are placed at
    the features whose ``feature_infos`` list values (the categorical ones);
    numeric features get an empty array.

    Parameters
    ----------
    parsed : ModelText
        The model's text (:func:`text_of`).
    stored : list or None
        ``Booster.pandas_categorical``.

    Returns
    -------
    list of ndarray or None
        One array per feature; None without categories, or when their number
        does not match the categorical features.
    """
    infos = _infos(parsed)
    if not isinstance(stored, list) or not stored or not infos:
        return None
    categorical = [_is_categorical(info) for info in infos]
    if sum(categorical) != len(stored) or not all(isinstance(c, list) for c in stored):
        return None
    it = iter(stored)
    return [
        np.asarray(next(it), dtype=object) if cat else np.empty(0, dtype=object)
        for cat in categorical
    ]


# -- a Booster from a model file as an estimator the attacks query and refit ---------------

_FRACTION = (float, 0.0, 1.0)
_POSITIVE = (float, 0.0, 1e12)
_SEED = (int, -(2**31), 2**31 - 1)
_REGRESSION = frozenset(
    {
        "regression",
        "regression_l1",
        "huber",
        "fair",
        "poisson",
        "quantile",
        "mape",
        "gamma",
        "tweedie",
        "cross_entropy",
    }
)
#: The training parameters a refit takes from a model file, with their bounds; nothing else.
REFIT_PARAMETERS: dict[str, tuple[type, float, float] | frozenset[str]] = {
    "boosting": frozenset({"gbdt", "dart", "rf", "goss"}),
    "data_sample_strategy": frozenset({"bagging", "goss"}),
    "objective": frozenset({"binary", "multiclass", "multiclassova"}) | _REGRESSION,
    "num_class": (int, 1, 10_000),
    "learning_rate": (float, 1e-12, 1e6),
    "num_leaves": (int, 2, 131_072),
    "max_depth": (int, -1, 256),
    "min_data_in_leaf": (int, 0, 2**31 - 1),
    "min_sum_hessian_in_leaf": _POSITIVE,
    "bagging_fraction": _FRACTION,
    "pos_bagging_fraction": _FRACTION,
    "neg_bagging_fraction": _FRACTION,
    "bagging_freq": (int, 0, 2**31 - 1),
    "bagging_seed": _SEED,
    "feature_fraction": _FRACTION,
    "feature_fraction_bynode": _FRACTION,
    "feature_fraction_seed": _SEED,
    "extra_trees": (bool, 0, 1),
    "extra_seed": _SEED,
    "lambda_l1": _POSITIVE,
    "lambda_l2": _POSITIVE,
    "min_gain_to_split": _POSITIVE,
    "max_delta_step": (float, -1e12, 1e12),
    "drop_rate": _FRACTION,
    "max_drop": (int, -1, 1_000_000),
    "skip_drop": _FRACTION,
    "xgboost_dart_mode": (bool, 0, 1),
    "uniform_drop": (bool, 0, 1),
    "drop_seed": _SEED,
    "top_rate": _FRACTION,
    "other_rate": _FRACTION,
    "min_data_per_group": (int, 1, 2**31 - 1),
    "max_cat_threshold": (int, 1, 100_000),
    "cat_l2": _POSITIVE,
    "cat_smooth": _POSITIVE,
    "max_cat_to_onehot": (int, 1, 100_000),
    "path_smooth": _POSITIVE,
    "max_bin": (int, 2, 65_535),
    "min_data_in_bin": (int, 1, 2**31 - 1),
    "bin_construct_sample_cnt": (int, 1, 2**31 - 1),
    "use_missing": (bool, 0, 1),
    "zero_as_missing": (bool, 0, 1),
    "feature_pre_filter": (bool, 0, 1),
    "is_unbalance": (bool, 0, 1),
    "scale_pos_weight": _POSITIVE,
    "sigmoid": (float, 1e-12, 1e6),
    "boost_from_average": (bool, 0, 1),
    "reg_sqrt": (bool, 0, 1),
    "alpha": (float, -1e12, 1e12),
    "fair_c": _POSITIVE,
    "poisson_max_delta_step": _POSITIVE,
    "tweedie_variance_power": (float, 1.0, 2.0),
    "linear_tree": (bool, 0, 1),
    "linear_lambda": _POSITIVE,
    "seed": _SEED,
    "data_random_seed": _SEED,
    "objective_seed": _SEED,
    "deterministic": (bool, 0, 1),
}
#: Trees a refit may grow: iterations times trees per iteration.
MAX_REFIT_TREES = 100_000
_ALIASES = {"regression_l2": "regression", "l2": "regression", "mse": "regression"}


class LightGBMModel(NativeModel):
    """A ``lightgbm.Booster`` as an estimator: LightGBM's own predictions; refit by ``lightgbm.train``.

    See :class:`~modelprivacy.models._native.NativeModel` for the parameters.
    """

    library = "LightGBM"

    def _train(self, X: Any, y: np.ndarray) -> Any:
        import lightgbm

        params = {**(self.params or {}), "verbosity": -1}
        data = lightgbm.Dataset(X, label=y, params={"verbosity": -1})
        return lightgbm.train(params, data, num_boost_round=int(self.rounds))

    def _raw(self, X: Any) -> np.ndarray:
        booster = self._fitted()
        with _lock_of(booster):
            return np.asarray(booster.predict(X, validate_features=False))


@register_estimator("lightgbm.basic.Booster")
def as_estimator(booster: Any) -> LightGBMModel:
    """A LightGBM booster (from a model file) as an estimator the attacks query and refit.

    Parameters
    ----------
    booster : lightgbm.Booster
        The loaded model.

    Returns
    -------
    LightGBMModel
        Answers with ``booster`` itself; refits with the training parameters
        of the file's ``parameters`` section that :data:`REFIT_PARAMETERS`
        allows, for as many iterations as ``booster`` has.

    Raises
    ------
    ModelPrivacyError
        For a ranking objective, or one this tool does not know.
    """
    parsed = text_of(booster)
    objective = _objective(parsed)
    objective = _ALIASES.get(objective, objective)
    num_class = _header_int(parsed, "num_class")
    task: Task
    if objective == "binary":
        task, n_classes = "binary", 2
    elif objective in ("multiclass", "multiclassova"):
        task, n_classes = "multiclass", num_class
    elif objective in _REGRESSION:
        task, n_classes = "regression", 0
    else:
        raise ModelPrivacyError(
            f"this LightGBM model's objective ({printable(repr(objective), 40)}) is not a classifier or "
            "regressor the attacks know (ranking models are not attacked); pass predict= and "
            "fit_fn= to attack it as a black box"
        )
    raw = dict(getattr(booster, "params", {}) or {})
    params, notes = allowed_params(raw, REFIT_PARAMETERS, "LightGBM")
    params["objective"] = objective
    if task == "multiclass":
        params["num_class"] = n_classes
    per_iteration = _header_int(parsed, "num_tree_per_iteration")
    rounds = max(int(booster.current_iteration()), 1)
    if rounds * per_iteration > MAX_REFIT_TREES:
        notes.append(
            f"reference models grow {MAX_REFIT_TREES // per_iteration:,} iterations, not the "
            f"model's {rounds:,} (more trees than a refit may take)"
        )
        rounds = MAX_REFIT_TREES // per_iteration
    if not raw:
        notes.append(
            "the model file stores no training parameters: LightGBM's defaults were used for "
            "the reference models; pass fit_fn= to train them as the model was trained"
        )
    model = LightGBMModel(params=params, rounds=rounds, task=task, n_classes=n_classes)
    model.refit_notes = tuple(notes)
    model._adopt(booster)
    return model
