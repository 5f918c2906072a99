"""CatBoost models: their trees on the shared representation, and the CTR tables they store.

A CatBoost model (``catboost.CatBoost``, ``CatBoostClassifier``,
``CatBoostRegressor``, fitted or loaded from ``.cbm``/JSON) stores:

- **oblivious trees** (``grow_policy="SymmetricTree"``, the default): every
  level of a tree splits on one feature, so a tree of depth ``D`` has
  ``2**D`` leaves; a row goes right at level ``l`` when ``float32(x) >
  border`` (bit ``l`` of its leaf index);
- **non-symmetric trees** (``Depthwise``, ``Lossguide``): JSON nests
  ``{"split", "left", "right"}`` nodes down to ``{"value", "weight"}``
  leaves, with the same ``float32(x) > border`` going right. The JSON does
  not say which leaf index (``calc_leaf_indexes``) a leaf has: CatBoost
  numbers them in its own node layout (measured: not the JSON's order), which
  its ``_get_tree_step_nodes``/``_get_tree_node_to_leaf`` give; the JSON is
  written from that layout, so walking both gives every leaf its index;
- **borders**: the float32 midpoints of two adjacent training values (only the
  borders some tree uses are kept);
- **leaf_weights**: the sum of the training rows' weights in every leaf, over
  *all* the training rows whatever the bootstrap (measured: equal to the rows
  CatBoost routes there with ``bootstrap_type`` ``MVS``, ``Bayesian``,
  ``Bernoulli`` and ``No``, for symmetric and non-symmetric trees). Without
  sample weights these are row counts, so a leaf of weight one holds one person;
- **leaf values**: the learning rate times the leaf's Newton step. For one
  row of a binary Logloss model its sign is the label; of a multiclass model
  its one positive entry; of an RMSE model ``lr * (y - f) / (1 + l2_leaf_reg)``
  gives the target ``y`` back from ``f``, the model's prediction for that row
  before the tree;
- **CTR tables** (``ctr_data``) for categorical features: per category (a
  hash of its value), the training rows of each class (``Borders`` CTRs) or in
  all (``Counter``). A category of one person gives away that person's label;
- **category strings** (``cat_features_hash``), only in JSON saved with a
  ``pool``: every category value of the pool, used in a split or not.

The trees are read from the model's own JSON (``save_model(format="json")``
into a private temporary directory, parsed as data and validated like a JSON
model file) into :class:`~modelprivacy.models.trees.TreeSpec` arrays. An
oblivious tree is heap-ordered: level ``l`` of a tree is split ``l``, and
CatBoost's leaf ``j`` is node ``2**D - 1 + reverse_bits(j)``. A non-symmetric
tree is numbered in preorder (a node, its left subtree, its right), and its
leaf ``j`` is the node found by the walk above. Records are routed by
CatBoost itself (``calc_leaf_indexes``), so missing values, one-hot and CTR
splits follow the model's own semantics.

The walk hook exposes ``categories_`` (the stored category strings per input
column, as an encoder's ``categories_``: MP-S107, and MP-S106 with training
data) and ``ctr_counts_`` (per CTR table, the counts of every category, one
column per class; see :func:`ctr_tables`).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from modelprivacy._text import printable
from modelprivacy.errors import ModelPrivacyError, NotFittedModelError
from modelprivacy.models._native import NativeModel, Task, allowed_params
from modelprivacy.models._registry import Stored, register_estimator, register_walk_hook
from modelprivacy.models.trees import (
    Forest,
    TreeSpec,
    UnsupportedTreesError,
    float32_edge,
    register_adapter,
)

__all__ = [
    "CATEGORIES",
    "CTR_COUNTS",
    "STORES",
    "CatBoostModel",
    "CtrTable",
    "as_estimator",
    "category_strings",
    "ctr_tables",
    "forget",
    "load_json_doc",
    "model_json",
    "node_splits",
    "remember_category_strings",
]

_TEST = "tests/models/test_catboost_trees.py"
_NONSYMMETRIC = "tests/models/test_catboost_nonsymmetric.py"
STORES = (
    Stored(
        "leaf_weights",
        "every leaf of every tree, symmetric or not (Depthwise, Lossguide; .cbm, JSON, pickles)",
        "the training rows of every leaf (sums of sample weights when there are any), over all "
        "rows whatever the bootstrap or grow policy: people alone or in small leaves",
        "MP-S105",
        _TEST,
    ),
    Stored(
        "leaf_values",
        "every leaf of every tree, symmetric or not",
        "a one-row leaf's step gives away its label (binary and multiclass: its sign) or its "
        "target (RMSE: with the learning rate, l2_leaf_reg and the row's earlier prediction)",
        "MP-S105",
        _TEST,
    ),
    Stored(
        "borders",
        "features_info.float_features and every split (oblivious levels or nested nodes)",
        "float32 midpoints of adjacent training values: each locates two values people hold",
        "MP-S104",
        _TEST,
    ),
    Stored(
        "leaf boxes",
        "the borders on the path of every leaf (symmetric, Depthwise and Lossguide trees)",
        "the box of a small leaf pins down who is in it, among population records (numeric "
        "features only: a category column does not reach MP-S110's numeric input)",
        "MP-S110",
        "tests/audit/test_honest_verdict.py",
    ),
    Stored(
        "non-symmetric trees",
        "the nested split/left/right nodes of Depthwise and Lossguide models (JSON 'trees')",
        "the same leaf weights, leaf values and borders as symmetric trees, at every node: "
        "people alone in a leaf with their label or target, borders locating values, leaf boxes",
        "MP-S105",
        _NONSYMMETRIC,
    ),
    Stored(
        "ctr_data",
        "models with categorical features (.cbm, JSON, pickles)",
        "per category, the training rows of every class: a category held by one person gives "
        "away that person's label; counts below k single out small groups",
        "MP-S106",
        _TEST,
    ),
    Stored(
        "cat_features_hash",
        "JSON saved with a pool",
        "every category string of the pool, used in a split or not (names, places, codes)",
        "MP-S107",
        _TEST,
    ),
)

#: Walk hook attribute: the stored category strings of every input column (empty for others).
CATEGORIES = "categories_"
#: Walk hook attribute: per CTR table, the counts of every category (one column per class).
CTR_COUNTS = "ctr_counts_"

_MAGIC = 0x4906BA494954CB65  # CatBoost's CalcHash multiplier
_MASK = (1 << 64) - 1
_EMPTY = (1 << 64) - 1  # the hash CatBoost writes for an unused bucket's key


@dataclass(frozen=True)
class CtrTable:
    """One CTR table of a CatBoost model: per category (or combination), its training rows.

    Attributes
    ----------
    kind : str
        ``"Borders"`` / ``"Buckets"`` (counts per class) or ``"Counter"`` /
        ``"FeatureFreq"`` (rows in all).
    features : tuple of int
        Flat input indices of the categorical features combined (one for a
        single feature).
    hashes : ndarray of uint64
        The key of every bucket (CatBoost's hash of the category values).
    counts : ndarray of int64 of shape (buckets, classes)
        Training rows of every bucket, per class (one column for counters).
    strings : tuple of (str or None)
        The category string of every bucket, where the model stores it (JSON
        saved with a pool; single features only).
    """

    kind: str
    features: tuple[int, ...]
    hashes: np.ndarray
    counts: np.ndarray
    strings: tuple[str | None, ...]

    @property
    def per_class(self) -> bool:
        """Whether the counts are per class (the label of a one-person category is readable)."""
        return self.counts.shape[1] > 1

    @property
    def totals(self) -> np.ndarray:
        """Training rows of every bucket."""
        return np.asarray(self.counts.sum(axis=1), dtype=np.int64)


# -- the model's JSON, read once ------------------------------------------------------------

_JSON: dict[int, tuple[weakref.ref[Any], dict[str, Any]]] = {}
_STRINGS: dict[int, tuple[weakref.ref[Any], dict[int, str]]] = {}
_LOCK = threading.Lock()


def _cached(table: dict[int, tuple[weakref.ref[Any], Any]], model: Any) -> Any:
    entry = table.get(id(model))
    if entry is not None and entry[0]() is model:
        return entry[1]
    return None


def _remember(table: dict[int, tuple[weakref.ref[Any], Any]], model: Any, value: Any) -> None:
    key = id(model)

    def forget(_ref: weakref.ref[Any]) -> None:
        table.pop(key, None)

    try:
        ref = weakref.ref(model, forget)
    except TypeError:
        return
    table[key] = (ref, value)


def model_json(model: Any) -> dict[str, Any]:
    """The model's own JSON, written to a private temporary directory, parsed and validated.

    Parameters
    ----------
    model : catboost.CatBoost
        A fitted (or loaded) model.

    Returns
    -------
    dict
        The JSON document (``save_model(format="json")``), cached per model.

    Raises
    ------
    NotFittedModelError
        If the model is not fitted.
    ModelPrivacyError
        If CatBoost cannot export it, or the export is not a valid CatBoost JSON model.
    """
    with _LOCK:
        found = _cached(_JSON, model)
        if found is not None:
            return dict(found)
    if not model.is_fitted():
        raise NotFittedModelError(
            f"this {type(model).__name__} is not fitted yet: fit it (or load the fitted model) "
            "before auditing it"
        )
    from modelprivacy.load.formats._checks import FormatError, parse_json
    from modelprivacy.load.formats.catboost import check_json

    folder = tempfile.mkdtemp(prefix="modelprivacy-catboost-")
    try:
        path = Path(folder) / "model.json"
        try:
            model.save_model(str(path), format="json")
        except Exception as exc:  # CatBoostError
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise ModelPrivacyError(
                f"CatBoost could not export this {type(model).__name__} as JSON ({first[:160]})"
            ) from None
        data = path.read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    try:
        doc = parse_json(data)
        check_json(doc)
    except FormatError as exc:
        raise ModelPrivacyError(
            f"the JSON CatBoost exported for this model is invalid: {exc}"
        ) from None
    with _LOCK:
        _remember(_JSON, model, doc)
    return dict(doc)


def forget(model: Any) -> None:
    """Drop what was read of ``model`` (its JSON), after its state was replaced in place.

    Parameters
    ----------
    model : catboost.CatBoost
        A model whose trees changed (a sanitiser gave it another model's state).
    """
    with _LOCK:
        entry = _JSON.get(id(model))
        if entry is not None and entry[0]() is model:
            _JSON.pop(id(model), None)


def remember_category_strings(model: Any, doc: Any) -> int:
    """Keep the category strings of a JSON model file for ``model`` (CatBoost drops them).

    CatBoost's JSON saved with a pool lists every category value of the pool
    (``features_info.cat_features_hash``); a model loaded from it does not keep
    them, so the loader hands them here and the walk hook exposes them.

    Parameters
    ----------
    model : catboost.CatBoost
        The model loaded from ``doc``.
    doc : object
        The parsed (validated) JSON document.

    Returns
    -------
    int
        The number of strings kept.
    """
    strings = _hash_strings(doc)
    if strings:
        with _LOCK:
            _remember(_STRINGS, model, strings)
    return len(strings)


def _hash_strings(doc: Any) -> dict[int, str]:
    """``{hash: string}`` of ``features_info.cat_features_hash``, read as data."""
    info = doc.get("features_info") if isinstance(doc, dict) else None
    items = info.get("cat_features_hash") if isinstance(info, dict) else None
    out: dict[int, str] = {}
    if not isinstance(items, list):
        return out
    for item in items:
        if not isinstance(item, dict):
            continue
        h, value = item.get("hash"), item.get("value")
        if isinstance(h, int) and not isinstance(h, bool) and isinstance(value, str):
            out[h & 0xFFFFFFFF] = value
    return out


def category_strings(model: Any) -> dict[int, str]:
    """The category strings the model (or the JSON file it came from) stores, by hash.

    Parameters
    ----------
    model : catboost.CatBoost
        The model.

    Returns
    -------
    dict
        ``{CatBoost's 32-bit hash of the value: the value}``; empty when none are stored
        (``.cbm`` files, JSON saved without a pool).
    """
    with _LOCK:
        found = _cached(_STRINGS, model)
    if found is not None:
        return dict(found)
    return _hash_strings(model_json(model))


# -- CTR tables -----------------------------------------------------------------------------


def _ctr_key(value_hash: int) -> int:
    """The CTR bucket key of one categorical value (``CalcHash(0, int32(hash))``)."""
    signed = value_hash - (1 << 32) if value_hash >= 1 << 31 else value_hash
    b = signed & _MASK
    return (_MAGIC * ((_MAGIC * b) & _MASK)) & _MASK


def ctr_tables(model: Any) -> list[CtrTable]:
    """The CTR tables of a CatBoost model: the training rows of every category.

    Parameters
    ----------
    model : catboost.CatBoost
        A fitted model.

    Returns
    -------
    list of CtrTable
        One per table of ``ctr_data`` (none without categorical features).
    """
    doc = model_json(model)
    data = doc.get("ctr_data")
    if not isinstance(data, dict):
        return []
    info = doc.get("features_info", {})
    cats = info.get("categorical_features", []) if isinstance(info, dict) else []
    flat = [
        int(c.get("flat_feature_index", i)) if isinstance(c, dict) else i
        for i, c in enumerate(cats if isinstance(cats, list) else [])
    ]
    strings = category_strings(model)
    by_key = {_ctr_key(h): s for h, s in strings.items()}
    out = []
    for ident, table in data.items():
        if not isinstance(table, dict):
            continue
        try:
            meta = json.loads(ident) if isinstance(ident, str) else {}
        except ValueError:
            meta = {}
        kind = str(meta.get("type", "")) if isinstance(meta, dict) else ""
        elements = meta.get("identifier", []) if isinstance(meta, dict) else []
        features = tuple(
            flat[e["cat_feature_index"]]
            for e in elements
            if isinstance(e, dict)
            and isinstance(e.get("cat_feature_index"), int)
            and 0 <= e["cat_feature_index"] < len(flat)
        )
        stride = table.get("hash_stride")
        values = table.get("hash_map")
        if not isinstance(stride, int) or stride < 2 or not isinstance(values, list):
            continue
        if len(values) % stride:
            continue
        rows = [values[i : i + stride] for i in range(0, len(values), stride)]
        try:
            hashes = np.asarray([int(r[0]) for r in rows], dtype=np.uint64)
            counts = np.asarray([[int(v) for v in r[1:]] for r in rows], dtype=np.int64)
        except (TypeError, ValueError, OverflowError):
            continue
        counts = counts.reshape(len(rows), stride - 1)
        keep = counts.sum(axis=1) > 0
        hashes, counts = hashes[keep], counts[keep]
        single = len(features) == 1 and len(elements) == 1
        names = tuple(by_key.get(int(h)) if single else None for h in hashes)
        out.append(CtrTable(kind, features, hashes, counts, names))
    return out


# -- the trees ------------------------------------------------------------------------------


def _reverse_bits(depth: int) -> np.ndarray:
    """Position in the last level of a heap-ordered tree of each CatBoost leaf index."""
    j = np.arange(1 << depth, dtype=np.int64)
    out = np.zeros_like(j)
    for level in range(depth):
        out |= ((j >> level) & 1) << (depth - 1 - level)
    return out


class _LeafCache:
    """``calc_leaf_indexes`` for all trees, once per input (CatBoost routes all at once).

    The last two inputs are kept: leaf boxes route the training and the
    population records tree by tree, in turn.
    """

    def __init__(self, model: Any, decode: Any) -> None:
        self.model = model
        self.decode = decode
        self.lock = threading.Lock()
        self.entries: list[tuple[Any, np.ndarray]] = []

    @property
    def leaves(self) -> np.ndarray | None:
        """The leaves of the input routed last."""
        return self.entries[-1][1] if self.entries else None

    def all(self, X: Any) -> np.ndarray:
        with self.lock:
            for i, (seen, leaves) in enumerate(self.entries):
                if seen is X:
                    self.entries.append(self.entries.pop(i))
                    return leaves
            raw = self.model.calc_leaf_indexes(self.decode(X), thread_count=_threads())
            leaves = np.asarray(raw, dtype=np.int64).reshape(X.shape[0], -1)
            self.entries = [*self.entries[-1:], (X, leaves)]
            return leaves


def _threads() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


@dataclass
class _Layout:
    """What routing and reading the trees need to know of the model's features."""

    n_features: int
    cat: list[int]  # flat indices of categorical features
    float_flat: list[int]  # flat index of each float feature
    cat_flat: list[int]  # flat index of each categorical feature
    names: list[str]


def _layout(model: Any, doc: dict[str, Any]) -> _Layout:
    info = doc.get("features_info", {})
    if info.get("text_features") or info.get("embedding_features"):
        raise UnsupportedTreesError(
            "CatBoost models with text or embedding features are not read yet: their splits "
            "are on features CatBoost computes, not on the input"
        )
    floats = info.get("float_features", [])
    cats = info.get("categorical_features", [])
    float_flat = [int(f.get("flat_feature_index", i)) for i, f in enumerate(floats)]
    cat_flat = [int(c.get("flat_feature_index", i)) for i, c in enumerate(cats)]
    names = [str(v) for v in (model.feature_names_ or [])]
    n = max([len(names), *(i + 1 for i in float_flat + cat_flat)], default=0)
    return _Layout(n, sorted(cat_flat), float_flat, cat_flat, names)


def _binary_features(doc: dict[str, Any], layout: _Layout) -> list[int]:
    """Flat input feature of every binary feature of the model, in ``split_index`` order.

    CatBoost numbers its binary features: float borders first (feature by
    feature), then one-hot values, then CTR borders (CTR by CTR).
    """
    info = doc.get("features_info", {})
    out: list[int] = []
    for i, f in enumerate(info.get("float_features", [])):
        out += [layout.float_flat[i]] * len(f.get("borders", []) or [])
    for i, c in enumerate(info.get("categorical_features", [])):
        out += [layout.cat_flat[i]] * len(c.get("values", []) or [])
    for ctr in info.get("ctrs", []) or []:
        elements = ctr.get("elements", []) if isinstance(ctr, dict) else []
        first = next(
            (
                e["cat_feature_index"]
                for e in elements
                if isinstance(e, dict) and isinstance(e.get("cat_feature_index"), int)
            ),
            0,
        )
        flat = layout.cat_flat[first] if 0 <= first < len(layout.cat_flat) else 0
        out += [flat] * len(ctr.get("borders", []) or [])
    return out


def _split_of(s: dict[str, Any], layout: _Layout, binary: list[int]) -> tuple[int, float]:
    """The input feature and threshold of one split (NaN: a set of categories)."""
    if s.get("split_type") == "FloatFeature" or "float_feature_index" in s:
        return layout.float_flat[int(s["float_feature_index"])], float(s["border"])
    # one-hot or CTR: a set of categories, no threshold on the input
    k = s.get("split_index")
    fallback = layout.cat[0] if layout.cat else 0
    return (binary[k] if isinstance(k, int) and 0 <= k < len(binary) else fallback), np.nan


def _spec(
    left: np.ndarray,
    right: np.ndarray,
    feature: np.ndarray,
    threshold: np.ndarray,
    leaf_node: np.ndarray,
    weights: np.ndarray,
    values: np.ndarray,
    index: int,
    cache: _LeafCache,
    t: dict[str, Any],
    owner: Any,
    dimension: int,
    counted: bool,
) -> TreeSpec:
    """A tree's spec from its node arrays; CatBoost leaf ``j`` is node ``leaf_node[j]``.

    Nodes are numbered parents before children, so counts add up bottom-up.
    """
    n_nodes = left.size
    count = np.zeros(n_nodes, dtype=np.int64)
    value = np.zeros((n_nodes, values.shape[1]))
    value[leaf_node] = values
    if counted:
        count[leaf_node] = np.rint(weights).astype(np.int64)
        for node in range(n_nodes - 1, -1, -1):  # children before parents
            if left[node] >= 0:
                count[node] = count[left[node]] + count[right[node]]

    def route(X: Any) -> np.ndarray:
        if X.shape[0] == 0:
            return np.zeros(0, dtype=np.int64)
        return np.asarray(leaf_node[cache.all(X)[:, index]], dtype=np.int64)

    return TreeSpec(
        left=left,
        right=right,
        feature=feature,
        threshold=threshold,
        n_node_samples=count,
        route=route,
        leaf_value=value[:, 0] if dimension == 1 else value,
        source=t,
        owner=owner,
        edge_of=float32_edge,  # float32(x) > border goes right
    )


def _tree_spec(
    t: dict[str, Any],
    index: int,
    cache: _LeafCache,
    owner: Any,
    layout: _Layout,
    binary: list[int],
    dimension: int,
    counted: bool,
) -> tuple[TreeSpec, np.ndarray]:
    """One oblivious tree, heap-ordered: its spec and the node of every CatBoost leaf."""
    splits = t.get("splits", []) or []
    depth = len(splits)
    n_internal = (1 << depth) - 1
    n_nodes = 2 * n_internal + 1
    left = np.full(n_nodes, -1, dtype=np.int64)
    right = np.full(n_nodes, -1, dtype=np.int64)
    feature = np.full(n_nodes, -2, dtype=np.int64)
    threshold = np.full(n_nodes, np.nan)
    for level, s in enumerate(splits):
        nodes = np.arange((1 << level) - 1, (1 << (level + 1)) - 1)
        left[nodes] = 2 * nodes + 1
        right[nodes] = 2 * nodes + 2
        feature[nodes], threshold[nodes] = _split_of(s, layout, binary)
    leaf_node = n_internal + _reverse_bits(depth)  # CatBoost leaf j -> last-level node
    weights = np.asarray(t.get("leaf_weights", [0] * (1 << depth)), dtype=np.float64)
    values = np.asarray(t.get("leaf_values", []), dtype=np.float64).reshape(1 << depth, -1)
    spec = _spec(
        left,
        right,
        feature,
        threshold,
        leaf_node,
        weights,
        values,
        index,
        cache,
        t,
        owner,
        dimension,
        counted,
    )
    return spec, leaf_node


def _step_nodes(model: Any, index: int) -> tuple[list[tuple[int, int]], list[int]]:
    """CatBoost's own layout of non-symmetric tree ``index``: step nodes and their leaf ids."""
    try:
        steps = [(int(a), int(b)) for a, b in model._get_tree_step_nodes(index)]
        leaf_ids = [int(v) for v in model._get_tree_node_to_leaf(index)]
    except Exception as exc:  # AttributeError (another CatBoost version), CatBoostError
        raise UnsupportedTreesError(
            "this CatBoost version does not tell which leaf index (calc_leaf_indexes) each leaf "
            f"of its non-symmetric trees has ({type(exc).__name__}): they are not read"
        ) from None
    if len(steps) != len(leaf_ids):
        raise UnsupportedTreesError(
            f"CatBoost describes tree {index} with {len(steps)} nodes and {len(leaf_ids)} leaf ids"
        )
    return steps, leaf_ids


def _nonsymmetric_spec(
    t: dict[str, Any],
    index: int,
    n_leaves: int,
    cache: _LeafCache,
    owner: Any,
    layout: _Layout,
    binary: list[int],
    dimension: int,
    counted: bool,
) -> tuple[TreeSpec, np.ndarray]:
    """One Depthwise or Lossguide tree: its spec and the node of every CatBoost leaf.

    The JSON nests ``{"split", "left", "right"}`` nodes down to ``{"value",
    "weight"}`` leaves, without the leaf indices that ``calc_leaf_indexes``
    returns. CatBoost writes it from its step nodes (node ``i`` goes to ``i +
    left_diff`` or ``i + right_diff``; a zero diff ends at node ``i``'s own
    leaf), so walking both together gives every JSON leaf its CatBoost leaf
    index. Nodes are numbered in preorder (a node, its left subtree, its right).
    """
    steps, leaf_ids = _step_nodes(owner, index)
    left_l: list[int] = []
    right_l: list[int] = []
    feature_l: list[int] = []
    threshold_l: list[float] = []
    leaf_of_node: dict[int, int] = {}
    leaf_weight: dict[int, float] = {}
    leaf_value: dict[int, Any] = {}

    def bad(what: str) -> UnsupportedTreesError:
        return UnsupportedTreesError(f"tree {index} of this CatBoost model {what}")

    def new_node() -> int:
        left_l.append(-1)
        right_l.append(-1)
        feature_l.append(-2)
        threshold_l.append(np.nan)
        return len(left_l) - 1

    # (json node, CatBoost step node, whether it ends at that step node's own leaf, our parent
    # and side); preorder: the left child is popped before the right
    stack: list[tuple[Any, int, bool, int, int]] = [(t, 0, False, -1, 0)]
    while stack:
        node, step, own, parent, side = stack.pop()
        me = new_node()
        if parent >= 0:
            (left_l if side == 0 else right_l)[parent] = me
        if not isinstance(node, dict) or not 0 <= step < len(steps):
            raise bad("has a node that does not match CatBoost's own layout")
        split = node.get("split")
        if split is None:
            if not own and steps[step] != (0, 0):
                raise bad("has a leaf where CatBoost's own layout has a split")
            leaf = leaf_ids[step]
            if not 0 <= leaf < n_leaves or leaf in leaf_weight:
                raise bad(f"has a leaf index {leaf} out of its {n_leaves} leaves, or twice")
            leaf_of_node[me] = leaf
            leaf_weight[leaf] = float(node.get("weight", 0.0))
            leaf_value[leaf] = node.get("value", 0.0)
            continue
        if own or not isinstance(split, dict):
            raise bad("has a split where CatBoost's own layout has a leaf")
        feature_l[me], threshold_l[me] = _split_of(split, layout, binary)
        diff_left, diff_right = steps[step]
        stack.append((node.get("right"), step + diff_right, diff_right == 0, me, 1))
        stack.append((node.get("left"), step + diff_left, diff_left == 0, me, 0))
    if len(leaf_weight) != n_leaves:
        raise bad(f"has {len(leaf_weight)} leaves where CatBoost counts {n_leaves}")
    leaf_node = np.empty(n_leaves, dtype=np.int64)
    for node_id, leaf in leaf_of_node.items():
        leaf_node[leaf] = node_id
    weights = np.asarray([leaf_weight[j] for j in range(n_leaves)], dtype=np.float64)
    values = np.asarray([leaf_value[j] for j in range(n_leaves)], dtype=np.float64)
    values = values.reshape(n_leaves, -1)
    spec = _spec(
        np.asarray(left_l, dtype=np.int64),
        np.asarray(right_l, dtype=np.int64),
        np.asarray(feature_l, dtype=np.int64),
        np.asarray(threshold_l, dtype=np.float64),
        leaf_node,
        weights,
        values,
        index,
        cache,
        t,
        owner,
        dimension,
        counted,
    )
    return spec, leaf_node


class _Codes:
    """Category values as float codes, so that the shared routing can sort and slice rows.

    ``prepare`` replaces every categorical column by codes into one table of
    the values seen (grown as new values come); ``decode`` rebuilds the values
    for CatBoost from any rows of a prepared matrix.
    """

    def __init__(self, layout: _Layout) -> None:
        self.layout = layout
        self.values: list[Any] = []
        self.index: dict[Any, int] = {}
        self.lock = threading.Lock()

    def _code(self, v: Any) -> float:
        if v is None or (isinstance(v, float) and v != v):
            v = "None"
        elif isinstance(v, float) and v.is_integer():
            v = int(v)  # an integer category read as a float (a column with missing values)
        elif isinstance(v, np.generic):
            v = v.item()
        key = (type(v).__name__, v) if isinstance(v, (int, str)) else ("str", str(v))
        code = self.index.get(key)
        if code is None:
            code = self.index[key] = len(self.values)
            self.values.append(key[1])
        return float(code)

    def prepare(self, X: Any) -> np.ndarray:
        import pandas as pd
        import scipy.sparse as sp

        layout = self.layout
        if sp.issparse(X):
            X = X.toarray()
        if isinstance(X, pd.DataFrame):
            if layout.names and set(layout.names) <= set(map(str, X.columns)):
                X = X[[c for c in layout.names]] if all(c in X.columns for c in layout.names) else X
            columns = [X.iloc[:, j].to_numpy() for j in range(X.shape[1])]
        else:
            arr = np.asarray(X)
            if arr.ndim != 2:
                raise UnsupportedTreesError("the input of a CatBoost model must be 2-D")
            columns = [arr[:, j] for j in range(arr.shape[1])]
        if len(columns) != layout.n_features:
            raise UnsupportedTreesError(
                f"this CatBoost model takes {layout.n_features} features but its input has "
                f"{len(columns)}"
            )
        out = np.empty((len(columns[0]) if columns else 0, len(columns)), dtype=np.float64)
        cat = set(layout.cat)
        with self.lock:
            for j, col in enumerate(columns):
                if j in cat:
                    out[:, j] = [self._code(v) for v in col.tolist()]
                else:
                    out[:, j] = np.asarray(col, dtype=np.float64)
        return out

    def decode(self, M: np.ndarray) -> Any:
        if not self.layout.cat:
            return np.ascontiguousarray(M, dtype=np.float32)
        import catboost
        import pandas as pd

        with self.lock:
            table = np.asarray([*self.values, None], dtype=object)
        data: dict[int, Any] = {}
        for j in range(M.shape[1]):
            if j in self.layout.cat:
                codes = M[:, j].astype(np.int64)
                data[j] = [str(v) for v in table[codes]]
            else:
                data[j] = M[:, j].astype(np.float32)
        frame = pd.DataFrame(data)
        names = self.layout.names
        if len(names) == M.shape[1] and len(set(names)) == len(names):
            frame.columns = names  # CatBoost checks a frame's column names against its own
        return catboost.Pool(frame, cat_features=self.layout.cat)


def _params(model: Any) -> dict[str, Any]:
    try:
        params = model.get_all_params()
    except Exception:  # a model loaded without its parameters
        params = {}
    return params if isinstance(params, dict) else {}


def _nested_weights(tree: Any) -> np.ndarray:
    """The ``weight`` of every leaf of a non-symmetric tree's JSON (any order)."""
    out: list[float] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        if "split" in node:
            stack += [node.get("left"), node.get("right")]
        else:
            w = node.get("weight", 0.0)
            out.append(float(w) if isinstance(w, int | float) else np.nan)
    return np.asarray(out, dtype=np.float64)


@register_adapter("catboost.core.CatBoost")
def _catboost(model: Any) -> Forest:
    """Read the trees of a CatBoost model: oblivious (symmetric), Depthwise or Lossguide."""
    doc = model_json(model)
    oblivious = "oblivious_trees" in doc
    layout = _layout(model, doc)
    binary = _binary_features(doc, layout)
    scale_bias = doc.get("scale_and_bias", [1.0, [0.0]])
    scale = float(scale_bias[0]) if isinstance(scale_bias, list) and scale_bias else 1.0
    bias_raw = scale_bias[1] if isinstance(scale_bias, list) and len(scale_bias) > 1 else [0.0]
    bias = np.asarray(bias_raw if isinstance(bias_raw, list) else [bias_raw], dtype=np.float64)
    dimension = max(int(bias.size), 1)
    trees_doc = doc["oblivious_trees"] if oblivious else doc.get("trees", [])
    if oblivious:
        weights = [np.asarray(t.get("leaf_weights", []), dtype=np.float64) for t in trees_doc]
    else:
        weights = [_nested_weights(t) for t in trees_doc]
    counted = bool(weights) and all(
        w.size and np.all(w >= 0) and np.all(w == np.rint(w)) for w in weights
    )
    codes = _Codes(layout)
    cache = _LeafCache(model, codes.decode)
    if oblivious:
        read = [
            _tree_spec(t, i, cache, model, layout, binary, dimension, counted)
            for i, t in enumerate(trees_doc)
        ]
    else:
        leaf_counts = [int(c) for c in model.get_tree_leaf_counts()]
        if len(leaf_counts) != len(trees_doc):
            raise UnsupportedTreesError(
                f"this CatBoost model counts {len(leaf_counts)} trees but its JSON has "
                f"{len(trees_doc)}"
            )
        read = [
            _nonsymmetric_spec(
                t, i, leaf_counts[i], cache, model, layout, binary, dimension, counted
            )
            for i, t in enumerate(trees_doc)
        ]
    trees = [spec for spec, _ in read]
    leaf_nodes = [nodes for _, nodes in read]
    notes = []
    if not counted:
        notes.append(
            "the model was fitted with sample weights: its leaf weights are sums of weights, not "
            "row counts, so leaves are counted by routing the data"
        )
    if any(np.isnan(t.threshold[t.left >= 0]).any() for t in trees):
        notes.append(
            "one-hot and CTR splits on categorical features (sets of categories) have no "
            "threshold: their boxes are open on those features"
        )
    forest = Forest(
        trees,
        "oblivious_trees" if oblivious else "trees",
        "none",  # leaf values are gradient steps, not labels
        float32=True,
        notes=notes,
        kind="catboost",
        model=model,
        prepare_input=codes.prepare,
        expected_root=lambda n: (n, ""),  # leaf weights count every training row
        raw_input=True,  # codes its category columns itself
        routed_together=True,  # one predict(pred_leaf) call for all trees
    )
    forest.leaf_label = _leaf_label(model, trees, leaf_nodes, cache, scale, bias, dimension)
    return forest


def _leaf_label(
    model: Any,
    trees: list[TreeSpec],
    leaf_nodes: list[np.ndarray],
    cache: _LeafCache,
    scale: float,
    bias: np.ndarray,
    dimension: int,
) -> Any:
    """What a leaf of one row says of its label or target; None when nothing.

    Binary Logloss: the sign of the step. MultiClass: the one class whose step
    is positive. RMSE: ``f + step * (1 + l2_leaf_reg) / learning_rate``, with
    ``f`` the model's prediction for the row before the tree (from the leaves
    of the one row routed there).
    """
    params = _params(model)
    loss = str(params.get("loss_function", "")).split(":", 1)[0]
    raw_classes = getattr(model, "classes_", None)
    classes = np.asarray(raw_classes) if raw_classes is not None else None
    if loss in ("Logloss", "CrossEntropy") and dimension == 1:
        pair = classes if classes is not None and classes.size == 2 else np.array([0, 1])

        def binary(index: int, leaves: np.ndarray) -> np.ndarray | None:
            value = np.asarray(trees[index].leaf_value)[leaves]
            out = np.where(value > 0, pair[1], pair[0])
            if (value == 0).any():  # a zero step says nothing
                out = out.astype(object)
                out[value == 0] = None
            return out

        return binary
    if loss == "MultiClass" and dimension >= 2:
        labels = classes if classes is not None and classes.size == dimension else None
        labels = np.arange(dimension) if labels is None else labels

        def multiclass(index: int, leaves: np.ndarray) -> np.ndarray | None:
            value = np.asarray(trees[index].leaf_value)[leaves]
            out = labels[np.argmax(value, axis=1)].astype(object)
            out[(value > 0).sum(axis=1) != 1] = None
            return out

        return multiclass
    lr = getattr(model, "learning_rate_", None) or params.get("learning_rate")
    l2 = params.get("l2_leaf_reg")
    plain = (
        str(params.get("leaf_estimation_method", "Newton")) in ("Newton", "Gradient")
        and int(params.get("leaf_estimation_iterations", 1) or 1) == 1
        and not float(params.get("model_shrink_rate", 0.0) or 0.0)
    )
    if loss != "RMSE" or dimension != 1 or not lr or l2 is None or scale != 1.0 or not plain:
        return None
    factor = (1.0 + float(l2)) / float(lr)
    values = [np.asarray(t.leaf_value, dtype=np.float64) for t in trees]
    leaf_of = []  # per tree, the CatBoost leaf index of each node (-1: not a leaf)
    for spec, nodes in zip(trees, leaf_nodes, strict=True):
        table = np.full(spec.n_nodes, -1, dtype=np.int64)
        table[nodes] = np.arange(nodes.size)
        leaf_of.append(table)

    def target(index: int, leaves: np.ndarray) -> np.ndarray | None:
        with cache.lock:
            L = cache.leaves
        if L is None:
            return None
        out = np.full(leaves.size, np.nan)
        column = L[:, index]
        for i, node in enumerate(np.asarray(leaves, dtype=np.int64)):
            j = leaf_of[index][int(node)]
            rows = np.flatnonzero(column == j) if j >= 0 else np.zeros(0, dtype=np.int64)
            if rows.size != 1:
                continue
            r = int(rows[0])
            before = float(bias[0]) + sum(values[s][leaf_nodes[s][L[r, s]]] for s in range(index))
            out[i] = before + values[index][int(node)] * factor
        return out

    return target


def node_splits(spec: TreeSpec) -> list[dict[str, Any] | None]:
    """The JSON split of every node of a tree the adapter read (``None`` at leaves).

    Parameters
    ----------
    spec : TreeSpec
        A tree of a CatBoost forest (:func:`~modelprivacy.models.trees.forest_of`); its
        ``source`` is the tree's JSON.

    Returns
    -------
    list
        Per node of ``spec`` (its numbering: heap order for oblivious trees, preorder for
        Depthwise and Lossguide), the split dict of the model's JSON.
    """
    t = spec.source if isinstance(spec.source, dict) else {}
    out: list[dict[str, Any] | None] = [None] * spec.n_nodes
    if "splits" in t or "leaf_values" in t:  # oblivious: level l holds nodes 2**l - 1 ...
        splits = t.get("splits", []) or []
        for node in np.flatnonzero(spec.left >= 0).tolist():
            out[node] = splits[int(np.log2(node + 1))]
        return out
    stack: list[Any] = [t]
    node = 0
    while stack:  # the preorder of _nonsymmetric_spec
        item = stack.pop()
        if isinstance(item, dict) and "split" in item:
            out[node] = item["split"]
            stack += [item.get("right"), item.get("left")]
        node += 1
    return out


def load_json_doc(doc: dict[str, Any], like: Any) -> Any:
    """A model of ``like``'s class, loaded by CatBoost from a JSON document (validated first).

    Parameters
    ----------
    doc : dict
        A CatBoost JSON model document.
    like : catboost.CatBoost
        A model whose class the new one has (``CatBoostClassifier`` keeps its classes).

    Returns
    -------
    catboost.CatBoost
        The loaded model, with its feature count set.

    Raises
    ------
    ModelPrivacyError
        If the document is invalid or CatBoost refuses it.
    """
    from modelprivacy.load.formats._checks import FormatError
    from modelprivacy.load.formats.catboost import check_json, load_json_copy, set_feature_count

    try:
        check_json(doc)
    except FormatError as exc:
        raise ModelPrivacyError(f"the CatBoost JSON built is invalid: {exc}") from None
    model = type(like)()
    try:
        load_json_copy(model, json.dumps(doc).encode("utf-8"))
    except Exception as exc:  # CatBoostError
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ModelPrivacyError(f"CatBoost refused the JSON built ({first[:160]})") from None
    set_feature_count(model)
    return model


# -- what a CatBoost model holds beyond its __dict__ ----------------------------------------


@register_walk_hook("catboost.core.CatBoost")
def _walk_catboost(model: Any) -> Iterable[tuple[str, Any]]:
    """The category strings per input column, and the counts of every CTR table."""
    try:
        if not model.is_fitted():
            return []
        doc = model_json(model)
        layout = _layout(model, doc)
    except ModelPrivacyError:
        return []
    out: list[tuple[str, Any]] = []
    strings = category_strings(model)
    if strings and layout.cat:
        per_column: list[np.ndarray] = [np.zeros(0, dtype=object)] * layout.n_features
        values = np.asarray(sorted(set(strings.values())), dtype=object)
        # CatBoost keeps one table of hashes for all categorical features: each column's
        # categories are among them
        for j in layout.cat:
            per_column[j] = values
        out.append((CATEGORIES, per_column))
    tables = ctr_tables(model)
    if tables:
        out.append((CTR_COUNTS, [t.counts for t in tables]))
    return out


# -- a CatBoost model as an estimator the attacks query and refit --------------------------

_UNIT = (float, 0.0, 1.0)
_NONNEG = (float, 0.0, 1e12)
#: The training parameters a refit takes from ``get_all_params()``, with their bounds.
REFIT_PARAMETERS: dict[str, tuple[type, float, float] | frozenset[str]] = {
    "learning_rate": (float, 1e-12, 1e6),
    "depth": (int, 1, 16),
    "l2_leaf_reg": _NONNEG,
    "random_strength": _NONNEG,
    "bagging_temperature": _NONNEG,
    "subsample": (float, 1e-6, 1.0),
    "rsm": (float, 1e-6, 1.0),
    "border_count": (int, 1, 65_535),
    "one_hot_max_size": (int, 0, 1_000_000),
    "min_data_in_leaf": (int, 1, 2**31 - 1),
    "max_leaves": (int, 1, 1 << 16),
    "model_size_reg": _NONNEG,
    "random_seed": (int, 0, 2**31 - 1),
    "max_ctr_complexity": (int, 0, 16),
    "leaf_estimation_iterations": (int, 1, 1000),
    "boost_from_average": (bool, 0, 1),
    "grow_policy": frozenset({"SymmetricTree", "Depthwise", "Lossguide"}),
    "boosting_type": frozenset({"Plain", "Ordered"}),
    "bootstrap_type": frozenset({"Bayesian", "Bernoulli", "MVS", "No"}),
    "sampling_frequency": frozenset({"PerTree", "PerTreeLevel"}),
    "leaf_estimation_method": frozenset({"Newton", "Gradient", "Exact"}),
    "score_function": frozenset({"Cosine", "L2", "NewtonCosine", "NewtonL2"}),
    "nan_mode": frozenset({"Min", "Max", "Forbidden"}),
    "feature_border_type": frozenset(
        {"Median", "Uniform", "UniformAndQuantiles", "MaxLogSum", "MinEntropy", "GreedyLogSum"}
    ),
    "auto_class_weights": frozenset({"None", "Balanced", "SqrtBalanced"}),
    "loss_function": frozenset(
        {"Logloss", "CrossEntropy", "MultiClass", "MultiClassOneVsAll", "RMSE", "MAE", "Poisson"}
    ),
}
MAX_REFIT_TREES = 100_000


class CatBoostModel(NativeModel):
    """A CatBoost model as an estimator: CatBoost's own probabilities; refit with its parameters.

    ``params`` holds the training parameters, ``cat_features`` (the indices of
    the category columns) and ``classes`` (the class labels, which CatBoost
    keeps as given); see :class:`~modelprivacy.models._native.NativeModel`.
    """

    library = "CatBoost"

    def _adopt(self, booster: Any) -> CatBoostModel:
        super()._adopt(booster)
        classes = (self.params or {}).get("classes")
        if self.task != "regression" and classes is not None:
            self.classes_ = np.asarray(classes)
        return self

    def fit(self, X: Any, y: Any) -> CatBoostModel:
        """Train a CatBoost model with this model's parameters (labels as the model keeps them).

        Parameters
        ----------
        X : array-like of shape (n, d)
            Records.
        y : array-like of shape (n,)
            Labels or targets.

        Returns
        -------
        CatBoostModel
            ``self``, fitted.
        """
        return self._adopt(self._train(X, np.asarray(y)))

    def _train(self, X: Any, y: np.ndarray) -> Any:
        import catboost

        p = dict(self.params or {})
        p.pop("classes", None)
        cat = p.pop("cat_features", None) or None
        cls = (
            catboost.CatBoostRegressor if self.task == "regression" else catboost.CatBoostClassifier
        )
        model = cls(
            **p,
            iterations=int(self.rounds),
            cat_features=cat,
            allow_writing_files=False,  # no catboost_info directory, no snapshots
            thread_count=_threads(),
            verbose=0,
        )
        if cat and hasattr(X, "iloc"):
            X = X.copy()
            for j in cat:  # CatBoost takes category columns as strings or integers
                col = X.iloc[:, j]
                if col.dtype.kind == "f" or str(col.dtype) == "category":
                    X.isetitem(j, col.astype(str))
        return model.fit(X, y)

    def _raw(self, X: Any) -> np.ndarray:
        booster = self._fitted()
        kind = "RawFormulaVal" if self.task == "regression" else "Probability"
        out = np.asarray(booster.predict(X, prediction_type=kind), dtype=np.float64)
        if self.task == "binary" and out.ndim == 2:
            return np.asarray(out[:, 1])
        return out


@register_estimator("catboost.core.CatBoost")
def as_estimator(model: Any) -> CatBoostModel:
    """A CatBoost model (loaded from ``.cbm``/``.json``, or in memory) as an estimator.

    Parameters
    ----------
    model : catboost.CatBoost
        The fitted model.

    Returns
    -------
    CatBoostModel
        Answers with ``model`` itself; refits with the parameters of
        ``get_all_params()`` that :data:`REFIT_PARAMETERS` allows, its category
        columns and as many trees as it has.

    Raises
    ------
    ModelPrivacyError
        For a loss that is not a classifier or regressor the attacks know.
    """
    raw = _params(model)
    params, notes = allowed_params(raw, REFIT_PARAMETERS, "CatBoost")
    loss = str(params.get("loss_function", raw.get("loss_function", "")))
    task: Task
    classes = raw.get("class_names") or getattr(model, "classes_", None)
    if loss in ("Logloss", "CrossEntropy"):
        task, n_classes = "binary", 2
    elif loss in ("MultiClass", "MultiClassOneVsAll"):
        task = "multiclass"
        n_classes = len(classes) if classes is not None else 0
    elif loss in ("RMSE", "MAE", "Poisson"):
        task, n_classes = "regression", 0
    else:
        raise ModelPrivacyError(
            f"this CatBoost model's loss ({printable(repr(loss), 40)}) is not a classifier or regressor the attacks "
            "know (ranking and custom losses are not attacked); pass predict= and fit_fn= to "
            "attack it as a black box"
        )
    if task != "regression":
        if classes is None or len(classes) != n_classes or n_classes < 2:
            classes = list(range(max(n_classes, 2)))
        params["classes"] = [c.item() if isinstance(c, np.generic) else c for c in classes]
        n_classes = len(params["classes"])
    params.pop("loss_function", None)
    params["loss_function"] = loss
    try:
        params["cat_features"] = [int(i) for i in model.get_cat_feature_indices()]
    except Exception:
        params["cat_features"] = []
    trees = int(getattr(model, "tree_count_", 0) or raw.get("iterations", 1) or 1)
    rounds = max(trees, 1)
    if rounds > MAX_REFIT_TREES:
        notes.append(
            f"reference models grow {MAX_REFIT_TREES:,} trees, not the model's {rounds:,} "
            "(more trees than a refit may take)"
        )
        rounds = MAX_REFIT_TREES
    if not raw:
        notes.append(
            "the model stores no training parameters: CatBoost's defaults were used for the "
            "reference models; pass fit_fn= to train them as the model was trained"
        )
    out = CatBoostModel(params=params, rounds=rounds, task=task, n_classes=n_classes)
    out.refit_notes = tuple(notes)
    out._adopt(model)
    return out
