"""XGBoost's own model files: JSON (``save_model("m.json")``) and UBJSON (``.ubj``).

Both are read as data first: JSON with :mod:`json`, UBJSON with the bounded
decoder of :mod:`modelprivacy.load.formats._ubjson`. :func:`check_model`
then validates the structure (required keys and their types; per tree, the
lengths of ``left_children``, ``right_children``, ``parents``,
``split_indices``, ``split_conditions``, ``split_type``, ``default_left``,
``base_weights``, ``loss_changes`` and ``sum_hessian`` against ``num_nodes``;
children in range and forming one tree from node 0, each node reached once;
parents matching the children; split features below ``num_feature``;
categorical segments inside the category array; the tree count against
``tree_info`` and ``iteration_indptr``; bounded sizes). Only then is an
``xgboost.Booster`` built and given the bytes from memory with
``load_model(bytearray(data))``.

The buffer that a pickled ``xgboost.Booster`` carries (``{"Config": ...,
"Model": ...}`` in UBJSON) goes through :func:`check_pickled_buffer`, which
the restricted unpickler calls before ``Booster.__setstate__`` hands it to
XGBoost.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from modelprivacy.load.formats import NativeFormat, register_format, require
from modelprivacy.load.formats._checks import (
    MAX_FEATURES,
    MAX_NODES,
    FormatError,
    as_dict,
    as_int,
    as_list,
    check_binary_tree,
    ints,
    load_error,
    numbers,
    parse_json,
)

__all__ = ["check_model", "check_pickled_buffer"]

_UBJ_HEADS = (b"{L\x00\x00\x00\x00\x00\x00\x00\x07learner", b"{U\x07learner", b"{i\x07learner")
_MAX_CLASSES = 1_000_000
_INVALID_PARENT = (2147483647, -1, 4294967295)
# Arrays with one entry per node in every tree.
_PER_NODE = (
    "right_children",
    "parents",
    "split_indices",
    "split_conditions",
    "split_type",
    "default_left",
    "loss_changes",
    "sum_hessian",
)


def _detect_json(data: bytes) -> bool:
    head = data[:256].lstrip()
    return head.startswith(b"{") and b'"learner"' in head[:64]


def _detect_ubj(data: bytes) -> bool:
    return data.startswith(_UBJ_HEADS)


def _int_array(values: list[Any], what: str) -> np.ndarray:
    """Every item an integer (not a bool), as int64, else a problem naming ``what``."""
    return _joined([values], [what], integer=True)


def _joined(lists: list[list[Any]], names: list[str], *, integer: bool) -> np.ndarray:
    """The items of ``lists`` checked in bulk and joined (int64 for integers, else nothing).

    Every item must be an integer (``integer``) or a number, never a bool:
    their types are checked in one pass (``type`` is ``int`` or ``float`` for
    every number JSON and UBJSON decode); otherwise :func:`ints` or
    :func:`numbers` goes through the lists in order and names the first item
    that is not one, with the name of its list.
    """
    items = itertools.chain.from_iterable(lists)
    allowed = {int} if integer else {int, float}
    if not set(map(type, items)) <= allowed:
        for values, what in zip(lists, names, strict=True):
            ints(values, what) if integer else numbers(values, what)
    if not integer:
        return np.zeros(0)
    total = sum(map(len, lists))
    try:
        return np.fromiter(itertools.chain.from_iterable(lists), dtype=np.int64, count=total)
    except OverflowError:
        for values, what in zip(lists, names, strict=True):
            if any(not -(2**63) <= v < 2**63 for v in values):
                raise FormatError(f"{what} holds an integer beyond 64 bits") from None
        raise


def _first(mask: np.ndarray) -> int:
    """Position of the first true item, or the length when there is none."""
    hits = np.flatnonzero(mask)
    return int(hits[0]) if hits.size else int(mask.size)


class _Tree:
    """One tree's declared sizes and its per-node lists, their lengths checked."""

    def __init__(self, tree: Any, index: int, num_feature: int) -> None:
        what = self.what = f"tree {index}"
        tree = self.doc = as_dict(tree, what)
        param = as_dict(tree.get("tree_param"), f"{what}'s tree_param")
        n = self.n = as_int(param.get("num_nodes"), f"{what}'s num_nodes", 1, MAX_NODES)
        self.n_deleted = as_int(param.get("num_deleted", 0), f"{what}'s num_deleted", 0, n)
        width = as_int(param.get("size_leaf_vector", 1), f"{what}'s size_leaf_vector", 0, 10**6)
        tree_features = as_int(
            param.get("num_feature", num_feature), f"{what}'s num_feature", 0, MAX_FEATURES
        )
        if tree_features > num_feature:
            raise FormatError(f"{what} declares {tree_features} features, the model {num_feature}")
        if "id" in tree and as_int(tree["id"], f"{what}'s id", 0, MAX_NODES) != index:
            raise FormatError(f"{what} has the id {tree['id']}")
        self.lists = {
            "left_children": as_list(tree.get("left_children"), f"{what}'s left_children", n)
        }
        self.lists.update({key: as_list(tree.get(key), f"{what}'s {key}", n) for key in _PER_NODE})
        self.vector = width > 1
        self.base = as_list(tree.get("base_weights"), f"{what}'s base_weights")
        self.leaf_weights: list[Any] = []
        self.n_leaf_vectors = 0
        if self.vector:
            self.leaf_weights = as_list(tree.get("leaf_weights"), f"{what}'s leaf_weights")
        cats = {key: as_list(tree.get(key, []), f"{what}'s {key}") for key in _CATEGORY_KEYS}
        for key in ("categories_segments", "categories_sizes"):
            if len(cats[key]) != len(cats["categories_nodes"]):
                raise FormatError(
                    f"{what}'s {key} has {len(cats[key])} items instead of "
                    f"{len(cats['categories_nodes'])}"
                )
        self.cats = cats
        self.width = width

    def check_lengths(self) -> None:
        """The base weights and leaf vectors against the node count and leaf width."""
        what, width = self.what, self.width
        if len(self.base) != self.n * max(width, 1):
            raise FormatError(
                f"{what} has {len(self.base)} base_weights for {self.n} nodes of width {width}"
            )
        if self.vector:
            if len(self.leaf_weights) % width:
                raise FormatError(
                    f"{what} has {len(self.leaf_weights)} leaf_weights, not rows of {width}"
                )
            self.n_leaf_vectors = len(self.leaf_weights) // width


