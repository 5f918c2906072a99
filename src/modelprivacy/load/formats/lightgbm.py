"""LightGBM's text model files (``Booster.save_model``, ``model_to_string``).

The text is parsed and validated here (:func:`check_model_text`) before
LightGBM's own parser sees it:

- the header starts with ``tree`` and a ``version=`` line, and declares
  ``num_class``, ``num_tree_per_iteration``, ``max_feature_idx`` (bounded),
  as many ``feature_names`` and ``feature_infos`` as features, and one
  ``tree_sizes`` entry per tree that is exactly the byte size of that tree's
  block (LightGBM jumps to those offsets when it parses trees in parallel);
- each ``Tree=i`` block has ``num_leaves`` and arrays of the right lengths
  (``split_feature``, ``split_gain``, ``threshold``, ``decision_type``,
  ``left_child``, ``right_child``, ``internal_value``, ``internal_weight``,
  ``internal_count`` per internal node; ``leaf_value``, ``leaf_weight``,
  ``leaf_count`` per leaf); children are internal nodes in range or leaves
  (``~leaf``) in range, every node and leaf reached once from the root;
  split features below ``max_feature_idx + 1``; categorical splits point
  inside ``cat_boundaries``/``cat_threshold``; linear trees' leaf features in
  range;
- ``pandas_categorical`` is JSON.

The parameters section names files that LightGBM would read when the model
is trained further (``forcedsplits_filename``, ``forcedbins_filename``,
``parser_config_file``, ``machine_list_filename``...): loading does not read
them, but the loaded ``Booster.params`` would carry them into a refit, so
they are cleared, and a ``num_threads`` beyond the machine is reset, each with
a note. Then ``lightgbm.Booster(model_str=text)`` builds the model from memory.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import json
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from modelprivacy._text import printable
from modelprivacy.load.formats import NativeFormat, register_format, require
from modelprivacy.load.formats._checks import (
    MAX_FEATURES,
    MAX_NODES,
    FormatError,
    check_binary_tree,
    load_error,
)

__all__ = [
    "FILE_PARAMETERS",
    "ModelText",
    "check_model_text",
    "parse_model_text",
    "safe_parameters",
    "single_threaded",
]

#: Parameters whose value LightGBM opens as a file (training, refit, data loading).
FILE_PARAMETERS = frozenset(
    {
        "data",
        "valid",
        "input_model",
        "output_model",
        "output_result",
        "forcedsplits_filename",
        "forcedbins_filename",
        "parser_config_file",
        "machine_list_filename",
        "machine_list_file",
        "initscore_filename",
        "valid_data_initscores",
        "convert_model",
        "snapshot_freq",
    }
)
_THREAD_PARAMETERS = ("num_threads", "num_thread", "nthread", "nthreads", "n_jobs")
_PARAMETER_LINE = re.compile(r"\[([A-Za-z0-9_]+): (.*)\]")
_INTERNAL = (
    "split_feature",
    "split_gain",
    "threshold",
    "decision_type",
    "left_child",
    "right_child",
    "internal_value",
    "internal_weight",
    "internal_count",
)
_LEAF = ("leaf_value", "leaf_weight", "leaf_count")
_INTEGER = {
    "split_feature",
    "decision_type",
    "left_child",
    "right_child",
    "internal_count",
    "leaf_count",
}


def _detect(data: bytes) -> bool:
    head = data[:64].replace(b"\r\n", b"\n")
    return head.startswith(b"tree\n") and b"\nversion=" in head


def _numbers(text: str, what: str, integer: bool) -> list[Any]:
    tokens = text.split()
    try:  # the whole line at C speed; token by token only to name the bad one
        return list(map(int if integer else float, tokens))
    except ValueError:
        pass
    for token in tokens:
        try:
            int(token) if integer else float(token)
        except ValueError:
            raise FormatError(f"{what} holds {token[:30]!r}, not a number") from None
    raise AssertionError("unreachable: a token failed to convert only once")


def _int(fields: dict[str, str], key: str, what: str, low: int, high: int) -> int:
    value = fields.get(key)
    if value is None:
        raise FormatError(f"{what} has no {key}")
    try:
        n = int(value.strip())
    except ValueError:
        raise FormatError(f"{what} has {key}={value[:30]!r}, not an integer") from None
    if not low <= n <= high:
        raise FormatError(f"{what} has {key}={n}, outside {low}..{high}")
    return n


def _fields(lines: list[str], what: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in lines:
        if not line.strip():
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise FormatError(f"{what} has the line {line[:40]!r}, not key=value")
        if key in fields:
            raise FormatError(f"{what} sets {key[:40]!r} twice")
        fields[key] = value
    return fields


#: The objectives LightGBM writes into a model (``objective=<name> <options>``) and their aliases:
#: any other name makes LightGBM print a fatal error to the standard error stream before raising.
_OBJECTIVES = frozenset(
    {
        "regression", "regression_l2", "l2", "mean_squared_error", "mse", "l2_root",
        "root_mean_squared_error", "rmse", "regression_l1", "l1", "mean_absolute_error", "mae",
        "huber", "fair", "poisson", "quantile", "mape", "mean_absolute_percentage_error",
        "gamma", "tweedie", "binary", "multiclass", "softmax", "multiclassova",
        "multiclass_ova", "ova", "ovr", "cross_entropy", "xentropy", "cross_entropy_lambda",
        "xentlambda", "lambdarank", "rank_xendcg", "xendcg", "xe_ndcg", "xe_ndcg_mart",
        "xendcg_mart", "custom", "none", "null", "na",
    }
)  # fmt: skip


@dataclass(frozen=True, eq=False)
class ModelText:
    """A LightGBM text model as :func:`check_model_text` validated it.

    Attributes
    ----------
    header : dict of str to str
        The header's ``key=value`` lines (``objective``, ``num_class``,
        ``feature_names``, ``feature_infos``...), values as written.
    trees : tuple of dict
        One dict per tree: ``num_leaves`` (int) and the arrays the tree
        block holds, as lists of numbers (``split_feature``, ``threshold``,
        ``decision_type``, ``left_child``, ``right_child``, ``internal_value``,
        ``internal_count``, ``leaf_value``, ``leaf_count``...). A child ``c < 0``
        is leaf ``~c``.
    pandas_categorical : list or None
        The ``pandas_categorical`` line, parsed as JSON.
    """

    header: dict[str, str]
    trees: tuple[dict[str, Any], ...]
    pandas_categorical: list[Any] | None


def _tree(fields: dict[str, str], what: str, n_features: int) -> dict[str, Any]:
    leaves = _int(fields, "num_leaves", what, 1, MAX_NODES)
    if "shrinkage" in fields:
        _numbers(fields["shrinkage"], f"{what}'s shrinkage", False)
    n_cat = _int(fields, "num_cat", what, 0, MAX_NODES) if "num_cat" in fields else 0
    internal = leaves - 1
    arrays: dict[str, Any] = {}
    for key in _INTERNAL + _LEAF:
        if key not in fields:
            if key in ("leaf_value",) or (
                internal
                and key
                in ("split_feature", "threshold", "left_child", "right_child", "decision_type")
            ):
                raise FormatError(f"{what} has no {key}")
            continue
        values = _numbers(fields[key], f"{what}'s {key}", key in _INTEGER)
        expected = internal if key in _INTERNAL else leaves
        # LightGBM leaves leaf_weight empty when a tree is a single leaf.
        if len(values) != expected and not (key == "leaf_weight" and not values):
            raise FormatError(f"{what} has {len(values)} {key} values instead of {expected}")
        arrays[key] = values
    arrays["num_leaves"] = leaves
    if not internal:
        return arrays
    left, right = arrays["left_child"], arrays["right_child"]
    check_binary_tree(left, right, what, is_leaf=lambda node, child: child < 0)
    reached = bytearray(leaves)
    for child in (*left, *right):
        if child < 0:
            leaf = ~child
            if leaf >= leaves:
                raise FormatError(f"{what} has a child leaf {leaf} out of range 0..{leaves - 1}")
            if reached[leaf]:
                raise FormatError(f"{what} reaches leaf {leaf} twice")
            reached[leaf] = 1
    if not all(reached):
        raise FormatError(f"{what} has leaves that no node reaches")
    features = arrays["split_feature"]
    if any(not 0 <= f < n_features for f in features):
        raise FormatError(f"{what} splits on a feature outside 0..{n_features - 1}")
    decision = arrays["decision_type"]
    if any(not 0 <= d < 16 for d in decision):
        raise FormatError(f"{what} has a decision_type outside 0..15")
    categorical = [i for i, d in enumerate(decision) if d & 1]
    if categorical or n_cat:
        bounds = _numbers(fields.get("cat_boundaries", ""), f"{what}'s cat_boundaries", True)
        words = _numbers(fields.get("cat_threshold", ""), f"{what}'s cat_threshold", True)
        if len(bounds) != n_cat + 1 or bounds[0] != 0 or bounds[-1] != len(words):
            raise FormatError(f"{what} has cat_boundaries that do not index cat_threshold")
        if any(b < a for a, b in itertools.pairwise(bounds)):
            raise FormatError(f"{what} has decreasing cat_boundaries")
        if any(not 0 <= w < 2**32 for w in words):
            raise FormatError(f"{what} has a cat_threshold word out of range")
        thresholds = arrays["threshold"]
        for i in categorical:
            t = thresholds[i]
            if not (float(t).is_integer() and 0 <= t < n_cat):
                raise FormatError(f"{what} has a categorical split {i} whose index is {t}")
    if fields.get("is_linear", "0").strip() == "1":
        counts = _numbers(fields.get("num_features", ""), f"{what}'s num_features", True)
        if len(counts) != leaves or any(not 0 <= c <= n_features for c in counts):
            raise FormatError(f"{what} has num_features that do not fit its leaves")
        used = _numbers(fields.get("leaf_features", ""), f"{what}'s leaf_features", True)
        coeff = _numbers(fields.get("leaf_coeff", ""), f"{what}'s leaf_coeff", False)
        const = _numbers(fields.get("leaf_const", ""), f"{what}'s leaf_const", False)
        if len(used) != sum(counts) or len(coeff) != sum(counts) or len(const) != leaves:
            raise FormatError(f"{what} has linear leaves whose arrays do not match num_features")
        if any(not 0 <= f < n_features for f in used):
            raise FormatError(f"{what} has a linear leaf feature out of range")
    return arrays


def _check_parameters(tail: str) -> None:
    """Every line of the ``parameters:`` section ``[key: value]``, the section closed.

    LightGBM parses this section again in ``Booster.__init__``
    (``LGBM_BoosterGetLoadedParam``); a line broken in two (``[max_bi`` and
    ``: 255]``) makes that parser read out of bounds (SIGSEGV).
    """
    start = tail.find("\nparameters:\n")
    if start < 0:
        return
    close = tail.find("\nend of parameters", start)
    if close < 0:
        raise FormatError("its parameters section has no 'end of parameters' line")
    lines = tail[start + len("\nparameters:\n") : close].split("\n")
    for line in lines:
        if line and not _PARAMETER_LINE.fullmatch(line):
            raise FormatError(f"its parameters hold the line {line[:40]!r}, not [key: value]")


#: The last texts validated, with what was read from them: a booster built from one of them
#: (a file's, or a pickle's model string) is read again by the tree adapter without a parse.
_RECENT: OrderedDict[str, ModelText] = OrderedDict()
_RECENT_SIZE = 2
_RECENT_LOCK = threading.Lock()


def parse_model_text(text: str) -> ModelText:
    """What :func:`check_model_text` reads from ``text``, reused for a text validated lately.

    Parameters
    ----------
    text : str
        The whole model, as ``Booster.model_to_string`` writes it.

    Returns
    -------
    ModelText
        The header, the trees' arrays and the pandas categories.

    Raises
    ------
    FormatError
        With a short description of the first problem found.
    """
    with _RECENT_LOCK:
        known = _RECENT.get(text)
        if known is not None:
            _RECENT.move_to_end(text)
            return known
    return check_model_text(text)


def check_model_text(text: str) -> ModelText:
    """Validate a LightGBM text model.

    Parameters
    ----------
    text : str
        The whole model, as ``Booster.model_to_string`` writes it.

    Returns
    -------
    ModelText
        What was read: the header, every tree's arrays and the pandas
        categories (kept for :func:`parse_model_text` too).

    Raises
    ------
    FormatError
        With a short description of the first problem found.
    """
    given = text
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if "\x00" in text:
        raise FormatError("it contains NUL bytes")
    if not text.startswith("tree\n"):
        raise FormatError("it does not start with the line 'tree'")
    first = text.find("\nTree=")
    end = text.find("\nend of trees")
    header_text = text[: (first if first >= 0 else end if end >= 0 else len(text))]
    header = _fields(header_text.split("\n")[1:], "the header")
    if not header.get("version", "").startswith("v"):
        raise FormatError("the header has no version")
    n_features = _int(header, "max_feature_idx", "the header", 0, MAX_FEATURES - 1) + 1
    _int(header, "num_class", "the header", 1, 10**6)
    per_iteration = _int(header, "num_tree_per_iteration", "the header", 1, 10**6)
    objective = header.get("objective", "").split(" ")[0]
    if objective and objective not in _OBJECTIVES:
        raise FormatError(f"the header names the unknown objective {objective[:40]!r}")
    for key in ("feature_names", "feature_infos"):
        if key in header and len(header[key].split(" ")) != n_features:
            raise FormatError(
                f"the header has {len(header[key].split(' '))} {key} for {n_features} features"
            )
    if end < 0:
        raise FormatError("it has no 'end of trees' line")
    blocks_text = text[first + 1 : end + 1] if first >= 0 else ""
    starts = [0] if blocks_text.startswith("Tree=") else []  # every line starting "Tree="
    at = blocks_text.find("\nTree=")
    while at >= 0:
        starts.append(at + 1)
        at = blocks_text.find("\nTree=", at + 1)
    if "tree_sizes" in header:
        sizes = _numbers(header["tree_sizes"], "tree_sizes", True)
        if len(sizes) != len(starts):
            raise FormatError(f"tree_sizes has {len(sizes)} entries for {len(starts)} trees")
        encoded = blocks_text.encode("utf-8")
        offset = 0
        for i, size in enumerate(sizes):
            if size <= 0 or not encoded.startswith(f"Tree={i}\n".encode(), offset):
                raise FormatError(f"tree_sizes does not point at the start of tree {i}")
            offset += size
        if offset != len(encoded):
            raise FormatError("tree_sizes do not add up to the trees' bytes")
    if len(starts) % per_iteration:
        raise FormatError(
            f"{len(starts)} trees are not a multiple of {per_iteration} per iteration"
        )
    total = 0
    trees: list[dict[str, Any]] = []
    for i, start in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else len(blocks_text)
        lines = blocks_text[start:stop].split("\n")
        if lines[0] != f"Tree={i}":
            raise FormatError(f"tree {i} is headed {lines[0][:30]!r}")
        trees.append(_tree(_fields(lines[1:], f"tree {i}"), f"tree {i}", n_features))
        total += trees[-1]["num_leaves"]
        if total > MAX_NODES:
            raise FormatError(f"the trees have more than {MAX_NODES:,} leaves")
    tail = text[end:]
    _check_parameters(tail)
    marker = tail.rfind("\npandas_categorical:")
    cats = None
    if marker >= 0:
        value = tail[marker + len("\npandas_categorical:") :].split("\n", 1)[0]
        try:
            cats = json.loads(value)
        except (ValueError, RecursionError):
            raise FormatError("pandas_categorical is not valid JSON") from None
        if cats is not None and not isinstance(cats, list):
            raise FormatError("pandas_categorical is not a list")
    parsed = ModelText(header=header, trees=tuple(trees), pandas_categorical=cats)
    with _RECENT_LOCK:
        _RECENT[given] = parsed
        _RECENT.move_to_end(given)
        while len(_RECENT) > _RECENT_SIZE:
            _RECENT.popitem(last=False)
    return parsed


def safe_parameters(params: dict[str, Any], *, max_threads: int | None = None) -> list[str]:
    """Clear file names and reset thread counts in LightGBM parameters, in place.

    Parameters
    ----------
    params : dict
        A ``Booster.params`` or an ``LGBMModel``'s extra parameters.
    max_threads : int, optional
        The most threads allowed; ``os.cpu_count()`` by default.

    Returns
    -------
    list of str
        One note per parameter changed.
    """
    limit = max_threads or os.cpu_count() or 1
    notes: list[str] = []
    for key in list(params):
        value = params[key]
        if key in FILE_PARAMETERS and value not in (None, "", [], ()):
            params[key] = ""
            notes.append(
                f"cleared the LightGBM parameter {key} (it named a file, {str(value)[:60]!r}, "
                "that LightGBM would read or write on a refit)"
            )
        elif key in _THREAD_PARAMETERS:
            try:
                n = int(value)
            except (TypeError, ValueError):
                n = limit + 1
            if n > limit or isinstance(value, bool):
                params[key] = limit
                notes.append(
                    f"reset the LightGBM parameter {key} from {str(value)[:20]!r} to {limit} "
                    f"(more threads than the {limit} this machine allows)"
                )
    return notes


@contextlib.contextmanager
def single_threaded(lgb: Any) -> Iterator[None]:
    """Parse models with one LightGBM thread inside a contained (forked) child.

    LightGBM parses trees in an OpenMP parallel region; GNU OpenMP hangs a
    forked child whose parent already ran one (a notebook or test that trained
    a LightGBM model), and LightGBM sets its own thread count, so the
    sandbox's ``omp_set_num_threads(1)`` is not enough. Outside a child
    nothing changes.
    """
    from modelprivacy.load.sandbox import in_contained_child

    setter = getattr(getattr(lgb.basic, "_LIB", None), "LGBM_SetMaxThreads", None)
    if setter is None or not in_contained_child():
        yield
        return
    setter(ctypes.c_int(1))
    try:
        yield
    finally:
        setter(ctypes.c_int(-1))


class _Collected:
    """A LightGBM logger that keeps the lines instead of printing them."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def info(self, msg: Any) -> None:
        self.lines.append(str(msg))

    def warning(self, msg: Any) -> None:
        self.lines.append(str(msg))


