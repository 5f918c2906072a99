"""Validation of a loaded model's object graph, before anything uses it.

The restricted unpickler decides which types and functions a file may name,
but not what the file puts in them. A hostile file can build allowlisted
objects whose state makes later, ordinary calls misbehave: a decision tree
whose child indexes point outside its node array (``predict`` reads and
``decision_path`` writes out of bounds), a KD-tree whose index array names rows
that do not exist, a ``Pipeline`` whose ``memory`` makes scikit-learn write and
read a cache directory named by the file, or an ``__sklearn_is_fitted__``
planted in an instance ``__dict__`` that ``check_is_fitted`` then calls.

:func:`validate_model` walks every object reachable from the loaded model,
without recursion and within bounds on the number of objects and on the
nesting depth, and for each object it meets:

- **refuses** (:class:`~modelprivacy.errors.UnsafeModelError`) instance
  attributes with dunder names, or that shadow a method, property or other
  descriptor of the class (or, on an estimator, a method name such as
  ``predict_proba``); functions and classes that are not exactly what their
  allowlisted name resolves to (:func:`~modelprivacy.load.is_allowed_global`),
  bound methods, lambdas, modules; partials wrapping anything but an
  allowlisted function or passing a function as an argument; functions kept
  by an estimator outside its documented parameters; a ``FunctionTransformer``
  whose ``func`` or ``inverse_func`` is not an allowlisted function (or a
  partial of one); and scorers that would call anything but a prediction
  method;
- **refuses** (:class:`~modelprivacy.errors.ModelLoadError`) compiled state
  that is not internally consistent: scikit-learn ``Tree`` objects (children
  in range, a proper acyclic tree, features below the input's width, the
  recorded depth that ``decision_path`` sizes its buffer with), KD-trees and
  ball trees (a permutation of the samples, node ranges and bounds), their
  distance metrics, HistGradientBoosting predictors and bin mappers, scipy
  sparse matrices (their own ``check_format(full_check=True)``), numpy dtypes
  (rebuilt from their description and compared), numpy random generators
  (MT19937 position, Philox buffer position, seed pools), interpret's
  Explainable Boosting Machines (cut points flat, finite and increasing,
  category maps of text to bin numbers, terms on existing features, score and
  weight tables shaped by their features' bins), and arrays with zero
  strides or elements outside their buffer; and object graphs of more than
  :data:`MAX_NODES` objects or deeper than :data:`MAX_DEPTH`;
- **resets**, in place, settings that make ordinary calls touch the file
  system or the machine's limits: ``memory`` (reset to None), a vectorizer's
  ``input`` (reset to ``'content'``), ``n_jobs`` (reset to None) and
  ``n_threads``/``_n_threads`` (reset to the thread limit) beyond the machine.
  Each reset returns a one-line note for the report.

With ``trust=True`` the checks on code (attribute shadowing, callables) are
skipped, because the user accepts that the file runs code; the checks on
compiled state and the resets still apply, because they protect against
crashes and side effects rather than code from the file.

Every message is one line, "what is wrong; what to do", and escapes control
characters in any text that comes from the file.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
import types
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from modelprivacy._text import printable
from modelprivacy.errors import ModelLoadError, UnsafeModelError
from modelprivacy.load._restricted import TRUST_HINT, is_allowed_global

__all__ = ["MAX_DEPTH", "MAX_NODES", "validate_model"]

#: The most objects :func:`validate_model` visits before refusing the model.
MAX_NODES = 10_000_000
#: The deepest nesting of objects :func:`validate_model` accepts.
MAX_DEPTH = 1000

_CORRUPT_FIX = (
    "the file is corrupt or hostile and was refused: do not use it, or save the model again"
)
_LIMIT_FIX = "it was refused to bound the time and memory of the check: save a smaller model"

# --------------------------------------------------------------------------
# Text from the file
# --------------------------------------------------------------------------


def _clean(text: str, limit: int = 80) -> str:
    """``text`` with control and other non-printable characters escaped, cut to ``limit``."""
    return printable(text, limit)


_PLAIN_REPR = (type(None), bool, int, float, complex, str, bytes)


def _shown(value: Any) -> str:
    """A short, escaped description of ``value`` that never calls file code.

    Plain values (numbers, text, bytes) are shown by ``repr``; anything else
    by its type name, since the ``repr`` of an object from the file could run
    its code or be arbitrarily large.
    """
    if type(value) in _PLAIN_REPR:
        return _clean(repr(value))
    if type(value) is tuple and len(value) <= 4 and all(type(v) in _PLAIN_REPR for v in value):
        return _clean(repr(value))
    if isinstance(value, np.generic) and value.dtype.kind in "biufc":
        return _clean(repr(value.item()))
    return f"a {_type_name(type(value))} object"


def _type_name(cls: type) -> str:
    """The escaped ``__name__`` of ``cls``."""
    return _clean(str(getattr(cls, "__name__", "?")))


def _full_name(obj: Any) -> str:
    """``module.qualname`` of a function or class, from its own attributes."""
    module = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    return f"{module}.{qualname}"


# --------------------------------------------------------------------------
# Attribute paths, built lazily
# --------------------------------------------------------------------------

# A path is None (the model itself) or a tuple (parent, kind, key).
_Path = tuple[Any, int, Any] | None
_ATTR, _INDEX, _KEY, _FLAT, _STATE = range(5)


def _segment(kind: int, key: Any) -> str:
    if kind == _ATTR:
        if isinstance(key, str) and key.isidentifier():
            return f".{_clean(key)}"
        return f".[{_shown(key)}]"
    if kind == _INDEX:
        return f"[{key}]"
    if kind == _FLAT:
        flat, shape = key
        if len(shape) <= 1:
            return f"[{flat}]"
        return "[" + ", ".join(str(int(i)) for i in np.unravel_index(flat, shape)) + "]"
    if kind == _STATE:
        return f".<{key}>"
    return f"[{_shown(key)}]"


def _format_path(path: _Path, limit: int = 160) -> str:
    """``steps[1][1].estimators_[3].tree_`` for a path; the top level for None."""
    parts: list[str] = []
    while path is not None:
        path, kind, key = path
        parts.append(_segment(kind, key))
    if not parts:
        return "the top level"
    text = "".join(reversed(parts)).lstrip(".")
    if len(text) > limit:
        text = "..." + text[-limit:]
    return text


# --------------------------------------------------------------------------
# Lazily imported library types
# --------------------------------------------------------------------------


def _loaded(module: str, name: str) -> Any:
    """``module.name`` if ``module`` is already imported, else None.

    Nothing is imported: an object of a class whose module was never
    imported cannot exist, so there is nothing of it to check.
    """
    return getattr(sys.modules.get(module), name, None)


def _classes(*pairs: tuple[str, str]) -> tuple[type, ...]:
    found = (_loaded(module, name) for module, name in pairs)
    return tuple(cls for cls in found if isinstance(cls, type))


def _lib() -> dict[str, tuple[type, ...]]:
    """The library classes that get a dedicated check, among those imported."""
    return {
        "estimator": _classes(("sklearn.base", "BaseEstimator")),
        "tree": _classes(("sklearn.tree._tree", "Tree")),
        "binary_tree": _classes(
            ("sklearn.neighbors._kd_tree", "BinaryTree64"),
            ("sklearn.neighbors._kd_tree", "BinaryTree32"),
            ("sklearn.neighbors._ball_tree", "BinaryTree64"),
            ("sklearn.neighbors._ball_tree", "BinaryTree32"),
        ),
        "metric": _classes(("sklearn.metrics._dist_metrics", "DistanceMetric")),
        "predictor": _classes(
            ("sklearn.ensemble._hist_gradient_boosting.predictor", "TreePredictor")
        ),
        "hist_gb": _classes(
            (
                "sklearn.ensemble._hist_gradient_boosting.gradient_boosting",
                "BaseHistGradientBoosting",
            )
        ),
        "scorer": _classes(("sklearn.metrics._scorer", "_BaseScorer")),
        "svm": _classes(("sklearn.svm._base", "BaseLibSVM")),
        "hasher": _classes(
            ("sklearn.feature_extraction.text", "HashingVectorizer"),
            ("sklearn.feature_extraction._hash", "FeatureHasher"),
        ),
        "bspline": _classes(("scipy.interpolate._bsplines", "BSpline")),
        "vectorizer": _classes(("sklearn.feature_extraction.text", "_VectorizerMixin")),
        "function_transformer": _classes(
            ("sklearn.preprocessing._function_transformer", "FunctionTransformer")
        ),
        # Ensembles that call their trees with ``check_input=False`` on the
        # input they validated, so a tree's features must fit the ensemble's.
        "tree_ensemble": _classes(
            ("sklearn.ensemble._forest", "BaseForest"),
            ("sklearn.ensemble._gb", "BaseGradientBoosting"),
            ("sklearn.ensemble._bagging", "BaseBagging"),
        ),
        "sparse": _classes(("scipy.sparse", "sparray"), ("scipy.sparse", "spmatrix")),
        # Other model libraries whose settings are reset (thread counts, file names).
        "xgb_booster": _classes(("xgboost.core", "Booster")),
        "lgb_booster": _classes(("lightgbm.basic", "Booster")),
        "lgb_model": _classes(("lightgbm.sklearn", "LGBMModel")),
        "catboost": _classes(("catboost.core", "_CatBoostBase")),
        "ebm": _classes(("interpret.glassbox._ebm._ebm", "EBMModel")),
        "random_state": (np.random.RandomState,),
        "generator": (np.random.Generator,),
        "bit_generator": (np.random.BitGenerator,),
        "seed_sequence": (np.random.SeedSequence,),
    }


# --------------------------------------------------------------------------
# Per-type facts, computed once per type
# --------------------------------------------------------------------------

_ATOMIC = frozenset({type(None), bool, int, float, complex, str, bytes, bytearray, range})
# Types that are data, never code: skipped quickly by the estimator checks.
_DATA_TYPES = _ATOMIC | {np.ndarray, list, tuple, dict, np.float64, np.int64, np.intp}

_ROUTINE_TYPES: tuple[type, ...] = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.MethodWrapperType,
    types.WrapperDescriptorType,
    types.MethodDescriptorType,
    types.ClassMethodDescriptorType,
    types.GetSetDescriptorType,
    types.MemberDescriptorType,
    staticmethod,
    classmethod,
    property,
    np.ufunc,
)
_ROUTINE_TYPE_NAMES = frozenset(
    {"cython_function_or_method", "fused_cython_function", "_ArrayFunctionDispatcher"}
)

# Methods that scikit-learn and modelprivacy look up on an estimator: an
# instance attribute of that name would be called in their place.
_METHOD_NAMES = frozenset(
    {
        "apply",
        "decision_function",
        "decision_path",
        "fit",
        "fit_predict",
        "fit_transform",
        "get_feature_names_out",
        "get_metadata_routing",
        "get_params",
        "inverse_transform",
        "kneighbors",
        "partial_fit",
        "predict",
        "predict_log_proba",
        "predict_proba",
        "radius_neighbors",
        "score",
        "score_samples",
        "set_output",
        "set_params",
        "staged_decision_function",
        "staged_predict",
        "staged_predict_proba",
        "transform",
    }
)

# Fitted attributes (not parameters) in which scikit-learn keeps a function.
_FITTED_FUNCTIONS: dict[str, frozenset[str]] = {
    "sklearn.cluster._bisect_k_means.BisectingKMeans": frozenset({"_kmeans_single"}),
}

# What a scorer may call on the estimator it scores.
_RESPONSE_METHODS = frozenset(
    {"predict", "predict_proba", "predict_log_proba", "decision_function", "score_samples"}
)


@dataclass(frozen=True)
class _TypeInfo:
    """What the walker needs to know about a type."""

    kind: str
    has_dict: bool
    slots: tuple[str, ...]
    code_names: frozenset[str]
    estimator: bool
    param_names: frozenset[str]
    specials: frozenset[str]
    fullname: str


def _is_code(value: Any) -> bool:
    """Whether a class attribute is code: callable, or a descriptor."""
    if callable(value):
        return True
    kind = type(value)
    return any(hasattr(kind, name) for name in ("__get__", "__set__", "__delete__"))


def _kind_of(cls: type) -> str:
    lib = _lib()
    if cls in _ATOMIC:
        return "atomic"
    checks: tuple[tuple[str, tuple[type, ...]], ...] = (
        ("array", (np.ndarray,)),
        ("dtype", (np.dtype,)),
        ("scalar", (np.generic,)),
        ("class", (type,)),
        ("sparse", lib["sparse"]),
        ("random_state", lib["random_state"]),
        ("generator", lib["generator"]),
        ("bit_generator", lib["bit_generator"]),
        ("seed_sequence", lib["seed_sequence"]),
        ("tree", lib["tree"]),
        ("binary_tree", lib["binary_tree"]),
        ("metric", lib["metric"]),
        ("partial", (functools.partial,)),
        ("routine", _ROUTINE_TYPES),
        ("module", (types.ModuleType,)),
        ("mapping", (dict,)),
        ("sequence", (list, tuple, set, frozenset)),
        ("slice", (slice,)),
    )
    for kind, bases in checks:
        if bases and issubclass(cls, bases):
            return kind
    if cls.__name__ in _ROUTINE_TYPE_NAMES:
        return "routine"
    if cls.__dictoffset__ or _slot_names(cls):
        return "instance"
    if str(getattr(cls, "__module__", "")).startswith("sklearn."):
        return "cython"
    if any("__call__" in vars(klass) for klass in cls.__mro__ if klass is not object):
        return "opaque_callable"
    return "opaque"


def _slot_names(cls: type) -> tuple[str, ...]:
    names: list[str] = []
    for klass in cls.__mro__:
        slots = vars(klass).get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if isinstance(name, str) and name not in ("__dict__", "__weakref__"):
                names.append(name)
    return tuple(names)


def _param_names(cls: type) -> frozenset[str]:
    try:
        return frozenset(cls._get_param_names())  # type: ignore[attr-defined]
    except Exception:  # varargs __init__ or not an estimator
        return frozenset()


_TYPE_INFO: dict[type, _TypeInfo] = {}


def _type_info(cls: type) -> _TypeInfo:
    """The facts about ``cls``, computed on first use."""
    info = _TYPE_INFO.get(cls)
    if info is None:
        info = _TYPE_INFO[cls] = _compute_type_info(cls)
    return info


def _compute_type_info(cls: type) -> _TypeInfo:
    lib = _lib()
    kind = _kind_of(cls)
    estimator = bool(lib["estimator"]) and issubclass(cls, lib["estimator"])
    code_names: set[str] = set()
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if _is_code(value):
                code_names.add(name)
            else:
                code_names.discard(name)
    specials = {
        name
        for name in (
            "predictor",
            "hist_gb",
            "scorer",
            "svm",
            "hasher",
            "bspline",
            "vectorizer",
            "function_transformer",
            "tree_ensemble",
            "xgb_booster",
            "lgb_booster",
            "lgb_model",
            "catboost",
            "ebm",
        )
        if lib[name] and issubclass(cls, lib[name])
    }
    return _TypeInfo(
        kind=kind,
        has_dict=bool(cls.__dictoffset__),
        slots=_slot_names(cls),
        code_names=frozenset(code_names),
        estimator=estimator,
        param_names=_param_names(cls) if estimator else frozenset(),
        specials=frozenset(specials),
        fullname=f"{getattr(cls, '__module__', '?')}.{getattr(cls, '__qualname__', '?')}",
    )


def _class_attribute(cls: type, name: str) -> Any:
    for klass in cls.__mro__:
        if name in vars(klass):
            return vars(klass)[name]
    return None


def _is_own_method(obj: Any, name: str, value: Any) -> bool:
    """``value`` is ``obj``'s own method ``name``, bound to ``obj`` itself.

    HistGradientBoosting leaves ``_raw_predict`` bound this way after early
    stopping on a scorer; calling it is calling the class's method.
    """
    return (
        isinstance(value, types.MethodType)
        and value.__self__ is obj
        and getattr(value.__func__, "__name__", None) == name
        and _class_attribute(type(obj), name) is value.__func__
    )


def _is_own_function(obj: Any, value: Any) -> bool:
    """``value`` is a plain function defined in ``obj``'s class, not a dunder.

    scipy's ``interp1d`` keeps ``self._call = self.__class__._call_linear_np``.
    """
    if not isinstance(value, types.FunctionType):
        return False
    name = value.__name__
    if name.startswith("__") and name.endswith("__"):
        return False
    return _class_attribute(type(obj), name) is value


# --------------------------------------------------------------------------
# Allowlisted callables
# --------------------------------------------------------------------------


def _is_routine(value: Any) -> bool:
    return isinstance(value, _ROUTINE_TYPES) or type(value).__name__ in _ROUTINE_TYPE_NAMES


def _is_method(value: Any) -> bool:
    """A bound method: Python, builtin (``[].append``) or method-wrapper."""
    if isinstance(value, types.MethodType | types.MethodWrapperType):
        return True
    if isinstance(value, types.BuiltinFunctionType):
        owner = value.__self__
        return owner is not None and not isinstance(owner, types.ModuleType)
    return False


def _static_lookup(fullname_module: str, qualname: str) -> Any:
    """The object named by a module and a qualified name, without calling code.

    Nested names are read from class dictionaries, not through ``getattr``.
    """
    module = sys.modules.get(fullname_module)
    if module is None:
        module = importlib.import_module(fullname_module)
    first, *rest = qualname.split(".")
    obj = getattr(module, first)
    for part in rest:
        if not isinstance(obj, type) or part not in vars(obj):
            raise AttributeError(part)
        obj = vars(obj)[part]
    return obj


def _allowlisted(obj: Any) -> bool:
    """Whether a function or class is on the loader's allowlist, by identity.

    The name the object gives itself must be allowlisted and must resolve to
    this very object, so an object cannot borrow another's name.
    """
    module = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    if not isinstance(module, str) or not isinstance(qualname, str):
        return False
    try:
        if not is_allowed_global(f"{module}.{qualname}"):
            return False
        return _static_lookup(module, qualname) is obj
    except Exception:  # the name does not resolve: not the allowlisted object
        return False


def _partial_problem(value: functools.partial[Any], allowed: Callable[[Any], bool]) -> str | None:
    """Why a ``functools.partial`` is not acceptable, or None.

    Its function must be an allowlisted function (not a method, class or
    another partial), and its arguments must hold no function.
    """
    func = value.func
    if not _is_routine(func) or _is_method(func):
        return f"wraps {_shown(func)}, which is not a plain function"
    if not allowed(func):
        return f"wraps the function {_clean(_full_name(func))}, which is not on the allowlist"
    pending: list[Any] = [*value.args, *value.keywords.values()]
    seen = 0
    while pending and seen < 10_000:
        item = pending.pop()
        seen += 1
        if _is_routine(item) or isinstance(item, functools.partial):
            return f"passes the function {_clean(_full_name(item))} as an argument"
        if type(item) in (list, tuple, set, frozenset):
            pending.extend(item)
        elif type(item) is dict:
            pending.extend(item.values())
    return None


# --------------------------------------------------------------------------
# Checks of compiled state: each returns a problem description or None
# --------------------------------------------------------------------------


def _first(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


def _tree_structure_problem(
    left: np.ndarray, right: np.ndarray, split: np.ndarray, n_nodes: int
) -> tuple[str | None, bool]:
    """Whether the split nodes' children make a proper binary tree rooted at node 0.

    ``split`` holds the indexes of the nodes that have children. Every child
    index must be a node, no node may be the child of two nodes (nor the root
    of any), there must be one split fewer than half the nodes, and following
    the parents from any node must reach the root (no cycle).

    Returns
    -------
    problem : str or None
        What is wrong, or None for a proper tree.
    ordered : bool
        Whether every child has a larger index than its parent, as
        scikit-learn's builders number them (which alone proves the tree
        acyclic).
    """
    lc = left[split].astype(np.int64, copy=False)
    rc = right[split].astype(np.int64, copy=False)
    if split.size:
        children = np.concatenate((lc, rc))
        low, high = int(children.min()), int(children.max())
        if low < 0 or high >= n_nodes:
            bad = low if low < 0 else high
            return f"child index {bad} outside the {n_nodes} nodes", False
    if 2 * split.size != n_nodes - 1:
        return f"{split.size} split nodes for {n_nodes} nodes, not {(n_nodes - 1) // 2}", False
    if not split.size:
        return None, True
    counts = np.bincount(children, minlength=n_nodes)
    if counts[0]:
        return "the root is the child of another node", False
    if counts.max() > 1:
        node = int(counts.argmax())
        return f"node {node} is the child of {int(counts[node])} nodes", False
    if (np.minimum(lc, rc) > split).all():
        return None, True
    # Not in scikit-learn's order: jump pointers until every node reaches the root.
    parent = np.zeros(n_nodes, dtype=np.int64)
    parent[lc] = split
    parent[rc] = split
    for _ in range(max(1, n_nodes.bit_length())):
        parent = parent[parent]
    if parent.any():
        return f"a cycle through node {int(np.flatnonzero(parent)[0])}", False
    return None, False


def _tree_depth(left: np.ndarray, right: np.ndarray, split: np.ndarray, n_nodes: int) -> int:
    """The depth of a proper binary tree, by pointer jumping over the parents."""
    if n_nodes <= 1:
        return 0
    ancestor = np.zeros(n_nodes, dtype=np.int64)
    ancestor[left[split]] = split
    ancestor[right[split]] = split
    distance = np.ones(n_nodes, dtype=np.int64)
    distance[0] = 0
    for _ in range(n_nodes.bit_length() + 1):
        if not ancestor.any():
            break
        distance += distance[ancestor]
        ancestor = ancestor[ancestor]
    return int(distance.max())


def _sklearn_tree_problem(tree: Any, n_features_bound: int | None) -> str | None:
    """Problems of a ``sklearn.tree._tree.Tree``, read through ``__getstate__``."""
    node_count, capacity = int(tree.node_count), int(tree.capacity)
    n_outputs, max_n_classes = int(tree.n_outputs), int(tree.max_n_classes)
    n_features = int(tree.n_features)
    # Checked before __getstate__, which views node_count nodes of memory
    # allocated for capacity nodes.
    if not 0 < node_count <= capacity:
        return f"{node_count} nodes in room for {capacity}"
    if n_outputs < 1 or max_n_classes < 1 or n_features < 1:
        return (
            f"{n_outputs} outputs, {max_n_classes} classes and {n_features} features, "
            "where each must be at least 1"
        )
    n_classes = np.asarray(tree.n_classes)
    if n_classes.shape != (n_outputs,) or n_classes.min() < 1 or n_classes.max() != max_n_classes:
        return f"class counts that do not match its {n_outputs} outputs and {max_n_classes} classes"
    state = tree.__getstate__()
    nodes, values = state.get("nodes"), state.get("values")
    if not isinstance(nodes, np.ndarray) or nodes.shape != (node_count,):
        return "a node array that does not match its node count"
    if not isinstance(values, np.ndarray) or values.shape != (node_count, n_outputs, max_n_classes):
        return "a value array that does not match its nodes, outputs and classes"
    left, right = nodes["left_child"], nodes["right_child"]
    split = np.flatnonzero(left != -1)
    # A leaf has both children -1 (a node with only one would be cut short).
    if np.count_nonzero(right == -1) != node_count - split.size:
        return f"node {_first((left == -1) != (right == -1))} with one child"
    problem, ordered = _tree_structure_problem(left, right, split, node_count)
    if problem:
        return problem
    if split.size:
        limit = n_features if n_features_bound is None else min(n_features, n_features_bound)
        feature = nodes["feature"][split]
        low, high = int(feature.min()), int(feature.max())
        if low < 0 or high >= limit:
            return f"feature index {low if low < 0 else high} outside the {limit} features"
        if np.isnan(nodes["threshold"][split].min()):
            return "a split threshold that is NaN"
    if nodes["n_node_samples"].min() < 0:
        return "a negative sample count"
    # decision_path allocates max_depth + 1 entries per sample for the path.
    if ordered and hasattr(tree, "compute_node_depths"):
        depth = int(tree.compute_node_depths().max()) - 1
    else:
        depth = _tree_depth(left, right, split, node_count)
    max_depth = int(tree.max_depth)
    if not depth <= max_depth <= node_count:
        return f"a recorded depth of {max_depth} for a tree {depth} deep"
    return None


def _kd_ball_tree_problem(tree: Any) -> tuple[str | None, Any]:
    """Problems of a KDTree or BallTree; also returns its distance metric."""
    data, idx_array, node_data, node_bounds = tree.get_arrays()
    state = tree.__getstate__()
    leaf_size, n_levels, n_nodes = int(state[4]), int(state[5]), int(state[6])
    metric, sample_weight = state[11], state[12]
    if not (isinstance(data, np.ndarray) and data.ndim == 2 and data.shape[0] >= 1):
        return "a data array that is not a non-empty matrix", metric
    n_samples, n_features = data.shape
    if leaf_size < 1:
        return f"a leaf size of {leaf_size}", metric
    if not 1 <= n_levels < 64 or n_nodes != 2**n_levels - 1:
        return f"{n_nodes} nodes on {n_levels} levels", metric
    if not (isinstance(idx_array, np.ndarray) and idx_array.shape == (n_samples,)):
        return f"an index array that does not match its {n_samples} samples", metric
    if idx_array.dtype.kind not in "iu":
        return "an index array that is not integer", metric
    low, high = int(idx_array.min()), int(idx_array.max())
    if low < 0 or high >= n_samples:
        bad = low if low < 0 else high
        return f"sample index {bad} outside the {n_samples} samples", metric
    if (np.sort(idx_array) != np.arange(n_samples)).any():
        return f"an index array that is not a permutation of its {n_samples} samples", metric
    if not (isinstance(node_data, np.ndarray) and node_data.shape == (n_nodes,)):
        return f"node data that does not match its {n_nodes} nodes", metric
    start, end = node_data["idx_start"], node_data["idx_end"]
    if (start < 0).any() or (end > n_samples).any() or (start > end).any():
        return f"a node whose index range falls outside the {n_samples} samples", metric
    internal = np.flatnonzero(node_data["is_leaf"] == 0)
    if internal.size and 2 * int(internal.max()) + 2 >= n_nodes:
        return f"a node whose children fall outside the {n_nodes} nodes", metric
    expected_rows = 2 if "kd_tree" in type(tree).__module__ else 1
    if not (
        isinstance(node_bounds, np.ndarray)
        and node_bounds.shape == (expected_rows, n_nodes, n_features)
    ):
        return "node bounds that do not match its nodes and features", metric
    if sample_weight is not None and (
        not isinstance(sample_weight, np.ndarray) or sample_weight.shape != (n_samples,)
    ):
        return f"sample weights that do not match its {n_samples} samples", metric
    return _metric_problem(metric, n_features), metric


def _metric_problem(metric: Any, n_features: int | None) -> str | None:
    """Problems of a ``DistanceMetric`` used on ``n_features`` features."""
    metric_classes = _lib()["metric"]
    if not metric_classes or not isinstance(metric, metric_classes):
        return f"a distance metric that is {_shown(metric)}"
    state: Any = metric.__getstate__()
    vec, mat = np.asarray(state[1]), np.asarray(state[2])
    name = type(metric).__name__
    if vec.ndim != 1 or mat.ndim != 2:
        return f"a {_clean(name)} whose weights are not a vector and a matrix"
    if n_features is None:
        return None
    if name.startswith("SEuclideanDistance") and vec.shape != (n_features,):
        return f"a {_clean(name)} with {vec.size} variances for {n_features} features"
    if name.startswith("MinkowskiDistance") and vec.size not in (0, n_features):
        return f"a {_clean(name)} with {vec.size} weights for {n_features} features"
    if name.startswith("MahalanobisDistance") and mat.shape != (n_features, n_features):
        return f"a {_clean(name)} with a {mat.shape} matrix for {n_features} features"
    if name.startswith("HaversineDistance") and n_features != 2:
        return f"a {_clean(name)} on {n_features} features instead of 2"
    return None


_PREDICTOR_FIELDS = ("left", "right", "feature_idx", "is_leaf", "is_categorical", "bitset_idx")


def _predictor_problem(predictor: Any, n_features_bound: int | None) -> str | None:
    """Problems of a HistGradientBoosting ``TreePredictor``."""
    d = vars(predictor)
    nodes = d.get("nodes")
    if not isinstance(nodes, np.ndarray) or nodes.ndim != 1 or nodes.shape[0] < 1:
        return "a predictor without a node array"
    names = nodes.dtype.names or ()
    if any(field not in names for field in _PREDICTOR_FIELDS):
        return "a predictor node array without the fields of HistGradientBoosting nodes"
    n_nodes = nodes.shape[0]
    internal = nodes["is_leaf"] == 0
    split = np.flatnonzero(internal)
    problem, _ = _tree_structure_problem(nodes["left"], nodes["right"], split, n_nodes)
    if problem:
        return problem
    feature = nodes["feature_idx"][split]
    if feature.size:
        low, high = int(feature.min()), int(feature.max())
        if low < 0:
            return f"a negative feature index {low}"
        if n_features_bound is not None and high >= n_features_bound:
            return f"feature index {high} outside the {n_features_bound} features"
    categorical = internal & (nodes["is_categorical"] != 0)
    if categorical.any():
        bitset_idx = nodes["bitset_idx"][categorical]
        for name in ("binned_left_cat_bitsets", "raw_left_cat_bitsets"):
            bitsets = d.get(name)
            if not (
                isinstance(bitsets, np.ndarray)
                and bitsets.ndim == 2
                and bitsets.shape[1] == 8
                and bitsets.dtype.kind == "u"
                and bitsets.dtype.itemsize == 4
            ):
                return f"a {name} that is not an (n, 8) array of uint32"
            if int(bitset_idx.max()) >= bitsets.shape[0]:
                return (
                    f"bitset index {int(bitset_idx.max())} outside the "
                    f"{bitsets.shape[0]} category bitsets"
                )
    return None


_EBM_FEATURE_TYPES = frozenset({"continuous", "nominal", "ordinal"})
#: The most binning levels per feature, and features per term, an EBM may have (interpret
#: makes one level per term size in use, and terms of one to a few features).
_EBM_MAX_LEVELS = 64


def _ebm_bin_counts(kind: Any, levels: Any, j: int) -> list[int] | str:
    """The number of bins of each binning level of EBM feature ``j``, or the problem."""
    if kind not in _EBM_FEATURE_TYPES:
        return f"feature {j} of type {_shown(kind)} (continuous, nominal or ordinal)"
    if not isinstance(levels, list) or len(levels) > _EBM_MAX_LEVELS:
        return f"bins of feature {j} that are not a list of at most {_EBM_MAX_LEVELS} levels"
    sizes: list[int] = []
    for level in levels:
        if kind == "continuous":
            if not (
                isinstance(level, np.ndarray)
                and level.dtype == np.float64
                and level.ndim == 1
                and level.flags.c_contiguous
            ):
                return f"cut points of feature {j} that are not a flat float64 array"
            if level.size and not (np.isfinite(level).all() and (np.diff(level) > 0).all()):
                return f"cut points of feature {j} that are not finite and increasing"
            sizes.append(level.size + 3)  # missing, the intervals, unseen
        else:
            if not isinstance(level, dict) or not all(type(key) is str for key in level):
                return f"categories of feature {j} that are not a map of text to bin numbers"
            numbers = list(level.values())
            if not all(_in_range(v, 1, len(level)) for v in numbers):
                return f"categories of feature {j} with bin numbers outside [1, {len(level)}]"
            sizes.append(max((int(v) for v in numbers), default=0) + 2)
    return sizes


def _ebm_problem(d: dict[str, Any], check: Callable[[np.ndarray], None]) -> str | None:
    """Problems of an Explainable Boosting Machine's fitted state (None when unfitted or sound).

    ``check`` validates each array's memory layout before its values are read.
    """
    bins = d.get("bins_")
    if bins is None:
        return None
    kinds, names = d.get("feature_types_in_"), d.get("feature_names_in_")
    if not isinstance(bins, list) or not isinstance(kinds, list) or len(kinds) != len(bins):
        return "bins that do not match the feature types"
    if not (
        isinstance(names, list)
        and len(names) == len(bins)
        and all(isinstance(n, str) for n in names)
    ):
        return "feature names that do not match the bins"
    n_in = d.get("n_features_in_")
    if n_in is not None and not (_in_range(n_in, 0, 2**31) and int(n_in) == len(bins)):
        return f"{_shown(n_in)} features for {len(bins)} bins"
    for levels in bins:
        for level in levels if isinstance(levels, list) else ():
            if isinstance(level, np.ndarray):
                check(level)
    sizes: list[list[int]] = []
    for j, (kind, levels) in enumerate(zip(kinds, bins, strict=True)):
        found = _ebm_bin_counts(kind, levels, j)
        if isinstance(found, str):
            return found
        sizes.append(found)
    terms, scores = d.get("term_features_"), d.get("term_scores_")
    if not isinstance(terms, list) or not isinstance(scores, list) or len(terms) != len(scores):
        return "score tables that do not match the terms"
    weights = d.get("bin_weights_")
    if weights is not None and not (isinstance(weights, list) and len(weights) == len(terms)):
        return "bin weights that do not match the terms"
    for t, (features, table) in enumerate(zip(terms, scores, strict=True)):
        if not (
            isinstance(features, tuple | list)
            and 1 <= len(features) <= _EBM_MAX_LEVELS
            and all(_in_range(f, 0, len(bins) - 1) and sizes[int(f)] for f in features)
        ):
            return f"term {t} on features that are not binned features of the model"
        shape = tuple(sizes[int(f)][min(len(sizes[int(f)]), len(features)) - 1] for f in features)
        if not isinstance(table, np.ndarray):
            return f"a score table of term {t} that is not an array"
        check(table)
        if (
            table.dtype.kind != "f"
            or table.shape[: len(features)] != shape
            or table.ndim > len(features) + 1
        ):
            return f"a score table of term {t} of shape {table.shape} for bins {shape}"
        weight = weights[t] if weights is not None else None
        if weight is not None:
            if not isinstance(weight, np.ndarray):
                return f"bin weights of term {t} that are not an array"
            check(weight)
            if weight.dtype.kind != "f" or weight.shape != shape:
                return f"bin weights of term {t} of shape {weight.shape} for bins {shape}"
    bounds = d.get("feature_bounds_")
    if bounds is not None:
        if not isinstance(bounds, np.ndarray):
            return "feature bounds that are not an array"
        check(bounds)
        if bounds.dtype.kind != "f" or bounds.shape != (len(bins), 2):
            return f"feature bounds of shape {bounds.shape} for {len(bins)} features"
    return None


def _bin_mapper_problem(est: Any, n_features: int | None) -> str | None:
    """Problems of a HistGradientBoosting estimator's bin mapper and categorical splits."""
    mapper = vars(est).get("_bin_mapper")
    if mapper is None:
        return None
    m = vars(mapper) if hasattr(mapper, "__dict__") else {}
    n_bins = m.get("n_bins")
    if not isinstance(n_bins, int | np.integer) or not 3 <= int(n_bins) <= 256:
        return f"a bin mapper with {_shown(n_bins)} bins (from 3 to 256)"
    missing = m.get("missing_values_bin_idx_")
    if missing is not None and not (_in_range(missing, 0, 255) and int(missing) == int(n_bins) - 1):
        return "a bin mapper whose missing-value bin is not its last bin"
    non_missing = m.get("n_bins_non_missing_")
    if non_missing is not None:
        non_missing = np.asarray(non_missing)
        if non_missing.ndim != 1 or (
            non_missing.size and (non_missing.min() < 0 or non_missing.max() > n_bins - 1)
        ):
            return f"a bin mapper with bin counts outside [0, {int(n_bins) - 1}]"
        if n_features is not None and non_missing.size != n_features:
            return f"a bin mapper for {non_missing.size} features instead of {n_features}"
    is_categorical = m.get("is_categorical_")
    if is_categorical is None:
        return None
    is_categorical = np.asarray(is_categorical)
    if is_categorical.ndim != 1 or (n_features is not None and is_categorical.size != n_features):
        return "a bin mapper whose categorical flags do not match the features"
    thresholds = m.get("bin_thresholds_")
    if not isinstance(thresholds, list) or len(thresholds) != is_categorical.size:
        return "a bin mapper whose thresholds do not match the features"
    for group in vars(est).get("_predictors") or ():
        for predictor in group if isinstance(group, list) else ():
            nodes = vars(predictor).get("nodes") if hasattr(predictor, "__dict__") else None
            if not isinstance(nodes, np.ndarray):
                continue
            names = nodes.dtype.names or ()
            if any(field not in names for field in _PREDICTOR_FIELDS):
                continue
            split = (nodes["is_leaf"] == 0) & (nodes["is_categorical"] != 0)
            features = nodes["feature_idx"][split]
            if features.size and (
                features.min() < 0
                or features.max() >= is_categorical.size
                or not is_categorical[features].all()
            ):
                return "a categorical split on a feature that the bin mapper treats as numeric"
    return None


