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

__all__ = ["LIBRARIES", "Stored", "import_for", "register_walk_hook", "walk_hook"]

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
    cls = type(obj)
    top = str(getattr(cls, "__module__", "")).split(".", 1)[0]
    if top not in LIBRARIES and not _HOOKS:
        return None
    import_for(cls)
    for klass in cls.__mro__:
        hook = _HOOKS.get(f"{klass.__module__}.{klass.__qualname__}")
        if hook is not None:
            return hook
    return None
