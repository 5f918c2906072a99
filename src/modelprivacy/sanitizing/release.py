"""Lock a model away: a serving wrapper that answers only what a release mode allows.

:class:`ReleasedModel` is a small scikit-learn estimator around a fitted
model. Its ``predict`` always answers; ``predict_proba`` and
``decision_function`` answer only in modes that serve scores, through the
mode's output filter (:func:`modelprivacy.release.filter_output`), and do not
exist otherwise (``hasattr`` is False, as scikit-learn does for a method an
estimator cannot offer). :func:`lock_away` saves it with skops, atomically,
and checks that the file loads back through modelprivacy's safe loader.

The wrapper protects a *served* model, not a shared file. It holds the whole
model: whoever holds the file can take ``wrapper.model`` out and read and
query everything it stores. Put the file behind an endpoint that calls the
wrapper; do not share it. An inspection of the file still reports everything
the model inside stores (:data:`NOTICE` says so in reports).

>>> from sklearn.neighbors import KNeighborsClassifier
>>> from modelprivacy.sanitizing.release import ReleasedModel
>>> knn = KNeighborsClassifier(n_neighbors=1).fit([[0], [1]], [0, 1])
>>> served = ReleasedModel(knn, release="labels")
>>> served.predict([[0.9]]).tolist()
[1]
>>> hasattr(served, "predict_proba")
False
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.utils.metaestimators import available_if

from modelprivacy.attacks.target import _is_regressor
from modelprivacy.errors import DataError, ModelPrivacyError
from modelprivacy.release import ReleaseMode, ReleaseModeError, filter_output, not_applicable

__all__ = ["NOTICE", "LockedAway", "ReleasedModel", "lock_away", "wrapper_notice"]

NOTICE = (
    "this is a serving wrapper (ReleasedModel, release {mode}): it limits what a served model "
    "answers, not what the file holds; anyone who holds the file can unwrap it (.model) and "
    "read and query the whole model, so everything inside is exposed as if the model were "
    "shared itself; serve it behind an endpoint, do not share the file"
)
"""What reports say about a wrapper (``{mode}`` is its release mode)."""

_WRAPPABLE = "labels, rounded:D or top:K"


def _n_classes(est: Any) -> int | None:
    classes = getattr(est, "classes_", None)
    return None if classes is None else len(np.asarray(classes).reshape(-1))


class ReleasedModel(BaseEstimator):
    """A fitted model that answers only what its release mode allows.

    Parameters
    ----------
    model : estimator
        The fitted model to serve. (It is called ``model``, not
        ``estimator``: scikit-learn meta-estimators keep an unfitted template
        under that name, and the inspection reads this one as fitted.)
    release : str, default="labels"
        The release mode (:mod:`modelprivacy.release`): ``"labels"``,
        ``"rounded:D"``, ``"top:K"``, or ``"scores"`` (everything, unchanged).

    Attributes
    ----------
    classes_ : ndarray
        The wrapped classifier's classes.
    n_features_in_ : int
        The wrapped model's number of input features.
    feature_names_in_ : ndarray
        The wrapped model's input column names, when it was fitted on a DataFrame.

    Notes
    -----
    ``predict`` always answers: the labels, or a regressor's predictions
    (rounded in ``rounded:D``). ``predict_proba`` and ``decision_function``
    exist only when the wrapped model has them and the mode serves them
    filtered: never in ``labels``, and ``decision_function`` not in ``top:K``
    for a multi-class model, whose decision values have no value for a class
    that is not answered. No other method of the wrapped model is served
    (``predict_log_proba``, ``score``, ``apply``...).

    ``fit`` refits the wrapped estimator in place and returns the wrapper, so
    that ``clone(wrapper).fit(X, y)`` trains a model served the same way; a
    locked-away model is already fitted.

    The wrapper does not protect the file: ``wrapper.model`` is the whole
    model (see :data:`NOTICE`).
    """

    def __init__(self, model: Any = None, release: str = "labels") -> None:
        self.model = model
        self.release = release

    @property
    def mode(self) -> ReleaseMode:
        """The release mode, parsed (``file`` is refused: a wrapper serves answers)."""
        mode = ReleaseMode.parse(self.release)
        if mode.white_box:
            raise ReleaseModeError(
                "a ReleasedModel serves answers, and release mode file is the model file itself; "
                f"use {_WRAPPABLE} (or scores)"
            )
        return mode

    def __sklearn_is_fitted__(self) -> bool:
        """Whether the wrapped estimator is fitted."""
        from sklearn.utils.validation import check_is_fitted

        if self.model is None:
            return False
        if not isinstance(self.model, BaseEstimator):
            return callable(getattr(self.model, "predict", None))
        try:
            check_is_fitted(self.model)
        except Exception:
            return False
        return True

    def __sklearn_tags__(self) -> Any:
        """The wrapped estimator's kind (classifier or regressor) and input tags."""
        tags = super().__sklearn_tags__()
        try:
            from sklearn.utils import get_tags

            inner = get_tags(self.model)
        except Exception:  # not a scikit-learn estimator
            return tags
        tags.estimator_type = inner.estimator_type
        tags.classifier_tags = inner.classifier_tags
        tags.regressor_tags = inner.regressor_tags
        tags.target_tags = inner.target_tags
        tags.input_tags = inner.input_tags
        return tags

    def fit(self, X: Any, y: Any = None, **fit_params: Any) -> ReleasedModel:
        """Fit the wrapped estimator on ``(X, y)`` in place.

        Parameters
        ----------
        X : array-like
            Training records.
        y : array-like, optional
            Their targets.
        **fit_params
            Passed to the wrapped estimator's ``fit``.

        Returns
        -------
        ReleasedModel
            Itself.
        """
        self.mode  # noqa: B018  # refuse a bad mode before fitting
        self.model.fit(X, y, **fit_params)
        return self

    def predict(self, X: Any) -> np.ndarray:
        """The predicted labels, or a regressor's predictions as the mode serves them.

        Parameters
        ----------
        X : array-like
            Records, as the wrapped model takes them.

        Returns
        -------
        ndarray
            One prediction per record.
        """
        mode = self.mode
        out = np.asarray(self.model.predict(X))
        if _is_regressor(self.model):
            return filter_output(mode, out, "regression")
        return out

    def _serves(self, method: str) -> bool:
        mode = self.mode
        if not mode.serves_scores or not callable(getattr(self.model, method, None)):
            return False
        kind = "proba" if method == "predict_proba" else "decision"
        return not not_applicable(mode, kind, _n_classes(self.model))

    @available_if(lambda self: self._serves("predict_proba"))
    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities as the mode serves them (rounded, or the top K).

        Parameters
        ----------
        X : array-like
            Records.

        Returns
        -------
        ndarray of shape (n, n_classes)
            The filtered probabilities; rows need not sum to 1 (see
            :mod:`modelprivacy.release`).
        """
        proba = self.model.predict_proba(X)
        return filter_output(self.mode, proba, "proba")

    @available_if(lambda self: self._serves("decision_function"))
    def decision_function(self, X: Any) -> np.ndarray:
        """Decision values as the mode serves them (rounded in ``rounded:D``).

        Parameters
        ----------
        X : array-like
            Records.

        Returns
        -------
        ndarray of shape (n,) or (n, n_classes)
            The filtered decision values.
        """
        scores = self.model.decision_function(X)
        return filter_output(self.mode, scores, "decision")

    def _inner(self, name: str) -> Any:
        try:
            return getattr(self.model, name)
        except AttributeError:
            raise AttributeError(
                f"the {type(self.model).__name__} inside this ReleasedModel has no {name}"
            ) from None

    @property
    def classes_(self) -> np.ndarray:
        """The wrapped classifier's classes."""
        return np.asarray(self._inner("classes_"))

    @property
    def n_features_in_(self) -> int:
        """The wrapped model's number of input features."""
        return int(self._inner("n_features_in_"))

    @property
    def feature_names_in_(self) -> np.ndarray:
        """The wrapped model's input column names."""
        return np.asarray(self._inner("feature_names_in_"))


