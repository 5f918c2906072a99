"""Reference models: clones of the target fitted on random halves of the pooled data.

Every audited record is IN the training half of about half of the K reference
models and OUT of the rest (a balanced design: exactly K/2 each when K is even),
so every record has both IN and OUT signals for LiRA and RMIA. The models are
trained once, in parallel through joblib (any backend: loky locally, Dask or
Ray on a cluster), and their signals on every pooled record are kept; the
models themselves are not.

The models are cloned from a safe template of the target
(:func:`~modelprivacy.attacks.refit.plan_refit`) and every fit has a time
budget (:func:`~modelprivacy.attacks.refit.reference_budget`); the changes
made to the file's hyperparameters that made a difference to the fits come
back as :attr:`ReferenceSignals.refit_notes`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from joblib import Parallel, delayed, parallel_config

from modelprivacy._threads import fit_threads, limited_threads
from modelprivacy.attacks.refit import reference_budget
from modelprivacy.attacks.target import Target

__all__ = ["ReferenceSignals", "balanced_membership", "fit_reference_models"]

_WORKER_STARTUP_S = 2.0  # rough cost of starting loky workers and sending them the data
_TRANSFER_BYTES_PER_S = 2e8  # pickling and memory-mapping the pooled data for the workers


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
    """

    membership: np.ndarray
    signals: np.ndarray
    refit_notes: tuple[str, ...] = ()
    signal: str | None = None

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


def _fit_one(
    target: Target,
    X: Any,
    y: np.ndarray,
    inside: np.ndarray,
    X_eval: Any = None,
    y_eval: np.ndarray | None = None,
    budget: tuple[float, str] | None = None,
    what: str = "a reference model",
) -> tuple[np.ndarray, tuple[bool, ...]]:
    """Fit one reference model; its signals, and which refit changes it reached."""
    from sklearn.utils import _safe_indexing

    idx = np.flatnonzero(inside)
    seconds, how = budget if budget is not None else (None, "")
    model = target.fit_clone(_safe_indexing(X, idx), y[idx], budget=seconds, what=what, how=how)
    plan = target.refit_plan()
    reached = plan.reached(model) if plan is not None else ()
    if X_eval is None or y_eval is None:
        return target.signal(X, y, model=model), reached
    return target.signal(X_eval, y_eval, model=model), reached


def _parallel_pays(rest_s: float, n_jobs: int, tasks: int, X: Any) -> bool:
    """Whether worker processes would finish the remaining fits sooner than this process.

    Sequential: ``rest_s``. Parallel: starting the workers and sending them the
    data, plus ``rest_s / workers``.
    """
    from joblib import effective_n_jobs

    workers = max(1, min(effective_n_jobs(n_jobs), tasks))
    nbytes = getattr(X, "nbytes", None)
    if nbytes is None and hasattr(X, "memory_usage"):
        nbytes = int(X.memory_usage(deep=True).sum())
    transfer_s = float(nbytes or 0) / _TRANSFER_BYTES_PER_S
    return rest_s * (1.0 - 1.0 / workers) > _WORKER_STARTUP_S + transfer_s


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
        Parallel jobs (joblib semantics; ``-1`` uses all cores).
    backend : str, optional
        A joblib backend name ("loky", "threading", "dask", "ray", ...).
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

    Notes
    -----
    The first model is fitted in this process and timed; unless worker
    processes would finish the others sooner (the time saved by spreading the
    fits must exceed about 2 s of start-up plus sending them the data), they
    are fitted here as well. The signals are the same either way. Fits in
    this process use the cores that other running tasks leave free
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
    """
    if not isinstance(k, (int, np.integer)) or not 2 <= k <= 256:
        raise ValueError(
            f"The 'k' parameter of fit_reference_models must be an int in [2, 256]. Got {k!r} instead."
        )
    rng = (
        random_state
        if isinstance(random_state, np.random.Generator)
        else np.random.default_rng(random_state)
    )
    y = np.asarray(y)
    membership = balanced_membership(len(y), int(k), rng)
    X_eval = y_eval = None
    if eval_idx is not None:
        from sklearn.utils import _safe_indexing

        eval_idx = np.asarray(eval_idx, dtype=np.int64)
        X_eval, y_eval = _safe_indexing(X, eval_idx), y[eval_idx]
    rows: list[np.ndarray] = []
    reached: list[tuple[bool, ...]] = []

    def done(result: tuple[np.ndarray, tuple[bool, ...]]) -> None:
        rows.append(result[0])
        reached.append(result[1])
        if progress is not None:
            progress(len(rows), int(k))

    def what(i: int) -> str:
        return f"reference model {i + 1} of {int(k)} ({type(target.estimator).__name__})"

    # The first model is fitted here and timed: when the rest would take less than
    # starting worker processes costs, they are fitted here too (same results).
    # Fits in this process leave the cores that other tasks use now to them
    # (OpenMP threads on busy cores wait for each other); worker processes get
    # their share of cores from joblib.
    threads = fit_threads()
    budget = reference_budget(None, fit_budget)
    t0 = time.perf_counter()
    with limited_threads(threads):
        done(_fit_one(target, X, y, membership[0], X_eval, y_eval, budget, what(0)))
    first_s = time.perf_counter() - t0
    rest_s = first_s * (int(k) - 1)
    budget = reference_budget(first_s, fit_budget)
    if n_jobs in (None, 1) or (
        backend in (None, "loky") and not _parallel_pays(rest_s, n_jobs, int(k) - 1, X)
    ):
        with limited_threads(threads):
            for i, m in enumerate(membership[1:], start=1):
                done(_fit_one(target, X, y, m, X_eval, y_eval, budget, what(i)))
    else:
        config = {
            key: value
            for key, value in (("backend", backend), ("n_jobs", n_jobs))
            if value is not None
        }
        with parallel_config(**config):
            parallel = Parallel(return_as="generator")
            jobs = (
                delayed(_fit_one)(target, X, y, m, X_eval, y_eval, budget, what(i))
                for i, m in enumerate(membership[1:], start=1)
            )
            for result in parallel(jobs):
                done(result)
    if eval_idx is not None:
        membership = membership[:, eval_idx]
    plan = target.refit_plan()
    notes = plan.report(reached) if plan is not None else ()
    return ReferenceSignals(
        membership=membership,
        signals=np.vstack(rows),
        refit_notes=notes,
        signal="logit" if target.output == "proba" else None,
    )
