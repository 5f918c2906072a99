"""Models of other libraries as scikit-learn estimators: queried by the library, refit from the file.

A model loaded from a library's own file (an ``xgboost.Booster`` from
``.json``, a ``lightgbm.Booster`` from its text format) has no
``predict_proba``, no ``classes_`` and no ``fit``: the membership and
attribute attacks could not query or refit it. :class:`NativeModel` gives it
that interface:

- **queries** go to the library's own ``predict`` on the loaded model itself
  (``booster_``), so the attacks see exactly what the model answers;
- **reference models** are trained by the library from the parameters the
  file stores, read as data through an allowlist (:func:`allowed_params`):
  only known training parameters of the right type and within bounds are
  kept; file names, thread counts, devices and anything unknown are dropped,
  so a refit cannot read or write a file, start a network service or
  oversubscribe the machine. What was dropped or not stored is said in
  :attr:`NativeModel.refit_notes`, which the report shows.

Each library's module (:mod:`modelprivacy.models.lightgbm`,
:mod:`modelprivacy.models.xgboost`) subclasses it and registers a
constructor with :func:`modelprivacy.models._registry.register_estimator`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

import numpy as np
from sklearn.base import BaseEstimator

from modelprivacy._text import printable
from modelprivacy.errors import ModelPrivacyError, NotFittedModelError

__all__ = ["Allowed", "NativeModel", "Task", "allowed_params"]

Task = Literal["binary", "multiclass", "regression"]

#: ``(type, low, high)`` bounds of a numeric parameter, or a set of allowed strings.
Allowed = Mapping[str, "tuple[type, float, float] | frozenset[str]"]


def allowed_params(
    params: Mapping[str, Any], allowed: Allowed, library: str
) -> tuple[dict[str, Any], list[str]]:
    """The parameters of ``params`` that are in ``allowed``, of the right type and in bounds.

    Parameters
    ----------
    params : mapping
        Parameters read from a model file (untrusted).
    allowed : mapping
        For each parameter kept: ``(int, low, high)``, ``(float, low, high)``,
        ``(bool, 0, 1)`` or a frozenset of the strings allowed.
    library : str
        The library's name, for the notes.

    Returns
    -------
    dict
        The parameters kept, converted to their types.
    list of str
        One note per parameter dropped because its value was not allowed
        (unknown parameters are dropped silently: most are settings of
        LightGBM's I/O or of the machine, not of the model).
    """
    out: dict[str, Any] = {}
    notes: list[str] = []
    for key in sorted(params):
        rule = allowed.get(key)
        if rule is None:
            continue
        value = params[key]
        kept = _convert(value, rule)
        if kept is None:
            notes.append(
                f"the {library} parameter {key} ({printable(repr(value), 40)}) is not a value a refit accepts; "
                f"{library}'s default was used"
            )
            continue
        out[key] = kept
    return out, notes


def _convert(value: Any, rule: tuple[type, float, float] | frozenset[str]) -> Any:
    """``value`` as the rule's type, or None when it does not fit the rule."""
    if isinstance(rule, frozenset):
        return value if isinstance(value, str) and value in rule else None
    kind, low, high = rule
    if kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("0", "1", "true", "false"):
            return value.strip().lower() in ("1", "true")
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        return None
    if isinstance(value, bool):
        return None
    try:
        number = float(str(value).strip().strip("[]")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if not math.isfinite(number) or not low <= number <= high:
        return None
    if kind is int:
        return int(number) if number == int(number) else None
    return number


class NativeModel(BaseEstimator):
    """A model of another library, queried by that library and refit from its file's parameters.

    Parameters
    ----------
    params : dict, optional
        The library's training parameters (already allowlisted).
    rounds : int, default=100
        Boosting rounds of a refit.
    task : {"binary", "multiclass", "regression"}, default="binary"
        What the model predicts.
    n_classes : int, default=2
        Classes of a classifier (labels ``0 .. n_classes - 1``, as the
        library trains them).

    Attributes
    ----------
    booster_ : object
        The library's fitted model: the loaded one, or a refit.
    classes_ : ndarray
        ``arange(n_classes)`` for a classifier.
    refit_notes : tuple of str
        What the file did not store, or stored and was not used, for a refit.
    """

    library: ClassVar[str] = ""

    def __init__(
        self,
        params: dict[str, Any] | None = None,
        rounds: int = 100,
        task: Task = "binary",
        n_classes: int = 2,
    ) -> None:
        self.params = params
        self.rounds = rounds
        self.task = task
        self.n_classes = n_classes

    refit_notes: tuple[str, ...] = ()

    def __sklearn_tags__(self) -> Any:
        from sklearn.utils import ClassifierTags, RegressorTags

        tags = super().__sklearn_tags__()
        if self.task == "regression":
            tags.estimator_type = "regressor"
            tags.regressor_tags = RegressorTags()
        else:
            tags.estimator_type = "classifier"
            tags.classifier_tags = ClassifierTags(multi_class=self.task == "multiclass")
        return tags

    @property
    def _estimator_type(self) -> str:
        return "regressor" if self.task == "regression" else "classifier"

    # -- what a subclass provides ------------------------------------------------

    def _train(self, X: Any, y: np.ndarray) -> Any:
        """Train the library's model on ``(X, y)`` (labels already ``0 .. k-1``)."""
        raise NotImplementedError

    def _raw(self, X: Any) -> np.ndarray:
        """The library's prediction: probabilities of class 1 (binary), of every class, or values."""
        raise NotImplementedError

    # -- the scikit-learn interface -----------------------------------------------

    def _adopt(self, booster: Any) -> NativeModel:
        self.booster_ = booster
        if self.task != "regression":
            self.classes_ = np.arange(self.n_classes)
        return self

    def fit(self, X: Any, y: Any) -> NativeModel:
        """Train a new model of the library with this model's parameters.

        Parameters
        ----------
        X : array-like of shape (n, d)
            Records.
        y : array-like of shape (n,)
            Labels ``0 .. n_classes - 1`` (a classifier) or targets.

        Returns
        -------
        NativeModel
            ``self``, fitted.
        """
        labels = np.asarray(y)
        if self.task != "regression":
            try:
                codes = labels.astype(np.int64)
            except (TypeError, ValueError):
                codes = np.full(len(labels), -1)
            if (
                not np.array_equal(codes, labels)
                or codes.min(initial=0) < 0
                or (codes.max(initial=0) >= self.n_classes)
            ):
                raise ModelPrivacyError(
                    f"a {self.library} model trained from its own file takes labels 0 to "
                    f"{self.n_classes - 1}; encode the target column as the model was trained"
                )
            labels = codes
        return self._adopt(self._train(X, labels))

    def _fitted(self) -> Any:
        booster = getattr(self, "booster_", None)
        if booster is None:
            raise NotFittedModelError(f"this {self.library} model is not fitted yet")
        return booster

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, as the library computes them.

        Parameters
        ----------
        X : array-like of shape (n, d)
            Records.

        Returns
        -------
        ndarray of shape (n, n_classes)
            The probabilities.
        """
        if self.task == "regression":
            raise AttributeError("a regressor has no predict_proba")
        self._fitted()
        raw = np.asarray(self._raw(X), dtype=np.float64)
        if self.task == "binary":
            p = raw.reshape(-1)
            return np.column_stack([1.0 - p, p])
        return raw.reshape(raw.shape[0], self.n_classes)

    def predict(self, X: Any) -> np.ndarray:
        """The predicted class (a classifier) or value (a regressor).

        Parameters
        ----------
        X : array-like of shape (n, d)
            Records.

        Returns
        -------
        ndarray of shape (n,)
            The predictions.
        """
        self._fitted()
        if self.task == "regression":
            return np.asarray(self._raw(X), dtype=np.float64).reshape(-1)
        return np.asarray(self.classes_[np.argmax(self.predict_proba(X), axis=1)])
