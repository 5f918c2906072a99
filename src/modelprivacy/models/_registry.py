"""What other libraries' models are made of: their modules, found on first use.

The adapters of a library (its trees for :mod:`modelprivacy.models.trees`,
what its objects hold for the inspection's walker) live in
``modelprivacy.models.<library>``, named after the top-level package of the
model's class (``lightgbm``, ``xgboost``, ``catboost``, ``statsmodels``,
``onnx``, ``interpret``). :func:`import_for` imports that module the first
time an object of the library is looked at, so neither the library nor its
adapter is imported for anything else.

A walk hook exposes what an object holds that its ``__dict__`` does not show
(state in native memory, a model string): ``hook(obj)`` returns ``(name,
value)`` pairs that the walker visits as attributes of ``obj``, in addition to
its ``__dict__``. Register it with :func:`register_walk_hook`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "LIBRARIES",
    "Stored",
    "as_estimator",
    "import_for",
    "register_estimator",
    "register_walk_hook",
    "walk_hook",
]

#: Libraries whose adapters are a module of :mod:`modelprivacy.models` of the same name.
LIBRARIES = ("lightgbm", "xgboost", "catboost", "statsmodels", "onnx", "interpret")


@dataclass(frozen=True)
class Stored:
    """One thing a library's model files store about the training data, and the check that reports it.

    Every adapter module declares ``STORES: tuple[Stored, ...]``; ``docs/libraries.md`` is
    generated from them (``python tools/libraries_doc.py``), one table per library.

    Parameters
    ----------
    what : str
        What is stored, in the library's own terms (``"split_conditions"``).
    where : str
        Where in the file or object (``"JSON trees, and the pickled Booster's raw bytes"``).
    reveals : str
        What it gives away about the training data, as measured in the tests.
    check : str
        The check ID that reports it (``"MP-S104"``), or ``"-"`` when nothing does yet.
    test : str
        The test that confirms it on planted data (``"tests/models/test_gbdt_trees.py"``).
    """

    what: str
    where: str
    reveals: str
    check: str
    test: str


WalkHook = Callable[[Any], Iterable[tuple[str, Any]]]

_IMPORTED: set[str] = set()
_HOOKS: dict[str, WalkHook] = {}
_ESTIMATORS: dict[str, Callable[[Any], Any]] = {}


def import_for(cls: type) -> None:
    """Import the adapter module of the library of ``cls`` and its bases, once.

    Parameters
    ----------
    cls : type
        A model's class.
    """
    for klass in getattr(cls, "__mro__", ()):
        top = str(getattr(klass, "__module__", "")).split(".", 1)[0]
        if top in LIBRARIES and top not in _IMPORTED:
            _IMPORTED.add(top)
            name = f"modelprivacy.models.{top}"
            try:
                importlib.import_module(name)
            except ModuleNotFoundError as exc:  # no adapter for this library (yet)
                if exc.name != name:
                    raise


def register_walk_hook(*class_names: str) -> Callable[[WalkHook], WalkHook]:
    """Register a walk hook for classes given by dotted name (``"lightgbm.basic.Booster"``).

    Parameters
    ----------
    *class_names : str
        ``module.QualifiedName`` of each class.

    Returns
    -------
    callable
        The decorator.
    """

    def deco(hook: WalkHook) -> WalkHook:
        for name in class_names:
            _HOOKS[name] = hook
        return hook

    return deco


def walk_hook(obj: Any) -> WalkHook | None:
    """The walk hook of ``obj``'s class or one of its bases, if any.

    Parameters
    ----------
    obj : object
        Anything the walker reaches.

    Returns
    -------
    callable or None
        The hook.
    """
    found: WalkHook | None = _lookup(_HOOKS, obj)
    return found


def _lookup(table: dict[str, Any], obj: Any) -> Any:
    """What ``table`` registers for ``obj``'s class or one of its bases (its library imported first)."""
    cls = type(obj)
    top = str(getattr(cls, "__module__", "")).split(".", 1)[0]
    if top not in LIBRARIES and not table:
        return None
    import_for(cls)
    for klass in cls.__mro__:
        found = table.get(f"{klass.__module__}.{klass.__qualname__}")
        if found is not None:
            return found
    return None


def register_estimator(*class_names: str) -> Callable[[Callable[[Any], Any]], Callable[[Any], Any]]:
    """Register how a library's model without scikit-learn's interface becomes an estimator.

    ``make(obj)`` returns an estimator (a
    :class:`~modelprivacy.models._native.NativeModel`) that answers queries
    with ``obj`` itself and refits with the parameters ``obj`` stores.

    Parameters
    ----------
    *class_names : str
        ``module.QualifiedName`` of each class (``"lightgbm.basic.Booster"``).

    Returns
    -------
    callable
        The decorator.
    """

    def deco(make: Callable[[Any], Any]) -> Callable[[Any], Any]:
        for name in class_names:
            _ESTIMATORS[name] = make
        return make

    return deco


def as_estimator(obj: Any) -> Any:
    """``obj`` as an estimator the attacks can query and refit: itself, or its registered wrapper.

    Parameters
    ----------
    obj : object
        A fitted model.

    Returns
    -------
    object
        ``obj`` when no wrapper is registered for its class, else the wrapper.
    """
    make = _lookup(_ESTIMATORS, obj)
    return obj if make is None else make(obj)