def _int_array(value: Any) -> bool:
    return isinstance(value, np.ndarray) and value.ndim == 1 and value.dtype.kind in "iu"


def _libsvm_problem(d: dict[str, Any], impl: Any) -> str | None:
    """Problems of a fitted libsvm model (SVC, NuSVC, SVR, NuSVR, OneClassSVM).

    libsvm reads its support vectors, coefficients and intercepts by the
    class counts in ``_n_support`` without bounds checks; scikit-learn only
    checks their sum (and only for dense models).
    """
    n_support = d.get("_n_support")
    if n_support is None:
        return None  # not fitted
    support = d.get("support_")
    if not _int_array(n_support) or not _int_array(support):
        return "its support-vector counts are not integer arrays"
    assert isinstance(n_support, np.ndarray) and isinstance(support, np.ndarray)
    n_sv = int(support.shape[0])
    vectors = d.get("support_vectors_")
    shape = getattr(vectors, "shape", None)
    if not isinstance(shape, tuple) or len(shape) != 2 or shape[0] not in (0, n_sv):
        return "its support vectors do not match their count"
    fit_shape = d.get("shape_fit_")
    if isinstance(fit_shape, tuple) and fit_shape and support.size:
        rows = fit_shape[0]
        if not _in_range(rows, 0, 2**63 - 1) or support.min() < 0 or support.max() >= rows:
            return "its support-vector indices lie outside the training rows"
    classifier = impl in ("c_svc", "nu_svc")
    if not classifier and impl not in ("epsilon_svr", "nu_svr", "one_class"):
        return "it names an unknown libsvm implementation"
    # libsvm reads the per-class counts of classifiers only; for regression and one-class
    # models scikit-learn's sparse fit leaves them uninitialised, so only their size counts
    if classifier and (
        n_support.size < 2 or bool((n_support < 0).any()) or bool((n_support > n_sv).any())
    ):
        return "its support-vector counts are out of range"
    if not classifier and n_support.size != 2:
        return "its support-vector counts are out of range"
    n_class = int(n_support.size) if classifier else 2
    if classifier and int(n_support.sum()) != n_sv:
        return "its support-vector counts do not add up to the support vectors"
    pairs = n_class * (n_class - 1) // 2
    dual = d.get("_dual_coef_")
    if getattr(dual, "shape", None) != (max(n_class - 1, 1), n_sv):
        return "its dual coefficients do not match the support vectors"
    intercept = d.get("_intercept_")
    if not isinstance(intercept, np.ndarray) or intercept.shape != (pairs,):
        return "its intercepts do not match the classes"
    classes = d.get("classes_")
    if classifier and classes is not None and len(classes) != n_class:
        return "its classes do not match its support-vector counts"
    for key in ("_probA", "_probB"):
        prob = d.get(key)
        if prob is not None and (
            not isinstance(prob, np.ndarray) or prob.ndim != 1 or prob.size not in (0, pairs)
        ):
            return "its probability estimates do not match the classes"
    return None


