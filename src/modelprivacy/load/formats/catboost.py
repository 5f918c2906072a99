"""CatBoost's model files: binary ``.cbm`` and JSON (``save_model(format="json")``).

- ``.cbm`` starts with the magic ``CBM1`` and the 32-bit little-endian size
  of the model core (a FlatBuffers table), which must fit inside the file;
  :func:`check_cbm` checks that much as data, then reads the trees table
  of the FlatBuffers core with bounds-checked reads: tree start offsets the
  running sum of the tree sizes, the sizes adding up to ``TreeSplits``, split
  indices not negative, and for oblivious trees split indices inside the
  binary features and ``2**depth`` leaf values per dimension and leaf weights
  (non-symmetric trees leave their upper bound and leaf map to CatBoost, whose
  own files index beyond ``RepackedBins`` there; CatBoost's own verifier checks
  the layout, not these; a tampered start offset loads and then crashes an
  export of the model).
- JSON is parsed with :mod:`json` and validated by :func:`check_json`: the
  ``features_info`` arrays, and for each of the ``oblivious_trees`` its splits
  (feature indices in range), ``leaf_values`` (``2**depth`` times the
  dimension) and ``leaf_weights`` (``2**depth``), with a bounded depth; the
  nested ``trees`` of Depthwise and Lossguide models node by node (splits as
  above, leaves of one value per dimension and a weight, a bounded depth).

Then ``.cbm`` bytes go to ``catboost.CatBoost().load_model(blob=...)``, from
memory. CatBoost 1.2 reads JSON only from a file (``blob`` is always parsed as
``.cbm``), so validated JSON is written to a private temporary copy under a
name of this module's own, loaded, and removed. A loaded model gets the
feature count CatBoost leaves at 0 (:func:`set_feature_count`), and the
category strings of JSON saved with a pool, which CatBoost drops, are kept
for the inspection (:func:`modelprivacy.models.catboost.remember_category_strings`).
The pickled state of a CatBoost model carries the same ``.cbm``
bytes, which the restricted unpickler checks with :func:`check_cbm` first.
"""

from __future__ import annotations

import struct
from typing import Any

from modelprivacy.load.formats import NativeFormat, register_format, require
from modelprivacy.load.formats._checks import (
    MAX_NODES,
    FormatError,
    as_dict,
    as_int,
    as_list,
    load_error,
    numbers,
    parse_json,
)

__all__ = ["check_cbm", "check_json", "load_json_copy", "set_feature_count"]

_MAGIC = b"CBM1"
#: Deepest oblivious tree accepted (CatBoost itself allows 16).
MAX_DEPTH = 16


def _detect_cbm(data: bytes) -> bool:
    return data.startswith(_MAGIC)


def _detect_json(data: bytes) -> bool:
    head = data[:256].lstrip()
    return head.startswith(b"{") and any(
        key in head[:80]
        for key in (b'"ctr_data"', b'"features_info"', b'"oblivious_trees"', b'"model_info"')
    )


def check_cbm(data: bytes | bytearray) -> None:
    """Validate the header of a ``.cbm`` model.

    Parameters
    ----------
    data : bytes
        The model bytes.

    Raises
    ------
    FormatError
        Not ``CBM1``, or a core size that does not fit in the bytes.
    """
    if not bytes(data[:4]) == _MAGIC:
        raise FormatError(
            f"it does not start with CatBoost's magic bytes CBM1 ({bytes(data[:4])!r})"
        )
    if len(data) < 8:
        raise FormatError("it is truncated after its magic bytes")
    (core,) = struct.unpack("<I", bytes(data[4:8]))
    if core < 8 or core > len(data) - 8:
        raise FormatError(f"its model core declares {core:,} bytes, the file has {len(data) - 8:,}")
    _check_trees(_Flat(bytes(data[8 : 8 + core])))