_CATEGORY_KEYS = ("categories", "categories_nodes", "categories_segments", "categories_sizes")
_INT_KEYS = (
    "left_children",
    "right_children",
    "parents",
    "split_indices",
    "split_type",
    "default_left",
)
_NUMBER_KEYS = ("split_conditions", "loss_changes", "sum_hessian")
#: Tree levels checked in bulk; the trees deeper than that are walked node by node.
_BULK_LEVELS = 64


def _trees(trees: list[Any], num_feature: int) -> None:
    """Check every tree of a model, all trees at once (their nodes joined in one array).

    Per tree: ``tree_param`` and the lengths of the per-node arrays; every
    item an integer or a number; per node, a leaf's right entry (-1, or its
    row of leaf vectors), a split's feature below ``num_feature``, the split
    type 0 or 1; the children forming one tree from node 0 (none pointing back
    at node 0, every one in range, no node reached twice, at most
    ``num_deleted`` nodes unreached); the parents matching the children; the
    categorical segments inside the category array, category codes below
    2**31, and every categorical split with its categories.
    """
    specs = []
    total = 0
    for i, tree in enumerate(trees):
        spec = _Tree(tree, i, num_feature)
        total += spec.n
        if total > MAX_NODES:
            raise FormatError(f"the trees have more than {MAX_NODES:,} nodes")
        specs.append(spec)
    if not specs:
        return
    names = [spec.what for spec in specs]
    cols = {
        key: _joined([s.lists[key] for s in specs], [f"{w}'s {key}" for w in names], integer=True)
        for key in _INT_KEYS
    }
    for key in _NUMBER_KEYS:
        _joined([s.lists[key] for s in specs], [f"{w}'s {key}" for w in names], integer=False)
    _joined([s.base for s in specs], [f"{w}'s base_weights" for w in names], integer=False)
    vectors = [s for s in specs if s.vector]
    _joined(
        [s.leaf_weights for s in vectors],
        [f"{s.what}'s leaf_weights" for s in vectors],
        integer=False,
    )
    for spec in specs:
        spec.check_lengths()

    sizes = np.asarray([s.n for s in specs], dtype=np.int64)
    offset = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    tree_of = np.repeat(np.arange(len(specs)), sizes)
    local = np.arange(int(sizes.sum()), dtype=np.int64) - offset[tree_of]
    left, right, split = cols["left_children"], cols["right_children"], cols["split_indices"]
    split_type, parents = cols["split_type"], cols["parents"]

    def where(g: int) -> tuple[str, int]:
        return names[int(tree_of[g])], int(local[g])

    # per node, in node order: a leaf's right entry, a split's feature, the split type
    leaf = left == -1
    rows = np.asarray([s.n_leaf_vectors for s in specs], dtype=np.int64)[tree_of]
    vector = np.asarray([s.vector for s in specs], dtype=bool)[tree_of]
    bad_leaf = leaf & np.where(vector, (right < 0) | (right >= rows), right != -1)
    bad_split = ~leaf & ((split < 0) | (split >= num_feature))
    bad_type = (split_type != 0) & (split_type != 1)
    g = _first(bad_leaf | bad_split | bad_type)
    if g < left.size:
        what, node = where(g)
        start = g - node  # the first problem of this tree: its first node with one
        node_first = _first((bad_leaf | bad_split)[start : start + sizes[tree_of[g]]])
        type_first = _first(bad_type[start : start + sizes[tree_of[g]]])
        if node_first <= type_first:
            at = start + node_first
            if bad_leaf[at] and vector[at]:
                raise FormatError(f"{what} has a leaf {node_first} with the leaf row {right[at]}")
            if bad_leaf[at]:
                raise FormatError(f"{what} has node {node_first} with only a right child")
            raise FormatError(
                f"{what} splits node {node_first} on feature {split[at]}, the model has "
                f"{num_feature}"
            )
        raise FormatError(
            f"{what} has the split type {split_type[start + type_first]} at node {type_first}"
        )

    child, owner, deep = _edges(left, right, sizes, offset, tree_of, local, specs)
    root = parents[offset]
    bad_root = ~np.isin(root, np.asarray(_INVALID_PARENT, dtype=np.int64))
    if bad_root.any():
        t = _first(bad_root)
        raise FormatError(f"{names[t]} gives the root the parent {root[t]}")
    for t in deep:  # too deep to check in bulk: node by node
        lo, n = int(offset[t]), int(sizes[t])
        tl, tr = left[lo : lo + n], right[lo : lo + n]
        order = check_binary_tree(
            tl.tolist(),
            tr.tolist(),
            names[t],
            is_leaf=lambda node, _child, tl=tl: tl[node] == -1,
            allow_unreached=specs[t].n_deleted,
        )
        inner = np.asarray([i for i in order if tl[i] != -1], dtype=np.int64)
        child = np.concatenate([child, tl[inner] + lo, tr[inner] + lo])
        owner = np.concatenate([owner, inner + lo, inner + lo])
    wrong = parents[child] != local[owner]
    if wrong.any():
        c = int(child[_first(wrong)])
        what, node = where(c)
        raise FormatError(f"{what} gives node {node} the parent {parents[c]}")
    _categories(specs, names, offset, sizes, left, split_type)


