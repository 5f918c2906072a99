"""Progress of long commands: on a terminal, in a log, in a notebook.

Where the displays go depends on stderr:

* a terminal: a spinner (:func:`status`) or rich progress bars
  (:func:`step_progress`, :func:`progress_bar`), drawn on stderr and erased
  when done;
* anything else (a CI log, a pipe, a file): plain lines on stderr, flushed one
  by one, without control characters. A step gives a line when it starts, a
  line at each further tenth of its work (or after 10 s without one), and a
  line when it ends, each after the seconds since the command started::

      modelprivacy: [   2.1s] reference models 1/8
      modelprivacy: [   3.4s] reference models 2/8 (1.3 s)
      ...
      modelprivacy: [  12.4s] reference models 8/8 done in 10.3 s

  A spinner gives one line when its work ends
  (``modelprivacy: [   0.4s] Loading model.pkl done in 0.4 s``);
* inside an IPython kernel (Jupyter), where stderr is the notebook's stream:
  nothing from these three, so that a cell shows no log lines.
  :func:`notebook_progress` (the steps of :func:`modelprivacy.audit`) and
  :func:`notebook_progress_bar` (the reference models of
  :func:`modelprivacy.membership_inference`) draw one display in the cell
  instead, updated in place.

``MODELPRIVACY_PROGRESS=0`` (or ``off``, ``false``, ``no``) turns every
display off; ``MODELPRIVACY_PROGRESS=plain`` gives the plain lines even on a
terminal; unset, empty, ``1`` or ``auto`` choose as above. The command line
takes its progress displays from here; the report itself goes to stdout, so
none of this mixes with it.
"""

from __future__ import annotations

import contextlib
import html
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from modelprivacy.errors import ModelPrivacyError

__all__ = [
    "PROGRESS_ENV",
    "notebook_progress",
    "notebook_progress_bar",
    "progress_bar",
    "status",
    "step_progress",
]

PROGRESS_ENV = "MODELPRIVACY_PROGRESS"
"""The environment variable that turns the displays off (``0``) or to plain lines (``plain``)."""

HEARTBEAT = 10.0
"""Seconds after which a step's progress gives a plain line even within the same tenth."""

NOTEBOOK_REFRESH = 0.2
"""Seconds between two updates of a notebook display within one step."""

_START = time.monotonic()
"""When this module was imported: about when the command started (plain lines count from it)."""

_OFF = frozenset({"0", "off", "false", "no"})
_AUTO = frozenset({"", "1", "on", "true", "yes", "auto"})

_Mode = Literal["off", "terminal", "plain", "kernel"]


def _mode() -> _Mode:
    """How progress is shown here: not at all, on a terminal, as plain lines, or in a kernel."""
    value = os.environ.get(PROGRESS_ENV, "").strip().lower()
    if value in _OFF:
        return "off"
    if value == "plain":
        return "plain"
    if value not in _AUTO:
        from modelprivacy._text import printable

        raise ModelPrivacyError(
            f"${PROGRESS_ENV} must be 0 (no progress), plain (plain lines) or 1 (the default); "
            f"got '{printable(value, 40)}'"
        )
    if _kernel() is not None:
        return "kernel"
    return "terminal" if _isatty(sys.stderr) else "plain"


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def _kernel() -> Any:
    """The running IPython shell when it has a kernel (Jupyter), else None.

    IPython is never imported here: a process that has not imported it is
    not a kernel.
    """
    ipython = sys.modules.get("IPython")
    get = getattr(ipython, "get_ipython", None)
    if get is None:
        return None
    try:
        shell = get()
    except Exception:
        return None
    if shell is None or getattr(shell, "kernel", None) is None:
        return None
    return shell


def _line(text: str) -> None:
    """Write one plain progress line on stderr, now (stamped with the seconds since start)."""
    from modelprivacy._text import one_line

    stream = sys.stderr
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):
        stream.write(f"modelprivacy: [{time.monotonic() - _START:6.1f}s] {one_line(text)}\n")
        stream.flush()


def _plain_message(message: str) -> str:
    """A spinner's message without its rich markup and trailing dots.

    Its control characters are escaped first: rich would drop some of them
    silently (a carriage return), and the line shows what the message holds.
    """
    from rich.errors import MarkupError
    from rich.text import Text

    from modelprivacy._text import one_line

    message = one_line(message)
    try:
        text = Text.from_markup(message).plain
    except MarkupError:
        text = message
    return text.strip().rstrip(".").rstrip()


