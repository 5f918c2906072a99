r"""Warnings raised while a model file loads, as clean one-line messages.

Unpickling runs library code that warns with text from the file:
scikit-learn's ``InconsistentVersionWarning`` quotes the file's
``_sklearn_version``, which a hostile file sets to ``"1.3.0\x1b[2K..."``.
Python would print it raw on stderr. :func:`capture_warnings` records the
warnings of a load instead, and turns them into de-duplicated, escaped
one-line messages that the caller reports (``LoadedModel.warnings``).
:func:`show_warning` is a drop-in for :func:`warnings.showwarning` that
prints any other warning the same way.
"""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from modelprivacy._text import one_line, printable, short_repr

__all__ = ["CapturedWarnings", "capture_warnings", "format_warning", "show_warning"]

MAX_LINES = 20
"""The most distinct warning lines a load reports (the rest are counted)."""
_LIMIT = 300
_QUIET = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)
_SEEN_ESTIMATORS = 5


def _category_name(category: type) -> str:
    try:
        name = type.__dict__["__name__"].__get__(category)
    except Exception:
        return "Warning"
    return printable(name, 60) if type(name) is str else "Warning"


def format_warning(message: Warning | str, category: type[Warning] | None = None) -> str:
    """One clean line for a warning: ``"Category: message"``, escaped and bounded.

    Parameters
    ----------
    message : Warning or str
        The warning, as :func:`warnings.showwarning` receives it.
    category : type, optional
        Its category (by default the type of ``message``).

    Returns
    -------
    str
        At most about 300 characters, without control characters or line
        breaks.
    """
    cat = category or (type(message) if isinstance(message, Warning) else UserWarning)
    try:
        text = str(message)
    except Exception:
        text = ""
    return f"{_category_name(cat)}: {one_line(text, _LIMIT)}"


def _version_key(message: Any) -> tuple[str, str] | None:
    """(saved version, installed version) of scikit-learn's InconsistentVersionWarning."""
    if type(message).__name__ != "InconsistentVersionWarning" or not type(
        message
    ).__module__.startswith("sklearn"):
        return None
    vars_ = getattr(message, "__dict__", {})
    if not isinstance(vars_, dict):
        return None
    saved = short_repr(vars_.get("original_sklearn_version"), 60)
    installed = printable(vars_.get("current_sklearn_version", "?"), 40)
    return saved, installed


@dataclass
class CapturedWarnings:
    """The warnings of one load, filled in as they are raised.

    Attributes
    ----------
    count : int
        How many warnings were raised (repeats and quiet categories included).
    """

    count: int = 0
    _lines: dict[str, int] = field(default_factory=dict, repr=False)
    _versions: dict[tuple[str, str], list[str]] = field(default_factory=dict, repr=False)
    _version_counts: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)
    _dropped: int = field(default=0, repr=False)

    def add(self, message: Warning | str, category: type[Warning]) -> None:
        """Record one warning.

        Parameters
        ----------
        message : Warning or str
            The warning.
        category : type
            Its category.
        """
        self.count += 1
        if isinstance(category, type) and issubclass(category, _QUIET):
            return  # Python does not show these by default either
        key = _version_key(message)
        if key is not None:
            names = self._versions.setdefault(key, [])
            name = printable(getattr(message, "__dict__", {}).get("estimator_name", "?"), 60)
            if name not in names and len(names) <= _SEEN_ESTIMATORS:
                names.append(name)
            self._version_counts[key] = self._version_counts.get(key, 0) + 1
            return
        line = format_warning(message, category)
        if line in self._lines:
            self._lines[line] += 1
        elif len(self._lines) < MAX_LINES:
            self._lines[line] = 1
        else:
            self._dropped += 1

    @property
    def lines(self) -> tuple[str, ...]:
        """The warnings as clean one-line messages, each once, in the order first seen.

        scikit-learn's version warnings are merged into one line per saved
        version, naming the estimators; a repeated warning says how often it
        came; warnings beyond :data:`MAX_LINES` distinct ones are counted in a
        last line. Deprecation, import and resource warnings are left out, as
        Python leaves them out by default.
        """
        out = []
        for (saved, installed), names in self._versions.items():
            shown = ", ".join(names[:_SEEN_ESTIMATORS])
            if len(names) > _SEEN_ESTIMATORS:
                shown += " and others"
            n = self._version_counts[(saved, installed)]
            objects = f"{n:,} objects" if n > 1 else "1 object"
            out.append(
                f"the file was saved with scikit-learn {saved} (installed: {installed}) "
                f"for {objects} ({shown}); results may be wrong: load it with the version "
                "that saved it, or save the model again with this one"
            )
        for line, n in self._lines.items():
            out.append(line if n == 1 else f"{line} ({n:,} times)")
        if self._dropped:
            out.append(f"{self._dropped:,} more warnings not shown")
        return tuple(out)


@contextlib.contextmanager
def capture_warnings() -> Iterator[CapturedWarnings]:
    r"""Record the warnings raised in the block instead of printing them.

    Every warning is recorded (``"always"``), each as it comes: the message
    is bounded at once, so a file that triggers a million warnings costs a
    counter, not a million stored messages. Not thread-safe (like
    :class:`warnings.catch_warnings`, which it uses).

    Yields
    ------
    CapturedWarnings
        Read its :attr:`~CapturedWarnings.lines` after the block (also when
        the block raised).

    Examples
    --------
    >>> import warnings
    >>> with capture_warnings() as captured:
    ...     warnings.warn("saved with 1.3.0\x1b[2K")
    >>> captured.lines
    ('UserWarning: saved with 1.3.0\\x1b[2K',)
    """
    captured = CapturedWarnings()

    def record(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        try:
            captured.add(message, category)
        except Exception:  # a warning whose text cannot be computed is still counted
            captured.count += 1

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = record
        yield captured


def show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A :func:`warnings.showwarning` that prints one clean line.

    Install it in the command line (``warnings.showwarning = show_warning``)
    so that no warning, whatever text of the file it carries, reaches the
    terminal raw. It writes ``"modelprivacy: warning: Category: message"``,
    without the source location.

    Parameters
    ----------
    message, category, filename, lineno, file, line
        As for :func:`warnings.showwarning`.
    """
    stream = file if file is not None else sys.stderr
    if stream is None:  # pythonw: no stderr
        return
    with contextlib.suppress(OSError, ValueError):  # a closed or broken stream, as warnings does
        stream.write(f"modelprivacy: warning: {format_warning(message, category)}\n")
