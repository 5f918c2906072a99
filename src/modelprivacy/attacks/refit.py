"""Safe refits: clone a model from its own hyperparameters without trusting them.

Membership attacks fit reference models, clones of the audited model (same
class, same hyperparameters) on halves of the data, and sanitisation refits
models with new hyperparameters. The hyperparameters come from a file that a
stranger sent, so before anything is fitted from them :func:`safe_clone` makes
them harmless:

- every ``memory`` parameter becomes ``None`` (a cache directory would make
  the refits write, and read back, files at a path the file chose);
- every parameter that is a NumPy ``RandomState`` or ``Generator`` becomes an
  integer seed derived from its state (the same file gives the same seed);
- ``n_jobs`` and ``n_threads`` above this machine's CPU cores are capped at
  the cores;
- with ``cap_at_fitted=True`` (reference models), the work a refit may do is
  capped at what the fitted model itself shows:

  - ``max_iter`` at :data:`ITERATION_HEADROOM` times the iterations the fitted
    model ran (``n_iter_``, its maximum when it is an array); iterative
    solvers stop when they converge, which depends on the data, so the cap
    leaves room for a reference half that needs a few more iterations than
    the audited model did. Without ``n_iter_`` the cap is
    :data:`NO_EVIDENCE_MAX_ITER`. Either cap is raised to the class's own
    default when that is larger (a default is not a runaway value, and a
    common ``LogisticRegression()`` that converged in 9 iterations keeps its
    ``max_iter=100``). Negative ``max_iter`` (libsvm's "no limit", the default
    of ``SVC``) and ``None`` are left alone: the time budget bounds them;
  - ``n_estimators`` at the number of fitted members (``n_estimators_`` of a
    gradient-boosting model, else ``len(estimators_)``); for models that stop
    early (``n_iter_no_change`` set, AdaBoost) at the same headroom, never
    below the default;
  - ``hidden_layer_sizes`` at the layer sizes of the fitted ``coefs_`` (and
    no more layers than were fitted);
  - ``max_depth`` at the depth of the fitted trees, when those trees are
    deeper than :data:`DEEP_TREE` levels; shallower trees keep their
    ``max_depth`` (``None`` included), since a tree refitted on data like its
    own grows to about the same depth and depth is not what makes such a fit
    slow;

- in every mode, absurd values are capped even without evidence:
  ``max_iter`` above :data:`MAX_ITER_LIMIT`, ``n_estimators`` above
  :data:`N_ESTIMATORS_LIMIT`, layer sizes above :data:`LAYER_SIZE_LIMIT`.

``tol`` and the other hyperparameters are kept; callables among the
parameters (scorers, kernels) are kept too, since the loader has already
validated them. Every change comes back as a sentence for the report.

A data-dependent cap (``max_iter``, early-stopped ``n_estimators``,
``max_depth``) may or may not be reached by a refit: :class:`RefitPlan`
tells, from each refitted model (its ``n_iter_``, members, tree depth),
whether it was, and :meth:`RefitPlan.report` keeps the sentences of the
caps that at least one reference fit reached ("...; 3 of 8 reference fits
reached the cap"), with every change that always makes a difference (the
cache, the seeds, ``n_jobs``, fixed member counts, layer sizes). A cap that
no fit reached changed nothing that was refit, and is left out.

Time budget
-----------
A cap bounds the parameters that are known to make fits run away; anything
else that does (an expensive kernel, a search over a huge grid) is bounded by
:func:`call_with_budget`: the fit runs in a daemon thread and the caller waits
at most the budget. When the budget runs out the caller gets a
:class:`RefitBudgetError` (one line: which model, the budget, how to raise it)
and the abandoned fit is asked to stop: it stops at its next Python-level step
(an epoch, a tree, a candidate, an ``n_init`` restart); a fit stuck inside one
call of compiled code keeps one core busy until that call returns or the
process exits (the command line exits at once; a fit in a joblib worker is
killed with the worker). The fit itself is the same computation as in the
caller's thread, under the caller's scikit-learn configuration, so results do
not change. :func:`reference_budget` gives the budgets the reference models
get by default.
"""

