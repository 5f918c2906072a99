"""Reference models: clones of the target fitted on random halves of the pooled data.

Every audited record is IN the training half of about half of the K reference
models and OUT of the rest (a balanced design: exactly K/2 each when K is even),
so every record has both IN and OUT signals for LiRA and RMIA. The models are
trained once, in this process, on joblib's loky or threading workers, or on
a Dask cluster, one task per model (:mod:`modelprivacy.attacks.cluster`), and
their signals on every pooled record are kept; the models themselves are not.
Where they ran is :attr:`ReferenceSignals.placement`, which the reports show.

The models are cloned from a safe template of the target
(:func:`~modelprivacy.attacks.refit.plan_refit`) and every fit has a time
budget (:func:`~modelprivacy.attacks.refit.reference_budget`); the changes
made to the file's hyperparameters that made a difference to the fits come
back as :attr:`ReferenceSignals.refit_notes`.

How many reference models to fit can be chosen from a time budget
(:func:`choose_k`): one reference fit is timed (two when the first is
quick, as it pays one-time costs), and K is the largest number
of fits (from :data:`MIN_REFERENCE_MODELS` to :data:`MAX_REFERENCE_MODELS`)
that the rest of the budget pays for, on the parallel jobs that
:func:`fit_reference_models` would use.
"""

from __future__ import annotations

import contextvars
import functools
import math
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from joblib import Parallel, delayed, parallel_config

from modelprivacy._threads import fit_threads, limited_threads
from modelprivacy.attacks.cluster import ReferenceBackend, reference_backend
from modelprivacy.attacks.refit import reference_budget
from modelprivacy.attacks.target import Target, shared_answers
from modelprivacy.errors import ModelPrivacyError

if TYPE_CHECKING:
    from modelprivacy.attacks.cache import ReferenceCache

__all__ = [
    "DEFAULT_REFERENCE_MODELS",
    "MAX_REFERENCE_MODELS",
    "MIN_REFERENCE_MODELS",
    "BudgetError",
    "KChoice",
    "ReferenceSignals",
    "balanced_membership",
    "check_budget",
    "check_budget_choice",
    "choose_k",
    "estimated_seconds",
    "fit_reference_models",
    "k_for_budget",
    "reference_fits",
    "shared_reference_fits",
]

MIN_REFERENCE_MODELS = 2
"""The fewest reference models the attacks need (every record IN one and OUT of one)."""

MAX_REFERENCE_MODELS = 256
"""The most reference models: the largest K a time budget chooses, and the largest allowed."""

DEFAULT_REFERENCE_MODELS = 8
"""K when neither ``reference_models`` nor a time budget gives it."""

_WORKER_STARTUP_S = 2.0  # rough cost of starting loky workers and sending them the data
_TRANSFER_BYTES_PER_S = 2e8  # pickling and memory-mapping the pooled data for the workers
_SECOND_TIMED_FIT = 20  # time a second fit when the first took less than budget / 20
_DASK_TASK_S = 0.025  # scheduling one task on a Dask worker and returning its signals (2 cores)


@dataclass(frozen=True)
class ReferenceSignals:
    """What the reference models say about every pooled record.

    Attributes
    ----------
    membership : ndarray of shape (K, n)
        ``membership[k, i]`` is True when record ``i`` was in model ``k``'s
        training half.
    signals : ndarray of shape (K, n)
        The signal of model ``k`` on record ``i``.
    refit_notes : tuple of str
        The changes made to the target's hyperparameters before refitting
        that made a difference to at least one reference fit (see
        :meth:`~modelprivacy.attacks.refit.RefitPlan.report`).
    signal : str or None
        ``"logit"`` when the signals are logits of the true label's
        probability (which LiRA clips at ``p`` in ``[1e-16, 1 - 1e-16]``, as
        the reference implementations do); None for margins, correctness and
        squared errors, which are used as they are.
    placement : str
        Where the models were fitted, when parallel fits were asked for
        (a backend or ``n_jobs``): one sentence, e.g. ``"reference models: 1
        fitted in this process, 7 on a local Dask cluster (2 worker
        processes), one task each"``; empty otherwise. Read from the
        cache, it is where the cached models ran.
    cached : bool
        Whether the signals were read from the reference-model cache
        (:mod:`modelprivacy.attacks.cache`) instead of fitted; not part of
        any report, which is the same either way.
    """

    membership: np.ndarray
    signals: np.ndarray
    refit_notes: tuple[str, ...] = ()
    signal: str | None = None
    placement: str = ""
    cached: bool = field(default=False, compare=False)

    @property
    def k(self) -> int:
        """Number of reference models."""
        return int(self.membership.shape[0])


