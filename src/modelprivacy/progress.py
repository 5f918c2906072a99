"""Progress of long commands on stderr.

On a terminal: a spinner (:func:`status`) or rich progress bars
(:func:`step_progress`, :func:`progress_bar`). The command line takes its
progress displays from here.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["progress_bar", "status", "step_progress"]


@contextlib.contextmanager
def status(message: str) -> Iterator[None]:
    """A spinner on stderr while work runs (only when stderr is a terminal)."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(message):
        yield


def step_progress() -> Callable[[str, int, int], None]:
    """Progress of the audit's steps on stderr (a bar when stderr is a terminal).

    Called with ``("", -1, -1)`` to stop the display.
    """
    if not sys.stderr.isatty():
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
    """A progress callback drawing a bar on stderr (only when stderr is a terminal)."""
    if not sys.stderr.isatty():
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