from __future__ import annotations

import contextvars
import ctypes
import hashlib
import inspect
import math
import numbers
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard, TypeVar

import numpy as np

from modelprivacy._text import printable
from modelprivacy._threads import thread_limit
from modelprivacy.errors import ModelPrivacyError

__all__ = [
    "DEEP_TREE",
    "FIRST_FIT_BUDGET_S",
    "FIT_BUDGET_FACTOR",
    "ITERATION_HEADROOM",
    "LAYER_SIZE_LIMIT",
    "MAX_ITER_LIMIT",
    "MIN_FIT_BUDGET_S",
    "NO_EVIDENCE_MAX_ITER",
    "N_ESTIMATORS_LIMIT",
    "RefitBudgetError",
    "RefitChange",
    "RefitPlan",
    "call_with_budget",
    "plan_refit",
    "reference_budget",
    "safe_clone",
]

T = TypeVar("T")

MAX_ITER_LIMIT = 10**6
"""``max_iter`` above this is capped here, with or without evidence."""
N_ESTIMATORS_LIMIT = 10**5
"""``n_estimators`` above this is capped here, with or without evidence."""
LAYER_SIZE_LIMIT = 10**5
"""Each of ``hidden_layer_sizes`` above this is capped here, with or without evidence."""
NO_EVIDENCE_MAX_ITER = 1000
"""``max_iter`` cap of a reference model whose fitted model shows no ``n_iter_``."""
ITERATION_HEADROOM = 2
"""Data-dependent counts (``max_iter``, early-stopped ``n_estimators``) are capped at this multiple of the fitted count."""
DEEP_TREE = 64
"""Fitted trees deeper than this cap ``max_depth`` of the reference models at their depth."""
FIRST_FIT_BUDGET_S = 600.0
"""Seconds the first reference fit may take when no budget is given."""
MIN_FIT_BUDGET_S = 60.0
"""Least seconds a later reference fit gets when no budget is given."""
FIT_BUDGET_FACTOR = 20.0
"""A later reference fit may take this many times the first one (at least :data:`MIN_FIT_BUDGET_S`)."""

_SCAN_LIMIT = 100_000  # fitted attribute items looked at when matching a template to its fits


# -- the clone ----------------------------------------------------------------


@dataclass(frozen=True)
class RefitChange:
    """One hyperparameter changed before refitting.

    Attributes
    ----------
    key : str
        The ``set_params`` key (``"mlp__max_iter"``); ``""`` for a note on a
        library's model from its own file (what the file does not store),
        which changes nothing.
    value : object
        The new value.
    note : str
        What was done and why, in one sentence.
    check : {"n_iter_", "n_estimators", "max_depth"} or None
        For a cap that a refit may or may not reach (it depends on the data):
        what to look at in a refitted model to tell. ``None`` when the change
        always changes what is refit.
    """

    key: str
    value: Any
    note: str
    check: str | None = None