def _hasher_problem(d: dict[str, Any]) -> str | None:
    """A hashing vectorizer's ``n_features``: the hash is taken modulo it, in C."""
    n = d.get("n_features")
    if not _in_range(n, 1, 2**31 - 1):
        return f"its n_features is {_shown(n)}, not a number of columns from 1 to 2**31 - 1"
    return None


_DEFAULT_TOKEN_PATTERN = r"(?u)\b\w\w+\b"


def _regex_problem(pattern: str) -> str | None:
    """Why a regular expression could take super-linear time on a document, or None.

    A static test: nested repeats (``(a+)+``, ``(?:.*?){1,40}``), back
    references, more than three open-ended repeats, or more than 500
    characters are refused. Python's ``re`` has no time limit, and a
    vectorizer applies its ``token_pattern`` to every document.
    """
    if pattern == _DEFAULT_TOKEN_PATTERN:
        return None
    if len(pattern) > 500:
        return "it is longer than 500 characters"
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern)
        constants = _parser
    except Exception as exc:  # an invalid pattern
        return f"it is not a regular expression ({type(exc).__name__})"
    repeats = {constants.MAX_REPEAT, constants.MIN_REPEAT}
    if hasattr(constants, "POSSESSIVE_REPEAT"):
        repeats.add(constants.POSSESSIVE_REPEAT)
    open_ended = 0
    stack: list[tuple[Any, bool]] = [(parsed, False)]
    while stack:
        items, inside = stack.pop()
        for op, av in items:
            if op in (constants.GROUPREF, constants.GROUPREF_EXISTS):
                return "it has a back reference"
            if op in repeats:
                _low, high, sub = av
                many = high == constants.MAXREPEAT or high > 1
                if many and inside:
                    return "it repeats a repeated part (nested quantifiers)"
                if high == constants.MAXREPEAT:
                    open_ended += 1
                stack.append((sub, inside or many))
            elif op is constants.SUBPATTERN:
                stack.append((av[-1], inside))
            elif op is constants.BRANCH:
                stack.extend((branch, inside) for branch in av[1])
            elif op in (constants.ASSERT, constants.ASSERT_NOT):
                stack.append((av[1], inside))
            elif op == getattr(constants, "ATOMIC_GROUP", None):
                stack.append((av, inside))
    if open_ended > 3:
        return "it has more than three open-ended repeats"
    return None