class _Flat:
    """Bounds-checked reads of a FlatBuffers buffer (tables, scalars, vectors of 32-bit items)."""

    def __init__(self, buf: bytes) -> None:
        self.buf = buf

    def _u32(self, at: int, what: str) -> int:
        if not 0 <= at <= len(self.buf) - 4:
            raise FormatError(f"its {what} lies outside the model core")
        return int(struct.unpack_from("<I", self.buf, at)[0])

    def field(self, table: int, index: int, what: str) -> int | None:
        """The position of field ``index`` of the table at ``table``, or None when absent."""
        vtable = table - struct.unpack("<i", struct.pack("<I", self._u32(table, what)))[0]
        if not 0 <= vtable <= len(self.buf) - 4:
            raise FormatError(f"its {what} has a vtable outside the model core")
        (size,) = struct.unpack_from("<H", self.buf, vtable)
        if vtable + 4 + 2 * index + 2 > min(vtable + size, len(self.buf)):
            return None
        (offset,) = struct.unpack_from("<H", self.buf, vtable + 4 + 2 * index)
        return table + offset if offset else None

    def table(self, at: int, what: str) -> int:
        return at + self._u32(at, what)

    def _vector(self, at: int, what: str, item: int) -> tuple[int, int]:
        """Where the vector whose offset is at ``at`` starts, and its item count, checked."""
        start = at + self._u32(at, what)
        n = self._u32(start, what)
        if n > (len(self.buf) - start - 4) // item:
            raise FormatError(f"its {what} declares {n:,} items beyond the model core")
        return start, n

    def ints(self, at: int | None, what: str, *, signed: bool = True) -> list[int]:
        """The vector of 32-bit integers whose offset is at ``at`` (empty when absent)."""
        if at is None:
            return []
        start, n = self._vector(at, what, 4)
        return list(struct.unpack_from(f"<{n}{'i' if signed else 'I'}", self.buf, start + 4))

    def length(self, at: int | None, what: str, item: int) -> int:
        """The item count of the vector whose offset is at ``at`` (0 when absent)."""
        return 0 if at is None else self._vector(at, what, item)[1]


# Fields of CatBoost's TModelTrees table (catboost/libs/model/flatbuffers/model.fbs).
_APPROX_DIMENSION, _TREE_SPLITS, _TREE_SIZES, _TREE_STARTS = 0, 1, 2, 3
_LEAF_VALUES, _LEAF_WEIGHTS, _STEP_NODES, _NODE_TO_LEAF, _REPACKED_BINS = 8, 9, 10, 11, 17


def _check_trees(flat: _Flat) -> None:
    """The trees of a ``.cbm`` core: sizes, start offsets, split indices and leaf counts.

    CatBoost's own FlatBuffers verifier checks the layout, not that the trees
    index inside their arrays: a tree start offset beyond ``TreeSplits`` loads,
    and exporting the model then reads out of bounds (SIGSEGV).
    """
    root = flat.table(0, "root table")
    at = flat.field(root, 1, "model core")
    if at is None:
        raise FormatError("it has no trees")
    trees = flat.table(at, "trees table")
    dim_at = flat.field(trees, _APPROX_DIMENSION, "trees table")
    dimension = 1 if dim_at is None else flat._u32(dim_at, "approx dimension")
    if not 1 <= dimension <= 1_000_000:
        raise FormatError(f"its approx dimension {dimension:,} is outside 1..1,000,000")
    splits = flat.ints(flat.field(trees, _TREE_SPLITS, "trees table"), "TreeSplits")
    sizes = flat.ints(flat.field(trees, _TREE_SIZES, "trees table"), "TreeSizes")
    starts = flat.ints(flat.field(trees, _TREE_STARTS, "trees table"), "TreeStartOffsets")
    if len(starts) != len(sizes):
        raise FormatError(f"it has {len(starts)} tree start offsets for {len(sizes)} trees")
    position = 0
    for i, (size, start) in enumerate(zip(sizes, starts, strict=True)):
        if size < 0 or start != position:
            raise FormatError(f"tree {i} has the size {size} at the offset {start}")
        position += size
    if position != len(splits):
        raise FormatError(f"its trees' sizes add up to {position}, not its {len(splits)} splits")
    n_bins = flat.length(flat.field(trees, _REPACKED_BINS, "trees table"), "RepackedBins", 4)
    if splits and min(splits) < 0:
        raise FormatError(f"a tree splits on a binary feature outside 0..{n_bins - 1}")
    n_steps = flat.length(flat.field(trees, _STEP_NODES, "trees table"), "step nodes", 4)
    if n_steps:
        # non-symmetric trees: the leaf map is CatBoost's to check, and so is the upper bound of
        # their splits, which index beyond RepackedBins in files CatBoost itself writes (333
        # against 307 bins in a Depthwise model whose leaves were merged, loaded and predicted
        # with by CatBoost)
        return
    if splits and n_bins and max(splits) >= n_bins:
        raise FormatError(f"a tree splits on a binary feature outside 0..{n_bins - 1}")
    if any(size > MAX_DEPTH for size in sizes):
        raise FormatError(f"an oblivious tree is more than {MAX_DEPTH} deep")
    leaves = sum(2**size for size in sizes)
    values = flat.length(flat.field(trees, _LEAF_VALUES, "trees table"), "LeafValues", 8)
    if values != leaves * dimension:
        raise FormatError(f"it has {values:,} leaf values for {leaves:,} leaves of {dimension}")
    weights = flat.length(flat.field(trees, _LEAF_WEIGHTS, "trees table"), "LeafWeights", 8)
    if weights not in (0, leaves):
        raise FormatError(f"it has {weights:,} leaf weights for {leaves:,} leaves")