@dataclass(frozen=True)
class RefitPlan:
    """A safe, unfitted template of a model and the changes that made it safe.

    Attributes
    ----------
    template : estimator
        The clone with the changes applied; clone it again for each refit.
    changes : tuple of RefitChange
        The changes, in a fixed order (see :func:`safe_clone`).
    """

    template: Any
    changes: tuple[RefitChange, ...] = ()

    @property
    def notes(self) -> tuple[str, ...]:
        """One sentence per change."""
        return tuple(c.note for c in self.changes)

    def fresh(self) -> Any:
        """A new unfitted copy of the template."""
        from sklearn.base import clone

        return clone(self.template)

    def reached(self, fitted: Any) -> tuple[bool, ...]:
        """Whether each change made a difference to one refitted model.

        Parameters
        ----------
        fitted : estimator
            A copy of the template after ``fit``.

        Returns
        -------
        tuple of bool
            One per change: always True for changes without a ``check``; for
            caps, whether the refit reached the cap (True when it cannot be told).
        """
        if not any(c.check for c in self.changes):
            return tuple(True for _ in self.changes)
        nodes = dict(_nodes(fitted))
        out = []
        for change in self.changes:
            if change.check is None:
                out.append(True)
                continue
            prefix, _, _param = change.key.rpartition("__")
            prefix = prefix + "__" if prefix else ""
            node = nodes.get(prefix)
            if node is None:
                out.append(True)
                continue
            shown = _shown(change.check, _sources(node, *_parent(nodes, prefix)))
            out.append(shown is None or shown >= change.value)
        return tuple(out)

    def report(self, reached: Sequence[Sequence[bool]]) -> tuple[str, ...]:
        """The notes for a report: every change that made a difference in at least one refit.

        Parameters
        ----------
        reached : sequence of sequences of bool
            :meth:`reached` of every refitted model.

        Returns
        -------
        tuple of str
            The notes of changes without a ``check``, and of caps that at least
            one refit reached, with how many did.
        """
        out = []
        for i, change in enumerate(self.changes):
            if change.check is None:
                out.append(change.note)
                continue
            hits = sum(bool(r[i]) for r in reached)
            if hits:
                out.append(
                    f"{change.note}; {hits} of {len(reached)} reference fits reached the cap"
                )
        return tuple(out)


def plan_refit(estimator: Any, *, cap_at_fitted: bool = True) -> RefitPlan:
    """The safe template of ``estimator`` and the changes that made it safe.

    Parameters
    ----------
    estimator : estimator
        The fitted model (its hyperparameters came from an untrusted file).
    cap_at_fitted : bool, default=True
        See :func:`safe_clone`.

    Returns
    -------
    RefitPlan
        The template and the changes.

    Raises
    ------
    Exception
        Whatever :func:`sklearn.base.clone` raises for an estimator it cannot copy.
    """
    from sklearn.base import clone

    changes: list[RefitChange] = []
    nodes = dict(_nodes(estimator))
    for prefix, node in nodes.items():
        sources = _sources(node, *_parent(nodes, prefix))
        try:
            own = node.get_params(deep=False)
        except Exception:
            continue
        for param in sorted(own):
            rule = _rule(node, param, own[param], sources, cap_at_fitted)
            if rule is not None:
                value, what, check = rule
                note = f"{_where(node, prefix, param)} {what}"
                changes.append(RefitChange(prefix + param, value, note, check))
    new = clone(estimator)
    if changes:
        new.set_params(**{c.key: c.value for c in changes})
    # a library's model from its own file: what the file did not store, or stored unusably
    changes.extend(RefitChange("", None, note) for note in getattr(estimator, "refit_notes", ()))
    return RefitPlan(new, tuple(changes))


def safe_clone(estimator: Any, *, cap_at_fitted: bool = True) -> tuple[Any, tuple[str, ...]]:
    """An unfitted clone of ``estimator`` whose hyperparameters are safe to fit from.

    Parameters
    ----------
    estimator : estimator
        The fitted model (its hyperparameters came from an untrusted file).
    cap_at_fitted : bool, default=True
        Cap ``max_iter``, ``n_estimators``, ``hidden_layer_sizes`` and
        ``max_depth`` at what the fitted model shows (for reference models,
        which should do the work the audited model did). With ``False`` (for
        sanitisation, which must keep the model's strength) only ``memory``,
        random states, ``n_jobs`` and absurd values are changed.

    Returns
    -------
    clone : estimator
        ``sklearn.base.clone(estimator)`` with the changes applied.
    notes : tuple of str
        One sentence per change, in a fixed order (the estimator first, then
        its nested estimators in ``get_params`` order, each parameter in name
        order); empty when nothing changed.

    Raises
    ------
    Exception
        Whatever :func:`sklearn.base.clone` raises for an estimator it cannot copy.

    See Also
    --------
    plan_refit : the same, with what is needed to tell whether a cap was reached.

    Examples
    --------
    >>> from sklearn.neural_network import MLPClassifier
    >>> mlp = MLPClassifier(max_iter=5).fit([[0.0], [1.0]], [0, 1])  # doctest: +SKIP
    >>> safe_clone(mlp.set_params(max_iter=10**9))[1]  # doctest: +SKIP
    ('MLPClassifier.max_iter capped at 200 (it was 1,000,000,000): ...',)
    """
    plan = plan_refit(estimator, cap_at_fitted=cap_at_fitted)
    return plan.template, plan.notes