@contextlib.contextmanager
def status(message: str) -> Iterator[None]:
    """Show ``message`` while work runs.

    On a terminal a spinner on stderr; otherwise one plain line when the work
    ends, with how long it took (none when it raised: the error says what
    happened). Nothing inside a kernel or with ``MODELPRIVACY_PROGRESS=0``.

    Parameters
    ----------
    message : str
        What is being done, in rich markup (``"Loading model.pkl ..."``).

    Yields
    ------
    None
        While the work runs.
    """
    mode = _mode()
    if mode == "terminal":
        from rich.console import Console

        with Console(stderr=True).status(message):
            yield
        return
    if mode != "plain":
        yield
        return
    start = time.monotonic()
    yield
    _line(f"{_plain_message(message)}: done in {time.monotonic() - start:.1f} s")


@dataclass
class _Step:
    """One step as the plain lines follow it."""

    name: str
    total: int
    start: float
    done: int = 0
    tenth: int = 0
    last_line: float = 0.0


class _PlainSteps:
    """``update(step, done, total)`` writing plain lines (see the module docstring)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._step: _Step | None = None
        self._last_event = time.monotonic()

    def __call__(self, step: str, done: int, total: int) -> None:
        now = time.monotonic()
        with self._lock:
            if total < 0:
                self._close(now)
                return
            current = self._step
            if current is None or current.name != step:
                self._close(now)
                # a step first heard of part-way (the reference models report each model
                # fitted, not the start) began when the previous event happened
                started = now if done <= 0 else self._last_event
                current = self._step = _Step(step, total, started, done, _tenth(done, total), now)
                self._last_event = now
                if done >= total:
                    self._finish(current, now)
                else:
                    _line(f"{step} {done}/{total}")
                return
            self._last_event = now
            current.total = total
            if done == current.done and done < total:
                return
            current.done = done
            if done >= total:
                self._finish(current, now)
                return
            tenth = _tenth(done, total)
            if tenth > current.tenth or now - current.last_line >= HEARTBEAT:
                current.tenth = max(tenth, current.tenth)
                current.last_line = now
                _line(f"{step} {done}/{total} ({now - current.start:.1f} s)")

    def _finish(self, step: _Step, now: float) -> None:
        _line(f"{step.name} {step.done}/{step.total} done in {now - step.start:.1f} s")
        self._step = None

    def _close(self, now: float) -> None:
        """End the open step that did not reach its total (a check that did not apply)."""
        step, self._step = self._step, None
        if step is not None:
            _line(f"{step.name} {step.done}/{step.total} ended in {now - step.start:.1f} s")


def _tenth(done: int, total: int) -> int:
    return 10 if total <= 0 else max(0, min(10, done * 10 // total))


def step_progress() -> Callable[[str, int, int], None]:
    """Progress of the audit's steps: bars on a terminal, plain lines elsewhere.

    Nothing inside a kernel (see :func:`notebook_progress`) or with
    ``MODELPRIVACY_PROGRESS=0``.

    Returns
    -------
    callable
        ``update(step, done, total)``; call ``update("", -1, -1)`` to stop
        the display (it may be called more than once).
    """
    mode = _mode()
    if mode == "plain":
        return _PlainSteps()
    if mode != "terminal":
        return lambda step, done, total: None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(transient=True, console=Console(stderr=True))
    tasks: dict[str, Any] = {}
    bar.start()

    def update(step: str, done: int, total: int) -> None:
        if total < 0:
            bar.stop()
            return
        if step not in tasks:
            tasks[step] = bar.add_task(step, total=total)
        bar.update(tasks[step], completed=done, total=total)

    return update


def progress_bar(label: str) -> Callable[[int, int], None] | None:
    """A progress callback ``update(done, total)``: a bar on a terminal, plain lines elsewhere.

    Parameters
    ----------
    label : str
        What is counted (``"Reference models"``).

    Returns
    -------
    callable or None
        ``update(done, total)``, which ends the display when ``done >=
        total``; None inside a kernel or with ``MODELPRIVACY_PROGRESS=0``.
    """
    mode = _mode()
    if mode == "plain":
        steps = _PlainSteps()
        return lambda done, total: steps(label, done, total)
    if mode != "terminal":
        return None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(transient=True, console=Console(stderr=True))
    task = bar.add_task(label, total=None)
    bar.start()

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)
        if done >= total:
            bar.stop()

    return update


@dataclass
class _Row:
    """One step of a notebook display."""

    name: str
    done: int
    total: int
    start: float
    end: float | None = None

    @property
    def state(self) -> str:
        if self.end is None:
            return "running"
        return "done" if self.done >= self.total else "ended"


class _StepsView:
    """What a notebook display shows: one row per step, as HTML and as text."""

    def __init__(self, rows: list[_Row], now: float, start: float, finished: bool) -> None:
        self.rows, self.now, self.start, self.finished = rows, now, start, finished

    def _head(self) -> str:
        seconds = self.now - self.start
        return (
            f"modelprivacy: finished in {seconds:.1f} s"
            if self.finished
            else f"modelprivacy: {seconds:.1f} s"
        )

    def _seconds(self, row: _Row) -> float:
        return (row.end if row.end is not None else self.now) - row.start

    def _repr_html_(self) -> str:
        cells = []
        for row in self.rows:
            seconds = self._seconds(row)
            when = f"{row.state} in {seconds:.1f} s" if row.end is not None else f"{seconds:.1f} s"
            cells.append(
                "<tr>"
                f'<td style="text-align:left;padding-right:1em">{html.escape(row.name)}</td>'
                f'<td><progress value="{max(row.done, 0)}" max="{max(row.total, 1)}"></progress></td>'
                f'<td style="text-align:right">{row.done}/{row.total}</td>'
                f'<td style="text-align:left;padding-left:1em">{when}</td>'
                "</tr>"
            )
        return (
            '<div class="modelprivacy-progress">'
            f"<div>{html.escape(self._head())}</div>"
            f'<table style="margin-left:0">{"".join(cells)}</table></div>'
        )

    def __repr__(self) -> str:
        lines = [self._head()]
        for row in self.rows:
            seconds = self._seconds(row)
            state = f"{row.state} in {seconds:.1f} s" if row.end is not None else f"{seconds:.1f} s"
            lines.append(f"  {row.name} {row.done}/{row.total} {state}")
        return "\n".join(lines)


class _NotebookSteps:
    """``update(step, done, total)`` drawing and updating one display in the cell.

    A step heard of again after ``update("", -1, -1)`` reopens the display.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows: list[_Row] = []
        self._start = self._last_event = time.monotonic()
        self._handle: Any = None
        self._shown = 0.0
        self._finished = False

    def __call__(self, step: str, done: int, total: int) -> None:
        now = time.monotonic()
        with self._lock:
            if total < 0:
                if self._finished or not self._rows:
                    return
                self._finished = True
                self._end_open(now)
                self._show(now)
                return
            self._finished = False
            row = self._rows[-1] if self._rows else None
            if row is None or row.name != step or (row.end is not None and done < row.done):
                self._end_open(now)
                started = now if done <= 0 else self._last_event
                row = _Row(step, done, total, started)
                self._rows.append(row)
                force = True
            else:
                force = done >= total and row.end is None
            row.done, row.total = done, total
            if done >= total and row.end is None:
                row.end = now
            self._last_event = now
            if force or now - self._shown >= NOTEBOOK_REFRESH:
                self._show(now)

    def _end_open(self, now: float) -> None:
        for row in self._rows:
            if row.end is None:
                row.end = now

    def _show(self, now: float) -> None:
        self._shown = now
        view = _StepsView(list(self._rows), now, self._start, self._finished)
        try:
            if self._handle is None:
                from IPython.display import display

                self._handle = display(view, display_id=True)
            else:
                self._handle.update(view)
        except Exception:
            # a display that cannot be drawn (a closed kernel stream) never stops the audit
            self._handle = _NoHandle()


