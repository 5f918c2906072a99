"""Building blocks of hostile files, shared by the tests of safe loading.

Each pickles as something the red team used: any callable (an allowlisted
instance too) applied to arguments, an object followed by a BUILD with a
chosen state, or estimators claiming to come from another scikit-learn with a
version string chosen by the file.
"""

from __future__ import annotations

import io
import pickle
from typing import Any

from sklearn.base import BaseEstimator


class Reduce:
    """Pickles as ``func(*args)``, whatever ``func`` is: the shape of every pickle exploit."""

    def __init__(self, func: Any, *args: Any) -> None:
        self.func = func
        self.args = args

    def __reduce__(self):
        return self.func, self.args

    def __call__(self, *args: Any) -> Any:  # pickle wants a callable in __reduce__
        raise AssertionError("a payload must never run in the test process")


class WithState:
    """Pickles as ``func(*args)`` followed by BUILD with ``state``."""

    def __init__(self, func: Any, args: tuple[Any, ...], state: Any) -> None:
        self.func, self.args, self.state = func, args, state

    def __reduce__(self):
        return self.func, self.args, self.state


def with_sklearn_version(estimator: Any, version: str) -> bytes:
    """Pickle ``estimator`` as if scikit-learn ``version`` (any text) had saved it."""

    class Pickler(pickle.Pickler):
        def reducer_override(self, obj: Any) -> Any:
            if isinstance(obj, BaseEstimator):
                rv = list(obj.__reduce_ex__(4))
                rv[2] = {**rv[2], "_sklearn_version": version}
                return tuple(rv)
            return NotImplemented

    buf = io.BytesIO()
    Pickler(buf, protocol=4).dump(estimator)
    return buf.getvalue()