def _parent(nodes: dict[str, Any], prefix: str) -> tuple[Any, str]:
    """The estimator whose parameter the node at ``prefix`` is, and the parameter's name."""
    if not prefix:
        return None, ""
    parent_key, _, name = prefix[:-2].rpartition("__")
    return nodes.get(parent_key + "__" if parent_key else ""), name


def _shown(check: str, sources: list[Any]) -> int | None:
    """What fitted models show: the iterations run, the members, or the tree depth."""
    if check == "n_iter_":
        return _max_of(getattr(s, "n_iter_", None) for s in sources if hasattr(s, "n_iter_"))
    if check == "n_estimators":
        counts = [c for c, _ in _estimator_counts(sources)]
        return max(counts) if counts else None
    depths = _depths(sources)
    return max(depths) if depths else None


def _is_estimator(obj: Any) -> bool:
    return not isinstance(obj, type) and callable(getattr(obj, "get_params", None))


def _nodes(estimator: Any) -> Iterator[tuple[str, Any]]:
    """``(key prefix, estimator)`` of the estimator and of every estimator among its parameters."""
    yield "", estimator
    try:
        params = estimator.get_params(deep=True)
    except Exception:
        return
    for key, value in params.items():
        if _is_estimator(value):
            yield key + "__", value


def _has_fitted_attributes(obj: Any) -> bool:
    return any(k.endswith("_") and not k.startswith("_") for k in getattr(obj, "__dict__", {}))


def _sources(node: Any, parent: Any, name: str) -> list[Any]:
    """The fitted estimators that show what ``node`` did when it was fitted.

    A Pipeline step is itself fitted. A template (a ColumnTransformer's or a
    VotingClassifier's member, the ``estimator`` of a meta-estimator) is not:
    its fitted copies sit in the parent's fitted attributes.
    """
    if parent is None or _has_fitted_attributes(node):
        return [node]
    cls = type(node)
    for attr in ("named_transformers_", "named_estimators_"):
        try:
            item = getattr(parent, attr)[name]
        except Exception:
            continue
        if type(item) is cls:
            return [item]
    found: list[Any] = []
    budget = [_SCAN_LIMIT]
    for key, value in getattr(parent, "__dict__", {}).items():
        if key.endswith("_") and not key.startswith("_"):
            found += [item for item in _flatten(value, budget, 3) if type(item) is cls]
    return found


def _flatten(value: Any, budget: list[int], depth: int) -> Iterator[Any]:
    """Objects in ``value`` and in its lists, tuples and object arrays (a bounded walk)."""
    if budget[0] <= 0:
        return
    budget[0] -= 1
    if isinstance(value, list | tuple) or (isinstance(value, np.ndarray) and value.dtype == object):
        if depth > 0:
            items = value.ravel() if isinstance(value, np.ndarray) else value
            for item in items:
                yield from _flatten(item, budget, depth - 1)
        return
    if isinstance(value, str | bytes | numbers.Number | np.ndarray | dict):
        return
    yield value
    inner = getattr(value, "__dict__", {}).get("estimator")  # calibrated_classifiers_[i].estimator
    if inner is not None and not _is_estimator(value):
        yield inner