def _edges(
    left: np.ndarray,
    right: np.ndarray,
    sizes: np.ndarray,
    offset: np.ndarray,
    tree_of: np.ndarray,
    local: np.ndarray,
    specs: list[_Tree],
) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Walk every tree from its node 0, level by level, all trees at once.

    The checks of :func:`~modelprivacy.load.formats._checks.check_binary_tree`,
    a node being a leaf when its left child is -1. Returns the edges reached
    (global child, global parent) and the trees deeper than
    :data:`_BULK_LEVELS` levels, which the caller walks node by node.
    """
    names = [s.what for s in specs]
    seen = np.zeros(left.size, dtype=bool)
    seen[offset] = True
    frontier = offset.copy()
    children: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    deep: list[int] = []
    for _ in range(_BULK_LEVELS):
        inner = frontier[left[frontier] != -1]
        if not inner.size:
            break
        kids = np.concatenate([left[inner], right[inner]])  # node numbers within each tree
        owner = np.concatenate([inner, inner])
        tree = tree_of[owner]
        back = _first(kids == 0)
        if back < kids.size:
            raise FormatError(
                f"{names[tree[back]]} has a cycle: node {local[owner[back]]} points back at node 0"
            )
        n_of = sizes[tree]
        out = _first((kids < 1) | (kids >= n_of))
        if out < kids.size:
            raise FormatError(
                f"{names[tree[out]]} has a child index {kids[out]} out of range 1..{n_of[out] - 1}"
            )
        kids = kids + offset[tree]
        ordered = np.sort(kids)
        twice = ordered[1:][ordered[1:] == ordered[:-1]]
        again = kids[seen[kids]]
        if twice.size or again.size:
            g = int(again[0] if again.size else twice[0])
            raise FormatError(
                f"{names[tree_of[g]]} reaches node {local[g]} twice (a cycle or a shared child)"
            )
        seen[kids] = True
        children.append(kids)
        owners.append(owner)
        frontier = kids
    else:
        deep = sorted(set(tree_of[frontier[left[frontier] != -1]].tolist()))
    reached = np.bincount(tree_of[seen], minlength=len(specs))
    allowed = np.asarray([s.n_deleted for s in specs], dtype=np.int64)
    unreached = sizes - reached
    bad = unreached > allowed
    if deep:
        bad[deep] = False
    if bad.any():
        t = _first(bad)
        raise FormatError(f"{names[t]} has {unreached[t]} nodes that node 0 does not reach")
    child = np.concatenate(children) if children else np.zeros(0, dtype=np.int64)
    owner = np.concatenate(owners) if owners else np.zeros(0, dtype=np.int64)
    if deep:
        keep = ~np.isin(tree_of[owner], deep)
        child, owner = child[keep], owner[keep]
    return child, owner, deep


def _categories(
    specs: list[_Tree],
    names: list[str],
    offset: np.ndarray,
    sizes: np.ndarray,
    left: np.ndarray,
    split_type: np.ndarray,
) -> None:
    """Categorical segments inside each tree's category array; every categorical split listed."""
    joined = {}
    for key in _CATEGORY_KEYS:
        joined[key] = _joined(
            [s.cats[key] for s in specs],
            [f"{w}'s categories" if key == "categories" else w for w in names],
            integer=True,
        )
    counts = np.asarray([len(s.cats["categories_nodes"]) for s in specs], dtype=np.int64)
    tree = np.repeat(np.arange(len(specs)), counts)
    nodes, segments = joined["categories_nodes"], joined["categories_segments"]
    lengths = joined["categories_sizes"]
    n_cats = np.asarray([len(s.cats["categories"]) for s in specs], dtype=np.int64)[tree]
    inside = (nodes >= 0) & (nodes < sizes[tree])
    at = np.where(inside, nodes + offset[tree], 0)
    not_split = ~inside | (left[at] == -1) | (split_type[at] != 1)
    # no sum that could overflow: start and size each within the category array
    beyond = (segments < 0) | (lengths < 0) | (segments > n_cats) | (lengths > n_cats - segments)
    first = _first(not_split | beyond)
    if first < nodes.size:
        what = names[int(tree[first])]
        if not_split[first]:
            raise FormatError(
                f"{what} has categories for node {nodes[first]}, not a categorical split"
            )
        raise FormatError(
            f"{what} has a category segment {segments[first]}+{lengths[first]} beyond "
            f"{n_cats[first]}"
        )
    codes = joined["categories"]
    bad_code = (codes < 0) | (codes >= 2**31)
    if bad_code.any():
        per_tree = np.asarray([len(s.cats["categories"]) for s in specs], dtype=np.int64)
        t = int(np.repeat(np.arange(len(specs)), per_tree)[_first(bad_code)])
        raise FormatError(f"{names[t]} has a category code out of range")
    categorical = np.flatnonzero((split_type == 1) & (left != -1))
    listed = np.isin(categorical, at[inside])
    if not listed.all():
        g = int(categorical[_first(~listed)])
        t = int(np.searchsorted(offset, g, side="right") - 1)
        raise FormatError(f"{names[t]} has a categorical split without its categories")