def _vectorizer_problem(d: dict[str, Any]) -> str | None:
    """A text vectorizer's ``token_pattern`` and vocabulary.

    The vocabulary's column indices go into a sparse matrix of
    ``len(vocabulary_)`` columns unchecked, so they must be exactly
    ``0..n-1``; the token pattern must not backtrack without bound.
    """
    pattern = d.get("token_pattern")
    if pattern is not None:
        if type(pattern) is not str:
            return f"its token_pattern is {_shown(pattern)}, not a string"
        why = _regex_problem(pattern)
        if why:
            return (
                f"its token_pattern could take unbounded time on a document ({why}); "
                "refit with a simpler pattern"
            )
    for key in ("vocabulary_", "vocabulary"):
        vocab = d.get(key)
        if vocab is None or (key == "vocabulary" and not isinstance(vocab, dict)):
            continue  # a list or set of terms is numbered by scikit-learn itself
        if not isinstance(vocab, dict):
            return f"its {key} is {_shown(vocab)}, not a mapping of terms to columns"
        values = list(vocab.values())
        if not all(type(v) in (int, np.int64, np.int32, np.intp) for v in values):
            return f"its {key} maps terms to something other than column numbers"
        cols = np.asarray(values, dtype=np.int64)
        if cols.size and (
            cols.min() != 0 or cols.max() != cols.size - 1 or np.unique(cols).size != cols.size
        ):
            return f"its {key} column numbers are not 0 to {cols.size - 1}, each once"
    return None


