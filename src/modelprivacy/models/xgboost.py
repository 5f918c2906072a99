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

from modelprivacy._text import printable
from modelprivacy.errors import ModelPrivacyError, NotFittedModelError
from modelprivacy.models._native import NativeModel, Task, allowed_params
from modelprivacy.models._registry import Stored, register_estimator, register_walk_hook
from modelprivacy.models.trees import Forest, TreeSpec, UnsupportedTreesError, register_adapter

__all__ = ["XGBoostModel", "as_estimator", "booster_of", "categories", "model_json"]

#: What XGBoost files store about the training data (``docs/libraries.md`` is generated from it).
STORES = (
    Stored(
        "sum_hessian",
        "every node of every tree (.json, .ubj, pickles)",
        "the row count of every node for squared error, and of the first trees of logistic "
        "and softmax models; other trees are counted by routing the data",
        "MP-S105",
        "tests/models/test_gbdt_trees.py",
    ),
    Stored(
        "split_conditions",
        "every numeric split (a categorical split holds a set of category codes instead)",
        "training values themselves (float32) with the default hist method; midpoints with exact",
        "MP-S104",
        "tests/models/test_gbdt_trees.py",
    ),
    Stored(
        "leaf boxes",
        "split features and conditions of every tree",
        "the box of a small leaf pins down who is in it, among population records (open on "
        "features split by category sets, whose leaves are routed by XGBoost itself)",
        "MP-S110",
        "tests/models/test_gbdt_trees.py",
    ),
    Stored(
        "cats.enc",
        "gradient_booster.model.cats (XGBoost 3)",
        "every pandas category string, as integer byte codes a text search misses",
        "MP-S106",
        "tests/models/test_gbdt_trees.py",
    ),
    Stored(
        "learner configuration",
        "objective, num_class, trees",
        "what reference models are refit with; .json/.ubj files do not keep eta, max_depth or "
        "subsampling, so the report says the refit used XGBoost's defaults",
        "MP-L201",
        "tests/models/test_native_estimators.py",
    ),
)


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


def adopt_json(booster: Any, doc: dict[str, Any]) -> None:
    """Remember ``doc`` as the model JSON of ``booster``, which was loaded from it.

    For a JSON file written by the running XGBoost, the file parsed as data
    is what ``booster.save_raw("json")`` would give again: the loader hands
    it over instead of dumping and parsing the model once more.

    Parameters
    ----------
    booster : xgboost.Booster
        The booster loaded from the file.
    doc : dict
        The file's parsed (and validated) JSON.
    """
    with contextlib.suppress(TypeError):
        _JSON[booster] = doc


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
    gbm = _trees_model(gb)
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

    types = learner.get("feature_types") or []
    categorical = isinstance(types, list) and "c" in types
    book = _codebook(doc) if categorical else None
    forest = Forest(
        trees,
        "trees",
        "none",  # leaf values are gradient steps, not labels
        float32=True,
        kind="xgboost",
        model=model,
        prepare_input=_prepare_for(book) if categorical else _prepare,
        expected_root=expected,
        leaf_label=said if binary else None,
        # pandas category columns: coded as XGBoost codes them, from the data as given
        raw_input=categorical,
        routed_together=True,  # one predict(pred_leaf) call for all trees
    )
    if any(np.isnan(t.threshold[t.left >= 0]).any() for t in trees):
        forest.notes.append(
            "categorical splits (sets of categories) have no threshold: their boxes are open "
            "on those features"
        )
    return forest


class _LeafCache:
    """``predict(pred_leaf=True)`` for all trees, once per input (XGBoost routes all at once).

    The last :attr:`SIZE` inputs are kept (by identity), so that callers that
    route two inputs tree by tree (the training records and the population of
    the leaf boxes) do not send each through all trees again for every tree.
    """

    SIZE = 3

    def __init__(self, booster: Any) -> None:
        self.booster = booster
        self.lock = threading.Lock()
        self.entries: list[tuple[Any, np.ndarray]] = []  # most recently routed last

    def column(self, X: Any, index: int) -> np.ndarray:
        import xgboost

        with self.lock:
            known = [leaves for seen, leaves in self.entries if seen is X]
            if known:
                leaves = known[0]
            else:
                out = self.booster.predict(
                    xgboost.DMatrix(X, missing=np.nan), pred_leaf=True, validate_features=False
                )
                # one row per tree: each tree's leaves are read as one contiguous block
                leaves = np.ascontiguousarray(np.asarray(out).reshape(X.shape[0], -1).T, np.int32)
                self.entries = [*self.entries[1 - self.SIZE :], (X, leaves)]
        return leaves[index].astype(np.int64)