def balanced_membership(n: int, k: int, rng: np.random.Generator) -> np.ndarray:
    """A (k, n) membership matrix where each record is IN for half of the models.

    Parameters
    ----------
    n : int
        Number of pooled records.
    k : int
        Number of reference models (at least 2).
    rng : numpy.random.Generator
        Source of randomness.

    Returns
    -------
    ndarray of bool, shape (k, n)
        Each column has ``k // 2`` True entries (one more for half of the
        records when ``k`` is odd), in random models.
    """
    base = np.zeros((k, n), dtype=bool)
    base[: k // 2] = True
    if k % 2:
        base[k // 2, rng.random(n) < 0.5] = True
    return rng.permuted(base, axis=0)


@dataclass
class _SharedFits:
    """The release modes of one audit and the signals their targets have read so far."""

    modes: tuple[Any, ...]
    signals: dict[str, ReferenceSignals] = field(default_factory=dict)

    def siblings(self, target: Target, fits: str) -> list[tuple[str, Target]]:
        """Targets of the other modes that read other signals from ``target``'s models.

        Each comes with its signals key; a mode whose signals are already kept,
        that reads the same signals as ``target``, or that cannot serve this
        model (``top:K`` on a regressor) is left out.
        """
        from modelprivacy.attacks.cache import signals_key
        from modelprivacy.attacks.target import BlackBox
        from modelprivacy.release import ReleaseModeError

        if isinstance(target.estimator, BlackBox):  # answers as it is served: no other mode
            return []
        own = signals_key(fits, target)
        out: dict[str, Target] = {}
        for mode in self.modes:
            if not mode.filters:  # file and scores read the target's own signals
                continue
            try:
                sibling = Target(target.estimator, fit_fn=target.fit_fn, release=mode)
            except (ReleaseModeError, ModelPrivacyError):
                continue
            key = signals_key(fits, sibling)
            if key != own and key not in self.signals and key not in out:
                out[key] = sibling
        return list(out.items())


_SHARED: contextvars.ContextVar[_SharedFits | None] = contextvars.ContextVar(
    "modelprivacy_shared_fits", default=None
)


@contextmanager
def shared_reference_fits(modes: Sequence[Any]) -> Iterator[None]:
    """Fit the reference models once for every release mode queried in the block.

    Within the block, the first :func:`fit_reference_models` call also reads,
    from each model it fits, the signals of the same model served in each of
    ``modes`` (rounded scores, the top classes, labels only), and keeps them
    in memory; a later call for one of those modes, with the same template,
    data, halves and scored records, returns them without fitting. The
    signals are exactly those a call of its own would compute: the same
    models, queried through the same filter. The audit opens this block when
    a verdict per release mode is asked for.

    Parameters
    ----------
    modes : sequence of ReleaseMode or str
        The release modes of the audit (``file`` and ``scores`` read nothing
        more).
    """
    from modelprivacy.release import ReleaseMode

    token = _SHARED.set(_SharedFits(tuple(ReleaseMode.parse(m) for m in modes)))
    try:
        yield
    finally:
        _SHARED.reset(token)


_FITS = [0]  # reference fits (fit and signals) run in this process


def reference_fits() -> int:
    """Reference models fitted in this process so far (worker processes' fits not counted).

    The timed fits of :func:`choose_k` count too. For tests and diagnostics:
    a reference-model cache hit fits none.
    """
    return _FITS[0]


def _fit_one(
    target: Target,
    X: Any,
    y: np.ndarray,
    inside: np.ndarray,
    X_eval: Any = None,
    y_eval: np.ndarray | None = None,
    budget: tuple[float, str] | None = None,
    what: str = "a reference model",
    siblings: Sequence[Target] = (),
) -> tuple[np.ndarray, tuple[bool, ...]]:
    """Fit one reference model; its signals, and which refit changes it reached.

    With ``siblings`` (targets that read other signals from the same model, see
    :func:`shared_reference_fits`), the signals are a ``(1 + len(siblings), n)``
    stack: the target's first, then each sibling's.
    """
    from sklearn.utils import _safe_indexing

    _FITS[0] += 1
    idx = np.flatnonzero(inside)
    seconds, how = budget if budget is not None else (None, "")
    model = target.fit_clone(_safe_indexing(X, idx), y[idx], budget=seconds, what=what, how=how)
    plan = target.refit_plan()
    reached = plan.reached(model) if plan is not None else ()
    Xs, ys = (X, y) if X_eval is None or y_eval is None else (X_eval, y_eval)
    # a block of this model's own: the siblings filter the same answers (the model is
    # asked once per method), and none of them reaches an audit's shared answers, which
    # would keep the reference model alive and push out the audited model's answers
    with shared_answers():
        signals = [t.signal(Xs, ys, model=model) for t in (target, *siblings)]
    return (np.vstack(signals) if siblings else signals[0]), reached


def _fit_row(
    target: Target,
    X: Any,
    y: np.ndarray,
    membership: np.ndarray,
    X_eval: Any,
    y_eval: np.ndarray | None,
    siblings: Sequence[Target] | None,
    budget: tuple[float, str],
    i: int,
    what: str,
) -> tuple[np.ndarray, tuple[bool, ...]]:
    """:func:`_fit_one` for row ``i`` of ``membership``: one task on a Dask worker."""
    return _fit_one(target, X, y, membership[i], X_eval, y_eval, budget, what, siblings or ())


def _workers(n_jobs: int | None, tasks: int) -> int:
    """The parallel jobs that ``tasks`` fits would run on."""
    from joblib import effective_n_jobs

    return max(1, min(effective_n_jobs(n_jobs), tasks))


def _data_bytes(X: Any) -> float:
    """The size of the pooled data, as sent to worker processes."""
    nbytes = getattr(X, "nbytes", None)
    if nbytes is None and hasattr(X, "memory_usage"):
        nbytes = int(X.memory_usage(deep=True).sum())
    return float(nbytes or 0)


def _startup_s(data_bytes: float) -> float:
    """Seconds to start worker processes and send them the pooled data (a rough estimate)."""
    return _WORKER_STARTUP_S + data_bytes / _TRANSFER_BYTES_PER_S


def _speedup(workers: int, cores: float = 1.0) -> float:
    """How many times as fast ``workers`` processes fit the models as this process does.

    A fit that kept ``cores`` cores busy here (its CPU time over its wall time:
    a forest with ``n_jobs=-1``, OpenMP) leaves the others fewer to share: the
    machine's cores run at most ``cores_available / cores`` such fits at its pace.
    """
    from joblib import cpu_count

    total = max(1, int(cpu_count()))
    used = min(max(float(cores), 1.0), float(total))
    return max(1.0, min(float(workers), total / used))


def _parallel_pays(
    rest_s: float, n_jobs: int, tasks: int, data_bytes: Callable[[], float], cores: float = 1.0
) -> bool:
    """Whether worker processes would finish the remaining fits sooner than this process.

    Sequential: ``rest_s``. Parallel: starting the workers and sending them the
    data, plus ``rest_s`` divided by their :func:`_speedup` (the workers, or
    fewer when a fit already kept ``cores`` cores busy here). The size of the
    data is only measured when the start-up alone would not decide.
    """
    saved = rest_s * (1.0 - 1.0 / _speedup(_workers(n_jobs, tasks), cores))
    return saved > _WORKER_STARTUP_S and saved > _startup_s(data_bytes())


def _in_parallel(
    rest_s: float,
    n_jobs: int | None,
    backend: str | None,
    tasks: int,
    data_bytes: Callable[[], float],
    cores: float = 1.0,
) -> bool:
    """Whether :func:`fit_reference_models` fits the models after the first in parallel."""
    if n_jobs in (None, 1) or tasks < 1:
        return False
    assert n_jobs is not None
    return backend not in (None, "loky") or _parallel_pays(rest_s, n_jobs, tasks, data_bytes, cores)


def estimated_seconds(
    k: int,
    fit_s: float,
    *,
    n_jobs: int | None = None,
    backend: str | None = None,
    data_bytes: float = 0.0,
    cores: float = 1.0,
) -> tuple[float, int]:
    """Wall-clock seconds :func:`fit_reference_models` would take for ``k`` fits of ``fit_s`` each.

    It mirrors how the fits are run: the first in this process, the others
    here as well unless worker processes finish them sooner (then about 2 s
    of start-up and sending the data, plus one fit per job in turn).

    Parameters
    ----------
    k : int
        Number of reference models.
    fit_s : float
        Seconds one reference fit (with its signals) takes.
    n_jobs : int, optional
        Parallel jobs (joblib semantics).
    backend : str, optional
        The backend ("threading" has no start-up cost; "dask" and "ray" send
        the data to running workers once and add about 25 ms per task).
    data_bytes : float, default=0.0
        Size of the pooled records, which sets the cost of sending them to workers.
    cores : float, default=1.0
        The cores a fit kept busy in this process (CPU over wall time): local
        workers share the machine's cores with each other's fits (see
        :func:`_speedup`); a Dask or Ray cluster's are its own.

    Returns
    -------
    seconds : float
        The estimate.
    jobs : int
        The parallel jobs the fits after the first would run on (1: in this process).
    """
    rest_s = fit_s * (k - 1)
    if not _in_parallel(rest_s, n_jobs, backend, k - 1, lambda: data_bytes, cores):
        return fit_s * k, 1
    jobs = _workers(n_jobs, k - 1)
    if backend in ("dask", "ray"):  # running workers: send the data once, then one task per fit
        startup, task_s = data_bytes / _TRANSFER_BYTES_PER_S, fit_s + _DASK_TASK_S
        return fit_s + startup + math.ceil((k - 1) / jobs) * task_s, jobs
    startup = 0.0 if backend == "threading" else _startup_s(data_bytes)
    # jobs fits at a time, each slowed by sharing the cores when the fits use several
    task_s = fit_s * jobs / _speedup(jobs, cores)
    return fit_s + startup + math.ceil((k - 1) / jobs) * task_s, jobs


class BudgetError(ModelPrivacyError, ValueError):
    """A time budget for the reference models that cannot be used.

    Not a positive, finite number of seconds, or given together with an
    explicit number of reference models (the budget chooses it).
    """


def check_budget_choice(budget: Any, reference_models: Any) -> None:
    """Check the API's ``budget=`` and that it is not given with ``reference_models=``.

    Parameters
    ----------
    budget : float or None
        Seconds for the reference fits (None: no budget).
    reference_models : int or None
        K, when the caller pins it.

    Raises
    ------
    BudgetError
        If the budget is not a positive finite number, or both are given.
    """
    if budget is None:
        return
    check_budget(budget)
    if reference_models is not None:
        raise BudgetError(
            "budget= chooses the number of reference models: pass budget or "
            "reference_models, not both (reference_models=K pins K)"
        )


def check_budget(budget: Any, name: str = "budget") -> float:
    """The budget in seconds, or :class:`BudgetError` if it is not a positive finite number.

    Parameters
    ----------
    budget : float
        Seconds.
    name : str, default="budget"
        How the caller spells it, for the message (``"--budget"`` on the command line).

    Returns
    -------
    float
        The budget.

    Raises
    ------
    BudgetError
        If ``budget`` is not a real number, or is zero, negative, infinite or NaN.
    """
    number = not isinstance(budget, bool) and isinstance(
        budget, (int, float, np.integer, np.floating)
    )
    if not number or not (math.isfinite(float(budget)) and float(budget) > 0):
        raise BudgetError(
            f"The {name!r} parameter must be a positive number of seconds. Got {budget!r} instead."
        )
    return float(budget)


def _generator(random_state: int | np.random.Generator | None) -> np.random.Generator:
    """The generator given, or one seeded with ``random_state``."""
    if isinstance(random_state, np.random.Generator):
        return random_state
    return np.random.default_rng(random_state)


def _eval_rows(X: Any, y: np.ndarray, eval_idx: np.ndarray | None) -> tuple[Any, Any]:
    """The records and labels the reference models score (``None, None``: all of them)."""
    if eval_idx is None:
        return None, None
    from sklearn.utils import _safe_indexing

    idx = np.asarray(eval_idx, dtype=np.int64)
    return _safe_indexing(X, idx), y[idx]


def _seconds(x: float) -> str:
    return f"{x:.0f}" if x >= 10 else f"{x:.2g}"


@dataclass(frozen=True)
class KChoice:
    """How the number K of reference models was chosen from a time budget.

    Attributes
    ----------
    k : int
        The number of reference models chosen.
    budget_s : float
        The budget, in seconds (the timing fit included).
    fit_s : float
        Seconds a reference fit (fit and signals) took, as measured: the
        faster of the timed fits.
    estimated_s : float
        Estimated seconds of everything the budget covers: the timed fit as
        measured, then the ``k`` reference fits (:func:`estimated_seconds`)
        and the set-up of each step (choosing the threads of this process).
    n_jobs : int
        The parallel jobs the fits were expected to run on (1: in this process).
    limit : str
        What set K: ``"budget"`` (one more fit would not fit it), ``"most"``
        (:data:`MAX_REFERENCE_MODELS`, within the budget) or ``"fewest"``
        (:data:`MIN_REFERENCE_MODELS`, which the budget does not pay for).
    timed : int
        Reference fits timed before K was chosen: 1, or 2 when the first took
        less than a twentieth of the budget (the first pays one-time costs
        that the others do not).
    """

    k: int
    budget_s: float
    fit_s: float
    estimated_s: float
    n_jobs: int = 1
    limit: str = "budget"
    timed: int = 1

    @property
    def reason(self) -> str:
        """One sentence: the K used and why (shown in the reports)."""
        head = {
            "budget": f"K={self.k}",
            "most": f"K={self.k}, the most allowed",
            "fewest": f"K={self.k}, the fewest the attacks need",
        }[self.limit]
        jobs = f" on {self.n_jobs} parallel jobs" if self.n_jobs > 1 else ""
        fits = f"{self.k} fits{jobs} take about {_seconds(self.estimated_s)} s"
        fits = f"with {'it' if self.timed == 1 else 'them'}, {fits}"
        tail = {
            "budget": f"{fits}, the most that fit the budget of {self.budget_s:g} s",
            "most": f"{fits}, within the budget of {self.budget_s:g} s",
            "fewest": f"{fits}, over the budget of {self.budget_s:g} s",
        }[self.limit]
        timed = (
            "a timed reference fit took"
            if self.timed == 1
            else f"the faster of {self.timed} timed reference fits took"
        )
        return f"{head}: {timed} {_seconds(self.fit_s)} s; {tail}"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "k": self.k,
            "budget_s": self.budget_s,
            "fit_s": self.fit_s,
            "estimated_s": self.estimated_s,
            "n_jobs": self.n_jobs,
            "limit": self.limit,
            "timed": self.timed,
            "reason": self.reason,
        }


def k_for_budget(
    budget_s: float,
    fit_s: float,
    *,
    timed_s: float | None = None,
    timed: int = 1,
    setup_s: float = 0.0,
    n_jobs: int | None = None,
    backend: str | None = None,
    data_bytes: float = 0.0,
    cores: float = 1.0,
) -> KChoice:
    """The largest K whose fits fit what is left of the budget after one timed fit.

    Parameters
    ----------
    budget_s : float
        Seconds for the reference models, the timed fit included.
    fit_s : float
        Seconds a reference fit takes (the faster timed fit).
    timed_s : float, optional
        Seconds all the timed fits took (``fit_s`` by default).
    timed : int, default=1
        Number of timed fits.
    setup_s : float, default=0.0
        Seconds the timed step spent beyond the fit (choosing and limiting
        the threads of this process); the reference fits spend it again.
    n_jobs, backend, data_bytes, cores
        As for :func:`estimated_seconds`.

    Returns
    -------
    KChoice
        K between :data:`MIN_REFERENCE_MODELS` and :data:`MAX_REFERENCE_MODELS`.
    """
    spent = (fit_s if timed_s is None else timed_s) + 2.0 * setup_s
    for k in range(MAX_REFERENCE_MODELS, MIN_REFERENCE_MODELS - 1, -1):
        est, jobs = estimated_seconds(
            k, fit_s, n_jobs=n_jobs, backend=backend, data_bytes=data_bytes, cores=cores
        )
        if spent + est <= budget_s:
            limit = "most" if k == MAX_REFERENCE_MODELS else "budget"
            return KChoice(k, budget_s, fit_s, spent + est, jobs, limit, timed)
    est, jobs = estimated_seconds(
        MIN_REFERENCE_MODELS,
        fit_s,
        n_jobs=n_jobs,
        backend=backend,
        data_bytes=data_bytes,
        cores=cores,
    )
    return KChoice(MIN_REFERENCE_MODELS, budget_s, fit_s, spent + est, jobs, "fewest", timed)


def choose_k(
    target: Target,
    X: Any,
    y: Any,
    budget: float,
    *,
    random_state: int | np.random.Generator | None = 0,
    n_jobs: int | None = None,
    backend: str | None = None,
    eval_idx: np.ndarray | None = None,
    fit_budget: float | None = None,
    scheduler: Any = None,
) -> KChoice:
    """Time a reference fit and choose the largest K that the rest of ``budget`` pays for.

    Parameters
    ----------
    target : Target
        The audited model.
    X, y
        The pooled records and labels, as for :func:`fit_reference_models`.
    budget : float
        Seconds for all the reference fits, this timed one included.
    random_state : int, Generator or None, default=0
        Seed of the timed fit's random half (its own stream: the K reference
        models that follow are the same as without a budget).
    n_jobs, backend, scheduler
        The parallel jobs, backend and Dask scheduler the reference models
        will be fitted with (see :func:`fit_reference_models`); on Dask, the
        jobs are the workers' threads.
    eval_idx : ndarray of int, optional
        The records the reference models will score.
    fit_budget : float, optional
        The timed fit's own time limit (see :func:`fit_reference_models`).

    Returns
    -------
    KChoice
        K (from :data:`MIN_REFERENCE_MODELS` to :data:`MAX_REFERENCE_MODELS`)
        and why.

    Raises
    ------
    BudgetError
        If ``budget`` is not a positive, finite number of seconds.

    Notes
    -----
    The timed fit is one reference model (a clone fitted on a random half of
    the pooled records, then scoring them) whose signals are not kept. When
    it took less than a twentieth of the budget a second one is timed and
    the faster counts (the first pays one-time costs, such as imports, that
    the reference fits do not pay again). Both are paid from the budget. The K
    models are then fitted exactly as ``fit_reference_models(k=K)`` fits them,
    so the same seed and the same K give the same result with or without a
    budget. The chosen K depends on the measured time; pass K itself to pin it.

    On Dask the cluster is connected to (or a local one started) after the
    timed fits, to count its workers, and that time is paid from the budget
    too; call it inside a
    :func:`~modelprivacy.attacks.cluster.reference_backend` block (as
    :func:`~modelprivacy.attacks.api.membership_inference` does) so that the
    reference fits use the same cluster.
    """
    budget_s = check_budget(budget)
    t_start = time.perf_counter()
    rng = _generator(random_state)
    y = np.asarray(y)
    X_eval, y_eval = _eval_rows(X, y, eval_idx)
    what = f"the timed reference model ({type(target.estimator).__name__})"
    times: list[float] = []
    cores: list[float] = []
    with limited_threads(fit_threads()):
        # a second fit when the first was cheap: the first pays one-time costs
        # (imports, caches) that the reference fits do not pay again
        while not times or (len(times) < 2 and times[0] * _SECOND_TIMED_FIT < budget_s):
            inside = np.zeros(len(y), dtype=bool)
            inside[rng.permutation(len(y))[: (len(y) + 1) // 2]] = True
            t0, c0 = time.perf_counter(), time.process_time()
            _fit_one(target, X, y, inside, X_eval, y_eval, reference_budget(None, fit_budget), what)
            times.append(time.perf_counter() - t0)
            cores.append(_cores_used(time.process_time() - c0, times[-1]))
    setup_s = max(0.0, time.perf_counter() - t_start - sum(times))
    t0 = time.perf_counter()
    with reference_backend(backend, scheduler, n_jobs) as run:
        backend = run.backend
        # the jobs of a Dask cluster are its workers' threads: connecting to it (or starting
        # a local one) is paid from the budget
        n_jobs = run.cluster.slots if run.cluster is not None else run.n_jobs
    cluster_s = time.perf_counter() - t0 if run.cluster is not None else 0.0
    size = _data_bytes(X) if n_jobs not in (None, 1) else 0.0
    return k_for_budget(
        budget_s,
        min(times),
        timed_s=sum(times) + cluster_s,
        timed=len(times),
        setup_s=setup_s,
        n_jobs=n_jobs,
        backend=backend,
        data_bytes=size,
        cores=cores[int(np.argmin(times))],
    )


def _cores_used(cpu_s: float, wall_s: float) -> float:
    """The cores a step kept busy: its CPU time (this process's threads) over its wall time."""
    return cpu_s / wall_s if wall_s > 0 else 1.0


def fit_reference_models(
    target: Target,
    X: Any,
    y: Any,
    *,
    k: int = 8,
    random_state: int | np.random.Generator | None = 0,
    n_jobs: int | None = None,
    backend: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    eval_idx: np.ndarray | None = None,
    fit_budget: float | None = None,
    scheduler: Any = None,
    cache: ReferenceCache | bool | None = None,
) -> ReferenceSignals:
    """Fit ``k`` reference models on random halves of ``(X, y)`` and score every record.

    Parameters
    ----------
    target : Target
        The audited model (its class and hyperparameters are cloned).
    X : array-like of shape (n, ...)
        The pooled records (members, non-members and any population data).
    y : array-like of shape (n,)
        Their labels or targets.
    k : int, default=8
        Number of reference models (2 to 256).
    random_state : int, Generator or None, default=0
        Seed of the random halves; the same seed gives the same signals.
    n_jobs : int, optional
        Parallel jobs (joblib semantics; ``-1`` uses all cores). With a
        backend and no ``n_jobs``, all cores; for a local Dask cluster, its
        worker processes.
    backend : {"loky", "threading", "dask", "ray"}, optional
        Where the fits after the first run (see
        :func:`~modelprivacy.attacks.cluster.reference_backend`, whose
        enclosing block gives the default). ``"dask"`` and ``"ray"`` fit one
        task per model on the cluster ``scheduler`` names, or on a local
        cluster started for the call.
    progress : callable, optional
        Called as ``progress(done, k)`` after each model.
    eval_idx : ndarray of int, optional
        The records to score (all by default); the models still train on
        halves of all records. The returned arrays have one column per
        scored record.
    fit_budget : float, optional
        Wall-clock seconds each reference fit may take. By default the first
        fit may take :data:`~modelprivacy.attacks.refit.FIRST_FIT_BUDGET_S`
        (600 s) and each later one 20 times as long as the first did, at
        least 60 s (:func:`~modelprivacy.attacks.refit.reference_budget`).
    scheduler : str or distributed.Client, optional
        A Dask scheduler's address (``tcp://HOST:PORT``) or a connected
        Client, or a Ray cluster (``auto``, ``ray://HOST:PORT``, or a head
        node's ``HOST:PORT`` with ``backend="ray"``).
    cache : ReferenceCache or bool, optional
        Where to read and keep the signals
        (:class:`~modelprivacy.attacks.cache.ReferenceCache`): by default the
        enclosing :func:`~modelprivacy.attacks.cache.reference_cache` block's,
        none outside one; True for that block's or the default directory;
        False for none. A hit fits nothing and returns the
        stored signals (``cached=True``), the same as the fits would give; only
        fits that all finished are stored.

    Notes
    -----
    On Dask, the target and the pooled data are scattered to the workers
    once and each model after the first is one task (its fit keeps
    scikit-learn's own parallelism inside the worker); a task whose worker
    dies is run again on another. The results are assembled in model order,
    so they are the same as in this process for the same seed.

    The first model is fitted in this process and timed; unless worker
    processes would finish the others sooner (the time saved by spreading the
    fits must exceed about 2 s of start-up plus sending them the data), they
    are fitted here as well. A fit that already kept several cores busy here
    (its CPU time over its wall time: a forest with ``n_jobs=-1``, OpenMP or
    BLAS threads) saves less when spread, since the workers share those cores.
    The signals are the same either way. Fits in this process use the cores
    that other running tasks leave free
    (:func:`~modelprivacy._threads.fit_threads`), unless ``OMP_NUM_THREADS``
    or a BLAS thread variable is set.

    Each fit runs under its budget (see
    :func:`~modelprivacy.attacks.refit.call_with_budget`): past it, the fits
    stop with a :class:`~modelprivacy.attacks.refit.RefitBudgetError` that
    names the model and the budget.

    Returns
    -------
    ReferenceSignals
        The membership matrix, the signals and the refit notes.

    Raises
    ------
    RefitBudgetError
        If a reference fit did not finish within its budget.
    BackendError
        For a backend or scheduler that cannot be used (see
        :func:`~modelprivacy.attacks.cluster.check_backend`).
    """
    if (
        not isinstance(k, (int, np.integer))
        or not MIN_REFERENCE_MODELS <= k <= MAX_REFERENCE_MODELS
    ):
        raise ValueError(
            f"The 'k' parameter of fit_reference_models must be an int in [2, 256]. Got {k!r} instead."
        )
    rng = _generator(random_state)
    y = np.asarray(y)
    membership = balanced_membership(len(y), int(k), rng)
    shared = _SHARED.get()
    store, fits, key = _cache_entry(cache, target, X, y, membership, eval_idx, shared is not None)
    scored = membership if eval_idx is None else membership[:, eval_idx]
    if shared is not None and key is not None and key in shared.signals:
        if progress is not None:
            progress(int(k), int(k))
        return shared.signals[key]
    if store is not None and key is not None:
        hit = store.load(key, scored)
        if hit is not None:
            if progress is not None:
                progress(int(k), int(k))
            return hit
    siblings = shared.siblings(target, fits) if shared is not None and fits is not None else []
    sibling_targets = tuple(t for _, t in siblings)
    X_eval, y_eval = _eval_rows(X, y, eval_idx)
    rows: list[np.ndarray | None] = [None] * int(k)
    reached: list[tuple[bool, ...]] = [()] * int(k)
    finished = 0

    def done(i: int, result: tuple[np.ndarray, tuple[bool, ...]]) -> None:
        nonlocal finished
        rows[i], reached[i] = result
        finished += 1
        if progress is not None:
            progress(finished, int(k))

    def what(i: int) -> str:
        return f"reference model {i + 1} of {int(k)} ({type(target.estimator).__name__})"

    with reference_backend(backend, scheduler, n_jobs) as run:
        # The first model is fitted here and timed: when the rest would take less than
        # starting worker processes costs, they are fitted here too (same results).
        # Fits in this process leave the cores that other tasks use now to them
        # (OpenMP threads on busy cores wait for each other); worker processes get
        # their share of cores from joblib, and Dask workers from their own settings.
        threads = fit_threads()
        budget = reference_budget(None, fit_budget)
        t0, c0 = time.perf_counter(), time.process_time()
        with limited_threads(threads):
            done(
                0,
                _fit_one(
                    target, X, y, membership[0], X_eval, y_eval, budget, what(0), sibling_targets
                ),
            )
        first_s = time.perf_counter() - t0
        first_cores = _cores_used(time.process_time() - c0, first_s)
        budget = reference_budget(first_s, fit_budget)
        placement = _fit_rest(
            run,
            target,
            X,
            y,
            membership,
            X_eval,
            y_eval,
            budget,
            what,
            done,
            threads,
            first_s,
            sibling_targets,
            first_cores,
        )
    plan = target.refit_plan()
    notes = plan.report(reached) if plan is not None else ()
    # one (K, n) matrix, or with siblings one per target: (1 + siblings, K, n)
    stacked = np.stack(rows, axis=1 if sibling_targets else 0)  # type: ignore[arg-type]
    result = ReferenceSignals(
        membership=scored,
        signals=stacked[0] if sibling_targets else stacked,
        refit_notes=notes,
        signal="logit" if target.output == "proba" else None,
        placement=placement,
    )
    if store is not None and key is not None:
        store.store(key, result)
    if shared is not None and key is not None:
        shared.signals[key] = result
        for j, (sibling_key, sibling) in enumerate(siblings, start=1):
            kept = ReferenceSignals(
                membership=scored,
                signals=stacked[j],
                refit_notes=notes,
                signal="logit" if sibling.output == "proba" else None,
                placement=_shared_placement(placement, int(k), target.mode),
            )
            shared.signals[sibling_key] = kept
            if store is not None:
                store.store(sibling_key, kept)
    return result


def _shared_placement(placement: str, k: int, mode: Any) -> str:
    """Where models fitted for another release mode ran, said for the mode that reuses them."""
    first = str(mode) if mode is not None else "file"
    head = (
        f"reference models: the {k} fitted for release mode {first} (one set of fits for every "
        "mode), queried as this mode serves them"
    )
    if not placement:
        return head
    return f"{head}; {placement[0].lower()}{placement[1:]}"


def _cache_entry(
    cache: ReferenceCache | bool | None,
    target: Target,
    X: Any,
    y: np.ndarray,
    membership: np.ndarray,
    eval_idx: np.ndarray | None,
    shared: bool = False,
) -> tuple[ReferenceCache | None, str | None, str | None]:
    """The cache in force, the key of these models and the key of the target's signals.

    The keys are ``None`` when neither a cache nor ``shared`` fits need them,
    or when the fits cannot be keyed (a ``fit_fn``, unhashable data).
    """
    from modelprivacy.attacks.cache import ReferenceCache, active_cache, fits_key, signals_key

    store: Any = None
    if cache is not False:
        store = active_cache() if cache is None or cache is True else cache
        if cache is True and store is None:
            store = ReferenceCache()
        if not isinstance(store, ReferenceCache):
            store = None
    if store is None and not shared:
        return None, None, None
    fits = fits_key(target, X, y, membership, eval_idx, in_memory=shared)
    if fits is None:
        return None, None, None
    if target.fit_fn is not None:  # keyed in memory only: never on disk
        store = None
    return store, fits, signals_key(fits, target)


def _fit_rest(
    run: ReferenceBackend,
    target: Target,
    X: Any,
    y: np.ndarray,
    membership: np.ndarray,
    X_eval: Any,
    y_eval: np.ndarray | None,
    budget: tuple[float, str],
    what: Callable[[int], str],
    done: Callable[[int, tuple[np.ndarray, tuple[bool, ...]]], None],
    threads: int | None,
    first_s: float,
    siblings: Sequence[Target] = (),
    first_cores: float = 1.0,
) -> str:
    """Fit the models after the first where ``run`` says; where they ran (or ``""``).

    ``first_cores`` is the cores the first fit kept busy (see :func:`_speedup`).
    """
    k = len(membership)
    rest = range(1, k)
    head = "reference models: 1 fitted in this process (timed)"
    if run.cluster is not None:
        run.cluster.map(
            _fit_row,
            (target, X, y, membership, X_eval, y_eval, tuple(siblings) or None),
            [(budget, i, what(i)) for i in rest],
            done=lambda j, result: done(j + 1, result),
        )
        return f"{head}, {k - 1} on {run.cluster.where()}, one task each"
    rest_s = first_s * (k - 1)
    data_bytes = functools.cache(lambda: _data_bytes(X))  # measured once, if needed
    if not _in_parallel(rest_s, run.n_jobs, run.backend, k - 1, data_bytes, first_cores):
        with limited_threads(threads):
            for i in rest:
                done(
                    i,
                    _fit_one(
                        target, X, y, membership[i], X_eval, y_eval, budget, what(i), siblings
                    ),
                )
        if not run.parallel:
            return ""
        jobs = _workers(run.n_jobs, k - 1)
        head = f"reference models: all {k} fitted in this process; the first took {_seconds(first_s)} s"
        if _speedup(jobs, first_cores) < jobs:
            from joblib import cpu_count

            return (
                f"{head} and kept {first_cores:.1f} of {cpu_count()} cores busy: {jobs} worker "
                "processes, sharing the cores, would not save the time of starting them and "
                f"sending them the data (about {_seconds(_startup_s(data_bytes()))} s)"
            )
        return (
            f"{head}, too quick for {jobs} worker processes to pay for starting "
            f"them and sending them the data (about {_seconds(_startup_s(data_bytes()))} s)"
        )
    config: dict[str, Any] = {"n_jobs": run.n_jobs}
    if run.backend is not None:  # else joblib's default (loky), or the caller's parallel_config
        config["backend"] = run.backend
    with parallel_config(**config):
        # a task is sent when a worker is free: each holds the pooled data as pickled
        # bytes until a worker reads them (text columns are not memory-mapped), so with
        # twice as many sent ahead the audit's process held up to 2 more copies of them
        parallel = Parallel(return_as="generator", pre_dispatch="n_jobs")
        calls = (
            delayed(_fit_one)(
                target, X, y, membership[i], X_eval, y_eval, budget, what(i), siblings
            )
            for i in rest
        )
        for i, result in zip(rest, parallel(calls), strict=True):
            done(i, result)
    workers = _workers(run.n_jobs, k - 1)
    kind = {"threading": "threads", "loky": "loky worker processes"}.get(
        run.backend or "", "joblib workers"
    )
    return f"{head}, {k - 1} on {workers} {kind}"
