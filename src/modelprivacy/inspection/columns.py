"""The columns each part of a model was fitted on, read from the fitted model.

A value stored by an estimator inside a Pipeline or ColumnTransformer belongs
to one column of *that estimator's* input, which is not the raw training
table: a ColumnTransformer selects and reorders columns, an encoder turns
categories into codes, a scaler rescales. :func:`input_columns` replays the
structure of the fitted model (no data needed) and gives, for every nested
estimator, the columns of its input: their names (``feature_names_in_`` of the
root, then ``get_feature_names_out`` of each step where scikit-learn can give
them), what they hold, and which raw training column they come from.

What a column holds (:attr:`Column.kind`):

- ``"value"``: the training values themselves (the raw column, passed through,
  selected or imputed);
- ``"derived"``: a function of one person's values (scaled, transformed), or
  anything this module does not know;
- ``"code"``: made by an encoder inside the model (ordinal codes, one-hot
  indicators, bin numbers, target encodings). Codes are not training values:
  a stored code 3 says nothing about a raw value 3.
"""

from __future__ import annotations

import contextlib
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

from modelprivacy.inspection.walker import is_estimator, safe_getattr

__all__ = ["CODE", "DERIVED", "VALUE", "Column", "column_of_entry", "input_columns"]

VALUE = "value"
DERIVED = "derived"
CODE = "code"

# Estimators whose output columns are codes, not the values they were given.
_ENCODERS = frozenset(
    {
        "OneHotEncoder",
        "OrdinalEncoder",
        "KBinsDiscretizer",
        "TargetEncoder",
        "LabelBinarizer",
        "MultiLabelBinarizer",
        "LabelEncoder",
        "MissingIndicator",
        "Binarizer",
    }
)
# One output column per input column, holding a function of that column's values.
_ONE_TO_ONE = frozenset(
    {
        "StandardScaler",
        "MinMaxScaler",
        "MaxAbsScaler",
        "RobustScaler",
        "Normalizer",
        "PowerTransformer",
        "QuantileTransformer",
    }
)
_MAX_DEPTH = 50


@dataclass(frozen=True)
class Column:
    """One column of an estimator's input.

    Attributes
    ----------
    name : str
        The column's name (``x0``, ``x1`` ... when the model records none).
    kind : str
        ``"value"``, ``"derived"`` or ``"code"`` (see the module docstring).
    source : str or None
        The raw training column it comes from, when known.
    """

    name: str
    kind: str
    source: str | None = None


Columns = tuple[Column, ...]


def _join(path: str, attr: str) -> str:
    return f"{path}.{attr}" if path else attr


def _state(obj: Any) -> dict[str, Any] | None:
    try:
        state = getattr(obj, "__dict__", None)
    except Exception:
        return None
    return state if isinstance(state, dict) else None


def _sklearn(obj: Any) -> bool:
    return type(obj).__module__.startswith("sklearn.")


def _names_out(est: Any, cols: Columns | None) -> list[str] | None:
    """``est.get_feature_names_out()`` for scikit-learn estimators, or None."""
    if not _sklearn(est):
        return None
    method = safe_getattr(est, "get_feature_names_out")
    if not callable(method):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                names = method()
            except Exception:
                if cols is None:
                    raise
                names = method([c.name for c in cols])
        out = [str(n) for n in names]
    except Exception:
        return None
    if cols is not None and len(out) == len(cols) and out == [f"x{i}" for i in range(len(out))]:
        return [c.name for c in cols]  # fitted on an array: its input's names are better
    return out


def root_columns(estimator: Any) -> Columns | None:
    """The columns the root estimator was fitted on, from ``feature_names_in_``."""
    names = safe_getattr(estimator, "feature_names_in_")
    if isinstance(names, list) and names and all(isinstance(n, str) for n in names):
        names = np.asarray(names, dtype=object)  # interpret's EBMs keep a list
    if isinstance(names, np.ndarray) and names.ndim == 1 and names.size:
        shown = [str(n) for n in names]
    else:
        n = safe_getattr(estimator, "n_features_in_")
        if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or not 0 < n < 10**7:
            return None
        shown = [f"x{i}" for i in range(int(n))]
    return tuple(Column(name, VALUE, name) for name in shown)