def _where(node: Any, prefix: str, param: str) -> str:
    name = f"{printable(type(node).__name__, 80)}.{param}"
    return f"{name} (parameter {printable(prefix + param, 120)})" if prefix else name


# -- the rules ----------------------------------------------------------------


def _rule(
    node: Any, param: str, value: Any, sources: list[Any], cap_at_fitted: bool
) -> tuple[Any, str, str | None] | None:
    """``(new value, what was done, check)`` for one parameter, or ``None`` to keep it."""
    if param == "memory" and value is not None:
        return (
            None,
            (
                "reset to None: it named a cache location, and refits write no files and "
                "read none back"
            ),
            None,
        )
    if isinstance(value, np.random.RandomState | np.random.Generator):
        seed = _seed_of(value)
        return (
            seed,
            (
                f"was a {type(value).__name__}; refits use the integer seed {seed}, derived from "
                "its state (the same state gives the same seed)"
            ),
            None,
        )
    if param in ("n_jobs", "n_threads") and _is_int(value):
        cores = os.cpu_count() or 1
        if value > cores:
            return (
                cores,
                f"capped at {cores}, the CPU cores of this machine (it was {value:,})",
                None,
            )
        return None
    capped: tuple[Any, str] | None = None
    check: str | None = None
    if param == "max_iter":
        capped, check = _cap_max_iter(node, value, sources, cap_at_fitted), "n_iter_"
    elif param == "n_estimators":
        capped = _cap_n_estimators(node, value, sources, cap_at_fitted)
        check = "n_estimators" if _stops_early(node) else None
    elif param == "hidden_layer_sizes":
        capped = _cap_layers(value, sources, cap_at_fitted)
    elif param == "max_depth" and cap_at_fitted:
        capped, check = _cap_depth(value, sources), "max_depth"
    return None if capped is None else (*capped, check)


def _stops_early(node: Any) -> bool:
    """Whether the number of members depends on the data (early stopping, AdaBoost)."""
    return getattr(node, "n_iter_no_change", None) is not None or "AdaBoost" in type(node).__name__


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _count(value: Any) -> float | None:
    """A count parameter as a number (infinity for a float infinity), or None if it is not one."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    v = float(value)
    return None if math.isnan(v) else v


def _headroom(n: int) -> int:
    return max(ITERATION_HEADROOM * n, 10)


def _times(n: int, what: str) -> str:
    factor = "twice" if ITERATION_HEADROOM == 2 else f"{ITERATION_HEADROOM} times"
    return f"{factor} the {n:,} {what}"


def _said(value: float) -> str:
    return f"{int(value):,}" if math.isfinite(value) else str(value)


def _capped(
    value: float, limit: int, reason: str, absolute: int, what: str
) -> tuple[int, str] | None:
    """Cap ``value`` at ``limit`` (itself at most ``absolute``), or ``None`` when it is below."""
    if limit >= absolute or not reason:
        limit, reason = min(limit, absolute), f"modelprivacy's limit for any {what}"
    if value <= limit:
        return None
    return limit, f"capped at {limit:,} (it was {_said(value)}): {reason}"


def _with_default(node: Any, param: str, limit: int, reason: str) -> tuple[int, str]:
    """Never cap below the class's own default: a default is not a runaway value."""
    default = _default(node, param)
    if _is_int(default) and default > limit:
        return int(default), f"{reason}, raised to {printable(type(node).__name__, 80)}'s default"
    return limit, reason


def _max_of(values: Iterator[Any]) -> int | None:
    best: int | None = None
    for v in values:
        try:
            arr = np.asarray(v, dtype=np.float64)
        except (TypeError, ValueError):
            continue
        if arr.size == 0 or not np.all(np.isfinite(arr)):
            continue
        m = int(arr.max())
        best = m if best is None else max(best, m)
    return best


