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


def _tree(tree: Any, index: int, num_feature: int) -> int:
    what = f"tree {index}"
    tree = as_dict(tree, what)
    param = as_dict(tree.get("tree_param"), f"{what}'s tree_param")
    n = as_int(param.get("num_nodes"), f"{what}'s num_nodes", 1, MAX_NODES)
    n_deleted = as_int(param.get("num_deleted", 0), f"{what}'s num_deleted", 0, n)
    width = as_int(param.get("size_leaf_vector", 1), f"{what}'s size_leaf_vector", 0, 10**6)
    tree_features = as_int(
        param.get("num_feature", num_feature), f"{what}'s num_feature", 0, MAX_FEATURES
    )
    if tree_features > num_feature:
        raise FormatError(f"{what} declares {tree_features} features, the model {num_feature}")
    if "id" in tree and as_int(tree["id"], f"{what}'s id", 0, MAX_NODES) != index:
        raise FormatError(f"{what} has the id {tree['id']}")
    left = ints(
        as_list(tree.get("left_children"), f"{what}'s left_children", n), f"{what}'s left_children"
    )
    arrays = {key: as_list(tree.get(key), f"{what}'s {key}", n) for key in _PER_NODE}
    right = ints(arrays["right_children"], f"{what}'s right_children")
    parents = ints(arrays["parents"], f"{what}'s parents")
    split = ints(arrays["split_indices"], f"{what}'s split_indices")
    split_type = ints(arrays["split_type"], f"{what}'s split_type")
    ints(arrays["default_left"], f"{what}'s default_left")
    for key in ("split_conditions", "loss_changes", "sum_hessian"):
        numbers(arrays[key], f"{what}'s {key}")
    vector = width > 1
    base = as_list(tree.get("base_weights"), f"{what}'s base_weights")
    numbers(base, f"{what}'s base_weights")
    if len(base) != n * max(width, 1):
        raise FormatError(f"{what} has {len(base)} base_weights for {n} nodes of width {width}")
    n_leaf_vectors = 0
    if vector:
        leaf_weights = as_list(tree.get("leaf_weights"), f"{what}'s leaf_weights")
        numbers(leaf_weights, f"{what}'s leaf_weights")
        if len(leaf_weights) % width:
            raise FormatError(f"{what} has {len(leaf_weights)} leaf_weights, not rows of {width}")
        n_leaf_vectors = len(leaf_weights) // width

    def is_leaf(node: int, child: int) -> bool:
        return left[node] == -1

    for i in range(n):
        if left[i] == -1:
            if vector:
                if not 0 <= right[i] < n_leaf_vectors:
                    raise FormatError(f"{what} has a leaf {i} with the leaf row {right[i]}")
            elif right[i] != -1:
                raise FormatError(f"{what} has node {i} with only a right child")
        elif not 0 <= split[i] < num_feature:
            raise FormatError(
                f"{what} splits node {i} on feature {split[i]}, the model has {num_feature}"
            )
        if split_type[i] not in (0, 1):
            raise FormatError(f"{what} has the split type {split_type[i]} at node {i}")
    order = check_binary_tree(left, right, what, is_leaf=is_leaf, allow_unreached=n_deleted)
    if parents[0] not in _INVALID_PARENT:
        raise FormatError(f"{what} gives the root the parent {parents[0]}")
    for node in order:
        if left[node] != -1:
            for child in (left[node], right[node]):
                if parents[child] != node:
                    raise FormatError(f"{what} gives node {child} the parent {parents[child]}")
    _categories(tree, what, n, split_type, left)
    return n


def _categories(
    tree: dict[str, Any], what: str, n: int, split_type: list[int], left: list[int]
) -> None:
    cats = ints(as_list(tree.get("categories", []), f"{what}'s categories"), f"{what}'s categories")
    nodes = ints(as_list(tree.get("categories_nodes", []), f"{what}'s categories_nodes"), what)
    segments = ints(
        as_list(tree.get("categories_segments", []), f"{what}'s categories_segments", len(nodes)),
        what,
    )
    sizes = ints(
        as_list(tree.get("categories_sizes", []), f"{what}'s categories_sizes", len(nodes)), what
    )
    for node, start, size in zip(nodes, segments, sizes, strict=True):
        if not 0 <= node < n or left[node] == -1 or split_type[node] != 1:
            raise FormatError(f"{what} has categories for node {node}, not a categorical split")
        if start < 0 or size < 0 or start + size > len(cats):
            raise FormatError(f"{what} has a category segment {start}+{size} beyond {len(cats)}")
    if any(c < 0 or c >= 2**31 for c in cats):
        raise FormatError(f"{what} has a category code out of range")
    categorical = {i for i in range(n) if split_type[i] == 1 and left[i] != -1}
    if not categorical.issubset(nodes):
        raise FormatError(f"{what} has a categorical split without its categories")


def _gbtree(model: Any, num_feature: int, n_groups: int, where: str) -> int:
    model = as_dict(model, f"{where} model")
    param = as_dict(model.get("gbtree_model_param"), "gbtree_model_param")
    num_trees = as_int(param.get("num_trees"), "num_trees", 0, MAX_NODES)
    as_int(param.get("num_parallel_tree", 1), "num_parallel_tree", 0, MAX_NODES)
    trees = as_list(model.get("trees"), "trees", num_trees)
    info = ints(as_list(model.get("tree_info"), "tree_info", num_trees), "tree_info")
    if any(not 0 <= g < max(n_groups, 1) for g in info):
        raise FormatError(f"tree_info names an output group outside 0..{max(n_groups, 1) - 1}")
    if "iteration_indptr" in model:
        ptr = ints(as_list(model["iteration_indptr"], "iteration_indptr"), "iteration_indptr")
        if (
            not ptr
            or ptr[0] != 0
            or ptr[-1] != num_trees
            or any(b < a for a, b in itertools.pairwise(ptr))
        ):
            raise FormatError("iteration_indptr does not count the trees from 0 to num_trees")
    total = 0
    for i, tree in enumerate(trees):
        total += _tree(tree, i, num_feature)
        if total > MAX_NODES:
            raise FormatError(f"the trees have more than {MAX_NODES:,} nodes")
    return num_trees


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
    return booster, ()


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
