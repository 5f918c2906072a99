"""Exceptions raised by modelprivacy.

Every error a user can cause (a bad file, a missing column, an unfitted model)
is a :class:`ModelPrivacyError`. Its message names the problem and the fix, so
the command line can print it on one line and exit with status 2.

A message often quotes the file (a class name, a column, a library's own
error), and the file is written by a stranger. So the message is made one
clean line when the error is built: control characters, line breaks and
invisible format characters are escaped (see :mod:`modelprivacy._text`), and
it is cut at :data:`MAX_MESSAGE` characters. ``str(error)`` is always safe to
print.
"""

from __future__ import annotations

from modelprivacy._text import describe_exception, one_line, printable

__all__ = [
    "MAX_MESSAGE",
    "DataError",
    "ModelLoadError",
    "ModelPrivacyError",
    "NotFittedModelError",
    "UnsafeModelError",
    "as_privacy_error",
]

MAX_MESSAGE = 2000
"""The most characters of an error message (the rest is cut with a marker)."""


class ModelPrivacyError(Exception):
    r"""Base class of the errors caused by the user's input.

    Parameters
    ----------
    message : str
        What is wrong and what to do about it. It is stored as one line:
        surrounding whitespace is trimmed, control and invisible format
        characters are escaped (``"\x1b"``, ``"\n"``), and it is cut at
        :data:`MAX_MESSAGE` characters.
    """

    def __init__(self, message: object = "") -> None:
        super().__init__(one_line(message, MAX_MESSAGE))

    @property
    def message(self) -> str:
        """The clean one-line message (the same as ``str(error)``)."""
        return str(self)

    def __str__(self) -> str:
        # args can be reassigned after construction: stay one clean line anyway
        if len(self.args) == 1:
            return one_line(self.args[0], MAX_MESSAGE)
        return one_line(", ".join(printable(a, 200) for a in self.args), MAX_MESSAGE)


class ModelLoadError(ModelPrivacyError, ValueError):
    """A model file could not be read (empty, truncated, not a model)."""


class UnsafeModelError(ModelLoadError):
    """A model file refers to code outside the allowlist of trusted types.

    Parameters
    ----------
    message : str
        What was refused and how to load the file anyway.
    untrusted : tuple of str
        The fully qualified names of the refused globals or types, as the file
        spells them (compare them with the allowlist; show
        :attr:`untrusted_display` instead).
    """

    def __init__(self, message: object = "", untrusted: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.untrusted = tuple(untrusted)

    @property
    def untrusted_display(self) -> tuple[str, ...]:
        """The refused names, escaped and bounded for display."""
        return tuple(printable(name, 200) for name in self.untrusted)


class NotFittedModelError(ModelPrivacyError, ValueError):
    """The estimator given to inspect has not been fitted."""


class DataError(ModelPrivacyError, ValueError):
    """Training data is missing, unreadable, or does not match the model."""


def as_privacy_error(
    exc: BaseException,
    context: str,
    error: type[ModelPrivacyError] = ModelLoadError,
    hint: str = "",
) -> ModelPrivacyError:
    r"""Turn any exception into a :class:`ModelPrivacyError` with a one-line message.

    A :class:`ModelPrivacyError` is returned as it is. Anything else
    (``RecursionError``, ``MemoryError``, ``NotImplementedError``, an error of
    numpy or scikit-learn quoting the file) becomes ``error`` with the message
    ``"{context}: {TypeName}: {message}[; {hint}]"``, escaped and bounded
    (a ``RecursionError`` says the file is nested too deeply, a
    ``MemoryError`` that it needs more memory than is available).
    Raise the result ``from None`` (or ``from exc`` after an ``except
    ModelPrivacyError: raise`` clause, so that an error is never its own
    cause).

    Parameters
    ----------
    exc : BaseException
        The exception that was caught.
    context : str
        What failed, naming the input, e.g. ``"model file 'm.pkl' could not be
        loaded"``.
    error : type, default=ModelLoadError
        The subclass to build (``DataError`` for a data file).
    hint : str, optional
        What the user can do about it.

    Returns
    -------
    ModelPrivacyError
        The error to raise.

    Examples
    --------
    >>> try:
    ...     raise NotImplementedError("no such dtype \x1b[2K")
    ... except NotImplementedError as exc:
    ...     err = as_privacy_error(exc, "model file 'm.pkl' could not be loaded")
    >>> print(err)
    model file 'm.pkl' could not be loaded: NotImplementedError: no such dtype \x1b[2K
    """
    if isinstance(exc, ModelPrivacyError):
        return exc
    what = describe_exception(exc)
    if isinstance(exc, RecursionError):
        what = "it is nested too deeply (RecursionError)"
    elif isinstance(exc, MemoryError):
        what = "it needs more memory than is available (MemoryError)"
    message = f"{context}: {what}"
    if hint:
        message += f"; {hint}"
    return error(message)