def _cap_max_iter(
    node: Any, value: Any, sources: list[Any], cap_at_fitted: bool
) -> tuple[int, str] | None:
    v = _count(value)
    if v is None or v < 0:  # None: the solver's default; negative: libsvm's "no limit"
        return None
    if not cap_at_fitted:
        return _capped(v, MAX_ITER_LIMIT, "", MAX_ITER_LIMIT, "max_iter")
    n = _max_of(getattr(s, "n_iter_", None) for s in sources if hasattr(s, "n_iter_"))
    if n is not None:
        limit = _headroom(n)
        reason = _times(n, "iterations the fitted model ran (n_iter_)")
    else:
        limit = NO_EVIDENCE_MAX_ITER
        reason = "the limit for a model that does not show the iterations it ran (no n_iter_)"
    limit, reason = _with_default(node, "max_iter", limit, reason)
    return _capped(v, limit, reason, MAX_ITER_LIMIT, "max_iter")


def _default(node: Any, param: str) -> Any:
    try:
        return inspect.signature(type(node).__init__).parameters[param].default
    except (KeyError, TypeError, ValueError):
        return None


def _members(source: Any) -> list[Any]:
    members = getattr(source, "estimators_", None)
    if isinstance(members, np.ndarray) and members.dtype == object:
        return list(members.ravel())
    return list(members) if isinstance(members, list | tuple) else []


def _cap_n_estimators(
    node: Any, value: Any, sources: list[Any], cap_at_fitted: bool
) -> tuple[int, str] | None:
    v = _count(value)
    if v is None:
        return None
    if not cap_at_fitted:
        return _capped(v, N_ESTIMATORS_LIMIT, "", N_ESTIMATORS_LIMIT, "n_estimators")
    counts = _estimator_counts(sources)
    if not counts:
        return _capped(v, N_ESTIMATORS_LIMIT, "", N_ESTIMATORS_LIMIT, "n_estimators")
    n, attr = max(counts)
    if _stops_early(node):  # stopped when it stopped improving, which depends on the data
        limit = _headroom(n)
        reason = _times(n, f"members the fitted model has ({attr}; it stops early)")
        limit, reason = _with_default(node, "n_estimators", limit, reason)
    else:
        limit, reason = max(n, 1), f"the {n:,} members the fitted model has ({attr})"
    return _capped(v, limit, reason, N_ESTIMATORS_LIMIT, "n_estimators")


def _estimator_counts(sources: list[Any]) -> list[tuple[int, str]]:
    """``(members, attribute)`` of each fitted source: ``n_estimators_``, else ``len(estimators_)``."""
    counts = []
    for s in sources:
        n = getattr(s, "n_estimators_", None)
        if _is_int(n):
            counts.append((int(n), "n_estimators_"))
            continue
        members = getattr(s, "estimators_", None)
        if isinstance(members, list | tuple | np.ndarray):
            counts.append((len(members), "estimators_"))
    return counts


def _depths(sources: list[Any]) -> list[int]:
    """``tree_.max_depth`` of the fitted trees among the sources and their members."""
    depths = []
    for s in sources:
        for tree in [s, *_members(s)]:
            d = getattr(getattr(tree, "tree_", None), "max_depth", None)
            if _is_int(d):
                depths.append(int(d))
    return depths