def wrapper_notice(model: Any) -> str | None:
    """What a report must say about a serving wrapper, or None for any other model.

    Parameters
    ----------
    model : object
        A loaded or inspected model.

    Returns
    -------
    str or None
        :data:`NOTICE` with the wrapper's mode, one line.
    """
    if not isinstance(model, ReleasedModel):
        return None
    try:
        mode = str(ReleaseMode.parse(model.release))
    except ModelPrivacyError:
        from modelprivacy._text import printable

        mode = printable(model.release, 40)
    return NOTICE.format(mode=mode)


@dataclass(frozen=True)
class LockedAway:
    """A model locked away by :func:`lock_away`.

    Attributes
    ----------
    path : pathlib.Path
        The skops file written.
    model : ReleasedModel
        The wrapper, as written (audit it in its mode:
        ``Target(model)`` queries the model inside through the mode).
    mode : ReleaseMode
        The mode it serves.
    notice : str
        What the report must say: the wrapper protects a served model, not
        a shared file.
    """

    path: Path
    model: ReleasedModel
    mode: ReleaseMode
    notice: str


def _native_output(model: Any) -> str:
    if _is_regressor(model):
        return "regression"
    if callable(getattr(model, "predict_proba", None)):
        return "proba"
    if callable(getattr(model, "decision_function", None)):
        return "decision"
    return "label"