def _bspline_problem(d: dict[str, Any]) -> str | None:
    """A ``scipy.interpolate.BSpline``: scipy's evaluation indexes its coefficients by its knots.

    Evaluation reads ``c`` up to ``len(t) - k - 1`` rows without checking.
    """
    t, c, k = d.get("_t", d.get("t")), d.get("_c", d.get("c")), d.get("k")
    if not _in_range(k, 0, 100):
        return "its degree is not an integer from 0 to 100"
    k = int(k)  # type: ignore[arg-type]
    if not isinstance(t, np.ndarray) or t.ndim != 1 or t.dtype.kind != "f":
        return "its knots are not a 1-D float array"
    if t.size < 2 * k + 2 or not bool(np.isfinite(t).all()) or bool((np.diff(t) < 0).any()):
        return "its knots are too few, not finite or not in order"
    if not isinstance(c, np.ndarray) or c.ndim < 1 or c.dtype.kind not in "fc":
        return "its coefficients are not a float array"
    if c.shape[0] < t.size - k - 1:
        return "it has fewer coefficients than its knots need"
    axis = d.get("axis", 0)
    if not _in_range(axis, 0, c.ndim - 1):
        return "its axis is out of range"
    asarray = d.get("_asarray", np.asarray)
    name = _full_name(asarray) if _is_routine(asarray) else ""
    if asarray is not np.asarray and name not in _BSPLINE_ASARRAY:
        return "it converts its input with another function than numpy's asarray"
    return None


#: what scipy's BSpline keeps as ``_asarray`` (its array namespace's ``asarray``)
_BSPLINE_ASARRAY = frozenset(
    {"numpy.asarray", "scipy._lib.array_api_compat.numpy._aliases.asarray"}
)


def _sparse_problem(matrix: Any) -> str | None:
    """What is wrong with a scipy sparse matrix or array, by its own format checks."""
    fmt = str(getattr(matrix, "format", "?"))
    shape = vars(matrix).get("_shape")
    if not (
        isinstance(shape, tuple)
        and 1 <= len(shape) <= 2
        and all(isinstance(n, int | np.integer) and n >= 0 for n in shape)
    ):
        return f"the shape {_shown(shape)}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if fmt in ("csr", "csc", "bsr"):
                matrix.check_format(full_check=True)
            elif fmt == "coo":
                matrix._check()
                if any(len(index) != len(matrix.data) for index in matrix.coords):
                    return "index and data arrays of different lengths"
            elif fmt == "dia":
                return _dia_problem(matrix)
            elif fmt == "dok":
                return _dok_problem(matrix, shape)
            elif fmt == "lil":
                return _lil_problem(matrix, shape)
            else:
                return "an unknown format"
    except Exception as exc:  # scipy raises ValueError, TypeError, IndexError...
        return _clean(str(exc))
    return None


def _dia_problem(matrix: Any) -> str | None:
    data, offsets = matrix.data, matrix.offsets
    if not (isinstance(data, np.ndarray) and isinstance(offsets, np.ndarray)):
        return "no data and offset arrays"
    if data.ndim != 2 or offsets.ndim != 1 or data.shape[0] != offsets.shape[0]:
        return "data and offsets that do not match"
    if offsets.dtype.kind not in "iu" or np.unique(offsets).size != offsets.size:
        return "non-integer or repeated offsets"
    return None


def _dok_problem(matrix: Any, shape: tuple[int, ...]) -> str | None:
    for key in dict.keys(matrix):
        index = key if isinstance(key, tuple) else (key,)
        if len(index) != len(shape) or not all(
            isinstance(i, int | np.integer) and 0 <= i < n
            for i, n in zip(index, shape, strict=False)
        ):
            return f"the index {_shown(key)} outside its shape {shape}"
    return None


def _lil_problem(matrix: Any, shape: tuple[int, ...]) -> str | None:
    rows, data = matrix.rows, matrix.data
    if len(shape) != 2 or not (
        isinstance(rows, np.ndarray)
        and isinstance(data, np.ndarray)
        and rows.shape == data.shape == (shape[0],)
    ):
        return "rows that do not match its shape"
    n_cols = shape[1]
    for i in range(shape[0]):
        row, values = rows[i], data[i]
        if not isinstance(row, list) or not isinstance(values, list) or len(row) != len(values):
            return f"a malformed row {i}"
        previous = -1
        for j in row:
            if not isinstance(j, int | np.integer) or not previous < j < n_cols:
                return f"the column {_shown(j)} in row {i}, of {n_cols} sorted columns"
            previous = int(j)
    return None


def _dtype_problem(dtype: np.dtype[Any]) -> str | None:
    """Whether a dtype equals the dtype rebuilt from its own description.

    A dtype unpickled from crafted state can claim fields beyond its item
    size, overlapping object fields or inconsistent flags; numpy's
    constructor refuses those, so rebuilding exposes them.
    """
    pending = [dtype]
    seen = 0
    while pending:
        seen += 1
        if seen > 10_000:
            return "a dtype nested too deeply"
        dt = pending.pop()
        try:
            fields = dt.fields
            if fields is not None:
                names = dt.names or ()
                formats, offsets, titles = [], [], []
                for name in names:
                    entry = fields[name]
                    sub, offset = entry[0], int(entry[1])
                    if offset < 0 or offset + sub.itemsize > dt.itemsize:
                        return (
                            f"a dtype whose field {_shown(name)} at offset {offset} "
                            f"lies outside its {dt.itemsize} bytes"
                        )
                    formats.append(sub)
                    offsets.append(offset)
                    titles.append(entry[2] if len(entry) > 2 else None)
                    pending.append(sub)
                spec: dict[str, Any] = {
                    "names": list(names),
                    "formats": formats,
                    "offsets": offsets,
                    "itemsize": dt.itemsize,
                    "aligned": dt.isalignedstruct,
                }
                if any(title is not None for title in titles):
                    spec["titles"] = titles
                rebuilt = np.dtype(spec)  # type: ignore[call-overload]
            elif dt.subdtype is not None:
                base, shape = dt.subdtype
                pending.append(base)
                rebuilt = np.dtype((base, shape))
            elif dt.kind == "T":  # numpy's variable-width StringDType
                options: dict[str, Any] = {"coerce": getattr(dt, "coerce", True)}
                if hasattr(dt, "na_object"):
                    options["na_object"] = dt.na_object
                rebuilt = type(dt)(**options)
            elif dt.kind in "biufc":
                # By character, so ``longlong`` stays ``longlong`` rather than
                # ``long`` (both ``<i8`` on Linux).
                rebuilt = np.dtype(dt.char)
                if dt.byteorder not in ("=", "|"):
                    rebuilt = rebuilt.newbyteorder(dt.byteorder)
            else:
                rebuilt = np.dtype(dt.str)
        except Exception as exc:  # numpy refuses to build it again
            return f"a dtype that numpy cannot rebuild ({_clean(str(exc))})"
        if (
            rebuilt != dt
            or rebuilt.itemsize != dt.itemsize
            or rebuilt.flags != dt.flags
            or rebuilt.hasobject != dt.hasobject
            or rebuilt.alignment != dt.alignment
            or type(rebuilt) is not type(dt)
        ):
            return f"a dtype that differs from its own description {_clean(str(dt.str))}"
    return None


def _buffer_bounds(buffer: Any) -> tuple[int, int] | None:
    """The address range of a contiguous object exposing the buffer protocol, if any."""
    try:
        flat = np.frombuffer(buffer, dtype=np.uint8)
    except (TypeError, ValueError, BufferError):
        return None
    start = int(flat.ctypes.data)
    return start, start + flat.nbytes


def _array_bounds(arr: np.ndarray) -> tuple[int, int]:
    """The first and one-past-last byte addresses of an array's elements."""
    low = high = int(arr.ctypes.data)
    for n, stride in zip(arr.shape, arr.strides, strict=True):
        if stride < 0:
            low += (n - 1) * stride
        else:
            high += (n - 1) * stride
    return low, high + arr.itemsize


def _array_layout_problem(arr: np.ndarray) -> str | None:
    """Zero strides, or elements outside the memory the array views.

    Negative strides are fine. The memory an array views is found by following
    its ``base`` chain to the array that owns the data or to the buffer object
    (bytes, bytearray, mmap...) that holds it; views into memory owned by
    something else (a scikit-learn ``Tree``) are not checked here.
    """
    if arr.size <= 1:
        return None
    for axis, (n, stride) in enumerate(zip(arr.shape, arr.strides, strict=True)):
        if stride == 0 and n > 1:
            return f"an array with a zero stride along axis {axis} of length {n}"
    if arr.base is None:
        return None
    owner, buffer = arr, None
    for _ in range(64):
        base = owner.base
        inner = getattr(base, "base", None)
        if isinstance(base, np.ndarray):
            owner = base
        elif hasattr(base, "__array_interface__") and isinstance(inner, np.ndarray):
            owner = inner  # the stand-in of numpy's as_strided
        else:
            buffer = base
            break
    bounds = _array_bounds(owner) if buffer is None else _buffer_bounds(buffer)
    if bounds is None:
        return None
    low, high = _array_bounds(arr)
    if low < bounds[0] or high > bounds[1]:
        return (
            f"an array whose elements span {high - low} bytes of a buffer of "
            f"{bounds[1] - bounds[0]} bytes"
        )
    return None


_UINT128 = 2**128


def _uint_array_problem(value: Any, shape: tuple[int, ...], what: str) -> str | None:
    if not isinstance(value, np.ndarray) or value.shape != shape or value.dtype.kind != "u":
        return f"a random generator whose {what} is not {shape} unsigned integers"
    return None


def _in_range(value: Any, low: int, high: int) -> bool:
    return (
        isinstance(value, int | np.integer)
        and not isinstance(value, bool)
        and low <= int(value) <= high
    )


def _bit_generator_state_problem(state: Any) -> str | None:
    """Bounds of a numpy bit generator's ``state`` dictionary."""
    if not isinstance(state, dict):
        return "a random generator without a readable state"
    name, inner = state.get("bit_generator"), state.get("state")
    if not isinstance(inner, dict):
        return "a random generator without a readable state"
    if name == "MT19937":
        problem = _uint_array_problem(inner.get("key"), (624,), "key")
        if problem:
            return problem
        if not _in_range(inner.get("pos"), 0, 624):
            return f"an MT19937 position of {_shown(inner.get('pos'))} outside [0, 624]"
        return None
    if name in ("PCG64", "PCG64DXSM"):
        for field in ("state", "inc"):
            if not _in_range(inner.get(field), 0, _UINT128 - 1):
                return f"a {name} {field} outside 128 bits"
    elif name == "Philox":
        for field, shape in (("counter", (4,)), ("key", (2,))):
            problem = _uint_array_problem(inner.get(field), shape, field)
            if problem:
                return problem
        problem = _uint_array_problem(state.get("buffer"), (4,), "buffer")
        if problem:
            return problem
        if not _in_range(state.get("buffer_pos"), 0, 4):
            return f"a Philox buffer position of {_shown(state.get('buffer_pos'))} outside [0, 4]"
    elif name == "SFC64":
        problem = _uint_array_problem(inner.get("state"), (4,), "state")
        if problem:
            return problem
    else:
        return f"an unknown bit generator {_shown(name)}"
    if not _in_range(state.get("has_uint32"), 0, 1) or not _in_range(
        state.get("uinteger"), 0, 2**32 - 1
    ):
        return f"a {name} buffered integer outside 32 bits"
    return None