def _cap_layers(value: Any, sources: list[Any], cap_at_fitted: bool) -> tuple[Any, str] | None:
    if _is_int(value):
        sizes = [int(value)]
    else:
        try:
            sizes = [int(s) for s in value]
        except (TypeError, ValueError, OverflowError):
            return None
    fitted: list[int] | None = None
    if cap_at_fitted:
        for s in sources:
            coefs = getattr(s, "coefs_", None)
            if isinstance(coefs, list) and coefs:
                try:
                    shown = [int(np.shape(c)[1]) for c in coefs[:-1]]
                except (IndexError, TypeError):
                    continue
                if fitted is None:
                    fitted = shown
                elif len(shown) == len(fitted):
                    fitted = [max(a, b) for a, b in zip(fitted, shown, strict=True)]
    new = list(sizes)
    reason = ""
    if fitted is not None:
        new = [min(a, b) for a, b in zip(sizes, fitted, strict=False)] or new
        if new != sizes:
            reason = f"the layers of the fitted network, {_sizes(fitted)} (from coefs_)"
    if any(s > LAYER_SIZE_LIMIT for s in new):
        new = [min(s, LAYER_SIZE_LIMIT) for s in new]
        reason = f"modelprivacy's limit of {LAYER_SIZE_LIMIT:,} units per layer"
    if new == sizes:
        return None
    out: Any = new[0] if _is_int(value) and len(new) == 1 else tuple(new)
    return out, f"capped at {_sizes(new)} (it was {_sizes(sizes)}): {reason}"


def _sizes(sizes: list[int]) -> str:
    inner = ", ".join(f"{s:,}" for s in sizes[:8]) + (", ..." if len(sizes) > 8 else "")
    return f"({inner},)" if len(sizes) == 1 else f"({inner})"


def _cap_depth(value: Any, sources: list[Any]) -> tuple[int, str] | None:
    if value is not None and not _is_int(value):
        return None
    depths = _depths(sources)
    if not depths:
        return None
    depth = max(depths)
    if depth <= DEEP_TREE or (value is not None and value <= depth):
        return None
    said = "None" if value is None else f"{int(value):,}"
    return depth, (
        f"capped at {depth:,} (it was {said}): the depth of the fitted trees "
        f"(tree_.max_depth), which are deeper than {DEEP_TREE} levels"
    )


def _seed_of(rng: np.random.RandomState | np.random.Generator) -> int:
    """An integer seed from a random generator's state (the same state gives the same seed)."""
    if isinstance(rng, np.random.RandomState):
        state: Any = rng.get_state(legacy=False)
    else:
        state = rng.bit_generator.state
    digest = hashlib.sha256()
    _feed(digest, state)
    return int.from_bytes(digest.digest()[:4], "little")


def _feed(digest: Any, obj: Any) -> None:
    """Feed a canonical byte form of a generator state (dicts, arrays, numbers, strings)."""
    if isinstance(obj, dict):
        for key in sorted(obj, key=str):
            digest.update(f"<{key}>".encode())
            _feed(digest, obj[key])
    elif isinstance(obj, np.ndarray):
        digest.update(f"{obj.dtype.str}{obj.shape}".encode())
        digest.update(np.ascontiguousarray(obj).tobytes())
    else:
        digest.update(f"{type(obj).__name__}:{obj!r};".encode())


# -- the time budget ----------------------------------------------------------


class RefitBudgetError(ModelPrivacyError):
    """A refit did not finish within its time budget.

    Parameters
    ----------
    message : str
        One line: which model, the budget, how to give it more time.
    what : str
        The model that was being fitted.
    budget_s : float
        The budget, in seconds.
    """

    def __init__(self, message: str, what: str = "", budget_s: float = 0.0) -> None:
        super().__init__(message)
        self.what = what
        self.budget_s = float(budget_s)

    def __reduce__(self) -> tuple[Any, tuple[str, str, float]]:
        return type(self), (str(self), self.what, self.budget_s)


class _Abandoned(BaseException):
    """Raised inside an abandoned fit's thread to stop it (not an Exception: nothing catches it)."""