def lock_away(
    model: Any,
    mode: ReleaseMode | str,
    path: str | os.PathLike[str],
    *,
    inputs: Sequence[str | os.PathLike[str]] = (),
) -> LockedAway:
    """Save ``model`` in a serving wrapper that answers only what ``mode`` allows.

    The wrapper is written with :func:`skops.io.dump` to a temporary file in
    the target directory, loaded back with :func:`modelprivacy.load.load_model`
    (no ``--trust``: the file must pass the safe loader and its validation),
    then moved over ``path``, so ``path`` holds its old content or the
    complete wrapper, never a partial or unloadable file.

    Parameters
    ----------
    model : estimator
        A fitted model (not already a :class:`ReleasedModel`).
    mode : ReleaseMode or str
        ``labels``, ``rounded:D`` or ``top:K``.
    path : str or os.PathLike
        The output file (``.skops``; a pickle suffix is refused).
    inputs : sequence of str or os.PathLike, default=()
        Files the model was read from: ``path`` may not be one of them.

    Returns
    -------
    LockedAway
        The path, the wrapper, the mode and the notice for the report.

    Raises
    ------
    ReleaseModeError
        For ``file`` or ``scores`` (nothing to lock away), a mode the model's
        answers do not fit (``top:K`` on a regressor), or a model that is
        already a wrapper.
    DataError
        If ``path`` is an input, a directory, in a missing directory, or a
        pickle file name.
    ModelPrivacyError
        If the model is not fitted, or the wrapper cannot be saved as a skops
        file that the safe loader reads back (a model of a library whose
        skops state it refuses).
    """
    parsed = ReleaseMode.parse(mode)
    if parsed.kind in ("file", "scores"):
        raise ReleaseModeError(
            f"release mode {parsed} serves everything the model answers: there is nothing to lock "
            f"away; use {_WRAPPABLE}"
        )
    if isinstance(model, ReleasedModel):
        raise ReleaseModeError(
            f"the model is already a ReleasedModel (release {model.release}); lock away the model "
            "inside it (its .model) instead"
        )
    if not callable(getattr(model, "predict", None)):
        raise ModelPrivacyError(
            f"a {type(model).__name__} has no predict: a serving wrapper needs a fitted model"
        )
    wrapper = ReleasedModel(model, release=str(parsed))
    if not wrapper.__sklearn_is_fitted__():
        raise ModelPrivacyError(
            f"the {type(model).__name__} has not been fitted; lock away the fitted model"
        )
    reason = not_applicable(parsed, _native_output(model), _n_classes(model))
    if reason:
        raise ReleaseModeError(reason)
    out = Path(path)
    from modelprivacy.sanitizing.save import JOBLIB_SUFFIXES, check_destination

    if out.suffix.lower() in JOBLIB_SUFFIXES:
        raise DataError(
            f"cannot write '{out}': a serving wrapper is saved with skops, which loads without "
            "running code; give a .skops file"
        )
    parent = check_destination(out, inputs, "the serving wrapper")
    import skops.io as sio

    from modelprivacy._files import umask_mode
    from modelprivacy.load import load_model

    data = sio.dumps(wrapper)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            load_model(tmp, contain=False)
        except ModelPrivacyError as exc:
            raise ModelPrivacyError(
                f"the {type(model).__name__} cannot be locked away in a skops file that modelprivacy "
                f"loads without --trust ({exc}); nothing was written"
            ) from exc
        os.chmod(tmp, umask_mode())
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return LockedAway(out, wrapper, parsed, NOTICE.format(mode=parsed))
