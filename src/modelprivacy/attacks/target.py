"""The audited model as an attacker sees it: what it answers, and how to refit it.

A :class:`Target` wraps a fitted estimator. It knows whether the model answers
probabilities, decision scores or labels only, turns answers into the attack
signal, and fits clones of the estimator (same class and hyperparameters) for
reference models, or calls a user factory ``fit_fn(X, y) -> model`` for models
that :func:`sklearn.base.clone` cannot copy. The clones are made safe first
(:func:`~modelprivacy.attacks.refit.plan_refit`: no cache directory, integer
seeds, work capped at what the fitted model shows), once per target, and each
fit can be given a time budget.

A :class:`BlackBox` is a model known only by its answers: a function from a
table to class probabilities (``predict_proba``) or to predictions
(``predict``), such as a PyTorch or Keras network wrapped by its owner or a
model behind an HTTP endpoint. It checks what the function answers, queries it
in bounded batches and counts the records it was asked about. It has no model
object: nothing to inspect and nothing to clone, so reference models come only
from a ``fit_fn`` (:meth:`Target.refit_reason` says why not).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from scipy.special import logsumexp

from modelprivacy.attacks.refit import RefitPlan, call_with_budget, plan_refit
from modelprivacy.errors import ModelPrivacyError
from modelprivacy.release import ReleaseMode, ReleaseModeError, filter_output, not_applicable

__all__ = [
    "BLOCK_ROWS",
    "NO_MODEL_OBJECT",
    "BlackBox",
    "BlackBoxError",
    "Target",
    "as_query_model",
    "in_blocks",
    "leaf_proba",
    "logit_signal",
    "query",
    "served_logit",
    "transform",
]

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


def served_logit(mode: ReleaseMode, served: np.ndarray, label_index: np.ndarray) -> np.ndarray:
    """The logit of the true label's probability as an attacker reads it from filtered answers.

    Zeros are not taken at face value, or the signal would jump between
    about 4.6 (0.99) and 690 (1.0, the others 0) and break the Gaussian fits
    of LiRA. The attacker knows what the mode hides and reads the answer the
    way it was made:

    - ``rounded:D``: the probability lies within half a step ``h = 0.5 *
      10**-D`` of the served value, so a served 0 stands for ``[0, h]`` and a
      served 1 for ``[1 - h, 1]``: it is taken in ``[h / 2, 1 - h / 2]``, the
      middle of those intervals; ``log p - log(1 - p)``.
    - ``top:K``: a served class's probability is exact, and the probability
      of every class not served is at most what the served ones leave,
      ``1 - sum(served)``, spread over the classes not served (and at most
      the smallest served one). For a binary classifier top:1 answers all
      there is: this is the same signal as the full scores.

    Parameters
    ----------
    mode : ReleaseMode
        ``rounded:D`` or ``top:K`` (any other mode: :func:`logit_signal`).
    served : ndarray of shape (n, n_classes)
        The filtered probabilities.
    label_index : ndarray of shape (n,)
        Column of the true label for each row.

    Returns
    -------
    ndarray of shape (n,)
        The signal; higher means the model is more confident in the true label.
    """
    p_all = np.asarray(served, dtype=np.float64)
    rows = np.arange(len(p_all))
    p = p_all[rows, label_index]
    if mode.kind == "rounded":
        assert mode.decimals is not None
        quarter = 0.25 * 10.0 ** (-mode.decimals)
        p = np.clip(p, quarter, 1.0 - quarter)
        return np.asarray(np.log(p) - np.log1p(-p))
    if mode.kind != "top" or (mode.k or 0) >= p_all.shape[1]:
        return logit_signal(p_all, label_index)
    shown = p_all > 0
    n_hidden = np.maximum(p_all.shape[1] - shown.sum(axis=1), 1)
    left = np.clip(1.0 - p_all.sum(axis=1), 0.0, 1.0)
    smallest = np.where(shown, p_all, np.inf).min(axis=1)
    guess = np.minimum(left / n_hidden, np.where(np.isfinite(smallest), smallest, 1.0))
    served_y = p > 0
    p = np.clip(np.where(served_y, p, guess), _TINY, 1.0)
    # 1 - p: the other served classes and what all served leave (exact), or 1 - the guess
    others = p_all.sum(axis=1) - p_all[rows, label_index] + left
    rest = np.clip(np.where(served_y, others, 1.0 - p), _TINY, None)
    return np.asarray(np.log(p) - np.log(rest))


def _is_tree_classifier(model: Any) -> bool:
    """Whether ``model`` is a fitted single-output scikit-learn tree classifier."""
    tree = getattr(model, "tree_", None)
    return (
        tree is not None
        and callable(getattr(model, "apply", None))
        and getattr(model, "n_outputs_", 1) == 1
        and getattr(model, "classes_", None) is not None
        and hasattr(tree, "value")
        and hasattr(tree, "weighted_n_node_samples")
    )


def leaf_proba(model: Any, X: Any, prior: float = 1.0) -> np.ndarray:
    """Class probabilities of a tree from the training counts of each record's leaf, smoothed.

    A fully grown tree answers 0 or 1 for every record in a pure leaf, so
    its probabilities tie across most records. The leaf also stores how many
    training records (weighted) of each class reached it; smoothing those
    counts towards the uniform distribution with ``prior`` pseudo-records,
    ``(count + prior / n_classes) / (leaf size + prior)``, keeps the model's
    answer where the leaf is large and tells a leaf of one record from a leaf
    of fifty. The result is deterministic and comes from the model alone
    (white-box: the fitted tree's leaf counts), so the ties it breaks are
    broken by the model, never at random or by record order.

    Parameters
    ----------
    model : DecisionTreeClassifier or ExtraTreeClassifier
        A fitted single-output scikit-learn tree classifier.
    X : array-like
        Records, as the model takes them.
    prior : float, default=1.0
        Pseudo-records added to every leaf, spread evenly over the classes.

    Returns
    -------
    ndarray of shape (n, n_classes)
        Probabilities in the order of ``model.classes_``.

    Raises
    ------
    ModelPrivacyError
        If ``model`` is not a fitted single-output tree classifier or
        ``prior`` is not positive.
    """
    if not _is_tree_classifier(model):
        raise ModelPrivacyError(
            f"leaf counts need a fitted single-output scikit-learn tree classifier; got a "
            f"{type(model).__name__}"
        )
    if not isinstance(prior, int | float) or not prior > 0:
        raise ModelPrivacyError(f"the leaf-count prior must be a positive number; got {prior!r}")
    tree = model.tree_
    leaf = np.asarray(model.apply(X))
    value = np.asarray(tree.value, dtype=np.float64)[leaf, 0, :]
    # tree_.value holds class fractions (scikit-learn >= 1.4) or weighted counts (older)
    total = value.sum(axis=1, keepdims=True)
    size = np.asarray(tree.weighted_n_node_samples, dtype=np.float64)[leaf][:, None]
    counts = value / np.maximum(total, _TINY) * size
    n_classes = counts.shape[1]
    return np.asarray((counts + prior / n_classes) / (size + prior))


_CHUNK_ROWS = 2000  # below this many rows per thread, one call is cheaper
BLOCK_ROWS = 65_536
"""The most rows of one call of a model's method (:func:`in_blocks`)."""


class _Answers:
    """The last few answers of scikit-learn models' methods, keyed by the objects asked.

    An audit asks the same model the same records once per release mode (scores,
    rounded, top-k and labels all filter one ``predict_proba``), and each reference
    model likewise: on a k-NN, whose every query computes distances to all its
    training rows, those repeats were most of the audit. An answer is reused only for
    the very same model and records objects (``is``, never equality), and handed out
    as a copy, so that no caller sees another's changes.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: list[tuple[Any, str, Any, np.ndarray]] = []

    def get(self, owner: Any, name: str, X: Any) -> np.ndarray | None:
        for o, n, x, answer in self.entries:
            if o is owner and n == name and x is X:
                return answer.copy()
        return None

    def put(self, owner: Any, name: str, X: Any, answer: np.ndarray) -> None:
        self.entries.append((owner, name, X, answer.copy()))
        del self.entries[: max(0, len(self.entries) - self.size)]


_ANSWERS: contextvars.ContextVar[_Answers | None] = contextvars.ContextVar(
    "modelprivacy_answers", default=None
)


@contextmanager
def shared_answers(size: int = 8) -> Iterator[None]:
    """Within the block, :func:`query` answers a repeated question from memory.

    The same scikit-learn model's same method on the same records object (an audit's
    release modes, a reference model read through each mode): computed once, each
    caller getting a copy. At most ``size`` answers are kept, and none after the block.
    Models of other libraries and black boxes are always asked (their answers may
    change, and a black box counts its queries).

    Parameters
    ----------
    size : int, default=8
        How many answers are kept (the most recent).

    Yields
    ------
    None
        Inside the block.
    """
    token = _ANSWERS.set(_Answers(size))
    try:
        yield
    finally:
        _ANSWERS.reset(token)


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
        The answers, rows in the order of ``X``. Inside a :func:`shared_answers`
        block, a question already asked is answered from memory (a copy).
    """
    owner = getattr(method, "__self__", None)
    if not type(owner).__module__.startswith("sklearn."):
        return np.asarray(method(X))
    memo = _ANSWERS.get()
    name = getattr(method, "__name__", "")
    if memo is not None and name:
        hit = memo.get(owner, name, X)
        if hit is not None:
            return hit
    answer = _query(method, X, n_threads)
    if memo is not None and name and isinstance(answer, np.ndarray):
        memo.put(owner, name, X, answer)
    return answer