def _tree_spec(
    t: dict[str, Any], index: int, cache: _LeafCache, owner: Any, hessian: float | None
) -> TreeSpec:
    left = np.asarray(t["left_children"], dtype=np.int64)
    right = np.asarray(t["right_children"], dtype=np.int64)
    cond = np.asarray(t["split_conditions"], dtype=np.float64)
    split = left >= 0
    kinds = np.asarray(t.get("split_type", []), dtype=np.int64)
    # a categorical split sends a set of categories one way: it has no threshold (NaN)
    numeric = split & (kinds == 0) if kinds.size == left.size else split
    feature = np.where(split, np.asarray(t["split_indices"], dtype=np.int64), -2)
    hess = np.asarray(t["sum_hessian"], dtype=np.float64)
    width = int(_float(t.get("tree_param", {}).get("size_leaf_vector", 1)))
    if hessian is not None and width > 1:  # a multi-output tree sums the hessian of every target
        hessian *= width
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
        threshold=np.where(numeric, cond, np.nan),
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


def _prepare_for(book: list[np.ndarray] | None) -> Any:
    """The input as XGBoost routes it, pandas category columns coded as XGBoost codes them.

    XGBoost 3 re-codes a frame's category columns to the categories of the
    fit (``cats.enc``): each value becomes its position there, NaN when missing
    (or unseen: XGBoost refuses such a frame, a population record with one
    goes the way of a missing value here). Without a stored encoding (an older XGBoost) a category
    column's own codes are used, as XGBoost used them. A numeric matrix holds
    the codes already and routes as given.
    """

    def prepare(X: Any) -> Any:
        import pandas as pd

        if not isinstance(X, pd.DataFrame):
            return _prepare(X)
        if book is not None and X.shape[1] != len(book):
            raise UnsupportedTreesError(
                f"the data has {X.shape[1]} columns, the model's category encoding {len(book)}"
            )
        columns = []
        for j in range(X.shape[1]):
            col = X.iloc[:, j]
            known = book[j] if book is not None else np.empty(0, dtype=object)
            if known.size:
                codes = pd.Index(known).get_indexer(col.astype(object))
                columns.append(np.where(codes < 0, np.nan, codes.astype(np.float64)))
            elif isinstance(col.dtype, pd.CategoricalDtype):
                codes = np.asarray(col.cat.codes)
                columns.append(np.where(codes < 0, np.nan, codes.astype(np.float64)))
            else:
                try:
                    columns.append(pd.to_numeric(col).to_numpy(dtype=np.float64, na_value=np.nan))
                except (TypeError, ValueError):
                    raise UnsupportedTreesError(
                        f"column {printable(repr(X.columns[j]), 40)} holds values that are "
                        "neither numbers nor categories of the model"
                    ) from None
        if not columns:
            return np.zeros((X.shape[0], 0), dtype=np.float32)
        return np.ascontiguousarray(np.column_stack(columns), dtype=np.float32)

    return prepare


# -- a Booster from a model file as an estimator the attacks query and refit ---------------