def reference_budget(first_fit_s: float | None, fit_budget: float | None) -> tuple[float, str]:
    """The budget of a reference fit, and how it was chosen.

    Parameters
    ----------
    first_fit_s : float or None
        Seconds the first reference fit took; ``None`` for the first fit itself.
    fit_budget : float or None
        The budget the caller gave (every fit gets it), or ``None`` for the
        default: :data:`FIRST_FIT_BUDGET_S` for the first fit, then
        ``max(MIN_FIT_BUDGET_S, FIT_BUDGET_FACTOR * first_fit_s)``.

    Returns
    -------
    budget_s : float
        Seconds (``inf`` for no budget).
    how : str
        How the budget was chosen, for the error message.

    Raises
    ------
    ValueError
        If ``fit_budget`` is not a positive number.
    """
    if fit_budget is not None:
        b = _count(fit_budget)
        if b is None or not b > 0:
            raise ValueError(
                f"The 'fit_budget' parameter must be a positive number of seconds or None. "
                f"Got {fit_budget!r} instead."
            )
        return b, f"fit_budget={fit_budget:g}"
    if first_fit_s is None:
        return FIRST_FIT_BUDGET_S, "the default for the first reference fit"
    budget = max(MIN_FIT_BUDGET_S, FIT_BUDGET_FACTOR * float(first_fit_s))
    return budget, (
        f"{FIT_BUDGET_FACTOR:g} times the first reference fit's {first_fit_s:.2g} s, at least "
        f"{MIN_FIT_BUDGET_S:g} s"
    )


def call_with_budget(
    fn: Callable[[], T], budget_s: float | None, what: str = "the model", how: str = ""
) -> T:
    """Call ``fn()`` and return its result, or give up after ``budget_s`` seconds.

    Parameters
    ----------
    fn : callable
        The fit, taking no arguments.
    budget_s : float or None
        Wall-clock seconds; ``None`` or infinity calls ``fn`` directly, in
        the caller's thread.
    what : str, default="the model"
        The model being fitted, for the error message.
    how : str, default=""
        How the budget was chosen, for the error message.

    Returns
    -------
    object
        What ``fn`` returned.

    Raises
    ------
    RefitBudgetError
        If ``fn`` had not returned after ``budget_s`` seconds. The abandoned
        call is asked to stop (see the module's notes).
    Exception
        Whatever ``fn`` raised.
    """
    if budget_s is None or budget_s >= threading.TIMEOUT_MAX:
        return fn()
    import sklearn

    config = sklearn.get_config()  # thread-local: carry it into the fit's thread
    context = contextvars.copy_context()  # and the context variables (warning filters in 3.14)
    box: dict[str, Any] = {}

    def fit() -> T:
        # One OpenMP thread in the fit's thread: once the caller's thread has run OpenMP
        # code (the audited model's answers), a team of OpenMP threads started from a
        # second thread waits passively, and each of a fit's many short parallel regions
        # pays for waking it (a HistGradientBoosting fit on 900 digits: 15 s against
        # 1.2 s). The numbers do not change; across cores the fits spread over processes.
        with sklearn.config_context(**config), thread_limit(1, user_api="openmp"):
            return fn()

    def run() -> None:
        try:
            box["value"] = context.run(fit)
        except _Abandoned:
            pass
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=run, name="modelprivacy-refit", daemon=True)
    thread.start()
    try:
        thread.join(budget_s)
    except BaseException:  # Ctrl-C while waiting: stop the fit too
        _stop(thread)
        raise
    if thread.is_alive():
        _stop(thread)
        why = f" ({how})" if how else ""
        raise RefitBudgetError(
            f"{what} did not finish fitting within its time budget of {budget_s:.3g} s{why}; "
            "the model's hyperparameters may make it very slow to fit. To allow more time, "
            "pass a larger fit_budget (seconds per reference fit)",
            what=what,
            budget_s=budget_s,
        )
    if "error" in box:
        raise box["error"]
    result: T = box["value"]
    return result


def _stop(thread: threading.Thread) -> None:
    """Ask a thread to stop: raise :class:`_Abandoned` in it at its next Python step."""
    if thread.ident is not None and thread.is_alive():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(thread.ident), ctypes.py_object(_Abandoned)
        )