def _select(cols: Columns | None, sel: Any) -> Columns | None:
    """The columns a ColumnTransformer hands to one transformer."""
    if cols is None:
        return None
    try:
        if isinstance(sel, str):
            sel = [sel]
        if isinstance(sel, slice):
            return cols[sel]
        arr = np.asarray(sel)
        if arr.ndim == 0:
            arr = arr.reshape(1)
        if arr.dtype == bool:
            if arr.size != len(cols):
                return None
            return tuple(c for c, keep in zip(cols, arr, strict=True) if keep)
        if arr.dtype.kind in "iu":
            return tuple(cols[int(i)] for i in arr)
        if arr.dtype.kind in "OU":
            by_name = {c.name: c for c in cols}
            picked = [by_name.get(str(s)) for s in arr]
            if any(c is None for c in picked):
                return None
            return tuple(c for c in picked if c is not None)
    except (IndexError, TypeError, ValueError):
        return None
    return None


def _renamed(cols: Columns, names: list[str] | None) -> Columns:
    if names is None or len(names) != len(cols):
        return cols
    return tuple(Column(n, c.kind, c.source) for n, c in zip(names, cols, strict=True))


def output_columns(est: Any, cols: Columns | None, depth: int = 0) -> Columns | None:
    """The columns an estimator's ``transform`` gives, or None when unknown.

    Parameters
    ----------
    est : estimator or str
        A fitted transformer, ``"passthrough"`` or ``"drop"``.
    cols : tuple of Column or None
        Its input columns.
    depth : int, default=0
        Nesting depth (bounded).

    Returns
    -------
    tuple of Column or None
        The output columns.
    """
    if depth > _MAX_DEPTH:
        return None
    if est is None:
        return cols
    if isinstance(est, str):
        return cols if est == "passthrough" else () if est == "drop" else None
    name = type(est).__name__
    state = _state(est) or {}
    if name == "Pipeline" and isinstance(state.get("steps"), list):
        out = cols
        for _, step in state["steps"]:
            out = output_columns(step, out, depth + 1)
        return out
    if isinstance(state.get("transformers_"), list):
        return _column_transformer_output(est, state, cols, depth)
    if name == "FeatureUnion" and isinstance(state.get("transformer_list"), list):
        parts: list[Column] = []
        for _, trans in state["transformer_list"]:
            if isinstance(trans, str) and trans == "drop":
                continue
            part = output_columns(trans, cols, depth + 1)
            if part is None:
                return None
            parts.extend(part)
        return _renamed(tuple(parts), _names_out(est, cols))
    names = _names_out(est, cols)
    if name in _ENCODERS:
        return None if names is None else tuple(Column(n, CODE) for n in names)
    if name in _ONE_TO_ONE and cols is not None:
        return _renamed(tuple(Column(c.name, _scaled(c.kind), c.source) for c in cols), names)
    if name == "SimpleImputer" and cols is not None:
        return _imputed(est, cols, names)
    if name == "FunctionTransformer" and cols is not None and _identity(est):
        return cols
    support = safe_getattr(est, "get_support")
    if callable(support) and _sklearn(est) and cols is not None:
        with contextlib.suppress(Exception):
            mask = np.asarray(support())
            if mask.dtype == bool and mask.size == len(cols):
                return tuple(c for c, keep in zip(cols, mask, strict=True) if keep)
    if names is not None:
        return tuple(Column(n, DERIVED) for n in names)
    return None


def _scaled(kind: str) -> str:
    return CODE if kind == CODE else DERIVED


def _identity(est: Any) -> bool:
    """A FunctionTransformer that passes values through (no function, or check_array)."""
    func = safe_getattr(est, "func")
    if func is None:
        return True
    inner = getattr(func, "func", None)  # functools.partial(check_array, ...)
    return getattr(inner, "__name__", "") == "check_array"


def _imputed(est: Any, cols: Columns, names: list[str] | None) -> Columns | None:
    """SimpleImputer keeps each column's values (and may drop empty ones, add indicators)."""
    by_name = {c.name: c for c in cols}
    if names is None:
        return cols
    out: list[Column] = []
    for n in names:
        if n in by_name:
            out.append(by_name[n])
        else:
            out.append(Column(n, CODE))  # missingindicator_<name>
    return tuple(out)