def _random_state_problem(rng: Any) -> str | None:
    state = rng.get_state(legacy=False)
    problem = _bit_generator_state_problem(state)
    if problem:
        return problem
    if not _in_range(state.get("has_gauss"), 0, 1) or not isinstance(state.get("gauss"), float):
        return "a RandomState with a malformed cached Gaussian"
    return None


def _seed_sequence_problem(seq: Any) -> str | None:
    pool, pool_size = np.asarray(seq.pool), seq.pool_size
    if not _in_range(pool_size, 1, 2**20) or pool.shape != (pool_size,):
        return f"a SeedSequence pool of {pool.size} words for a pool size of {_shown(pool_size)}"
    if not _in_range(seq.n_children_spawned, 0, 2**63):
        return "a SeedSequence with a negative number of children"
    return None


# --------------------------------------------------------------------------
# The walk
# --------------------------------------------------------------------------


class _At(NamedTuple):
    """Where the walk is: the path, the depth and the feature bounds in force.

    ``bound`` is the number of input features of the nearest estimator above
    (a tree's feature indexes must stay below it); ``cap`` is set by a tree
    ensemble for its members, which it calls on the input it validated itself.
    """

    path: _Path
    depth: int
    bound: int | None = None
    cap: int | None = None

    def child(self, kind: int, key: Any, *, keep_bounds: bool = True) -> _At:
        """The place of a child: one level deeper, with the same bounds by default."""
        if keep_bounds:
            return _At((self.path, kind, key), self.depth + 1, self.bound, self.cap)
        return _At((self.path, kind, key), self.depth + 1)


_Handler = Callable[[Any, _TypeInfo, _At], None]


