"""Exceptions raised by modelprivacy.

Every error a user can cause (a bad file, a missing column, an unfitted model)
is a :class:`ModelPrivacyError`. Its message names the problem and the fix, so
the command line can print it on one line and exit with status 2.
"""

from __future__ import annotations

__all__ = [
    "DataError",
    "ModelLoadError",
    "ModelPrivacyError",
    "NotFittedModelError",
    "UnsafeModelError",
]


class ModelPrivacyError(Exception):
    """Base class of the errors caused by the user's input.

    Parameters
    ----------
    message : str
        What is wrong and what to do about it.
    """


class ModelLoadError(ModelPrivacyError, ValueError):
    """A model file could not be read (empty, truncated, not a model)."""


class UnsafeModelError(ModelLoadError):
    """A model file refers to code outside the allowlist of trusted types.

    Parameters
    ----------
    message : str
        What was refused and how to load the file anyway.
    untrusted : tuple of str
        The fully qualified names of the refused globals or types.
    """

    def __init__(self, message: str, untrusted: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.untrusted = tuple(untrusted)


class NotFittedModelError(ModelPrivacyError, ValueError):
    """The estimator given to inspect has not been fitted."""


class DataError(ModelPrivacyError, ValueError):
    """Training data is missing, unreadable, or does not match the model."""