@contextlib.contextmanager
def quiet_log(lgb: Any) -> Iterator[_Collected]:
    """Keep LightGBM's own log lines out of the output while it reads a file.

    LightGBM prints its warnings through Python (``print``: to standard
    output, where they corrupt a JSON report) and its fatal errors with
    ``fprintf`` to file descriptor 2, before raising the error that says the
    same. The warnings are collected (the caller makes notes of them). Inside
    a contained child, which runs no other thread while it loads, descriptor 2
    points at ``/dev/null`` meanwhile, so a refusal is the one line of the
    error message; outside one the descriptors are left alone.
    """
    import sys

    from modelprivacy.load.sandbox import in_contained_child

    basic = lgb.basic
    saved = (
        getattr(basic, "_LOGGER", None),
        getattr(basic, "_INFO_METHOD_NAME", "info"),
        getattr(basic, "_WARNING_METHOD_NAME", "warning"),
    )
    collected = _Collected()
    swapped = False
    with contextlib.suppress(Exception):
        lgb.register_logger(collected)
        swapped = True
    fd2: int | None = None
    if in_contained_child():
        try:
            sys.stderr.flush()
            fd2 = os.dup(2)
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 2)
            os.close(null)
        except OSError:
            fd2 = None
    try:
        yield collected
    finally:
        if fd2 is not None:
            os.dup2(fd2, 2)
            os.close(fd2)
        if swapped and saved[0] is not None:
            with contextlib.suppress(Exception):
                lgb.register_logger(*saved)