_FRACTION = (float, 0.0, 1.0)
_POSITIVE = (float, 0.0, 1e12)
#: The training parameters a refit takes from the booster's configuration, with their bounds.
REFIT_PARAMETERS: dict[str, tuple[type, float, float] | frozenset[str]] = {
    "eta": (float, 1e-12, 1e6),
    "gamma": _POSITIVE,
    "max_depth": (int, 0, 64),
    "min_child_weight": _POSITIVE,
    "max_delta_step": _POSITIVE,
    "subsample": (float, 1e-6, 1.0),
    "sampling_method": frozenset({"uniform"}),
    "colsample_bytree": (float, 1e-6, 1.0),
    "colsample_bylevel": (float, 1e-6, 1.0),
    "colsample_bynode": (float, 1e-6, 1.0),
    "lambda": _POSITIVE,
    "alpha": _POSITIVE,
    "grow_policy": frozenset({"depthwise", "lossguide"}),
    "max_leaves": (int, 0, 1 << 16),
    "max_bin": (int, 2, 4096),
    "max_cat_to_onehot": (int, 1, 100_000),
    "max_cat_threshold": (int, 1, 100_000),
    "tree_method": frozenset({"auto", "exact", "approx", "hist"}),
    "num_parallel_tree": (int, 1, 1000),
    "scale_pos_weight": _POSITIVE,
    "seed": (int, 0, 2**63 - 1),
    "rate_drop": _FRACTION,
    "skip_drop": _FRACTION,
    "one_drop": (bool, 0, 1),
    "sample_type": frozenset({"uniform", "weighted"}),
    "normalize_type": frozenset({"tree", "forest"}),
    "huber_slope": _POSITIVE,
    "quantile_alpha": _FRACTION,
    "tweedie_variance_power": (float, 1.0, 2.0),
    "max_cached_hist_node": (int, 1, 2**63 - 1),
}
MAX_REFIT_TREES = 100_000
_CLASSIFIERS: dict[str, Task] = {
    "binary:logistic": "binary",
    "binary:logitraw": "binary",
    "multi:softprob": "multiclass",
    "multi:softmax": "multiclass",
}
_REGRESSORS = frozenset(
    {
        "reg:squarederror",
        "reg:squaredlogerror",
        "reg:logistic",
        "reg:pseudohubererror",
        "reg:absoluteerror",
        "reg:quantileerror",
        "reg:gamma",
        "reg:tweedie",
        "count:poisson",
    }
)
_NOT_STORED = (
    "XGBoost's model files (.json, .ubj) do not store the training parameters (eta, max_depth, "
    "regularisation, subsampling): the reference models use the configuration XGBoost reports "
    "for the loaded model, its defaults unless the file was a pickle of the Booster, so they may "
    "be trained differently from the target; pass fit_fn= to train them as it was trained"
)


class XGBoostModel(NativeModel):
    """An ``xgboost.Booster`` as an estimator: XGBoost's own predictions; refit by ``xgboost.train``.

    See :class:`~modelprivacy.models._native.NativeModel` for the parameters;
    ``params`` holds ``objective`` and ``num_class`` besides the training parameters.
    """

    library = "XGBoost"

    def _train(self, X: Any, y: np.ndarray) -> Any:
        import xgboost

        categorical = _has_categories(X)
        data = xgboost.DMatrix(X, label=y, missing=np.nan, enable_categorical=categorical)
        return xgboost.train(
            {**(self.params or {}), "verbosity": 0}, data, num_boost_round=int(self.rounds)
        )

    def _raw(self, X: Any) -> np.ndarray:
        booster = self._fitted()
        objective = str((self.params or {}).get("objective", ""))
        margin = objective in ("binary:logitraw", "multi:softmax")
        out = np.asarray(
            booster.inplace_predict(
                X,
                missing=np.nan,
                validate_features=False,
                predict_type="margin" if margin else "value",
            ),
            dtype=np.float64,
        )
        if objective == "binary:logitraw":
            return np.asarray(1.0 / (1.0 + np.exp(-out)))
        if objective == "multi:softmax":
            from scipy.special import softmax

            return np.asarray(softmax(out.reshape(out.shape[0], -1), axis=1))
        return out


def _trees_model(gb: Any) -> dict[str, Any]:
    """The trees' section of the model JSON's ``gradient_booster`` (gbtree or dart); ``{}`` if none."""
    if not isinstance(gb, dict):
        return {}
    inner = gb.get("gbtree") if gb.get("name") == "dart" else gb
    model = inner.get("model") if isinstance(inner, dict) else None
    return model if isinstance(model, dict) else {}


_DEEPEST: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


def _deepest_of(booster: Any, gb: Any) -> int:
    """:func:`_deepest` of a booster's ``gradient_booster`` section, computed once per booster."""
    try:
        return _DEEPEST[booster]
    except (KeyError, TypeError):
        pass
    deepest = _deepest(gb)
    with contextlib.suppress(TypeError):
        _DEEPEST[booster] = deepest
    return deepest