class _Validator:
    """One run of :func:`validate_model`: the stack, the visited set, the notes."""

    def __init__(self, *, trust: bool, max_threads: int) -> None:
        self.trust = trust
        self.max_threads = max_threads
        self.max_nodes = MAX_NODES
        self.max_depth = MAX_DEPTH
        self.notes: list[str] = []
        self.count = 0
        self.visited: set[int] = set()
        # Objects created during the walk (states, views) stay alive, so that
        # their ids cannot be reused by later objects while ``visited`` holds them.
        self.keepalive: list[Any] = []
        self.stack: list[tuple[Any, _At]] = []
        self.checked_dtypes: dict[int, np.dtype[Any]] = {}
        self.checked_arrays: set[int] = set()
        self.allowed_cache: dict[int, tuple[Any, bool]] = {}
        self.at = _At(None, 0)
        self.handlers: dict[str, _Handler] = {
            "array": self._visit_array,
            "dtype": self._visit_dtype,
            "scalar": self._visit_scalar,
            "class": self._visit_class,
            "sparse": self._visit_sparse,
            "random_state": self._visit_random_state,
            "generator": self._visit_generator,
            "bit_generator": self._visit_bit_generator,
            "seed_sequence": self._visit_seed_sequence,
            "tree": self._visit_tree,
            "binary_tree": self._visit_binary_tree,
            "metric": self._visit_metric,
            "partial": self._visit_partial,
            "routine": self._visit_routine,
            "module": self._visit_module,
            "mapping": self._visit_mapping,
            "sequence": self._visit_sequence,
            "slice": self._visit_slice,
            "instance": self._visit_instance,
            "cython": self._visit_cython,
            "opaque_callable": self._visit_opaque_callable,
            "opaque": self._visit_opaque,
        }

    # -- errors and notes ------------------------------------------------------

    def corrupt(self, problem: str, path: _Path, detail: str | None = None) -> ModelLoadError:
        """The refusal of inconsistent state: ``problem`` at ``path`` (``detail``)."""
        detail = f" ({detail})" if detail else ""
        return ModelLoadError(
            f"the file's model has {problem} at {_format_path(path)}{detail}; {_CORRUPT_FIX}"
        )

    def unsafe(self, problem: str, path: _Path, names: Iterable[str] = ()) -> UnsafeModelError:
        """The refusal of code: the model, at ``path``, ``problem``."""
        return UnsafeModelError(
            f"the file's model, at {_format_path(path)}, {problem}; scikit-learn or "
            f"modelprivacy could call it, so the file was refused; {TRUST_HINT}",
            untrusted=tuple(names),
        )

    def too_many(self) -> ModelLoadError:
        return ModelLoadError(
            f"the file's model holds more than {self.max_nodes:,} objects; {_LIMIT_FIX}"
        )

    def note(self, obj: Any, path: _Path, key: str, old: str, new: Any, why: str) -> None:
        where = "" if path is None else f" at {_format_path(path)}"
        self.notes.append(
            f"reset {_type_name(type(obj))}.{key}{where} from {old} to {new!r} ({why})"
        )

    # -- the loop --------------------------------------------------------------

    def run(self, root: Any) -> None:
        """Walk everything reachable from ``root``, depth first, in attribute order."""
        self.push(root, _At(None, 0))
        stack, handlers, visited = self.stack, self.handlers, self.visited
        while stack:
            obj, at = stack.pop()
            # Marked when taken from the stack rather than when pushed, so a
            # shared object is checked (and reported) where it first appears.
            key = id(obj)
            if key in visited:
                continue
            if at.depth > self.max_depth:
                raise ModelLoadError(
                    f"the file's model nests objects more than {self.max_depth} levels deep "
                    f"at {_format_path(at.path)}; {_LIMIT_FIX}"
                )
            visited.add(key)
            self.at = at
            info = _type_info(type(obj))
            handlers[info.kind](obj, info, at)

    def push(self, obj: Any, at: _At) -> None:
        """Schedule ``obj`` for a visit at ``at``, counting it against the limit."""
        self.count += 1
        if self.count > self.max_nodes:
            raise self.too_many()
        if type(obj) in _ATOMIC or id(obj) in self.visited:
            return
        self.stack.append((obj, at))

    def push_items(self, items: Iterable[Any], at: _At, kind: int = _INDEX) -> None:
        """Push the members of a container at ``at``, each at its index.

        Pushed last first, so that they are checked (and their notes written)
        in their own order.
        """
        members = items if isinstance(items, list | tuple) else list(items)
        for i in range(len(members) - 1, -1, -1):
            item = members[i]
            if type(item) in _ATOMIC:
                self.count += 1
            else:
                self.push(item, at.child(kind, i))
        if self.count > self.max_nodes:
            raise self.too_many()

    def keep(self, obj: Any) -> Any:
        self.keepalive.append(obj)
        return obj

    # -- callables ---------------------------------------------------------------

    def allowed(self, obj: Any) -> bool:
        cached = self.allowed_cache.get(id(obj))
        if cached is not None and cached[0] is obj:
            return cached[1]
        result = _allowlisted(obj)
        self.allowed_cache[id(obj)] = (obj, result)
        return result

    def _visit_routine(self, value: Any, info: _TypeInfo, at: _At) -> None:
        if self.trust:
            return
        if _is_method(value):
            owner = getattr(value, "__self__", None)
            raise self.unsafe(
                f"holds a method bound to a {_type_name(type(owner))} object", at.path
            )
        if not self.allowed(value):
            name = _clean(_full_name(value), 200)
            raise self.unsafe(
                f"holds the function {name}, which is not on the allowlist of safe functions",
                at.path,
                (name,),
            )

    def _visit_class(self, cls: Any, info: _TypeInfo, at: _At) -> None:
        if not self.trust and not self.allowed(cls):
            name = _clean(_full_name(cls), 200)
            raise self.unsafe(
                f"holds the class {name}, which is not on the allowlist of safe types",
                at.path,
                (name,),
            )

    def _visit_partial(self, value: Any, info: _TypeInfo, at: _At) -> None:
        if not self.trust:
            problem = _partial_problem(value, self.allowed)
            if problem:
                raise self.unsafe(f"holds a functools.partial that {problem}", at.path)
        self.push(value.func, at.child(_ATTR, "func", keep_bounds=False))
        self.push(self.keep(value.args), at.child(_ATTR, "args", keep_bounds=False))
        self.push(self.keep(value.keywords), at.child(_ATTR, "keywords", keep_bounds=False))
        if info.has_dict:
            self._visit_instance(value, info, at)

    def _visit_module(self, value: Any, info: _TypeInfo, at: _At) -> None:
        if not self.trust:
            name = _clean(str(getattr(value, "__name__", "?")))
            raise self.unsafe(f"holds the module {name}", at.path)

    def _visit_opaque_callable(self, value: Any, info: _TypeInfo, at: _At) -> None:
        if not self.trust:
            raise self.unsafe(
                f"holds a callable {_clean(info.fullname)} object, which is not a known type",
                at.path,
            )

    def _visit_opaque(self, value: Any, info: _TypeInfo, at: _At) -> None:
        """An object without attributes to walk (a lock, a C object): nothing to do."""

    # -- numpy ---------------------------------------------------------------------

    def check_dtype(self, dtype: np.dtype[Any], path: _Path) -> None:
        """A dtype's consistency, once per dtype object."""
        if self.checked_dtypes.get(id(dtype)) is dtype:
            return
        problem = _dtype_problem(dtype)
        if problem:
            raise self.corrupt(problem, path)
        self.checked_dtypes[id(dtype)] = dtype

    def check_array(self, arr: np.ndarray, path: _Path) -> None:
        """An array's dtype and memory layout, once per array object."""
        if id(arr) in self.checked_arrays:
            return
        self.check_dtype(arr.dtype, path)
        problem = _array_layout_problem(arr)
        if problem:
            raise self.corrupt(problem, path)
        self.checked_arrays.add(id(self.keep(arr)))

    def check_arrays_in(self, d: Any, path: _Path) -> None:
        """Check the arrays among an object's attributes before a check reads them."""
        if isinstance(d, dict):
            for key, value in d.items():
                if isinstance(value, np.ndarray):
                    self.check_array(value, (path, _ATTR, key))

    def _visit_array(self, arr: Any, info: _TypeInfo, at: _At) -> None:
        self.check_array(arr, at.path)
        dtype = arr.dtype
        if dtype.hasobject and arr.size:
            if self.count + arr.size > self.max_nodes:
                raise self.too_many()
            if dtype.fields is None:
                shape = arr.shape
                items = arr.ravel().tolist()
                for i in range(len(items) - 1, -1, -1):
                    item = items[i]
                    if type(item) in _ATOMIC:
                        self.count += 1
                    else:
                        self.push(item, at.child(_FLAT, (i, shape)))
                if self.count > self.max_nodes:
                    raise self.too_many()
            else:
                for name in dtype.names or ():
                    if dtype.fields[name][0].hasobject:
                        self.push(self.keep(arr[name]), at.child(_KEY, name))
        if info.has_dict:
            self._visit_instance(arr, info, at)

    def _visit_dtype(self, dtype: Any, info: _TypeInfo, at: _At) -> None:
        self.check_dtype(dtype, at.path)

    def _visit_scalar(self, scalar: Any, info: _TypeInfo, at: _At) -> None:
        self.check_dtype(scalar.dtype, at.path)
        if isinstance(scalar, np.void) and scalar.dtype.hasobject:
            self.push(self.keep(scalar.item()), at.child(_STATE, "item"))

    def _visit_random_state(self, rng: Any, info: _TypeInfo, at: _At) -> None:
        problem = _random_state_problem(rng)
        if problem:
            raise self.corrupt(problem, at.path)

    def _visit_generator(self, rng: Any, info: _TypeInfo, at: _At) -> None:
        self.push(rng.bit_generator, at.child(_ATTR, "bit_generator"))

    def _visit_bit_generator(self, bits: Any, info: _TypeInfo, at: _At) -> None:
        problem = _bit_generator_state_problem(bits.state)
        if problem:
            raise self.corrupt(problem, at.path)
        seq = getattr(bits, "seed_seq", None)
        if seq is not None:
            self.push(seq, at.child(_ATTR, "seed_seq"))

    def _visit_seed_sequence(self, seq: Any, info: _TypeInfo, at: _At) -> None:
        problem = _seed_sequence_problem(seq)
        if problem:
            raise self.corrupt(problem, at.path)
        self.push(self.keep((seq.entropy, seq.spawn_key)), at.child(_STATE, "entropy"))

    # -- scipy ------------------------------------------------------------------------

    def _visit_sparse(self, matrix: Any, info: _TypeInfo, at: _At) -> None:
        if info.has_dict:
            self.check_arrays_in(object.__getattribute__(matrix, "__dict__"), at.path)
        problem = _sparse_problem(matrix)
        if problem:
            fmt = _clean(str(getattr(matrix, "format", "?")))
            raise self.corrupt(f"an invalid sparse {fmt} matrix", at.path, problem)
        if info.has_dict:
            self._visit_instance(matrix, info, at)
        if isinstance(matrix, dict):
            self._visit_mapping(matrix, info, at)

    # -- scikit-learn compiled types -----------------------------------------------------

    def _visit_tree(self, tree: Any, info: _TypeInfo, at: _At) -> None:
        problem = _sklearn_tree_problem(tree, at.bound)
        if problem:
            raise self.corrupt("an invalid decision tree", at.path, problem)

    def _visit_binary_tree(self, tree: Any, info: _TypeInfo, at: _At) -> None:
        names = ("data", "idx_array", "node_data", "node_bounds")
        for name, arr in zip(names, self.keep(tree.get_arrays()), strict=True):
            if isinstance(arr, np.ndarray):
                self.check_array(arr, at.child(_ATTR, name).path)
        problem, metric = _kd_ball_tree_problem(tree)
        if problem:
            raise self.corrupt(f"an invalid {_type_name(type(tree))}", at.path, problem)
        self.visited.add(id(self.keep(metric)))
        metric_at = at.child(_ATTR, "dist_metric", keep_bounds=False)
        self._visit_metric(metric, _type_info(type(metric)), metric_at)
        weights = tree.__getstate__()[12]
        if weights is not None:
            self.push(self.keep(weights), at.child(_ATTR, "sample_weight", keep_bounds=False))

    def _visit_metric(self, metric: Any, info: _TypeInfo, at: _At) -> None:
        problem = _metric_problem(metric, None)
        if problem:
            raise self.corrupt("an invalid distance metric", at.path, problem)
        self.push_items(self.keep(metric.__getstate__()), at, _STATE)

    def _visit_cython(self, obj: Any, info: _TypeInfo, at: _At) -> None:
        """A compiled scikit-learn object: walk the state it would pickle."""
        try:
            reduced = obj.__reduce_ex__(2)
        except Exception:  # not picklable, so nothing from a file can be inside
            return
        if isinstance(reduced, tuple):
            self.push_items(self.keep(reduced[1:]), at, _STATE)

    # -- containers -----------------------------------------------------------------------

    def _visit_mapping(self, mapping: Any, info: _TypeInfo, at: _At) -> None:
        for key, value in reversed(dict.items(mapping)):
            if type(key) in _ATOMIC:
                self.count += 1
            else:
                self.push(key, at.child(_STATE, "key"))
            if type(value) in _ATOMIC:
                self.count += 1
            else:
                self.push(value, at.child(_KEY, key))
        if self.count > self.max_nodes:
            raise self.too_many()
        factory = getattr(mapping, "default_factory", None) if type(mapping) is not dict else None
        if factory is not None:
            self.push(factory, at.child(_ATTR, "default_factory", keep_bounds=False))
        if info.has_dict and info.kind == "mapping":
            self._visit_instance(mapping, info, at)

    def _visit_sequence(self, seq: Any, info: _TypeInfo, at: _At) -> None:
        if isinstance(seq, set | frozenset):
            self.push_items(self.keep(list(seq)), at, _STATE)
        else:
            self.push_items(seq, at)
        if info.has_dict or info.slots:
            self._visit_instance(seq, info, at)

    def _visit_slice(self, value: Any, info: _TypeInfo, at: _At) -> None:
        self.push_items(self.keep((value.start, value.stop, value.step)), at, _STATE)

    # -- instances ------------------------------------------------------------------------

    def _visit_instance(self, obj: Any, info: _TypeInfo, at: _At) -> None:
        try:
            d = object.__getattribute__(obj, "__dict__") if info.has_dict else {}
        except AttributeError:
            d = {}
        if not isinstance(d, dict):
            d = {}
        path = at.path
        skip = set() if self.trust else self.check_attributes(obj, d, info, path)
        bound, cap = at.bound, at.cap
        if info.specials & _LIBRARY_SPECIALS:
            self.reset_library_settings(obj, d, info, path)
        if info.estimator:
            self.reset_settings(obj, d, info, path)
            own = d.get("n_features_in_")
            bound = int(own) if own is not None and _in_range(own, 0, 2**63) else None
            if cap is not None:
                bound = cap if bound is None else min(bound, cap)
            cap = None
            if not self.trust:
                self.check_estimator_callables(obj, d, info, path, skip)
            if "hist_gb" in info.specials:
                self.check_hist_gradient_boosting(obj, d, path, bound)
            if "ebm" in info.specials:
                self.check_ebm(d, path)
            problem = None
            if "svm" in info.specials:
                problem = _libsvm_problem(d, d.get("_impl", _class_attribute(type(obj), "_impl")))
            elif "hasher" in info.specials:
                problem = _hasher_problem(d)
            if problem is None and "vectorizer" in info.specials:
                problem = _vectorizer_problem(d)
            if problem:
                what = f"an invalid {_type_name(type(obj))}"
                raise self.corrupt(what, path, problem)
        elif "bspline" in info.specials:
            problem = _bspline_problem(d)
            if problem:
                raise self.corrupt("an invalid B-spline", path, problem)
        elif "predictor" in info.specials:
            self.check_arrays_in(d, path)
            problem = _predictor_problem(obj, bound)
            if problem:
                raise self.corrupt("an invalid HistGradientBoosting tree", path, problem)
        elif "scorer" in info.specials and not self.trust:
            self.check_scorer(d, path)
        depth = at.depth + 1
        for name in reversed(info.slots):
            try:
                value = object.__getattribute__(obj, name)
            except AttributeError:
                continue
            self.push(value, _At((path, _ATTR, name), depth, bound, cap))
        for key, value in reversed(d.items()):
            if type(value) in _ATOMIC or key in skip:
                self.count += 1
            elif key == "estimators_" and "tree_ensemble" in info.specials:
                self.push_members(value, d, _At((path, _ATTR, key), depth, None, bound))
            else:
                self.push(value, _At((path, _ATTR, key), depth, bound, cap))

    def push_members(self, members: Any, d: dict[str, Any], at: _At) -> None:
        """The members of a tree ensemble, each capped to the features it is given.

        Forests and gradient boosting call their trees with ``check_input=False``
        on the input they validated, and IsolationForest on the subset of
        ``estimators_features_`` of each tree, so a member's own
        ``n_features_in_`` cannot raise its bound.
        """
        features = d.get("estimators_features_")
        if not (
            isinstance(members, list)
            and isinstance(features, list)
            and len(features) == len(members)
        ):
            self.push(members, at)
            return
        self.visited.add(id(members))
        for i in range(len(members) - 1, -1, -1):
            member, subset = members[i], features[i]
            cap = at.cap
            if isinstance(subset, np.ndarray | list):
                cap = len(subset) if cap is None else min(len(subset), cap)
            self.push(member, _At((at.path, _INDEX, i), at.depth + 1, None, cap))

    def check_attributes(
        self, obj: Any, d: dict[Any, Any], info: _TypeInfo, path: _Path
    ) -> set[str]:
        """Refuse dunder and shadowing instance attributes; return the accepted own methods."""
        for key in d:
            if type(key) is not str:
                raise self.unsafe(
                    f"has an attribute named by a {_type_name(type(key))} object", path
                )
            if len(key) > 4 and key[:2] == "__" and key[-2:] == "__":
                if key == "__doc__" and _is_statsmodels_doc(obj, d[key]):
                    continue  # statsmodels' result wrappers copy the docstring of their results
                raise self.unsafe(
                    f"has the instance attribute {_shown(key)}, a special name that Python "
                    "and scikit-learn look up as a method",
                    (path, _ATTR, key),
                )
        skip: set[str] = set()
        shadowing = info.code_names.intersection(d)
        if info.estimator:
            shadowing |= _METHOD_NAMES.intersection(d)
        for key in shadowing:
            value = d[key]
            if isinstance(_class_attribute(type(obj), key), type) and isinstance(value, type):
                continue  # a class kept as data, e.g. MaskedArray._baseclass
            if _is_own_method(obj, key, value):
                skip.add(key)
                continue
            if _is_statsmodels_data(obj, value):
                continue
            raise self.unsafe(
                f"has the instance attribute {_shown(key)}, which hides the "
                f"{_type_name(type(obj))} method or property of that name",
                (path, _ATTR, key),
            )
        if not info.estimator:
            for key, value in d.items():
                if _is_own_function(obj, value) or _is_own_method(obj, key, value):
                    skip.add(key)
        return skip

    def check_estimator_callables(
        self, obj: Any, d: dict[str, Any], info: _TypeInfo, path: _Path, skip: set[str]
    ) -> None:
        """Functions in an estimator's ``__dict__`` only as its parameters.

        A fitted attribute may hold a function only if it is the value of one
        of the parameters (``effective_metric_`` is ``metric``), a numpy ufunc
        or scalar type, or one of the few functions scikit-learn keeps
        (``BisectingKMeans._kmeans_single``). Whether each function is
        allowlisted is checked when the walk reaches it.
        """
        fitted = _FITTED_FUNCTIONS.get(info.fullname, frozenset())
        parameters: set[int] | None = None
        for key, value in d.items():
            if type(value) in _DATA_TYPES:
                continue
            if key in skip or key in info.param_names or key in fitted:
                continue
            if parameters is None:
                parameters = {id(d[name]) for name in info.param_names if name in d}
            if id(value) in parameters or isinstance(value, np.ufunc):
                continue
            if isinstance(value, type) and issubclass(value, np.generic | np.dtype):
                continue
            if _is_routine(value) or isinstance(value, functools.partial | type):
                shown = _shown(value) if isinstance(value, functools.partial) else _full_name(value)
                raise self.unsafe(
                    f"keeps {_clean(shown, 200)} in {_type_name(type(obj))}.{_clean(key)}, "
                    "which is not one of its parameters",
                    (path, _ATTR, key),
                )
        if "function_transformer" in info.specials:
            for key in ("func", "inverse_func"):
                self.check_transformer_function(d.get(key), (path, _ATTR, key), key)

    def check_transformer_function(self, value: Any, path: _Path, key: str) -> None:
        """A FunctionTransformer's function: None, allowlisted, or a partial of one."""
        if value is None:
            return
        if isinstance(value, functools.partial):
            ok = _partial_problem(value, self.allowed) is None
        else:
            ok = _is_routine(value) and not _is_method(value) and self.allowed(value)
        if not ok:
            shown = _clean(_full_name(value), 200) if _is_routine(value) else _shown(value)
            raise self.unsafe(
                f"has a FunctionTransformer whose {key} is {shown}, not an allowlisted "
                "function; the transformer calls it on the data",
                path,
                (shown,),
            )

    def check_scorer(self, d: dict[str, Any], path: _Path) -> None:
        """A scorer may only call prediction methods of the estimator it scores."""
        method = d.get("_response_method")
        if method is None:
            return
        methods = (method,) if isinstance(method, str) else method
        if (
            isinstance(methods, tuple | list)
            and methods
            and all(isinstance(m, str) and m in _RESPONSE_METHODS for m in methods)
        ):
            return
        raise self.unsafe(
            f"has a scorer that calls the estimator's {_shown(method)} instead of a "
            "prediction method",
            (path, _ATTR, "_response_method"),
        )

    def check_hist_gradient_boosting(
        self, est: Any, d: dict[str, Any], path: _Path, bound: int | None
    ) -> None:
        """The bin mapper, and categorical splits only on categorical features."""
        for group in d.get("_predictors") or ():
            for predictor in group if isinstance(group, list) else ():
                nodes = vars(predictor).get("nodes") if hasattr(predictor, "__dict__") else None
                if isinstance(nodes, np.ndarray):
                    self.check_array(nodes, (path, _ATTR, "_predictors"))
        problem = _bin_mapper_problem(est, bound)
        if problem:
            raise self.corrupt("an invalid HistGradientBoosting model", path, problem)

    def check_ebm(self, d: dict[str, Any], path: _Path) -> None:
        """An EBM's bins, terms and tables, before interpret's native ``Discretize`` reads them."""

        def check(arr: np.ndarray) -> None:
            self.check_array(arr, path)

        problem = _ebm_problem(d, check)
        if problem:
            raise self.corrupt("an invalid Explainable Boosting Machine", path, problem)

    # -- resets ---------------------------------------------------------------------------

    def reset_settings(self, obj: Any, d: dict[str, Any], info: _TypeInfo, path: _Path) -> None:
        """Reset ``memory``, a vectorizer's ``input``, ``n_jobs`` and thread counts."""
        memory = d.get("memory")
        if memory is not None:
            old = f"the path {_shown(memory)}" if isinstance(memory, str) else _shown(memory)
            d["memory"] = None
            why = "scikit-learn would write and read a cache directory named by the file"
            self.note(obj, path, "memory", old, None, why)
        text_input = d.get("input", "content")
        if "vectorizer" in info.specials and (
            type(text_input) is not str or text_input != "content"
        ):
            old = _shown(d["input"])
            d["input"] = "content"
            why = "the vectorizer would open the files that the documents name"
            self.note(obj, path, "input", old, "content", why)
        if "n_jobs" in d and not self.within_machine(d["n_jobs"], zero_ok=False):
            old = _shown(d["n_jobs"])
            d["n_jobs"] = None
            why = f"more parallel jobs than the {self.max_threads} this machine allows"
            self.note(obj, path, "n_jobs", old, None, why)
        for key in ("n_threads", "_n_threads"):
            if key in d and not self.within_machine(d[key], zero_ok=True):
                old = _shown(d[key])
                d[key] = self.max_threads
                why = f"more threads than the {self.max_threads} this machine allows"
                self.note(obj, path, key, old, self.max_threads, why)

    def reset_library_settings(
        self, obj: Any, d: dict[str, Any], info: _TypeInfo, path: _Path
    ) -> None:
        """Thread counts of XGBoost, LightGBM and CatBoost models, and file names they keep."""
        where = "" if path is None else f" at {_format_path(path)}"
        if "xgb_booster" in info.specials:
            self.reset_xgboost_threads(obj, where)
        if "lgb_booster" in info.specials and isinstance(d.get("params"), dict):
            from modelprivacy.load.formats.lightgbm import safe_parameters

            for note in safe_parameters(d["params"], max_threads=self.max_threads):
                self.notes.append(f"{note}{where}")
        if "lgb_model" in info.specials and isinstance(d.get("_other_params"), dict):
            from modelprivacy.load.formats.lightgbm import safe_parameters

            other = d["_other_params"]
            for note in safe_parameters(other, max_threads=self.max_threads):
                self.notes.append(f"{note}{where}")
            for key, value in other.items():
                if key in d and key != "n_jobs":
                    d[key] = value  # the extra parameters are attributes too (set_params)
        if "catboost" in info.specials and isinstance(d.get("_init_params"), dict):
            params = d["_init_params"]
            for key in ("thread_count",):
                if key in params and not self.within_machine(params[key], zero_ok=False):
                    old = _shown(params[key])
                    params[key] = self.max_threads
                    self.note(
                        obj,
                        path,
                        key,
                        old,
                        self.max_threads,
                        "more threads than the machine allows",
                    )
            for key in _CATBOOST_FILE_PARAMETERS.intersection(params):
                old = _shown(params.pop(key))
                self.notes.append(
                    f"removed the CatBoost parameter {key}{where} ({old}: CatBoost would write "
                    "or read files there on a refit)"
                )

    def reset_xgboost_threads(self, booster: Any, where: str) -> None:
        """Reset an XGBoost booster's ``nthread`` beyond the machine (its config is native state)."""
        import json

        try:
            config = json.loads(booster.save_config())
            generic = config["learner"]["generic_param"]
        except Exception:  # a booster without a handle has no config
            return
        for key in ("nthread", "n_jobs"):
            value = generic.get(key)
            try:
                n = int(value)
            except (TypeError, ValueError):
                continue
            if n > self.max_threads:
                booster.set_param({key: self.max_threads})
                self.notes.append(
                    f"reset xgboost.Booster.{key}{where} from {n} to {self.max_threads} "
                    f"(more threads than the {self.max_threads} this machine allows)"
                )

    def within_machine(self, value: Any, *, zero_ok: bool) -> bool:
        """Whether a job or thread count (None, or joblib's negative counts) fits the limit."""
        if value is None:
            return True
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            return False
        n = int(value)
        if n == 0:
            return zero_ok
        effective = n if n > 0 else max((os.cpu_count() or 1) + 1 + n, 1)
        return effective <= self.max_threads