def check_json(doc: Any) -> None:
    """Validate a CatBoost JSON model document.

    Parameters
    ----------
    doc : object
        The parsed JSON.

    Raises
    ------
    FormatError
        With a short description of the first problem found.
    """
    doc = as_dict(doc, "the document")
    info = as_dict(doc.get("features_info", {}), "features_info")
    floats = as_list(info.get("float_features", []), "float_features")
    cats = as_list(info.get("categorical_features", []), "categorical_features")
    for i, feature in enumerate(floats):
        feature = as_dict(feature, f"float feature {i}")
        borders = as_list(feature.get("borders", []), f"float feature {i}'s borders")
        numbers(borders, f"float feature {i}'s borders")
        as_int(feature.get("feature_index", i), f"float feature {i}'s index", 0, MAX_NODES)
    for i, feature in enumerate(cats):
        as_dict(feature, f"categorical feature {i}")
    dimension = 1
    scale_bias = doc.get("scale_and_bias")
    if isinstance(scale_bias, list) and len(scale_bias) == 2 and isinstance(scale_bias[1], list):
        dimension = max(len(scale_bias[1]), 1)
    if "oblivious_trees" not in doc:
        if "trees" not in doc:
            raise FormatError("it has neither oblivious_trees nor trees")
        _check_nested(as_list(doc["trees"], "trees"), len(floats), len(cats), dimension)
        return
    trees = as_list(doc["oblivious_trees"], "oblivious_trees")
    total = 0
    for t, tree in enumerate(trees):
        what = f"oblivious tree {t}"
        tree = as_dict(tree, what)
        raw = tree.get("splits")
        # a tree of no split (depth 0) is written with "splits": null
        splits = as_list([] if raw is None else raw, f"{what}'s splits")
        depth = len(splits)
        if depth > MAX_DEPTH:
            raise FormatError(f"{what} is {depth} deep, more than {MAX_DEPTH}")
        for s, split in enumerate(splits):
            _check_split(split, f"{what}'s split {s}", len(floats), len(cats))
        leaves = 2**depth
        values = as_list(tree.get("leaf_values"), f"{what}'s leaf_values")
        numbers(values, f"{what}'s leaf_values")
        if len(values) != leaves * dimension and len(values) % leaves:
            raise FormatError(f"{what} has {len(values)} leaf_values for {leaves} leaves")
        weights = as_list(tree.get("leaf_weights", [0] * leaves), f"{what}'s leaf_weights", leaves)
        numbers(weights, f"{what}'s leaf_weights")
        total += leaves
        if total > MAX_NODES:
            raise FormatError(f"the trees have more than {MAX_NODES:,} leaves")


def _check_split(split: Any, what: str, n_floats: int, n_cats: int) -> None:
    split = as_dict(split, what)
    if "float_feature_index" in split:
        as_int(split["float_feature_index"], f"{what}'s feature", 0, n_floats - 1)
        numbers([split.get("border", 0.0)], f"{what}'s border")
    if "cat_feature_index" in split:
        as_int(split["cat_feature_index"], f"{what}'s feature", 0, max(n_cats - 1, 0))