class _NoHandle:
    def update(self, obj: Any) -> None:
        return None


def notebook_progress() -> Callable[[str, int, int], None] | None:
    """A display of the audit's steps in the notebook cell, when running in a kernel.

    Pass it as ``modelprivacy.audit(..., progress=notebook_progress())``. The
    display is drawn at the first step and updated in place (at most every
    :data:`NOTEBOOK_REFRESH` seconds within a step): one row per step with a
    progress bar, its count and its seconds. It writes nothing on stderr and
    needs no widget library. ``update("", -1, -1)`` marks it finished; a step
    that did not reach its total shows ``ended`` when the next one starts.

    Returns
    -------
    callable or None
        ``update(step, done, total)`` inside an IPython kernel (Jupyter,
        VS Code, Colab); None elsewhere (a script, a terminal IPython) or
        with ``MODELPRIVACY_PROGRESS=0``.
    """
    if _mode() != "kernel":
        return None
    return _NotebookSteps()


def notebook_progress_bar(label: str = "reference models") -> Callable[[int, int], None] | None:
    """A notebook display for a ``progress(done, total)`` callback, when running in a kernel.

    For :func:`modelprivacy.membership_inference`'s ``progress``: the same
    display as :func:`notebook_progress`, with one row named ``label``,
    finished when ``done`` reaches ``total``.

    Parameters
    ----------
    label : str, default="reference models"
        The row's name.

    Returns
    -------
    callable or None
        ``update(done, total)`` inside an IPython kernel; None elsewhere or
        with ``MODELPRIVACY_PROGRESS=0``.
    """
    steps = notebook_progress()
    if steps is None:
        return None

    def update(done: int, total: int) -> None:
        steps(label, done, total)
        if done >= total:
            steps("", -1, -1)

    return update
