"""The audited model as an attacker sees it: what it answers, and how to refit it.

A :class:`Target` wraps a fitted estimator. It knows whether the model answers
probabilities, decision scores or labels only, turns answers into the attack
signal, and fits clones of the estimator (same class and hyperparameters) for
reference models, or calls a user factory ``fit_fn(X, y) -> model`` for models
that :func:`sklearn.base.clone` cannot copy. The clones are made safe first
(:func:`~modelprivacy.attacks.refit.plan_refit`: no cache directory, integer
seeds, work capped at what the fitted model shows), once per target, and each
fit can be given a time budget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from scipy.special import logsumexp

from modelprivacy.attacks.refit import RefitPlan, call_with_budget, plan_refit
from modelprivacy.errors import ModelPrivacyError

__all__ = ["Target", "logit_signal", "query"]

Output = Literal["proba", "decision", "label", "regression"]

_TINY = 1e-300


def logit_signal(proba: np.ndarray, label_index: np.ndarray) -> np.ndarray:
    """Logit-scaled probability of the true label, computed stably.

    ``log p_y - log(sum of the other probabilities)``, from log-probabilities,
    so that a confident correct prediction (``p_y`` close to 1) keeps its
    magnitude instead of saturating.

    Parameters
    ----------
    proba : ndarray of shape (n, n_classes)
        Predicted probabilities.
    label_index : ndarray of shape (n,)
        Column of the true label for each row.

    Returns
    -------
    ndarray of shape (n,)
        The signal; higher means the model is more confident in the true label.
    """
    p = np.clip(np.asarray(proba, dtype=np.float64), _TINY, 1.0)
    logp = np.log(p)
    rows = np.arange(len(p))
    log_py = logp[rows, label_index]
    others = logp.copy()
    others[rows, label_index] = -np.inf
    log_rest = logsumexp(others, axis=1)
    # 1 - p_y computed from the other classes keeps precision when p_y ~ 1
    return np.asarray(log_py - log_rest)


_CHUNK_ROWS = 2000  # below this many rows per thread, one call is cheaper


def query(method: Callable[[Any], Any], X: Any, n_threads: int | None = None) -> np.ndarray:
    """Call a scikit-learn model's ``predict``-like method on row chunks in parallel threads.

    Most of scikit-learn's prediction work (distance computations, sorting,
    tree traversal, BLAS) releases the GIL, so splitting the rows over threads
    uses every core without copying the model into worker processes. The rows
    are independent, so the answers equal those of one call. Threads run
    through scikit-learn's own ``Parallel``, which carries the caller's
    ``sklearn.set_config`` (e.g. pandas output) into each thread. Models from
    other libraries, whose prediction may not be thread-safe, get one call.

    Parameters
    ----------
    method : callable
        ``model.predict_proba``, ``model.decision_function`` or ``model.predict``.
    X : array-like
        Records (a DataFrame, an array or a sparse matrix).
    n_threads : int, optional
        Threads; all cores by default.

    Returns
    -------
    ndarray
        The answers, rows in the order of ``X``.
    """
    import itertools
    import os

    from sklearn.utils import _safe_indexing
    from sklearn.utils.parallel import Parallel, delayed

    owner = getattr(method, "__self__", None)
    n = X.shape[0] if hasattr(X, "shape") else len(X)
    threads = min(n_threads or os.cpu_count() or 1, n // _CHUNK_ROWS)
    if not type(owner).__module__.startswith("sklearn."):
        return np.asarray(method(X))
    if threads < 2:
        if n >= _CHUNK_ROWS:
            return np.asarray(method(X))
        # A few rows: OpenMP's threads (HistGradientBoosting starts them for every
        # tree) cost more than the work, by 100x on a busy machine.
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=1, user_api="openmp"):
            return np.asarray(method(X))
    bounds = np.linspace(0, n, threads + 1).astype(int)
    chunks = [_safe_indexing(X, np.arange(a, b)) for a, b in itertools.pairwise(bounds)]
    parts = Parallel(n_jobs=threads, backend="threading")(delayed(method)(c) for c in chunks)
    if any(isinstance(p, list) for p in parts):  # multi-output predict_proba: one call
        return np.asarray(method(X))
    return np.concatenate([np.asarray(p) for p in parts], axis=0)


@dataclass
class Target:
    """A fitted model and the way to query and refit it.

    Parameters
    ----------
    estimator : estimator
        The fitted model.
    fit_fn : callable, optional
        ``fit_fn(X, y) -> fitted model`` for reference models; by default a
        clone of ``estimator`` is fitted.
    output : {"proba", "decision", "label", "regression"}, optional
        What the attack may query; inferred from the estimator by default
        (probabilities if it has ``predict_proba``, else decision scores, else
        labels; ``regression`` for regressors).
    """

    estimator: Any
    fit_fn: Callable[[Any, Any], Any] | None = None
    output: Output | None = None
    classes: np.ndarray | None = field(default=None, init=False)
    _plan: RefitPlan | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        from sklearn.base import is_regressor

        est = self.estimator
        if self.output is None:
            if is_regressor(est):
                self.output = "regression"
            elif callable(getattr(est, "predict_proba", None)):
                self.output = "proba"
            elif callable(getattr(est, "decision_function", None)):
                self.output = "decision"
            elif callable(getattr(est, "predict", None)):
                self.output = "label"
            else:
                raise ModelPrivacyError(
                    f"a {type(est).__name__} cannot be queried: it has no predict, predict_proba or "
                    "decision_function; membership attacks need a model that answers queries"
                )
        if self.output != "regression":
            classes = getattr(est, "classes_", None)
            if classes is None:
                raise ModelPrivacyError(
                    f"the {type(est).__name__} has no classes_: pass output='regression' for a regressor"
                )
            self.classes = np.asarray(classes)

    def signal(self, X: Any, y: Any, model: Any = None) -> np.ndarray:
        """The attack signal of ``model`` (the target by default) on records ``(X, y)``.

        Parameters
        ----------
        X : array-like
            Records, as the model takes them.
        y : array-like
            Their true labels or targets.
        model : estimator, optional
            A reference model; the target when omitted.

        Returns
        -------
        ndarray of shape (n,)
            Higher means the model fits the record better (more member-like):
            the logit of the true-label probability, the margin of the true
            label, correctness (label-only), or the negative squared error.
        """
        m = self.estimator if model is None else model
        y = np.asarray(y)
        if self.output == "regression":
            pred = np.asarray(query(m.predict, X), dtype=np.float64).reshape(len(y), -1)
            return np.asarray(-((pred - y.reshape(len(y), -1).astype(np.float64)) ** 2).sum(axis=1))
        assert self.classes is not None
        if self.output == "label":
            return (query(m.predict, X) == y).astype(np.float64)
        idx = self.label_index(y)
        if self.output == "proba":
            return logit_signal(self._aligned_proba(m, X), idx)
        scores = np.asarray(query(m.decision_function, X), dtype=np.float64)
        if scores.ndim == 1:  # binary: the margin towards the true label
            return np.where(idx == 1, scores, -scores)
        rows = np.arange(len(y))
        others = scores.copy()
        others[rows, idx] = -np.inf
        return np.asarray(scores[rows, idx] - logsumexp(others, axis=1))

    def answers(self, X: Any, model: Any = None) -> np.ndarray:
        """What the model answers on ``X``, as a float matrix with one row per record.

        Parameters
        ----------
        X : array-like
            Records, as the model takes them.
        model : estimator, optional
            A reference model; the target when omitted.

        Returns
        -------
        ndarray of shape (n, d)
            Probabilities (``proba``), decision scores (``decision``), the
            position of the predicted label in ``classes`` (``label``), or the
            predictions (``regression``).
        """
        m = self.estimator if model is None else model
        n = X.shape[0] if hasattr(X, "shape") else len(X)
        if self.output == "proba":
            return self._aligned_proba(m, X).reshape(n, -1)
        if self.output == "decision":
            return np.asarray(query(m.decision_function, X), dtype=np.float64).reshape(n, -1)
        pred = query(m.predict, X)
        if self.output == "label":
            return self.class_index(pred).astype(np.float64).reshape(n, 1)
        return np.asarray(pred, dtype=np.float64).reshape(n, -1)

    def class_index(self, labels: Any) -> np.ndarray:
        """Position of each label in ``classes``; ``-1`` for a label the model does not know."""
        import pandas as pd

        assert self.classes is not None
        return np.asarray(pd.Index(self.classes).get_indexer(np.asarray(labels)))

    def _aligned_proba(self, model: Any, X: Any) -> np.ndarray:
        """Probabilities in the target's class order (a reference model may lack a rare class)."""
        proba = np.asarray(query(model.predict_proba, X), dtype=np.float64)
        assert self.classes is not None
        own = np.asarray(getattr(model, "classes_", self.classes))
        if own.shape == self.classes.shape and np.all(own == self.classes):
            return proba
        full = np.zeros((proba.shape[0], len(self.classes)))
        full[:, self.label_index(own)] = proba
        return full

    def label_index(self, y: np.ndarray) -> np.ndarray:
        """Column of each true label in the target's ``classes_``."""
        classes = self.classes
        assert classes is not None
        order = np.argsort(classes)
        pos = np.searchsorted(classes[order], y)
        pos = np.clip(pos, 0, len(classes) - 1)
        idx = order[pos]
        if not np.all(classes[idx] == y):
            missing = sorted(set(np.asarray(y)[classes[idx] != y].tolist()))[:5]
            raise ModelPrivacyError(
                f"labels {missing} are not among the model's classes {classes.tolist()[:10]}; "
                "pass the target column the model was trained on"
            )
        return np.asarray(idx)

    def refit_plan(self) -> RefitPlan | None:
        """The safe template reference models are cloned from, made once (``None`` with ``fit_fn``).

        Returns
        -------
        RefitPlan or None
            The template (see :func:`~modelprivacy.attacks.refit.plan_refit`)
            and the changes made to the file's hyperparameters.

        Raises
        ------
        ModelPrivacyError
            If the estimator cannot be cloned.
        """
        if self.fit_fn is not None:
            return None
        if self._plan is None:
            try:
                self._plan = plan_refit(self.estimator)
            except Exception as exc:
                raise ModelPrivacyError(
                    f"the {type(self.estimator).__name__} cannot be cloned ({exc}); pass fit_fn=(X, y) -> model "
                    "to say how to train a reference model"
                ) from exc
        return self._plan

    def fit_clone(
        self,
        X: Any,
        y: Any,
        *,
        budget: float | None = None,
        what: str = "a reference model",
        how: str = "",
    ) -> Any:
        """Fit a reference model: a safe clone of the target (or ``fit_fn``) on ``(X, y)``.

        Parameters
        ----------
        X, y : array-like
            The training half.
        budget : float, optional
            Wall-clock seconds the fit may take (no limit by default).
        what : str, default="a reference model"
            The model, for the error message.
        how : str, default=""
            How the budget was chosen, for the error message.

        Returns
        -------
        estimator
            The fitted reference model.

        Raises
        ------
        RefitBudgetError
            If the fit did not finish within ``budget`` seconds.
        ModelPrivacyError
            If the estimator cannot be cloned.
        """
        plan = self.refit_plan()
        if plan is None:
            assert self.fit_fn is not None
            fit_fn = self.fit_fn
            return call_with_budget(lambda: fit_fn(X, y), budget, what, how)
        model = plan.fresh()
        return call_with_budget(lambda: model.fit(X, y), budget, what, how)