def _query(method: Callable[[Any], Any], X: Any, n_threads: int | None) -> np.ndarray:
    """:func:`query` of a scikit-learn model, without the memory of :func:`shared_answers`."""
    n = X.shape[0] if hasattr(X, "shape") else len(X)
    if n < _CHUNK_ROWS:
        # A few rows: OpenMP's threads (HistGradientBoosting starts them for every
        # tree) cost more than the work, by 100x on a busy machine.
        from modelprivacy._threads import thread_limit

        with thread_limit(1, user_api="openmp"):
            return np.asarray(method(X))
    # a multi-output predict_proba's list comes from one call on all rows
    return np.asarray(in_blocks(method, X, n_threads))


def transform(step: Any, X: Any) -> Any:
    """``step.transform(X)``; a scikit-learn step's in blocks of rows (the same output).

    One transform of a million records makes a Python string of every text value at
    once (hundreds of MB); in blocks (:func:`in_blocks`, one thread) only one block's
    are alive. Other libraries' steps get one call.

    Parameters
    ----------
    step : estimator
        A fitted transformer (a Pipeline's prefix, a ColumnTransformer ...).
    X : array-like
        Records.

    Returns
    -------
    ndarray, sparse matrix or DataFrame
        What ``step.transform(X)`` returns.
    """
    if type(step).__module__.startswith("sklearn."):
        return in_blocks(step.transform, X, n_threads=1)
    return step.transform(X)


