"""Walk the fitted object graph of an estimator.

The walker visits everything reachable from a fitted estimator: public and
private attributes (``vars()``, so ``_fit_X``, ``_y`` and ``_bin_mapper`` too),
lists, tuples, dicts (keys too), numpy arrays (object arrays element by element,
structured arrays field by field), scipy sparse matrices, the arrays inside
compiled objects (scikit-learn's ``Tree`` and ``KDTree``/``BallTree``) and,
for any other compiled object, the state it would pickle. Every visited object
gets a readable path such as ``steps[1].estimators_[3].tree_.threshold``.
An object reachable along two paths (an alias, or a cycle) is visited once.

The object graph comes from a file that a stranger wrote. Paths show
dictionary keys and field names with a bounded, printable repr
(:func:`modelprivacy._text.short_repr`) and attribute names escaped, so a key
of ten megabytes or one holding terminal escape codes yields a short, clean
path. An object that fails while it is walked (a ``RecursionError``, a
``MemoryError``, an exception of a broken compiled object) does not stop the
walk: it is recorded in ``notes`` and the walk goes on with its siblings.
Without ``notes``, the failure becomes a
:class:`~modelprivacy.errors.ModelLoadError`. No other exception leaves
:func:`walk`.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from modelprivacy._text import describe_exception, printable, short_repr
from modelprivacy.errors import ModelLoadError, ModelPrivacyError
from modelprivacy.models._registry import walk_hook

__all__ = ["MAX_NOTES", "Node", "is_estimator", "safe_getattr", "walk"]

_SCALARS = (type(None), bool, int, float, complex, str, bytes, np.generic)
_OPAQUE = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.ModuleType,
    type,
    np.random.RandomState,
    np.random.Generator,
    np.random.BitGenerator,
    np.dtype,
)
_TREE_FIELDS = (
    "children_left",
    "children_right",
    "feature",
    "threshold",
    "impurity",
    "n_node_samples",
    "weighted_n_node_samples",
    "value",
    "missing_go_to_left",
)
_BINARY_TREE_FIELDS = ("data", "idx_array", "node_data", "node_bounds")
_MAX_DEPTH = 200
MAX_NOTES = 20
"""The most problems :func:`walk` records one by one (the rest are counted)."""
_KEY_LIMIT = 80
_NAME_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Node:
    """One object reachable from the estimator.

    Attributes
    ----------
    path : str
        Readable attribute path from the root, e.g. ``"steps[1].tree_.value"``.
    value : object
        The object itself (an array, a string, an estimator, ...).
    attr : str
        The last attribute or field name on the path (``"value"``), or ``""``
        for list and dict items.
    owner : object
        The nearest enclosing estimator-like object (the root for top level).
    owner_path : str
        The path of ``owner``.
    holder : str
        Class name of the object whose attribute this is (``"Tree"`` for
        ``tree_.value``, ``"_CFNode"`` for a Birch node's centroids).
    """

    path: str
    value: Any
    attr: str
    owner: Any
    owner_path: str
    holder: str = ""


def safe_getattr(obj: object, name: str) -> Any:
    """``getattr(obj, name, None)`` that survives a ``__getattr__`` raising anything."""
    try:
        return getattr(obj, name, None)
    except Exception:
        return None


def is_estimator(obj: object) -> bool:
    """Return True if ``obj`` looks like a fitted or unfitted estimator.

    Parameters
    ----------
    obj : object
        Any object.

    Returns
    -------
    bool
        True when it has ``fit`` or one of the prediction/transform methods.
    """
    if isinstance(obj, type):
        return False
    cls = type(obj)
    if cls in _ESTIMATOR_TYPES:
        return True
    if cls in _PLAIN_TYPES or isinstance(obj, np.generic):
        return False
    found = any(callable(safe_getattr(obj, name)) for name in _ESTIMATOR_METHODS)
    if found and _defines_method(cls):
        _ESTIMATOR_TYPES.add(cls)
    return found


#: Types that are never estimators (exact types: a subclass may add methods).
_PLAIN_TYPES = frozenset(
    {np.ndarray, str, bytes, int, float, bool, complex, list, tuple, dict, set, type(None)}
)

#: What an estimator has (one of them, callable).
_ESTIMATOR_METHODS = ("fit", "predict", "transform", "predict_proba", "decision_function")

#: Classes whose instances are estimators whatever their state: one of
#: :data:`_ESTIMATOR_METHODS` is a plain function of the class itself. The
#: walker asks about every object of a 500-tree forest; the answer per class
#: is computed once.
_ESTIMATOR_TYPES: set[type] = set()


def _defines_method(cls: type) -> bool:
    """Whether a class (not an instance's state) defines an estimator method as a function."""
    try:
        mro = type.__dict__["__mro__"].__get__(cls)
    except Exception:
        return False
    for klass in mro:
        own = type.__dict__["__dict__"].__get__(klass)
        if any(isinstance(own.get(name), types.FunctionType) for name in _ESTIMATOR_METHODS):
            return True
    return False


def _is_tree(obj: object) -> bool:
    cls = type(obj)
    return cls.__name__ == "Tree" and cls.__module__.startswith("sklearn.tree")


def _is_binary_tree(obj: object) -> bool:
    return type(obj).__module__.startswith("sklearn.neighbors") and callable(
        safe_getattr(obj, "get_arrays")
    )


def _join(path: str, attr: str) -> str:
    return f"{path}.{attr}" if path else attr


def _name(name: object) -> str:
    """An attribute or field name for a path: escaped, bounded; a non-str name as its repr."""
    if type(name) is str:
        return (
            name
            if len(name) <= _NAME_LIMIT and name.isprintable()
            else printable(name, _NAME_LIMIT)
        )
    return short_repr(name, _KEY_LIMIT)


def _key(key: object) -> str:
    """A dictionary key for a path, e.g. ``'count'`` in ``nodes['count']``."""
    return short_repr(key, _KEY_LIMIT)


_PLAIN_SORTABLE = frozenset({str, bytes, float, bool, complex, type(None)})


def _sort_key(item: object) -> str:
    """Order of set items: their repr for plain builtin values, else a safe bounded repr."""
    if type(item) in _PLAIN_SORTABLE or (type(item) is int and item.bit_length() < 4096):
        return repr(item)
    return short_repr(item, None)


def _named_item(item: object) -> bool:
    """True for ``(name, estimator[, columns])`` tuples as in Pipeline.steps."""
    return (
        isinstance(item, tuple)
        and len(item) in (2, 3)
        and isinstance(item[0], str)
        and not isinstance(item[1], _SCALARS)
    )


def walk(root: object, notes: list[tuple[str, str]] | None = None) -> Iterator[Node]:
    """Yield every object reachable from ``root``, each once, depth first.

    Parameters
    ----------
    root : object
        A fitted estimator (or any object graph).
    notes : list, optional
        Where to record what could not be walked, as ``(path, reason)``
        pairs: an object that raised while it was walked (``RecursionError``,
        ``MemoryError``, anything from a broken compiled object), and objects
        nested more than 200 levels deep. The walk goes on past them. At most
        :data:`MAX_NOTES` pairs are recorded; one last pair counts the others.
        Without ``notes``, a failure raises and deep objects are left out.

    Yields
    ------
    Node
        The visited objects with their paths. Containers are yielded before
        their children.

    Raises
    ------
    ModelLoadError
        Without ``notes``, when an object fails while it is walked; the
        one-line message names its path and the exception.
    """
    seen: set[int] = set()
    keep: list[object] = []  # temporaries stay alive so their ids stay unique
    n_notes = [0]

    def note(path: str, reason: str) -> None:
        if notes is None:
            return
        n_notes[0] += 1
        if n_notes[0] <= MAX_NOTES:
            notes.append((path or "(root)", reason))

    def failed(path: str, exc: Exception) -> None:
        if isinstance(exc, ModelPrivacyError):
            raise exc
        reason = f"it could not be walked ({describe_exception(exc, 200)}); what it holds was not inspected"
        if notes is None:
            raise ModelLoadError(
                f"the model cannot be inspected: the object at {path or '(root)'}: {reason}"
            ) from exc
        note(path, reason)

    def visit(
        obj: Any, path: str, attr: str, owner: Any, owner_path: str, depth: int, holder: str = ""
    ) -> Iterator[Node]:
        if depth > _MAX_DEPTH:
            note(
                path,
                f"it is nested more than {_MAX_DEPTH} levels deep; what it holds was not inspected",
            )
            return
        try:
            if isinstance(obj, _SCALARS):
                yield Node(path, obj, attr, owner, owner_path, holder)
                return
            if id(obj) in seen:
                return
            seen.add(id(obj))
            yield Node(path, obj, attr, owner, owner_path, holder)
            yield from children(obj, path, attr, owner, owner_path, depth, holder)
        except Exception as exc:
            failed(path, exc)

    def children(
        obj: Any, path: str, attr: str, owner: Any, owner_path: str, depth: int, holder: str
    ) -> Iterator[Node]:
        if isinstance(obj, _OPAQUE):
            return
        if isinstance(obj, np.ndarray):
            yield from _visit_array(obj, path, attr, owner, owner_path, depth, holder)
            return
        if sp.issparse(obj):
            return
        if isinstance(obj, (list, tuple)):
            for i, item in enumerate(obj):
                item_path = f"{path}[{i}]"
                if isinstance(obj, list) and _named_item(item):
                    yield from visit(item[1], item_path, attr, owner, owner_path, depth + 1, holder)
                    if len(item) == 3:
                        yield from visit(
                            item[2], f"{item_path}.columns", "columns", owner, owner_path, depth + 1
                        )
                else:
                    yield from visit(item, item_path, attr, owner, owner_path, depth + 1, holder)
            return
        if isinstance(obj, (set, frozenset)):
            for i, item in enumerate(sorted(obj, key=_sort_key)):
                yield from visit(item, f"{path}{{{i}}}", attr, owner, owner_path, depth + 1, holder)
            return
        if isinstance(obj, dict):
            if all(isinstance(v, _SCALARS) for v in obj.values()):
                return  # a flat mapping (a vocabulary): checks read it whole
            for key, item in list(obj.items()):
                yield from visit(
                    item, f"{path}[{_key(key)}]", attr, owner, owner_path, depth + 1, holder
                )
            return
        if _is_tree(obj):
            for name in _TREE_FIELDS:
                try:
                    arr = getattr(obj, name)
                except AttributeError:
                    continue
                except Exception as exc:  # a broken tree: the other fields are still walked
                    failed(_join(path, name), exc)
                    continue
                keep.append(arr)
                yield from visit(arr, _join(path, name), name, owner, owner_path, depth + 1, "Tree")
            return
        if _is_binary_tree(obj):
            arrays = dict(zip(_BINARY_TREE_FIELDS, obj.get_arrays(), strict=False))
            sample_weight = safe_getattr(obj, "sample_weight")
            if sample_weight is not None:
                arrays["sample_weight"] = sample_weight
            for name, arr in arrays.items():
                keep.append(arr)
                yield from visit(
                    arr, _join(path, name), name, owner, owner_path, depth + 1, type(obj).__name__
                )
            return
        if type(obj).__module__.startswith("pandas"):
            to_numpy = getattr(obj, "to_numpy", None)
            if callable(to_numpy):
                arr = to_numpy()
                keep.append(arr)
                yield from visit(arr, _join(path, "values"), "values", owner, owner_path, depth + 1)
            return
        hook = walk_hook(obj)
        if hook is not None:  # what another library's object holds beyond its __dict__
            for name, item in list(hook(obj)):
                keep.append(item)
                label = _name(name)
                yield from visit(
                    item,
                    _join(path, label),
                    label,
                    obj if is_estimator(obj) else owner,
                    path if is_estimator(obj) else owner_path,
                    depth + 1,
                    type(obj).__name__,
                )
        state = safe_getattr(obj, "__dict__")
        if isinstance(state, dict):
            if is_estimator(obj):
                new_owner, new_owner_path = obj, path
            else:
                new_owner, new_owner_path = owner, owner_path
            holder = type(obj).__name__
            for name, item in list(state.items()):
                label = _name(name)
                yield from visit(
                    item, _join(path, label), label, new_owner, new_owner_path, depth + 1, holder
                )
            return
        yield from _visit_reduced(obj, path, owner, owner_path, depth)

    def _visit_array(
        arr: np.ndarray, path: str, attr: str, owner: Any, owner_path: str, depth: int, holder: str
    ) -> Iterator[Node]:
        if arr.dtype.names:
            for name in arr.dtype.names:
                field = arr[name]
                keep.append(field)
                yield from visit(
                    field,
                    f"{path}[{_key(name)}]",
                    _name(name),
                    owner,
                    owner_path,
                    depth + 1,
                    holder,
                )
            return
        if arr.dtype != object or arr.size == 0:
            return
        flat = arr.reshape(-1)
        if all(isinstance(v, _SCALARS) for v in flat):
            return  # strings and numbers: checks read the array whole
        for flat_i, item in enumerate(flat):
            index = np.unravel_index(flat_i, arr.shape)
            label = ", ".join(str(int(i)) for i in index)
            yield from visit(item, f"{path}[{label}]", attr, owner, owner_path, depth + 1, holder)

    def _visit_reduced(
        obj: Any, path: str, owner: Any, owner_path: str, depth: int
    ) -> Iterator[Node]:
        try:
            reduced = obj.__reduce_ex__(4)
        except Exception as exc:  # its state cannot be seen: say so, and go on
            failed(path, exc)
            return
        if not isinstance(reduced, tuple):
            return
        keep.append(reduced)
        parts = {"args": reduced[1] if len(reduced) > 1 else None}
        if len(reduced) > 2:
            parts["state"] = reduced[2]
        for name, part in parts.items():
            if part is None:
                continue
            keep.append(part)
            yield from visit(part, f"{path}<{name}>", name, owner, owner_path, depth + 1)

    try:
        yield from visit(root, "", "", root, "", 0)
    except ModelPrivacyError:
        raise
    except Exception as exc:  # a failure inside the handlers themselves (the stack was full)
        failed("", exc)
    if notes is not None and n_notes[0] > MAX_NOTES:
        notes.append(("(more)", f"{n_notes[0] - MAX_NOTES:,} more objects could not be walked"))