def _load(data: bytes, subject: str) -> tuple[Any, tuple[str, ...]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise load_error(subject, TEXT.title, f"it is not UTF-8 text (byte {exc.start})") from None
    try:
        parsed = check_model_text(text)
    except FormatError as exc:
        raise load_error(subject, TEXT.title, str(exc)) from None
    lgb = require(TEXT, subject)
    try:
        with single_threaded(lgb), quiet_log(lgb) as log:
            booster = lgb.Booster(model_str=text)
    except (lgb.basic.LightGBMError, ValueError) as exc:
        # ValueError: LightGBM writes the parameters back as JSON that Python's parser refuses
        # when a value in the file is not what its type expects (JSONDecodeError)
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise load_error(subject, TEXT.title, f"LightGBM refused it ({first[:160]})") from None
    from modelprivacy.models.lightgbm import adopt_text

    adopt_text(booster, parsed)  # the trees are read from this text, not from a dump
    notes = safe_parameters(booster.params) if isinstance(booster.params, dict) else []
    notes += [
        f"LightGBM said while reading it: {printable(line.strip(), 200)}"
        for line in dict.fromkeys(log.lines)
        if line.strip()
    ][:10]
    return booster, tuple(notes)


TEXT = register_format(
    NativeFormat(
        name="lightgbm-text",
        title="a LightGBM text model",
        library="lightgbm",
        extra="lightgbm",
        detect=_detect,
        load=_load,
    )
)