_LIBRARY_SPECIALS = frozenset({"xgb_booster", "lgb_booster", "lgb_model", "catboost"})
#: CatBoost parameters that name files or directories it writes or reads when fitting.
_CATBOOST_FILE_PARAMETERS = frozenset(
    {
        "train_dir",
        "snapshot_file",
        "save_snapshot",
        "input_borders",
        "output_borders",
        "json_log",
        "learn_error_log",
        "test_error_log",
        "profile_log",
        "time_left_log",
        "training_options_file",
        "fstr_internal_file",
        "fstr_regular_file",
        "eval_file_name",
        "roc_file",
        "pool_metainfo_path",
    }
)


def _is_statsmodels_data(obj: Any, value: Any) -> bool:
    """Results of statsmodels replace placeholder methods by data (``normalized_cov_params``).

    A value that cannot be called cannot stand in for a method that something calls.
    """
    module = str(getattr(type(obj), "__module__", ""))
    if module.split(".")[0] != "statsmodels":
        return False
    if not callable(value):
        return True
    # A family's link and variance function: instances of statsmodels classes
    # (their __call__ computes), not functions, methods or classes.
    kind = type(value)
    return not isinstance(
        value, type | types.FunctionType | types.MethodType | functools.partial
    ) and str(getattr(kind, "__module__", "")).startswith("statsmodels.genmod.families.")


def _is_statsmodels_doc(obj: Any, value: Any) -> bool:
    """Result wrappers and variance functions of statsmodels keep a docstring as ``__doc__``."""
    module = str(getattr(type(obj), "__module__", ""))
    return module.split(".")[0] == "statsmodels" and isinstance(value, str | None)


def validate_model(
    obj: Any, *, trust: bool = False, max_threads: int | None = None
) -> tuple[str, ...]:
    """Check a loaded model's whole object graph before anything uses it.

    Walks every object reachable from ``obj`` (instance attributes,
    containers, object arrays, partials, and the state of scikit-learn's
    compiled types) without recursion, refusing what could run code from the
    file, crash or hang the process, and resetting in place what would make
    ordinary calls touch files or oversubscribe the machine.

    Parameters
    ----------
    obj : object
        The freshly loaded model.
    trust : bool, default=False
        Skip the checks on code: instance attributes that shadow methods,
        functions and classes outside the allowlist, callables outside an
        estimator's parameters, scorers that call non-prediction methods.
        The checks on compiled state and the resets still apply.
    max_threads : int, optional
        The most jobs or threads a model may ask for; ``os.cpu_count()`` by
        default.

    Returns
    -------
    tuple of str
        One note per setting that was reset, e.g. ``"reset Pipeline.memory
        from the path '/tmp/x' to None (...)"``; empty for a model that needed
        no change.

    Raises
    ------
    UnsafeModelError
        The model holds code that is not allowlisted where scikit-learn or
        modelprivacy would call it (a planted ``__sklearn_is_fitted__``, a
        lambda, a bound method, ``FunctionTransformer(func=os.system)``...).
    ModelLoadError
        The model's compiled state is inconsistent (a tree's child index out of
        range or cyclic, a sparse matrix's indices out of bounds, a bogus
        dtype, an RNG position out of range, a zero-stride array...), it holds
        more than :data:`MAX_NODES` objects or nests them deeper than
        :data:`MAX_DEPTH`, or a check failed unexpectedly.

    Notes
    -----
    Every message is one line naming the attribute path (for example
    ``steps[1][1].estimators_[3].tree_``), the problem and the fix; text from
    the file is shown with control characters escaped.
    """
    if max_threads is None:
        max_threads = os.cpu_count() or 1
    if isinstance(max_threads, bool) or not isinstance(max_threads, int) or max_threads < 1:
        raise ValueError(f"max_threads must be a positive integer, not {max_threads!r}")
    validator = _Validator(trust=trust, max_threads=max_threads)
    try:
        validator.run(obj)
    except (ModelLoadError, UnsafeModelError):
        raise
    except (Exception, RecursionError) as exc:
        raise ModelLoadError(
            f"the file's model could not be checked at {_format_path(validator.at.path)} "
            f"({type(exc).__name__}: {_clean(str(exc))}); {_CORRUPT_FIX}"
        ) from None
    return tuple(validator.notes)