def _deepest(gb: Any) -> int:
    """The depth of the deepest tree of a ``gradient_booster`` section (0 without trees).

    All trees are walked together, level by level, following only children
    numbered after their parent (XGBoost numbers them so; a malformed tree
    cannot loop).
    """
    lefts: list[np.ndarray] = []
    rights: list[np.ndarray] = []
    for t in _trees_model(gb).get("trees", []):
        left = np.asarray(t.get("left_children", []), dtype=np.int64).reshape(-1)
        right = np.asarray(t.get("right_children", []), dtype=np.int64).reshape(-1)
        if left.size and right.size == left.size:
            lefts.append(left)
            rights.append(right)
    if not lefts:
        return 0
    sizes = np.asarray([a.size for a in lefts], dtype=np.int64)
    offset = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    local = np.arange(int(sizes.sum()), dtype=np.int64) - np.repeat(offset, sizes)
    n_of = np.repeat(sizes, sizes)
    children = []
    for kids in (np.concatenate(lefts), np.concatenate(rights)):
        ok = (kids > local) & (kids < n_of)  # after the parent and inside its tree
        children.append(np.where(ok, kids - local, 0))  # a step forward in the joined arrays
    step_l, step_r = children
    at = np.arange(local.size, dtype=np.int64)
    frontier = offset
    depth = 0
    while True:
        kids = np.concatenate([at[frontier] + step_l[frontier], at[frontier] + step_r[frontier]])
        kids = kids[np.concatenate([step_l[frontier], step_r[frontier]]) > 0]
        if not kids.size:
            return depth
        depth += 1
        frontier = np.unique(kids)


def _has_categories(X: Any) -> bool:
    dtypes = getattr(X, "dtypes", None)
    return dtypes is not None and any(str(t) == "category" for t in dtypes)


@register_estimator("xgboost.core.Booster")
def as_estimator(booster: Any) -> XGBoostModel:
    """An XGBoost booster (from a model file) as an estimator the attacks query and refit.

    Parameters
    ----------
    booster : xgboost.Booster
        The loaded model.

    Returns
    -------
    XGBoostModel
        Answers with ``booster`` itself; refits with the objective and class
        count of the file's learner configuration and the training parameters
        of ``booster.save_config()`` that :data:`REFIT_PARAMETERS` allows, for
        as many rounds as ``booster`` has.

    Raises
    ------
    ModelPrivacyError
        For an objective that is not a classifier or regressor the attacks know.
    """
    doc = model_json(booster)
    learner = doc["learner"]
    objective = str(learner.get("objective", {}).get("name", ""))
    num_class = int(_float(learner.get("learner_model_param", {}).get("num_class", 0)))
    task: Task
    if objective in _CLASSIFIERS:
        task = _CLASSIFIERS[objective]
        n_classes = 2 if task == "binary" else num_class
    elif objective in _REGRESSORS:
        task, n_classes = "regression", 0
    else:
        raise ModelPrivacyError(
            f"this XGBoost model's objective ({printable(repr(objective), 40)}) is not a classifier or regressor the "
            "attacks know (ranking, survival and hinge models are not attacked); pass predict= "
            "and fit_fn= to attack it as a black box"
        )
    config = json.loads(booster.save_config())["learner"]
    flat: dict[str, Any] = {}
    gb = config.get("gradient_booster", {})
    for section in (
        gb.get("tree_train_param", {}),
        gb.get("gbtree_train_param", {}),
        gb.get("dart_train_param", {}),
        gb.get("gbtree", {}).get("tree_train_param", {})
        if isinstance(gb.get("gbtree"), dict)
        else {},
        config.get("generic_param", {}),
        config.get("objective", {}).get("reg_loss_param", {}),
    ):
        if isinstance(section, dict):
            flat.update(section)
    params, notes = allowed_params(flat, REFIT_PARAMETERS, "XGBoost")
    # the configuration has no trees: their count per round is in the model's own JSON
    tree_param = _trees_model(learner.get("gradient_booster")).get("gbtree_model_param", {})
    parallel = max(int(_float(tree_param.get("num_parallel_tree", 1))), 1)
    if parallel > 1:
        params["num_parallel_tree"] = min(parallel, 1000)
    deepest = _deepest_of(booster, learner.get("gradient_booster", {}))
    if deepest > int(params.get("max_depth", 6)) and params.get("grow_policy") != "lossguide":
        notes.append(
            f"reference models grow trees {deepest} deep, as deep as the model's deepest tree "
            f"(its configuration says max_depth={params.get('max_depth', 6)})"
        )
        params["max_depth"] = min(deepest, 64)
    params["objective"] = objective
    params["booster"] = "dart" if gb.get("name") == "dart" else "gbtree"
    if task == "multiclass":
        params["num_class"] = n_classes
    rounds = max(int(booster.num_boosted_rounds()), 1)
    per_round = parallel * max(n_classes if task == "multiclass" else 1, 1)
    if rounds * per_round > MAX_REFIT_TREES:
        notes.append(
            f"reference models grow {MAX_REFIT_TREES // per_round:,} rounds, not the model's "
            f"{rounds:,} (more trees than a refit may take)"
        )
        rounds = MAX_REFIT_TREES // per_round
    notes.append(_NOT_STORED)
    model = XGBoostModel(params=params, rounds=rounds, task=task, n_classes=n_classes)
    model.refit_notes = tuple(notes)
    model._adopt(booster)
    return model