def _column_transformer_output(
    est: Any, state: dict[str, Any], cols: Columns | None, depth: int
) -> Columns | None:
    indices = state.get("output_indices_")
    if not isinstance(indices, dict):
        return None
    width = max((s.stop for s in indices.values() if isinstance(s, slice)), default=0)
    out: list[Column | None] = [None] * width
    for item in state["transformers_"]:
        try:
            tname, trans, sel = item
        except (TypeError, ValueError):
            return None
        where = indices.get(tname)
        if not isinstance(where, slice) or where.stop <= where.start:
            continue
        part = output_columns(trans, _select(cols, sel), depth + 1)
        if part is None or len(part) != where.stop - where.start:
            part = tuple(Column(f"x{i}", DERIVED) for i in range(where.start, where.stop))
        out[where] = list(part)
    if any(c is None for c in out):
        return None
    done = tuple(c for c in out if c is not None)
    return _renamed(done, _names_out(est, cols))


def input_columns(root: Any) -> dict[str, Columns]:
    """Map each nested estimator's path to the columns of its input.

    Parameters
    ----------
    root : estimator
        The fitted root estimator.

    Returns
    -------
    dict
        ``{estimator_path: columns}`` with paths as the walker writes them;
        estimators whose input is not known are left out.
    """
    out: dict[str, Columns] = {}
    seen: set[int] = set()

    def visit(est: Any, cols: Columns | None, p: str, depth: int) -> None:
        if depth > _MAX_DEPTH or id(est) in seen or cols is None:
            return
        seen.add(id(est))
        out[p] = cols
        state = _state(est)
        if state is None:
            return
        name = type(est).__name__
        steps = state.get("steps")
        if name == "Pipeline" and isinstance(steps, list):
            c: Columns | None = cols
            for i, item in enumerate(steps):
                step = item[1] if isinstance(item, tuple) and len(item) >= 2 else None
                if step is None or isinstance(step, str):
                    continue
                visit(step, c, f"{_join(p, 'steps')}[{i}]", depth + 1)
                c = output_columns(step, c)
            return
        transformers = state.get("transformers_")
        if isinstance(transformers, list):
            for i, item in enumerate(transformers):
                try:
                    _, trans, sel = item
                except (TypeError, ValueError):
                    continue
                if not isinstance(trans, str):
                    visit(trans, _select(cols, sel), f"{_join(p, 'transformers_')}[{i}]", depth + 1)
            return
        tlist = state.get("transformer_list")
        if name == "FeatureUnion" and isinstance(tlist, list):
            for i, (_, trans) in enumerate(tlist):
                if not isinstance(trans, str):
                    visit(trans, cols, f"{_join(p, 'transformer_list')}[{i}]", depth + 1)
            return
        pre = state.get("_preprocessor")
        binner = state.get("_bin_mapper")
        if name.startswith("HistGradientBoosting") and binner is not None:
            # the bins are fitted on the output of the internal preprocessor, which puts the
            # categorical columns first
            if pre is not None:
                visit(pre, cols, _join(p, "_preprocessor"), depth + 1)
                visit(binner, output_columns(pre, cols), _join(p, "_bin_mapper"), depth + 1)
            else:
                visit(binner, cols, _join(p, "_bin_mapper"), depth + 1)
        features = state.get("estimators_features_")
        for attr, value in list(state.items()):
            if attr in ("estimator", "estimators", "base_estimator", "final_estimator"):
                continue  # unfitted templates
            child = _join(p, attr)
            if is_estimator(value) and not isinstance(value, type):
                visit(value, cols, child, depth + 1)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, tuple) and len(item) >= 2 and isinstance(item[0], str):
                        item = item[1]
                    if not is_estimator(item):
                        continue
                    sub: Columns | None = cols
                    if attr == "estimators_" and isinstance(features, list) and i < len(features):
                        sub = _select(cols, features[i])
                    visit(item, sub, f"{child}[{i}]", depth + 1)

    try:
        visit(root, root_columns(root), "", 0)
    except Exception:  # a structure that cannot be read: its parts are matched as before
        return {}
    return out


def column_of_entry(path: str, attr: str) -> int | None:
    """The input column that one entry of a per-column list belongs to.

    ``categories_[3]`` of an encoder and ``bin_edges_[3]`` of a discretizer
    hold the values of input column 3.

    Parameters
    ----------
    path : str
        The node's path.
    attr : str
        The node's attribute name.

    Returns
    -------
    int or None
        The column, or None when the node is not one entry of such a list.
    """
    if attr not in ("categories_", "bin_edges_"):
        return None
    head = f"{attr}["
    at = path.rfind(head)
    if at < 0 or not path.endswith("]"):
        return None
    inner = path[at + len(head) : -1]
    return int(inner) if inner.isdigit() else None