def in_blocks(
    method: Callable[[Any], Any],
    X: Any,
    n_threads: int | None = None,
    block_rows: int = BLOCK_ROWS,
) -> Any:
    """``method(X)`` on blocks of rows, run over threads, stacked in the order of ``X``.

    For row-wise methods of scikit-learn estimators (``predict``, ``transform``): the
    answer equals that of one call. A block has at most ``block_rows`` rows, so that
    the temporaries of one call (a transform's Python strings for every text value, a
    model's per-row work arrays) stay bounded however large the table; the blocks
    are views of ``X`` (slices), not copies. Threads run through scikit-learn's own
    ``Parallel``, which carries the caller's ``sklearn.set_config`` into each thread.

    Parameters
    ----------
    method : callable
        A scikit-learn estimator's row-wise method.
    X : array-like
        Records (a DataFrame, an array or a sparse matrix).
    n_threads : int, optional
        Threads; all cores by default, one below ``2 * 2,000`` rows.
    block_rows : int, default=BLOCK_ROWS
        The most rows of one call.

    Returns
    -------
    ndarray, sparse matrix, DataFrame or list
        The answers stacked as the method gives them (arrays, sparse matrices or
        data frames); a method answering lists (multi-output ``predict_proba``) is
        called once on all rows.
    """
    import itertools
    import os

    import pandas as pd
    import scipy.sparse as sp
    from sklearn.utils import _safe_indexing
    from sklearn.utils.parallel import Parallel, delayed

    n = X.shape[0] if hasattr(X, "shape") else len(X)
    threads = max(1, min(n_threads or os.cpu_count() or 1, n // _CHUNK_ROWS))
    blocks = max(threads, -(-n // max(1, int(block_rows))))
    if blocks < 2:
        return method(X)
    bounds = np.linspace(0, n, blocks + 1).astype(int)
    calls = (
        delayed(method)(_safe_indexing(X, slice(int(a), int(b))))
        for a, b in itertools.pairwise(bounds)
    )
    parts = Parallel(n_jobs=threads, backend="threading")(calls)
    first = parts[0]
    if isinstance(first, list):
        return method(X)
    if sp.issparse(first):
        return sp.vstack(parts, format=first.format)
    if isinstance(first, pd.DataFrame | pd.Series):
        return pd.concat(parts)
    return np.concatenate([np.asarray(p) for p in parts], axis=0)


#: Why a check that reads the model object does not run on a black box.
NO_MODEL_OBJECT = "no model object: only queries"

DEFAULT_BATCH_SIZE = 1000
"""Records per call of a black-box function (an endpoint may limit request sizes)."""

_PROBE_ROWS = 5
_PROBA_TOLERANCE = 1e-3  # rows of float32 softmax outputs sum to 1 within about 1e-6


class BlackBoxError(ModelPrivacyError, ValueError):
    """A black-box function cannot be queried, or answers what no attack can use.

    The message names what it returned and what to change.
    """


def _n_rows(X: Any) -> int:
    return int(X.shape[0]) if hasattr(X, "shape") else len(X)


def _rows(X: Any, start: int, stop: int) -> Any:
    if hasattr(X, "iloc"):
        return X.iloc[start:stop]
    return X[start:stop]


def _callable_name(fn: Any) -> str:
    from modelprivacy._text import printable

    name = getattr(fn, "__qualname__", None) or type(fn).__name__
    return printable(name, 80)


class BlackBox:
    """A model known only by its answers: a function from a table to scores.

    Parameters
    ----------
    predict_proba : callable, optional
        ``predict_proba(X) -> scores`` of a classifier: ``X`` is a DataFrame
        with the training columns (an array when the data is an array), the
        answer an array of shape ``(n, n_classes)`` whose rows sum to 1, in
        the order of ``classes``, or of shape ``(n,)`` or ``(n, 1)``: the
        probability of the second class of a binary classifier.
    predict : callable, optional
        ``predict(X) -> predictions`` of a regressor: shape ``(n,)`` or
        ``(n, n_outputs)``. Exactly one of ``predict_proba`` and ``predict``.
    classes : array-like, optional
        The class labels in the order of the columns of ``predict_proba``;
        by default the sorted distinct labels of the training target (see
        :meth:`bind`).
    batch_size : int, default=1000
        At most this many records per call.
    name : str, optional
        How reports name the model (by default the function's name).
    progress : callable, optional
        ``progress(done, total)`` after each batch of a query of more than
        one batch.

    Attributes
    ----------
    classes_ : ndarray or None
        The class labels (``None`` for a regressor, or before :meth:`bind`).
    n_queries : int
        Records the function has been asked about so far (probes included).
    n_calls : int
        Calls made so far.
    bound : bool
        Whether :meth:`bind` has taken the columns and classes and probed.

    Notes
    -----
    The answers are checked on every call (shape, finite values, and for
    probabilities values in [0, 1] whose rows sum to 1); a function that
    fails or answers something else raises :class:`BlackBoxError`.
    """

    def __init__(
        self,
        predict_proba: Callable[[Any], Any] | None = None,
        predict: Callable[[Any], Any] | None = None,
        *,
        classes: Any = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        name: str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        given = [
            (m, f)
            for m, f in (("predict_proba", predict_proba), ("predict", predict))
            if f is not None
        ]
        if len(given) != 1:
            got = " and ".join(m for m, _ in given) or "neither"
            raise BlackBoxError(
                "pass exactly one of predict_proba= (a classifier's class probabilities) and "
                f"predict= (a regressor's predictions); got {got}"
            )
        method, fn = given[0]
        if not callable(fn):
            raise BlackBoxError(
                f"{method}= must be a function from a table to scores; got a {type(fn).__name__}"
            )
        if (
            isinstance(batch_size, bool)
            or not isinstance(batch_size, int | np.integer)
            or batch_size < 1
        ):
            raise ValueError(
                f"The 'batch_size' parameter of BlackBox must be an int >= 1. Got {batch_size!r} instead."
            )
        self.method: str = method
        self._fn = fn
        self.classes_: np.ndarray | None = None
        if classes is not None:
            self.classes_ = self._check_classes(np.asarray(classes))
        if method == "predict" and classes is not None:
            raise BlackBoxError(
                "classes= is for predict_proba=; predict= is a regressor's predictions"
            )
        self.batch_size = int(batch_size)
        self.name = name or f"black box ({method}={_callable_name(fn)})"
        self.progress = progress
        self.n_queries = 0
        self.n_calls = 0
        self.bound = False

    def __repr__(self) -> str:
        return f"BlackBox({self.name!r}, n_queries={self.n_queries})"

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["progress"] = None  # a callback of this process
        return state

    @property
    def output(self) -> Literal["proba", "regression"]:
        """What it answers: ``"proba"`` (a classifier) or ``"regression"``."""
        return "proba" if self.method == "predict_proba" else "regression"

    @staticmethod
    def _check_classes(classes: np.ndarray) -> np.ndarray:
        if classes.ndim != 1 or len(classes) < 2 or len(set(classes.tolist())) != len(classes):
            raise BlackBoxError(
                f"classes= must list at least 2 distinct labels, one per column of predict_proba; "
                f"got {len(classes.reshape(-1)):,} values"
            )
        return classes

    def bind(self, X: Any, y: Any = None) -> BlackBox:
        """Take the columns and classes from the training data and probe the function.

        Parameters
        ----------
        X : DataFrame or array
            The training records, as the function takes them.
        y : array-like, optional
            Their labels: the classes are their sorted distinct values unless
            ``classes`` was given.

        Returns
        -------
        BlackBox
            Itself.

        Raises
        ------
        BlackBoxError
            When there are no classes, or the function fails or answers
            something no attack can use on the first rows.

        Notes
        -----
        Only the first call binds: the attacks of one audit share the black
        box, and its probe is counted once.
        """
        if self.bound:
            return self
        if hasattr(X, "columns"):
            self.feature_names_in_ = np.asarray(list(X.columns), dtype=object)
        if hasattr(X, "shape") and len(X.shape) == 2:
            self.n_features_in_ = int(X.shape[1])
        if self.method == "predict_proba" and self.classes_ is None:
            if y is None:
                raise BlackBoxError(
                    "the class labels of predict_proba's columns are unknown: pass classes=[...] "
                    "or the training data with its target column"
                )
            labels = np.asarray(y)
            try:
                classes = np.unique(labels[~np.asarray(_isna(labels))])
            except TypeError as exc:
                raise BlackBoxError(
                    "the training labels cannot be sorted into classes (mixed types); pass "
                    "classes=[...] in the order of predict_proba's columns"
                ) from exc
            self.classes_ = self._check_classes(classes)
        n = _n_rows(X)
        if n:
            self._answer(_rows(X, 0, min(_PROBE_ROWS, n)), probe=True)
        self.bound = True
        return self

    @property
    def predict_proba(self) -> Callable[[Any], np.ndarray]:
        """The class probabilities of records, in the order of ``classes_`` (a classifier only)."""
        if self.method != "predict_proba":
            raise AttributeError("a black box given predict= (a regressor) has no predict_proba")
        return self._answer

    def predict(self, X: Any) -> np.ndarray:
        """Predictions: the function's (a regressor), or the most probable class."""
        out = self._answer(X)
        if self.method == "predict":
            return out
        assert self.classes_ is not None
        return np.asarray(self.classes_[np.argmax(out, axis=1)])

    def _answer(self, X: Any, probe: bool = False) -> np.ndarray:
        n = _n_rows(X)
        parts = []
        for start in range(0, n, self.batch_size):
            stop = min(start + self.batch_size, n)
            parts.append(self._call(_rows(X, start, stop), stop - start, probe))
            if self.progress is not None and n > self.batch_size:
                self.progress(stop, n)
        if not parts:
            width = len(self.classes_) if self.classes_ is not None else 1
            return np.zeros((0, width)) if self.method == "predict_proba" else np.zeros(0)
        return np.concatenate(parts, axis=0)

    def _call(self, X: Any, m: int, probe: bool) -> np.ndarray:
        from modelprivacy._text import describe_exception

        what = f"{self.method}=" + (f" (probed on {m:,} training records)" if probe else "")
        self.n_calls += 1
        self.n_queries += m
        try:
            raw = self._fn(X)
        except Exception as exc:
            kind = "a DataFrame with the training columns" if hasattr(X, "columns") else "an array"
            raise BlackBoxError(
                f"{what} failed on {m:,} records ({describe_exception(exc)}); it is called with "
                f"{kind}: convert inside it (np.asarray(X, dtype=np.float32) for a network)"
            ) from exc
        try:
            out = np.asarray(raw, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise BlackBoxError(
                f"{what} returned a {type(raw).__name__} that is not an array of numbers; return a "
                "numpy array (a tensor: .detach().cpu().numpy())"
            ) from exc
        if self.method == "predict_proba":
            return self._check_proba(out, m, what)
        if out.ndim not in (1, 2) or out.shape[0] != m:
            raise BlackBoxError(
                f"{what} returned an array of shape {out.shape} for {m:,} records; return one "
                "prediction per record, shape (n,) or (n, n_outputs)"
            )
        self._check_finite(out, what, "predictions")
        return out

    @staticmethod
    def _check_finite(out: np.ndarray, what: str, kind: str) -> None:
        bad = ~np.isfinite(out.reshape(out.shape[0], -1)).all(axis=1)
        if bad.any():
            raise BlackBoxError(
                f"{what} returned NaN or infinite values for {int(bad.sum()):,} of {len(bad):,} "
                f"records (the first at row {int(np.argmax(bad))}); return finite {kind}"
            )

    def _check_proba(self, out: np.ndarray, m: int, what: str) -> np.ndarray:
        classes = self.classes_
        if classes is None:
            raise BlackBoxError(
                "the class labels of predict_proba's columns are unknown: pass classes=[...]"
            )
        c = len(classes)
        if out.ndim == 0 or out.shape[0] != m or out.ndim > 2:
            raise BlackBoxError(
                f"{what} returned an array of shape {out.shape} for {m:,} records; return one row "
                f"of {c} class probabilities per record, shape (n, {c})"
            )
        single = out.ndim == 1 or out.shape[1] == 1
        if single and c != 2:
            raise BlackBoxError(
                f"{what} returned one score per record, which can only be the probability of the "
                f"second class of a binary classifier, but there are {c} classes; return shape (n, {c})"
            )
        if not single and out.shape[1] != c:
            raise BlackBoxError(
                f"{what} returned {out.shape[1]} columns but there are {c} classes; return one "
                "column per class, or pass classes=[...] in the order of its columns"
            )
        self._check_finite(out, what, "probabilities")
        lo, hi = float(out.min(initial=0.0)), float(out.max(initial=0.0))
        if lo < -_PROBA_TOLERANCE or hi > 1 + _PROBA_TOLERANCE:
            raise BlackBoxError(
                f"{what} returned values outside [0, 1] (from {lo:.3g} to {hi:.3g}): logits or "
                "decision scores, not probabilities; apply a softmax (a sigmoid for one output)"
            )
        if single:
            p = np.clip(out.reshape(m), 0.0, 1.0)
            return np.c_[1.0 - p, p]
        sums = out.sum(axis=1)
        off = np.abs(sums - 1.0) > _PROBA_TOLERANCE
        if off.any():
            i = int(np.argmax(off))
            raise BlackBoxError(
                f"{what} returned rows that do not sum to 1 ({int(off.sum()):,} of {m:,}; row {i} "
                f"sums to {sums[i]:.3g}); return the probability of every class (apply a softmax)"
            )
        return np.clip(out, 0.0, 1.0)


def _isna(values: np.ndarray) -> np.ndarray:
    import pandas as pd

    return np.asarray(pd.isna(values))


def as_query_model(
    model: Any = None,
    predict_proba: Callable[[Any], Any] | None = None,
    predict: Callable[[Any], Any] | None = None,
    *,
    classes: Any = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Any:
    """The model an attack queries: ``model``, or a :class:`BlackBox` of one function.

    Parameters
    ----------
    model : estimator, optional
        A fitted model object.
    predict_proba, predict : callable, optional
        A black box's function (see :class:`BlackBox`). Exactly one of
        ``model``, ``predict_proba`` and ``predict``.
    classes : array-like, optional
        The black box's class labels.
    batch_size : int, default=1000
        Records per call of the black box.

    Returns
    -------
    estimator or BlackBox
        ``model`` itself, or the black box (not yet bound to the data).

    Raises
    ------
    BlackBoxError
        With none or more than one of the three, or a bare function as ``model``.
    """
    given = [
        n
        for n, v in (("model", model), ("predict_proba", predict_proba), ("predict", predict))
        if v is not None
    ]
    if len(given) != 1:
        got = " and ".join(given) or "none"
        raise BlackBoxError(
            "pass exactly one of a model object, predict_proba= (a function returning class "
            f"probabilities) and predict= (a regressor's function); got {got}"
        )
    if model is None:
        return BlackBox(predict_proba, predict, classes=classes, batch_size=batch_size)
    if classes is not None and not isinstance(model, BlackBox):
        raise BlackBoxError(
            "classes= is for predict_proba=; a model object names its classes in classes_"
        )
    if (
        callable(model)
        and not isinstance(model, BlackBox)
        and not any(
            callable(getattr(model, m, None))
            for m in ("predict", "predict_proba", "decision_function")
        )
    ):
        raise BlackBoxError(
            f"the model is a function ({_callable_name(model)}), not a model object: pass it as "
            "predict_proba= (class probabilities) or predict= (a regressor's predictions)"
        )
    return model


def _is_regressor(est: Any) -> bool:
    """scikit-learn's ``is_regressor``, also for objects of other libraries (no sklearn tags)."""
    from sklearn.base import is_regressor

    try:
        return bool(is_regressor(est))
    except Exception:  # no __sklearn_tags__: an object that only answers queries
        return getattr(est, "_estimator_type", None) == "regressor"


@dataclass
class Target:
    """A fitted model and the way to query and refit it.

    Parameters
    ----------
    estimator : estimator or BlackBox
        The fitted model, or a black box known only by its answers.
    fit_fn : callable, optional
        ``fit_fn(X, y) -> fitted model`` (or a function from records to
        scores, see :meth:`as_model`) for reference models; by default a
        clone of ``estimator`` is fitted. A :class:`BlackBox` has reference
        models only with ``fit_fn``.
    output : {"proba", "decision", "label", "regression"}, optional
        What the attack may query; inferred from the estimator by default
        (probabilities if it has ``predict_proba``, else decision scores, else
        labels; ``regression`` for regressors).
    leaf_counts : bool, default=False
        For a scikit-learn tree classifier answering probabilities (the
        target and each reference model alike), take the signal from the
        smoothed training counts of the record's leaf (:func:`leaf_proba`)
        instead of ``predict_proba``: white-box, deterministic, and it breaks
        the ties of a fully grown tree's 0/1 probabilities. Other models keep
        the usual signal. White-box: turned off in every release mode but
        ``file``.
    release : ReleaseMode or str, optional
        How the model is released (:mod:`modelprivacy.release`): every answer
        of the target and of every reference model goes through the mode's
        output filter (:func:`~modelprivacy.release.filter_output`), so the
        attacks see what the mode serves and calibrate against reference
        models that are served the same way. ``labels`` makes ``output``
        ``"label"`` (a regressor keeps ``"regression"``: its predictions are
        its labels). ``None`` (the default) and ``file`` change nothing. A
        :class:`~modelprivacy.sanitizing.release.ReleasedModel` is unwrapped:
        the model inside is queried through ``release``, by default the
        wrapper's own mode.

    Attributes
    ----------
    classes : ndarray or None
        The class labels (``None`` for a regressor).
    native_output : str
        What the model answers before the release filter (``output`` is what
        the attacks see after it).

    Raises
    ------
    ReleaseModeError
        For a release mode that cannot filter what the model answers
        (``top:K`` on a regressor or on multi-class decision values), or an
        ``output`` other than labels in ``labels`` mode.
    """

    estimator: Any
    fit_fn: Callable[[Any, Any], Any] | None = None
    output: Output | None = None
    leaf_counts: bool = False
    release: ReleaseMode | str | None = None
    classes: np.ndarray | None = field(default=None, init=False)
    native_output: Output | None = field(default=None, init=False)
    _plan: RefitPlan | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        est = self._unwrap_released(self.estimator)
        if self.release is not None:
            self.release = ReleaseMode.parse(self.release)
            if not self.release.white_box:
                self.leaf_counts = False  # the leaves' counts are in the file, not in the answers
            if self.release.kind == "labels" and self.output not in (None, "label", "regression"):
                raise ReleaseModeError(
                    f"output={self.output!r} contradicts release mode labels, which answers the "
                    "predicted label only; leave output out or pass output='label'"
                )
        if isinstance(est, BlackBox):
            self.output = est.output
            if est.output == "proba":
                if est.classes_ is None:
                    raise BlackBoxError(
                        "the class labels of predict_proba's columns are unknown: pass classes=[...]"
                    )
                self.classes = np.asarray(est.classes_)
            self._apply_release()
            return
        from modelprivacy.models._registry import as_estimator

        est = self.estimator = as_estimator(est)  # a library's model from its own file
        mode = self.mode
        if mode is not None and mode.kind == "labels" and self.output == "label":
            self.output = None  # what the model answers in full; the mode then serves labels
        if self.output is None:
            if _is_regressor(est):
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
        self._apply_release()

    @property
    def mode(self) -> ReleaseMode | None:
        """The release mode (``None``: the model's answers as they are, as in ``file``)."""
        return ReleaseMode.parse(self.release) if self.release is not None else None

    def _unwrap_released(self, est: Any) -> Any:
        """The model inside a ReleasedModel (its mode the default release); ``est`` otherwise."""
        import sys

        module = sys.modules.get("modelprivacy.sanitizing.release")
        wrapper = getattr(module, "ReleasedModel", None)
        if wrapper is None or not isinstance(est, wrapper):
            return est
        if self.release is None:
            self.release = ReleaseMode.parse(est.release)
        self.estimator = est.model
        return est.model

    def _apply_release(self) -> None:
        """Record what the model answers, then what the release mode serves of it."""
        assert self.output is not None
        self.native_output = self.output
        mode = self.mode
        if mode is None:
            return
        n_classes = None if self.classes is None else len(self.classes)
        reason = not_applicable(mode, self.output, n_classes)
        if reason:
            raise ReleaseModeError(reason)
        if mode.kind == "labels" and self.output != "regression":
            if not callable(getattr(self.estimator, "predict", None)):
                raise ReleaseModeError(
                    f"release mode labels queries the predicted labels, and the "
                    f"{type(self.estimator).__name__} has no predict"
                )
            self.output = "label"

    def _served(self, values: np.ndarray, kind: str) -> np.ndarray:
        """``values`` as the release mode serves them (unchanged without a mode)."""
        mode = self.mode
        if mode is None or not mode.filters:
            return values
        return filter_output(mode, values, kind)

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
            pred = self._served(pred, "regression")
            return np.asarray(-((pred - y.reshape(len(y), -1).astype(np.float64)) ** 2).sum(axis=1))
        assert self.classes is not None
        if self.output == "label":
            return (query(m.predict, X) == y).astype(np.float64)
        idx = self.label_index(y)
        if self.output == "proba":
            if self.leaf_counts and _is_tree_classifier(m):
                return logit_signal(self._aligned(m, leaf_proba(m, X)), idx)
            proba = self._aligned_proba(m, X)
            if self.mode is not None and self.mode.kind in ("rounded", "top"):
                return served_logit(self.mode, self._served(proba, "proba"), idx)
            return logit_signal(proba, idx)
        scores = np.asarray(query(m.decision_function, X), dtype=np.float64)
        scores = self._served(scores, "decision")
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
            predictions (``regression``), as the release mode serves them.
        """
        m = self.estimator if model is None else model
        n = X.shape[0] if hasattr(X, "shape") else len(X)
        if self.output == "proba":
            return self._served(self._aligned_proba(m, X), "proba").reshape(n, -1)
        if self.output == "decision":
            scores = np.asarray(query(m.decision_function, X), dtype=np.float64)
            return self._served(scores, "decision").reshape(n, -1)
        pred = query(m.predict, X)
        if self.output == "label":
            return self.class_index(pred).astype(np.float64).reshape(n, 1)
        return self._served(np.asarray(pred, dtype=np.float64), "regression").reshape(n, -1)

    def class_index(self, labels: Any) -> np.ndarray:
        """Position of each label in ``classes``; ``-1`` for a label the model does not know."""
        import pandas as pd

        assert self.classes is not None
        return np.asarray(pd.Index(self.classes).get_indexer(np.asarray(labels)))

    def _aligned_proba(self, model: Any, X: Any) -> np.ndarray:
        """Probabilities in the target's class order (a reference model may lack a rare class)."""
        return self._aligned(model, np.asarray(query(model.predict_proba, X), dtype=np.float64))

    def _aligned(self, model: Any, proba: np.ndarray) -> np.ndarray:
        """``proba`` (in ``model.classes_`` order) in the target's class order."""
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
        if isinstance(self.estimator, BlackBox):
            raise ModelPrivacyError(
                f"{NO_MODEL_OBJECT}: nothing to clone; pass fit_fn=(X, y) -> fitted model or "
                "function to train reference models"
            )
        if self._plan is None:
            try:
                self._plan = plan_refit(self.estimator)
            except Exception as exc:
                raise ModelPrivacyError(
                    f"the {type(self.estimator).__name__} cannot be cloned ({exc}); pass fit_fn=(X, y) -> model "
                    "to say how to train a reference model"
                ) from exc
        return self._plan

    def refit_reason(self) -> str:
        """Why no reference model can be fitted (``""`` when one can: a clone or ``fit_fn``)."""
        try:
            self.refit_plan()
        except ModelPrivacyError as exc:
            return str(exc)
        return ""

    def as_model(self, fitted: Any) -> Any:
        """A reference model from what ``fit_fn`` returned: a model object, or a function.

        A function becomes a :class:`BlackBox` of the target's kind and classes,
        its answers checked like the target's.
        """
        wanted = "predict" if self.output == "regression" else "predict_proba"
        if self.output in ("decision", "label"):
            wanted = "decision_function" if self.output == "decision" else "predict"
        if callable(getattr(fitted, wanted, None)):
            return fitted
        native = self.native_output or self.output
        if callable(fitted) and native in ("proba", "regression"):
            batch = getattr(self.estimator, "batch_size", DEFAULT_BATCH_SIZE)
            if native == "regression":
                return BlackBox(predict=fitted, batch_size=batch, name="reference model")
            return BlackBox(
                predict_proba=fitted, classes=self.classes, batch_size=batch, name="reference model"
            )
        raise ModelPrivacyError(
            f"fit_fn returned a {type(fitted).__name__}, which has no {wanted}; return a fitted model "
            f"or a function from records to {'predictions' if wanted == 'predict' else 'scores'}"
        )

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
            return self.as_model(call_with_budget(lambda: fit_fn(X, y), budget, what, how))
        model = plan.fresh()
        return call_with_budget(lambda: model.fit(X, y), budget, what, how)