def _check_nested(trees: list[Any], n_floats: int, n_cats: int, dimension: int) -> None:
    """Validate non-symmetric (Depthwise, Lossguide) trees: nested split/left/right nodes.

    Walked without recursion; every node is a ``{"split", "left", "right"}``
    split (feature indices in range, a numeric border) or a ``{"value",
    "weight"}`` leaf (``dimension`` values), at most :data:`MAX_DEPTH` deep.
    """
    total = 0
    for t, tree in enumerate(trees):
        what = f"tree {t}"
        stack: list[tuple[Any, int]] = [(tree, 0)]
        while stack:
            node, depth = stack.pop()
            node = as_dict(node, f"a node of {what}")
            if "split" in node:
                if depth >= MAX_DEPTH:
                    raise FormatError(f"{what} is more than {MAX_DEPTH} deep")
                _check_split(node["split"], f"a split of {what}", n_floats, n_cats)
                if "left" not in node or "right" not in node:
                    raise FormatError(f"a split of {what} lacks a left or right child")
                stack += [(node["left"], depth + 1), (node["right"], depth + 1)]
                continue
            value = node.get("value")
            values = value if isinstance(value, list) else [value]
            numbers(values, f"a leaf value of {what}")
            if len(values) != dimension:
                raise FormatError(
                    f"a leaf of {what} has {len(values)} values where the model has {dimension}"
                )
            numbers([node.get("weight", 0.0)], f"a leaf weight of {what}")
            total += 1
            if total > MAX_NODES:
                raise FormatError(f"the trees have more than {MAX_NODES:,} leaves")


def _catboost_error(cb: Any) -> type[BaseException]:
    return getattr(cb, "CatBoostError", Exception)


def _load_with(
    fmt: NativeFormat, data: bytes, subject: str, kind: str, doc: Any = None
) -> tuple[Any, tuple[str, ...]]:
    cb = require(fmt, subject)
    model = cb.CatBoost()
    try:
        if kind == "cbm":
            model.load_model(blob=bytes(data))
        else:
            load_json_copy(model, data)
    except (_catboost_error(cb), ValueError) as exc:
        # a tampered .cbm can load with metadata that CatBoost's Python side then fails to
        # decode (UnicodeDecodeError, JSONDecodeError: both ValueErrors)
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise load_error(subject, fmt.title, f"CatBoost refused it ({first[:160]})") from None
    set_feature_count(model)
    if doc is not None:
        from modelprivacy.models.catboost import remember_category_strings

        remember_category_strings(model, doc)
    return model, ()


def set_feature_count(model: Any) -> None:
    """Give a loaded model the feature count CatBoost leaves at 0: its features' number.

    CatBoost 1.2 sets ``n_features_in_`` from the training data only; a model
    loaded from a file (or a pickle) reports 0, and every check of the data's
    columns would refuse the training data. The count is the number of
    features the model declares (``feature_names_``: every input column, used
    in a split or not).

    Parameters
    ----------
    model : catboost.CatBoost
        A loaded model; changed in place when it reports no features.
    """
    try:
        if not model.is_fitted() or model.n_features_in_:
            return
        names = model.feature_names_
    except Exception:  # CatBoostError: nothing to fix
        return
    if isinstance(names, list) and names:
        model._n_features_in = len(names)


def load_json_copy(model: Any, data: bytes) -> None:
    """Load validated JSON bytes through a private copy (CatBoost reads JSON only from a file).

    The copy is written by this module to a fresh directory only this user can
    read (``tempfile.mkdtemp``), under a name of its own, and removed at once:
    no path or name from the model file reaches CatBoost.
    """
    import shutil
    import tempfile
    from pathlib import Path

    folder = tempfile.mkdtemp(prefix="modelprivacy-catboost-")
    try:
        path = Path(folder) / "model.json"
        path.write_bytes(data)
        model.load_model(str(path), format="json")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _load_cbm(data: bytes, subject: str) -> tuple[Any, tuple[str, ...]]:
    try:
        check_cbm(data)
    except FormatError as exc:
        raise load_error(subject, CBM.title, str(exc)) from None
    return _load_with(CBM, data, subject, "cbm")


def _load_json(data: bytes, subject: str) -> tuple[Any, tuple[str, ...]]:
    try:
        doc = parse_json(data)
        check_json(doc)
    except FormatError as exc:
        raise load_error(subject, JSON.title, str(exc)) from None
    return _load_with(JSON, data, subject, "json", doc)


CBM = register_format(
    NativeFormat(
        name="catboost-cbm",
        title="a CatBoost binary model",
        library="catboost",
        extra="catboost",
        detect=_detect_cbm,
        load=_load_cbm,
    )
)
JSON = register_format(
    NativeFormat(
        name="catboost-json",
        title="a CatBoost JSON model",
        library="catboost",
        extra="catboost",
        detect=_detect_json,
        load=_load_json,
    )
)