_MAX_CATEGORY_BYTES = 1 << 26


def categories(doc: dict[str, Any]) -> list[np.ndarray] | None:
    """The category strings XGBoost 3 keeps (``cats.enc``), one array per feature.

    XGBoost stores every category of every pandas category column, used in a
    split or not, as UTF-8 bytes written as integers in the JSON (so a text
    search of the file misses them), with the end offset of each string.

    Parameters
    ----------
    doc : dict
        The model's JSON (:func:`model_json`).

    Returns
    -------
    list of ndarray or None
        One array of strings per feature (empty for numeric ones); None when
        the model keeps no categories or they are malformed.
    """
    enc = _trees_model(doc.get("learner", {}).get("gradient_booster")).get("cats", {}).get("enc")
    if not isinstance(enc, list) or not enc:
        return None
    out: list[np.ndarray] = []
    total = 0
    for feature in enc:
        offsets = feature.get("offsets", []) if isinstance(feature, dict) else None
        values = feature.get("values", []) if isinstance(feature, dict) else None
        if not isinstance(offsets, list) or not isinstance(values, list):
            return None
        total += len(values)
        if total > _MAX_CATEGORY_BYTES:
            return None
        if not offsets:
            out.append(np.empty(0, dtype=object))
            continue
        try:
            raw = bytes(values)
        except (TypeError, ValueError):
            return None
        ends = [int(o) for o in offsets]
        starts = [0, *ends[:-1]] if ends[0] != 0 else ends[:-1]
        stops = ends if ends[0] != 0 else ends[1:]
        if any(not 0 <= a <= b <= len(raw) for a, b in zip(starts, stops, strict=True)):
            return None
        out.append(
            np.asarray(
                [raw[a:b].decode("utf-8", "replace") for a, b in zip(starts, stops, strict=True)],
                dtype=object,
            )
        )
    return out if any(c.size for c in out) else None


def _codebook(doc: dict[str, Any]) -> list[np.ndarray] | None:
    """Per feature, the categories of the fit in XGBoost's code order (``cats.enc``).

    Strings for text categories (:func:`categories`), numbers for numeric
    ones (stored as plain values with a ``type``); empty for numeric
    features. None when the model keeps no encoding or it is malformed.
    """
    enc = _trees_model(doc.get("learner", {}).get("gradient_booster")).get("cats", {}).get("enc")
    if not isinstance(enc, list) or not enc:
        return None
    strings = categories(doc)
    out: list[np.ndarray] = []
    for j, feature in enumerate(enc):
        if strings is not None and j < len(strings) and strings[j].size:
            out.append(strings[j])
            continue
        values = feature.get("values") if isinstance(feature, dict) else None
        if isinstance(feature, dict) and "offsets" not in feature and isinstance(values, list):
            known = np.asarray(values)
            if known.ndim != 1 or (known.size and known.dtype.kind not in "biuf"):
                return None
            out.append(known)
        else:
            out.append(np.empty(0, dtype=object))
    return out if any(c.size for c in out) else None


@register_walk_hook("xgboost.core.Booster")
def _walk_booster(booster: Any) -> list[tuple[str, Any]]:
    """What a booster's native state holds of the training data: its category strings."""
    found = categories(model_json(booster))
    return [("categories_", found)] if found is not None else []