def _gbtree(model: Any, num_feature: int, n_groups: int, where: str) -> int:
    model = as_dict(model, f"{where} model")
    param = as_dict(model.get("gbtree_model_param"), "gbtree_model_param")
    num_trees = as_int(param.get("num_trees"), "num_trees", 0, MAX_NODES)
    as_int(param.get("num_parallel_tree", 1), "num_parallel_tree", 0, MAX_NODES)
    trees = as_list(model.get("trees"), "trees", num_trees)
    info = _int_array(as_list(model.get("tree_info"), "tree_info", num_trees), "tree_info")
    if ((info < 0) | (info >= max(n_groups, 1))).any():
        raise FormatError(f"tree_info names an output group outside 0..{max(n_groups, 1) - 1}")
    if "iteration_indptr" in model:
        ptr = _int_array(as_list(model["iteration_indptr"], "iteration_indptr"), "iteration_indptr")
        if not ptr.size or ptr[0] != 0 or ptr[-1] != num_trees or (np.diff(ptr) < 0).any():
            raise FormatError("iteration_indptr does not count the trees from 0 to num_trees")
    _trees(trees, num_feature)
    return num_trees


def _base_score(value: Any) -> None:
    """``base_score`` a number, or text of one or of a bracketed list of them (XGBoost 3).

    XGBoost refuses other text itself, but with a message that carries its build's
    time stamp and source path; this one names the field.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return
    if not isinstance(value, str) or len(value) > 10_000_000:
        raise FormatError("base_score is not a number")
    text = value.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    try:
        for part in text.split(","):
            float(part)
    except ValueError:
        raise FormatError(f"base_score {value[:40]!r} is not a number") from None


def check_model(doc: Any) -> None:
    """Validate an XGBoost model document (the parsed JSON or UBJSON).

    Parameters
    ----------
    doc : object
        What :func:`json.loads` or the UBJSON decoder returned.

    Raises
    ------
    FormatError
        With a short description of the first problem found.
    """
    doc = as_dict(doc, "the document")
    version = as_list(doc.get("version"), "version")
    if not 1 <= len(version) <= 3:
        raise FormatError("version is not [major, minor, patch]")
    ints(version, "version")
    learner = as_dict(doc.get("learner"), "learner")
    param = as_dict(learner.get("learner_model_param"), "learner_model_param")
    num_feature = as_int(param.get("num_feature"), "num_feature", 0, MAX_FEATURES)
    num_class = as_int(param.get("num_class", 0), "num_class", 0, _MAX_CLASSES)
    num_target = as_int(param.get("num_target", 1), "num_target", 1, _MAX_CLASSES)
    _base_score(param.get("base_score", "0.5"))
    for key in ("feature_names", "feature_types"):
        names = as_list(learner.get(key, []), key)
        if names and len(names) != num_feature:
            raise FormatError(f"{key} has {len(names)} entries for {num_feature} features")
        if not all(isinstance(s, str) for s in names):
            raise FormatError(f"{key} holds something that is not text")
    objective = as_dict(learner.get("objective"), "objective")
    if not isinstance(objective.get("name"), str):
        raise FormatError("the objective has no name")
    as_dict(learner.get("attributes", {}), "attributes")
    booster = as_dict(learner.get("gradient_booster"), "gradient_booster")
    name = booster.get("name")
    n_groups = max(num_class, num_target, 1)
    if name == "gbtree":
        _gbtree(booster.get("model"), num_feature, n_groups, "gbtree")
    elif name == "dart":
        inner = as_dict(booster.get("gbtree"), "dart's gbtree")
        num_trees = _gbtree(inner.get("model"), num_feature, n_groups, "dart")
        drop = as_list(booster.get("weight_drop"), "weight_drop", num_trees)
        numbers(drop, "weight_drop")
    elif name == "gblinear":
        model = as_dict(booster.get("model"), "gblinear model")
        weights = as_list(model.get("weights"), "gblinear weights", (num_feature + 1) * n_groups)
        numbers(weights, "gblinear weights")
    else:
        raise FormatError(f"the booster {str(name)[:40]!r} is not gbtree, dart or gblinear")


def check_pickled_buffer(buf: bytes | bytearray) -> None:
    """Validate the buffer of a pickled ``xgboost.Booster`` (``{"Config", "Model"}``).

    Parameters
    ----------
    buf : bytes or bytearray
        The ``handle`` bytes of the pickled state.

    Raises
    ------
    FormatError
        The bytes are not an XGBoost serialisation or fail :func:`check_model`.
    """
    from modelprivacy.load.formats._ubjson import UBJSONError, decode

    data = bytes(buf)
    if not data.startswith(b"{"):
        raise FormatError(
            "the booster bytes are not XGBoost's UBJSON serialisation (an XGBoost older than "
            "1.0 wrote another format)"
        )
    try:
        doc = decode(data, max_values=max(4 * len(data), 1024))
    except UBJSONError as exc:
        raise FormatError(f"the booster bytes are not valid UBJSON ({exc})") from None
    doc = as_dict(doc, "the booster state")
    if set(doc) != {"Config", "Model"}:
        raise FormatError("the booster state is not {Config, Model}")
    config = as_dict(as_dict(doc["Config"], "Config").get("learner"), "Config learner")
    generic = as_dict(config.get("generic_param", {}), "Config generic_param")
    device = generic.get("device", "cpu")
    if not isinstance(device, str) or len(device) > 40:
        raise FormatError("Config names an invalid device")
    check_model(doc["Model"])


def _load(data: bytes, subject: str, fmt: NativeFormat, doc: Any) -> tuple[Any, tuple[str, ...]]:
    try:
        check_model(doc)
    except FormatError as exc:
        raise load_error(subject, fmt.title, str(exc)) from None
    xgb = require(fmt, subject)
    booster = xgb.Booster()
    try:
        booster.load_model(bytearray(data))
    except xgb.core.XGBoostError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "XGBoostError"
        raise load_error(subject, fmt.title, f"XGBoost refused it ({first[:160]})") from None
    if _written_by(doc, xgb.__version__):
        # the file is what this XGBoost writes again (as JSON, or the same document as
        # UBJSON, where numbers are the float32 values themselves): no dump and parse
        from modelprivacy.models.xgboost import adopt_json

        adopt_json(booster, doc)
    return booster, ()


def _written_by(doc: dict[str, Any], version: str) -> bool:
    """Whether ``doc["version"]`` is the XGBoost ``version`` running (its first three numbers)."""
    try:
        running = [int(part) for part in version.split("+")[0].split(".")[:3]]
    except ValueError:  # a development or release-candidate suffix: no promise
        return False
    return doc.get("version") == running


def _load_json(data: bytes, subject: str) -> tuple[Any, tuple[str, ...]]:
    try:
        doc = parse_json(data)
    except FormatError as exc:
        raise load_error(subject, JSON.title, str(exc)) from None
    return _load(data, subject, JSON, doc)


def _load_ubj(data: bytes, subject: str) -> tuple[Any, tuple[str, ...]]:
    from modelprivacy.load.formats._ubjson import UBJSONError, decode

    try:
        doc = decode(data, max_values=max(4 * len(data), 1024))
    except UBJSONError as exc:
        raise load_error(subject, UBJ.title, f"it is not valid UBJSON ({exc})") from None
    return _load(data, subject, UBJ, doc)


JSON = register_format(
    NativeFormat(
        name="xgboost-json",
        title="an XGBoost JSON model",
        library="xgboost",
        extra="xgboost",
        detect=_detect_json,
        load=_load_json,
    )
)
UBJ = register_format(
    NativeFormat(
        name="xgboost-ubj",
        title="an XGBoost UBJSON model",
        library="xgboost",
        extra="xgboost",
        detect=_detect_ubj,
        load=_load_ubj,
    )
)
